"""The declarative configuration, ``modelwatch.toml``: what to crawl, what to probe, where alerts go.

Parsed with `tomllib` into frozen pydantic models and validated whole at start. Any unknown key or bad
value raises `ConfigError`, whose message names the file and the key path, e.g.
``modelwatch.toml: sources[1].every: invalid duration 'soon' (use e.g. 30s, 5m, 6h, 1d)``.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    model_validator,
)

DEFAULT_OPENROUTER_URL = "https://openrouter.ai/api/v1"
EIGENAI_PAGE = "https://app.eigenai.com/deepseek.html"
MAX_BYTES = 10 * 1024 * 1024
PROBE_MAX_BYTES = 1024 * 1024
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_WEEKLY = re.compile(
    r"\s*(mon|tue|wed|thu|fri|sat|sun)[a-z]*\s+(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*", re.IGNORECASE
)

_DURATION_HINT = "use e.g. 30s, 5m, 6h, 1d"
_DURATION_PART = re.compile(r"\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)\s*", re.IGNORECASE)
_UNITS = {"ms": 0.001, "s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")
_ENV_NAME = re.compile(r"[A-Z_][A-Z0-9_]*")
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_TOML_TYPES = {str: "a string", int: "an integer", float: "a float", bool: "a boolean", list: "an array"}


class ConfigError(Exception):
    """The configuration can not be used; ``str(e)`` names the file and the key path of each error."""

    def __init__(self, path: str, problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        super().__init__("\n".join(f"{path}: {problem}" for problem in problems))


class _KeyedError(ValueError):
    """A validation error about a key below the one being validated (e.g. a cross-field rule)."""

    def __init__(self, key: tuple[str | int, ...], message: str) -> None:
        self.key = key
        super().__init__(message)


def parse_duration(text: str) -> timedelta:
    """Parse ``"30s"``, ``"5m"``, ``"6h"``, ``"1d"``, ``"1h30m"``, ``"500ms"`` or ``"2w"``.

    Raises `ValueError` (message ``invalid duration '...' (use e.g. ...)``) for anything else.
    """
    if not isinstance(text, str) or not text.strip():
        raise ValueError(f"invalid duration {text!r} ({_DURATION_HINT})")
    seconds = 0.0
    position = 0
    while position < len(text):
        match = _DURATION_PART.match(text, position)
        if match is None:
            raise ValueError(f"invalid duration {text!r} ({_DURATION_HINT})")
        seconds += float(match[1]) * _UNITS[match[2].lower()]
        position = match.end()
    return timedelta(seconds=seconds)


def _duration(value: Any) -> Any:
    duration = value if isinstance(value, timedelta) else parse_duration(value)
    if duration <= timedelta(0):
        raise ValueError(f"must be more than zero, got {value!r}")
    return duration


def _http_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in value):
        raise ValueError(f"not an http(s) URL: {value!r}")
    return value


def _name(value: str) -> str:
    if not _NAME.fullmatch(value):
        raise ValueError(f"invalid name {value!r} (letters, digits, '.', '_', '-'; no spaces)")
    return value


def _env_name(value: str) -> str:
    # The message never repeats the value: if it is a key by mistake, it must not reach a log.
    looks_like_key = len(value) > 64 or (len(value) >= 24 and "_" not in value)
    if not _ENV_NAME.fullmatch(value) or looks_like_key:
        raise ValueError(
            "must be the NAME of an environment variable holding the key (like EIGENAI_API_KEY), "
            "never the key itself"
        )
    return value


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    return value


def weekly_window(text: str) -> tuple[int, int, int]:
    """``"Sun 02:00-04:00"`` -> (weekday 0-6 from Monday, start minute, end minute), UTC."""
    match = _WEEKLY.fullmatch(text)
    if match is None:
        raise ValueError(f"invalid weekly window {text!r} (use e.g. 'Sun 02:00-04:00', UTC)")
    day = _WEEKDAYS.index(match[1].lower())
    start_h, start_m, end_h, end_m = (int(match[i]) for i in range(2, 6))
    if start_h > 23 or end_h > 24 or start_m > 59 or end_m > 59:
        raise ValueError(f"invalid weekly window {text!r} (hours 00-23, minutes 00-59)")
    return day, start_h * 60 + start_m, end_h * 60 + end_m


def _weekly(value: str) -> str:
    weekly_window(value)
    return value


def _channel(value: str) -> str:
    if "://" not in value:  # not echoed: Apprise URLs carry tokens
        raise ValueError("not an Apprise URL (e.g. json://host/path, mailto://user:pass@host)")
    return value


Duration = Annotated[timedelta, BeforeValidator(_duration)]
HttpUrl = Annotated[str, AfterValidator(_http_url)]
Name = Annotated[str, AfterValidator(_name)]
Text = Annotated[str, AfterValidator(_not_blank)]
_STRICT = ConfigDict(extra="forbid", strict=True, frozen=True)


class _SourceBase(BaseModel):
    model_config = _STRICT

    name: Name
    every: Duration = timedelta(hours=6)
    enabled: bool = True
    timeout: Duration = timedelta(seconds=30)
    max_bytes: int = Field(default=MAX_BYTES, gt=0)
    concurrency: int | None = Field(default=None, ge=1)


class OpenRouterSource(_SourceBase):
    """OpenRouter's JSON API: ``/models``, ``/models/{id}/endpoints``, ``/providers`` under `base_url`."""

    kind: Literal["openrouter"]
    base_url: Annotated[HttpUrl, AfterValidator(lambda url: url.rstrip("/"))] = DEFAULT_OPENROUTER_URL


class PagesSource(_SourceBase):
    """Static model pages of one provider, read through the page extractor."""

    kind: Literal["pages"]
    provider: Text
    urls: list[HttpUrl] = Field(min_length=1)


Source = Annotated[OpenRouterSource | PagesSource, Field(discriminator="kind")]
_SOURCE_KINDS = ("openrouter", "pages")


class Probe(BaseModel):
    """One probed endpoint. The API key is read from the environment variable `api_key_env` names."""

    model_config = _STRICT

    name: Name
    protocol: Literal["openai", "eigenai", "http"]
    url: HttpUrl
    model: Text | None = None
    api_key_env: Annotated[str, AfterValidator(_env_name)] | None = None
    every: Duration = timedelta(minutes=5)
    timeout: Duration = timedelta(seconds=30)
    max_tokens: int = Field(default=16, ge=1)
    stream: bool = True
    provider_tag: Text | None = None  # OpenRouter's provider tag, e.g. "deepinfra/fp4": pin that provider
    prompt: Text | None = None
    enabled: bool = True
    # protocol "http": the status expected and, optionally, a text the body must contain
    expect_status: int = Field(default=200, ge=100, le=599)
    expect_body: Text | None = None
    max_bytes: int = Field(default=PROBE_MAX_BYTES, gt=0)  # a longer answer is a bad_response
    # degraded when the p90 time to first token of the recent samples passes this (optional)
    degraded_ttft: Duration | None = None
    # the catalog provider it measures (for `probe --plan` prices); default: from the protocol or tag
    provider: Text | None = None

    @model_validator(mode="after")
    def _fits_protocol(self) -> Probe:
        if self.protocol != "http" and self.model is None:
            raise _KeyedError(("model",), f"required for protocol {self.protocol!r}")
        if self.provider_tag is not None and self.protocol != "openai":
            raise _KeyedError(("provider_tag",), "only for protocol 'openai' (an endpoint behind OpenRouter)")
        return self


#: Alert rule kinds (``on = [...]`` in ``[[alerts.rules]]``). A kind covers its pair: ``outage`` the
#: start, the reminders and the resolve; ``parser_broken`` the fix; ``source_failing`` the recovery.
RULE_KINDS = (
    "price_change",
    "new_model",
    "new_endpoint",
    "endpoint_removed",
    "context_changed",
    "parameters_changed",
    "endpoint_changed",
    "parser_broken",
    "source_failing",
    "outage",
    "degraded",
)
#: What a new user gets when ``[alerts]`` has no rules: everything the issue tracker asked for.
DEFAULT_RULE_KINDS = tuple(kind for kind in RULE_KINDS if kind != "endpoint_changed")
_ENV_REF = re.compile(r"\$\{([^}]*)\}")
_CLOCK = re.compile(r"\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*")


def expand_env(text: str, environ: Mapping[str, str] | None = None) -> str:
    """Replace each ``${NAME}`` in `text` with the environment variable's value.

    Raises `ValueError` naming the variable (never a value) when one is unset or the name is invalid.
    Secrets stay in the environment: the configuration, the database and the logs hold the reference.
    """
    env = os.environ if environ is None else environ

    def value(match: re.Match[str]) -> str:
        name = match[1]
        if not _ENV_NAME.fullmatch(name):
            raise ValueError(f"invalid environment variable reference ${{{name}}} (use ${{NAME}})")
        if name not in env:
            raise ValueError(f"environment variable {name} is not set (referenced as ${{{name}}})")
        return env[name]

    return _ENV_REF.sub(value, text)


def _apprise_url(value: str) -> str:
    """An Apprise URL that Apprise can load, checked with its own parser (the URL is never echoed)."""
    from monitor.alerts.apprise_channel import apprise_problem

    problem = apprise_problem(expand_env(value))
    if problem is not None:
        raise ValueError(problem)
    return value


def clock_window(text: str) -> tuple[int, int]:
    """``"22:00-07:00"`` -> (start minute, end minute) of the day; the window may cross midnight."""
    match = _CLOCK.fullmatch(text)
    if match is None:
        raise ValueError(f"invalid daily window {text!r} (use e.g. '22:00-07:00')")
    start_h, start_m, end_h, end_m = (int(match[i]) for i in range(1, 5))
    if start_h > 23 or end_h > 24 or start_m > 59 or end_m > 59 or (end_h == 24 and end_m):
        raise ValueError(f"invalid daily window {text!r} (hours 00-23, minutes 00-59)")
    if (start_h, start_m) == (end_h, end_m):
        raise ValueError(f"invalid daily window {text!r} (start and end are the same time)")
    return start_h * 60 + start_m, end_h * 60 + end_m


def _clock(value: str) -> str:
    clock_window(value)
    return value


def _timezone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (ValueError, ZoneInfoNotFoundError):
        raise ValueError(f"unknown time zone {value!r} (use e.g. 'UTC', 'Europe/Berlin')") from None
    return value


AppriseUrl = Annotated[str, AfterValidator(_channel), AfterValidator(_apprise_url)]


class AlertRule(BaseModel):
    """Which events are worth an alert, and where they go.

    ``on`` lists event kinds (`RULE_KINDS`). ``models``, ``providers``, ``sources`` and ``probes`` are
    shell-style patterns (``deepseek/*``); an empty list means any, a non-empty one also excludes events
    without that attribute. ``channels`` names channels (default: all of them).
    """

    model_config = _STRICT

    on: list[Literal[RULE_KINDS]] = Field(min_length=1)  # type: ignore[valid-type]
    models: list[Text] = Field(default_factory=list)
    providers: list[Text] = Field(default_factory=list)
    sources: list[Text] = Field(default_factory=list)
    probes: list[Text] = Field(default_factory=list)
    channels: list[Text] = Field(default_factory=list)
    # price_change: the smallest change in percent (default: alerts.price_change_percent) and direction
    min_percent: float | None = Field(default=None, ge=0)
    direction: Literal["any", "up", "down"] = "any"
    # source_failing: how many failed crawls in a row
    after: int = Field(default=3, ge=1)
    # sent even during quiet hours
    urgent: bool = False

    @model_validator(mode="after")
    def _fits_kinds(self) -> AlertRule:
        given = self.model_fields_set
        if "price_change" not in self.on:
            for key in ("min_percent", "direction"):
                if key in given:
                    raise _KeyedError((key,), "only for rules on 'price_change'")
        if "after" in given and "source_failing" not in self.on:
            raise _KeyedError(("after",), "only for rules on 'source_failing'")
        return self


class WebhookChannel(BaseModel):
    """A plain JSON webhook: one POST per message, signed with HMAC-SHA256 when a secret is set.

    ``url`` and ``headers`` values may reference ``${ENV_VAR}``; ``secret_env`` names the variable that
    holds the signing secret. Neither value is ever written to the database or a log.
    """

    model_config = _STRICT

    name: Name
    url: Annotated[str, AfterValidator(_not_blank)]
    secret_env: Annotated[str, AfterValidator(_env_name)] | None = None
    headers: dict[Text, str] = Field(default_factory=dict)
    timeout: Duration | None = None  # default: alerts.timeout

    @model_validator(mode="after")
    def _resolvable(self) -> WebhookChannel:
        try:
            _http_url(expand_env(self.url))
        except ValueError as exc:
            # an expanded URL may hold a token: say what is wrong, not what it is
            message = str(exc) if "environment variable" in str(exc) else "not an http(s) URL"
            raise _KeyedError(("url",), message) from None
        for header, value in self.headers.items():
            try:
                expand_env(value)
            except ValueError as exc:
                raise _KeyedError(("headers", header), str(exc)) from None
        return self


class Alerts(BaseModel):
    """Where alerts go and when an event is worth one.

    Channels: ``channels`` (Apprise URLs), ``apprise`` (named Apprise URLs, for rules that pick
    channels) and ``webhooks`` (plain JSON webhooks). Rules: ``rules``, or `DEFAULT_RULE_KINDS` when
    none are given. Delivery: ``timeout`` per send; a failed send is retried with exponential backoff
    (``retry_min`` doubling up to ``retry_max``) for ``retry_for``, then marked failed; a channel that
    fails ``failing_after`` times in a row is shown as failing.
    """

    model_config = _STRICT

    channels: list[AppriseUrl] = Field(default_factory=list)
    apprise: dict[Name, AppriseUrl] = Field(default_factory=dict)
    webhooks: list[WebhookChannel] = Field(default_factory=list)
    rules: list[AlertRule] | None = None
    price_change_percent: float = Field(default=1.0, ge=0)
    dashboard_url: Annotated[HttpUrl, AfterValidator(lambda url: url.rstrip("/"))] = "http://localhost:8501"
    timeout: Duration = timedelta(seconds=10)
    retry_min: Duration = timedelta(seconds=30)
    retry_max: Duration = timedelta(hours=1)
    retry_for: Duration = timedelta(days=2)
    failing_after: int = Field(default=3, ge=1)
    remind_every: Duration = timedelta(hours=6)  # reminders while an outage lasts
    reminders: bool = True
    quiet_hours: Annotated[str, AfterValidator(_clock)] | None = None  # e.g. "22:00-07:00"
    timezone: Annotated[str, AfterValidator(_timezone)] = "UTC"  # of quiet_hours
    max_age: Duration = timedelta(days=1)  # older events (e.g. a first run on old history) are not sent
    max_lines: int = Field(default=40, ge=1)  # lines of a digest before "... and N more"

    @model_validator(mode="after")
    def _known_channels(self) -> Alerts:
        names = self.channel_names()
        seen: dict[str, tuple[str | int, ...]] = {}
        for key, name in (
            *((("apprise", n), n) for n in self.apprise),
            *((("webhooks", i, "name"), w.name) for i, w in enumerate(self.webhooks)),
        ):
            if name in seen:
                raise _KeyedError(key, f"duplicate channel name {name!r}")
            seen[name] = key
        for i, rule in enumerate(self.rules or ()):
            for j, name in enumerate(rule.channels):
                if name not in names:
                    known = ", ".join(repr(n) for n in names) or "none configured"
                    raise _KeyedError(("rules", i, "channels", j), f"no channel named {name!r} ({known})")
        if self.retry_max < self.retry_min:
            raise _KeyedError(("retry_max",), "must not be shorter than retry_min")
        return self

    def channel_names(self) -> list[str]:
        """Every channel's name: ``channels[i]`` for the unnamed Apprise URLs, then the named ones."""
        return [
            *(f"channels[{i}]" for i in range(len(self.channels))),
            *self.apprise,
            *(webhook.name for webhook in self.webhooks),
        ]

    def effective_rules(self) -> list[AlertRule]:
        """The configured rules, or the default: every `DEFAULT_RULE_KINDS` event to every channel."""
        if self.rules is not None:
            return list(self.rules)
        return [AlertRule(on=list(DEFAULT_RULE_KINDS))]


class Maintenance(BaseModel):
    """A planned maintenance window: probes inside it are left out of uptime and outage detection.

    Either once (``start`` and ``end``, TOML datetimes with an offset) or every week (``weekly =
    "Sun 02:00-04:00"``, UTC). ``probes`` names the probes it covers; empty means all of them.
    """

    model_config = _STRICT

    probes: list[Name] = Field(default_factory=list)
    start: AwareDatetime | None = None
    end: AwareDatetime | None = None
    weekly: Annotated[str, AfterValidator(_weekly)] | None = None
    reason: Text | None = None

    @model_validator(mode="after")
    def _one_kind(self) -> Maintenance:
        if self.weekly is not None:
            if self.start is not None or self.end is not None:
                raise _KeyedError(("weekly",), "give either weekly or start and end, not both")
            return self
        if self.start is None or self.end is None:
            raise _KeyedError(("start" if self.start is None else "end",), "required (or give weekly)")
        if self.end <= self.start:
            raise _KeyedError(("end",), "must be after start")
        return self

    def covers(self, probe: str, at: datetime) -> bool:
        """Whether `probe` is under maintenance at `at` (aware)."""
        if self.probes and probe not in self.probes:
            return False
        if self.weekly is None:
            assert self.start is not None and self.end is not None
            return self.start <= at < self.end
        day, start, end = weekly_window(self.weekly)
        at = at.astimezone(UTC)
        minute = at.weekday() * 1440 + at.hour * 60 + at.minute
        begin = day * 1440 + start
        finish = begin + ((end - start) % 1440 or 1440)
        week = 7 * 1440
        return any(begin <= minute + shift < finish for shift in (0, week))


class Monitoring(BaseModel):
    """How probe results become up/down/degraded, how long history is kept, how hard probes run."""

    model_config = _STRICT

    down_after: int = Field(default=3, ge=1)  # consecutive failures
    up_after: int = Field(default=2, ge=1)  # consecutive successes
    degraded_window: int = Field(default=10, ge=1)  # recent ok samples for the TTFT p90
    concurrency: int = Field(default=50, ge=1)  # probes in flight at once
    raw_retention: Duration = timedelta(days=7)
    rollup_retention: Duration = timedelta(days=400)
    rollup_every: Duration = timedelta(minutes=5)
    maintenance: list[Maintenance] = Field(default_factory=list)


class Models(BaseModel):
    """Canonical matching: ``aliases`` maps a provider's model id (or ``"Provider:id"``) to a canonical id."""

    model_config = _STRICT

    aliases: dict[Text, Text] = Field(default_factory=dict)

    def canonical(self, model_id: str, *, provider: str | None = None) -> str | None:
        """The canonical id configured for a provider's model id; a provider-qualified alias wins."""
        if provider is not None and f"{provider}:{model_id}" in self.aliases:
            return self.aliases[f"{provider}:{model_id}"]
        return self.aliases.get(model_id)


class Config(BaseModel):
    """The whole ``modelwatch.toml``."""

    model_config = _STRICT

    sources: list[Source] = Field(default_factory=list)
    probes: list[Probe] = Field(default_factory=list)
    alerts: Alerts = Field(default_factory=Alerts)
    models: Models = Field(default_factory=Models)
    monitoring: Monitoring = Field(default_factory=Monitoring)

    @model_validator(mode="after")
    def _unique_names(self) -> Config:
        for section, items in (("sources", self.sources), ("probes", self.probes)):
            first: dict[str, int] = {}
            for i, item in enumerate(items):
                if item.name in first:
                    message = f"duplicate name {item.name!r} (also {section}[{first[item.name]}])"
                    raise _KeyedError((section, i, "name"), message)
                first[item.name] = i
        names = {probe.name for probe in self.probes}
        for i, window in enumerate(self.monitoring.maintenance):
            for j, name in enumerate(window.probes):
                if name not in names:
                    raise _KeyedError(
                        ("monitoring", "maintenance", i, "probes", j), f"no probe named {name!r}"
                    )
        return self


def parse_config(text: str, *, path: str = "<string>") -> Config:
    """Parse and validate the text of a ``modelwatch.toml``; `path` names it in error messages."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(path, [_toml_problem(str(exc), lines=text.count("\n") + 1)]) from None
    try:
        return Config.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(path, [_problem(error) for error in exc.errors()]) from None


def load_config(path: Path) -> Config:
    """Read and validate a configuration file; raises `ConfigError` naming the file."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(str(path), [f"cannot read: {exc.strerror or exc}"]) from None
    except UnicodeDecodeError:
        raise ConfigError(str(path), ["cannot read: not UTF-8 text"]) from None
    return parse_config(text, path=str(path))


def default_config() -> Config:
    """What modelwatch watches when no file exists (the same as the shipped ``modelwatch.toml``)."""
    return Config(
        sources=[
            OpenRouterSource(name="openrouter", kind="openrouter", every=timedelta(hours=6)),
            PagesSource(
                name="eigenai",
                kind="pages",
                provider="EigenAI",
                urls=[EIGENAI_PAGE],
                every=timedelta(hours=12),
            ),
        ],
        probes=[
            Probe(
                name="eigenai-deepseek-v3.1",
                protocol="eigenai",
                url="https://app.eigenai.com/api/v1/generate/stream",
                model="deepseek-v31-terminus",
                api_key_env="EIGENAI_API_KEY",
                every=timedelta(minutes=5),
                timeout=timedelta(seconds=60),
                max_tokens=16,
                stream=True,
            )
        ],
        alerts=Alerts(channels=[], price_change_percent=1.0),
        models=Models(aliases={"deepseek-v31-terminus": "deepseek/deepseek-v3.1-terminus"}),
    )


def _toml_problem(message: str, *, lines: int) -> str:
    if match := re.fullmatch(r"(.*) \(at line (\d+), column (\d+)\)", message):
        return f"line {match[2]}: invalid TOML: {match[1]} (column {match[3]})"
    if match := re.fullmatch(r"(.*) \(at end of document\)", message):
        return f"line {lines}: invalid TOML: {match[1]} (at the end of the file)"
    return f"invalid TOML: {message}"


def _problem(error: Any) -> str:
    """One pydantic error as ``key.path: message``, in the file's words rather than pydantic's."""
    loc = list(error["loc"])
    # A tagged union puts the tag into the path (sources[0].pages.urls): the file has no such key.
    if len(loc) >= 3 and loc[0] == "sources" and loc[2] in _SOURCE_KINDS:
        del loc[2]
    loc = [part for part in loc if part != "[key]"]
    kind, ctx = error["type"], error.get("ctx") or {}
    if kind == "extra_forbidden":
        message = "unknown key"
    elif kind == "missing":
        message = "required key missing"
    elif kind == "union_tag_not_found":
        loc.append("kind")
        message = "required key missing (one of 'openrouter', 'pages')"
    elif kind == "union_tag_invalid":
        loc.append("kind")
        message = f"unknown kind {ctx.get('tag')!r} (expected 'openrouter' or 'pages')"
    elif kind in ("model_type", "dict_type", "list_type"):
        message = "must be an array" if kind == "list_type" else "must be a table"
    elif kind == "too_short":
        message = "must not be empty"
    elif kind == "literal_error":
        message = f"invalid value {error['input']!r} (expected {ctx.get('expected')})"
    elif kind == "value_error" and isinstance(ctx.get("error"), ValueError):
        cause = ctx["error"]
        loc.extend(getattr(cause, "key", ()))
        message = str(cause)
    else:
        message = error["msg"][:1].lower() + error["msg"][1:]
        got = _TOML_TYPES.get(type(error["input"]), "a table" if isinstance(error["input"], dict) else None)
        if kind.endswith("_type") and got:  # the type, never the value: it may be a secret
            message += f" (got {got})"
    return f"{_key_path(loc)}: {message}" if loc else message


def _key_path(loc: list[str | int]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            name = part if _BARE_KEY.fullmatch(part) else '"' + part.replace('"', '\\"') + '"'
            out += f".{name}" if out else name
    return out

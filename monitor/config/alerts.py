"""``[alerts]``: where alerts go (Apprise URLs, JSON webhooks), which events are worth one (rules), and how
delivery retries, reminds and keeps quiet hours."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AfterValidator, BaseModel, Field, model_validator

from monitor.config.durations import Duration, check_clock_window
from monitor.config.environment import EnvName, expand_env
from monitor.config.errors import KeyedError
from monitor.config.values import STRICT, HttpUrl, Name, Text, http_url, not_blank

#: Alert rule kinds (``on = [...]`` in ``[[alerts.rules]]``). A kind covers its pair: ``outage`` the
#: start, the reminders and the resolve; ``parser_broken`` the fix; ``source_failing`` the recovery;
#: ``sources_disagree`` (two sources give different values for a field of an endpoint) their agreeing again.
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
    "sources_disagree",
)
#: Changes of one crawl above which its digest is a flood: counts by kind and the largest price changes only.
FLOOD_THRESHOLD = 200
#: What a new user gets when ``[alerts]`` has no rules: everything the issue tracker asked for. Not
#: ``sources_disagree``: watching the whole market, community sources disagree with providers about
#: hundreds of endpoints at once; the dashboard's Disagreements page shows them, a rule asks for alerts.
DEFAULT_RULE_KINDS = tuple(
    kind for kind in RULE_KINDS if kind not in ("endpoint_changed", "sources_disagree")
)


def _channel(value: str) -> str:
    if "://" not in value:  # not echoed: Apprise URLs carry tokens
        raise ValueError("not an Apprise URL (e.g. json://host/path, mailto://user:pass@host)")
    return value


def _apprise_url(value: str) -> str:
    """An Apprise URL that Apprise can load, checked with its own parser (the URL is never echoed)."""
    from monitor.alerts.apprise_channel import apprise_problem

    problem = apprise_problem(expand_env(value))
    if problem is not None:
        raise ValueError(problem)
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

    model_config = STRICT

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
                    raise KeyedError((key,), "only for rules on 'price_change'")
        if "after" in given and "source_failing" not in self.on:
            raise KeyedError(("after",), "only for rules on 'source_failing'")
        return self


class WebhookChannel(BaseModel):
    """A plain JSON webhook: one POST per message, signed with HMAC-SHA256 when a secret is set.

    ``url`` and ``headers`` values may reference ``${ENV_VAR}``; ``secret_env`` names the variable that
    holds the signing secret. Neither value is ever written to the database or a log.
    """

    model_config = STRICT

    name: Name
    url: Annotated[str, AfterValidator(not_blank)]
    secret_env: EnvName | None = None
    headers: dict[Text, str] = Field(default_factory=dict)
    timeout: Duration | None = None  # default: alerts.timeout

    @model_validator(mode="after")
    def _resolvable(self) -> WebhookChannel:
        try:
            http_url(expand_env(self.url))
        except ValueError as exc:
            # an expanded URL may hold a token: say what is wrong, not what it is
            message = str(exc) if "environment variable" in str(exc) else "not an http(s) URL"
            raise KeyedError(("url",), message) from None
        for header, value in self.headers.items():
            try:
                expand_env(value)
            except ValueError as exc:
                raise KeyedError(("headers", header), str(exc)) from None
        return self


class Alerts(BaseModel):
    """Where alerts go and when an event is worth one.

    Channels: ``channels`` (Apprise URLs), ``apprise`` (named Apprise URLs, for rules that pick
    channels) and ``webhooks`` (plain JSON webhooks). Rules: ``rules``, or `DEFAULT_RULE_KINDS` when
    none are given. Delivery: ``timeout`` per send; a failed send is retried with exponential backoff
    (``retry_min`` doubling up to ``retry_max``) for ``retry_for``, then marked failed; a channel that
    fails ``failing_after`` times in a row is shown as failing.
    """

    model_config = STRICT

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
    quiet_hours: Annotated[str, AfterValidator(check_clock_window)] | None = None  # e.g. "22:00-07:00"
    timezone: Annotated[str, AfterValidator(_timezone)] = "UTC"  # of quiet_hours
    max_age: Duration = timedelta(days=1)  # older events (e.g. a first run on old history) are not sent
    max_lines: int = Field(default=40, ge=1)  # lines of a digest before "... and N more"
    # a crawl with more changes than this is a flood: one short message (counts, the largest price changes)
    flood_threshold: int = Field(default=FLOOD_THRESHOLD, ge=1)

    @model_validator(mode="after")
    def _known_channels(self) -> Alerts:
        names = self.channel_names()
        seen: dict[str, tuple[str | int, ...]] = {}
        for key, name in (
            *((("apprise", n), n) for n in self.apprise),
            *((("webhooks", i, "name"), w.name) for i, w in enumerate(self.webhooks)),
        ):
            if name in seen:
                raise KeyedError(key, f"duplicate channel name {name!r}")
            seen[name] = key
        for i, rule in enumerate(self.rules or ()):
            for j, name in enumerate(rule.channels):
                if name not in names:
                    known = ", ".join(repr(n) for n in names) or "none configured"
                    raise KeyedError(("rules", i, "channels", j), f"no channel named {name!r} ({known})")
        if self.retry_max < self.retry_min:
            raise KeyedError(("retry_max",), "must not be shorter than retry_min")
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

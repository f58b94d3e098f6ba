"""Sends through the Apprise library (Slack, Discord, e-mail, ntfy, Telegram, json://... URLs).

Apprise is used as a library: one `Apprise` object per send, no persistent storage, no retries of its
own (the outbox retries). Messages to Apprise's HTTP schemes (``json://``, ``xml://``, ``form://``)
carry the outbox's ``Idempotency-Key`` header, so such a receiver can drop a re-send.
"""

from __future__ import annotations

import contextlib
import logging
import warnings
from functools import cache
from types import ModuleType
from urllib.parse import urlsplit

logger = logging.getLogger(__name__)

_HTTP_SCHEMES = frozenset({"json", "jsons", "xml", "xmls", "form", "forms"})


@cache
def load_apprise() -> ModuleType:
    """Import Apprise with its plugins loaded.

    One plugin imports the standard library's ``imghdr``, which warns of its removal on Python 3.11
    and 3.12; import it here, quietly, so that a warning outside our control never reaches the log
    (or fails a test run with warnings as errors).
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        with contextlib.suppress(ImportError):  # Python 3.13+: gone, and Apprise brings a shim
            import imghdr  # noqa: F401
        import apprise

        apprise.Apprise.instantiate("json://localhost")  # loads the plugin modules now
    return apprise


def _asset() -> object:
    apprise = load_apprise()
    return apprise.AppriseAsset(storage_mode="memory", default_service_retry=0)


def apprise_problem(url: str) -> str | None:
    """Why Apprise can not load `url` (a message that never repeats the URL), or None when it can."""
    scheme = urlsplit(url).scheme.lower() if "://" in url else ""
    if not _known(scheme):
        return f"unknown Apprise scheme {scheme!r} (see https://github.com/caronc/apprise/wiki)"
    apprise = load_apprise()
    quiet = logging.getLogger("apprise")
    level = quiet.level
    quiet.setLevel(logging.CRITICAL)  # its reasons quote parts of the URL; ours below does not
    try:
        loaded = apprise.Apprise.instantiate(url, asset=_asset())
    finally:
        quiet.setLevel(level)
    if loaded is None:
        return (
            f"not a valid Apprise URL for scheme {scheme!r}: a token, host, address or option is missing "
            "or malformed (see https://github.com/caronc/apprise/wiki)"
        )
    return None


@cache
def _schemes() -> frozenset[str]:
    apprise = load_apprise()
    found: set[str] = set()
    for plugin in apprise.Apprise().details().get("schemas", []):
        for key in ("protocols", "secure_protocols"):
            value = plugin.get(key) or ()
            found.update([value] if isinstance(value, str) else value)
    return frozenset(s.lower() for s in found)


def _known(scheme: str) -> bool:
    return scheme in _schemes()


def with_idempotency_key(url: str, key: str) -> str:
    """`url` with the ``Idempotency-Key`` header Apprise's HTTP schemes send (``+Header=value``)."""
    if urlsplit(url).scheme.lower() not in _HTTP_SCHEMES:
        return url
    separator = "&" if "?" in url else "?"
    return f"{url}{separator}+Idempotency-Key={key}"


def send_apprise(
    url: str, *, title: str, body: str, idempotency_key: str | None, timeout_s: float
) -> str | None:
    """Send one message to the (expanded) Apprise `url`; returns None when it was accepted, else why not.

    The reason comes from Apprise's own log of the call, which it writes without secrets.
    """
    apprise = load_apprise()
    notifier = apprise.Apprise(asset=_asset())
    target = with_idempotency_key(url, idempotency_key) if idempotency_key else url
    if not notifier.add(target):
        return "Apprise could not load the channel URL"
    result = notifier.notify(body=body, title=title, body_format="text", timeout=timeout_s)
    if result:
        return None
    reasons = [str(getattr(entry, "message", entry)) for entry in result.logs()]
    reasons = [reason for reason in reasons if reason]
    status = getattr(getattr(result, "status", None), "name", "FAILURE")
    return "; ".join(reasons[-3:]) or f"Apprise reported {status.lower()}"

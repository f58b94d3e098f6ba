"""Real alert receivers on loopback: a webhook server (flaky, hanging, holding) and an SMTP server."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, Envelope, LoginPassword

from monitor.alerts.webhook import SIGNATURE_HEADER, TIMESTAMP_HEADER, verify_signature
from tests.ports import free_port


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes

    @property
    def json(self) -> Any:
        return json.loads(self.body)

    @property
    def key(self) -> str | None:
        return self.headers.get("Idempotency-Key")


@dataclass
class WebhookReceiver:
    """A webhook receiver that dedupes by ``Idempotency-Key``, as the docs ask receivers to.

    ``fail_first``: answer 500 to that many requests first. ``hang``: never answer (until stopped).
    ``hold_first``: store the first message, then hold the connection open without answering until
    `release` (a sender that dies meanwhile never hears it was accepted). ``secret``: check signatures.
    """

    fail_first: int = 0
    hang: bool = False
    hold_first: bool = False
    secret: str | None = None
    now: datetime | None = None  # the senders' clock, for the signature's timestamp check
    requests: list[Received] = field(default_factory=list)
    accepted: dict[str, Any] = field(default_factory=dict)  # idempotency key -> payload, deduped
    duplicates: int = 0
    signatures: list[bool] = field(default_factory=list)
    holding: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                receiver._handle(self)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hook"

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    def __enter__(self) -> WebhookReceiver:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def _handle(self, handler: BaseHTTPRequestHandler) -> None:
        length = int(handler.headers.get("Content-Length") or 0)
        body = handler.rfile.read(length)
        received = Received(handler.path, dict(handler.headers.items()), body)
        with self._lock:
            self.requests.append(received)
            n = len(self.requests)
        if self.hang:
            self.release.wait(timeout=30)
            return
        if n <= self.fail_first:
            self._answer(handler, 500)
            return
        if self.secret is not None:
            ok = verify_signature(
                self.secret,
                body=body,
                timestamp=received.headers.get(TIMESTAMP_HEADER, ""),
                signature=received.headers.get(SIGNATURE_HEADER, ""),
                now=self.now or datetime.now().astimezone(),
            )
            self.signatures.append(ok)
            if not ok:
                self._answer(handler, 401)
                return
        key = received.key or ""
        with self._lock:
            if key in self.accepted:
                self.duplicates += 1
            else:
                self.accepted[key] = _payload(received)
        if self.hold_first and n == 1:
            self.holding.set()
            self.release.wait(timeout=30)
            return  # the connection closes without an answer
        self._answer(handler, 200)

    @staticmethod
    def _answer(handler: BaseHTTPRequestHandler, status: int) -> None:
        try:
            handler.send_response(status)
            handler.send_header("Content-Length", "0")
            handler.end_headers()
        except OSError:
            pass


def _payload(received: Received) -> Any:
    try:
        return received.json
    except ValueError:
        return received.body


class SmtpReceiver:
    """aiosmtpd on a free loopback port; with `login`, it offers AUTH (without TLS, on loopback)."""

    def __init__(self, *, login: tuple[str, str] | None = None) -> None:
        self.messages: list[Envelope] = []
        self.logins: list[tuple[str, str]] = []
        self.port = free_port()
        self._login = login
        options: dict[str, Any] = {}
        if login is not None:
            # AUTH offered without TLS (loopback only); `logins` shows the client used it
            options = {"auth_require_tls": False, "authenticator": self._authenticate}
        self._controller = Controller(self, hostname="127.0.0.1", port=self.port, **options)

    def _authenticate(
        self, server: Any, session: Any, envelope: Any, mechanism: str, data: Any
    ) -> AuthResult:
        if not isinstance(data, LoginPassword):
            return AuthResult(success=False)
        given = (data.login.decode(), data.password.decode())
        self.logins.append(given)
        return AuthResult(success=given == self._login)

    async def handle_DATA(self, server: Any, session: Any, envelope: Envelope) -> str:
        self.messages.append(envelope)
        return "250 OK"

    def __enter__(self) -> SmtpReceiver:
        self._controller.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._controller.stop()

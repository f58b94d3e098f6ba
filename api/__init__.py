"""The catalog API (FastAPI): read routes over `db`, a token-protected admin side, health and metrics."""

from api.app import create_app
from api.state import ActionRefused, AdminActions

__all__ = ["ActionRefused", "AdminActions", "create_app"]

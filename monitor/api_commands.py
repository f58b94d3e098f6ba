"""The old home of `modelwatch api` and `modelwatch recommend`, which now live in `monitor.cli.api`, and of
`make_app` and `ApiThread`, now in `monitor.service.api_server`.

Kept only while tests/api/test_serve.py imports from here (another change owns that file); delete it with
those two imports.
"""

from monitor.cli.api import run_command
from monitor.service.api_server import ApiThread, make_app

__all__ = ["ApiThread", "make_app", "run_command"]

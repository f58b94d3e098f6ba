"""Start the dashboard with the catalog read before its first visit: ``python -m dashboard.serve run
dashboard/app.py [streamlit options]`` is ``streamlit run ...`` (the same arguments, given to Streamlit's
own command line), after a thread has read the catalog snapshot of ``MODELWATCH_DB_URL`` and built the
catalog page's table (`dashboard.context.warm`) into the process-wide caches, while Streamlit's modules
were imported. Streamlit listens (and its health route answers) once they are built, or after
`WARM_WAIT_S` (a slow store: the first visitor then waits for the build under way, never starts a second
one). `monitor.service.dashboard_process.start_dashboard` starts the dashboard this way.

A store that cannot be read yet (no schema, an unreachable server) is left to the pages, which say what
to do: the warm-up only logs one line.
"""

from __future__ import annotations

import logging
import sys
import threading
import time

logger = logging.getLogger("modelwatch.dashboard")
#: How long Streamlit's start waits for the catalog (7,900 endpoints: about 4 s with the imports).
WARM_WAIT_S = 30.0


def warm_in_background() -> threading.Thread:
    """Start a daemon thread reading the dashboard's catalog into its caches (the imports too: Streamlit
    starts meanwhile)."""
    thread = threading.Thread(target=_warm, name="catalog-warm-up", daemon=True)
    thread.start()
    return thread


def _warm() -> None:
    started = time.perf_counter()
    try:
        from dashboard import context
        from dashboard.app import database_url

        context.warm(database_url())
    except Exception as exc:  # the pages show the problem with what to run; nothing to do here
        logger.warning("the catalog was not read ahead of the first visit: %s", exc)
        return
    logger.debug("catalog read ahead of the first visit in %.1f s", time.perf_counter() - started)


def main(argv: list[str] | None = None) -> None:
    warming = warm_in_background()
    from streamlit.web import cli

    warming.join(timeout=WARM_WAIT_S)
    cli.main(args=sys.argv[1:] if argv is None else argv, prog_name="streamlit")


if __name__ == "__main__":
    main()

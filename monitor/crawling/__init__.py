"""Crawls as monitor runs them: the configured sources handed to the crawler (`crawler.runner`) and ingested
into the store.

- run.py: `source_specs` (the configuration's sources as crawler specs), `crawl_here` (in this process,
  once: Twisted's reactor can not restart) and `crawl_in_child` (in a fresh child process, again and again:
  the service, the admin route, the demo).
- report.py: a crawl's summary lines and the progress line a terminal shows.
- fetch.py: one-off page fetches for ``modelwatch extract`` (stores nothing).
"""

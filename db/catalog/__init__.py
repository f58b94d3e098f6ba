"""The catalog's store: what a crawl found, its ingest and change detection, and the read side."""

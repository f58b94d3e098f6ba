"""The probes' store: samples, the outage state machine, incidents, rollups, windows, retention."""

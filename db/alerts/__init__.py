"""The alerts' store: its tables, the outbox every message passes through, each channel's health, the
evaluator's cursors, and the events the rules read."""

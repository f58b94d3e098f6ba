"""The alerts' store: the outbox every message passes through, and the events the rules read."""

"""What the store raises to its callers: messages a user can act on, never a password."""

from __future__ import annotations


class DatabaseError(Exception):
    """The database cannot be opened or used; the message says which and why (never a password)."""


class SchemaError(DatabaseError):
    """The database's schema is not the one this code needs: missing, older (run `modelwatch db
    upgrade`), newer (made by a newer modelwatch), or not modelwatch's at all."""

"""Extractors: pure functions that turn a fetched page or JSON body into snapshot items."""

"""What a command's handler is given besides its own arguments: the `Context` that `main` makes once (the
runtime settings, the database URL, the configuration).

Each command module adds its subcommands with ``set_defaults(handler=...)``, a `Handler`; `main` calls
``args.handler(args, context)`` in one place. A module's ``run_command`` (`run_handler`) runs the same
handlers for tests and embedding, and answers None for another module's command.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Collection
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

if TYPE_CHECKING:
    from monitor.config import Config
    from monitor.settings import Settings

#: The configuration file read when ``--config`` is not given and it exists.
DEFAULT_CONFIG = Path("modelwatch.toml")

#: What a command module adds its commands to (``parser.add_subparsers()``).
Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


class Context:
    """The settings, the database URL and the configuration, for every command's handler.

    The configuration is the one given, else read (once) from `config_path`, else ./modelwatch.toml when
    present, else the built-in default; a bad file raises `ConfigError`.
    """

    def __init__(
        self,
        *,
        settings: Settings,
        db_url: str,
        config: Config | None = None,
        config_path: Path | None = None,
    ) -> None:
        self.settings = settings
        self.db_url = db_url
        self.config_path = config_path
        self._config = config

    @property
    def config(self) -> Config:
        return self.read_config()

    def read_config(self) -> Config:
        """The configuration, read now if it has not been (`ConfigError` on a bad file)."""
        if self._config is None:
            self._config = read_config(self.config_path)
        return self._config


Handler: TypeAlias = Callable[[argparse.Namespace, Context], int]


def read_config(path: Path | None) -> Config:
    """The configuration: the given file, else ./modelwatch.toml when present, else the default."""
    from monitor.config import default_config, load_config

    if path is not None:
        return load_config(path)
    if DEFAULT_CONFIG.exists():
        return load_config(DEFAULT_CONFIG)
    return default_config()


def run_handler(
    args: argparse.Namespace,
    handlers: Collection[Handler],
    *,
    config: Config,
    db_url: str,
    settings: Settings | None = None,
) -> int | None:
    """Run `args` when its handler is one of `handlers` (one command module's); None otherwise."""
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None or handler not in handlers:
        return None
    if settings is None:
        from monitor.settings import Settings

        settings = Settings()
    return handler(args, Context(settings=settings, db_url=db_url, config=config))

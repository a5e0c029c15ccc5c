"""Where desk keeps its data and which database it opens."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "desk"
APP_AUTHOR = "GuichetUnique"
DATABASE_URL_ENV = "DESK_DATABASE_URL"
DATA_DIR_ENV = "DESK_DATA_DIR"


def data_dir() -> Path:
    """The user's data folder (``DESK_DATA_DIR`` overrides it, e.g. for tests)."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser()
    return user_data_path(APP_NAME, APP_AUTHOR, roaming=False)


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path.as_posix()}"


def default_database_url() -> str:
    return sqlite_url(data_dir() / "desk.sqlite3")


def demo_database_url() -> str:
    """The separate demo database, so a town's real file never gets demo families."""
    return sqlite_url(data_dir() / "demo.sqlite3")


def is_own_database(url: str) -> bool:
    """Whether ``url`` is a file desk keeps itself in the data folder, created on first use without asking."""
    return url in (default_database_url(), demo_database_url())


def resolve_database_url(cli_url: str | None, *, demo: bool = False, configured_url: str | None = None) -> str:
    """The command line wins, then ``DESK_DATABASE_URL``, then this desk's setting, then the user data folder."""
    if cli_url:
        return cli_url
    if demo:
        return demo_database_url()
    return os.environ.get(DATABASE_URL_ENV) or configured_url or default_database_url()

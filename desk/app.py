"""``desk``: the counter application.

``desk`` opens the town's database (``--database-url``, ``DESK_DATABASE_URL``
or the SQLite file of the user's data folder); ``desk --demo`` opens a separate
demo database, created and filled on first use.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtWidgets import QApplication

from desk import __version__
from desk.clock import Clock, SystemClock
from desk.config import resolve_database_url
from desk.db.engine import Database, open_database
from desk.db.migrate import ensure_schema
from desk.errors import DeskError
from desk.ui.dialogs import DialogService, QtDialogService
from desk.ui.i18n import install_translators
from desk.ui.main_window import MainWindow

EXIT_USER_ERROR = 2


@dataclass
class Startup:
    database: Database
    window: MainWindow


def parse_arguments(argv: Sequence[str]) -> tuple[argparse.Namespace, list[str]]:
    parser = argparse.ArgumentParser(prog="desk", description="Guichet unique : application du comptoir.")
    parser.add_argument("--version", action="version", version=f"desk {__version__}")
    parser.add_argument("--database-url", help="adresse SQLAlchemy de la base (SQLite ou PostgreSQL)")
    parser.add_argument("--demo", action="store_true", help="ouvre la base de démonstration (créée au premier lancement)")
    return parser.parse_known_args(argv)


def open_application_database(args: argparse.Namespace, clock: Clock) -> Database:
    """Open, upgrade and (for the demo) fill the database; raises DeskError."""
    database = open_database(resolve_database_url(args.database_url, demo=args.demo))
    try:
        ensure_schema(database)
        if args.demo:
            from desk.services.demo import load_demo

            with database.session_factory.begin() as session:
                load_demo(session, clock)
    except Exception:
        database.dispose()
        raise
    return database


def start(argv: Sequence[str], dialogs: DialogService, clock: Clock | None = None) -> Startup | int:
    """Everything up to a shown main window; returns an exit code when it cannot start."""
    args, _qt_args = parse_arguments(argv)
    clock = clock or SystemClock()
    app = QApplication.instance()
    assert isinstance(app, QApplication), "start() needs the QApplication created first"
    try:
        database = open_application_database(args, clock)
    except DeskError as error:
        print(f"desk : {error.message}", file=sys.stderr)
        if error.hint:
            print(error.hint, file=sys.stderr)
        dialogs.error(None, app.translate("desk", "desk cannot start"), error.message, error.hint)
        return EXIT_USER_ERROR
    window = MainWindow(database, clock, dialogs)
    window.show()
    return Startup(database, window)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    app = QApplication([sys.argv[0], *parse_arguments(argv)[1]])
    app.setApplicationName("desk")
    app.setOrganizationName("GuichetUnique")
    app.setApplicationVersion(__version__)
    install_translators(app)
    started = start(argv, QtDialogService())
    if isinstance(started, int):
        return started
    try:
        return app.exec()
    finally:
        started.database.dispose()


if __name__ == "__main__":
    sys.exit(main())

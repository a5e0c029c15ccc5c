"""``desk``: the counter application.

``desk`` opens the town's database (``--database-url``, ``DESK_DATABASE_URL``
or the SQLite file of the user's data folder); ``desk --demo`` opens a separate
demo database, created and filled on first use. The agent signs in, then works
in the main window; signing out comes back to the login dialog.
"""

from __future__ import annotations

import argparse
import ctypes
import gc
import logging
import os
import re
import signal
import socket
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog

from desk import __version__
from desk.clock import Clock, SystemClock
from desk.config import data_dir, is_own_database, resolve_database_url
from desk.db.engine import Database, database_failures_explained, open_database
from desk.db.migrate import ensure_schema
from desk.errors import DatabaseMissingError, DeskError
from desk.ui.admin_dialogs import SetupDialog
from desk.ui.context import DeskContext
from desk.ui.dialogs import DialogService, QtDialogService
from desk.ui.i18n import install_translators
from desk.ui.login_dialog import LoginDialog
from desk.ui.main_window import MainWindow
from desk.ui.resources import icon, style_sheet
from desk.ui.settings import APPLICATION, ORGANISATION, DeskSettings

EXIT_USER_ERROR = 2
# What Qt's X11 platform plugin needs beyond a bare Debian/Ubuntu (``ldd`` on PySide6's platforms/libqxcb.so).
XCB_PACKAGES = ("libxcb1 libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 "
                "libxcb-render0 libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-util1 "
                "libxcb-xfixes0 libxcb-xkb1 libxkbcommon-x11-0")


def display_problem(environ: Mapping[str, str] | None = None, platform: str = sys.platform) -> str | None:
    """Why Qt could not open a window here, in French, or None; asked before QApplication, which would
    abort the process (a core dump and an English message) rather than say it.

    Only the X11 path is checked in depth: no display named, no X server answering, the plugin's system
    libraries missing. Other platforms (offscreen, Wayland, Windows, macOS) are left to Qt.
    """
    environ = os.environ if environ is None else environ
    if not platform.startswith("linux"):
        return None
    chosen = environ.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if chosen not in ("", "xcb"):
        return None  # offscreen, wayland, vnc…: Qt's own choice
    if not chosen and environ.get("WAYLAND_DISPLAY") and environ.get("XDG_SESSION_TYPE") == "wayland":
        return None
    if not environ.get("DISPLAY"):
        return ("aucun écran utilisable : ni DISPLAY ni WAYLAND_DISPLAY ne sont définis. Lancez desk depuis une "
                "session graphique (ou, pour un essai sans fenêtre, avec QT_QPA_PLATFORM=offscreen).")
    missing = _xcb_plugin_missing()
    if missing:
        return (f"l'affichage X11 ne peut pas être utilisé : il manque à ce système des bibliothèques de Qt "
                f"({missing}). Sous Debian ou Ubuntu : sudo apt-get install {XCB_PACKAGES}")
    if not _x_server_answers(environ["DISPLAY"]):
        return (f"l'écran {environ['DISPLAY']} ne répond pas : aucun serveur X n'y est joignable (session "
                "fermée, DISPLAY erroné ou accès refusé). Lancez desk depuis la session graphique de l'agent.")
    return None


def _xcb_plugin_missing() -> str | None:
    """The system library Qt's X11 plugin cannot find (the loader's own words), or None."""
    import PySide6

    plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    if not plugin.exists():
        return None  # another Qt layout: Qt will tell
    try:
        ctypes.CDLL(str(plugin))
    except OSError as error:
        named = re.search(r"([\w.+-]+\.so[\w.]*): cannot open", str(error))
        return named.group(1) if named else str(error)
    return None


def _x_server_answers(display: str) -> bool:
    try:
        xcb = ctypes.CDLL("libxcb.so.1")
    except OSError:
        return True  # said by the plugin check
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(display.encode(), None)
    try:
        return xcb.xcb_connection_has_error(connection) == 0
    finally:
        xcb.xcb_disconnect(connection)


def parse_arguments(argv: Sequence[str]) -> tuple[argparse.Namespace, list[str]]:
    parser = argparse.ArgumentParser(prog="desk", description="Guichet unique : application du comptoir.")
    parser.add_argument("--version", action="version", version=f"desk {__version__}")
    parser.add_argument("--database-url", help="adresse SQLAlchemy de la base (SQLite ou PostgreSQL)")
    parser.add_argument("--demo", action="store_true", help="ouvre la base de démonstration (créée au premier lancement)")
    parser.add_argument("--self-test", action="store_true",
                        help="vérifie l'installation sur une base jetable, sans fenêtre, puis s'arrête")
    return parser.parse_known_args(argv)


def open_application_database(args: argparse.Namespace, clock: Clock, dialogs: DialogService) -> Database:
    """Open, upgrade and (for the demo) fill the database; raises DeskError."""
    url = resolve_database_url(args.database_url, demo=args.demo, configured_url=DeskSettings().database_url)
    database = _open_or_create(url, dialogs)
    try:
        with database_failures_explained(database.url):
            ensure_schema(database)
            if args.demo:
                from desk.services.demo import load_demo

                with database.session_factory.begin() as session:
                    load_demo(session, clock)
    except Exception:
        database.dispose()
        raise
    return database


def _open_or_create(url: str, dialogs: DialogService) -> Database:
    """desk makes its own files without asking; a file the agent named but that is missing or
    empty may be a typing mistake, so a new database goes there only once the agent says so."""
    try:
        return open_database(url, create=is_own_database(url))
    except DatabaseMissingError as missing:
        question = QApplication.translate("desk", "Create a new, empty desk database at this place?")
        if not dialogs.confirm(None, QApplication.translate("desk", "New database"), f"{missing.message}\n\n{question}"):
            raise
    return open_database(url, create=True)


class DeskApplication(QObject):
    """The sequence of windows: login, then the main window, and back on signing out."""

    main_window_shown = Signal(object)
    closed = Signal()

    def __init__(self, context: DeskContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.login: LoginDialog | None = None
        self.window: MainWindow | None = None

    def show_login(self, signed_out: bool = False) -> QDialog:
        """The login dialog; on a database nobody can log into yet, the first-start dialog before it.

        ``signed_out``: after an agent signed out, the dialog offers nothing of their login."""
        self.context.services.signed_in.sign_out()
        if self.context.services.administration.needs_setup():
            self.setup = SetupDialog(self.context)
            self.setup.accepted.connect(self.show_login)
            self.setup.rejected.connect(self.closed.emit)
            self.setup.open()
            return self.setup
        self.login = LoginDialog(self.context, signed_out=signed_out)
        self.login.accepted.connect(self._logged_in)
        self.login.rejected.connect(self.closed.emit)
        self.login.open()
        return self.login

    def _logged_in(self) -> None:
        assert self.login is not None and self.login.result_of_login is not None
        self.context.services.signed_in.sign_in(self.login.result_of_login.actor())
        self.window = MainWindow(self.context)
        self.window.logout_requested.connect(self._log_out)
        self.window.show()
        self.window.warm_up()
        self.main_window_shown.emit(self.window)

    def _log_out(self) -> None:
        if self.window is not None:
            self.window.close()
            self.window.deleteLater()
            self.window = None
        self.show_login(signed_out=True)


def start(argv: Sequence[str], dialogs: DialogService, clock: Clock | None = None) -> DeskApplication | int:
    """Everything up to the login dialog; returns an exit code when desk cannot start."""
    args, _qt_args = parse_arguments(argv)
    clock = clock or SystemClock()
    app = QApplication.instance()
    assert isinstance(app, QApplication), "start() needs the QApplication created first"
    try:
        database = open_application_database(args, clock, dialogs)
    except DeskError as error:
        print(f"desk : {error.message}", file=sys.stderr)
        if error.hint:
            print(error.hint, file=sys.stderr)
        dialogs.error(None, app.translate("desk", "desk cannot start"), error.message, error.hint)
        return EXIT_USER_ERROR
    desk = DeskApplication(DeskContext.build(database, clock, dialogs), app)  # the services, built once
    desk.show_login()
    return desk


def install_error_handler(dialogs: DialogService) -> None:
    """An exception no window caught is shown to the agent in French, never as a traceback,
    and written to the log file with its details."""
    log_file = data_dir() / "desk.log"
    try:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        logging.getLogger().addHandler(logging.FileHandler(log_file, encoding="utf-8"))
    except OSError:
        pass  # no log file: the message still reaches the agent

    def show(kind: type[BaseException], error: BaseException, trace) -> None:
        if isinstance(error, DeskError):
            dialogs.error(QApplication.activeWindow(), "desk", error.message, error.hint)
            return
        logging.getLogger("desk").error("unexpected error", exc_info=(kind, error, trace))
        dialogs.error(QApplication.activeWindow(), "desk",
                      QApplication.translate("desk", "Unexpected error: the action did not go through."),
                      QApplication.translate("desk", "The details are in %1.").replace("%1", str(log_file)))

    sys.excepthook = show


def configure(app: QApplication) -> None:
    app.setApplicationName(APPLICATION)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(icon("desk"))
    app.setStyleSheet(style_sheet())
    install_translators(app)


def settle_heap() -> None:
    """Put what start-up built (modules, classes, the windows) out of the collector's sight.

    It lives as long as the desk; scanning it made each full collection freeze
    the counter for some 50 ms.
    """
    if gc.get_freeze_count():
        return  # once per process: a later sign-in's windows are not start-up's and will go
    gc.collect()
    gc.freeze()


def quit_on_termination(app: QApplication) -> None:
    """SIGTERM (the session logging out, the machine shutting down, a service manager) ends the desk at once,
    asking nothing (whoever sent it would not wait for an answer; a basket left keeps its holds until they run
    out): the event loop returns and ``main`` stops what it started (the demo's simulators).

    Python runs a signal's handler only when it next runs code, which a waiting Qt event loop never does: the
    signal also writes to a socket that Qt watches, and reading it runs the handler at once."""
    reader, writer = socket.socketpair()
    for end in (reader, writer):
        end.setblocking(False)
    signal.set_wakeup_fd(writer.fileno())
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, app)
    notifier.activated.connect(lambda: reader.recv(64))
    # on the event loop's next turn: a signal caught before the loop runs (still starting) is not lost
    signal.signal(signal.SIGTERM, lambda _number, _frame: QTimer.singleShot(0, lambda: app.exit(0)))
    _kept_for_the_process.extend((reader, writer, notifier))


_kept_for_the_process: list[object] = []  # what quit_on_termination needs as long as the desk runs


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["--payfip-simulator"]:  # the bundle's one executable also runs the demo's PayFiP simulator
        from desk.payfip_simulator.server import main as simulator_main

        return simulator_main(argv[1:])
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if parse_arguments(argv)[0].self_test:
        from desk.selftest import run_self_test

        return run_self_test()
    problem = display_problem()
    if problem:
        print(f"desk : {problem}", file=sys.stderr)
        return EXIT_USER_ERROR
    app = QApplication([sys.argv[0], *parse_arguments(argv)[1]])
    configure(app)
    quit_on_termination(app)
    dialogs = QtDialogService()
    install_error_handler(dialogs)
    started = start(argv, dialogs)
    if isinstance(started, int):
        return started
    started.closed.connect(app.quit)
    started.main_window_shown.connect(lambda window: window.started_up.connect(settle_heap))
    demo = parse_arguments(argv)[0].demo
    simulators = [_payfip_simulator(started.context.settings), *_device_simulators(started.context.settings)] \
        if demo else []
    try:
        return app.exec()
    finally:
        started.context.database.dispose()
        for simulator in simulators:
            if simulator is not None:
                simulator.stop()


def _device_simulators(settings: DeskSettings) -> list:
    """The demo's thermal printer and card terminal, on this machine, for this run only, when the desk names
    none: DESK_TICKET_PRINTER and DESK_CARD_TERMINAL point at them, the agent's settings stay as they are."""
    from desk.devices.printer_simulator import PrinterSimulator
    from desk.devices.terminal_simulator import TerminalSimulator

    started: list = []
    if not settings.ticket_printer:
        printer = PrinterSimulator().start()
        os.environ["DESK_TICKET_PRINTER"] = printer.url
        started.append(printer)
    if not settings.card_terminal:
        terminal = TerminalSimulator(answer_delay=2.0).start()
        os.environ["DESK_CARD_TERMINAL"] = f"{terminal.host}:{terminal.port}"
        started.append(terminal)
    return started


def _payfip_simulator(settings: DeskSettings):
    """The demo's PayFiP simulator, started when it is the configured service and is not running."""
    from desk.gateway.local_simulator import start_if_needed

    return start_if_needed(settings.payfip_endpoint, data_dir() / "payfip-simulateur.sqlite3")


if __name__ == "__main__":
    sys.exit(main())

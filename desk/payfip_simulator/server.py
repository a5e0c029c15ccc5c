"""The PayFiP simulator as a local web service (``desk-payfip --port N --data FILE``).

Routes:

- ``GET  /tpa/services/securite?wsdl``: eopayment's WSDL, located here
  (its schemas at ``?xsd=1`` to ``?xsd=3``);
- ``POST /tpa/services/securite``: the SOAP operations ``creerPaiementSecurise``,
  ``recupererDetailPaiementSecurise`` and ``recupererDetailClient``;
- ``GET  /tpa/paiementws.web?idop=…``: the card page; ``POST /tpa/paiementws.web``
  with ``idop``, ``numero``, ``mois``, ``annee``, ``cvv`` and ``action``
  (``payer`` or ``annuler``);
- ``POST /simulateur/avancer`` with ``minutes``: moves the simulator's clock
  forward, only when started with ``--test-clock`` (404 otherwise).

When an operation's result becomes known and its ``urlnotif`` is an http(s)
URL, ``idOp=<idop>`` is posted to it once, from a background thread.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import logging
import signal
import socket
import sqlite3
import sys
import threading
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from desk.clock import PARIS
from desk.payfip_simulator import pages, soap, wsdl
from desk.payfip_simulator.notifications import TICK_SECONDS, Notifier
from desk.payfip_simulator.store import CardFormError, OperationStore, PayfipFault, UnknownOperationError

EXIT_CANNOT_START = 2
ADVANCE_CLOCK_PATH = "/simulateur/avancer"
MAX_ADVANCE_MINUTES = 60 * 24 * 366
MAX_FORM_BYTES = 100_000
REQUEST_TIMEOUT_SECONDS = 15
SHUTDOWN_POLL_SECONDS = 0.05  # how soon ``stop`` is heard by the serving loop
_WINDOWS_ADDRESS_IN_USE = 10048
_LOOPBACK_FOR_WILDCARD = {"0.0.0.0": "127.0.0.1", "": "127.0.0.1", "::": "::1"}

_log = logging.getLogger(__name__)


class PayfipSimulator:
    """The simulator on ``host``:``port`` (0: a free port), its operations in ``data_path``.

    ``clock`` returns the current aware datetime (the system's by default);
    ``test_clock`` opens ``POST /simulateur/avancer``; due notifications are
    looked for every ``tick_seconds`` and after each request. ``start`` serves from a
    background thread; ``stop`` ends it; usable as a context manager.
    """

    def __init__(self, data_path: str | Path, *, host: str = "127.0.0.1", port: int = 0,
                 clock: Callable[[], datetime] | None = None, test_clock: bool = False,
                 tick_seconds: float = TICK_SECONDS) -> None:
        self.data_path = Path(data_path)
        self.host = host
        self.requested_port = port
        self.clock = clock
        self.test_clock = test_clock
        self.tick_seconds = tick_seconds
        self.store: OperationStore | None = None
        self.notifier: Notifier | None = None
        self._http: _HttpServer | None = None
        self._serving: threading.Thread | None = None

    @property
    def port(self) -> int:
        if self._http is None:
            raise RuntimeError("le simulateur PayFiP n'est pas démarré")
        return self._http.server_address[1]

    @property
    def url(self) -> str:
        """Where this machine reaches the simulator (the loopback address when it listens on all of them)."""
        host = _LOOPBACK_FOR_WILDCARD.get(self.host, self.host)
        return f"http://[{host}]:{self.port}" if ":" in host else f"http://{host}:{self.port}"

    @property
    def listens_on_all_addresses(self) -> bool:
        return self.host in _LOOPBACK_FOR_WILDCARD

    def start(self) -> PayfipSimulator:
        """Listen, open the data file and serve from background threads; OSError when the port is taken."""
        if self._http is not None:
            raise RuntimeError("le simulateur PayFiP est déjà démarré")
        http = _HttpServer(self)
        try:
            self.store = OperationStore(self.data_path, clock=self.clock)
        except BaseException:
            http.server_close()
            raise
        self._http = http
        self.notifier = Notifier(self.store, tick_seconds=self.tick_seconds)
        self.notifier.start()
        self._serving = threading.Thread(target=http.serve_forever, args=(SHUTDOWN_POLL_SECONDS,), name="payfip-http",
                                         daemon=True)
        self._serving.start()
        return self

    def stop(self) -> None:
        """Stop serving and notifying, and close the data file."""
        if self._http is None:
            return
        self._http.shutdown()
        self._http.server_close()
        if self._serving is not None:
            self._serving.join()
        if self.notifier is not None:
            self.notifier.stop()
        if self.store is not None:
            self.store.close()
        self._http = None

    def deliver_notifications(self) -> list[str]:
        """Send the due notifications now (the background thread does it every second); their idops."""
        return self.notifier.deliver_due() if self.notifier is not None else []

    def __enter__(self) -> PayfipSimulator:
        return self if self._http is not None else self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


class _HttpServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = sys.platform != "win32"  # on Windows it would let two servers share a port

    def __init__(self, simulator: PayfipSimulator) -> None:
        if ":" in simulator.host:
            self.address_family = socket.AF_INET6
        super().__init__((simulator.host, simulator.requested_port), _Handler)
        self.simulator = simulator

    def handle_error(self, request, client_address) -> None:
        error = sys.exc_info()[1]
        if isinstance(error, OSError):  # the client went away or stalled: nothing to debug here
            _log.warning("connexion de %s interrompue : %s", client_address[0], error)
        else:
            _log.exception("requête de %s interrompue", client_address[0])


class _BadRequest(ValueError):
    """The request's body cannot be read as announced; said in French."""


class _Handler(BaseHTTPRequestHandler):
    server: _HttpServer
    server_version = "PayFiP-simulateur"
    timeout = REQUEST_TIMEOUT_SECONDS

    # -- dispatch --------------------------------------------------------------

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        self._safely(self._dispatch_get)

    def do_POST(self) -> None:  # noqa: N802
        self._safely(self._dispatch_post)

    def _safely(self, dispatch: Callable[[], None]) -> None:
        """Answer the request; an unexpected error is logged and answered 500, never shown as a traceback."""
        try:
            dispatch()
        except Exception:
            _log.exception("erreur interne du simulateur PayFiP sur %s %s", self.command, self.path)
            self.close_connection = True
            with contextlib.suppress(OSError):  # the client may be gone
                self._send_text(HTTPStatus.INTERNAL_SERVER_ERROR, "Erreur interne du simulateur PayFiP.")
        finally:
            self._after_request()

    def _dispatch_get(self) -> None:
        path, query = self._route()
        if path == wsdl.SERVICE_PATH:
            self._answer_service_description(query)
        elif path == pages.CARD_PAGE_PATH:
            self._answer_card_page(_first(query, "idop"))
        elif path == "/":
            self._send_html(HTTPStatus.OK, _home_page(self._base_url()))
        else:
            self._send_text(HTTPStatus.NOT_FOUND, "Page introuvable sur le simulateur PayFiP.")

    def _dispatch_post(self) -> None:
        path, _query = self._route()
        if path == wsdl.SERVICE_PATH:
            self._answer_soap()
        elif path == pages.CARD_PAGE_PATH:
            self._answer_card_form()
        elif path == ADVANCE_CLOCK_PATH and self._simulator.test_clock:
            self._answer_clock_advance()
        else:
            self.close_connection = True
            self._send_text(HTTPStatus.NOT_FOUND, "Page introuvable sur le simulateur PayFiP.")

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (http.server's naming)
        _log.debug("%s %s", self.address_string(), format % args)

    # -- the web service ---------------------------------------------------------

    def _answer_service_description(self, query: dict[str, list[str]]) -> None:
        base = self._base_url()
        if "wsdl" in query:
            self._send(HTTPStatus.OK, "text/xml; charset=utf-8", wsdl.wsdl_document(base))
            return
        try:
            self._send(HTTPStatus.OK, "text/xml; charset=utf-8", wsdl.schema_document(int(_first(query, "xsd")), base))
        except (KeyError, ValueError):
            self._send_text(HTTPStatus.OK, "Service web PayFiP simulé : sa description est à "
                                           f"{wsdl.service_url(base)}?wsdl")

    def _answer_soap(self) -> None:
        try:
            body = self._read_body(soap.MAX_REQUEST_BYTES)
            call = soap.read_call(body)
            fields = soap.perform(self._store, call)
        except (soap.SoapProtocolError, _BadRequest) as error:
            self._send_fault(soap.PROTOCOL_ERROR, "requete-invalide", "Requête invalide.", str(error), client=True)
        except PayfipFault as fault:
            self._send_fault(soap.FUNCTIONAL_ERROR, fault.code, fault.libelle, fault.descriptif)
        except Exception:
            _log.exception("erreur interne du simulateur PayFiP")
            self._send_fault(soap.MALFUNCTION_ERROR, "erreur-interne", "Erreur interne.",
                             "Le simulateur a rencontré une erreur interne ; voir son journal.")
        else:
            self._send(HTTPStatus.OK, "text/xml; charset=utf-8", soap.response_envelope(call.operation, fields))

    def _send_fault(self, kind: str, code: str, libelle: str, descriptif: str, *, client: bool = False) -> None:
        payload = soap.fault_envelope(kind, code, libelle, descriptif, client_fault=client)
        self._send(HTTPStatus.INTERNAL_SERVER_ERROR, "text/xml; charset=utf-8", payload)

    # -- the card page -----------------------------------------------------------

    def _answer_card_page(self, idop: str) -> None:
        try:
            operation = self._store.operation(idop)
        except UnknownOperationError:
            self._send_page(HTTPStatus.NOT_FOUND, pages.PageView(None, self._store.now()))
            return
        self._send_page(HTTPStatus.OK, pages.PageView(operation, self._store.now()))

    def _answer_card_form(self) -> None:
        try:
            form = parse_qs(self._read_body(MAX_FORM_BYTES).decode("utf-8", "replace"), keep_blank_values=True)
        except _BadRequest as error:
            self._send_page(HTTPStatus.BAD_REQUEST, pages.PageView(None, self._store.now(), str(error)))
            return
        idop = _first(form, "idop")
        try:
            error = self._apply_card_form(idop, form)
            operation = self._store.operation(idop)
        except UnknownOperationError:
            self._send_page(HTTPStatus.NOT_FOUND, pages.PageView(None, self._store.now()))
            return
        self._send_page(HTTPStatus.OK, pages.PageView(operation, self._store.now(), error))

    def _apply_card_form(self, idop: str, form: dict[str, list[str]]) -> str:
        """Pay or give up as the form asks; the error to show under the form, if any."""
        action = _first(form, "action")
        if action == "annuler":
            self._store.abandon(idop)
            return ""
        if action != "payer":
            self._store.operation(idop)  # an unknown idop first
            return "Choisissez « Payer » ou « Annuler »."
        try:
            self._store.pay_by_card(idop, _first(form, "numero"), _first(form, "mois"), _first(form, "annee"),
                                    _first(form, "cvv"))
        except CardFormError as error:
            return str(error)
        return ""

    # -- the test clock ------------------------------------------------------------

    def _answer_clock_advance(self) -> None:
        try:
            form = parse_qs(self._read_body(MAX_FORM_BYTES).decode("utf-8", "replace"))
            minutes = float(_first(form, "minutes").replace(",", "."))
        except ValueError:  # _BadRequest too
            minutes = -1.0
        if not 0 <= minutes <= MAX_ADVANCE_MINUTES:
            self._send_text(HTTPStatus.BAD_REQUEST, "Indiquez « minutes » : un nombre de minutes positif.")
            return
        now = self._store.advance_clock(timedelta(minutes=minutes))
        offset_minutes = self._store.clock_offset.total_seconds() / 60
        self._send_text(HTTPStatus.OK, f"Horloge du simulateur : {now.astimezone(PARIS):%d/%m/%Y %H:%M:%S} "
                                       f"(avance totale : {offset_minutes:g} min)")

    # -- plumbing ------------------------------------------------------------------

    @property
    def _simulator(self) -> PayfipSimulator:
        return self.server.simulator

    @property
    def _store(self) -> OperationStore:
        store = self._simulator.store
        if store is None:
            raise RuntimeError("le simulateur PayFiP est arrêté")
        return store

    def _route(self) -> tuple[str, dict[str, list[str]]]:
        parts = urlsplit(self.path)
        return parts.path, parse_qs(parts.query, keep_blank_values=True)

    def _after_request(self) -> None:
        """Each request is also a tick: a result that became known is notified without waiting."""
        if self._simulator.notifier is not None:
            self._simulator.notifier.wake()

    def _base_url(self) -> str:
        """This server's address; on a wildcard address, the one the client used."""
        if not self._simulator.listens_on_all_addresses:
            return self._simulator.url
        host = (self.headers.get("Host") or "").strip()
        valid = host and all(char.isalnum() or char in ".-:[]" for char in host)
        return f"http://{host}" if valid else self._simulator.url

    def _read_body(self, limit: int) -> bytes:
        """The request's body (empty without Content-Length); _BadRequest when it is not as announced."""
        length_header = self.headers.get("Content-Length")
        if length_header is None:
            return b""
        if not length_header.strip().isdigit():
            self.close_connection = True
            raise _BadRequest("La longueur de la requête (Content-Length) est invalide.")
        length = int(length_header)
        if length > limit:
            self.close_connection = True
            raise _BadRequest("La requête est trop volumineuse.")
        try:
            body = self.rfile.read(length)
        except TimeoutError as error:
            self.close_connection = True
            raise _BadRequest("La requête est incomplète (délai dépassé).") from error
        if len(body) < length:
            self.close_connection = True
            raise _BadRequest("La requête est incomplète.")
        return body

    def _send_page(self, status: HTTPStatus, view: pages.PageView) -> None:
        self._send_html(status, pages.render(view))

    def _send_html(self, status: HTTPStatus, page: str) -> None:
        self._send(status, "text/html; charset=utf-8", page.encode("utf-8"))

    def _send_text(self, status: HTTPStatus, text: str) -> None:
        self._send(status, "text/plain; charset=utf-8", (text + "\n").encode("utf-8"))

    def _send(self, status: HTTPStatus, content_type: str, payload: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(payload)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(payload)


def _first(fields: dict[str, list[str]], name: str) -> str:
    values = fields.get(name)
    return values[0] if values else ""


def _home_page(base_url: str) -> str:
    service = wsdl.service_url(base_url)
    return ("<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Simulateur PayFiP</title></head>"
            "<body><main data-state=\"accueil\"><h1>Simulateur PayFiP</h1>"
            f"<p>Service web SOAP : <a href=\"{service}?wsdl\">{service}?wsdl</a></p>"
            f"<p>Page de paiement : <code>{base_url}{pages.CARD_PAGE_PATH}?idop=…</code></p>"
            "</main></body></html>\n")


# -- the console script ------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """``desk-payfip --port N --data FILE [--host H] [--test-clock]``: serve until SIGTERM or Ctrl+C."""
    arguments = _parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    data_path = Path(arguments.data).expanduser().resolve()
    simulator = PayfipSimulator(data_path, host=arguments.host, port=arguments.port, test_clock=arguments.test_clock)
    problem = _started(simulator, data_path)
    if problem:
        print(f"desk-payfip : {problem}", file=sys.stderr)
        return EXIT_CANNOT_START
    print(f"PayFiP simulé sur {simulator.url} (données : {data_path})", flush=True)
    try:
        _wait_for_stop_signal()
    finally:
        simulator.stop()
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="desk-payfip", description="Simulateur local du service PayFiP de la DGFIP.")
    parser.add_argument("--port", type=int, required=True, help="port d'écoute (0 : un port libre)")
    parser.add_argument("--data", required=True, help="fichier SQLite des opérations (créé s'il n'existe pas)")
    parser.add_argument("--host", default="127.0.0.1", help="adresse d'écoute (par défaut 127.0.0.1)")
    parser.add_argument("--test-clock", action="store_true",
                        help=f"permet d'avancer l'horloge du simulateur (POST {ADVANCE_CLOCK_PATH}, champ minutes)")
    return parser


def _started(simulator: PayfipSimulator, data_path: Path) -> str:
    """Start the simulator; the French reason why it could not, or an empty string."""
    try:
        data_path.parent.mkdir(parents=True, exist_ok=True)
        simulator.start()
    except sqlite3.Error as error:
        return f"le fichier de données {data_path} est illisible ({error})."
    except OSError as error:
        if error.errno in (errno.EADDRINUSE, _WINDOWS_ADDRESS_IN_USE):
            return (f"le port {simulator.requested_port} est déjà utilisé sur {simulator.host} ; "
                    "arrêtez le programme qui l'occupe ou choisissez un autre port avec --port.")
        return f"le simulateur ne peut pas démarrer ({error})."
    return ""


def _wait_for_stop_signal() -> None:
    """Return on SIGTERM, Ctrl+C (SIGINT) or, on Windows, Ctrl+Break; the previous handlers are put back."""
    stop = threading.Event()
    signals = [getattr(signal, name) for name in ("SIGTERM", "SIGINT", "SIGBREAK") if hasattr(signal, name)]
    if threading.current_thread() is not threading.main_thread():
        signals = []  # only the main thread may handle signals: then the caller ends the process
    previous = {number: signal.signal(number, lambda *_: stop.set()) for number in signals}
    try:
        while not stop.wait(0.5):
            pass
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)

"""What the simulator's tests share: a debt to create, a browser's hands on the card page, a notification listener."""

from __future__ import annotations

import re
import threading
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from html import unescape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from eopayment.payfip_ws import PayFiP

CARD_PAGE = "/tpa/paiementws.web"
WSDL = "/tpa/services/securite?wsdl"
DEBT = dict(numcli="012345", saisie="T", exer="2026", refdet="20261126x1x42", montant="1400",
            mel="julie.durand@exemple.fr", objet="Pommiers reservations de Noah",
            url_notification="desk://payfip/notification", url_redirect="https://ville.example/retour")

_STATE = re.compile(r'<main[^>]*\bdata-state="([a-z_]+)"')
_ERROR = re.compile(r'<p[^>]*\bid="erreur"[^>]*>(.*?)</p>', re.DOTALL)


def eopayment_client(base_url: str) -> PayFiP:
    """eopayment's PayFiP SOAP client, reading the WSDL this simulator serves."""
    return PayFiP(wsdl_url=base_url + WSDL)


def create_operation(client: PayFiP, **changes: str) -> str:
    return client.get_idop(**{**DEBT, **changes})


@dataclass(frozen=True)
class Page:
    status: int
    html: str

    @property
    def state(self) -> str:
        found = _STATE.search(self.html)
        return found.group(1) if found else ""

    @property
    def error(self) -> str:
        found = _ERROR.search(self.html)
        return unescape(found.group(1)).strip() if found else ""


def open_card_page(base_url: str, idop: str) -> Page:
    status, _content_type, body = get(f"{base_url}{CARD_PAGE}?idop={urllib.parse.quote(idop)}")
    return Page(status, body.decode("utf-8"))


def send_card_form(base_url: str, **fields: str) -> Page:
    """The form posted as a browser posts it (application/x-www-form-urlencoded)."""
    status, _content_type, body = post(base_url + CARD_PAGE, urllib.parse.urlencode(fields).encode("utf-8"),
                                       "application/x-www-form-urlencoded")
    return Page(status, body.decode("utf-8"))


def pay(base_url: str, idop: str, number: str, month: str = "12", year: str = "2028", cvv: str = "123") -> Page:
    return send_card_form(base_url, idop=idop, numero=number, mois=month, annee=year, cvv=cvv, action="payer")


def cancel(base_url: str, idop: str) -> Page:
    return send_card_form(base_url, idop=idop, action="annuler")


def post(url: str, body: bytes, content_type: str = "text/xml; charset=utf-8") -> tuple[int, str, bytes]:
    """(status, content type, body) of a raw POST, errors included."""
    request = urllib.request.Request(url, data=body, method="POST", headers={"Content-Type": content_type})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read()


def get(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read()


class NotificationListener:
    """A small web server standing for the town's site: records every POST it receives.

    ``statuses`` are the answers to give in turn (the last one repeats).
    """

    def __init__(self, statuses: tuple[int, ...] = (200,)) -> None:
        self.received: list[tuple[str, str, str]] = []  # (path, content type, body)
        self._statuses = list(statuses)
        self._arrived = threading.Condition()
        listener = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
                status = listener._next_status()
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()
                with listener._arrived:
                    listener.received.append((self.path, self.headers.get("Content-Type", ""), body))
                    listener._arrived.notify_all()

            def log_message(self, *args) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/payfip/notification"

    def wait_for(self, count: int, timeout: float = 10) -> bool:
        """Whether ``count`` notifications arrived within ``timeout`` seconds."""
        with self._arrived:
            return self._arrived.wait_for(lambda: len(self.received) >= count, timeout)

    def _next_status(self) -> int:
        return self._statuses.pop(0) if len(self._statuses) > 1 else self._statuses[0]

    def __enter__(self) -> NotificationListener:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._server.shutdown()
        self._server.server_close()

"""The desk's PayFiP client: the DGFIP's SOAP web service, spoken by eopayment.

eopayment's ``payfip_ws.PayFiP`` (the client Publik and Noethys's web
version use) is pointed at a configured endpoint: the PayFiP simulator of
``desk.payfip_simulator`` in the demo and the tests, the DGFIP's service in
production. The desk creates an operation (``creerPaiementSecurise``), the
family pays on the service's own card page, and the desk follows the outcome
only by asking (``recupererDetailPaiementSecurise``), which answers P5 while
the bank has not answered and P1 for an unknown operation.

The answers come back as plain ``str`` fields; what they mean is decided by
``desk.services.lifecycle.online``, which distrusts them.
"""

from __future__ import annotations

import enum
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Protocol
from urllib.parse import quote, urlsplit

IDOP_VALIDITY = timedelta(minutes=15)
MIN_AMOUNT_CENTS = 100
MAX_AMOUNT_CENTS = 10_000_000

DGFIP_URL = "https://www.payfip.gouv.fr"
SIMULATOR_URL = "http://127.0.0.1:8765"  # where the demo's simulator listens unless told otherwise
SAISIES = {"T": "test", "X": "activation", "W": "production"}
_WSDL_PATH = "/tpa/services/securite?wsdl"
_CARD_PAGE_PATH = "/tpa/paiementws.web"
_DETAIL_FIELDS = ("idOp", "resultrans", "numauto", "dattrans", "heurtrans", "montant", "refdet", "mel", "exer",
                  "numcli", "objet", "saisie")


class PayfipError(Exception):
    """An error the web service answers with, as ``code`` and its ``message``."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"{code} : {message}")
        self.code = code
        self.message = message


class UnknownOperationError(PayfipError):
    """P1: the service does not know this operation (never created, or cleaned after a day)."""


class ResultPendingError(PayfipError):
    """P5: the operation exists and the bank has not answered yet."""


class GatewayUnreachableError(OSError):
    """The service did not answer, or not in SOAP: nothing is known, ask again later."""


class Resultrans(enum.StrEnum):
    PAID = "P"
    PAID_ALT = "V"  # paid, reported by some acquirers
    REFUSED = "R"
    REFUSED_ALT = "Z"
    ABANDONED = "A"


@dataclass(frozen=True)
class PayfipEndpoint:
    """Where the desk reaches PayFiP: the service's base address and the *saisie* (T, X or W)."""

    url: str = SIMULATOR_URL
    saisie: str = "T"
    timeout_seconds: float = 15

    def __post_init__(self) -> None:
        parts = urlsplit(self.url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"adresse du service PayFiP invalide : « {self.url} » (exemple : {DGFIP_URL})")
        if self.saisie not in SAISIES:
            raise ValueError(f"saisie PayFiP invalide : « {self.saisie} » (T, X ou W)")

    @property
    def base(self) -> str:
        return self.url.rstrip("/")

    @property
    def wsdl_url(self) -> str:
        return self.base + _WSDL_PATH

    @property
    def is_dgfip(self) -> bool:
        return urlsplit(self.url).hostname == urlsplit(DGFIP_URL).hostname

    @property
    def is_local(self) -> bool:
        """A service on this machine: the simulator, which ``desk --demo`` may start."""
        return urlsplit(self.url).hostname in ("127.0.0.1", "localhost", "::1")

    @property
    def port(self) -> int:
        parts = urlsplit(self.url)
        return parts.port or (443 if parts.scheme == "https" else 80)

    def card_page_url(self, idop: str) -> str:
        """The page where the family pays, as the service serves it."""
        return f"{self.base}{_CARD_PAGE_PATH}?idop={quote(idop, safe='')}"


class PayfipService(Protocol):
    """What the desk asks of PayFiP (``PayfipClient``; a test may stand in for it)."""

    @property
    def saisie(self) -> str: ...

    def card_page_url(self, idop: str) -> str: ...

    def creer_paiement_securise(self, *, numcli: str, exer: str, refdet: str, montant: str, mel: str, objet: str,
                                saisie: str, urlnotif: str, urlredirect: str) -> str: ...

    def recuperer_detail_paiement_securise(self, idop: str) -> Mapping[str, str | None]: ...


class PayfipClient:
    """The web service's two operations the desk needs, through eopayment; safe from several threads."""

    def __init__(self, endpoint: PayfipEndpoint) -> None:
        self.endpoint = endpoint
        self._client: Any = None
        self._lock = threading.Lock()

    @property
    def saisie(self) -> str:
        return self.endpoint.saisie

    def card_page_url(self, idop: str) -> str:
        return self.endpoint.card_page_url(idop)

    def creer_paiement_securise(self, *, numcli: str, exer: str, refdet: str, montant: str, mel: str, objet: str,
                                saisie: str, urlnotif: str, urlredirect: str) -> str:
        """Create the operation; returns its ``idop``."""
        answer = self._perform(lambda payfip: payfip.get_idop(
            numcli=numcli, saisie=saisie, exer=exer, refdet=refdet, montant=montant, mel=mel, objet=objet or None,
            url_notification=urlnotif, url_redirect=urlredirect, timeout=self.endpoint.timeout_seconds))
        return answer if isinstance(answer, str) else str(answer or "")

    def recuperer_detail_paiement_securise(self, idop: str) -> dict[str, str | None]:
        """The operation's result, each field as text (None when absent)."""
        answer = self._perform(lambda payfip: payfip.get_info_paiement(idop, timeout=self.endpoint.timeout_seconds))
        return {name: _text(_field(answer, name)) for name in _DETAIL_FIELDS}

    def _perform(self, call) -> Any:
        from eopayment.payfip_ws import PayFiPError

        try:
            return call(self._payfip())
        except PayFiPError as error:
            raise _translated(error) from error

    def _payfip(self) -> Any:
        """eopayment's client, made once the service has answered (its WSDL is read at creation)."""
        with self._lock:
            if self._client is None:
                from eopayment.payfip_ws import PayFiP

                self._client = PayFiP(wsdl_url=self.endpoint.wsdl_url)
            return self._client


_UNREACHABLE_CODES = ("HTTP error", "SOAP error", "Unexpected error", "unknown", "Cound not initialize the SOAP client")


def _translated(error: Any) -> Exception:
    code, message = str(error.code), str(error.message or "")
    if code == "P1":
        return UnknownOperationError(code, message)
    if code == "P5":
        return ResultPendingError(code, message)
    if code in _UNREACHABLE_CODES:
        return GatewayUnreachableError(f"PayFiP : {code} ({message[:200]})")
    return PayfipError(code, message)


def _field(answer: Any, name: str) -> Any:
    if isinstance(answer, dict):
        return answer.get(name)
    try:
        return answer[name]
    except (KeyError, TypeError, AttributeError):
        return getattr(answer, name, None)


def _text(value: Any) -> str | None:
    return None if value is None else str(value)

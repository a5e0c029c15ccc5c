"""The simulated PayFiP's operations and rules, kept in one SQLite file.

An operation is created by ``creerPaiementSecurise`` and gets an ``idop``
valid 15 minutes; the family pays on the card page; asking for the result
(``recupererDetailPaiementSecurise``) answers P5 while it is not known and
P1 for an unknown idop. Killed and restarted on the same file, the store
answers for every idop as before.

Test cards (any future expiry, any three-digit security code):

- ``4970100000000006`` pays at once;
- ``4970100000000014`` is refused by the bank;
- ``4970100000000022`` pays after a bank delay of 5 minutes;
- ``4970100000000030`` is confirmed by the bank only after 20 minutes, when
  the operation has expired (the late-confirmation case);
- any other number passing the Luhn check pays at once.

No card number, expiry or security code is kept: only the outcome and an
authorisation number.
"""

from __future__ import annotations

import enum
import re
import secrets
import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from desk.clock import PARIS

IDOP_VALIDITY = timedelta(minutes=15)
MIN_AMOUNT_CENTS = 100
MAX_AMOUNT_CENTS = 10_000_000
MAX_NOTIFICATION_ATTEMPTS = 5

CARD_PAYS = "4970100000000006"
CARD_REFUSED = "4970100000000014"
CARD_BANK_DELAY = "4970100000000022"
CARD_TOO_LATE = "4970100000000030"
TEST_CARDS = {
    CARD_PAYS: "paiement accepté immédiatement",
    CARD_REFUSED: "paiement refusé par la banque",
    CARD_BANK_DELAY: "paiement accepté après 5 minutes d'attente de la banque",
    CARD_TOO_LATE: "paiement confirmé par la banque après 20 minutes (trop tard)",
}
BANK_DELAYS = {CARD_BANK_DELAY: timedelta(minutes=5), CARD_TOO_LATE: timedelta(minutes=20)}

DETAIL_FIELDS = ("dattrans", "exer", "heurtrans", "idOp", "mel", "montant", "numauto", "numcli", "objet", "refdet",
                 "resultrans", "saisie")  # the order of the schema's sequence

_REFDET = re.compile(r"[A-Za-z0-9]{1,30}")
_NUMCLI = re.compile(r"\d{6}")
_EXER = re.compile(r"\d{4}")
_SAISIES = ("T", "X", "W")
_STAMP = "%Y-%m-%dT%H:%M:%S.%fZ"  # UTC, fixed width: the text sorts as the instant does
_CLOCK_OFFSET = "clock_offset_seconds"


class PayfipFault(Exception):
    """An error the web service answers with: a PayFiP ``code``, its short ``libelle`` and a French sentence."""

    def __init__(self, code: str, libelle: str, descriptif: str) -> None:
        super().__init__(f"{code} : {descriptif}")
        self.code = code
        self.libelle = libelle
        self.descriptif = descriptif


class UnknownOperationError(PayfipFault):
    def __init__(self, idop: str) -> None:
        super().__init__("P1", "IdOp incorrect.", f"L'identifiant d'opération « {idop} » est inconnu.")


class ResultPendingError(PayfipFault):
    def __init__(self) -> None:
        super().__init__("P5", "Résultat de la transaction non connu.",
                         "Le résultat de la transaction n'est pas encore connu.")


class CardFormError(ValueError):
    """What the card page says under its form; the family may correct and validate again."""


class Resultrans(enum.StrEnum):
    PAID = "P"
    PAID_ALT = "V"  # paid, reported by some acquirers
    REFUSED = "R"
    REFUSED_ALT = "Z"
    ABANDONED = "A"


class PageState(enum.StrEnum):
    """What the card page shows."""

    CARD_FORM = "card_form"
    BANK_WAIT = "bank_wait"
    PAID = "paid"
    REFUSED = "refused"
    ABANDONED = "abandoned"
    EXPIRED = "expired"


@dataclass(frozen=True)
class Operation:
    """One payment as the service keeps it (never any card data)."""

    idop: str
    numcli: str
    exer: str
    refdet: str
    montant: int
    mel: str
    objet: str
    saisie: str
    urlnotif: str
    urlredirect: str
    created_at: datetime
    card_entered_at: datetime | None
    result: Resultrans | None
    result_known_at: datetime | None
    numauto: str

    @property
    def expires_at(self) -> datetime:
        return self.created_at + IDOP_VALIDITY

    def result_at(self, now: datetime) -> Resultrans | None:
        """The result as known at ``now``: None while the bank has not answered."""
        if self.result is None or self.result_known_at is None or now < self.result_known_at:
            return None
        return self.result

    def page_state(self, now: datetime) -> PageState:
        result = self.result_at(now)
        if result in (Resultrans.PAID, Resultrans.PAID_ALT):
            return PageState.PAID
        if result in (Resultrans.REFUSED, Resultrans.REFUSED_ALT):
            return PageState.REFUSED
        if result is Resultrans.ABANDONED:
            return PageState.ABANDONED
        if self.card_entered_at is not None:
            return PageState.BANK_WAIT
        if now >= self.expires_at:
            return PageState.EXPIRED
        return PageState.CARD_FORM

    def seconds_left(self, now: datetime) -> int:
        return max(0, int((self.expires_at - now).total_seconds()))


@dataclass(frozen=True)
class DueNotification:
    idop: str
    urlnotif: str


_SCHEMA = """
CREATE TABLE IF NOT EXISTS operations (
    idop TEXT PRIMARY KEY,
    numcli TEXT NOT NULL,
    exer TEXT NOT NULL,
    refdet TEXT NOT NULL,
    montant INTEGER NOT NULL,
    mel TEXT NOT NULL,
    objet TEXT NOT NULL,
    saisie TEXT NOT NULL,
    urlnotif TEXT NOT NULL,
    urlredirect TEXT NOT NULL,
    created_at TEXT NOT NULL,
    card_entered_at TEXT,
    result TEXT,
    result_known_at TEXT,
    numauto TEXT NOT NULL DEFAULT '',
    notified INTEGER NOT NULL DEFAULT 0,
    notification_attempts INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS operations_to_notify ON operations (notified, result_known_at);
CREATE TABLE IF NOT EXISTS simulator_settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


class OperationStore:
    """The operations in one SQLite file; safe from several threads (one connection, one lock).

    ``clock`` returns the current aware datetime; the simulator's time is that
    clock plus an offset kept in the file (``advance_clock``, for tests).
    """

    def __init__(self, path: str | Path, clock: Callable[[], datetime] | None = None) -> None:
        self.path = Path(path)
        self._clock = clock or (lambda: datetime.now(UTC))
        self._lock = threading.RLock()
        self._connection = _connect(self.path)
        self._offset = timedelta(seconds=float(self._setting(_CLOCK_OFFSET) or 0))

    def close(self) -> None:
        with self._lock:
            self._connection.close()

    # -- time ------------------------------------------------------------------

    def now(self) -> datetime:
        now = self._clock()
        if now.tzinfo is None:
            raise ValueError("l'horloge du simulateur doit donner une date avec fuseau horaire")
        return now.astimezone(UTC) + self._offset

    def advance_clock(self, delta: timedelta) -> datetime:
        """Move the simulator's time forward (kept in the file); returns the new time."""
        if delta < timedelta(0):
            raise ValueError("l'horloge du simulateur n'avance que vers l'avenir")
        with self._transaction() as connection:
            self._offset += delta
            connection.execute("INSERT OR REPLACE INTO simulator_settings (name, value) VALUES (?, ?)",
                               (_CLOCK_OFFSET, str(self._offset.total_seconds())))
        return self.now()

    @property
    def clock_offset(self) -> timedelta:
        return self._offset

    # -- the web service -------------------------------------------------------

    def create(self, *, numcli: str | None, exer: str | None, refdet: str | None, montant: str | int | None,
               mel: str | None, objet: str | None, saisie: str | None, urlnotif: str | None,
               urlredirect: str | None) -> str:
        """Register a payment and return its ``idop``; bad parameters raise PayfipFault R1 to R6."""
        row = {
            "idop": str(uuid.uuid4()), "numcli": _checked_numcli(numcli), "exer": _checked_exer(exer),
            "refdet": _checked_refdet(refdet), "montant": _parsed_amount(montant), "mel": _checked_mel(mel),
            "saisie": _checked_saisie(saisie), "objet": _clean_objet(objet), "urlnotif": (urlnotif or "").strip(),
            "urlredirect": (urlredirect or "").strip(), "created_at": _stamp(self.now()),
        }  # checked in PayFiP's order of codes: R1 numcli to R6 saisie
        with self._transaction() as connection:
            connection.execute(f"INSERT INTO operations ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                               tuple(row.values()))
        return row["idop"]

    def detail(self, idop: str | None) -> dict[str, str]:
        """``recupererDetailPaiementSecurise``: the result; P5 while unknown, P1 for an unknown idop."""
        operation = self.operation(idop)
        result = operation.result_at(self.now())
        if result is None:
            raise ResultPendingError()
        known_at = (operation.result_known_at or operation.created_at).astimezone(PARIS)
        return {
            "dattrans": known_at.strftime("%d%m%Y"),
            "exer": operation.exer,
            "heurtrans": known_at.strftime("%H%M"),
            "idOp": operation.idop,
            "mel": operation.mel,
            "montant": str(operation.montant),
            "numauto": operation.numauto,
            "numcli": operation.numcli,
            "objet": operation.objet,
            "refdet": operation.refdet,
            "resultrans": result.value,
            "saisie": operation.saisie,
        }

    def operation(self, idop: str | None) -> Operation:
        """The operation as kept; P1 when there is none with this idop."""
        with self._lock:
            row = self._connection.execute("SELECT * FROM operations WHERE idop = ?", (idop or "",)).fetchone()
        if row is None:
            raise UnknownOperationError(idop or "")
        return _operation(row)

    # -- the card page ---------------------------------------------------------

    def pay_by_card(self, idop: str | None, number: str | None, month: str | int | None, year: str | int | None,
                    cvv: str | None) -> PageState:
        """The card form sent: the page's next state, or CardFormError saying what to correct."""
        with self._transaction() as connection:
            operation = self.operation(idop)
            now = self.now()
            _check_payable(operation.page_state(now))
            digits = _checked_card(number, month, year, cvv, now)
            result = Resultrans.REFUSED if digits == CARD_REFUSED else Resultrans.PAID
            numauto = f"{secrets.randbelow(10**6):06d}" if result is Resultrans.PAID else ""
            connection.execute(
                "UPDATE operations SET card_entered_at = ?, result = ?, result_known_at = ?, numauto = ? "
                "WHERE idop = ?",
                (_stamp(now), result.value, _stamp(now + BANK_DELAYS.get(digits, timedelta(0))), numauto,
                 operation.idop))
        return self.operation(operation.idop).page_state(now)

    def abandon(self, idop: str | None) -> PageState:
        """*Annuler* on the page: the family gives up, unless the card was already sent or the time is over."""
        with self._transaction() as connection:
            operation = self.operation(idop)
            now = self.now()
            if operation.page_state(now) is PageState.CARD_FORM:
                connection.execute("UPDATE operations SET result = ?, result_known_at = ? WHERE idop = ?",
                                   (Resultrans.ABANDONED.value, _stamp(now), operation.idop))
        return self.operation(operation.idop).page_state(now)

    # -- notifications ---------------------------------------------------------

    def due_notifications(self) -> list[DueNotification]:
        """The operations whose result is known now, with an http(s) ``urlnotif``, not notified yet."""
        with self._lock:
            rows = self._connection.execute(
                "SELECT idop, urlnotif FROM operations WHERE notified = 0 AND result_known_at <= ? "
                "AND notification_attempts < ? AND (urlnotif LIKE 'http://%' OR urlnotif LIKE 'https://%') "
                "ORDER BY result_known_at",
                (_stamp(self.now()), MAX_NOTIFICATION_ATTEMPTS)).fetchall()
        return [DueNotification(row["idop"], row["urlnotif"]) for row in rows]

    def mark_notified(self, idop: str) -> None:
        with self._transaction() as connection:
            connection.execute("UPDATE operations SET notified = 1, notification_attempts = notification_attempts + 1 "
                               "WHERE idop = ?", (idop,))

    def record_failed_notification(self, idop: str) -> int:
        """One more failed attempt; returns how many attempts are left."""
        with self._transaction() as connection:
            connection.execute("UPDATE operations SET notification_attempts = notification_attempts + 1 "
                               "WHERE idop = ?", (idop,))
            attempts = connection.execute("SELECT notification_attempts FROM operations WHERE idop = ?",
                                          (idop,)).fetchone()[0]
        return max(0, MAX_NOTIFICATION_ATTEMPTS - attempts)

    def was_notified(self, idop: str) -> bool:
        with self._lock:
            row = self._connection.execute("SELECT notified FROM operations WHERE idop = ?", (idop,)).fetchone()
        return bool(row and row[0])

    # -- internals -------------------------------------------------------------

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken before reading so that two threads or processes cannot interleave."""
        with self._lock:
            self._connection.execute("BEGIN IMMEDIATE")
            try:
                yield self._connection
            except BaseException:
                self._connection.execute("ROLLBACK")
                raise
            self._connection.execute("COMMIT")

    def _setting(self, name: str) -> str | None:
        with self._lock:
            row = self._connection.execute("SELECT value FROM simulator_settings WHERE name = ?", (name,)).fetchone()
        return row[0] if row else None


def client_detail(numcli: str | None) -> dict[str, str]:
    """``recupererDetailClient``: how the service names the régie of a client number."""
    numcli = _checked_numcli(numcli)
    return {"libelleN1": "COMMUNE SIMULEE", "libelleN2": "REGIE DE TEST DU SIMULATEUR PAYFIP",
            "libelleN3": f"CLIENT {numcli}", "numcli": numcli}


def luhn_valid(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


# -- the rules of creerPaiementSecurise --------------------------------------------


def _checked_exer(exer: str | None) -> str:
    exer = (exer or "").strip()
    if not _EXER.fullmatch(exer):
        raise PayfipFault("R2", "Paramètre exer incorrect.", "L'exercice (exer) doit être une année sur 4 chiffres.")
    return exer


def _checked_refdet(refdet: str | None) -> str:
    refdet = (refdet or "").strip()
    if not _REFDET.fullmatch(refdet):
        raise PayfipFault("R3", "Paramètre refdet incorrect.",
                          "La référence de la dette (refdet) doit compter de 1 à 30 lettres ou chiffres.")
    return refdet


def _checked_mel(mel: str | None) -> str:
    mel = (mel or "").strip()
    if not 6 <= len(mel) <= 80 or "@" not in mel:
        raise PayfipFault("R5", "Paramètre mel incorrect.",
                          "L'adresse électronique (mel) doit compter de 6 à 80 caractères avec un @.")
    return mel


def _checked_saisie(saisie: str | None) -> str:
    if saisie not in _SAISIES:
        raise PayfipFault("R6", "Paramètre saisie incorrect.",
                          "Le mode de saisie doit être T (test), X (activation) ou W (production).")
    return saisie


def _checked_numcli(numcli: str | None) -> str:
    numcli = (numcli or "").strip()
    if not _NUMCLI.fullmatch(numcli):
        raise PayfipFault("R1", "Paramètre numcli incorrect.", "Le numéro de client (numcli) doit compter 6 chiffres.")
    return numcli


def _parsed_amount(montant: str | int | None) -> int:
    """PayFiP counts in cents, sent as text (``"1400"``)."""
    text = "" if montant is None or isinstance(montant, bool) else str(montant).strip()
    if not (text.isascii() and text.isdigit()):
        raise PayfipFault("R4", "Paramètre montant incorrect.",
                          "Le montant (montant) doit être un nombre entier de centimes.")
    amount = int(text)
    if not MIN_AMOUNT_CENTS <= amount <= MAX_AMOUNT_CENTS:
        raise PayfipFault("R4", "Paramètre montant incorrect.",
                          "Le montant doit être compris entre 1,00 € et 100 000,00 €.")
    return amount


def _clean_objet(objet: str | None) -> str:
    return re.sub(r"[^A-Za-z0-9 ]", "", objet or "")[:100]


# -- the rules of the card form ----------------------------------------------------


def _check_payable(state: PageState) -> None:
    if state is PageState.EXPIRED:
        raise CardFormError("Le délai de paiement de 15 minutes est dépassé : la transaction est annulée.")
    if state is not PageState.CARD_FORM:
        raise CardFormError("Ce paiement a déjà été traité.")


def _checked_card(number: str | None, month: str | int | None, year: str | int | None, cvv: str | None,
                  now: datetime) -> str:
    """The card number's digits once the form is valid; CardFormError with the first thing to correct."""
    digits = re.sub(r"[\s-]", "", number or "")
    if not (digits.isascii() and digits.isdigit()) or not 13 <= len(digits) <= 19 or not luhn_valid(digits):
        raise CardFormError("Le numéro de carte est invalide.")
    expiry = _expiry(month, year)
    if expiry is None:
        raise CardFormError("La date d'expiration de la carte est invalide.")
    local = now.astimezone(PARIS)
    if expiry < (local.year, local.month):
        raise CardFormError("La date d'expiration de la carte est dépassée.")
    if not re.fullmatch(r"[0-9]{3}", (cvv or "").strip()):
        raise CardFormError("Le cryptogramme visuel doit compter 3 chiffres.")
    return digits


def _expiry(month: str | int | None, year: str | int | None) -> tuple[int, int] | None:
    """(year, month) of a card's expiry typed as ``12`` and ``2028`` (or ``28``); None when it is not a date."""
    month_text, year_text = str(month or "").strip(), str(year or "").strip()
    if not re.fullmatch(r"[0-9]{1,2}", month_text) or not re.fullmatch(r"[0-9]{2}|[0-9]{4}", year_text):
        return None
    month_number, year_number = int(month_text), int(year_text)
    if not 1 <= month_number <= 12:
        return None
    return (2000 + year_number if year_number < 100 else year_number), month_number


# -- the file ----------------------------------------------------------------------


def _connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, timeout=10, isolation_level=None, check_same_thread=False)
    try:
        connection.row_factory = sqlite3.Row
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = FULL")
        connection.executescript(_SCHEMA)
    except sqlite3.Error:
        connection.close()
        raise
    return connection


def _operation(row: sqlite3.Row) -> Operation:
    return Operation(
        idop=row["idop"], numcli=row["numcli"], exer=row["exer"], refdet=row["refdet"], montant=row["montant"],
        mel=row["mel"], objet=row["objet"], saisie=row["saisie"], urlnotif=row["urlnotif"],
        urlredirect=row["urlredirect"], created_at=_instant(row["created_at"]),
        card_entered_at=_optional_instant(row["card_entered_at"]),
        result=Resultrans(row["result"]) if row["result"] else None,
        result_known_at=_optional_instant(row["result_known_at"]), numauto=row["numauto"])


def _stamp(instant: datetime) -> str:
    return instant.astimezone(UTC).strftime(_STAMP)


def _instant(text: str) -> datetime:
    return datetime.strptime(text, _STAMP).replace(tzinfo=UTC)


def _optional_instant(text: str | None) -> datetime | None:
    return None if text is None else _instant(text)

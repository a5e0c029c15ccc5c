"""A faithful stand-in for the DGFIP's PayFiP web service and its card page.

The desk talks to it exactly as a town's software talks to PayFiP:
``creer_paiement_securise`` returns an operation id (``idop``) valid 15
minutes, the family pays on the card page, and the desk asks
``recuperer_detail_paiement_securise`` for the result, which answers P5 while
the bank has not answered and P1 for an unknown id. The notification sent to
``urlnotif`` carries only the idop: the desk must ask for the result.

Test cards (any future expiry, any three-digit CVV):

- ``4970100000000006`` pays at once;
- ``4970100000000014`` is refused by the bank;
- ``4970100000000022`` pays after a bank delay of 5 minutes;
- ``4970100000000030`` is confirmed by the bank only after 20 minutes, when
  the operation has expired (the late-confirmation case);
- any other number passing the Luhn check pays at once.

No card number, expiry or CVV is kept: only the outcome and an authorisation
number.
"""

from __future__ import annotations

import enum
import re
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from desk.clock import PARIS

IDOP_VALIDITY = timedelta(minutes=15)
MIN_AMOUNT_CENTS = 100
MAX_AMOUNT_CENTS = 10_000_000

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

_REFDET = re.compile(r"^[A-Za-z0-9]{1,30}$")
_NUMCLI = re.compile(r"^\d{6}$")


class PayfipError(Exception):
    """An error the web service answers with, as ``code`` and French ``message``."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"{code} : {message}")
        self.code = code
        self.message = message


class UnknownOperationError(PayfipError):
    def __init__(self, idop: str) -> None:
        super().__init__("P1", f"L'identifiant d'opération {idop!r} est inconnu.")


class ResultPendingError(PayfipError):
    def __init__(self) -> None:
        super().__init__("P5", "Le résultat de la transaction n'est pas encore connu.")


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


@dataclass
class _Operation:
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
    card_entered_at: datetime | None = None
    result: Resultrans | None = None
    result_known_at: datetime | None = None
    numauto: str = ""
    notified: bool = False

    def result_now(self, now: datetime) -> Resultrans | None:
        if self.result is None or self.result_known_at is None or now < self.result_known_at:
            return None
        return self.result


@dataclass
class PayfipGateway:
    """The simulated service. ``clock`` returns the current aware datetime.

    ``notify(urlnotif, idop)`` is called once per operation when its result
    becomes known (at the latest when a caller next looks at the gateway).
    """

    clock: Callable[[], datetime]
    notify: Callable[[str, str], None] | None = None
    _operations: dict[str, _Operation] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    # -- the web service -----------------------------------------------------

    def creer_paiement_securise(
        self, numcli: str | int, exer: str | int, refdet: str, montant: str | int, mel: str, objet: str,
        saisie: str, urlnotif: str, urlredirect: str,
    ) -> str:
        """Register a payment and return its ``idop``; bad parameters raise PayfipError."""
        numcli, exer = str(numcli).strip(), str(exer).strip()
        if not _NUMCLI.match(numcli):
            raise PayfipError("R1", "Le numéro de client (numcli) doit compter 6 chiffres.")
        if not re.fullmatch(r"\d{4}", exer):
            raise PayfipError("R2", "L'exercice (exer) doit être une année sur 4 chiffres.")
        if not isinstance(refdet, str) or not _REFDET.match(refdet):
            raise PayfipError("R3", "La référence de la dette (refdet) doit compter de 1 à 30 lettres ou chiffres.")
        amount = _parse_amount(montant)
        if not isinstance(mel, str) or not 6 <= len(mel) <= 80 or "@" not in mel:
            raise PayfipError("R5", "L'adresse électronique (mel) doit compter de 6 à 80 caractères avec un @.")
        if saisie not in ("T", "X", "W"):
            raise PayfipError("R6", "Le mode de saisie doit être T (test), X (activation) ou W (production).")
        operation = _Operation(
            idop=secrets.token_hex(16), numcli=numcli, exer=exer, refdet=refdet, montant=amount, mel=mel,
            objet=re.sub(r"[^A-Za-z0-9 ]", "", objet or "")[:100], saisie=saisie, urlnotif=urlnotif,
            urlredirect=urlredirect, created_at=self._now(),
        )
        with self._lock:
            self._operations[operation.idop] = operation
        return operation.idop

    def recuperer_detail_paiement_securise(self, idop: str) -> dict[str, Any]:
        """The result of an operation; P5 while unknown, P1 for an unknown idop."""
        operation = self._operation(idop)
        result = operation.result_now(self._now())
        if result is None:
            raise ResultPendingError()
        self._notify_if_due(operation)
        paid_at = (operation.result_known_at or operation.created_at).astimezone(PARIS)
        return {
            "idOp": operation.idop,
            "resultrans": result.value,
            "numauto": operation.numauto,
            "dattrans": paid_at.strftime("%d%m%Y"),
            "heurtrans": paid_at.strftime("%H%M"),
            "montant": str(operation.montant),
            "refdet": operation.refdet,
            "mel": operation.mel,
            "exer": operation.exer,
            "numcli": operation.numcli,
            "objet": operation.objet,
            "saisie": operation.saisie,
        }

    # -- the card page ---------------------------------------------------------

    def page(self, idop: str) -> dict[str, Any]:
        """What the page shows: the debt (reference, amount, e-mail), its state and the time left."""
        operation = self._operation(idop)
        now = self._now()
        return {
            "refdet": operation.refdet,
            "montant": operation.montant,
            "mel": operation.mel,
            "state": self._page_state(operation, now),
            "expires_at": operation.created_at + IDOP_VALIDITY,
            "seconds_left": max(0, int((operation.created_at + IDOP_VALIDITY - now).total_seconds())),
        }

    def pay_by_card(self, idop: str, number: str, month: int, year: int, cvv: str) -> PageState:
        """Validate the card form; returns the page's next state or raises CardFormError."""
        operation = self._operation(idop)
        now = self._now()
        with self._lock:
            state = self._page_state(operation, now)
            if state is PageState.EXPIRED:
                raise CardFormError("Le délai de paiement de 15 minutes est dépassé : la transaction est annulée.")
            if state is not PageState.CARD_FORM:
                raise CardFormError("Ce paiement a déjà été traité.")
            digits = re.sub(r"[\s-]", "", number or "")
            if not digits.isdigit() or not 13 <= len(digits) <= 19 or not luhn_valid(digits):
                raise CardFormError("Le numéro de carte est invalide.")
            local = now.astimezone(PARIS)
            if (year, month) < (local.year, local.month) or not 1 <= month <= 12:
                raise CardFormError("La date d'expiration de la carte est dépassée.")
            if not re.fullmatch(r"\d{3}", cvv or ""):
                raise CardFormError("Le cryptogramme visuel doit compter 3 chiffres.")
            operation.card_entered_at = now
            operation.result = Resultrans.REFUSED if digits == CARD_REFUSED else Resultrans.PAID
            operation.result_known_at = now + BANK_DELAYS.get(digits, timedelta(0))
            if operation.result is Resultrans.PAID:
                operation.numauto = f"{secrets.randbelow(10**6):06d}"
        self._notify_if_due(operation)
        return self._page_state(operation, now)

    def abandon(self, idop: str) -> None:
        """The family leaves the page (*Annuler*)."""
        operation = self._operation(idop)
        with self._lock:
            if operation.result is None:
                operation.result = Resultrans.ABANDONED
                operation.result_known_at = self._now()
        self._notify_if_due(operation)

    def deliver_due_notifications(self) -> list[str]:
        """Send the notifications whose results have become known; returns their idops."""
        with self._lock:
            operations = list(self._operations.values())
        return [op.idop for op in operations if self._notify_if_due(op)]

    # -- internals -------------------------------------------------------------

    def _now(self) -> datetime:
        now = self.clock()
        if now.tzinfo is None:
            raise ValueError("the gateway's clock must return an aware datetime")
        return now

    def _operation(self, idop: str) -> _Operation:
        with self._lock:
            operation = self._operations.get(idop)
        if operation is None:
            raise UnknownOperationError(idop)
        return operation

    def _page_state(self, operation: _Operation, now: datetime) -> PageState:
        result = operation.result_now(now)
        if result in (Resultrans.PAID, Resultrans.PAID_ALT):
            return PageState.PAID
        if result in (Resultrans.REFUSED, Resultrans.REFUSED_ALT):
            return PageState.REFUSED
        if result is Resultrans.ABANDONED:
            return PageState.ABANDONED
        if operation.card_entered_at is not None:
            return PageState.BANK_WAIT
        if now >= operation.created_at + IDOP_VALIDITY:
            return PageState.EXPIRED
        return PageState.CARD_FORM

    def _notify_if_due(self, operation: _Operation) -> bool:
        with self._lock:
            due = not operation.notified and operation.result_now(self._now()) is not None
            if due:
                operation.notified = True
        if due and self.notify is not None:
            self.notify(operation.urlnotif, operation.idop)
        return due


def _parse_amount(montant: str | int) -> int:
    """PayFiP clients send the amount in cents, often as a string (``"1400"``)."""
    if isinstance(montant, bool):
        raise PayfipError("R4", "Le montant (montant) doit être un nombre entier de centimes.")
    text = str(montant).strip()
    if not text.isdigit():
        raise PayfipError("R4", "Le montant (montant) doit être un nombre entier de centimes.")
    amount = int(text)
    if not MIN_AMOUNT_CENTS <= amount <= MAX_AMOUNT_CENTS:
        raise PayfipError("R4", "Le montant doit être compris entre 1,00 € et 100 000,00 €.")
    return amount


def luhn_valid(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0

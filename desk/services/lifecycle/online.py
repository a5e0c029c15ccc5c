"""Paying a basket online through PayFiP, from the desk's side.

Starting creates a debt reference (``refdet``), asks the gateway for an
operation id valid 15 minutes, locks the basket against changes and makes its
holds last as long as the operation. The desk never trusts a notification:
``check_online_payment`` asks the gateway for the result, checks that the
answer is about this operation (same idop, refdet, client number and amount)
and acts once, whatever the number of times it is asked:

- paid (P/V) in time: the bookings are confirmed and the receipt made exactly
  as at the counter;
- refused (R/Z) or abandoned (A): the basket reopens while its holds last;
- no result 15 minutes after creation: the bookings expire, their places are
  freed, and the basket may not start a new online payment before a safety
  delay (30 minutes by default);
- paid after the bookings expired: the money is kept as a credit on the family
  account and flagged for the régisseur, never lost;
- an answer that does not match the operation (another amount, another debt,
  another client): nothing is recorded, the basket reopens, and the operation
  is flagged for the régisseur, who checks it with the DGFIP;
- a malformed answer: a French error, nothing recorded, asked again later.

``reconcile_online_payments`` asks about every operation still open (and the
expired ones a late confirmation may still reach), each in its own
transaction: the desk runs it at start and every few minutes, ``desk-admin
reconcile-online`` on demand.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, TypeVar

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from desk.clock import PARIS, Clock
from desk.db.counters import next_counter_value
from desk.db.enums import BasketState, BookingState, OnlinePaymentState, PaymentChannel, PaymentMode
from desk.db.models import Basket, Booking, Family, OnlinePayment, RegieSettings
from desk.errors import DeskError
from desk.gateway.payfip import (
    IDOP_VALIDITY,
    MIN_AMOUNT_CENTS,
    PayfipError,
    PayfipService,
    ResultPendingError,
    Resultrans,
)
from desk.money import format_cents
from desk.services.access import Actor, require_cashier
from desk.services.audit import record
from desk.services.families import normalise_email
from desk.services.lifecycle import locks
from desk.services.lifecycle.baskets import DEFAULT_POLICY, expire_holds_of
from desk.services.lifecycle.payments import (
    Due,
    PaymentRecord,
    PaymentRefusedError,
    amount_due,
    basket_contents,
    record_payment,
)
from desk.services.tenders import SettledLine, Settlement, Tender, mode_refusals
from desk.services.validation import checked_text, column_length

REFDET_COUNTER = "refdet"
LATE_CREDIT = "Avoir : paiement en ligne confirmé par la banque après l'expiration des réservations"
OVERPAID_CREDIT = "Avoir : trop-perçu du paiement en ligne"
LATE_WINDOW = timedelta(hours=24)
T = TypeVar("T")


@dataclass(frozen=True)
class OnlineSettings:
    saisie: str = "T"  # T test, X activation, W production
    safety_delay: timedelta = timedelta(minutes=30)
    url_notification: str = "desk://payfip/notification"
    url_redirect: str = "desk://payfip/retour"


class OnlineOutcome(enum.StrEnum):
    PENDING = "pending"
    PAID = "paid"
    REFUSED = "refused"
    ABANDONED = "abandoned"
    EXPIRED = "expired"
    LATE_PAID = "late_paid"
    DISPUTED = "disputed"


@dataclass(frozen=True)
class OnlineStart:
    online_payment_id: int
    idop: str
    refdet: str
    amount_cents: int
    email: str
    expires_at: datetime


@dataclass(frozen=True)
class OnlineStatus:
    outcome: OnlineOutcome
    online_payment_id: int
    message: str
    receipt: PaymentRecord | None = None
    retry_at: datetime | None = None


class GatewayAnswerError(DeskError):
    """The gateway answered something the desk cannot read: nothing is recorded."""

    def __init__(self, detail: str) -> None:
        super().__init__(f"La réponse du service de paiement en ligne est illisible ({detail}) : rien n'a été enregistré.",
                         "Le guichet redemandera le résultat dans quelques minutes ; en attendant, n'encaissez pas "
                         "ce panier autrement.")


_STATE_OUTCOMES = {
    OnlinePaymentState.PAID: OnlineOutcome.PAID,
    OnlinePaymentState.REFUSED: OnlineOutcome.REFUSED,
    OnlinePaymentState.ABANDONED: OnlineOutcome.ABANDONED,
    OnlinePaymentState.EXPIRED: OnlineOutcome.EXPIRED,
    OnlinePaymentState.LATE_PAID: OnlineOutcome.LATE_PAID,
    OnlinePaymentState.DISPUTED: OnlineOutcome.DISPUTED,
}


def start_online_payment(
    session: Session,
    clock: Clock,
    gateway: PayfipService,
    *,
    family_id: int,
    actor: Actor,
    email: str | None = None,
    settings: OnlineSettings = OnlineSettings(),  # noqa: B008 (frozen, never mutated)
) -> OnlineStart:
    now = clock.now()
    actor = locks.acting(session, actor)
    locks.family(session, family_id)
    basket = locks.active_basket(session, family_id)
    if basket is None:
        raise PaymentRefusedError(["Il n'y a rien à régler : le panier est vide."])
    if basket.state is BasketState.PAYMENT_IN_PROGRESS:
        raise PaymentRefusedError(["Un paiement en ligne est déjà en cours pour ce panier."])
    if basket.next_online_attempt_at is not None and now < basket.next_online_attempt_at:
        retry = basket.next_online_attempt_at.astimezone(PARIS)
        raise PaymentRefusedError([
            "Le dernier paiement en ligne de ce panier n'a pas été confirmé à temps. Par sécurité, attendez "
            f"avant de recommencer : un nouveau paiement en ligne sera possible à partir de {retry:%H:%M}."
        ])
    contents = basket_contents(session, now, basket, actor, DEFAULT_POLICY)
    if contents.cancellations:
        raise PaymentRefusedError(["Ce panier contient des annulations : elles se valident au guichet, pas en ligne."])
    due = amount_due(session, family_id, contents.bookings)
    if due.to_pay_cents < MIN_AMOUNT_CENTS:
        raise PaymentRefusedError([f"Le paiement en ligne demande au moins {format_cents(MIN_AMOUNT_CENTS)} ; "
                                   f"il reste {format_cents(due.to_pay_cents)} à régler : encaissez-le au guichet."])
    family = session.get(Family, family_id)
    assert family is not None
    mail = normalise_email(email or family.email or "")
    if mail is None or len(mail) > column_length(OnlinePayment.email):
        raise PaymentRefusedError(["Indiquez une adresse électronique valide (80 caractères au plus) pour le "
                                   "paiement en ligne."])
    regie = _regie(session)
    if refusal := mode_refusals(regie.authorised_modes).get(PaymentMode.PAYFIP):
        raise PaymentRefusedError([refusal])
    locks.numbers(session)
    local = now.astimezone(PARIS)
    refdet = f"{local:%Y%m%d}x{family_id}x{next_counter_value(session, REFDET_COUNTER)}"
    try:
        idop = gateway.creer_paiement_securise(
            numcli=regie.payfip_client_number, exer=str(local.year), refdet=refdet, montant=str(due.to_pay_cents),
            mel=mail, objet=f"Reservations famille {family.dossier_number}", saisie=settings.saisie,
            urlnotif=settings.url_notification, urlredirect=settings.url_redirect,
        )
    except PayfipError as error:
        raise DeskError(f"Le service de paiement en ligne a refusé la demande ({error.code} : {error.message}).",
                        "Encaissez au guichet ou signalez le problème à l'administrateur.") from error
    except (OSError, TimeoutError) as error:  # nothing was created that the desk knows of: nothing is kept
        raise DeskError("Le service de paiement en ligne ne répond pas : le paiement en ligne n'a pas commencé.",
                        "Encaissez au guichet, ou réessayez dans quelques minutes.") from error
    if not isinstance(idop, str) or not re.fullmatch(r"[A-Za-z0-9_-]{1,64}", idop):
        raise GatewayAnswerError("identifiant d'opération invalide")
    expires_at = now + IDOP_VALIDITY
    online = OnlinePayment(
        basket_id=basket.id, family_id=family_id, refdet=refdet, idop=idop, amount_cents=due.to_pay_cents,
        email=mail, state=OnlinePaymentState.CREATED, created_at=now, expires_at=expires_at,
    )
    session.add(online)
    session.execute(
        update(Booking).where(Booking.basket_id == basket.id, Booking.state == BookingState.PENDING)
        .values(hold_expires_at=expires_at).execution_options(synchronize_session=False)
    )
    basket.state = BasketState.PAYMENT_IN_PROGRESS
    basket.updated_at = now
    session.flush()
    return OnlineStart(online.id, idop, refdet, due.to_pay_cents, mail, expires_at)


def check_online_payment(
    session: Session,
    clock: Clock,
    gateway: PayfipService,
    *,
    online_payment_id: int,
    actor: Actor,
    settings: OnlineSettings = OnlineSettings(),  # noqa: B008
) -> OnlineStatus:
    """Ask the gateway and act on its answer, once."""
    now = clock.now()
    actor = locks.acting(session, actor)
    cash_session = locks.open_counter_session(session)
    online = _lock_operation(session, online_payment_id)
    if online.state not in (OnlinePaymentState.CREATED, OnlinePaymentState.EXPIRED):
        return _status(online, session=session, already=True)
    try:
        answer = read_answer(gateway.recuperer_detail_paiement_securise(online.idop or ""))
    except ResultPendingError:
        if online.state is OnlinePaymentState.CREATED and now >= online.expires_at:
            _expire(session, now, online, settings)
        return _status(online, session=session)
    except PayfipError as error:
        raise DeskError(f"Le service de paiement en ligne ne connaît pas cette opération ({error.code}).",
                        "Vérifiez le paiement auprès de la DGFIP avant d'encaisser à nouveau.") from error
    except (OSError, TimeoutError) as error:  # the service away: nothing is decided, the next pass asks again
        raise DeskError("Le service de paiement en ligne ne répond pas : rien n'a été enregistré.",
                        "Le paiement sera vérifié à nouveau dans quelques minutes.") from error
    mismatch = _mismatch(online, answer, _regie(session).payfip_client_number)
    if mismatch:
        return _dispute(session, clock, online, actor, mismatch)
    if answer.result in (Resultrans.PAID, Resultrans.PAID_ALT):
        return _paid(session, clock, online, answer, actor, settings, cash_session.id if cash_session else None)
    if online.state is OnlinePaymentState.CREATED:
        online.state = OnlinePaymentState.ABANDONED if answer.result is Resultrans.ABANDONED else OnlinePaymentState.REFUSED
        online.result_code = answer.result.value
        online.resolved_at = now
        _reopen(session, online.basket_id, now)
    return _status(online, session=session)


def handle_notification(session: Session, clock: Clock, gateway: PayfipService, *, idop: str, actor: Actor) -> OnlineStatus:
    """A notification only says *look at idop*: the result is asked from the gateway."""
    online_id = session.scalar(select(OnlinePayment.id).where(OnlinePayment.idop == idop))
    if online_id is None:
        raise DeskError("Notification de paiement pour une opération inconnue du guichet.", "Elle est ignorée.")
    return check_online_payment(session, clock, gateway, online_payment_id=online_id, actor=actor)


def open_online_payments(session: Session, now: datetime, late_window: timedelta = LATE_WINDOW) -> list[int]:
    """Operations still waiting for a result, and expired ones a late confirmation may still reach."""
    return list(session.scalars(
        select(OnlinePayment.id).where(
            (OnlinePayment.state == OnlinePaymentState.CREATED)
            | ((OnlinePayment.state == OnlinePaymentState.EXPIRED) & (OnlinePayment.created_at > now - late_window))
        ).order_by(OnlinePayment.id)
    ))


# -- reconciliation ------------------------------------------------------------


@dataclass(frozen=True)
class ReconciliationReport:
    checked: int
    outcomes: dict[OnlineOutcome, int]
    failures: tuple[str, ...]

    def summary(self) -> str:
        if not self.checked:
            return "Aucun paiement en ligne en attente."
        parts = [f"{count} {_OUTCOME_WORDS[outcome]}" for outcome, count in sorted(self.outcomes.items()) if count]
        text = f"{self.checked} paiement(s) en ligne interrogé(s) : " + ", ".join(parts) + "."
        if self.failures:
            text += " Sans réponse exploitable : " + " ; ".join(self.failures)
        return text


def reconcile_online_payments(run: Callable[[Callable[[Session], T]], T], clock: Clock, gateway: PayfipService,
                              actor: Actor) -> ReconciliationReport:
    """Ask the gateway about every open operation, each in its own transaction run by ``run``.

    A failure on one (the service does not answer, an unreadable answer) is
    reported and leaves that operation as it was; the others go on.
    """
    ids = run(lambda session: open_online_payments(session, clock.now()))
    outcomes: dict[OnlineOutcome, int] = {}
    failures = []
    for online_id in ids:
        try:
            status = run(lambda session, online_id=online_id: check_online_payment(
                session, clock, gateway, online_payment_id=online_id, actor=actor))
        except DeskError as error:
            failures.append(f"n° {online_id} : {error.message}")
            continue
        outcomes[status.outcome] = outcomes.get(status.outcome, 0) + 1
    return ReconciliationReport(len(ids), outcomes, tuple(failures))


# -- the régisseur's review ------------------------------------------------------


@dataclass(frozen=True)
class ReviewItem:
    online_payment_id: int
    family_id: int
    refdet: str
    idop: str | None
    amount_cents: int
    state: OnlinePaymentState
    created_at: datetime
    reason: str


def payments_to_review(session: Session) -> list[ReviewItem]:
    rows = session.execute(
        select(OnlinePayment.id, OnlinePayment.family_id, OnlinePayment.refdet, OnlinePayment.idop,
               OnlinePayment.amount_cents, OnlinePayment.state, OnlinePayment.created_at, OnlinePayment.review_reason)
        .where(OnlinePayment.needs_cashier_review).order_by(OnlinePayment.created_at)
    ).all()
    return [ReviewItem(*row[:7], row.review_reason or "") for row in rows]


def clear_review(session: Session, clock: Clock, *, online_payment_id: int, actor: Actor, note: str) -> None:
    """The régisseur has checked the operation (with the DGFIP, the bank statement): the flag goes, the note stays."""
    actor = locks.acting(session, actor)
    require_cashier(actor, "clear_online_review", "Seul un régisseur peut traiter un paiement en ligne signalé.")
    text = checked_text(note, field="note", label="La conclusion de la vérification", required=True,
                        max_length=column_length(OnlinePayment.review_note))
    online = _lock_operation(session, online_payment_id)
    if not online.needs_cashier_review:
        raise DeskError("Ce paiement en ligne a déjà été traité.", "Actualisez la liste.")
    online.needs_cashier_review = False
    online.reviewed_at = clock.now()
    online.reviewed_by_id = actor.agent_id
    online.review_note = text
    session.flush()
    record(session, clock, actor, "clear_online_review", f"{online.refdet} : {text}", family_id=online.family_id)


def _lock_operation(session: Session, online_payment_id: int) -> OnlinePayment:
    """The operation, locked after its family's lock (see ``locks``), as committed."""
    family_id = session.scalar(select(OnlinePayment.family_id).where(OnlinePayment.id == online_payment_id))
    if family_id is None:
        raise DeskError("Ce paiement en ligne est inconnu.", "Actualisez l'écran.")
    locks.family(session, family_id)
    online = locks.online_payment(session, online_payment_id)
    assert online is not None
    return online


# -- reading the gateway's answer --------------------------------------------------


@dataclass(frozen=True)
class GatewayAnswer:
    result: Resultrans
    amount_cents: int
    refdet: str
    numcli: str
    idop: str
    authorisation: str | None
    confirmed_at: datetime


def read_answer(detail: Any) -> GatewayAnswer:
    """The gateway's detail as typed values; GatewayAnswerError for anything unexpected."""
    if not isinstance(detail, Mapping):
        raise GatewayAnswerError("réponse vide ou mal formée")
    fields = {name: detail.get(name) for name in ("resultrans", "montant", "refdet", "numcli", "idOp", "numauto",
                                                   "dattrans", "heurtrans")}
    if any(value is not None and not isinstance(value, str) for value in fields.values()):
        raise GatewayAnswerError("un champ n'est pas du texte")
    try:
        result = Resultrans(fields["resultrans"])
    except ValueError:
        raise GatewayAnswerError(f"résultat « {str(fields['resultrans'])[:10]} » inconnu") from None
    amount = fields["montant"] or ""
    if not re.fullmatch(r"[0-9]{1,9}", amount):
        raise GatewayAnswerError("montant illisible")
    authorisation = fields["numauto"] or None
    if authorisation is not None and not re.fullmatch(r"[A-Za-z0-9]{1,20}", authorisation):
        raise GatewayAnswerError("numéro d'autorisation illisible")
    try:
        local = datetime.strptime(f"{fields['dattrans']}{fields['heurtrans']}", "%d%m%Y%H%M")
    except (TypeError, ValueError):
        raise GatewayAnswerError("date de transaction illisible") from None
    return GatewayAnswer(result, int(amount), fields["refdet"] or "", fields["numcli"] or "", fields["idOp"] or "",
                         authorisation, local.replace(tzinfo=PARIS))


def _mismatch(online: OnlinePayment, answer: GatewayAnswer, numcli: str) -> str:
    """Why the answer is not about this operation, in French; empty when it is."""
    problems = []
    if answer.idop != online.idop:
        problems.append(f"opération {answer.idop[:64] or '(aucune)'} au lieu de {online.idop}")
    if answer.refdet != online.refdet:
        problems.append(f"référence {answer.refdet[:30] or '(aucune)'} au lieu de {online.refdet}")
    if answer.numcli != numcli:
        problems.append(f"numéro client {answer.numcli[:10] or '(aucun)'} au lieu de {numcli}")
    if answer.result in (Resultrans.PAID, Resultrans.PAID_ALT) and answer.amount_cents != online.amount_cents:
        problems.append(f"montant {format_cents(answer.amount_cents)} au lieu de {format_cents(online.amount_cents)}")
    return " ; ".join(problems)


# -- outcomes ----------------------------------------------------------------


def _dispute(session: Session, clock: Clock, online: OnlinePayment, actor: Actor, reason: str) -> OnlineStatus:
    """An answer about something else: nothing is paid, the basket reopens, the régisseur is told."""
    now = clock.now()
    was_open = online.state is OnlinePaymentState.CREATED
    online.state = OnlinePaymentState.DISPUTED
    online.resolved_at = now
    online.needs_cashier_review = True
    online.review_reason = f"Réponse de PayFiP non conforme : {reason}"[:column_length(OnlinePayment.review_reason)]
    if was_open:
        _reopen(session, online.basket_id, now)
    session.flush()
    record(session, clock, actor, "online_payment_disputed", online.review_reason, family_id=online.family_id)
    return _status(online, session=session)


def _expire(session: Session, now: datetime, online: OnlinePayment, settings: OnlineSettings) -> None:
    """No result in time: the bookings expire, their places are freed, a new attempt waits."""
    online.state = OnlinePaymentState.EXPIRED
    online.resolved_at = now
    basket = locks.basket_by_id(session, online.basket_id)
    assert basket is not None
    expire_holds_of(session, now, Booking.basket_id == basket.id)
    if basket.state is BasketState.PAYMENT_IN_PROGRESS:
        basket.state = BasketState.OPEN
    basket.next_online_attempt_at = now + settings.safety_delay
    basket.updated_at = now
    session.flush()


def _reopen(session: Session, basket_id: int, now: datetime) -> None:
    basket = locks.basket_by_id(session, basket_id)
    if basket is not None and basket.state is BasketState.PAYMENT_IN_PROGRESS:
        basket.state = BasketState.OPEN
        basket.updated_at = now
        session.flush()


def _paid(session: Session, clock: Clock, online: OnlinePayment, answer: GatewayAnswer, actor: Actor,
          settings: OnlineSettings, cash_session_id: int | None) -> OnlineStatus:
    now = clock.now()
    received = answer.amount_cents
    online.result_code = answer.result.value
    online.authorisation_number = answer.authorisation
    online.resolved_at = now
    line = Tender(PaymentMode.PAYFIP, received, refdet=online.refdet, idop=online.idop,
                  authorisation_number=online.authorisation_number)
    basket = locks.basket_by_id(session, online.basket_id)
    in_time = (online.state is OnlinePaymentState.CREATED and answer.confirmed_at < online.expires_at
               and basket is not None and basket.state is BasketState.PAYMENT_IN_PROGRESS)
    if in_time:
        assert basket is not None
        try:
            with locks.savepoint(session):
                receipt = _pay_bookings(session, now, online, basket, actor, line, received, cash_session_id)
            online.state = OnlinePaymentState.PAID
            online.payment_id = receipt.payment_id
            session.flush()
            return _status(online, session=session, receipt=receipt)
        except PaymentRefusedError:
            pass  # a place was lost meanwhile: the money becomes a credit below
    if online.state is OnlinePaymentState.CREATED:
        _expire(session, now, online, settings)
    receipt = record_payment(
        session, now, family_id=online.family_id, basket=None, actor=actor, channel=PaymentChannel.ONLINE,
        settlement=Settlement(received, (SettledLine(line, received),), voucher_excess_cents=received),
        bookings=[], due=Due(0, 0, 0), cancelled=[], cash_session_id=cash_session_id, excess_label=LATE_CREDIT,
        journal_note=f"paiement en ligne {online.refdet} confirmé après expiration",
    )
    online.state = OnlinePaymentState.LATE_PAID
    online.payment_id = receipt.payment_id
    online.needs_cashier_review = True
    online.review_reason = "La banque a confirmé le paiement après l'expiration des réservations : somme portée en avoir."
    session.flush()
    return _status(online, session=session, receipt=receipt)


def _pay_bookings(session: Session, now: datetime, online: OnlinePayment, basket: Basket, actor: Actor,
                  line: Tender, received: int, cash_session_id: int | None) -> PaymentRecord:
    """Confirm the basket exactly as a counter payment would, with the amount the operation was created for.

    The account may have moved during the operation (a credit refunded, a debt
    settled elsewhere): what the bank paid beyond what is due becomes a credit,
    and less settles less of the balance due.
    """
    contents = basket_contents(session, now, basket, actor, DEFAULT_POLICY, holds_run_out=False)
    due = amount_due(session, basket.family_id, contents.bookings)
    excess = max(0, received - due.to_pay_cents)
    if received < due.to_pay_cents:
        due = Due(due.bookings_cents, due.credit_used_cents, max(0, due.balance_settled_cents - (due.to_pay_cents - received)))
    if received < due.to_pay_cents:  # the bookings alone cost more than the bank paid: they cannot be confirmed
        raise PaymentRefusedError(["Le panier coûte plus que le montant payé en ligne."])
    settlement = Settlement(due.to_pay_cents, (SettledLine(line, received),), voucher_excess_cents=excess)
    return record_payment(
        session, now, family_id=basket.family_id, basket=basket, actor=actor, channel=PaymentChannel.ONLINE,
        settlement=settlement, bookings=contents.bookings, due=due, cancelled=[], cash_session_id=cash_session_id,
        excess_label=OVERPAID_CREDIT, journal_note=f"paiement en ligne {online.refdet}",
    )


def _regie(session: Session) -> RegieSettings:
    regie = session.get(RegieSettings, 1)
    if regie is None:
        raise DeskError("L'identité de la régie (numéro client PayFiP) n'est pas renseignée.",
                        "Un administrateur doit la saisir dans les réglages.")
    return regie


def _status(online: OnlinePayment, *, session: Session, receipt: PaymentRecord | None = None,
            already: bool = False) -> OnlineStatus:
    outcome = _STATE_OUTCOMES.get(online.state, OnlineOutcome.PENDING)
    retry_at = None
    if outcome is OnlineOutcome.EXPIRED:
        basket = session.get(Basket, online.basket_id)
        retry_at = basket.next_online_attempt_at if basket else None
    message = _MESSAGES[outcome]
    if retry_at is not None:
        message += f" Un nouveau paiement en ligne sera possible à partir de {retry_at.astimezone(PARIS):%H:%M}."
    return OnlineStatus(outcome, online.id, ("Déjà traité. " if already else "") + message, receipt, retry_at)


_MESSAGES = {
    OnlineOutcome.PENDING: "Paiement en ligne en cours : en attente de la réponse de la banque.",
    OnlineOutcome.PAID: "Paiement en ligne accepté : réservations confirmées.",
    OnlineOutcome.REFUSED: "Paiement refusé par la banque : le panier est rouvert, proposez un autre moyen de paiement.",
    OnlineOutcome.ABANDONED: "Paiement en ligne abandonné : le panier est rouvert.",
    OnlineOutcome.EXPIRED: ("La banque n'a pas confirmé le paiement dans les 15 minutes : les réservations en attente "
                            "sont annulées et leurs places libérées. Par sécurité, attendez avant de recommencer."),
    OnlineOutcome.LATE_PAID: ("La banque a confirmé le paiement après l'expiration des réservations : la somme est "
                              "portée en avoir sur le compte de la famille et signalée au régisseur."),
    OnlineOutcome.DISPUTED: ("La réponse du service de paiement en ligne ne correspond pas à cette opération : rien n'a "
                             "été encaissé, le panier est rouvert et le régisseur est prévenu pour vérification."),
}

_OUTCOME_WORDS = {
    OnlineOutcome.PENDING: "en attente", OnlineOutcome.PAID: "payé(s)", OnlineOutcome.REFUSED: "refusé(s)",
    OnlineOutcome.ABANDONED: "abandonné(s)", OnlineOutcome.EXPIRED: "expiré(s)",
    OnlineOutcome.LATE_PAID: "payé(s) après expiration (avoir)", OnlineOutcome.DISPUTED: "à vérifier",
}

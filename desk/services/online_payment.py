"""Paying a basket online through PayFiP, from the desk's side.

Starting creates a debt reference (``refdet``), asks the gateway for an
operation id valid 15 minutes, locks the basket against changes and makes its
holds last as long as the operation. The desk never trusts a notification:
``check_online_payment`` asks the gateway for the result and acts once,
whatever the number of times it is asked:

- paid (P/V) in time: the bookings are confirmed and the receipt made exactly
  as at the counter;
- refused (R/Z) or abandoned (A): the basket reopens while its holds last;
- no result 15 minutes after creation: the bookings expire, their places are
  freed, and the basket may not start a new online payment before a safety
  delay (30 minutes by default);
- paid after the bookings expired: the money is kept as a credit on the family
  account and flagged for the régisseur, never lost.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from desk.clock import PARIS, Clock
from desk.db.baskets import lock_active_basket
from desk.db.counters import next_counter_value
from desk.db.enums import BasketState, BookingState, OnlinePaymentState, PaymentChannel, PaymentMode
from desk.db.models import Basket, Booking, Family, OnlinePayment, RegieSettings
from desk.errors import DeskError
from desk.gateway.payfip import (
    IDOP_VALIDITY,
    MIN_AMOUNT_CENTS,
    PayfipError,
    PayfipGateway,
    ResultPendingError,
    Resultrans,
)
from desk.money import format_cents
from desk.services.access import Actor
from desk.services.basket import DEFAULT_POLICY, expire_holds_of_basket
from desk.services.cash_desk import open_session
from desk.services.checkout import (
    Due,
    PaymentRecord,
    PaymentRefusedError,
    amount_due,
    basket_contents,
    record_payment,
    renew_expired_holds,
)
from desk.services.families import normalise_email
from desk.services.tenders import SettledLine, Settlement, Tender

REFDET_COUNTER = "refdet"
LATE_CREDIT = "Avoir : paiement en ligne confirmé par la banque après l'expiration des réservations"
OVERPAID_CREDIT = "Avoir : trop-perçu du paiement en ligne"


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


_STATE_OUTCOMES = {
    OnlinePaymentState.PAID: OnlineOutcome.PAID,
    OnlinePaymentState.REFUSED: OnlineOutcome.REFUSED,
    OnlinePaymentState.ABANDONED: OnlineOutcome.ABANDONED,
    OnlinePaymentState.EXPIRED: OnlineOutcome.EXPIRED,
    OnlinePaymentState.LATE_PAID: OnlineOutcome.LATE_PAID,
}


def start_online_payment(
    session: Session,
    clock: Clock,
    gateway: PayfipGateway,
    *,
    family_id: int,
    actor: Actor,
    email: str | None = None,
    settings: OnlineSettings = OnlineSettings(),  # noqa: B008 (frozen, never mutated)
) -> OnlineStart:
    now = clock.now()
    basket = lock_active_basket(session, family_id)
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
    renew_expired_holds(session, clock, basket, DEFAULT_POLICY)
    bookings, cancellations = basket_contents(session, clock, basket, actor, DEFAULT_POLICY)
    if cancellations:
        raise PaymentRefusedError(["Ce panier contient des annulations : elles se valident au guichet, pas en ligne."])
    due = amount_due(session, family_id, bookings)
    if due.to_pay_cents < MIN_AMOUNT_CENTS:
        raise PaymentRefusedError([f"Le paiement en ligne demande au moins {format_cents(MIN_AMOUNT_CENTS)} ; "
                                   f"il reste {format_cents(due.to_pay_cents)} à régler : encaissez-le au guichet."])
    family = session.get(Family, family_id)
    assert family is not None
    mail = normalise_email(email or family.email or "")
    if mail is None:
        raise PaymentRefusedError(["Indiquez une adresse électronique valide pour le paiement en ligne."])
    regie = session.get(RegieSettings, 1)
    if regie is None:
        raise DeskError("L'identité de la régie (numéro client PayFiP) n'est pas renseignée.",
                        "Un administrateur doit la saisir dans les réglages.")
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
    gateway: PayfipGateway,
    *,
    online_payment_id: int,
    actor: Actor,
    settings: OnlineSettings = OnlineSettings(),  # noqa: B008
) -> OnlineStatus:
    """Ask the gateway and act on its answer, once."""
    now = clock.now()
    online = session.scalar(
        select(OnlinePayment).where(OnlinePayment.id == online_payment_id)
        .with_for_update().execution_options(populate_existing=True)
    )
    if online is None:
        raise DeskError("Ce paiement en ligne est inconnu.", "Actualisez le dossier.")
    if online.state not in (OnlinePaymentState.CREATED, OnlinePaymentState.EXPIRED):
        return _status(online, session=session, already=True)
    try:
        detail = gateway.recuperer_detail_paiement_securise(online.idop or "")
    except ResultPendingError:
        detail = None
    except PayfipError as error:
        raise DeskError(f"Le service de paiement en ligne ne connaît pas cette opération ({error.code}).",
                        "Vérifiez le paiement auprès de la DGFIP avant d'encaisser à nouveau.") from error
    if detail is None:
        if online.state is OnlinePaymentState.CREATED and now >= online.expires_at:
            _expire(session, now, online, settings)
        return _status(online, session=session)
    result = Resultrans(detail["resultrans"])
    if result in (Resultrans.PAID, Resultrans.PAID_ALT):
        return _paid(session, clock, online, detail, actor, settings)
    if online.state is OnlinePaymentState.CREATED:
        online.state = OnlinePaymentState.ABANDONED if result is Resultrans.ABANDONED else OnlinePaymentState.REFUSED
        online.result_code = result.value
        online.resolved_at = now
        _reopen(session, online.basket_id, now)
    return _status(online, session=session)


def handle_notification(session: Session, clock: Clock, gateway: PayfipGateway, *, idop: str, actor: Actor) -> OnlineStatus:
    """A notification only says *look at idop*: the result is asked from the gateway."""
    online_id = session.scalar(select(OnlinePayment.id).where(OnlinePayment.idop == idop))
    if online_id is None:
        raise DeskError("Notification de paiement pour une opération inconnue du guichet.", "Elle est ignorée.")
    return check_online_payment(session, clock, gateway, online_payment_id=online_id, actor=actor)


def open_online_payments(session: Session, now: datetime, late_window: timedelta = timedelta(hours=24)) -> list[int]:
    """Operations still waiting for a result, and expired ones a late confirmation may still reach."""
    return list(session.scalars(
        select(OnlinePayment.id).where(
            (OnlinePayment.state == OnlinePaymentState.CREATED)
            | ((OnlinePayment.state == OnlinePaymentState.EXPIRED) & (OnlinePayment.created_at > now - late_window))
        ).order_by(OnlinePayment.id)
    ))


# -- outcomes ----------------------------------------------------------------


def _expire(session: Session, now: datetime, online: OnlinePayment, settings: OnlineSettings) -> None:
    """No result in time: the bookings expire, their places are freed, a new attempt waits."""
    online.state = OnlinePaymentState.EXPIRED
    online.resolved_at = now
    basket = session.get(Basket, online.basket_id, with_for_update=True)
    assert basket is not None
    expire_holds_of_basket(session, now, basket.id)
    if basket.state is BasketState.PAYMENT_IN_PROGRESS:
        basket.state = BasketState.OPEN
    basket.next_online_attempt_at = now + settings.safety_delay
    basket.updated_at = now
    session.flush()


def _reopen(session: Session, basket_id: int, now: datetime) -> None:
    basket = session.get(Basket, basket_id, with_for_update=True)
    if basket is not None and basket.state is BasketState.PAYMENT_IN_PROGRESS:
        basket.state = BasketState.OPEN
        basket.updated_at = now
        session.flush()


def _paid(session: Session, clock: Clock, online: OnlinePayment, detail: dict, actor: Actor,
          settings: OnlineSettings) -> OnlineStatus:
    now = clock.now()
    received = int(detail["montant"])
    confirmed_at = _bank_instant(detail)
    online.result_code = detail["resultrans"]
    online.authorisation_number = detail.get("numauto") or None
    online.resolved_at = now
    line = Tender(PaymentMode.PAYFIP, received, refdet=online.refdet, idop=online.idop,
                  authorisation_number=online.authorisation_number)
    basket = session.get(Basket, online.basket_id, with_for_update=True)
    in_time = (online.state is OnlinePaymentState.CREATED and confirmed_at < online.expires_at
               and basket is not None and basket.state is BasketState.PAYMENT_IN_PROGRESS)
    if in_time:
        assert basket is not None
        try:
            with session.begin_nested():
                record = _pay_bookings(session, clock, online, basket, actor, line, received)
            online.state = OnlinePaymentState.PAID
            online.payment_id = record.payment_id
            session.flush()
            return _status(online, session=session, receipt=record)
        except PaymentRefusedError:
            pass  # a place was lost meanwhile: the money becomes a credit below
    if online.state is OnlinePaymentState.CREATED:
        _expire(session, now, online, settings)
    record = record_payment(
        session, now, family_id=online.family_id, basket=None, actor=actor, channel=PaymentChannel.ONLINE,
        settlement=Settlement(received, (SettledLine(line, received),), voucher_excess_cents=received),
        bookings=[], due=Due(0, 0, 0), cancelled=[], cash_session_id=_session_of_the_day(session), excess_label=LATE_CREDIT,
        journal_note=f"paiement en ligne {online.refdet} confirmé après expiration",
    )
    online.state = OnlinePaymentState.LATE_PAID
    online.payment_id = record.payment_id
    online.needs_cashier_review = True
    session.flush()
    return _status(online, session=session, receipt=record)


def _pay_bookings(session: Session, clock: Clock, online: OnlinePayment, basket: Basket, actor: Actor,
                  line: Tender, received: int) -> PaymentRecord:
    """Confirm the basket exactly as a counter payment would, with the gateway's amount."""
    renew_expired_holds(session, clock, basket, DEFAULT_POLICY)
    bookings = list(session.scalars(
        select(Booking).where(Booking.basket_id == basket.id, Booking.state == BookingState.PENDING)
        .order_by(Booking.id).with_for_update()
    ))
    due = amount_due(session, basket.family_id, bookings)
    excess = max(0, received - due.to_pay_cents)
    if received < due.to_pay_cents:
        due = Due(due.bookings_cents, due.credit_used_cents, max(0, due.balance_settled_cents - (due.to_pay_cents - received)))
    settlement = Settlement(due.to_pay_cents, (SettledLine(line, received),), voucher_excess_cents=excess)
    return record_payment(
        session, clock.now(), family_id=basket.family_id, basket=basket, actor=actor, channel=PaymentChannel.ONLINE,
        settlement=settlement, bookings=bookings, due=due, cancelled=[], cash_session_id=_session_of_the_day(session),
        excess_label=OVERPAID_CREDIT, journal_note=f"paiement en ligne {online.refdet}",
    )


def _session_of_the_day(session: Session) -> int | None:
    """Online payments belong to the counter session open when they are confirmed, if any."""
    cash_session = open_session(session)
    return cash_session.id if cash_session is not None else None


def _bank_instant(detail: dict) -> datetime:
    local = datetime.strptime(f"{detail['dattrans']}{detail['heurtrans']}", "%d%m%Y%H%M")
    return local.replace(tzinfo=PARIS)


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
}

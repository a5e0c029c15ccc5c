"""Enrolment (*inscription*): the activity lines of a child, as on the portal's step 1.

Category → type → activity; only activities whose enrolment window contains
the chosen date and whose age bounds fit the child are offered.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from desk.clock import PARIS, Clock
from desk.db.enums import BookingState, PaymentRule
from desk.db.models import Activity, ActivityCategory, ActivityType, Booking, Child, Enrolment, OpenDay
from desk.db.upsert import insert_if_absent
from desk.errors import DeskError, ValidationError
from desk.services.access import Actor
from desk.services.journal import append_entries
from desk.services.lifecycle import bookings, credits, locks
from desk.services.search import age_on

PAYMENT_RULE_LABELS = {
    PaymentRule.AT_BOOKING: "paiement à la réservation",
    PaymentRule.INVOICED: "paiement sur facture",
}


@dataclass(frozen=True)
class ActivityOption:
    id: int
    name: str
    start_date: date
    end_date: date
    min_age_years: int
    max_age_years: int


@dataclass(frozen=True)
class TypeOption:
    id: int
    name: str
    payment_rule: PaymentRule
    activities: tuple[ActivityOption, ...]

    @property
    def label(self) -> str:
        """``AL Pommiers (paiement à la réservation)``, as the portal lists it."""
        return f"{self.name} ({PAYMENT_RULE_LABELS[self.payment_rule]})"


@dataclass(frozen=True)
class CategoryOption:
    id: int
    name: str
    types: tuple[TypeOption, ...]


@dataclass(frozen=True)
class EnrolmentView:
    id: int
    child_id: int
    activity_id: int
    activity_name: str
    category_name: str
    type_label: str
    start_date: date
    end_date: date


class EnrolmentRefusedError(ValidationError):
    pass


def age_at_start(birth_date: date, activity: Activity) -> int:
    return age_on(birth_date, activity.start_date)


def enrolment_options(session: Session, child_id: int, on_date: date) -> list[CategoryOption]:
    """What the child can be enrolled in on ``on_date``, as a category → type → activity tree."""
    child = _child(session, child_id)
    current = set(session.scalars(
        select(Enrolment.activity_id).where(Enrolment.child_id == child_id, Enrolment.ended_at.is_(None))
    ))
    activities = session.scalars(
        select(Activity)
        .options(joinedload(Activity.type).joinedload(ActivityType.category))
        .where(Activity.enrolment_opens_on <= on_date, Activity.enrolment_closes_on >= on_date)
        .order_by(Activity.start_date, Activity.name)
    ).all()
    tree: dict[int, tuple[ActivityCategory, dict[int, tuple[ActivityType, list[ActivityOption]]]]] = {}
    for activity in activities:
        if activity.id in current or not _age_fits(child, activity):
            continue
        category = activity.type.category
        types = tree.setdefault(category.id, (category, {}))[1]
        types.setdefault(activity.type.id, (activity.type, []))[1].append(
            ActivityOption(activity.id, activity.name, activity.start_date, activity.end_date,
                           activity.min_age_years, activity.max_age_years)
        )
    return [
        CategoryOption(category.id, category.name, tuple(
            TypeOption(activity_type.id, activity_type.name, activity_type.payment_rule, tuple(options))
            for activity_type, options in sorted(types.values(), key=lambda pair: pair[0].name)
        ))
        for category, types in sorted(tree.values(), key=lambda pair: pair[0].name)
    ]


def enrol(session: Session, clock: Clock, *, child_id: int, activity_id: int, actor: Actor) -> EnrolmentView:
    """Create the activity line; refuse, with the reason, what the rules do not allow."""
    today = clock.now().astimezone(PARIS).date()
    child = _child(session, child_id)
    activity = session.get(Activity, activity_id)
    if activity is None:
        raise DeskError("Cette activité n'existe pas (ou plus).", "Choisissez une autre activité.")
    existing = session.scalar(
        select(Enrolment).where(Enrolment.child_id == child_id, Enrolment.activity_id == activity_id)
        .with_for_update().execution_options(populate_existing=True)
    )
    if existing is not None and existing.ended_at is None:
        raise EnrolmentRefusedError(f"{child.first_name} est déjà inscrit(e) à « {activity.name} ».", field="activity")
    if not activity.enrolment_opens_on <= today <= activity.enrolment_closes_on:
        raise EnrolmentRefusedError(_window_text(activity, today), field="activity")
    if not _age_fits(child, activity):
        raise EnrolmentRefusedError(
            f"{child.first_name} aura {age_at_start(child.birth_date, activity)} ans au {activity.start_date:%d/%m/%Y} : "
            f"« {activity.name} » accueille les enfants de {activity.min_age_years} à {activity.max_age_years} ans.",
            field="activity",
        )
    if existing is None:
        # Two desks enrolling the same child at once: one row is written, the other insert does nothing.
        insert_if_absent(session, Enrolment, {"child_id": child_id, "activity_id": activity_id,
                                              "created_at": clock.now(), "created_by_id": actor.agent_id})
        existing = session.scalars(
            select(Enrolment).where(Enrolment.child_id == child_id, Enrolment.activity_id == activity_id)
            .execution_options(populate_existing=True)
        ).one()
    else:  # enrolled again after leaving: the same line comes back
        existing.ended_at = None
    session.flush()
    return _view(session, existing.id)


def child_enrolments(session: Session, child_id: int) -> list[EnrolmentView]:
    return family_enrolments(session, [child_id]).get(child_id, [])


def family_enrolments(session: Session, child_ids: list[int]) -> dict[int, list[EnrolmentView]]:
    """Each child's current activity lines, in one query, by start date then name."""
    rows = session.scalars(
        select(Enrolment).join(Activity).where(Enrolment.child_id.in_(child_ids), Enrolment.ended_at.is_(None))
        .options(joinedload(Enrolment.activity).joinedload(Activity.type).joinedload(ActivityType.category))
        .order_by(Activity.start_date, Activity.name)
    ).unique().all()
    found: dict[int, list[EnrolmentView]] = {}
    for enrolment in rows:
        found.setdefault(enrolment.child_id, []).append(_view_of(enrolment))
    return found


@dataclass(frozen=True)
class UnenrolmentPreview:
    """What ending an enrolment does to its bookings from today on."""

    pending_bookings: int
    confirmed_bookings: int
    confirmed_cents: int


def unenrolment_preview(session: Session, enrolment_id: int, now: datetime) -> UnenrolmentPreview:
    pending, confirmed = _future_bookings(session, enrolment_id, now)
    return UnenrolmentPreview(len(pending), len(confirmed), sum(b.price_cents for b in confirmed))


def unenrol(session: Session, clock: Clock, *, enrolment_id: int, actor: Actor, cancel_paid: bool) -> UnenrolmentPreview:
    """End an enrolment. Pending bookings are dropped and their places freed.

    Paid bookings to come are either kept (``cancel_paid`` False: the child
    still comes on those days) or cancelled with a credit, which only a
    régisseur may do.
    """
    now = clock.now()
    actor = locks.acting(session, actor)
    enrolment = session.get(Enrolment, enrolment_id)
    if enrolment is None or enrolment.ended_at is not None:
        raise DeskError("Cette inscription est déjà terminée.", "Actualisez le dossier.")
    locks.family(session, enrolment.child.family_id)  # no booking of the family is added or paid meanwhile
    pending, confirmed = _future_bookings(session, enrolment_id, now)
    to_cancel = confirmed if cancel_paid else []
    held = {b.id: b for b in credits.lock_for_cancellation(session, [b.id for b in pending + to_cancel])} \
        if pending or to_cancel else {}
    bookings.drop(session, now, {b.id: b.open_day_id for b in pending})
    cancellations = [credits.cancel_booking(session, now, actor, held[b.id], "désinscription") for b in to_cancel]
    if cancellations:
        append_entries(session, [c.journal_entry for c in cancellations])
    enrolment.ended_at = now
    session.flush()
    return UnenrolmentPreview(len(pending), len(to_cancel), sum(c.credit_cents for c in cancellations))


def _future_bookings(session: Session, enrolment_id: int, now: datetime) -> tuple[list[Booking], list[Booking]]:
    today = now.astimezone(PARIS).date()
    bookings = session.scalars(
        select(Booking).join(OpenDay).where(
            Booking.enrolment_id == enrolment_id,
            Booking.state.in_([BookingState.PENDING, BookingState.CONFIRMED]),
        ).order_by(OpenDay.day)
    ).all()
    pending = [b for b in bookings if b.state is BookingState.PENDING]
    confirmed = [b for b in bookings if b.state is BookingState.CONFIRMED and b.open_day.day >= today]
    return pending, confirmed


def _child(session: Session, child_id: int) -> Child:
    child = session.get(Child, child_id)
    if child is None:
        raise DeskError("Cet enfant n'existe pas (ou plus) dans le dossier.", "Rouvrez le dossier de la famille.")
    return child


def _age_fits(child: Child, activity: Activity) -> bool:
    return activity.min_age_years <= age_at_start(child.birth_date, activity) <= activity.max_age_years


def _window_text(activity: Activity, today: date) -> str:
    if today < activity.enrolment_opens_on:
        return f"Les inscriptions à « {activity.name} » ouvrent le {activity.enrolment_opens_on:%d/%m/%Y}."
    return f"Les inscriptions à « {activity.name} » sont closes depuis le {activity.enrolment_closes_on:%d/%m/%Y}."


def _view(session: Session, enrolment_id: int) -> EnrolmentView:
    enrolment = session.scalars(
        select(Enrolment).where(Enrolment.id == enrolment_id)
        .options(joinedload(Enrolment.activity).joinedload(Activity.type).joinedload(ActivityType.category))
    ).one()
    return _view_of(enrolment)


def _view_of(enrolment: Enrolment) -> EnrolmentView:
    activity = enrolment.activity
    return EnrolmentView(
        enrolment.id, enrolment.child_id, activity.id, activity.name, activity.type.category.name,
        f"{activity.type.name} ({PAYMENT_RULE_LABELS[activity.type.payment_rule]})",
        activity.start_date, activity.end_date,
    )

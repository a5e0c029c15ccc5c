"""The data model of desk: every table, and every invariant the database can hold.

Money is integer cents. Instants are UTC (see ``UTCDateTime``); calendar days
are plain dates in the town's time zone. Rules that span several rows (a
*journée* excludes the half-days of the same child and day, capacity counted
against live bookings) are kept by the services inside one transaction; what a
single row or an index can guarantee is written here as a constraint.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desk.db import append_only, change_feed
from desk.db.base import Base, enum_column
from desk.db.enums import (
    AuditOutcome,
    BasketState,
    BookingState,
    CashSessionKind,
    JournalKind,
    LedgerKind,
    OfficerKind,
    OnlinePaymentState,
    PaymentChannel,
    PaymentMode,
    PaymentRule,
    Role,
    UnitKind,
)

NAME = String(100)
ALL_MODES = "cash,cheque,card,ancv,cesu,payfip"  # as a new régie's act has it until the administrator says otherwise
PHONE = String(20)
EMAIL = String(254)
SHA256_HEX = String(64)

LIVE_BOOKING = "state IN ('pending', 'confirmed')"
ACTIVE_BASKET = "state IN ('open', 'payment_in_progress')"


def not_blank(column: str) -> CheckConstraint:
    return CheckConstraint(f"length(trim({column})) > 0", name=f"{column}_not_blank")


def not_negative(column: str) -> CheckConstraint:
    return CheckConstraint(f"{column} >= 0", name=f"{column}_not_negative")


# --------------------------------------------------------------------------
# Staff and régie
# --------------------------------------------------------------------------


class Agent(Base):
    """A person who logs in at a desk. Never deleted: the journal names them."""

    __tablename__ = "agent"

    id: Mapped[int] = mapped_column(primary_key=True)
    login: Mapped[str] = mapped_column(String(40), unique=True)
    display_name: Mapped[str] = mapped_column(NAME)
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[Role] = mapped_column(enum_column(Role, "role"))
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_login_count: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None]
    created_at: Mapped[datetime]

    __table_args__ = (
        CheckConstraint("login = lower(login)", name="login_lowercase"),
        not_blank("login"),
        not_blank("display_name"),
        not_negative("failed_login_count"),
    )


class RegieSettings(Base):
    """The régie's identity, printed on receipts and sent to PayFiP. One row."""

    __tablename__ = "regie_settings"

    id: Mapped[int] = mapped_column(primary_key=True)
    town: Mapped[str] = mapped_column(NAME)
    regie_name: Mapped[str] = mapped_column(String(200))
    address: Mapped[str] = mapped_column(String(300))
    payfip_client_number: Mapped[str] = mapped_column(String(6))
    # The acte constitutif: its reference and date, the modes it authorises (values of
    # PaymentMode, comma-separated), the most cash the régie may hold, and the float.
    act_reference: Mapped[str] = mapped_column(String(100), default="", server_default="")
    act_date: Mapped[date | None] = mapped_column(Date)
    authorised_modes: Mapped[str] = mapped_column(String(100), default=ALL_MODES, server_default=ALL_MODES)
    max_cash_cents: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    float_cents: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    __table_args__ = (
        CheckConstraint("id = 1", name="single_row"),
        CheckConstraint("length(payfip_client_number) = 6", name="payfip_client_number_length"),
        not_negative("max_cash_cents"),
        not_negative("float_cents"),
        CheckConstraint("length(authorised_modes) > 0", name="some_mode_authorised"),
    )


class RegieOfficer(Base):
    """An agent the acte constitutif names: the régisseur titulaire (one) or a mandataire."""

    __tablename__ = "regie_officer"

    agent_id: Mapped[int] = mapped_column(ForeignKey("agent.id"), primary_key=True)
    kind: Mapped[OfficerKind] = mapped_column(enum_column(OfficerKind, "officer_kind"))
    named_at: Mapped[datetime]

    __table_args__ = (
        Index("uq_regie_officer_one_titulaire", "kind", unique=True,
              sqlite_where=text("kind = 'titulaire'"), postgresql_where=text("kind = 'titulaire'")),
    )


class Counter(Base):
    """Gap-free counters (dossier numbers, receipt numbers per year).

    Incremented with an ``UPDATE … SET last_value = last_value + 1`` inside the
    transaction that uses the number, so a rolled-back transaction leaves no gap
    and two desks never get the same number.
    """

    __tablename__ = "counter"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    last_value: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (not_negative("last_value"),)


# --------------------------------------------------------------------------
# Families
# --------------------------------------------------------------------------


class Family(Base):
    __tablename__ = "family"

    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_number: Mapped[str] = mapped_column(String(12), unique=True)
    name: Mapped[str] = mapped_column(NAME)
    address_line: Mapped[str | None] = mapped_column(String(200))
    postal_code: Mapped[str | None] = mapped_column(String(10))
    city: Mapped[str | None] = mapped_column(NAME)
    phone: Mapped[str | None] = mapped_column(PHONE)
    email: Mapped[str | None] = mapped_column(EMAIL)
    quotient_familial: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime]

    guardians: Mapped[list[Guardian]] = relationship(
        back_populates="family", order_by="Guardian.id", cascade="all, delete-orphan"
    )
    children: Mapped[list[Child]] = relationship(
        back_populates="family", order_by="Child.symbol_index", cascade="all, delete-orphan"
    )

    __table_args__ = (
        CheckConstraint("dossier_number LIKE 'F-%'", name="dossier_number_format"),
        not_blank("name"),
        CheckConstraint(
            "quotient_familial IS NULL OR quotient_familial >= 0", name="quotient_familial_not_negative"
        ),
    )


class Guardian(Base):
    """A responsable: a parent or tutor who may act for the family."""

    __tablename__ = "guardian"

    id: Mapped[int] = mapped_column(primary_key=True)
    family_id: Mapped[int] = mapped_column(ForeignKey("family.id", ondelete="CASCADE"), index=True)
    first_name: Mapped[str] = mapped_column(NAME)
    last_name: Mapped[str] = mapped_column(NAME)
    relationship_label: Mapped[str] = mapped_column(String(30))
    phone: Mapped[str | None] = mapped_column(PHONE)
    email: Mapped[str | None] = mapped_column(EMAIL)
    is_primary: Mapped[bool] = mapped_column(Boolean, default=False)

    family: Mapped[Family] = relationship(back_populates="guardians")

    __table_args__ = (
        not_blank("first_name"),
        not_blank("last_name"),
        # One primary guardian per family at most: the one the receipts name.
        Index(
            "uq_guardian_primary_per_family",
            "family_id",
            unique=True,
            sqlite_where=text("is_primary = 1"),
            postgresql_where=text("is_primary"),
        ),
    )


class Child(Base):
    __tablename__ = "child"

    id: Mapped[int] = mapped_column(primary_key=True)
    family_id: Mapped[int] = mapped_column(ForeignKey("family.id", ondelete="CASCADE"), index=True)
    first_name: Mapped[str] = mapped_column(NAME)
    last_name: Mapped[str] = mapped_column(NAME)
    birth_date: Mapped[date] = mapped_column(Date)
    # Fixes the child's planning symbol within the family (0 = blue star, 1 =
    # red square, 2 = green triangle, …); stable when a sibling leaves.
    symbol_index: Mapped[int] = mapped_column(Integer)

    family: Mapped[Family] = relationship(back_populates="children")

    __table_args__ = (
        UniqueConstraint("family_id", "symbol_index"),
        not_blank("first_name"),
        not_blank("last_name"),
        not_negative("symbol_index"),
    )


class FamilySearchTerm(Base):
    """A normalised word a family is found by (see ``desk.db.search_terms``).

    Rebuilt whenever the family file changes. The index ``(term, family_id,
    kind)`` finds the families of a prefix; the primary key ``(family_id,
    term, kind)`` checks one family's few terms for another word.
    """

    __tablename__ = "family_search_term"

    family_id: Mapped[int] = mapped_column(ForeignKey("family.id", ondelete="CASCADE"), primary_key=True)
    # Byte order on PostgreSQL too, so that prefix ranges mean what they say.
    term: Mapped[str] = mapped_column(
        String(120).with_variant(String(120, collation="C"), "postgresql"), primary_key=True
    )
    kind: Mapped[str] = mapped_column(String(10), primary_key=True)

    __table_args__ = (
        Index("ix_family_search_term_lookup", "term", "family_id", "kind"),
        CheckConstraint("kind IN ('dossier', 'surname', 'name', 'phone', 'email')", name="kind_known"),
        CheckConstraint("length(term) > 0", name="term_not_empty"),
    )


# --------------------------------------------------------------------------
# Activity catalogue
# --------------------------------------------------------------------------


class ActivityCategory(Base):
    __tablename__ = "activity_category"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(NAME, unique=True)

    __table_args__ = (not_blank("name"),)


class ActivityType(Base):
    __tablename__ = "activity_type"

    id: Mapped[int] = mapped_column(primary_key=True)
    category_id: Mapped[int] = mapped_column(ForeignKey("activity_category.id"))
    name: Mapped[str] = mapped_column(NAME)
    payment_rule: Mapped[PaymentRule] = mapped_column(enum_column(PaymentRule, "payment_rule"))

    category: Mapped[ActivityCategory] = relationship()

    __table_args__ = (UniqueConstraint("category_id", "name"), not_blank("name"))


class Activity(Base):
    """A bookable activity over a period, e.g. *Pommiers mercredis 2026-2027*."""

    __tablename__ = "activity"

    id: Mapped[int] = mapped_column(primary_key=True)
    type_id: Mapped[int] = mapped_column(ForeignKey("activity_type.id"), index=True)
    name: Mapped[str] = mapped_column(NAME, unique=True)
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    # Enrolment is offered between these dates.
    enrolment_opens_on: Mapped[date] = mapped_column(Date)
    enrolment_closes_on: Mapped[date] = mapped_column(Date)
    min_age_years: Mapped[int] = mapped_column(Integer)
    max_age_years: Mapped[int] = mapped_column(Integer)
    # Booking deadline rule: a day can be booked or changed until
    # ``booking_deadline_days`` days before it, at ``booking_deadline_hour``
    # o'clock, Paris time.
    booking_deadline_days: Mapped[int] = mapped_column(Integer)
    booking_deadline_hour: Mapped[int] = mapped_column(Integer)

    type: Mapped[ActivityType] = relationship()
    units: Mapped[list[Unit]] = relationship(back_populates="activity", order_by="Unit.position")

    __table_args__ = (
        not_blank("name"),
        CheckConstraint("end_date >= start_date", name="period_ordered"),
        CheckConstraint("enrolment_closes_on >= enrolment_opens_on", name="enrolment_window_ordered"),
        CheckConstraint("min_age_years >= 0 AND max_age_years >= min_age_years", name="age_bounds"),
        not_negative("booking_deadline_days"),
        CheckConstraint("booking_deadline_hour BETWEEN 0 AND 23", name="booking_deadline_hour_range"),
    )


class Unit(Base):
    """A bookable unit of an activity: *Mercredi matin*, *Mercredi journée*, …"""

    __tablename__ = "unit"

    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = mapped_column(ForeignKey("activity.id"))
    name: Mapped[str] = mapped_column(NAME)
    kind: Mapped[UnitKind] = mapped_column(enum_column(UnitKind, "unit_kind"))
    position: Mapped[int] = mapped_column(Integer)

    activity: Mapped[Activity] = relationship(back_populates="units")

    __table_args__ = (
        UniqueConstraint("activity_id", "name"),
        UniqueConstraint("activity_id", "position"),
        not_blank("name"),
    )


class UnitExclusion(Base):
    """Two units a child cannot both have on the same day. Stored both ways."""

    __tablename__ = "unit_exclusion"

    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), primary_key=True)
    excluded_unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), primary_key=True)

    __table_args__ = (CheckConstraint("unit_id <> excluded_unit_id", name="distinct_units"),)


class QuotientBracket(Base):
    """A quotient familial bracket: [lower_bound, upper_bound) in euros.

    The open-ended top bracket (no upper bound) also prices families whose
    quotient is unknown.
    """

    __tablename__ = "quotient_bracket"

    id: Mapped[int] = mapped_column(primary_key=True)
    label: Mapped[str] = mapped_column(String(60), unique=True)
    lower_bound: Mapped[int] = mapped_column(Integer, unique=True)
    upper_bound: Mapped[int | None] = mapped_column(Integer)

    __table_args__ = (
        not_negative("lower_bound"),
        CheckConstraint("upper_bound IS NULL OR upper_bound > lower_bound", name="bounds_ordered"),
    )


class Tariff(Base):
    __tablename__ = "tariff"

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"))
    bracket_id: Mapped[int] = mapped_column(ForeignKey("quotient_bracket.id"))
    price_cents: Mapped[int] = mapped_column(Integer)

    __table_args__ = (UniqueConstraint("unit_id", "bracket_id"), not_negative("price_cents"))


class OpenDay(Base):
    """A day on which a unit runs, with its capacity.

    ``places_taken`` counts live bookings (pending and confirmed). It is kept by
    a conditional update in the booking transaction, and the CHECK below makes
    the database itself refuse any state above capacity, whatever the path.
    """

    __tablename__ = "open_day"

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"))
    day: Mapped[date] = mapped_column(Date, index=True)
    capacity: Mapped[int] = mapped_column(Integer)
    places_taken: Mapped[int] = mapped_column(Integer, default=0)

    unit: Mapped[Unit] = relationship()

    __table_args__ = (
        UniqueConstraint("unit_id", "day"),
        CheckConstraint("capacity > 0", name="capacity_positive"),
        CheckConstraint("places_taken >= 0 AND places_taken <= capacity", name="within_capacity"),
    )


# --------------------------------------------------------------------------
# Enrolments, baskets and bookings
# --------------------------------------------------------------------------


class Enrolment(Base):
    """The activity line of a child (*inscription*)."""

    __tablename__ = "enrolment"

    id: Mapped[int] = mapped_column(primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("child.id"))
    activity_id: Mapped[int] = mapped_column(ForeignKey("activity.id"), index=True)
    created_at: Mapped[datetime]
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("agent.id"))
    ended_at: Mapped[datetime | None]

    child: Mapped[Child] = relationship()
    activity: Mapped[Activity] = relationship()

    __table_args__ = (
        UniqueConstraint("child_id", "activity_id"),
        # Target of booking's composite key: a booking's child is its enrolment's.
        UniqueConstraint("id", "child_id"),
    )


class Basket(Base):
    """The family's *modifications en cours*: pending bookings and cancellations."""

    __tablename__ = "basket"

    id: Mapped[int] = mapped_column(primary_key=True)
    family_id: Mapped[int] = mapped_column(ForeignKey("family.id"), index=True)
    state: Mapped[BasketState] = mapped_column(enum_column(BasketState, "basket_state"))
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("agent.id"))
    # After an online payment expired, a new one may not start before this.
    next_online_attempt_at: Mapped[datetime | None]

    __table_args__ = (
        # One basket in progress per family: two desks serving the same family
        # work on the same basket rather than on two competing ones.
        Index(
            "uq_basket_active_per_family",
            "family_id",
            unique=True,
            sqlite_where=text(ACTIVE_BASKET),
            postgresql_where=text(ACTIVE_BASKET),
        ),
    )


class Booking(Base):
    """A child × open day (which fixes unit and date), in a state.

    pending → confirmed (paid) or pending → expired / cancelled; a confirmed
    booking is never deleted, only cancelled with a credit.
    """

    __tablename__ = "booking"

    id: Mapped[int] = mapped_column(primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("child.id"))
    enrolment_id: Mapped[int] = mapped_column(Integer)
    open_day_id: Mapped[int] = mapped_column(ForeignKey("open_day.id"))
    basket_id: Mapped[int | None] = mapped_column(ForeignKey("basket.id"), index=True)
    state: Mapped[BookingState] = mapped_column(enum_column(BookingState, "booking_state"))
    price_cents: Mapped[int] = mapped_column(Integer)
    hold_expires_at: Mapped[datetime | None]
    created_at: Mapped[datetime]
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("agent.id"))
    confirmed_at: Mapped[datetime | None]
    ended_at: Mapped[datetime | None]
    payment_id: Mapped[int | None] = mapped_column(ForeignKey("payment.id"), index=True)
    # A confirmed booking whose cancellation waits in this basket.
    cancellation_basket_id: Mapped[int | None] = mapped_column(ForeignKey("basket.id"), index=True)

    open_day: Mapped[OpenDay] = relationship()
    child: Mapped[Child] = relationship()

    __table_args__ = (
        ForeignKeyConstraint(["enrolment_id", "child_id"], ["enrolment.id", "enrolment.child_id"]),
        not_negative("price_cents"),
        CheckConstraint(
            "state <> 'pending' OR (hold_expires_at IS NOT NULL AND basket_id IS NOT NULL)",
            name="pending_is_held",
        ),
        CheckConstraint("state <> 'confirmed' OR confirmed_at IS NOT NULL", name="confirmed_has_date"),
        CheckConstraint(
            "state NOT IN ('cancelled', 'expired') OR ended_at IS NOT NULL", name="ended_has_date"
        ),
        CheckConstraint(
            "cancellation_basket_id IS NULL OR state = 'confirmed'", name="only_confirmed_cancellable"
        ),
        # The rule of the product: at most one live booking per child, day and unit.
        Index(
            "uq_booking_live_child_open_day",
            "child_id",
            "open_day_id",
            unique=True,
            sqlite_where=text(LIVE_BOOKING),
            postgresql_where=text(LIVE_BOOKING),
        ),
        Index("ix_booking_open_day_id_state", "open_day_id", "state"),
        # The partial unique index above cannot serve queries whose state filter is a bound parameter.
        Index("ix_booking_child_id_open_day_id", "child_id", "open_day_id"),
        Index(
            "ix_booking_pending_hold",
            "hold_expires_at",
            sqlite_where=text("state = 'pending'"),
            postgresql_where=text("state = 'pending'"),
        ),
    )


# --------------------------------------------------------------------------
# Money: cash-desk sessions, payments, receipts, family ledger, journal
# --------------------------------------------------------------------------


class CashSession(Base):
    """A cash-desk session (*régie* day), opened and closed by the régisseur."""

    __tablename__ = "cash_session"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[CashSessionKind] = mapped_column(enum_column(CashSessionKind, "cash_session_kind"))
    opened_at: Mapped[datetime]
    opened_by_id: Mapped[int] = mapped_column(ForeignKey("agent.id"))
    opening_float_cents: Mapped[int] = mapped_column(Integer)
    closed_at: Mapped[datetime | None]
    closed_by_id: Mapped[int | None] = mapped_column(ForeignKey("agent.id"))
    expected_cash_cents: Mapped[int | None] = mapped_column(Integer)
    counted_cash_cents: Mapped[int | None] = mapped_column(Integer)
    counted_cheques_cents: Mapped[int | None] = mapped_column(Integer)
    difference_cents: Mapped[int | None] = mapped_column(Integer)
    closing_comment: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        not_negative("opening_float_cents"),
        CheckConstraint(
            "(closed_at IS NULL AND closed_by_id IS NULL) OR "
            "(closed_at IS NOT NULL AND closed_by_id IS NOT NULL AND counted_cash_cents IS NOT NULL)",
            name="closing_complete",
        ),
        Index(
            "uq_cash_session_one_open_per_kind",
            "kind",
            unique=True,
            sqlite_where=text("closed_at IS NULL"),
            postgresql_where=text("closed_at IS NULL"),
        ),
    )


class CashCountLine(Base):
    """The closing count of a session: how many notes or coins of one denomination."""

    __tablename__ = "cash_count_line"

    cash_session_id: Mapped[int] = mapped_column(ForeignKey("cash_session.id"), primary_key=True)
    denomination_cents: Mapped[int] = mapped_column(Integer, primary_key=True)
    count: Mapped[int] = mapped_column(Integer)

    __table_args__ = (
        CheckConstraint("denomination_cents > 0", name="denomination_positive"),
        CheckConstraint("count > 0", name="count_positive"),
    )


class Payment(Base):
    """A recorded payment (*règlement*). Never updated: corrections are new entries."""

    __tablename__ = "payment"

    id: Mapped[int] = mapped_column(primary_key=True)
    family_id: Mapped[int] = mapped_column(ForeignKey("family.id"), index=True)
    # Unique: a basket is paid at most once, whatever two desks attempt.
    basket_id: Mapped[int | None] = mapped_column(ForeignKey("basket.id"), unique=True)
    cash_session_id: Mapped[int | None] = mapped_column(ForeignKey("cash_session.id"), index=True)
    agent_id: Mapped[int | None] = mapped_column(ForeignKey("agent.id"))
    channel: Mapped[PaymentChannel] = mapped_column(enum_column(PaymentChannel, "payment_channel"))
    paid_at: Mapped[datetime]
    amount_cents: Mapped[int] = mapped_column(Integer)

    lines: Mapped[list[PaymentLine]] = relationship(order_by="PaymentLine.id")

    __table_args__ = (not_negative("amount_cents"),)


class PaymentLine(Base):
    """One mode of a payment; a basket may be paid by several modes together.

    Card data is never stored beyond the last four digits and the
    authorisation number.
    """

    __tablename__ = "payment_line"

    id: Mapped[int] = mapped_column(primary_key=True)
    payment_id: Mapped[int] = mapped_column(ForeignKey("payment.id"), index=True)
    mode: Mapped[PaymentMode] = mapped_column(enum_column(PaymentMode, "payment_mode"))
    amount_cents: Mapped[int] = mapped_column(Integer)
    tendered_cents: Mapped[int | None] = mapped_column(Integer)
    change_cents: Mapped[int | None] = mapped_column(Integer)
    cheque_number: Mapped[str | None] = mapped_column(String(20))
    cheque_bank: Mapped[str | None] = mapped_column(NAME)
    cheque_drawer: Mapped[str | None] = mapped_column(NAME)
    authorisation_number: Mapped[str | None] = mapped_column(String(20))
    card_last4: Mapped[str | None] = mapped_column(String(4))
    voucher_count: Mapped[int | None] = mapped_column(Integer)
    voucher_value_cents: Mapped[int | None] = mapped_column(Integer)
    refdet: Mapped[str | None] = mapped_column(String(30))
    idop: Mapped[str | None] = mapped_column(String(64))

    __table_args__ = (
        CheckConstraint("amount_cents > 0", name="amount_positive"),
        CheckConstraint(
            "mode <> 'cash' OR (tendered_cents IS NOT NULL AND change_cents IS NOT NULL "
            "AND change_cents >= 0 AND tendered_cents - change_cents = amount_cents)",
            name="cash_change_consistent",
        ),
        CheckConstraint("card_last4 IS NULL OR length(card_last4) = 4", name="card_last4_length"),
        CheckConstraint(
            "mode NOT IN ('ancv', 'cesu') OR (voucher_count > 0 AND voucher_value_cents > 0)",
            name="vouchers_counted",
        ),
        CheckConstraint("mode <> 'cheque' OR cheque_number IS NOT NULL", name="cheque_numbered"),
        CheckConstraint("mode <> 'payfip' OR refdet IS NOT NULL", name="payfip_has_refdet"),
    )


class LedgerEntry(Base):
    """A movement on the family account; the balance is their sum.

    Positive amounts are owed by the family (*restant dû*), negative ones are
    owed to it (*avoir*).
    """

    __tablename__ = "ledger_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    family_id: Mapped[int] = mapped_column(ForeignKey("family.id"), index=True)
    created_at: Mapped[datetime]
    kind: Mapped[LedgerKind] = mapped_column(enum_column(LedgerKind, "ledger_kind"))
    amount_cents: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(String(200))
    payment_id: Mapped[int | None] = mapped_column(ForeignKey("payment.id"), index=True)
    booking_id: Mapped[int | None] = mapped_column(ForeignKey("booking.id"), index=True)
    agent_id: Mapped[int | None] = mapped_column(ForeignKey("agent.id"))

    __table_args__ = (CheckConstraint("amount_cents <> 0", name="amount_not_zero"),)


class PaymentAllocation(Base):
    """What a payment paid: a booking, or a ledger debt (the balance due)."""

    __tablename__ = "payment_allocation"

    id: Mapped[int] = mapped_column(primary_key=True)
    payment_id: Mapped[int] = mapped_column(ForeignKey("payment.id"), index=True)
    booking_id: Mapped[int | None] = mapped_column(ForeignKey("booking.id"), index=True)
    ledger_entry_id: Mapped[int | None] = mapped_column(ForeignKey("ledger_entry.id"), index=True)
    amount_cents: Mapped[int] = mapped_column(Integer)

    __table_args__ = (
        CheckConstraint("amount_cents > 0", name="amount_positive"),
        CheckConstraint(
            "(booking_id IS NULL) <> (ledger_entry_id IS NULL)", name="exactly_one_target"
        ),
    )


class Receipt(Base):
    """The *ticket de règlement*, numbered per year without gaps: ``2026-000123``."""

    __tablename__ = "receipt"

    id: Mapped[int] = mapped_column(primary_key=True)
    payment_id: Mapped[int] = mapped_column(ForeignKey("payment.id"), unique=True)
    year: Mapped[int] = mapped_column(Integer)
    number: Mapped[int] = mapped_column(Integer)
    issued_at: Mapped[datetime]

    __table_args__ = (
        UniqueConstraint("year", "number"),
        CheckConstraint("number > 0", name="number_positive"),
    )

    @property
    def code(self) -> str:
        return f"{self.year}-{self.number:06d}"  # as desk.services.numbering.receipt_code


class JournalEntry(Base):
    """An append-only entry of the payment journal, chained by sha256.

    ``hash`` covers a canonical form of the entry and ``previous_hash``; the
    unique ``previous_hash`` forbids two entries claiming the same predecessor.
    """

    __tablename__ = "journal_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    sequence: Mapped[int] = mapped_column(Integer, unique=True)
    kind: Mapped[JournalKind] = mapped_column(enum_column(JournalKind, "journal_kind"))
    created_at: Mapped[datetime]
    agent_id: Mapped[int | None] = mapped_column(ForeignKey("agent.id"))
    family_id: Mapped[int | None] = mapped_column(ForeignKey("family.id"), index=True)
    payment_id: Mapped[int | None] = mapped_column(ForeignKey("payment.id"), index=True)
    cash_session_id: Mapped[int | None] = mapped_column(ForeignKey("cash_session.id"), index=True)
    amount_cents: Mapped[int] = mapped_column(Integer)
    grand_total_in_cents: Mapped[int] = mapped_column(Integer)
    grand_total_out_cents: Mapped[int] = mapped_column(Integer)
    payload: Mapped[str] = mapped_column(Text)
    previous_hash: Mapped[str | None] = mapped_column(SHA256_HEX, unique=True)
    hash: Mapped[str] = mapped_column(SHA256_HEX, unique=True)
    # HMAC-SHA256 of ``hash`` under the journal key of the desks' configuration, which the
    # database never holds: rewriting the chain with recomputed hashes cannot forge it.
    # Empty only for entries written before sealing existed (see the counter "journal_legacy_until").
    seal: Mapped[str | None] = mapped_column(SHA256_HEX)

    __table_args__ = (
        CheckConstraint("sequence >= 1", name="sequence_positive"),
        CheckConstraint(
            "(sequence = 1 AND previous_hash IS NULL) OR (sequence > 1 AND previous_hash IS NOT NULL)",
            name="chained",
        ),
        not_negative("grand_total_in_cents"),
        not_negative("grand_total_out_cents"),
        CheckConstraint("length(hash) = 64", name="hash_length"),
        CheckConstraint("seal IS NULL OR length(seal) = 64", name="seal_length"),
    )


class OnlinePayment(Base):
    """The desk's side of a PayFiP operation for a basket."""

    __tablename__ = "online_payment"

    id: Mapped[int] = mapped_column(primary_key=True)
    basket_id: Mapped[int] = mapped_column(ForeignKey("basket.id"), index=True)
    family_id: Mapped[int] = mapped_column(ForeignKey("family.id"), index=True)
    refdet: Mapped[str] = mapped_column(String(30), unique=True)
    idop: Mapped[str | None] = mapped_column(String(64), unique=True)
    amount_cents: Mapped[int] = mapped_column(Integer)
    email: Mapped[str] = mapped_column(String(80))
    state: Mapped[OnlinePaymentState] = mapped_column(
        enum_column(OnlinePaymentState, "online_payment_state")
    )
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    result_code: Mapped[str | None] = mapped_column(String(2))
    authorisation_number: Mapped[str | None] = mapped_column(String(20))
    resolved_at: Mapped[datetime | None]
    payment_id: Mapped[int | None] = mapped_column(ForeignKey("payment.id"), unique=True)
    needs_cashier_review: Mapped[bool] = mapped_column(Boolean, default=False)
    # Why the régisseur must look at it (an answer that does not match, a late confirmation…),
    # and who looked, when, with what conclusion.
    review_reason: Mapped[str | None] = mapped_column(String(300))
    reviewed_at: Mapped[datetime | None]
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("agent.id"))
    review_note: Mapped[str | None] = mapped_column(String(300))

    __table_args__ = (
        CheckConstraint("amount_cents BETWEEN 100 AND 10000000", name="payfip_amount_range"),
        CheckConstraint("expires_at > created_at", name="expiry_after_creation"),
    )


class ReceiptPrint(Base):
    """A reprint of a ticket (*DUPLICATA*): who printed which copy, when. Append-only."""

    __tablename__ = "receipt_print"

    id: Mapped[int] = mapped_column(primary_key=True)
    receipt_id: Mapped[int] = mapped_column(ForeignKey("receipt.id"), index=True)
    copy_number: Mapped[int] = mapped_column(Integer)
    printed_at: Mapped[datetime]
    agent_id: Mapped[int | None] = mapped_column(ForeignKey("agent.id"))

    __table_args__ = (
        UniqueConstraint("receipt_id", "copy_number"),
        CheckConstraint("copy_number >= 1", name="copy_number_positive"),
    )


class AuditEntry(Base):
    """Who did what and when: logins, refusals, payments, overrides, closings."""

    __tablename__ = "audit_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(index=True)
    agent_id: Mapped[int | None] = mapped_column(ForeignKey("agent.id"), index=True)
    action: Mapped[str] = mapped_column(String(40))
    outcome: Mapped[AuditOutcome] = mapped_column(enum_column(AuditOutcome, "audit_outcome"))
    family_id: Mapped[int | None] = mapped_column(ForeignKey("family.id"))
    detail: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (not_blank("action"),)


# --------------------------------------------------------------------------
# The régie towards the comptable public: cheque remittances, versements
# --------------------------------------------------------------------------


class ChequeRemittance(Base):
    """A *remise de chèques* to the bank, numbered per year without gaps. Append-only."""

    __tablename__ = "cheque_remittance"

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    number: Mapped[int] = mapped_column(Integer)
    made_at: Mapped[datetime]
    agent_id: Mapped[int | None] = mapped_column(ForeignKey("agent.id"))
    cheque_count: Mapped[int] = mapped_column(Integer)
    total_cents: Mapped[int] = mapped_column(Integer)

    __table_args__ = (
        UniqueConstraint("year", "number"),
        CheckConstraint("number > 0", name="number_positive"),
        CheckConstraint("cheque_count > 0", name="some_cheque"),
        CheckConstraint("total_cents > 0", name="total_positive"),
    )


class RemittedCheque(Base):
    """A cheque line of a payment, handed to the bank in a remittance: once, and for good. Append-only."""

    __tablename__ = "remitted_cheque"

    payment_line_id: Mapped[int] = mapped_column(ForeignKey("payment_line.id"), primary_key=True)
    remittance_id: Mapped[int] = mapped_column(ForeignKey("cheque_remittance.id"), index=True)


class Versement(Base):
    """A *versement* to the comptable public: the takings of the days ``first_day``–``last_day``.

    Periods follow one another without overlap (a trigger refuses a period
    that starts on or before the last one's end): nothing is paid over twice.
    The amounts are by kind of takings; ``total_cents`` is their sum and
    equals the journal's payments of the period. Append-only.
    """

    __tablename__ = "versement"

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    number: Mapped[int] = mapped_column(Integer)
    first_day: Mapped[date] = mapped_column(Date, unique=True)
    last_day: Mapped[date] = mapped_column(Date)
    made_at: Mapped[datetime]
    agent_id: Mapped[int | None] = mapped_column(ForeignKey("agent.id"))
    cash_cents: Mapped[int] = mapped_column(Integer)
    cheques_cents: Mapped[int] = mapped_column(Integer)
    card_cents: Mapped[int] = mapped_column(Integer)
    online_cents: Mapped[int] = mapped_column(Integer)
    vouchers_cents: Mapped[int] = mapped_column(Integer)
    cash_refunded_cents: Mapped[int] = mapped_column(Integer)
    total_cents: Mapped[int] = mapped_column(Integer)
    receipt_count: Mapped[int] = mapped_column(Integer)
    first_receipt: Mapped[str | None] = mapped_column(String(11))
    last_receipt: Mapped[str | None] = mapped_column(String(11))

    __table_args__ = (
        UniqueConstraint("year", "number"),
        CheckConstraint("number > 0", name="number_positive"),
        CheckConstraint("last_day >= first_day", name="period_ordered"),
        *(not_negative(column) for column in (
            "cash_cents", "cheques_cents", "card_cents", "online_cents", "vouchers_cents", "cash_refunded_cents",
            "receipt_count")),
        CheckConstraint("total_cents = cash_cents + cheques_cents + card_cents + online_cents + vouchers_cents",
                        name="total_is_sum"),
    )


for _table_name in append_only.APPEND_ONLY_TABLES:
    append_only.attach_to(Base.metadata.tables[_table_name])
change_feed.attach_to(Base.metadata)

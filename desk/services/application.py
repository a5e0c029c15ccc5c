"""The desk's application services: what each window may ask of the database, built once at start-up.

``DeskServices.build`` is the composition root: the application builds it once
and hands it, with the dialogs and settings, to every window by constructor.
Each method is one agent action, run in one unit of work by the agent signed in
(``SignedIn``), and returns plain data. Windows call them on their background
runner, never on the GUI thread; no window opens a session or passes the clock.

Locks follow ``desk.services.lifecycle.locks``: each use case takes them in its
documented order.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import TypeVar

from sqlalchemy.orm import Session

from desk.clock import Clock, local_today
from desk.db.engine import Database
from desk.db.enums import AuditOutcome, RefundMeans, Role
from desk.db.pipeline import Along, together
from desk.db.transactions import run_in_transaction
from desk.errors import DeskError
from desk.gateway.payfip import PayfipClient, PayfipEndpoint, PayfipService
from desk.services import agents as agent_accounts
from desk.services import catalogue as catalogue_service
from desk.services import regie_books as books
from desk.services.access import Actor
from desk.services.account import FamilyAccount, PaymentSummary, family_account, session_payments
from desk.services.agents import AgentInfo
from desk.services.audit import AuditLine, audit_trail
from desk.services.auth import LoginResult, log_in
from desk.services.booking_rules import BookingPolicy
from desk.services.cash_desk import (
    ClosingReport,
    SessionFigures,
    close_cash_desk,
    open_cash_desk,
    open_session,
    session_figures,
)
from desk.services.catalogue import ActivitySheet
from desk.services.counter import PaymentSetup, payment_setup
from desk.services.documents import (
    cash_journal_document,
    family_identity,
    recap_document,
    receipt_document,
    reprint_receipt,
    statement_document,
)
from desk.services.enrolment import CategoryOption, EnrolmentView, enrol, enrolment_options, family_enrolments
from desk.services.families import (
    FamilyDraft,
    FamilyFile,
    create_family,
    load_family,
    load_family_in,
    some_family_id,
    update_family,
)
from desk.services.ids import ChildId, FamilyId, PaymentId
from desk.services.lifecycle.baskets import BasketView, ExpiryReport, basket_view, clear_basket, expire_holds
from desk.services.lifecycle.credits import refund_credit
from desk.services.lifecycle.online import (
    OnlineSettings,
    OnlineStart,
    OnlineStatus,
    ReconciliationReport,
    ReviewItem,
    check_online_payment,
    clear_review,
    payments_to_review,
    reconcile_online_payments,
    start_online_payment,
)
from desk.services.lifecycle.payments import PaymentRecord, pay_at_counter
from desk.services.overview import Overview, load_overview
from desk.services.planning import (
    GridRequest,
    PeriodMode,
    PlanningGrid,
    click_cell,
    fits,
    grid_after_in,
    period_of,
    read_grid,
    read_grid_in,
    refresh_grid,
)
from desk.services.search import FamilyHit, search_families
from desk.services.setup import RegieDraft, initialise, needs_setup, regie_identity, update_regie
from desk.services.tenders import Tender
from desk.services.verification import Anchor, JournalVerification, verify_journal
from desk.services.work import SignedIn, UnitOfWork, connection_errors_explained
from reports import data

T = TypeVar("T")


class GridBasis:
    """The last grid this desk read, kept for the next click or payment.

    A click re-reads only its period's days and basket on top of it; it is
    valid only while this process has committed nothing since it was read
    (``Database.commits``), so no other action of this desk can have changed
    the rest (children, activity lines, prices) unseen. What other desks
    change arrives by the change feed and is read again whole.
    """

    def __init__(self, database: Database) -> None:
        self._database = database
        self._kept: tuple[PlanningGrid, int] | None = None

    def read(self, produce: Callable[[], T], *, own_commits: int = 0,
             grid_of: Callable[[T], PlanningGrid | None] = lambda grid: grid) -> T:  # type: ignore[assignment,return-value]
        """Run ``produce`` (it may commit ``own_commits`` times); keep its grid if nothing else committed meanwhile."""
        before = self._database.commits
        produced = produce()
        after, grid = self._database.commits, grid_of(produced)
        self._kept = (grid, after) if grid is not None and after == before + own_commits else None
        return produced

    def current(self, request: GridRequest) -> PlanningGrid | None:
        kept = self._kept
        if kept is None or kept[1] != self._database.commits or kept[0].sources is None:
            return None
        return kept[0] if kept[0].sources.request == request else None


@dataclass(frozen=True)
class ClickAnswer:
    """The grid as it stands after a click, and the refusal to tell the agent, if any."""

    grid: PlanningGrid
    refusal: str | None = None

    @property
    def changed(self) -> bool:
        return self.refusal is None


class Planning:
    """The planning grid of the family file: read, click, basket, recap."""

    def __init__(self, work: UnitOfWork, policy: Callable[[], BookingPolicy]) -> None:
        self._work = work
        self._policy = policy
        self.basis = GridBasis(work.database)

    def grid(self, request: GridRequest) -> PlanningGrid:
        work = self._work
        actor = work.agent
        return self.basis.read(lambda: work.read(lambda s: read_grid(s, request, now=work.clock.now(), actor=actor)))

    def click(self, request: GridRequest, child_id: ChildId, open_day_id: int, *,
              override_reason: str | None = None) -> ClickAnswer:
        """Book or free a cell: one unit of work; a refusal comes back with the grid as it now stands."""
        work, shown = self._work, self.basis.current(request)
        try:
            # the click takes the agent's lock itself, with the family's, sent with the cell's facts
            grid = self.basis.read(lambda: work.write(lambda s: click_cell(
                s, work.clock, request, child_id=child_id, open_day_id=open_day_id, actor=work.agent,
                policy=self._policy(), shown=shown, override_reason=override_reason),
                service_checks_actor=True), own_commits=1)
            if grid is None:  # the period turned out to hold no open day
                grid = self.grid(request)
        except DeskError as refusal:
            try:
                grid = self.grid(request)
            except DeskError:
                raise refusal from None
            return ClickAnswer(grid, refusal=refusal.message)
        return ClickAnswer(grid)

    def basket(self, family_id: FamilyId) -> BasketView:
        return self._work.read(lambda s: basket_view(s, family_id))

    def clear_basket(self, family_id: FamilyId) -> BasketView:
        work = self._work
        return work.write(lambda s: clear_basket(s, work.clock, family_id, work.agent))

    def recap(self, family_id: FamilyId) -> data.Recap:
        return self._work.read(lambda s: recap_document(s, family_id, clock=self._work.clock))


@dataclass(frozen=True)
class OpenedFile:
    """What opening a family reads first, in one transaction: the file and its month, what is on screen."""

    file: FamilyFile
    grid: PlanningGrid


class FamilyFiles:
    """The family file: open, save, activity lines, account, refund, statement."""

    def __init__(self, work: UnitOfWork, planning: Planning) -> None:
        self._work = work
        self._planning = planning

    def search(self, words: str) -> list[FamilyHit]:
        today = local_today(self._work.clock)
        return self._work.read(lambda s: search_families(s, words, today))

    def open(self, family_id: FamilyId, request: GridRequest) -> OpenedFile:
        """The file and its month's grid (``request``) in one unit of work."""
        work = self._work
        return self._planning.basis.read(lambda: work.read(lambda s: self._opened(s, family_id, request)),
                                         grid_of=lambda found: found.grid)

    def _opened(self, session: Session, family_id: int, request: GridRequest) -> OpenedFile:
        """Two exchanges: the file with the family at a glance, then the days."""
        work = self._work
        with together(session) as batch:
            loaded = load_family_in(batch, family_id, local_today(work.clock))
            grid = read_grid_in(batch, request, now=work.clock.now(), actor=work.agent)
        file = loaded()
        return OpenedFile(file, grid(file.balance_cents))

    def warm_up(self) -> None:
        """Read what opening a family reads (its file and month, then its account and activity lines), for a
        family of the town, and forget it: not kept as what this desk shows, nothing written. A fresh desk's
        first family then opens like the next ones, its statements compiled and the connections open; it took
        a third longer and froze the window longer."""
        work = self._work

        def read(session: Session) -> None:
            family_id = some_family_id(session)
            if family_id is None:
                return
            first, last = period_of(local_today(work.clock), PeriodMode.MONTH)
            opened = self._opened(session, family_id, GridRequest(family_id, first, last))
            family_enrolments(session, [child.id for child in opened.file.children])
            family_account(session, family_id)

        work.read(read)

    def save(self, family_id: FamilyId | None, draft: FamilyDraft, *, accept_possible_duplicate: bool = False
             ) -> FamilyFile:
        work = self._work

        def write(session) -> FamilyFile:
            if family_id is None:
                return create_family(session, work.clock, draft, accept_possible_duplicate=accept_possible_duplicate)
            return update_family(session, work.clock, family_id, draft)

        return work.write(write)

    def enrolments(self, child_ids: Collection[ChildId]) -> dict[int, list[EnrolmentView]]:
        return self._work.read(lambda s: family_enrolments(s, list(child_ids)))

    def enrolment_options(self, child_ids: Collection[ChildId]) -> dict[int, list[CategoryOption]]:
        today = local_today(self._work.clock)
        return self._work.read(lambda s: {child_id: enrolment_options(s, child_id, today) for child_id in child_ids})

    def enrol(self, child_id: ChildId, activity_id: int) -> EnrolmentView:
        work = self._work
        return work.write(lambda s: enrol(s, work.clock, child_id=child_id, activity_id=activity_id, actor=work.agent))

    def account(self, family_id: FamilyId) -> FamilyAccount:
        return self._work.read(lambda s: family_account(s, family_id))

    def refund(self, family_id: FamilyId, amount_cents: int, means: RefundMeans) -> tuple[int, FamilyAccount]:
        """Part of the credit paid back; the credit left and the account as they now stand."""
        work = self._work

        def write(session) -> tuple[int, FamilyAccount]:
            left = refund_credit(session, work.clock, family_id=family_id, amount_cents=amount_cents,
                                 actor=work.agent, means=means)
            return left, family_account(session, family_id)

        return work.write(write)

    def statement(self, family_id: FamilyId, first: date, last: date) -> data.Statement:
        return self._work.read(lambda s: statement_document(s, family_id, first, last, clock=self._work.clock))


@dataclass(frozen=True)
class CounterPayment:
    """A payment at the counter and what changes on screen with it, all from its one transaction."""

    record: PaymentRecord
    receipt: data.Receipt
    account: FamilyAccount
    grid: PlanningGrid | None  # the planning re-read, when asked for


@dataclass(frozen=True)
class PaymentStart:
    """What the payment window opens on: the amount to pay and the e-mail for an online payment."""

    to_pay_cents: int
    email: str


class Payments:
    """Taking a payment at the counter or online, and its ticket."""

    def __init__(self, work: UnitOfWork, planning: Planning, policy: Callable[[], BookingPolicy],
                 gateway: PayfipService) -> None:
        self._work = work
        self._planning = planning
        self._policy = policy
        self.gateway = gateway

    def start(self, family_id: FamilyId) -> PaymentStart:
        today = local_today(self._work.clock)
        return self._work.read(lambda s: PaymentStart(basket_view(s, family_id).to_pay_cents,
                                                      load_family(s, family_id, today).email or ""))

    def setup(self, family_id: FamilyId) -> PaymentSetup:
        return self._work.read(lambda s: payment_setup(s, family_id))

    def pay(self, family_id: FamilyId, tenders: list[Tender], *, accept_voucher_excess: bool, cash_ceiling_cents: int,
            grid: GridRequest | None = None) -> CounterPayment:
        """The payment, its ticket, the account and (``grid``) the planning, in one transaction.

        The grid is re-read on top of the one this desk last showed for that
        request (one statement); the balance is the ticket's balance after payment.
        """
        work, shown = self._work, self._planning.basis.current(grid) if grid is not None else None

        def pay(session) -> CounterPayment:
            now = work.clock.now()
            along = None  # the grid read again with the payment's last exchange
            if grid is not None and fits(shown, grid):
                along = Along(lambda batch: grid_after_in(batch, shown, now=now, actor=work.agent))
            record = pay_at_counter(
                session, work.clock, family_id=family_id, tenders=tenders, actor=work.agent,
                accept_voucher_excess=accept_voucher_excess, cash_ceiling_cents=cash_ceiling_cents,
                policy=self._policy(), then=along)
            receipt = receipt_document(session, record.payment_id)
            balance = receipt.balance_after_cents
            account = family_account(session, family_id, balance_cents=balance)
            if along is not None:
                return CounterPayment(record, receipt, account, along.answer(balance))
            regrid = None if grid is None else refresh_grid(session, grid, shown, now=now, actor=work.agent,
                                                            balance_cents=balance)
            return CounterPayment(record, receipt, account, regrid)

        # pay_at_counter takes the agent's lock itself, with the cash session's and the family's
        paid = self._planning.basis.read(lambda: work.write(pay, service_checks_actor=True), own_commits=1,
                                         grid_of=lambda paid: paid.grid)
        if grid is not None and paid.grid is None:  # the period turned out to hold no open day
            return replace(paid, grid=self._planning.grid(grid))
        return paid

    def receipt(self, payment_id: PaymentId) -> data.Receipt:
        return self._work.read(lambda s: receipt_document(s, payment_id))

    def reprint(self, payment_id: PaymentId) -> data.Receipt:
        """A duplicate of the ticket, numbered and kept in the journal."""
        work = self._work
        return work.write(lambda s: reprint_receipt(s, work.clock, payment_id=payment_id, actor=work.agent))

    def start_online(self, family_id: FamilyId, email: str | None) -> OnlineStart:
        work, settings = self._work, OnlineSettings(saisie=self.gateway.saisie)
        return work.write(lambda s: start_online_payment(s, work.clock, self.gateway, family_id=family_id,
                                                         actor=work.agent, email=email, settings=settings))

    def card_page_url(self, idop: str) -> str:
        """Where the family pays: the service's own page, opened in the system's browser."""
        return self.gateway.card_page_url(idop)

    @property
    def simulator(self) -> PayfipEndpoint | None:
        """The PayFiP simulator's address when the desk talks to one (the demo): the desk's window may fill
        its card page; never the DGFIP's, whose page only the family's browser fills."""
        endpoint = getattr(self.gateway, "endpoint", None)
        return endpoint if isinstance(endpoint, PayfipEndpoint) and endpoint.is_local else None

    def check_online(self, online_payment_id: int) -> OnlineStatus:
        work = self._work
        return work.write(lambda s: check_online_payment(s, work.clock, self.gateway,
                                                         online_payment_id=online_payment_id, actor=work.agent))


@dataclass(frozen=True)
class CashDeskState:
    """The open cash session, its figures and payments; nothing when the desk is closed."""

    figures: SessionFigures | None = None
    payments: tuple[PaymentSummary, ...] = ()
    warnings: tuple[str, ...] = ()  # the régie's: cheques held too long, cash over the act's maximum


@dataclass(frozen=True)
class ReviewRow:
    item: ReviewItem
    family: data.FamilyIdentity


def _cash_desk_state(session, today: date) -> CashDeskState:
    """What the cash desk window shows, with the régie's warnings at opening and at closing."""
    current = open_session(session)
    warnings = tuple(books.regie_balances(session, today).warnings())
    if current is None:
        return CashDeskState(warnings=warnings)
    return CashDeskState(session_figures(session, current.id), tuple(session_payments(session, current.id)), warnings)


def _review_rows(session) -> list[ReviewRow]:
    return [ReviewRow(item, family_identity(session, item.family_id)) for item in payments_to_review(session)]


class Regie:
    """The régisseur's work: the cash desk, its journal, the online payments to check."""

    def __init__(self, work: UnitOfWork, gateway: PayfipService) -> None:
        self._work = work
        self._gateway = gateway

    def cash_desk(self) -> CashDeskState:
        return self._work.read(lambda s: _cash_desk_state(s, local_today(self._work.clock)))

    def open_cash_desk(self, float_cents: int) -> CashDeskState:
        work = self._work

        def write(session) -> CashDeskState:
            open_cash_desk(session, work.clock, actor=work.agent, float_cents=float_cents)
            return _cash_desk_state(session, local_today(work.clock))  # what the form shows next, in the same transaction

        return work.write(write)

    def close_cash_desk(self, counts: dict[int, int], cheques_counted_cents: int, comment: str
                        ) -> tuple[ClosingReport, CashDeskState]:
        work = self._work

        def write(session) -> tuple[ClosingReport, CashDeskState]:
            report = close_cash_desk(session, work.clock, actor=work.agent, counts=counts,
                                     cheques_counted_cents=cheques_counted_cents, comment=comment)
            return report, _cash_desk_state(session, local_today(work.clock))

        return work.write(write)

    def cash_journal(self, cash_session_id: int) -> data.CashJournal:
        return self._work.read(lambda s: cash_journal_document(s, cash_session_id, clock=self._work.clock))

    def payments_to_review(self) -> list[ReviewRow]:
        return self._work.read(_review_rows)

    def clear_review(self, online_payment_id: int, note: str) -> list[ReviewRow]:
        """The régisseur's conclusion on a payment flagged for review; what is left to check."""
        work = self._work

        def write(session) -> list[ReviewRow]:
            clear_review(session, work.clock, online_payment_id=online_payment_id, actor=work.agent, note=note)
            return _review_rows(session)

        return work.write(write)

    def reconcile_online(self) -> tuple[ReconciliationReport, int | None]:
        """One pass over the open online payments; for a régisseur, how many wait for a check."""
        work, actor = self._work, self._work.agent
        with connection_errors_explained(work.database):
            report = reconcile_online_payments(lambda unit: run_in_transaction(work.database, unit), work.clock,
                                               self._gateway, actor)
        if not actor.is_cashier:
            return report, None
        return report, work.read(lambda s: len(payments_to_review(s)))

    def verify_journal(self, anchors: tuple[Anchor, ...]) -> JournalVerification:
        return self._work.read(lambda s: verify_journal(s, anchors=anchors))


@dataclass(frozen=True)
class VersementPreview:
    """What a versement of the days asked would pay over, and why it cannot be recorded yet (empty: it can)."""

    versement: data.Versement
    problems: tuple[str, ...]


@dataclass(frozen=True)
class TakingsReport:
    """The card and online takings of a period, per day, as the document prints them."""

    regie: data.RegieIdentity
    act: data.RegieAct
    first: date
    last: date
    printed_at: datetime
    days: tuple[data.DayTakings, ...]


class RegieBooks:
    """The régisseur towards the bank and the comptable: remittances, takings, versements, the month's état."""

    def __init__(self, work: UnitOfWork) -> None:
        self._work = work

    def _today(self) -> date:
        return local_today(self._work.clock)

    def balances(self) -> books.RegieBalances:
        return self._work.read(lambda s: books.regie_balances(s, self._today()))

    def held_cheques(self) -> list[books.HeldCheque]:
        return self._work.read(lambda s: books.held_cheques(s, self._today()))

    def remit(self, payment_line_ids: Collection[int] | None = None) -> data.ChequeRemittance:
        """Remit the held cheques (all, or those chosen); the slip, read in the same transaction."""
        work = self._work
        return work.write(lambda s: books.remittance_document(
            s, books.make_remittance(s, work.clock, work.agent, payment_line_ids)))

    def remittances(self) -> list[tuple[int, str, datetime, int, int]]:
        return self._work.read(books.remittances)

    def remittance(self, remittance_id: int) -> data.ChequeRemittance:
        return self._work.read(lambda s: books.remittance_document(s, remittance_id))

    def electronic_takings(self, first: date, last: date) -> TakingsReport:
        def read(session) -> TakingsReport:
            return TakingsReport(books.regie_identity(session), books.regie_act(session).document(), first, last,
                                 self._work.clock.now(), tuple(books.electronic_takings(session, first, last)))

        return self._work.read(read)

    def next_versement_start(self) -> date | None:
        return self._work.read(books.first_day_to_pay_over)

    def versement_preview(self, first: date, last: date) -> VersementPreview:
        work = self._work

        def read(session) -> VersementPreview:
            takings = books.period_takings(session, first, last)
            problems = books.versement_problems(session, self._today(), first, last, takings)
            preview = books.versement_preview(session, work.clock, first, last, made_by=work.agent.name)
            return VersementPreview(preview, tuple(problems))

        return work.read(read)

    def pay_over(self, first: date, last: date) -> data.Versement:
        work = self._work
        return work.write(lambda s: books.versement_document(
            s, books.record_versement(s, work.clock, work.agent, first, last)))

    def versements(self) -> list[tuple[int, str, date, date, int]]:
        return self._work.read(books.versements)

    def versement(self, versement_id: int) -> data.Versement:
        return self._work.read(lambda s: books.versement_document(s, versement_id))

    def month(self, month: date) -> data.MonthJustification:
        return self._work.read(lambda s: books.month_justification(s, self._work.clock, month))

    def act(self) -> books.RegieAct:
        return self._work.read(books.regie_act)

    def act_and_candidates(self) -> tuple[books.RegieAct, list[tuple[int, str]]]:
        """The act, and the agents it may name (active régisseurs and administrators): id, name."""
        return self._work.read(lambda s: (books.regie_act(s), books.officer_candidates(s)))

    def update_act(self, draft: books.RegieActDraft) -> books.RegieAct:
        work = self._work
        return work.write(lambda s: books.update_regie_act(s, work.clock, work.agent, draft))


class Catalogue:
    """The activities, their units, prices, capacities and open days (a régisseur's or an administrator's)."""

    def __init__(self, work: UnitOfWork) -> None:
        self._work = work

    def first_sheet(self) -> tuple[list[tuple[int, str]], ActivitySheet | None]:
        """The activities' names and the first one's sheet, in one go."""
        def read(session) -> tuple[list[tuple[int, str]], ActivitySheet | None]:
            names = list(catalogue_service.activity_names(session))
            return names, catalogue_service.activity_sheet(session, names[0][0]) if names else None

        return self._work.read(read)

    def sheet(self, activity_id: int) -> ActivitySheet:
        return self._work.read(lambda s: catalogue_service.activity_sheet(s, activity_id))

    def _changed(self, activity_id: int, change: Callable) -> ActivitySheet:
        """``change`` written, and the sheet read again in the same transaction."""
        work = self._work

        def write(session) -> ActivitySheet:
            change(session, work.clock, work.agent)
            return catalogue_service.activity_sheet(session, activity_id)

        return work.write(write)

    def set_price(self, activity_id: int, unit_id: int, bracket_id: int, price_cents: int) -> ActivitySheet:
        return self._changed(activity_id, lambda s, clock, actor: catalogue_service.set_price(
            s, clock, actor, unit_id=unit_id, bracket_id=bracket_id, price_cents=price_cents))

    def set_capacity(self, activity_id: int, unit_id: int, capacity: int) -> ActivitySheet:
        return self._changed(activity_id, lambda s, clock, actor: catalogue_service.set_capacity(
            s, clock, actor, unit_id=unit_id, capacity=capacity))

    def close_day(self, activity_id: int, open_day_id: int) -> ActivitySheet:
        return self._changed(activity_id, lambda s, clock, actor: catalogue_service.close_day(
            s, clock, actor, open_day_id=open_day_id))

    def open_days(self, activity_id: int, unit_id: int, first: date, last: date, weekdays: set[int], capacity: int,
                  skip_school_holidays: bool) -> ActivitySheet:
        return self._changed(activity_id, lambda s, clock, actor: catalogue_service.open_days(
            s, clock, actor, unit_id=unit_id, first=first, last=last, weekdays=weekdays, capacity=capacity,
            skip_school_holidays=skip_school_holidays))


class Administration:
    """Signing in, the first start, the agents' accounts, the régie's identity, the audit trail."""

    def __init__(self, work: UnitOfWork) -> None:
        self._work = work

    @property
    def signed_in(self) -> SignedIn:
        return self._work.signed_in

    def needs_setup(self) -> bool:
        return self._work.read(needs_setup)

    def initialise(self, regie: RegieDraft, *, login: str, display_name: str, password: str) -> AgentInfo:
        work = self._work
        return work.unchecked(lambda s: initialise(s, work.clock, regie, login=login, display_name=display_name,
                                                   password=password))

    def log_in(self, login: str, password: str) -> LoginResult:
        """Checks the password and counts failures; signing in is the application's, on success."""
        work = self._work
        return work.unchecked(lambda s: log_in(s, work.clock, login, password))

    def agents(self) -> list[AgentInfo]:
        return self._work.read(agent_accounts.list_agents)

    def _managed(self, change: Callable) -> list[AgentInfo]:
        work = self._work

        def write(session) -> list[AgentInfo]:
            change(session, work.clock, work.agent)
            return agent_accounts.list_agents(session)

        return work.write(write)

    def add_agent(self, login: str, display_name: str, password: str, role: Role) -> list[AgentInfo]:
        return self._managed(lambda s, clock, actor: agent_accounts.add_agent(
            s, clock, actor, login=login, display_name=display_name, password=password, role=role))

    def change_role(self, agent_id: int, role: Role) -> list[AgentInfo]:
        return self._managed(lambda s, clock, actor: agent_accounts.change_role(s, clock, actor, agent_id, role))

    def reset_password(self, agent_id: int, password: str) -> list[AgentInfo]:
        return self._managed(lambda s, clock, actor: agent_accounts.reset_password(s, clock, actor, agent_id, password))

    def set_active(self, agent_id: int, active: bool) -> list[AgentInfo]:
        return self._managed(lambda s, clock, actor: agent_accounts.set_active(s, clock, actor, agent_id, active))

    def audit_trail(self, contains: str, outcome: AuditOutcome | None) -> list[AuditLine]:
        return self._work.read(lambda s: audit_trail(s, contains=contains, outcome=outcome))

    def regie(self) -> RegieDraft | None:
        return self._work.read(regie_identity)

    def update_regie(self, draft: RegieDraft) -> None:
        work = self._work
        work.write(lambda s: update_regie(s, work.clock, work.agent, draft))


class Home:
    """The home page's figures, and the sweep of holds past their time."""

    def __init__(self, work: UnitOfWork) -> None:
        self._work = work

    def overview(self) -> Overview:
        today = local_today(self._work.clock)
        return self._work.read(lambda s: load_overview(s, today))

    def expire_holds(self) -> ExpiryReport:
        now = self._work.clock.now()
        return self._work.unchecked(lambda s: expire_holds(s, now))


@dataclass(frozen=True)
class DeskServices:
    """Every application service of one desk, built once (``build``) and handed to the windows."""

    work: UnitOfWork
    planning: Planning
    families: FamilyFiles
    payments: Payments
    regie: Regie
    books: RegieBooks
    catalogue: Catalogue
    administration: Administration
    home: Home

    @classmethod
    def build(cls, database: Database, clock: Clock, *, hold_minutes: Callable[[], int],
              gateway: PayfipService | None = None, signed_in: Actor | None = None) -> DeskServices:
        """``hold_minutes``: this desk's setting, read at each use (the settings window may change it)."""
        work = UnitOfWork(database, clock, SignedIn(signed_in))
        gateway = gateway or PayfipClient(PayfipEndpoint())  # PayFiP's web service, shared by the desk's windows

        def policy() -> BookingPolicy:
            return BookingPolicy(hold_minutes())

        planning = Planning(work, policy)
        return cls(work, planning, FamilyFiles(work, planning), Payments(work, planning, policy, gateway),
                   Regie(work, gateway), RegieBooks(work), Catalogue(work), Administration(work), Home(work))

    @property
    def signed_in(self) -> SignedIn:
        return self.work.signed_in

    @property
    def clock(self) -> Clock:
        return self.work.clock

    @property
    def database(self) -> Database:
        """For what watches the database rather than asks it: the change feed, the status bar."""
        return self.work.database

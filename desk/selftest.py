"""``desk --self-test``: the whole counter journey on a throwaway database, offscreen.

Opens a new database, runs the migrations, loads the demo, builds the main
window and a planning month, pays a basket, renders a receipt PDF and
verifies the journal. Exits 0, or prints the step that failed and exits 1.
"""

from __future__ import annotations

import os
import sys
import tempfile
import traceback
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from desk.clock import SystemClock

STEPS: list[tuple[str, Callable[[dict], None]]] = []


def step(title: str):
    def register(function: Callable[[dict], None]) -> Callable[[dict], None]:
        STEPS.append((title, function))
        return function

    return register


@step("base de données neuve et migrations")
def _database(state: dict) -> None:
    from desk.db.engine import open_database
    from desk.db.migrate import SchemaStatus, ensure_schema

    state["database"] = open_database(f"sqlite:///{Path(state['folder']) / 'self-test.sqlite3'}", create=True)
    assert ensure_schema(state["database"]).status is SchemaStatus.CURRENT


@step("données de démonstration")
def _demo(state: dict) -> None:
    from desk.services.demo import load_demo

    with state["database"].session_factory.begin() as session:
        assert load_demo(session, state["clock"]).families_added > 0


@step("fenêtre principale et planning d'un mois")
def _window(state: dict) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    from desk.services.auth import log_in
    from desk.services.search import search_families
    from desk.ui.context import DeskContext
    from desk.ui.dialogs import RecordingDialogService
    from desk.ui.main_window import MainWindow

    context = DeskContext.build(state["database"], state["clock"], RecordingDialogService())
    context.services.signed_in.sign_in(context.services.work.write(lambda s: log_in(s, context.clock, "agent", "agent")).actor())
    family = context.services.work.read(lambda s: search_families(s, "durand noah", context.today()))[0]
    window = MainWindow(context)
    opened = QEventLoop()
    window.family_shown.connect(opened.quit)
    window.family.family_open_failed.connect(opened.quit)
    QTimer.singleShot(10_000, opened.quit)  # never wait for ever: the assertion below then says what failed
    window.show_family(family.family_id)
    opened.exec()  # the file is read off the GUI thread
    assert window.family.file is not None and window.family.file.id == family.family_id
    window.family.tabs.setCurrentWidget(window.family.planning)
    assert window.family.planning.model.rowCount() >= 0
    state.update(context=context, window=window, family_id=family.family_id)


@step("inscription, réservation et règlement d'un panier")
def _payment(state: dict) -> None:
    from sqlalchemy import select

    from desk.db.models import Activity, OpenDay, Unit
    from desk.services.enrolment import enrol
    from desk.services.families import load_family
    from desk.services.lifecycle.baskets import toggle_booking
    from desk.services.lifecycle.payments import pay_at_counter
    from desk.services.tenders import Tender

    context, clock = state["context"], state["clock"]
    noah = context.services.work.read(lambda s: load_family(s, state["family_id"], context.today()).children[0])
    activity_id = context.services.work.read(lambda s: s.scalar(select(Activity.id).where(Activity.name.like("Pommiers mercredis%"))))
    context.services.work.write(lambda s: enrol(s, clock, child_id=noah.id, activity_id=activity_id, actor=context.agent))
    soon = context.today() + timedelta(days=7)
    open_day = context.services.work.read(lambda s: s.scalar(
        select(OpenDay.id).join(Unit).where(Unit.activity_id == activity_id, OpenDay.day >= soon,
                                            OpenDay.places_taken < OpenDay.capacity).order_by(OpenDay.day).limit(1)))
    assert open_day is not None, "aucun jour ouvert à venir"
    context.services.work.write(lambda s: toggle_booking(s, clock, family_id=state["family_id"], child_id=noah.id,
                                           open_day_id=open_day, actor=context.agent))
    record = context.services.work.write(lambda s: pay_at_counter(s, clock, family_id=state["family_id"],
                                                    tenders=[Tender.cash(5000)], actor=context.agent))
    state["payment_id"] = record.payment_id


@step("ticket de règlement en PDF")
def _receipt(state: dict) -> None:
    from desk.services.documents import receipt_document
    from reports.ticket import ticket_80mm

    receipt = state["context"].services.work.read(lambda s: receipt_document(s, state["payment_id"]))
    assert ticket_80mm(receipt).startswith(b"%PDF")


@step("vérification du journal des règlements")
def _journal(state: dict) -> None:
    from desk.services.verification import verify_journal

    result = state["context"].services.work.read(verify_journal)
    assert result.ok, result.problem


@step("paiement en ligne : le simulateur PayFiP et son client SOAP (eopayment)")
def _payfip(state: dict) -> None:
    from desk.gateway.payfip import PayfipClient, PayfipEndpoint, ResultPendingError
    from desk.payfip_simulator.server import PayfipSimulator

    with PayfipSimulator(Path(state["folder"]) / "payfip.sqlite3") as simulator:
        client = PayfipClient(PayfipEndpoint(simulator.url, timeout_seconds=10))
        idop = client.creer_paiement_securise(
            numcli="123456", exer="2026", refdet="AUTOTEST1", montant="1000", mel="famille@example.fr",
            objet="Autotest", saisie="T", urlnotif="", urlredirect="")
        try:
            client.recuperer_detail_paiement_securise(idop)
        except ResultPendingError:
            return  # P5: created, waiting for the card, as PayFiP answers
        raise AssertionError("une opération neuve devrait être en attente (P5)")


def run_self_test() -> int:
    from desk.services.journal_key import KEY_ENV, KEY_FILE_ENV

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from desk.app import configure

    app = QApplication.instance() or QApplication([sys.argv[0]])
    configure(app)
    with tempfile.TemporaryDirectory(prefix="desk-self-test-") as folder:
        # the throwaway journal gets a throwaway key: this desk's own key, if any, is not touched
        os.environ[KEY_FILE_ENV] = str(Path(folder) / "journal.key")
        os.environ.pop(KEY_ENV, None)
        state: dict = {"folder": folder, "clock": SystemClock()}
        try:
            for title, function in STEPS:
                try:
                    function(state)
                except Exception:  # the point is to say which step failed, whatever the cause
                    print(f"ÉCHEC : {title}", file=sys.stderr)
                    traceback.print_exc()
                    return 1
                print(f"ok : {title}")
        finally:
            if "window" in state:
                state["window"].close()
            if "database" in state:
                state["database"].dispose()
    print("Auto-test réussi.")
    return 0

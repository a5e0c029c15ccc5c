"""The PostgreSQL server restarts in the middle of the day, with a basket on the counter.

A relay between the desk and the server drops every connection and turns new
ones away, as a restarting server does, then lets them through again. The
agent is told at once, loses neither the basket nor what was typed, and the
desk carries on by itself when the server is back.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton
from sqlalchemy.engine import make_url

from desk.app import configure
from desk.db.enums import UnitKind
from desk.services.planning import CellState
from desk.ui.planning_model import CellRole
from tests.conftest import on_postgres_only
from tests.services.conftest import clock, town  # noqa: F401  (fixtures)
from tests.tcp_proxy import TcpProxy
from tests.ui.conftest import cell_index, confirm_payment, open_desk, settle
from tests.ui.test_app import shot

DEC_2, DEC_9 = date(2026, 12, 2), date(2026, 12, 9)
UNIT = "Mercredi journée"
NOT_ANSWERING = "La base de données ne répond pas"


@pytest.fixture
def desk_through_relay(qapp, qtbot, database_url, database, clock, town):  # noqa: F811
    configure(qapp)
    url = make_url(database_url)
    relay = TcpProxy(url.host or "127.0.0.1", url.port or 5432)
    desk = open_desk(qtbot, url.set(port=relay.port).render_as_string(hide_password=False), clock, town.cashier,
                     town.family_id, DEC_2)
    yield desk, relay
    relay.restore()
    desk.context.dialogs.confirm_answer = True
    desk.close()
    desk.context.database.dispose()
    relay.close()


def noah_state(panel, day: date) -> CellState:
    return cell_index(panel.model, UNIT, day).data(CellRole.SLOTS)[0].state


@on_postgres_only
def test_a_server_restart_keeps_the_basket_and_the_typed_payment_then_the_desk_resumes(
        qtbot, desk_through_relay, town):  # noqa: F811
    desk, relay = desk_through_relay
    panel = desk.family.planning
    server_status = desk.findChild(QLabel, "serverStatusLabel")
    open_day = {day: town.open_day(desk.context.database, UnitKind.FULL_DAY, day) for day in (DEC_2, DEC_9)}
    panel.toggle(town.noah, open_day[DEC_2])
    settle(qtbot, panel)
    assert noah_state(panel, DEC_2) is CellState.PENDING
    desk.family.start_payment(town.family_id)
    settle(qtbot, panel)  # the amount is read off the GUI thread
    payment = desk.family.payment_dialog
    payment.findChild(QLineEdit, "cashTenderedEdit").setText("50")

    relay.cut()  # the server goes down
    qtbot.waitUntil(lambda: not server_status.isHidden(), timeout=3000)
    assert server_status.text().startswith("Serveur injoignable : reconnexion en cours")
    confirm_payment(qtbot, payment)
    error = payment.findChild(QLabel, "paymentErrorLabel")
    assert error.text().startswith(NOT_ANSWERING)
    assert payment.isVisible() and payment.findChild(QLineEdit, "cashTenderedEdit").text() == "50"
    payment.reject()
    panel.toggle(town.noah, open_day[DEC_9])
    settle(qtbot, panel)
    assert panel.message_label.text().startswith(NOT_ANSWERING)
    assert noah_state(panel, DEC_2) is CellState.PENDING  # what the grid showed is still there
    shot(desk, "25-server-unreachable")

    relay.restore()  # the server is back
    qtbot.waitUntil(server_status.isHidden, timeout=5000)
    qtbot.waitUntil(lambda: panel.message_label.text() == "", timeout=2000)  # the desk reloaded by itself
    assert noah_state(panel, DEC_2) is CellState.PENDING  # the basket survived the restart
    assert noah_state(panel, DEC_9) is CellState.NONE  # the failed click recorded nothing
    panel.toggle(town.noah, open_day[DEC_9])
    settle(qtbot, panel)
    assert noah_state(panel, DEC_9) is CellState.PENDING
    desk.family.start_payment(town.family_id)
    settle(qtbot, panel)  # the amount is read off the GUI thread
    payment = desk.family.payment_dialog
    payment.findChild(QLineEdit, "cashTenderedEdit").setText("50")
    payment.findChild(QPushButton, "confirmPaymentButton").click()
    qtbot.waitUntil(lambda: getattr(desk.family, "receipt_dialog", None) is not None
                    and desk.family.receipt_dialog.isVisible(), timeout=3000)
    desk.family.receipt_dialog.accept()
    qtbot.waitUntil(lambda: noah_state(panel, DEC_2) is noah_state(panel, DEC_9) is CellState.CONFIRMED,
                    timeout=2000)

"""Signing out gives the login dialog back empty, the cursor in the login: the next agent types theirs."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit

from tests.ui.test_app import data_dir, desk, shot, sign_in  # noqa: F401 (fixtures)


def test_after_signing_out_the_login_is_empty_and_has_the_cursor(qtbot, desk):  # noqa: F811
    first = desk.login
    with qtbot.waitSignal(desk.main_window_shown, timeout=10000):
        sign_in(qtbot, desk, "agent", "agent")
    assert desk.context.settings.last_login == "agent"
    desk.window.logout_action.trigger()
    login = desk.login
    assert login is not first and login.isVisible()
    user = login.findChild(QLineEdit, "loginUserEdit")
    assert user.text() == "" and login.findChild(QLineEdit, "loginPasswordEdit").text() == ""
    assert login.focusWidget() is user  # not in the password, under someone else's login
    shot(login, "01b-login-after-sign-out")
    login.reject()


def test_one_set_of_services_serves_every_agent_of_the_desk(qtbot, desk):  # noqa: F811
    """Built once at start-up: the next agent signs in on the same services, which know only them."""
    services = desk.context.services
    with qtbot.waitSignal(desk.main_window_shown, timeout=10000):
        sign_in(qtbot, desk, "agent", "agent")
    assert desk.window.context.services is services
    assert desk.window.family.planning.planning is services.planning
    assert services.signed_in.actor.name and not services.signed_in.actor.is_cashier
    desk.window.logout_action.trigger()
    assert services.signed_in.actor is None, "signed out: nobody acts at this desk any more"
    with qtbot.waitSignal(desk.main_window_shown, timeout=10000):
        sign_in(qtbot, desk, "regisseur", "regisseur")
    assert desk.context.services is services and services.signed_in.actor.is_cashier
    desk.window.close()

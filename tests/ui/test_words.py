"""French as it is written: elision before a vowel, singular and plural, Qt's own dialogs in French."""

from __future__ import annotations

import ast
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from desk.app import configure
from desk.ui.texts import of_town, places_left_text

ROOT = Path(__file__).resolve().parents[2]


def test_the_town_takes_de_as_french_writes_it():
    assert of_town("Albertville") == "d'Albertville"
    assert of_town("Hyères") == "d'Hyères" and of_town("Évian-les-Bains") == "d'Évian-les-Bains"
    assert of_town("Chambéry") == "de Chambéry"
    assert of_town("Le Havre") == "du Havre" and of_town("Les Contamines-Montjoie") == "des Contamines-Montjoie"
    assert of_town("La Rochelle") == "de La Rochelle"


def test_the_home_title_elides(qtbot, window):
    title = window.home.findChild(QLabel, "homeTitleLabel")
    qtbot.waitUntil(lambda: "Albertville" in title.text(), timeout=5000)
    assert title.text().startswith("Guichet unique d'Albertville — ")


def test_places_left_in_the_singular_or_the_plural(qapp):
    configure(qapp)
    assert places_left_text(1, 24) == "1 place restante sur 24"
    assert places_left_text(0, 24) == "0 place restante sur 24"
    assert places_left_text(3, 24) == "3 places restantes sur 24"


def test_qt_own_dialogs_speak_french(qapp):
    configure(qapp)
    assert QCoreApplication.translate("QFileDialog", "Save As") == "Enregistrer sous"
    assert QCoreApplication.translate("QFileDialog", "&Save") == "&Enregistrer"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuler"


def test_the_bundle_keeps_qt_french_catalogue():
    """build.spec filters Qt's translations: qtbase_fr.qm (Qt's dialogs, buttons) must travel with desk."""
    tree = ast.parse((ROOT / "build.spec").read_text(encoding="utf-8"))
    function = next(node for node in tree.body if isinstance(node, ast.FunctionDef) and node.name == "wanted")
    namespace: dict = {}
    exec(compile(ast.Module([function], []), "build.spec", "exec"), namespace)  # noqa: S102
    wanted = namespace["wanted"]
    assert wanted("PySide6/Qt/translations/qtbase_fr.qm")
    assert wanted("PySide6\\Qt\\translations\\qtbase_fr.qm")
    assert not wanted("PySide6/Qt/translations/qtbase_de.qm")

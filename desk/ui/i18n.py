"""French user interface: Qt's own catalogue and desk's, installed at start."""

from __future__ import annotations

from importlib.resources import as_file, files

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

LANGUAGE = "fr"


def install_translators(app: QCoreApplication, language: str = LANGUAGE) -> list[QTranslator]:
    """Load Qt's translation (standard buttons) and desk's; keep them alive on the app."""
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    translators = []
    qt_translator = QTranslator(app)
    if qt_translator.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        translators.append(qt_translator)
    desk_translator = QTranslator(app)
    with as_file(files("desk.resources").joinpath(f"translations/desk_{language}.qm")) as path:
        if desk_translator.load(str(path)):
            translators.append(desk_translator)
    for translator in translators:
        app.installTranslator(translator)
    return translators

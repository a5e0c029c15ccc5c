"""What the documents share: shipped fonts, formats, and the layer rule."""

from __future__ import annotations

import io
import subprocess
import sys
from datetime import UTC, datetime
from importlib.resources import files

from pypdf import PdfReader

from reports.cash_journal import cash_journal_a4
from reports.recap import recap_a4
from reports.statement import statement_a4
from reports.style import fit_text, instant_text, masked_card, money, signed_money
from reports.ticket import ticket_80mm, ticket_a4
from tests.reports.conftest import make_journal, normalise


def test_the_fonts_ship_with_the_package_and_only_they_are_used(receipt, recap, statement):
    folder = files("desk.resources") / "fonts"
    assert (folder / "DejaVuSans.ttf").is_file() and (folder / "DejaVuSans-Bold.ttf").is_file()
    assert "Bitstream Vera" in (folder / "LICENSE-DejaVu.txt").read_text(encoding="utf-8")
    for pdf in (ticket_80mm(receipt), ticket_a4(receipt), recap_a4(recap), statement_a4(statement),
                cash_journal_a4(make_journal(3))):
        page = PdfReader(io.BytesIO(pdf)).pages[0]
        fonts = {str(font["/BaseFont"]) for font in page["/Resources"]["/Font"].get_object().values()}
        assert {name.split("+")[-1] for name in fonts} == {"DejaVuSans", "DejaVuSans-Bold"}


def test_money_and_instants_are_french():
    assert normalise(money(1400)) == "14,00 €"
    assert normalise(money(123456)) == "1 234,56 €"
    assert normalise(signed_money(-250)) == "−2,50 €" and normalise(signed_money(250)) == "+2,50 €"
    assert instant_text(datetime(2026, 7, 1, 8, 30, tzinfo=UTC)) == "01/07/2026 à 10:30"  # Paris summer time


def test_only_the_last_four_digits_of_a_card():
    assert masked_card("4242") == "**** **** **** 4242"


def test_long_text_is_shortened_to_fit():
    shortened = fit_text("FAURÉ-DELACROIX DE LA FONTAINE-SAINT-ÉLOI", 60, 8)
    assert shortened.endswith("…") and len(shortened) < 20


def test_reports_know_nothing_of_the_database_or_of_qt():
    code = ("import sys, reports.ticket, reports.recap, reports.cash_journal, reports.statement; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in {'sqlalchemy', 'PySide6'} "
            "or m.startswith('desk.db') or m.startswith('desk.services')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"

"""The statement of a family account over a period."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest

from reports.data import StatementMovement
from reports.statement import balance_cell, statement_a4
from tests.reports.conftest import A4_SIZE, normalise, page_sizes, pdf_pages, pdf_text


def test_the_statement_lists_the_movements_with_the_running_balance(statement):
    pdf = statement_a4(statement)
    assert page_sizes(pdf) == [pytest.approx(A4_SIZE, abs=0.01)]
    text = pdf_text(pdf)
    for expected in [
        "Relevé de compte", "Période du 01/09/2026 au 30/11/2026", "DURAND", "Dossier F-00001", "Julie DURAND",
        "Date Opération Débit Crédit Solde", "Solde au 01/09/2026, début de la période 3,00 € dû",
        "02/09/2026 Réservation Léa · Pommiers mercredis 2026-2027 · Mercredi matin du 09/09/2026 4,00 € 7,00 € dû",
        "Règlement, ticket 2026-000004 · Espèces 4,00 € 3,00 € dû",
        "Avoir : annulation Éloïse - Mercredi journée du 14/10/2026 10,00 € 7,00 € avoir",
        "Régularisation de tarif 1,50 € 5,50 € avoir", "Solde au 30/11/2026 5,50 € avoir",
        "Total des débits 5,50 €", "Total des crédits 14,00 €", "Avoir au 30/11/2026 5,50 €",
    ]:
        assert expected in text


def test_a_long_statement_carries_its_balance_from_page_to_page(statement):
    movements = tuple(StatementMovement(date(2026, 9, 1) + timedelta(days=index % 90), f"Réservation n° {index}",
                                        debit_cents=100) for index in range(150))
    pages = pdf_pages(statement_a4(dataclasses.replace(statement, movements=movements)))
    assert len(pages) > 2
    assert "Solde à reporter" in pages[0] and "Solde reporté de la page précédente" in pages[1]
    assert "Solde au 30/11/2026 153,00 € dû" in pages[-1] or "Solde au 30/11/2026 153,00 € dû" in pages[-2]


def test_balances_say_which_way_they_go():
    assert [normalise(balance_cell(cents)) for cents in (400, -400, 0)] == ["4,00 € dû", "4,00 € avoir", "0,00 €"]


def test_an_empty_period_still_gives_its_balance(statement):
    text = pdf_text(statement_a4(dataclasses.replace(statement, movements=())))
    assert "Aucune opération sur la période." in text
    assert "Restant dû au 30/11/2026 3,00 €" in text

"""The recap of a basket before payment, on A4."""

from __future__ import annotations

import dataclasses

import pytest

from reports.recap import recap_a4
from tests.reports.conftest import A4_SIZE, page_sizes, pdf_text


def test_the_recap_is_the_portal_s_table_and_the_amount_to_pay(recap):
    pdf = recap_a4(recap)
    assert page_sizes(pdf) == [pytest.approx(A4_SIZE, abs=0.01)]
    text = pdf_text(pdf)
    for expected in ["Récapitulatif des modifications en cours", "DURAND", "Dossier F-00001", "Julie DURAND",
                     "Date Élément Tarification Coût", "02/12/2026 Noah - Pommiers mercredis 2026-2027 - Mercredi journée",
                     "à l'unité 10,00 €", "Léa", "Éloïse", "(annulation)", "avoir −10,00 €",
                     "Total des éléments 4,00 €", "Restant dû de la famille +2,50 €", "À payer 6,50 €",
                     "n'est pas un reçu", "retenues jusqu'au 26/11/2026 à 10:30", "Établi le 26/11/2026 à 10:00",
                     "Page 1 / 1"]:
        assert expected in text


def test_a_credit_is_deducted_and_what_it_leaves_stays_on_the_account(recap):
    text = pdf_text(recap_a4(dataclasses.replace(recap, balance_cents=-600, to_pay_cents=0)))
    assert "Avoir de la famille −6,00 €" in text
    assert "À payer 0,00 €" in text
    assert "2,00 € restent en avoir" in text


def test_an_empty_basket_says_so(recap):
    text = pdf_text(recap_a4(dataclasses.replace(recap, rows=(), balance_cents=0, to_pay_cents=0,
                                                 hold_expires_at=None)))
    assert "Aucune modification en cours." in text
    assert "À payer 0,00 €" in text

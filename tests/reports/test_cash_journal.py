"""The journal of a cash-desk session: every payment, running totals across pages, the count."""

from __future__ import annotations

import dataclasses
import re

import pytest

from desk.services.verification import Anchor
from reports.cash_journal import cash_journal_a4, grouped_hash
from tests.reports.conftest import A4_SIZE, HEAD_HASH, make_journal, page_sizes, pdf_pages, pdf_text


def euros(text: str) -> int:
    """``28 000,00 €`` (normalised) → cents."""
    return int(text.replace(" ", "").replace("€", "").replace(",", ""))


def test_a_short_session_shows_payments_cancellations_totals_and_the_count():
    pdf = cash_journal_a4(make_journal(5))
    text = pdf_text(pdf)
    for expected in [
        "Journal de caisse", "Session n° 7 · Guichet", "Ouverte le 26/11/2026 à 09:00 par Sophie",
        "Clôturée le 26/11/2026 à 21:00 par Sophie", "Fond de caisse à l'ouverture 150,00 €",
        "Date Reçu Famille Mode de règlement Montant Cumul",
        "26/11 10:00 2026-000001 DURAND (F-00001) Espèces 14,00 € 14,00 €",
        "2026-000002 MARTIN (F-00002) Chèque n° 7654321 14,00 € 28,00 €",
        "2026-000003 LEFÈVRE (F-00003) Carte bancaire (TPE) 14,00 € 42,00 €",
        "Chèques vacances : 10,00 €", "Espèces : 4,00 €", "FAURÉ-DELACROIX",
        "Total des règlements 70,00 €",
        "Annulations et avoirs (2)", "Léa · Mercredi journée du 16/12/2026 · annulation au guichet",
        "Total des avoirs accordés 20,00 €",
        "Totaux par mode de règlement", "Espèces 3 32,00 €", "Chèque 1 14,00 €", "Total 6 70,00 €",
        "Espèces attendues en caisse 182,00 €", "Espèces comptées 180,00 €", "Écart de caisse −2,00 €",
        "Chèques encaissés 14,00 €", "Chèques remis 14,00 €",
        "Total encaissé pendant la session 70,00 €", "Total des avoirs accordés pendant la session 20,00 €",
        "Cumul perpétuel des entrées du journal des règlements (écriture n° 7) 70,00 €",
        "Observation à la clôture : Une pièce de 2 € manque.",
        "Signatures", "L'agent Camille, Sophie", "Le régisseur Sophie",
    ]:
        assert expected in text
    assert "À reporter" not in text


def test_an_open_session_has_nothing_counted_yet():
    journal = dataclasses.replace(make_journal(0, 0), closed_at=None, closed_by=None, counted_cash_cents=None,
                                  counted_cheques_cents=None, difference_cents=None, closing_comment=None)
    text = pdf_text(cash_journal_a4(journal))
    for expected in ["Session en cours, non clôturée", "Aucun règlement pendant cette session.",
                     "Aucune annulation pendant cette session.", "Espèces comptées non comptées",
                     "Écart de caisse à la clôture"]:
        assert expected in text


def test_two_thousand_payments_span_pages_with_their_running_total_carried_over():
    pdf = cash_journal_a4(make_journal(2000))
    pages = pdf_pages(pdf)
    assert len(pages) > 10
    assert page_sizes(pdf) == [pytest.approx(A4_SIZE, abs=0.01)] * len(pages)
    listed = 0
    carried = None
    for number, page in enumerate(pages, start=1):
        assert page.endswith(f"Page {number} / {len(pages)}")
        brought = re.search(r"Report de la page précédente ([\d ]+,\d\d €)", page)
        assert (brought is None) == (carried is None)
        if brought:
            assert euros(brought.group(1)) == carried
        listed += len(re.findall(r"\b2026-\d{6}\b", page))
        to_carry = re.search(r"À reporter ([\d ]+,\d\d €)", page)
        carried = euros(to_carry.group(1)) if to_carry else None
        if carried is not None:
            assert carried == 1400 * listed  # every payment is 14,00 €
    assert listed == 2000
    text = " ".join(pages)
    assert "Total des règlements 28 000,00 €" in text
    assert "2026-002000" in text and "Total encaissé pendant la session 28 000,00 €" in text


def test_a_closed_session_prints_its_chain_head_to_keep_as_an_anchor():
    text = pdf_text(cash_journal_a4(make_journal(5)))
    grouped = grouped_hash(HEAD_HASH)
    assert grouped.startswith("3f2a9c0d 81e5b7a4 01234567 ") and len(grouped.split()) == 8
    assert f"Empreinte du journal : écriture n° 7 {grouped}" in text
    assert "Ligne à recopier : 7:3f2a9c0d81e5b7a4" in text
    assert "Conservez cette page imprimée" in text and "n'a pas été tronqué" in text
    assert "desk-admin verify-journal --anchor 7:3f2a9c0d81e5b7a4" in text
    assert "provisoire" not in text.lower()
    copied = re.search(r"Ligne à recopier : (\S+)", text).group(1)
    assert Anchor.parse(copied) == Anchor(7, HEAD_HASH[:16])  # what the régisseur copies, the verifier reads
    assert Anchor.parse(f"7 : {grouped}").hash_prefix == HEAD_HASH  # or the whole hash, as grouped on the page


def test_an_open_session_prints_the_current_head_as_provisional():
    journal = dataclasses.replace(make_journal(3, 0), closed_at=None, closed_by=None)
    text = pdf_text(cash_journal_a4(journal))
    assert "Empreinte du journal (provisoire) : écriture n° 3" in text
    assert "Tête du journal à cette heure : 3:3f2a9c0d81e5b7a4" in text
    assert "Seule l'empreinte du journal imprimé à la clôture sert de preuve" in text
    assert "Conservez cette page" not in text and "Ligne à recopier" not in text


def test_an_empty_journal_has_no_head_to_print():
    journal = dataclasses.replace(make_journal(0, 0), last_journal_sequence=None, journal_head_hash=None)
    assert "Empreinte du journal" not in pdf_text(cash_journal_a4(journal))


def test_cash_refunded_out_of_the_till_is_shown_and_deducted():
    journal = dataclasses.replace(make_journal(2, 0), cash_refunded_cents=1000)
    text = pdf_text(cash_journal_a4(journal))
    assert "Avoirs remboursés en espèces" in text and "−10,00 €" in text

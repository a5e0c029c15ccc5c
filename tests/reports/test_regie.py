"""The régie's documents towards the comptable public: remittance slip, versement, month's état, card takings."""

from __future__ import annotations

import csv
import dataclasses
import io
from datetime import UTC, date, datetime, timedelta

import pytest

from reports.data import (
    ActivityTakings,
    ChequeRemittance,
    DayTakings,
    ElectronicTaking,
    HeldCheque,
    ModeTotal,
    MonthJustification,
    ReceiptRange,
    RegieAct,
    Versement,
)
from reports.regie import (
    csv_amount,
    day_takings_a4,
    month_justification_a4,
    month_justification_csv,
    month_text,
    remittance_slip_a4,
    versement_a4,
)
from tests.reports.conftest import A4_SIZE, HEAD_HASH, REGIE, page_sizes, pdf_pages, pdf_text

ACT = RegieAct("Arrêté n° 2026-114", date(2026, 1, 15), "Sophie MARTIN", ("Camille DUPONT", "Paul LEROY"),
               max_cash_cents=300_000, float_cents=15_000, authorised_modes=("Espèces", "Chèque"))
# 09:30 UTC is 10:30 in Albertville in November (UTC+1).
MADE_AT = datetime(2026, 11, 27, 16, 30, tzinfo=UTC)
LONG_DRAWER = "FAURÉ-DELACROIX-MONTMORENCY-SAINT-ANDRÉ Jean-Baptiste Marie-Hélène et Anne-Sophie épouse LAMBERT"
LONG_BANK = "Caisse Régionale de Crédit Agricole Mutuel des Savoie – agence d'Albertville"


def cheque(index: int, amount_cents: int = 1400, drawer: str = "DURAND Julie", bank: str = "La Banque Postale") \
        -> HeldCheque:
    return HeldCheque(f"2026-{index:06d}", datetime(2026, 11, 26, 9, 30, tzinfo=UTC) + timedelta(minutes=index),
                      drawer, bank, f"{7654000 + index}", amount_cents)


def remittance(cheques: tuple[HeldCheque, ...], journal_hash: str = HEAD_HASH) -> ChequeRemittance:
    """Made by a mandataire, who signs it."""
    return ChequeRemittance(REGIE, ACT, "R2026-0004", MADE_AT, "Camille DUPONT", cheques, journal_hash)


MODES = (ModeTotal("Espèces", 40, 56_000), ModeTotal("Chèque (remis : R2026-0003, R2026-0004)", 12, 16_800),
         ModeTotal("Carte bancaire (TPE)", 30, 42_000), ModeTotal("Paiement en ligne (PayFiP)", 18, 25_250))
MODES_TOTAL = 140_050
RECEIPTS = ReceiptRange("2026-000101", "2026-000196", 96)


def versement(**changes) -> Versement:
    recorded = Versement(REGIE, ACT, "V2026-0011", date(2026, 11, 1), date(2026, 11, 30), MADE_AT, "Sophie MARTIN",
                         MODES, RECEIPTS, MODES_TOTAL, ("R2026-0003", "R2026-0004"), cash_refunded_cents=1000,
                         journal_hash=HEAD_HASH)
    return dataclasses.replace(recorded, **changes)


ACTIVITIES = (ActivityTakings("Pommiers mercredis 2026-2027", 50, 70_000),
              ActivityTakings("Restauration scolaire — école élémentaire des Pommiers", 30, 45_000),
              ActivityTakings("Restant dû réglé", 5, 20_050),
              ActivityTakings("Avoir constitué (trop-perçu)", 2, 5_000))


def justification(**changes) -> MonthJustification:
    month = MonthJustification(REGIE, ACT, date(2026, 11, 1), MADE_AT, ACTIVITIES, MODES, RECEIPTS, MODES_TOTAL,
                               refunds_cents=1000, versements=("V2026-0011",))
    return dataclasses.replace(month, **changes)


def card_day(day: date, count: int, amount_cents: int = 1400) -> DayTakings:
    start = datetime(day.year, day.month, day.day, 8, 5, tzinfo=UTC)
    return DayTakings(day, "Carte bancaire (TPE)", tuple(
        ElectronicTaking(f"2026-{index + 1:06d}", start + timedelta(minutes=3 * index), amount_cents,
                         f"A{index:05d}") for index in range(count)))


def online_day(day: date) -> DayTakings:
    at = datetime(day.year, day.month, day.day, 19, 45, tzinfo=UTC)
    return DayTakings(day, "Paiement en ligne (PayFiP)", (
        ElectronicTaking("2026-000150", at, 2500, "20261103x2678x99108 / 6f9b0f2e8d1c4a7b"),))


def takings_pdf(days: list[DayTakings]) -> bytes:
    return day_takings_a4(days, REGIE, ACT, date(2026, 11, 1), date(2026, 11, 30),
                          datetime(2026, 12, 1, 8, 0, tzinfo=UTC))


IDENTITY_AND_ACT = ("Albertville Régie Accueil Loisirs Sport Culture",
                    "Acte constitutif Arrêté n° 2026-114 du 15/01/2026", "Régisseur titulaire Sophie MARTIN",
                    "Mandataires Camille DUPONT, Paul LEROY")


def shown(pdf: bytes, expected: list[str]) -> str:
    """The text of an A4 régie document, checked for the régie, its act and each expected piece."""
    assert pdf.startswith(b"%PDF")
    assert all(size == pytest.approx(A4_SIZE, abs=0.01) for size in page_sizes(pdf))
    text = pdf_text(pdf)
    assert [piece for piece in (*IDENTITY_AND_ACT, *expected) if piece not in text] == []
    return text


# -- bordereau de remise de chèques ------------------------------------------------


def test_a_remittance_slip_lists_the_cheques_with_their_count_and_total():
    slip = remittance((cheque(1), cheque(2, 2550, "MARTIN Paul"), cheque(3, 10_000)))
    shown(remittance_slip_a4(slip), [
        "Bordereau de remise de chèques n° R2026-0004", "Remise faite le 27/11/2026 à 17:30 par Camille DUPONT",
        "N° Ticket Reçu le Tireur Banque N° chèque Montant Cumul",
        "1 2026-000001 26/11/26 DURAND Julie La Banque Postale 7654001 14,00 € 14,00 €",
        "2 2026-000002 26/11/26 MARTIN Paul La Banque Postale 7654002 25,50 € 39,50 €",
        "3 2026-000003 26/11/26 DURAND Julie La Banque Postale 7654003 100,00 € 139,50 €",
        "Total de la remise : 3 chèques 139,50 €", "Nombre de chèques remis 3", "Montant total de la remise 139,50 €",
        f"Code de vérification : {HEAD_HASH[:12]}", "Le régisseur Camille DUPONT", "Cachet de la banque",
    ])


def test_a_slip_of_two_hundred_cheques_carries_its_total_over_pages_and_repeats_the_header():
    cheques = tuple(cheque(index, 1000 + index, LONG_DRAWER if index % 7 == 0 else "DURAND Julie",
                           LONG_BANK if index % 11 == 0 else "La Banque Postale") for index in range(1, 201))
    pages = pdf_pages(remittance_slip_a4(remittance(cheques)))
    assert len(pages) >= 4
    header = "N° Ticket Reçu le Tireur Banque N° chèque Montant Cumul"
    assert all(header in page for page in pages[:-1])
    assert "À reporter" in pages[0] and "Report de la page précédente" in pages[1]
    total = sum(c.amount_cents for c in cheques)
    assert total == 220_100
    assert "Total de la remise : 200 chèques 2 201,00 €" in pages[-1] or \
        "Total de la remise : 200 chèques 2 201,00 €" in pages[-2]
    text = " ".join(pages)
    assert "Nombre de chèques remis 200" in text and "Montant total de la remise 2 201,00 €" in text
    # The long drawer and bank wrap in their columns instead of being cut.
    assert "épouse LAMBERT" in text and "agence d'Albertville" in text
    assert "200 2026-000200" in text


def test_a_slip_without_journal_entry_has_no_verification_code():
    text = pdf_text(remittance_slip_a4(remittance((cheque(1),), journal_hash="")))
    assert "Code de vérification" not in text
    assert "Total de la remise : 1 chèque 14,00 €" in text


# -- bordereau de versement ---------------------------------------------------------


def test_a_recorded_versement_gives_the_modes_the_receipts_and_agrees_with_the_journal():
    text = shown(versement_a4(versement()), [
        "Bordereau de versement au comptable public n° V2026-0011", "Recettes du 01/11/2026 au 30/11/2026",
        "Établi le 27/11/2026 à 17:30 par Sophie MARTIN",
        "Reçus délivrés tickets 2026-000101 à 2026-000196 (96)", "Remises de chèques R2026-0003, R2026-0004",
        "Mode de règlement Nombre Montant", "Espèces 40 560,00 €", "Chèque (remis : R2026-0003, R2026-0004) 12 168,00 €",
        "Carte bancaire (TPE) 30 420,00 €", "Paiement en ligne (PayFiP) 18 252,50 €",
        "Total du versement 100 1 400,50 €",
        "Total des règlements au journal sur la période 1 400,50 €",
        "Concordance entre le versement et le journal oui, aucun écart",
        "Avoirs remboursés en espèces sur la période 10,00 €",
        f"Code de vérification : {HEAD_HASH[:12]}", "Le régisseur Sophie MARTIN", "Le comptable public",
    ])
    assert "Projet" not in text and "ÉCART" not in text


def test_a_versement_not_recorded_is_a_preview_and_shows_a_gap_with_the_journal():
    text = shown(versement_a4(versement(number=None, journal_hash="", journal_total_cents=MODES_TOTAL + 200,
                                        cash_refunded_cents=0)), [
        "Projet de versement — non enregistré", "ce versement n'est pas enregistré",
        "Total du versement 1 400,50 €", "Total des règlements au journal sur la période 1 402,50 €",
        "ÉCART entre le versement et le journal −2,00 €", "à expliquer avant le versement",
    ])
    assert "Bordereau de versement au comptable public" not in text
    for absent in ("aucun écart", "Code de vérification", "Avoirs remboursés", "Le comptable public", "Signature"):
        assert absent not in text


# -- état justificatif des recettes ---------------------------------------------------


def test_the_month_justification_gives_activities_modes_and_the_journal():
    text = shown(month_justification_a4(justification()), [
        "État justificatif des recettes — novembre 2026", "Recettes encaissées du 01/11/2026 au 30/11/2026",
        "pour l'émission du titre de recette par l'ordonnateur",
        "Reçus délivrés tickets 2026-000101 à 2026-000196 (96)", "Versements V2026-0011",
        "Activité Nombre Montant", "Pommiers mercredis 2026-2027 50 700,00 €", "Restant dû réglé 5 200,50 €",
        "Total par activité 87 1 400,50 €", "Paiement en ligne (PayFiP) 18 252,50 €",
        "Total par mode de règlement 100 1 400,50 €",
        "Total des règlements au journal sur la période 1 400,50 €",
        "Concordance entre cet état et le journal oui, aucun écart",
        "Avoirs remboursés en espèces sur la période 10,00 €", "à régulariser par un mandat de l'ordonnateur",
        "Certifié exact, le régisseur Sophie MARTIN", "L'ordonnateur", "Titre de recette n° :",
    ])
    assert "ÉCART" not in text


def test_a_month_of_many_activities_paginates_and_a_gap_is_shown():
    activities = tuple(ActivityTakings(f"Séjour n° {index} — {'Classe de découverte ' * 4}", 1, 1000)
                       for index in range(150))
    pages = pdf_pages(month_justification_a4(justification(by_activity=activities, versements=(),
                                                                    journal_total_cents=148_500)))
    assert len(pages) >= 3
    assert all("Activité Nombre Montant" in page for page in pages[1:-1])
    text = " ".join(pages)
    assert "Séjour n° 149" in text and "Total par activité 150 1 500,00 €" in text
    assert "aucun versement ne couvre encore ce mois" in text
    assert "ÉCART entre cet état et le journal +15,00 €" in text
    assert "à expliquer avant l'émission du titre de recette" in text


@pytest.mark.parametrize(("month", "text"), [(date(2026, 11, 1), "novembre 2026"), (date(2027, 8, 1), "août 2027"),
                                             (date(2027, 2, 1), "février 2027"), (date(2026, 12, 1), "décembre 2026")])
def test_months_are_named_in_french(month, text):
    assert month_text(month) == text


def test_the_justification_csv_opens_in_a_french_spreadsheet():
    raw = month_justification_csv(justification())
    assert raw.startswith(b"\xef\xbb\xbf")
    decoded = raw.decode("utf-8-sig")
    assert decoded.endswith("\r\n") and "\n" not in decoded.replace("\r\n", "")
    rows = list(csv.reader(io.StringIO(decoded, newline=""), delimiter=";"))
    assert rows[0] == ["État justificatif des recettes", "novembre 2026"]
    head = {row[0]: row[1:] for row in rows if row and row[0] not in ("Total",)}
    assert head["Régie"] == ["Albertville · Régie Accueil Loisirs Sport Culture"]
    assert head["Acte constitutif"] == ["Arrêté n° 2026-114 du 15/01/2026"]
    assert head["Période"] == ["01/11/2026", "30/11/2026"]
    assert (head["Premier ticket"], head["Dernier ticket"], head["Nombre de tickets"]) == (
        ["2026-000101"], ["2026-000196"], ["96"])
    assert head["Total du journal"] == ["1400,50"]

    def section(title: str) -> tuple[list[list[str]], list[str]]:
        start = rows.index([title]) + 2
        end = next(index for index in range(start, len(rows)) if rows[index][0] == "Total")
        return rows[start:end], rows[end]

    activities, activity_total = section("Par activité")
    modes, mode_total = section("Par mode de règlement")
    assert rows[rows.index(["Par activité"]) + 1] == ["Activité", "Nombre", "Montant"]
    assert activities[0] == ["Pommiers mercredis 2026-2027", "50", "700,00"]
    assert modes[3] == ["Paiement en ligne (PayFiP)", "18", "252,50"]

    def cents(text: str) -> int:
        assert "." not in text and " " not in text and "\u202f" not in text
        units, decimals = text.split(",")
        return int(units) * 100 + int(decimals)

    for lines, total in ((activities, activity_total), (modes, mode_total)):
        assert sum(cents(line[2]) for line in lines) == cents(total[2]) == MODES_TOTAL
        assert sum(int(line[1]) for line in lines) == int(total[1])
    assert activity_total == ["Total", "87", "1400,50"]


def test_csv_amounts_have_comma_decimals_and_no_thousands_separator():
    assert [csv_amount(cents) for cents in (0, 5, 1400, 123_450, 10_000_000, -250)] == [
        "0,00", "0,05", "14,00", "1234,50", "100000,00", "-2,50"]


# -- recettes par carte et en ligne ------------------------------------------------------


def test_the_card_and_online_takings_are_listed_per_day_with_totals_per_mode():
    days = [card_day(date(2026, 11, 3), 3), online_day(date(2026, 11, 3)), card_day(date(2026, 11, 4), 2, 2000)]
    text = shown(takings_pdf(days), [
        "Recettes par carte et en ligne du 01/11/2026 au 30/11/2026", "Établi le 01/12/2026 à 09:00",
        "Règlements 6 règlements · 107,00 €",
        "Mardi 03/11/2026 · Carte bancaire (TPE)", "Ticket Heure Référence Montant",
        "2026-000001 09:05 A00000 14,00 €", "2026-000003 09:11 A00002 14,00 €",
        "Total du 03/11/2026 : 3 règlements 42,00 €",
        "Mardi 03/11/2026 · Paiement en ligne (PayFiP)",
        "2026-000150 20:45 20261103x2678x99108 / 6f9b0f2e8d1c4a7b 25,00 €",
        "Total du 03/11/2026 : 1 règlement 25,00 €",
        "Mercredi 04/11/2026 · Carte bancaire (TPE)", "Total du 04/11/2026 : 2 règlements 40,00 €",
        "Totaux par mode de règlement", "Mode de règlement Jours Règlements Montant",
        "Carte bancaire (TPE) 2 5 82,00 €", "Paiement en ligne (PayFiP) 1 1 25,00 €", "Total 3 6 107,00 €",
    ])
    assert "Aucune recette" not in text


def test_a_period_without_card_or_online_takings_says_so():
    text = shown(takings_pdf([]), ["Aucune recette par carte ou en ligne sur la période.",
                                   "Règlements 0 règlement · 0,00 €"])
    assert "Totaux par mode de règlement" not in text


def test_a_busy_day_of_card_takings_paginates_and_repeats_the_header():
    pages = pdf_pages(takings_pdf([card_day(date(2026, 11, 3), 200)]))
    assert len(pages) >= 3
    assert all("Mardi 03/11/2026 · Carte bancaire (TPE) Ticket Heure Référence Montant" in page
               for page in pages[:-1])
    text = " ".join(pages)
    assert "2026-000200" in text and "Total du 03/11/2026 : 200 règlements 2 800,00 €" in text
    assert "Carte bancaire (TPE) 1 200 2 800,00 €" in text


def test_a_label_that_looks_like_a_formula_stays_text_in_the_csv():
    sneaky = (ActivityTakings("=HYPERLINK(\"http://x\";\"clic\")", 1, 70_000), *ACTIVITIES[1:])
    rows = list(csv.reader(io.StringIO(month_justification_csv(justification(by_activity=sneaky)).decode("utf-8-sig"),
                                       newline=""), delimiter=";"))
    assert ["'=HYPERLINK(\"http://x\";\"clic\")", "1", "700,00"] in rows
    assert not any(row and row[0].startswith("=") for row in rows)

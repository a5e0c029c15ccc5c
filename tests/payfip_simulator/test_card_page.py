"""The card page as a browser gets it: the debt, the time left, the form, each state and what the form refuses."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from desk.payfip_simulator.store import CARD_BANK_DELAY, CARD_PAYS, CARD_REFUSED, CARD_TOO_LATE
from tests.payfip_simulator.helpers import (
    CARD_PAGE,
    cancel,
    create_operation,
    get,
    open_card_page,
    pay,
    send_card_form,
)


def form_fields(html: str) -> set[str]:
    return set(re.findall(r'<(?:input|select|button)[^>]*\bname="([a-z]+)"', html))


def test_the_card_page_shows_the_debt_the_time_left_and_the_card_form(simulator, client):
    idop = create_operation(client)
    status, content_type, body = get(f"{simulator.url}{CARD_PAGE}?idop={idop}")
    html = body.decode("utf-8")
    assert status == 200 and content_type == "text/html; charset=utf-8"
    assert '<main data-state="card_form">' in html and '<html lang="fr">' in html
    for shown in ("20261126x1x42", "14,00\u00a0€", "julie.durand@exemple.fr", "15 min 00 s", "jusqu'à 10 h 15"):
        assert shown in html
    assert form_fields(html) == {"idop", "numero", "mois", "annee", "cvv", "action"}
    assert f'name="idop" value="{idop}"' in html
    assert 'value="payer">Payer</button>' in html and 'value="annuler" formnovalidate>Annuler</button>' in html
    assert f'method="post" action="{CARD_PAGE}"' in html
    assert "<script" not in html.lower() and 'id="erreur"' not in html


def test_the_card_page_lists_the_test_cards(simulator, client):
    html = open_card_page(simulator.url, create_operation(client)).html
    help_block = html[html.index('<aside class="aide">'):]
    for card in (CARD_PAYS, CARD_REFUSED, CARD_BANK_DELAY, CARD_TOO_LATE):
        assert card in help_block
    assert "après 5 minutes" in help_block and "après 20 minutes" in help_block


def test_the_time_left_follows_the_simulators_clock(simulator, client, clock):
    idop = create_operation(client)
    clock.advance(timedelta(minutes=3, seconds=30))
    assert "11 min 30 s" in open_card_page(simulator.url, idop).html


def test_paying_shows_the_authorisation_and_links_back_to_the_towns_site(simulator, client):
    idop = create_operation(client)
    page = pay(simulator.url, idop, "4970 1000 0000 0006")
    numauto = client.get_info_paiement(idop).numauto
    assert (page.status, page.state, page.error) == (200, "paid", "")
    assert f"<strong>{numauto}</strong>" in page.html
    assert f'<a id="retour" href="https://ville.example/retour?idop={idop}">' in page.html
    assert 'name="numero"' not in page.html
    assert open_card_page(simulator.url, idop).state == "paid"


def test_an_existing_query_in_the_return_address_is_kept(simulator, client):
    idop = create_operation(client, url_redirect="https://ville.example/retour?panier=12")
    assert f'href="https://ville.example/retour?panier=12&amp;idop={idop}"' in pay(simulator.url, idop, CARD_PAYS).html


@pytest.mark.parametrize("address", ["javascript:alert(1)", "", "data:text/html,x"])
def test_no_link_back_to_an_address_that_is_not_a_site(simulator, client, address):
    idop = create_operation(client, url_redirect=address)
    html = pay(simulator.url, idop, CARD_PAYS).html
    assert 'id="retour"' not in html and "javascript:" not in html


def test_a_refused_card_and_a_cancel_show_their_states(simulator, client):
    refused, abandoned = create_operation(client), create_operation(client)
    assert pay(simulator.url, refused, CARD_REFUSED).state == "refused"
    page = cancel(simulator.url, abandoned)
    assert (page.state, page.error) == ("abandoned", "")
    assert "Paiement abandonné" in page.html and 'id="retour"' in page.html
    assert open_card_page(simulator.url, refused).state == "refused"


def test_waiting_for_the_bank_the_page_refreshes_itself_until_the_result(simulator, client, clock):
    idop = create_operation(client)
    page = pay(simulator.url, idop, CARD_BANK_DELAY)
    assert page.state == "bank_wait"
    assert '<meta http-equiv="refresh"' in page.html and f"{CARD_PAGE}?idop={idop}" in page.html
    clock.advance(timedelta(minutes=5))
    page = open_card_page(simulator.url, idop)
    assert page.state == "paid" and "refresh" not in page.html


def test_expired_after_fifteen_minutes_untouched(simulator, client, clock):
    idop = create_operation(client)
    clock.advance(timedelta(minutes=15))
    page = open_card_page(simulator.url, idop)
    assert page.state == "expired" and 'name="numero"' not in page.html
    refused = pay(simulator.url, idop, CARD_PAYS)
    assert refused.state == "expired"
    assert refused.error == "Le délai de paiement de 15 minutes est dépassé : la transaction est annulée."
    assert cancel(simulator.url, idop).state == "expired"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (dict(numero="4970100000000007"), "Le numéro de carte est invalide."),
        (dict(numero="abcd"), "Le numéro de carte est invalide."),
        (dict(mois="10", annee="2026"), "La date d'expiration de la carte est dépassée."),
        (dict(mois="00"), "La date d'expiration de la carte est invalide."),
        (dict(cvv="12"), "Le cryptogramme visuel doit compter 3 chiffres."),
        (dict(action="rembourser"), "Choisissez « Payer » ou « Annuler »."),
    ],
)
def test_a_mistyped_form_is_shown_again_with_the_error_in_french(simulator, client, fields, message):
    idop = create_operation(client)
    typed = dict(idop=idop, numero=CARD_PAYS, mois="12", annee="2028", cvv="123", action="payer") | fields
    page = send_card_form(simulator.url, **typed)
    assert (page.status, page.state, page.error) == (200, "card_form", message)
    assert 'name="numero"' in page.html
    assert typed["numero"] not in page.html.split('<aside class="aide">')[0]  # what was typed is not echoed


def test_paying_twice_is_refused(simulator, client):
    idop = create_operation(client)
    pay(simulator.url, idop, CARD_PAYS)
    page = pay(simulator.url, idop, CARD_PAYS)
    assert (page.state, page.error) == ("paid", "Ce paiement a déjà été traité.")


@pytest.mark.parametrize("idop", ["inconnu", ""])
def test_an_unknown_operation_has_no_card_form(simulator, idop):
    for page in (open_card_page(simulator.url, idop), pay(simulator.url, idop, CARD_PAYS), cancel(simulator.url, idop)):
        assert (page.status, page.state) == (404, "unknown")
        assert "Opération inconnue" in page.html and 'name="numero"' not in page.html


def test_what_the_town_sent_is_shown_as_text(simulator, client):
    idop = create_operation(client, mel="<b>julie</b>@exemple.fr")
    html = open_card_page(simulator.url, idop).html
    assert "&lt;b&gt;julie&lt;/b&gt;@exemple.fr" in html and "<b>julie" not in html


"""The card page, as a person sees it in a browser: plain HTML in French, no JavaScript.

``<main data-state="…">`` says the page's state (card_form, bank_wait, paid,
refused, abandoned, expired; unknown for an idop the service does not know)
and ``<p id="erreur">`` what the form refused, for a program that reads the
page. The card form posts ``idop``, ``numero``, ``mois``, ``annee``, ``cvv``
and ``action`` (``payer`` or ``annuler``) to ``CARD_PAGE_PATH``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from html import escape
from urllib.parse import quote, urlsplit

from desk.clock import PARIS
from desk.payfip_simulator.store import TEST_CARDS, Operation, PageState

CARD_PAGE_PATH = "/tpa/paiementws.web"
UNKNOWN_STATE = "unknown"
BANK_WAIT_REFRESH_SECONDS = 5
_UNSAFE_LINK_SCHEMES = ("javascript", "data", "vbscript", "file")

_STYLE = """
body { font-family: system-ui, sans-serif; margin: 0; background: #f4f5f7; color: #1e1e1e; }
header { background: #000091; color: #fff; padding: 0.8rem 1.5rem; }
header p { margin: 0.2rem 0 0; font-size: 0.85rem; opacity: 0.85; }
main { max-width: 34rem; margin: 1.5rem auto; background: #fff; padding: 1.2rem 1.5rem; border-radius: 6px; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.3rem 1rem; }
dt { font-weight: 600; }
label { display: block; margin-top: 0.8rem; font-weight: 600; }
input, select { font-size: 1rem; padding: 0.3rem; }
.boutons { margin-top: 1.2rem; display: flex; gap: 0.8rem; }
button { font-size: 1rem; padding: 0.5rem 1.2rem; }
#erreur { color: #b00020; font-weight: 600; }
.aide { margin-top: 1.5rem; font-size: 0.85rem; background: #eef; padding: 0.6rem 1rem; }
"""


@dataclass(frozen=True)
class PageView:
    """What one card page shows: the operation (None when unknown), the time, and the form's error."""

    operation: Operation | None
    now: datetime
    error: str = ""

    @property
    def state(self) -> str:
        return UNKNOWN_STATE if self.operation is None else self.operation.page_state(self.now).value


def render(view: PageView) -> str:
    """The whole HTML page."""
    return (
        "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"{_refresh(view)}<title>PayFiP — paiement par carte bancaire (simulateur)</title>\n"
        f"<style>{_STYLE}</style>\n</head>\n<body>\n"
        "<header><strong>PayFiP — paiement des services publics locaux</strong>"
        "<p>Simulateur : aucun paiement réel n'est effectué.</p></header>\n"
        f"<main data-state=\"{view.state}\">\n{_content(view)}</main>\n</body>\n</html>\n"
    )


def _refresh(view: PageView) -> str:
    """The page waiting for the bank reloads itself now and then (no script needed)."""
    if view.state != PageState.BANK_WAIT:
        return ""
    return f"<meta http-equiv=\"refresh\" content=\"{BANK_WAIT_REFRESH_SECONDS}\">\n"


def _content(view: PageView) -> str:
    operation = view.operation
    if operation is None:
        return ("<h1>Opération inconnue</h1>\n<p>Cette adresse de paiement ne correspond à aucune opération. "
                "Reprenez le paiement depuis le site ou le guichet de votre collectivité.</p>\n" + _error(view))
    state = operation.page_state(view.now)
    sections = {
        PageState.CARD_FORM: _card_form,
        PageState.BANK_WAIT: _bank_wait,
        PageState.PAID: _paid,
        PageState.REFUSED: _refused,
        PageState.ABANDONED: _abandoned,
        PageState.EXPIRED: _expired,
    }
    return _debt(operation) + _error(view) + sections[state](operation, view.now)


def _debt(operation: Operation) -> str:
    return (
        "<h1>Informations sur la dette</h1>\n<dl>\n"
        f"<dt>Référence</dt><dd>{escape(operation.refdet)}</dd>\n"
        f"<dt>Montant</dt><dd>{euros(operation.montant)}</dd>\n"
        f"<dt>Adresse électronique</dt><dd>{escape(operation.mel)}</dd>\n"
        + (f"<dt>Objet</dt><dd>{escape(operation.objet)}</dd>\n" if operation.objet else "")
        + "</dl>\n"
    )


def _error(view: PageView) -> str:
    return f"<p id=\"erreur\" role=\"alert\">{escape(view.error)}</p>\n" if view.error else ""


def _card_form(operation: Operation, now: datetime) -> str:
    return (
        f"<p>{_time_left(operation, now)}</p>\n"
        f"<form method=\"post\" action=\"{CARD_PAGE_PATH}\">\n"
        f"<input type=\"hidden\" name=\"idop\" value=\"{escape(operation.idop)}\">\n"
        "<label for=\"numero\">Numéro de carte</label>\n"
        "<input id=\"numero\" name=\"numero\" inputmode=\"numeric\" autocomplete=\"cc-number\" size=\"24\" "
        "maxlength=\"23\" required>\n"
        "<label for=\"mois\">Date d'expiration (mois / année)</label>\n"
        f"{_month_select()} / {_year_select(now)}\n"
        "<label for=\"cvv\">Cryptogramme visuel (3 chiffres au dos de la carte)</label>\n"
        "<input id=\"cvv\" name=\"cvv\" inputmode=\"numeric\" autocomplete=\"cc-csc\" size=\"4\" maxlength=\"3\" "
        "required>\n"
        "<div class=\"boutons\">\n"
        "<button type=\"submit\" name=\"action\" value=\"payer\">Payer</button>\n"
        "<button type=\"submit\" name=\"action\" value=\"annuler\" formnovalidate>Annuler</button>\n"
        "</div>\n</form>\n"
        + _test_cards_help()
    )


def _time_left(operation: Operation, now: datetime) -> str:
    minutes, seconds = divmod(operation.seconds_left(now), 60)
    deadline = operation.expires_at.astimezone(PARIS).strftime("%H h %M")
    return f"Temps restant pour payer : <strong>{minutes} min {seconds:02d} s</strong> (jusqu'à {deadline})."


def _month_select() -> str:
    options = "".join(f"<option value=\"{month:02d}\">{month:02d}</option>" for month in range(1, 13))
    return f"<select id=\"mois\" name=\"mois\" aria-label=\"Mois d'expiration\">{options}</select>"


def _year_select(now: datetime) -> str:
    first = now.astimezone(PARIS).year
    options = "".join(f"<option value=\"{year}\">{year}</option>" for year in range(first, first + 11))
    return f"<select id=\"annee\" name=\"annee\" aria-label=\"Année d'expiration\">{options}</select>"


def _test_cards_help() -> str:
    cards = "".join(f"<li><code>{number}</code> : {escape(meaning)}</li>\n" for number, meaning in TEST_CARDS.items())
    return (
        "<aside class=\"aide\">\n<h2>Cartes de test du simulateur</h2>\n<ul>\n"
        f"{cards}<li>tout autre numéro valide (clé de Luhn) : paiement accepté immédiatement</li>\n</ul>\n"
        "<p>N'importe quelle date d'expiration à venir et n'importe quel cryptogramme à 3 chiffres.</p>\n</aside>\n"
    )


def _bank_wait(operation: Operation, now: datetime) -> str:
    return (
        "<h2>Paiement en cours de traitement par votre banque</h2>\n"
        "<p>Votre banque n'a pas encore répondu. Cette page se met à jour toute seule ; "
        f"vous pouvez aussi l'<a href=\"{escape(card_page_url(operation.idop))}\">actualiser</a>.</p>\n"
    )


def _paid(operation: Operation, now: datetime) -> str:
    return (
        "<h2>Paiement accepté</h2>\n"
        f"<p>Votre paiement de {euros(operation.montant)} est accepté. "
        f"Numéro d'autorisation : <strong>{escape(operation.numauto)}</strong>.</p>\n"
        f"<p>Un ticket de paiement est envoyé à {escape(operation.mel)}.</p>\n" + _return_link(operation)
    )


def _refused(operation: Operation, now: datetime) -> str:
    return ("<h2>Paiement refusé</h2>\n<p>Votre banque a refusé le paiement. Aucune somme n'a été prélevée.</p>\n"
            + _return_link(operation))


def _abandoned(operation: Operation, now: datetime) -> str:
    return ("<h2>Paiement abandonné</h2>\n<p>Vous avez annulé le paiement. Aucune somme n'a été prélevée.</p>\n"
            + _return_link(operation))


def _expired(operation: Operation, now: datetime) -> str:
    return ("<h2>Délai de paiement dépassé</h2>\n<p>Le délai de 15 minutes pour payer est dépassé : la transaction "
            "est annulée. Reprenez le paiement depuis le site ou le guichet de votre collectivité.</p>\n"
            + _return_link(operation))


def _return_link(operation: Operation) -> str:
    """The way back to the town's site (``urlredirect``, told the idop as PayFiP does)."""
    target = operation.urlredirect
    scheme = urlsplit(target).scheme.lower()
    if not target or not scheme or scheme in _UNSAFE_LINK_SCHEMES:
        return ""
    separator = "&" if "?" in target else "?"
    link = f"{target}{separator}idop={quote(operation.idop, safe='')}"
    return f"<p><a id=\"retour\" href=\"{escape(link)}\">Retour au site de la collectivité</a></p>\n"


def card_page_url(idop: str) -> str:
    return f"{CARD_PAGE_PATH}?idop={quote(idop, safe='')}"


def euros(cents: int) -> str:
    """``140000`` → ``1 400,00 €`` (narrow no-break space between thousands, no-break space before €)."""
    whole = f"{cents // 100:,}".replace(",", "\u202f")
    return f"{whole},{cents % 100:02d}\u00a0€"

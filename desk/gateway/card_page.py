"""The PayFiP simulator's card page, filled by the desk's own window in the demo.

On the real service the family pays in the browser; with the simulator the
counter's window may fill the same page for it, over HTTP, as a browser
would. What the page answers is shown (a mistyped card number), never
trusted: the payment's outcome is only what the web service says when asked.
"""

from __future__ import annotations

import html
import re
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from desk.gateway.payfip import GatewayUnreachableError, PayfipEndpoint

_STATE = re.compile(r'<main[^>]*\bdata-state="([a-z_]+)"')
_ERROR = re.compile(r'<p[^>]*\bid="erreur"[^>]*>(.*?)</p>', re.DOTALL)
_TAGS = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class PageAnswer:
    """What the page shows after the form was sent: its state, and the form's error if any."""

    state: str
    error: str = ""


def pay_by_card(endpoint: PayfipEndpoint, idop: str, number: str, month: int, year: int, cvv: str) -> PageAnswer:
    """Send the card form, as the family's browser would."""
    return _post(endpoint, {"idop": idop, "numero": number, "mois": f"{month:02d}", "annee": str(year), "cvv": cvv,
                            "action": "payer"})


def cancel(endpoint: PayfipEndpoint, idop: str) -> PageAnswer:
    """*Annuler* on the page: the family gives up."""
    return _post(endpoint, {"idop": idop, "action": "annuler"})


def _post(endpoint: PayfipEndpoint, fields: dict[str, str]) -> PageAnswer:
    url = endpoint.card_page_url("").split("?", 1)[0]
    request = urllib.request.Request(url, data=urllib.parse.urlencode(fields).encode(), method="POST",
                                     headers={"Content-Type": "application/x-www-form-urlencoded"})
    try:
        with urllib.request.urlopen(request, timeout=endpoint.timeout_seconds) as response:  # noqa: S310 (http(s) only)
            page = response.read(200_000).decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        page = error.read(200_000).decode("utf-8", "replace")
    except (OSError, ValueError) as error:
        raise GatewayUnreachableError(f"la page de paiement ne répond pas ({error})") from error
    return read_page(page)


def read_page(page: str) -> PageAnswer:
    """The state and the form's error of a card page's HTML."""
    state = _STATE.search(page)
    error = _ERROR.search(page)
    message = html.unescape(_TAGS.sub("", error.group(1))).strip() if error else ""
    return PageAnswer(state.group(1) if state else "unknown", " ".join(message.split()))

"""The local IdP's pages: a login form standing in for DigiD or eHerkenning, and the post back to the SP.

Plain HTML without inline script: the post page loads autopost.js, which the IdP app serves itself.
"""

from __future__ import annotations

import html
from urllib.parse import urlencode

from zaken.identity import DIGID, DIGID_LEVELS, EHERKENNING_LEVELS


def login_page(means: str, mount: str, query: dict[str, str]) -> str:
    request = html.escape(urlencode(query))
    if means == DIGID:
        fields = _input("bsn", "Burgerservicenummer", "") + _levels(DIGID_LEVELS, "midden")
    else:
        fields = (_input("kvk", "KvK-nummer", "") + _input("vestiging", "Vestigingsnummer (optioneel)", "")
                  + _input("medewerker", "Naam medewerker", "") + _levels(EHERKENNING_LEVELS, "EH3"))
    body = (f'<form method="post" action="{mount}sso/"><input type="hidden" name="request" value="{request}">'
            f'{fields}<p><button type="submit" name="inloggen" value="1">Inloggen</button> '
            f'<button type="submit" name="annuleren" value="1">Annuleren</button></p></form>')
    return page(f"Lokale {'DigiD' if means == DIGID else 'eHerkenning'} (testomgeving)", body)


def post_page(mount: str, acs: str, encoded: str, relay: str) -> str:
    body = (f'<form method="post" action="{html.escape(acs)}" id="samlpost">'
            f'<input type="hidden" name="SAMLResponse" value="{encoded}">'
            f'<input type="hidden" name="RelayState" value="{html.escape(relay)}">'
            '<p>U wordt teruggestuurd naar de gemeente.</p><button type="submit">Doorgaan</button></form>'
            f'<script src="{mount}autopost.js"></script>')
    return page("Doorgaan", body)


AUTOPOST_JS = 'document.getElementById("samlpost").submit();\n'


def _input(name: str, label: str, value: str) -> str:
    return (f'<p><label for="{name}">{label}</label><br>'
            f'<input id="{name}" name="{name}" value="{html.escape(value)}" autocomplete="off"></p>')


def _levels(levels, checked: str) -> str:
    options = "".join(f'<label><input type="radio" name="level" value="{lv}"{" checked" if lv == checked else ""}> '
                      f'{lv}</label> ' for lv in levels)
    return f"<fieldset><legend>Betrouwbaarheidsniveau</legend>{options}</fieldset>"


def page(title: str, body: str) -> str:
    return (f'<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>{html.escape(title)}</title></head>'
            f'<body><main><h1>{html.escape(title)}</h1>{body}</main></body></html>')


def reply(start_response, status: str, content_type: str, body: str):
    data = body.encode()
    start_response(status, [("Content-Type", f"{content_type}; charset=utf-8"), ("Content-Length", str(len(data)))])
    return [data]


def redirect(start_response, location: str):
    start_response("302 Found", [("Location", location), ("Content-Length", "0")])
    return [b""]

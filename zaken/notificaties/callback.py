"""Which callback URLs we POST to: https, and never to our own network (SSRF).

A subscriber chooses the URL, and we send it messages from inside the platform's network. So the host
must resolve only to public addresses: loopback, private, link-local (cloud metadata), reserved and
multicast addresses are refused, unless ZGW_NOTIFICATIES_CALLBACK["PRIVATE_ADDRESSES"] allows them (tests
and the demo, whose subscribers run on the same machine). Checked when an abonnement is saved over the
API and again before every delivery (a name may resolve elsewhere later).
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _


class CallbackRefused(ValueError):
    pass


def _public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def check_callback_url(url: str) -> None:
    """Raise CallbackRefused (a Dutch message that says what to do) for a URL we must not POST to."""
    rules = settings.ZGW_NOTIFICATIES_CALLBACK
    parts = urlsplit(url)
    schemes = ("https",) if rules["HTTPS_ONLY"] else ("https", "http")
    if parts.scheme not in schemes or not parts.hostname:
        raise CallbackRefused(_("Geef een volledige https-URL op, bv. https://zac.example.nl/api/notificaties."))
    if parts.username or parts.password:
        raise CallbackRefused(_("Zet geen gebruikersnaam of wachtwoord in de URL; gebruik het veld auth."))
    if rules["PRIVATE_ADDRESSES"]:
        return
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(parts.hostname, parts.port or 443,
                                                               type=socket.SOCK_STREAM)}
    except (socket.gaierror, UnicodeError, ValueError):
        raise CallbackRefused(_("De host van de callback-URL is niet te vinden: controleer de URL.")) from None
    if not addresses or not all(_public(a) for a in addresses):
        raise CallbackRefused(_("De callback-URL moet naar een openbaar internetadres wijzen, niet naar een "
                                "intern of lokaal adres."))

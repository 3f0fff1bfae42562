"""Reads the portal needs beyond the case core: may this login use this product?"""

from dataclasses import dataclass

from django.core.cache import cache

from zaken.identity import DIGID, EHERKENNING, LEVEL_LABELS, AuthContext
from zaken.integrations.errors import NotFound, Unavailable
from zaken.integrations.registry import get_adapter

# The Handelsregister's SBI codes change rarely; one look-up per company per ten minutes is enough.
SBI_CACHE_SECONDS = 600


@dataclass(frozen=True)
class ProductAccess:
    allowed: bool
    needs_login: bool = False
    reason: str = ""  # "means" (wrong login means) or "level" (level too low)
    required: dict | None = None  # means -> required level label


def product_access(*, gp, definition, auth: AuthContext | None) -> ProductAccess:
    required = {}
    digid = gp.min_level_digid or definition.min_level_digid
    eherkenning = gp.min_level_eherkenning or definition.min_level_eherkenning
    if digid:
        required[DIGID] = digid
    if eherkenning:
        required[EHERKENNING] = eherkenning
    labels = {means: str(LEVEL_LABELS[level]) for means, level in required.items()}
    if auth is None:
        return ProductAccess(allowed=False, needs_login=True, required=labels)
    if auth.means not in required:
        return ProductAccess(allowed=False, reason="means", required=labels)
    if not auth.satisfies(required[auth.means]):
        return ProductAccess(allowed=False, reason="level", required=labels)
    return ProductAccess(allowed=True, required=labels)


@dataclass(frozen=True)
class CompanyAccess:
    allowed: bool
    reason: str = ""  # "branche" (not a permitted company) or "kvk_onbereikbaar" (cannot check now)


def company_sbi_codes(kvk_nummer: str, gemeente=None) -> list[str]:
    """The SBI codes of a company's activities in the Handelsregister (KvK Basisprofiel), cached briefly."""
    key = f"kvk-sbi:{kvk_nummer}"
    codes = cache.get(key)
    if codes is None:
        profiel = get_adapter("kvk", gemeente).basisprofiel(kvk_nummer)
        codes = [str(a.get("sbiCode", "")) for a in profiel.get("sbiActiviteiten") or [] if a.get("sbiCode")]
        cache.set(key, codes, SBI_CACHE_SECONDS)
    return codes


def company_access(*, gp, definition, auth: AuthContext) -> CompanyAccess:
    """May this company use the product: a permitted KvK-nummer, or an SBI activity with a permitted prefix.

    The process names its default SBI prefixes; the municipality may replace them and add KvK-nummers.
    Without either, every company may. Refuses when the Handelsregister cannot be asked (fail closed).
    """
    if not auth.is_eherkenning:
        return CompanyAccess(allowed=True)
    prefixes = gp.sbi_prefixes(definition.company_sbi_prefixes)
    kvk_nummers = gp.kvk_nummers
    if not prefixes and not kvk_nummers:
        return CompanyAccess(allowed=True)
    if auth.kvk_nummer in kvk_nummers:
        return CompanyAccess(allowed=True)
    if not prefixes:
        return CompanyAccess(allowed=False, reason="branche")
    try:
        codes = company_sbi_codes(auth.kvk_nummer, gp.gemeente_id)
    except NotFound:
        codes = []
    except Unavailable:
        return CompanyAccess(allowed=False, reason="kvk_onbereikbaar")
    if any(code.startswith(prefix) for code in codes for prefix in prefixes):
        return CompanyAccess(allowed=True)
    return CompanyAccess(allowed=False, reason="branche")

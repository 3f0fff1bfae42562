"""Reads the portal needs beyond the case core: may this login use this product?"""

from dataclasses import dataclass

from zaken.identity import DIGID, EHERKENNING, LEVEL_LABELS, AuthContext


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

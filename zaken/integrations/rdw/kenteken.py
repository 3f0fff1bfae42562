"""Dutch registration numbers (kentekens): the sidecodes the RDW issues, with or without dashes."""

from __future__ import annotations

import re

# Sidecodes 1-14 as letter (L) / digit (D) patterns, with the positions of their dashes.
SIDECODES = {
    "LLDDDD": (2, 4), "DDDDLL": (2, 4), "DDLLDD": (2, 4), "LLDDLL": (2, 4), "LLLLDD": (2, 4), "DDLLLL": (2, 4),
    "DDLLLD": (2, 5), "DLLLDD": (1, 4), "LLDDDL": (2, 5), "LDDDLL": (1, 4), "LLLDDL": (3, 5), "LDDLLL": (1, 3),
    "DLLDDD": (1, 3), "DDDLLD": (3, 5),
}


def _pattern(value: str) -> str:
    return "".join("D" if c.isdigit() else "L" for c in value)


def kenteken_normaliseren(value: str) -> str | None:
    """"ab-123-c" → "AB123C"; None when it is no Dutch kenteken of a known sidecode."""
    compact = re.sub(r"[\s-]", "", value or "").upper()
    if not re.fullmatch(r"[A-Z0-9]{6}", compact) or _pattern(compact) not in SIDECODES:
        return None
    return compact


def kenteken_weergave(compact: str) -> str:
    """"AB123C" → "AB-123-C", as the kentekenplaat shows it."""
    dashes = SIDECODES.get(_pattern(compact))
    if not dashes:
        return compact
    a, b = dashes
    return f"{compact[:a]}-{compact[a:b]}-{compact[b:]}"


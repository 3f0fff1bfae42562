"""The ontvangstbevestiging (Awb art. 4:3a): confirms that an application arrived, not that it is complete."""

from __future__ import annotations

import re
from datetime import date, datetime

from django.conf import settings
from django.utils import formats, timezone, translation
from django.utils.translation import gettext

from ..models import Document, Rol, Status, Zaak
from ..registry import Submission, processes
from ..termijn_engine import termijn_config
from ..validators import is_valid_bsn
from .letters import store_once
from .render import LETTER_TIMEZONE, pdf_render

KENMERK = "ontvangstbevestiging"
LANG = "nl"  # letters follow the language of the administration, not of the browser
TEMPLATE = "zaken/pdf/ontvangstbevestiging.html"
MAX_DEPTH = 4  # nested form data deeper than this is printed flat

BSN_KEY_RE = re.compile(r"bsn|burgerservicenummer", re.IGNORECASE)
ISO_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
ISO_DATETIME_RE = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")
NINE_DIGITS_RE = re.compile(r"(?<!\d)\d{9}(?!\d)")


def receipt_create(*, zaak: Zaak) -> Document:
    """Render and store the receipt once; later calls return the stored document without rendering."""
    with translation.override(LANG):
        titel = receipt_title(zaak)
    return store_once(zaak=zaak, kenmerk=KENMERK, render=lambda: receipt_pdf(zaak=zaak), titel=titel,
                      soort=Document.Soort.ONTVANGSTBEVESTIGING,
                      bestandsnaam=f"ontvangstbevestiging-{zaak.identificatie}.pdf")


def receipt_title(zaak: Zaak) -> str:
    return gettext("Ontvangstbevestiging %(identificatie)s") % {"identificatie": zaak.identificatie}


def receipt_pdf(*, zaak: Zaak) -> bytes:
    """The receipt as PDF bytes, without storing it (used by the benchmark too)."""
    # The context formats values itself (Ja/Nee, dates in form data): same language and zone as the letter.
    with translation.override(LANG), timezone.override(LETTER_TIMEZONE):
        context, title = receipt_context(zaak=zaak), receipt_title(zaak)
    return pdf_render(template=TEMPLATE, context=context, gemeente=zaak.gemeente, title=title, lang=LANG)


def receipt_context(*, zaak: Zaak) -> dict:
    initiator = zaak.rollen.filter(roltype=Rol.RolType.INITIATOR).first()
    status = zaak.huidige_status or Status.objects.filter(zaak=zaak).order_by("-datum_status_gezet", "-pk").first()
    tracker = tracker_url(zaak)
    return {
        **submission_words(zaak),
        "zaak": zaak,
        "product": zaak.zaaktype.omschrijving,
        "aanvrager": _applicant(initiator, zaak),
        "registratie": zaak.registratiedatum,
        "datum": timezone.localdate(),
        "einddatum_gepland": zaak.einddatum_gepland,
        "uiterlijke_einddatum": zaak.uiterlijke_einddatum_afdoening,
        # "wettelijke termijn" only for a statutory decision term; otherwise the date is a streefdatum.
        "termijn_wettelijk": termijn_config(zaak).wettelijk,
        "volgende_stap": status.statustype.volgende_stap if status else "",
        "tracker_url": tracker,
        "tracker_url_is_absolute": tracker.startswith("https://"),
        "gegevens": gegevens_items(zaak.gegevens, known_bsns={zaak.initiator_bsn,
                                                              initiator.inp_bsn if initiator else ""}),
    }


def submission_words(zaak: Zaak) -> dict:
    """What the process says was filed (ProcessDefinition.submission): an aanvraag unless it says otherwise."""
    slug = zaak.zaaktype.process_slug
    submission = processes.get(slug).submission if slug in processes else Submission()
    return {"stuk": gettext(submission.noun), "indiener": gettext(submission.person),
            "ontvangst_artikel": gettext(submission.article)}


def tracker_url(zaak: Zaak) -> str:
    """Where the applicant follows the case. A plain path unless SAMENLOKET_PUBLIC_URL is set.

    Built as a string on purpose: the core does not import or reverse portal routes.
    """
    path = f"/{zaak.gemeente.slug}/mijn-zaken/{zaak.identificatie}/"
    base = getattr(settings, "SAMENLOKET_PUBLIC_URL", "") or ""
    return base.rstrip("/") + path if base.startswith("https://") else path


def mask_bsn(bsn: str) -> str:
    """Only the last three digits, as on BRP extracts: ******782."""
    bsn = (bsn or "").strip()
    return "*" * (len(bsn) - 3) + bsn[-3:] if len(bsn) > 3 else ""


def _applicant(rol: Rol | None, zaak: Zaak) -> dict:
    # acting_subject is left out: for eHerkenning it is often an opaque pseudonym, not a name.
    if rol is None:
        return {"naam": "", "persoon": bool(zaak.initiator_bsn), "bsn": mask_bsn(zaak.initiator_bsn),
                "kvk": zaak.initiator_kvk}
    return {"naam": rol.naam, "persoon": rol.betrokkene_type == Rol.BetrokkeneType.NATUURLIJK_PERSOON,
            "bsn": mask_bsn(rol.inp_bsn), "kvk": rol.nnp_kvk_nummer}


def gegevens_items(data, *, known_bsns=frozenset(), depth: int = 0) -> list[dict]:
    """Submitted form data as [{label, value | children}], readable and without full BSNs.

    Keys starting with "_" are internal (prefill provenance, hashes) and are skipped.
    """
    if not isinstance(data, dict):
        return []
    items = []
    for key, value in data.items():
        key = str(key)
        if key.startswith("_"):
            continue
        label, sensitive = _label(key), bool(BSN_KEY_RE.search(key))
        if isinstance(value, dict) and depth < MAX_DEPTH:
            items.append({"label": label,
                          "children": gegevens_items(value, known_bsns=known_bsns, depth=depth + 1)})
        elif isinstance(value, list) and depth < MAX_DEPTH and any(isinstance(v, dict) for v in value):
            children = [{"label": f"{i}.", "children": gegevens_items(v, known_bsns=known_bsns, depth=depth + 1)}
                        if isinstance(v, dict) else {"label": f"{i}.", "value": _value(v, known_bsns, sensitive)}
                        for i, v in enumerate(value, start=1)]
            items.append({"label": label, "children": children})
        else:
            items.append({"label": label, "value": _value(value, known_bsns, sensitive)})
    return items


ACRONYMS = {"bsn": "BSN", "kvk": "KvK", "rsin": "RSIN", "iban": "IBAN", "brp": "BRP", "bag": "BAG", "url": "URL"}


def _label(key: str) -> str:
    # Machine keys (nieuw_adres) become words; keys that are labels already stay as they are.
    if " " in key:
        return key
    words = [ACRONYMS.get(w.lower(), w) for w in re.split(r"[_-]+", key) if w]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def _value(value, known_bsns, sensitive: bool = False) -> str:
    """One value as text; ``sensitive`` (a key naming a BSN) masks it whatever its shape."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return gettext("Ja") if value else gettext("Nee")
    if sensitive and isinstance(value, (str, int)):
        return mask_bsn(str(value))
    if isinstance(value, (int, float)):
        return formats.number_format(value)
    if isinstance(value, list):
        return ", ".join(filter(None, (_value(v, known_bsns, sensitive) for v in value)))
    if isinstance(value, dict):
        return ", ".join(f"{_label(str(k))}: {_value(v, known_bsns, sensitive or bool(BSN_KEY_RE.search(str(k))))}"
                         for k, v in value.items() if not str(k).startswith("_"))
    text = str(value).strip()
    if ISO_DATETIME_RE.fullmatch(text[:16]) and len(text) <= 32:
        try:
            moment = datetime.fromisoformat(text)
            moment = timezone.localtime(moment) if timezone.is_aware(moment) else moment
            return gettext("%(datum)s om %(tijd)s") % {"datum": formats.date_format(moment, "j F Y"),
                                                      "tijd": formats.time_format(moment, "H:i")}
        except ValueError:
            pass
    if ISO_DATE_RE.fullmatch(text):
        try:
            return formats.date_format(date.fromisoformat(text), "j F Y")
        except ValueError:
            pass
    # A BSN typed anywhere (a partner's, or in a remark) is masked too: the applicant's own
    # number, or any nine digits that pass the elfproef.
    return NINE_DIGITS_RE.sub(
        lambda m: mask_bsn(m[0]) if m[0] in known_bsns or is_valid_bsn(m[0]) else m[0], text)

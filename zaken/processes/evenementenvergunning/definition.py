"""Evenementenvergunning (APV art. 2:24–2:25, domain.md §4b): the burgemeester's permit for an event.

An organisation (eHerkenning, KvK data read-only) or a person (DigiD, BRP) files the event in steps.
A small event that meets the melding criteria becomes a melding: no leges, an acknowledgement, and it
is accepted after a few working days unless a civil servant prohibits it. Otherwise the rule table
gives a risk class (A/B/C); the application waits for its leges (by size class), then the class's
advisers are asked, and a civil servant grants (with conditions) or refuses: a besluit with bezwaar.
Decision term 8 weeks, verdaging up to 8 more (Awb 4:14); no lex silencio.
"""

from django.utils.translation import gettext_noop as _

from zaken.registry import ProcessDefinition, PublicStatus

SLUG = "evenementenvergunning"

DEFAULT_TERMS = {
    "beslistermijn": 8,  # APV art. 1:2 (typical), Awb 4:13
    "beslistermijn_eenheid": "weken",
    "beslistermijn_wettelijk": True,
    "lex_silencio_positivo": False,
    "verdaging_max_weken": 8,  # Awb 4:14 / APV 1:2: at most this much verdaging
    "indientermijn_weken": 8,  # filing lead time before the first day
    "indientermijn_weken_klasse_c": 12,  # Almere 12, Delft 16 for large events
    "melding_indientermijn_weken": 2,
    "melding_verbod_werkdagen": 5,  # the burgemeester may prohibit a melding within this many working days
    "adviestermijn_werkdagen": 15,
    "melding": {"max_bezoekers": 100, "geluid_tot_uur": 22, "max_bouwwerk_m2": 10,
                "locatie_soorten": ["prive", "plein"]},
    # Risk class: the highest class of the rules whose figure reaches "vanaf" (rules.risicoklasse).
    "risicotabel": [
        {"kenmerk": "bezoekers", "vanaf": 1000, "klasse": "B"},
        {"kenmerk": "bezoekers", "vanaf": 10000, "klasse": "C"},
        {"kenmerk": "alcohol", "vanaf": 1, "klasse": "B"},
        {"kenmerk": "geluid_db", "vanaf": 90, "klasse": "B"},
        {"kenmerk": "geluid_eindtijd", "vanaf": 24, "klasse": "B"},  # amplified sound past midnight
        {"kenmerk": "bouwwerk_m2", "vanaf": 50, "klasse": "B"},
        {"kenmerk": "open_vuur", "vanaf": 1, "klasse": "B"},
        {"kenmerk": "attracties", "vanaf": 1, "klasse": "B"},
        {"kenmerk": "overnachten", "vanaf": 1, "klasse": "B"},
        {"kenmerk": "wegafsluiting", "vanaf": 1, "klasse": "B"},
        {"kenmerk": "vuurwerk", "vanaf": 1, "klasse": "C"},
    ],
    "adviseurs_per_klasse": {"A": [], "B": ["politie", "brandweer"], "C": ["politie", "brandweer", "ggd", "verkeer"]},
    # Leges by size class (Delft 2024): the first class whose tot_bezoekers (inclusive) holds; null: no limit.
    # The tables keep this shape when a municipality overrides them (zaken.admin_forms checks it).
    "leges_klassen": [
        {"klasse": "klein", "tot_bezoekers": 500, "bedrag_cent": 19370},
        {"klasse": "middel", "tot_bezoekers": 5000, "bedrag_cent": 50210},
        {"klasse": "groot", "tot_bezoekers": None, "bedrag_cent": 79960},
    ],
    "grondslag": "artikel 2:25 van de Algemene Plaatselijke Verordening",
    "melding_grondslag": "artikel 2:25, tweede lid, van de Algemene Plaatselijke Verordening",
}

# The burgemeester's besluiten (services: evenement_beoordelen, melding_beoordelen).
BESLUIT_VERLEEND = _("Evenementenvergunning verleend")
BESLUIT_GEWEIGERD = _("Evenementenvergunning geweigerd")
BESLUIT_VERBOD = _("Verbod evenement")

DEFINITION = ProcessDefinition(
    slug=SLUG,
    zaaktype_identificatie="EVENEMENTENVERGUNNING",
    zaaktype_omschrijving=_("Evenementenvergunning"),
    min_level_digid="midden",
    min_level_eherkenning="EH2+",
    doorlooptijd_dagen=56,
    default_terms=DEFAULT_TERMS,
    bestuursorgaan=_("de burgemeester van %(gemeente)s"),
    start_view="zaken.processes.evenementenvergunning.eform.start",
    flow="zaken.processes.evenementenvergunning.flows.EvenementenvergunningFlow",
    dossier_data="zaken.processes.evenementenvergunning.selectors.dossier_data",
    tracker_panel="zaken.processes.evenementenvergunning.selectors.tracker_panel",
    # The grant, the refusal and a prohibition record their besluit (besluit_nemen); an accepted melding only
    # closes the term (no besluit: nothing to object to).
    besluit_statussen={"verleend": "", "geweigerd": "", "melding_verboden": "", "melding_geaccepteerd": ""},
    besluittypen=(BESLUIT_VERLEEND, BESLUIT_GEWEIGERD, BESLUIT_VERBOD),
    periodic="zaken.processes.evenementenvergunning.services.evenementen_bijwerken",
    on_advies_vastgelegd="zaken.processes.evenementenvergunning.services.advies_in_dossier_vastgelegd",
    demo_cases="zaken.processes.evenementenvergunning.demo.demo_cases",
    public_statuses=(
        PublicStatus("ontvangen", _("Ontvangen, wacht op betaling"),
                     _("Wij hebben uw aanvraag ontvangen. Zij wacht op de betaling van de leges."),
                     _("Betaal de leges. Daarna nemen wij uw aanvraag in behandeling.")),
        PublicStatus("in_behandeling", _("In behandeling"),
                     _("Wij beoordelen uw aanvraag en vragen zo nodig advies aan politie, brandweer, GGD of verkeer."),
                     _("U hoeft niets te doen. U krijgt bericht als er een besluit is.")),
        PublicStatus("verleend", _("Verleend"),
                     _("De burgemeester heeft de evenementenvergunning verleend. Het besluit met de voorschriften "
                       "staat bij uw documenten."), is_eindstatus=True),
        PublicStatus("geweigerd", _("Geweigerd"),
                     _("De burgemeester heeft de vergunning geweigerd. Het besluit zegt waarom en hoe u bezwaar kunt "
                       "maken."), is_eindstatus=True),
        PublicStatus("melding_ontvangen", _("Melding ontvangen"),
                     _("Wij hebben uw melding ontvangen. De burgemeester kan het evenement binnen enkele werkdagen "
                       "verbieden."), _("Hoort u niets, dan mag het evenement doorgaan.")),
        PublicStatus("melding_geaccepteerd", _("Melding geaccepteerd"),
                     _("Uw melding is geaccepteerd. Het evenement mag doorgaan."), is_eindstatus=True),
        PublicStatus("melding_verboden", _("Verboden"),
                     _("De burgemeester heeft het evenement verboden. Het besluit zegt waarom en hoe u bezwaar kunt "
                       "maken."), is_eindstatus=True),
    ),
)

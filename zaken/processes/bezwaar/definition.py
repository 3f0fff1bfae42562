"""Bezwaar (Awb hoofdstuk 6 en 7): an objection to a besluit, filed in the tracker, is a case of its own.

The applicant objects on the besluit in Mijn zaken while its term runs (6:7, 6:8, Atw art. 1); the
portal reaches this package only through zaken.bezwaren (bezwaar_handler). A civil servant decides
(task "Beslissen op bezwaar"): gegrond, ongegrond or niet-ontvankelijk, with a motivation, sent as a
besluit op bezwaar through the generic besluit PDF. Its term is that of 7:10: six weeks after the end
of the bezwaar term. No bezwaar against a beslissing op bezwaar (7:1): only beroep.
"""

from django.utils.translation import gettext_noop as _

from zaken.registry import ProcessDefinition, PublicStatus, Submission

SLUG = "bezwaar"

DEFAULT_TERMS = {
    # Awb 7:10 lid 1: six weeks, counted from the end of the bezwaar term (12 with an advisory committee).
    "beslistermijn": 6,
    "beslistermijn_eenheid": "weken",
    "beslistermijn_wettelijk": True,
    "beslistermijn_herinnering_dagen": 5,
    "lex_silencio_positivo": False,
    # The term for beroep against the beslissing op bezwaar (Awb 6:7), named in its letter.
    "bezwaartermijn_weken": 6,
}

# The beslissing op bezwaar per outcome (keyed by the Bezwaar state; services.bezwaar_beslissen).
BESLUITTYPEN = {
    "gegrond": _("Beslissing op bezwaar: gegrond"),
    "ongegrond": _("Beslissing op bezwaar: ongegrond"),
    "niet_ontvankelijk": _("Beslissing op bezwaar: niet-ontvankelijk"),
}

DEFINITION = ProcessDefinition(
    slug=SLUG,
    zaaktype_identificatie="BEZWAAR",
    zaaktype_omschrijving=_("Bezwaar"),
    doorlooptijd_dagen=84,
    default_terms=DEFAULT_TERMS,
    flow="zaken.processes.bezwaar.flows.BezwaarFlow",
    dossier_data="zaken.processes.bezwaar.selectors.dossier_data",
    tracker_panel="zaken.processes.bezwaar.selectors.tracker_panel",
    bezwaar_handler="zaken.processes.bezwaar.handler.HANDLER",
    # A bezwaarschrift that came by post, registered by a ZAC through the Zaken API.
    api_aanmaken="zaken.processes.bezwaar.api.aanmaken",
    besluittypen=tuple(BESLUITTYPEN.values()),
    bezwaar_mogelijk=False,
    submission=Submission(noun=_("bezwaarschrift"), person=_("indiener"),
                          article=_("artikel 6:14 van de Algemene wet bestuursrecht")),
    in_catalogus=False,
    elders_tekst=_("Bezwaar maken doet u in Mijn zaken: open de zaak met het besluit waar u het niet mee eens "
                   "bent en kies bij dat besluit 'Bezwaar maken'."),
    public_statuses=(
        PublicStatus("ontvangen", _("Ontvangen"),
                     _("Wij hebben uw bezwaarschrift ontvangen."),
                     _("Wij nemen uw bezwaar in behandeling. U hoeft niets te doen.")),
        PublicStatus("in_behandeling", _("In behandeling"),
                     _("Wij bekijken het besluit opnieuw, met de gronden van uw bezwaar."),
                     _("Misschien nodigen wij u uit om uw bezwaar toe te lichten. U krijgt onze beslissing op "
                       "uw bezwaar in Mijn zaken.")),
        PublicStatus("gegrond", _("Beslist: gegrond"),
                     _("Wij hebben beslist op uw bezwaar: u krijgt gelijk. De beslissing staat bij uw documenten."),
                     is_eindstatus=True),
        PublicStatus("ongegrond", _("Beslist: ongegrond"),
                     _("Wij hebben beslist op uw bezwaar: het besluit blijft zoals het was. De beslissing bij uw "
                       "documenten zegt waarom en hoe u in beroep kunt gaan."), is_eindstatus=True),
        PublicStatus("niet_ontvankelijk", _("Beslist: niet-ontvankelijk"),
                     _("Wij hebben uw bezwaar niet inhoudelijk behandeld. De beslissing bij uw documenten zegt "
                       "waarom en hoe u in beroep kunt gaan."), is_eindstatus=True),
    ),
)

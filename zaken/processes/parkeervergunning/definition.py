"""Parkeervergunning voor bewoners (Parkeerverordening, domain.md §4c).

A resident registered in the BRP at a dwelling (BAG: woonfunctie) inside a permit zone
(Vergunningzone) applies for one vehicle. The kenteken is read from the RDW: registered to the
applicant, or a lease/company car with an uploaded contract or keeper's declaration. Too long or
too high vehicles and a full address quota are refused on the form. A complete automatic case is
granted at once (besluit with letter); a lease car goes to a civil servant; a full zone puts the
application on a waiting list (itself a besluit, with its letter), which moves up when permits end. The demo
declares lex silencio positivo: an undecided case is granted van rechtswege (Awb 4:20b).
"""

from django.utils.translation import gettext_noop as _

from zaken.registry import ProcessDefinition, PublicStatus

SLUG = "parkeervergunning"

DEFAULT_TERMS = {
    "max_lengte_cm": 600,  # domain.md §4c: vehicle at most 6 m long
    "max_hoogte_cm": 240,  # and 2.4 m high
    "geldigheid_maanden": 12,  # a permit runs one year from its start date
    "ingangsdatum_max_dagen": 90,  # how far ahead a citizen may ask the permit to start
    # Awb 4:13: 8 weeks; the demo declares lex silencio positivo (4:20a needs a statutory provision:
    # a municipality whose Parkeerverordening has none switches it off on its product).
    "beslistermijn": 8,
    "beslistermijn_eenheid": "weken",
    "beslistermijn_wettelijk": True,
    "beslistermijn_herinnering_dagen": 5,
    "lex_silencio_positivo": True,
    "bezwaartermijn_weken": 6,
}

# The besluiten services._besluit records (the term engine adds its besluit van rechtswege).
BESLUIT_WACHTLIJST = _("Plaatsing op de wachtlijst")
BESLUIT_VERLEEND = _("Parkeervergunning verleend")
BESLUIT_GEWEIGERD = _("Parkeervergunning geweigerd")

DEFINITION = ProcessDefinition(
    slug=SLUG,
    zaaktype_identificatie="PARKEERVERGUNNING-BEWONER",
    zaaktype_omschrijving=_("Parkeervergunning voor bewoners"),
    min_level_digid="midden",
    doorlooptijd_dagen=56,
    default_terms=DEFAULT_TERMS,
    start_view="zaken.processes.parkeervergunning.eform.start",
    flow="zaken.processes.parkeervergunning.flows.ParkeervergunningFlow",
    dossier_data="zaken.processes.parkeervergunning.selectors.dossier_data",
    zaakobjecten="zaken.processes.parkeervergunning.selectors.zaakobjecten",
    tracker_panel="zaken.processes.parkeervergunning.selectors.tracker_panel",
    # No besluit_statussen: every decision (grant, refusal, the waiting list, van rechtswege) is a generic besluit
    # with its letter (services._besluit); the placement on the waiting list ends the decision term, so lex
    # silencio cannot grant a case the zone has no room for.
    besluittypen=(BESLUIT_WACHTLIJST, BESLUIT_VERLEEND, BESLUIT_GEWEIGERD),
    on_van_rechtswege="zaken.processes.parkeervergunning.services.van_rechtswege_verleend",
    periodic="zaken.processes.parkeervergunning.services.wachtlijsten_bijwerken",
    demo_cases="zaken.processes.parkeervergunning.demo.demo_cases",
    # Ending a permit is no task of the flow (which ended with the grant); the rest of the machine is.
    api_transities={"beeindigen": "zaken.processes.parkeervergunning.api.beeindigen"},
    public_statuses=(
        PublicStatus("ontvangen", _("Ontvangen"), _("Wij hebben uw aanvraag ontvangen.")),
        PublicStatus("in_behandeling", _("In behandeling"),
                     _("Een medewerker van de gemeente beoordeelt uw aanvraag."),
                     _("U hoeft niets te doen. U krijgt bericht als er een besluit is.")),
        PublicStatus("wachtlijst", _("Op de wachtlijst"),
                     _("De vergunningzone is vol. Uw aanvraag staat op de wachtlijst."),
                     _("Komt er een plaats vrij, dan krijgt u bericht. Uw plaats op de wachtlijst ziet u hieronder.")),
        PublicStatus("verleend", _("Verleend"),
                     _("Uw parkeervergunning is verleend. Het besluit staat bij uw documenten."), is_eindstatus=True),
        PublicStatus("van_rechtswege_verleend", _("Van rechtswege verleend"),
                     _("Wij hebben niet op tijd beslist. Uw parkeervergunning is daarom van rechtswege verleend. "
                       "Het besluit staat bij uw documenten."), is_eindstatus=True),
        PublicStatus("geweigerd", _("Geweigerd"),
                     _("Uw aanvraag is geweigerd. Het besluit bij uw documenten zegt waarom en hoe u bezwaar kunt "
                       "maken."), is_eindstatus=True),
        PublicStatus("beeindigd", _("Beëindigd"), _("Uw parkeervergunning is beëindigd."), is_eindstatus=True),
    ),
)

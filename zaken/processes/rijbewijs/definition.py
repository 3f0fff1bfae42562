"""Rijbewijs verlengen (Digitaal Aanvragen Rijbewijzen, domain.md §3).

The RDW owns the licence; the municipality takes the application, collects its leges, orders the
card from the RDW, and hands it out at its counter after an ID check. The citizen applies online
after an RDW-recognised photographer registered a photo and signature; the form shows the new
expiry dates (zaken.forms.rijbewijs.rules), the citizen picks a counter (Afhaallocatie) and pays.
Paid, the order goes to the RDW (retried while it is down); ready, the citizen has three months to
collect it, or the case lapses and the RDW hears that the card was not issued.
"""

from django.utils.translation import gettext_noop as _

from zaken.registry import ProcessDefinition, PublicStatus

SLUG = "rijbewijs"

# The age rules of the new expiry date (zaken.forms.rijbewijs.rules.DEFAULT) are national law
# (Reglement rijbewijzen), so they are not among the terms a municipality may change.
DEFAULT_TERMS = {
    # Working days the RDW takes to produce the card after the order (domain.md §3: typically 2).
    "productie_werkdagen": 2,
    # Months the card waits at the counter before the case lapses (domain.md §3: 3 months).
    "afhaaltermijn_maanden": 3,
    # Days an application may wait for its payment before it lapses unpaid (the citizen may apply again).
    "betaaltermijn_dagen": 7,
    # A licence expired longer ago than this is renewed at the counter, not online. domain.md allows
    # "(nearly) expired" without a limit; a municipality sets its own (0: no limit).
    "verlopen_max_jaren": 5,
    # The counter refuses a card whose old licence is not handed in, unless it was reported lost.
    "oud_rijbewijs_inleveren": True,
    # Target for the tracker (no Awb decision: the RDW issues the licence). Counted from the application.
    "beslistermijn": 2,
    "beslistermijn_eenheid": "werkdagen",
    "beslistermijn_wettelijk": False,
    "beslistermijn_herinnering_dagen": 1,
    "lex_silencio_positivo": False,
    "bezwaartermijn_weken": 6,  # against refusing the card at the counter (Awb 6:7)
}

DEFINITION = ProcessDefinition(
    slug=SLUG,
    zaaktype_identificatie="RIJBEWIJS-VERLENGEN",
    zaaktype_omschrijving=_("Rijbewijs verlengen"),
    min_level_digid="substantieel",
    doorlooptijd_dagen=14,
    default_leges="51.10",  # domain.md §3 (2024); each municipality sets its own
    default_terms=DEFAULT_TERMS,
    start_view="zaken.processes.rijbewijs.eform.start",
    flow="zaken.processes.rijbewijs.flows.RijbewijsFlow",
    dossier_data="zaken.processes.rijbewijs.selectors.dossier_data",
    tracker_panel="zaken.processes.rijbewijs.selectors.tracker_panel",
    # Refusing the card at the counter is a besluit (Awb 1:3): the tracker shows its bezwaar term.
    besluit_statussen={"afgewezen": _("Weigering uitreiking rijbewijs")},
    bestuursorgaan=_("de burgemeester van %(gemeente)s"),  # as the refusal letter names it
    periodic="zaken.processes.rijbewijs.automation.rijbewijzen_bewaken",
    demo_cases="zaken.processes.rijbewijs.demo.demo_cases",
    worklist="zaken.processes.rijbewijs.counter.balie",
    public_statuses=(
        PublicStatus("ontvangen", _("Ontvangen"),
                     _("Wij hebben uw aanvraag ontvangen. Zij wacht op uw betaling."),
                     _("Betaal de leges. Pas daarna bestellen wij uw nieuwe rijbewijs bij de RDW.")),
        PublicStatus("betaald", _("Betaald"),
                     _("Wij hebben uw betaling ontvangen."),
                     _("Wij bestellen uw nieuwe rijbewijs bij de RDW. U hoeft niets te doen.")),
        PublicStatus("in_productie", _("In productie bij RDW"),
                     _("De RDW maakt uw nieuwe rijbewijs."),
                     _("Is uw rijbewijs klaar, dan krijgt u een e-mail en een brief met de plaats waar u het "
                       "afhaalt.")),
        PublicStatus("klaar", _("Klaar om af te halen"),
                     _("Uw nieuwe rijbewijs ligt klaar bij de balie die u koos."),
                     _("Haal het zelf af, met een geldig identiteitsbewijs en uw oude rijbewijs. Doe dat binnen "
                       "de termijn in de afhaalbrief bij uw documenten; daarna vervalt het.")),
        PublicStatus("uitgereikt", _("Uitgereikt"),
                     _("U hebt uw nieuwe rijbewijs opgehaald."), is_eindstatus=True),
        PublicStatus("vervallen", _("Vervallen"),
                     _("Uw aanvraag is vervallen."),
                     _("Wilt u toch een nieuw rijbewijs? Vraag het opnieuw aan."), is_eindstatus=True),
        PublicStatus("naar_balie", _("Naar de balie"),
                     _("Uw rijbewijs kan niet online worden verlengd."),
                     _("Maak een afspraak bij de gemeente om uw rijbewijs aan de balie aan te vragen."),
                     is_eindstatus=True),
        PublicStatus("afgewezen", _("Afgewezen"),
                     _("Wij hebben uw nieuwe rijbewijs niet uitgereikt. De brief bij uw documenten zegt waarom "
                       "en hoe u bezwaar kunt maken."), is_eindstatus=True),
    ),
)

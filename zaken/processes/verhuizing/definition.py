"""Verhuismelding (aangifte adreswijziging, art. 2.39 Wet BRP).

The citizen reports a move to the municipality of the new address. Checks that pass send the case
straight to "Ingepland" until the move date, when a timer applies the change to the BRP for the
declarant and every co-mover; anything doubtful goes to a civil servant ("Beoordelen"), and an
unusual number of residents adds an "Adresonderzoek" first. Terms are per municipality
(GemeenteProduct.termijnen overrides DEFAULT_TERMS).
"""

from django.utils.translation import gettext_noop as _

from zaken.registry import ProcessDefinition, PublicStatus

SLUG = "verhuizing"

DEFAULT_TERMS = {
    # Art. 2.39 Wet BRP: report no earlier than 4 weeks before, no later than 5 days after the move.
    "aangifte_dagen_voor_verhuizing": 28,
    "aangifte_dagen_na_verhuizing": 5,
    # A move date further back is surely a typing error; the form refuses it (a late report is allowed).
    "verhuisdatum_max_dagen_terug": 365,
    # Residents already registered at the new address above which an adresonderzoek starts.
    "max_bewoners_zonder_onderzoek": 4,
    # Who may report whom with them (domain.md §1): "partner" (spouses, registered partners),
    # "minderjarig_kind" (a parent for a child younger than kind_max_leeftijd), "meerderjarig_kind"
    # and "ouder" (parents and adult children living together). A municipality may leave some out.
    "meeverhuizer_relaties": ["partner", "minderjarig_kind", "meerderjarig_kind", "ouder"],
    # A parent reports for a child younger than this: 16- and 17-year-olds too, unless they report themselves.
    "kind_max_leeftijd": 18,
    # From this age parents and children report for each other, and only from this age for someone else.
    "meerderjarig_leeftijd": 18,
    # From this age a person reports their own move.
    "aangever_min_leeftijd": 16,
    # Request for more information: answer within this many days; reminder this many days before.
    "aanvulling_termijn_dagen": 14,
    "herinnering_dagen_voor_termijn": 3,
    "aanvulling_termijn_max_dagen": 56,  # the latest term a civil servant may set by hand
    # Staff decision period (Utrecht: 5 minutes work; 5 working days is the promise to citizens).
    "afhandeltermijn_werkdagen": 5,
    "bezwaartermijn_weken": 6,
    # Term engine: a move report (Wet BRP 2.39) is no Awb application and has no statutory decision
    # term, so the engine shows a target ("streefdatum"), never before the move date. No lex silencio.
    "beslistermijn": 5,
    "beslistermijn_eenheid": "werkdagen",
    "beslistermijn_wettelijk": False,
    "beslistermijn_herinnering_dagen": 1,
    "lex_silencio_positivo": False,
}

DEFINITION = ProcessDefinition(
    slug=SLUG,
    zaaktype_identificatie="VERHUIZING",
    zaaktype_omschrijving=_("Verhuizing doorgeven"),
    min_level_digid="midden",
    doorlooptijd_dagen=28 + 7,
    default_terms=DEFAULT_TERMS,
    start_view="zaken.processes.verhuizing.eform.start",
    flow="zaken.processes.verhuizing.flows.VerhuizingFlow",
    dossier_data="zaken.processes.verhuizing.selectors.dossier_data",
    zaakobjecten="zaken.processes.verhuizing.selectors.zaakobjecten",
    on_verzoek_beantwoord="zaken.processes.verhuizing.services.verhuizing_aanvulling_ontvangen",
    on_verzoek_verlopen="zaken.processes.verhuizing.services.verhuizing_aanvulling_verlopen",
    periodic="zaken.processes.verhuizing.services.verhuizingen_hervatten",
    # The term engine's decisions: approval (automatic or by a civil servant) and the rejection, a
    # besluit with a bezwaar term (Awb 6:7) shown in the tracker.
    besluit_statussen={"ingepland": "", "afgewezen": _("Afwijzing verhuizing")},
    demo_cases="zaken.processes.verhuizing.demo.demo_cases",
    public_statuses=(
        PublicStatus("ontvangen", _("Ontvangen"),
                     _("Wij hebben uw verhuizing ontvangen."),
                     _("Wij controleren uw gegevens. Als alles klopt, plannen wij de verwerking in op uw "
                           "verhuisdatum.")),
        PublicStatus("in_behandeling", _("In behandeling"),
                     _("Een medewerker beoordeelt uw verhuizing."),
                     _("Wij beoordelen uw melding binnen 5 werkdagen. Hebben wij iets van u nodig, dan "
                           "ziet u dat hier en krijgt u een e-mail.")),
        PublicStatus("aanvulling_nodig", _("Aanvullende gegevens nodig"),
                     _("Wij hebben meer informatie van u nodig om uw verhuizing te verwerken."),
                     _("Beantwoord de vraag op deze pagina uiterlijk op de datum die erbij staat. Daarna "
                           "beoordelen wij uw verhuizing verder.")),
        PublicStatus("ingepland", _("Ingepland op verhuisdatum"),
                     _("Uw verhuizing is goedgekeurd. Wij verwerken uw nieuwe adres op uw verhuisdatum."),
                     _("Op de verhuisdatum verwerken wij uw nieuwe adres in de Basisregistratie Personen. "
                           "U krijgt daarna een bevestigingsbrief.")),
        PublicStatus("verwerking_vertraagd", _("Verwerking vertraagd"),
                     _("De Basisregistratie Personen was niet bereikbaar toen uw verhuizing verwerkt zou "
                           "worden. Uw melding gaat niet verloren."),
                     _("Wij proberen het automatisch opnieuw. U hoeft niets te doen.")),
        PublicStatus("verwerkt", _("Verwerkt"),
                     _("Uw nieuwe adres staat in de Basisregistratie Personen. De bevestigingsbrief staat "
                           "bij uw documenten."), is_eindstatus=True),
        PublicStatus("afgewezen", _("Afgewezen"),
                     _("Wij hebben uw verhuizing niet verwerkt. In de brief bij uw documenten leest u "
                           "waarom en hoe u bezwaar kunt maken."), is_eindstatus=True),
    ),
)

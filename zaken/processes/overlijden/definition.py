"""Aangifte overlijden (Boek 1 BW art. 19f-19h, Wet op de lijkbezorging), filed by an undertaker.

The undertaker logs in with eHerkenning (EH3 by default; a municipality may accept EH2+) and files
the death with the municipality where it occurred. The ambtenaar van de burgerlijke stand checks
the documents (asking the undertaker for what is missing), waits for the officier van justitie's
release after a non-natural death and for the burgemeester's decision when the funeral falls
outside 36 hours .. 6th working day, draws up the akte van overlijden, issues the verlof tot
begraven of cremeren (PDF), and the death is then registered in the BRP by a background task.
"""

from django.utils.translation import gettext_noop as _

from zaken.registry import ProcessDefinition, PublicStatus

SLUG = "aangifte-overlijden"

DEFAULT_TERMS = {
    # Art. 16 Wlb: not earlier than 36 hours and not later than the 6th working day after death.
    "uitvaart_vroegst_uren": 36,
    "uitvaart_uiterlijk_werkdagen": 6,
    # A request for missing documents must be answered fast: the funeral is days away.
    "aanvulling_termijn_dagen": 2,
    "aanvulling_termijn_max_dagen": 14,  # the latest term a civil servant may set by hand
    "max_uittreksels": 10,
    # Plausibility of typed dates: an older death or a later funeral is handled at the counter.
    "overlijden_max_dagen_terug": 365,
    "uitvaart_max_dagen_na_overlijden": 60,
    # BRP look-ups by BSN per acting subject (the employee behind the eHerkenning login) per hour.
    "brp_opzoekingen_per_uur": 20,
    # Term engine: a death registration (BW 1:19f) has no Awb decision term; the target follows the
    # latest funeral day (Wlb art. 16: 6th working day) and never lies before the funeral date.
    "beslistermijn": 6,
    "beslistermijn_eenheid": "werkdagen",
    "beslistermijn_wettelijk": False,
    "beslistermijn_herinnering_dagen": 1,
    "lex_silencio_positivo": False,
    "bezwaartermijn_weken": 6,
}

DEFINITION = ProcessDefinition(
    slug=SLUG,
    zaaktype_identificatie="OVERLIJDEN",
    zaaktype_omschrijving=_("Aangifte overlijden"),
    # A third party's BSN is processed: Substantieel (EH3) unless the municipality sets EH2+.
    min_level_eherkenning="EH3",
    # A BSN look-up of a third party: only undertakers (SBI 9603 uitvaartbranche, e.g. 96031).
    company_sbi_prefixes=("9603",),
    company_refused_text=_("Alleen uitvaartondernemingen (SBI 9603, uitvaartbranche) kunnen de aangifte van "
                           "overlijden online doen. Bent u geen uitvaartondernemer, bijvoorbeeld een nabestaande, "
                           "een arts of een zorginstelling? Doe de aangifte dan aan de balie van de gemeente. Neem "
                           "een verklaring van overlijden (A-formulier) en uw identiteitsbewijs mee."),
    doorlooptijd_dagen=10,
    default_terms=DEFAULT_TERMS,
    start_view="zaken.processes.overlijden.eform.start",
    flow="zaken.processes.overlijden.flows.OverlijdenFlow",
    dossier_data="zaken.processes.overlijden.selectors.dossier_data",
    on_verzoek_beantwoord="zaken.processes.overlijden.services.overlijden_aanvulling_ontvangen",
    on_verzoek_verlopen="zaken.processes.overlijden.services.overlijden_aanvulling_verlopen",
    periodic="zaken.processes.overlijden.services.overlijdens_brp_hervatten",
    # The term engine's decision: the verlof tot begraven of cremeren is issued.
    besluit_statussen={"verlof_verstrekt": ""},
    demo_cases="zaken.processes.overlijden.demo.demo_cases",
    worklist="zaken.processes.overlijden.worklist.werklijst",
    public_statuses=(
        PublicStatus("ontvangen", _("Ontvangen"),
                     _("Wij hebben de aangifte van overlijden ontvangen."),
                     _("De ambtenaar van de burgerlijke stand controleert de documenten.")),
        PublicStatus("aanvulling_nodig", _("Documenten onvolledig"),
                     _("Er ontbreken documenten of gegevens bij de aangifte."),
                     _("Beantwoord de vraag op deze pagina en voeg de documenten toe. Zonder complete "
                       "documenten kunnen wij geen verlof verstrekken.")),
        PublicStatus("documenten_gecontroleerd", _("Documenten gecontroleerd"),
                     _("De documenten zijn gecontroleerd en in orde."),
                     _("De ambtenaar van de burgerlijke stand maakt de akte van overlijden op.")),
        PublicStatus("wacht_op_ovj", _("Wacht op vrijgave OvJ"),
                     _("Bij een niet-natuurlijk overlijden is vrijgave door de officier van justitie nodig."),
                     _("Wij verstrekken het verlof zodra de vrijgave van de officier van justitie is "
                       "vastgelegd.")),
        PublicStatus("wacht_op_uitstel", _("Wacht op uitstelbesluit"),
                     _("De uitvaart valt buiten de wettelijke termijn. Daarvoor is een besluit van de "
                       "burgemeester nodig."),
                     _("Wij gaan verder zodra het besluit over uitstel of verkorting is vastgelegd.")),
        PublicStatus("akte_opgemaakt", _("Akte opgemaakt"),
                     _("De akte van overlijden is opgemaakt."),
                     _("Het verlof tot begraven of cremeren volgt.")),
        PublicStatus("verlof_verstrekt", _("Verlof verstrekt"),
                     _("Het verlof tot begraven of cremeren staat bij de documenten van deze zaak."),
                     _("Wij verwerken het overlijden in de Basisregistratie Personen. U hoeft niets te doen.")),
        PublicStatus("verwerkt_brp", _("Verwerkt in BRP"),
                     _("Het overlijden is verwerkt in de Basisregistratie Personen."), is_eindstatus=True),
    ),
)

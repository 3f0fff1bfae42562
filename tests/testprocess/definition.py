"""The registered ProcessDefinition of the test process."""

from zaken.registry import ProcessDefinition, PublicStatus

SLUG = "testaanvraag"

DEFINITION = ProcessDefinition(
    slug=SLUG,
    zaaktype_identificatie="TEST-AANVRAAG",
    zaaktype_omschrijving="Testaanvraag",
    public_statuses=(
        PublicStatus("ontvangen", "Ontvangen", "Wij hebben uw aanvraag ontvangen."),
        PublicStatus("in_behandeling", "In behandeling", "Een medewerker beoordeelt uw aanvraag."),
        PublicStatus("aanvulling_gevraagd", "Aanvulling gevraagd", "Wij hebben meer gegevens van u nodig."),
        PublicStatus("afgehandeld", "Afgehandeld", "Uw aanvraag is toegekend.", is_eindstatus=True),
        PublicStatus("afgewezen", "Afgewezen", "Uw aanvraag is afgewezen.", is_eindstatus=True),
    ),
    min_level_digid="midden",
    doorlooptijd_dagen=14,
    flow="tests.testprocess.flows.TestAanvraagFlow",
    dossier_data="tests.testprocess.selectors.dossier_data",
)

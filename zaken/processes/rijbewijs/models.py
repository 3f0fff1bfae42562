"""The renewal case, its counters and the record of each handover at the counter.

ontvangen ─ betalen → betaald ─ bestellen → in_productie ─ gereed → klaar ─ uitreiken → uitgereikt
    │                    └ naar_balie (the RDW refuses)               ├ weigeren → afgewezen
    └ niet_betaald → vervallen (unpaid)                                 └ laten_vervallen → vervallen
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, transition

from zaken.machine import CaseMachine
from zaken.models import Gemeente


class Afhaallocatie(models.Model):
    """A counter of the municipality where a new licence can be collected; configured in the admin."""

    gemeente = models.ForeignKey(Gemeente, on_delete=models.CASCADE, related_name="afhaallocaties")
    naam = models.CharField(_("naam"), max_length=100)
    adres = models.CharField(_("adres"), max_length=200)
    openingstijden = models.TextField(_("openingstijden"), help_text=_("Zoals de aanvrager ze leest, één regel per "
                                                                      "dag of dagdeel."))
    actief = models.BooleanField(_("actief"), default=True)
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        ordering = ["gemeente", "volgorde", "naam"]
        verbose_name = _("afhaallocatie")
        verbose_name_plural = _("afhaallocaties")
        constraints = [models.UniqueConstraint(fields=["gemeente", "naam"], name="uniq_afhaallocatie_naam")]

    def __str__(self):
        return self.naam


class Rijbewijs(CaseMachine):
    class State(models.TextChoices):
        ONTVANGEN = "ontvangen", _("ontvangen, wacht op betaling")
        BETAALD = "betaald", _("betaald")
        IN_PRODUCTIE = "in_productie", _("in productie bij de RDW")
        KLAAR = "klaar", _("klaar om af te halen")
        UITGEREIKT = "uitgereikt", _("uitgereikt")
        VERVALLEN = "vervallen", _("vervallen (niet afgehaald)")
        NIET_BETAALD = "niet_betaald", _("vervallen (niet betaald)")
        NAAR_BALIE = "naar_balie", _("naar de balie")
        AFGEWEZEN = "afgewezen", _("uitreiking geweigerd")

    OPEN_STATES = (State.ONTVANGEN, State.BETAALD, State.IN_PRODUCTIE, State.KLAAR)
    PUBLIC_STATUS = {**{state: state for state in State.values}, State.NIET_BETAALD: State.VERVALLEN}

    state = FSMField(_("status"), default=State.ONTVANGEN, choices=State.choices, protected=True)
    bsn = models.CharField(max_length=9, db_index=True)
    naam = models.TextField(_("naam"))  # a full name from the BRP: no fixed bound (see zaken.models.Rol.naam)
    rijbewijsnummer = models.CharField(_("huidig rijbewijsnummer"), max_length=20)
    # [{"categorie", "geldigTot" (current), "nieuwGeldigTot", "regel"}], as shown on the form.
    categorieen = models.JSONField(_("categorieën"))
    afhaallocatie = models.ForeignKey(Afhaallocatie, on_delete=models.PROTECT, related_name="rijbewijzen")
    email = models.EmailField(_("e-mailadres"))
    telefoon = models.CharField(_("telefoonnummer"), max_length=30, blank=True)
    leges_cent = models.PositiveIntegerField(_("leges (cent)"))
    betaald_op = models.DateTimeField(_("betaald op"), null=True, blank=True)
    rdw_order_id = models.CharField(_("ordernummer RDW"), max_length=40, blank=True)
    rdw_pogingen = models.PositiveSmallIntegerField(default=0)
    # When the sweep next looks at the case: the end of the payment term, an RDW retry or poll, the
    # day after the last pickup day. None: nothing is due.
    volgende_controle = models.DateTimeField(null=True, blank=True)
    verwacht_gereed = models.DateField(_("verwacht klaar"), null=True, blank=True)
    gereed_op = models.DateField(_("klaar om af te halen sinds"), null=True, blank=True)
    afhalen_uiterlijk = models.DateField(_("afhalen uiterlijk op"), null=True, blank=True)
    uitgereikt_op = models.DateTimeField(_("uitgereikt op"), null=True, blank=True)
    # The lapse is reported to the RDW once; while it is down the sweep tries again.
    rdw_niet_uitgereikt_gemeld = models.BooleanField(default=False)
    reden = models.TextField(_("reden (naar de balie, geweigerd)"), blank=True)

    class Meta:
        verbose_name = _("rijbewijsaanvraag")
        verbose_name_plural = _("rijbewijsaanvragen")
        permissions = [("uitreiken_rijbewijs", _("Kan een rijbewijs uitreiken aan de balie"))]
        indexes = [
            # The sweep (due cases), and the counter's list of cards waiting at one location.
            models.Index(fields=["state", "volgende_controle"], name="rijbewijs_state_controle"),
            models.Index(fields=["afhaallocatie", "state", "afhalen_uiterlijk"], name="rijbewijs_balie"),
        ]

    def __str__(self):
        return f"{self.zaak.identificatie}: rijbewijs"

    # Bodies stay empty: zaken.signals writes the Status row from `by` and `toelichting`.

    @transition(field=state, source=State.ONTVANGEN, target=State.BETAALD)
    def betalen(self, *, by, toelichting=""):
        pass

    @transition(field=state, source=State.ONTVANGEN, target=State.NIET_BETAALD)
    def niet_betaald(self, *, by, toelichting=""):
        pass

    @transition(field=state, source=State.BETAALD, target=State.IN_PRODUCTIE)
    def bestellen(self, *, by, toelichting=""):
        pass

    @transition(field=state, source=State.BETAALD, target=State.NAAR_BALIE)
    def naar_balie(self, *, by, toelichting=""):
        pass

    @transition(field=state, source=State.IN_PRODUCTIE, target=State.KLAAR)
    def gereed(self, *, by, toelichting=""):
        pass

    @transition(field=state, source=State.KLAAR, target=State.UITGEREIKT)
    def uitreiken(self, *, by, toelichting=""):
        pass

    @transition(field=state, source=State.KLAAR, target=State.AFGEWEZEN)
    def weigeren(self, *, by, toelichting=""):
        pass

    @transition(field=state, source=State.KLAAR, target=State.VERVALLEN)
    def laten_vervallen(self, *, by, toelichting=""):
        pass


class Uitreikpoging(models.Model):
    """Every handover at the counter, refused ones too: who checked which ID document where."""

    class Uitkomst(models.TextChoices):
        UITGEREIKT = "uitgereikt", _("uitgereikt")
        NIET_NU = "niet_nu", _("niet uitgereikt: kom terug met de juiste documenten")
        GEWEIGERD = "geweigerd", _("geweigerd: de persoon is niet de aanvrager")

    class Document(models.TextChoices):
        PASPOORT = "paspoort", _("paspoort")
        ID_KAART = "id_kaart", _("Nederlandse identiteitskaart")
        RIJBEWIJS = "rijbewijs", _("het oude rijbewijs")
        VERBLIJFSDOCUMENT = "verblijfsdocument", _("verblijfsdocument")

    rijbewijs = models.ForeignKey(Rijbewijs, on_delete=models.CASCADE, related_name="uitreikpogingen")
    locatie = models.ForeignKey(Afhaallocatie, on_delete=models.PROTECT, related_name="+")
    medewerker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    moment = models.DateTimeField(_("moment"), auto_now_add=True)
    documentsoort = models.CharField(_("soort identiteitsbewijs"), max_length=20, choices=Document.choices)
    # Only the last four characters: enough to find the document again, not to misuse it.
    documentnummer_eind = models.CharField(_("documentnummer (laatste 4)"), max_length=4)
    identiteit_vastgesteld = models.BooleanField(_("identiteit vastgesteld"))
    oud_rijbewijs_ingenomen = models.BooleanField(_("oud rijbewijs ingenomen"))
    uitkomst = models.CharField(_("uitkomst"), max_length=20, choices=Uitkomst.choices)
    reden = models.TextField(_("reden"), blank=True)

    class Meta:
        ordering = ["-moment"]
        verbose_name = _("uitreikpoging")
        verbose_name_plural = _("uitreikpogingen")

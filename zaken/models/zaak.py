"""The case (zaak) and what hangs off it, named after the ZGW Zaken API."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .catalogus import StatusType, ZaakType
from .gemeente import Gemeente


class Vertrouwelijkheid(models.TextChoices):
    OPENBAAR = "openbaar", _("openbaar")
    INTERN = "intern", _("intern")
    VERTROUWELIJK = "vertrouwelijk", _("vertrouwelijk")
    GEHEIM = "geheim", _("geheim")


class ZaakNummerReeks(models.Model):
    """The running number of case identifications, per municipality per year."""

    gemeente = models.ForeignKey(Gemeente, on_delete=models.CASCADE, related_name="+")
    jaar = models.PositiveSmallIntegerField()
    reeks = models.CharField(max_length=20, default="ZAAK")
    laatste = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["gemeente", "jaar", "reeks"], name="uniq_nummerreeks")]


# A case whose decision term still runs: not closed, not decided, with an end date (the dashboard's cases).
TERMIJN_LOPEND = models.Q(einddatum__isnull=True, termijn_afgedaan_op__isnull=True,
                          uiterlijke_einddatum_afdoening__isnull=False)


class Zaak(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    identificatie = models.CharField(_("identificatie"), max_length=40)
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="zaken")
    bronorganisatie = models.CharField(_("bronorganisatie (RSIN)"), max_length=9)
    zaaktype = models.ForeignKey(ZaakType, on_delete=models.PROTECT, related_name="zaken")
    omschrijving = models.CharField(_("omschrijving"), max_length=200, blank=True)
    registratiedatum = models.DateTimeField(_("registratiedatum"))
    startdatum = models.DateField(_("startdatum"))
    einddatum_gepland = models.DateField(_("verwachte einddatum"), null=True, blank=True)
    uiterlijke_einddatum_afdoening = models.DateField(_("uiterlijke einddatum afdoening"), null=True, blank=True)
    einddatum = models.DateField(_("einddatum"), null=True, blank=True)
    opschorting_indicatie = models.BooleanField(_("opgeschort"), default=False)
    opschorting_reden = models.CharField(_("reden opschorting"), max_length=200, blank=True)
    verlenging_duur_dagen = models.PositiveIntegerField(_("verlenging (dagen)"), null=True, blank=True)
    verlenging_reden = models.CharField(_("reden verlenging"), max_length=200, blank=True)
    # The day of the first decision: the decision term is met. Kept by zaken.termijn_engine only.
    termijn_afgedaan_op = models.DateField(_("beslistermijn afgedaan op"), null=True, blank=True)
    vertrouwelijkheidaanduiding = models.CharField(max_length=20, choices=Vertrouwelijkheid.choices,
                                                   default=Vertrouwelijkheid.VERTROUWELIJK)
    # Denormalised pointer to the newest Status row, kept by zaken.services.status_record only.
    huidige_status = models.ForeignKey("Status", on_delete=models.SET_NULL, null=True, blank=True,
                                       related_name="+")
    # Submitted form data (what the applicant typed and what was prefilled), for the dossier.
    gegevens = models.JSONField(_("gegevens"), default=dict, blank=True)
    # Owner keys of the initiator, for scoping: who may see this case in the tracker.
    initiator_bsn = models.CharField(max_length=9, blank=True, db_index=True)
    initiator_kvk = models.CharField(max_length=8, blank=True, db_index=True)
    initiator_vestiging = models.CharField(max_length=12, blank=True)
    # Outbox mark: the receipt is due and not stored yet (set with the case, cleared by the worker that stores
    # it); the sweep sends the old ones again, so a broker that was down loses no receipt.
    ontvangstbevestiging_gevraagd_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("zaak")
        verbose_name_plural = _("zaken")
        ordering = ["-registratiedatum"]
        constraints = [models.UniqueConstraint(fields=["gemeente", "identificatie"], name="uniq_zaak_identificatie")]
        indexes = [
            # The back-office case list: newest first per municipality, ties by pk (keyset pages).
            models.Index(fields=["gemeente", "-registratiedatum", "-id"], name="zaak_lijst"),
            # The Zaken API's list of one zaaktype (a filter, or a client authorised for one zaaktype).
            models.Index(fields=["gemeente", "zaaktype", "-registratiedatum", "-id"], name="zaak_api_zaaktype"),
            # Mijn zaken: one page of a citizen's or company's cases in one municipality, newest first,
            # read from the index without sorting all their cases.
            models.Index(fields=["initiator_bsn", "gemeente", "-registratiedatum", "-id"], name="zaak_tracker_bsn"),
            models.Index(fields=["initiator_kvk", "gemeente", "-registratiedatum", "-id"], name="zaak_tracker_kvk"),
            # The deadline dashboard: cases whose decision term still runs, per municipality by end date,
            # the running ones apart from the suspended ones; the zaaktype (a team's processes) is
            # checked inside the index. A boolean as a condition, not a column: SQLite cannot seek `NOT col`.
            models.Index(fields=["gemeente", "uiterlijke_einddatum_afdoening", "zaaktype"], name="zaak_termijn_lopend",
                         condition=TERMIJN_LOPEND & models.Q(opschorting_indicatie=False)),
            models.Index(fields=["gemeente", "uiterlijke_einddatum_afdoening", "zaaktype"],
                         name="zaak_termijn_opgeschort", condition=TERMIJN_LOPEND & models.Q(opschorting_indicatie=True)),
            # The sweep's receipts that are due: a handful of rows among a million.
            models.Index(fields=["ontvangstbevestiging_gevraagd_op"], name="zaak_ontvangst_open",
                         condition=models.Q(ontvangstbevestiging_gevraagd_op__isnull=False)),
        ]

    def __str__(self):
        return self.identificatie


class Status(models.Model):
    """One step in a case's history. Written only by zaken.services.status_record."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="statussen")
    statustype = models.ForeignKey(StatusType, on_delete=models.PROTECT, related_name="+")
    datum_status_gezet = models.DateTimeField(_("datum status gezet"))
    statustoelichting = models.TextField(_("toelichting"), blank=True)
    from_state = models.CharField(max_length=50, blank=True)
    to_state = models.CharField(max_length=50, blank=True)
    transition = models.CharField(max_length=80, blank=True)
    gezet_door = models.TextField(_("gezet door"))  # an applicant's full name: no fixed bound (see Rol.naam)
    gezet_door_medewerker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                              null=True, blank=True, related_name="+")

    class Meta:
        verbose_name = _("status")
        verbose_name_plural = _("statussen")
        ordering = ["datum_status_gezet", "pk"]


class Rol(models.Model):
    class RolType(models.TextChoices):
        INITIATOR = "initiator", _("initiator")
        BELANGHEBBENDE = "belanghebbende", _("belanghebbende")
        MELDER = "melder", _("melder / declarant")
        BEHANDELAAR = "behandelaar", _("behandelaar")

    class BetrokkeneType(models.TextChoices):
        NATUURLIJK_PERSOON = "natuurlijk_persoon", _("natuurlijk persoon")
        NIET_NATUURLIJK_PERSOON = "niet_natuurlijk_persoon", _("niet-natuurlijk persoon")
        VESTIGING = "vestiging", _("vestiging")
        MEDEWERKER = "medewerker", _("medewerker")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="rollen")
    roltype = models.CharField(max_length=20, choices=RolType.choices)
    betrokkene_type = models.CharField(max_length=30, choices=BetrokkeneType.choices)
    roltoelichting = models.CharField(max_length=200, blank=True)
    # A full name from the BRP has no fixed bound: voornamen (200), adellijke titel or predicaat, voorvoegsel
    # (10), geslachtsnaam (200), and with naamgebruik the partner's voorvoegsel and geslachtsnaam too; the
    # RvIG test set has names of 206-233 characters. (ZGW bounds the parts, not the whole: text, not a cut.)
    naam = models.TextField(blank=True)
    inp_bsn = models.CharField(max_length=9, blank=True)
    nnp_kvk_nummer = models.CharField(max_length=8, blank=True)
    nnp_rsin = models.CharField(max_length=9, blank=True)
    vestigingsnummer = models.CharField(max_length=12, blank=True)
    acting_subject = models.CharField(max_length=200, blank=True)
    email = models.EmailField(blank=True)
    telefoon = models.CharField(max_length=30, blank=True)
    medewerker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+")

    class Meta:
        verbose_name = _("rol")
        verbose_name_plural = _("rollen")
        # The rol filters of the Zaken API (GET /rollen, and rol__ on GET /zaken): a person's or company's
        # rollen with their cases, from the index alone. Partial: most rollen have only one of the three.
        indexes = [
            models.Index(fields=["inp_bsn", "zaak"], name="rol_bsn", condition=~models.Q(inp_bsn="")),
            models.Index(fields=["nnp_kvk_nummer", "zaak"], name="rol_kvk", condition=~models.Q(nnp_kvk_nummer="")),
            models.Index(fields=["vestigingsnummer", "zaak"], name="rol_vestiging",
                         condition=~models.Q(vestigingsnummer="")),
        ]


class Document(models.Model):
    """An informatieobject. Files live in private storage and are served only after a check."""

    class Soort(models.TextChoices):
        ONTVANGSTBEVESTIGING = "ontvangstbevestiging", _("ontvangstbevestiging")
        BRIEF = "brief", _("brief")
        BESLUIT = "besluit", _("besluit")
        BIJLAGE = "bijlage", _("bijlage van de aanvrager")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="documenten")
    soort = models.CharField(max_length=30, choices=Soort.choices)
    # Idempotency key: a task that renders the same letter twice finds the first one.
    kenmerk = models.CharField(max_length=80, blank=True)
    titel = models.CharField(_("titel"), max_length=200)
    bestand = models.FileField(upload_to="documenten/%Y/%m/")
    bestandsnaam = models.CharField(max_length=200)
    formaat = models.CharField(max_length=100)
    bestandsomvang = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    creatiedatum = models.DateTimeField()
    zichtbaar_voor_aanvrager = models.BooleanField(default=True)
    # An attachment sent with the answer to a request for more information.
    verzoek = models.ForeignKey("zaken.Verzoek", on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="bijlagen")
    vertrouwelijkheidaanduiding = models.CharField(max_length=20, choices=Vertrouwelijkheid.choices,
                                                   default=Vertrouwelijkheid.VERTROUWELIJK)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documenten")
        ordering = ["creatiedatum", "pk"]
        constraints = [models.UniqueConstraint(fields=["zaak", "kenmerk"], condition=~models.Q(kenmerk=""),
                                               name="uniq_document_kenmerk")]


class Besluit(models.Model):
    """A decision (ZGW Besluiten API): `toelichting` is its motivation (Awb 3:46), `grondslag` its basis (3:47)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="besluiten")
    # Per municipality and year, like the case numbers: BESLUIT-2026-0000042 (blank on besluiten from before it).
    identificatie = models.CharField(_("identificatie"), max_length=40, blank=True)
    besluittype = models.CharField(max_length=100)
    datum = models.DateField()
    toelichting = models.TextField(_("motivering"), blank=True)
    grondslag = models.TextField(_("wettelijke grondslag"), blank=True)
    # Who decided, as the rechtsmiddelenclausule names it; blank: the college of the municipality.
    bestuursorgaan = models.CharField(_("bestuursorgaan"), max_length=200, blank=True)
    ingangsdatum = models.DateField()
    vervaldatum = models.DateField(null=True, blank=True)
    verzenddatum = models.DateField(null=True, blank=True)
    document = models.ForeignKey(Document, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        verbose_name = _("besluit")
        verbose_name_plural = _("besluiten")


class Resultaat(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    zaak = models.OneToOneField(Zaak, on_delete=models.CASCADE, related_name="resultaat")
    omschrijving = models.CharField(max_length=100)
    toelichting = models.TextField(blank=True)

    class Meta:
        verbose_name = _("resultaat")
        verbose_name_plural = _("resultaten")

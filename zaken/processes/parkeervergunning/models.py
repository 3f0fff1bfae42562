"""The permit zones of a municipality, and the permit application with its legal lifecycle.

ontvangen ─ verlenen → verleend ─ beeindigen → beeindigd
    ├ naar_behandeling → in_behandeling ─ verlenen → verleend / weigeren → geweigerd
    ├ op_wachtlijst → wachtlijst ─ verlenen → verleend / naar_behandeling → in_behandeling (a place freed)
    └ van_rechtswege_verlenen (from ontvangen or in_behandeling) → van_rechtswege_verleend ─ beeindigen → beeindigd
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, transition

from zaken.machine import CaseMachine
from zaken.models import Gemeente

POSTCODE_RANGE_RE = re.compile(r"^([1-9][0-9]{3})\s?([A-Z]{2})\s*-\s*([1-9][0-9]{3})\s?([A-Z]{2})$")


def postcodebereiken_lezen(text: str) -> list[tuple[str, str]]:
    """"3011AA-3011ZZ, 3012 AA - 3012 BZ" (comma or line separated) → [("3011AA", "3011ZZ"), ...].

    Raises ValidationError with a Dutch message naming the first range it cannot read."""
    bereiken = []
    for part in re.split(r"[,;\n]+", (text or "").upper()):
        part = part.strip()
        if not part:
            continue
        match = POSTCODE_RANGE_RE.match(part)
        if not match:
            raise ValidationError(_("‘%(deel)s’ is geen postcodebereik. Schrijf het als 3011AA-3011ZZ, gescheiden door "
                                    "komma's of op aparte regels.") % {"deel": part[:30]}, code="postcodebereik")
        van, tot = match.group(1) + match.group(2), match.group(3) + match.group(4)
        if van > tot:
            raise ValidationError(_("In ‘%(deel)s’ ligt de eerste postcode na de tweede. Zet de laagste postcode "
                                    "vooraan.") % {"deel": part[:30]}, code="postcodebereik_volgorde")
        bereiken.append((van, tot))
    return bereiken


class Vergunningzone(models.Model):
    """A permit zone, configured per municipality by its functional administrator."""

    gemeente = models.ForeignKey(Gemeente, on_delete=models.CASCADE, related_name="vergunningzones")
    naam = models.CharField(_("naam"), max_length=100)
    postcodebereiken = models.TextField(
        _("postcodebereiken"), blank=True,
        help_text=_("Bijvoorbeeld 3011AA-3011ZZ. Meer bereiken gescheiden door komma's of op aparte regels."))
    bag_ids = models.TextField(
        _("BAG-adresseerbare objecten"), blank=True,
        help_text=_("Adresseerbaarobjectidentificaties (16 cijfers) die ook in de zone liggen, één per regel."))
    quotum_per_adres = models.PositiveSmallIntegerField(
        _("vergunningen per adres"), default=1, help_text=_("Hoeveel geldige vergunningen één adres mag hebben."))
    capaciteit = models.PositiveIntegerField(
        _("capaciteit"), null=True, blank=True,
        help_text=_("Hoeveel vergunningen de zone ten hoogste heeft; daarna komt een aanvraag op de wachtlijst. "
                    "Leeg: geen wachtlijst."))
    rechtsgrond = models.CharField(
        _("rechtsgrond"), max_length=300, default=_("artikel 2 van de Parkeerverordening"),
        help_text=_("De wettelijke grondslag die het besluit noemt (artikel 3:47 Awb)."))
    actief = models.BooleanField(_("actief"), default=True)

    class Meta:
        ordering = ["gemeente", "naam"]
        verbose_name = _("vergunningzone")
        verbose_name_plural = _("vergunningzones")
        constraints = [models.UniqueConstraint(fields=["gemeente", "naam"], name="uniq_vergunningzone_naam")]

    def __str__(self):
        return self.naam

    @property
    def bereiken(self) -> list[tuple[str, str]]:
        try:
            return postcodebereiken_lezen(self.postcodebereiken)
        except ValidationError:
            return []  # the admin form refuses such text; a row saved around it matches nothing

    @property
    def bag_id_set(self) -> set[str]:
        return {line.strip() for line in re.split(r"[,;\s]+", self.bag_ids or "") if line.strip()}

    def omvat(self, *, postcode: str, aoid: str) -> bool:
        postcode = (postcode or "").replace(" ", "").upper()
        return (bool(aoid) and aoid in self.bag_id_set) or any(van <= postcode <= tot for van, tot in self.bereiken)


class Parkeervergunning(CaseMachine):
    class State(models.TextChoices):
        ONTVANGEN = "ontvangen", _("ontvangen")
        IN_BEHANDELING = "in_behandeling", _("in behandeling")
        WACHTLIJST = "wachtlijst", _("op de wachtlijst")
        VERLEEND = "verleend", _("verleend")
        VAN_RECHTSWEGE_VERLEEND = "van_rechtswege_verleend", _("van rechtswege verleend")
        GEWEIGERD = "geweigerd", _("geweigerd")
        BEEINDIGD = "beeindigd", _("beëindigd")

    OPEN_STATES = (State.ONTVANGEN, State.IN_BEHANDELING, State.WACHTLIJST)
    GELDIG_STATES = (State.VERLEEND, State.VAN_RECHTSWEGE_VERLEEND)
    PUBLIC_STATUS = {state: state for state in State.values}

    state = FSMField(_("status"), default=State.ONTVANGEN, choices=State.choices, protected=True)
    zone = models.ForeignKey(Vergunningzone, on_delete=models.PROTECT, related_name="vergunningen")
    bsn = models.CharField(max_length=9, db_index=True)
    naam = models.TextField(_("naam"))  # a full name from the BRP: no fixed bound (see zaken.models.Rol.naam)
    # The address as the BRP and the BAG gave it; the quota counts per adresseerbaar object.
    adres = models.TextField(_("adres"))
    postcode = models.CharField(_("postcode"), max_length=6)
    adresseerbaar_object = models.CharField(_("adresseerbaar object (BAG)"), max_length=16, db_index=True)
    kenteken = models.CharField(_("kenteken"), max_length=6)
    voertuig = models.CharField(_("voertuig"), max_length=100)
    # Held by someone else (a lease or company car): the contract or keeper's declaration is a case document.
    eigen_voertuig = models.BooleanField(_("op naam van de aanvrager"))
    gewenste_ingangsdatum = models.DateField(_("gewenste ingangsdatum"))
    email = models.EmailField(_("e-mailadres"))
    telefoon = models.CharField(_("telefoonnummer"), max_length=30, blank=True)
    vergunningnummer = models.CharField(_("vergunningnummer"), max_length=30, blank=True)
    ingangsdatum = models.DateField(_("geldig vanaf"), null=True, blank=True)
    vervaldatum = models.DateField(_("geldig tot en met"), null=True, blank=True)
    wachtlijst_sinds = models.DateTimeField(_("op de wachtlijst sinds"), null=True, blank=True)
    motivering = models.TextField(_("motivering"), blank=True)

    class Meta:
        verbose_name = _("parkeervergunning")
        verbose_name_plural = _("parkeervergunningen")
        permissions = [("beoordelen_parkeervergunning", _("Kan een aanvraag voor een parkeervergunning beoordelen"))]
        indexes = [
            # The waiting list of a zone, in order; and the valid permits of a zone or an address.
            models.Index(fields=["zone", "state", "wachtlijst_sinds"], name="parkeer_wachtlijst"),
            models.Index(fields=["adresseerbaar_object", "state", "vervaldatum"], name="parkeer_adres"),
            models.Index(fields=["state"], name="parkeer_state"),  # zones with a waiting list, sweeps
        ]

    def __str__(self):
        return f"{self.zaak.identificatie}: parkeervergunning"

    # Bodies stay empty: zaken.signals writes the Status row from `by` and `toelichting`.

    @transition(field=state, source=[State.ONTVANGEN, State.IN_BEHANDELING, State.WACHTLIJST], target=State.VERLEEND)
    def verlenen(self, *, by, toelichting=""):
        pass

    @transition(field=state, source=[State.ONTVANGEN, State.WACHTLIJST], target=State.IN_BEHANDELING)
    def naar_behandeling(self, *, by, toelichting=""):
        pass

    @transition(field=state, source=State.ONTVANGEN, target=State.WACHTLIJST)
    def op_wachtlijst(self, *, by, toelichting=""):
        pass

    @transition(field=state, source=State.IN_BEHANDELING, target=State.GEWEIGERD)
    def weigeren(self, *, by, toelichting=""):
        pass

    @transition(field=state, source=[State.ONTVANGEN, State.IN_BEHANDELING], target=State.VAN_RECHTSWEGE_VERLEEND)
    def van_rechtswege_verlenen(self, *, by, toelichting=""):
        pass

    @transition(field=state, source=[State.VERLEEND, State.VAN_RECHTSWEGE_VERLEEND], target=State.BEEINDIGD)
    def beeindigen(self, *, by, toelichting=""):
        pass

"""factory_boy factories for the case core; a trait per status where it matters."""

from datetime import timedelta

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from zaken.actors import Actor
from zaken.models import Gemeente, Product, Rol, StatusType, Zaak, ZaakType
from zaken.services import status_record


class GemeenteFactory(DjangoModelFactory):
    class Meta:
        model = Gemeente
        django_get_or_create = ("slug",)

    naam = factory.Sequence(lambda n: f"Testgemeente {n}")
    slug = factory.Sequence(lambda n: f"testgemeente-{n}")
    gemeentecode = factory.Sequence(lambda n: f"{9000 + n:04d}")
    rsin = "002220647"


class ZaakTypeFactory(DjangoModelFactory):
    class Meta:
        model = ZaakType
        django_get_or_create = ("process_slug",)
        skip_postgeneration_save = True

    identificatie = "TEST-VERHUIZING"
    omschrijving = "Verhuizing doorgeven"
    process_slug = "test-verhuizing"  # its own zaaktype, apart from the real process
    product = factory.LazyFunction(lambda: Product.objects.get_or_create(
        slug="verhuizing", defaults={"upl_naam": "verhuismelding"})[0])

    @factory.post_generation
    def statustypen(obj, create, extracted, **kwargs):
        for nr, (code, omschrijving, eind) in enumerate(
                [("ontvangen", "Ontvangen", False), ("in_behandeling", "In behandeling", False),
                 ("afgehandeld", "Afgehandeld", True)], start=1):
            StatusType.objects.get_or_create(
                zaaktype=obj, code=code,
                defaults={"volgnummer": nr, "omschrijving": omschrijving, "is_eindstatus": eind,
                          "statustekst": f"Statustekst {omschrijving}", "volgende_stap": f"Volgende stap na {omschrijving}"})


class ZaakFactory(DjangoModelFactory):
    """A case owned by `initiator_bsn` (or a company) with the given public status history."""

    class Meta:
        model = Zaak
        skip_postgeneration_save = True

    gemeente = factory.SubFactory(GemeenteFactory)
    zaaktype = factory.SubFactory(ZaakTypeFactory)
    identificatie = factory.Sequence(lambda n: f"TEST-2026-{n + 1:07d}")  # apart from real numbering
    bronorganisatie = factory.LazyAttribute(lambda o: o.gemeente.rsin)
    registratiedatum = factory.LazyFunction(timezone.now)
    startdatum = factory.LazyFunction(timezone.localdate)
    einddatum_gepland = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=5))
    initiator_bsn = "999993653"

    @factory.post_generation
    def statussen(obj, create, extracted, **kwargs):
        for code in extracted or ["ontvangen"]:
            status_record(zaak=obj, code=code, actor=Actor.system("test"), to_state=code, transition="test")
        Rol.objects.create(zaak=obj, roltype=Rol.RolType.INITIATOR,
                           betrokkene_type=Rol.BetrokkeneType.NATUURLIJK_PERSOON, inp_bsn=obj.initiator_bsn,
                           nnp_kvk_nummer=obj.initiator_kvk, naam="Test Persoon")

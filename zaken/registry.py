"""Registries: one generic shape for process definitions and for integration adapters.

Process packages register a ProcessDefinition from their AppConfig.ready(); the portal and the
back office read the registry, so adding a process touches no core file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Generic, Iterator, TypeVar

T = TypeVar("T")


class Registry(Generic[T]):
    def __init__(self, kind: str):
        self.kind = kind
        self._items: dict[str, T] = {}

    def register(self, key: str, item: T) -> T:
        if key in self._items:
            raise ValueError(f"duplicate {self.kind} {key!r}")
        self._items[key] = item
        return item

    def __call__(self, key: str) -> Callable[[type], type]:
        """Class decorator: register an instance of the decorated class under `key`."""

        def deco(cls):
            self.register(key, cls(key))
            return cls

        return deco

    def get(self, key: str) -> T:
        try:
            return self._items[key]
        except KeyError:
            raise LookupError(f"no {self.kind} registered as {key!r}") from None

    def __contains__(self, key: str) -> bool:
        return key in self._items

    def __iter__(self) -> Iterator[T]:
        return iter(self._items.values())

    def keys(self):
        return self._items.keys()

    def unregister(self, key: str) -> None:
        """For tests that register a throw-away item."""
        self._items.pop(key, None)


@dataclass(frozen=True)
class PublicStatus:
    code: str
    omschrijving: str
    statustekst: str
    volgende_stap: str = ""
    is_eindstatus: bool = False


@dataclass(frozen=True)
class Submission:
    """What the applicant files, in the receipt's words (Dutch, gettext_noop)."""

    noun: str = "aanvraag"  # "uw aanvraag", "uw bezwaarschrift", "uw melding"
    person: str = "aanvrager"  # who filed it: "Aanvrager", "Beste aanvrager,"
    # Why its receipt is confirmed: Awb 4:3a for an application, 6:14 for a bezwaarschrift.
    article: str = "artikel 4:3a van de Algemene wet bestuursrecht"


@dataclass(frozen=True)
class ProcessDefinition:
    """What the portal and back office need to know of a process; the rest stays in its package."""

    slug: str  # product route slug, e.g. "verhuizing"
    zaaktype_identificatie: str
    zaaktype_omschrijving: str
    public_statuses: tuple[PublicStatus, ...]
    # Default minimum levels; a municipality overrides them on GemeenteProduct.
    min_level_digid: str = ""
    min_level_eherkenning: str = ""
    doorlooptijd_dagen: int = 56
    # Leges (EUR, a decimal string) a municipality starts with; GemeenteProduct.leges is what counts.
    default_leges: str = "0"
    # Only companies whose SBI activity starts with one of these may use the product (eHerkenning);
    # a municipality overrides them or adds KvK-nummers on GemeenteProduct. Empty: every company.
    company_sbi_prefixes: tuple[str, ...] = ()
    # Dutch text (gettext_noop) for a company that is refused: who may use this and what to do instead.
    company_refused_text: str = ""
    # Defaults for the terms a municipality may override (GemeenteProduct.termijnen). The term
    # engine's keys (zaken.termijnen_awb.ENGINE_TERMS: beslistermijn, its unit, statutory or target,
    # reminder, lex silencio, bezwaar term) default to Awb 4:13 (8 weeks, statutory) when left out.
    default_terms: dict[str, Any] = field(default_factory=dict)
    # Dotted path of the view that serves /<gemeente>/aanvragen/<slug>/ (resolved lazily, so the
    # core never imports a process or a view).
    start_view: str = ""
    # Dotted path of a callable(zaak) -> dict with the process's own data for the dossier.
    dossier_data: str = ""
    # Dotted path of the process's viewflow Flow class; the back office lists its tasks.
    flow: str = ""
    # Dotted path of a callable(*, zaak, verzoek, actor) run when the applicant answers a Verzoek.
    on_verzoek_beantwoord: str = ""
    # Dotted path of a callable(*, zaak, verzoek) run when a Verzoek's term passed unanswered.
    on_verzoek_verlopen: str = ""
    # Public status codes that mean "decided" for the term engine, each with the besluittype of the
    # Besluit to record (sent the same day: the letter goes out through Mijn zaken), or "" to record
    # only the decision event. E.g. {"afgewezen": gettext_noop("Afwijzing"), "ingepland": ""}.
    besluit_statussen: dict[str, str] = field(default_factory=dict)
    # Every other besluittype name (gettext_noop) the process's own services record (besluit_nemen). The Catalogi
    # API lists these with besluit_statussen's; the term engine adds its besluit van rechtswege where the terms
    # allow lex silencio. A besluit whose name is in neither has a besluittype URL that is a 404.
    besluittypen: tuple[str, ...] = ()
    # Dotted path of a callable(*, zaak, besluit) run when the term engine wrote a besluit van rechtswege
    # (Awb 4:20b; only for products whose terms set lex_silencio_positivo): publish it, notify, move on.
    on_van_rechtswege: str = ""
    # Dotted path of a callable(*, zaak, verzoek, user) run when a civil servant recorded an Adviesverzoek's
    # advice in the dossier (a process that keeps a task per advice closes it).
    on_advies_vastgelegd: str = ""
    # Dotted path of a callable() the periodic sweep runs (resume waiting work, deadlines).
    periodic: str = ""
    # Dotted path of a callable(stdout=) that files demo cases through the process's own services.
    demo_cases: str = ""
    # Dotted path of a callable(request, zaak) -> dict | None: the process's own block in the tracker,
    # {"template": ..., **context} (a payment still due, where to collect a document).
    tracker_panel: str = ""
    worklist: str = ""  # dotted path of a back-office view, mounted at /behandelen/werklijst/<slug>/
    # Dotted path of a callable(zaken: list[Zaak]) -> {zaak_id: [object, ...]}: the objects a case is about
    # (the Zaken API's zaakobjecten), for a whole page in one query; `.soorten` on the callable maps the
    # kinds it gives (one of each per case) to their ZGW objectType. An object: {"soort", "objectType", "objectTypeOverige",
    # "relatieomschrijving", "objectIdentificatie"}.
    zaakobjecten: str = ""
    # Who decides this product's besluiten, as the bezwaar clause and form name it (gettext_noop, with
    # %(gemeente)s), e.g. "de burgemeester van %(gemeente)s"; blank: the college of burgemeester en wethouders.
    bestuursorgaan: str = ""
    # Whether the applicant may object in the tracker to this process's besluiten (False for a beslissing op
    # bezwaar: Awb 7:1 leaves only beroep) and whether the product is listed in the catalogue.
    bezwaar_mogelijk: bool = True
    in_catalogus: bool = True
    # For a product without a start_view: Dutch text (gettext_noop) saying where the applicant files it instead.
    elders_tekst: str = ""
    # Dotted path of the object that files a bezwaar on any besluit as a case of its own (one process declares
    # it; see zaken.bezwaren for the methods it has). The portal reaches it only through zaken.bezwaren.
    bezwaar_handler: str = ""
    # How the receipt names what was filed and who filed it; the default is an application (aanvraag).
    submission: Submission = Submission()
    # The Zaken API (zaken.api.zaken). Transitions an API client may fire with POST /statussen, each with the
    # dotted path of a callable(*, case, by, toelichting) that fires it through the process's own service ("":
    # fire it and save). Only transitions no viewflow task waits on: a task step is fired by its task.
    api_transities: dict[str, str] = field(default_factory=dict)
    # Dotted path of a callable(*, gemeente, actor, omschrijving, toelichting, andere_zaken) -> Zaak that files a
    # case another system registers (a ZAC: a letter at the counter) without e-form data, raising Django's
    # ValidationError({field: message}) for what it misses; "": the Zaken API refuses to create the zaaktype.
    api_aanmaken: str = ""

    def alle_besluittypen(self) -> tuple[str, ...]:
        """The besluittype names this process records itself, once each, in declaration order."""
        return tuple(dict.fromkeys([n for n in self.besluit_statussen.values() if n] + list(self.besluittypen)))


processes: Registry[ProcessDefinition] = Registry("process")

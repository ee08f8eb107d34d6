"""The root of the input: what the kansli writes in content/<år>.yaml."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Field, ValidationError, model_validator

from reportgen.schema.avsnitt import Avsnittspost
from reportgen.schema.base import Korttext, Modell, Namnlista, Text, År
from reportgen.schema.budget import Budget
from reportgen.schema.ekonomi import Ekonomi
from reportgen.schema.indikatorer import Indikatorer
from reportgen.schema.mal import Målnivå, Målområde, Statusdefinition, referensfel
from reportgen.schema.organisation import Förbund, Revisor, Styrelseplats, Underskrifter
from reportgen.schema.r17 import r17_fel
from reportgen.schema.tema import Tema
from reportgen.schema.verksamhet import Balanskrav, Förord, Insats, Mål
from reportgen.wording import FASTA_TEXTER


class Rapportperiod(Modell):
    """The months a delårsrapport covers, e.g. 1 januari – 31 augusti."""

    från: dt.date
    till: dt.date


class Rapportinfo(Modell):
    typ: Literal["årsredovisning", "delårsrapport"] = "årsredovisning"
    räkenskapsår: År
    period: Rapportperiod | None = Field(
        default=None, description="Delårsrapportens period (från, till) inom räkenskapsåret")
    beslutsdatum: dt.date | None = Field(
        default=None, description="Datum då styrelsen beslutade (godkände) rapporten"
    )
    föregående: str | None = Field(
        default=None, min_length=1,
        description="Förra årets YAML-fil (relativt denna), som reportgen nytt-år skrev rapporten "
        "från: reportgen check varnar för varje text som är oförändrad sedan dess; ta bort "
        "raden när alla texter är genomgångna")

    @model_validator(mode="after")
    def _period(self) -> Rapportinfo:
        if self.typ == "delårsrapport" and self.period is None:
            raise ValueError("en delårsrapport behöver sin period (period: från:, till:)")
        if self.typ == "årsredovisning" and self.period is not None:
            raise ValueError("period gäller bara en delårsrapport (typ: delårsrapport)")
        p = self.period
        if p is not None:
            if p.från > p.till:
                raise ValueError(f"perioden börjar ({p.från}) efter att den slutar ({p.till})")
            if p.från.year != self.räkenskapsår or p.till.year != self.räkenskapsår:
                raise ValueError(f"perioden {p.från} – {p.till} ligger inte inom "
                                 f"räkenskapsåret {self.räkenskapsår}")
        return self


class Förvaltningsberättelse(Modell):
    """Narrative of the förvaltningsberättelse, section by section (Markdown). Every text
    is optional: a section with neither text nor a table is not printed."""

    inledning: Text | None = None
    organisation: Text | None = None
    uppdrag: Text | None = None
    lagrum: Text | None = None
    finansiering: Text | None = None
    verksamhetsidé: Text | None = None
    översikt: Text | None = Field(default=None, description="Text under 1.1, efter tabellen")
    viktiga_förhållanden: Text | None = None
    väsentliga_händelser: Text | None = None
    styrning: Text | None = None
    revision: Text | None = Field(default=None, description="Text före revisorstabellen")
    god_hushållning: Text | None = None
    personal: Text | None = None
    förväntad_utveckling: Text | None = None


Textnyckel = Annotated[str, Namnlista("den fasta texten", FASTA_TEXTER)]


UTAN_RÄKENSKAPER: dict[str, Any] = {"resultaträkning": {}, "balansräkning": {}}


def _ekonomi_för_årsredovisningen(schema: dict[str, Any]) -> None:
    """JSON Schema: `ekonomi` is required of an årsredovisning, not of a delårsrapport."""
    schema["required"] = [k for k in schema.get("required", []) if k != "ekonomi"]
    schema["if"] = {"properties": {"rapport": {"properties": {"typ": {
        "const": "delårsrapport"}}, "required": ["typ"]}}}
    schema["else"] = {"required": ["ekonomi"]}


class Indata(Modell):
    model_config = ConfigDict(**Modell.model_config,
                              json_schema_extra=_ekonomi_för_årsredovisningen)
    förbund: Förbund
    rapport: Rapportinfo
    styrelse: list[Styrelseplats] = Field(min_length=1)
    revisorer: list[Revisor] = Field(default_factory=list)
    # Defaults built without a validator of their own (Modell's defer_build).
    underskrifter: Underskrifter = Underskrifter.model_construct()
    förvaltningsberättelse: Förvaltningsberättelse = Förvaltningsberättelse.model_construct()
    # The report's sections in order (reportgen/schema/avsnitt.py); left out: the standard ones.
    avsnitt: list[Avsnittspost] | None = Field(
        default=None,
        description="Rapportens avsnitt i ordning; utelämnad: standardavsnitten i standardordning",
    )
    # Fixed sentences replaced by key (reportgen/wording.py).
    texter: dict[Textnyckel, Korttext] = Field(
        default_factory=dict,
        description="Fasta texter med egen lydelse, per nyckel (se README, Fasta texter)",
        json_schema_extra={"properties": {
            key: {"type": "string", "description": t.beskrivning, "default": t.standard}
            for key, t in FASTA_TEXTER.items()
        }},
    )
    # The förbund's colours, typeface and logo placement (reportgen/schema/tema.py).
    tema: Tema = Field(default_factory=Tema.model_construct, description="Förbundets färger, typsnitt och "
                       "logotypens placering")
    ekonomi: Ekonomi
    # Budget och utfall per projekt (schema/budget.py) and NNS indicators (schema/indikatorer.py).
    budget: Budget | None = None
    indikatorer: Indikatorer | None = None
    # Verksamhet (reportgen/schema/verksamhet.py): all optional.
    ordförande_har_ordet: Förord | None = None
    eget_kapital_tak_procent: int = Field(
        default=20, ge=0, le=1000,
        description="Rekommenderat tak för eget kapital i procent av medlemsbidragen",
    )
    ekonomiska_mål: list[Mål] = Field(default_factory=list)
    balanskrav: Balanskrav | None = None
    mål_inledning: Text | None = None
    mål: list[Mål] = Field(default_factory=list)
    insatser_inledning: Text | None = None
    insatser: list[Insats] = Field(default_factory=list)
    måluppfyllelse_sammanfattning: Text | None = None
    # Goals as the förbund writes them (reportgen/schema/mal.py): its status scale, levels
    # and målområden.
    statusskala: list[Statusdefinition] = Field(
        default_factory=list, description="Statusarna som mål och mått bedöms med, bäst först, "
        "med text, färg och symbol (utelämnad: uppfyllt, delvis uppfyllt, ej uppfyllt)")
    målnivåer: dict[str, Målnivå] = Field(
        default_factory=dict, description="Egna målnivåer, eller ändrade standardnivåer, per namn")
    målområden: list[Målområde] = Field(
        default_factory=list, description="Målområden som målen grupperas i (mål: målområde:)")

    @model_validator(mode="before")
    @classmethod
    def _delår_utan_räkenskaper(cls, data: Any) -> Any:
        """A delårsrapport may have no statements (seed 003 has none): without `ekonomi:`
        it has empty ones, and no check or table finds anything in them. An årsredovisning
        still requires `ekonomi:`."""
        if (isinstance(data, dict) and "ekonomi" not in data
                and isinstance(data.get("rapport"), dict)
                and data["rapport"].get("typ") == "delårsrapport"):
            return {**data, "ekonomi": UTAN_RÄKENSKAPER}
        return data

    @property
    def utan_räkenskaper(self) -> bool:
        """A report without statements (a delårsrapport that gives no `ekonomi:` figures)."""
        return not self.ekonomi.resultaträkning and not self.ekonomi.balansräkning

    @model_validator(mode="after")
    def _målnamn(self) -> Indata:
        errors = referensfel(self.statusskala, self.målnivåer, self.målområden,
                             {"ekonomiska_mål": self.ekonomiska_mål, "mål": self.mål},
                             [i.resultatmål for i in self.insatser])
        if errors:
            raise ValidationError.from_exception_data(type(self).__name__, errors)
        return self

    @model_validator(mode="after")
    def _r17(self) -> Indata:
        """The delårsrapport's statements and forecast (reportgen/schema/r17.py)."""
        errors = r17_fel(self)
        if errors:
            raise ValidationError.from_exception_data(type(self).__name__, errors)
        return self

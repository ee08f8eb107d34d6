"""The root of the input: what the kansli writes in content/<år>.yaml."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from reportgen.schema.base import Modell, Text, År
from reportgen.schema.budget import Budget
from reportgen.schema.ekonomi import Ekonomi
from reportgen.schema.indikatorer import Indikatorer
from reportgen.schema.organisation import Förbund, Revisor, Styrelseplats, Underskrifter
from reportgen.schema.verksamhet import Balanskrav, Förord, Insats, Mål


class Rapportinfo(Modell):
    typ: Literal["årsredovisning"] = "årsredovisning"
    räkenskapsår: År
    beslutsdatum: dt.date | None = Field(
        default=None, description="Datum då styrelsen beslutade årsredovisningen"
    )


class Förvaltningsberättelse(Modell):
    """Narrative of the förvaltningsberättelse, section by section (Markdown)."""

    inledning: Text | None = None
    organisation: Text
    uppdrag: Text | None = None
    lagrum: Text | None = None
    finansiering: Text | None = None
    verksamhetsidé: Text | None = None
    översikt: Text | None = Field(default=None, description="Text under 1.1, efter tabellen")
    viktiga_förhållanden: Text
    väsentliga_händelser: Text
    styrning: Text
    revision: Text | None = Field(default=None, description="Text före revisorstabellen")
    god_hushållning: Text
    personal: Text
    förväntad_utveckling: Text


class Indata(Modell):
    förbund: Förbund
    rapport: Rapportinfo
    styrelse: list[Styrelseplats] = Field(min_length=1)
    revisorer: list[Revisor] = Field(min_length=1)
    underskrifter: Underskrifter = Underskrifter()
    förvaltningsberättelse: Förvaltningsberättelse
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

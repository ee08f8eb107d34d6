"""The root of the input: what the kansli writes in content/<år>.yaml."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from reportgen.schema.base import Modell, Text, År
from reportgen.schema.ekonomi import Ekonomi
from reportgen.schema.organisation import Förbund, Revisor, Styrelseplats, Underskrifter


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

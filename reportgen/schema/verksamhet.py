"""The year's activity: mål, mått, insatser, participants, events, financial goals, balanskrav.

What the kansli knows about the verksamhetsplan and the insatser it financed. Shares,
differences, assessments and totals are computed (reportgen/compute/verksamhet.py).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from enum import Enum
from typing import Annotated

from pydantic import AfterValidator, Field, StrictInt, model_validator

from reportgen.schema.base import Belopp, Modell, Siffernamn, Text, År

_ID = re.compile(r"[a-zåäö_][a-zåäö0-9_]*")


def _id(value: str) -> str:
    if not _ID.fullmatch(value):
        raise ValueError(
            f"{value!r} går inte att använda som id: skriv med små bokstäver, siffror och _ "
            "och börja med en bokstav, t.ex. rehabteamet eller esf_projektet"
        )
    return value


# An identifier usable as an internal link and as a figure name: `rehabteamet`, `esf_projektet`.
Id = Annotated[
    str,
    AfterValidator(_id),
    Field(description="Kort namn med små bokstäver, siffror och _, t.ex. rehabteamet"),
]
Antal = Annotated[StrictInt, Field(ge=0, description="Antal personer")]
Mätvärde = Annotated[Decimal, Field(description="Ett tal, t.ex. 70 eller 65,5 (skrivs 65.5)")]


class Målstatus(str, Enum):
    uppfyllt = "uppfyllt"
    delvis = "delvis uppfyllt"
    ej = "ej uppfyllt"


class Insatstyp(str, Enum):
    individinriktad = "individinriktad"
    strukturövergripande = "strukturövergripande"


class Mått(Modell):
    """A measurable target: "minst 70 %" of something, the measured value and its assessment."""

    text: str = Field(description="Vad som mäts")
    minst: Mätvärde | None = Field(default=None, description="Målet är uppnått vid minst detta värde")
    högst: Mätvärde | None = Field(default=None, description="Målet är uppnått vid högst detta värde")
    enhet: str = Field(default="%", description="Enhet för mål och utfall, t.ex. % eller personer")
    utfall: Mätvärde | Siffernamn | None = Field(
        default=None,
        description="Uppmätt värde, eller namnet på en beräknad siffra (t.ex. eget_kapital_andel)",
    )
    delvis_gräns: Mätvärde | None = Field(
        default=None,
        description="Från denna gräns (men inte ända till målet) är målet delvis uppfyllt",
    )
    bedömning: Målstatus | None = Field(
        default=None, description="Styrelsens bedömning; ersätter den beräknade"
    )
    kommentar: Text | None = None

    @model_validator(mode="after")
    def _one_target(self) -> Mått:
        if (self.minst is None) == (self.högst is None):
            raise ValueError("ange exakt ett av minst och högst")
        return self


class Mål(Modell):
    """A goal of the verksamhetsplan."""

    rubrik: str = Field(description="Målet som det står i verksamhetsplanen")
    status: Målstatus | None = Field(
        default=None,
        description="uppfyllt, delvis uppfyllt eller ej uppfyllt; beräknas från måtten om det utelämnas",
    )
    text: Text | None = Field(default=None, description="Beskrivning och bedömning (Markdown)")
    aktiviteter: list[Text] = Field(default_factory=list, description="Genomförda aktiviteter")
    insatser: list[Id] = Field(
        default_factory=list, description="Id för de insatser som bidrar till målet"
    )
    mått: list[Mått] = Field(default_factory=list)


class Finansiering(Modell):
    beviljat: Belopp | None = Field(default=None, description="Beviljade medel för året, kr")
    förbrukat: Belopp | None = Field(default=None, description="Förbrukade medel under året, kr")
    text: Text | None = None


class KönAntal(Modell):
    kvinnor: Antal
    män: Antal


AntalPersoner = Antal | KönAntal


class Utfall(Modell):
    """Where participants went when they ended: arbete, studier, …"""

    text: str
    antal: AntalPersoner
    måluppfyllt: bool = Field(
        default=False, description="Avslut till arbete, studier eller annan arbetslivsinriktad rehab"
    )


class TidKön(Modell):
    kvinnor: Mätvärde | None = None
    män: Mätvärde | None = None


class Deltagaruppgifter(Modell):
    aktiva: AntalPersoner = Field(description="Deltagare som varit aktiva någon gång under året")
    aktiva_vid_årets_början: AntalPersoner | None = None
    nya: AntalPersoner | None = None
    avslutade: AntalPersoner | None = None
    tidiga_avhopp: AntalPersoner | None = Field(default=None, description="Varav tidiga avhopp")
    måluppfyllt: AntalPersoner | None = Field(
        default=None,
        description="Avslutade till måluppfyllt resultat; beräknas från utfallen om det utelämnas",
    )


class Deltagarstatistik(Deltagaruppgifter):
    utfall: list[Utfall] = Field(default_factory=list, description="Avslutade efter vart de gick")
    tid_i_insats_veckor: TidKön | None = Field(
        default=None, description="Genomsnittlig tid i insatsen, veckor"
    )
    tid_utan_arbete_månader: TidKön | None = Field(
        default=None, description="Genomsnittlig tid utan arbete eller studier före start, månader"
    )
    föregående_år: Deltagaruppgifter | None = None


class Händelse(Modell):
    """An event of a structural insats: a lecture, a conference, a network meeting."""

    datum: dt.date | None = None
    när: str | None = Field(default=None, description="Tidpunkt i ord, om datum inte passar")
    vad: str
    innehåll: str | None = None
    av: str | None = Field(default=None, description="Föreläsare eller arrangör")
    antal: Antal | None = Field(default=None, description="Antal deltagare")


class Insats(Modell):
    id: Id
    namn: str
    projektnummer: StrictInt | str | None = None
    typ: Insatstyp
    från: dt.date | None = None
    till: dt.date | None = None
    period: str | None = Field(default=None, description="Period i ord, t.ex. Löpande")
    huvudman: str | None = None
    styrgrupp: str | None = None
    mål: Text | None = Field(default=None, description="Insatsens mål (Markdown)")
    innehåll: Text | None = None
    finansiering: Finansiering | None = None
    målgrupp: Text | None = None
    övrigt: Text | None = None
    deltagare: Deltagarstatistik | None = None
    händelser: list[Händelse] = Field(default_factory=list)
    medverkande: Antal | None = Field(
        default=None, description="Antal personer som tagit del av insatsen"
    )
    resultat: Text | None = None
    måluppfyllelse: str | None = Field(default=None, description="T.ex. Hög eller Låg")


class Balanspost(Modell):
    text: str
    belopp: dict[År, Belopp]


class Balanskrav(Modell):
    """Årets resultat adjusted (realisationsvinster, RUR …) to the balanskravsresultat."""

    justeringar: list[Balanspost] = Field(default_factory=list)
    text: Text | None = None


class Förord(Modell):
    """Ordförande har ordet: a signed foreword before the förvaltningsberättelse."""

    rubrik: str = "Ordförande har ordet"
    text: Text
    namn: str
    roll: str = "Ordförande"
    ort_och_datum: str | None = None

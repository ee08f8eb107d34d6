"""The year's activity: insatser, participants, events, balanskrav, the foreword; the
mål and mått are in reportgen/schema/mal.py (and importable from here).

What the kansli knows about the verksamhetsplan and the insatser it financed. Shares,
differences, assessments and totals are computed (reportgen/compute/verksamhet.py).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal
from enum import Enum
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, StrictInt, model_validator

from reportgen.schema.base import Belopp, Ifyllnad, Korttext, Modell, Text, År
from reportgen.schema.mal import (  # noqa: F401 (the goal models, importable from here too)
    Mätvärde,
    Mål,
    Målstatus,
    Mått,
    _mätvärde,
)

_ID = re.compile(r"[a-zåäö_][a-zåäö0-9_]*")


def _id(value: str) -> str:
    if not _ID.fullmatch(value):
        raise ValueError(
            f"{value!r} går inte att använda som id: skriv med små bokstäver, siffror och _ "
            "och börja med en bokstav, t.ex. rehabteamet eller esf_projektet"
        )
    return value


def härlett_id(namn: str) -> str:
    """The id of an insats that gives none, from its name: lower case; å, ä and ö kept,
    other letters without their accents (é → e); every run of other characters one `_`;
    `insats_` before a name that starts with a digit. "ESF-projektet Lärande och
    utveckling" → `esf_projektet_lärande_och_utveckling`; "Café 17" → `cafe_17`."""
    out = []
    for char in namn.lower():
        if char in "åäö" or char.isascii():
            out.append(char)
        else:  # é → e + accent; a letter of another script stays, and is replaced below
            out.append(unicodedata.normalize("NFKD", char)[0])
    slug = re.sub(r"[^a-zåäö0-9]+", "_", "".join(out)).strip("_") or "insats"
    return slug if not slug[0].isdigit() else f"insats_{slug}"


# An identifier usable as an internal link and as a figure name: `rehabteamet`, `esf_projektet`.
Id = Annotated[
    str,
    AfterValidator(_id),
    Field(description="Kort namn med små bokstäver, siffror och _, t.ex. rehabteamet"),
]
Antal = Annotated[StrictInt, Field(ge=0, description="Antal personer")]
Procentandel = Annotated[Decimal, BeforeValidator(_mätvärde), Field(
    ge=0, le=100, description="Procent, t.ex. 67 för 67 %")]


# What fills in an insats's gaps (reportgen nytt-år leaves the new year's figures empty).
INSATSENS_RAPPORT = "från insatsens rapport för året"
BUDGETENS_UTFALL = "beviljat och förbrukat för året; förbrukat är budgetens utfall för projektet"


class Insatstyp(str, Enum):
    individinriktad = "individinriktad"
    strukturövergripande = "strukturövergripande"


class Finansiering(Modell):
    beviljat: Annotated[Belopp | None, Ifyllnad(BUDGETENS_UTFALL)] = Field(
        default=None, description="Beviljade medel för året, kr")
    förbrukat: Annotated[Belopp | None, Ifyllnad(BUDGETENS_UTFALL)] = Field(
        default=None, description="Förbrukade medel under året, kr")
    text: Text | None = None


class KönAntal(Modell):
    """People by sex: as counts (`{kvinnor: 32, män: 25}`), or as shares of a stated total
    (`{totalt: 57, andel_kvinnor: 67}`, "67 % kvinnor" of 57)."""

    kvinnor: Antal | None = None
    män: Antal | None = None
    totalt: Antal | None = Field(default=None, description="Antal personer totalt")
    andel_kvinnor: Procentandel | None = Field(default=None, description="Andel kvinnor i procent")
    andel_män: Procentandel | None = Field(default=None, description="Andel män i procent")

    @model_validator(mode="after")
    def _counts_or_shares(self) -> KönAntal:
        counts = (self.kvinnor, self.män)
        shares = [s for s in (self.andel_kvinnor, self.andel_män) if s is not None]
        if any(c is not None for c in counts):
            if None in counts:
                raise ValueError("ange både kvinnor och män (eller totalt med andel_kvinnor)")
            if shares:
                raise ValueError("ange antingen antal (kvinnor, män) eller andelar av totalt, "
                                 "inte båda")
            if self.totalt is not None and self.totalt != self.kvinnor + self.män:  # type: ignore[operator]
                raise ValueError(f"totalt {self.totalt} är inte kvinnor + män "
                                 f"({self.kvinnor} + {self.män})")
            return self
        if self.totalt is None:
            raise ValueError("ange kvinnor och män, eller totalt med andel_kvinnor och andel_män")
        total = sum(shares, Decimal(0))
        if len(shares) == 2 and abs(total - 100) > 1:
            raise ValueError(f"andelarna kvinnor och män summerar till {total} %, inte 100 %")
        return self


AntalPersoner = Antal | KönAntal
# A count of the year that may be left empty, a gap (reportgen nytt-år leaves them so).
Årsantal = Annotated[AntalPersoner | None, Ifyllnad(INSATSENS_RAPPORT)]


class Utfall(Modell):
    """Where participants went when they ended: arbete, studier, … as a count, or as a
    share of those who ended (`andel: 30`, in percent of `avslutade`)."""

    text: str
    antal: Årsantal = None
    andel: Procentandel | None = Field(
        default=None, description="Andel av de avslutade i procent (i stället för antal)")
    måluppfyllt: bool = Field(
        default=False, description="Avslut till arbete, studier eller annan arbetslivsinriktad rehab"
    )

    @model_validator(mode="before")
    @classmethod
    def _antal_eller_andel(cls, data: Any) -> Any:
        # `antal:` (or `andel:`) written empty is a gap; both given, or neither written, is wrong.
        if isinstance(data, dict):
            given = [k for k in ("antal", "andel") if k in data and data[k] is not None]
            if len(given) == 2 or (not given and "antal" not in data and "andel" not in data):
                raise ValueError("ange antal eller andel (procent av de avslutade), ett av dem")
        return data


Årstid = Annotated[Mätvärde | None, Ifyllnad(INSATSENS_RAPPORT)]


class TidKön(Modell):
    kvinnor: Årstid = None
    män: Årstid = None


class Deltagaruppgifter(Modell):
    # Required, but may be written empty (a gap): then the statistics wait until it is filled.
    aktiva: Årsantal = Field(description="Deltagare som varit aktiva någon gång under året")
    aktiva_vid_årets_början: Årsantal = None
    nya: Årsantal = None
    avslutade: Årsantal = None
    tidiga_avhopp: Årsantal = Field(default=None, description="Varav tidiga avhopp")
    måluppfyllt: Årsantal = Field(
        default=None,
        description="Avslutade till måluppfyllt resultat; beräknas från utfallen om det utelämnas",
    )


# The counts of a year (moved into `föregående_år` by reportgen nytt-år).
DELTAGARTAL: tuple[str, ...] = tuple(Deltagaruppgifter.model_fields)


class Deltagarstatistik(Deltagaruppgifter):
    utfall: list[Utfall] = Field(default_factory=list, description="Avslutade efter vart de gick")
    tid_i_insats_veckor: TidKön | None = Field(
        default=None, description="Genomsnittlig tid i insatsen, veckor"
    )
    tid_utan_arbete_månader: TidKön | None = Field(
        default=None, description="Genomsnittlig tid utan arbete eller studier före start, månader"
    )
    föregående_år: Deltagaruppgifter | None = None

    @property
    def har_luckor(self) -> bool:
        """A count the statistics need is a gap still to fill in (`aktiva:`, an outcome's
        `antal:`): they wait until it is filled."""
        return self.aktiva is None or any(u.antal is None and u.andel is None for u in self.utfall)

    @model_validator(mode="after")
    def _andelar_av_avslutade(self) -> Deltagarstatistik:
        if any(u.andel is not None for u in self.utfall) and self.avslutade is None:
            raise ValueError("utfall i andelar är andelar av de avslutade: ange avslutade")
        return self


class Händelse(Modell):
    """An event of a structural insats: a lecture, a conference, a network meeting."""

    datum: dt.date | None = None
    när: str | None = Field(default=None, description="Tidpunkt i ord, om datum inte passar")
    vad: str
    innehåll: str | None = None
    av: str | None = Field(default=None, description="Föreläsare eller arrangör")
    antal: Antal | None = Field(default=None, description="Antal deltagare")


class Insats(Modell):
    """An insats: only its name is required. Its `id` (links, figure names) is the one
    given, or derived from the name (`härlett_id`)."""

    # Always set: given, or derived from the name before validation (the factory only
    # keeps the field out of the JSON Schema's required list).
    id: Id = Field(default_factory=str, description="Kort namn för länkar och siffror "
                   "(utelämnat: härlett ur namnet, t.ex. Jobbspåret Väst → jobbspåret_väst)")
    namn: str = Field(min_length=1)
    projektnummer: StrictInt | str | None = None
    typ: Insatstyp | None = None
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
    medverkande: Annotated[Antal | None, Ifyllnad(INSATSENS_RAPPORT)] = Field(
        default=None, description="Antal personer som tagit del av insatsen"
    )
    resultat: Text | None = None
    resultatmål: list[Mått] = Field(
        default_factory=list, description="Insatsens mätbara mål, med utfall och bedömning")
    uppgifter: dict[str, Korttext] = Field(
        default_factory=dict, description="Fler uppgifter som rubrik: text, t.ex. Personal, "
        "Kostnadseffektivitet, Samverkanseffekter, Framåtspaning")
    måluppfyllelse: Annotated[str | None, Ifyllnad("årets bedömning")] = Field(
        default=None, description="T.ex. Hög eller Låg")

    @model_validator(mode="before")
    @classmethod
    def _härlett_id(cls, data: Any) -> Any:
        if isinstance(data, dict) and "id" not in data:
            namn = data.get("namn")
            return {"id": härlett_id(namn) if isinstance(namn, str) else "insats", **data}
        return data


class Balanspost(Modell):
    text: str
    belopp: dict[År, Belopp] = Field(default_factory=dict)
    prognos: Belopp | None = Field(
        default=None, description="Delårsrapport: justeringen av helårsprognosens resultat")


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
    ort_och_datum: Annotated[str | None, Ifyllnad("ort och datum för årets förord")] = None

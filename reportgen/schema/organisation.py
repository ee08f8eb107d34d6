"""The förbund, its board (styrelse) and its auditors (revisorer)."""

from __future__ import annotations

import datetime as dt
from enum import Enum

from pydantic import Field, field_validator

from reportgen.schema.base import Modell, Text


class Adress(Modell):
    postadress: str | None = Field(default=None, description="Förbundets postadress på en rad")
    besöksadress: str | None = None
    webb: str | None = Field(default=None, description="Webbadress, t.ex. www.exempel.se")
    epost: str | None = None
    telefon: str | None = None


class Medlem(Modell):
    namn: str
    andel_procent: float | None = Field(
        default=None, description="Medlemmens andel av finansieringen i procent"
    )


class Förbund(Modell):
    namn: str = Field(description="Förbundets fullständiga namn")
    organisationsnummer: str | None = Field(
        default=None, pattern=r"^\d{6}-\d{4}$",
        description="Organisationsnummer, t.ex. 222000-1735; lämna tomt om rapporten inte "
        "ska visa något (utelämnat ger check en varning)",
    )
    säte: str | None = None
    logotyp: str | None = Field(
        default=None, description="Sökväg till logotypen (PNG, JPG eller SVG) i projektmappen"
    )
    logotyp_alt: str | None = Field(default=None, description="Alternativtext för logotypen")
    adress: Adress = Adress.model_construct()  # no validator of its own (defer_build)
    medlemmar: list[Medlem] = Field(default_factory=list)


class Roll(str, Enum):
    ordförande = "ordförande"
    vice_ordförande = "vice ordförande"
    ledamot = "ledamot"


class Person(Modell):
    namn: str
    roll: Roll = Roll.ledamot
    från: dt.date | None = Field(default=None, description="Första dag i uppdraget under året")
    till: dt.date | None = Field(default=None, description="Sista dag i uppdraget under året")


class Ersättare(Modell):
    namn: str
    från: dt.date | None = None
    till: dt.date | None = None


class Styrelseplats(Modell):
    """One seat on the board: its ordinary member(s) over the year and their substitutes."""

    utsedd_av: str | None = Field(default=None, description="Medlemmen som utsett ledamoten")
    ordinarie: list[Person] = Field(min_length=1)
    ersättare: list[Ersättare] = Field(default_factory=list)


class Revisor(Modell):
    utsedd_av: str | None = None
    namn: str
    funktion: str | None = Field(
        default=None, description="T.ex. Förtroendevald revisor, Auktoriserad revisor")
    företräder: str | None = Field(
        default=None, description="Vilka medlemmar revisorn företräder, visas vid underskriften"
    )
    ersättare: bool = Field(default=False, description="Ersättare: skriver inte under")
    från: dt.date | None = None
    till: dt.date | None = None


class Signeringssätt(str, Enum):
    digital = "digital"
    papper = "papper"


class Undertecknare(Modell):
    """A board member's signature line, as the report prints it (compared by `check`)."""

    namn: str
    roll: Roll = Roll.ledamot
    ersätter: str | None = Field(
        default=None,
        description="Ersättare som skriver under för en ordinarie ledamot: ledamotens namn "
        "(skrivs ut som Ersättare för …)",
    )


class Revisorsunderskrift(Modell):
    """An auditor's signature line; left-out parts are taken from `revisorer`."""

    namn: str
    funktion: str | None = Field(default=None, description="Utelämnad: revisorns funktion")
    företräder: str | None = Field(default=None, description="Utelämnad: som i revisorer")


class Underskrifter(Modell):
    sätt: Signeringssätt = Signeringssätt.digital
    ledamöter: list[Undertecknare] | None = Field(
        default=None,
        description="Styrelsens underskriftsrader i ordning (t.ex. en ersättare för en "
        "frånvarande ledamot); utelämnad: en rad per ordinarie ledamot vid årets slut. "
        "check jämför raderna med styrelsen",
    )
    revisorer: list[Revisorsunderskrift] | None = Field(
        default=None,
        description="Revisorernas underskriftsrader i ordning; utelämnad: en rad per revisor "
        "vid årets slut (inte ersättare)",
    )
    ort: str | None = Field(default=None, description="Ort för underskrift på papper")
    datum: dt.date | None = Field(
        default=None, description="Datum för underskrift på papper (utelämnat: en linje)")
    intygande: Text | None = Field(
        default=None,
        description="Styrelsens intygande; detsamma som texter: intygande (ange det på ett "
        "ställe)",
    )

    @field_validator("ort")
    @classmethod
    def _strip(cls, value: str | None) -> str | None:
        return value.strip() if value else value

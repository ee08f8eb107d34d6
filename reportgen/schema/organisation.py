"""The förbund, its board (styrelse) and its auditors (revisorer)."""

from __future__ import annotations

import datetime as dt
from enum import Enum

from pydantic import Field, field_validator

from reportgen.schema.base import Modell, Text


class Adress(Modell):
    postadress: str = Field(description="Förbundets postadress på en rad")
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
    organisationsnummer: str = Field(
        pattern=r"^\d{6}-\d{4}$", description="Organisationsnummer, t.ex. 222000-1735"
    )
    säte: str | None = None
    logotyp: str | None = Field(
        default=None, description="Sökväg till logotypen (PNG, JPG eller SVG) i projektmappen"
    )
    logotyp_alt: str | None = Field(default=None, description="Alternativtext för logotypen")
    adress: Adress
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
    """One member organisation's seats on the board."""

    utsedd_av: str
    ordinarie: list[Person] = Field(min_length=1)
    ersättare: list[Ersättare] = Field(default_factory=list)


class Revisor(Modell):
    utsedd_av: str
    namn: str
    funktion: str = Field(description="T.ex. Förtroendevald revisor, Auktoriserad revisor")
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
    """A signature line as printed in an existing report (stated; compared by `check`)."""

    namn: str
    roll: Roll = Roll.ledamot


class Underskrifter(Modell):
    sätt: Signeringssätt = Signeringssätt.digital
    ledamöter: list[Undertecknare] | None = Field(
        default=None,
        description="Styrelsens underskriftsrader som de står i en befintlig rapport; "
        "utelämnas normalt (raderna skapas från styrelsen) och jämförs annars av check",
    )
    ort: str | None = Field(default=None, description="Ort för underskrift på papper")
    intygande: Text = (
        "Vi intygar att årsredovisningen ger en rättvisande bild av verksamhetens resultat "
        "samt kostnader, intäkter och förbundets ekonomiska ställning."
    )

    @field_validator("ort")
    @classmethod
    def _strip(cls, value: str | None) -> str | None:
        return value.strip() if value else value

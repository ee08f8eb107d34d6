"""The statement layouts as the YAML writes them: the standard layout's entries
(templates/layouts/standard.yaml) and a förbund's changes to it (`ekonomi.layout`).

One entry model serves both: an entry is a line of its own (`post`, `summa`, `härledd`,
`rubrik` or `textrad`, placed `efter`, `före` or `under` another) or a change to a line of
the standard (`ändra`, `ta_bort`). What the entries mean together, and every rule they must
keep, is reportgen/schema/layout_resolve.py.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Literal

from pydantic import Field

from reportgen.schema.base import Modell

# A line's key: as in `ekonomi.balansräkning.2023.<key>` and a note's `avser`.
Radnamn = Annotated[
    str,
    Field(pattern=r"^[a-zåäö][a-zåäö0-9_]*$",
          description="Radens nyckel: små bokstäver, siffror och _ (t.ex. upplupna_kostnader)"),
]


class Tecken(str, Enum):
    """The sign a line has by its kind; `valfritt` for one that may have either."""

    positivt = "positivt"
    negativt = "negativt"
    valfritt = "valfritt"


class Visa(str, Enum):
    alltid = "alltid"  # printed even when zero (or not stated) in both years
    ej_noll = "ej_noll"  # printed when it has an amount other than zero (the default)


class Betydelse(str, Enum):
    """What a line means. The relations between the statements (årets resultat in both,
    the cash flow's changes and likvida medel against the balance sheet, the opening eget
    kapital) and the figures the rest of the report reads are defined by meanings, so they
    hold whatever the förbund calls its lines. Several lines may share a meaning where it
    is a kind (fordringar, kortfristiga skulder, likvida medel …): it is then their sum."""

    # resultaträkning
    verksamhetens_intäkter = "verksamhetens_intäkter"
    verksamhetens_kostnader = "verksamhetens_kostnader"
    avskrivningar = "avskrivningar"
    verksamhetens_resultat = "verksamhetens_resultat"
    finansiella_intäkter = "finansiella_intäkter"
    finansiella_kostnader = "finansiella_kostnader"
    resultat_efter_finansiella_poster = "resultat_efter_finansiella_poster"
    extraordinära_poster = "extraordinära_poster"
    årets_resultat = "årets_resultat"
    # balansräkning
    anläggningstillgångar = "anläggningstillgångar"
    summa_anläggningstillgångar = "summa_anläggningstillgångar"
    fordringar = "fordringar"
    likvida_medel = "likvida_medel"
    summa_omsättningstillgångar = "summa_omsättningstillgångar"
    summa_tillgångar = "summa_tillgångar"
    ingående_eget_kapital = "ingående_eget_kapital"
    summa_eget_kapital = "summa_eget_kapital"
    avsättningar = "avsättningar"
    långfristiga_skulder = "långfristiga_skulder"
    kortfristiga_skulder = "kortfristiga_skulder"
    summa_eget_kapital_avsättningar_och_skulder = "summa_eget_kapital_avsättningar_och_skulder"
    ansvarsförbindelser = "ansvarsförbindelser"
    # kassaflödesanalys
    löpande_verksamheten = "löpande_verksamheten"
    investeringsverksamheten = "investeringsverksamheten"
    finansieringsverksamheten = "finansieringsverksamheten"
    årets_kassaflöde = "årets_kassaflöde"


# The statements a layout has: its key in the layout and under `ekonomi.layout`.
Räkning = Literal["resultaträkning", "balansräkning", "kassaflödesanalys"]


class Layoutrad(Modell):
    """One row of a statement layout, or one change to the standard layout."""

    # A line of its own: exactly one of these names its kind and key.
    post: Radnamn | None = Field(
        default=None, description="Beloppsrad som anges per år i ekonomi.<räkning>")
    summa: Radnamn | None = Field(
        default=None, description="Delsumma av raderna i `av` (och av sina delrader)")
    härledd: Radnamn | None = Field(
        default=None, description="Belopp som räknas fram ur en annan räkning "
        "(`från`, `förändring` eller `ingående`)")
    rubrik: Radnamn | None = Field(default=None, description="Rubrikrad utan belopp")
    textrad: Radnamn | None = Field(
        default=None, description="Belopp eller ord (t.ex. inga); visas bara när det anges")
    # A change to a line of the standard layout.
    ändra: Radnamn | None = Field(
        default=None, description="Ändra standardradens egenskaper (text, tecken, visa, av …)")
    ta_bort: Radnamn | None = Field(
        default=None, description="Ta bort standardraden (en summa som räknar med den räknar "
        "då med dess delar)")
    # Where a new line stands (without: last).
    efter: Radnamn | None = Field(default=None, description="Den nya raden står efter denna")
    före: Radnamn | None = Field(default=None, description="Den nya raden står före denna")
    under: Radnamn | None = Field(
        default=None, description="Den nya raden är en delrad till denna, som blir summan av "
        "sina delrader")
    # What the line is.
    text: str | None = Field(default=None, description="Radens text som den trycks")
    tecken: Tecken | None = Field(
        default=None, description="Tecknet raden har till sin art: positivt (intäkter, "
        "tillgångar, skulder), negativt (kostnader) eller valfritt")
    betydelse: Betydelse | None = Field(
        default=None, description="Vad raden är, för kontrollerna mellan räkningarna")
    visa: Visa | None = Field(
        default=None, description="alltid: visas också när beloppet är noll båda åren")
    nivå: int | None = Field(
        default=None, ge=1, le=3, description="Rubrikens nivå (1 eller 2), radens indrag")
    av: list[Radnamn] | None = Field(default=None, description="Summans delar (radnycklar)")
    från: str | None = Field(
        default=None, pattern=r"^(resultaträkning|balansräkning)\.[a-zåäö][a-zåäö0-9_]*$",
        description="Härledd rad: samma belopp som raden (betydelsen) i en annan räkning, "
        "t.ex. resultaträkning.årets_resultat")
    förändring: Betydelse | None = Field(
        default=None, description="Härledd rad i kassaflödesanalysen: balansräkningens "
        "förändring under året av raderna med denna betydelse (slut minus början)")
    ingående: Betydelse | None = Field(
        default=None, description="Härledd rad i kassaflödesanalysen: balansräkningens "
        "belopp vid årets början för raderna med denna betydelse")
    utgående: Betydelse | None = Field(
        default=None, description="Raden ska vara lika med balansräkningens belopp vid "
        "årets slut för raderna med denna betydelse (t.ex. likvida_medel)")
    faktor: Literal[1, -1] | None = Field(
        default=None, description="-1: den härledda raden har omvänt tecken")


class Uppställningsmall(Modell):
    """One statement of the standard layout file."""

    titel: str
    kolumner: Literal["år", "balansdag"]
    rader: list[Layoutrad]


class Standardlayout(Modell):
    """templates/layouts/standard.yaml."""

    resultaträkning: Uppställningsmall
    balansräkning: Uppställningsmall
    kassaflödesanalys: Uppställningsmall


class Layoutändringar(Modell):
    """`ekonomi.layout`: the förbund's changes to the standard layout, per statement, in order."""

    resultaträkning: list[Layoutrad] = Field(default_factory=list)
    balansräkning: list[Layoutrad] = Field(default_factory=list)
    kassaflödesanalys: list[Layoutrad] = Field(default_factory=list)

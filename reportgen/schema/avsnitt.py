"""The report's sections as the YAML lists them (`avsnitt:`), and their content blocks.

Without `avsnitt`, the report has the standard sections in the standard order
(`STANDARDORDNING`). With it, the report has exactly the sections listed, in that order:
a standard section by name (`- resultaträkning`, or `- standard: resultaträkning` with a
`rubrik`, `numrering`, …), or a section of the förbund's own (`- rubrik: Året i korthet`
with `innehåll`, a list of blocks). Any section can hold subsections (`avsnitt`); the
förvaltningsberättelse's default subsections are `FÖRVALTNINGSBERÄTTELSENS_AVSNITT`.

A block is a mapping whose key names its kind (`- text: …`, `- sidbrytning: true`,
`- standard: styrelse`). Adding a kind is one model here (with `art`, the key it is
written with, in BLOCKTYPER) and one builder in reportgen/document/registry.py.

The names are declared here, with what each shows, so that `reportgen check` and the
JSON Schema know them without the report model; reportgen/document/registry.py builds them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal, Union

from pydantic import (
    BeforeValidator,
    Discriminator,
    Field,
    Tag,
    model_validator,
)

from reportgen.schema.base import Korttext, Modell, Namnlista, Text
from reportgen.schema.tabell import Tabell
from reportgen.suggest import okänt_namn

# Standard sections: name → what it shows.
AVSNITT: dict[str, str] = {
    "ordförande_har_ordet": "Ordförande har ordet (ordförande_har_ordet:), onumrerat",
    "året_i_siffror": "Året i siffror: årets resultat, eget kapital mot taket, kostnaderna, "
    "deltagare, mål och femårsutvecklingen på en sida, onumrerat",
    "förvaltningsberättelse": "Förvaltningsberättelsen: inledningen och avsnitten i den",
    "organisation": "Förvaltningsberättelsens Organisation (onumrerat)",
    "uppdrag": "Förvaltningsberättelsens Uppdrag (onumrerat)",
    "lagrum": "Förvaltningsberättelsens Lagrum (onumrerat)",
    "finansiering": "Förvaltningsberättelsens Finansiering (onumrerat)",
    "verksamhetsidé": "Förvaltningsberättelsens Verksamhetsidé och vision (onumrerat)",
    "översikt": "Översikt över verksamhetens utveckling: femårsöversikten och texten",
    "viktiga_förhållanden": "Viktiga förhållanden för resultat och ekonomisk ställning",
    "väsentliga_händelser": "Händelser av väsentlig betydelse",
    "styrning": "Styrning och uppföljning: texten, styrelsen och revisionen",
    "god_hushållning": "God ekonomisk hushållning: texten, eget kapital, kostnader, "
    "balanskrav, mål och insatser",
    "personal": "Väsentliga personalförhållanden",
    "förväntad_utveckling": "Förväntad utveckling",
    "resultaträkning": "Resultaträkningen",
    "balansräkning": "Balansräkningen",
    "kassaflödesanalys": "Kassaflödesanalysen",
    "helårsprognos": "Delårsrapportens helårsprognos (resultaträkningens prognos) och dess "
    "balanskravsresultat",
    "driftredovisning": "Driftredovisningen (budget:)",
    "noter": "Noterna",
    "sammanställning": "Sammanställning av utfall och budget (budget:)",
    "underskrifter": "Styrelsens och revisorernas underskrifter i samma avsnitt",
    "styrelsens_underskrifter": "Styrelsens underskrifter i ett eget avsnitt",
    "revisorernas_underskrifter": "Revisorernas underskrifter i ett eget avsnitt",
    "bilagor": "Indikatorbilagorna (indikatorer:), numrerade Bilaga 1, 2 …",
}

# Parts of standard sections that a block can place on their own: name → what it shows.
DELAR: dict[str, str] = {
    "styrelse": "Tabellen över styrelsens sammansättning",
    "revisorer": "Tabellen över revisorerna",
    "revision": "Rubriken Revision, texten revision och tabellen över revisorerna",
    "femårsöversikt": "Femårsöversiktens tabell",
    "eget_kapital": "Eget kapital i förhållande till medlemsbidragen",
    "kostnadsfördelning": "Kostnadernas fördelning",
    "balanskrav": "Balanskravsresultatet",
    "mål": "Finansiella mål och verksamhetens mål",
    "insatser": "Insatserna: översikten och en beskrivning per insats",
    "måluppfyllelse": "Sammanfattningen av måluppfyllelsen (måluppfyllelse_sammanfattning:)",
}

FÖRVALTNINGSBERÄTTELSENS_AVSNITT: tuple[str, ...] = (
    "organisation", "uppdrag", "lagrum", "finansiering", "verksamhetsidé",
    "översikt", "viktiga_förhållanden", "väsentliga_händelser", "styrning",
    "god_hushållning", "personal", "förväntad_utveckling",
)
STANDARDORDNING: tuple[str, ...] = (
    "ordförande_har_ordet", "förvaltningsberättelse", "resultaträkning", "balansräkning",
    "kassaflödesanalys", "driftredovisning", "noter", "sammanställning", "underskrifter",
    "bilagor",
)

# A delårsrapport without `avsnitt:` has none of the årsredovisning's statements or
# signatures: the foreword, its förvaltningsberättelse and the budget tables with the
# forecast, and the bilagor (each only with what the YAML gives). Anything else it lists in
# `avsnitt:`.
DELÅRSORDNING: tuple[str, ...] = ("ordförande_har_ordet", "förvaltningsberättelse",
                                  "driftredovisning", "sammanställning", "bilagor")


def standardordning(typ: str) -> tuple[str, ...]:
    """The sections of a report of kind *typ* that does not list its own."""
    return DELÅRSORDNING if typ == "delårsrapport" else STANDARDORDNING

# For `reportgen check` (avsnitt.visas_inte): the input each standard section or part shows,
# and the parts a standard section holds (as reportgen/document/registry.py builds them).
VISAR: dict[str, tuple[str, ...]] = {
    "ordförande_har_ordet": ("ordförande_har_ordet",),
    "förvaltningsberättelse": ("förvaltningsberättelse.inledning",),
    **{name: (f"förvaltningsberättelse.{name}",) for name in (
        "organisation", "uppdrag", "lagrum", "finansiering", "verksamhetsidé", "översikt",
        "viktiga_förhållanden", "väsentliga_händelser", "styrning", "god_hushållning",
        "personal", "förväntad_utveckling")},
    "revision": ("förvaltningsberättelse.revision",),
    "driftredovisning": ("budget",),
    "sammanställning": ("budget",),
    "balanskrav": ("balanskrav",),
    "helårsprognos": ("balanskrav",),
    "mål": ("mål", "ekonomiska_mål", "mål_inledning", "målområden"),
    "insatser": ("insatser", "insatser_inledning"),
    "måluppfyllelse": ("måluppfyllelse_sammanfattning",),
    "bilagor": ("indikatorer",),
}
OMFATTAR: dict[str, tuple[str, ...]] = {
    "översikt": ("femårsöversikt",),
    "styrning": ("styrelse", "revision"),
    "revision": ("revisorer",),
    "god_hushållning": ("eget_kapital", "kostnadsfördelning", "balanskrav", "mål", "insatser",
                        "måluppfyllelse"),
    "underskrifter": ("styrelsens_underskrifter", "revisorernas_underskrifter"),
}

Avsnittsnamn = Annotated[
    str, Namnlista("avsnittet", AVSNITT), Field(description="Ett standardavsnitt")]
Delnamn = Annotated[
    str, Namnlista("standardinnehållet", [*AVSNITT, *DELAR]),
    Field(description="Ett standardavsnitts innehåll (utan rubrik), eller en del av det"),
]
Numrering = Literal["löpande", "bilaga", "ingen"]


# -- blocks ----------------------------------------------------------------------------------------


class Blockmodell(Modell):
    """A content block; `art` is the key it is written with, which names its kind."""

    art: ClassVar[str]


class Textblock(Blockmodell):
    """Markdown, inline or the path of a .md file; figures as {{ namn }}."""

    art: ClassVar[str] = "text"
    text: Text = Field(description="Markdown-text direkt i YAML-filen, eller sökväg till en "
                       ".md-fil; kan nämna beräknade siffror som {{ eget_kapital_tkr }}")


class Sidbrytning(Blockmodell):
    """The next block starts on a new page."""

    art: ClassVar[str] = "sidbrytning"
    sidbrytning: Literal[True] = Field(description="Nästa block börjar på en ny sida")


class Standardblock(Blockmodell):
    """A standard section's content (without its heading and subsections), or a part of it."""

    art: ClassVar[str] = "standard"
    standard: Delnamn


# The goal matrix's columns: name → what it shows (reportgen/document/sections_goals.py).
MATRISKOLUMNER: dict[str, str] = {
    "mål": "Målets rubrik, med nivå och nummer",
    "aktivitet": "Målets aktiviteter (rubriken Aktivitet)",
    "förslag": "Målets aktiviteter (rubriken Förslag)",
    "utfall": "Målets utfall (utfall:), annars måttens utfall",
    "status": "Bedömningen, med statusens text, symbol och färg",
}


Matriskolumn = Annotated[
    str, Namnlista("kolumnen", MATRISKOLUMNER), Field(description="En kolumn i målmatrisen")]


class Målmatrisval(Modell):
    """Which columns the goal matrix has, and their headings."""

    kolumner: list[Matriskolumn] = Field(
        default_factory=lambda: ["mål", "aktivitet", "utfall", "status"], min_length=1,
        description="Kolumnerna i ordning, av: " + ", ".join(MATRISKOLUMNER))
    rubriker: dict[Matriskolumn, Korttext] = Field(
        default_factory=dict, description="Egna kolumnrubriker, per kolumn")
    rubrik: Korttext | None = Field(default=None, description="Tabellens rubrik")
    delmål: bool = Field(default=True, description="Med en rad per delmål")


class Målmatris(Blockmodell):
    """Verksamhetens mål as a table: mål, aktivitet or förslag, utfall, status."""

    art: ClassVar[str] = "målmatris"
    målmatris: Målmatrisval = Field(description="Målmatrisens kolumner; {} ger standard")


# The charts a `diagram` block can show (reportgen/document/sections_year.py draws them).
DIAGRAM: dict[str, str] = {
    "femårsutveckling": "Verksamhetens intäkter, kostnader och årets resultat i fem år (tkr)",
    "eget_kapital": "Eget kapital i procent av medlemsbidragen, mot det rekommenderade taket",
    "kostnadsfördelning": "Kostnadernas fördelning på administration och insatser",
}


class Diagramblock(Blockmodell):
    """A chart drawn from the report's figures."""

    art: ClassVar[str] = "diagram"
    diagram: Annotated[str, Namnlista("diagrammet", DIAGRAM), Field(
        description="Diagrammet: " + "; ".join(f"{k}: {v}" for k, v in DIAGRAM.items()))]


class Tabellblock(Blockmodell):
    """A checked amount table (reportgen/schema/tabell.py): rows, columns, sums and shares
    that reportgen computes or checks."""

    art: ClassVar[str] = "tabell"
    tabell: Tabell = Field(description="En tabell med belopp, summor och andelar som "
                           "reportgen räknar fram eller kontrollerar")


BLOCKTYPER: tuple[type[Blockmodell], ...] = (
    Textblock, Sidbrytning, Standardblock, Målmatris, Diagramblock, Tabellblock)
BLOCKARTER: tuple[str, ...] = tuple(k.art for k in BLOCKTYPER)


def _blockart(value: Any) -> str | None:
    if isinstance(value, Blockmodell):
        return _tag(value.art)
    if isinstance(value, dict):
        kinds = [k for k in value if k in BLOCKARTER]
        return _tag(kinds[0]) if len(kinds) == 1 else None
    return None


def _tag(art: str) -> str:
    # In brackets, so that validation errors' paths leave it out (reportgen/validate.py drops
    # Pydantic's union markers) and point at the YAML's own keys.
    return f"[{art}]"


def _känd_blockart(value: Any) -> Any:
    if isinstance(value, dict):
        kinds = [k for k in value if k in BLOCKARTER]
        if len(kinds) > 1:
            raise ValueError(f"ett block har en art, inte flera: {', '.join(kinds)}")
        if not kinds:
            first = next(iter(value), "")
            raise ValueError(okänt_namn("blockarten", str(first), BLOCKARTER))
    return value


if TYPE_CHECKING:
    Innehållsblock = Blockmodell
else:  # one of BLOCKTYPER, told apart by the key it is written with
    Innehållsblock = Annotated[
        Union[tuple(Annotated[k, Tag(_tag(k.art))] for k in BLOCKTYPER)],  # noqa: UP007
        Discriminator(_blockart),
        BeforeValidator(_känd_blockart),
    ]


# -- sections --------------------------------------------------------------------------------------


class Avsnitt(Modell):
    """One section: a standard one (`standard`) or the förbund's own (`rubrik`, `innehåll`)."""

    standard: Avsnittsnamn | None = None
    rubrik: Korttext | None = Field(
        default=None, description="Rubriken (standardavsnitt: i stället för standardrubriken)")
    numrering: Numrering | None = Field(
        default=None,
        description="löpande (1, 1.1, …), bilaga (Bilaga 1., …) eller ingen; utelämnad: "
        "standardavsnittets, annars löpande")
    ny_sida: bool | None = Field(
        default=None, description="Börjar på en ny sida (utelämnad: kapitel gör det)")
    i_innehållsförteckningen: bool | None = Field(
        default=None,
        description="Med i innehållsförteckningen (utelämnad: kapitel och numrerade avsnitt)")
    innehåll: list[Innehållsblock] = Field(
        default_factory=list,
        description="Block efter standardavsnittets eget innehåll (eget avsnitt: allt innehåll)")
    avsnitt: list[Avsnittspost] | None = Field(
        default=None,
        description="Underavsnitt (förvaltningsberättelsen: i stället för standardavsnitten)")

    @model_validator(mode="after")
    def _rubrik_eller_standard(self) -> Avsnitt:
        if self.standard is None and self.rubrik is None:
            raise ValueError("ett eget avsnitt behöver en rubrik (rubrik:); ett "
                             "standardavsnitt anges med standard: och dess namn")
        return self


def _avsnittsart(value: Any) -> str:
    return "[namn]" if isinstance(value, str) else "[avsnitt]"


# A standard section by its name alone, or a section written out.
Avsnittspost = Annotated[
    Union[Annotated[Avsnittsnamn, Tag("[namn]")], Annotated[Avsnitt, Tag("[avsnitt]")]],  # noqa: UP007
    Discriminator(_avsnittsart),
]

"""Budget and outcome, as the bookkeeping gives them (whole kronor): the input of the
*Driftredovisning* and the *Sammanställning av utfall och budget*.

Today's form: one line per project number in `budget.rader`, each with its kind (`slag`,
the group it is summed into), årsbudget, optional periodbudget and utfall. Both tables are
computed from them, in tkr, with the standard columns and groups. Revenue is positive,
costs negative, exactly as in the resultaträkning.

```yaml
budget:
  rader:
    - {nr: 101-104, namn: Bidrag, slag: intäkter, årsbudget: 4496000, utfall: 4496000}
    - {nr: 201, namn: Styrelsen, slag: administration, årsbudget: -173000, utfall: -130212}
```

Each table can also be given on its own (`budget.driftredovisning`, `budget.sammanställning`;
then only the tables given are printed), with its own columns (`kolumner`), unit (`enhet`),
and rows: lines and groups of lines with their sums, in the order given (`rader`; left
out, the table is made from `budget.rader`). An amount may be split into intäkt and
kostnad (`utfall: {intäkt: 120000, kostnad: -850000}`); netto is their sum. Stated sums
(`summa`) are checked.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated, Any, Literal, Union

from pydantic import (
    BeforeValidator,
    Discriminator,
    Field,
    StrictInt,
    Tag,
    ValidationError,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

from reportgen.schema.base import BOKFÖRINGEN, Belopp, Ifyllnad, Korttext, Modell, Namnlista, Text


class Budgetslag(str, Enum):
    """The kind of a line: the group it is summed into in the standard tables, and what it
    is compared with in the resultaträkning."""

    intäkter = "intäkter"  # 101–104 bidrag, övriga intäkter
    administration = "administration"  # 2xx
    individinriktade = "individinriktade"  # 3xx deltagarinsatser
    strukturövergripande = "strukturövergripande"  # 4xx
    kostnader = "kostnader"  # other costs
    finansiella = "finansiella"  # 800 finansiella intäkter och kostnader


# The figures a line states (one column each, or one per part: intäkt, kostnad, netto).
MÅTT: dict[str, str] = {
    "årsbudget": "budget för hela året",
    "periodbudget": "budget för perioden (utelämnad: årsbudgeten)",
    "utfall": "utfall för perioden",
    "utfall_föregående_år": "utfall föregående år",
    "prognos": "prognos för helåret (delårsrapport)",
}
# Columns computed from them: name → (the figure, minus the figure).
BERÄKNADE: dict[str, tuple[str, str]] = {
    "avvikelse": ("utfall", "periodbudget"),
    "avvikelse_prognos": ("prognos", "årsbudget"),
}
DELAR = ("intäkt", "kostnad", "netto")
TEXTKOLUMNER = ("nr", "förklaring")
KOLUMNER: tuple[str, ...] = (
    "nr", *MÅTT, *BERÄKNADE, "förklaring",
    *(f"{m}.{d}" for m in (*MÅTT, *BERÄKNADE) for d in DELAR),
)
# A stated sum of a computed column (avvikelse_prognos: the printed prognos − årsbudget) too.
SUMMAKOLUMNER: tuple[str, ...] = (*MÅTT, *BERÄKNADE,
                                  *(f"{m}.{d}" for m in MÅTT for d in DELAR[:2]))


# A message offers the undivided columns (utfall, not utfall.intäkt …).
Kolumnnamn = Annotated[
    str, Namnlista("kolumnen", KOLUMNER, förslag=[k for k in KOLUMNER if "." not in k]),
    Field(description="En kolumn: nr, årsbudget, periodbudget, utfall, avvikelse, "
          "utfall_föregående_år, prognos, avvikelse_prognos, förklaring; ett belopp delat i "
          "intäkt, kostnad och netto som utfall.intäkt, utfall.kostnad, utfall.netto"),
]
Summakolumn = Annotated[str, Namnlista(
    "summans kolumn", SUMMAKOLUMNER, förslag=[k for k in SUMMAKOLUMNER if "." not in k])]


class Delbelopp(Modell):
    """An amount split into revenue and cost (kronor); netto is their sum."""

    intäkt: Belopp = Field(default=0, description="Intäkt, kr (positiv)")
    kostnad: Belopp = Field(default=0, description="Kostnad, kr (negativ)")


Måttvärde = Annotated[
    StrictInt | Delbelopp,
    Field(description="Belopp i hela kronor (kostnad negativ), eller {intäkt:, kostnad:}"),
]


# The year's figure of a line; empty (`utfall:`, as reportgen nytt-år leaves it), a gap.
Årsmått = Annotated[Måttvärde | None, Ifyllnad(BOKFÖRINGEN)]
Årsbudget = Annotated[Måttvärde | None, Ifyllnad("årets budget, från verksamhetsplanen (eller "
                                                 "bokföringens #PBUDGET)")]
# The forecast for the year: no default, a table that shows it needs it on every line.
Prognos = Annotated[Måttvärde | None, Ifyllnad("prognosen för helåret")]


class Kolumn(Modell):
    """A column with its own heading."""

    kolumn: Kolumnnamn
    rubrik: Korttext = Field(description="Kolumnens rubrik")


def _kolumnart(value: Any) -> str:
    return "[namn]" if isinstance(value, str) else "[kolumn]"


Kolumnpost = Annotated[
    Union[Annotated[Kolumnnamn, Tag("[namn]")], Annotated[Kolumn, Tag("[kolumn]")]],  # noqa: UP007
    Discriminator(_kolumnart),
]


class Budgetrad(Modell):
    nr: StrictInt | str | None = Field(
        default=None, description="Projektnummer, t.ex. 201 eller \"101-104\"; kan utelämnas"
    )
    namn: str = Field(min_length=1)
    slag: Budgetslag | None = Field(
        default=None,
        description="Gruppen raden summeras i (krävs för raderna i budget.rader när "
        "tabellerna görs av dem); annars om raden är intäkter, kostnader eller finansiella "
        "poster (utelämnat: av beloppets tecken)")
    årsbudget: Årsbudget = Field(default=0, description="Budget för hela året, kr (kostnad negativ)")
    periodbudget: Måttvärde | None = Field(
        default=None, description="Budget för perioden, kr; samma som årsbudgeten om den utelämnas"
    )
    utfall: Årsmått = Field(default=0, description="Utfall för perioden, kr (kostnad negativ)")
    utfall_föregående_år: Måttvärde | None = Field(
        default=None, description="Utfall föregående år, kr (kostnad negativ)")
    prognos: Prognos = Field(
        default=None, description="Prognos för helåret, kr (kostnad negativ); krävs på varje "
        "rad i en tabell som visar prognos eller avvikelse_prognos")
    förklaring: Korttext | None = Field(
        default=None, description="Kortfattad förklaring till avvikelsen (driftredovisningen)"
    )
    angivet: dict[Literal["avvikelse", "avvikelse_prognos"], StrictInt] = Field(
        default_factory=dict, description="De beräknade kolumnerna som de står i rapporten, kr "
        "(t.ex. avvikelse_prognos: 14432); kontrolleras mot prognos − årsbudget och utfall − "
        "periodbudget")
    i_driftredovisning: bool = Field(
        default=False, description="Visa raden under sin grupp i driftredovisningen"
    )


class Budgetgrupp(Modell):
    """Lines (and groups) under a heading, with their sum line."""

    grupp: Korttext = Field(description="Gruppens rubrik")
    rader: list[Budgetpost] = Field(min_length=1, description="Gruppens rader och grupper")
    summa_text: Korttext | None = Field(
        default=None, description="Summaradens text (utelämnad: Summa och gruppens rubrik)")
    visa_summa: bool = Field(default=True, description="false: gruppen har ingen summarad")
    summa: dict[Summakolumn, Belopp] | None = Field(
        default=None, description="Summaradens belopp som de står i rapporten, kr, per "
        "kolumn (t.ex. utfall: -881000); kontrolleras")
    förklaring: Korttext | None = Field(default=None, description="Förklaring på summaraden")

    @property
    def summarad(self) -> str:
        if self.summa_text:
            return self.summa_text
        return f"Summa {self.grupp[:1].lower()}{self.grupp[1:]}"


def _postart(value: Any) -> str:
    if isinstance(value, Budgetgrupp) or (isinstance(value, dict) and "grupp" in value):
        return "[grupp]"
    return "[rad]"


Budgetpost = Annotated[
    Union[Annotated[Budgetrad, Tag("[rad]")], Annotated[Budgetgrupp, Tag("[grupp]")]],  # noqa: UP007
    Discriminator(_postart),
]


def _tabellinställning(value: Any) -> Any:
    return {} if value is True else value


class Budgettabell(Modell):
    """A budget table of its own: caption, unit, columns, rows and total."""

    rubrik: Korttext | None = Field(default=None, description="Tabellens rubrik (bildtext)")
    enhet: Literal["kr", "tkr"] = Field(default="tkr", description="kr eller tkr")
    kolumner: list[Kolumnpost] | None = Field(
        default=None, min_length=1,
        description="Kolumnerna i ordning efter radtexten (utelämnad: standardkolumnerna)")
    radrubrik: Korttext | None = Field(
        default=None, description="Rubriken över radtexterna (utelämnad: Verksamhet, eller "
        "Belopp i tkr/kr)")
    rader: list[Budgetpost] | None = Field(
        default=None, min_length=1,
        description="Tabellens rader och grupper i ordning (utelämnad: budget.rader, "
        "grupperade efter slag)")
    summa_text: Korttext | None = Field(
        default=None, description="Totalradens text (utelämnad: Summa; sammanställningen: "
        "Periodens resultat)")
    visa_summa: bool = Field(default=True, description="false: tabellen har ingen totalrad")
    summa: dict[Summakolumn, Belopp] | None = Field(
        default=None, description="Totalradens belopp som de står i rapporten, kr; kontrolleras")
    eget_kapital: bool | None = Field(
        default=None, description="Visa eget kapital vid årets ingång och periodens utgång "
        "(utelämnad: i sammanställningen)")
    mot_resultaträkningen: bool = Field(
        default=True, description="false: tabellen redovisar bara en del av verksamheten och "
        "jämförs inte med resultaträkningen")
    text: Text | None = Field(default=None, description="Text efter tabellen")


Tabellinställning = Annotated[Budgettabell, BeforeValidator(_tabellinställning)]


class Budget(Modell):
    rader: list[Budgetrad] | None = Field(
        default=None, min_length=1,
        description="En rad per projekt med slag; driftredovisningen och sammanställningen "
        "görs av dem om de inte har egna rader")
    periodens_slut: dt.date | None = Field(
        default=None, description="Periodens sista dag; räkenskapsårets sista dag om utelämnad"
    )
    visa_periodbudget: bool = Field(
        default=True, description="Visa kolumnen periodbudget i sammanställningen"
    )
    rubriker: dict[Budgetslag, str] = Field(
        default_factory=dict, description="Egna gruppnamn, t.ex. individinriktade: Deltagarinsatser"
    )
    gruppförklaringar: dict[Budgetslag, Korttext] = Field(
        default_factory=dict, description="Kortfattad förklaring per grupp i driftredovisningen"
    )
    driftredovisning_text: Text | None = Field(
        default=None, description="Text efter driftredovisningens tabeller"
    )
    sammanställning_text: Text | None = Field(
        default=None, description="Text efter sammanställningen av utfall och budget"
    )
    driftredovisning: Tabellinställning | None = Field(
        default=None, description="Driftredovisningen med egna kolumner, enhet och rader "
        "(true: standard); anges en av tabellerna visas bara de som anges")
    sammanställning: Tabellinställning | None = Field(
        default=None, description="Sammanställningen av utfall och budget med egna kolumner, "
        "enhet och rader (true: standard); anges en av tabellerna visas bara de som anges")

    @model_validator(mode="after")
    def _rader_finns(self) -> Budget:
        if self.rader is None and self.av_budgetrader:
            raise ValueError("budgeten har inga rader: ange budget.rader, eller rader: i "
                             "driftredovisning: och sammanställning:")
        if self.rader is not None and self.av_budgetrader:
            missing = [i for i, rad in enumerate(self.rader) if rad.slag is None]
            if missing:
                slag = ", ".join(s.value for s in Budgetslag)
                raise ValidationError.from_exception_data("Budget", [
                    InitErrorDetails(type=PydanticCustomError("value_error", "{msg}", {
                        "msg": "slag: saknas; en rad i budget.rader summeras i gruppen för "
                        f"sitt slag ({slag})"}), loc=("rader", i, "slag"), input=None)
                    for i in missing])
        return self

    @property
    def av_budgetrader(self) -> bool:
        """Some table is made from budget.rader (grouped by slag)."""
        return any(getattr(self, n) is None or getattr(self, n).rader is None
                   for n in self.tabeller)

    @property
    def tabeller(self) -> tuple[str, ...]:
        """The tables printed: those given, or (today's form) both."""
        given = tuple(n for n in ("driftredovisning", "sammanställning")
                      if getattr(self, n) is not None)
        return given or ("driftredovisning", "sammanställning")

    def tabell(self, namn: str) -> Budgettabell | None:
        table: Budgettabell | None = getattr(self, namn)
        if table is None and namn in self.tabeller:
            return STANDARDTABELL  # today's form: the standard table
        return table


# A table with every setting its default (built without validating: `check` builds no
# validator it does not need).
STANDARDTABELL = Budgettabell.model_construct()

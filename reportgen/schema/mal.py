"""Goals as förbund write them: mål in målområden and on levels, mått of four kinds, and
the status scale the mål and mått are assessed on.

- A **mål** has a `rubrik`, optionally a `nivå` (övergripande mål, verksamhetsmål,
  aktivitetsmål …, or one of the förbund's own `målnivåer`), a `målområde` (one of
  `målområden`), a `status`, its `mått` and its `delmål` (goals on the next level).
- A **mått** is numeric (`minst` / `högst` a number, `utfall` a number or a computed
  figure), yes/no (`målvärde: ja`, `utfall: ja`), in words (`målvärde: Ansökan beviljad`,
  `resultat: …`, assessed by hand with `bedömning`), or measured for several groups
  (`utfall: {Styrelsen: 100, Beredningsgruppen: 40}`) with one assessment.
- The **status scale** (`statusskala`) lists the statuses best first, each with its
  label, colour and symbol; without it: uppfyllt, delvis uppfyllt, ej uppfyllt.

Names are resolved at the root (`referensfel`, called by `Indata`): an unknown status,
level or målområde is an error at its line naming the closest valid names. Assessments
are computed in reportgen/compute/mal.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BeforeValidator, Field, StrictBool, model_validator
from pydantic_core import InitErrorDetails, PydanticCustomError

from reportgen.schema.base import Ifyllnad, Korttext, Modell, Namnlista, Siffernamn, Text
from reportgen.suggest import okänt_namn


class Målstatus(str, Enum):
    """The standard scale's statuses (the scale when `statusskala` is not given)."""

    uppfyllt = "uppfyllt"
    delvis = "delvis uppfyllt"
    ej = "ej uppfyllt"


STANDARDSTATUS: tuple[str, ...] = tuple(s.value for s in Målstatus)

# Levels everyone uses: name → the word a goal's heading starts with ("Verksamhetsmål 2.").
STANDARDNIVÅER: dict[str, str] = {
    "mål": "Mål",
    "övergripande mål": "Övergripande mål",
    "verksamhetsmål": "Verksamhetsmål",
    "aktivitetsmål": "Aktivitetsmål",
    "organisationsmål": "Organisationsmål",
    "resultatmål": "Resultatmål",
    "effektmål": "Effektmål",
    "delmål": "Delmål",
}

# Colours by name (accent colours; a status's background is a light tint of its colour).
FÄRGER: dict[str, str] = {
    "grön": "#2e7d32",
    "ljusgrön": "#689f38",
    "gul": "#b7791f",
    "orange": "#c75b00",
    "röd": "#b3261e",
    "blå": "#1565c0",
    "lila": "#6a1b9a",
    "grå": "#5f6b7a",
}
_FÄRGNAMN = Namnlista("färgen", FÄRGER, eller="eller skriv en färgkod som #2e7d32")
_HEX = re.compile(r"#[0-9a-fA-F]{6}")

# Symbols the shipped typeface (Inter) has, besides letters, digits and punctuation
# (tests/test_goal_fixture.py checks them against the font's own character map).
SYMBOLER = "●○◯◦■□▪▲△▼▽◆◇◊★☆✓✗⚠♥♡❖↑↓←→↗↘⬆⬒⬓①②③④⑤"


def _färg(value: str) -> str:
    if _HEX.fullmatch(value):
        return value.lower()
    return FÄRGER[_FÄRGNAMN(value)]


def _symbol(value: str) -> str:
    if not 1 <= len(value) <= 3 or not all(
            c in SYMBOLER or (c.isprintable() and ord(c) < 0x250) for c in value):
        raise ValueError(f"symbolen {value!r} finns inte i rapportens typsnitt; välj en eller "
                         f"några av {' '.join(SYMBOLER)} eller bokstäver och siffror")
    return value


Färg = Annotated[str, AfterValidator(_färg), Field(
    description="Färgnamn (" + ", ".join(FÄRGER) + ") eller färgkod, t.ex. #2e7d32")]
Symbol = Annotated[str, AfterValidator(_symbol), Field(
    description="Ett tecken som visar statusen utan färg, t.ex. ● ◆ ▲ ○ ✓ ✗")]
Statusnamn = Annotated[str, Field(
    min_length=1, description="En status på statusskalan (utan statusskala: uppfyllt, "
    "delvis uppfyllt eller ej uppfyllt)", examples=list(STANDARDSTATUS))]


class Statusdefinition(Modell):
    """One status of the förbund's scale: the name mål and mått use, and how it is shown."""

    status: Statusnamn = Field(description="Namnet som status: och bedömning: använder")
    text: str | None = Field(
        default=None, description="Som det skrivs i rapporten (utelämnad: namnet med stor "
        "begynnelsebokstav)")
    färg: Färg | None = Field(
        default=None, description="Färgen som upprepar statusen (utelämnad: standardstatusens "
        "färg, annars grå)")
    symbol: Symbol | None = Field(default=None, description="Tecknet före texten")


class Målnivå(Modell):
    """A level of goals: the word its headings start with, and whether they are numbered."""

    rubrik: str = Field(description="Ordet före numret i rubriken, t.ex. Verksamhetsmål")
    numrering: Literal["löpande", "ingen"] = Field(
        default="löpande", description="löpande: 1, 2 … (delmål 1.1, 1.2 …); ingen: bara rubriken")


class Målområde(Modell):
    """A group of goals (målområde, perspektiv, fokusområde): its heading and text."""

    namn: str = Field(min_length=1, description="Namnet som mål: målområde: använder")
    rubrik: Korttext | None = Field(
        default=None, description="Rubriken (utelämnad: Målområde och namnet)")
    text: Text | None = None


# -- mått ------------------------------------------------------------------------------------

_KOMMATAL = re.compile(r"\s*-?\d+(?:,\d+)?\s*")


def _mätvärde(value: Any) -> Any:
    """A number as written: 3.0 keeps its decimal, "3,0" (decimal comma) is 3.0 too."""
    if isinstance(value, str) and _KOMMATAL.fullmatch(value):
        try:
            return Decimal(value.strip().replace(",", "."))
        except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
            return value
    return value


def _ja_nej(value: Any) -> Any:
    if isinstance(value, str) and value.strip().lower() in ("ja", "nej"):
        return value.strip().lower() == "ja"
    return value


Mätvärde = Annotated[Decimal, BeforeValidator(_mätvärde), Field(
    description="Ett tal, t.ex. 70, 65.5 eller \"3,0\" (decimalerna visas som de skrivs)")]
JaNej = Annotated[StrictBool, BeforeValidator(_ja_nej), Field(description="ja eller nej")]
# One measured value: yes/no, a number, or the name of a computed figure.
Värde = Annotated[JaNej | Mätvärde | Siffernamn, Field(union_mode="left_to_right")]
# What fills in a goal's gaps (reportgen nytt-år clears last year's assessments and outcomes).
UTFALLET = "årets utfall"
BEDÖMNINGEN = "årets bedömning; ta bort raden om den ska beräknas från måtten"
# One group's measured value; empty, a gap.
Gruppvärde = Annotated[Värde | None, Ifyllnad(UTFALLET)]


class Mått(Modell):
    """A measurable target and its outcome: numeric, yes/no, in words, or per group."""

    text: str = Field(description="Vad som mäts")
    minst: Mätvärde | None = Field(default=None, description="Målet är nått vid minst detta värde")
    högst: Mätvärde | None = Field(default=None, description="Målet är nått vid högst detta värde")
    målvärde: JaNej | Korttext | None = Field(
        default=None, union_mode="left_to_right", description="Målet som ja/nej (ja: det ska "
        "ha skett) eller i ord, t.ex. Ansökan beviljad")
    enhet: str = Field(default="%", description="Enhet för mål och utfall, t.ex. % eller personer")
    # Flat, so that reportgen/schema/marked.py finds a figure name in any arm. Empty (`utfall:`,
    # as reportgen nytt-år leaves a measured value), a gap to fill in.
    utfall: Annotated[JaNej | Mätvärde | Siffernamn | dict[str, Gruppvärde] | None,
                      Ifyllnad(UTFALLET)] = Field(
        default=None, union_mode="left_to_right",
        description="Uppmätt värde (ett tal, ja/nej, eller namnet på en beräknad siffra som "
        "eget_kapital_andel), eller ett per grupp: {Styrelsen: 100, Beredningsgruppen: 40}",
    )
    resultat: Annotated[Korttext | None, Ifyllnad(UTFALLET)] = Field(
        default=None, description="Utfallet i ord, för ett mått med målvärde i ord")
    delvis_gräns: Mätvärde | None = Field(
        default=None,
        description="Från denna gräns (men inte ända till målet) är målet delvis uppfyllt",
    )
    bedömning: Annotated[Statusnamn | None, Ifyllnad(BEDÖMNINGEN)] = Field(
        default=None, description="Styrelsens bedömning; ersätter den beräknade")
    kommentar: Text | None = Field(default=None, description="Visas på en egen rad under måttet")

    @model_validator(mode="after")
    def _one_kind(self) -> Mått:
        numeric = [v for v in (self.minst, self.högst) if v is not None]
        if len(numeric) + (self.målvärde is not None) != 1:
            raise ValueError("ange målet med exakt ett av minst, högst (ett tal) och målvärde "
                             "(ja, nej eller en text)")
        values = self.utfall.values() if isinstance(self.utfall, dict) else [self.utfall]
        given = [v for v in values if v is not None]
        if self.målvärde is None or isinstance(self.målvärde, bool):
            if self.resultat is not None:
                raise ValueError("resultat (utfallet i ord) hör till ett mått med målvärde i ord; "
                                 "ange utfall för ett mått med tal eller ja/nej")
        if self.målvärde is None and any(isinstance(v, bool) for v in given):
            raise ValueError("utfallet är ja/nej men målet ett tal; skriv målvärde: ja (eller nej) "
                             "i stället för minst/högst")
        if isinstance(self.målvärde, bool) and any(not isinstance(v, bool) for v in given):
            raise ValueError("målvärdet är ja/nej, så utfallet ska vara ja eller nej")
        if isinstance(self.målvärde, str) and self.utfall is not None:
            raise ValueError("ett mått med målvärde i ord har sitt utfall i ord under resultat: "
                             "och bedöms med bedömning:")
        if self.delvis_gräns is not None and self.målvärde is not None:
            raise ValueError("delvis_gräns hör till ett mått med minst eller högst")
        return self

    @property
    def grupputfall(self) -> dict[str, Any] | None:
        """The outcome per group, when it is measured for several."""
        return self.utfall if isinstance(self.utfall, dict) else None


class Mål(Modell):
    """A goal: of the verksamhetsplan, a financial goal, or a delmål of another goal."""

    rubrik: str = Field(description="Målet som det står i verksamhetsplanen")
    nivå: str | None = Field(
        default=None, description="Målnivån, t.ex. övergripande mål, verksamhetsmål, "
        "aktivitetsmål (utelämnad: det överordnade målets, annars mål)",
        examples=list(STANDARDNIVÅER))
    målområde: str | None = Field(default=None, description="Namnet på målområdet (målområden:)")
    status: Annotated[Statusnamn | None, Ifyllnad(BEDÖMNINGEN)] = Field(
        default=None, description="Bedömningen; utelämnad: beräknad från mått och delmål")
    text: Text | None = Field(default=None, description="Beskrivning och bedömning (Markdown)")
    aktiviteter: list[Text] = Field(default_factory=list,
                                    description="Genomförda (eller föreslagna) aktiviteter")
    utfall: Annotated[Korttext | None, Ifyllnad(UTFALLET)] = Field(
        default=None, description="Utfallet i korthet (målmatrisens kolumn utfall)")
    insatser: list[str] = Field(
        default_factory=list, description="Id för de insatser som bidrar till målet"
    )
    mått: list[Mått] = Field(default_factory=list)
    delmål: list[Mål] = Field(default_factory=list, description="Mål på nivån under")


# -- names resolved at the root ------------------------------------------------------------


def statusnamn(skala: list[Statusdefinition]) -> tuple[str, ...]:
    return tuple(s.status for s in skala) if skala else STANDARDSTATUS


def nivånamn(egna: dict[str, Målnivå]) -> tuple[str, ...]:
    return tuple(dict.fromkeys((*STANDARDNIVÅER, *egna)))


def _error(loc: tuple[str | int, ...], value: Any, message: str) -> InitErrorDetails:
    return InitErrorDetails(type=PydanticCustomError("value_error", message), loc=loc,
                            input=value)


def _träd(key: str, goals: list[Mål]) -> Iterator[tuple[tuple[str | int, ...], Mål]]:
    """Every goal of a list and their delmål, with their YAML paths."""
    def walk(path: tuple[str | int, ...], items: list[Mål]) -> Iterator[
            tuple[tuple[str | int, ...], Mål]]:
        for index, goal in enumerate(items):
            here = (*path, index)
            yield here, goal
            yield from walk((*here, "delmål"), goal.delmål)

    return walk((key,), goals)


def referensfel(skala: list[Statusdefinition], nivåer: dict[str, Målnivå],
                områden: list[Målområde], listor: dict[str, list[Mål]],
                resultatmål: Sequence[Sequence[Mått]]) -> list[InitErrorDetails]:
    """Every status, level and målområde that names nothing, at its field (root paths);
    *resultatmål* are the insatser's, in their order."""
    errors: list[InitErrorDetails] = []
    statuses = statusnamn(skala)
    seen: set[str] = set()
    for index, s in enumerate(skala):
        if s.status in seen:
            errors.append(_error(("statusskala", index, "status"), s.status,
                                 f"statusen {s.status!r} finns redan på skalan"))
        seen.add(s.status)
    if len(skala) == 1:
        errors.append(_error(("statusskala",), None, "en statusskala har minst två statusar"))
    names = [o.namn for o in områden]
    for index, name in enumerate(names):
        if name in names[:index]:
            errors.append(_error(("målområden", index, "namn"), name,
                                 f"målområdet {name!r} finns redan"))
    levels = nivånamn(nivåer)

    def status(loc: tuple[str | int, ...], value: str | None) -> None:
        if value is not None and value not in statuses:
            errors.append(_error(loc, value, okänt_namn("statusen", value, statuses)))

    def mått(path: tuple[str | int, ...], items: Sequence[Mått]) -> None:
        for k, m in enumerate(items):
            status((*path, k, "bedömning"), m.bedömning)

    for key, goals in listor.items():
        for path, goal in _träd(key, goals):
            status((*path, "status"), goal.status)
            mått((*path, "mått"), goal.mått)
            if goal.nivå is not None and goal.nivå not in levels:
                errors.append(_error((*path, "nivå"), goal.nivå,
                                     okänt_namn("målnivån", goal.nivå, levels)))
            if goal.målområde is not None and goal.målområde not in names:
                message = (okänt_namn("målområdet", goal.målområde, names) if names else
                           f"målområdet {goal.målområde!r} finns inte: inga målområden är "
                           "angivna (målområden:)")
                errors.append(_error((*path, "målområde"), goal.målområde, message))
            if goal.målområde is not None and len(path) > 2:
                errors.append(_error((*path, "målområde"), goal.målområde,
                                     "ett delmål hör till sitt överordnade måls målområde"))
    for index, items in enumerate(resultatmål):
        mått(("insatser", index, "resultatmål"), items)
    return errors

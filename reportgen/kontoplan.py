"""A kontoplan mapping: which accounts (and project objects) make which line of the report.

A mapping file (YAML; the shipped ones are templates/kontoplaner/kommun-bas.yaml and
bas.yaml) places account ranges on the layout's lines (`resultaträkning`,
`balansräkning`), names closing accounts that are on no line (`bokslut`), defines note rows
by account group or project range (`noter`) and says which SIE dimension holds the budget's
projects (`budget.dimension`). A förbund's own file may start from a shipped one
(`grund: kommun-bas`): a line, or a note by its rubrik, that it names replaces the base's.

An account range is a number, read as the leading digits of an account (`3` is class 3,
`68` group 68, `3011` the account 3011 and any 3011x), or two of the same length
(`60-67`). Every account may stand on one line only; a mapping that places one on two is
refused with both places named.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from pydantic import BeforeValidator, Field

from reportgen.findings import Finding, Location, UserError, error_at
from reportgen.load import PathKey, Source, load_yaml
from reportgen.schema.base import Modell
from reportgen.schema.ekonomi import Kostnadsslag
from reportgen.templates_dir import templates_dir
from reportgen.validate import validate_as

SHIPPED = {"kommun-bas": "kommun-bas.yaml", "bas": "bas.yaml"}
STANDARD = "kommun-bas"
_WIDTH = 12  # digits an account is compared at


def _as_text(value: object) -> object:
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


Intervall = Annotated[
    str,
    BeforeValidator(_as_text),
    Field(pattern=r"^[0-9]{1,10}(-[0-9]{1,10})?$",
          description="Kontonummer eller början av ett (3, 68, 3011), eller ett intervall av "
          "samma längd (60-67)"),
]


class Mallrad(Modell):
    text: str = Field(description="Radens text i noten")
    konton: list[Intervall] | None = Field(
        default=None, description="Konton på raden; utelämnat: notens raders konton")
    projekt: list[Intervall] | None = Field(
        default=None, description="Bara dessa projekt (objekt i budgetdimensionen), t.ex. 300-399")
    medlemsbidrag: bool = False
    kostnadsslag: Kostnadsslag | None = None


class Notmall(Modell):
    rubrik: str
    avser: list[str] = Field(min_length=1)
    omvänt_tecken: bool = False
    rader: list[Mallrad] = Field(min_length=1)


class Budgetmall(Modell):
    dimension: str = Field(default="6", description="SIE-dimensionen för projekten (6 = projekt)")

    @property
    def nyckel(self) -> str:
        return self.dimension


class Kontoplanfil(Modell):
    namn: str
    grund: str | None = Field(default=None, description="En kontoplan att utgå från: kommun-bas, "
                              "bas eller en fil")
    resultaträkning: dict[str, list[Intervall]] = Field(default_factory=dict)
    balansräkning: dict[str, list[Intervall]] = Field(default_factory=dict)
    bokslut: list[Intervall] = Field(default_factory=list, description="Bokslutskonton (årets "
                                     "resultat) som inte hör till någon rad")
    noter: list[Notmall] = Field(default_factory=list)
    budget: Budgetmall | None = None


@dataclass(frozen=True)
class Intervallet:
    """An account range and where the mapping writes it."""

    text: str
    low: int
    high: int
    plats: Location

    def tar(self, konto: str) -> bool:
        return self.low <= _scaled(konto) <= self.high

    def överlappar(self, other: Intervallet) -> bool:
        return self.low <= other.high and other.low <= self.high


def _scaled(number: str) -> int:
    return int(number[:_WIDTH].ljust(_WIDTH, "0"))


def _interval(text: str, plats: Location) -> Intervallet:
    low, _, high = text.partition("-")
    high = high or low
    if len(high) != len(low):
        raise error_at(plats, f"intervallet {text} ska ha lika många siffror i båda ändar "
                       "(t.ex. 60-67 eller 6000-6799)", rule="kontoplan.intervall")
    if int(high) < int(low):
        raise error_at(plats, f"intervallet {text} slutar före det börjar", rule="kontoplan.intervall")
    top = (int(high) + 1) * 10 ** (_WIDTH - len(high)) - 1
    return Intervallet(text, int(low) * 10 ** (_WIDTH - len(low)), top, plats)


@dataclass(frozen=True)
class Notrad:
    text: str
    konton: tuple[Intervallet, ...] | None
    projekt: tuple[Intervallet, ...] | None
    medlemsbidrag: bool
    kostnadsslag: str | None
    plats: Location


@dataclass(frozen=True)
class Not:
    rubrik: str
    avser: tuple[str, ...]
    omvänt_tecken: bool
    rader: tuple[Notrad, ...]
    plats: Location


@dataclass(frozen=True)
class Kontoplan:
    """A resolved mapping: its lines' ranges per statement, closing accounts, notes."""

    namn: str
    filer: tuple[Path, ...]
    rader: dict[str, dict[str, tuple[Intervallet, ...]]]  # statement → line key → ranges
    bokslut: tuple[Intervallet, ...]
    noter: tuple[Not, ...]
    budgetdimension: str

    def placering(self, konto: str) -> tuple[str, str] | None:
        """(statement, line key) of the line *konto* is on, or ("bokslut", "") for a closing
        account; None if the mapping does not place it."""
        for räkning, lines in self.rader.items():
            for key, ranges in lines.items():
                if any(r.tar(konto) for r in ranges):
                    return räkning, key
        if any(r.tar(konto) for r in self.bokslut):
            return "bokslut", ""
        return None


def find(name: str, base: Path) -> Path:
    """The mapping file *name* names: a shipped one by name, or a file (relative to *base*)."""
    if name.lower() in SHIPPED:
        return templates_dir() / "kontoplaner" / SHIPPED[name.lower()]
    return (base / name) if not Path(name).is_absolute() else Path(name)


def read_kontoplan(name: str, base: Path, _seen: tuple[Path, ...] = ()) -> Kontoplan:
    """The resolved mapping *name* (shipped, or a file relative to *base*); raises UserError."""
    path = find(name, base)
    if path.resolve() in _seen:
        raise error_at(Location(path), "kontoplanen utgår från sig själv (grund: …) i en slinga",
                       rule="kontoplan.grund")
    source = load_yaml(path)
    fil = validate_as(Kontoplanfil, source)
    grund = (read_kontoplan(fil.grund, path.parent, (*_seen, path.resolve()))
             if fil.grund else None)
    own_rader = {
        räkning: {key: tuple(_interval(t, source.locate((räkning, key, i)))
                             for i, t in enumerate(ranges))
                  for key, ranges in getattr(fil, räkning).items()}
        for räkning in ("resultaträkning", "balansräkning")
    }
    rader = {r: {**(grund.rader[r] if grund else {}), **own_rader[r]} for r in own_rader}
    bokslut = (tuple(_interval(t, source.locate(("bokslut", i))) for i, t in enumerate(fil.bokslut))
               if fil.bokslut or grund is None else grund.bokslut)
    own_notes = tuple(_note(source, i, n) for i, n in enumerate(fil.noter))
    names = {n.rubrik.casefold() for n in own_notes}
    noter = (*(n for n in (grund.noter if grund else ()) if n.rubrik.casefold() not in names),
             *own_notes)
    dimension = (fil.budget.dimension if fil.budget else
                 grund.budgetdimension if grund else "6")
    plan = Kontoplan(fil.namn, (*(grund.filer if grund else ()), path), rader, bokslut, noter,
                     dimension)
    problems = list(_overlaps(plan))
    if problems:
        raise UserError(problems)
    return plan


def _note(source: Source, index: int, mall: Notmall) -> Not:
    def ranges(path: PathKey, items: list[str] | None) -> tuple[Intervallet, ...] | None:
        if items is None:
            return None
        return tuple(_interval(t, source.locate((*path, i))) for i, t in enumerate(items))

    rows = []
    for r, rad in enumerate(mall.rader):
        path: PathKey = ("noter", index, "rader", r)
        if rad.konton is None and rad.projekt is None:
            raise error_at(source.locate(path), f"raden {rad.text!r} i noten {mall.rubrik!r} "
                           "behöver konton eller projekt", rule="kontoplan.not")
        rows.append(Notrad(rad.text, ranges((*path, "konton"), rad.konton),
                           ranges((*path, "projekt"), rad.projekt), rad.medlemsbidrag,
                           rad.kostnadsslag.value if rad.kostnadsslag else None,
                           source.locate(path)))
    return Not(mall.rubrik, tuple(mall.avser), mall.omvänt_tecken, tuple(rows),
               source.locate(("noter", index)))


def _overlaps(plan: Kontoplan) -> Iterator[Finding]:
    """One account on two lines (or a line and the closing accounts), or on two rows of a note."""
    placed = [(f"{räkning}.{key}", r) for räkning, lines in plan.rader.items()
              for key, ranges in lines.items() for r in ranges]
    placed += [("bokslut", r) for r in plan.bokslut]
    yield from _pairs(placed, "raderna")
    for note in plan.noter:
        seen: list[Notrad] = []
        for rad in note.rader:
            for other in seen:
                if _shared(rad.konton, other.konton) and _shared(rad.projekt, other.projekt):
                    where = next(iter((rad.konton or ()) + (rad.projekt or ())), None)
                    yield Finding(where.plats if where else rad.plats,
                                  f"noten {note.rubrik!r}: raderna {other.text!r} och {rad.text!r} "
                                  "tar samma konton och projekt; ett belopp kan bara stå på en rad",
                                  rule="kontoplan.dubbel")
            seen.append(rad)


def _shared(a: tuple[Intervallet, ...] | None, b: tuple[Intervallet, ...] | None) -> bool:
    """Do two rows' ranges share anything (no ranges: every account, every project)?"""
    if a is None or b is None:
        return True
    return any(x.överlappar(y) for x in a for y in b)


def _pairs(placed: list[tuple[str, Intervallet]], vad: str) -> Iterator[Finding]:
    for i, (name, r) in enumerate(placed):
        for other_name, other in placed[:i]:
            if name != other_name and r.överlappar(other):
                yield Finding(r.plats, f"kontona {r.text} står på två rader: {other_name} "
                              f"({other.text}, {other.plats}) och {name}; ett konto kan bara stå på "
                              "en rad", rule="kontoplan.dubbel")

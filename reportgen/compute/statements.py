"""Resultaträkning, balansräkning and kassaflödesanalys computed from their layouts.

Every line, subtotal and derived line is defined once, in the layout (the standard one in
templates/layouts/standard.yaml with the förbund's changes, reportgen/schema/layout_resolve.py);
this module evaluates it for the report year and the comparison year. Each computed
statement carries the subtotals it was computed from (`Rakning.delsummor`) and each row
the sign of its line (`Rad.tecken`), so `check` compares against the same definitions.

The rest of the report reads statement figures by what they mean, never by a line's key:
`eko.resultaträkning.belopp("årets_resultat", år)`, `eko.balansräkning.belopp(
"summa_eget_kapital", år)` (the meanings are reportgen/schema/layout.py's `Betydelse`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property

from reportgen.perioder import Kolumn, Perioder
from reportgen.schema import Indata
from reportgen.schema.ekonomi import IngåendeBalans, Not
from reportgen.schema.r17 import perioder as report_perioder
from reportgen.schema.uppstallning import (
    BETYDELSER,
    PROGNOS,
    Layout,
    Radslag,
    Tecken,
    Uppställning,
)
from reportgen.schema.uppstallning import Rad as Layoutrad

__all__ = ["Delsumma", "Ekonomiberakning", "Rad", "Radtyp", "Rakning", "Tecken",
           "compute_ekonomi", "summera"]


class Radtyp(str, Enum):
    RUBRIK = "rubrik"  # a heading row without amounts
    POST = "post"  # an amount line: stated, derived, or the sum of its sub-lines
    SUMMA = "summa"  # a subtotal, printed as one
    TEXT = "text"  # a row whose values are words ("inga")


@dataclass(frozen=True)
class Rad:
    key: str
    label: str
    kind: Radtyp
    values: dict[Kolumn, int | None] = field(default_factory=dict)
    texts: dict[Kolumn, str] = field(default_factory=dict)
    note: int | None = None
    tecken: Tecken | None = None  # the sign the line has by its kind; None: either
    level: int = 1  # a heading's level; a line's indentation (2: a sub-line)
    shown: bool = True  # printed: a line zero in both years is not, unless its layout asks
    parts: tuple[str, ...] = ()  # the lines it adds (a subtotal, a line with sub-lines)
    betydelse: str | None = None  # what it means (the layout's `betydelse`)


@dataclass(frozen=True)
class Delsumma:
    """A subtotal of a statement: its line key and the keys of the lines it adds.

    Every line is an amount with its own sign (costs are negative), so a subtotal is
    the plain sum of its parts. A part may itself be a subtotal defined earlier.
    """

    key: str
    parts: tuple[str, ...]


def summera(delsummor: tuple[Delsumma, ...], lines: Mapping[str, int]) -> dict[str, int]:
    """*lines* and every subtotal of *delsummor*, computed in order from them."""
    values = dict(lines)
    for delsumma in delsummor:
        values[delsumma.key] = sum(values[part] for part in delsumma.parts)
    return values


@dataclass(frozen=True)
class Rakning:
    """One statement: its title, columns (years, newest first; in a delårsrapport's
    resultaträkning the forecast after them, `PROGNOS`), rows and subtotals."""

    key: str
    title: str
    years: tuple[Kolumn, ...]
    column_labels: tuple[str, ...]
    rows: tuple[Rad, ...]
    delsummor: tuple[Delsumma, ...]  # its subtotals, each after the subtotals it adds

    @cached_property
    def _index(self) -> dict[str, Rad]:
        return {row.key: row for row in self.rows}

    def row(self, key: str) -> Rad:
        return self._index[key]

    def value(self, key: str, year: Kolumn) -> int | None:
        return self._index[key].values.get(year)

    def belopp(self, betydelse: str, year: Kolumn) -> int:
        """The figure of the lines that mean *betydelse* (their sum; 0 if the layout has
        none): how the rest of the report reads a statement."""
        if betydelse not in BETYDELSER[self.key]:
            raise KeyError(f"{self.key} has no meaning {betydelse!r}")
        return sum(row.values.get(year) or 0 for row in self.rows if row.betydelse == betydelse)

    @property
    def printed_rows(self) -> tuple[Rad, ...]:
        return tuple(row for row in self.rows if row.shown)


@dataclass(frozen=True)
class Ekonomiberakning:
    """All computed statements for the report year and the comparison year, and the notes'
    numbers."""

    year: int
    years: tuple[int, int]
    layout: Layout
    resultaträkning: Rakning
    balansräkning: Rakning
    kassaflödesanalys: Rakning
    notordning: tuple[int, ...]  # the notes (their index in ekonomi.noter) in printed order
    notnummer: dict[int, int]  # a note's index in ekonomi.noter → its printed number
    perioder: Perioder  # what each column covers, and its heading (reportgen/perioder.py)
    # The years whose statements leave a figure to fill in (a gap): the rules that compare
    # other tables with the statements pass them over (`lucka` reports the gaps).
    luckor: frozenset[int] = frozenset()

    def räkning(self, key: str) -> Rakning:
        rakning: Rakning = getattr(self, key)
        return rakning


class _Räknare:
    """The amounts of every line of the three statements, computed on demand, once."""

    def __init__(self, indata: Indata, layout: Layout, years: tuple[int, int],
                 perioder: Perioder) -> None:
        self.eko = indata.ekonomi
        self.perioder = perioder
        self.layout = layout
        self.years = years
        self.memo: dict[tuple[str, Kolumn, str], int | None] = {}

    def stated(self, räkning: str, year: Kolumn) -> Mapping[str, int | str | None]:
        if year == PROGNOS:
            return (self.eko.prognos or {}) if räkning == "resultaträkning" else {}
        by_year: Mapping[Kolumn, Mapping[str, int | str | None]] = getattr(
            self.eko, self.layout.räkning(räkning).yaml_nyckel)
        return by_year.get(year, {})

    def value(self, räkning: str, key: str, year: Kolumn) -> int | None:
        memo_key = (räkning, year, key)
        if memo_key not in self.memo:
            rad = self.layout.räkning(räkning).rad(key)
            assert rad is not None, key
            self.memo[memo_key] = self._compute(räkning, rad, year)
        return self.memo[memo_key]

    def _compute(self, räkning: str, rad: Layoutrad, year: Kolumn) -> int | None:
        if rad.slag is Radslag.RUBRIK:
            return None
        if rad.delar:
            return sum(self.value(räkning, part, year) or 0 for part in rad.delar)
        stated = self.stated(räkning, year).get(rad.key)
        if rad.slag is Radslag.TEXTRAD:
            return stated if isinstance(stated, int) else None
        if rad.slag is Radslag.HÄRLEDD:
            assert rad.härledning is not None
            h = rad.härledning
            if not isinstance(year, int) or not self.perioder.samma_period(year):
                # The forecast, or last year's closing balance beside last year's period:
                # no other column to derive from; the figure as stated.
                return stated if isinstance(stated, int) else 0
            if h.sätt == "från":
                base = (self.roll(h.räkning, h.namn, year) if h.namn in BETYDELSER[h.räkning]
                        else self.value(h.räkning, h.namn, year) or 0)
            elif h.sätt == "förändring":
                base = self.roll("balansräkning", h.namn, year) - self.start(h.namn, year)
            else:
                base = self.start(h.namn, year)
            return h.faktor * base
        return stated if isinstance(stated, int) else 0

    def roll(self, räkning: str, betydelse: str, year: int) -> int:
        upp = self.layout.räkning(räkning)
        return sum(self.value(räkning, r.key, year) or 0 for r in upp.med_betydelse(betydelse))

    def start(self, betydelse: str, year: int) -> int:
        """The balance sheet's lines meaning *betydelse* at the start of *year*: last year's
        closing figure, or the stated opening balance; without either, the year's own (the
        year shows no change; `check` reports the missing ingående_balans)."""
        if year - 1 in self.years:
            return self.roll("balansräkning", betydelse, year - 1)
        ib = self.eko.ingående_balans
        if ib is not None:
            return getattr(ib, betydelse, 0) if betydelse in IngåendeBalans.model_fields else 0
        return self.roll("balansräkning", betydelse, year)


def compute_ekonomi(indata: Indata) -> Ekonomiberakning:
    year = indata.rapport.räkenskapsår
    years = (year, year - 1)
    layout = indata.ekonomi.uppställning
    perioder = report_perioder(indata)
    räknare = _Räknare(indata, layout, years, perioder)
    columns = {u.key: _kolumner(u.key, years, indata) for u in layout.alla()}
    shown = {u.key: _shown(u, räknare, columns[u.key]) for u in layout.alla()}
    printed = [(u.key, r.key) for u in layout.alla() for r in u.rader if shown[u.key][r.key]]
    order, numbers = _notordning(indata.ekonomi.noter, layout, printed)
    line_note: dict[tuple[str, str], int] = {}
    for index in order:
        for namn in indata.ekonomi.noter[index].avser:
            line = layout.avser(namn)
            if line is not None:
                line_note.setdefault(line, numbers[index])
    statements = {
        u.key: _rakning(u, räknare, columns[u.key], shown[u.key],
                        {k: n for (r, k), n in line_note.items() if r == u.key})
        for u in layout.alla()
    }
    luckor = frozenset(
        y for u in layout.alla()
        for y, values in getattr(indata.ekonomi, u.yaml_nyckel).items()
        if any(v is None for v in values.values()))
    return Ekonomiberakning(year=year, years=years, layout=layout, notordning=order,
                            notnummer=numbers, perioder=perioder, luckor=luckor, **statements)


def _kolumner(räkning: str, years: tuple[int, int], indata: Indata) -> tuple[Kolumn, ...]:
    """A statement's columns: the two years; the resultaträkning's forecast after them."""
    if räkning == "resultaträkning" and indata.ekonomi.prognos is not None:
        return (*years, PROGNOS)
    return years


def _shown(upp: Uppställning, räknare: _Räknare, years: tuple[Kolumn, ...]) -> dict[str, bool]:
    """Which rows are printed: a line with an amount other than 0 in either year (or whose
    layout says `visa: alltid`), a text line that is stated, a heading with a printed row
    before the next heading of its level or above."""
    out: dict[str, bool] = {}
    for rad in upp.rader:
        if rad.slag is Radslag.RUBRIK:
            continue
        if rad.slag is Radslag.TEXTRAD:
            out[rad.key] = any(rad.key in räknare.stated(upp.key, y) for y in years)
        else:
            out[rad.key] = rad.visa_alltid or any(
                räknare.value(upp.key, rad.key, y) for y in years)
    for i, rad in enumerate(upp.rader):
        if rad.slag is not Radslag.RUBRIK:
            continue
        scope = []
        for later in upp.rader[i + 1:]:
            if later.slag is Radslag.RUBRIK and later.nivå <= rad.nivå:
                break
            scope.append(later)
        out[rad.key] = any(out.get(r.key, False) for r in scope if r.slag is not Radslag.RUBRIK)
    return out


def _rakning(upp: Uppställning, räknare: _Räknare, years: tuple[Kolumn, ...],
             shown: dict[str, bool], notes: dict[str, int]) -> Rakning:
    rows = []
    perioder = räknare.perioder
    for rad in upp.rader:
        values: dict[Kolumn, int | None] = {}
        texts: dict[Kolumn, str] = {}
        kind = {Radslag.RUBRIK: Radtyp.RUBRIK, Radslag.SUMMA: Radtyp.SUMMA}.get(rad.slag, Radtyp.POST)
        if rad.slag is not Radslag.RUBRIK:
            for y in years:
                values[y] = räknare.value(upp.key, rad.key, y)
                word = räknare.stated(upp.key, y).get(rad.key)
                if rad.slag is Radslag.TEXTRAD and isinstance(word, str):
                    texts[y] = word
            if texts:
                kind = Radtyp.TEXT
        rows.append(Rad(rad.key, perioder.radtext(rad.betydelse, rad.text), kind, values, texts,
                        notes.get(rad.key), rad.tecken, rad.nivå, shown[rad.key], rad.delar,
                        rad.betydelse))
    labels = tuple(perioder.rubrik("balansräkning" if upp.kolumner == "balansdag" else upp.key, y)
                   for y in years)
    index = {r.key: r for r in upp.rader}
    delsummor = tuple(Delsumma(k, index[k].delar) for k in upp.ordning if index[k].delar)
    return Rakning(upp.key, upp.titel, years, labels, tuple(rows), delsummor)


def _notordning(noter: list[Not], layout: Layout, printed: list[tuple[str, str]],
                ) -> tuple[tuple[int, ...], dict[int, int]]:
    """The notes in printed order and their numbers.

    Notes are numbered in the order the statements first refer to them (a printed line the
    note explains). A note no printed line refers to (redovisningsprinciper, händelser efter
    balansdagen) keeps its place in the YAML's list of notes; the referred notes fill the
    other places, in order of first reference. So redovisningsprinciper listed first stays
    Not 1, and händelser efter balansdagen listed last stays last.
    """
    position = {line: i for i, line in enumerate(printed)}
    first: dict[int, int] = {}
    for index, note in enumerate(noter):
        refs = [position[line] for namn in note.avser
                if (line := layout.avser(namn)) is not None and line in position]
        if refs:
            first[index] = min(refs)
    referred = iter(sorted(first, key=lambda i: (first[i], i)))
    order = tuple(next(referred) if index in first else index for index in range(len(noter)))
    return order, {index: number for number, index in enumerate(order, start=1)}

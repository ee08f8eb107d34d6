"""The five-year overview (femårsöversikt), in kr or tkr.

API
---
``översiktsrader(ekonomi) -> Översiktsform | None``
    The overview as the YAML gives it, in one form whichever way it is written (the table,
    or today's mapping of years): unit, number of years, and the rows with the values
    stated for them and where. None when the YAML has no overview.

``compute_overview(indata, eko) -> Översiktsberakning | None``
    The table: its years (newest first) and its rows as printed. For a year whose
    statements are in the file, a row reportgen can derive is computed (kronor, or tkr as
    the resultaträkning in tkr shows it: reportgen/compute/avrundning.py); any other year
    prints as stated; a row of one's own as stated. A row nothing fills is not printed.
    The checks (reportgen/checks/oversikt.py) compare what is stated with the same figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from reportgen.compute.statements import Ekonomiberakning
from reportgen.compute.verksamhet import andel, medlemsbidrag
from reportgen.fmt import tkr
from reportgen.load import PathKey
from reportgen.schema import Indata
from reportgen.schema.ekonomi import Ekonomi
from reportgen.schema.oversikt import RADER, STANDARDRADER, ÅRSFÄLT, Femårsöversikt

# What reportgen derives an amount row from (the resultaträkning's meanings, summed).
RR_RADER = {
    "verksamhetens_intäkter": ("verksamhetens_intäkter",),
    "verksamhetens_kostnader": ("verksamhetens_kostnader", "avskrivningar"),
    "årets_resultat": ("årets_resultat",),
}


@dataclass(frozen=True)
class Angivet:
    """A value the YAML states for a row and year (kr or tkr by the table's unit, percent,
    or a count), and where."""

    värde: int | float
    plats: PathKey


@dataclass(frozen=True)
class Formrad:
    key: str | None  # a row reportgen knows (schema/oversikt.py RADER), None: one's own
    label: str
    slag: str  # belopp | procent | antal
    visas: bool  # printed (today's form checks eget kapital rows it does not print)
    angivet: dict[int, Angivet]
    plats: PathKey  # the row in the YAML


@dataclass(frozen=True)
class Översiktsform:
    enhet: str  # kr | tkr
    antal_år: int
    rader: tuple[Formrad, ...]
    år: frozenset[int]  # the years the YAML names


def översiktsrader(ekonomi: Ekonomi) -> Översiktsform | None:
    given = ekonomi.femårsöversikt
    if given is None:
        return None
    base: PathKey = ("ekonomi", "femårsöversikt")
    if isinstance(given, Femårsöversikt):
        rows = tuple(
            Formrad(r.rad, r.etikett, r.slag, True,
                    {y: Angivet(v, (*base, "rader", i, "värden", y))
                     for y, v in r.värden.items() if v is not None},
                    (*base, "rader", i))
            for i, r in enumerate(given.radlista()))
        years = frozenset(y for r in given.radlista() for y in r.värden)
        return Översiktsform(given.enhet, given.antal_år, rows, years)
    stated: dict[str, dict[int, Angivet]] = {name: {} for name in ÅRSFÄLT.values()}
    for year, values in given.items():
        for fält, name in ÅRSFÄLT.items():
            value = getattr(values, fält)
            if value is not None:
                stated[name][year] = Angivet(value, (*base, year, fält))
    rows = tuple(Formrad(name, RADER[name][0], RADER[name][1], name in STANDARDRADER,
                         stated[name], base)
                 for name in (*STANDARDRADER, "eget_kapital", "eget_kapital_andel"))
    return Översiktsform("tkr", 5, rows, frozenset(given))


# A printed value: an amount or count (int), a share (Decimal ratio) or a stated percent.
Cellvärde = int | Decimal | float | None


@dataclass(frozen=True)
class Avrundningsdiff:
    """A tkr figure that absorbed a rounding difference: printed, and its exact kronor."""

    label: str
    year: int
    kr: int
    tkr: int


@dataclass(frozen=True)
class Översiktsrad:
    key: str | None  # the row reportgen knows (RADER), None: one of the förbund's own
    label: str
    slag: str
    värden: dict[int, Cellvärde]  # year → what is printed (None: "–"; a share is a Decimal,
    # a percentage as stated an int or float)


@dataclass(frozen=True)
class Översiktsberakning:
    enhet: str
    years: tuple[int, ...]  # newest first
    rader: tuple[Översiktsrad, ...]  # the printed rows, in order
    avrundning: tuple[Avrundningsdiff, ...]

    def rad(self, key: str) -> Översiktsrad | None:
        """The printed row reportgen knows as *key*, if the table has it."""
        return next((r for r in self.rader if r.key == key), None)

    def tkr(self, key: str, year: int) -> int | None:
        """Row *key*'s amount of *year* in tkr, as printed or (in kronor) rounded."""
        row = self.rad(key)
        value = None if row is None else row.värden.get(year)
        if value is None or row is None or row.slag != "belopp":
            return None
        return int(value) if self.enhet == "tkr" else tkr(int(value))


def härlett_kr(indata: Indata, eko: Ekonomiberakning, key: str, år: int) -> int | None:
    """The amount row *key* for a statement year, exact kronor (None: it cannot be derived)."""
    rr, br = eko.resultaträkning, eko.balansräkning
    if key in RR_RADER:
        return sum(rr.belopp(b, år) for b in RR_RADER[key])
    if key == "eget_kapital":
        return br.belopp("summa_eget_kapital", år)
    if key == "medlemsbidrag":
        return medlemsbidrag(indata, år)
    return None


def härledd_andel(indata: Indata, eko: Ekonomiberakning, key: str, år: int) -> Decimal | None:
    br = eko.balansräkning
    ek = br.belopp("summa_eget_kapital", år)
    if key == "soliditet":
        return andel(ek, br.belopp("summa_tillgångar", år))
    bidrag = medlemsbidrag(indata, år)
    return andel(ek, bidrag) if bidrag else None


def compute_overview(indata: Indata, eko: Ekonomiberakning) -> Översiktsberakning | None:
    # The rounding is only needed for the table (`check` reads the form alone).
    from reportgen.compute.avrundning import resultaträkning_tkr

    form = översiktsrader(indata.ekonomi)
    if form is None:
        return None
    years = tuple(sorted(form.år | set(eko.years), reverse=True)[:form.antal_år])
    rr_tkr = {y: resultaträkning_tkr(eko, y) for y in eko.years}
    rows: list[Översiktsrad] = []
    differences: list[Avrundningsdiff] = []
    for r in form.rader:
        if not r.visas:
            continue
        values: dict[int, Cellvärde] = {}
        for y in years:
            derived: Cellvärde = None
            if y in eko.years and r.key is not None and r.slag == "belopp":
                exact = härlett_kr(indata, eko, r.key, y)
                if exact is not None and form.enhet == "tkr":
                    shown = (sum(rr_tkr[y][b] for b in RR_RADER[r.key]) if r.key in RR_RADER
                             else tkr(exact))
                    if shown != tkr(exact):
                        differences.append(Avrundningsdiff(r.label, y, exact, shown))
                    derived = shown
                else:
                    derived = exact
            elif y in eko.years and r.slag == "procent":
                derived = härledd_andel(indata, eko, r.key or "", y)
            if derived is None and y in r.angivet:
                derived = r.angivet[y].värde
            values[y] = derived
        if any(v is not None for v in values.values()):
            rows.append(Översiktsrad(r.key, r.label, r.slag, values))
    return Översiktsberakning(form.enhet, years, tuple(rows), tuple(differences))

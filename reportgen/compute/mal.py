"""Assessing goals: the status scale, mått of every kind, goals and their delmål.

One engine for the verksamhetsplan's mål, the ekonomiska mål, delmål and an insats's
resultatmål.

**The scale.** `statusskala` lists the statuses best first (without it: uppfyllt, delvis
uppfyllt, ej uppfyllt). Each status has a *value*: the first 1, the last 0, those between
evenly spaced (a scale of four: 1, ⅔, ⅓, 0).

**A mått** is assessed by its stated `bedömning`, or computed as a share met: a numeric
mått 1 when its value reaches the target, ½ from its `delvis_gräns`, else 0; a yes/no
mått 1 when the answer is the målvärde, else 0; a mått measured for several groups the
mean of its groups' shares. A mått in words is only assessed by hand. Values are compared
**as printed**: a computed figure's number as shown ("70 %", not 69,996 %), a written
number with the decimals it is printed with (reportgen.fmt.visat_tal).

**A share becomes a status** (`Statusskala.från_andel`): 1 → the first status, 0 → the last,
anything between → the status between those two whose value is nearest, a tie going to the
lower one (on the standard scale: delvis uppfyllt; on a scale of two: the last).

**A goal** without a stated status gets one from the values of its assessed mått and
delmål: their mean, as a share. On the standard scale this is "all met → uppfyllt, none →
ej uppfyllt, otherwise delvis uppfyllt".

**Headings.** A goal on a numbered level is headed "<level's word> <number>. <rubrik>"
("Mål 3.", "Verksamhetsmål 1.2."): its number among its siblings on the same level, after
its parent's number. A rubrik that already starts with a level's word and a number ("Mål 3
– …") or with "Målområde" is its own heading: nothing is put before it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from reportgen.fmt import visat_tal
from reportgen.schema.mal import (
    FÄRGER,
    STANDARDNIVÅER,
    Mål,
    Målnivå,
    Målstatus,
    Mått,
    Statusdefinition,
)

PathKey = tuple[str | int, ...]

# The standard statuses' own look (report.css and the Word styles "Status …" match it).
STANDARDFÄRGER: dict[str, tuple[str, str]] = {  # name → (colour, background)
    Målstatus.uppfyllt.value: ("#2e7d32", "#e3f1e6"),
    Målstatus.delvis.value: ("#b7791f", "#fff3d1"),
    Målstatus.ej.value: ("#b3261e", "#fbe4e2"),
}
GRÅ = FÄRGER["grå"]


def bakgrund(färg: str, andel_vitt: float = 0.85) -> str:
    """A light background from an accent colour: mixed with white (85 % white), so that
    text in the report's ink on it keeps its contrast."""
    rgb = [int(färg[i:i + 2], 16) for i in (1, 3, 5)]
    mixed = [round(c * (1 - andel_vitt) + 255 * andel_vitt) for c in rgb]
    return "#" + "".join(f"{c:02x}" for c in mixed)


@dataclass(frozen=True)
class Status:
    namn: str  # as status: and bedömning: write it
    text: str  # as printed
    symbol: str | None
    färg: str  # accent colour, #rrggbb
    bakgrund: str  # background, #rrggbb
    värde: Fraction  # 1 the best … 0 the worst
    standard: bool  # a standard status with its standard look (a CSS and Word style of its own)


@dataclass(frozen=True)
class Statusskala:
    statusar: tuple[Status, ...]

    def __getitem__(self, name: str) -> Status:
        return next(s for s in self.statusar if s.namn == name)

    def get(self, name: str | None) -> Status | None:
        return next((s for s in self.statusar if s.namn == name), None)

    @property
    def bästa(self) -> Status:
        return self.statusar[0]

    @property
    def sämsta(self) -> Status:
        return self.statusar[-1]

    def från_andel(self, andel: Fraction) -> Status:
        """The status a share met (0–1) stands for: see the module's docstring."""
        if andel >= 1:
            return self.bästa
        if andel <= 0:
            return self.sämsta
        between = self.statusar[1:-1]
        if not between:
            return self.sämsta
        # Nearest value; on a tie the lower status (max over the negated distance, then the
        # later position).
        return min(reversed(between), key=lambda s: abs(s.värde - andel))


def statusskala(skala: Sequence[Statusdefinition]) -> Statusskala:
    """The förbund's scale, or the standard one."""
    # The standard scale is built without a validator of its own (Modell's defer_build).
    given = list(skala) or [Statusdefinition.model_construct(status=name)
                            for name in STANDARDSTATUSAR]
    last = len(given) - 1
    out = []
    for index, d in enumerate(given):
        standard = d.färg is None and d.status in STANDARDFÄRGER
        colour, fill = (STANDARDFÄRGER[d.status] if standard else
                        (d.färg or GRÅ, bakgrund(d.färg or GRÅ)))
        out.append(Status(d.status, d.text or d.status[:1].upper() + d.status[1:], d.symbol,
                          colour, fill, Fraction(last - index, last), standard))
    return Statusskala(tuple(out))


STANDARDSTATUSAR = tuple(s.value for s in Målstatus)
STANDARDSKALA = statusskala(())


# -- mått ------------------------------------------------------------------------------------

# Looks a figure name up: (number as shown, formatted text); KeyError for an unknown name.
Uppslag = Callable[[str], tuple[Decimal, str]]


def figurnamn(utfall: str) -> str:
    """The figure name a mått's `utfall` gives, written bare or as `{{ name }}`."""
    return utfall.strip().strip("{} ").strip()


@dataclass(frozen=True)
class Mätning:
    """One measured value of a mått: its own, or one group's."""

    grupp: str | None
    värde: Decimal | bool | None  # as printed (None: not measured)
    text: str | None  # the figure's text, when the value is a computed figure
    andel: Fraction | None  # share met (None: not measured, or a mått in words)


@dataclass(frozen=True)
class Måttberakning:
    mått: Mått
    mätningar: tuple[Mätning, ...]  # one, or one per group
    status: Status | None
    angiven: bool  # the YAML states the assessment

    @property
    def flera_grupper(self) -> bool:
        return self.mått.grupputfall is not None

    @property
    def utfall(self) -> Decimal | bool | None:
        """The value of a mått measured once."""
        return self.mätningar[0].värde if self.mätningar else None

    @property
    def utfall_text(self) -> str | None:
        return self.mätningar[0].text if self.mätningar else None


def _mät(mått: Mått, grupp: str | None, value: object, uppslag: Uppslag) -> Mätning:
    text = None
    shown: Decimal | bool | None
    if isinstance(value, bool):
        shown = value
    elif isinstance(value, Decimal):
        shown = visat_tal(value)
    elif isinstance(value, str):
        try:
            shown, text = uppslag(figurnamn(value))
        except KeyError:  # a name the checks reject (mått.utfall): not measured
            shown, text = None, None
    else:
        shown = None
    return Mätning(grupp, shown, text, _andel(mått, shown))


def _andel(mått: Mått, value: Decimal | bool | None) -> Fraction | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return Fraction(value == mått.målvärde)
    if mått.minst is not None:
        target = visat_tal(mått.minst)
        if value >= target:
            return Fraction(1)
        partly = mått.delvis_gräns is not None and value >= visat_tal(mått.delvis_gräns)
        return Fraction(1, 2) if partly else Fraction(0)
    if mått.högst is not None:
        target = visat_tal(mått.högst)
        if value <= target:
            return Fraction(1)
        partly = mått.delvis_gräns is not None and value <= visat_tal(mått.delvis_gräns)
        return Fraction(1, 2) if partly else Fraction(0)
    return None  # a mått in words is assessed by hand


def medel(andelar: Iterable[Fraction | None]) -> Fraction | None:
    known = [a for a in andelar if a is not None]
    return sum(known, Fraction(0)) / len(known) if known else None


def bedöm_mått(mått: Mått, uppslag: Uppslag, skala: Statusskala = STANDARDSKALA) -> Måttberakning:
    """A mått's measured values and its assessment: the YAML's own if given, else computed."""
    groups = mått.grupputfall
    if groups is not None:
        measured = tuple(_mät(mått, name, value, uppslag) for name, value in groups.items())
    elif mått.utfall is not None:
        measured = (_mät(mått, None, mått.utfall, uppslag),)
    else:
        measured = ()
    if mått.bedömning is not None:
        return Måttberakning(mått, measured, skala.get(mått.bedömning), True)
    share = medel(m.andel for m in measured)
    return Måttberakning(mått, measured, skala.från_andel(share) if share is not None else None,
                         False)


def samlad_status(statuses: Iterable[Status | None],
                  skala: Statusskala = STANDARDSKALA) -> Status | None:
    """A goal's status from its parts' statuses: the mean of their values, as a status."""
    share = medel(s.värde for s in statuses if s is not None)
    return skala.från_andel(share) if share is not None else None


# -- goals -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Nivå:
    namn: str
    ord: str  # the word a heading starts with
    numrerad: bool


def nivåer(egna: dict[str, Målnivå]) -> dict[str, Nivå]:
    out = {name: Nivå(name, word, True) for name, word in STANDARDNIVÅER.items()}
    for name, n in egna.items():
        out[name] = Nivå(name, n.rubrik, n.numrering == "löpande")
    return out


@dataclass(frozen=True)
class Målberakning:
    path: PathKey  # ("mål", 0, "delmål", 1)
    mål: Mål
    nivå: Nivå
    nummer: str | None  # "3", "1.2"; None on an unnumbered level
    rubrik: str  # the heading as printed: "Mål 3. Förbundet har …"
    status: Status | None
    beräknad: bool  # status computed from the mått and delmål
    mått: tuple[Måttberakning, ...]
    delmål: tuple[Målberakning, ...] = ()

    @property
    def ankare(self) -> str:
        """The goal's anchor: mal-3, mal-1-2 (a delmål), ekonomiskt-mal-1."""
        prefix = "mal" if self.path[0] == "mål" else "ekonomiskt-mal"
        return "-".join([prefix, *(str(p + 1) for p in self.path if isinstance(p, int))])

    @property
    def etikett(self) -> str:
        """How a link names it: "mål 3", "verksamhetsmål 1.2", else its rubrik."""
        if self.nummer is not None and self.rubrik != self.mål.rubrik:
            return f"{self.nivå.ord[:1].lower()}{self.nivå.ord[1:]} {self.nummer}"
        return self.mål.rubrik

    def alla(self) -> Iterable[Målberakning]:
        """This goal and every delmål below it, in order."""
        yield self
        for child in self.delmål:
            yield from child.alla()


def egen_rubrik(rubrik: str, ord: Iterable[str]) -> bool:
    """Does *rubrik* carry its own label ("Mål 3 – …", "Målområde Finansiera: …")?"""
    words = "|".join(re.escape(w) for w in sorted(set(ord), key=len, reverse=True))
    return re.match(rf"(?i)(målområde\b|(?:{words})\s+\d)", rubrik.strip()) is not None


@dataclass(frozen=True)
class Målmiljö:
    """What assessing goals needs besides the goals: the scale, the levels, the figures."""

    skala: Statusskala
    nivåer: dict[str, Nivå]
    uppslag: Uppslag


def beräkna_mål(index: int, mål: Mål, uppslag: Uppslag, miljö: Målmiljö | None = None,
                path: PathKey | None = None, nummer: str | None = None,
                förälder: Nivå | None = None) -> Målberakning:
    """Assess *mål* (the *index*-th, from 1, of its list) and its delmål."""
    env = miljö or Målmiljö(STANDARDSKALA, nivåer({}), uppslag)
    where = path if path is not None else ("mål", index - 1)
    level = env.nivåer[mål.nivå] if mål.nivå is not None else (förälder or env.nivåer["mål"])
    number = (nummer or str(index)) if level.numrerad else None
    rows = tuple(bedöm_mått(m, env.uppslag, env.skala) for m in mål.mått)
    children = beräkna_lista(mål.delmål, env, (*where, "delmål"), number, level)
    own = mål.status is not None
    status = (env.skala.get(mål.status) if own else
              samlad_status([*(r.status for r in rows), *(c.status for c in children)],
                            env.skala))
    heading = mål.rubrik
    if number is not None and not egen_rubrik(heading, (n.ord for n in env.nivåer.values())):
        heading = f"{level.ord} {number}. {heading}"
    return Målberakning(where, mål, level, number, heading, status, not own, rows, children)


def beräkna_lista(mål: Sequence[Mål], miljö: Målmiljö, path: PathKey,
                  förälder_nummer: str | None = None,
                  förälder: Nivå | None = None) -> tuple[Målberakning, ...]:
    """A list of goals, each numbered among its siblings on the same level."""
    counts: dict[str, int] = {}
    out = []
    for index, goal in enumerate(mål):
        level = miljö.nivåer[goal.nivå] if goal.nivå is not None else (
            förälder or miljö.nivåer["mål"])
        counts[level.namn] = counts.get(level.namn, 0) + 1
        own = str(counts[level.namn])
        number = f"{förälder_nummer}.{own}" if förälder_nummer else own
        out.append(beräkna_mål(index + 1, goal, miljö.uppslag, miljö, (*path, index), number,
                               förälder))
    return tuple(out)


def statusräkning(mål: Iterable[Målberakning], skala: Statusskala = STANDARDSKALA
                  ) -> dict[str, int]:
    """Goals per status name (every status of the scale, zero where none has it)."""
    counts = {s.namn: 0 for s in skala.statusar}
    for m in mål:
        if m.status is not None:
            counts[m.status.namn] = counts.get(m.status.namn, 0) + 1
    return counts

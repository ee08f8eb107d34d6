"""Budget against outcome: the driftredovisning and the sammanställning as computed tables.

A budget table is declared (reportgen/schema/budget.py) and evaluated here by one engine:
rows (lines and groups, each group with its sum line unless it says not), columns (figures a
line states, figures computed from them, text), a unit. Today's `budget.rader` is such a
declaration too: `standard_rader` groups its lines by `slag` into today's groups and order
(the lines and groups as declared are reportgen/compute/budgetrader.py).

API (pure functions, integer kronor in; printed figures in the table's unit out)
------------------------------------------------------------------------------
``compute_budget(indata, eko) -> Budgetberakning | None``
    None without `budget`. Otherwise the tables the report prints (`tabeller`: name →
    `Tabellberakning`, in the order driftredovisning, sammanställning), and for today's form the
    driftredovisning's summary (`sammandrag`).

``Tabellberakning``: its columns (`Kolumnspec`), rows as printed (`Tabellrad`: heading, line or
sum; each amount cell exact in kronor and as printed), its unit, and the printed figures
that absorbed a rounding difference (`avrundning`, for the footnote).

A total that agrees with the resultaträkning to the krona (the lines of a kind: intäkter,
kostnader, finansiella poster, `budgetrader.bidrag`) is printed as the resultaträkning in tkr
shows it, and the lines under it are rounded to add up to it (reportgen/compute/
avrundning.py); `budget.resultaträkning` (reportgen/checks/budget.py) compares the same kinds.

Signs: revenue positive, costs negative, as in the resultaträkning; avvikelse = utfall −
periodbudget (positive is better than budget for revenue and costs alike), avvikelse_prognos
= prognos − årsbudget.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

from reportgen.compute.avrundning import Avrundad, Nod, avrunda, resultaträkning_tkr
from reportgen.compute.budgetrader import (
    JÄMFÖRS,
    KOSTNADSSLAG,
    RR_BETYDELSER,
    ÅRSFÖRSKJUTNING,
    Grupp,
    Post,
    bidrag,
    del_belopp,
    egna_rader,
    radens_slag_i,
    saknas,
    standard_rader,
)
from reportgen.compute.statements import Ekonomiberakning
from reportgen.load import PathKey
from reportgen.schema import Indata
from reportgen.schema.budget import (
    BERÄKNADE,
    STANDARDTABELL,
    Budget,
    Budgettabell,
    Kolumn,
)

# -- columns -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Kolumnspec:
    """A column as printed: which figure and part (None: text: nr, förklaring), heading."""

    namn: str  # as the YAML writes it: "utfall.intäkt"
    mått: str | None
    del_: str  # intäkt | kostnad | netto
    rubrik: str
    överrubrik: str | None = None  # over the parts of a split figure

    @property
    def nyckel(self) -> str:
        """The column's figure key: "utfall" or "utfall.kostnad" (netto written bare)."""
        base = self.mått or self.namn
        return base if self.del_ == "netto" else f"{base}.{self.del_}"


DELRUBRIK = {"intäkt": "Intäkt", "kostnad": "Kostnad", "netto": "Netto"}


def standardrubrik(namn: str, år: int, delår: dt.date | None = None) -> str:
    """A column's standard heading; *delår*: the end of a delårsrapport's period, whose
    outcome is "Utfall 2023-08-31"."""
    return {
        "nr": "Proj.nr",
        "årsbudget": f"Årsbudget {år}",
        "periodbudget": "Periodbudget",
        "utfall": f"Utfall {delår.isoformat()}" if delår else f"Utfall {år}",
        "avvikelse": "Avvikelse",
        "utfall_föregående_år": f"Utfall {år - 1}",
        "prognos": f"Prognos {år}",
        "avvikelse_prognos": "Avvikelse prognos mot budget",
        "förklaring": "Kortfattad förklaring",
    }[namn]


def kolumner(given: list[str | Kolumn], år: int,
             delår: dt.date | None = None) -> tuple[Kolumnspec, ...]:
    out = []
    for entry in given:
        namn, rubrik = (entry, None) if isinstance(entry, str) else (entry.kolumn, entry.rubrik)
        base, _, part = namn.partition(".")
        if base in ("nr", "förklaring"):
            out.append(Kolumnspec(namn, None, "netto", rubrik or standardrubrik(base, år, delår)))
        elif part:
            out.append(Kolumnspec(namn, base, part, DELRUBRIK[part],
                                  rubrik or standardrubrik(base, år, delår)))
        else:
            out.append(Kolumnspec(namn, base, "netto", rubrik or standardrubrik(base, år, delår)))
    # The project number stands first, before the row label.
    return tuple(sorted(out, key=lambda k: k.namn != "nr"))


# -- the computed table ----------------------------------------------------------------------


@dataclass(frozen=True)
class Tabellrad:
    slag: str  # rubrik | post | summa
    label: str
    nr: str = ""
    kr: dict[str, int] = field(default_factory=dict)  # amount column → exact kronor
    visat: dict[str, int] = field(default_factory=dict)  # amount column → as printed
    förklaring: tuple[PathKey, str] | None = None  # (YAML path, the text as written)
    nivå: int = 1  # its depth (1: the table's own rows)
    key: str | None = None  # today's groups: the slag, for their driftredovisning
    väntar: frozenset[str] = frozenset()  # amount columns made with a figure to fill in


@dataclass(frozen=True)
class Avrundningsdiff:
    """A printed figure that absorbed a rounding difference (for the footnote)."""

    rad: str  # the row's label
    kolumn: str  # the column's heading
    nyckel: str  # the column's figure: "utfall", "utfall.kostnad"
    kr: int
    tkr: int


@dataclass(frozen=True)
class Tabellberakning:
    """A budget table as computed: columns, rows as printed, rounding differences."""

    namn: str  # driftredovisning | sammanställning
    enhet: str  # kr | tkr
    kolumner: tuple[Kolumnspec, ...]
    radrubrik: str
    rader: tuple[Tabellrad, ...]
    avrundning: tuple[Avrundningsdiff, ...]
    rubrik: str | None  # the YAML's caption, if it gives one
    text: tuple[PathKey, str] | None  # the text after the table


@dataclass(frozen=True)
class Sammandrag:
    """Today's driftredovisning summary: intäkter, kostnader, finansiella poster and netto, in
    tkr, this year (the sammanställning's totals) against budget, and last year from the
    resultaträkning (in tkr as every table shows it)."""

    year: int
    rader: tuple[tuple[str, int, int, int], ...]  # (label, utfall, budget, last year)


@dataclass(frozen=True)
class Budgetberakning:
    year: int
    periodens_slut: dt.date
    tabeller: dict[str, Tabellberakning]
    sammandrag: Sammandrag | None
    i_hela_tkr: bool  # today's lines are all whole thousands (copied from a tkr table)


def _mått_i(kolumn: Kolumnspec) -> tuple[tuple[str, str], ...]:
    """The stated figures (mått, del) a column is made of."""
    if kolumn.mått is None:
        return ()
    if kolumn.mått in BERÄKNADE:
        a, b = BERÄKNADE[kolumn.mått]
        return ((a, kolumn.del_), (b, kolumn.del_))
    return ((kolumn.mått, kolumn.del_),)


class _Räknare:
    """Evaluates one table: exact figures of every row and column, then the rounding."""

    def __init__(self, indata: Indata, eko: Ekonomiberakning, enhet: str,
                 kols: tuple[Kolumnspec, ...], rot: Grupp) -> None:
        self.indata, self.eko, self.enhet, self.rot = indata, eko, enhet, rot
        self.year = indata.rapport.räkenskapsår
        figures = {f for k in kols for f in _mått_i(k)}
        # A split figure's netto is the sum of its printed parts, so that each row adds up.
        split = {m for m, d in figures if d != "netto"}
        self.figures = {(m, d) for m, d in figures if d != "netto" or m not in split}
        self.figures |= {(m, d) for m in split for d in ("intäkt", "kostnad")}
        self.split = split
        self.printed: dict[tuple[int, str, str], int] = {}
        self.differences: list[tuple[Post | Grupp, str, str, int, int]] = []
        self.rr_tkr = {y: resultaträkning_tkr(eko, y) for y in eko.years}
        for m, d in sorted(self.figures):
            self._round(m, d)

    def exact(self, item: Post | Grupp, mått: str, del_: str) -> int:
        if isinstance(item, Post):
            return del_belopp(item.rad, mått, del_)
        return sum(self.exact(d, mått, del_) for d in item.summerade())

    def _anchor(self, item: Post | Grupp, mått: str, del_: str) -> int | None:
        """The tkr the resultaträkning in tkr shows for what *item* adds up, when it agrees
        with it to the krona (so that the same figure is one number in every table)."""
        year = self.year + ÅRSFÖRSKJUTNING.get(mått, 0)
        if self.enhet != "tkr" or mått not in JÄMFÖRS or year not in self.eko.years:
            return None
        posts = list(item.poster()) if isinstance(item, Grupp) else [item]
        kinds = frozenset().union(*(radens_slag_i(p.rad, mått, del_) for p in posts))
        if not kinds:
            return None
        inside = {id(p) for p in posts}
        if any(radens_slag_i(p.rad, mått, del_) & kinds for p in self.rot.poster()
               if id(p) not in inside):
            return None
        meanings = [b for k in kinds for b in RR_BETYDELSER[k]]
        rr = self.eko.resultaträkning
        if self.exact(item, mått, del_) != sum(rr.belopp(b, year) for b in meanings):
            return None
        return sum(self.rr_tkr[year][b] for b in meanings)

    def _nod(self, item: Post | Grupp, mått: str, del_: str) -> Nod:
        parts = () if isinstance(item, Post) else tuple(
            self._nod(d, mått, del_) for d in item.summerade())
        return Nod(self.exact(item, mått, del_), parts, self._anchor(item, mått, del_))

    def _round(self, mått: str, del_: str) -> None:
        tops: tuple[Post | Grupp, ...] = (
            (self.rot,) if self.rot.summarad is not None else self.rot.summerade())
        for top in tops:
            if self.enhet == "tkr":
                self._assign(top, avrunda(self._nod(top, mått, del_)), mått, del_)
            else:
                self._exact_all(top, mått, del_)

    def _exact_all(self, item: Post | Grupp, mått: str, del_: str) -> None:
        self.printed[(id(item), mått, del_)] = self.exact(item, mått, del_)
        if isinstance(item, Grupp):
            for d in item.summerade():
                self._exact_all(d, mått, del_)

    def _assign(self, item: Post | Grupp, rounded: Avrundad, mått: str, del_: str) -> None:
        self.printed[(id(item), mått, del_)] = rounded.tkr
        if rounded.differens:
            self.differences.append((item, mått, del_, rounded.kr, rounded.tkr))
        if isinstance(item, Grupp):
            for d, sub in zip(item.summerade(), rounded.delar, strict=True):
                self._assign(d, sub, mått, del_)

    def value(self, item: Post | Grupp, mått: str, del_: str) -> tuple[int, int]:
        """(exact kronor, printed) of a stated figure's part."""
        if del_ == "netto" and mått in self.split:
            parts = [self.value(item, mått, d) for d in ("intäkt", "kostnad")]
            return sum(p[0] for p in parts), sum(p[1] for p in parts)
        return self.exact(item, mått, del_), self.printed[(id(item), mått, del_)]

    def väntar(self, item: Post | Grupp, kols: tuple[Kolumnspec, ...]) -> frozenset[str]:
        """The amount columns of *item* made with a figure still to fill in (`saknas`)."""
        posts = [item] if isinstance(item, Post) else list(item.poster())
        return frozenset(k.namn for k in kols
                         if any(saknas(p.rad, m) for m, _ in _mått_i(k) for p in posts))

    def cells(self, item: Post | Grupp, kols: tuple[Kolumnspec, ...],
              ) -> tuple[dict[str, int], dict[str, int]]:
        exact, shown = {}, {}
        for k in kols:
            if k.mått is None:
                continue
            if k.mått in BERÄKNADE:
                a, b = BERÄKNADE[k.mått]
                (ea, sa), (eb, sb) = self.value(item, a, k.del_), self.value(item, b, k.del_)
                exact[k.namn], shown[k.namn] = ea - eb, sa - sb
            else:
                exact[k.namn], shown[k.namn] = self.value(item, k.mått, k.del_)
        return exact, shown


def _rows(r: _Räknare, item: Post | Grupp, kols: tuple[Kolumnspec, ...], level: int,
          ) -> Iterator[Tabellrad]:
    if isinstance(item, Post):
        if item.visas:
            exact, shown = r.cells(item, kols)
            förklaring = (((*item.path, "förklaring"), item.rad.förklaring)
                          if item.rad.förklaring is not None else None)
            nr = "" if item.rad.nr is None else str(item.rad.nr)
            yield Tabellrad("post", item.rad.namn, nr, exact, shown, förklaring, level,
                            väntar=r.väntar(item, kols))
        return
    if item.rubrik is not None:
        yield Tabellrad("rubrik", item.rubrik, nivå=level, key=item.key)
    for d in item.delar:
        yield from _rows(r, d, kols, level + 1)
    if item.summarad is not None:
        exact, shown = r.cells(item, kols)
        yield Tabellrad("summa", item.summarad, "", exact, shown, item.förklaring, level,
                        key=item.key, väntar=r.väntar(item, kols))


def _eget_kapital(r: _Räknare, kols: tuple[Kolumnspec, ...]) -> tuple[Tabellrad, Tabellrad]:
    """Eget kapital at the year's start (the balansräkning's) and at the period's end (plus
    the table's result), in the columns of a figure's netto that is not last year's."""
    start = r.eko.balansräkning.belopp("summa_eget_kapital", r.year - 1)
    rows: tuple[dict[str, int], dict[str, int], dict[str, int], dict[str, int]] = ({}, {}, {}, {})
    for k in kols:
        if k.mått is None or k.mått in BERÄKNADE or k.del_ != "netto" or k.mått in ÅRSFÖRSKJUTNING:
            continue
        total = sum(r.value(t, k.mått, "netto")[0] for t in r.rot.summerade())
        total_shown = sum(r.value(t, k.mått, "netto")[1] for t in r.rot.summerade())
        if r.enhet == "tkr":
            end = avrunda(Nod(start + total, (Nod(start), Nod(total, fast=total_shown))))
            start_shown, end_shown = end.delar[0].tkr, end.tkr
        else:
            start_shown, end_shown = start, start + total
        rows[0][k.namn], rows[1][k.namn] = start, start_shown
        rows[2][k.namn], rows[3][k.namn] = start + total, end_shown
    return (Tabellrad("post", "Eget kapital vid årets ingång", "", rows[0], rows[1]),
            Tabellrad("summa", "Eget kapital vid periodens utgång", "", rows[2], rows[3]))


def compute_tabell(indata: Indata, eko: Ekonomiberakning, namn: str, enhet: str,
                   kols: tuple[Kolumnspec, ...], rot: Grupp, eget_kapital: bool,
                   radrubrik: str, rubrik: str | None, text: tuple[PathKey, str] | None,
                   ) -> Tabellberakning:
    r = _Räknare(indata, eko, enhet, kols, rot)
    rows = list(_rows(r, rot, kols, 0))
    if eget_kapital:
        rows.extend(_eget_kapital(r, kols))
    labels = {k.nyckel: k.rubrik if k.överrubrik is None else f"{k.överrubrik} {k.rubrik.lower()}"
              for k in kols if k.mått is not None and k.mått not in BERÄKNADE}
    label_of = {id(item): label for item, label in _labels(rot)}
    differences = []
    for item, m, d, kr, shown in r.differences:
        key = m if d == "netto" else f"{m}.{d}"
        if key in labels and id(item) in label_of:
            differences.append(Avrundningsdiff(label_of[id(item)], labels[key], key, kr, shown))
    return Tabellberakning(namn, enhet, kols, radrubrik, tuple(rows), tuple(differences), rubrik,
                        text)


def _labels(item: Post | Grupp) -> Iterator[tuple[Post | Grupp, str]]:
    """Every printed line and sum line with its label."""
    if isinstance(item, Post):
        if item.visas:
            yield item, item.rad.namn
        return
    for d in item.delar:
        yield from _labels(d)
    if item.summarad is not None:
        yield item, item.summarad


# -- the tables the YAML gives ------------------------------------------------------------------


def _har(posts: Iterator[Post], attr: str) -> bool:
    return any(getattr(p.rad, attr) is not None for p in posts)


def _standardkolumner(budget: Budget, namn: str, rot: Grupp, egna: bool, year: int,
                      ) -> list[str | Kolumn]:
    """The columns of a table that does not list its own."""
    nr: list[str | Kolumn] = ["nr"] if _har(rot.poster(), "nr") else []
    ufå: list[str | Kolumn] = (["utfall_föregående_år"]
                               if _har(rot.poster(), "utfall_föregående_år") else [])
    if namn == "sammanställning":
        cols: list[str | Kolumn] = [*(["nr"] if not egna else nr), "årsbudget"]
        if budget.visa_periodbudget:
            cols.append("periodbudget")
        cols.append("utfall" if egna else Kolumn(kolumn="utfall", rubrik="Utfall"))
        return [*cols, *ufå, "avvikelse"]
    if not egna:  # today's driftredovisning per verksamhet
        return [Kolumn(kolumn="periodbudget", rubrik="Budget"),
                Kolumn(kolumn="utfall", rubrik="Utfall"), "avvikelse", "förklaring"]
    förklaring: list[str | Kolumn] = ["förklaring"] if _har(rot.poster(), "förklaring") else []
    return [*nr, Kolumn(kolumn="årsbudget", rubrik=f"Budget {year}"),
            "utfall", "avvikelse", *ufå, *förklaring]


def compute_budget(indata: Indata, eko: Ekonomiberakning) -> Budgetberakning | None:
    budget = indata.budget
    if budget is None:
        return None
    year = indata.rapport.räkenskapsår
    tables: dict[str, Tabellberakning] = {}
    standard: Tabellberakning | None = None
    if budget.av_budgetrader:
        standard = _standard_table(indata, eko, budget, year, _av_rader(budget, "sammanställning"))
    for namn in budget.tabeller:
        spec = budget.tabell(namn)
        assert spec is not None
        tables[namn] = _table(indata, eko, budget, namn, spec, year, standard)
    sammandrag = None
    drift = _av_rader(budget, "driftredovisning")
    if drift is not None and standard is not None:
        # Today's summary: the sammanställning's totals, in the driftredovisning's unit.
        if standard.enhet != drift.enhet:
            standard = _standard_table(indata, eko, budget, year,
                                       Budgettabell.model_construct(enhet=drift.enhet))
        sammandrag = _sammandrag(eko, standard, year)
    return Budgetberakning(
        year=year,
        periodens_slut=budget.periodens_slut or _delår(indata) or dt.date(year, 12, 31),
        tabeller=tables,
        sammandrag=sammandrag,
        i_hela_tkr=budget.rader is not None and all(
            b.belopp % 1000 == 0 for rad in budget.rader for b in bidrag(rad, (), "utfall")),
    )


def _delår(indata: Indata) -> dt.date | None:
    """The end of a delårsrapport's period (its outcome is the outcome per that day)."""
    period = indata.rapport.period
    return None if period is None else period.till


def _av_rader(budget: Budget, namn: str) -> Budgettabell | None:
    """The table *namn* when the YAML gives it and it is made from budget.rader."""
    spec = budget.tabell(namn)
    return spec if spec is not None and spec.rader is None else None


def _standard_table(indata: Indata, eko: Ekonomiberakning, budget: Budget, year: int,
                    spec: Budgettabell | None) -> Tabellberakning:
    """Today's sammanställning from budget.rader (both of today's tables read it), with the
    settings *spec* gives (its unit, its columns)."""
    spec = spec or STANDARDTABELL
    rot = Grupp(None, standard_rader(budget), "Periodens resultat", None)
    given = spec.kolumner or None
    kols = kolumner(given or _standardkolumner(budget, "sammanställning", rot, False, year), year,
                    _delår(indata))
    # Today's driftredovisning shows its periodbudget, utfall and avvikelse.
    extra = kolumner(["periodbudget", "utfall", "avvikelse", "årsbudget"], year)
    names = {k.namn for k in kols}
    hidden = tuple(k for k in extra if k.namn not in names)
    return compute_tabell(indata, eko, "sammanställning", spec.enhet, (*kols, *hidden), rot,
                          spec.eget_kapital is not False, f"Belopp i {spec.enhet}",
                          spec.rubrik, _text(budget, "sammanställning", spec))


def _text(budget: Budget, namn: str, spec: Budgettabell) -> tuple[PathKey, str] | None:
    if spec.text is not None:
        return ("budget", namn, "text"), spec.text
    legacy = getattr(budget, f"{namn}_text")
    return None if legacy is None else (("budget", f"{namn}_text"), legacy)


def _table(indata: Indata, eko: Ekonomiberakning, budget: Budget, namn: str,
           spec: Budgettabell, year: int, standard: Tabellberakning | None) -> Tabellberakning:
    path: PathKey = ("budget", namn)
    text = _text(budget, namn, spec)
    if spec.rader is None:
        assert budget.rader is not None
        rot = Grupp(None, standard_rader(budget), "Periodens resultat", None)
        if namn == "sammanställning":
            assert standard is not None
            kols = kolumner(spec.kolumner or _standardkolumner(budget, namn, rot, False, year),
                            year, _delår(indata))
            return _only(standard, kols)
        # Today's driftredovisning per verksamhet: the cost groups with their varav lines.
        kols = kolumner(spec.kolumner or _standardkolumner(budget, namn, rot, False, year), year,
                        _delår(indata))
        marked = _marked(budget)
        r = _Räknare(indata, eko, spec.enhet, kols, rot)
        rows = []
        for grupp in (d for d in _all_groups(rot) if d.key in {s.value for s in KOSTNADSSLAG}):
            exact, shown = r.cells(grupp, kols)
            rows.append(Tabellrad("summa", grupp.rubrik or "", "", exact, shown,
                                  grupp.förklaring, 1, key=grupp.key,
                                  väntar=r.väntar(grupp, kols)))
            for post in grupp.poster():
                if id(post.rad) in marked:
                    exact, shown = r.cells(post, kols)
                    förklaring = (((*post.path, "förklaring"), post.rad.förklaring)
                                  if post.rad.förklaring is not None else None)
                    rows.append(Tabellrad("post", f"varav {post.rad.namn}", "", exact, shown,
                                          förklaring, 2, väntar=r.väntar(post, kols)))
        return Tabellberakning(namn, spec.enhet, kols, spec.radrubrik or "Verksamhet", tuple(rows),
                            (), spec.rubrik, text)
    rot = Grupp(None, egna_rader(spec, path),
                (spec.summa_text or ("Periodens resultat" if namn == "sammanställning"
                                     else "Summa")) if spec.visa_summa else None,
                path, dict(spec.summa or {}))
    kols = kolumner(spec.kolumner or _standardkolumner(budget, namn, rot, True, year), year,
                    _delår(indata))
    eget = spec.eget_kapital if spec.eget_kapital is not None else namn == "sammanställning"
    radrubrik = spec.radrubrik or (f"Belopp i {spec.enhet}" if namn == "sammanställning"
                                   else "Verksamhet")
    return compute_tabell(indata, eko, namn, spec.enhet, kols, rot, eget, radrubrik,
                          spec.rubrik, text)


def _marked(budget: Budget) -> set[int]:
    return {id(rad) for rad in budget.rader or () if rad.i_driftredovisning}


def _all_groups(item: Grupp) -> Iterator[Grupp]:
    for d in item.delar:
        if isinstance(d, Grupp):
            yield d
            yield from _all_groups(d)


def _only(table: Tabellberakning, kols: tuple[Kolumnspec, ...]) -> Tabellberakning:
    """*table* with the columns *kols* (computed with more)."""
    names = {k.namn for k in kols}
    return Tabellberakning(
        table.namn, table.enhet, kols, table.radrubrik,
        tuple(Tabellrad(r.slag, r.label, r.nr, {k: v for k, v in r.kr.items() if k in names},
                        {k: v for k, v in r.visat.items() if k in names}, r.förklaring, r.nivå,
                        r.key, r.väntar & names) for r in table.rader),
        tuple(d for d in table.avrundning if d.nyckel in {k.nyckel for k in kols}),
        table.rubrik, table.text)


def _sammandrag(eko: Ekonomiberakning, standard: Tabellberakning, year: int) -> Sammandrag:
    """Intäkter, kostnader, finansiella poster and resultat: this year the sammanställning's
    totals (utfall, periodbudget), last year the resultaträkning in tkr."""
    sums = {r.key: r for r in standard.rader if r.slag == "summa" and r.key}
    total = next(r for r in standard.rader if r.label == "Periodens resultat")
    prev = resultaträkning_tkr(eko, year - 1) if standard.enhet == "tkr" else {
        b: eko.resultaträkning.belopp(b, year - 1)
        for b in (*(m for ms in RR_BETYDELSER.values() for m in ms), "årets_resultat")}

    def figures(row: Tabellrad | None, slag: str) -> tuple[int, int, int]:
        last = sum(prev[b] for b in RR_BETYDELSER[slag])
        if row is None:
            return 0, 0, last
        return row.visat.get("utfall", 0), row.visat.get("periodbudget", 0), last

    rows = [("Intäkter", *figures(sums.get("intäkter"), "intäkter")),
            ("Kostnader", *figures(sums.get("totala_kostnader"), "kostnader"))]
    if "finansiella" in sums or any(prev[b] for b in RR_BETYDELSER["finansiella"]):
        rows.append(("Finansiella poster", *figures(sums.get("finansiella"), "finansiella")))
    rows.append(("Resultat (netto)", total.visat.get("utfall", 0),
                 total.visat.get("periodbudget", 0), prev["årets_resultat"]))
    return Sammandrag(year, tuple(rows))


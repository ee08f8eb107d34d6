"""Derived figures of the year's activity: pure functions of the validated input.

Equity share of the member contributions, the cost split by kind, participant totals
and shares, financing differences, the balanskravsresultat and the assessment of
mått and mål. Money stays integer kronor; shares are exact Decimal ratios, rounded
only when formatted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from reportgen.compute.noter import teckenfaktor
from reportgen.compute.statements import Ekonomiberakning
from reportgen.schema import Indata
from reportgen.schema.ekonomi import Kostnadsslag
from reportgen.schema.verksamhet import (
    AntalPersoner,
    Balanskrav,
    Deltagarstatistik,
    Deltagaruppgifter,
    Finansiering,
    Insats,
    KönAntal,
    Mål,
    Målstatus,
    Mått,
)


def andel(del_: int, helhet: int) -> Decimal | None:
    """del_/helhet as an exact ratio; None when the whole is zero.

    The one ratio helper: shares, soliditet and eget kapital / medlemsbidrag, in the
    tables, the figures and the checks alike.
    """
    if helhet == 0:
        return None
    return Decimal(del_) / Decimal(helhet)


# -- eget kapital against the member contributions --------------------------------------------


def medlemsbidrag(indata: Indata, year: int) -> int | None:
    """The year's member contributions in kronor (positive): the sum of the note rows
    marked `medlemsbidrag: true`, with their signs (a refund of a contribution is negative
    in an income note and reduces the sum; see `teckenfaktor`); None when no such row has an
    amount for *year*.

    The table of eget kapital against the contributions, the figures narrative names and
    the five-year overview's check (reportgen/checks/oversikt.py) all use this.
    """
    amounts = [
        teckenfaktor(note) * row.värde(year)
        for note in indata.ekonomi.noter
        for row in note.poster()
        if row.medlemsbidrag and year in (row.belopp or {})
    ]
    return sum(amounts) if amounts else None


@dataclass(frozen=True)
class Kapitalandel:
    year: int
    eget_kapital: int
    medlemsbidrag: int | None
    andel: Decimal | None  # eget kapital / medlemsbidrag
    tak: Decimal  # the recommended ceiling as a ratio (0.20)

    @property
    def över_tak(self) -> bool | None:
        return None if self.andel is None else self.andel > self.tak


def kapitalandel(indata: Indata, eko: Ekonomiberakning, year: int) -> Kapitalandel:
    ek = eko.balansräkning.belopp("summa_eget_kapital", year)
    bidrag = medlemsbidrag(indata, year)
    return Kapitalandel(
        year,
        ek,
        bidrag,
        andel(ek, bidrag) if bidrag is not None else None,
        Decimal(indata.eget_kapital_tak_procent) / 100,
    )


# -- the cost split -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Kostnadsfördelning:
    year: int
    belopp: dict[Kostnadsslag, int]  # kronor per kind, costs positive
    total: int

    def andel(self, slag: Kostnadsslag) -> Decimal | None:
        return andel(self.belopp.get(slag, 0), self.total)


def kostnadsfördelning(indata: Indata, year: int) -> Kostnadsfördelning | None:
    """Costs by kind from the note rows that carry a `kostnadsslag`; None if no row does.

    The rows are summed with their signs: costs are negative in the statements' signs
    (`teckenfaktor`), so a cost counts positive here and a refund among the costs reduces its kind.
    """
    belopp: dict[Kostnadsslag, int] = {}
    for note in indata.ekonomi.noter:
        for row in note.poster():
            if row.kostnadsslag is not None:
                cost = -teckenfaktor(note) * row.värde(year)
                belopp[row.kostnadsslag] = belopp.get(row.kostnadsslag, 0) + cost
    if not belopp:
        return None
    ordered = {slag: belopp[slag] for slag in Kostnadsslag if slag in belopp}
    return Kostnadsfördelning(year, ordered, sum(ordered.values()))


# -- participants -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Antal:
    """A head count, split by sex where the input gives the split."""

    totalt: int
    kvinnor: int | None = None
    män: int | None = None

    @property
    def andel_kvinnor(self) -> Decimal | None:
        return None if self.kvinnor is None else andel(self.kvinnor, self.totalt)

    @property
    def andel_män(self) -> Decimal | None:
        return None if self.män is None else andel(self.män, self.totalt)


def antal(value: AntalPersoner | None) -> Antal | None:
    if value is None:
        return None
    if isinstance(value, KönAntal):
        return Antal(value.kvinnor + value.män, value.kvinnor, value.män)
    return Antal(value)


def summa(values: Iterable[Antal]) -> Antal:
    items = list(values)
    split = all(a.kvinnor is not None and a.män is not None for a in items)
    return Antal(
        sum(a.totalt for a in items),
        sum(a.kvinnor or 0 for a in items) if split and items else None,
        sum(a.män or 0 for a in items) if split and items else None,
    )


@dataclass(frozen=True)
class Utfallsrad:
    text: str
    antal: Antal
    måluppfyllt: bool
    andel: Decimal | None  # of all who ended


@dataclass(frozen=True)
class Deltagarberakning:
    aktiva: Antal
    aktiva_vid_årets_början: Antal | None
    nya: Antal | None
    avslutade: Antal | None
    tidiga_avhopp: Antal | None
    måluppfyllt: Antal | None
    utfall: tuple[Utfallsrad, ...] = ()
    utfall_summa: Antal | None = None
    föregående_år: Deltagarberakning | None = None

    @property
    def andel_måluppfyllt(self) -> Decimal | None:
        if self.måluppfyllt is None or self.avslutade is None:
            return None
        return andel(self.måluppfyllt.totalt, self.avslutade.totalt)

    @property
    def utfall_stämmer(self) -> bool:
        """The outcomes add up to those who ended (or there is nothing to compare)."""
        if not self.utfall or self.avslutade is None or self.utfall_summa is None:
            return True
        return self.utfall_summa.totalt == self.avslutade.totalt


def deltagare(stat: Deltagaruppgifter) -> Deltagarberakning:
    utfall_in = stat.utfall if isinstance(stat, Deltagarstatistik) else []
    avslutade = antal(stat.avslutade)
    rows_list = []
    for u in utfall_in:
        count = antal(u.antal)
        assert count is not None
        share = andel(count.totalt, avslutade.totalt) if avslutade is not None else None
        rows_list.append(Utfallsrad(u.text, count, u.måluppfyllt, share))
    rows = tuple(rows_list)
    måluppfyllt = antal(stat.måluppfyllt)
    if måluppfyllt is None and rows:
        måluppfyllt = summa(r.antal for r in rows if r.måluppfyllt)
    föregående = (
        deltagare(stat.föregående_år)
        if isinstance(stat, Deltagarstatistik) and stat.föregående_år is not None
        else None
    )
    return Deltagarberakning(
        aktiva=antal(stat.aktiva),  # type: ignore[arg-type]
        aktiva_vid_årets_början=antal(stat.aktiva_vid_årets_början),
        nya=antal(stat.nya),
        avslutade=avslutade,
        tidiga_avhopp=antal(stat.tidiga_avhopp),
        måluppfyllt=måluppfyllt,
        utfall=rows,
        utfall_summa=summa(r.antal for r in rows) if rows else None,
        föregående_år=föregående,
    )


# -- financing ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Finansberakning:
    beviljat: int | None
    förbrukat: int | None

    @property
    def skillnad(self) -> int | None:
        """Granted minus used (positive: money left over)."""
        if self.beviljat is None or self.förbrukat is None:
            return None
        return self.beviljat - self.förbrukat


def finansiering(f: Finansiering | None) -> Finansberakning | None:
    if f is None or (f.beviljat is None and f.förbrukat is None):
        return None
    return Finansberakning(f.beviljat, f.förbrukat)


def händelsedeltagare(insats: Insats) -> int | None:
    counts = [h.antal for h in insats.händelser if h.antal is not None]
    return sum(counts) if counts else None


def medverkande(insats: Insats) -> int | None:
    """People reached: as stated, else the sum of the events' attendance."""
    return insats.medverkande if insats.medverkande is not None else händelsedeltagare(insats)


# -- balanskrav -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Balanskravsrad:
    text: str
    belopp: dict[int, int]


@dataclass(frozen=True)
class Balanskravsberakning:
    years: tuple[int, ...]
    årets_resultat: dict[int, int]
    justeringar: tuple[Balanskravsrad, ...]
    resultat: dict[int, int]  # balanskravsresultat


def balanskravsresultat(
    eko: Ekonomiberakning, balanskrav: Balanskrav
) -> Balanskravsberakning:
    years = eko.years
    årets = {y: eko.resultaträkning.belopp("årets_resultat", y) for y in years}
    rows = tuple(
        Balanskravsrad(j.text, {y: j.belopp.get(y, 0) for y in years})
        for j in balanskrav.justeringar
    )
    result = {y: årets[y] + sum(r.belopp[y] for r in rows) for y in years}
    return Balanskravsberakning(years, årets, rows, result)


# -- mått and mål -------------------------------------------------------------------------------


def bedöm_mått(mått: Mått, utfall: Decimal | None) -> Målstatus | None:
    """The assessment: the YAML's own if given, else computed from target and measured value."""
    if mått.bedömning is not None:
        return mått.bedömning
    if utfall is None:
        return None
    if mått.minst is not None:
        if utfall >= mått.minst:
            return Målstatus.uppfyllt
        if mått.delvis_gräns is not None and utfall >= mått.delvis_gräns:
            return Målstatus.delvis
        return Målstatus.ej
    assert mått.högst is not None
    if utfall <= mått.högst:
        return Målstatus.uppfyllt
    if mått.delvis_gräns is not None and utfall <= mått.delvis_gräns:
        return Målstatus.delvis
    return Målstatus.ej


def samlad_status(statuses: Iterable[Målstatus | None]) -> Målstatus | None:
    """A goal from its mått: all met → uppfyllt, none → ej uppfyllt, otherwise delvis."""
    known = [s for s in statuses if s is not None]
    if not known:
        return None
    if all(s is Målstatus.uppfyllt for s in known):
        return Målstatus.uppfyllt
    if all(s is Målstatus.ej for s in known):
        return Målstatus.ej
    return Målstatus.delvis


@dataclass(frozen=True)
class Måttberakning:
    mått: Mått
    utfall: Decimal | None
    utfall_text: str | None  # as shown in a table, when it comes from a computed figure
    status: Målstatus | None
    angiven: bool  # the YAML states the assessment


@dataclass(frozen=True)
class Målberakning:
    nummer: int
    mål: Mål
    status: Målstatus | None
    beräknad: bool  # status computed from the mått
    mått: tuple[Måttberakning, ...]


# Looks a figure name up: (number, formatted text); raises KeyError for an unknown name.
Uppslag = Callable[[str], tuple[Decimal, str]]


def figurnamn(utfall: str) -> str:
    """The figure name a mått's `utfall` gives, written bare or as `{{ name }}`."""
    return utfall.strip().strip("{} ").strip()


def mått_utfall(mått: Mått, uppslag: Uppslag) -> tuple[Decimal | None, str | None]:
    """The measured value (and its text, when it names a figure); a name the checks
    reject (reportgen/checks/verksamhet.py) counts as not measured."""
    if isinstance(mått.utfall, str):
        try:
            return uppslag(figurnamn(mått.utfall))
        except KeyError:
            return None, None
    return mått.utfall, None


def beräkna_mål(nummer: int, mål: Mål, uppslag: Uppslag) -> Målberakning:
    rows = []
    for m in mål.mått:
        value, text = mått_utfall(m, uppslag)
        rows.append(Måttberakning(m, value, text, bedöm_mått(m, value), m.bedömning is not None))
    status = mål.status if mål.status is not None else samlad_status(r.status for r in rows)
    return Målberakning(nummer, mål, status, mål.status is None, tuple(rows))


def statusräkning(mål: Iterable[Målberakning]) -> dict[Målstatus, int]:
    counts = {s: 0 for s in Målstatus}
    for m in mål:
        if m.status is not None:
            counts[m.status] += 1
    return counts


# -- everything for one report -------------------------------------------------------------------


@dataclass(frozen=True)
class Verksamhetsberakning:
    kapital: dict[int, Kapitalandel]
    kostnader: dict[int, Kostnadsfördelning]
    deltagare: dict[str, Deltagarberakning]  # insats id →
    finansiering: dict[str, Finansberakning]  # insats id →
    balanskrav: Balanskravsberakning | None


def compute_verksamhet(indata: Indata, eko: Ekonomiberakning) -> Verksamhetsberakning:
    kostnader = {y: k for y in eko.years if (k := kostnadsfördelning(indata, y)) is not None}
    return Verksamhetsberakning(
        kapital={y: kapitalandel(indata, eko, y) for y in eko.years},
        kostnader=kostnader,
        deltagare={i.id: deltagare(i.deltagare) for i in indata.insatser if i.deltagare},
        finansiering={
            i.id: f for i in indata.insatser if (f := finansiering(i.finansiering)) is not None
        },
        balanskrav=(
            balanskravsresultat(eko, indata.balanskrav) if indata.balanskrav is not None else None
        ),
    )

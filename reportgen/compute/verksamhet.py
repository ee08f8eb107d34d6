"""Derived figures of the year's activity: pure functions of the validated input.

Equity share of the member contributions, the cost split by kind, participant totals
and shares, financing differences and the balanskravsresultat (mål and mått are assessed
in reportgen/compute/mal.py). Money stays integer kronor; shares are exact Decimal
ratios, rounded only when formatted, and compared with a printed limit as printed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from reportgen.compute.noter import teckenfaktor
from reportgen.compute.statements import Ekonomiberakning
from reportgen.fmt import visad_procent
from reportgen.perioder import PROGNOS, Kolumn
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
        """Above the ceiling, as the table prints both: 20,4 % is "20 %", within a 20 % tak."""
        if self.andel is None:
            return None
        return visad_procent(self.andel) > visad_procent(self.tak)


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
    """A head count, split by sex where the input gives the split: as counts, or as shares
    of the total ("67 % kvinnor" of 57, whose counts are not known)."""

    totalt: int
    kvinnor: int | None = None
    män: int | None = None
    angiven_andel_kvinnor: Decimal | None = None  # ratio, as stated
    angiven_andel_män: Decimal | None = None

    @property
    def andel_kvinnor(self) -> Decimal | None:
        if self.kvinnor is None:
            return self.angiven_andel_kvinnor
        return andel(self.kvinnor, self.totalt)

    @property
    def andel_män(self) -> Decimal | None:
        if self.män is None:
            return self.angiven_andel_män
        return andel(self.män, self.totalt)


def antal(value: AntalPersoner | None) -> Antal | None:
    if value is None:
        return None
    if isinstance(value, KönAntal):
        if value.kvinnor is not None and value.män is not None:
            return Antal(value.kvinnor + value.män, value.kvinnor, value.män)
        assert value.totalt is not None  # the schema requires counts or a total
        return Antal(value.totalt, angiven_andel_kvinnor=_ratio(value.andel_kvinnor),
                     angiven_andel_män=_ratio(value.andel_män))
    return Antal(value)


def _ratio(percent: Decimal | None) -> Decimal | None:
    return None if percent is None else percent / 100


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
    antal: Antal | None  # None: given as a share of those who ended
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
    utfall_summa: Antal | None = None  # None when the outcomes are shares
    föregående_år: Deltagarberakning | None = None
    andel_måluppfyllt_angiven: Decimal | None = None  # from outcomes given as shares

    @property
    def i_andelar(self) -> bool:
        """The outcomes are given as shares of those who ended."""
        return any(r.antal is None for r in self.utfall)

    @property
    def utfall_andel(self) -> Decimal | None:
        """The outcomes' shares of those who ended, summed."""
        shares = [r.andel for r in self.utfall if r.andel is not None]
        return sum(shares, Decimal(0)) if self.utfall and len(shares) == len(self.utfall) else None

    @property
    def andel_måluppfyllt(self) -> Decimal | None:
        if self.måluppfyllt is None or self.avslutade is None:
            return self.andel_måluppfyllt_angiven
        return andel(self.måluppfyllt.totalt, self.avslutade.totalt)

    @property
    def utfall_stämmer(self) -> bool:
        """The outcomes add up to those who ended, or (as shares) to 100 % within the
        rounding of their percentages (½ point each); or there is nothing to compare."""
        if not self.utfall or self.avslutade is None:
            return True
        if self.i_andelar:
            total = self.utfall_andel
            return total is None or abs(total - 1) * 100 <= Decimal(len(self.utfall)) / 2
        return self.utfall_summa is None or self.utfall_summa.totalt == self.avslutade.totalt


def deltagare(stat: Deltagaruppgifter) -> Deltagarberakning:
    utfall_in = stat.utfall if isinstance(stat, Deltagarstatistik) else []
    avslutade = antal(stat.avslutade)
    rows_list = []
    for u in utfall_in:
        count = antal(u.antal)
        if count is None:
            share = _ratio(u.andel)
        else:
            share = andel(count.totalt, avslutade.totalt) if avslutade is not None else None
        rows_list.append(Utfallsrad(u.text, count, u.måluppfyllt, share))
    rows = tuple(rows_list)
    by_share = any(r.antal is None for r in rows)
    måluppfyllt = antal(stat.måluppfyllt)
    if måluppfyllt is None and rows and not by_share:
        måluppfyllt = summa(r.antal for r in rows if r.måluppfyllt and r.antal is not None)
    share_met = (sum((r.andel or Decimal(0) for r in rows if r.måluppfyllt), Decimal(0))
                 if by_share and stat.måluppfyllt is None else None)
    föregående = (
        deltagare(stat.föregående_år)
        if isinstance(stat, Deltagarstatistik) and stat.föregående_år is not None
        and stat.föregående_år.aktiva is not None
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
        utfall_summa=(summa(r.antal for r in rows if r.antal is not None)
                      if rows and not by_share else None),
        föregående_år=föregående,
        andel_måluppfyllt_angiven=share_met,
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


def förbundsfinansierad(insats: Insats) -> bool:
    """The förbund puts money into the insats: its financing grants or uses an amount other
    than zero. An insats financed by others (an ESF project the förbund takes part in) or
    one granted nothing is described but not counted as financed (`insatser_antal`)."""
    f = insats.finansiering
    return f is not None and any(v for v in (f.beviljat, f.förbrukat))


def insats_för(ref: str, insatser: Iterable[Insats]) -> Insats | None:
    """The insats a mål names in `insatser:`, by its id or by its name as written."""
    items = list(insatser)
    return (next((i for i in items if i.id == ref), None)
            or next((i for i in items if i.namn == ref), None))


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
    belopp: dict[Kolumn, int]


@dataclass(frozen=True)
class Balanskravsberakning:
    """Årets resultat, its adjustments and the balanskravsresultat per column: the years of
    an årsredovisning; in a delårsrapport the forecast for the year alone (`PROGNOS`: the
    balanskrav is the year's, RKR R17 asks for the forecast's)."""

    years: tuple[Kolumn, ...]
    årets_resultat: dict[Kolumn, int]
    justeringar: tuple[Balanskravsrad, ...]
    resultat: dict[Kolumn, int]  # balanskravsresultat


def balanskravsresultat(
    eko: Ekonomiberakning, balanskrav: Balanskrav
) -> Balanskravsberakning:
    years: tuple[Kolumn, ...] = eko.years
    if eko.perioder.delår:
        years = (PROGNOS,) if PROGNOS in eko.resultaträkning.years else ()
    årets = {y: eko.resultaträkning.belopp("årets_resultat", y) for y in years}
    rows = tuple(
        Balanskravsrad(j.text, {y: j.belopp.get(y, 0) if isinstance(y, int) else (j.prognos or 0)
                                for y in years})
        for j in balanskrav.justeringar
    )
    result = {y: årets[y] + sum(r.belopp[y] for r in rows) for y in years}
    return Balanskravsberakning(years, årets, rows, result)


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
        deltagare={i.id: deltagare(i.deltagare) for i in indata.insatser
                   if i.deltagare and not i.deltagare.har_luckor},
        finansiering={
            i.id: f for i in indata.insatser if (f := finansiering(i.finansiering)) is not None
        },
        balanskrav=(
            balanskravsresultat(eko, indata.balanskrav or Balanskrav())
            if indata.balanskrav is not None or eko.perioder.delår else None
        ),
    )

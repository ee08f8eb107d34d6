"""Budget against outcome: the figures behind the driftredovisning and the sammanställning.

API (pure functions, integer kronor in, integer kronor and tkr out)
------------------------------------------------------------------
``compute_budget(indata, eko) -> Budgetberakning | None``
    None when the YAML has no ``budget``. Otherwise:

    - ``.grupper``: the groups in report order (intäkter, administration,
      individinriktade, strukturövergripande, finansiella; only those with lines), each a
      ``Budgetgrupp`` with ``.poster`` (the project lines) and ``.summa``;
    - ``.summa_intäkter``     revenue groups           ↔ RR verksamhetens intäkter
    - ``.totala_kostnader``   the three cost groups    ↔ RR verksamhetens kostnader + avskrivningar
    - ``.finansiella``        group 800                ↔ RR finansiella intäkter + kostnader
    - ``.periodens_resultat`` all of the above         ↔ RR årets resultat
    - ``.eget_kapital_ingång`` / ``.eget_kapital_utgång`` from the balansräkning
      (``eko.br[year-1].summa_eget_kapital``; utgång = ingång + periodens resultat per column).

    Every total is a ``Summa`` with ``.kr`` (exact kronor) and ``.tkr`` (what the table
    shows); both are ``Kolumner`` (``årsbudget``, ``periodbudget``, ``utfall`` and the
    computed ``avvikelse`` = utfall − periodbudget: positive is better than budget, for
    revenue and costs alike, since costs are negative).

``avstamning(budget, eko) -> tuple[Avstamning, ...]``
    One row per total above: the budget's utfall (the sum of its lines, kronor) and the
    statement figure it must equal. The rule `budget.resultaträkning`
    (reportgen/checks/budget.py) compares each pair: exactly when the lines are kronor,
    within ±1 tkr when ``Budgetberakning.i_hela_tkr`` (every line's utfall is a whole
    number of thousands: copied from a table printed in tkr, so its kronor are not known).

``driftsammandrag(budget, eko) -> Driftsammandrag``
    The driftredovisning's summary: intäkt, kostnad (negative, net of financial items) and
    netto = årets resultat, in tkr: this year from the budget's tkr figures (so it shows
    what the sammanställning shows), last year from the resultaträkning; and the budget.

Rounding (documented in the tables' footnote)
---------------------------------------------
Each project line is rounded to tkr on its own with ``reportgen.fmt.tkr``. Every
subtotal and total *shown* is the sum of the rounded lines above it, so a reader who
adds up the printed column gets the printed total. Because rounding errors can
accumulate, a shown total may differ from the exact total rounded to tkr; the
difference is ``Summa.avrundningsdifferens`` and the table states it in a footnote with
the exact amount in kronor.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from reportgen.compute.statements import Ekonomiberakning
from reportgen.fmt import tkr
from reportgen.schema import Indata
from reportgen.schema.budget import Budget, Budgetrad, Budgetslag

# Group order in the tables, with default heading and total label.
GRUPPER: dict[Budgetslag, tuple[str, str]] = {
    Budgetslag.intäkter: ("Intäkter", "Summa intäkter"),
    Budgetslag.administration: ("Administration", "Summa administrationskostnader"),
    Budgetslag.individinriktade: ("Deltagarinsatser", "Summa deltagarinsatser"),
    Budgetslag.strukturövergripande: (
        "Strukturövergripande insatser",
        "Summa strukturövergripande insatser",
    ),
    Budgetslag.finansiella: ("Finansiella poster", "Summa finansiella poster"),
}
INTÄKTSSLAG = frozenset({Budgetslag.intäkter})
KOSTNADSSLAG = frozenset(
    {Budgetslag.administration, Budgetslag.individinriktade, Budgetslag.strukturövergripande}
)
FINANSIELLA_SLAG = frozenset({Budgetslag.finansiella})


@dataclass(frozen=True)
class Kolumner:
    """One row's figures: budget for the year and the period, and the outcome."""

    årsbudget: int
    periodbudget: int
    utfall: int

    @property
    def avvikelse(self) -> int:
        """Utfall − periodbudget (seed convention: positive = better than budget)."""
        return self.utfall - self.periodbudget

    def __add__(self, other: Kolumner) -> Kolumner:
        return Kolumner(
            self.årsbudget + other.årsbudget,
            self.periodbudget + other.periodbudget,
            self.utfall + other.utfall,
        )

    def avrundad(self) -> Kolumner:
        """Each figure rounded to tkr on its own."""
        return Kolumner(tkr(self.årsbudget), tkr(self.periodbudget), tkr(self.utfall))

    @staticmethod
    def lika(amount: int) -> Kolumner:
        return Kolumner(amount, amount, amount)


NOLL = Kolumner(0, 0, 0)


def summera(rows: Iterable[Kolumner]) -> Kolumner:
    total = NOLL
    for row in rows:
        total = total + row
    return total


@dataclass(frozen=True)
class Summa:
    """A computed total: exact kronor and the tkr shown (the sum of the rounded lines)."""

    key: str
    label: str
    kr: Kolumner
    tkr: Kolumner

    @property
    def avrundningsdifferens(self) -> Kolumner:
        """Shown tkr minus the exact total rounded to tkr (0 when the table foots exactly)."""
        exact = self.kr.avrundad()
        return Kolumner(
            self.tkr.årsbudget - exact.årsbudget,
            self.tkr.periodbudget - exact.periodbudget,
            self.tkr.utfall - exact.utfall,
        )


def _summa(key: str, label: str, parts: Iterable[Summa]) -> Summa:
    items = tuple(parts)
    return Summa(
        key,
        label,
        summera(p.kr for p in items),
        summera(p.tkr for p in items),
    )


@dataclass(frozen=True)
class Budgetpost:
    nr: str | None
    namn: str
    slag: Budgetslag
    kr: Kolumner
    tkr: Kolumner
    förklaring: str | None
    i_driftredovisning: bool
    index: int  # position in budget.rader (for located findings)


@dataclass(frozen=True)
class Budgetgrupp:
    slag: Budgetslag
    rubrik: str
    poster: tuple[Budgetpost, ...]
    summa: Summa
    förklaring: str | None


@dataclass(frozen=True)
class Budgetberakning:
    year: int
    periodens_slut: dt.date
    visa_periodbudget: bool
    i_hela_tkr: bool  # every line's utfall is whole thousands: transcribed from a tkr table
    grupper: tuple[Budgetgrupp, ...]
    summa_intäkter: Summa
    totala_kostnader: Summa
    finansiella: Summa
    periodens_resultat: Summa
    eget_kapital_ingång: Summa
    eget_kapital_utgång: Summa

    def summor(self) -> tuple[Summa, ...]:
        """Every total of the sammanställning, top to bottom."""
        return (
            *(g.summa for g in self.grupper),
            self.summa_intäkter,
            self.totala_kostnader,
            self.finansiella,
            self.periodens_resultat,
            self.eget_kapital_ingång,
            self.eget_kapital_utgång,
        )


def _post(index: int, rad: Budgetrad) -> Budgetpost:
    periodbudget = rad.årsbudget if rad.periodbudget is None else rad.periodbudget
    kr = Kolumner(rad.årsbudget, periodbudget, rad.utfall)
    return Budgetpost(
        nr=None if rad.nr is None else str(rad.nr),
        namn=rad.namn,
        slag=rad.slag,
        kr=kr,
        tkr=kr.avrundad(),
        förklaring=rad.förklaring,
        i_driftredovisning=rad.i_driftredovisning,
        index=index,
    )


def _labels(budget: Budget, slag: Budgetslag) -> tuple[str, str]:
    own = budget.rubriker.get(slag)
    if own is None:
        return GRUPPER[slag]
    return own, f"Summa {own[:1].lower()}{own[1:]}"


def _grupp(budget: Budget, slag: Budgetslag, poster: tuple[Budgetpost, ...]) -> Budgetgrupp:
    rubrik, summa_label = _labels(budget, slag)
    summa = Summa(
        f"grupp_{slag.value}",
        summa_label,
        summera(p.kr for p in poster),
        summera(p.tkr for p in poster),
    )
    return Budgetgrupp(slag, rubrik, poster, summa, budget.gruppförklaringar.get(slag))


def _total(key: str, label: str, grupper: tuple[Budgetgrupp, ...],
           slag: frozenset[Budgetslag]) -> Summa:
    return _summa(key, label, (g.summa for g in grupper if g.slag in slag))


def compute_budget(indata: Indata, eko: Ekonomiberakning) -> Budgetberakning | None:
    budget = indata.budget
    if budget is None:
        return None
    year = indata.rapport.räkenskapsår
    poster = tuple(_post(i, rad) for i, rad in enumerate(budget.rader))
    grupper = tuple(
        _grupp(budget, slag, tuple(p for p in poster if p.slag is slag))
        for slag in GRUPPER
        if any(p.slag is slag for p in poster)
    )
    intäkter = _total("summa_intäkter", "Summa intäkter", grupper, INTÄKTSSLAG)
    kostnader = _total("totala_kostnader", "Totala kostnader", grupper, KOSTNADSSLAG)
    finansiella = _total("finansiella", "Summa finansiella poster", grupper, FINANSIELLA_SLAG)
    resultat = _summa("periodens_resultat", "Periodens resultat",
                      (intäkter, kostnader, finansiella))
    start_kr = eko.br[year - 1].summa_eget_kapital
    ingång = Summa("eget_kapital_ingång", "Eget kapital vid årets ingång",
                   Kolumner.lika(start_kr), Kolumner.lika(tkr(start_kr)))
    utgång = _summa("eget_kapital_utgång", "Eget kapital vid periodens utgång",
                    (ingång, resultat))
    return Budgetberakning(
        year=year,
        periodens_slut=budget.periodens_slut or dt.date(year, 12, 31),
        visa_periodbudget=budget.visa_periodbudget,
        i_hela_tkr=all(rad.utfall % 1000 == 0 for rad in budget.rader),
        grupper=grupper,
        summa_intäkter=intäkter,
        totala_kostnader=kostnader,
        finansiella=finansiella,
        periodens_resultat=resultat,
        eget_kapital_ingång=ingång,
        eget_kapital_utgång=utgång,
    )


# -- agreement with the statements ---------------------------------------------------------


@dataclass(frozen=True)
class Avstamning:
    """A budget total against the statement figure it must equal."""

    key: str
    label: str  # Swedish, for messages: "Summa intäkter"
    statement_label: str  # "resultaträkningens verksamhetens intäkter"
    budget_kr: int  # the utfall of the budget: the sum of its lines
    statement_kr: int


def avstamning(budget: Budgetberakning, eko: Ekonomiberakning) -> tuple[Avstamning, ...]:
    rr = eko.rr[budget.year]
    br = eko.br[budget.year]
    pairs = (
        (budget.summa_intäkter, "resultaträkningens verksamhetens intäkter", rr.intäkter),
        (budget.totala_kostnader,
         "resultaträkningens verksamhetens kostnader och avskrivningar",
         rr.kostnader + rr.avskrivningar),
        (budget.finansiella, "resultaträkningens finansiella intäkter och kostnader",
         rr.finansiella_intäkter + rr.finansiella_kostnader),
        (budget.periodens_resultat, "resultaträkningens årets resultat", rr.årets_resultat),
        (budget.eget_kapital_utgång, "balansräkningens eget kapital vid årets slut",
         br.summa_eget_kapital),
    )
    return tuple(
        Avstamning(s.key, s.label, label, s.kr.utfall, statement)
        for s, label, statement in pairs
    )


# -- the driftredovisning's summary row ----------------------------------------------------


@dataclass(frozen=True)
class Driftsammandrag:
    """Intäkt, kostnad (negative) and netto in tkr; kostnad = netto − intäkt so rows foot.

    Netto is the year's result; kostnad therefore includes the financial items net (as
    seed 000 does: its 2023 kostnad 4 348 tkr is 4 360 tkr costs less 12 tkr financial income).
    """

    year: int
    intäkt: int
    kostnad: int
    netto: int
    budget_intäkt: int
    budget_netto: int
    föregående_år: int
    föregående_intäkt: int
    föregående_kostnad: int
    föregående_netto: int

    @property
    def budget_kostnad(self) -> int:
        return self.budget_netto - self.budget_intäkt


def driftsammandrag(budget: Budgetberakning, eko: Ekonomiberakning) -> Driftsammandrag:
    prev = budget.year - 1
    intäkt = budget.summa_intäkter.tkr.utfall
    netto = budget.periodens_resultat.tkr.utfall
    prev_intäkt = tkr(eko.rr[prev].intäkter)
    prev_netto = tkr(eko.rr[prev].årets_resultat)
    return Driftsammandrag(
        year=budget.year,
        intäkt=intäkt,
        kostnad=netto - intäkt,
        netto=netto,
        budget_intäkt=budget.summa_intäkter.tkr.periodbudget,
        budget_netto=budget.periodens_resultat.tkr.periodbudget,
        föregående_år=prev,
        föregående_intäkt=prev_intäkt,
        föregående_kostnad=prev_netto - prev_intäkt,
        föregående_netto=prev_netto,
    )

"""NNS indicator results: shares, classification against the rikssnitt, trend, highlighting.

``compute_indikatorer(indikatorer) -> tuple[Gruppresultat, ...]`` gives, per respondent
group, per question, per (year, kön) an ``Utfall``:

- ``andel``: the own share of positive answers in whole percent (rounded half up), as
  given, or computed from the answer distribution: the positive steps' answers over all
  answers (counts per step), or the sum of the positive steps' percentages (percentages
  per step, as given, not rescaled). Which steps are positive is the question's scale
  setting (``schema.indikatorer.skalval``);
- ``läge``: HÖGRE / LÄGRE / VARKEN against the rikssnitt; VARKEN when the difference is
  within ± ``marginal`` percentage points (inclusive); a stated ``bedömning`` is used
  when the year is published without figures;
- ``trend``: UPP / NED / PLAN against the same question's share the year before, with the
  same margin; a stated ``pil`` is used only when that share is not in the input;
- ``markerad`` / ``trend_markerad``: the difference to the rikssnitt / the change from last
  year is at least ``markera_skillnad`` points;
- ``undanhållen``: fewer answers than ``minsta_antal_svar`` (per question, or for the whole
  survey year); then no share, classification or trend is shown.

``Gruppresultat.sammanfattning`` splits the answers of the group's newest year (totalt)
per indicator into negative / neutral ("varken") / positive shares, from the questions
with a distribution (see ``svarsandelar``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import Enum

from reportgen.schema.indikatorer import (
    KÖN,
    Bedömning,
    Enkätår,
    Fråga,
    Indikatorer,
    Mätning,
    Pil,
    Respondentgrupp,
    Skalval,
    Årsresultat,
    skalval,
)

KÖN_RUBRIK = {"totalt": "Totalt", "kvinnor": "Kvinnor", "män": "Män"}


class Läge(str, Enum):
    HÖGRE = "Högre"
    LÄGRE = "Lägre"
    VARKEN = "Varken högre eller lägre"


class Trend(str, Enum):
    UPP = "↑"
    NED = "↓"
    PLAN = "→"

    @property
    def ord(self) -> str:
        return TREND_ORD[self]


TREND_ORD = {Trend.UPP: "bättre", Trend.NED: "sämre", Trend.PLAN: "oförändrat"}
STATED_LÄGE = {Bedömning.högre: Läge.HÖGRE, Bedömning.lägre: Läge.LÄGRE,
               Bedömning.varken: Läge.VARKEN}
STATED_TREND = {Pil.upp: Trend.UPP, Pil.ned: Trend.NED, Pil.plan: Trend.PLAN}


def whole_percent(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def andel_från_fördelning(fördelning: Sequence[int], positiva: Sequence[int]) -> int | None:
    """Share of answers on the positive scale steps (1-based), in whole percent."""
    total = sum(fördelning)
    if total == 0:
        return None
    positive = sum(fördelning[step - 1] for step in positiva if step <= len(fördelning))
    return whole_percent(Decimal(100 * positive) / Decimal(total))


def classify(andel: int, rikssnitt: int, marginal: Decimal) -> Läge:
    diff = andel - rikssnitt
    if abs(diff) <= marginal:
        return Läge.VARKEN
    return Läge.HÖGRE if diff > 0 else Läge.LÄGRE


def trend(andel: int, föregående: int, marginal: Decimal) -> Trend:
    change = andel - föregående
    if abs(change) <= marginal:
        return Trend.PLAN
    return Trend.UPP if change > 0 else Trend.NED


def procent_per_steg(m: Mätning) -> tuple[Decimal, ...] | None:
    """The exact share of the answers per step in percent: counts over their total, or the
    percentages as given."""
    if m.fördelning is not None:
        total = sum(m.fördelning)
        if total == 0:
            return None
        return tuple(Decimal(100 * n) / Decimal(total) for n in m.fördelning)
    if m.fördelning_procent is not None:
        return tuple(Decimal(str(p)) for p in m.fördelning_procent)
    return None


@dataclass(frozen=True)
class Utfall:
    year: int
    kön: str
    andel: int | None
    rikssnitt: int | None
    svar: int | None
    undanhållen: bool
    läge: Läge | None
    markerad: bool
    trend: Trend | None
    förändring: int | None
    trend_markerad: bool
    jämfört_med: int  # the year the trend compares with
    fördelning: tuple[int, ...] | None  # answers per step, when given as counts
    procent: tuple[Decimal, ...] | None = None  # share per step in percent (counts or given)

    @property
    def skillnad(self) -> int | None:
        if self.andel is None or self.rikssnitt is None:
            return None
        return self.andel - self.rikssnitt


@dataclass(frozen=True)
class Frågeresultat:
    indikator: int | None
    text: str
    nummer: int | None
    utfall: dict[tuple[int, str], Utfall]
    skala: Skalval


@dataclass(frozen=True)
class Enkätuppgift:
    year: int
    svar: int | None
    möjliga: int | None
    rikssnitt_enkäter: int | None

    @property
    def svarsfrekvens(self) -> int | None:
        if not self.möjliga or self.svar is None:
            return None
        return whole_percent(Decimal(100 * self.svar) / Decimal(self.möjliga))


@dataclass(frozen=True)
class Svarsandelar:
    """One indicator's answers in one group and year: negative, neutral and positive shares
    in whole percent, adding up to 100, over *frågor* questions."""

    indikator: int
    frågor: int
    negativt: int
    varken: int
    positivt: int


@dataclass(frozen=True)
class Gruppresultat:
    rubrik: str
    respondenter: str
    år: tuple[int, ...]  # newest first
    kön: tuple[str, ...]  # "totalt" and, when any question is split, "kvinnor", "män"
    frågor: tuple[Frågeresultat, ...]
    enkäter: tuple[Enkätuppgift, ...]  # newest first
    sammanfattning: tuple[Svarsandelar, ...] = ()  # of the newest year, per indicator

    def antal(self, year: int, kön: str, läge: Läge) -> int:
        """How many questions are classified *läge* in *year* for *kön*."""
        return sum(
            1 for f in self.frågor
            if (u := f.utfall.get((year, kön))) is not None and u.läge is läge
        )

    def utfall(self) -> Iterator[Utfall]:
        for f in self.frågor:
            yield from f.utfall.values()

    @property
    def har_rikssnitt(self) -> bool:
        """Any result compared with a rikssnitt (a figure, or a stated classification)."""
        return any(u.rikssnitt is not None or u.läge is not None for u in self.utfall())


@dataclass(frozen=True)
class _Inställning:
    marginal: Decimal
    markera: Decimal
    minsta: int


def egen_andel(m: Mätning, skala: Skalval) -> int | None:
    """The share of positive answers as the report prints it (whole percent), from whichever
    of andel, fördelning or fördelning_procent is given; None for a result without figures."""
    if m.andel is not None:
        return whole_percent(Decimal(str(m.andel)))
    if m.fördelning is not None:
        return andel_från_fördelning(m.fördelning, skala.positiva)
    if m.fördelning_procent is not None:
        return whole_percent(sum((Decimal(str(m.fördelning_procent[s - 1]))
                                  for s in skala.positiva), Decimal(0)))
    return None


def antal_svar(m: Mätning) -> int | None:
    """The answers a result is the share of: `svar`, else the distribution's sum."""
    if m.svar is not None:
        return m.svar
    return sum(m.fördelning) if m.fördelning is not None else None


def _measurement(result: Årsresultat | None, kön: str) -> Mätning | None:
    if result is None:
        return None
    value: Mätning | None = getattr(result, kön)
    return value


def _withheld(m: Mätning, survey: Enkätår | None, s: _Inställning) -> bool:
    answers = antal_svar(m)
    too_few_here = answers is not None and answers < s.minsta
    too_few_survey = survey is not None and survey.svar is not None and survey.svar < s.minsta
    return too_few_here or too_few_survey


def _visible_share(fråga: Fråga, grupp: Respondentgrupp, year: int, kön: str,
                   skala: Skalval, s: _Inställning) -> int | None:
    m = _measurement(fråga.resultat.get(year), kön)
    if m is None or _withheld(m, grupp.enkäter.get(year), s):
        return None
    return egen_andel(m, skala)


def _utfall(fråga: Fråga, grupp: Respondentgrupp, year: int, kön: str, m: Mätning,
            skala: Skalval, s: _Inställning) -> Utfall:
    withheld = _withheld(m, grupp.enkäter.get(year), s)
    andel = None if withheld else egen_andel(m, skala)
    rikssnitt = None if m.rikssnitt is None else whole_percent(Decimal(str(m.rikssnitt)))
    läge = None
    if andel is not None and rikssnitt is not None:
        läge = classify(andel, rikssnitt, s.marginal)
    elif not withheld and m.bedömning is not None:
        läge = STATED_LÄGE[m.bedömning]
    previous = _visible_share(fråga, grupp, year - 1, kön, skala, s)
    change = None if andel is None or previous is None else andel - previous
    riktning = None
    if change is not None and previous is not None and andel is not None:
        riktning = trend(andel, previous, s.marginal)
    elif not withheld and m.pil is not None:
        riktning = STATED_TREND[m.pil]
    diff = None if andel is None or rikssnitt is None else andel - rikssnitt
    return Utfall(
        year=year,
        kön=kön,
        andel=andel,
        rikssnitt=rikssnitt,
        svar=antal_svar(m),
        undanhållen=withheld,
        läge=läge,
        markerad=diff is not None and abs(diff) >= s.markera,
        trend=riktning,
        förändring=change,
        trend_markerad=change is not None and abs(change) >= s.markera,
        jämfört_med=year - 1,
        fördelning=None if withheld or m.fördelning is None else tuple(m.fördelning),
        procent=None if withheld else procent_per_steg(m),
    )


def svarsandelar(indikator: int, shares: Sequence[tuple[Skalval, tuple[Decimal, ...]]]
                 ) -> Svarsandelar:
    """Negative, neutral and positive shares of one indicator: per question the sums of its
    negative, neutral and positive steps' percentages, averaged over the questions (each
    question counts once). Positivt is rounded half up, as the result tables round a share;
    Negativt too, but at most 100 − Positivt; Varken is the rest, so a row adds up to 100
    (and is 0 when no question's scale has neutral steps)."""
    count = Decimal(len(shares))
    positive = sum((sum((p[s - 1] for s in skala.positiva), Decimal(0))
                    for skala, p in shares), Decimal(0)) / count
    negative = sum((sum((p[s - 1] for s in skala.negativa), Decimal(0))
                    for skala, p in shares), Decimal(0)) / count
    positivt = whole_percent(positive)
    if any(skala.neutrala for skala, _ in shares):
        negativt = min(whole_percent(negative), 100 - positivt)
    else:
        negativt = 100 - positivt
    return Svarsandelar(indikator, len(shares), negativt, 100 - positivt - negativt, positivt)


def _summary(frågor: tuple[Frågeresultat, ...], year: int | None) -> tuple[Svarsandelar, ...]:
    per_indicator: dict[int, list[tuple[Skalval, tuple[Decimal, ...]]]] = {}
    for f in frågor:
        u = f.utfall.get((year, "totalt")) if year is not None else None
        if f.indikator is not None and u is not None and u.procent is not None:
            per_indicator.setdefault(f.indikator, []).append((f.skala, u.procent))
    return tuple(svarsandelar(n, shares) for n, shares in sorted(per_indicator.items()))


def _grupp(ind: Indikatorer, grupp: Respondentgrupp, s: _Inställning) -> Gruppresultat:
    years = tuple(grupp.år) if grupp.år else tuple(
        sorted({y for f in grupp.frågor for y in f.resultat}, reverse=True)
    )
    split = any(
        r is not None and (r.kvinnor is not None or r.män is not None)
        for f in grupp.frågor for r in f.resultat.values()
    )
    kön = KÖN if split else KÖN[:1]
    frågor = tuple(_fråga(ind, grupp, f, years, kön, s) for f in grupp.frågor)
    enkäter = tuple(
        Enkätuppgift(y, e.svar, e.möjliga, e.rikssnitt_enkäter)
        for y, e in sorted(grupp.enkäter.items(), reverse=True) if e is not None
    )
    summary = _summary(frågor, years[0] if years else None)
    return Gruppresultat(grupp.rubrik, grupp.respondenter.value, years, kön, frågor, enkäter,
                         summary)


def _fråga(ind: Indikatorer, grupp: Respondentgrupp, f: Fråga, years: tuple[int, ...],
           kön: tuple[str, ...], s: _Inställning) -> Frågeresultat:
    skala = skalval(ind, grupp, f)
    return Frågeresultat(
        f.indikator,
        f.text,
        f.nummer,
        {
            (y, k): _utfall(f, grupp, y, k, m, skala, s)
            for y in years
            for k in kön
            if (m := _measurement(f.resultat.get(y), k)) is not None
        },
        skala,
    )


def compute_indikatorer(indikatorer: Indikatorer) -> tuple[Gruppresultat, ...]:
    s = _Inställning(
        marginal=Decimal(str(indikatorer.marginal)),
        markera=Decimal(str(indikatorer.markera_skillnad)),
        minsta=indikatorer.minsta_antal_svar,
    )
    return tuple(_grupp(indikatorer, g, s) for g in indikatorer.grupper)

"""NNS indicator results: shares, classification against the rikssnitt, trend, highlighting.

``compute_indikatorer(indikatorer) -> tuple[Gruppresultat, ...]`` gives, per respondent
group, per question, per (year, kön) an ``Utfall``:

- ``andel``: the own share of positive answers in whole percent, either as given or
  computed from the answer distribution (``positiva_svar`` says which scale steps count);
- ``läge``: HÖGRE / LÄGRE / VARKEN against the rikssnitt; VARKEN when the difference is
  within ± ``marginal`` percentage points (inclusive); a stated ``bedömning`` is used
  when the year is published without figures;
- ``trend``: UPP / NED / PLAN against the same question's share the year before, with the
  same margin; a stated ``pil`` is used only when that share is not in the input;
- ``markerad`` / ``trend_markerad``: the difference to the rikssnitt / the change from last
  year is at least ``markera_skillnad`` points;
- ``undanhållen``: fewer answers than ``minsta_antal_svar`` (per question, or for the whole
  survey year); then no share, classification or trend is shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import Enum

from reportgen.schema.indikatorer import (
    Bedömning,
    Enkätår,
    Fråga,
    Indikatorer,
    Mätning,
    Pil,
    Respondentgrupp,
    Årsresultat,
)

KÖN = ("totalt", "kvinnor", "män")
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
    fördelning: tuple[int, ...] | None

    @property
    def skillnad(self) -> int | None:
        if self.andel is None or self.rikssnitt is None:
            return None
        return self.andel - self.rikssnitt


@dataclass(frozen=True)
class Frågeresultat:
    indikator: int
    text: str
    nummer: int | None
    utfall: dict[tuple[int, str], Utfall]


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
class Gruppresultat:
    rubrik: str
    respondenter: str
    år: tuple[int, ...]  # newest first
    kön: tuple[str, ...]  # "totalt" and, when any question is split, "kvinnor", "män"
    frågor: tuple[Frågeresultat, ...]
    enkäter: tuple[Enkätuppgift, ...]  # newest first

    def antal(self, year: int, kön: str, läge: Läge) -> int:
        """How many questions are classified *läge* in *year* for *kön*."""
        return sum(
            1 for f in self.frågor
            if (u := f.utfall.get((year, kön))) is not None and u.läge is läge
        )


@dataclass(frozen=True)
class _Inställning:
    marginal: Decimal
    markera: Decimal
    minsta: int
    positiva: tuple[int, ...]


def _own_share(m: Mätning, s: _Inställning) -> int | None:
    if m.andel is not None:
        return whole_percent(Decimal(str(m.andel)))
    if m.fördelning is not None:
        return andel_från_fördelning(m.fördelning, s.positiva)
    return None


def _answers(m: Mätning) -> int | None:
    if m.svar is not None:
        return m.svar
    return sum(m.fördelning) if m.fördelning is not None else None


def _measurement(result: Årsresultat | None, kön: str) -> Mätning | None:
    if result is None:
        return None
    value: Mätning | None = getattr(result, kön)
    return value


def _withheld(m: Mätning, survey: Enkätår | None, s: _Inställning) -> bool:
    answers = _answers(m)
    too_few_here = answers is not None and answers < s.minsta
    too_few_survey = survey is not None and survey.svar is not None and survey.svar < s.minsta
    return too_few_here or too_few_survey


def _visible_share(fråga: Fråga, grupp: Respondentgrupp, year: int, kön: str,
                   s: _Inställning) -> int | None:
    m = _measurement(fråga.resultat.get(year), kön)
    if m is None or _withheld(m, grupp.enkäter.get(year), s):
        return None
    return _own_share(m, s)


def _utfall(fråga: Fråga, grupp: Respondentgrupp, year: int, kön: str, m: Mätning,
            s: _Inställning) -> Utfall:
    withheld = _withheld(m, grupp.enkäter.get(year), s)
    andel = None if withheld else _own_share(m, s)
    rikssnitt = None if m.rikssnitt is None else whole_percent(Decimal(str(m.rikssnitt)))
    läge = None
    if andel is not None and rikssnitt is not None:
        läge = classify(andel, rikssnitt, s.marginal)
    elif not withheld and m.bedömning is not None:
        läge = STATED_LÄGE[m.bedömning]
    previous = _visible_share(fråga, grupp, year - 1, kön, s)
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
        svar=_answers(m),
        undanhållen=withheld,
        läge=läge,
        markerad=diff is not None and abs(diff) >= s.markera,
        trend=riktning,
        förändring=change,
        trend_markerad=change is not None and abs(change) >= s.markera,
        jämfört_med=year - 1,
        fördelning=None if withheld or m.fördelning is None else tuple(m.fördelning),
    )


def _grupp(grupp: Respondentgrupp, s: _Inställning) -> Gruppresultat:
    years = tuple(grupp.år) if grupp.år else tuple(
        sorted({y for f in grupp.frågor for y in f.resultat}, reverse=True)
    )
    split = any(
        r.kvinnor is not None or r.män is not None
        for f in grupp.frågor for r in f.resultat.values()
    )
    kön = KÖN if split else KÖN[:1]
    frågor = tuple(
        Frågeresultat(
            f.indikator,
            f.text,
            f.nummer,
            {
                (y, k): _utfall(f, grupp, y, k, m, s)
                for y in years
                for k in kön
                if (m := _measurement(f.resultat.get(y), k)) is not None
            },
        )
        for f in grupp.frågor
    )
    enkäter = tuple(
        Enkätuppgift(y, e.svar, e.möjliga, e.rikssnitt_enkäter)
        for y, e in sorted(grupp.enkäter.items(), reverse=True)
    )
    return Gruppresultat(grupp.rubrik, grupp.respondenter.value, years, kön, frågor, enkäter)


def compute_indikatorer(indikatorer: Indikatorer) -> tuple[Gruppresultat, ...]:
    s = _Inställning(
        marginal=Decimal(str(indikatorer.marginal)),
        markera=Decimal(str(indikatorer.markera_skillnad)),
        minsta=indikatorer.minsta_antal_svar,
        positiva=tuple(indikatorer.positiva_svar),
    )
    return tuple(_grupp(g, s) for g in indikatorer.grupper)

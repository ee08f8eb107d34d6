"""NNS indicators: percentages per answer step add up to 100 within their rounding; a
share lies between women's and men's; a share is possible for the answers it is a share of.

Each of n percentages rounded to a unit (whole percent, or tenths when one is written with
a decimal) is off by at most half that unit, so their sum may differ from 100 by at most
n × half a unit: 6 steps in whole percent may add up to 97–103, not to 96.

The share of all respondents is a weighted mean of women's and men's when everyone gave a
gender, so it lies between the two; rounding to whole percent keeps that order. It may lie
outside when some respondents gave none (the NNS survey lets them), so it is a warning,
left out when the answer counts show such respondents. A share stated next to its number of
answers (`svar`) is k of them for a whole k, rounded as written: 84 % of 7 answers is not.
These two look at the report year's results only: earlier years stay in the file, as
comparisons, as their reports published them, and were checked then.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from reportgen.checks.base import (
    Kontext,
    Regel,
    avrundningstolerans,
    kommatal,
    omöjlig_andel_text,
    regel,
)
from reportgen.compute.indikatorer import antal_svar, egen_andel
from reportgen.findings import Finding, Severity
from reportgen.load import PathKey
from reportgen.schema.indikatorer import KÖN, Mätning, Skalval, Årsresultat, skalval


def _decimal(value: int | float) -> Decimal:
    return Decimal(str(value))


@regel("indikator.procent", "Andelarna per skalsteg summerar till 100 % inom avrundningen")
def indikator_procent(ctx: Kontext) -> Iterator[Finding]:
    ind = ctx.indata.indikatorer
    if ind is None:
        return
    for g, grupp in enumerate(ind.grupper):
        for f, fråga in enumerate(grupp.frågor):
            for year, resultat in fråga.resultat.items():
                for kön in KÖN:
                    m = getattr(resultat, kön, None)  # None: a gap
                    if m is None or m.fördelning_procent is None:
                        continue
                    values = m.fördelning_procent
                    total = sum((_decimal(v) for v in values), Decimal(0))
                    tolerance = avrundningstolerans(values)
                    if abs(total - 100) <= tolerance:
                        continue
                    path = ("indikatorer", "grupper", g, "frågor", f, "resultat", year, kön,
                            "fördelning_procent")
                    yield ctx.fynd(
                        path,
                        f"andelarna per skalsteg {year} ({kön}) summerar till {kommatal(total)} %, "
                        f"inte 100 %; avrundningen av {len(values)} andelar förklarar högst "
                        f"±{kommatal(tolerance)} procentenheter",
                        "indikator.procent")


def _årets(ctx: Kontext) -> Iterator[tuple[PathKey, Skalval, Årsresultat]]:
    """(path, scale, results) of every question's results of the report year."""
    ind = ctx.indata.indikatorer
    if ind is None:
        return
    for g, grupp in enumerate(ind.grupper):
        for f, fråga in enumerate(grupp.frågor):
            r = fråga.resultat.get(ctx.år)
            if r is not None:  # None: not measured, or a gap
                yield (("indikatorer", "grupper", g, "frågor", f, "resultat", ctx.år),
                       skalval(ind, grupp, fråga), r)


def _källa(m: Mätning) -> str:
    """The field a result's figures are given in."""
    return next(f for f in ("andel", "fördelning", "fördelning_procent")
                if getattr(m, f) is not None)


@regel("indikator.kön", "Andelen totalt ligger mellan kvinnors och mäns andelar (varning)")
def indikator_kön(ctx: Kontext) -> Iterator[Finding]:
    for path, skala, r in _årets(ctx):
        if r.kvinnor is None or r.män is None:
            continue
        measured = (r.totalt, r.kvinnor, r.män)
        total, women, men = (egen_andel(m, skala) for m in measured)
        if total is None or women is None or men is None:
            continue  # published without figures
        if min(women, men) <= total <= max(women, men):
            continue
        n_total, n_women, n_men = (antal_svar(m) for m in measured)
        by_gender = (None if n_total is None or n_women is None or n_men is None
                     else n_women + n_men - n_total)
        if by_gender is not None and by_gender < 0:
            continue  # respondents without a gender explain it
        why = (f"alla svarande har angett kön ({n_women} kvinnor och {n_men} män av "
               f"{n_total} svar), så den ska ligga mellan dem" if by_gender == 0
               else "det går bara om några svarande inte angett kön")
        yield ctx.fynd(
            (*path, "totalt", _källa(r.totalt)),
            f"andelen totalt {ctx.år}, {total} %, ligger utanför kvinnors och mäns värden "
            f"(kvinnor {women} %, män {men} %); {why}",
            "indikator.kön", Severity.WARNING)


@regel("indikator.svar", "En andel är möjlig för antalet svar den är en andel av (varning)")
def indikator_svar(ctx: Kontext) -> Iterator[Finding]:
    for path, _skala, r in _årets(ctx):
        for kön in KÖN:
            m = getattr(r, kön)
            if m is None or not m.svar:
                continue
            values: list[tuple[PathKey, int | float]] = []
            if m.andel is not None:
                values.append(((*path, kön, "andel"), m.andel))
            values.extend(((*path, kön, "fördelning_procent", step), value)
                          for step, value in enumerate(m.fördelning_procent or ()))
            for where, value in values:
                problem = omöjlig_andel_text(Decimal(str(value)), m.svar, "svar")
                if problem is not None:
                    yield ctx.fynd(where, f"{ctx.år} ({kön}): {problem}; stämmer andelen och "
                                   "antalet svar?", "indikator.svar", Severity.WARNING)


REGLER: tuple[Regel, ...] = (indikator_procent, indikator_kön, indikator_svar)

"""A delårsrapport's period in the bookkeeping: what `reportgen importera` takes as the
period's outcome.

An SIE file gives the result per month (#PSALDO, for each account as a whole and per
object); #RES is the whole year's. The period 1 januari – 31 augusti 2023 is the sum of the
months 202301 to 202308 (the accumulated saldo at the period's end), and the same months a
year earlier (year −1) are the same period last year, where the file has them. A trial
balance is one balance per account as at the day it names ("Period 2023-01-01 –
2023-08-31"), which must be the period's end.

The export must reach the period's end: an SIE file up to its #OMFATTN (or, without one, to
the end of its last month with a #PSALDO), a trial balance to its date; else a located
Swedish error. The balance accounts are left out: the import writes the period's results
(the resultaträkning's period, the budget's utfall), not a balansräkning.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

from reportgen.bokforing import Bokföring, Objekt
from reportgen.findings import Finding, Location, UserError, error_at


def månader(från: dt.date, till: dt.date) -> list[int]:
    """The months (YYYYMM) from *från*'s to *till*'s."""
    out, year, month = [], från.year, från.month
    while (year, month) <= (till.year, till.month):
        out.append(year * 100 + month)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def månadens_slut(month: int) -> dt.date:
    year, m = divmod(month, 100)
    return dt.date(year, m, calendar.monthrange(year, m)[1])


def periodens_bokföring(bok: Bokföring, från: dt.date, till: dt.date,
                        plats: Location) -> Bokföring:
    """*bok* as the period från–till has it: the result accounts' amounts and each object's,
    this year and (where the export has them) the same period last year. *plats*: where the
    report states its period. Raises UserError when the export does not reach its end."""
    if not bok.månadsvis:
        _reaches(bok, till, plats)
        if bok.början is not None and bok.början != från:
            line = bok.omfattning[1] if bok.omfattning else None
            raise UserError([_finding(bok, line, f"{bok.vad} gäller från {bok.början.isoformat()}"
                                      f", men delårsrapportens period börjar {från.isoformat()};"
                                      " ta ut saldobalansen för perioden", plats)])
        return Bokföring(bok.fil, bok.vad, år=dict(bok.år), konton=bok.konton,
                         res={0: _results(bok, bok.res.get(0, {}))}, rader=bok.rader,
                         objektnamn=bok.objektnamn, objektsaldo={0: bok.objektsaldo.get(0, {})},
                         objektrader=bok.objektrader)
    if från.day != 1 or till != månadens_slut(till.year * 100 + till.month):
        raise error_at(plats, f"{bok.vad} ger saldon per hel månad (#PSALDO), men perioden "
                       f"{från.isoformat()} – {till.isoformat()} börjar eller slutar mitt i en "
                       "månad; ange periodens första och sista dag", rule="import.period")
    if 0 not in bok.perioder and 0 not in bok.objektperioder:
        line = bok.år[0].rad if 0 in bok.år else None
        raise error_at(Location(bok.fil, line), f"{bok.vad} har inga periodsaldon (#PSALDO) för "
                       f"räkenskapsåret: delårsrapportens utfall är saldot per {till.isoformat()}, "
                       "och #RES gäller hela året; exportera SIE 3 eller 4 med periodsaldon",
                       rule="import.period")
    _reaches(bok, till, plats)
    period = månader(från, till)
    view = Bokföring(bok.fil, bok.vad, konton=bok.konton, rader=bok.rader,
                     objektnamn=bok.objektnamn, objektrader=bok.objektrader, månadsvis=True)
    for index, months in ((0, period), (-1, [m - 100 for m in period])):
        accounts, objects = bok.perioder.get(index, {}), bok.objektperioder.get(index, {})
        # This year's months without a #PSALDO had nothing booked: their figures are 0. Last
        # year's serve only to compare the accounts with the report's jämförelseår: they are
        # taken where the file has them for the accounts (not for projects only).
        if index not in bok.år or (index < 0 and not any(m in accounts for m in months)):
            continue
        view.år[index] = bok.år[index]
        view.res[index] = _results(bok, _summed(accounts.get(m, {}) for m in months))
        per_object: dict[Objekt, list[dict[str, Decimal]]] = {}
        for m in months:
            for obj, amounts in objects.get(m, {}).items():
                per_object.setdefault(obj, []).append(amounts)
        view.objektsaldo[index] = {obj: _summed(parts) for obj, parts in per_object.items()}
    return view


def _reaches(bok: Bokföring, till: dt.date, plats: Location) -> None:
    """The export reaches the period's end (an SIE file may go beyond it: its months are
    summed; a trial balance is as at one day, which must be the end)."""
    if bok.omfattning is not None:
        reach, line = bok.omfattning
        how = "#OMFATTN" if bok.månadsvis else "saldobalansens period"
    elif bok.månadsvis:
        last = max(m for (år, m) in bok.periodrader if år == 0)
        reach, line = månadens_slut(last), bok.periodrader[(0, last)]
        how = f"dess sista #PSALDO gäller {last}"
    else:
        raise error_at(Location(bok.fil, 1), f"{bok.vad} säger inte till vilket datum saldona "
                       f"gäller; delårsrapportens utfall är saldot per {till.isoformat()}: skriv "
                       f"perioden över rubrikraden, t.ex. \"Period {till.year}-01-01 – "
                       f"{till.isoformat()}\"", rule="import.period")
    if reach < till or (not bok.månadsvis and reach != till):
        raise UserError([_finding(bok, line, f"{bok.vad} når till {reach.isoformat()} ({how}), "
                                  f"men delårsrapportens period slutar {till.isoformat()}; ta ut "
                                  "bokföringen per periodens slut", plats)])


def _finding(bok: Bokföring, line: int | None, message: str, plats: Location) -> Finding:
    return Finding(Location(bok.fil, line), f"{message} (perioden står i {plats})",
                   rule="import.period")


def _results(bok: Bokföring, amounts: dict[str, Decimal]) -> dict[str, Decimal]:
    """The result accounts' amounts (a balance account's month is no result of the period)."""
    return {k: v for k, v in amounts.items() if not bok.konto(k).balans}


def _summed(parts: Iterable[dict[str, Decimal]]) -> dict[str, Decimal]:
    out: dict[str, Decimal] = {}
    for amounts in parts:
        for konto, amount in amounts.items():
            out[konto] = out.get(konto, Decimal(0)) + amount
    return out

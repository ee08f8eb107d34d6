"""What reportgen reads from the bookkeeping, whatever file it came in: accounts with their
names, balances per year, and the result per project object (and its budget).

An SIE file (reportgen/sie/) and a trial balance (reportgen/saldobalans.py) are both read
into a `Bokföring`; the import (reportgen/importera.py) maps it onto the report's lines.
Amounts are as the bookkeeping writes them: debit positive, credit negative, in kronor
with öre (`Decimal`). A year is an index as in SIE: 0 the file's year, -1 the one before.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from reportgen.findings import Finding, Location, Severity
from reportgen.fmt import kronor_och_ören

Objekt = tuple[str, str]  # (dimension, object id), e.g. ("6", "201")


@dataclass(frozen=True)
class Räkenskapsår:
    start: dt.date
    slut: dt.date
    rad: int | None = None  # the line that says so (#RAR), if any

    @property
    def år(self) -> int:
        """The calendar year the report for it is for (the year it ends in)."""
        return self.slut.year


@dataclass(frozen=True)
class Konto:
    nummer: str
    namn: str
    balans: bool  # a balance-sheet account (#KTYP T or S; by BAS, class 1 and 2)


@dataclass
class Bokföring:
    fil: Path
    vad: str  # how messages name the file: "SIE-filen", "saldobalansen"
    år: dict[int, Räkenskapsår] = field(default_factory=dict)
    konton: dict[str, Konto] = field(default_factory=dict)
    ib: dict[int, dict[str, Decimal]] = field(default_factory=dict)
    ub: dict[int, dict[str, Decimal]] = field(default_factory=dict)
    res: dict[int, dict[str, Decimal]] = field(default_factory=dict)
    # Where each balance is written: (post, year index, account) → line.
    rader: dict[tuple[str, int, str], int] = field(default_factory=dict)
    objektnamn: dict[Objekt, str] = field(default_factory=dict)
    # The year's result per object and account (the sum of its periods), and its budget.
    objektsaldo: dict[int, dict[Objekt, dict[str, Decimal]]] = field(default_factory=dict)
    objektbudget: dict[int, dict[Objekt, dict[str, Decimal]]] = field(default_factory=dict)
    # Where an object's result is first written (#PSALDO, a trial balance's row): object → line.
    objektrader: dict[Objekt, int] = field(default_factory=dict)
    # The result per month (SIE #PSALDO, its period YYYYMM as a number): year index → month
    # → account (the account as a whole), and → object → account.
    perioder: dict[int, dict[int, dict[str, Decimal]]] = field(default_factory=dict)
    objektperioder: dict[int, dict[int, dict[Objekt, dict[str, Decimal]]]] = field(
        default_factory=dict)
    periodrader: dict[tuple[int, int], int] = field(default_factory=dict)  # (år, month) → line
    # The export gives the result per month (an SIE file's #PSALDO); a trial balance gives
    # one balance per account, as at the day it reaches.
    månadsvis: bool = False
    # The day the balances reach (SIE #OMFATTN, a trial balance's period end), and its line.
    omfattning: tuple[dt.date, int | None] | None = None
    början: dt.date | None = None  # the day a trial balance's period starts, if it says
    organisationsnummer: str | None = None
    namn: str | None = None

    def konto(self, nummer: str) -> Konto:
        return self.konton.get(nummer) or Konto(nummer, "", är_balanskonto(nummer))

    def saldo(self, år: int) -> dict[str, Decimal]:
        """Every account's figure for the year: the closing balance of a balance account,
        the year's result of a result account."""
        out = {k: v for k, v in self.res.get(år, {}).items() if not self.konto(k).balans}
        out.update({k: v for k, v in self.ub.get(år, {}).items() if self.konto(k).balans})
        return out

    def plats(self, post: str, år: int, konto: str) -> Location:
        return Location(self.fil, self.rader.get((post, år, konto)))

    def första_rad(self, post: str, år: int) -> int | None:
        lines = [line for (p, y, _k), line in self.rader.items() if p == post and y == år]
        return min(lines) if lines else None


def är_balanskonto(nummer: str) -> bool:
    """By the BAS classes (Kommun-Bas has the same): 1 tillgångar, 2 eget kapital och skulder."""
    return nummer[:1] in ("1", "2")


def kontroll(bok: Bokföring) -> Iterator[Finding]:
    """The bookkeeping checks itself: each year's opening balances sum to zero, and its
    closing balances and results together (the result the balance sheet shows is the
    result accounts')."""
    for år in sorted(bok.år, reverse=True):
        namn = bok.år[år].år
        ib = sum(bok.ib.get(år, {}).values(), Decimal(0))
        if ib and år in bok.ib:
            line = bok.första_rad("IB", år)
            yield Finding(Location(bok.fil, line),
                          f"de ingående balanserna för {namn} summerar till {kronor_och_ören(ib)} kr, "
                          "inte till 0: debet och kredit ska vara lika stora", rule="bokföring.balans")
        ub = sum((v for k, v in bok.ub.get(år, {}).items() if bok.konto(k).balans), Decimal(0))
        res = sum((v for k, v in bok.res.get(år, {}).items() if not bok.konto(k).balans), Decimal(0))
        if ub + res and (år in bok.ub or år in bok.res):
            line = bok.första_rad("UB", år) or bok.första_rad("RES", år)
            yield Finding(
                Location(bok.fil, line),
                f"balanskontonas utgående balanser för {namn} ({kronor_och_ören(ub)} kr) och "
                f"resultatkontona ({kronor_och_ören(res)} kr) summerar till {kronor_och_ören(ub + res)} "
                "kr, inte till 0: balansräkningens resultat är inte resultatkontonas",
                rule="bokföring.resultat")


def varning(finding: Finding) -> Finding:
    return Finding(finding.location, finding.message, Severity.WARNING, finding.field, finding.rule)

"""Building blocks of the consistency rules: the context they read, the rule record,
tolerances and the Swedish wording of a mismatch.

A rule is a pure function from a `Kontext` (validated input, computed figures, and
the loaded source for locations) to findings. Rules never raise for bad input.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from functools import cached_property
from typing import TYPE_CHECKING

from reportgen.checks.meddelanden import (
    PROCENTTOLERANS_TEXT,
    TOLERANS_KR,
    TOLERANS_PROCENTENHETER,
    TOLERANS_TKR,
    kommatal,
    kr,
    meddelande_kr,
    meddelande_tkr,
    skillnad_kr,
    tkr_text,
    uppräkning,
)
from reportgen.compute.statements import Ekonomiberakning
from reportgen.findings import Finding, Location, Severity
from reportgen.fmt import avrunda, meddelandetal, procent, tkr

__all__ = ["PROCENTTOLERANS_TEXT", "TOLERANS_KR", "TOLERANS_PROCENTENHETER", "TOLERANS_TKR",
           "Kontext", "Regel", "kommatal", "kr", "meddelande_kr", "meddelande_tkr", "skillnad_kr", "tkr_text",
           "uppräkning"]
from reportgen.load import PathKey, Source
from reportgen.schema import Indata

if TYPE_CHECKING:
    from reportgen.checks.relationer import Relationer
    from reportgen.figures import Figurer



@dataclass(frozen=True)
class Kontext:
    source: Source
    indata: Indata
    eko: Ekonomiberakning

    @property
    def år(self) -> int:
        return self.indata.rapport.räkenskapsår

    @cached_property
    def figurer(self) -> Figurer:
        """The figures narrative and mått can name (before the mål are assessed); built
        (and reportgen.figures imported) only when a rule needs them."""
        from reportgen.figures import verksamhetsfigurer

        return verksamhetsfigurer(self.indata, self.eko)[1]

    def angivet(self, path: PathKey) -> bool:
        """The YAML writes the key at *path* (perhaps with an empty value: "given as none")."""
        return path in self.source.positions

    @cached_property
    def relationer(self) -> Relationer:
        """The relations of the statements, the notes and the tables that copy or sum their
        figures, and the figures as printed."""
        from reportgen.checks.relationer import Relationer
        from reportgen.checks.tabellrelationer import relationer

        return Relationer(self.indata, self.eko, relationer)

    @cached_property
    def diagnos(self) -> dict[str, list[Finding]]:
        """The findings of the relations, by rule id: evaluated together, once."""
        from reportgen.checks.forklaring import diagnos

        return diagnos(self.relationer, self.fynd)

    def plats(self, path: PathKey) -> Location:
        return self.source.locate(path)

    def fynd(
        self, path: PathKey, message: str, rule: str, severity: Severity = Severity.ERROR,
        förväntat: int | None = None, angivet: int | None = None,
    ) -> Finding:
        """A finding at *path*; *förväntat*: the figure the field should hold, if computed,
        and *angivet* the one it holds."""
        return Finding(self.plats(path), message, severity, _dotted(path), rule,
                       expected=förväntat, stated=angivet)


Kontroll = Callable[[Kontext], Iterable[Finding]]


@dataclass(frozen=True)
class Regel:
    """One consistency rule: a stable id (shown with every finding), what it checks, and how."""

    id: str
    beskrivning: str
    kontroll: Kontroll

    def __call__(self, ctx: Kontext) -> Iterator[Finding]:
        yield from self.kontroll(ctx)


def regel(id: str, beskrivning: str) -> Callable[[Kontroll], Regel]:
    """Decorator: turn a check function into a registered-by-list `Regel`."""

    def wrap(func: Kontroll) -> Regel:
        return Regel(id, beskrivning, func)

    return wrap


def _dotted(path: PathKey) -> str:
    return ".".join(str(p) for p in path)


# -- comparisons -----------------------------------------------------------------------------


def avviker(angivet: int, *förväntade: int, tolerans: int = TOLERANS_KR) -> bool:
    """True when *angivet* agrees with none of the acceptable readings.

    A stated total is accepted when it matches either the sum of the figures printed
    above it or the total computed from the lines, so one typo gives one finding (at
    the figure that is wrong) and not a cascade through every total below it.
    """
    return all(abs(angivet - f) > tolerans for f in förväntade)


def avviker_tkr(angivet_tkr: int, *förväntade_kr: int) -> bool:
    return all(abs(angivet_tkr - tkr(f)) > TOLERANS_TKR for f in förväntade_kr)


def procent_avviker(angivet: int | float, *förväntade: Decimal) -> bool:
    stated = Decimal(str(angivet))
    return all(abs(stated - f * 100) > TOLERANS_PROCENTENHETER for f in förväntade)


def avrundningstolerans(values: Sequence[int | float]) -> Decimal:
    """How far from 100 the sum of the shares *values*, each rounded as written, may be:
    n shares in whole percent ±n × 0,5 (the indicators' distributions, the tables of shares)."""
    decimals = max((max(0, -int(Decimal(str(v)).normalize().as_tuple().exponent))
                    for v in values), default=0)
    return len(values) * Decimal(5) / Decimal(10) ** (decimals + 1)


def procent_text(share: Decimal) -> str:
    return meddelandetal(procent(share, 1))


def _skrivna_decimaler(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def _andelens_decimaler(procent: Decimal) -> int:
    """The decimals a share is written with, a trailing zero not counted: YAML's 86.0 is the
    float 86, not a share stated to a tenth (the message prints it as 86 %)."""
    return _skrivna_decimaler(procent.normalize()) if procent else 0


def omöjlig_andel(procent: Decimal, antal: int) -> tuple[int, int] | None:
    """The share *procent* of *antal* people or answers, each counted whole: None when some
    whole k of them gives it, rounded to the decimals it is written with (84 % of 7: no; 86 %
    is 6 of 7, 85,7 %); else the two counts nearest to it, below and above (5 and 6)."""
    if antal <= 0:
        return None
    stated = Fraction(procent)
    half = Fraction(5, 10 ** (_andelens_decimaler(procent) + 1))
    below = min(max(int(stated * antal / 100), 0), antal)
    nearest = (below, min(below + 1, antal))
    if any(abs(Fraction(100 * k, antal) - stated) <= half for k in nearest):
        return None
    return nearest


def omöjlig_andel_text(procent: Decimal, antal: int, enhet: str) -> str | None:
    """'84 % av 7 svar går inte: inget helt antal av 7 ger 84 % (5 av 7 är 71,4 %, 6 av 7 är
    85,7 %)', or None when the share is possible (see `omöjlig_andel`)."""
    nearest = omöjlig_andel(procent, antal)
    if nearest is None:
        return None
    decimals = _andelens_decimaler(procent) + 1
    parts = [f"{k} av {antal} är {kommatal(avrunda(Decimal(100 * k) / antal, decimals))} %"
             for k in dict.fromkeys(nearest)]
    written = kommatal(procent)
    return (f"{written} % av {antal} {enhet} går inte: inget helt antal av {antal} ger "
            f"{written} % ({', '.join(parts)})")

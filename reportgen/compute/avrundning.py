"""The one rounding policy for tables in tkr (README, "Rounding to tkr").

A table in tkr is a tree of sums: lines add up to their group's subtotal, subtotals to
their total. Rounding goes top-down, level by level:

1. the table's top total is its exact total rounded (half away from zero, `fmt.tkr`);
2. at each level, every part first gets its own exact amount rounded; where these do not
   add up to the total printed above them, the difference goes one tkr at a time to the
   parts with the largest remainders (the ones rounding moved furthest in the other
   direction; between equal remainders the larger amount, then the first);
3. a part whose printed figure is decided elsewhere (`Nod.fast`: the same figure printed by
   another table, e.g. the year's costs as the resultaträkning in tkr shows them) keeps it,
   and the difference goes to the other parts.

So every printed total is the sum of the printed lines under it, and a printed figure
differs from its own exact amount rounded by at most the rounding it absorbs (`Avrundad.
differens`, which the tables state in a footnote). The resultaträkning in tkr
(`resultaträkning_tkr`) is rounded the same way, årets resultat the top total and the
figures the tables show its parts; the five-year overview and the budget tables take those
figures from it, so the year's costs are one number in all of them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportgen.compute.statements import Ekonomiberakning
from reportgen.fmt import tkr

TUSEN = 1000


def fördela(total: int, delar: Sequence[int]) -> tuple[int, ...]:
    """*delar* (exact kronor) in tkr, adding up to *total* (tkr): each part rounded, and the
    difference given one tkr at a time to the parts with the largest remainders."""
    rounded = [tkr(d) for d in delar]
    diff = total - sum(rounded)
    if not diff or not delar:
        return tuple(rounded)
    step = 1 if diff > 0 else -1

    def rest(i: int) -> tuple[int, int, int]:
        # How far rounding moved the part against the direction the total needs.
        return (-step * (delar[i] - TUSEN * rounded[i]), -abs(delar[i]), i)

    order = sorted(range(len(delar)), key=rest)
    for n in range(abs(diff)):
        rounded[order[n % len(order)]] += step
    return tuple(rounded)


@dataclass(frozen=True)
class Nod:
    """A figure of a table: its exact kronor and the parts it is the sum of."""

    kr: int
    delar: tuple[Nod, ...] = ()
    fast: int | None = None  # tkr decided elsewhere (the same figure in another table)


@dataclass(frozen=True)
class Avrundad:
    """A figure as printed in tkr, with its parts as printed."""

    kr: int
    tkr: int
    delar: tuple[Avrundad, ...] = ()

    @property
    def differens(self) -> int:
        """Printed minus its own exact amount rounded (0 unless it absorbed a difference)."""
        return self.tkr - tkr(self.kr)


def avrunda(nod: Nod, värde: int | None = None) -> Avrundad:
    """*nod* and its parts in tkr, top-down (*värde*: the tkr its parent gave it)."""
    value = nod.fast if nod.fast is not None else (tkr(nod.kr) if värde is None else värde)
    if not nod.delar:
        return Avrundad(nod.kr, value)
    fixed = sum(d.fast for d in nod.delar if d.fast is not None)
    free = [d for d in nod.delar if d.fast is None]
    if not free:
        value = fixed  # nothing can absorb a difference: the total is the sum it prints
        shares: tuple[int, ...] = ()
    else:
        shares = fördela(value - fixed, [d.kr for d in free])
    given = iter(shares)
    parts = tuple(avrunda(d, None if d.fast is not None else next(given)) for d in nod.delar)
    return Avrundad(nod.kr, value, parts)


# The resultaträkning's figures the tables show, by meaning: they add up to årets resultat.
RR_DELAR = ("verksamhetens_intäkter", "verksamhetens_kostnader", "avskrivningar",
            "finansiella_intäkter", "finansiella_kostnader", "extraordinära_poster")


def resultaträkning_tkr(eko: Ekonomiberakning, år: int) -> dict[str, int]:
    """The resultaträkning of *år* in tkr as every table shows it: årets resultat is the top
    total, and its parts (intäkter, kostnader, avskrivningar, the financial items,
    extraordinära poster: meaning → tkr) add up to it."""
    rr = eko.resultaträkning
    exact = {b: rr.belopp(b, år) for b in RR_DELAR}
    total = rr.belopp("årets_resultat", år)
    rest = total - sum(exact.values())  # lines of the förbund's own without these meanings
    parts = [Nod(v) for v in exact.values()] + ([Nod(rest)] if rest else [])
    rounded = avrunda(Nod(total, tuple(parts)))
    out = dict(zip(exact, (p.tkr for p in rounded.delar), strict=False))
    out["årets_resultat"] = rounded.tkr
    return out

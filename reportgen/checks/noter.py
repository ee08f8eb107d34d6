"""Noter: each note adds up, and to the statement line(s) it explains."""

from __future__ import annotations

from collections.abc import Iterator
from typing import get_args

from reportgen.checks.base import Kontext, Regel, avviker, kr, meddelande_kr, regel
from reportgen.compute.noter import notsumma, teckenfaktor
from reportgen.findings import Finding
from reportgen.schema.ekonomi import Balanspost, Not, Resultatpost

RESULTATPOSTER = frozenset(get_args(Resultatpost))
BALANSPOSTER = frozenset(get_args(Balanspost))


def radnamn(ctx: Kontext, key: str) -> str:
    """A statement line as the statement prints it, in running text: 'kassa och bank'."""
    for statement in (ctx.eko.resultaträkning, ctx.eko.balansräkning):
        for row in statement.rows:
            if row.key == key:
                return row.label[:1].lower() + row.label[1:]
    raise KeyError(key)


def not_år(ctx: Kontext, note: Not) -> list[int]:
    """The statement years for which the note has figures, newest first."""
    have = {y for row in note.rader for y in row.belopp} | set(note.summa or {})
    return [y for y in sorted(ctx.eko.years, reverse=True) if y in have]


def raderna(ctx: Kontext, note: Not, år: int) -> int:
    """Sum of the statement lines the note explains, as the YAML gives them."""
    ekonomi = ctx.indata.ekonomi
    total = 0
    for key in note.avser:
        if key in RESULTATPOSTER:
            total += getattr(ekonomi.resultaträkning[år], key)
        else:
            assert key in BALANSPOSTER  # the schema allows no other key (Radnyckel)
            total += getattr(ekonomi.balansräkning[år], key)
    return total


def _rubrik(index: int, note: Not) -> str:
    return f"Not {index + 1} {note.rubrik}"


@regel("not.summa", "En angiven notsumma är summan av notens rader")
def not_summa(ctx: Kontext) -> Iterator[Finding]:
    for index, note in enumerate(ctx.indata.ekonomi.noter):
        for år in not_år(ctx, note):
            stated = (note.summa or {}).get(år)
            if stated is None or not note.rader:
                continue
            computed = notsumma(note, år)
            if avviker(stated, computed):
                yield ctx.fynd(
                    ("ekonomi", "noter", index, "summa", år),
                    meddelande_kr(f"{_rubrik(index, note)}, summa {år}", stated, computed,
                                  "summan av notens rader"),
                    "not.summa",
                )


@regel("not.rad", "Notens summa = raden (raderna) i resultat- eller balansräkningen den förklarar")
def not_rad(ctx: Kontext) -> Iterator[Finding]:
    for index, note in enumerate(ctx.indata.ekonomi.noter):
        if not note.avser or not (note.rader or note.summa):
            continue
        sign = teckenfaktor(note)
        lines = " + ".join(radnamn(ctx, k) for k in note.avser)
        for år in not_år(ctx, note):
            stated = (note.summa or {}).get(år)
            rows = notsumma(note, år) if note.rader else None
            shown = stated if stated is not None else rows
            assert shown is not None
            candidates = [c * sign for c in (stated, rows) if c is not None]
            target = raderna(ctx, note, år)
            where = (
                ("ekonomi", "noter", index, "summa", år)
                if stated is not None
                else ("ekonomi", "noter", index, "avser")
            )
            tecken = " (med omvänt tecken)" if note.omvänt_tecken else ""
            if note.delredovisning:
                if all(abs(c) > abs(target) or c * target < 0 for c in candidates):
                    yield ctx.fynd(
                        where,
                        f"{_rubrik(index, note)} {år} är en delredovisning (varav) men summan "
                        f"{kr(shown)}{tecken} är större än {lines} {kr(target)} eller har "
                        "annat tecken",
                        "not.rad",
                    )
            elif avviker(target, *candidates):
                flipped = target != 0 and not avviker(-target, *candidates)
                hint = " (omvänt_tecken: true saknas eller är fel?)" if flipped else ""
                yield ctx.fynd(
                    where,
                    meddelande_kr(f"{_rubrik(index, note)}, summa {år}", shown, target * sign,
                                  f"{lines} i {_statement(note)}{tecken}") + hint,
                    "not.rad",
                )


def _statement(note: Not) -> str:
    return "resultaträkningen" if note.avser[0] in RESULTATPOSTER else "balansräkningen"


REGLER: tuple[Regel, ...] = (not_summa, not_rad)

"""Styrelse and underskrifter: an ordförande, and a signature line per ordinary member.

The signature lines reportgen prints are made from `styrelse` (every ordinary member in
office at year end). A report copied from Word may also state its signature lines
(`underskrifter.ledamöter`); those are compared with the board.
"""

from __future__ import annotations

from collections.abc import Iterator

from reportgen.checks.base import Kontext, Regel, regel
from reportgen.compute.styrelse import ledamöter_vid_årets_slut
from reportgen.findings import Finding, Severity
from reportgen.fmt import datum
from reportgen.schema.organisation import Roll


@regel("styrelse.ordförande", "Styrelsen har en (och bara en) ordförande vid årets slut")
def styrelse_ordförande(ctx: Kontext) -> Iterator[Finding]:
    chairs = [m for m in ledamöter_vid_årets_slut(ctx.indata) if m[2].roll is Roll.ordförande]
    if not chairs:
        yield ctx.fynd(
            ("styrelse",),
            f"ingen ordinarie ledamot i tjänst {ctx.år}-12-31 har roll: ordförande",
            "styrelse.ordförande",
        )
    for s, p, person in chairs[1:]:
        yield ctx.fynd(
            ("styrelse", s, "ordinarie", p, "roll"),
            f"{person.namn} är ordförande {ctx.år}-12-31, men det är också {chairs[0][2].namn}",
            "styrelse.ordförande",
        )


@regel("styrelse.datum", "Uppdragets från-datum ligger före till-datum")
def styrelse_datum(ctx: Kontext) -> Iterator[Finding]:
    for s, seat in enumerate(ctx.indata.styrelse):
        for group in ("ordinarie", "ersättare"):
            for p, person in enumerate(getattr(seat, group)):
                if person.från and person.till and person.från > person.till:
                    yield ctx.fynd(
                        ("styrelse", s, group, p, "till"),
                        f"{person.namn}: uppdraget slutar {datum(person.till)}, före det "
                        f"börjar ({datum(person.från)})",
                        "styrelse.datum",
                    )


@regel("styrelse.underskrift",
       "Varje ordinarie ledamot vid årets slut har en underskriftsrad, med rätt roll")
def styrelse_underskrift(ctx: Kontext) -> Iterator[Finding]:
    stated = ctx.indata.underskrifter.ledamöter
    if stated is None:
        return  # signature lines are generated from the board: complete by construction
    members = ledamöter_vid_årets_slut(ctx.indata)
    by_name = {person.namn.strip().casefold(): (s, p, person) for s, p, person in members}
    signed = {u.namn.strip().casefold(): (i, u) for i, u in enumerate(stated)}
    base = ("underskrifter", "ledamöter")
    for key, (s, _p, person) in by_name.items():
        if key not in signed:
            yield ctx.fynd(
                base,
                f"{person.namn} (ordinarie ledamot, utsedd av "
                f"{ctx.indata.styrelse[s].utsedd_av}, i tjänst {ctx.år}-12-31) saknar "
                "underskriftsrad",
                "styrelse.underskrift",
            )
    for key, (i, u) in signed.items():
        if key not in by_name:
            yield ctx.fynd(
                (*base, i),
                f"{u.namn} har en underskriftsrad men är inte ordinarie ledamot i styrelsen "
                f"{ctx.år}-12-31",
                "styrelse.underskrift",
                Severity.WARNING,
            )
        elif by_name[key][2].roll is not u.roll:
            yield ctx.fynd(
                (*base, i, "roll"),
                f"{u.namn} skriver under som {u.roll.value}, men är "
                f"{by_name[key][2].roll.value} enligt styrelsen",
                "styrelse.underskrift",
                Severity.WARNING,
            )


REGLER: tuple[Regel, ...] = (styrelse_ordförande, styrelse_datum, styrelse_underskrift)

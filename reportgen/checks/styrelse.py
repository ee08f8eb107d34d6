"""Styrelse and underskrifter: an ordförande, and a signature line per ordinary member.

The signature lines reportgen prints are those `underskrifter.ledamöter` states (e.g. an
ersättare signing for an absent member, `ersätter:`), or else made from `styrelse` (every
ordinary member in office at year end). Stated lines are compared with the board; the
auditors' (`underskrifter.revisorer`) likewise with `revisorer`.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from reportgen.checks.base import Kontext, Regel, regel
from reportgen.compute.styrelse import ledamöter_vid_årets_slut, revisorer_vid_årets_slut
from reportgen.findings import Finding, Severity
from reportgen.fmt import datum
from reportgen.schema.organisation import Person, Roll


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
       "Varje ordinarie ledamot vid årets slut har en underskriftsrad (egen, eller en "
       "ersättares), med rätt roll")
def styrelse_underskrift(ctx: Kontext) -> Iterator[Finding]:
    stated = ctx.indata.underskrifter.ledamöter
    if stated is None:
        return  # signature lines are generated from the board: complete by construction
    members = ledamöter_vid_årets_slut(ctx.indata)
    by_name = {_fold(person.namn): (s, p, person) for s, p, person in members}
    base = ("underskrifter", "ledamöter")
    signed: set[str] = set()
    remarks: list[Finding] = []
    for i, u in enumerate(stated):
        if u.ersätter is not None:
            signed.add(_fold(u.ersätter))
            remarks += _substitute(ctx, i, u.namn, u.ersätter, by_name)
        elif _fold(u.namn) not in by_name:
            remarks.append(ctx.fynd(
                (*base, i),
                f"{u.namn} har en underskriftsrad men är inte ordinarie ledamot i styrelsen "
                f"{ctx.år}-12-31 (en ersättare anger vem hen skriver under för med ersätter:)",
                "styrelse.underskrift", Severity.WARNING))
        else:
            signed.add(_fold(u.namn))
            if by_name[_fold(u.namn)][2].roll is not u.roll:
                remarks.append(ctx.fynd(
                    (*base, i, "roll"),
                    f"{u.namn} skriver under som {u.roll.value}, men är "
                    f"{by_name[_fold(u.namn)][2].roll.value} enligt styrelsen",
                    "styrelse.underskrift", Severity.WARNING))
    for key, (s, _p, person) in by_name.items():
        if key not in signed:
            by = ctx.indata.styrelse[s].utsedd_av
            yield ctx.fynd(
                base,
                f"{person.namn} (ordinarie ledamot{f', utsedd av {by}' if by else ''}, i "
                f"tjänst {ctx.år}-12-31) saknar underskriftsrad",
                "styrelse.underskrift",
            )
    yield from remarks


def _substitute(ctx: Kontext, i: int, namn: str, ersätter: str,
                by_name: dict[str, tuple[int, int, Person]]) -> Iterator[Finding]:
    """An ersättare signs for *ersätter*: an ordinary member, whose seat has this ersättare."""
    path = ("underskrifter", "ledamöter", i)
    member = by_name.get(_fold(ersätter))
    if member is None:
        names = [m[2].namn for m in by_name.values()]
        close = difflib.get_close_matches(ersätter, names, n=1, cutoff=0.6)
        hint = f" (menade du {close[0]}?)" if close else ""
        yield ctx.fynd((*path, "ersätter"),
                       f"{namn} skriver under för {ersätter}, som inte är ordinarie ledamot i "
                       f"styrelsen {ctx.år}-12-31{hint}", "styrelse.underskrift",
                       Severity.WARNING)
        return
    seat = ctx.indata.styrelse[member[0]]
    if _fold(namn) not in {_fold(e.namn) for e in seat.ersättare}:
        yield ctx.fynd(path, f"{namn} skriver under för {member[2].namn}, men är inte "
                       "ersättare på samma plats i styrelsen", "styrelse.underskrift",
                       Severity.WARNING)


@regel("styrelse.revisorer",
       "Varje revisor vid årets slut har en underskriftsrad, och varje rad är en revisor")
def styrelse_revisorer(ctx: Kontext) -> Iterator[Finding]:
    stated = ctx.indata.underskrifter.revisorer
    if stated is None:
        return  # generated from the auditors in office: complete by construction
    base = ("underskrifter", "revisorer")
    signed = {_fold(u.namn) for u in stated}
    for r in revisorer_vid_årets_slut(ctx.indata):
        if _fold(r.namn) not in signed:
            yield ctx.fynd(base, f"revisorn {r.namn} (i tjänst {ctx.år}-12-31) saknar "
                           "underskriftsrad", "styrelse.revisorer", Severity.WARNING)
    known = {_fold(r.namn) for r in ctx.indata.revisorer}
    for i, u in enumerate(stated):
        if _fold(u.namn) not in known:
            yield ctx.fynd((*base, i), f"{u.namn} har en underskriftsrad men finns inte bland "
                           "revisorerna", "styrelse.revisorer", Severity.WARNING)


def _fold(name: str) -> str:
    return name.strip().casefold()


REGLER: tuple[Regel, ...] = (styrelse_ordförande, styrelse_datum, styrelse_underskrift,
                             styrelse_revisorer)

"""Balansräkning: the lines' signs, subtotals, balance, årets resultat and the opening
eget kapital."""

from __future__ import annotations

from collections.abc import Iterator

from reportgen.checks.base import Kontext, Regel, avviker, kr, meddelande_kr, regel, skillnad_kr
from reportgen.checks.resultatrakning import årets_resultat_rr
from reportgen.checks.summor import angivet_belopp, summaregel, tryckt
from reportgen.checks.tecken import teckenregel
from reportgen.findings import Finding


def br_angivet(ctx: Kontext, år: int, nyckel: str) -> int | None:
    return angivet_belopp(ctx.indata.ekonomi.balansräkning, år, nyckel)


def br_tryckt(ctx: Kontext, år: int, nyckel: str) -> int:
    """The figure as printed: stated, or the sum of the printed figures above it."""
    return tryckt(nyckel, ctx.eko.balansräkning, år, lambda k: br_angivet(ctx, år, k))


def eget_kapital(ctx: Kontext, år: int) -> list[int]:
    """Closing eget kapital of *år*: as printed and as computed (either is acceptable)."""
    return [br_tryckt(ctx, år, "summa_eget_kapital"), ctx.eko.br[år].summa_eget_kapital]


def _path(år: int, nyckel: str) -> tuple[str | int, ...]:
    return ("ekonomi", "balansräkning", år, nyckel)


br_tecken = teckenregel(
    "br.tecken",
    "Balansräkningens tillgångar, avsättningar och skulder är positiva belopp",
    lambda eko: eko.balansräkning,
    _path,
)

br_summa = summaregel(
    "br.summa",
    "Balansräkningens angivna summor är summan av raderna ovanför",
    lambda eko: eko.balansräkning,
    br_angivet,
    _path,
)


@regel("br.balans", "Summa tillgångar = summa eget kapital, avsättningar och skulder")
def br_balans(ctx: Kontext) -> Iterator[Finding]:
    for år in sorted(ctx.eko.years, reverse=True):
        br = ctx.eko.br[år]
        tillgångar = br_tryckt(ctx, år, "summa_tillgångar")
        skulder = br_tryckt(ctx, år, "summa_eget_kapital_avsättningar_och_skulder")
        computed_ok = br.summa_tillgångar == br.summa_eget_kapital_avsättningar_och_skulder
        if tillgångar == skulder or computed_ok:
            continue
        stated = br_angivet(ctx, år, "summa_eget_kapital_avsättningar_och_skulder")
        where = _path(år, "summa_eget_kapital_avsättningar_och_skulder") if stated is not None \
            else ("ekonomi", "balansräkning", år)
        yield ctx.fynd(
            where,
            f"Balansräkningen {år} balanserar inte: summa tillgångar {kr(tillgångar)}, "
            f"summa eget kapital, avsättningar och skulder {kr(skulder)}; "
            f"{skillnad_kr(skulder, tillgångar)}",
            "br.balans",
        )


@regel("br.årets_resultat", "Årets resultat i balansräkningen = resultaträkningens")
def br_årets_resultat(ctx: Kontext) -> Iterator[Finding]:
    for år in sorted(ctx.eko.years, reverse=True):
        stated = br_angivet(ctx, år, "årets_resultat")
        if stated is None:
            continue
        rr = årets_resultat_rr(ctx, år)
        if avviker(stated, *rr):
            yield ctx.fynd(
                _path(år, "årets_resultat"),
                meddelande_kr(f"Balansräkningen, årets resultat {år}", stated, rr[0],
                              "resultaträkningens årets resultat"),
                "br.årets_resultat",
            )


@regel("br.ingående_eget_kapital",
       "Övrigt eget kapital vid årets början = föregående års utgående eget kapital")
def br_ingående_eget_kapital(ctx: Kontext) -> Iterator[Finding]:
    for år in sorted(ctx.eko.years, reverse=True):
        if år - 1 not in ctx.eko.br:
            continue
        ingående = ctx.indata.ekonomi.balansräkning[år].övrigt_eget_kapital
        utgående = eget_kapital(ctx, år - 1)
        if avviker(ingående, *utgående):
            yield ctx.fynd(
                _path(år, "övrigt_eget_kapital"),
                meddelande_kr(f"Balansräkningen, övrigt eget kapital {år}", ingående,
                              utgående[0], f"summa eget kapital {år - 1}-12-31"),
                "br.ingående_eget_kapital",
            )


REGLER: tuple[Regel, ...] = (
    br_tecken, br_summa, br_balans, br_årets_resultat, br_ingående_eget_kapital)

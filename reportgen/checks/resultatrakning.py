"""Resultaträkning: every stated subtotal is the sum of the lines above it."""

from __future__ import annotations

from collections.abc import Iterator

from reportgen.checks.base import Kontext, Regel, regel
from reportgen.checks.summor import Summa, summakontroller
from reportgen.findings import Finding

RR_SUMMOR = (
    Summa("verksamhetens_resultat",
          ("verksamhetens_intäkter", "verksamhetens_kostnader", "avskrivningar")),
    Summa("resultat_efter_finansiella_poster",
          ("verksamhetens_resultat", "finansiella_intäkter", "finansiella_kostnader")),
    Summa("årets_resultat", ("resultat_efter_finansiella_poster", "extraordinära_poster")),
)


def rr_angivet(ctx: Kontext, år: int, nyckel: str) -> int | None:
    value: int | None = getattr(ctx.indata.ekonomi.resultaträkning[år], nyckel)
    return value


def årets_resultat_rr(ctx: Kontext, år: int) -> list[int]:
    """The RR's årets resultat as stated (if it is) and as computed: either is acceptable."""
    stated = rr_angivet(ctx, år, "årets_resultat")
    computed = ctx.eko.rr[år].årets_resultat
    return [stated, computed] if stated is not None else [computed]


@regel("rr.summa", "Resultaträkningens angivna delsummor är summan av raderna ovanför")
def rr_summa(ctx: Kontext) -> Iterator[Finding]:
    for år in sorted(ctx.eko.years, reverse=True):
        yield from summakontroller(
            ctx,
            ctx.eko.resultaträkning,
            år,
            RR_SUMMOR,
            lambda k, år=år: rr_angivet(ctx, år, k),  # type: ignore[misc]
            lambda k, år=år: ("ekonomi", "resultaträkning", år, k),  # type: ignore[misc]
            "rr.summa",
        )


REGLER: tuple[Regel, ...] = (rr_summa,)

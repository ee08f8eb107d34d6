"""Balansräkning: the lines' signs, subtotals, balance, årets resultat and the opening
eget kapital."""

from __future__ import annotations

from reportgen.checks.base import Kontext, Regel
from reportgen.checks.summor import relationsregel
from reportgen.checks.tecken import teckenregel
from reportgen.perioder import Kolumn


def br_tryckt(ctx: Kontext, år: int, nyckel: str) -> int:
    """The figure as printed: stated, or the sum of the printed figures above it."""
    return ctx.relationer.tryckt("balansräkning", nyckel, år)


def eget_kapital(ctx: Kontext, år: int) -> list[int]:
    """Closing eget kapital of *år*: as printed and as computed (either is acceptable)."""
    return [ctx.relationer.tryckt_belopp("balansräkning", "summa_eget_kapital", år),
            ctx.eko.balansräkning.belopp("summa_eget_kapital", år)]


def _path(år: Kolumn, nyckel: str) -> tuple[str | int, ...]:
    return ("ekonomi", "balansräkning", år, nyckel)


br_tecken = teckenregel(
    "br.tecken",
    "Balansräkningens tillgångar, avsättningar och skulder är positiva belopp",
    lambda eko: eko.balansräkning,
    _path,
)

br_summa = relationsregel("br.summa", "Balansräkningens angivna summor är summan av raderna ovanför")
br_balans = relationsregel("br.balans", "Summa tillgångar = summa eget kapital, avsättningar och skulder")
br_årets_resultat = relationsregel(
    "br.årets_resultat", "Årets resultat i balansräkningen = resultaträkningens")
br_ingående_eget_kapital = relationsregel(
    "br.ingående_eget_kapital",
    "Övrigt eget kapital vid årets början = föregående års utgående eget kapital")


REGLER: tuple[Regel, ...] = (
    br_tecken, br_summa, br_balans, br_årets_resultat, br_ingående_eget_kapital)

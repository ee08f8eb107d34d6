"""The theme's colours are readable: WCAG AA's 4.5 : 1 for text (rule tema.kontrast)."""

from __future__ import annotations

from collections.abc import Iterator

from reportgen.checks.base import Kontext, regel
from reportgen.findings import Finding

AA_TEXT = 4.5  # WCAG 2.1 success criterion 1.4.3, normal text
VIT = "#ffffff"


def _kanal(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminans(hex_colour: str) -> float:
    """Relative luminance (WCAG 2.1) of '#rrggbb'."""
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _kanal(r) + 0.7152 * _kanal(g) + 0.0722 * _kanal(b)


def kontrast(a: str, b: str) -> float:
    """The contrast ratio of two colours, 1 to 21."""
    high, low = sorted((luminans(a), luminans(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _tal(ratio: float) -> str:
    return f"{int(ratio * 100) / 100:.2f}".replace(".", ",")  # truncated: 4,49 is not 4,5


@regel("tema.kontrast", "Temats färger har minst 4,5:1 i kontrast mot vit bakgrund (WCAG AA)")
def tema_kontrast(ctx: Kontext) -> Iterator[Finding]:
    tema = ctx.indata.tema
    for key, namn in (("primärfärg", "primärfärgen"), ("accentfärg", "accentfärgen")):
        colour = getattr(tema, key)
        ratio = kontrast(colour, VIT)
        if ratio < AA_TEXT:
            yield ctx.fynd(
                ("tema", key),
                f"{namn} {colour} har kontrasten {_tal(ratio)}:1 mot vit bakgrund; text i "
                f"rapporten (rubriker, länkar, vit text på färgen) behöver minst 4,5:1 "
                "(WCAG AA). Välj en mörkare färg.",
                "tema.kontrast")


REGLER = (tema_kontrast,)

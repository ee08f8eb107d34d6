"""The report's look as the förbund's `tema` gives it: colours, typeface, the logo's place.

Decided once here and offered by the report model (`Document.theme`); the HTML template
writes it as CSS variables and @font-face rules, the DOCX writer into its styles.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportgen.schema.tema import STANDARD_ACCENT, STANDARD_PRIMÄR, Tema
from reportgen.typsnitt import STANDARD, Typsnitt, typsnitt

INK = "#1d2530"


@dataclass(frozen=True)
class Tint:
    """Colours that repeat what a text already says (never the only sign): a light
    background and an accent (a badge's edge), each #rrggbb. Renderers paint them as they
    are; which text gets which colours is decided in document/ (a status's, from the
    förbund's status scale; an indicator's, from TONE)."""

    background: str
    accent: str


# The tints of a figure whose symbol says it is better, worse or neither (the indicator
# grids: ▲ ▼ ●, ↑ ↓ →).
TONE = {
    "positiv": Tint("#dcefe0", "#2e7d32"),
    "negativ": Tint("#f8dedb", "#b3261e"),
    "neutral": Tint("#eceff2", "#525c69"),
}


@dataclass(frozen=True)
class Theme:
    primary: str = STANDARD_PRIMÄR  # "#1f4e79"
    accent: str = STANDARD_ACCENT
    font: Typsnitt = field(default_factory=lambda: typsnitt(STANDARD))
    logo_placement: str = "vänster"  # vänster | höger | mitten (top of the cover)

    @property
    def number_colour(self) -> str:
        """The colour of a chapter's or section's number ("1", "1.1", "Bilaga 1."): the
        accent, beside a title in the primary colour."""
        return self.accent

    @property
    def cover_band(self) -> str:
        """The background of the cover's band (its text is white): the primary colour."""
        return self.primary

    @property
    def families(self) -> tuple[Typsnitt, ...]:
        """The chosen family, then Inter for the glyphs it lacks (both embedded)."""
        fallback = typsnitt(STANDARD)
        return (self.font,) if self.font == fallback else (self.font, fallback)

    @property
    def css_font_stack(self) -> str:
        return ", ".join(f'"{f.name}"' for f in self.families)

    def hex(self, colour: str) -> str:
        """A colour as Word writes it: 'RRGGBB'."""
        return colour.lstrip("#").upper()


def theme(tema: Tema) -> Theme:
    return Theme(tema.primärfärg, tema.accentfärg, typsnitt(tema.typsnitt), tema.logotyp)


STANDARD_THEME = Theme()

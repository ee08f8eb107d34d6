"""The typefaces reportgen ships (templates/fonts, each with its licence), by name.

A theme (`tema.typsnitt`, reportgen/schema/tema.py) names one of them; the PDF, the
preview and the DOCX all set the report in it. Each family has the four faces the report
uses. Inter stands behind every other family for the glyphs that family lacks (▲ ▼, say),
so nothing falls back to a font that is not shipped. Kept free of heavy imports: `check`
validates the name.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportgen.templates_dir import templates_dir


@dataclass(frozen=True)
class Typsnittsfil:
    file: str  # in templates/fonts
    bold: bool
    italic: bool

    @property
    def path(self) -> Path:
        return templates_dir() / "fonts" / self.file


@dataclass(frozen=True)
class Typsnitt:
    name: str  # the family name the fonts carry (and CSS and Word use)
    faces: tuple[Typsnittsfil, ...]  # regular, bold, italic, bold italic
    license: str  # the licence file beside the fonts

    def face(self, bold: bool, italic: bool) -> Typsnittsfil:
        return next(f for f in self.faces if (f.bold, f.italic) == (bold, italic))


def _family(name: str, stem: str, suffix: str) -> Typsnitt:
    faces = tuple(Typsnittsfil(f"{stem}-{style}{suffix}", bold, italic) for style, bold, italic in (
        ("Regular", False, False), ("Bold", True, False), ("Italic", False, True),
        ("BoldItalic", True, True)))
    return Typsnitt(name, faces, f"LICENSE-{stem}.txt")


STANDARD = "Inter"
TYPSNITT: dict[str, Typsnitt] = {
    "Inter": _family("Inter", "Inter", ".otf"),  # SIL Open Font License 1.1
    "Lato": _family("Lato", "Lato", ".ttf"),  # SIL Open Font License 1.1 (Debian fonts-lato)
}


def typsnitt(name: str) -> Typsnitt:
    return TYPSNITT[name]

"""Where the report model's narrative comes from, so edits made in Word can go back there.

A block of narrative (a paragraph, a list, a heading, a quote, a table written in Markdown)
carries its ``Origin``: the text it belongs to (a Markdown file or an inline YAML text,
``TextSource``) and which of that text's blocks it is, with the source lines it spans. A
figure filled into the text (`{{ eget_kapital_tkr }}`) is a run carrying its ``FigureRef``.
The DOCX marks them (reportgen/render/docx_marks.py) and `reportgen återför` reads the marks.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from reportgen.load import PathKey


@dataclass(frozen=True)
class TextSource:
    """One narrative text: the YAML field that gives it, and the Markdown file if it is one."""

    path: PathKey  # ("förvaltningsberättelse", "organisation")
    file: Path | None  # the Markdown file; None when the text stands in the YAML itself
    digest: str  # identifies this text as it was when the report was built (see digest())

    @property
    def field(self) -> str:
        return ".".join(str(p) for p in self.path)


def digest(path: PathKey, text: str) -> str:
    """Eight hex digits of SHA-256 over the field and its text: the same text in the same
    field always gives the same digest, an edited one another."""
    key = ".".join(str(p) for p in path) + "\0" + text
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:8]


@dataclass(frozen=True)
class Origin:
    """Block *block* (0-based, top-level blocks only) of the text *text*, on its lines
    *lines* (0-based, end exclusive, as markdown-it maps them)."""

    text: TextSource
    block: int
    lines: tuple[int, int]


@dataclass(frozen=True)
class FigureRef:
    """A figure filled into a text: its name, its expression as written and its place
    among the text's figures (0-based)."""

    name: str
    written: str  # "{{ eget_kapital_tkr }}"
    index: int

"""Neutral report model: sections, headings, prose, tables, signatures.

Renderers (HTML, DOCX) are translators over this tree; they never compute figures
or decide content, so the outputs cannot disagree.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from reportgen.findings import Location


@dataclass(frozen=True)
class Run:
    """A piece of inline text with its emphasis."""

    text: str
    bold: bool = False
    italic: bool = False
    href: str | None = None
    line_break: bool = False  # a hard line break after the text


@dataclass(frozen=True)
class Paragraph:
    runs: tuple[Run, ...]
    # normal | lead | small | attestation | status-uppfyllt | status-delvis | status-ej
    # | label (a bold lead-in such as "Insatsens mål", kept with the next block)
    # (renderers map a style to a CSS class and a Word paragraph style; unknown → normal)
    style: str = "normal"

    kind = "paragraph"

    @property
    def text(self) -> str:
        return "".join(r.text + ("\n" if r.line_break else "") for r in self.runs)


@dataclass(frozen=True)
class Heading:
    """A heading inside narrative text (not numbered, not in the table of contents)."""

    level: int
    text: str

    kind = "heading"


@dataclass(frozen=True)
class ListBlock:
    items: tuple[tuple[Block, ...], ...]
    ordered: bool = False

    kind = "list"


class CellKind(str, Enum):
    LABEL = "label"
    TEXT = "text"
    AMOUNT = "amount"
    SUM = "sum"
    NOTE = "note"
    PERCENT = "percent"
    HEADER = "header"

    @property
    def numeric(self) -> bool:
        return self in {CellKind.AMOUNT, CellKind.SUM, CellKind.NOTE, CellKind.PERCENT}


class RowKind(str, Enum):
    NORMAL = "normal"
    SUM = "sum"
    SUBHEADING = "subheading"


@dataclass(frozen=True)
class Cell:
    text: str
    kind: CellKind = CellKind.TEXT
    value: int | None = None  # the exact figure behind an amount cell
    colspan: int = 1


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell, ...]
    kind: RowKind = RowKind.NORMAL


@dataclass(frozen=True)
class Table:
    id: str
    caption: str
    header: tuple[Row, ...]
    body: tuple[Row, ...]
    widths: tuple[int, ...] = ()  # relative column widths
    footnote: str | None = None
    row_headers: bool = True  # first column labels its row

    kind = "table"

    def numeric_columns(self) -> tuple[bool, ...]:
        """Per column: does it hold figures (and so align right)?"""
        count = self.column_count
        flags = [False] * count
        for row in self.body:
            index = 0
            for cell in row.cells:
                if cell.kind.numeric and cell.colspan == 1 and index < count:
                    flags[index] = True
                index += cell.colspan
        return tuple(flags)

    @property
    def column_count(self) -> int:
        return sum(c.colspan for c in (self.header[0] if self.header else self.body[0]).cells)


@dataclass(frozen=True)
class Image:
    path: Path
    alt: str
    width_mm: float | None = None
    location: Location | None = None  # where the input names the picture (for located errors)

    kind = "image"


@dataclass(frozen=True)
class Signatory:
    name: str
    role: str
    lines: tuple[str, ...] = ()  # e.g. whom an auditor represents


@dataclass(frozen=True)
class SignatureBlock:
    title: str
    statement: str
    signatories: tuple[Signatory, ...]
    digital: bool
    place_and_date: str | None = None  # ink signing: "Norrvika den …"

    kind = "signatures"


@dataclass(frozen=True)
class PageBreak:
    kind = "pagebreak"


Block = Paragraph | Heading | ListBlock | Table | Image | SignatureBlock | PageBreak


@dataclass(frozen=True)
class Section:
    id: str
    number: str | None
    title: str
    level: int  # 1 = chapter, 2 = subsection
    blocks: tuple[Block | Section, ...]
    page_break_before: bool = False
    in_toc: bool = True

    kind = "section"

    @property
    def heading(self) -> str:
        return f"{self.number} {self.title}" if self.number else self.title


@dataclass(frozen=True)
class Cover:
    organisation: str
    organisation_number: str
    title: str
    period: str
    decided: str | None
    logo: Image | None
    address_lines: tuple[str, ...]


@dataclass(frozen=True)
class TocEntry:
    id: str
    level: int
    number: str | None
    title: str


@dataclass(frozen=True)
class Document:
    title: str  # "Årsredovisning 2023"
    subject: str
    author: str  # the förbund
    lang: str
    cover: Cover
    sections: tuple[Section, ...]
    draft: bool = False
    base_dir: Path = field(default_factory=Path)

    def walk_sections(self) -> Iterator[Section]:
        def walk(sections: tuple[Block | Section, ...]) -> Iterator[Section]:
            for s in sections:
                if isinstance(s, Section):
                    yield s
                    yield from walk(s.blocks)

        yield from walk(self.sections)

    def toc(self) -> tuple[TocEntry, ...]:
        return tuple(
            TocEntry(s.id, s.level, s.number, s.title) for s in self.walk_sections() if s.in_toc
        )

    def tables(self) -> Iterator[Table]:
        def walk(blocks: tuple[Block | Section, ...]) -> Iterator[Table]:
            for b in blocks:
                if isinstance(b, Section):
                    yield from walk(b.blocks)
                elif isinstance(b, Table):
                    yield b

        yield from walk(self.sections)

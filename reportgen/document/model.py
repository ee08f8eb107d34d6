"""Neutral report model: sections, headings, prose, tables, signatures.

Renderers (HTML, DOCX) are translators over this tree; they never compute figures
or decide content, so the outputs cannot disagree.
"""

from __future__ import annotations

import hashlib
import mimetypes
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Protocol

from reportgen.document import layout
from reportgen.document.origin import FigureRef, Origin
from reportgen.document.theme import STANDARD_THEME, Theme, Tint
from reportgen.findings import Location
from reportgen.load import PathKey
from reportgen.wording import STANDARD, Texter


@dataclass(frozen=True)
class Run:
    """A piece of inline text with its emphasis."""

    text: str
    bold: bool = False
    italic: bool = False
    href: str | None = None
    line_break: bool = False  # a hard line break after the text
    # A figure filled into narrative (`{{ name }}`): which one (reportgen/document/origin.py).
    figure: FigureRef | None = field(default=None, compare=False, kw_only=True)


@dataclass(frozen=True)
class Paragraph:
    runs: tuple[Run, ...]
    # normal | lead | small | attestation | status-uppfyllt | status-delvis | status-ej
    # | status (a status of the förbund's own scale, coloured by its tint)
    # | label (a sub-heading such as "Insatsens mål": bold by its style, kept with the next block)
    # (renderers map a style to a CSS class and a Word paragraph style; unknown → normal)
    style: str = "normal"
    tint: Tint | None = None
    origin: Origin | None = field(default=None, compare=False, kw_only=True)  # narrative's
    # Stays on the page of the block after it: a lead-in before its table (document/keep.py).
    keep_with_next: bool = field(default=False, kw_only=True)

    kind = "paragraph"

    @property
    def text(self) -> str:
        return "".join(r.text + ("\n" if r.line_break else "") for r in self.runs)


@dataclass(frozen=True)
class Heading:
    """A heading inside narrative text (not numbered, not in the table of contents)."""

    level: int
    text: str
    origin: Origin | None = field(default=None, compare=False, kw_only=True)

    kind = "heading"


@dataclass(frozen=True)
class ListBlock:
    items: tuple[tuple[Block, ...], ...]
    ordered: bool = False
    start: int = 1  # the number of an ordered list's first item, as written
    origin: Origin | None = field(default=None, compare=False, kw_only=True)

    kind = "list"


@dataclass(frozen=True)
class Quote:
    """A block quote (Markdown `> …`): its blocks are shown as quoted."""

    blocks: tuple[Block, ...]
    origin: Origin | None = field(default=None, compare=False, kw_only=True)

    kind = "quote"


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
    colspan: int = field(default=1, kw_only=True)  # by name, never a stray positional figure
    # The YAML path a figure is given at, when it is input (not computed): where to change it.
    source: PathKey | None = field(default=None, compare=False, kw_only=True)
    # Colours that repeat what the text already says (never the only sign): a status of the
    # förbund's scale, an indicator's higher / lower (theme.TONE); its background is painted.
    tint: Tint | None = field(default=None, kw_only=True)
    # Findings about the figure, marked in place in a draft (document/findings_in_place.py).
    marks: tuple[CellMark, ...] = field(default=(), compare=False, kw_only=True)


@dataclass(frozen=True)
class CellMark:
    """A finding about the figure in a cell, marked where it stands (a draft, the preview)."""

    number: int  # through the report, in order: "1", "2" …
    message: str  # the finding's message
    stated: str  # the figure as the YAML states it (the cell may print the computed one)
    expected: str | None  # the computed figure, as a table prints it, when the rule has one
    field: str  # the finding's YAML field (so the preview can link the finding to the cell)

    @property
    def anchor(self) -> str:
        return f"fynd-{self.number}"

    @property
    def note(self) -> str:
        """What the note under the table says."""
        computed = f"; beräknat {self.expected}" if self.expected else ""
        return f"Angivet {self.stated}{computed}. {self.message}"


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell, ...]
    kind: RowKind = RowKind.NORMAL
    indent: int = field(default=0, kw_only=True)  # its label's indentation: 1 for a sub-line

    @property
    def indent_mm(self) -> float:
        """How far the row's label is indented (layout.ROW_INDENT_MM per level)."""
        return self.indent * layout.ROW_INDENT_MM


@dataclass(frozen=True)
class PlacedCell:
    """A cell where its table puts it, with what the table decides about it."""

    cell: Cell
    column: int  # the first grid column it covers
    numeric: bool  # it holds figures, or stands in a column of figures: it aligns right
    row_header: bool  # it labels its row
    # It is printed as a total, bold: it stands in a sum row. A sum cell in another row (a
    # difference beside its terms) is printed as its neighbours are, in every format.
    total: bool = False


@dataclass(frozen=True)
class Table:
    id: str
    caption: str
    header: tuple[Row, ...]
    body: tuple[Row, ...]
    widths: tuple[int, ...] = ()  # relative column widths
    footnote: str | None = None
    row_headers: bool = True  # first column labels its row
    # May break across pages even when short enough to keep whole (a tall grid), but only
    # between rows, as keeps_with_next says (between its groups where it has them).
    breakable: bool = False
    # The heading right above says what the caption says ("Not 2. Verksamhetens intäkter"):
    # the caption names the table for assistive technology (tagged, in the DOCX's alt text)
    # but is not shown, so heading, caption and column header do not repeat one another.
    caption_hidden: bool = field(default=False, kw_only=True)
    # The YAML path of what the table shows (a note, a statement), and a Markdown table's origin.
    source: PathKey | None = field(default=None, compare=False, kw_only=True)
    origin: Origin | None = field(default=None, compare=False, kw_only=True)

    kind = "table"

    @property
    def marks(self) -> tuple[CellMark, ...]:
        """The findings marked in the table's cells, in order (listed under the table)."""
        return tuple(m for row in self.body for cell in row.cells for m in cell.marks)

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

    @property
    def keep_whole(self) -> bool:
        """A table short enough to fit on a page is kept on one page with its caption."""
        return not self.breakable and len(self.header) + len(self.body) <= layout.KEEP_WHOLE_ROWS

    def keeps_with_next(self, index: int) -> bool:
        """Does body row *index* stay on the page of the row after it? In a table kept whole,
        every row does; in one that may break, as layout.row_keeps_with_next says (its first
        and last rows, a subheading with its rows, a sum with the row above, short groups).
        The last row stays with what is printed under the table: its footnote, its findings."""
        if index + 1 >= len(self.body):
            return bool(self.footnote or self.marks)
        if self.keep_whole:
            return True
        return layout.row_keeps_with_next(tuple(r.kind.value for r in self.body), index)

    def placed(self, row: Row, header: bool = False) -> tuple[PlacedCell, ...]:
        """The cells of *row* (a header row if *header*) with their column and alignment.

        The first cell of a body row labels the row when the table has row headers; it never
        aligns right. Any other cell aligns right when it holds a figure (a body cell) or
        stands alone in a column of figures (header cells too, so a heading sits over its
        figures); a cell spanning several columns does not.
        """
        numeric = self.numeric_columns()
        out = []
        column = 0
        for position, cell in enumerate(row.cells):
            label_column = self.row_headers and position == 0
            in_figures = cell.colspan == 1 and column < len(numeric) and numeric[column]
            figure = not header and cell.kind.numeric
            out.append(PlacedCell(
                cell,
                column,
                numeric=not label_column and (in_figures or figure),
                row_header=label_column and not header,
                total=not header and row.kind is RowKind.SUM,
            ))
            column += cell.colspan
        return tuple(out)


# The picture formats an in-memory image may hold, by their first bytes.
_SIGNATURES: tuple[tuple[bytes, str, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "image/png", ".png"),
    (b"\xff\xd8\xff", "image/jpeg", ".jpg"),
)


class Drawing(Protocol):
    """A picture drawn on demand (a chart): a frozen, picklable description of it whose
    `draw` gives PNG bytes, always the same bytes for an equal drawing (and drawn once)."""

    def draw(self) -> bytes: ...


@dataclass(frozen=True)
class Image:
    """A picture: a file (*path*, e.g. the logo), bytes held in memory (*data*) or a
    *drawing* made in memory when a renderer first asks for its bytes (a chart).

    Exactly one of the three is given. In-memory pictures are never written to disk: the
    HTML embeds them (or the preview serves them from memory), WeasyPrint gets them from
    the fetcher, python-docx from a stream. A drawing is not drawn to build the document:
    the PDF's job names it by `key` and its bytes follow (reportgen/commands/build.py).
    """

    path: Path | None
    alt: str
    width_mm: float | None = None
    location: Location | None = None  # where the input names the picture (for located errors)
    data: bytes | None = field(default=None, repr=False)  # PNG or JPEG bytes
    drawing: Drawing | None = field(default=None, repr=False)

    kind = "image"

    def __post_init__(self) -> None:
        if sum(given is not None for given in (self.path, self.data, self.drawing)) != 1:
            raise ValueError("an Image has exactly one of a path, data and a drawing")
        if self.data is not None:
            _sniff(self.data)  # raises for anything but PNG or JPEG

    @property
    def in_memory(self) -> bool:
        """Held or drawn in memory: no file."""
        return self.path is None

    def picture(self) -> bytes:
        """The bytes of an in-memory picture (a drawing is drawn now, if it has not been)."""
        if self.drawing is not None:
            data = self.__dict__.get("_drawn") or self.drawing.draw()
            _sniff(data)
            return data
        assert self.data is not None, "a picture file is read by the renderer, not here"
        return self.data

    def drawn_elsewhere(self, data: bytes) -> None:
        """Keep *data* as the bytes of this picture's drawing, drawn in another process (the
        bytes of an equal drawing here: `picture` gives them without drawing it again)."""
        assert self.drawing is not None, "only a drawing is drawn"
        _sniff(data)
        object.__setattr__(self, "_drawn", data)  # not a field: equality and hash stay

    @property
    def key(self) -> str:
        """A drawing's name, the same for an equal drawing, known before it is drawn."""
        assert self.drawing is not None, "only a drawing has a key"
        return hashlib.sha256(repr(self.drawing).encode("utf-8")).hexdigest()[:32]

    @property
    def media_type(self) -> str:
        if self.in_memory:
            return _sniff(self.picture())[0]
        assert self.path is not None
        return mimetypes.guess_type(self.path.name)[0] or "application/octet-stream"

    @property
    def name(self) -> str:
        """A file name for the picture: the file's, or one made from the bytes' SHA-256."""
        if not self.in_memory:
            assert self.path is not None
            return self.path.name
        data = self.picture()
        return f"bild-{hashlib.sha256(data).hexdigest()[:16]}{_sniff(data)[1]}"


def _sniff(data: bytes) -> tuple[str, str]:
    for signature, media_type, suffix in _SIGNATURES:
        if data.startswith(signature):
            return media_type, suffix
    raise ValueError("in-memory picture is neither PNG nor JPEG")


@dataclass(frozen=True)
class Signatory:
    name: str
    role: str
    lines: tuple[str, ...] = ()  # e.g. whom an auditor represents


@dataclass(frozen=True)
class SignatureBlock:
    title: str | None  # None: the section's heading says whose signatures they are
    statement: str
    signatories: tuple[Signatory, ...]
    digital: bool
    place_and_date: str | None = None  # "Norrvika den …", or the digital signing's dating

    kind = "signatures"

    columns = layout.SIGNATURE_COLUMNS

    def rows(self) -> tuple[tuple[Signatory, ...], ...]:
        """The signatories in lines of *columns*, in order (the last line may be shorter)."""
        n = self.columns
        return tuple(self.signatories[i:i + n] for i in range(0, len(self.signatories), n))

    @property
    def attestation(self) -> str | None:
        """The statement above the signatures, printed only when it has text."""
        return self.statement.strip() or None


@dataclass(frozen=True)
class PageBreak:
    kind = "pagebreak"


@dataclass(frozen=True)
class KeyFigure:
    value: str  # "159 492 kr", as the tables print it
    label: str  # what it is: "Årets resultat"
    detail: str = ""  # a line more: "Föregående år −186 813 kr"


@dataclass(frozen=True)
class KeyFigures:
    """Figures at a glance (Året i siffror): the PDF and the preview set them as tiles, the
    DOCX as a borderless table of cards; each its value large, what it is, and a line more."""

    id: str
    caption: str
    items: tuple[KeyFigure, ...]

    kind = "keyfigures"

    per_row = layout.KEY_FIGURES_PER_ROW

    def rows(self) -> tuple[tuple[KeyFigure, ...], ...]:
        """The figures in rows of per_row, in order (the last row may be shorter)."""
        n = self.per_row
        return tuple(self.items[i:i + n] for i in range(0, len(self.items), n))


Block = (Paragraph | Heading | ListBlock | Quote | Table | Image | SignatureBlock | PageBreak
         | KeyFigures)


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
    organisation_number: str | None  # not printed when the förbund gives none
    title: str
    period: str
    decided: str | None
    logo: Image | None
    address_lines: tuple[str, ...]
    texts: Texter = field(default=STANDARD, kw_only=True, repr=False)

    @property
    def label(self) -> str:
        """What a screen reader calls the cover."""
        return self.texts("omslag_etikett")

    @property
    def organisation_number_text(self) -> str | None:
        if not self.organisation_number:
            return None
        return self.texts("omslag_organisationsnummer", nummer=self.organisation_number)


@dataclass(frozen=True)
class TocEntry:
    id: str
    level: int
    number: str | None
    title: str

    @property
    def heading(self) -> str:
        return f"{self.number} {self.title}" if self.number else self.title


@dataclass(frozen=True)
class Identity:
    """Which report this is: a DOCX carries it, so that edits come back to the right sources."""

    organisation_number: str | None  # None when the förbund gives none
    year: int
    kind: str  # årsredovisning | delårsrapport
    source: Path  # the YAML file


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
    identity: Identity | None = None
    texts: Texter = field(default=STANDARD, kw_only=True, repr=False)  # the fixed sentences
    theme: Theme = field(default=STANDARD_THEME, kw_only=True)  # the förbund's look (tema)

    toc_depth = layout.TOC_DEPTH  # the table of contents lists sections down to this level

    @property
    def keywords(self) -> str:
        interim = self.identity is not None and self.identity.kind == "delårsrapport"
        return self.texts("delår_nyckelord" if interim else "nyckelord")

    @property
    def toc_title(self) -> str:
        return self.texts("innehållsförteckning")

    @property
    def page_numbers(self) -> layout.PageNumbers:
        return layout.page_numbers(self.texts)

    @property
    def draft_marking(self) -> layout.DraftMarking | None:
        """How the pages, the cover and the file's properties mark a draft; None if final."""
        return layout.draft_marking(self.texts) if self.draft else None

    def image_placeholder(self, image: Image) -> str:
        """The text that stands in for *image* where a format cannot embed it."""
        return self.texts("bild_ersättning", alt=image.alt)

    @property
    def cover_title(self) -> str:
        """The cover's title as printed: a draft says so after it."""
        marking = self.draft_marking
        return self.cover.title + (marking.title_suffix if marking else "")

    @property
    def running_header(self) -> tuple[str, str]:
        """The header of every page but the cover: the förbund on the left, the title right."""
        return self.author, self.title

    def in_toc(self, section: Section) -> bool:
        return section.in_toc and section.level <= self.toc_depth

    def walk_sections(self) -> Iterator[Section]:
        def walk(sections: tuple[Block | Section, ...]) -> Iterator[Section]:
            for s in sections:
                if isinstance(s, Section):
                    yield s
                    yield from walk(s.blocks)

        yield from walk(self.sections)

    def toc(self) -> tuple[TocEntry, ...]:
        return tuple(
            TocEntry(s.id, s.level, s.number, s.title) for s in self.walk_sections()
            if self.in_toc(s)
        )

    def marks(self) -> tuple[CellMark, ...]:
        """Every finding marked in a table, in order."""
        return tuple(m for table in self.tables() for m in table.marks)

    def tables(self) -> Iterator[Table]:
        def walk(blocks: tuple[Block | Section, ...]) -> Iterator[Table]:
            for b in blocks:
                if isinstance(b, Section):
                    yield from walk(b.blocks)
                elif isinstance(b, Table):
                    yield b

        yield from walk(self.sections)

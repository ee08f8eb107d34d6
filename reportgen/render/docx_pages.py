"""Estimate on which page each section starts, for the stored result of the DOCX's TOC.

Word recomputes the page numbers when the file is opened (w:updateFields); LibreOffice and
other readers show the stored numbers. The estimate flows the report model through pages
with the metrics of the reference styles (Calibri-like text: ~0.5 em per character, line
height 1.22 em). It is an estimate: exact only where Word or LibreOffice refreshes it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import singledispatch
from pathlib import Path

from docx.image.exceptions import UnrecognizedImageError
from docx.image.image import Image as DocxImage

from reportgen.document.model import (
    Document,
    Heading,
    Image,
    ListBlock,
    PageBreak,
    Paragraph,
    Quote,
    Section,
    SignatureBlock,
    Table,
)

CHAR_EM = 0.5  # average advance of a character (with spaces) in em
LINE_EM = 1.22  # line height in em
BODY_PT, BODY_LINE, BODY_AFTER = 10.5, 1.1, 6.0
PARAGRAPH_PT = {"lead": 12.5, "small": 9.0}
HEADING = {1: (17.0, 24.0, 12.0), 2: (13.0, 18.0, 6.0), 3: (11.0, 12.0, 4.0)}  # size, before, after
HEADING_OTHER = (10.5, 10.0, 3.0)
TABLE_PT, CELL_PAD_PT, CELL_VPAD_PT = 9.5, 8.5, 4.0
CAPTION = (10.5, 8.0, 4.0)
FOOTNOTE = (8.5, 4.0, 12.0)
LIST_INDENT_PT = 18.0
SIGNATURE_NAME_PT, SIGNATURE_BEFORE_INK, SIGNATURE_BEFORE_DIGITAL = 10.5, 42.0, 18.0
SIGNATURE_ROLE_PT = 9.0


def text_lines(text: str, width_pt: float, size_pt: float) -> int:
    per_line = max(int(width_pt / (size_pt * CHAR_EM)), 1)
    return sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n"))


def text_height(text: str, width_pt: float, size_pt: float, spacing: float = 1.0) -> float:
    return text_lines(text, width_pt, size_pt) * size_pt * LINE_EM * spacing


@dataclass
class Flow:
    """Pages being filled from the top; page 2 (the table of contents) is full."""

    width_pt: float
    height_pt: float
    base_dir: Path
    page: int = 2
    y: float = 0.0
    started: bool = False
    pages: dict[str, int] = field(default_factory=dict)

    def new_page(self) -> None:
        self.page += 1
        self.y = 0.0

    def room(self) -> float:
        return self.height_pt - self.y

    def add(self, height: float, keep_together: bool = False) -> None:
        """Place *height* points; a block that must stay whole moves to the next page."""
        if keep_together and height > self.room() and self.y > 0:
            self.new_page()
        self.y += height
        while self.y > self.height_pt:
            self.page += 1
            self.y -= self.height_pt


def heading_height(level: int, text: str, width_pt: float) -> float:
    size, before, after = HEADING.get(level, HEADING_OTHER)
    return text_height(text, width_pt, size) + before + after


@singledispatch
def place(block: object, flow: Flow) -> None:
    """Unknown kinds take no room here; the renderer itself rejects them."""


@place.register
def _section(section: Section, flow: Flow) -> None:
    if section.page_break_before or not flow.started:
        flow.new_page()
    flow.started = True
    height = heading_height(section.level, section.heading, flow.width_pt)
    if height + 2 * BODY_PT * LINE_EM > flow.room():  # a heading keeps with what follows
        flow.new_page()
    flow.pages[section.id] = flow.page
    flow.add(height)
    for child in section.blocks:
        place(child, flow)


@place.register
def _heading(heading: Heading, flow: Flow) -> None:
    flow.add(heading_height(heading.level, heading.text, flow.width_pt))


def _paragraph_height(paragraph: Paragraph, width_pt: float) -> float:
    size = PARAGRAPH_PT.get(paragraph.style, BODY_PT)
    return text_height(paragraph.text, width_pt, size, BODY_LINE) + BODY_AFTER


@place.register
def _paragraph(paragraph: Paragraph, flow: Flow) -> None:
    flow.add(_paragraph_height(paragraph, flow.width_pt))


@place.register
def _list(block: ListBlock, flow: Flow) -> None:
    inner = Flow(flow.width_pt - LIST_INDENT_PT, flow.height_pt, flow.base_dir)
    for item in block.items:
        for child in item:
            if isinstance(child, Paragraph):
                flow.add(_paragraph_height(child, inner.width_pt) - BODY_AFTER / 2)
            else:
                inner.y, inner.page = flow.y, flow.page
                place(child, inner)
                flow.y, flow.page = inner.y, inner.page


@place.register
def _quote(block: Quote, flow: Flow) -> None:
    inner = Flow(flow.width_pt - LIST_INDENT_PT, flow.height_pt, flow.base_dir, flow.page, flow.y)
    for child in block.blocks:
        place(child, inner)
    flow.y, flow.page = inner.y, inner.page


@place.register
def _pagebreak(block: PageBreak, flow: Flow) -> None:
    flow.new_page()


@place.register
def _table(table: Table, flow: Flow) -> None:
    if table.caption:
        size, before, after = CAPTION
        flow.add(text_height(table.caption, flow.width_pt, size) + before + after,
                 keep_together=True)
    weights = list(table.widths) if len(table.widths) == table.column_count else \
        [1] * table.column_count
    total = sum(weights) or 1
    columns = [flow.width_pt * w / total for w in weights]

    def row_height(row) -> float:  # type: ignore[no-untyped-def]
        tallest, index = 0.0, 0
        for cell in row.cells:
            span = max(cell.colspan, 1)
            width = sum(columns[index:index + span]) - CELL_PAD_PT
            tallest = max(tallest, text_height(cell.text or " ", width, TABLE_PT))
            index += span
        return tallest + CELL_VPAD_PT

    header = sum(row_height(r) for r in table.header)
    flow.add(header, keep_together=True)
    for row in table.body:
        height = row_height(row)
        if height > flow.room() and flow.y > 0:
            flow.new_page()
            flow.add(header)  # header rows repeat
        flow.add(height)
    if table.footnote:
        size, before, after = FOOTNOTE
        flow.add(text_height(table.footnote, flow.width_pt, size) + before + after)


@place.register
def _image(image: Image, flow: Flow) -> None:
    try:
        if image.data is not None:
            picture = DocxImage.from_blob(image.data)
        else:
            assert image.path is not None
            path = image.path if image.path.is_absolute() else flow.base_dir / image.path
            picture = DocxImage.from_file(str(path))
    except (OSError, UnrecognizedImageError):
        flow.add(BODY_PT * LINE_EM + BODY_AFTER)
        return
    width = picture.width / 12700  # EMU → pt
    height = picture.height / 12700
    target = min(image.width_mm * 72 / 25.4 if image.width_mm else width, flow.width_pt)
    flow.add(height * target / max(width, 1) + 14, keep_together=True)


@place.register
def _signatures(block: SignatureBlock, flow: Flow) -> None:
    if block.title:
        flow.add(heading_height(2, block.title, flow.width_pt))
    if block.attestation:
        flow.add(text_height(block.attestation, flow.width_pt, BODY_PT, BODY_LINE) + 12)
    if block.place_and_date:
        flow.add(text_height(block.place_and_date, flow.width_pt, BODY_PT) + 12)
    before = SIGNATURE_BEFORE_DIGITAL if block.digital else SIGNATURE_BEFORE_INK
    half = flow.width_pt / 2
    for person in block.signatories:
        lines = sum(text_height(t, half, SIGNATURE_ROLE_PT) for t in (person.role, *person.lines))
        flow.add(before + SIGNATURE_NAME_PT * LINE_EM + lines, keep_together=True)


def estimate_pages(document: Document, width_pt: float, height_pt: float) -> dict[str, int]:
    """Section id → estimated page (1 = cover, 2 = table of contents)."""
    flow = Flow(width_pt, height_pt, document.base_dir)
    for section in document.sections:
        place(section, flow)
    return flow.pages

"""Report-model blocks → Word content: one translator function per block kind.

``render_block`` dispatches on the block's type (functools.singledispatch); a block kind
without a translator is a bug and raises ``UnknownBlockError`` naming it. ``render`` is
what callers use: it renders a block and, when the block is narrative with an origin,
marks its paragraphs and figures for `reportgen återför` (docx_marks.py).
"""

from __future__ import annotations

import dataclasses
import io
import math
from dataclasses import dataclass, field
from functools import singledispatch
from typing import Any

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.image.exceptions import UnrecognizedImageError
from docx.oxml.ns import qn
from docx.shape import InlineShape
from docx.shared import Emu, Length, Mm, Pt, Twips
from docx.styles.style import BaseStyle, ParagraphStyle, _TableStyle
from docx.table import Table as DocxTable
from docx.table import _Cell
from docx.text.paragraph import Paragraph as DocxParagraph

from reportgen.document.model import (
    CellKind,
    Heading,
    Image,
    KeyFigures,
    ListBlock,
    PageBreak,
    Paragraph,
    PlacedCell,
    Quote,
    Row,
    RowKind,
    Section,
    SignatureBlock,
    Table,
)
from reportgen.document.model import (
    Document as ReportDocument,
)
from reportgen.document.origin import Origin
from reportgen.render import docx_marks as marks
from reportgen.render import docx_ooxml as ox
from reportgen.render import docx_styles as S
from reportgen.render.docx_metrics import longest_word
from reportgen.render.docx_numbering import Labels, NumberingDefinitions
from reportgen.render.docx_props import StyleSheet


class UnknownBlockError(TypeError):
    """The DOCX renderer met a block kind it has no translator for (a bug, not bad input)."""


class StyleBook:
    """The styles of the reference document, looked up by name; a missing one falls back."""

    def __init__(self, word: DocxDocument) -> None:
        self._by_name: dict[str, BaseStyle] = {}
        for style in word.styles:
            if style.name:
                self._by_name.setdefault(style.name.lower(), style)
        default = word.styles.default(WD_STYLE_TYPE.PARAGRAPH)
        self._default_paragraph_id = default.style_id if default is not None else None

    def get(self, name: str) -> BaseStyle | None:
        return self._by_name.get(name.lower())

    def paragraph(self, name: str) -> ParagraphStyle | None:
        """A paragraph style; an unknown name falls back to Normal."""
        style = self.get(name)
        if not isinstance(style, ParagraphStyle):
            style = self.get(S.NORMAL)
        return style if isinstance(style, ParagraphStyle) else None

    def apply(self, paragraph: DocxParagraph, name: str) -> None:
        """Give *paragraph* the style *name* (Normal if unknown), by id: python-docx's own
        setter scans every style per call, which dominates rendering time."""
        style = self.paragraph(name)
        style_id = style.style_id if style is not None else None
        paragraph._p.style = None if style_id == self._default_paragraph_id else style_id

    def table(self, name: str) -> _TableStyle | None:
        style = self.get(name)
        return style if isinstance(style, _TableStyle) else None

    def has(self, name: str) -> bool:
        return name.lower() in self._by_name

    def style_id(self, name: str) -> str | None:
        style = self.get(name)
        return style.style_id if style is not None else None


@dataclass
class State:
    """What the whole rendering shares: bookmarks, numbering, a pending page break."""

    bookmarks: dict[str, str]  # section id → bookmark name
    labels: Labels  # the list numbers Word will show, counted as headings are written
    next_bookmark_id: int = 0
    pending_page_break: bool = False
    after_table: bool = False  # the next paragraph needs air between it and the table
    list_nums: dict[int, int] = field(default_factory=dict)  # id(ListBlock) → w:numId
    toc_pages: list[tuple[str, Any]] = field(default_factory=list)  # bookmark, its page's w:t
    marking: Origin | None = None  # the narrative block being written, its paragraphs marked
    written: list[DocxParagraph] = field(default_factory=list)  # paragraphs, in order

    def bookmark(self, paragraph: DocxParagraph, name: str) -> None:
        self.next_bookmark_id += 1
        ox.wrap_in_bookmark(paragraph, name, self.next_bookmark_id)


@dataclass
class Context:
    word: DocxDocument
    model: ReportDocument
    styles: StyleBook
    sheet: StyleSheet  # the styles resolved (sizes, numbering), for measuring
    text_width: int  # twips
    state: State
    container: Any  # python-docx Document or _Cell: has add_paragraph/add_table
    list_depth: int = 0
    text_height: int = 14344  # twips (A4 with the reference margins)
    quoted: bool = False  # inside a block quote: plain paragraphs take the Quote style

    def inside(self, **changes: Any) -> Context:
        return dataclasses.replace(self, **changes)

    def paragraph(self, style: str) -> DocxParagraph:
        p: DocxParagraph = self.container.add_paragraph()
        self.styles.apply(p, style)
        if self.state.pending_page_break:
            p.paragraph_format.page_break_before = True
            self.state.pending_page_break = False
        if self.state.after_table and not _spaced_style(style):
            # Word has no "space after table"; a heading or caption brings its own.
            p.paragraph_format.space_before = Pt(AFTER_TABLE_PT)
        self.state.after_table = False
        self.state.written.append(p)
        return p


AFTER_TABLE_PT = 8


def _spaced_style(style: str) -> bool:
    name = style.lower()
    return name.startswith(("heading", "mellanrubrik", "toc", "caption"))


def bookmark_name(index: int) -> str:
    """Hidden bookmark names (leading underscore), short and valid in Word."""
    return f"_Toc{index:06d}"


# -- dispatch ------------------------------------------------------------------------------------
def render(block: object, ctx: Context) -> None:
    """Render *block*; a narrative block (one with an origin) gets each of its paragraphs
    marked, and so do the figures in them."""
    origin = getattr(block, "origin", None)
    if not isinstance(origin, Origin) or ctx.state.marking is not None \
            or isinstance(block, Table):
        render_block(block, ctx)
        return
    state = ctx.state
    first = len(state.written)
    state.marking = origin
    try:
        render_block(block, ctx)
    finally:
        state.marking = None
    for k, paragraph in enumerate(state.written[first:]):
        state.bookmark(paragraph, marks.block_mark(origin, k))


@singledispatch
def render_block(block: object, ctx: Context) -> None:
    raise UnknownBlockError(
        f"DOCX-renderaren saknar översättning för blocktypen {type(block).__name__!r} "
        f"(kind={getattr(block, 'kind', None)!r}); lägg till den i reportgen/render/docx_blocks.py"
    )


def new_state(word: DocxDocument, bookmarks: dict[str, str]) -> State:
    numbering = word.part.numbering_part.element
    return State(bookmarks, Labels(NumberingDefinitions.read(numbering)))


@render_block.register
def _section(section: Section, ctx: Context) -> None:
    listed = ctx.model.in_toc(section)
    style = S.heading(section.level) if listed else S.unlisted_heading(section.level)
    p = ctx.paragraph(style)
    if section.page_break_before:
        p.paragraph_format.page_break_before = True
    typed = _typed_number(section, style, p, ctx)
    if typed is not None:
        number = ox.add_text(p, typed)
        if section.level <= NUMBERED_LEVELS and ctx.styles.has(S.HEADING_NUMBER):
            number.style = S.HEADING_NUMBER  # in the number colour, as Word's numbers are
        ox.add_text(p, f" {section.title}")
    else:
        ox.add_text(p, section.title)
    name = ctx.state.bookmarks.get(section.id)
    if name is not None:
        ctx.state.bookmark(p, name)
    for child in section.blocks:
        render(child, ctx)


# Chapters and sections (levels 1 and 2) show their numbers in the theme's number colour
# (Theme.number_colour), Word's heading numbering and a typed number alike.
NUMBERED_LEVELS = 2


def _typed_number(section: Section, style: str, p: DocxParagraph, ctx: Context) -> str | None:
    """The number to type before the title; None where there is none to type: the section
    has none, or Word's heading numbering shows it exactly ("1.1" and a space). Where Word's
    numbering would show another, it is switched off for the paragraph (an unnumbered
    chapter, an appendix)."""
    numbering = ctx.sheet.style(ctx.styles.style_id(style)).numbering
    if numbering is None:
        return section.number or None
    labels = ctx.state.labels
    if section.number and labels.suffix(*numbering) == " " \
            and labels.peek(*numbering) == section.number:
        labels.advance(*numbering)
        return None
    ox.suppress_numbering(p)
    return section.number or None


@render_block.register
def _heading(heading: Heading, ctx: Context) -> None:
    ox.add_text(ctx.paragraph(S.unlisted_heading(heading.level)), heading.text)


@render_block.register
def _paragraph(paragraph: Paragraph, ctx: Context) -> None:
    style = S.PARAGRAPH_STYLES.get(paragraph.style, S.BODY)
    p = write_paragraph(paragraph, ctx, S.QUOTE if ctx.quoted and style == S.BODY else style)
    if paragraph.keep_with_next:  # a lead-in, on the page of its table
        p.paragraph_format.keep_with_next = True
    if paragraph.tint is not None:  # a status of the förbund's scale: as the styles draw one
        ox.set_left_rule(p, S.STATUS_RULE_EIGHTHS, paragraph.tint.accent[1:].upper())
        for run in p.runs:
            ox.set_run_fill(run, paragraph.tint.background[1:].upper())


@render_block.register
def _quote(quote: Quote, ctx: Context) -> None:
    inner = ctx.inside(quoted=True)
    for child in quote.blocks:
        render(child, inner)


def write_paragraph(paragraph: Paragraph, ctx: Context, style: str) -> DocxParagraph:
    p = ctx.paragraph(style)
    marking = ctx.state.marking
    for run in paragraph.runs:
        if run.text:
            target = _link_target(run.href, ctx)
            if target is None:
                r = ox.add_text(p, run.text)
            else:
                r = ox.add_hyperlink(p, run.text, style=_hyperlink_style(ctx), **target)
            if run.bold:
                r.bold = True
            if run.italic:
                r.italic = True
            if run.figure is not None and marking is not None:
                ctx.state.next_bookmark_id += 1
                ox.bookmark_around(r._r, marks.figure_mark(marking.text.digest, run.figure.index),
                                   ctx.state.next_bookmark_id)
        if run.line_break:
            p.add_run().add_break()
    return p


def _link_target(href: str | None, ctx: Context) -> dict[str, str] | None:
    if not href:
        return None
    if href.startswith("#"):
        anchor = ctx.state.bookmarks.get(href[1:])
        return {"anchor": anchor} if anchor else None
    return {"url": ox.xml_safe(href)}


def _hyperlink_style(ctx: Context) -> str | None:
    return S.HYPERLINK if ctx.styles.has(S.HYPERLINK) else None


@render_block.register
def _list(block: ListBlock, ctx: Context) -> None:
    depth = ctx.list_depth + 1
    inner = ctx.inside(list_depth=depth)
    item_style = S.list_item(block.ordered, depth)
    num_id = _restarted_numbering(ctx, item_style, depth - 1, block.start) \
        if block.ordered else None
    for item in block.items:
        first = True
        for child in item:
            if isinstance(child, Paragraph):
                style = item_style if first else S.list_continue(depth)
                p = write_paragraph(child, inner, style)
                if first and num_id is not None:
                    _set_numbering(p, num_id, depth - 1)
            else:
                render(child, inner)
            first = False


def _restarted_numbering(ctx: Context, style_name: str, level: int, start: int) -> int | None:
    """A new w:num over the style's list definition, so each numbered list starts anew:
    at *start* (the list's first number, as written) on its own *level*, at 1 below it."""
    style = ctx.styles.get(style_name)
    if style is None:
        return None
    num_id_el = style.element.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
    if num_id_el is None:
        return None
    numbering = ctx.word.part.numbering_part.element
    base = numbering.num_having_numId(int(num_id_el.get(qn("w:val"))))
    num = numbering.add_num(base.abstractNumId.val)
    for ilvl in range(9):
        num.add_lvlOverride(ilvl=ilvl).add_startOverride(start if ilvl == level else 1)
    return int(num.numId)


def _set_numbering(p: DocxParagraph, num_id: int, level: int) -> None:
    numpr = p._p.get_or_add_pPr().get_or_add_numPr()
    numpr.get_or_add_ilvl().val = level
    numpr.get_or_add_numId().val = num_id


@render_block.register
def _pagebreak(block: PageBreak, ctx: Context) -> None:
    ctx.state.pending_page_break = True


# -- tables ------------------------------------------------------------------------------------
def column_widths(widths: tuple[int, ...], count: int, total: int,
                  minimum: list[int] | None = None) -> list[int]:
    """Relative widths → twips adding up to *total* (equal columns when none are given).

    A column narrower than its *minimum* (its longest word, see minimum_widths) is widened
    to it, at the expense of the others in proportion to their widths — as a browser lays
    out the HTML table — so that Word never breaks a word inside a cell.
    """
    weights = [float(w) for w in widths] if len(widths) == count and sum(widths) > 0 \
        else [1.0] * count
    need = [float(m) for m in minimum] if minimum and len(minimum) == count else [0.0] * count
    if sum(need) >= total:
        weights, need = need, [0.0] * count  # cannot honour both: share by what each needs
    fixed: set[int] = set()
    shares = [0.0] * count
    while True:
        free = total - sum(need[i] for i in fixed)
        loose = [i for i in range(count) if i not in fixed]
        scale = sum(weights[i] for i in loose) or 1.0
        for i in loose:
            shares[i] = free * weights[i] / scale
        short = [i for i in loose if shares[i] < need[i]]
        if not short:
            break
        fixed.update(short)
        for i in short:
            shares[i] = need[i]
    out = [int(x) for x in shares]
    out[-1] += total - sum(out)
    return out


def minimum_widths(block: Table, ctx: Context) -> list[int]:
    """Per column: the twips its longest word needs in its cell style, with the cell margins."""
    table_style = ctx.styles.style_id(S.TABLE_STYLE)
    _, right, _, left = ctx.sheet.table_cell_margins(table_style)
    need = [0.0] * block.column_count
    for header, rows in ((True, block.header), (False, block.body)):
        for row in rows:
            for placed in block.placed(row, header):
                if placed.cell.colspan != 1 or not placed.cell.text:
                    continue
                props = ctx.sheet.style(ctx.styles.style_id(cell_style(placed, row, header)),
                                        table_style)
                word = longest_word(placed.cell.text, props.size, props.bold)
                need[placed.column] = max(need[placed.column], word + left + right + 1.0)
    return [math.ceil(points * 20) for points in need]


def cell_style(placed: PlacedCell, row: Row, header: bool) -> str:
    """The paragraph style of a table cell: what it holds, and where (Table.placed), decides
    how it looks."""
    cell = placed.cell
    if header or cell.kind is CellKind.HEADER:
        return S.TABLE_HEADING_AMOUNT if placed.numeric else S.TABLE_HEADING
    if cell.kind is CellKind.NOTE:
        return S.TABLE_NOTE_REF
    if placed.numeric:
        return S.TABLE_SUM_AMOUNT if placed.total else S.TABLE_AMOUNT
    if placed.total:
        return S.TABLE_SUM
    if row.kind is RowKind.SUBHEADING and placed.column == 0:
        return S.TABLE_SUBHEADING
    return S.TABLE_TEXT


def _new_table(ctx: Context, columns: list[int], style: str | None) -> DocxTable:
    """A table of *columns* (twips) in the table style *style*; None: no style (a layout
    table, borderless)."""
    table: DocxTable = ctx.container.add_table(0, len(columns))
    table_style = ctx.styles.table(style) if style else None
    if table_style is not None:
        table.style = table_style
    tbl = table._tbl
    for grid_col, width in zip(tbl.tblGrid.gridCol_lst, columns, strict=True):
        grid_col.w = Twips(width)
    ox.set_table_layout(tbl, sum(columns))
    return table


def _add_row(table: DocxTable, block: Table, row: Row, columns: list[int], header: bool,
             ctx: Context, keep_with_next: bool = False) -> None:
    tr = table._tbl.add_tr()
    ox.set_row_flags(tr, header)
    for placed in block.placed(row, header):
        cell, index = placed.cell, placed.column
        span = max(cell.colspan, 1)
        tc = tr.add_tc()
        tc.width = Twips(sum(columns[index:index + span]))
        if span > 1:
            tc.get_or_add_tcPr().grid_span = span
        style = cell_style(placed, row, header)
        paragraph = _Cell(tc, table).paragraphs[0]
        ctx.styles.apply(paragraph, style)
        if cell.text:
            ox.add_text(paragraph, cell.text)
        if keep_with_next:
            paragraph.paragraph_format.keep_with_next = True
        if row.indent and placed.row_header:
            paragraph.paragraph_format.left_indent = Mm(row.indent_mm)
        if row.kind is RowKind.SUM and not header:
            ox.set_cell_top_rule(tc)
        if cell.tint is not None:
            ox.set_cell_fill(tc, cell.tint.background[1:].upper())
        if cell.marks:  # a draft: the figure a finding is about (listed under the table)
            ox.set_cell_fill(tc, S.FINDING_FILL)



@render_block.register
def _table(block: Table, ctx: Context) -> None:
    # The caption keeps with its table; what stands before it does not (unless its style
    # keeps with the next paragraph, as headings and sub-headings do): a paragraph, a
    # caption and two tables are not chained into one block that leaves a page half empty.
    rows = (*block.header, *block.body)
    if block.caption and not block.caption_hidden:
        caption = ctx.paragraph(S.CAPTION)
        ox.add_text(caption, block.caption)
        caption.paragraph_format.keep_with_next = True
    elif ctx.state.pending_page_break:
        ctx.paragraph(S.NORMAL)  # carries the page break: a table row cannot
    columns = column_widths(block.widths, block.column_count, ctx.text_width,
                            minimum_widths(block, ctx))
    table = _new_table(ctx, columns, S.TABLE_STYLE)
    ox.set_table_look(table._tbl, first_row=bool(block.header))
    if block.caption:
        ox.set_table_caption(table._tbl, block.caption, block.footnote)
    for index, row in enumerate(rows):
        _add_row(table, block, row, columns, index < len(block.header), ctx,
                 keep_with_next=(block.keep_whole and index < len(rows) - 1)
                 or (index >= len(block.header) and block.keeps_with_next(
                     index - len(block.header))))
    first_cell = table._tbl.tr_lst[0].tc_lst[0] if table._tbl.tr_lst else None
    if first_cell is not None:
        ctx.state.bookmark(_Cell(first_cell, table).paragraphs[0], marks.table_mark(block.id))
    ctx.state.after_table = True
    if block.footnote:
        ox.add_text(ctx.paragraph(S.TABLE_FOOTNOTE), block.footnote)
    for mark in block.marks:
        ox.add_text(ctx.paragraph(S.TABLE_FOOTNOTE), f"Fel {mark.number}: {mark.note}")


# -- images -----------------------------------------------------------------------------------
def image_source(image: Image, model: ReportDocument) -> str | io.BytesIO:
    """What python-docx reads the picture from: a stream for an in-memory picture (nothing
    is written to disk), else the file (relative to the project folder)."""
    if image.in_memory:
        return io.BytesIO(image.picture())
    assert image.path is not None
    return str(image.path if image.path.is_absolute() else model.base_dir / image.path)


def add_image(image: Image, ctx: Context, style: str,
              max_height: Length | None = None) -> InlineShape | None:
    """The picture in a paragraph of *style*, at its width (at most the text width, and at
    most *max_height* tall, keeping its proportions); None where Word cannot embed it."""
    p = ctx.paragraph(style)
    source = image_source(image, ctx.model)
    try:
        run = p.add_run()
        shape = run.add_picture(source, width=Mm(image.width_mm) if image.width_mm else None)
    except UnrecognizedImageError:
        # A format Word cannot embed (e.g. SVG): keep its description in the text instead.
        for child in list(p._p):
            if child.tag == qn("w:r"):
                p._p.remove(child)
        ox.add_text(p, ctx.model.image_placeholder(image))
        return None
    max_width = Twips(ctx.text_width)
    if shape.width > max_width:
        shape.height = Emu(int(shape.height * max_width / shape.width))
        shape.width = max_width
    if max_height is not None and shape.height > max_height:
        shape.width = Emu(int(shape.width * max_height / shape.height))
        shape.height = Emu(max_height)
    doc_pr = shape._inline.docPr
    doc_pr.set("descr", ox.xml_safe(image.alt))
    doc_pr.set("title", ox.xml_safe(image.alt))
    return shape


@render_block.register
def _image(image: Image, ctx: Context) -> None:
    add_image(image, ctx, S.FIGURE)


@render_block.register
def _key_figures(block: KeyFigures, ctx: Context) -> None:
    """The tiles as a borderless table of cards, block.per_row to a row: each card its value
    (under the style's rule), what it is and the line more, each its own paragraph."""
    if ctx.state.pending_page_break:
        ctx.paragraph(S.NORMAL)  # carries the page break: a table row cannot
    columns = column_widths((), block.per_row, ctx.text_width)
    table = _new_table(ctx, columns, None)
    tbl = table._tbl
    ox.set_table_look(tbl, first_row=False)
    ox.set_table_caption(tbl, block.caption, None)
    for items in block.rows():
        tr = tbl.add_tr()
        ox.set_row_flags(tr, header=False)
        for index, width in enumerate(columns):
            tc = tr.add_tc()
            tc.width = Twips(width)
            cell = _Cell(tc, table)
            if index >= len(items):
                continue
            item = items[index]
            card = ctx.inside(container=cell)
            ctx.styles.apply(cell.paragraphs[0], S.KEY_FIGURE_VALUE)
            ox.add_text(cell.paragraphs[0], item.value)
            ox.add_text(card.paragraph(S.KEY_FIGURE_LABEL), item.label)
            if item.detail:
                ox.add_text(card.paragraph(S.KEY_FIGURE_DETAIL), item.detail)
    ctx.state.after_table = True


# -- signatures ---------------------------------------------------------------------------------
@render_block.register
def _signatures(block: SignatureBlock, ctx: Context) -> None:
    if block.title:
        ox.add_text(ctx.paragraph(S.unlisted_heading(2)), block.title)
    # The title (by its style), the attestation and the place and date stand on the page of
    # the first signature, as in the PDF (report.css .signatures-title, .attestation, .place-date).
    if block.attestation:
        p = ctx.paragraph(S.PARAGRAPH_STYLES["attestation"])
        ox.add_text(p, block.attestation)
        p.paragraph_format.keep_with_next = True
    if block.place_and_date:
        p = ctx.paragraph(S.PLACE_AND_DATE)
        ox.add_text(p, block.place_and_date)
        p.paragraph_format.keep_with_next = True
    if ctx.state.pending_page_break:
        ctx.paragraph(S.NORMAL)  # carries the page break: a table row cannot
    name_style = S.SIGNATURE_NAME_DIGITAL if block.digital else S.SIGNATURE_NAME
    columns = column_widths((), block.columns, ctx.text_width)
    table = _new_table(ctx, columns, None)  # a layout table: no style, no borders
    ox.set_table_look(table._tbl, first_row=False)
    lines = block.rows()
    for index, line in enumerate(lines):
        tr = table._tbl.add_tr()
        ox.set_row_flags(tr, header=False)
        # A line of signatures is a row that never splits; a page may end after any line
        # but the last but one, so that the last never stands alone (as in the PDF).
        keep = index == len(lines) - 2
        for column, width in enumerate(columns):
            tc = tr.add_tc()
            tc.width = Twips(width)
            cell = _Cell(tc, table)
            written = [cell.paragraphs[0]]
            if column < len(line):
                person = line[column]
                ctx.styles.apply(written[0], name_style)
                ox.add_text(written[0], person.name)
                signature = ctx.inside(container=cell)
                for text in (person.role, *person.lines):
                    if text:
                        p = signature.paragraph(S.SIGNATURE_ROLE)
                        ox.add_text(p, text)
                        written.append(p)
            for p in written:
                p.paragraph_format.keep_with_next = keep
    ctx.state.after_table = True

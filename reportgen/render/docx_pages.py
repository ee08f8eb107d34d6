"""On which page each bookmarked heading of the rendered DOCX lands: the stored page numbers
of its table of contents.

Word refreshes the TOC when the file is opened (w:updateFields); LibreOffice and other
readers show the stored numbers, so they have to be right without a refresh. This module
lays the rendered document body out the way a word processor does: the effective style of
every paragraph (docx_props.py), lines broken with the embedded font's advance widths
(docx_metrics.py), list labels (docx_numbering.py), the larger of the space after one
paragraph and before the next between them (LibreOffice's way with a DOCX), widow and
orphan control, keep-with-next chains moved to the next page together, keep-lines
paragraphs and rows never split, tables whose rows all keep with the next kept on one page,
header rows repeated. It reads the DOCX, not the report model, so every block kind the
renderer writes is measured as written.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from lxml.etree import _Element

from reportgen.render import docx_metrics as M
from reportgen.render.docx_numbering import Labels, NumberingDefinitions
from reportgen.render.docx_props import TWIP, ParagraphProps, StyleSheet, border_width, runs

EMU_PER_PT = 12700
ORPHANS = WIDOWS = 2  # lines a split paragraph keeps on each page (widow control)
# Space before a paragraph that starts a page: kept after a page break asked for (the next
# chapter), dropped when the text just flowed onto the new page (as Word and LibreOffice do).
SPACE_BEFORE_AFTER_BREAK = True
SPACE_BEFORE_AT_FLOWED_TOP = False


@dataclass
class Line:
    """A paragraph laid out: its lines and what surrounds them."""

    before: float
    line_heights: list[float]
    after: float
    keep_next: bool
    keep_lines: bool
    widow_control: bool
    page_break_before: bool = False
    bookmarks: tuple[str, ...] = ()


@dataclass
class Row:
    height: float
    header: bool
    keep_next: bool
    bookmarks: tuple[str, ...] = ()


@dataclass
class TableBox:
    rows: list[Row]

    @property
    def kept_whole(self) -> bool:
        return len(self.rows) > 1 and all(r.keep_next for r in self.rows[:-1])

    @property
    def height(self) -> float:
        return sum(r.height for r in self.rows)


Item = Line | TableBox


@dataclass
class Measure:
    """Turns the body's paragraphs and tables into Lines and TableBoxes."""

    sheet: StyleSheet
    labels: Labels
    width: float  # of the text area, points

    def paragraph(self, p: _Element, width: float, table_style: str | None = None) -> Line:
        props = self.sheet.paragraph(p, table_style)
        pieces, tallest, images = self._pieces(p, props)
        numbering = props.numbering
        first_extra, left = props.first_line, props.left
        if numbering is not None and table_style is None:
            label = self.labels.advance(*numbering)
            suffix = self.labels.suffix(*numbering)
            indent = self.labels.indent(*numbering)
            if indent is not None:
                left, first_extra = indent[0], -indent[1]
            if label and suffix != "\t":
                pieces.insert(0, M.Piece(label + suffix, props.bold, props.italic))
            elif label:
                first_extra = 0.0  # the label hangs; the text starts at the indent
        available = max(width - left - props.right, 1.0)
        widths = [max(available - first_extra, 1.0), available]
        count = M.line_count(pieces, widths, tallest) if pieces else 1
        height = _line_height(props, tallest)
        heights = [height] * count
        if images:
            heights[0] = max(height, images)
        bookmarks = tuple(b.get(qn("w:name"), "") for b in p.iter(qn("w:bookmarkStart")))
        return Line(props.border_above + props.spacing.before, heights,
                    props.spacing.after + props.border_below, props.keep_next,
                    props.keep_lines, props.widow_control, props.page_break_before, bookmarks)

    def _pieces(self, p: _Element, props: ParagraphProps) -> tuple[list[M.Piece], float, float]:
        pieces: list[M.Piece] = []
        tallest = props.size
        images = 0.0
        in_instruction = False
        for r in runs(p):
            bold, italic, size = self.sheet.run_face(r, props)
            text = []
            for child in r.iterchildren():
                tag = child.tag
                if tag == qn("w:fldChar"):
                    kind = child.get(qn("w:fldCharType"))
                    in_instruction = kind == "begin"
                elif tag == qn("w:t") and not in_instruction:
                    text.append(child.text or "")
                elif tag == qn("w:tab"):
                    text.append("  ")
                elif tag == qn("w:br"):
                    text.append("\n")
                elif tag in (qn("w:noBreakHyphen"), qn("w:softHyphen")):
                    text.append("-" if tag == qn("w:noBreakHyphen") else "")
                elif tag == qn("w:drawing"):
                    extent = next(child.iter(qn("wp:extent")), None)
                    if extent is not None:
                        images += int(extent.get("cy", "0")) / EMU_PER_PT
                elif tag == qn("w:instrText"):
                    continue
                if tag == qn("w:fldChar") and child.get(qn("w:fldCharType")) == "separate":
                    in_instruction = False
            if text:
                tallest = max(tallest, size)
                pieces.append(M.Piece("".join(text).replace("\u2011", "-"), bold, italic))
        return pieces, tallest, images

    def table(self, tbl: _Element) -> TableBox:
        style_el = tbl.find(f"{qn('w:tblPr')}/{qn('w:tblStyle')}")
        table_style = style_el.get(qn("w:val")) if style_el is not None else None
        top, right, bottom, left = self.sheet.table_cell_margins(table_style)
        borders = self.sheet.table_borders(table_style)
        grid = [int(c.get(qn("w:w"), "0")) * TWIP
                for c in tbl.iter(qn("w:gridCol"))] or [self.width]
        rows: list[Row] = []
        edges: list[tuple[float, float]] = []  # per row: its own top and bottom rules
        for tr in tbl.iterchildren(qn("w:tr")):
            trpr = tr.find(qn("w:trPr"))
            header = trpr is not None and trpr.find(qn("w:tblHeader")) is not None
            column, tallest = 0, 0.0
            keeps: list[bool] = []
            marks: list[str] = []
            rule_above = rule_below = 0.0
            for tc in tr.iterchildren(qn("w:tc")):
                tcpr = tc.find(qn("w:tcPr"))
                span_el = tcpr.find(qn("w:gridSpan")) if tcpr is not None else None
                span = int(span_el.get(qn("w:val"), "1")) if span_el is not None else 1
                cell_borders = tcpr.find(qn("w:tcBorders")) if tcpr is not None else None
                rule_above = max(rule_above, border_width(cell_borders, "top") or 0.0)
                rule_below = max(rule_below, border_width(cell_borders, "bottom") or 0.0)
                cell_width = sum(grid[column:column + span]) - left - right
                column += span
                height = top + bottom
                for p in tc.iterchildren(qn("w:p")):
                    line = self.paragraph(p, cell_width, table_style)
                    height += line.before + sum(line.line_heights) + line.after
                    keeps.append(line.keep_next)
                    marks.extend(line.bookmarks)
                tallest = max(tallest, height)
            if header:
                rule_below = max(rule_below, borders["header"])
            rows.append(Row(tallest, header, bool(keeps) and all(keeps), tuple(marks)))
            edges.append((rule_above, rule_below))
        # A rule between two rows is the wider of theirs (or the table's inside rule); it
        # adds to the upper row's height, the table's top and bottom rules to the outer rows.
        for k, row in enumerate(rows):
            below = borders["bottom"] if k == len(rows) - 1 else max(
                edges[k][1], edges[k + 1][0], borders["insideH"])
            row.height += below + (max(borders["top"], edges[0][0]) if k == 0 else 0.0)
        return TableBox(rows)


def _twips(points: float) -> float:
    """*points* rounded to whole twips, as a word processor lays out."""
    return round(points * 20) / 20


def _line_height(props: ParagraphProps, size: float) -> float:
    """A line's height: the font's (ascent + descent) at *size*, times the paragraph's line
    spacing, each in whole twips (LibreOffice's 10.5 pt Inter at 110 % is 279 twips)."""
    natural = _twips(size * M.face_metrics(props.bold, props.italic).line_height)
    spacing = props.spacing
    if spacing.exact is not None:
        return spacing.exact
    if spacing.at_least is not None:
        return max(spacing.at_least, natural)
    return _twips(natural * spacing.line)


@dataclass
class Flow:
    """Items placed on pages of *height* points."""

    height: float
    page: int = 1
    y: float = 0.0
    pages: dict[str, int] = field(default_factory=dict)
    broken: bool = True  # the current page began at a page break (not by text flowing on)
    pending: float = 0.0  # the space after the last paragraph, not yet placed

    def new_page(self, broken: bool = False) -> None:
        self.page += 1
        self.y = 0.0
        self.pending = 0.0
        self.broken = broken

    def room(self) -> float:
        return self.height - self.y

    def mark(self, names: tuple[str, ...]) -> None:
        for name in names:
            self.pages.setdefault(name, self.page)

    def space_before(self, line: Line) -> float:
        """The space above *line*: the larger of its space before and the space after the
        paragraph above (LibreOffice does not add the two for a DOCX)."""
        if self.y > 0:
            return max(line.before, self.pending)
        keep = SPACE_BEFORE_AFTER_BREAK if self.broken else SPACE_BEFORE_AT_FLOWED_TOP
        return line.before if keep else 0.0


def _needed(item: Item, flow: Flow) -> float:
    """How much of *item* must fit where it starts: a whole table kept together or row, a
    paragraph's first lines."""
    if isinstance(item, TableBox):
        before = flow.pending if flow.y > 0 else 0.0
        if item.kept_whole and item.height <= flow.height:
            return before + item.height
        return before + sum(r.height for r in item.rows[:_first_rows(item)])
    lines = item.line_heights
    if item.keep_lines or (item.widow_control and len(lines) <= ORPHANS + WIDOWS - 1):
        first = len(lines)
    else:
        first = min(len(lines), ORPHANS if item.widow_control else 1)
    return flow.space_before(item) + sum(lines[:first])


def _group_end(rows: list[Row], start: int) -> int:
    """The index after the rows that keep together from *start* on: each row that keeps with
    the next takes the next along (a question and its answers in an indicator grid)."""
    end = start
    while end < len(rows) - 1 and rows[end].keep_next:
        end += 1
    return end + 1


def _first_rows(table: TableBox) -> int:
    """The header rows and the first body rows that keep together: what must start together."""
    count = 0
    for row in table.rows:
        if not row.header:
            return _group_end(table.rows, count)
        count += 1
    return count


def _place_line(line: Line, flow: Flow) -> None:
    flow.y += flow.space_before(line)
    flow.pending = 0.0
    flow.mark(line.bookmarks)
    remaining = list(line.line_heights)
    while remaining:
        fit = 0
        total = 0.0
        for height in remaining:
            if flow.y + total + height > flow.height + 0.01:
                break
            total += height
            fit += 1
        if fit == len(remaining):
            flow.y += total
            break
        if line.widow_control:
            if fit < ORPHANS:
                fit = 0
            elif len(remaining) - fit < WIDOWS:
                fit = max(len(remaining) - WIDOWS, 0)
                if fit < ORPHANS:
                    fit = 0
        if line.keep_lines:
            fit = 0
        if fit == 0 and flow.y == 0:
            fit = max(1, min(len(remaining), int(flow.height // max(remaining[0], 1))))
        flow.y += sum(remaining[:fit])
        remaining = remaining[fit:]
        flow.new_page()
    flow.pending = line.after


def _place_table(table: TableBox, flow: Flow) -> None:
    flow.y += flow.pending if flow.y > 0 else 0.0
    flow.pending = 0.0
    rows = table.rows
    repeat = sum(r.height for r in rows if r.header)
    for index, row in enumerate(rows):
        needed = row.height
        if not row.header and (index == 0 or not rows[index - 1].keep_next):
            group = sum(r.height for r in rows[index:_group_end(rows, index)])
            if group <= flow.height - repeat:
                needed = group  # rows that keep together move to the next page together
        if flow.y + needed > flow.height + 0.01 and flow.y > 0:
            flow.new_page()
            if not row.header:
                flow.y += repeat
        flow.mark(row.bookmarks)
        flow.y += row.height


def layout(items: list[Item], height: float,
           trace: dict[int, tuple[int, float]] | None = None,
           first_page: int = 1) -> dict[str, int]:
    """Place *items* on pages *height* points tall, from page *first_page*; bookmark name →
    page. *trace* receives where each item's content starts: index → (page, y below the top
    margin)."""
    flow = Flow(height, page=first_page)
    starts: dict[int, tuple[int, float]] = {}  # index → (page, y) before its space above
    index = 0
    while index < len(items):
        item = items[index]
        if isinstance(item, Line) and item.page_break_before and (flow.y > 0 or not flow.broken):
            flow.new_page(broken=True)
        if flow.y > 0 and flow.y + _needed(item, flow) > flow.height + 0.01:
            chain = index
            while chain > 0 and _keeps_with_next(items[chain - 1]) \
                    and starts[chain - 1][0] == flow.page:
                chain -= 1
            flow.new_page()
            if chain < index and starts[chain][1] > 0:
                # What keeps with this item moves to the next page with it.
                for name in _marks(items[chain:index]):
                    flow.pages.pop(name, None)
                index = chain
                continue
        starts[index] = (flow.page, flow.y)
        if trace is not None:
            above = flow.space_before(item) if isinstance(item, Line) else (
                flow.pending if flow.y > 0 else 0.0)
            trace[index] = (flow.page, flow.y + above)
        if isinstance(item, Line):
            _place_line(item, flow)
        else:
            _place_table(item, flow)
        index += 1
    return flow.pages


def _keeps_with_next(item: Item) -> bool:
    if isinstance(item, Line):
        return item.keep_next
    return bool(item.rows) and item.rows[-1].keep_next


def _marks(items: list[Item]) -> set[str]:
    out: set[str] = set()
    for item in items:
        if isinstance(item, Line):
            out.update(item.bookmarks)
        else:
            for row in item.rows:
                out.update(row.bookmarks)
    return out


def paginate(word: DocxDocument) -> dict[str, int]:
    """Bookmark name → the page (1 = the cover) on which its paragraph starts.

    The body's section (the last) is laid out; each section before it (the cover) is a page.
    """
    section = word.sections[-1]
    page_w = (section.page_width or 0) / EMU_PER_PT or 595.3
    page_h = (section.page_height or 0) / EMU_PER_PT or 841.9
    left = (section.left_margin or 0) / EMU_PER_PT
    right = (section.right_margin or 0) / EMU_PER_PT
    top = (section.top_margin or 0) / EMU_PER_PT
    bottom = (section.bottom_margin or 0) / EMU_PER_PT
    width = page_w - left - right
    sheet = StyleSheet(word.styles.element)
    numbering = word.part.numbering_part.element if _has_numbering(word) else None
    measure = Measure(sheet, Labels(NumberingDefinitions.read(numbering)), width)
    items: list[Item] = []
    before = 0  # pages before the body's section
    for child in word.element.body.iterchildren():
        if child.tag == qn("w:p"):
            if child.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None:
                before, items = before + 1, []
            else:
                items.append(measure.paragraph(child, width))
        elif child.tag == qn("w:tbl"):
            items.append(measure.table(child))
    return layout(items, page_h - top - bottom, first_page=before + 1)


def _has_numbering(word: DocxDocument) -> bool:
    try:
        return word.part.numbering_part is not None
    except (KeyError, NotImplementedError):
        return False


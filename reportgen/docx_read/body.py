"""The body of a DOCX as reportgen reads it back: paragraphs (their style, their text as
pieces of one formatting, the marks they carry) and tables (their cell texts and mark).

Only what Markdown can say is kept of the formatting: bold, italic, links, line breaks,
lists and their depth; and which text is a filled-in figure (a figure bookmark,
reportgen/render/docx_marks.py). Word's and LibreOffice's own structure — runs split at
random, content controls, smart tags, fields — is looked through.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from reportgen.docx_read.package import OFFICE_REL, Package, W
from reportgen.render import docx_marks
from reportgen.render.docx_numbering import NumberingDefinitions
from reportgen.render.docx_props import ParagraphProps, StyleSheet

_W = f"{{{W}}}"
_R_ID = f"{{{OFFICE_REL}}}id"
_THROUGH = {f"{_W}{t}" for t in ("hyperlink", "smartTag", "customXml", "fldSimple", "ins",
                                 "moveTo", "sdtContent", "dir", "bdo")}


@dataclass(frozen=True)
class Piece:
    """Text of one formatting."""

    text: str
    bold: bool = False
    italic: bool = False
    href: str | None = None
    figure: docx_marks.FigureMark | None = None


@dataclass
class ReadParagraph:
    element: etree._Element
    style: str  # the style's name, lower case: "normal", "heading 2", "list bullet" …
    pieces: list[Piece] = field(default_factory=list)
    marks: list[docx_marks.BlockMark] = field(default_factory=list)
    section: str | None = None  # the heading's bookmark (_Toc…), for a section heading
    numbering: tuple[int, int] | None = None  # (numId, ilvl) of a list paragraph
    ordered: bool = False  # a numbered (not bulleted) list paragraph

    @property
    def text(self) -> str:
        return "".join(p.text for p in self.pieces)

    @property
    def mark(self) -> docx_marks.BlockMark | None:
        return self.marks[0] if self.marks else None


@dataclass
class ReadTable:
    element: etree._Element
    rows: list[list[str]]
    mark: docx_marks.TableMark | None = None


Item = ReadParagraph | ReadTable


@dataclass
class _Walk:
    sheet: StyleSheet
    numbering: NumberingDefinitions
    hyperlinks: dict[str, str]
    anchors: dict[str, str]  # bookmark → "#section-id", for internal links
    open_marks: list[docx_marks.BlockMark] = field(default_factory=list)
    open_ids: dict[str, docx_marks.BlockMark] = field(default_factory=dict)
    ended: list[docx_marks.BlockMark] = field(default_factory=list)

    def paragraph(self, p: etree._Element) -> ReadParagraph:
        props = self.sheet.paragraph(p)
        read = ReadParagraph(p, self.sheet.name(_style_id(p)))
        if props.numbering is not None:
            read.numbering = props.numbering
            level = self.numbering.levels.get(props.numbering[0], {}).get(props.numbering[1])
            read.ordered = level is not None and level.fmt not in {"bullet", "none"}
        started: list[docx_marks.BlockMark] = []
        self.ended: list[docx_marks.BlockMark] = []
        figures: dict[str, docx_marks.FigureMark] = {}  # bookmark id → figure open in the runs
        self._inline(p, read, started, figures, None)
        # A paragraph without a mark of its own inside a mark that began earlier (a paragraph
        # split in Word) belongs to that mark's block.
        read.marks = started or list(self.open_marks)
        self.open_marks = [m for m in read.marks if m not in self.ended]
        return read

    def _inline(self, node: etree._Element, read: ReadParagraph, started: list[docx_marks.BlockMark],
                figures: dict[str, docx_marks.FigureMark], href: str | None) -> None:
        for child in node:
            tag = child.tag
            if tag == f"{_W}bookmarkStart":
                name = child.get(f"{_W}name", "")
                mark = docx_marks.parse(name)
                if isinstance(mark, docx_marks.BlockMark):
                    started.append(mark)
                    self.open_ids[child.get(f"{_W}id", "")] = mark
                elif isinstance(mark, docx_marks.FigureMark):
                    figures[child.get(f"{_W}id", "")] = mark
                elif name.startswith("_Toc") and read.section is None:
                    read.section = name
            elif tag == f"{_W}bookmarkEnd":
                key = child.get(f"{_W}id", "")
                figures.pop(key, None)
                ended = self.open_ids.pop(key, None)
                if ended is not None:
                    self.ended.append(ended)
            elif tag == f"{_W}r":
                self._run(child, read, figures, href)
            elif tag == f"{_W}hyperlink":
                target = self.hyperlinks.get(child.get(_R_ID, "")) if child.get(_R_ID) else None
                anchor = child.get(f"{_W}anchor")
                if target is None and anchor:
                    target = self.anchors.get(anchor, "#" + anchor)
                self._inline(child, read, started, figures, target)
            elif tag in _THROUGH or tag == f"{_W}sdt":
                inner = child.find(f"{_W}sdtContent") if tag == f"{_W}sdt" else child
                if inner is not None:
                    self._inline(inner, read, started, figures, href)

    def _run(self, r: etree._Element, read: ReadParagraph, figures: dict[str, docx_marks.FigureMark],
             href: str | None) -> None:
        bold, italic, _ = self.sheet.run_face(r, ParagraphProps())
        rpr = r.find(f"{_W}rPr")
        if rpr is not None and rpr.find(f"{_W}vanish") is not None:
            return  # hidden text
        figure = next(reversed(figures.values()), None) if figures else None
        text = []
        for child in r:
            tag = child.tag
            if tag == f"{_W}t":
                text.append(child.text or "")
            elif tag == f"{_W}tab":
                text.append("\t")
            elif tag in (f"{_W}br", f"{_W}cr") and child.get(f"{_W}type") in (None, "textWrapping"):
                text.append("\n")  # a page or column break is layout, not text
            elif tag == f"{_W}noBreakHyphen":
                text.append("-")
        joined = "".join(text).replace("\u2011", "-").replace("\u00ad", "")
        if joined:
            read.pieces.append(Piece(joined, bold, italic, href, figure))

    def table(self, tbl: etree._Element) -> ReadTable:
        rows = []
        mark = None
        for tr in tbl.iterchildren(f"{_W}tr"):
            cells = []
            for tc in tr.iterchildren(f"{_W}tc"):
                texts = []
                for p in tc.iterchildren(f"{_W}p"):
                    for start in p.iter(f"{_W}bookmarkStart"):
                        found = docx_marks.parse(start.get(f"{_W}name", ""))
                        if isinstance(found, docx_marks.TableMark) and mark is None:
                            mark = found
                    texts.append(visible_text(p))
                cells.append("\n".join(texts))
            rows.append(cells)
        self.open_marks = []
        return ReadTable(tbl, rows, mark)


def visible_text(p: etree._Element) -> str:
    """A cell paragraph's visible text (deleted text is gone once revisions are applied)."""
    out = []
    for node in p.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}noBreakHyphen"):
        if node.tag == f"{_W}t":
            out.append(node.text or "")
        elif node.tag == f"{_W}tab":
            out.append("\t")
        elif node.tag == f"{_W}br":
            out.append("\n")
        else:
            out.append("-")
    return "".join(out).replace("\u2011", "-")


def _style_id(p: etree._Element) -> str | None:
    style = p.find(f"{_W}pPr/{_W}pStyle")
    return style.get(f"{_W}val") if style is not None else None


def read_body(package: Package, anchors: dict[str, str] | None = None) -> list[Item]:
    """The body's paragraphs and tables in order. *anchors* maps a section heading's
    bookmark to "#its-id", so an internal link reads as it was written."""
    sheet = StyleSheet(package.styles if package.styles is not None
                       else etree.Element(f"{_W}styles"))
    walk = _Walk(sheet, NumberingDefinitions.read(package.numbering), package.hyperlinks,
                 anchors or {})
    items: list[Item] = []
    for child in package.body:
        if child.tag == f"{_W}p":
            items.append(walk.paragraph(child))
        elif child.tag == f"{_W}tbl":
            items.append(walk.table(child))
        elif child.tag == f"{_W}sdt":  # a block content control (LibreOffice writes them)
            content = child.find(f"{_W}sdtContent")
            for inner in content if content is not None else ():
                if inner.tag == f"{_W}p":
                    items.append(walk.paragraph(inner))
                elif inner.tag == f"{_W}tbl":
                    items.append(walk.table(inner))
    return items

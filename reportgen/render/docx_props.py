"""What a paragraph or run of the DOCX looks like in effect: its style chain resolved.

WordprocessingML gives a property at several levels — document defaults, the table style,
the paragraph style and the styles it is based on, the run's character style, direct
formatting — and the nearest one wins. The page estimate (docx_pages.py) and the column
widths (docx_blocks.py) need the resolved values: font size, bold, spacing, indents, keeps.
They read them from the reference document's own styles, so a förbund that restyles
templates/reference.docx gets estimates for its styles.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache

from docx.oxml.ns import qn
from lxml.etree import _Element

TWIP = 1 / 20  # points


def _on(element: _Element | None) -> bool | None:
    """A toggle element (w:b, w:keepNext …): None when absent."""
    if element is None:
        return None
    return element.get(qn("w:val"), "true") not in {"0", "false", "off"}


def _twips(element: _Element | None, attribute: str) -> float | None:
    if element is None:
        return None
    value = element.get(qn(f"w:{attribute}"))
    return int(value) * TWIP if value is not None and value.lstrip("-").isdigit() else None


@dataclass(frozen=True)
class Spacing:
    before: float = 0.0  # points
    after: float = 0.0
    line: float = 1.0  # a multiple of the single line height (lineRule auto) …
    exact: float | None = None  # … or a fixed line height in points (exact)
    at_least: float | None = None  # … or a minimum (atLeast)


@dataclass(frozen=True)
class ParagraphProps:
    size: float = 10.0  # points
    bold: bool = False
    italic: bool = False
    spacing: Spacing = Spacing()
    keep_next: bool = False
    keep_lines: bool = False
    page_break_before: bool = False
    widow_control: bool = True
    left: float = 0.0  # indents in points
    right: float = 0.0
    first_line: float = 0.0  # negative: hanging
    numbering: tuple[int, int] | None = None  # (w:numId, w:ilvl); numId 0 means none
    border_above: float = 0.0  # a top border and its distance, points
    border_below: float = 0.0


_PPR = ("spacing", "keepNext", "keepLines", "pageBreakBefore", "widowControl", "ind", "numPr",
        "pBdr")


class StyleSheet:
    """The styles part of a document, resolved on demand (cached per style)."""

    def __init__(self, styles: _Element) -> None:
        self._styles = {s.get(qn("w:styleId")): s for s in styles.iterchildren(qn("w:style"))}
        defaults = styles.find(qn("w:docDefaults"))
        self._default_ppr = defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}") \
            if defaults is not None else None
        self._default_rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}") \
            if defaults is not None else None
        self.default_paragraph = next(
            (sid for sid, s in self._styles.items()
             if s.get(qn("w:type")) == "paragraph" and s.get(qn("w:default")) in {"1", "true"}),
            "Normal")
        self._cache: dict[tuple[str | None, str | None], ParagraphProps] = {}
        self._run_cache: dict[str, tuple[bool | None, bool | None, float | None]] = {}

    def name(self, style_id: str | None) -> str:
        """The style's name, lower case ("heading 1", "delrubrik"); "" if unknown."""
        style = self._styles.get(style_id or self.default_paragraph)
        name = style.find(qn("w:name")) if style is not None else None
        return (name.get(qn("w:val"), "") if name is not None else "").lower()

    def _chain(self, style_id: str | None) -> list[_Element]:
        """The style and those it is based on, the most basic first."""
        out: list[_Element] = []
        seen: set[str] = set()
        while style_id and style_id in self._styles and style_id not in seen:
            seen.add(style_id)
            style = self._styles[style_id]
            out.append(style)
            based = style.find(qn("w:basedOn"))
            style_id = based.get(qn("w:val")) if based is not None else None
        return out[::-1]

    def style(self, style_id: str | None, table_style: str | None = None) -> ParagraphProps:
        """The properties a paragraph of *style_id* has inside a table of *table_style*."""
        key = (style_id, table_style)
        if key not in self._cache:
            style_id = style_id if style_id in self._styles else self.default_paragraph
            pprs: list[_Element | None] = [self._default_ppr]
            rprs: list[_Element | None] = [self._default_rpr]
            for style in (*self._chain(table_style), *self._chain(style_id)):
                pprs.append(style.find(qn("w:pPr")))
                rprs.append(style.find(qn("w:rPr")))
            props = apply_rpr(apply_ppr(ParagraphProps(), pprs), rprs)
            self._cache[key] = props
        return self._cache[key]

    def paragraph(self, p: _Element, table_style: str | None = None) -> ParagraphProps:
        """The properties of the w:p *p*: its style's, then its direct paragraph formatting."""
        ppr = p.find(qn("w:pPr"))
        style_el = ppr.find(qn("w:pStyle")) if ppr is not None else None
        style_id = style_el.get(qn("w:val")) if style_el is not None else None
        props = self.style(style_id, table_style)
        if ppr is not None and any(ppr.find(qn(f"w:{n}")) is not None for n in _PPR):
            props = apply_ppr(props, [ppr])
        return props

    def run_face(self, r: _Element, props: ParagraphProps) -> tuple[bool, bool, float]:
        """Bold, italic and size of the w:r *r* in a paragraph with *props*."""
        bold, italic, size = props.bold, props.italic, props.size
        rpr = r.find(qn("w:rPr"))
        if rpr is None:
            return bold, italic, size
        rstyle = rpr.find(qn("w:rStyle"))
        if rstyle is not None:
            b, i, s = self._character(rstyle.get(qn("w:val"), ""))
            bold, italic, size = _pick(b, bold), _pick(i, italic), _pick(s, size)
        b, i, s = _run_values(rpr)
        return _pick(b, bold), _pick(i, italic), _pick(s, size)

    def _character(self, style_id: str) -> tuple[bool | None, bool | None, float | None]:
        if style_id not in self._run_cache:
            bold = italic = size = None
            for style in self._chain(style_id):
                rpr = style.find(qn("w:rPr"))
                if rpr is not None:
                    b, i, s = _run_values(rpr)
                    bold, italic, size = _pick(b, bold), _pick(i, italic), _pick(s, size)
            self._run_cache[style_id] = (bold, italic, size)
        return self._run_cache[style_id]

    def table_cell_margins(self, table_style: str | None) -> tuple[float, float, float, float]:
        """Top, right, bottom, left cell margins (points) of *table_style* (Word's defaults
        where it sets none)."""
        margins = {"top": 0.0, "right": 5.4, "bottom": 0.0, "left": 5.4}
        for style in self._chain(table_style):
            mar = style.find(f"{qn('w:tblPr')}/{qn('w:tblCellMar')}")
            if mar is None:
                continue
            for side in margins:
                value = _twips(mar.find(qn(f"w:{side}")), "w")
                if value is not None:
                    margins[side] = value
        return margins["top"], margins["right"], margins["bottom"], margins["left"]


    def table_borders(self, table_style: str | None) -> dict[str, float]:
        """The widths (points) of the borders *table_style* draws: "top", "bottom",
        "insideH", and "header" (the bottom of its first-row formatting)."""
        out = {"top": 0.0, "bottom": 0.0, "insideH": 0.0, "header": 0.0}
        for style in self._chain(table_style):
            borders = style.find(f"{qn('w:tblPr')}/{qn('w:tblBorders')}")
            for side in ("top", "bottom", "insideH"):
                width = border_width(borders, side)
                if width is not None:
                    out[side] = width
            for conditional in style.iterchildren(qn("w:tblStylePr")):
                if conditional.get(qn("w:type")) == "firstRow":
                    width = border_width(
                        conditional.find(f"{qn('w:tcPr')}/{qn('w:tcBorders')}"), "bottom")
                    if width is not None:
                        out["header"] = width
        return out


def border_width(borders: _Element | None, side: str) -> float | None:
    """The width in points of the *side* border in a w:tblBorders, w:tcBorders or w:pBdr."""
    if borders is None:
        return None
    edge = borders.find(qn(f"w:{side}"))
    if edge is None:
        return None
    if edge.get(qn("w:val")) in {"nil", "none"}:
        return 0.0
    return int(edge.get(qn("w:sz"), "0")) / 8  # eighths of a point


def _pick(value, fallback):  # type: ignore[no-untyped-def]
    return fallback if value is None else value


def _run_values(rpr: _Element) -> tuple[bool | None, bool | None, float | None]:
    sz = rpr.find(qn("w:sz"))
    size = int(sz.get(qn("w:val"))) / 2 if sz is not None and sz.get(qn("w:val")) else None
    return _on(rpr.find(qn("w:b"))), _on(rpr.find(qn("w:i"))), size


def apply_rpr(props: ParagraphProps, rprs: list[_Element | None]) -> ParagraphProps:
    bold, italic, size = props.bold, props.italic, props.size
    for rpr in rprs:
        if rpr is None:
            continue
        b, i, s = _run_values(rpr)
        bold, italic, size = _pick(b, bold), _pick(i, italic), _pick(s, size)
    return replace(props, bold=bold, italic=italic, size=size)


def _border(pbdr: _Element | None, side: str) -> float | None:
    """A paragraph border's width and its distance from the text (in points)."""
    width = border_width(pbdr, side)
    if width is None or pbdr is None:
        return None
    edge = pbdr.find(qn(f"w:{side}"))
    space = int(edge.get(qn("w:space"), "0")) if width and edge is not None else 0
    # LibreOffice keeps the distance on both sides of a bottom border: between the text and
    # the rule, and again between the rule and what follows (seen in its PDF: a heading
    # with a 6 pt distance to its rule pushes the next paragraph 6 pt further than Word's
    # model of one distance would).
    return width + space * (2 if side == "bottom" else 1)


def apply_ppr(props: ParagraphProps, pprs: list[_Element | None]) -> ParagraphProps:
    values = dict(props.__dict__)
    spacing = props.spacing
    for ppr in pprs:
        if ppr is None:
            continue
        for name, key in (("keepNext", "keep_next"), ("keepLines", "keep_lines"),
                          ("pageBreakBefore", "page_break_before"),
                          ("widowControl", "widow_control")):
            flag = _on(ppr.find(qn(f"w:{name}")))
            if flag is not None:
                values[key] = flag
        sp = ppr.find(qn("w:spacing"))
        if sp is not None:
            spacing = _spacing(spacing, sp)
        ind = ppr.find(qn("w:ind"))
        if ind is not None:
            for attribute, key in (("left", "left"), ("start", "left"), ("right", "right"),
                                   ("end", "right")):
                value = _twips(ind, attribute)
                if value is not None:
                    values[key] = value
            first, hanging = _twips(ind, "firstLine"), _twips(ind, "hanging")
            if hanging is not None:
                values["first_line"] = -hanging
            elif first is not None:
                values["first_line"] = first
        numpr = ppr.find(qn("w:numPr"))
        if numpr is not None:
            num = numpr.find(qn("w:numId"))
            lvl = numpr.find(qn("w:ilvl"))
            num_id = int(num.get(qn("w:val"))) if num is not None else (
                values["numbering"][0] if values["numbering"] else 0)
            ilvl = int(lvl.get(qn("w:val"))) if lvl is not None else 0
            values["numbering"] = (num_id, ilvl) if num_id else None
        pbdr = ppr.find(qn("w:pBdr"))
        if pbdr is not None:
            above, below = _border(pbdr, "top"), _border(pbdr, "bottom")
            if above is not None:
                values["border_above"] = above
            if below is not None:
                values["border_below"] = below
    values["spacing"] = spacing
    return ParagraphProps(**values)


def _spacing(current: Spacing, sp: _Element) -> Spacing:
    before, after = _twips(sp, "before"), _twips(sp, "after")
    line = sp.get(qn("w:line"))
    rule = sp.get(qn("w:lineRule"), "auto")
    out = replace(current, before=_pick(before, current.before), after=_pick(after, current.after))
    if line is not None and line.lstrip("-").isdigit():
        value = int(line)
        if rule == "exact":
            out = replace(out, exact=abs(value) * TWIP, at_least=None)
        elif rule == "atLeast":
            out = replace(out, at_least=value * TWIP, exact=None, line=1.0)
        else:
            out = replace(out, line=value / 240, exact=None, at_least=None)
    return out


@cache
def _tag(name: str) -> str:
    return qn(name)


def runs(p: _Element) -> Iterator[_Element]:
    """The w:r of a paragraph in reading order, inside hyperlinks, fields and content
    controls too (deleted text, w:del, is left out)."""
    for child in p.iterchildren():
        tag = child.tag
        if tag == _tag("w:r"):
            yield child
        elif tag in (_tag("w:hyperlink"), _tag("w:ins"), _tag("w:smartTag"),
                     _tag("w:fldSimple")):
            yield from runs(child)
        elif tag == _tag("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from runs(content)

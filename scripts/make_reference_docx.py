#!/usr/bin/env python3
"""Regenerate templates/reference.docx, the styling file of the DOCX output.

The file is written from scratch (no Word, no python-docx default template), so the same
script always gives the same package: fixed zip timestamps, fixed part order. A förbund
may instead edit templates/reference.docx in Word; the renderer takes every style from it.

    python3 scripts/make_reference_docx.py            # writes templates/reference.docx
    python3 scripts/make_reference_docx.py --out X    # writes X
"""

from __future__ import annotations

import argparse
import io
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reportgen.compute.mal import STANDARDFÄRGER  # noqa: E402
from reportgen.document import layout  # noqa: E402
from reportgen.render import docx_fonts, docx_theme  # noqa: E402
from reportgen.render import docx_styles as S  # noqa: E402

# -- page and palette (the same palette as templates/report.css) ------------------------------
PAGE_W, PAGE_H = 11906, 16838  # A4 in twips
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = 1361, 1247, 1361, 1134  # 24/22/24/20 mm
TEXT_W = PAGE_W - MARGIN_LEFT - MARGIN_RIGHT
FONT = docx_fonts.FAMILY  # the PDF's typeface, embedded in the package (font_parts)
# The palette of templates/report.css. PRIMARY and ACCENT are the standard theme's colours:
# the renderer recolours them to the förbund's `tema` (reportgen/render/docx_theme.py).
INK, MUTED, RULE, HAIRLINE, BAND = "1D2530", "525C69", "C9D1D9", "E1E6EB", "F3F5F7"
PRIMARY, ACCENT = docx_theme.PRIMARY, docx_theme.ACCENT
NUMBER = docx_theme.NUMBER  # chapter and section numbers (Theme.number_colour)
BODY_PT = 10
TABLE_LINE = round(1.5 / 1.21 * 240)  # a table's line spacing ("auto", in 240ths)
# Running text keeps to a measure of 34 em (about 75 characters a line), as in the PDF:
# Body Text (running text, and the styles based on it) has a right indent. Normal does not:
# a paragraph the kansli adds in a table cell is Normal and takes the cell's width. What
# spans the text area (headings, captions, the cover …) says so itself (WIDE).
MEASURE = round(34 * BODY_PT * 20)
RIGHT_INDENT = TEXT_W - MEASURE
WIDE = '<w:ind w:right="0"/>'
# The cover is a section without side margins, so that its band spans the page: what stands
# on it keeps the cover's margins by its style (document/layout.py COVER_SIDE_MM).
COVER_SIDE = round(layout.COVER_SIDE_MM * 1440 / 25.4)
COVER_SIDES = f'<w:ind w:left="{COVER_SIDE}" w:right="{COVER_SIDE}"/>'
DRAFT_RED = "B3261E"
WHITE = "FFFFFF"
# What a signature's paragraphs leave free at the right of their column, beside the cells'
# own margins (Normal Table: 108 twips each side): 4 % of the text width between two lines.
SIGNATURE_GAP = f'<w:ind w:right="{round(TEXT_W * 0.04) - 2 * 108}"/>'

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14_NS = "http://schemas.microsoft.com/office/word/2010/wordml"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def _id(name: str) -> str:
    """Style id from a style name: letters and digits only (Word's own convention)."""
    table = str.maketrans({"å": "a", "ä": "a", "ö": "o", "Å": "A", "Ä": "A", "Ö": "O"})
    return "".join(ch for ch in name.translate(table).title() if ch.isalnum())


@dataclass
class Style:
    kind: str  # paragraph | character | table | numbering
    name: str  # the name Word stores (built-ins in Word's internal spelling)
    style_id: str = ""
    based_on: str | None = None  # style id
    next: str | None = None
    ppr: str = ""
    rpr: str = ""
    tblpr: str = ""
    extra: str = ""  # tblStylePr etc.
    custom: bool = False
    priority: int | None = None
    quick: bool = False
    default: bool = False
    link: str | None = None
    hidden_until_used: bool = False

    def __post_init__(self) -> None:
        if not self.style_id:
            self.style_id = _id(self.name)

    def xml(self) -> str:
        attrs = f'w:type="{self.kind}"'
        if self.default:
            attrs += ' w:default="1"'
        if self.custom:
            attrs += ' w:customStyle="1"'
        attrs += f' w:styleId="{self.style_id}"'
        parts = [f"<w:name w:val={quoteattr(self.name)}/>"]
        if self.based_on:
            parts.append(f'<w:basedOn w:val="{self.based_on}"/>')
        if self.next:
            parts.append(f'<w:next w:val="{self.next}"/>')
        if self.link:
            parts.append(f'<w:link w:val="{self.link}"/>')
        if self.priority is not None:
            parts.append(f'<w:uiPriority w:val="{self.priority}"/>')
        if self.hidden_until_used:
            parts.append("<w:semiHidden/><w:unhideWhenUsed/>")
        if self.quick:
            parts.append("<w:qFormat/>")
        if self.ppr:
            parts.append(f"<w:pPr>{self.ppr}</w:pPr>")
        if self.rpr:
            parts.append(f"<w:rPr>{self.rpr}</w:rPr>")
        if self.tblpr:
            parts.append(f"<w:tblPr>{self.tblpr}</w:tblPr>")
        parts.append(self.extra)
        return f"<w:style {attrs}>{''.join(parts)}</w:style>"


def spacing(before: int = 0, after: int = 0, line: int | None = None) -> str:
    line_attr = f' w:line="{line}" w:lineRule="auto"' if line else ""
    return f'<w:spacing w:before="{before}" w:after="{after}"{line_attr}/>'


def size(points: float) -> str:
    half = int(round(points * 2))
    return f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>'


def color(value: str) -> str:
    return f'<w:color w:val="{value}"/>'


BOLD = "<w:b/><w:bCs/>"
ITALIC = "<w:i/><w:iCs/>"
KEEP = "<w:keepNext/><w:keepLines/>"
RIGHT = '<w:jc w:val="right"/>'
CENTER = '<w:jc w:val="center"/>'


def outline(level0: int) -> str:
    return f'<w:outlineLvl w:val="{level0}"/>'


def border(side: str, value: str = "single", sz: int = 4, col: str = INK, space: int = 0) -> str:
    return f'<w:{side} w:val="{value}" w:sz="{sz}" w:space="{space}" w:color="{col}"/>'


def right_tab(pos: int = TEXT_W, leader: str | None = None) -> str:
    lead = f' w:leader="{leader}"' if leader else ""
    return f'<w:tabs><w:tab w:val="right"{lead} w:pos="{pos}"/></w:tabs>'


def numbering_ref(num_id: int, level: int) -> str:
    return f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'


BULLET_NUM_ID, NUMBER_NUM_ID, HEADING_NUM_ID = 1, 2, 3
# The chapter and section numbers ("1", "1.1") are Word's multilevel list, linked to
# Heading 1 and Heading 2: a chapter added in Word is numbered by Word.
NUMBERED_HEADINGS = 2
NO_NUMBERING = numbering_ref(0, 0)  # for styles based on a numbered heading style


def styles() -> list[Style]:
    """Every style of the reference document."""
    out: list[Style] = [
        # Normal is full width: it is what Word gives a paragraph the kansli adds in a
        # table cell. Running text is Body Text ("Brödtext"), kept to the measure.
        Style("paragraph", "Normal", "Normal", default=True, quick=True, rpr=color(INK)),
        Style("paragraph", S.BODY, "BodyText", based_on="Normal", next="BodyText",
              priority=1, quick=True, ppr=f'<w:ind w:right="{RIGHT_INDENT}"/>'),
        Style("character", "Default Paragraph Font", "DefaultParagraphFont", default=True,
              priority=1, hidden_until_used=True),
        Style("table", "Normal Table", "TableNormal", default=True, priority=99,
              hidden_until_used=True,
              tblpr='<w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>'
                    '<w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
                    '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
                    "</w:tblCellMar>"),
        Style("numbering", "No List", "NoList", default=True, priority=99,
              hidden_until_used=True),
    ]
    # Headings: level 1–2 feed the table of contents.
    # Four levels that look different (report.css): a chapter in the primary colour over an
    # accent rule, a section in the primary colour, then ink, then muted ink.
    heading_look = {
        1: (spacing(0, 280), 20, PRIMARY, "<w:pBdr>" + border("bottom", sz=10, col=ACCENT,
                                                               space=6) + "</w:pBdr>"),
        2: (spacing(400, 120), 13, PRIMARY, ""),
        3: (spacing(300, 80), 10.5, INK, ""),
        # a section at level 4 (an insats, a målområde) under a light rule (report.css
        # section.level-4 > h4)
        4: (spacing(283, 60), 10, MUTED, "<w:pBdr>" + border("top", sz=4, col=RULE, space=6)
            + "</w:pBdr>"),
        5: (spacing(200, 40), 10, MUTED, ""),
        6: (spacing(200, 40), 10, MUTED, ""),
    }
    for level, (space, points, ink, rule) in heading_look.items():
        extra_r = ITALIC if level >= 6 else ""
        numbered = numbering_ref(HEADING_NUM_ID, level - 1) if level <= NUMBERED_HEADINGS else ""
        out.append(Style(
            "paragraph", f"heading {level}", f"Heading{level}", based_on="Normal", next="Normal",
            priority=9, quick=True, hidden_until_used=level > 1,
            ppr=KEEP + numbered + rule + space + WIDE + outline(level - 1),
            rpr=BOLD + extra_r + color(ink) + size(points),
        ))
    for level in (1, 2):
        out.append(Style(
            "paragraph", S.unlisted_heading(level), f"Mellanrubrik{level}",
            based_on=f"Heading{level}", next="Normal", custom=True, quick=True, priority=10,
            ppr=NO_NUMBERING + outline(2),  # outline level 3: outside TOC \o "1-2" \u
        ))
    out += [
        # The cover's title under a rule in the accent colour (report.css .cover-title); the
        # renderer sets its space before, so that the rule stands where the PDF's does.
        Style("paragraph", "Title", "Title", based_on="Normal", next="Subtitle", priority=10,
              quick=True,
              ppr="<w:pBdr>" + border("top", sz=20, col=ACCENT, space=17) + "</w:pBdr>"
                  + spacing(0, 400, 252) + COVER_SIDES,
              rpr=BOLD + color(PRIMARY) + '<w:kern w:val="28"/>' + size(40)),
        Style("paragraph", "Subtitle", "Subtitle", based_on="Normal", next="Normal",
              priority=11, quick=True, ppr=spacing(0, 60) + COVER_SIDES, rpr=size(13)),
        Style("paragraph", S.COVER_LOGO, based_on="Normal", next="Title",
              custom=True, ppr=spacing(0, 0) + COVER_SIDES),
        # The band across the foot of the cover (its fill is the theme's cover_band): the
        # förbund's name and organisationsnummer in white.
        Style("paragraph", S.COVER_ORGANISATION, based_on="Normal",
              next=_id(S.COVER_ORGANISATION_NUMBER), custom=True, quick=True,
              ppr=spacing(0, 57, 240) + WIDE, rpr=BOLD + color(WHITE) + size(17)),
        Style("paragraph", S.COVER_ORGANISATION_NUMBER, based_on="Normal", next="Normal",
              custom=True, ppr=spacing(0, 0) + WIDE, rpr=color(WHITE) + size(9.5)),
        Style("paragraph", S.COVER_BAND_END, based_on="Normal", next="Normal", custom=True,
              ppr='<w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>' + WIDE,
              rpr=size(1)),
        Style("paragraph", S.COVER_DETAIL, based_on="Normal", next="Normal", custom=True,
              quick=True, ppr=spacing(0, 60) + COVER_SIDES, rpr=color(MUTED) + size(10.5)),
        Style("paragraph", S.DRAFT, based_on="Normal", next="Normal", custom=True,
              ppr=spacing(0, 0) + CENTER + WIDE, rpr=BOLD + color(DRAFT_RED) + size(11)),
        Style("paragraph", S.DRAFT_BANNER, based_on="Normal", next="Normal", custom=True,
              ppr='<w:shd w:val="clear" w:color="auto" w:fill="B3261E"/>' + spacing(0, 240)
                  + CENTER + WIDE,
              rpr=BOLD + color("FFFFFF") + size(11)),
        Style("paragraph", "TOC Heading", "TOCHeading", based_on="Heading1", next="Normal",
              priority=39, quick=True, ppr=NO_NUMBERING + spacing(0, 300) + outline(9),
              rpr=size(20)),
        Style("paragraph", "toc 1", "TOC1", based_on="Normal", next="Normal", priority=39,
              hidden_until_used=True,
              ppr=right_tab(leader="dot") + spacing(120, 40) + WIDE, rpr=BOLD),
        Style("paragraph", "toc 2", "TOC2", based_on="Normal", next="Normal", priority=39,
              hidden_until_used=True,
              ppr=right_tab(leader="dot") + spacing(0, 40) + '<w:ind w:left="510" w:right="0"/>'),
        Style("paragraph", S.CONTACT, based_on="Normal", next="Normal", custom=True,
              ppr="<w:pBdr>" + border("top", sz=4, col=RULE, space=8) + "</w:pBdr>"
                  + spacing(600, 0) + WIDE,
              rpr=color(MUTED) + size(9)),
        Style("paragraph", "header", "Header", based_on="Normal", priority=99,
              hidden_until_used=True, ppr=right_tab() + spacing(0, 0, 240) + WIDE,
              rpr=color(MUTED) + size(7.5)),
        Style("paragraph", "footer", "Footer", based_on="Normal", priority=99,
              hidden_until_used=True, ppr=spacing(0, 0, 240) + CENTER + WIDE,
              rpr=color(MUTED) + size(7.5)),
        Style("paragraph", "caption", "Caption", based_on="Normal", next="Normal", priority=35,
              quick=True, hidden_until_used=True, ppr=KEEP + spacing(160, 80) + WIDE,
              rpr=BOLD + size(9.5)),
        # Table cell paragraphs, their lines as tall as the PDF's (report.css: 1.5 times the
        # size; Word's "auto" spacing multiplies the font's own line height, 1.21 for Inter).
        # Tabular figures, as in the PDF's tables (Word 2010 and later; others ignore it).
        Style("paragraph", S.TABLE_TEXT, based_on="Normal", custom=True, quick=True,
              ppr=spacing(0, 0, TABLE_LINE) + WIDE,
              rpr=size(9) + '<w14:numSpacing w14:val="tabular"/>'),
        Style("paragraph", S.TABLE_AMOUNT, based_on=_id(S.TABLE_TEXT), custom=True,
              quick=True, ppr=RIGHT),
        Style("paragraph", S.TABLE_NOTE_REF, based_on=_id(S.TABLE_TEXT), custom=True,
              ppr=CENTER, rpr=color(MUTED)),
        Style("paragraph", S.TABLE_HEADING, based_on=_id(S.TABLE_TEXT), custom=True,
              ppr="<w:keepNext/>", rpr=BOLD),
        Style("paragraph", S.TABLE_HEADING_AMOUNT, based_on=_id(S.TABLE_HEADING), custom=True,
              ppr=RIGHT),
        Style("paragraph", S.TABLE_SUM, based_on=_id(S.TABLE_TEXT), custom=True, rpr=BOLD),
        Style("paragraph", S.TABLE_SUM_AMOUNT, based_on=_id(S.TABLE_AMOUNT), custom=True,
              rpr=BOLD),
        Style("paragraph", S.TABLE_SUBHEADING, based_on=_id(S.TABLE_TEXT), custom=True,
              ppr="<w:keepNext/>" + spacing(60, 0, TABLE_LINE), rpr=BOLD + color(PRIMARY)),
        Style("paragraph", S.TABLE_FOOTNOTE, based_on="Normal", next="Normal", custom=True,
              ppr=spacing(80, 240) + WIDE, rpr=color(MUTED) + size(8.5)),
        # Prose. A sub-heading inside a section ("Insatsens mål", "Finansiering") is kept
        # with what follows; not a heading, so it stays out of the outline and the TOC.
        Style("paragraph", S.PARAGRAPH_STYLES["label"], based_on="BodyText", next="Normal",
              custom=True, quick=True, ppr=KEEP + spacing(200, 60), rpr=BOLD),
        Style("paragraph", S.PARAGRAPH_STYLES["lead"], based_on="BodyText", next="Normal",
              custom=True, quick=True, ppr=spacing(0, 160), rpr=size(12.5)),
        Style("paragraph", S.PARAGRAPH_STYLES["small"], based_on="BodyText", next="Normal",
              custom=True, quick=True, rpr=color(MUTED) + size(9)),
        # Key figures (Året i siffror): cards in a borderless table, as report.css sets the
        # tiles: the value large under a rule in the accent colour, what it is, a line more.
        Style("paragraph", S.KEY_FIGURE_VALUE, based_on="Normal", next=_id(S.KEY_FIGURE_LABEL),
              custom=True,
              ppr=KEEP + "<w:pBdr>" + border("top", sz=16, col=ACCENT, space=6) + "</w:pBdr>"
                  + spacing(120, 0),
              rpr=BOLD + color(PRIMARY) + size(20)),
        Style("paragraph", S.KEY_FIGURE_LABEL, based_on="Normal", next=_id(S.KEY_FIGURE_DETAIL),
              custom=True, ppr=KEEP + spacing(40, 0), rpr=BOLD + size(9)),
        Style("paragraph", S.KEY_FIGURE_DETAIL, based_on="Normal", next="Normal", custom=True,
              ppr=spacing(0, 120), rpr=color(MUTED) + size(9)),
        Style("paragraph", S.PARAGRAPH_STYLES["attestation"], based_on="BodyText", next="Normal",
              custom=True, ppr=spacing(0, 240)),
        Style("paragraph", S.FIGURE, based_on="Normal", next="Normal", custom=True,
              ppr=spacing(120, 160) + WIDE),
        # A block quote (Markdown "> …"), as report.css draws it: a rule on the left, italic.
        Style("paragraph", S.QUOTE, "Quote", based_on="Normal", next="Normal", priority=29,
              quick=True,
              ppr="<w:pBdr>" + border("left", sz=12, col=ACCENT, space=8) + "</w:pBdr>"
                  + spacing(0, 120) + '<w:ind w:left="227" w:right="227"/>',
              rpr=ITALIC),
        # A number typed in a heading ("Bilaga 1.", "Not 2."), coloured as Word's heading
        # numbering colours the numbers it writes ("1", "1.1").
        Style("character", S.HEADING_NUMBER, based_on="DefaultParagraphFont", custom=True,
              rpr=color(NUMBER)),
        Style("character", "Hyperlink", "Hyperlink", priority=99, hidden_until_used=True,
              rpr=color(PRIMARY) + '<w:u w:val="single"/>'),
    ]
    # Goal assessments: a badge, always with its words (never colour alone), as report.css
    # draws one: the text in ink on a light background, a rule in the status's colour on
    # its left. "Status" is the badge of a status of the förbund's own scale (the renderer
    # paints its tint); the standard statuses' colours are compute/mal.py's STANDARDFÄRGER.
    badge_edge = (f'<w:pBdr><w:left w:val="single" w:sz="{S.STATUS_RULE_EIGHTHS}" '
                  'w:space="0" w:color="{}"/></w:pBdr>')
    edge_twips = S.STATUS_RULE_EIGHTHS * 20 // 8
    out.append(Style(
        "paragraph", S.PARAGRAPH_STYLES["status"], based_on="BodyText", next="Normal",
        custom=True, quick=True,
        ppr="<w:keepNext/>" + badge_edge.format(MUTED) + spacing(0, 120)
            + f'<w:ind w:left="{edge_twips}"/>'))
    for key, status in (("status-uppfyllt", "uppfyllt"), ("status-delvis", "delvis uppfyllt"),
                        ("status-ej", "ej uppfyllt")):
        edge, fill = (c[1:].upper() for c in STANDARDFÄRGER[status])
        out.append(Style(
            "paragraph", S.PARAGRAPH_STYLES[key], based_on=_id(S.PARAGRAPH_STYLES["status"]),
            next="Normal", custom=True, quick=True, ppr=badge_edge.format(edge),
            rpr=f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>',
        ))
    # Lists.
    for ordered, num_id in ((False, BULLET_NUM_ID), (True, NUMBER_NUM_ID)):
        for depth in (1, 2, 3):
            out.append(Style(
                "paragraph", S.list_item(ordered, depth), based_on="BodyText", priority=99,
                hidden_until_used=True, quick=depth == 1,
                ppr=numbering_ref(num_id, depth - 1) + spacing(0, 60),
            ))
    for depth in (1, 2, 3):
        out.append(Style(
            "paragraph", S.list_continue(depth), based_on="BodyText", priority=99,
            hidden_until_used=True, ppr=spacing(0, 60) + f'<w:ind w:left="{360 * depth}"/>',
        ))
    # Signatures.
    out += [
        Style("paragraph", S.PLACE_AND_DATE, based_on="BodyText", next="Normal", custom=True,
              ppr=spacing(0, 240), rpr=color(MUTED)),
        # The signature line is the top rule of the name paragraph: no empty paragraphs. The
        # signatures stand in the columns of a borderless table (SignatureBlock.columns),
        # each line as long as the PDF's (46 % of the text width, 4 % between two).
        Style("paragraph", S.SIGNATURE_NAME, based_on="Normal", next=_id(S.SIGNATURE_ROLE),
              custom=True,
              ppr=KEEP + "<w:pBdr>" + border("top", sz=4, col=INK, space=4) + "</w:pBdr>"
                  + spacing(840, 0) + SIGNATURE_GAP,
              rpr=BOLD),
        Style("paragraph", S.SIGNATURE_NAME_DIGITAL, based_on=_id(S.SIGNATURE_NAME),
              next=_id(S.SIGNATURE_ROLE), custom=True, ppr=spacing(360, 0)),
        Style("paragraph", S.SIGNATURE_ROLE, based_on="Normal", custom=True,
              ppr=KEEP + spacing(0, 0) + SIGNATURE_GAP,
              rpr=color(MUTED) + size(9)),
    ]
    # Tables.
    # 1.1 mm above and below a cell's text, as report.css pads it.
    cell_margins = ('<w:tblCellMar><w:top w:w="62" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>'
                    '<w:bottom w:w="62" w:type="dxa"/><w:right w:w="85" w:type="dxa"/>'
                    "</w:tblCellMar>")
    out += [
        Style("table", S.TABLE_STYLE, based_on="TableNormal", custom=True, quick=True,
              ppr=spacing(0, 0, 240), rpr=size(9),
              # light: hairlines between rows, a firm rule under the header (the sums draw
              # their own rule above them, docx_ooxml.set_cell_top_rule)
              tblpr='<w:tblStyleRowBandSize w:val="1"/><w:tblStyleColBandSize w:val="1"/>'
                    "<w:tblBorders>" + border("bottom", sz=2, col=HAIRLINE)
                    + border("insideH", sz=2, col=HAIRLINE) + "</w:tblBorders>" + cell_margins,
              extra='<w:tblStylePr w:type="firstRow"><w:pPr><w:keepNext/></w:pPr>'
                    f"<w:rPr>{BOLD}{size(8)}</w:rPr><w:tblPr/><w:trPr><w:tblHeader/></w:trPr>"
                    f'<w:tcPr><w:tcBorders>{border("bottom", sz=7, col=INK)}</w:tcBorders>'
                    "</w:tcPr></w:tblStylePr>"),
    ]
    return out


def styles_xml() -> str:
    defaults = (
        "<w:docDefaults><w:rPrDefault><w:rPr>"
        f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>'
        + size(BODY_PT)
        + '<w:lang w:val="sv-SE" w:eastAsia="sv-SE" w:bidi="ar-SA"/>'
        "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
        + spacing(0, 120, 276)
        + "<w:widowControl/></w:pPr></w:pPrDefault></w:docDefaults>"
    )
    latent = ('<w:latentStyles w:defLockedState="0" w:defUIPriority="99" w:defSemiHidden="0" '
              'w:defUnhideWhenUsed="0" w:defQFormat="0" w:count="376"/>')
    body = "".join(s.xml() for s in styles())
    return (f'{XML_HEAD}<w:styles xmlns:w="{W_NS}" xmlns:r="{R_NS}" xmlns:mc="{MC_NS}" '
            f'xmlns:w14="{W14_NS}" mc:Ignorable="w14">'
            f"{defaults}{latent}{body}</w:styles>")


def numbering_xml() -> str:
    def level(ilvl: int, fmt: str, text: str) -> str:
        indent = 360 * (ilvl + 1)
        return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
                f'<w:pPr><w:ind w:left="{indent}" w:hanging="360"/></w:pPr></w:lvl>')

    def heading_level(ilvl: int) -> str:
        """"1", "1.1", then a space and no indent: the heading reads as if typed."""
        if ilvl >= NUMBERED_HEADINGS:
            return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="none"/>'
                    '<w:suff w:val="nothing"/><w:lvlText w:val=""/><w:lvlJc w:val="left"/>'
                    '<w:pPr><w:ind w:left="0" w:firstLine="0"/></w:pPr></w:lvl>')
        text = ".".join(f"%{k + 1}" for k in range(ilvl + 1))
        return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
                f'<w:pStyle w:val="Heading{ilvl + 1}"/><w:suff w:val="space"/>'
                f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
                '<w:pPr><w:ind w:left="0" w:firstLine="0"/></w:pPr>'
                f"<w:rPr>{color(NUMBER)}</w:rPr></w:lvl>")

    bullets = "".join(level(i, "bullet", ch) for i, ch in enumerate(("•", "–", "◦")))
    numbers = "".join(level(i, fmt, f"%{i + 1}.")
                      for i, fmt in enumerate(("decimal", "lowerLetter", "lowerRoman")))
    headings = "".join(heading_level(i) for i in range(9))
    return (
        f'{XML_HEAD}<w:numbering xmlns:w="{W_NS}">'
        f'<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/>'
        f"{bullets}</w:abstractNum>"
        f'<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="hybridMultilevel"/>'
        f"{numbers}</w:abstractNum>"
        f'<w:abstractNum w:abstractNumId="2"><w:multiLevelType w:val="multilevel"/>'
        f"{headings}</w:abstractNum>"
        f'<w:num w:numId="{BULLET_NUM_ID}"><w:abstractNumId w:val="0"/></w:num>'
        f'<w:num w:numId="{NUMBER_NUM_ID}"><w:abstractNumId w:val="1"/></w:num>'
        f'<w:num w:numId="{HEADING_NUM_ID}"><w:abstractNumId w:val="2"/></w:num>'
        "</w:numbering>"
    )


def settings_xml() -> str:
    return (
        f'{XML_HEAD}<w:settings xmlns:w="{W_NS}" xmlns:r="{R_NS}">'
        # Word and LibreOffice show the embedded Inter; Word keeps it embedded when saving.
        '<w:zoom w:percent="100"/><w:embedTrueTypeFonts/><w:defaultTabStop w:val="1304"/>'
        '<w:characterSpacingControl w:val="doNotCompress"/>'
        '<w:compat><w:compatSetting w:name="compatibilityMode" '
        'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
        '<w:themeFontLang w:val="sv-SE"/>'
        '<w:decimalSymbol w:val=","/><w:listSeparator w:val=";"/>'
        "</w:settings>"
    )


def font_part(index: int) -> str:
    return f"fonts/font{index}.odttf"


def font_table_xml() -> str:
    count = len(docx_fonts.embedded(FONT))
    return docx_fonts.font_table_xml({FONT: [f"rId{i}" for i in range(1, count + 1)]})


def font_table_rels() -> str:
    rels = "".join(f'<Relationship Id="rId{i}" Type="{OFFICE_REL}/font" '
                   f'Target="{font_part(i)}"/>'
                   for i in range(1, len(docx_fonts.FACES) + 1))
    return f'{XML_HEAD}<Relationships xmlns="{PACKAGE_REL}">{rels}</Relationships>'


def font_parts() -> dict[str, bytes]:
    """The obfuscated fonts (ECMA-376 Part 1 §17.8.1), as fontTable.xml names them."""
    return {f"word/{font_part(i)}": e.obfuscated
            for i, e in enumerate(docx_fonts.embedded(FONT), start=1)}


def _p(style_id: str, text: str) -> str:
    return (f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/></w:pPr>'
            f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>')


def document_xml() -> str:
    """A short sample, so that the styles can be seen and edited in Word.

    The renderer removes this body and keeps only the page set-up (w:sectPr).
    """
    sample = [
        _p("Title", "Formatmall för reportgen"),
        _p("Subtitle", "Ändra formatmallarna i den här filen för att ändra utseendet på "
                       "årsredovisningen i Word-format."),
        _p(_id(S.PARAGRAPH_STYLES["lead"]), "Texten nedan visar formatmallarna. Innehållet i "
                                            "filen används inte, bara formatmallarna och "
                                            "sidinställningarna."),
        _p("Heading1", "Rubrik 1 (kapitel, numreras av Word, med i innehållsförteckningen)"),
        _p("Normal", "Normal: brödtext i rapporten."),
        _p("Heading2", "Rubrik 2 (avsnitt, numreras av Word, med i innehållsförteckningen)"),
        _p("Mellanrubrik2", "Mellanrubrik 2 (inte med i innehållsförteckningen)"),
        _p("Heading3", "Rubrik 3"),
        _p(_id(S.PARAGRAPH_STYLES["label"]), "Delrubrik (till exempel Insatsens mål)"),
        _p(_id(S.PARAGRAPH_STYLES["small"]), "Liten text."),
        _p(_id(S.PARAGRAPH_STYLES["status-uppfyllt"]), "Uppfyllt"),
        _p(_id(S.PARAGRAPH_STYLES["status-delvis"]), "Delvis uppfyllt"),
        _p(_id(S.PARAGRAPH_STYLES["status-ej"]), "Ej uppfyllt"),
        _p("ListBullet", "Punktlista"),
        _p("ListNumber", "Numrerad lista"),
        _p("Quote", "Citat (ett citerat stycke i texten)"),
        _p("Caption", "Tabellrubrik (Caption)"),
        '<w:tbl><w:tblPr><w:tblStyle w:val="Rapporttabell"/><w:tblW w:w="5000" w:type="pct"/>'
        '<w:tblLook w:val="0020" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
        'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>'
        f'<w:tblGrid><w:gridCol w:w="{TEXT_W * 3 // 5}"/><w:gridCol w:w="{TEXT_W * 2 // 5}"/>'
        "</w:tblGrid>"
        "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
        f"<w:tc>{_p(_id(S.TABLE_HEADING), 'Belopp i kr')}</w:tc>"
        f"<w:tc>{_p(_id(S.TABLE_HEADING_AMOUNT), '2023')}</w:tc></w:tr>"
        "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
        f"<w:tc>{_p(_id(S.TABLE_TEXT), 'Tabelltext')}</w:tc>"
        f"<w:tc>{_p(_id(S.TABLE_AMOUNT), '1 234')}</w:tc></w:tr>"
        "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
        f"<w:tc>{_p(_id(S.TABLE_SUM), 'Tabellsumma')}</w:tc>"
        f"<w:tc>{_p(_id(S.TABLE_SUM_AMOUNT), '1 234')}</w:tc></w:tr></w:tbl>",
        _p(_id(S.TABLE_FOOTNOTE), "Tabellfotnot."),
        _p(_id(S.SIGNATURE_NAME), "Underskrift namn"),
        _p(_id(S.SIGNATURE_ROLE), "Underskrift roll"),
    ]
    sect = (
        f'<w:sectPr><w:pgSz w:w="{PAGE_W}" w:h="{PAGE_H}"/>'
        f'<w:pgMar w:top="{MARGIN_TOP}" w:right="{MARGIN_RIGHT}" w:bottom="{MARGIN_BOTTOM}" '
        f'w:left="{MARGIN_LEFT}" w:header="850" w:footer="567" w:gutter="0"/>'
        '<w:cols w:space="708"/><w:docGrid w:linePitch="360"/></w:sectPr>'
    )
    return (f'{XML_HEAD}<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}">'
            f"<w:body>{''.join(sample)}{sect}</w:body></w:document>")


OOXML = "application/vnd.openxmlformats-officedocument"
OFFICE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
WORD_PARTS = (  # part, content type, relationship type (from document.xml)
    ("styles.xml", f"{OOXML}.wordprocessingml.styles+xml", f"{OFFICE_REL}/styles"),
    ("numbering.xml", f"{OOXML}.wordprocessingml.numbering+xml", f"{OFFICE_REL}/numbering"),
    ("settings.xml", f"{OOXML}.wordprocessingml.settings+xml", f"{OFFICE_REL}/settings"),
    ("fontTable.xml", f"{OOXML}.wordprocessingml.fontTable+xml", f"{OFFICE_REL}/fontTable"),
)
PACKAGE_PARTS = (  # part, content type, relationship type (from the package)
    ("word/document.xml", f"{OOXML}.wordprocessingml.document.main+xml",
     f"{OFFICE_REL}/officeDocument"),
    ("docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml",
     f"{PACKAGE_REL}/metadata/core-properties"),
    ("docProps/app.xml", f"{OOXML}.extended-properties+xml",
     f"{OFFICE_REL}/extended-properties"),
)


def _relationships(parts: tuple[tuple[str, str, str], ...]) -> str:
    rels = "".join(f'<Relationship Id="rId{i}" Type="{rel}" Target="{target}"/>'
                   for i, (target, _, rel) in enumerate(parts, start=1))
    return f'{XML_HEAD}<Relationships xmlns="{PACKAGE_REL}">{rels}</Relationships>'


CONTENT_TYPES = (
    f'{XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Default Extension="odttf" ContentType="{OOXML}.obfuscatedFont"/>'
    + "".join(f'<Override PartName="/{name}" ContentType="{kind}"/>'
              for name, kind, _ in PACKAGE_PARTS[:1] + tuple(
                  (f"word/{n}", k, r) for n, k, r in WORD_PARTS) + PACKAGE_PARTS[1:])
    + "</Types>"
)
PACKAGE_RELS = _relationships(PACKAGE_PARTS)
DOCUMENT_RELS = _relationships(WORD_PARTS)
CORE = (
    f'{XML_HEAD}<cp:coreProperties '
    'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    "<dc:title>Formatmall för reportgen</dc:title><dc:creator>reportgen</dc:creator>"
    "<dc:language>sv-SE</dc:language><cp:revision>1</cp:revision>"
    '<dcterms:created xsi:type="dcterms:W3CDTF">2024-01-01T00:00:00Z</dcterms:created>'
    '<dcterms:modified xsi:type="dcterms:W3CDTF">2024-01-01T00:00:00Z</dcterms:modified>'
    "</cp:coreProperties>"
)
APP = (
    f'{XML_HEAD}<Properties '
    'xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>reportgen</Application></Properties>"
)


def parts() -> dict[str, str | bytes]:
    """Package member name → XML text (or an embedded font's bytes), in the order written."""
    return {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": PACKAGE_RELS,
        "docProps/core.xml": CORE,
        "docProps/app.xml": APP,
        "word/_rels/document.xml.rels": DOCUMENT_RELS,
        "word/document.xml": document_xml(),
        "word/styles.xml": styles_xml(),
        "word/numbering.xml": numbering_xml(),
        "word/settings.xml": settings_xml(),
        "word/fontTable.xml": font_table_xml(),
        "word/_rels/fontTable.xml.rels": font_table_rels(),
        **font_parts(),
    }


def build() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in parts().items():
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, text.encode("utf-8") if isinstance(text, str) else text)
    return buffer.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Skapar templates/reference.docx (formatmallar "
                                                 "för DOCX-utdata).")
    parser.add_argument("--out", type=Path, default=ROOT / "templates" / "reference.docx",
                        help="fil att skriva")
    args = parser.parse_args(argv)
    args.out.write_bytes(build())
    print(f"skrev {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

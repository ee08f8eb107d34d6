"""Low-level WordprocessingML helpers python-docx has no API for.

Fields (TOC, PAGEREF, PAGE, NUMPAGES), bookmarks, hyperlinks, table-row and cell
properties, and the guarantee that no text we write makes the XML invalid.
"""

from __future__ import annotations

import re

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run as DocxRun

from reportgen.textclean import clean_text


def xml_safe(text: str) -> str:
    """*text* with Windows/Mac line endings made "\\n" and the characters a DOCX cannot hold
    removed: the set the input loses on loading (reportgen/textclean.py), as a last guard."""
    return clean_text(text)[0]


# A hyphen between digits (2023-01-30, 222000-2485) never ends a line: Word breaks after any
# hyphen, unlike the PDF's line breaking (UAX #14 keeps "-" with a following digit).
_PIECES = re.compile(r"(\n|\t|(?<=\d)-(?=\d))")


def fill_run(run: BaseOxmlElement, text: str) -> None:
    """Append *text* to the w:r *run*: "\\n" as a line break, "\\t" as a tab, a hyphen between
    digits as a non-breaking hyphen (w:noBreakHyphen, read back as "-")."""
    for piece in _PIECES.split(xml_safe(text)):
        if not piece:
            continue
        if piece == "\n":
            run.append(OxmlElement("w:br"))
        elif piece == "\t":
            run.append(OxmlElement("w:tab"))
        elif piece == "-":
            run.append(OxmlElement("w:noBreakHyphen"))
        else:
            t = OxmlElement("w:t")
            t.set(qn("xml:space"), "preserve")
            t.text = piece
            run.append(t)


def add_text(paragraph: DocxParagraph, text: str) -> DocxRun:
    """A run holding *text* (see fill_run)."""
    run = paragraph.add_run()
    fill_run(run._r, text)
    return run


# -- fields ------------------------------------------------------------------------------------
def _fld_char(kind: str) -> BaseOxmlElement:
    run = OxmlElement("w:r")
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    run.append(char)
    return run


def _instr(instruction: str) -> BaseOxmlElement:
    run = OxmlElement("w:r")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run.append(instr)
    return run


def _text_run(text: str) -> BaseOxmlElement:
    run = OxmlElement("w:r")
    fill_run(run, text)
    return run


def _tab_run() -> BaseOxmlElement:
    run = OxmlElement("w:r")
    run.append(OxmlElement("w:tab"))
    return run


def field_begin(parent: BaseOxmlElement, instruction: str) -> None:
    """Append the start of a complex field (begin, instruction, separate) to *parent*."""
    parent.append(_fld_char("begin"))
    parent.append(_instr(instruction))
    parent.append(_fld_char("separate"))


def field_end(parent: BaseOxmlElement) -> None:
    parent.append(_fld_char("end"))


def add_field(paragraph: DocxParagraph, instruction: str, result: str) -> None:
    """A complete complex field with a stored *result* (what is shown until it is updated)."""
    p = paragraph._p
    field_begin(p, instruction)
    p.append(_text_run(result))
    field_end(p)


def add_toc_entry(paragraph: DocxParagraph, text: str, bookmark: str, page: str
                  ) -> BaseOxmlElement:
    """One stored TOC line: a link to *bookmark*, the heading text, a tab and PAGEREF field.
    Returns the w:t holding the stored page number (filled in once the pages are known)."""
    link = OxmlElement("w:hyperlink")
    link.set(qn("w:anchor"), bookmark)
    link.set(qn("w:history"), "1")
    link.append(_text_run(text))
    link.append(_tab_run())
    field_begin(link, f"PAGEREF {bookmark} \\h")
    result = OxmlElement("w:r")
    number = OxmlElement("w:t")
    number.text = page
    result.append(number)
    link.append(result)
    field_end(link)
    paragraph._p.append(link)
    return number


def suppress_numbering(paragraph: DocxParagraph) -> None:
    """No list number on *paragraph*, whatever its style says (w:numId 0)."""
    numpr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    numpr.get_or_add_ilvl().val = 0
    numpr.get_or_add_numId().val = 0


# -- bookmarks and links ---------------------------------------------------------------------
def _bookmark(name: str, bookmark_id: int) -> tuple[BaseOxmlElement, BaseOxmlElement]:
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(bookmark_id))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(bookmark_id))
    return start, end


def wrap_in_bookmark(paragraph: DocxParagraph, name: str, bookmark_id: int) -> None:
    """Put a bookmark named *name* around the whole content of *paragraph*."""
    start, end = _bookmark(name, bookmark_id)
    p = paragraph._p
    ppr = p.pPr
    if ppr is not None:
        ppr.addnext(start)
    else:
        p.insert(0, start)
    p.append(end)


def bookmark_around(run: BaseOxmlElement, name: str, bookmark_id: int) -> None:
    """Put a bookmark named *name* around the w:r *run*."""
    start, end = _bookmark(name, bookmark_id)
    run.addprevious(start)
    run.addnext(end)


def custom_properties(values: dict[str, str]) -> bytes:
    """docProps/custom.xml holding *values* as text properties, in the order given."""
    from xml.sax.saxutils import escape, quoteattr

    fmtid = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"  # the one Word uses for its own
    items = "".join(
        f'<property fmtid="{fmtid}" pid="{pid}" name={quoteattr(name)}>'
        f"<vt:lpwstr>{escape(xml_safe(value))}</vt:lpwstr></property>"
        for pid, (name, value) in enumerate(values.items(), start=2)
    )
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
            'custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/'
            f'2006/docPropsVTypes">{items}</Properties>').encode()


def add_hyperlink(
    paragraph: DocxParagraph, text: str, *, url: str | None = None, anchor: str | None = None,
    style: str | None = None,
) -> DocxRun:
    """A run inside a w:hyperlink, to an external *url* or to a bookmark *anchor*."""
    link = OxmlElement("w:hyperlink")
    if url is not None:
        rid = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
        link.set(qn("r:id"), rid)
    if anchor is not None:
        link.set(qn("w:anchor"), anchor)
    link.set(qn("w:history"), "1")
    paragraph._p.append(link)
    run_element = _text_run(text)
    link.append(run_element)
    run = DocxRun(run_element, paragraph)  # type: ignore[arg-type]
    if style is not None:
        run.style = style
    return run


# -- tables ------------------------------------------------------------------------------------
def _get_or_add(parent: BaseOxmlElement, tag: str, successors: tuple[str, ...]) -> BaseOxmlElement:
    """The child *tag* of *parent*, created before the first existing successor if missing."""
    found = parent.find(qn(tag))
    if found is not None:
        return found
    element = OxmlElement(tag)
    for name in successors:
        successor = parent.find(qn(name))
        if successor is not None:
            successor.addprevious(element)
            return element
    parent.append(element)
    return element


def set_row_flags(tr: BaseOxmlElement, header: bool) -> None:
    """Rows never split across pages; header rows repeat on every page."""
    trpr = tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:cantSplit"))
    if header:
        trpr.append(OxmlElement("w:tblHeader"))


_TBLPR_AFTER_LAYOUT = ("w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription")


def set_table_layout(tbl: BaseOxmlElement, width_twips: int) -> None:
    """Fixed layout at *width_twips*, so the column widths we set are kept."""
    tblpr = tbl.tblPr
    tblw = _get_or_add(tblpr, "w:tblW", ("w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders",
                                          "w:shd", "w:tblLayout", *_TBLPR_AFTER_LAYOUT))
    tblw.set(qn("w:w"), str(width_twips))
    tblw.set(qn("w:type"), "dxa")
    layout = _get_or_add(tblpr, "w:tblLayout", _TBLPR_AFTER_LAYOUT)
    layout.set(qn("w:type"), "fixed")


def set_row_height(tr: BaseOxmlElement, twips: int) -> None:
    """The row at least *twips* tall."""
    height = OxmlElement("w:trHeight")
    height.set(qn("w:val"), str(twips))
    height.set(qn("w:hRule"), "atLeast")
    tr.get_or_add_trPr().append(height)


def set_cell_margins(tc: BaseOxmlElement, top: int, left: int, bottom: int, right: int) -> None:
    """A cell's own margins (twips), in place of its table's."""
    mar = _get_or_add(tc.get_or_add_tcPr(), "w:tcMar", _TCPR_AFTER_BORDERS[3:])
    for side, value in (("top", top), ("left", left), ("bottom", bottom), ("right", right)):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(value))
        el.set(qn("w:type"), "dxa")
        mar.append(el)


def set_table_look(tbl: BaseOxmlElement, first_row: bool) -> None:
    tblpr = tbl.tblPr
    look = _get_or_add(tblpr, "w:tblLook", ("w:tblCaption", "w:tblDescription"))
    for key in list(look.attrib):
        del look.attrib[key]
    look.set(qn("w:val"), "0020" if first_row else "0000")
    look.set(qn("w:firstRow"), "1" if first_row else "0")
    look.set(qn("w:lastRow"), "0")
    look.set(qn("w:firstColumn"), "0")
    look.set(qn("w:lastColumn"), "0")
    look.set(qn("w:noHBand"), "1")
    look.set(qn("w:noVBand"), "1")


def set_table_caption(tbl: BaseOxmlElement, caption: str, description: str | None) -> None:
    """Title and description a screen reader announces for the table (Word 2010+)."""
    tblpr = tbl.tblPr
    title = _get_or_add(tblpr, "w:tblCaption", ("w:tblDescription",))
    title.set(qn("w:val"), xml_safe(caption))
    if description:
        desc = _get_or_add(tblpr, "w:tblDescription", ())
        desc.set(qn("w:val"), xml_safe(description))


_TCPR_AFTER_BORDERS = ("w:shd", "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText",
                       "w:vAlign", "w:hideMark")


def set_cell_top_rule(tc: BaseOxmlElement, size_eighths: int = 8, color: str = "1D2530") -> None:
    """A rule above a cell (the line above a sum)."""
    tcpr = tc.get_or_add_tcPr()
    borders = _get_or_add(tcpr, "w:tcBorders", _TCPR_AFTER_BORDERS)
    top = OxmlElement("w:top")
    top.set(qn("w:val"), "single")
    top.set(qn("w:sz"), str(size_eighths))
    top.set(qn("w:space"), "0")
    top.set(qn("w:color"), color)
    borders.insert(0, top)


def set_cell_fill(tc: BaseOxmlElement, fill: str) -> None:
    """A cell's background colour (hex RGB)."""
    shd = _get_or_add(tc.get_or_add_tcPr(), "w:shd", _TCPR_AFTER_BORDERS[1:])
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)


_PPR_AFTER_BORDERS = (
    "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
    "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
    "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
    "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
    "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")


def set_left_rule(paragraph: DocxParagraph, size_eighths: int, color: str) -> None:
    """A rule on the paragraph's left (a status badge's edge), touching its text."""
    borders = _get_or_add(paragraph._p.get_or_add_pPr(), "w:pBdr", _PPR_AFTER_BORDERS)
    left = OxmlElement("w:left")
    for key, value in (("val", "single"), ("sz", str(size_eighths)), ("space", "0"),
                       ("color", color)):
        left.set(qn(f"w:{key}"), value)
    borders.append(left)


def set_run_fill(run: DocxRun, fill: str) -> None:
    """A run's background (hex RGB), as the "Status …" styles shade their text."""
    rpr = run._r.get_or_add_rPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    rpr.append(shd)


# -- settings ---------------------------------------------------------------------------------
# Elements that follow w:updateFields in CT_Settings (the schema fixes the order).
_SETTINGS_AFTER_UPDATE_FIELDS = (
    "w:hdrShapeDefaults", "w:footnotePr", "w:endnotePr", "w:compat", "w:docVars", "w:rsids",
    "m:mathPr", "w:attachedSchema", "w:themeFontLang", "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats", "w:doNotAutoCompressPictures", "w:forceUpgrade",
    "w:captions", "w:readModeInkLockDown", "w:smartTagType", "sl:schemaLibrary",
    "w:shapeDefaults", "w:doNotEmbedSmartTags", "w:decimalSymbol", "w:listSeparator",
)


def set_update_fields(settings: BaseOxmlElement) -> None:
    """Ask Word to refresh fields (TOC page numbers, NUMPAGES) when the file is opened."""
    element = _get_or_add(settings, "w:updateFields", _SETTINGS_AFTER_UPDATE_FIELDS)
    element.set(qn("w:val"), "true")


def set_theme_language(settings: BaseOxmlElement, lang: str) -> None:
    element = _get_or_add(settings, "w:themeFontLang", _SETTINGS_AFTER_UPDATE_FIELDS[9:])
    element.set(qn("w:val"), lang)

"""Report model → DOCX (python-docx), styled by templates/reference.docx.

A translator over the same report model as the HTML renderer: it decides no content, only
how each block looks in Word. Every visible text takes its look from a named style in the
reference document (see docx_styles.py), so a förbund restyles the report in Word.
"""

from __future__ import annotations

import datetime as dt
import io
import os

import docx
from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn
from docx.shared import Length, Twips

from reportgen.document.model import Document, Identity
from reportgen.render import docx_marks as marks
from reportgen.render import docx_metrics
from reportgen.render import docx_ooxml as ox
from reportgen.render import docx_styles as S
from reportgen.render.docx_blocks import (
    Context,
    StyleBook,
    bookmark_name,
    new_state,
    render,
)
from reportgen.render.docx_cover import write_cover
from reportgen.render.docx_package import normalise_package
from reportgen.render.docx_pages import paginate
from reportgen.render.docx_props import StyleSheet
from reportgen.render.docx_theme import apply_theme
from reportgen.templates_dir import templates_dir

CUSTOM_PROPERTIES = "application/vnd.openxmlformats-officedocument.custom-properties+xml"


def toc_instruction(depth: int) -> str:
    """Word's TOC field over the outline levels 1–*depth* (Document.toc_depth)."""
    return f'TOC \\o "1-{depth}" \\h \\z \\u'


def reference_docx() -> str:
    return str(templates_dir() / "reference.docx")


def render_docx(document: Document) -> bytes:
    """The report as a DOCX file (bytes), in the document's theme."""
    family = docx_metrics.FAMILY.set(document.theme.font.name)
    try:
        return _render(document)
    finally:
        docx_metrics.FAMILY.reset(family)


def _render(document: Document) -> bytes:
    word = docx.Document(reference_docx())
    apply_theme(word, document.theme)
    _clear_body(word)
    text_width, text_height = _text_area(word)
    state = new_state(word, {s.id: bookmark_name(i)
                             for i, s in enumerate(document.walk_sections(), start=1)})
    ctx = Context(word, document, StyleBook(word), StyleSheet(word.styles.element), text_width,
                  state, container=word, text_height=text_height)
    write_cover(ctx)  # a section of its own: the body's section is the document's last
    _header_and_footer(ctx)
    _table_of_contents(ctx)
    state.pending_page_break = True  # the report proper starts on a new page
    for block in document.sections:
        render(block, ctx)
    _toc_page_numbers(ctx)
    _properties(word, document)
    buffer = io.BytesIO()
    word.save(buffer)
    return normalise_package(buffer.getvalue(), _timestamp())


def _text_area(word: DocxDocument) -> tuple[int, int]:
    """Width and height (twips) inside the body's margins; A4 with the reference margins if
    unset."""
    section = word.sections[-1]
    page_w = section.page_width or Twips(11906)
    page_h = section.page_height or Twips(16838)
    margins = [m if m is not None else Twips(1247) for m in (
        section.left_margin, section.right_margin, section.top_margin, section.bottom_margin)]
    width = Length(page_w - margins[0] - margins[1]).twips
    height = Length(page_h - margins[2] - margins[3]).twips
    return int(width), int(height)


def _timestamp() -> dt.datetime:
    """SOURCE_DATE_EPOCH (reproducible builds) if set, else now."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).replace(tzinfo=None)
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


def _clear_body(word: DocxDocument) -> None:
    """Drop the reference document's sample content; keep its page set-up (w:sectPr)."""
    body = word.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


# -- page furniture ---------------------------------------------------------------------------
def _reset(part) -> None:  # type: ignore[no-untyped-def]
    """Empty a header or footer, leaving no paragraph."""
    element = part._element
    for child in list(element):
        element.remove(child)


def _header_and_footer(ctx: Context) -> None:
    """The running header and the page numbers, on every page of the body's section (the
    last): the cover is a section of its own, without them (docx_cover.py)."""
    model = ctx.model
    section = ctx.word.sections[-1]
    styles = ctx.styles

    draft = model.draft_marking

    header = section.header
    header.is_linked_to_previous = False
    _reset(header)
    if draft:
        header.add_paragraph(draft.page_mark, styles.paragraph(S.DRAFT))
    p = header.add_paragraph(style=styles.paragraph(S.HEADER))
    ox.add_text(p, "\t".join(model.running_header))

    footer = section.footer
    footer.is_linked_to_previous = False
    _reset(footer)
    p = footer.add_paragraph(style=styles.paragraph(S.FOOTER))
    p.add_run(model.page_numbers.before)
    ox.add_field(p, "PAGE", "1")
    p.add_run(model.page_numbers.between)
    ox.add_field(p, "NUMPAGES", "1")
    if model.page_numbers.after:
        p.add_run(model.page_numbers.after)


# -- table of contents ------------------------------------------------------------------------
def _table_of_contents(ctx: Context) -> None:
    """A real TOC field whose stored result already lists the headings with page numbers."""
    heading = ctx.paragraph(S.TOC_HEADING)  # on a page of its own: the cover's section ends
    ox.add_text(heading, ctx.model.toc_title)
    instruction = toc_instruction(ctx.model.toc_depth)
    entries = ctx.model.toc()
    for index, entry in enumerate(entries):
        p = ctx.paragraph(S.toc(entry.level))
        if index == 0:
            ox.field_begin(p._p, instruction)
        bookmark = ctx.state.bookmarks[entry.id]
        # "00" holds the place of the page number until the body is laid out.
        ctx.state.toc_pages.append((bookmark, ox.add_toc_entry(p, entry.heading, bookmark, "00")))
    closing = ctx.paragraph(S.NORMAL)
    if not entries:
        ox.field_begin(closing._p, instruction)
    ox.field_end(closing._p)
    if ctx.model.cover.address_lines:
        ox.add_text(ctx.paragraph(S.CONTACT), "\n".join(ctx.model.cover.address_lines))


def _toc_page_numbers(ctx: Context) -> None:
    """The stored page numbers of the TOC: where the laid-out body puts each heading."""
    pages = paginate(ctx.word)
    for bookmark, number in ctx.state.toc_pages:
        number.text = str(pages.get(bookmark, ""))


# -- document properties ----------------------------------------------------------------------
def _properties(word: DocxDocument, document: Document) -> None:
    when = _timestamp()
    props = word.core_properties
    props.title = document.title
    props.subject = document.subject
    props.author = document.author
    props.last_modified_by = document.author
    props.language = document.lang
    props.keywords = document.keywords
    props.category = document.cover.title
    if document.draft_marking:
        props.content_status = document.draft_marking.status
    props.revision = 1
    props.created = when
    props.modified = when
    _set_style_language(word, document.lang)
    settings = word.settings.element
    ox.set_update_fields(settings)
    ox.set_theme_language(settings, document.lang)
    if document.identity is not None:
        _identity(word, document.identity)


def _identity(word: DocxDocument, identity: Identity) -> None:
    """Custom properties saying which report this is (docx_marks.IDENTITY)."""
    from reportgen import __version__

    names = marks.IDENTITY
    values = {
        names["generator"]: f"{marks.GENERATOR} {__version__}",
        names["organisation_number"]: identity.organisation_number or "",
        names["year"]: str(identity.year),
        names["kind"]: identity.kind,
        # The file's name only: the DOCX's bytes must not depend on where the project lies
        # (reproducible builds); `återför` looks for it where a project keeps its YAML.
        names["source"]: identity.source.name,
    }
    package = word.part.package
    part = Part(PackURI("/docProps/custom.xml"), CUSTOM_PROPERTIES,
                ox.custom_properties(values), package)
    package.relate_to(part, RT.CUSTOM_PROPERTIES)


def _set_style_language(word: DocxDocument, lang: str) -> None:
    """The default language of every style (docDefaults), so Word spell-checks in Swedish."""
    styles = word.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        return
    rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    if rpr is None:
        return
    lang_el = rpr.find(qn("w:lang"))
    if lang_el is None:
        lang_el = rpr.makeelement(qn("w:lang"), {})
        rpr.append(lang_el)
    lang_el.set(qn("w:val"), lang)

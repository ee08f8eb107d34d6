"""The cover in Word: a section of its own, as the PDF's cover is a page of its own.

What the cover holds and where is the report model's (document/layout.py COVER_*, the
theme's cover_band); this module only translates it. The cover's section has the cover's
margins and no running header or page number. Its title block starts COVER_TITLE_TOP_MM
below the top of the page (the Title style draws the accent rule above it); the band that
names the förbund is a one-cell table in the cover's own footer, so that it stands across
the foot of the page however the kansli edits the cover. Everything is a paragraph in a
named style (the logo's aligned as the theme places it: docx_theme.place_logo): no text box,
no frame.
"""

from __future__ import annotations

import copy

from docx.section import Section as DocxSection
from docx.shared import Mm, Twips
from docx.table import _Cell

from reportgen.document import layout
from reportgen.render import docx_ooxml as ox
from reportgen.render import docx_styles as S
from reportgen.render.docx_blocks import Context, add_image

# The band's height: its padding and room for two lines (the name at 17 pt, the number).
BAND_TEXT_MM = 14.0


def twips(mm: float) -> int:
    return int(round(Mm(mm).twips))


def band_height() -> int:
    """The band's height in twips, the cover's bottom margin: the band fills it."""
    above, below = layout.COVER_BAND_PADDING_MM
    return twips(above + BAND_TEXT_MM + below)


def write_cover(ctx: Context) -> None:
    """The cover's paragraphs, its band, and the section break that ends it."""
    cover = ctx.model.cover
    draft = ctx.model.draft_marking
    used = 0  # twips from the top margin down to the title's rule
    if draft:
        banner = ctx.paragraph(S.DRAFT_BANNER)
        ox.add_text(banner, draft.banner)
    if cover.logo is not None:
        shape = add_image(cover.logo, ctx, S.COVER_LOGO,
                          max_height=Mm(layout.COVER_LOGO_MAX_HEIGHT_MM))
        if shape is not None:
            used += shape.height.twips
    title = ctx.paragraph(S.TITLE)
    ox.add_text(title, ctx.model.cover_title)
    top = twips(layout.COVER_TITLE_TOP_MM - layout.COVER_TOP_MM)
    title.paragraph_format.space_before = Twips(max(top - used, 0))
    ox.add_text(ctx.paragraph(S.SUBTITLE), cover.period)
    last = ctx.paragraph(S.COVER_DETAIL) if cover.decided else None
    if last is not None:
        ox.add_text(last, cover.decided or "")
    end = last if last is not None else ctx.state.written[-1]
    _end_section(ctx, end._p)


def _end_section(ctx: Context, p) -> None:  # type: ignore[no-untyped-def]
    """Make the paragraph *p* end the cover's section: the body's page set-up with the
    cover's margins, no header or footer of the body's, no page number."""
    body = ctx.word.element.body.get_or_add_sectPr()
    sect = copy.deepcopy(body)
    sect.attrib.clear()
    for ref in sect.xpath("w:headerReference|w:footerReference|w:titlePg"):
        sect.remove(ref)
    p.set_sectPr(sect)
    section = DocxSection(sect, ctx.word.part)
    section.top_margin = Twips(twips(layout.COVER_TOP_MM))
    # No side margins, so that the band spans the page (a word processor keeps a footer's
    # table within them); the cover's styles keep COVER_SIDE_MM from the edges.
    section.left_margin = section.right_margin = Twips(0)
    section.bottom_margin = Twips(band_height())
    section.footer_distance = Twips(0)
    _draft_header(ctx, section)
    _band(ctx, section)


def _draft_header(ctx: Context, section: DocxSection) -> None:
    """The cover has no running header; a draft's page mark stands at its top all the same."""
    header = section.header
    header.is_linked_to_previous = False
    for child in list(header._element):
        header._element.remove(child)
    draft = ctx.model.draft_marking
    if draft:
        header.add_paragraph(draft.page_mark, ctx.styles.paragraph(S.DRAFT))
    else:
        header.add_paragraph(style=ctx.styles.paragraph(S.HEADER))


def _band(ctx: Context, section: DocxSection) -> None:
    """The förbund's name (and organisationsnummer) in white on the band, across the page."""
    cover = ctx.model.cover
    footer = section.footer
    footer.is_linked_to_previous = False
    for child in list(footer._element):
        footer._element.remove(child)
    page = int(section.page_width.twips) if section.page_width else 11906
    side = twips(layout.COVER_SIDE_MM)
    table = footer.add_table(0, 1, Twips(page))
    tbl = table._tbl
    tbl.tblGrid.gridCol_lst[0].w = Twips(page)
    ox.set_table_layout(tbl, page)
    ox.set_table_look(tbl, first_row=False)
    ox.set_table_caption(tbl, cover.organisation, cover.organisation_number_text)
    tr = tbl.add_tr()
    ox.set_row_height(tr, band_height())
    tc = tr.add_tc()
    tc.width = Twips(page)
    above, below = layout.COVER_BAND_PADDING_MM
    ox.set_cell_margins(tc, top=twips(above), left=side, bottom=twips(below), right=side)
    ox.set_cell_fill(tc, ctx.model.theme.hex(ctx.model.theme.cover_band))
    cell = _Cell(tc, table)
    name = cell.paragraphs[0]
    ctx.styles.apply(name, S.COVER_ORGANISATION)
    ox.add_text(name, cover.organisation)
    if cover.organisation_number_text:
        number = cell.add_paragraph()
        ctx.styles.apply(number, S.COVER_ORGANISATION_NUMBER)
        ox.add_text(number, cover.organisation_number_text)
    # A footer ends with a paragraph: the least there can be, under the band.
    ctx.styles.apply(footer.add_paragraph(), S.COVER_BAND_END)

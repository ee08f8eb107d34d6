"""The DOCX looks like the PDF: what the report model and its theme decide about the look is
what Word shows (the cover's name band, the signatures in columns, the numbers of chapters
in the theme's colour, sums in bold and nothing else, tinted cells).

Each test reads the DOCX's XML as Word resolves it: a run's colour from its own properties,
its character style, its paragraph's style chain, or the list level that writes a number.
"""

from __future__ import annotations

import dataclasses
import re

import pytest
from conftest import walk_blocks
from docx.oxml.ns import qn
from docx.table import _Cell
from docx_extract import body_paragraphs, open_docx, style_chain, style_name

from reportgen.document.model import SignatureBlock
from reportgen.document.theme import Theme
from reportgen.render import docx_styles as S
from reportgen.render.docx import render_docx

# A theme in colours of its own, so that a colour the reference document hard-codes shows.
THEME = Theme(primary="#2a5d3c", accent="#b0306a")


@pytest.fixture(scope="module")
def themed(example_prepared):  # type: ignore[no-untyped-def]
    """The example in THEME, as a python-docx document."""
    document = dataclasses.replace(example_prepared.document, theme=THEME)
    return open_docx(render_docx(document))


def _hex(colour: str) -> str:
    return colour.lstrip("#").upper()


def _style_colour(style) -> str | None:  # type: ignore[no-untyped-def]
    for s in style_chain(style):
        if s.font.color is not None and s.font.color.rgb is not None:
            return str(s.font.color.rgb)
    return None


def _level_colour(word, num_id: int, ilvl: int) -> str | None:  # type: ignore[no-untyped-def]
    """The colour the list level writes its number in (w:lvl/w:rPr/w:color)."""
    numbering = word.part.numbering_part.element
    num = numbering.num_having_numId(num_id)
    abstract = next(a for a in numbering.iterchildren(qn("w:abstractNum"))
                    if a.get(qn("w:abstractNumId")) == str(num.abstractNumId.val))
    lvl = next(v for v in abstract.iterchildren(qn("w:lvl")) if v.get(qn("w:ilvl")) == str(ilvl))
    colour = lvl.find(f"{qn('w:rPr')}/{qn('w:color')}")
    return colour.get(qn("w:val")).upper() if colour is not None else None


# -- chapter and section numbers --------------------------------------------------------------
def test_word_writes_chapter_and_section_numbers_in_the_theme_number_colour(themed):
    """Heading 1 and 2 are numbered by Word's multilevel list: its levels write the number in
    the theme's number colour (the accent), the title stays in the heading's own colour."""
    for level in (1, 2):
        style = themed.styles[S.heading(level)]
        num_pr = style.element.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        num_id = int(num_pr.find(qn("w:numId")).get(qn("w:val")))
        assert _level_colour(themed, num_id, level - 1) == _hex(THEME.accent)
        assert _style_colour(style) == _hex(THEME.primary)


def test_a_typed_heading_number_is_a_run_in_the_number_colour(themed, example_prepared):
    """"Bilaga 1." is typed (Word's numbering would say "9"): its run takes the character
    style of heading numbers, in the theme's number colour; the title's run does not."""
    numbered = [p for p in body_paragraphs(themed)
                if style_name(p) == S.heading(1) and p.text.startswith("Bilaga ")]
    assert len(numbered) == 4
    for p in numbered:
        number, title = p.runs[0], p.runs[1]
        assert re.fullmatch(r"Bilaga \d\.", number.text), number.text
        assert number.style.name == S.HEADING_NUMBER
        assert _style_colour(number.style) == _hex(THEME.accent)
        assert title.style.name != S.HEADING_NUMBER
    notes = [p for p in body_paragraphs(themed)
             if style_name(p) == S.unlisted_heading(2) and p.text.startswith("Not ")]
    assert notes and all(p.runs[0].style.name == S.HEADING_NUMBER for p in notes)


# -- sums -------------------------------------------------------------------------------------
def test_only_sum_rows_are_bold_not_a_difference_beside_its_terms(themed, example_prepared):
    """The finance table of an insats (Beviljat, Förbrukat, Skillnad) has no sum row: its
    Skillnad is printed as its neighbours are, not bold (as in the PDF)."""
    finance = [t for t in example_prepared.document.tables() if t.id.endswith("-finansiering")]
    assert len(finance) >= 5
    tables = {_caption(t): t for t in themed.tables}
    for model in finance:
        table = tables[model.caption]
        row = table.rows[1]
        assert [c.text for c in row.cells][3] == model.body[0].cells[3].text
        styles = [_Cell(tc, table).paragraphs[0].style.name for tc in table._tbl.tr_lst[1].tc_lst]
        assert styles[1:] == [S.TABLE_AMOUNT] * 3, (model.caption, styles)
        assert not any(placed.total for r in model.body for placed in model.placed(r))


def _caption(table) -> str:  # type: ignore[no-untyped-def]
    caption = table._tbl.tblPr.find(qn("w:tblCaption"))
    return caption.get(qn("w:val"), "") if caption is not None else ""


def test_sum_rows_are_bold_in_the_docx(themed, example_prepared):
    """What the model prints as a total (PlacedCell.total: a sum row) is bold in Word."""
    model = next(t for t in example_prepared.document.tables() if t.id == "kostnadsfordelning")
    table = next(t for t in themed.tables if _caption(t) == model.caption)
    last = table._tbl.tr_lst[-1]
    styles = {_Cell(tc, table).paragraphs[0].style.name for tc in last.tc_lst}
    assert styles == {S.TABLE_SUM, S.TABLE_SUM_AMOUNT}
    assert all(p.total for p in model.placed(model.body[-1]))


def _signature_blocks(example_prepared) -> list[SignatureBlock]:  # type: ignore[no-untyped-def]
    return [b for b in walk_blocks(example_prepared.document.sections)
            if isinstance(b, SignatureBlock)]


# -- signatures ---------------------------------------------------------------------------------
def _signature_tables(word) -> list:  # type: ignore[no-untyped-def]
    names = {S.SIGNATURE_NAME, S.SIGNATURE_NAME_DIGITAL}
    return [t for t in word.tables
            if any(_Cell(tc, t).paragraphs[0].style.name in names
                   for tr in t._tbl.tr_lst for tc in tr.tc_lst)]


def test_signatures_stand_side_by_side_in_columns(themed, example_prepared):
    """Each signature block is a borderless table of SignatureBlock.columns equal columns,
    a line of signatures to a row, each cell a signature (its name over the line to sign
    on, its role and lines): the PDF's two signatures side by side, not one column."""
    blocks = _signature_blocks(example_prepared)
    tables = _signature_tables(themed)
    assert len(blocks) == len(tables) >= 2
    names = {S.SIGNATURE_NAME, S.SIGNATURE_NAME_DIGITAL}
    assert not [p.text for p in body_paragraphs(themed) if style_name(p) in names]
    for block, table in zip(blocks, tables, strict=True):
        assert block.columns == 2
        assert table._tbl.tblPr.find(qn("w:tblStyle")) is None  # layout: no rules
        widths = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.gridCol_lst]
        assert len(widths) == block.columns and max(widths) - min(widths) <= 1
        rows = [[[p.text for p in _Cell(tc, table).paragraphs] for tc in tr.tc_lst]
                for tr in table._tbl.tr_lst]
        expected = [[[s.name, s.role, *s.lines] for s in line] for line in block.rows()]
        assert [[cell for cell in row if cell != [""]] for row in rows] == expected
        assert len(rows) == -(-len(block.signatories) // block.columns)


def test_a_page_may_end_after_any_line_of_signatures_but_the_last_but_one(themed,
                                                                           example_prepared):
    """Rows never split; only the last line but one keeps with the next, so the last line
    never stands alone on a page and the list does not chain on to what follows."""
    tables = _signature_tables(themed)
    assert len(tables) == len(_signature_blocks(example_prepared))
    for table in tables:
        trs = table._tbl.tr_lst
        assert all(tr.trPr.find(qn("w:cantSplit")) is not None for tr in trs)
        keeps = [{p.paragraph_format.keep_with_next for tc in tr.tc_lst
                  for p in _Cell(tc, table).paragraphs} for tr in trs]
        assert keeps == [{index == len(trs) - 2} for index in range(len(trs))]


# -- tints --------------------------------------------------------------------------------------
def test_every_tinted_cell_is_painted_in_the_tint_the_model_gives(themed, example_prepared):
    """One notion of a coloured cell (Tint): the indicator grids' higher / lower cells and the
    goal matrix's statuses alike are painted in the background their tint says, and no
    other cell is painted (the DOCX decides no colour of its own)."""
    tables = {_caption(t): t for t in themed.tables}
    tinted = 0
    for model in example_prepared.document.tables():
        table = tables[model.caption]
        for model_row, tr in zip(model.body, table._tbl.tr_lst[len(model.header):], strict=True):
            for cell, tc in zip(model_row.cells, tr.tc_lst, strict=True):
                shd = tc.find(f"{qn('w:tcPr')}/{qn('w:shd')}")
                fill = shd.get(qn("w:fill")) if shd is not None else None
                assert fill == (_hex(cell.tint.background) if cell.tint else None), cell
                tinted += cell.tint is not None
    assert tinted > 100


# -- the cover ----------------------------------------------------------------------------------
def test_the_cover_has_the_band_that_names_the_forbund(themed, example_prepared):
    """As in the PDF, a band in the theme's cover_band colour spans the foot of the cover,
    the förbund's name and organisationsnummer on it in white: a one-cell table in the
    cover section's own footer (no margins at the sides, so that it spans the page)."""
    cover = example_prepared.document.cover
    section = themed.sections[0]
    assert len(themed.sections) == 2
    assert section.left_margin == section.right_margin == 0 and section.footer_distance == 0
    (band,) = section.footer.tables
    assert int(band._tbl.tblGrid.gridCol_lst[0].w.twips) == int(section.page_width.twips)
    tc = band._tbl.tr_lst[0].tc_lst[0]
    assert tc.tcPr.find(qn("w:shd")).get(qn("w:fill")) == _hex(THEME.cover_band)
    assert THEME.cover_band == THEME.primary
    texts = [(p.text, p.style.name) for p in _Cell(tc, band).paragraphs]
    assert texts == [(cover.organisation, S.COVER_ORGANISATION),
                     (cover.organisation_number_text, S.COVER_ORGANISATION_NUMBER)]
    for name in (S.COVER_ORGANISATION, S.COVER_ORGANISATION_NUMBER):
        assert _style_colour(themed.styles[name]) == "FFFFFF"
    row = band._tbl.tr_lst[0].trPr.find(qn("w:trHeight"))
    assert int(row.get(qn("w:val"))) == int(section.bottom_margin.twips)  # fills the margin
    # The name is said once on the cover, on the band; the body's section has its own footer.
    body_cover = [p.text for p in body_paragraphs(themed)[:4]]
    assert cover.organisation not in body_cover
    assert not themed.sections[1].footer.tables


def test_the_cover_title_stands_under_an_accent_rule_where_the_pdf_has_it(themed,
                                                                         example_prepared):
    """The title block starts COVER_TITLE_TOP_MM from the top of the page, as the PDF's:
    the cover's top margin, the logo (COVER_LOGO_WIDTH_MM wide) and the title's space
    before add up to it; the Title style's top rule is in the theme's accent."""
    from docx.shared import Mm

    from reportgen.document import layout

    section = themed.sections[0]
    logo = next(themed.element.body.iter(qn("wp:extent")))
    assert abs(int(logo.get("cx")) - Mm(layout.COVER_LOGO_WIDTH_MM)) < Mm(0.1)
    title = next(p for p in body_paragraphs(themed) if style_name(p) == "Title")
    assert title.text == example_prepared.document.cover_title
    top = section.top_margin + int(logo.get("cy")) + title.paragraph_format.space_before
    assert abs(top - Mm(layout.COVER_TITLE_TOP_MM)) < Mm(0.5)
    rule = themed.styles["Title"].element.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:top')}")
    assert rule is not None and rule.get(qn("w:color")) == _hex(THEME.accent)


@pytest.mark.parametrize(("placement", "alignment"), [("höger", "RIGHT"), ("mitten", "CENTER")])
def test_the_logo_stands_where_the_theme_places_it(example_prepared, placement, alignment):
    """tema.logotyp (höger, mitten) aligns the logo's style, as report.css places the logo."""
    theme = dataclasses.replace(THEME, logo_placement=placement)
    word = open_docx(render_docx(dataclasses.replace(example_prepared.document, theme=theme)))
    logo = next(p for p in body_paragraphs(word) if style_name(p) == S.COVER_LOGO)
    assert logo.paragraph_format.alignment is None  # by its style, not direct formatting
    assert word.styles[S.COVER_LOGO].paragraph_format.alignment.name == alignment


# -- status badges ------------------------------------------------------------------------------
def _badge_look(word, p):  # type: ignore[no-untyped-def]
    """(the left rule's colour, the fill behind each run, is each run bold) as Word resolves
    them: the paragraph's own, else its style chain's."""
    def find(path: str):  # type: ignore[no-untyped-def]
        own = p._p.find(path)
        if own is not None:
            return own
        return next((e for s in style_chain(p.style) if (e := s.element.find(path)) is not None),
                    None)

    rule = find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:left')}")
    fills = []
    for run in p.runs:
        shd = run._r.find(f"{qn('w:rPr')}/{qn('w:shd')}")
        shd = shd if shd is not None else find(f"{qn('w:rPr')}/{qn('w:shd')}")
        fills.append(shd.get(qn("w:fill")) if shd is not None else None)
    bold = [bool(run.bold) or (run.bold is None and any(
        s.font.bold for s in style_chain(p.style) if s.font.bold is not None)) for run in p.runs]
    return (rule.get(qn("w:color")) if rule is not None else None), fills, bold


def test_a_standard_status_badge_is_ink_on_its_tint_under_a_rule_in_its_colour(themed,
                                                                               example_prepared):
    """As report.css draws p.status-…: the words in ink, "Bedömning:" bold and the status not,
    on the status's background, a rule in its colour on the left (compute/mal.py's
    STANDARDFÄRGER, the one place the standard statuses' colours are decided)."""
    from reportgen.compute.mal import STANDARDFÄRGER

    names = {"status-uppfyllt": "uppfyllt", "status-delvis": "delvis uppfyllt",
             "status-ej": "ej uppfyllt"}
    badges = [b for b in walk_blocks(example_prepared.document.sections)
              if getattr(b, "style", "").startswith("status-")]
    styles = {S.PARAGRAPH_STYLES[k]: v for k, v in names.items()}
    seen = set()
    for p in body_paragraphs(themed):
        if style_name(p) in styles:
            edge, fill = (c[1:].upper() for c in STANDARDFÄRGER[styles[style_name(p)]])
            rule, fills, bold = _badge_look(themed, p)
            assert rule == edge and set(fills) == {fill} and bold == [True, False], p.text
            assert _style_colour(p.style) == "1D2530"  # the ink of Normal
            seen.add(style_name(p))
    assert badges and len(seen) >= 2


def test_a_status_of_the_forbunds_scale_is_drawn_in_its_tint(tmp_path):
    """A status of the förbund's own scale: the same badge (style Status) in its tint."""
    from conftest import ROOT

    from reportgen.pipeline import prepare

    document = prepare(ROOT / "content" / "delar" / "2023-08.yaml").document
    tinted = [b for b in walk_blocks(document.sections)
              if getattr(b, "tint", None) is not None and getattr(b, "style", "") == "status"]
    assert tinted
    word = open_docx(render_docx(document))
    badges = [p for p in body_paragraphs(word) if style_name(p) == S.PARAGRAPH_STYLES["status"]]
    assert [p.text for p in badges] == [b.text for b in tinted]
    for p, block in zip(badges, tinted, strict=True):
        rule, fills, bold = _badge_look(word, p)
        assert rule == _hex(block.tint.accent)
        assert set(fills) == {_hex(block.tint.background)} and bold == [True, False]


# -- headings -----------------------------------------------------------------------------------
def test_a_level_4_section_stands_under_a_light_rule(themed, example_prepared):
    """An insats or a goal at level 4 opens under a light rule, as report.css draws
    section.level-4 > h4: Heading 4 carries it, so Word draws it for every such heading."""
    fours = [s for s in example_prepared.document.walk_sections() if s.level == 4]
    assert len(fours) >= 10
    headings = [p for p in body_paragraphs(themed) if style_name(p) == S.heading(4)]
    assert [p.text for p in headings] == [s.heading for s in fours]
    rule = themed.styles[S.heading(4)].element.find(
        f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:top')}")
    assert rule is not None and rule.get(qn("w:color")) == "C9D1D9"  # report.css --rule

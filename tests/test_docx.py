"""The DOCX the kansli edits (issue 5, and the DOCX part of issue 2).

Fast tests read the example rendered once per session (``example_docx``) with python-docx;
the slow ones let LibreOffice convert the build's DOCX (``example_docx_pdf`` in conftest.py).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib.util
import io
import re
import shutil
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from conftest import EXAMPLE, ROOT, walk_blocks
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.table import _Cell
from docx.text.paragraph import Paragraph as DocxParagraph
from docx_extract import (
    body_paragraphs,
    bold_by_style,
    cover_paragraphs,
    data_tables,
    docx_headings,
    docx_toc_entries,
    every_paragraph,
    libreoffice_pdf,
    list_labels,
    normalise,
    open_docx,
    pdf_text,
    shown_text,
    style_chain,
    style_name,
    table_rows,
)

from reportgen.document.model import (
    Block,
    Cell,
    CellKind,
    Cover,
    Document,
    Heading,
    Image,
    ListBlock,
    PageBreak,
    Paragraph,
    Row,
    RowKind,
    Run,
    Section,
    Signatory,
    SignatureBlock,
    Table,
)
from reportgen.render import docx_styles as S
from reportgen.render.docx import render_docx, toc_instruction
from reportgen.render.docx_blocks import UnknownBlockError

REFERENCE = ROOT / "templates" / "reference.docx"
NUMERIC = {CellKind.AMOUNT, CellKind.SUM, CellKind.PERCENT}


# -- fixtures and helpers ---------------------------------------------------------------------
@pytest.fixture(scope="module")
def example_docx(example_prepared):  # type: ignore[no-untyped-def]
    """The example as DOCX bytes, rendered once (no PDF needed for the fast tests)."""
    return render_docx(example_prepared.document)


@pytest.fixture(scope="module")
def word(example_docx):  # type: ignore[no-untyped-def]
    return open_docx(example_docx)


paragraphs = body_paragraphs


def effective_alignment(paragraph: DocxParagraph):  # type: ignore[no-untyped-def]
    if paragraph.alignment is not None:
        return paragraph.alignment
    for style in style_chain(paragraph.style):
        if style.paragraph_format.alignment is not None:
            return style.paragraph_format.alignment
    return None


effective_bold = bold_by_style


def cell_paragraphs(table) -> list[list[DocxParagraph]]:  # type: ignore[no-untyped-def]
    return [[_Cell(tc, table).paragraphs[0] for tc in tr.tc_lst] for tr in table._tbl.tr_lst]


def style_id(p) -> str:  # type: ignore[no-untyped-def]
    """The style id of a w:p element ("Normal" when it names none)."""
    ppr = p.pPr
    found = ppr.find(qn("w:pStyle")) if ppr is not None else None
    return found.get(qn("w:val")) if found is not None else "Normal"


def toc_lines(source) -> list[str]:  # type: ignore[no-untyped-def]
    """The stored lines of the TOC field: "heading\tpage"."""
    return [p.text for p in paragraphs(open_docx(source)) if re.fullmatch(r"toc \d", style_name(p))]


def load_script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "make_reference_docx", ROOT / "scripts" / "make_reference_docx.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


def mini_document(blocks: tuple[Block | Section, ...], draft: bool = False) -> Document:
    cover = Cover("Testförbundet", "222000-0000", "Årsredovisning",
                  "För räkenskapsåret 1 januari – 31 december 2023", None, None,
                  ("Postadress: Box 1",))
    return Document("Årsredovisning 2023", "Test", "Testförbundet", "sv-SE", cover,
                    (Section("kap", "1", "Kapitel", 1, blocks, page_break_before=True),),
                    draft=draft, base_dir=ROOT / "content")


# -- styles -----------------------------------------------------------------------------------
def test_reference_docx_defines_every_style_the_renderer_uses():
    names = {style.name.lower() for style in docx.Document(str(REFERENCE)).styles}
    wanted = {
        S.NORMAL, S.TITLE, S.SUBTITLE, S.CAPTION, S.HEADER, S.FOOTER, S.TOC_HEADING,
        S.HYPERLINK, S.toc(1), S.toc(2), *(S.heading(n) for n in (1, 2, 3, 4)),
        S.unlisted_heading(1), S.unlisted_heading(2), *S.PARAGRAPH_STYLES.values(),
        *(S.list_item(o, d) for o in (False, True) for d in (1, 2, 3)),
        *(S.list_continue(d) for d in (1, 2, 3)),
        S.COVER_LOGO, S.COVER_ORGANISATION, S.COVER_ORGANISATION_NUMBER, S.COVER_DETAIL,
        S.CONTACT, S.DRAFT, S.DRAFT_BANNER, S.TABLE_STYLE, S.TABLE_TEXT, S.TABLE_AMOUNT,
        S.TABLE_NOTE_REF, S.TABLE_HEADING, S.TABLE_HEADING_AMOUNT, S.TABLE_SUM,
        S.TABLE_SUM_AMOUNT, S.TABLE_SUBHEADING, S.TABLE_FOOTNOTE, S.FIGURE, S.PLACE_AND_DATE,
        S.SIGNATURE_NAME, S.SIGNATURE_NAME_DIGITAL, S.SIGNATURE_ROLE,
    }
    assert {n.lower() for n in wanted} <= names


def test_reference_docx_is_what_the_script_makes():
    script = load_script()
    with zipfile.ZipFile(REFERENCE) as archive:
        stored = {name: archive.read(name) for name in archive.namelist()}
    made = {name: part.encode("utf-8") if isinstance(part, str) else part
            for name, part in script.parts().items()}
    assert stored == made, "run scripts/make_reference_docx.py"
    assert script.build() == script.build()  # reproducible byte for byte


def test_headings_and_cover_use_real_styles(word, example_prepared):
    used = {style_name(p) for p in every_paragraph(word) + cover_paragraphs(word)}
    assert {"Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "Caption",
            "TOC Heading", "toc 1", "toc 2", S.unlisted_heading(2), S.TABLE_FOOTNOTE,
            S.COVER_ORGANISATION, S.CONTACT, S.SIGNATURE_ROLE} <= used
    document = example_prepared.document
    model_styles = {b.style for b in walk_blocks(document.sections) if isinstance(b, Paragraph)}
    for style in model_styles:
        assert S.PARAGRAPH_STYLES.get(style, S.BODY) in used, style
    title = next(p for p in paragraphs(word) if style_name(p) == "Title")
    assert title.text == document.cover.title


def test_status_badges_have_colour_and_words(word, example_prepared):
    statuses = [b for b in walk_blocks(example_prepared.document.sections)
                if isinstance(b, Paragraph) and b.style.startswith("status-")]
    assert statuses, "the example assesses its goals"
    by_text = {(p.text, style_name(p)) for p in paragraphs(word)}
    for block in statuses:
        word_style = S.PARAGRAPH_STYLES[block.style]
        assert (block.text, word_style) in by_text
        style = word.styles[word_style]
        # Its colour is the rule on its left (the text is in ink, as in the PDF) and the
        # shading behind its words.
        rule = style.element.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:left')}")
        assert rule is not None and rule.get(qn("w:color")) not in (None, "auto")
        assert style.element.find(f"{qn('w:rPr')}/{qn('w:shd')}") is not None


def test_visible_text_takes_its_look_from_styles(word):
    """No direct run formatting beyond bold/italic from Markdown; paragraphs name a style."""
    body = word.element.body
    allowed_run = {qn("w:b"), qn("w:i"), qn("w:bCs"), qn("w:iCs"), qn("w:rStyle")}
    for rpr in body.iter(qn("w:rPr")):
        if rpr.getparent().tag == qn("w:r"):
            assert {child.tag for child in rpr} <= allowed_run, rpr.xml
    # keepNext is pagination, not look: short tables are kept on one page with their caption.
    # A section break (the cover's end) is the page set-up, not look either.
    allowed_paragraph = {qn("w:pStyle"), qn("w:pageBreakBefore"), qn("w:spacing"),
                         qn("w:numPr"), qn("w:keepNext"), qn("w:sectPr")}
    for p in body.iter(qn("w:p")):  # (no w:pStyle means Normal, the default style)
        if p.pPr is not None:
            assert {child.tag for child in p.pPr} <= allowed_paragraph, p.pPr.xml


def test_short_tables_are_kept_on_one_page_with_their_caption(word, example_prepared):
    from reportgen.document.layout import KEEP_WHOLE_ROWS

    # A breakable table (the indicator grids) is not kept whole, whatever its length:
    # tests/test_indicator_grid.py checks how it keeps its rows together instead.
    breakable = {t.caption for t in example_prepared.document.tables() if t.breakable}
    assert breakable
    checked = 0
    for table in data_tables(word):
        rows = table.rows
        caption = table._tbl.tblPr.find(qn("w:tblCaption"))
        if len(rows) > KEEP_WHOLE_ROWS or (
                caption is not None and caption.get(qn("w:val")) in breakable):
            continue
        for row in rows[:-1]:
            for cell in row.cells:
                assert all(p.paragraph_format.keep_with_next for p in cell.paragraphs)
        after = table._tbl.getnext()  # the last row keeps with a footnote under the table
        footnote = after is not None and any(
            s.get(qn("w:val")) == word.styles[S.TABLE_FOOTNOTE].style_id
            for s in after.iter(qn("w:pStyle")))
        assert all(p.paragraph_format.keep_with_next == (footnote or None)
                   for c in rows[-1].cells for p in c.paragraphs)
        checked += 1
    assert checked >= 10


# -- table of contents, headings, page furniture ------------------------------------------------
def test_toc_is_a_field_that_already_lists_the_headings(word, example_docx, example_prepared):
    document = example_prepared.document
    instructions = " ".join(el.text for el in word.element.body.iter(qn("w:instrText")))
    assert toc_instruction(document.toc_depth) in instructions
    assert 'TOC \\o "1-2" \\h \\z \\u' in instructions
    expected = [e.heading for e in document.toc()]
    assert expected and expected == docx_toc_entries(example_docx)
    assert "1 Förvaltningsberättelse" in expected
    assert "1.1 Översikt över verksamhetens utveckling" in expected
    # Every entry links to a bookmark around its heading (as Word shows it, with its list
    # number), and shows a page number.
    bookmarks = {}
    labels = list_labels(word)
    for p in paragraphs(word):
        for start in p._p.iter(qn("w:bookmarkStart")):
            bookmarks[start.get(qn("w:name"))] = shown_text(p, labels)
    links = [(link.get(qn("w:anchor")), DocxParagraph(link.getparent(), None).text)  # type: ignore[arg-type]
             for link in word.element.body.iter(qn("w:hyperlink"))
             if style_id(link.getparent()).startswith("TOC")]
    assert len(links) == len(expected)
    for (anchor, line), entry in zip(links, expected, strict=True):
        assert bookmarks[anchor] == entry
        assert re.fullmatch(re.escape(entry) + r"\t\d+", line), line
    settings = word.settings.element
    assert settings.find(qn("w:updateFields")).get(qn("w:val")) == "true"


def test_docx_carries_every_heading_of_the_model(example_docx, example_prepared):
    headings = docx_headings(example_docx)
    for section in example_prepared.document.walk_sections():
        listed = section.in_toc and section.level <= 2
        level = section.level
        assert (level, section.heading) in headings, section.heading
        if listed:
            assert section.heading in [t for lvl, t in headings if lvl == level]
    assert (1, "Innehållsförteckning") in docx_headings(example_docx, include_toc_title=True)


def test_page_breaks_where_sections_ask_for_them(word, example_prepared):
    breaking = {s.heading for s in example_prepared.document.walk_sections()
                if s.page_break_before}
    assert breaking
    labels = list_labels(word)
    found = {shown_text(p, labels) for p in paragraphs(word)
             if p.paragraph_format.page_break_before}
    assert breaking <= found
    # The cover is a page of its own: a section that ends on it, the next starting a new page.
    body = paragraphs(word)
    ends = [i for i, p in enumerate(body)
            if p._p.pPr is not None and p._p.pPr.find(qn("w:sectPr")) is not None]
    assert len(ends) == 1 and body[ends[0] + 1].text == "Innehållsförteckning"
    assert word.sections[-1].start_type == WD_SECTION.NEW_PAGE


def test_header_names_the_forbund_but_not_on_the_cover(word, example_prepared):
    document = example_prepared.document
    cover, section = word.sections  # the cover's section, the body's
    assert not section.different_first_page_header_footer
    header = "\n".join(p.text for p in section.header.paragraphs)
    assert document.author in header
    assert document.author not in "\n".join(p.text for p in cover.header.paragraphs)
    footer = section.footer._element
    instructions = [el.text.strip() for el in footer.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]
    text = "".join(t.text for t in footer.iter(qn("w:t")))
    assert text.startswith("Sida ") and " av " in text
    assert not list(cover.footer._element.iter(qn("w:instrText")))  # no page number


def test_core_properties_and_language(word, example_prepared):
    document = example_prepared.document
    props = word.core_properties
    assert props.title == document.title == "Årsredovisning 2023"
    assert props.subject == document.subject
    assert props.author == document.author == "Bergsjödalens Samordningsförbund"
    assert props.language == "sv-SE"
    lang = word.styles.element.find(
        f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    assert lang.get(qn("w:val")) == "sv-SE"


def test_output_is_reproducible_with_source_date_epoch(example_prepared, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1710374400")  # 2024-03-14
    first = render_docx(example_prepared.document)
    assert render_docx(example_prepared.document) == first
    props = open_docx(first).core_properties
    assert props.created == props.modified == dt.datetime(2024, 3, 14, tzinfo=dt.UTC)


# -- tables -----------------------------------------------------------------------------------
def test_tables_carry_the_models_cells(example_docx, example_prepared):
    model = list(example_prepared.document.tables())
    tables = data_tables(example_docx)
    assert len(tables) == len(model)
    for table, docx_table in zip(model, tables, strict=True):
        want = [[c.text for c in row.cells] for row in (*table.header, *table.body)]
        assert table_rows(docx_table) == want, table.id


def test_header_rows_repeat_and_rows_do_not_split(example_docx, example_prepared):
    for table, docx_table in zip(example_prepared.document.tables(), data_tables(example_docx),
                                 strict=True):
        rows = docx_table._tbl.tr_lst
        for index, tr in enumerate(rows):
            trpr = tr.trPr
            assert trpr is not None and trpr.find(qn("w:cantSplit")) is not None
            is_header = trpr.find(qn("w:tblHeader")) is not None
            assert is_header == (index < len(table.header)), (table.id, index)
        style = docx_table._tbl.tblPr.find(qn("w:tblStyle"))
        assert style is not None and style.get(qn("w:val")) == "Rapporttabell"
        if table.caption:
            caption = docx_table._tbl.tblPr.find(qn("w:tblCaption"))
            assert caption.get(qn("w:val")) == table.caption


def test_every_amount_cell_is_right_aligned_and_sums_are_bold(example_docx, example_prepared):
    checked = 0
    for table, docx_table in zip(example_prepared.document.tables(), data_tables(example_docx),
                                 strict=True):
        cells = cell_paragraphs(docx_table)
        for row, docx_row in zip((*table.header, *table.body), cells, strict=True):
            for cell, paragraph in zip(row.cells, docx_row, strict=True):
                if cell.kind in NUMERIC:
                    assert effective_alignment(paragraph) == WD_ALIGN_PARAGRAPH.RIGHT, \
                        (table.id, cell.text)
                    checked += 1
                elif cell.kind is CellKind.NOTE:
                    assert effective_alignment(paragraph) == WD_ALIGN_PARAGRAPH.CENTER
                if row.kind is RowKind.SUM and cell.text:
                    assert effective_bold(paragraph), (table.id, cell.text)
    assert checked > 200


def test_column_widths_follow_the_model(word, example_prepared):
    """The model's relative widths, except where a column must widen for its longest word."""
    tables = data_tables(word)
    followed = 0
    for table, docx_table in zip(example_prepared.document.tables(), tables, strict=True):
        grid = [int(col.w.twips) for col in docx_table._tbl.tblGrid.gridCol_lst]  # type: ignore[union-attr]
        assert len(grid) == table.column_count
        layout = docx_table._tbl.tblPr.find(qn("w:tblLayout"))
        assert layout.get(qn("w:type")) == "fixed"
        if len(table.widths) == table.column_count:
            total, weight = sum(grid), sum(table.widths)
            shares = [twips / total - relative / weight
                      for twips, relative in zip(grid, table.widths, strict=True)]
            if all(abs(d) < 0.002 for d in shares):
                followed += 1
    assert followed >= len(tables) * 3 // 4


# -- images and signatures --------------------------------------------------------------------
def test_images_have_alt_text(word, example_prepared):
    document = example_prepared.document
    images = [b for b in walk_blocks(document.sections) if isinstance(b, Image)]
    if document.cover.logo is not None:
        images.insert(0, document.cover.logo)
    doc_prs = list(word.element.body.iter(qn("wp:docPr")))
    assert images and [d.get("descr") for d in doc_prs] == [i.alt for i in images]


def test_signature_blocks_name_every_signatory(word, example_prepared):
    blocks = [b for b in walk_blocks(example_prepared.document.sections)
              if isinstance(b, SignatureBlock)]
    assert blocks
    texts = [(p.text, style_name(p)) for p in every_paragraph(word)]
    for block in blocks:
        assert (block.title, S.unlisted_heading(2)) in texts
        style = S.SIGNATURE_NAME_DIGITAL if block.digital else S.SIGNATURE_NAME
        for person in block.signatories:
            index = texts.index((person.name, style))
            following = [t for t, _ in texts[index + 1:index + 1 + 1 + len(person.lines)]]
            assert following == [person.role, *person.lines]
    name_style = word.styles[S.SIGNATURE_NAME]
    assert name_style.element.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:top')}") is not None


# -- every block kind, generically ------------------------------------------------------------
def test_every_block_kind_renders_through_the_dispatcher():
    logo = ROOT / "content" / "bilder" / "logotyp.png"
    table = Table(
        "t", "Tabell med sammanslagen cell",
        (Row((Cell("Rubrik", CellKind.HEADER), Cell("Belopp", CellKind.HEADER, colspan=2))),),
        (Row((Cell("rad 1\nrad 2", CellKind.LABEL), Cell("1 234", CellKind.AMOUNT),
              Cell("5 %", CellKind.PERCENT))),
         Row((Cell("Summa", CellKind.LABEL), Cell("1 234", CellKind.SUM), Cell(""))
             , RowKind.SUM)),
        widths=(50, 25, 25), footnote="Fotnot.",
    )
    blocks: tuple[Block | Section, ...] = (
        Paragraph((Run("Fet", bold=True), Run(" kursiv", italic=True),
                   Run(" länk", href="https://example.se"), Run(" intern", href="#under"),
                   Run("rad ett", line_break=True), Run("rad två\r\nrad tre")), "lead"),
        Paragraph((Run("Uppfyllt"),), "status-uppfyllt"),
        Paragraph((Run("Okänd stil"),), "finns-inte"),
        Heading(2, "Mellanrubrik i text"),
        ListBlock(((Paragraph((Run("ett"),)), ListBlock(((Paragraph((Run("ett a"),)),),),
                                                        ordered=True)),
                   (Paragraph((Run("två"),)), Paragraph((Run("fortsättning"),)))), ordered=True),
        ListBlock(((Paragraph((Run("punkt"),)),),)),
        ListBlock(((Paragraph((Run("igen ett"),)),),), ordered=True),
        PageBreak(),
        table,
        Image(logo, "Logotyp", 30),
        Image(Path("bilder/logotyp.png"), "Relativ sökväg"),
        Section("under", "1.1", "Underavsnitt", 2, (Paragraph((Run("text"),)),)),
        Section("dold", None, "Inte i innehåll", 2, (), in_toc=False),
        SignatureBlock("Styrelsen", "Vi intygar.", (Signatory("A B", "Ordförande", ("Utsedd",)),),
                       digital=False, place_and_date="Norrvika den ____"),
    )
    word = open_docx(render_docx(mini_document(blocks)))
    labels = list_labels(word)
    styled = [(shown_text(p, labels) if style_name(p).startswith("Heading") else p.text,
               style_name(p)) for p in every_paragraph(word)]
    assert ("Fet kursiv länk internrad ett\nrad två\nrad tre", "Ingress") in styled
    assert ("Uppfyllt", "Status uppfyllt") in styled
    assert ("Okänd stil", "Body Text") in styled  # running text, as a "normal" paragraph
    assert ("Mellanrubrik i text", "Mellanrubrik 2") in styled
    assert ("ett a", "List Number 2") in styled
    assert ("fortsättning", "List Continue") in styled
    assert ("punkt", "List Bullet") in styled
    assert ("1.1 Underavsnitt", "Heading 2") in styled
    assert ("Inte i innehåll", "Mellanrubrik 2") in styled
    assert ("A B", S.SIGNATURE_NAME) in styled and ("Norrvika den ____", S.PLACE_AND_DATE) in styled
    # Each numbered list starts again at 1: its own w:num.
    num_ids = {p.text: p._p.pPr.numPr.numId.val  # type: ignore[attr-defined, union-attr]
               for p in paragraphs(word)
               if p._p.pPr is not None and p._p.pPr.numPr is not None}
    assert num_ids["ett"] == num_ids["två"] != num_ids["igen ett"]
    # Links: external by relationship, internal to the section's bookmark.
    links = list(word.element.body.iter(qn("w:hyperlink")))
    assert any(link.get(qn("r:id")) for link in links)
    assert any(link.get(qn("w:anchor")) for link in links
               if style_id(link.getparent()) == "Ingress")
    # Windows line ending → exactly one line break.
    lead = next(p for p in paragraphs(word) if style_name(p) == "Ingress")
    assert len(list(lead._p.iter(qn("w:br")))) == 2
    # The table: colspan, line break in a cell, alignment, sum row.
    [docx_table] = data_tables(word)
    assert table_rows(docx_table) == [["Rubrik", "Belopp"], ["rad 1\nrad 2", "1 234", "5 %"],
                                      ["Summa", "1 234", ""]]
    assert docx_table._tbl.tr_lst[0].tc_lst[1].grid_span == 2
    # The page break is carried by the paragraph before the caption-less… captioned table.
    caption = next(p for p in paragraphs(word) if p.text == table.caption)
    assert caption.paragraph_format.page_break_before
    assert [d.get("descr") for d in word.element.body.iter(qn("wp:docPr"))] == \
        ["Logotyp", "Relativ sökväg"]


def test_unknown_block_kind_is_an_internal_error():
    class Chart:  # a kind some future section might add without telling the DOCX renderer
        kind = "chart"

    with pytest.raises(UnknownBlockError, match="Chart"):
        render_docx(mini_document((Chart(),)))  # type: ignore[arg-type]


def test_text_that_xml_cannot_hold_never_reaches_the_file():
    """Upstream cleaning warns; the renderer still guarantees well-formed XML."""
    nasty = "a\x00b\x0bc\x1fd\ufffe"
    blocks = (Paragraph((Run(nasty),)), Heading(3, nasty),
              Table("t", nasty, (Row((Cell(nasty, CellKind.HEADER),)),),
                    (Row((Cell(nasty, CellKind.LABEL),)),)))
    word = open_docx(render_docx(mini_document(blocks)))
    texts = [p.text for p in paragraphs(word)]
    assert "abcd" in texts
    assert table_rows(data_tables(word)[0]) == [["abcd"], ["abcd"]]


def test_draft_is_marked_in_header_and_on_cover(example_prepared):
    draft = dataclasses.replace(example_prepared.document, draft=True)
    word = open_docx(render_docx(draft))
    cover, section = word.sections
    assert "UTKAST" in "\n".join(p.text for p in section.header.paragraphs)
    assert "UTKAST" in "\n".join(p.text for p in cover.header.paragraphs)
    cover = [p.text for p in paragraphs(word)[:6]]
    assert any(text.startswith("UTKAST") for text in cover)
    assert "Årsredovisning 2023 (utkast)" in cover
    assert word.core_properties.content_status == "Utkast"


# -- control characters in the YAML -----------------------------------------------------------
def test_yaml_field_with_nul_and_vertical_tab_builds_with_a_warning(tmp_path, capsys):
    from reportgen.commands.build import build

    content = tmp_path / "content"
    shutil.copytree(EXAMPLE.parent, content)
    yaml_file = content / EXAMPLE.name
    text = yaml_file.read_text(encoding="utf-8")
    visiting = "besöksadress: Medborgarhuset, Storgatan 14, 1 tr, Norrvika"
    web = "webb: www.bergsjodalen-finsam.se"
    assert visiting in text and web in text
    text = text.replace(  # escaped in a quoted YAML string: the string holds NUL and VT
        visiting, 'besöksadress: "Medborgarhuset,\\0 Storgatan 14\\v, 1 tr, Norrvika"')
    text = text.replace(web, "webb: www.bergsjodalen\x0b-finsam\x00.se")  # raw in the file
    yaml_file.write_text(text, encoding="utf-8")

    [written] = build(yaml_file, tmp_path / "out", ["docx"], draft=False)
    warnings = capsys.readouterr().err
    assert "styrtecken" in warnings
    assert "förbund.adress.besöksadress" in warnings
    word = open_docx(written)
    contact = next(p.text for p in paragraphs(word) if style_name(p) == S.CONTACT)
    assert "Besöksadress: Medborgarhuset, Storgatan 14, 1 tr, Norrvika" in contact
    assert "Webbplats: www.bergsjodalen-finsam.se" in contact
    with zipfile.ZipFile(io.BytesIO(written.read_bytes())) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", xml)


# -- through LibreOffice (slow) ---------------------------------------------------------------
STATEMENT_TABLES = ("resultaträkning", "balansräkning")


@pytest.mark.slow
def test_libreoffice_pdf_has_every_heading_and_statement_figure(example_docx_pdf,
                                                                 example_prepared):
    text = normalise(example_docx_pdf["text"])
    document = example_prepared.document
    for section in document.walk_sections():
        assert normalise(section.heading) in text, section.heading
    tables = {t.id: t for t in document.tables()}
    for table_id in STATEMENT_TABLES:
        table = tables[table_id]
        for row in table.body:
            for cell in row.cells:
                if cell.kind in NUMERIC and cell.text:
                    assert normalise(cell.text) in text, (table_id, row.cells[0].text, cell.text)
            label = normalise(row.cells[0].text)
            assert label in text or set(label.split()) <= set(text.split()), label
    for figure in ("4 507 990", "-4 360 316", "147 674", "159 492", "2 038 080", "1 905 499",
                   "132 581", "1 876 908", "-186 813"):
        assert figure in text, figure


@pytest.mark.slow
def test_kansli_can_edit_paragraph_and_table_and_libreoffice_still_converts(
        example_build, tmp_path):
    word = open_docx(example_build["docx"])
    paragraph = next(p for p in paragraphs(word) if style_name(p) == "Body Text" and p.text)
    paragraph.text = "Kansliet har skrivit om det här stycket."
    table = next(t for t in data_tables(word) if table_rows(t)[0][0] == "Belopp i kr"
                 and any(r[0] == "Verksamhetens intäkter" for r in table_rows(t)))
    row = next(r for r in table.rows if r.cells[0].text == "Verksamhetens intäkter")
    row.cells[-1].paragraphs[0].runs[0].text = "4 509 999"
    added = table.add_row()
    added.cells[0].text = "Ny rad från kansliet"
    added.cells[-1].text = "1 111"
    edited = tmp_path / "redigerad.docx"
    word.save(str(edited))

    pdf = libreoffice_pdf(edited, tmp_path / "pdf", tmp_path / "lo-profile")
    text = normalise(pdf_text(pdf))
    assert "Kansliet har skrivit om det här stycket." in text
    assert "4 509 999" in text and "Ny rad från kansliet" in text and "1 111" in text
    assert docx_headings(edited) == docx_headings(example_build["docx"])


def test_toc_page_numbers_are_estimated_in_reading_order(example_docx):
    pages = [int(line.rsplit("\t", 1)[1]) for line in toc_lines(example_docx)]
    assert pages[0] == 3  # cover, table of contents, then the report
    assert pages == sorted(pages)
    assert pages[-1] > pages[0] + 10  # the estimate follows the content, not only breaks


def test_a_paragraph_added_in_a_table_cell_takes_the_cells_width(word):
    """Word gives a paragraph the kansli adds in a table cell (a new row) the Normal style:
    it has no right indent, so the text is not squeezed to a letter a line; the measure
    of running text is Body Text's."""
    from docx.shared import Twips

    styles = {s.name: s for s in word.styles}
    normal, body = styles["Normal"], styles[S.BODY]
    assert (normal.paragraph_format.right_indent or 0) == 0
    assert body.base_style is not None and body.base_style.name == "Normal"
    assert body.paragraph_format.right_indent > Twips(1000)  # the measure
    prose = [p for p in paragraphs(word) if p.text.strip() and style_name(p) == S.BODY]
    assert len(prose) > 50  # running text is Body Text

"""What stays together across a page break, decided in the report model and followed by the
PDF and the DOCX: a lead-in paragraph (or a goal's Bedömning) with the table after it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT
from docx_extract import libreoffice_pdf, pdf_pages

from reportgen.document.model import Block, Paragraph, Section, Table

FIXTURES = ROOT / "tests" / "fixtures"
GRANASEN = FIXTURES / "granasen" / "2023.yaml"
ALVMORA = FIXTURES / "alvmora" / "2024.yaml"
BOARD_LEAD_IN = "Styrelsen har haft följande sammansättning under 2023."


def _blocks(blocks: tuple[Block | Section, ...]) -> list[Block]:
    out: list[Block] = []
    for block in blocks:
        out += _blocks(block.blocks) if isinstance(block, Section) else [block]
    return out


@pytest.fixture(scope="module")
def prepared():  # type: ignore[no-untyped-def]
    from reportgen.pipeline import prepare

    return {name: prepare(path) for name, path in (("granasen", GRANASEN), ("alvmora", ALVMORA))}


def test_the_paragraph_before_a_table_keeps_with_it(prepared) -> None:  # type: ignore[no-untyped-def]
    blocks = _blocks(prepared["granasen"].document.sections)
    [lead_in] = [b for b in blocks if isinstance(b, Paragraph) and b.text == BOARD_LEAD_IN]
    assert lead_in.keep_with_next
    assert isinstance(blocks[blocks.index(lead_in) + 1], Table)
    for block, after in zip(blocks, blocks[1:], strict=False):
        if isinstance(block, Paragraph) and not isinstance(after, Table | Paragraph):
            assert not block.keep_with_next, block.text  # only lead-ins


def test_a_bedomning_keeps_with_its_matt_table(prepared) -> None:  # type: ignore[no-untyped-def]
    blocks = _blocks(prepared["alvmora"].document.sections)
    kept = 0
    for block, after in zip(blocks, blocks[1:], strict=False):
        if isinstance(block, Paragraph) and block.style.startswith("status") \
                and isinstance(after, Table):
            assert block.keep_with_next, block.text
            kept += 1
    assert kept >= 3


def test_html_and_docx_follow_the_model(prepared) -> None:  # type: ignore[no-untyped-def]
    import lxml.html
    from docx_extract import body_paragraphs, open_docx

    from reportgen.render.docx import render_docx
    from reportgen.render.html import render_html

    document = prepared["granasen"].document
    tree = lxml.html.fromstring(render_html(document).encode())
    [p] = [p for p in tree.iter("p") if p.text_content() == BOARD_LEAD_IN]
    assert "keep-next" in p.get("class", "").split()
    word = open_docx(render_docx(document))
    [wp] = [p for p in body_paragraphs(word) if p.text == BOARD_LEAD_IN]
    assert wp.paragraph_format.keep_with_next


def _page_of(pages: list[str], text: str) -> int:
    [page] = [n for n, t in enumerate(pages, start=1) if text in t]
    return page


@pytest.mark.slow
def test_lead_ins_stand_on_their_tables_page_in_pdf_and_docx(tmp_path: Path) -> None:
    """The reviewer's pages: granasen PDF p.4 and DOCX p.4, alvmora PDF p.6 left a lead-in
    at the bottom of a page and its table on the next."""
    from reportgen.commands.build import build

    out = tmp_path / "gra"
    paths = {p.suffix: p for p in build(GRANASEN, out, ["pdf", "docx"], draft=False)}
    docx_pdf = libreoffice_pdf(paths[".docx"], tmp_path / "lo", tmp_path / "lo-profile")
    for pdf in (paths[".pdf"], docx_pdf):
        pages = pdf_pages(pdf)
        assert _page_of(pages, BOARD_LEAD_IN) == _page_of(pages, "Styrelsens sammansättning"), pdf
    [alvmora_pdf] = build(ALVMORA, tmp_path / "alv", ["pdf"], draft=False)
    pages = pdf_pages(alvmora_pdf)
    assert _page_of(pages, "Bedömning: ○ ej uppfyllt") == _page_of(pages, "Genomsnittlig tid i")


# -- short tables whole, footnotes with their tables -----------------------------------------
LJUNGADALEN = FIXTURES / "ljungadalen" / "2024.yaml"


def _table(document, table_id: str) -> Table:  # type: ignore[no-untyped-def]
    [table] = [t for t in document.tables() if t.id == table_id]
    return table


def test_a_note_that_may_break_never_leaves_fewer_than_three_rows_alone(example_prepared) -> None:  # type: ignore[no-untyped-def]
    """The reviewer's: ljungadalen's Not 4 (7 rows and its header) left two rows and its sum
    on a page. A note of at most KEEP_WHOLE_ROWS rows is kept whole ; a
    longer one may break (moving it whole would leave more than a quarter of a page empty,
    tests/test_design.py), but only with ROWS_AT_A_BREAK rows on each side of the break."""
    from reportgen.document import layout
    from reportgen.pipeline import prepare

    ljungadalen = prepare(LJUNGADALEN).document
    short = [t for t in example_prepared.document.tables() if t.id.startswith("not-")
             and not t.breakable and len(t.header) + len(t.body) <= layout.KEEP_WHOLE_ROWS]
    assert short and all(t.keep_whole for t in short)
    for document, table_id in ((ljungadalen, "not-4"), (example_prepared.document, "not-5")):
        table = _table(document, table_id)
        assert not table.keep_whole, table_id
        rows = len(table.body)
        for index in range(rows - 1):
            if index < layout.ROWS_AT_A_BREAK - 1 or index >= rows - layout.ROWS_AT_A_BREAK:
                assert table.keeps_with_next(index), (table_id, index)
        assert not all(table.keeps_with_next(i) for i in range(rows - 1)), table_id


def test_a_footnote_keeps_with_its_tables_last_row(example_prepared) -> None:  # type: ignore[no-untyped-def]
    import lxml.html
    from docx.oxml.ns import qn
    from docx_extract import data_tables, open_docx, table_caption

    from reportgen.render.docx import render_docx
    from reportgen.render.html import render_html

    document = example_prepared.document
    table = _table(document, "sammanstallning")
    assert table.footnote and not table.keep_whole
    assert table.keeps_with_next(len(table.body) - 1)
    tree = lxml.html.fromstring(render_html(document).encode())
    last = tree.get_element_by_id("tabell-sammanstallning").findall(".//tbody/tr")[-1]
    assert "keep-next" in last.get("class", "").split()
    [word_table] = [t for t in data_tables(open_docx(render_docx(document)))
                    if table_caption(t) == table.caption]
    last_row = word_table._tbl.tr_lst[-1]
    assert all(p.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None
               for p in last_row.iter(qn("w:p")))


@pytest.mark.slow
def test_short_notes_and_footnotes_stand_with_their_tables(example_docx_pdf, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from reportgen.commands.build import build

    [pdf] = build(LJUNGADALEN, tmp_path, ["pdf"], draft=False)
    pages = pdf_pages(pdf)
    first = _page_of(pages, "Not 4. Kortfristiga")
    if "Summa kortfristiga skulder" not in pages[first - 1]:  # broken: three rows on each side
        rows = pages[first - 1].split("Not 4. Kortfristiga", 1)[1].split("2023-12-31", 1)[1]
        assert len(re.findall(r"\d \d{3}\s", rows)) >= 2 * 3, rows  # two years a row
        assert len(re.findall(r"\d \d{3}\s", pages[first].split("Not 5.")[0])) >= 2 * 3
    pages = pdf_pages(example_docx_pdf["pdf"])
    page = pages[_page_of(pages, "Not 5. Kortfristiga") - 1]
    if "Summa " not in page.split("Not 5. Kortfristiga", 1)[1]:  # the note's sum row
        following = pages[_page_of(pages, "Not 5. Kortfristiga")].split("Not 6")[0]
        assert len(re.findall(r"\d \d{3}\s", following.split("Summa ")[0])) >= 2 * 2
    footnotes = [n for n, t in enumerate(pages, 1) if "avrundningar inte går jämnt ut" in t]
    assert footnotes  # the rounding footnotes (the sammanställning's among them)
    for page in footnotes:  # each on a page with rows of its table, not alone
        assert len(pages[page - 1].split("avrundningar inte går jämnt ut")[0].split()) > 60, page


# -- signatures -------------------------------------------------------------------------------
def _signatories(document) -> list[list[str]]:  # type: ignore[no-untyped-def]
    from reportgen.document.model import SignatureBlock

    return [[s.name for s in b.signatories] for b in _blocks(document.sections)
            if isinstance(b, SignatureBlock)]


def test_docx_signatures_do_not_chain_into_one_block(prepared) -> None:  # type: ignore[no-untyped-def]
    """The reviewer's alvmora DOCX p.14: the whole chapter of signatures was one chain of
    kept paragraphs (every signature line keeps with the next), so Word broke it anywhere and
    left "Revisorer", its text and date alone. Now the title, attestation and date keep with
    the first line of signatures (a row of their table), the last line but one with the last,
    no more: the list does not chain on to what follows, and a line may start a page."""
    from docx.oxml.ns import qn
    from docx.table import _Cell
    from docx.text.paragraph import Paragraph as DocxParagraph
    from docx_extract import open_docx

    from reportgen.render import docx_styles as S
    from reportgen.render.docx import render_docx

    document = prepared["alvmora"].document
    word = open_docx(render_docx(document))

    def keeps(p) -> bool:  # type: ignore[no-untyped-def]
        direct = p.paragraph_format.keep_with_next
        return bool(p.style.paragraph_format.keep_with_next if direct is None else direct)

    tables = {_Cell(t._tbl.tr_lst[0].tc_lst[0], t).paragraphs[0].text: t for t in word.tables
              if t._tbl.tr_lst}
    for names in _signatories(document):
        table = tables[names[0]]
        before = table._tbl.getprevious()
        while before is not None and before.tag == qn("w:p"):
            p = DocxParagraph(before, word._body)
            if p.style.name not in (S.PLACE_AND_DATE, S.PARAGRAPH_STYLES["attestation"]):
                break
            assert keeps(p), p.text
            before = before.getprevious()
        rows = [[p for tc in tr.tc_lst for p in _Cell(tc, table).paragraphs]
                for tr in table._tbl.tr_lst]
        chained = [all(keeps(p) for p in row) for row in rows]
        assert chained[-1] is False  # the list does not chain on to what follows
        if len(rows) > 2:
            assert not all(chained[:-1])  # some line of signatures may start a page


@pytest.mark.slow
def test_no_signature_stands_alone_and_auditors_keep_their_heading(tmp_path: Path) -> None:
    """The reviewer's alvmora PDF p.17 held one signature alone; its DOCX p.14 ended with the
    heading "Revisorer", its text and date, the auditors' signatures all on p.15."""
    from reportgen.commands.build import build
    from reportgen.pipeline import prepare

    names = [n for block in _signatories(prepare(ALVMORA).document) for n in block]
    paths = {p.suffix: p for p in build(ALVMORA, tmp_path, ["pdf", "docx"], draft=False)}
    docx_pdf = libreoffice_pdf(paths[".docx"], tmp_path / "lo", tmp_path / "lo-profile")
    for pdf in (paths[".pdf"], docx_pdf):
        pages = pdf_pages(pdf)
        chapter = [n for n, t in enumerate(pages) if "revisorernas underskrifter" in t][-1]
        on_page = [sum(n in page for n in names) for page in pages[chapter:]]
        assert sum(on_page) == len(names)
        assert all(count != 1 for count in on_page), (pdf, on_page)
        auditors = [n for n, t in enumerate(pages, 1) if "Revisorer" in t][-1]
        assert "Kerstin Åman" in pages[auditors - 1].split("Revisorer")[-1], pdf

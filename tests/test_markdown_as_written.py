"""Markdown as written (issue 10, item 4): an ordered list keeps its start number, a
figure filled in never becomes Markdown syntax, a block quote is a quote, in the
report model and in HTML, DOCX and PDF alike."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest
from check_expected import utan_exemplets_varningar
from conftest import ROOT
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph as DocxParagraph
from docx_extract import iter_blocks, open_docx, style_name

from reportgen.document.markdown import to_blocks
from reportgen.document.model import (
    Block,
    Cover,
    Document,
    ListBlock,
    Paragraph,
    Quote,
    Section,
)
from reportgen.figures import Figur
from reportgen.findings import UserError
from reportgen.render import docx_styles as S
from reportgen.render.docx import render_docx
from reportgen.render.html import render_html

LISTS = ("Inledning.\n\n2023. Året då förbundet bildades.\n\nMellan.\n\n3. tredje\n4. fjärde\n\n"
         "Slut.\n\n1. ett\n")
QUOTE = "> Ett citat ur protokollet\n> på två rader.\n"


def mini_document(blocks: tuple[Block, ...]) -> Document:
    cover = Cover("Testförbundet", "222000-0000", "Årsredovisning",
                  "För räkenskapsåret 1 januari – 31 december 2023", None, None,
                  ("Postadress: Box 1",))
    return Document("Årsredovisning 2023", "Test", "Testförbundet", "sv-SE", cover,
                    (Section("kap", "1", "Kapitel", 1, blocks, page_break_before=True),),
                    base_dir=ROOT / "content")


def paragraphs(word: docx.document.Document) -> list[DocxParagraph]:
    return [b for b in iter_blocks(word) if isinstance(b, DocxParagraph)]


def list_start(word: docx.document.Document, paragraph: DocxParagraph) -> int | None:
    """The number a numbered paragraph's list starts at (its w:num's start override)."""
    numpr = paragraph._p.pPr.numPr if paragraph._p.pPr is not None else None
    if numpr is None:
        return None
    level = numpr.ilvl.val
    num = word.part.numbering_part.element.num_having_numId(numpr.numId.val)
    for override in num.findall(qn("w:lvlOverride")):
        if int(override.get(qn("w:ilvl"))) == level:
            return int(override.find(qn("w:startOverride")).get(qn("w:val")))
    return 1


# -- ordered lists keep their start number ------------------------------------------------------
def test_an_ordered_list_keeps_its_start_number_in_the_model_and_html():
    blocks = to_blocks(LISTS)
    lists = [b for b in blocks if isinstance(b, ListBlock)]
    assert [(b.ordered, b.start, len(b.items)) for b in lists] == \
        [(True, 2023, 1), (True, 3, 2), (True, 1, 1)]
    html = render_html(mini_document(blocks))
    assert '<ol start="2023"' in html and '<ol start="3"' in html
    assert html.count("<ol>") == 1  # the list written from 1 needs no start


def test_an_ordered_list_keeps_its_start_number_in_docx():
    word = open_docx(render_docx(mini_document(to_blocks(LISTS))))
    starts = {p.text: list_start(word, p) for p in paragraphs(word)}
    assert starts["Året då förbundet bildades."] == 2023
    assert starts["tredje"] == starts["fjärde"] == 3
    assert starts["ett"] == 1
    assert starts["Mellan."] is None


# -- a figure never becomes Markdown ------------------------------------------------------------
def test_a_figure_at_a_line_start_is_text_not_a_list_number():
    blocks = to_blocks(("", Figur("2023"), ". Året då figuren stod först.\n"))
    assert blocks == (Paragraph(blocks[0].runs),)  # one paragraph, no list
    assert blocks[0].text == "2023. Året då figuren stod först."


def test_a_figure_is_shown_exactly_as_its_text():
    (block,) = to_blocks(("Se ", Figur("*5* # _x_ [a](b)"), " och **fet**."))
    assert isinstance(block, Paragraph)
    assert block.text == "Se *5* # _x_ [a](b) och fet."
    assert [r.bold for r in block.runs] == [False, True, False]


def test_a_figure_in_a_link_is_filled_in():
    (block,) = to_blocks(("[Rapporten](https://exempel.se/ar-", Figur("2023"), ".pdf)",))
    assert [(r.text, r.href) for r in block.runs] == \
        [("Rapporten", "https://exempel.se/ar-2023.pdf")]


@pytest.fixture
def content(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(ROOT / "content", target)
    return target


def test_a_year_figure_at_a_line_start_stays_a_sentence_in_html_and_docx(content):
    from reportgen.pipeline import prepare

    md = content / "text" / "personal.md"
    md.write_text(md.read_text(encoding="utf-8")
                  + "\n{{ år }}. Året då förbundet fick en ny förbundschef.\n", encoding="utf-8")
    document = prepare(content / "2023.yaml").document
    html = render_html(document)
    assert '<p class="normal">2023. Året då förbundet fick en ny förbundschef.</p>' in html
    assert "<ol start" not in html
    word = open_docx(render_docx(document))
    (paragraph,) = [p for p in paragraphs(word) if "ny förbundschef" in p.text]
    assert paragraph.text == "2023. Året då förbundet fick en ny förbundschef."
    assert list_start(word, paragraph) is None and style_name(paragraph) == S.BODY


def test_figure_errors_keep_their_line_and_column_in_markdown(content):
    from reportgen.pipeline import prepare

    md = content / "text" / "personal.md"
    lines = md.read_text(encoding="utf-8").splitlines()
    lines += ["", "> Citat med {{ årr }}", "", "3. punkt {{ år }} och {{ årrr }}"]
    md.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(UserError) as error:
        prepare(content / "2023.yaml")
    assert [(f.location.file, f.location.line, f.location.column)
            for f in utan_exemplets_varningar(error.value.findings)] == [
        (md, len(lines) - 2, 16), (md, len(lines), 26)]


# -- block quotes are quotes --------------------------------------------------------------------
def test_a_block_quote_is_a_quote_in_the_model_and_html():
    (quote,) = to_blocks(QUOTE)
    assert isinstance(quote, Quote)
    assert [b.text for b in quote.blocks if isinstance(b, Paragraph)] == \
        ["Ett citat ur protokollet på två rader."]
    html = render_html(mini_document((quote,)))
    assert "<blockquote>\n<p class=\"normal\">Ett citat ur protokollet på två rader.</p>" in html
    assert "<ul>" not in html


def test_a_block_quote_has_the_quote_style_in_docx():
    reference = docx.Document(str(ROOT / "templates" / "reference.docx"))
    assert S.QUOTE in {s.name for s in reference.styles}
    blocks = (*to_blocks(QUOTE), *to_blocks("Efter citatet."))
    word = open_docx(render_docx(mini_document(blocks)))
    styled = {p.text: style_name(p) for p in paragraphs(word)}
    assert styled["Ett citat ur protokollet på två rader."] == S.QUOTE
    assert styled["Efter citatet."] == S.BODY
    quoted = next(p for p in paragraphs(word) if p.text.startswith("Ett citat"))
    assert quoted._p.pPr.numPr is None  # not a bullet


@pytest.mark.slow
def test_pdf_text_keeps_start_numbers_and_shows_the_quote_without_a_bullet(tmp_path):
    from docx_extract import pdf_text

    from reportgen.render.pdf import render_pdf

    pdf = tmp_path / "m.pdf"
    pdf.write_bytes(render_pdf(mini_document((*to_blocks(LISTS), *to_blocks(QUOTE)))))
    text = pdf_text(pdf)
    assert "2023. Året då förbundet bildades." in text
    assert "3. tredje" in text and "4. fjärde" in text
    quote_line = next(line for line in text.splitlines() if "Ett citat" in line)
    assert "•" not in quote_line

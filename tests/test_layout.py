"""Layout decisions live once, in the report model (reportgen/document/layout.py and the
model's properties): the HTML and the DOCX follow them and so agree with each other.

What is decided: whether a table is kept whole, which cells align right and which label
their row, whether a signature block's attestation is printed, the draft marking, the
cover's, table of contents' and footer's texts.
"""

from __future__ import annotations

import ast
import re

import lxml.html
import pytest
from conftest import ROOT
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph as DocxParagraph
from docx_extract import cover_paragraphs, data_tables, iter_blocks, open_docx, style_name

from reportgen.document.model import (
    Cell,
    CellKind,
    Cover,
    Document,
    Row,
    Section,
    Signatory,
    SignatureBlock,
    Table,
)
from reportgen.render import docx_styles as S
from reportgen.render.docx import render_docx
from reportgen.render.html import render_html

AMOUNT_STYLES = {S.TABLE_AMOUNT, S.TABLE_SUM_AMOUNT, S.TABLE_HEADING_AMOUNT}


def document(*blocks, draft: bool = False) -> Document:  # type: ignore[no-untyped-def]
    cover = Cover("Testförbundet", "222000-0000", "Årsredovisning",
                  "För räkenskapsåret 1 januari – 31 december 2023", None, None,
                  ("Postadress: Box 1",))
    return Document("Årsredovisning 2023", "Test", "Testförbundet", "sv-SE", cover,
                    (Section("kap", "1", "Kapitel", 1, tuple(blocks)),), draft=draft,
                    base_dir=ROOT / "content")


def paragraphs(word) -> list[DocxParagraph]:  # type: ignore[no-untyped-def]
    return [b for b in iter_blocks(word) if isinstance(b, DocxParagraph)]


def html_of(doc: Document):  # type: ignore[no-untyped-def]
    return lxml.html.fromstring(render_html(doc).encode("utf-8"))


def classes(element) -> set[str]:  # type: ignore[no-untyped-def]
    return set((element.get("class") or "").split())


# -- what the HTML and the DOCX say about a table -------------------------------------------
def html_tables(tree) -> dict[str, tuple[bool, list[list[bool]], list[bool]]]:  # type: ignore[no-untyped-def]
    """Table id → (kept whole, per row and cell: aligned right, per row: first cell is a TH)."""
    out = {}
    for table in tree.iter("table"):
        keep = "keep" in classes(table.getparent())
        rows = [tr for tr in table.iter("tr")]
        numeric = [["num" in classes(c) for c in tr if c.tag in ("th", "td")] for tr in rows]
        row_header = [tr[0].get("scope") == "row" for tr in rows]
        out[table.get("id").removeprefix("tabell-")] = (keep, numeric, row_header)
    return out


def docx_tables(data: bytes) -> list[tuple[bool, list[list[bool]]]]:
    """Per Word table: (kept whole, per row and cell: styled as a figure)."""
    word = open_docx(data)
    names = {s.style_id: s.name for s in word.styles}
    out = []
    for table in data_tables(word):
        rows = table._tbl.tr_lst
        numeric = []
        for tr in rows:
            styles = []
            for tc in tr.tc_lst:
                p = tc.p_lst[0]
                style_id = p.pPr.pStyle.val if p.pPr is not None and p.pPr.pStyle is not None \
                    else None
                styles.append(names.get(style_id, S.NORMAL) in AMOUNT_STYLES)
            numeric.append(styles)
        kept = [all(p.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None
                    for tc in tr.tc_lst for p in tc.p_lst) for tr in rows]
        # the last row keeps with a footnote under the table (Table.keeps_with_next)
        footnote = table._tbl.getnext() is not None and any(
            s.get(qn("w:val")) == word.styles[S.TABLE_FOOTNOTE].style_id
            for s in table._tbl.getnext().iter(qn("w:pStyle")))
        out.append((all(kept[:-1]) and kept[-1] == footnote, numeric))
    return out


def model_table(table: Table) -> tuple[bool, list[list[bool]], list[bool]]:
    placed = [table.placed(r, header=True) for r in table.header] + [
        table.placed(r) for r in table.body]
    return (table.keep_whole, [[c.numeric for c in row] for row in placed],
            [bool(row) and row[0].row_header for row in placed])


def test_every_table_of_the_example_is_laid_out_as_the_model_says_in_html_and_docx(
        example_prepared) -> None:  # type: ignore[no-untyped-def]
    doc = example_prepared.document
    tables = list(doc.tables())
    in_html = html_tables(html_of(doc))
    in_docx = docx_tables(render_docx(doc))
    assert len(in_docx) == len(tables) == len(in_html)
    assert {t.keep_whole for t in tables} == {True, False}  # both cases occur
    for table, (docx_keep, docx_numeric) in zip(tables, in_docx, strict=True):
        keep, numeric, row_header = model_table(table)
        assert in_html[table.id] == (keep, numeric, row_header), table.id
        assert docx_keep == keep, table.id
        # A note reference has a style of its own in Word (it is centred, not a figure).
        figures = [[n and c.kind is not CellKind.NOTE for n, c in zip(row, r.cells, strict=True)]
                   for row, r in zip(numeric, (*table.header, *table.body), strict=True)]
        assert docx_numeric == figures, table.id


def test_the_keep_whole_limit_is_the_models_in_both_outputs(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from reportgen.document import layout

    monkeypatch.setattr(layout, "KEEP_WHOLE_ROWS", 3)
    head = (Row((Cell("Belopp i kr", CellKind.HEADER), Cell("2023", CellKind.HEADER))),)

    def body(n: int) -> tuple[Row, ...]:
        return tuple(Row((Cell(f"Rad {i}", CellKind.LABEL), Cell("1", CellKind.AMOUNT)))
                     for i in range(n))

    short, long = Table("kort", "Kort", head, body(2)), Table("lang", "Lång", head, body(3))
    assert (short.keep_whole, long.keep_whole) == (True, False)
    doc = document(short, long)
    in_html = html_tables(html_of(doc))
    assert (in_html["kort"][0], in_html["lang"][0]) == (True, False)
    assert [keep for keep, _ in docx_tables(render_docx(doc))] == [True, False]


def test_alignment_and_row_labels_are_the_models_in_both_outputs() -> None:
    # A table without row headers whose first column holds figures: its heading and its
    # figures align right. A table with row headers whose first cell is a figure (a year):
    # it labels its row, and does not align right.
    figures_first = Table(
        "belopp-forst", "Belopp först",
        (Row((Cell("Belopp", CellKind.HEADER), Cell("Text", CellKind.HEADER))),),
        (Row((Cell("100", CellKind.AMOUNT), Cell("hundra"))),),
        row_headers=False)
    year_first = Table(
        "ar-forst", "År först",
        (Row((Cell("År", CellKind.HEADER), Cell("Belopp", CellKind.HEADER))),),
        (Row((Cell("2023", CellKind.AMOUNT), Cell("5", CellKind.AMOUNT))),))
    doc = document(figures_first, year_first)
    in_html = html_tables(html_of(doc))
    in_docx = [numeric for _, numeric in docx_tables(render_docx(doc))]
    assert [in_html["belopp-forst"][1], in_html["ar-forst"][1]] == in_docx
    assert in_html["belopp-forst"] == model_table(figures_first) == (
        True, [[True, False], [True, False]], [False, False])
    assert in_html["ar-forst"] == model_table(year_first) == (
        True, [[False, True], [False, True]], [False, True])


# -- signatures ------------------------------------------------------------------------------
def test_attestation_is_printed_only_when_it_has_text_in_html_and_docx() -> None:
    people = (Signatory("Anna Andersson", "Ordförande"),)
    blocks = (SignatureBlock("Styrelsen", "Vi intygar att årsredovisningen är rättvisande.",
                             people, True),
              SignatureBlock("Revisorer", "", people, True),
              SignatureBlock("Ersättare", "  \n", people, True))
    doc = document(*blocks)
    html = [p.text_content() for div in html_of(doc).find_class("signatures")
            for p in div.find_class("attestation")]
    word = open_docx(render_docx(doc))
    attestation = S.PARAGRAPH_STYLES["attestation"]
    in_docx = [p.text for p in paragraphs(word) if style_name(p) == attestation]
    assert html == in_docx == ["Vi intygar att årsredovisningen är rättvisande."]
    assert [b.attestation for b in blocks] == [
        "Vi intygar att årsredovisningen är rättvisande.", None, None]


# -- the texts around the content ------------------------------------------------------------
@pytest.mark.parametrize("draft", [False, True])
def test_draft_cover_toc_and_footer_texts_come_from_the_model(draft: bool) -> None:
    doc = document(draft=draft)
    marking = doc.draft_marking
    assert (marking is not None) == draft
    html = render_html(doc)
    tree = lxml.html.fromstring(html.encode("utf-8"))
    word = open_docx(render_docx(doc))
    body = [p.text for p in paragraphs(word)]
    cover = [p.text_content() for p in tree.find_class("cover")[0].iter("p")]
    in_word = [p.text for p in cover_paragraphs(word)]
    assert doc.cover_title == "Årsredovisning" + (" (utkast)" if draft else "")
    for text in (doc.cover.organisation_number_text, doc.cover_title):
        assert text in cover and text in in_word
    assert tree.find_class("toc-title")[0].text_content() == doc.toc_title == body[
        next(i for i, p in enumerate(paragraphs(word)) if style_name(p) == "TOC Heading")]
    assert tree.find_class("cover")[0].get("aria-label") == doc.cover.label
    assert tree.find(".//meta[@name='keywords']").get("content") == doc.keywords
    assert word.core_properties.keywords == doc.keywords
    numbers = doc.page_numbers
    assert f'content: "{numbers.before}" counter(page) "{numbers.between}" counter(pages)' in html
    footer = "".join(t.text for t in word.sections[-1].footer._element.iter(qn("w:t")))
    assert footer == f"{numbers.before}1{numbers.between}1"
    header = "\n".join(p.text for p in word.sections[-1].header.paragraphs)
    banner = tree.find_class("draft-banner")
    if marking is None:
        assert not banner and "UTKAST" not in html and "UTKAST" not in header
        assert word.core_properties.content_status == ""
    else:
        assert banner[0].text_content() == marking.banner == body[0]
        assert f'@top-center {{ content: "{marking.page_mark}"' in html
        assert marking.page_mark in header
        assert word.core_properties.content_status == marking.status


def test_renderers_hold_none_of_the_layout_texts_and_limits() -> None:
    """The fixed texts (reportgen/wording.py: every one, in its pieces between parameters)
    and the row limit of layout.py are written nowhere in the renderers (the names of Word
    styles in docx_styles.py, "Utkast" and "Försättsblad …", are not texts)."""
    from reportgen.wording import FASTA_TEXTER

    texts = {piece for t in FASTA_TEXTER.values()
             for piece in re.split(r"\{[^{}]+\}", t.standard) if len(piece.strip()) > 3}
    assert {"Innehållsförteckning", "Försättsblad", "UTKAST", "Organisationsnummer ",
            "Vår revisionsberättelse har lämnats."} <= texts
    sources = [*(p for p in (ROOT / "reportgen" / "render").glob("*.py")
                 if p.name != "docx_styles.py"), *(ROOT / "templates").rglob("*.j2"),
               ROOT / "templates" / "report.css"]
    found = []
    for path in sources:
        source = path.read_text(encoding="utf-8")
        if path.suffix == ".py":  # string literals, docstrings left out
            strings = [node.value for node in ast.walk(ast.parse(source))
                       if isinstance(node, ast.Constant) and isinstance(node.value, str)]
            docstrings = {ast.get_docstring(n) for n in ast.walk(ast.parse(source))
                          if isinstance(n, ast.Module | ast.ClassDef | ast.FunctionDef)}
            literals = [s for s in strings if s not in docstrings and s.strip() not in docstrings]
        else:
            literals = [source]
        for literal in literals:
            found += [(path.name, t) for t in texts if t.strip() and t.strip() in literal]
            # the footer's words, as written in a page-number rule or next to a PAGE field
            for number_text in ("Sida ", " av "):
                if re.fullmatch(re.escape(number_text), literal) or f'"{number_text}"' in literal:
                    found.append((path.name, number_text))
        if path.suffix != ".py" and re.search(r"(<=?|>=?)\s*\d{2}\b", source):
            found.append((path.name, "a row limit"))
    assert found == [], found

"""The DOCX behaves like a Word document (issue 15, part 2).

Page numbers in the stored table of contents are where LibreOffice (which does not refresh
fields) puts the headings; sub-headings, captions and table lead-ins are paragraph styles that
keep with what follows; chapter numbers are Word's heading numbering; hyphens in dates and
organisation numbers do not break; no word is broken inside a table cell; Inter, the PDF's
typeface, is embedded and used.
"""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from conftest import EXAMPLE, ROOT, walk_blocks
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph as DocxParagraph
from docx_extract import (
    body_paragraphs,
    bold_by_style,
    cover_paragraphs,
    data_tables,
    iter_blocks,
    libreoffice_convert,
    list_labels,
    normalise,
    open_docx,
    pdf_pages,
    shown_text,
    style_chain,
    style_name,
    table_rows,
)
from fontTools.ttLib import TTFont

from reportgen.document.model import Paragraph
from reportgen.findings import UserError
from reportgen.render import docx_styles as S
from reportgen.render.docx import render_docx
from reportgen.render.docx_blocks import column_widths
from reportgen.render.docx_pages import Line, Row, TableBox, layout

FIXTURES = ROOT / "tests" / "fixtures"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@pytest.fixture(scope="module")
def word(example_prepared):  # type: ignore[no-untyped-def]
    return open_docx(render_docx(example_prepared.document))


def keeps_with_next(paragraph: DocxParagraph) -> bool:
    """keepNext in effect: the paragraph's own setting, else the nearest style's."""
    if paragraph.paragraph_format.keep_with_next is not None:
        return bool(paragraph.paragraph_format.keep_with_next)
    for style in style_chain(paragraph.style):
        if style.paragraph_format.keep_with_next is not None:
            return bool(style.paragraph_format.keep_with_next)
    return False


# -- sub-headings, captions, lead-ins ----------------------------------------------------------
SUB_HEADINGS = ("Insatsens mål", "Målgrupp", "Finansiering", "Resultat", "Innehåll",
                "Deltagare", "Aktiviteter")


def test_no_sub_heading_is_direct_formatted_normal_text(word, example_prepared):
    """A paragraph that is all bold is a sub-heading: it has a style that says so."""
    labels = [b for b in walk_blocks(example_prepared.document.sections)
              if isinstance(b, Paragraph) and b.style == "label"]
    assert len(labels) >= 40, "the example's insatser and goals have sub-headings"
    seen = {}
    for p in body_paragraphs(word):
        texts = [r for r in p._p.iter(qn("w:r")) if "".join(t.text or "" for t in r.iter(qn("w:t"))
                                                           ).strip()]
        if texts and all(r.find(f"{qn('w:rPr')}/{qn('w:b')}") is not None for r in texts):
            pytest.fail(f"{p.text!r} is {style_name(p)} with direct bold, not a style")
        if style_name(p) == S.PARAGRAPH_STYLES["label"]:
            seen[p.text] = seen.get(p.text, 0) + 1
            assert bold_by_style(p), p.text
    assert sum(seen.values()) == len(labels)
    assert set(SUB_HEADINGS) <= set(seen)


def test_captions_sub_headings_and_headings_keep_with_the_next_paragraph(word):
    kept_styles = {"Caption", S.PARAGRAPH_STYLES["label"], *(S.heading(n) for n in (1, 2, 3, 4)),
                   S.unlisted_heading(1), S.unlisted_heading(2)}
    checked = {name: 0 for name in kept_styles}
    for p in body_paragraphs(word):
        name = style_name(p)
        if name in kept_styles and p.text.strip():
            assert keeps_with_next(p), (name, p.text)
            checked[name] += 1
    assert checked["Caption"] > 20 and checked[S.PARAGRAPH_STYLES["label"]] > 40
    assert checked[S.heading(1)] >= 10 and checked[S.heading(2)] >= 7


def test_a_table_lead_in_stands_right_before_its_caption(word):
    """"Deltagare" introduces the participants' table: it keeps with the caption, which keeps
    with the table."""
    blocks = list(iter_blocks(word))
    found = 0
    for k, block in enumerate(blocks[:-2]):
        if isinstance(block, DocxParagraph) and block.text == "Deltagare" \
                and style_name(block) == S.PARAGRAPH_STYLES["label"]:
            caption = blocks[k + 1]
            assert isinstance(caption, DocxParagraph) and style_name(caption) == "Caption"
            assert keeps_with_next(block) and keeps_with_next(caption)
            assert not isinstance(blocks[k + 2], DocxParagraph)  # the table itself
            found += 1
    assert found >= 1
    # A caption stays with its table, and so does the paragraph right before it when it
    # introduces the table (its lead-in, document/keep.py), as in the PDF.
    from reportgen.document.keep import introduces
    from reportgen.document.model import Paragraph, Run

    def introduces_text(text: str) -> bool:
        return introduces(Paragraph((Run(text),)))

    captions = prose = 0
    for k, block in enumerate(blocks):
        if isinstance(block, DocxParagraph) or k < 2:
            continue
        caption = blocks[k - 1]
        if isinstance(caption, DocxParagraph) and style_name(caption) == "Caption":
            assert keeps_with_next(caption), table_rows(block)[0]
            captions += 1
            before = blocks[k - 2]
            if isinstance(before, DocxParagraph) and style_name(before) == "Body Text" \
                    and before.text.strip():
                # a lead-in that introduces its table keeps with it; a sentence that only
                # stands before it does not (document/keep.py)
                assert keeps_with_next(before) == introduces_text(before.text), before.text
                prose += keeps_with_next(before)
    assert captions > 20 and prose >= 3  # the example's three lead-ins


# -- heading numbers ---------------------------------------------------------------------------
def test_chapter_numbers_are_words_heading_numbering(word, example_prepared):
    labels = list_labels(word)
    heading_1 = word.styles[S.heading(1)]
    numpr = heading_1.element.pPr.find(qn("w:numPr"))
    assert numpr is not None, "Heading 1 is linked to a list"
    numbered = [s for s in example_prepared.document.walk_sections()
                if s.number and re.fullmatch(r"\d+(\.\d+)?", s.number) and s.in_toc]
    assert len(numbered) >= 15
    by_shown = {shown_text(p, labels): p for p in body_paragraphs(word)}
    for section in numbered:
        p = by_shown[section.heading]  # reads as the model's "1.1 Översikt …"
        assert p.text == section.title, "the number is not typed"
        assert labels[p._p] == f"{section.number} "
    # An unnumbered chapter, or one numbered otherwise ("Bilaga 1."), switches the numbering
    # off; its text is as in the model.
    others = [s for s in example_prepared.document.sections if s not in numbered]
    assert len(others) >= 3
    for section in others:
        p = by_shown[section.heading]
        assert p._p.pPr.numPr.numId.val == 0  # type: ignore[union-attr]
        assert p._p not in labels


def test_a_section_added_in_word_is_numbered_by_word(word):
    """The kansli inserts a Heading 2 after 1.2: Word calls it 1.3 and the old 1.3 becomes 1.4."""
    edited = open_docx(_saved(word))
    target = next(p for p in body_paragraphs(edited) if p.text.startswith("Händelser av väsentlig"))
    new = OxmlElement("w:p")
    target._p.addprevious(new)
    added = DocxParagraph(new, target._parent)
    added.style = edited.styles[S.heading(2)]
    added.add_run("Ny rubrik från kansliet")
    labels = list_labels(edited)
    assert shown_text(added, labels) == "1.3 Ny rubrik från kansliet"
    assert shown_text(target, labels) == "1.4 Händelser av väsentlig betydelse"


def _saved(word) -> bytes:  # type: ignore[no-untyped-def]
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


# -- hyphens and narrow cells ------------------------------------------------------------------
def test_dates_and_organisation_numbers_do_not_break_at_their_hyphens(word, example_prepared):
    body = word.element.body
    band = word.sections[0].footer._element  # the cover's band
    for t in (*body.iter(qn("w:t")), *band.iter(qn("w:t"))):
        assert not re.search(r"\d-\d", t.text or ""), t.text
    assert len(list(body.iter(qn("w:noBreakHyphen")))) > 50
    texts = "\n".join(p.text for p in body_paragraphs(word) + cover_paragraphs(word))
    cover = example_prepared.document.cover
    assert cover.organisation_number_text in texts  # python-docx reads the hyphen as "-"
    assert cover.decided in texts  # "Beslutad av styrelsen 2024-03-14"
    cells = "\n".join(c for t in data_tables(word) for r in table_rows(t) for c in r)
    assert "2023-01-01 – 2023-12-31" in cells


def test_columns_widen_for_their_longest_word_and_keep_the_total():
    assert column_widths((50, 50), 2, 1000) == [500, 500]
    assert column_widths((80, 10, 10), 3, 1000, [0, 300, 0]) == [622, 300, 78]
    widths = column_widths((34, 10, 18, 13, 13, 12), 6, 9000, [900, 700, 1900, 700, 900, 900])
    assert sum(widths) == 9000 and widths[2] >= 1900 and widths[1] >= 700
    # When the words cannot all fit, columns share the width as their words need it.
    assert column_widths((50, 50), 2, 1000, [1500, 500]) == [750, 250]


# -- the typeface ------------------------------------------------------------------------------
def _key(guid: str) -> bytes:
    """ECMA-376 Part 1 §17.8.1: the GUID's 16 bytes, last hexadecimal pair first."""
    digits = re.sub(r"[{}-]", "", guid)
    return bytes(int(digits[i:i + 2], 16) for i in range(30, -2, -2))


def test_font_table_embeds_inter_as_truetype(example_prepared):
    data = render_docx(example_prepared.document)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        table = docx.oxml.parse_xml(archive.read("word/fontTable.xml"))
        rels = docx.oxml.parse_xml(archive.read("word/_rels/fontTable.xml.rels"))
        settings = archive.read("word/settings.xml").decode()
        types = archive.read("[Content_Types].xml").decode()
        styles = archive.read("word/styles.xml").decode()
        targets = {r.get("Id"): r.get("Target") for r in rels}
        font = next(f for f in table.iter(qn("w:font")) if f.get(qn("w:name")) == "Inter")
        faces = {}
        for kind in ("embedRegular", "embedBold", "embedItalic", "embedBoldItalic"):
            embed = font.find(qn(f"w:{kind}"))
            assert embed is not None, kind
            part = "word/" + targets[embed.get(qn("r:id"))]
            assert part in names and part.endswith(".odttf")
            key = _key(embed.get(qn("w:fontKey")))
            blob = bytearray(archive.read(part))
            for i in range(32):
                blob[i] ^= key[i % 16]
            faces[kind] = TTFont(io.BytesIO(bytes(blob)))
    assert "<w:embedTrueTypeFonts/>" in settings
    assert types.count("officedocument.obfuscatedFont") in {1, 4}  # by extension or per part
    assert 'w:ascii="Inter"' in styles  # every style's font
    for kind, face in faces.items():
        assert face["name"].getDebugName(1) == "Inter", kind
        assert "glyf" in face and "CFF " not in face, "Word embeds TrueType outlines only"
        assert ord("å") in face.getBestCmap() and ord("–") in face.getBestCmap()
        assert face["OS/2"].fsType == 0  # installable: embedding allowed
    assert {faces[k]["name"].getDebugName(2) for k in faces} == {
        "Regular", "Bold", "Italic", "Bold Italic"}


@pytest.mark.slow
def test_libreoffice_shows_the_embedded_inter(example_docx_pdf):
    installed = subprocess.run(["fc-list", ":family=Inter"], capture_output=True, text=True,
                               check=True).stdout
    assert not installed.strip(), "Inter is installed here: this test could not tell"
    fonts = subprocess.run(["pdffonts", str(example_docx_pdf["pdf"])], capture_output=True,
                           text=True, check=True).stdout.splitlines()[2:]
    names = {line.split()[0].split("+")[-1] for line in fonts}
    assert names == {"Inter-Regular", "Inter-Bold", "Inter-Italic"}, fonts


# -- the table of contents ---------------------------------------------------------------------
def _reports(tmp_path: Path) -> list[Path]:
    """The example and every report fixture under tests/fixtures that builds (as a draft if
    its figures do not agree), as DOCX files."""
    from reportgen.pipeline import prepare

    out = []
    interim = EXAMPLE.parent / "delar" / "2023-08.yaml"  # the delårsrapport example
    for index, yaml in enumerate([EXAMPLE, interim, *sorted(FIXTURES.rglob("*.yaml"))]):
        try:
            try:
                prepared = prepare(yaml)
            except UserError:
                prepared = prepare(yaml, draft=True)
        except UserError:
            continue  # not a report (expected findings, input that must be refused)
        path = tmp_path / f"{index:02d}-{yaml.parent.name}-{yaml.stem}.docx"
        path.write_bytes(render_docx(prepared.document))
        out.append(path)
    return out


def stored_toc(path: Path) -> list[tuple[str, int]]:
    word = open_docx(path)
    out = []
    for p in body_paragraphs(word):
        if re.fullmatch(r"toc \d", style_name(p).lower()):
            heading, page = p.text.rsplit("\t", 1)
            out.append((heading, int(page)))
    return out


def heading_pages(toc: list[tuple[str, int]], pages: list[str]) -> list[int | None]:
    """The page each TOC heading is on in the PDF: searched in order after the TOC itself."""
    last = normalise(toc[-1][0])
    page = next(i for i, text in enumerate(pages) if last in text) + 1  # after the TOC
    found: list[int | None] = []
    for heading, _ in toc:
        wanted = normalise(heading)
        hit = next((i for i in range(page, len(pages)) if wanted in pages[i]), None)
        found.append(None if hit is None else hit + 1)
        if hit is not None:
            page = hit
    return found


@pytest.mark.slow
def test_stored_toc_page_numbers_are_where_libreoffice_puts_the_headings(tmp_path):
    reports = _reports(tmp_path)
    assert len(reports) >= 4, [r.name for r in reports]
    pdfs = libreoffice_convert(reports, "pdf", tmp_path / "pdf", tmp_path / "lo-profile")
    wrong = []
    for report, pdf in zip(reports, pdfs, strict=True):
        toc = stored_toc(report)
        assert len(toc) >= 10, report.name
        for (heading, stored), actual in zip(toc, heading_pages(toc, pdf_pages(pdf)),
                                             strict=True):
            if actual != stored:
                wrong.append(f"{report.name}: {heading}: innehållsförteckningen {stored}, "
                             f"sidan {actual}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.slow
def test_no_word_is_broken_inside_a_table_cell(example_docx_pdf, word):
    """Every word of every cell is whole in LibreOffice's PDF (a word may end a line after its
    hyphen or dash, or at a soft hyphen the text offers, never elsewhere)."""
    tokens = set(normalise(example_docx_pdf["text"]).split())
    broken = set()
    for table in data_tables(word):
        for row in table_rows(table):
            for cell in row:
                for token in normalise(cell).split():
                    whole = token.replace("\u00ad", "")
                    parts = [t for t in re.split(r"(?<=[-–/])|\u00ad", token) if t]
                    if whole not in tokens and not all(p in tokens or p + "-" in tokens
                                                       for p in parts):
                        broken.add(token)
    assert not broken, sorted(broken)


@pytest.mark.slow
def test_a_chapter_added_in_word_is_numbered_in_libreoffice(word, tmp_path):
    edited_doc = open_docx(_saved(word))
    target = next(p for p in body_paragraphs(edited_doc)
                  if p.text.startswith("Händelser av väsentlig"))
    new = OxmlElement("w:p")
    target._p.addprevious(new)
    added = DocxParagraph(new, target._parent)
    added.style = edited_doc.styles[S.heading(2)]
    added.add_run("Ny rubrik från kansliet")
    edited = tmp_path / "ny-rubrik.docx"
    edited_doc.save(str(edited))
    [pdf] = libreoffice_convert([edited], "pdf", tmp_path / "pdf", tmp_path / "lo-profile")
    text = " ".join(pdf_pages(pdf)[3:])
    assert "1.3 Ny rubrik från kansliet" in text
    assert "1.4 Händelser av väsentlig betydelse" in text


# -- the page layout rules, on their own -------------------------------------------------------
PAGE = 100.0


def line(n: int, before: float = 0, after: float = 0, keep_next: bool = False,
         mark: str = "") -> Line:
    return Line(before, [10.0] * n, after, keep_next, False, True,
                bookmarks=(mark,) if mark else ())


def test_a_heading_at_the_foot_of_a_page_moves_with_its_paragraph():
    pages = layout([line(8), line(1, keep_next=True, mark="rubrik"), line(2, mark="text")], PAGE)
    assert pages == {"rubrik": 2, "text": 2}


def test_widow_and_orphan_control():
    # Three lines cannot split 2 + 1 or 1 + 2: the whole paragraph moves.
    assert layout([line(8), line(3, mark="p")], PAGE) == {"p": 2}
    # Five lines with room for one: all move; with room for four: three stay, two go.
    assert layout([line(9), line(5, mark="p"), line(1, mark="q")], PAGE) == {"p": 2, "q": 2}
    pages = layout([line(6), line(5, mark="p"), line(1, mark="q")], PAGE)
    assert pages == {"p": 1, "q": 2}


def test_spacing_between_paragraphs_is_the_larger_of_after_and_before():
    # 8 lines, then max(5, 8) = 8 and a line: 98 fits (the sum, 103, would not).
    assert layout([line(8, after=5), line(1, before=8, mark="p")], PAGE) == {"p": 1}
    # The space after counts too: max(15, 8) = 15 and a line make 105.
    assert layout([line(8, after=15), line(1, before=8, mark="p")], PAGE) == {"p": 2}


def test_a_table_kept_whole_moves_to_the_next_page_with_its_caption():
    rows = [Row(10.0, True, True), *(Row(10.0, False, True) for _ in range(3)),
            Row(10.0, False, False, ("sista",))]
    items = [line(6), line(1, keep_next=True, mark="rubrik"), TableBox(rows)]
    assert layout(items, PAGE) == {"rubrik": 2, "sista": 2}
    # A long table breaks between rows instead; its header row repeats.
    long_rows = [Row(10.0, True, True), *(Row(10.0, False, False) for _ in range(12)),
                 Row(10.0, False, False, ("sista",))]
    assert layout([line(2), TableBox(long_rows)], PAGE) == {"sista": 2}


def test_rows_that_keep_together_move_to_the_next_page_together():
    """A question row keeps with its answers (an indicator grid): at the foot of a page the
    group moves on, the header row repeats above it."""
    def group(mark: str) -> list[Row]:
        return [Row(10.0, False, True, (mark,)), Row(10.0, False, True), Row(10.0, False, False)]

    rows = [Row(10.0, True, True), *group("a"), *group("b")]
    # 4 lines, the header and group a fill 80: two rows of b would fit, not all three.
    assert layout([line(4), TableBox(rows)], PAGE) == {"a": 1, "b": 2}

"""The example PDF as a reader, a screen reader and an archivist see it (issue 6).

All tests read the one PDF the session fixture `example_build` renders.
"""

from __future__ import annotations

import re
import subprocess
from functools import cache
from pathlib import Path

import lxml.html
import pdfstruct
import pikepdf
import pytest
from pypdf import PdfReader

pytestmark = pytest.mark.slow

HEADING = re.compile(r"/H([1-6])")


@cache
def tree(path: Path) -> pdfstruct.Tree:
    return pdfstruct.read(path)


@pytest.fixture(scope="module")
def pdf_path(example_build) -> Path:  # type: ignore[no-untyped-def]
    return example_build["pdf"]


@pytest.fixture(scope="module")
def html_doc(example_build):  # type: ignore[no-untyped-def]
    root = lxml.html.fromstring(example_build["html"].read_bytes())
    for br in root.iter("br"):
        br.tail = " " + (br.tail or "")
    return root


def html_headings(root) -> list[tuple[int, str]]:  # type: ignore[no-untyped-def]
    return [
        (int(h.tag[1]), pdfstruct.norm(h.text_content()))
        for h in root.iter("h1", "h2", "h3", "h4", "h5", "h6")
    ]


def pdf_headings(t: pdfstruct.Tree) -> list[tuple[int, str]]:
    out = []
    for h in t.headings():
        match = HEADING.fullmatch(h.role)
        assert match
        out.append((int(match[1]), t.text(h)))
    return out


# ---- the checker ------------------------------------------------------------------------------
def test_pdfua_checker_finds_nothing(pdf_path: Path) -> None:
    from pdfua import Severity, validate

    report = validate(str(pdf_path))
    counts = report.count_by_severity()
    problems = [f"{f.rule_id} {f.message}" for f in report.findings]
    assert counts[Severity.ERROR] == 0, problems
    assert counts[Severity.WARNING] == 0, problems
    # pdfua 0.1.3 cannot run UA-14-001 (empty headings) on any heading whose /K is an
    # array (a bug in its as_integer helper); test_headings_are_tagged_with_their_text
    # checks the same thing. Any *other* skipped rule would be news.
    assert {o.rule_id for o in report.skipped} <= {"UA-14-001"}


# ---- document level ---------------------------------------------------------------------------
def test_language_title_author_and_pdfua_identification(pdf_path: Path, example_prepared) -> None:  # type: ignore[no-untyped-def]
    document = example_prepared.document
    with pikepdf.open(pdf_path) as pdf:
        assert str(pdf.Root.Lang).startswith("sv")
        assert pdf.Root.MarkInfo.Marked is True
        assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
        assert str(pdf.docinfo.Title) == f"{document.title} – {document.author}"
        assert str(pdf.docinfo.Author) == document.author
        meta = pdf.open_metadata()
        assert meta["dc:title"] == f"{document.title} – {document.author}"
        assert meta["dc:creator"] == [document.author]
        assert meta["pdfuaid:part"] == "1"
        assert "/viewport" not in pdf.docinfo  # no stray HTML <meta> in the PDF


def test_every_font_is_inter_and_embedded(pdf_path: Path) -> None:
    out = subprocess.run(["pdffonts", str(pdf_path)], capture_output=True, text=True, check=True)
    rows = [line.split() for line in out.stdout.splitlines()[2:] if line.strip()]
    assert rows
    for row in rows:
        name, emb = row[0], row[-5]
        assert "+Inter" in name, f"a glyph fell back to another font: {name}"
        assert emb == "yes", f"{name} is not embedded"
    with pikepdf.open(pdf_path) as pdf:
        for page in pdf.pages:
            for font in page.Resources.get("/Font", {}).values():
                descendants = font.get("/DescendantFonts")
                descriptor = (descendants[0] if descendants else font).FontDescriptor
                assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))


def test_amounts_use_tabular_figures(pdf_path: Path) -> None:
    """Inter's tabular digits (the `tnum` substitutes of 0–9) are what the tables show."""
    from fontTools.ttLib import TTFont

    from reportgen.templates_dir import templates_dir

    font = TTFont(templates_dir() / "fonts" / "Inter-Regular.otf")
    order = {name: gid for gid, name in enumerate(font.getGlyphOrder())}
    cmap = font.getBestCmap()
    tnum: dict[str, str] = {}
    gsub = font["GSUB"].table
    for record in gsub.FeatureList.FeatureRecord:
        if record.FeatureTag == "tnum":
            for index in record.Feature.LookupListIndex:
                for sub in gsub.LookupList.Lookup[index].SubTable:
                    tnum.update(getattr(sub, "mapping", {}) or {})
    tabular = {order[tnum[cmap[ord(d)]]] for d in "0123456789"}
    used: set[int] = set()
    with pikepdf.open(pdf_path) as pdf:
        for page in pdf.pages:
            for font_obj in page.Resources.get("/Font", {}).values():
                if "Bold" in str(font_obj.BaseFont):
                    continue
                widths: list = list(font_obj.DescendantFonts[0].get("/W", []))  # type: ignore[type-arg]
                i = 0
                while i < len(widths):  # [first [w w …]] or [first last w]
                    first = int(widths[i])
                    if isinstance(widths[i + 1], pikepdf.Array):
                        used.update(range(first, first + len(widths[i + 1])))
                        i += 2
                    else:
                        used.update(range(first, int(widths[i + 1]) + 1))
                        i += 3
    assert tabular <= used, "the tables do not use Inter's tabular figures"


# ---- pages: cover, running header, footer -----------------------------------------------------
def test_cover_has_no_header_or_footer_and_other_pages_do(pdf_path: Path, example_prepared) -> None:  # type: ignore[no-untyped-def]
    document = example_prepared.document
    pages = pdfstruct.page_texts(pdf_path)
    total = len(pages)
    assert "Sida" not in pages[0]
    # the cover says what the document is ("Årsredovisning 2023"), but carries no running
    # header (the förbund and the title on one line)
    assert document.cover_title in pages[0]
    assert f"{document.author} {document.title}" not in " ".join(pages[0].split())
    for number, text in enumerate(pages[1:], start=2):
        assert f"Sida {number} av {total}" in text, f"page {number}"
        assert document.author in text and document.title in text, f"page {number}"


# ---- structure: headings, outline, table of contents ------------------------------------------
def test_headings_are_tagged_with_their_text(pdf_path: Path, html_doc) -> None:  # type: ignore[no-untyped-def]
    headings = pdf_headings(tree(pdf_path))
    assert headings == html_headings(html_doc)
    assert {level for level, _ in headings} >= {1, 2, 3}
    assert all(text for _, text in headings), "an empty heading"


def test_sections_have_headings_of_their_level(pdf_path: Path, example_prepared) -> None:  # type: ignore[no-untyped-def]
    headings = set(pdf_headings(tree(pdf_path)))
    for section in example_prepared.document.walk_sections():
        assert (section.level, pdfstruct.norm(section.heading)) in headings


def test_outline_has_an_entry_per_heading_on_its_page(pdf_path: Path) -> None:
    t = tree(pdf_path)
    reader = PdfReader(str(pdf_path))
    entries: list[tuple[str, int | None]] = []

    def walk(items) -> None:  # type: ignore[no-untyped-def]
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                entries.append((pdfstruct.norm(item.title), reader.get_destination_page_number(item)))

    walk(reader.outline)
    assert entries == [(t.text(h), h.page) for h in t.headings()]


def test_table_of_contents_page_numbers_are_where_the_headings_are(pdf_path: Path, example_prepared) -> None:  # type: ignore[no-untyped-def]
    t = tree(pdf_path)
    printed: dict[str, int] = {}
    for item in t.elements("/LI"):
        match = re.fullmatch(r"(.*?)\s*(?:\.\s*)+(\d+)", t.text(item))
        if match:
            printed[match[1]] = int(match[2])
    actual = {t.text(h): h.page + 1 for h in t.headings() if h.page is not None}
    entries = example_prepared.document.toc()
    assert entries
    for entry in entries:
        text = pdfstruct.norm(f"{entry.number} {entry.title}" if entry.number else entry.title)
        assert text in printed, f"{text!r} is not in the table of contents"
        assert printed[text] == actual[text], f"{text!r}: printed {printed[text]}"


def test_no_heading_or_caption_ends_a_page(pdf_path: Path) -> None:
    t = tree(pdf_path)
    last: dict[int, pdfstruct.Element] = {}

    def visit(element: pdfstruct.Element) -> None:
        for item in element._ordered:
            if isinstance(item, pdfstruct.Element):
                visit(item)
            elif t.texts.get(item, "").strip():
                last[item[0]] = element

    visit(t.root)
    for page, element in sorted(last.items()):
        roles = {element.role, *(a.role for a in element.ancestors())}
        stranded = roles & {"/H1", "/H2", "/H3", "/H4", "/H5", "/H6", "/Caption"}
        assert not stranded, f"page {page + 1} ends with {stranded}: {t.text(element)!r}"


# ---- tables -----------------------------------------------------------------------------------
def test_every_table_is_tagged_with_caption_rows_and_scoped_headers(pdf_path: Path, html_doc) -> None:  # type: ignore[no-untyped-def]
    t = tree(pdf_path)
    tables = t.elements("/Table")
    captions = {t.text(c): table for table in tables for c in table.children if c.role == "/Caption"}
    for html_table in html_doc.iter("table"):
        caption = html_table.find("caption")
        if caption is None:
            continue
        text = pdfstruct.norm(caption.text_content())
        assert text in captions, f"table {text!r} has no tagged caption"
        table = captions[text]
        kinds = {e.role for e in table.walk()}
        assert {"/THead", "/TBody", "/TR", "/TH", "/TD"} <= kinds, text
    for table in tables:
        heads = [c for c in table.children if c.role == "/THead"]
        assert heads and any(r.role == "/TR" for r in heads[0].children), (
            f"a table part on page {table.page + 1} has no header row"  # type: ignore[operator]
        )
        for th in (e for e in table.walk() if e.role == "/TH"):
            in_head = any(a.role == "/THead" for a in th.ancestors())
            assert th.attribute("/Scope") == ("/Column" if in_head else "/Row")


def test_statements_each_on_one_page_with_whole_rows(pdf_path: Path, example_prepared) -> None:  # type: ignore[no-untyped-def]
    t = tree(pdf_path)
    statements = {"resultaträkning", "balansräkning", "kassaflödesanalys"}
    model = {table.caption: table for table in example_prepared.document.tables()}
    found = 0
    for table in t.elements("/Table"):
        caption = next((t.text(c) for c in table.children if c.role == "/Caption"), None)
        if caption is None or caption.split()[0].lower() not in statements:
            continue
        found += 1
        pages = {e.page for e in table.walk() if e.page is not None}
        assert len(pages) == 1, f"{caption} is split over pages {sorted(pages)}"
        rows = [e for e in table.walk() if e.role == "/TR"]
        expected = model[caption]
        assert len(rows) == len(expected.header) + len(expected.body), caption
        assert all(any(c.role == "/TD" for c in row.children) for row in rows[1:]), caption
    assert found == len(statements)


def test_rows_are_never_split_and_headers_repeat(pdf_path: Path, html_doc) -> None:  # type: ignore[no-untyped-def]
    """A row split over two pages would show up as one more body row in the PDF."""
    t = tree(pdf_path)
    html_body_rows = sum(len(tb.findall("tr")) for tb in html_doc.iter("tbody"))
    pdf_body_rows = sum(1 for e in t.elements("/TR") if any(a.role == "/TBody" for a in e.ancestors()))
    assert pdf_body_rows == html_body_rows
    parts = len(t.elements("/Table"))
    html_tables = len(list(html_doc.iter("table")))
    assert parts >= html_tables


def test_every_image_is_a_figure_with_alt_text(pdf_path: Path, example_prepared) -> None:  # type: ignore[no-untyped-def]
    from reportgen.render.pdf_job import images

    expected = [image.alt for image in images(example_prepared.document)]
    assert expected, "the example should show its logo"
    figures = tree(pdf_path).elements("/Figure")
    assert [str(f.obj.get("/Alt", "")) for f in figures] == expected
    with pikepdf.open(pdf_path) as pdf:
        xobjects = {  # pages may share one resource dictionary: count objects, not mentions
            x.objgen
            for page in pdf.pages
            for x in page.Resources.get("/XObject", {}).values()
            if x.get("/Subtype") == "/Image"
        }
        assert len(xobjects) == len(expected)
        assert "/Names" not in pdf.Root or "/EmbeddedFiles" not in pdf.Root.Names


def test_running_header_and_footer_are_artifacts(pdf_path: Path) -> None:
    """Screen readers skip running heads and page numbers; all other content is in the tree."""
    t = tree(pdf_path)
    in_tree = {e.obj.objgen for e in t.root.walk() if e.role != "/StructTreeRoot"}
    tagged_text = " ".join(t.texts.get(m, "") for m in t.root.all_mcids())
    assert "Sida 2 av" not in tagged_text
    with pikepdf.open(pdf_path) as pdf:
        nums = pdf.Root.StructTreeRoot.ParentTree.Nums
        parents = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
        for number, page in enumerate(pdf.pages):
            marks = [
                list(instruction.operands)
                for instruction in pikepdf.parse_content_stream(page)
                if str(instruction.operator) == "BDC"
            ]
            mcids = [int(o[1].MCID) for o in marks if "/MCID" in o[1]]
            artifacts = [o for o in marks if o[0] == "/Artifact" and o[1].get("/Type") == "/Pagination"]
            assert len(artifacts) == (0 if number == 0 else 3), f"page {number + 1}"
            assert sorted(mcids) == list(range(len(parents[number])))
            for ref in parents[number]:
                assert ref.objgen in in_tree, f"page {number + 1}: content outside the tree"


def test_links_are_described_by_where_they_lead(pdf_path: Path) -> None:
    """A screen reader reads a link's /Contents: the heading it leads to, not an anchor id."""
    t = tree(pdf_path)
    headings = {t.text(h) for h in t.headings()} | {t.text(c) for c in t.elements("/Caption")}
    count = 0
    with pikepdf.open(pdf_path) as pdf:
        for page in pdf.pages:
            for annot in page.get("/Annots", []):
                if annot.get("/Subtype") != "/Link" or "/Dest" not in annot:
                    continue
                count += 1
                assert str(annot.Contents) != str(annot.Dest)
                assert pdfstruct.norm(str(annot.Contents)) in headings, str(annot.Contents)
    assert count, "the table of contents links to its sections"

"""Every percentage the report generates is written with a no-break space before "%" (fmt.py),
so that a line never breaks between a figure and its sign ("svarsfrekvens 40" / "%)"), and a
table's column headers are not hyphenated."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import EXAMPLE, ROOT, walk_blocks

from reportgen.document.model import Document, KeyFigures, Paragraph, Table

FIXTURES = ROOT / "tests" / "fixtures"
REPORTS = [EXAMPLE, *(FIXTURES / n / "2023.yaml" for n in ("granasen",)),
           *(FIXTURES / n / "2024.yaml" for n in ("alvmora", "ljungadalen"))]
BREAKABLE_PERCENT = re.compile(r"\d[ \t\n]+%")  # a figure, a breaking space, then %


def generated_texts(document: Document) -> list[str]:
    """The texts the report generates (not narrative as written, which keeps its spaces)."""
    out: list[str] = []
    for block in walk_blocks(document.sections):
        if isinstance(block, Paragraph) and block.origin is None:
            out.append(block.text)
        elif isinstance(block, Table):  # its figures (a text cell may be as written)
            out += [c.text for row in block.body for c in row.cells if c.kind.numeric]
            out += [block.footnote or "", block.caption]
        elif isinstance(block, KeyFigures):
            out += [t for i in block.items for t in (i.value, i.label, i.detail)]
    return out


@pytest.mark.parametrize("yaml", REPORTS, ids=lambda p: p.parent.name)
def test_generated_percentages_do_not_break_before_the_sign(yaml: Path) -> None:
    from reportgen.pipeline import prepare

    texts = generated_texts(prepare(yaml).document)
    assert any("%" in t for t in texts)
    wrong = [t for t in texts if BREAKABLE_PERCENT.search(t)]
    assert not wrong, wrong


def test_column_headers_offer_no_hyphenation(example_prepared) -> None:  # type: ignore[no-untyped-def]
    """The reviewer's "Riks-snitt", "Skill-nad" in Bilaga 2 and 3: a header cell is never
    hyphenated, so it holds no soft hyphen (both renderers break at one), and the PDF's
    header cells do not hyphenate."""
    headers = [c.text for t in example_prepared.document.tables() for row in t.header
               for c in row.cells]
    assert any("Rikssnitt" in h for h in headers)
    assert not [h for h in headers if "\u00ad" in h]
    css = (ROOT / "templates" / "report.css").read_text(encoding="utf-8")
    assert re.search(r"table\.report-table th[^{]*\{[^}]*hyphens:\s*manual", css)

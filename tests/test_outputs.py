"""The built example in its three formats: seed 000's statements, and HTML = PDF = DOCX.

Uses the session build (tests/conftest.py: example_build).
"""

from __future__ import annotations

import pytest
from extract import (
    amounts_in,
    docx_headings,
    docx_tables,
    html_headings,
    html_tables,
    norm,
    pdf_outline,
    pdf_text,
)
from test_statements import LABELS, expected

pytestmark = pytest.mark.slow

STATEMENTS = ("Resultaträkning", "Balansräkning", "Kassaflödesanalys")


def our_label(prepared, statement: str, seed_label: str) -> str:  # type: ignore[no-untyped-def]
    table = {
        "Resultaträkning": prepared.eko.resultaträkning,
        "Balansräkning": prepared.eko.balansräkning,
        "Kassaflödesanalys": prepared.eko.kassaflödesanalys,
    }[statement]
    key = LABELS.get(seed_label)
    for row in table.rows:
        if row.label == seed_label or row.key == key:
            return row.label
    raise AssertionError(f"no row for {seed_label!r}")


def figures(statement: str) -> list[tuple[str, list[int | str | None]]]:
    return [(label, values) for label, values in expected(statement).items()
            if any(v is not None for v in values)]


@pytest.mark.parametrize("statement", STATEMENTS)
def test_pdf_statement_has_every_seed_figure(example_build, example_prepared, statement):
    text = pdf_text(example_build["pdf"], layout=True)
    # The statement's own page region: from its numbered heading to the next numbered heading.
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if norm(line).endswith(statement)
                 and norm(line)[:1].isdigit())
    region = lines[start + 1:start + 80]
    for seed_label, values in figures(statement):
        label = our_label(example_prepared, statement, seed_label)
        head = norm(label)[:30]
        index = next((i for i, line in enumerate(region) if norm(line).startswith(head)), None)
        assert index is not None, f"{statement}: {label!r} not in PDF text"
        found = amounts_in(region[index]) or amounts_in(region[index + 1])
        if values == ["inga", "inga"]:
            assert norm(region[index]).endswith("inga inga"), region[index]
            continue
        want = [v for v in values if isinstance(v, int)]
        assert found[-2:] == want, f"{statement}: {label}: PDF has {found}, seed {want}"


@pytest.mark.parametrize("statement", STATEMENTS)
def test_docx_statement_has_every_seed_figure(example_build, example_prepared, statement):
    tables = docx_tables(example_build["docx"])
    first_rows = {"Resultaträkning": "Verksamhetens resultat", "Balansräkning": "Summa tillgångar",
                  "Kassaflödesanalys": "Årets kassaflöde"}
    table = next(t for t in tables if any(r and r[0] == first_rows[statement] for r in t))
    rows = {r[0]: r for r in table}
    for seed_label, values in figures(statement):
        label = our_label(example_prepared, statement, seed_label)
        row = rows[norm(label)]
        if values == ["inga", "inga"]:
            assert row[-2:] == ["inga", "inga"]
            continue
        found = [int(c.replace(" ", "").replace("−", "-")) for c in row[-2:]]
        assert found == values, f"{statement}: {label}: DOCX has {row}, seed {values}"


def test_three_outputs_carry_the_same_headings(example_build, example_prepared):
    model = [norm(s.heading) for s in example_prepared.document.walk_sections()]
    html = html_headings(example_build["html"])
    docx = docx_headings(example_build["docx"])
    outline = pdf_outline(example_build["pdf"])
    for heading in model:
        assert heading in html, heading
        assert heading in docx, heading
        assert heading in outline, heading
    assert html == docx
    assert [h for h in outline if h != "Innehållsförteckning"] == html


def test_three_outputs_carry_the_same_table_cells(example_build, example_prepared):
    html = html_tables(example_build["html"])
    docx = docx_tables(example_build["docx"])
    model = [
        [[norm(c.text) for c in row.cells] for row in (*t.header, *t.body)]
        for t in example_prepared.document.tables()
    ]
    assert html == model
    assert docx == model
    text = norm(pdf_text(example_build["pdf"]))
    words = set(text.split())
    for table in model:
        for row in table:
            for cell in row:
                # A cell that wraps onto several lines is interleaved with its neighbours in
                # the extracted text; then each of its words must be there.
                assert cell in text or set(cell.split()) <= words, f"PDF lacks cell {cell!r}"


# Seed 000's table of contents, as published, and how our headings word the same section.
TOC_WORDING = {
    "STYRELSEN OCH REVISORERS UNDERSKRIFTER": "Styrelsens och revisorernas underskrifter",
}


def seed_toc() -> list[str]:
    """Numbered headings and bilagor of seed 000's innehållsförteckning: '1.1 Översikt …'."""
    import re

    from published import innehall

    entries = []
    for line in innehall():
        row = re.fullmatch(r"(\d+(?:\.\d+)?)\. (.+)", line)
        if row:
            entries.append(f"{row.group(1)} {TOC_WORDING.get(row.group(2), row.group(2))}")
        bilaga = re.fullmatch(r"Bilaga (\d) [-–] (.+)", line)
        if bilaga:
            entries.append(f"Bilaga {bilaga.group(1)}. {bilaga.group(2)}")
    return entries


def test_seed_000s_table_of_contents_is_in_every_output(example_build):
    wanted = seed_toc()
    assert len(wanted) == 19  # 1, 1.1–1.7, 2–8 and Bilaga 1–4
    def fold(text: str) -> str:  # case and dash style are typography, not wording
        return norm(text).casefold().replace("–", "-")

    html = [fold(h) for h in html_headings(example_build["html"])]
    docx = [fold(h) for h in docx_headings(example_build["docx"])]
    text = fold(pdf_text(example_build["pdf"]))
    for heading in wanted:
        folded = fold(heading)
        assert any(h.startswith(folded) for h in html), heading
        assert any(h.startswith(folded) for h in docx), heading
        assert folded in text, heading

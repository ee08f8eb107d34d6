"""The indicator bilagor in the report model: the compact result grid, the reading guide
before the tables, columns only for what is given, years side by side, headings from the
list, and colour that only repeats what a symbol says.

The example (content/2023.yaml, seed 000's figures) builds with the same bilagor and the
same figures as before; what changed, and why (issue 12, item 4):

- the reading guide stands before the first table of each bilaga (it followed the tables,
  and once stood alone on an otherwise empty page);
- each result cell ("53 % / 77 %, Lägre −24 p, stor skillnad, ↓ sämre −11 p") became a row
  of separate figure columns: Andel, Rikssnitt, Skillnad (▲ ▼ ● with a tone) and Trend
  (↑ ↓ → with a tone), a large difference marked "*" with a footnote;
- a question is a heading row over its figures (totalt, and kvinnor / män where split), so
  Rehabteamet's two years now stand side by side in one table instead of one table per
  year, and the guide's wording follows the new columns;
- the list's heading stays "Indikatorerna 1–16" because 1–16 are all listed.
"""

from __future__ import annotations

import pytest

from reportgen.compute.indikatorer import compute_indikatorer
from reportgen.document.model import Paragraph, Row, RowKind, Section, Table
from reportgen.document.sections_indicators import (
    LÄGE_SYMBOL,
    list_heading,
    listed,
    reading_guide,
    result_table,
    table_years,
)
from reportgen.document.theme import TONE
from reportgen.schema.indikatorer import Indikatorer


def plain(text: str) -> str:
    """A cell as a reader sees it: soft hyphens gone, line breaks and narrow or no-break
    spaces as spaces."""
    return " ".join(text.replace("\u00ad", "").replace("\u202f", " ").replace(
        "\u00a0", " ").split())


def cells(rows: tuple[Row, ...]) -> list[list[str]]:
    return [[plain(c.text) for c in r.cells] for r in rows]


def bilagor(document) -> list[Section]:  # type: ignore[no-untyped-def]
    return [s for s in document.sections if s.id.startswith("bilaga-")]


def grid(document, prefix: str) -> Table:  # type: ignore[no-untyped-def]
    return next(t for t in document.tables() if t.id.startswith(prefix))


# -- the example -------------------------------------------------------------------------------


def test_the_reading_guide_comes_before_the_first_table(example_prepared):
    groups = bilagor(example_prepared.document)[:3]
    assert len(groups) == 3
    for section in groups:
        kinds = [b for b in section.blocks if isinstance(b, Paragraph | Table)]
        guide = next(i for i, b in enumerate(kinds)
                     if isinstance(b, Paragraph) and b.text.startswith("Så läser du tabellerna"))
        first_table = next(i for i, b in enumerate(kinds) if isinstance(b, Table))
        assert guide < first_table, section.heading
        # the survey figures still introduce their table
        assert kinds[first_table - 1].text.startswith("Underlag.")


def test_example_rehabteamet_grid(example_prepared):
    table = grid(example_prepared.document, "bilaga-1-")
    assert table.caption == "Sammanställning resultat indikatorer – Rehabteamet: resultat 2022–2023"
    assert cells(table.header) == [[
        "Fråga", "Andel 2023", "Rikssnitt 2023", "Skillnad 2023", "Trend 2023",
        "Andel 2022", "Rikssnitt 2022", "Skillnad 2022", "Trend 2022"]]
    # fråga 1 as in seed 000's bilaga 1; the 2022 arrows are the published ones (stated)
    assert cells(table.body[:4]) == [
        ["Får du stöd på ett sätt som är till stor nytta för dig? (fråga 1, indikator 1)"],
        ["Totalt", "53 %", "77 %", "▼ −24", "↓ −11", "64 %", "78 %", "▼ −14", "→"],
        ["Kvinnor", "40 %", "81 %", "▼ −41*", "↓ −30*", "70 %", "79 %", "▼ −9", "→"],
        ["Män", "67 %", "73 %", "▼ −6", "↑ +7", "60 %", "77 %", "▼ −17", "→"],
    ]
    assert len(table.body) == 7 * 4  # seven questions: a heading row and three rows each
    assert table.footnote == ("* Skillnad mot rikssnittet eller förändring mot året före på "
                              "minst 25 procentenheter.")


def test_example_chefsgrupp_and_styrelsen_grids(example_prepared):
    lsg = grid(example_prepared.document, "bilaga-2-")
    # 2021 is published as words only: just its classification column
    assert cells(lsg.header)[0][-2:] == ["Trend 2022", "Skillnad 2021"]
    assert cells(lsg.body[:2]) == [
        ["Tas erfarenheter såsom kunskaper och synpunkter från deltagare systematiskt "
         "tillvara? (fråga 1, indikator 9)"],
        ["Totalt", "55 %", "40 %", "▲ +15", "↑ +15", "40 %", "39 %", "● +1", "→", "▲ högre"],
    ]
    styrelsen = grid(example_prepared.document, "bilaga-3-")
    assert styrelsen.caption.endswith("resultat 2021–2023")  # three years in one table
    assert cells(styrelsen.body[:2])[1] == [
        "Totalt", "100 %", "60 %", "▲ +40*", "↑ +14", "86 %", "65 %", "▲ +21", "↑ +14",
        "72 %", "60 %", "▲ +12"]


def test_example_reading_guide_wording(example_prepared):
    guide = next(b.text for b in bilagor(example_prepared.document)[0].blocks
                 if isinstance(b, Paragraph) and b.text.startswith("Så läser"))
    assert plain(guide) == (
        "Så läser du tabellerna: Andel är förbundets egen andel positiva svar i procent. "
        "Positiva svar är skalsteg 5 ”Till mycket stor del” och 6 ”Helt och hållet” på skalan "
        "från ”Inte alls” till ”Helt och hållet”. Rikssnitt är andelen för samma "
        "respondentgrupp i hela landet. Skillnad är andelen minus rikssnittet i "
        "procentenheter: ▲ högre, mer än 2 över rikssnittet; ▼ lägre, mer än 2 under; "
        "● varken högre eller lägre. Trend är förändringen mot samma fråga året före i "
        "procentenheter: ↑ bättre, ↓ sämre, → oförändrat (inom ±2). Resultat med färre än 5 "
        "svar redovisas inte.")


def test_colour_only_repeats_a_symbol(example_prepared):
    symbols = set(LÄGE_SYMBOL.values()) | {"↑", "↓", "→"}
    toned = [c for t in example_prepared.document.tables() if t.id.startswith("bilaga-")
             for r in t.body for c in r.cells if c.tint is not None]
    assert len(toned) > 100
    assert all(c.text[:1] in symbols for c in toned)
    assert {c.tint for c in toned} == set(TONE.values())


def test_toned_cells_in_html_and_docx(example_prepared):
    from docx_extract import open_docx

    from reportgen.render.docx import render_docx
    from reportgen.render.html import render_html

    html = render_html(example_prepared.document)
    assert ('<td class="percent num" style="background-color: #f8dedb">▼\u202f−24</td>'
            in html)
    word = open_docx(render_docx(example_prepared.document))
    fills = [e.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}fill")
             for e in word.element.body.iter(
                 "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}shd")]
    assert {"DCEFE0", "F8DEDB", "ECEFF2"} <= set(fills)


# -- columns, years and rows -------------------------------------------------------------------


def indicators(results: dict, **extra) -> Indikatorer:  # type: ignore[no-untyped-def]
    return Indikatorer.model_validate({**extra, "grupper": [{
        "rubrik": "Styrelsen", "respondenter": "styrelse",
        "frågor": [{"indikator": 12, "nummer": 1, "text": "Fråga?", "resultat": results}]}]})


def test_without_rikssnitt_no_column_legend_or_classification():
    ind = indicators({2023: {"totalt": {"andel": 80}}, 2022: {"totalt": {"andel": 50}}})
    (grupp,) = compute_indikatorer(ind)
    table = result_table(grupp, "t", "T", grupp.år, "25")
    assert cells(table.header) == [["Fråga", "Andel 2023", "Trend 2023", "Andel 2022"]]
    assert cells(table.body) == [["Fråga? (fråga 1, indikator 12)"],
                                 ["Totalt", "80 %", "↑ +30*", "50 %"]]
    assert table.footnote == "* Förändring mot året före på minst 25 procentenheter."
    guide = reading_guide(grupp, ind, summary=False)
    assert "rikssnitt" not in guide.lower() and "▲" not in guide and "högre" not in guide


@pytest.mark.parametrize(("rikssnitt", "years", "expected"), [
    # 4 columns a year (the oldest has no trend: 3); at most 11 figure columns a table
    (True, 3, [(2023, 2022, 2021)]),  # 4 + 4 + 3
    (True, 4, [(2023, 2022), (2021, 2020)]),  # 4 + 4, then 4 + 3
    (False, 6, [(2023, 2022, 2021, 2020, 2019, 2018)]),  # 5 × 2 + 1
    (False, 7, [(2023, 2022, 2021, 2020, 2019), (2018, 2017)]),  # 5 × 2, then 2 + 1
])
def test_years_side_by_side_as_many_as_fit(rikssnitt, years, expected):
    results = {2023 - i: {"totalt": {"andel": 50 + i, **({"rikssnitt": 40} if rikssnitt else {})}}
               for i in range(years)}
    (grupp,) = compute_indikatorer(indicators(results))
    assert table_years(grupp) == expected


def test_a_grid_breaks_only_between_questions():
    ind = indicators({2023: {"totalt": {"andel": 50}, "kvinnor": {"andel": 40},
                             "män": {"andel": 60}}})
    ind = ind.model_copy(update={"grupper": [ind.grupper[0].model_copy(
        update={"frågor": ind.grupper[0].frågor * 2})]})
    (grupp,) = compute_indikatorer(ind)
    table = result_table(grupp, "t", "T", grupp.år, "25")
    assert [r.kind for r in table.body] == [RowKind.SUBHEADING, *[RowKind.NORMAL] * 3] * 2
    assert table.breakable and not table.keep_whole
    # a question's heading, totalt and kvinnor stay with the row after them; män may end a page
    assert [table.keeps_with_next(i) for i in range(8)] == [True, True, True, False] * 2


# -- headings from the list --------------------------------------------------------------------


@pytest.mark.parametrize(("numbers", "heading"), [
    (range(1, 17), "Indikatorerna 1–16"),
    ([1, 2, 7, 9, 12, 14], "Indikatorerna 1, 2, 7, 9, 12 och 14"),  # was "Indikatorerna 1–14"
    ([1, 2, 3, 5, 9, 10, 11, 12], "Indikatorerna 1–3, 5 och 9–12"),
    ([3, 4], "Indikatorerna 3 och 4"),
    ([5], "Indikator 5"),
])
def test_the_list_heading_says_what_is_listed(numbers, heading):
    ind = Indikatorer.model_validate({"lista": [{"nummer": n, "text": f"Indikator {n}."}
                                                for n in numbers]})
    assert list_heading(ind) == heading


def test_listed_numbers():
    assert listed([16, 1, 2, 3]) == "1–3 och 16"

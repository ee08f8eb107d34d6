"""The R17 part of a delårsrapport (LKBR ch. 13, RKR R17): the period's resultaträkning
against the same period last year with the year's forecast beside it, the balansräkning at
the period's end against last year's closing balance (or the same day last year), and the
forecast's balanskravsresultat.

tests/fixtures/solbacken_delar/2023.yaml is a fictional delårsrapport whose figures add up;
its tables are compared cell by cell with rows written here by hand, in the report model,
the HTML and the DOCX. The period statements get the årsredovisning's checks: each rule
that a broken årsredovisning (tests/fixtures/regler/ren.yaml, the cases of
test_check_rules.py) fires, the same break in the delårsrapport fires too, naming the period.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from check_expected import records
from conftest import ROOT, walk_blocks
from extract import docx_tables, html_tables, norm
from test_check_rules import CASES, broken

from reportgen.document.model import Table

FIXTURE = ROOT / "tests" / "fixtures" / "solbacken_delar" / "2023.yaml"
WRONG = ROOT / "tests" / "fixtures" / "solbacken_delar_fel.yaml"  # the wrong variant

RR = [
    ["Belopp i kr", "Not", "jan–aug 2023", "jan–aug 2022", "Prognos 2023"],
    ["Verksamhetens intäkter", "", "2 300 000", "2 240 000", "3 450 000"],
    ["Verksamhetens kostnader", "", "-2 180 400", "-2 305 600", "-3 498 000"],
    ["Verksamhetens resultat", "", "119 600", "-65 600", "-48 000"],
    ["Finansiella intäkter", "", "3 100", "400", "4 500"],
    ["Finansiella kostnader", "", "-200", "-300", "-500"],
    ["Resultat efter finansiella poster", "", "122 500", "-65 500", "-44 000"],
    ["Periodens resultat", "", "122 500", "-65 500", "-44 000"],
]
BR = [
    ["Belopp i kr", "Not", "2023-08-31", "2022-12-31"],
    ["Tillgångar", "", "", ""],
    ["Omsättningstillgångar", "", "", ""],
    ["Kortfristiga fordringar", "", "95 000", "160 000"],
    ["Kassa och bank", "", "1 040 700", "856 400"],
    ["Summa omsättningstillgångar", "", "1 135 700", "1 016 400"],
    ["Summa tillgångar", "", "1 135 700", "1 016 400"],
    ["Eget kapital, avsättningar och skulder", "", "", ""],
    ["Eget kapital", "", "", ""],
    # The closing balance 2022-12-31 has the whole year's result, as stated in the YAML.
    ["Periodens resultat", "", "122 500", "-34 800"],
    ["Övrigt eget kapital", "", "895 200", "930 000"],
    ["Summa eget kapital", "", "1 017 700", "895 200"],
    ["Skulder", "", "", ""],
    ["Kortfristiga skulder", "", "118 000", "121 200"],
    ["Summa eget kapital, avsättningar och skulder", "", "1 135 700", "1 016 400"],
]
BALANSKRAV = [
    ["Belopp i kr", "Prognos 2023"],
    ["Årets resultat enligt prognosen", "-44 000"],
    ["Avgår realisationsvinster", "-3 000"],
    ["Balanskravsresultat enligt prognosen", "-47 000"],
]


def _rows(table: Table) -> list[list[str]]:
    return [[norm(c.text) for c in row.cells] for row in (*table.header, *table.body)]


@pytest.fixture(scope="module")
def prepared():  # type: ignore[no-untyped-def]
    from reportgen.pipeline import prepare

    return prepare(FIXTURE)


def _model_tables(prepared) -> dict[str, list[list[str]]]:  # type: ignore[no-untyped-def]
    return {b.id: _rows(b) for b in walk_blocks(prepared.document.sections)
            if isinstance(b, Table)}


def test_fixture_checks_without_errors(prepared) -> None:  # type: ignore[no-untyped-def]
    assert [f.message for f in prepared.errors] == []


def test_period_statements_in_the_report_model(prepared) -> None:  # type: ignore[no-untyped-def]
    tables = _model_tables(prepared)
    assert tables["resultaträkning"] == RR
    assert tables["balansräkning"] == BR
    assert tables["balanskravsresultat"] == BALANSKRAV


def test_period_statements_in_html_and_docx(tmp_path: Path) -> None:
    from reportgen.commands.build import build

    paths = {p.suffix: p for p in build(FIXTURE, tmp_path, ["html", "docx"], draft=False)}
    for found in (html_tables(paths[".html"]), docx_tables(paths[".docx"])):
        rows = [[norm(c) for c in row] for table in found for row in table]
        for expected in (RR, BR, BALANSKRAV):
            start = rows.index(expected[0])
            assert rows[start:start + len(expected)] == expected


def test_the_forecast_is_a_figure_of_the_text(prepared) -> None:  # type: ignore[no-untyped-def]
    text = " ".join(norm(b.text) for b in walk_blocks(prepared.document.sections)
                    if getattr(b, "kind", "") == "paragraph")
    assert "prognosen för helåret är ett underskott på -44 000 kr" in text
    assert "Prognosen för helåret 2023 är ett resultat på -44 000 kr och ett " \
           "balanskravsresultat på -47 000 kr." in text


def _delår(tmp_path: Path, replacements: list[tuple[str, str]]) -> Path:
    return broken(tmp_path, replacements, FIXTURE)


def _statement_findings(file: Path) -> list[dict[str, object]]:
    return [f for f in records(file) if str(f["regel"]).split(".")[0] in ("rr", "br")]


BR_2023 = "      årets_resultat: 122500\n      övrigt_eget_kapital: 895200\n"

# The årsredovisning's case (test_check_rules.CASES) → the same break in the delårsrapport,
# and the column its findings must name.
SAME_BREAK: dict[str, tuple[list[tuple[str, str]], str]] = {
    "rr_delsumma": ([("      verksamhetens_resultat: 119600\n",
                      "      verksamhetens_resultat: 119610\n")], "jan–aug 2023"),
    "rr_kostnad_med_plustecken": ([("      finansiella_kostnader: -200\n",
                                    "      finansiella_kostnader: 200\n")], "jan–aug 2023"),
    "br_skuld_med_minustecken": ([("      kortfristiga_skulder: 121200\n",
                                   "      kortfristiga_skulder: -121200\n")], "2022-12-31"),
    "br_delsumma": ([("      summa_eget_kapital: 1017700\n",
                      "      summa_eget_kapital: 1017770\n")], "2023-08-31"),
    "br_balanserar_inte": ([("      kassa_och_bank: 1040700\n", "      kassa_och_bank: 1040800\n"),
                            ("      summa_tillgångar: 1135700\n",
                             "      summa_tillgångar: 1135800\n")], "2023-08-31"),
    "br_årets_resultat": ([(BR_2023, BR_2023.replace("122500", "122501"))], "2023-08-31"),
    "br_ingående_eget_kapital": ([(BR_2023, BR_2023.replace("895200", "895210"))],
                                 "2023-08-31"),
}


@pytest.mark.parametrize("case", sorted(SAME_BREAK))
def test_period_statements_get_the_annual_reports_checks(case: str, tmp_path: Path) -> None:
    annual_replacements, annual_rules = CASES[case]
    (tmp_path / "ar").mkdir()
    annual = [f["regel"] for f in records(broken(tmp_path / "ar", annual_replacements))]
    assert annual == annual_rules
    replacements, column = SAME_BREAK[case]
    found = _statement_findings(_delår(tmp_path, replacements))
    assert [f["regel"] for f in found] == annual_rules
    for finding in found:
        assert column in str(finding["meddelande"]), finding


def test_the_forecast_column_is_checked_as_a_year(tmp_path: Path) -> None:
    found = _statement_findings(_delår(tmp_path, [("      finansiella_kostnader: -500\n",
                                                   "      finansiella_kostnader: 500\n")]))
    assert [(f["regel"], f["fält"]) for f in found] == [
        ("rr.tecken", "ekonomi.resultaträkning.prognos.finansiella_kostnader"),
        ("rr.summa", "ekonomi.resultaträkning.prognos.årets_resultat"),
    ]
    assert all("prognos 2023" in str(f["meddelande"]) for f in found)


def test_the_wrong_variant(tmp_path: Path) -> None:
    """solbacken_delar_fel.yaml: four deliberate mistakes, each found once at the wrong figure (the wrong
    årets resultat also spoils the stated summa eget kapital: one finding), its column named."""
    found = [(f["regel"], f["fält"], f["rad"], f["meddelande"]) for f in _statement_findings(WRONG)]
    assert found == [
        ("rr.summa", "ekonomi.resultaträkning.2023.verksamhetens_resultat", 86,
         "Resultaträkningen, verksamhetens resultat jan–aug 2023: angivet 119 700 kr, "
         "förväntat 119 600 kr (summan av verksamhetens intäkter, verksamhetens kostnader och "
         "avskrivningar); 100 kr högre än förväntat"),
        ("rr.summa", "ekonomi.resultaträkning.prognos.årets_resultat", 103,
         "Resultaträkningen, årets resultat prognos 2023: angivet -44 100 kr, förväntat "
         "-44 000 kr (summan av resultat efter finansiella poster och extraordinära poster); "
         "100 kr lägre än förväntat"),
        ("br.summa", "ekonomi.balansräkning.2022.kortfristiga_skulder", 122,
         "Balansräkningen, kortfristiga skulder 2022-12-31: angivet 121 000 kr, förväntat "
         "121 200 kr (då stämmer balansräkningens summa eget kapital, avsättningar och skulder "
         "2022-12-31); 200 kr lägre än förväntat"),
        ("br.årets_resultat", "ekonomi.balansräkning.2023.årets_resultat", 110,
         "Balansräkningen, periodens resultat 2023-08-31: angivet 125 000 kr, förväntat "
         "122 500 kr (resultaträkningens periodens resultat jan–aug 2023); 2 500 kr högre än "
         "förväntat"),
    ]


# The same report with the balansräkning compared with the same day last year.
SAME_DAY = [
    ("ekonomi:\n", "ekonomi:\n  jämförelse_balansräkning: samma_dag\n"),
    ("      årets_resultat: -34800   # helåret 2022\n      övrigt_eget_kapital: 930000\n"
     "      summa_eget_kapital: 895200\n",
     "      årets_resultat: -65500\n      övrigt_eget_kapital: 930000\n"
     "      summa_eget_kapital: 864500\n"),
    ("      kassa_och_bank: 856400\n      summa_tillgångar: 1016400\n",
     "      kassa_och_bank: 825700\n      summa_tillgångar: 985700\n"),
    ("      summa_eget_kapital_avsättningar_och_skulder: 1016400\n",
     "      summa_eget_kapital_avsättningar_och_skulder: 985700\n"),
]


def test_the_same_day_last_year(tmp_path: Path) -> None:
    from reportgen.pipeline import prepare

    file = _delår(tmp_path, SAME_DAY)
    assert _statement_findings(file) == []
    prepared = prepare(file)
    br = _model_tables(prepared)["balansräkning"]
    assert br[0] == ["Belopp i kr", "Not", "2023-08-31", "2022-08-31"]
    # Its årets resultat is the period's (jan–aug 2022), derived from the resultaträkning;
    # the whole year's result beside it is found.
    assert br[9] == ["Periodens resultat", "", "122 500", "-65 500"]
    wrong = _delår(tmp_path, [*SAME_DAY[:1], (SAME_DAY[1][0], SAME_DAY[1][0].replace(
        "summa_eget_kapital: 895200", "summa_eget_kapital: 864500"))] + SAME_DAY[2:])
    assert [(f["regel"], f["fält"]) for f in _statement_findings(wrong)] == [
        ("br.årets_resultat", "ekonomi.balansräkning.2022.årets_resultat")]


def test_a_note_has_the_statements_columns(tmp_path: Path) -> None:
    from reportgen.pipeline import prepare

    file = _delår(tmp_path, [
        ("ekonomi:\n", "ekonomi:\n  noter:\n    - rubrik: Verksamhetens intäkter\n"
         "      avser: [verksamhetens_intäkter]\n      rader:\n"
         "        - {text: Medlemsbidrag, belopp: {2023: 2300000, 2022: 2240000}}\n"),
        ("  - helårsprognos\n", "  - helårsprognos\n  - noter\n")])
    tables = _model_tables(prepare(file))
    assert tables["not-1"] == [["Belopp i kr", "jan–aug 2023", "jan–aug 2022"],
                               ["Medlemsbidrag", "2 300 000", "2 240 000"],
                               ["Summa", "2 300 000", "2 240 000"]]
    assert tables["resultaträkning"][1] == ["Verksamhetens intäkter", "1", "2 300 000",
                                            "2 240 000", "3 450 000"]

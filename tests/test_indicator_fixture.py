"""tests/fixtures/ljungmarken/: a fictional förbund with indicators as many förbund publish
them (per-group positive steps, percentages per step, a question on a frequency scale, no
rikssnitt, three years). It builds without warnings, and its indicator tables, the summary
and the list are compared cell by cell with golden tables written by hand (worked out on
paper from the YAML's figures: e.g. 40 + 30 % on the two top steps give 70 %, 6 of 7 board
members on steps 4–6 give 86 %), in the report model and in the HTML and the DOCX.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from extract import docx_tables, html_tables, norm

from reportgen.document.model import Paragraph, Table

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "ljungmarken" / "2024.yaml"

DELTAGARE = [
    ["Fråga", "Andel 2024", "Trend 2024", "Andel 2023", "Trend 2023", "Andel 2022"],
    ["Får du stöd på ett sätt som passar dig? (fråga 1, indikator 1)"],
    ["Totalt", "70 %", "↑ +10", "60 %", "↑ +10", "50 %"],
    ["Får du vara med och bestämma vilket stöd du ska få? (fråga 2, indikator 2)"],
    ["Totalt", "50 %", "→ ±0", "50 %", "↑ +8", "42 %"],
    ["Hur ofta får du hjälp att hålla ihop dina kontakter med myndigheterna och vården? "
     "(fråga 3, indikator 4)"],
    ["Totalt", "60 %", "↑ +5", "55 %", "↑ +21", "34 %"],
    ["Skulle du rekommendera insatsen till någon i samma situation? (fråga 4)"],
    ["Totalt", "85 %", "↑ +8", "77 %", "↑ +11", "66 %"],
]
STYRELSEN = [
    ["Fråga", "Andel 2024", "Trend 2024", "Andel 2023", "Trend 2023", "Andel 2022"],
    ["Har ni strukturer för att initiera, upprätthålla och underhålla relationer mellan "
     "inblandade aktörer? (fråga 1, indikator 12)"],
    ["Totalt", "86 %", "↑ +15", "71 %", "↑ +21", "50 %"],
    ["Har ni en strategi för hur ni följer upp och utvärderar de samordnade insatserna? "
     "(fråga 2, indikator 14)"],
    ["Totalt", "71 %", "↑ +14", "57 %", "↓ −26*", "83 %"],
    ["Har styrelsen integrerat jämställdhet, jämlikhet och mångfald i förbundets "
     "verksamhetsplanering? (fråga 3, indikator 16)"],
    # 2022: 4 answers, fewer than 5: withheld, so 2023 has no trend
    ["Totalt", "71 %", "→ ±0", "71 %", "–", "Redovisas inte (4 svar)"],
]
SAMMANFATTNING = [
    ["Indikator", "Frågor", "Negativt", "Varken", "Positivt"],
    ["Resultat indikatorer – Deltagare i Steget 2024"],
    ["Indikator 1", "1", "15 %", "15 %", "70 %"],
    ["Indikator 2", "1", "25 %", "25 %", "50 %"],
    ["Indikator 4", "1", "15 %", "25 %", "60 %"],  # on the frequency scale
    # (fråga 4 has no indicator number: not summed)
    ["Resultat indikatorer – Styrelsen 2024"],
    # steps 4–6 positive, 1–3 negative: no neutral step, Varken is 0
    ["Indikator 12", "1", "14 %", "0 %", "86 %"],
    ["Indikator 14", "1", "29 %", "0 %", "71 %"],
    ["Indikator 16", "1", "29 %", "0 %", "71 %"],
]
LISTA = [
    ["Nr", "Indikator"],
    ["1", "Deltagarna känner att de insatser som erbjuds är organiserade runt deras behov "
          "(personcentrerade)."],
    ["2", "Deltagarna upplever ökat inflytande över rehabiliteringsprocessen."],
    ["4", "Deltagarna upplever att det finns någon som håller samman och stödjer den enskildes "
          "samordnade rehabiliteringsprocess."],
    ["12", "En struktur har skapats vars huvuduppgifter är att strategiskt initiera, "
           "upprätthålla och underhålla relationer."],
    ["14", "Det finns en klar och tydlig strategi för uppföljning och utvärdering av "
           "myndighetsgemensamma insatser."],
    ["16", "Jämställdhet, jämlikhet och mångfald är integrerade i den samordnade verksamheten."],
]
GOLDEN = {"bilaga-1-2022–2024": DELTAGARE, "bilaga-2-2022–2024": STYRELSEN,
          "indikatorer-sammanfattning": SAMMANFATTNING, "indikatorlista": LISTA}
HEADINGS = [
    "Bilaga 1. Resultat indikatorer – Deltagare i Steget",
    "Bilaga 2. Resultat indikatorer – Styrelsen",
    "Bilaga 3. Negativa, neutrala och positiva svar per indikator",
    "Bilaga 4. Indikatorerna 1, 2, 4, 12, 14 och 16",
]
GUIDES = [
    "Så läser du tabellerna: Andel är förbundets egen andel positiva svar i procent. Positiva "
    "svar är skalsteg 5 ”Till mycket stor del” och 6 ”Helt och hållet” på skalan från ”Inte "
    "alls” till ”Helt och hållet”. I sammanfattningen räknas skalsteg 1 ”Inte alls”, 2 och 3 "
    "som negativa och 4 som varken eller. Fråga 3 besvaras på skalan från ”Aldrig” till "
    "”Alltid”; där är skalsteg 5 ”För det mesta” och 6 ”Alltid” positiva svar och skalsteg "
    "1 ”Aldrig”, 2 ”Sällan” och 3 ”Ibland” negativa. Trend är förändringen mot samma fråga "
    "året före i procentenheter: ↑ bättre, ↓ sämre, → oförändrat (inom ±2). Resultat med "
    "färre än 5 svar redovisas inte.",
    "Så läser du tabellerna: Andel är förbundets egen andel positiva svar i procent. Positiva "
    "svar är skalsteg 4, 5 ”Till mycket stor del” och 6 ”Helt och hållet” på skalan från "
    "”Inte alls” till ”Helt och hållet”. I sammanfattningen räknas skalsteg 1 ”Inte alls”, 2 "
    "och 3 som negativa. Trend är förändringen mot samma fråga året före i procentenheter: "
    "↑ bättre, ↓ sämre, → oförändrat (inom ±2). Resultat med färre än 5 svar redovisas inte.",
]


def folded(table: list[list[str]]) -> list[list[str]]:
    return [[norm(cell) for cell in row] for row in table]


@pytest.fixture(scope="module")
def prepared():  # type: ignore[no-untyped-def]
    from reportgen.pipeline import prepare

    return prepare(FIXTURE)


@pytest.fixture(scope="module")
def built(tmp_path_factory):  # type: ignore[no-untyped-def]
    from reportgen.commands.build import build

    out = tmp_path_factory.mktemp("ljungmarken")
    return {p.suffix.lstrip("."): p for p in build(FIXTURE, out, ["html", "docx"], draft=False)}


def model_tables(prepared) -> dict[str, list[list[str]]]:  # type: ignore[no-untyped-def]
    return {t.id: folded([[c.text for c in r.cells] for r in (*t.header, *t.body)])
            for t in prepared.document.tables() if t.id in GOLDEN}


def test_checks_and_builds_without_warnings_or_errors(prepared):
    assert prepared.warnings == () and prepared.errors == ()


def test_bilagor_headings(prepared):
    assert [s.heading for s in prepared.document.sections if s.id.startswith("bilaga")] == HEADINGS


def test_indicator_tables_in_the_model_are_the_golden_ones(prepared):
    assert model_tables(prepared) == {k: folded(v) for k, v in GOLDEN.items()}
    styrelsen = next(t for t in prepared.document.tables() if t.id == "bilaga-2-2022–2024")
    assert styrelsen.footnote == "* Förändring mot året före på minst 25 procentenheter."


def test_reading_guides_before_the_tables(prepared):
    for section, guide in zip(prepared.document.sections[-4:-2], GUIDES, strict=True):
        blocks = [b for b in section.blocks if isinstance(b, Paragraph | Table)]
        index = next(i for i, b in enumerate(blocks)
                     if isinstance(b, Paragraph) and b.style == "small")
        assert norm(blocks[index].text) == norm(guide)
        assert index < next(i for i, b in enumerate(blocks) if isinstance(b, Table))


def test_the_html_and_the_docx_print_the_golden_tables(prepared, built):
    order = [t.id for t in prepared.document.tables()]
    for tables in (html_tables(built["html"]), docx_tables(built["docx"])):
        printed = {ident: tables[order.index(ident)] for ident in GOLDEN}
        assert printed == {k: folded(v) for k, v in GOLDEN.items()}


def test_every_chart_is_in_the_outputs(prepared, built):
    from reportgen.document.model import Image

    # the indicator charts (not Året i siffror's, which test_design.py checks)
    charts = [b for s in prepared.document.walk_sections() if s.id != "aret-i-siffror"
              for b in s.blocks if isinstance(b, Image) and b.drawing is not None]
    # deltagare: 4 questions × 3 years (percent); styrelsen: 3 × 3 (counts) less the withheld
    assert len(charts) == 12 + 8
    assert sum(c.alt.count("Andel av svaren per skalsteg") for c in charts) == 12
    first = charts[0].alt
    assert first == ("Stapeldiagram, Får du stöd på ett sätt som passar dig? (totalt 2024). "
                     "Andel av svaren per skalsteg: Inte alls: 0\u00a0%, 2: 5\u00a0%, "
                     "3: 10\u00a0%, 4: 15\u00a0%, Till mycket stor del: 40\u00a0%, Helt och "
                     "hållet: 30\u00a0%. Positiva svar: Till mycket stor del och Helt och "
                     "hållet, sammanlagt 70\u00a0%.")
    html = built["html"].read_text(encoding="utf-8")
    assert html.count('alt="Stapeldiagram') == 20


@pytest.mark.slow
def test_the_pdf_prints_the_golden_tables_and_is_pdf_ua(tmp_path):
    from extract import pdf_text
    from pdfua import Severity, validate

    from reportgen.commands.build import build

    (pdf,) = build(FIXTURE, tmp_path, ["pdf"], draft=False)
    report = validate(str(pdf))  # the toned grid cells and the charts stay accessible
    counts = report.count_by_severity()
    assert counts[Severity.ERROR] == counts[Severity.WARNING] == 0, [
        f"{f.rule_id} {f.message}" for f in report.findings]
    text = norm(pdf_text(pdf))
    for heading in HEADINGS:
        assert heading in text

    def squeezed(value: str) -> str:  # the PDF's spacing between glyphs is not text
        return "".join(norm(value).split())

    lines = {squeezed(line) for line in pdf_text(pdf, layout=True).splitlines()}
    for table in GOLDEN.values():
        for row in table[1:]:
            if len(row) > 1 and len(row[-1]) < 30:  # a row of figures is one line
                assert squeezed("".join(row)) in lines, row

"""The second example, content/delar/2023-08.yaml: the delårsrapport januari–augusti 2023 of a
fictional förbund with a published delårsrapport's figures (issue 13, item 5).

Every table is compared with the published report's figures, written here by hand cell by
cell (the names are the example's own): from the report model, and from the built DOCX.
The slow tests build the PDF (pdfua finds nothing) and convert the DOCX with LibreOffice.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT, walk_blocks
from extract import docx_tables, norm

from reportgen.document.model import Paragraph, Table
from reportgen.pipeline import prepare

EXAMPLE = ROOT / "content" / "delar" / "2023-08.yaml"

BOARD = [
    ["Utsedd av", "Ordinarie ledamot", "Ersättare"],
    ["Storviks kommun", "Margareta Holmén, ordförande", "David Strand"],
    ["Region Västerland", "Anders Bergvik, vice ordförande", "Karin Ljung"],
    ["Brattfors kommun", "Maria Åkerlund", "Karin Hedlund"],
    ["Norrtorps kommun", "Jenny Falk", "Rolf Kvist"],
    ["Hagby kommun", "Lena Ekdahl", "Kristina Holm"],
    ["Åsbacka kommun", "Roger Ivarsson", "Elisabeth Åsberg"],
    ["Lindås kommun", "Inge Lundqvist", "Vakant"],
    ["Arbetsförmedlingen", "Oskar Sundberg", "Britt-Marie Engström"],
    ["Försäkringskassan", "Åsa Brandt", "Lena Krook"],
]
GOALS = [
    ["Mål", "Bedömning"],
    ["Målområde Identifiera – att kartlägga behov av samverkan"],
    ["Mål 1. Behoven av samverkan är kartlagda", "● I fas"],
    ["Målområde Förebygga – att utveckla insatser som förhindrar långvarigt utanförskap"],
    ["Mål 2. Insatser som förhindrar långvarigt utanförskap", "● I fas"],
    ["Målområde Stimulera – att utveckla och stärka samverkansstrukturer"],
    ["Mål 3. Starkare samverkansstrukturer", "▲ Delvis i fas"],
]
# The published tables: new participants per kommun (2023 and 2022 January–August) …
NEW = [
    ["Kommun", "2023 jan–aug", "2022 jan–aug"],
    ["Hagby", "7", "14"],
    ["Norrtorp", "9", "9"],
    ["Lindås", "5", "5"],
    ["Storvik", "8", "3"],
    ["Brattfors", "3", "1"],
    ["Åsbacka", "6", "4"],
    ["Totalt antal", "38", "36"],
]
# … försörjning at inskrivning as shares of the women and of the men ("–": none) …
INCOME = [
    ["Försörjning", "Andel av kvinnor", "Andel av män"],
    ["Försörjningsstöd", "19 %", "56 %"],
    ["Aktivitetsersättning", "14 %", "–"],
    ["Sjukpenning/rehabiliteringspenning", "52 %", "13 %"],
    ["Sjukersättning", "–", "–"],
    ["Aktivitetsstöd", "10 %", "19 %"],
    ["Annan offentlig försörjning", "–", "6 %"],
    ["Ingen offentlig försörjning", "5 %", "6 %"],
]
# … time in offentlig försörjning, last year's shares in parentheses …
TIME = [
    ["Tid", "Andel av kvinnor (inom parentes 2022)", "Andel av män (inom parentes 2022)"],
    ["1–3 år", "50 % (47 %)", "65 % (31 %)"],
    ["4–6 år", "30 % (29 %)", "12 % (38 %)"],
    ["7–9 år", "15 % (6 %)", "15 % (6 %)"],
    ["Mer än 9 år", "5 % (18 %)", "12 % (25 %)"],
]
# … reasons for ending: the counts as published, the shares computed (as published too).
ENDED = [
    ["Anledning", "Antal", "Andel"],
    ["Arbete", "12", "26 %"],
    ["Studier", "3", "7 %"],
    ["Fortsatt rehabilitering i ordinarie verksamhet", "21", "46 %"],
    ["Sjukdom eller hälsoläget medger inte fortsatt deltagande i nuläget", "7", "15 %"],
    ["Flytt", "1", "2 %"],
    ["Föräldraledighet", "2", "4 %"],
    ["Totalt antal", "46", "100 %"],
]
# The economic outcome per 2023-08-31 with the forecast, kronor; the group sums are
# reportgen's (the published table prints only the total, −748 370, 680 810, −743 449, 4 921).
ECONOMY = [
    ["ID", "Verksamhet", "Årsbudget 2023", "Utfall 2023-08-31", "Prognos 2023",
     "Avvikelse prognos mot budget"],
    ["Intäkter", "", "", "", ""],
    ["1002", "Medel från huvudmännen", "7 030 000", "4 393 753", "7 030 000", "0"],
    ["", "Summa intäkter", "7 030 000", "4 393 753", "7 030 000", "0"],
    ["Administrativa kostnader", "", "", "", ""],
    ["1000", "Styrelse", "-427 000", "-206 695", "-412 568", "14 432"],
    ["1020", "Interimsstyrelse", "0", "-37 436", "-41 595", "-41 595"],
    ["1001+1003", "Kansli och bilkonto", "-719 485", "-327 786", "-684 649", "34 836"],
    ["", "Summa administrativa kostnader", "-1 146 485", "-571 917", "-1 138 812", "7 673"],
    ["Direkta insatskostnader", "", "", "", ""],
    ["Individinsatser", "", "", "", ""],
    ["1060", "Samordningsteam Lindås", "-1 140 000", "-466 717", "-1 140 000", "0"],
    ["1061", "Samordningsteam Norrtorp", "-1 140 000", "-525 478", "-1 140 000", "0"],
    ["1063", "Samordningsteam Hagby", "-1 528 000", "-657 458", "-1 528 000", "0"],
    ["1064", "Samordningsteam Storvik", "-1 500 000", "-790 394", "-1 500 000", "0"],
    ["1067", "Kurator i samordningsteamen", "-240 000", "-103 191", "-240 000", "0"],
    ["", "Summa individinsatser", "-5 548 000", "-2 543 238", "-5 548 000", "0"],
    ["Strukturpåverkande insatser", "", "", "", ""],
    ["1005", "Ej fördelade samverkansmedel", "-100 000", "-14 600", "-14 600", "85 400"],
    ["1066", "Extern medbedömning", "-65 000", "0", "-65 000", "0"],
    ["1087", "Övriga utvärderingar", "-30 000", "-10 000", "-10 000", "20 000"],
    ["1093", "Utvecklingsdagar för samordningsteamen", "-15 000", "480", "-3 000", "12 000"],
    ["1026", "Länsgemensamma aktiviteter", "-325 000", "-179 580", "-348 890", "-23 890"],
    ["1040", "Lösningsfokuserat arbetssätt – grundutbildning", "-15 000", "0", "0", "15 000"],
    ["1053", "Lösningsfokuserat arbetssätt – vidareutbildning", "-15 000", "0", "0", "15 000"],
    ["1086", "Andra utbildningsinsatser", "-50 000", "0", "-72 500", "-22 500"],
    ["1096", "Insatskatalogen", "-48 000", "-48 000", "-48 000", "0"],
    ["1004", "Processtöd till samverkansinsatser", "-420 885", "-346 088", "-524 647",
     "-103 762"],
    ["", "Summa strukturpåverkande insatser", "-1 083 885", "-597 788", "-1 086 637",
     "-2 752"],
    ["", "Summa direkta insatskostnader", "-6 631 885", "-3 141 026", "-6 634 637", "-2 752"],
    ["", "Summa", "-748 370", "680 810", "-743 449", "4 921"],
]
TABLES = [BOARD, GOALS, NEW, INCOME, TIME, ENDED, ECONOMY]


@pytest.fixture(scope="module")
def prepared():  # type: ignore[no-untyped-def]
    return prepare(EXAMPLE)


def model_tables(document) -> list[list[list[str]]]:  # type: ignore[no-untyped-def]
    out = []
    for block in walk_blocks(document.sections):
        if isinstance(block, Table):
            rows = [[norm(c.text) for c in row.cells] for row in (*block.header, *block.body)]
            out.append(rows)
    return out


def without_empty_heading_cells(table: list[list[str]]) -> list[list[str]]:
    """A heading row's empty cells (the model's, not the DOCX's merged one) left out."""
    return [[c for c in row if c] if not any(row[1:]) and len(row) > 2 and row[0]
            else row for row in table]


def test_the_example_checks_clean(prepared) -> None:  # type: ignore[no-untyped-def]
    assert prepared.warnings == ()
    assert prepared.errors == ()


def test_every_table_of_the_model_has_the_published_figures(prepared) -> None:  # type: ignore[no-untyped-def]
    tables = model_tables(prepared.document)
    assert len(tables) == len(TABLES)
    for got, want in zip(tables, TABLES, strict=True):
        assert without_empty_heading_cells(got) == without_empty_heading_cells(want)


def test_every_table_of_the_docx_has_the_published_figures(tmp_path: Path) -> None:
    from reportgen.commands.build import build

    (docx,) = build(EXAMPLE, tmp_path, ["docx"], draft=False)
    tables = docx_tables(docx)
    assert len(tables) == len(TABLES)
    for got, want in zip(tables, TABLES, strict=True):
        assert without_empty_heading_cells(got) == without_empty_heading_cells(want)


def test_the_html_title_and_the_docx_properties_name_the_period(tmp_path: Path) -> None:
    import docx
    from extract import html_tree

    from reportgen.commands.build import build

    paths = {p.suffix: p for p in build(EXAMPLE, tmp_path, ["html", "docx"], draft=False)}
    title = html_tree(paths[".html"]).find(".//title").text_content()
    assert title == "Delårsrapport januari–augusti 2023 – Samordningsförbundet Hagåsen"
    props = docx.Document(str(paths[".docx"])).core_properties
    assert (props.title, props.subject, props.category, props.keywords) == (
        "Delårsrapport januari–augusti 2023",
        "Delårsrapport för perioden 1 januari – 31 augusti 2023, Samordningsförbundet Hagåsen",
        "Delårsrapport januari–augusti 2023",
        "delårsrapport, prognos, samordningsförbund, finsam")


def test_prose_names_the_figures_of_the_tables(prepared) -> None:  # type: ignore[no-untyped-def]
    text = " ".join(norm("".join(getattr(r, "text", "") for r in b.runs))
                    for b in walk_blocks(prepared.document.sections) if isinstance(b, Paragraph))
    # From the tables: 38 new (36), 46 ended, 12 of 46 to work (26 %), 36 of 46 to work,
    # studies or rehabilitation (78 %: the published text says 79 %, see test_seed003).
    assert "varav 38 nya deltagare (2022: 36)" in text
    assert "har 46 personer avslutat" in text
    assert "har 26 % gått vidare till arbete" in text
    assert "Totalt 78 % har tagit sådana steg" in text
    assert ("Prognosen för helåret är ett resultat på -743 449 kr mot budgeterade -748 370 kr, "
            "en avvikelse på 4 921 kr") in text


def test_cover_and_sections(prepared) -> None:  # type: ignore[no-untyped-def]
    doc = prepared.document
    assert (doc.cover.title, doc.cover.period, doc.cover.decided) == (
        "Delårsrapport januari–augusti 2023", "För perioden 1 januari – 31 augusti 2023",
        "Godkänd av förbundsstyrelsen 2023-09-26")
    assert [(s.number, s.title) for s in doc.walk_sections() if s.level <= 2] == [
        ("1", "Om förbundet – verksamhetsidé, vision och ändamål"),
        ("2", "Förbundsstyrelsen och ägarna"),
        ("2.1", "Styrelsens sammansättning"),
        ("2.2", "Styrelsens arbete"),
        ("2.3", "Huvudmännen – förbundsmedlemmarna"),
        ("3", "Uppföljning av mål och aktiviteter i verksamhetsplan 2023"),
        (None, "Målområden och genomförda aktiviteter januari–augusti 2023"),  # the goals' own
        ("4", "Resultat från individinsatserna – samordningsteamen"),
        ("5", "Planerade aktiviteter hösten 2023"),
        ("5.1", "Lokala aktiviteter"),
        ("5.2", "Länsgemensamma aktiviteter"),
        ("6", "Ekonomiskt utfall per 31 augusti samt prognos för helår 2023"),
    ]


@pytest.mark.slow
def test_pdf_is_pdfua_clean_and_the_docx_converts(tmp_path: Path) -> None:
    import pikepdf
    from docx_extract import libreoffice_pdf
    from extract import pdf_text
    from pdfua import Severity, validate

    from reportgen.commands.build import build

    paths = {p.suffix: p for p in build(EXAMPLE, tmp_path, ["pdf", "docx"], draft=False)}
    report = validate(str(paths[".pdf"]))
    counts = report.count_by_severity()
    problems = [f"{f.rule_id} {f.message}" for f in report.findings]
    assert (counts[Severity.ERROR], counts[Severity.WARNING]) == (0, 0), problems
    assert {o.rule_id for o in report.skipped} <= {"UA-14-001"}  # see test_pdf.py
    with pikepdf.open(paths[".pdf"]) as pdf:
        assert str(pdf.docinfo.Title) == ("Delårsrapport januari–augusti 2023 – "
                                          "Samordningsförbundet Hagåsen")
        assert str(pdf.docinfo.Subject) == ("Delårsrapport för perioden 1 januari – 31 augusti "
                                            "2023, Samordningsförbundet Hagåsen")
    converted = libreoffice_pdf(paths[".docx"], tmp_path / "lo", tmp_path / "lo-profile")
    lines = [norm(line) for line in pdf_text(converted, layout=True).splitlines()]
    assert "Godkänd av förbundsstyrelsen 2023-09-26" in lines
    assert "Summa -748 370 680 810 -743 449 4 921" in lines
    assert "Totalt antal 46 100 %" in lines


def test_the_example_round_trips() -> None:
    from reportgen.yaml_edit import RoundTrip

    text = EXAMPLE.read_text(encoding="utf-8")
    # återför writes inline texts back through this round trip (and nytt-år its changes),
    # which must keep the file; nytt-år on it is tests/test_nyttar_delar.py.
    assert RoundTrip.open(text).dump() == text

"""Goals and insatser as a förbund writes them (issue 12, items 2 and 3).

The fixture tests/fixtures/alvmora/ is a fictional förbund: målområden with goals on two
levels (övergripande mål with verksamhetsmål under them) and an organisationsmål; mått
that are numeric (a target written 3.0 keeps its decimal), yes/no, in words with the
board's assessment, and measured for two groups with one assessment; its own status scale
of four statuses with colour and symbol; resultatmål held by an insats; a goal matrix
placed as a block; insatser with only a name (ids derived from the names), without typ,
without project number, without förbund money (an ESF project), with only an end date,
and with participants and outcomes as shares of a stated total.

Its goal, mått, matrix and insats tables are compared with tables written here by hand,
cell by cell as printed: from the report model, from the HTML, and (slow) from the DOCX
and the PDF.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT
from extract import html_tables, norm

from reportgen.document.model import Paragraph, Section, Table
from reportgen.findings import UserError
from reportgen.pipeline import prepare

FIXTURE = ROOT / "tests" / "fixtures" / "alvmora" / "2024.yaml"

# -- the golden tables, written by hand ------------------------------------------------------

G1 = "Övergripande mål 1. Fler deltagare närmar sig arbete eller studier"
G11 = "Verksamhetsmål 1.1. Minst 40 procent av de avslutade går till arbete eller studier"
G12 = "Verksamhetsmål 1.2. Deltagarna upplever att stödet är samordnat"
G13 = "Verksamhetsmål 1.3. Tiden i insatsen är som mest ett år"
G2 = "Övergripande mål 2. Parterna samverkar kring unga som varken arbetar eller studerar"
G21 = "Verksamhetsmål 2.1. Ett samverkansavtal om unga är tecknat"
G22 = "Verksamhetsmål 2.2. Förbundet söker medel för ett gemensamt ESF-projekt"
G3 = "Organisationsmål 1. Styrelse och beredningsgrupp kan finansiell samordning"
AREA_1 = "Målområde Individ – stöd på vägen till egen försörjning"
AREA_2 = "Målområde Samverkan – strukturer som håller"
AREA_3 = "Målområde Organisation"  # no rubrik of its own: the standard wording
U, Ö, D, E = ("● Uppfyllt", "◆ Till övervägande del uppfyllt", "▲ Delvis uppfyllt",
              "○ Ej uppfyllt")

MATRIX = [
    ["Mål", "Aktiviteter under året", "Utfall", "Status"],
    [AREA_1],
    [G1, "", "", Ö],  # two of three verksamhetsmål met: ⅔, "till övervägande del"
    [G11, "", "43 %", U],
    [G12, "Deltagarenkät vid avslut.", "3,2 av 4,0", U],
    [G13, "", "14,5 månader", E],
    [AREA_2],
    [G2, "• Förstudie om unga 16–29 år.\n• Gemensam ansökan till Svenska ESF-rådet.",
     "Avtal tecknat och ESF-projekt beviljat", U],
    [G21, "", "Ja", U],
    [G22, "", "Beviljad i maj 2024", U],
    [AREA_3],
    [G3, "Utbildningsdag om finansiell samordning i mars.",
     "Styrelsen 100 %, Beredningsgruppen 40 %", D],  # one group of two: ½, "delvis"
]
# The status cells' backgrounds: each colour mixed with 85 % white (worked out by hand:
# grön #2e7d32 → e0 ec e0, ljusgrön #689f38 → e8 f1 e1, gul #b7791f → f4 eb dd,
# röd #b3261e → f4 de dd).
MATRIX_FILLS = ["#e8f1e1", "#e0ece0", "#e0ece0", "#f4dedd", "#e0ece0", "#e0ece0", "#e0ece0",
                "#f4ebdd"]
SUMMARY = [
    ["Mål", "Bedömning"],
    [AREA_1], [G1, Ö], [G11, U], [G12, U], [G13, E],
    [AREA_2], [G2, U], [G21, U], [G22, U],
    [AREA_3], [G3, D],
]
HEAD = ["Mått", "Mål", "Utfall", "Bedömning"]
MÅTT = {
    "mal-1-1-matt": [HEAD, ["Avslutade i Jobbspåret till arbete eller studier", "minst 40 %",
                            "43 %", U]],
    "mal-1-2-matt": [HEAD, ["Medelbetyg i deltagarenkäten", "minst 3,0 av 4,0", "3,2 av 4,0", U],
                     ["Kommentar", "Enkäten besvarades av 24 av de 30 deltagare som avslutades."]],
    "mal-1-3-matt": [HEAD, ["Genomsnittlig tid i Jobbspåret", "högst 12 månader", "14,5 månader",
                            E]],
    "mal-2-1-matt": [HEAD, ["Avtalet undertecknat av alla fem parter", "Ja", "Ja", U]],
    "mal-2-2-matt": [HEAD, ["Ansökan till Svenska ESF-rådet", "Ansökan beviljad",
                            "Beviljad i maj 2024", U]],
    "mal-3-matt": [HEAD, ["Andel som gått utbildningen om finansiell samordning", "minst 75 %", "",
                          D], ["Styrelsen", "", "100 %", ""], ["Beredningsgruppen", "", "40 %", ""]],
    "ekonomiskt-mal-1-matt": [HEAD, ["Eget kapital i procent av medlemsbidragen", "högst 35 %",
                                     "31 %", U]],
}
INSATSER = [
    ["Insats", "Projekt", "Typ", "Beviljat, tkr", "Förbrukat, tkr", "Deltagare"],
    ["Jobbspåret", "301", "individinriktad", "1 200", "1 130", "57"],
    ["Unga i Älvmora (förstudie)", "412", "strukturövergripande", "250", "180", "–"],
    ["ESF-projektet Gemensam väg", "–", "strukturövergripande", "–", "–", "–"],
    ["Kompetensdagar", "–", "–", "60", "52", "85"],
    ["Summa", "", "", "1 510", "1 362", ""],
]
FACTS_HEAD = ["Uppgift", "Insatsen"]
INSATS_TABLES = {
    "insats-jobbspåret-fakta": [
        FACTS_HEAD, ["Projektnummer", "301"], ["Typ", "Individinriktad insats"],
        ["Period", "2024-01-01 – 2024-12-31"], ["Huvudman", "Arbetsmarknadsenheten, Älvmora kommun"]],
    "insats-unga_i_älvmora_förstudie-fakta": [
        FACTS_HEAD, ["Projektnummer", "412"], ["Typ", "Strukturövergripande insats"],
        ["Period", "till och med 2025-06-30"],
        ["Huvudman", "Utbildningsförvaltningen, Sandviks kommun"]],
    "insats-esf_projektet_gemensam_väg-fakta": [
        FACTS_HEAD, ["Typ", "Strukturövergripande insats"], ["Period", "från och med 2024-09-01"],
        ["Huvudman", "Region Nordmark, i samverkan med tre samordningsförbund"]],
    "insats-jobbspåret-deltagare": [  # 67 % kvinnor of 57: the counts are not known
        ["Antal personer", "Kvinnor", "Män", "Totalt 2024"],
        ["Aktiva under året", "–", "–", "57"], ["Andel av de aktiva", "67 %", "33 %", "100 %"],
        ["Nya under året", "–", "–", "31"], ["Avslutade under året", "–", "–", "30"],
        ["Andel av de avslutade med måluppfyllt resultat", "", "", "43 %"]],
    "insats-jobbspåret-utfall": [
        ["Avslutade till", "Antal", "Andel av de avslutade", "Måluppfyllt resultat"],
        ["Arbete", "–", "30 %", "ja"], ["Studier", "–", "13 %", "ja"],
        ["Annan arbetslivsinriktad rehabilitering", "–", "20 %", "nej"],
        ["Vård", "–", "27 %", "nej"], ["Annat", "–", "10 %", "nej"],
        ["Summa", "30", "100 %", ""]],
    "insats-jobbspåret-resultatmal": [
        ["Resultatmål", "Mål", "Utfall", "Bedömning"],
        ["Deltagare med en handlingsplan inom fyra veckor", "minst 90 %", "95 %", U],
        ["Deltagare som avbryter i förtid", "högst 10 %", "12 %", E]],
    "insats-jobbspåret-uppgifter": [
        FACTS_HEAD, ["Personal", "Två arbetsspecialister och en koordinator på halvtid"],
        ["Kostnadseffektivitet", "Kostnaden per deltagare var 19 832 kr"],
        ["Framåtspaning", "Insatsen fortsätter 2025 med samma inriktning"]],
}
INSATS_HEADINGS = {  # group → its insatser's headings, in order
    "Individinriktade insatser": ["Jobbspåret, projekt 301"],
    "Strukturövergripande insatser": ["Unga i Älvmora (förstudie), projekt 412",
                                      "ESF-projektet Gemensam väg"],
    "Övriga insatser": ["Kompetensdagar"],
}
BADGES = [  # every status badge of the goals, in order: text and style
    ("Bedömning: ● uppfyllt", "status"),  # the financial goal
    ("Bedömning: ◆ till övervägande del uppfyllt", "status"),
    ("Bedömning: ● uppfyllt", "status"),
    ("Bedömning: ● uppfyllt", "status"),
    ("Bedömning: ○ ej uppfyllt", "status"),
    ("Bedömning: ● uppfyllt", "status"),
    ("Bedömning: ● uppfyllt", "status"),
    ("Bedömning: ● uppfyllt", "status"),
    ("Bedömning: ▲ delvis uppfyllt", "status"),
    ("Bedömning: ▲ delvis uppfyllt", "status"),  # Jobbspåret
]


@pytest.fixture(scope="module")
def alvmora():  # type: ignore[no-untyped-def]
    return prepare(FIXTURE)


def cells(table: Table) -> list[list[str]]:
    """The model's cells as printed (a non-breaking space read as a space)."""
    return [[c.text.replace("\u00a0", " ") for c in row.cells]
            for row in (*table.header, *table.body)]


def printed(rows: list[list[str]]) -> list[list[str]]:
    """A golden table as a reader gets it from an output: white space folded."""
    return [[norm(c) for c in row] for row in rows]


def table(document, table_id: str) -> Table:  # type: ignore[no-untyped-def]
    return next(t for t in document.tables() if t.id == table_id)


def walk(blocks):  # type: ignore[no-untyped-def]
    for b in blocks:
        yield b
        if isinstance(b, Section):
            yield from walk(b.blocks)


# -- the fixture, from the report model ------------------------------------------------------


def test_fixture_builds_without_warnings(alvmora) -> None:  # type: ignore[no-untyped-def]
    assert alvmora.warnings == ()
    assert alvmora.errors == ()


def test_goal_matrix_cell_by_cell(alvmora) -> None:  # type: ignore[no-untyped-def]
    matrix = table(alvmora.document, "malmatris")
    assert matrix.caption == "Mål och måluppfyllelse 2024"
    assert cells(matrix) == MATRIX
    statuses = [row.cells[-1] for row in matrix.body if len(row.cells) == 4]
    assert [c.tint.background if c.tint else None for c in statuses] == MATRIX_FILLS
    # The goal labels its row; the status says itself in words and symbol, the colour repeats.
    assert [p.row_header for p in matrix.placed(matrix.body[1])] == [True, False, False, False]


def test_goal_summary_and_mått_tables(alvmora) -> None:  # type: ignore[no-untyped-def]
    assert cells(table(alvmora.document, "mal-oversikt")) == SUMMARY
    for table_id, golden in MÅTT.items():
        assert cells(table(alvmora.document, table_id)) == golden, table_id


def test_status_badges_say_the_status_in_words_and_symbol(alvmora) -> None:  # type: ignore[no-untyped-def]
    badges = [(b.text, b.style) for b in walk(alvmora.document.sections)
              if isinstance(b, Paragraph) and b.style.startswith("status")]
    assert badges == BADGES


def test_goal_headings_carry_level_and_number_once(alvmora) -> None:  # type: ignore[no-untyped-def]
    titles = [s.title for s in alvmora.document.walk_sections()
              if s.id.startswith(("mal-", "malomrade-"))]
    assert titles == [AREA_1, G1, G11, G12, G13, AREA_2, G2, G21, G22, AREA_3, G3]


def test_insats_tables_cell_by_cell(alvmora) -> None:  # type: ignore[no-untyped-def]
    assert cells(table(alvmora.document, "insatser-oversikt")) == INSATSER
    for table_id, golden in INSATS_TABLES.items():
        assert cells(table(alvmora.document, table_id)) == golden, table_id
    groups = {s.title: [c.title for c in s.blocks if isinstance(c, Section)]
              for s in alvmora.document.walk_sections() if s.id.startswith("insatser-")}
    assert groups == INSATS_HEADINGS


def test_insats_counts_say_what_they_count(alvmora) -> None:  # type: ignore[no-untyped-def]
    """Four insatser; the förbund finances three (the ESF project has no förbund money)."""
    text = next(b.text for s in alvmora.document.walk_sections()
                if s.id == "viktiga-forhallanden" for b in s.blocks if isinstance(b, Paragraph))
    assert norm(text) == ("Årets resultat blev 155 500 kr. Förbundet finansierade 3 av årets "
                          "4 insatser; i 1 deltar förbundet utan egna medel.")


def test_the_fixture_in_the_html(alvmora, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from reportgen.render.html import render_html

    path = tmp_path / "2024.html"
    html = render_html(alvmora.document)
    path.write_text(html, encoding="utf-8")
    tables = html_tables(path)
    for golden in (MATRIX, SUMMARY, INSATSER, *MÅTT.values(), *INSATS_TABLES.values()):
        assert printed(golden) in tables, golden[1]
    # The status cells' and badges' colours are painted, and only repeat the words.
    assert 'style="background-color: #e8f1e1"' in html
    assert ('<p class="status" style="background-color: #e8f1e1; border-left-color: #689f38">'
            in html)


@pytest.mark.slow
def test_the_fixture_in_the_docx_and_the_pdf(tmp_path: Path) -> None:
    from extract import docx_headings, docx_tables, pdf_text
    from pdfua import Severity, validate

    from reportgen.commands.build import build

    paths = {p.suffix: p for p in build(FIXTURE, tmp_path, ["pdf", "docx"], draft=False)}
    report = validate(str(paths[".pdf"]))  # tinted cells and badges, goals down to H6
    counts = report.count_by_severity()
    assert counts[Severity.ERROR] == counts[Severity.WARNING] == 0, [
        f"{f.rule_id} {f.message}" for f in report.findings]
    tables = docx_tables(paths[".docx"])
    for golden in (MATRIX, SUMMARY, INSATSER, *MÅTT.values(), *INSATS_TABLES.values()):
        assert printed(golden) in tables, golden[1]
    headings = docx_headings(paths[".docx"])
    for title in (G1, G11, G3, *sum(INSATS_HEADINGS.values(), [])):
        assert title in headings, title
    pdf = norm(pdf_text(paths[".pdf"]))
    for words in (G13, "Bedömning: ◆ till övervägande del uppfyllt",
                  "Kommentar Enkäten besvarades av 24 av de 30 deltagare som avslutades.",
                  "Unga i Älvmora (förstudie), projekt 412", "Period till och med 2025-06-30"):
        assert words in pdf, words


# -- bad input: names that name nothing, at their line ---------------------------------------


def fixture_copy(tmp_path: Path, *replacements: tuple[str, str]) -> Path:
    target = tmp_path / "alvmora"
    shutil.copytree(FIXTURE.parent, target)
    yaml = target / FIXTURE.name
    text = yaml.read_text(encoding="utf-8")
    for old, new in replacements:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    yaml.write_text(text, encoding="utf-8")
    return yaml


def line_of(yaml: Path, fragment: str) -> int:
    lines = yaml.read_text(encoding="utf-8").splitlines()
    (line,) = [n for n, row in enumerate(lines, 1) if fragment in row]
    return line


BAD = {
    # case: (text in the fixture, replacement, message, field)
    "status": ("            bedömning: uppfyllt\n", "            bedömning: till stor del uppfyllt\n",
               "statusen 'till stor del uppfyllt' finns inte; menade du 'till övervägande del "
               "uppfyllt' eller 'delvis uppfyllt' eller 'ej uppfyllt'? (giltiga: uppfyllt, till "
               "övervägande del uppfyllt, delvis uppfyllt, ej uppfyllt)",
               "mål.1.delmål.1.mått.0.bedömning"),
    "goal level": ("    nivå: organisationsmål\n", "    nivå: organisationsmal\n",
                   "målnivån 'organisationsmal' finns inte; menade du 'organisationsmål'?",
                   "mål.2.nivå"),
    "målområde": ("    målområde: Samverkan\n", "    målområde: Samverkansområdet\n",
                  "målområdet 'Samverkansområdet' finns inte; menade du 'Samverkan'? "
                  "(giltiga: Individ, Samverkan, Organisation)", "mål.1.målområde"),
    "matrix column": ("[mål, förslag, utfall, status]", "[mål, förslag, utfall, statuts]",
                      "kolumnen 'statuts' finns inte; menade du 'status'?",
                      "avsnitt.0.avsnitt.5.innehåll.1.målmatris.kolumner.3"),
    "colour": ("färg: gul,", "färg: gult,", "färgen 'gult' finns inte; menade du 'gul'?",
               "statusskala.2.färg"),
    "symbol": ('symbol: "▲"', 'symbol: "◐"', "symbolen '◐' finns inte i rapportens typsnitt",
               "statusskala.2.symbol"),
    "yes/no against a number": ("            målvärde: ja\n", "            minst: 1\n",
                                "utfallet är ja/nej men målet ett tal",
                                "mål.1.delmål.0.mått.0"),
}


@pytest.mark.parametrize("case", list(BAD))
def test_an_unknown_name_is_a_located_error_with_the_closest_names(tmp_path: Path,
                                                                    case: str) -> None:
    old, new, message, field = BAD[case]
    yaml = fixture_copy(tmp_path, (old, new))
    with pytest.raises(UserError) as error:
        prepare(yaml)
    (finding,) = error.value.findings
    assert message in finding.message
    assert finding.field == field
    if case != "yes/no against a number":  # that one is the mått's, at its first line
        assert finding.location.line == line_of(yaml, new.strip())


def test_a_derived_id_that_clashes_is_an_error_at_the_name(tmp_path: Path) -> None:
    from reportgen.commands.check import collect

    yaml = fixture_copy(tmp_path, ("  - namn: Kompetensdagar\n", "  - namn: Jobbspåret!\n"))
    (found,) = collect(yaml)
    assert (found.rule, found.field) == ("insats.id", "insatser.3.namn")
    assert found.location.line == line_of(yaml, "namn: Jobbspåret!")
    first = yaml.read_text(encoding="utf-8").splitlines().index("  - namn: Jobbspåret") + 1
    assert found.message == (
        f"insatsen 'Jobbspåret!' får id 'jobbspåret' ur sitt namn, men insatsen på rad {first} "
        "har redan det id:t; ange ett eget id: för en av dem")


def test_symbols_are_in_the_shipped_typeface() -> None:
    from fontTools.ttLib import TTFont

    from reportgen.schema.mal import SYMBOLER

    for font in sorted((ROOT / "templates" / "fonts").glob("Inter-*.otf")):
        cmap = TTFont(font).getBestCmap()
        missing = [c for c in SYMBOLER if ord(c) not in cmap]
        assert not missing, (font.name, missing)


def test_a_computed_status_says_no_tool_jargon(tmp_path: Path) -> None:
    """ "(beräknad från måtten)" after every Bedömning said how reportgen reached it: the
    standard wording says nothing more; a förbund may say it its own way (texter:)."""

    def badges(yaml: Path) -> list[str]:
        return [b.text for s in prepare(yaml).document.walk_sections() for b in s.blocks
                if isinstance(b, Paragraph) and b.text.startswith("Bedömning: ")]

    standard = badges(FIXTURE)
    assert standard and not [t for t in standard if "beräknad" in t or "(" in t]
    copy = fixture_copy(tmp_path)
    text = copy.read_text(encoding="utf-8")
    copy.write_text(text + '\ntexter:\n  status_beräknad_mått: " (enligt måtten)"\n',
                    encoding="utf-8")
    assert "Bedömning: ● uppfyllt (enligt måtten)" in badges(copy)

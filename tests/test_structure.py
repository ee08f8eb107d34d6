"""Sections from the YAML, fixed texts, people and signatures (issue 12, items 1, 6 and 7).

The fixture tests/fixtures/granasen/ is a fictional förbund with its own structure: a board
without "utsedd av", no organisationsnummer, digital signing with an ersättare signing for
an absent member, its own sections (Året i korthet; Samverkan i praktiken inside the
förvaltningsberättelse), the board's and the auditors' signatures in sections of their
own, and the auditors' own sentence. Its table of contents, signature pages and board
table are compared with values written here by hand: from the report model, and from the
PDF's and the DOCX's text.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import ROOT

from reportgen.document.model import Heading, Section, SignatureBlock, Table
from reportgen.pipeline import prepare

FIXTURE = ROOT / "tests" / "fixtures" / "granasen" / "2023.yaml"

# -- the golden values, written by hand ------------------------------------------------------

TOC = [
    (1, None, "Året i korthet"),
    (1, "1", "Förvaltningsberättelse"),
    (2, "1.1", "Översikt över verksamhetens utveckling"),
    (2, "1.2", "Viktiga förhållanden för resultat och ekonomisk ställning"),
    (2, "1.3", "Samverkan i praktiken"),
    (2, "1.4", "Styrning och uppföljning av verksamheten"),
    (2, "1.5", "God ekonomisk hushållning, måluppfyllelse och ekonomisk ställning"),
    (2, "1.6", "Förväntad utveckling"),
    (1, "2", "Resultaträkning"),
    (1, "3", "Balansräkning"),
    (1, "4", "Kassaflödesanalys"),
    (1, "5", "Noter"),
    (1, "6", "Styrelsens underskrifter"),
    (1, "7", "Revisorernas underskrifter"),
]
BOARD_TABLE = [
    ["Ordinarie ledamot", "Ersättare"],
    ["Karin Holm, ordförande", "Per Lund"],
    ["Ali Haddad, vice ordförande", "Sara Ek"],
    ["Lena Strand", "Johan Björk"],
    ["Mats Ivarsson (till 2023-05-31)\nEva Nyström (från 2023-06-01)", "Anders Berg"],
]
ATTESTATION = ("Vi intygar att årsredovisningen ger en rättvisande bild av verksamhetens resultat "
               "samt kostnader, intäkter och förbundets ekonomiska ställning.")
AUDITORS_SENTENCE = ("Vi har granskat förbundets årsredovisning och lämnat vår "
                     "revisionsberättelse den 4 april 2024.")
DIGITAL = "Datering enligt datum för digital signering"
BOARD_SIGNATURES = [  # name, role, lines: as stated in underskrifter, in that order
    ("Karin Holm", "Ordförande", ()),
    ("Ali Haddad", "Vice ordförande", ()),
    ("Johan Björk", "Ersättare för Lena Strand", ()),
    ("Eva Nyström", "Ledamot", ()),
]
AUDITOR_SIGNATURES = [  # derived from revisorer
    ("Birgitta Sandell", "Förtroendevald revisor", ("Granås kommun och Åsby kommun",)),
    ("Olof Rask", "Förtroendevald revisor", ("Region Västerdal",)),
    ("Maria Kvist", "Auktoriserad revisor", ("Försäkringskassan och Arbetsförmedlingen",)),
]
# The signature pages as pdftotext -layout prints them: two signatures side by side.
BOARD_PAGE = [
    ["Karin Holm", "Ali Haddad"], ["Ordförande", "Vice ordförande"],
    ["Johan Björk", "Eva Nyström"], ["Ersättare för Lena Strand", "Ledamot"],
]
AUDITORS_PAGE = [
    ["Birgitta Sandell", "Olof Rask"], ["Förtroendevald revisor", "Förtroendevald revisor"],
    ["Granås kommun och Åsby kommun", "Region Västerdal"],
    ["Maria Kvist"], ["Auktoriserad revisor"], ["Försäkringskassan och Arbetsförmedlingen"],
]


@pytest.fixture(scope="module")
def granasen():  # type: ignore[no-untyped-def]
    return prepare(FIXTURE)


def section(document, anchor: str) -> Section:  # type: ignore[no-untyped-def]
    return next(s for s in document.walk_sections() if s.id == anchor)


def cells(table: Table) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in (*table.header, *table.body)]


def signatures(block: SignatureBlock) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(s.name, s.role, s.lines) for s in block.signatories]


# -- the fixture, from the report model ------------------------------------------------------


def test_fixture_builds_without_warnings(granasen) -> None:  # type: ignore[no-untyped-def]
    assert granasen.warnings == ()
    assert granasen.errors == ()


def test_fixture_table_of_contents(granasen) -> None:  # type: ignore[no-untyped-def]
    assert [(e.level, e.number, e.title) for e in granasen.document.toc()] == TOC


def test_fixture_signature_sections(granasen) -> None:  # type: ignore[no-untyped-def]
    board = section(granasen.document, "styrelsens-underskrifter")
    auditors = section(granasen.document, "revisorernas-underskrifter")
    (b,) = board.blocks
    (a,) = auditors.blocks
    assert isinstance(b, SignatureBlock) and isinstance(a, SignatureBlock)
    # In sections of their own the section's heading says whose signatures they are.
    assert (b.title, b.attestation, b.place_and_date, b.digital) == (
        None, ATTESTATION, DIGITAL, True)
    assert (a.title, a.attestation, a.place_and_date) == (None, AUDITORS_SENTENCE, DIGITAL)
    assert signatures(b) == BOARD_SIGNATURES
    assert signatures(a) == AUDITOR_SIGNATURES


def test_fixture_board_table_has_no_utsedd_av_column(granasen) -> None:  # type: ignore[no-untyped-def]
    table = next(t for t in granasen.document.tables() if t.id == "styrelse")
    assert table.caption == "Styrelsens sammansättning 2023"
    assert cells(table) == BOARD_TABLE
    assert [p.row_header for p in table.placed(table.body[0])] == [True, False]


def test_fixture_cover_prints_no_organisationsnummer_or_placeholder(granasen) -> None:  # type: ignore[no-untyped-def]
    cover = granasen.document.cover
    assert cover.organisation_number_text is None
    assert cover.decided is None  # beslutsdatum stated empty: signed digitally
    assert cover.address_lines == ("Webbplats: www.granasen-finsam.se",)


@pytest.mark.slow
def test_fixture_in_the_pdf_and_the_docx(tmp_path: Path) -> None:
    from extract import docx_headings, docx_tables, pdf_text

    from reportgen.commands.build import build

    paths = {p.suffix: p for p in build(FIXTURE, tmp_path, ["pdf", "docx"], draft=False)}
    pages = pdf_text(paths[".pdf"], layout=True).split("\f")
    # The table of contents: numbers and titles in order, each with a page number.
    toc_page = next(p for p in pages if "Innehållsförteckning" in p)
    entries = [re.fullmatch(r"\s*(\d+(?:\.\d+)?)?\s*(.+?)\s*\.{3,}\s*\d+", line)
               for line in toc_page.splitlines()]
    assert [(m.group(1), m.group(2)) for m in entries if m] == [(n, t) for _, n, t in TOC]
    # The board table's rows, as printed.
    printed = [re.split(r"\s{2,}", line.strip()) for p in pages for line in p.splitlines()]
    for row in BOARD_TABLE:
        lines = [cell.split("\n") for cell in row]
        assert [lines[0][0], lines[1][0]] in printed, row
    assert ["Eva Nyström (från 2023-06-01)"] in printed

    def signature_rows(page: str) -> list[list[str]]:
        lines = [re.split(r"\s{2,}", line.strip()) for line in page.splitlines()]
        start = next(i for i, line in enumerate(lines) if line == [DIGITAL]) + 1
        return [line for line in lines[start:] if line != [""] and not line[0].startswith("Sida")]

    board_page = next(p for p in pages if "Styrelsens underskrifter\n" in p and DIGITAL in p)
    auditors_page = next(p for p in pages if "Revisorernas underskrifter\n" in p and DIGITAL in p)
    assert " ".join(board_page.split()).count(ATTESTATION) == 1
    assert AUDITORS_SENTENCE in " ".join(auditors_page.split())
    assert signature_rows(board_page) == BOARD_PAGE
    assert signature_rows(auditors_page) == AUDITORS_PAGE
    # The DOCX: the same headings, the same board table.
    headings = docx_headings(paths[".docx"])
    assert [h for h in headings if h in {f"{n} {t}" if n else t for _, n, t in TOC}] == [
        f"{n} {t}" if n else t for _, n, t in TOC]
    assert [[" ".join(c.split()) for c in row] for row in BOARD_TABLE] in [
        [[" ".join(c.split()) for c in row] for row in t] for t in docx_tables(paths[".docx"])]


# -- the sections the YAML lists -------------------------------------------------------------


def fixture_copy(tmp_path: Path, *replacements: tuple[str, str]) -> Path:
    """The fixture in *tmp_path*, its YAML changed by *replacements* (each matching once)."""
    target = tmp_path / "granasen"
    shutil.copytree(FIXTURE.parent, target)
    yaml = target / FIXTURE.name
    text = yaml.read_text(encoding="utf-8")
    for old, new in replacements:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    yaml.write_text(text, encoding="utf-8")
    return yaml


def toc(yaml: Path) -> list[tuple[str | None, str]]:
    return [(e.number, e.title) for e in prepare(yaml).document.toc()]


def test_a_section_left_out_is_not_printed_and_the_numbers_close_up(tmp_path: Path) -> None:
    yaml = fixture_copy(tmp_path, ("  - kassaflödesanalys\n", ""))
    assert toc(yaml)[-4:] == [("3", "Balansräkning"), ("4", "Noter"),
                              ("5", "Styrelsens underskrifter"),
                              ("6", "Revisorernas underskrifter")]


def test_a_listed_section_without_content_is_not_printed(tmp_path: Path) -> None:
    # The fixture has no text for 1.6 Väsentliga personalförhållanden.
    yaml = fixture_copy(tmp_path, ("      - förväntad_utveckling\n",
                                   "      - personal\n      - förväntad_utveckling\n"))
    assert toc(yaml) == [(n, t) for _, n, t in TOC]


def test_heading_numbering_and_page_break_of_a_standard_section(tmp_path: Path) -> None:
    yaml = fixture_copy(tmp_path, (
        "  - resultaträkning\n",
        "  - standard: resultaträkning\n    rubrik: Resultaträkning {{ år }}\n"
        "    numrering: ingen\n    ny_sida: false\n"))
    document = prepare(yaml).document
    rr = section(document, "resultatrakning")
    assert (rr.number, rr.title, rr.page_break_before, document.in_toc(rr)) == (
        None, "Resultaträkning 2023", False, True)
    assert [(e.number, e.title) for e in document.toc()][8:10] == [
        (None, "Resultaträkning 2023"), ("2", "Balansräkning")]


def test_a_section_of_ones_own_holds_standard_content(tmp_path: Path) -> None:
    # 1.4 as the förbund words it: its own heading, a text, the board's table, the auditors.
    yaml = fixture_copy(tmp_path, (
        "      - styrning\n",
        "      - rubrik: Styrelse och revision\n        innehåll:\n"
        "          - text: Styrelsen har haft sex sammanträden.\n"
        "          - standard: styrelse\n          - sidbrytning: true\n"
        "          - standard: revision\n"))
    document = prepare(yaml).document
    own = section(document, "avsnitt-styrelse-och-revision")
    assert (own.number, own.level) == ("1.4", 2)
    kinds = [b.kind if not isinstance(b, Heading | Table) else
             (b.text if isinstance(b, Heading) else b.id) for b in own.blocks]
    assert kinds == ["paragraph", "styrelse", "pagebreak", "Revision", "revisorer"]
    assert [b.level for b in own.blocks if isinstance(b, Heading)] == [3]
    assert "styrning" not in {s.id for s in document.walk_sections()}


def test_bilaga_numbering_for_a_section_of_ones_own(tmp_path: Path) -> None:
    yaml = fixture_copy(tmp_path, (
        "  - styrelsens_underskrifter\n",
        "  - styrelsens_underskrifter\n  - rubrik: Verksamhetsplan 2024\n    numrering: bilaga\n"
        "    innehåll:\n      - text: Styrelsen antog planen i december.\n"))
    assert toc(yaml)[-3:] == [("6", "Styrelsens underskrifter"),
                              ("Bilaga 1.", "Verksamhetsplan 2024"),
                              ("7", "Revisorernas underskrifter")]


def test_fixed_texts_replaced_by_key(tmp_path: Path) -> None:
    yaml = fixture_copy(tmp_path, (
        "texter:\n",
        "texter:\n  omslag_period: Räkenskapsåret {period}\n"
        "  innehållsförteckning: Innehåll\n  sidnummer: Sida {sida} ({sidor})\n"
        "  intygande: Styrelsen intygar att årsredovisningen för {{ år }} är rättvisande.\n"
        "  underskrift_ersättare_för: ersättare, skriver under för {namn}\n"
        "  rubrik_styrelsens_underskrifter: Underskrifter\n"))
    document = prepare(yaml).document
    assert document.cover.period == "Räkenskapsåret 1 januari – 31 december 2023"
    assert document.toc_title == "Innehåll"
    numbers = document.page_numbers
    assert (numbers.before, numbers.between, numbers.after) == ("Sida ", " (", ")")
    board = section(document, "styrelsens-underskrifter")
    (block,) = board.blocks
    assert isinstance(block, SignatureBlock)
    assert board.title == "Underskrifter"
    assert block.attestation == "Styrelsen intygar att årsredovisningen för 2023 är rättvisande."
    assert block.signatories[2].role == "ersättare, skriver under för Lena Strand"


def test_placeholder_in_a_markdown_file_is_an_error_at_line_and_column(tmp_path: Path) -> None:
    from reportgen.commands.check import collect

    yaml = fixture_copy(tmp_path)
    text = yaml.parent / "text" / "samverkan.md"
    text.write_text(text.read_text(encoding="utf-8") + "\nUnder året deltog XXX personer.\n",
                    encoding="utf-8")
    (found,) = collect(yaml)
    assert (found.rule, found.severity.value) == ("text.platshållare", "fel")
    assert (found.location.file, found.location.line, found.location.column) == (text, 4, 19)
    assert found.message == ("platshållartexten 'XXX' står kvar; skriv den riktiga texten innan "
                             "rapporten publiceras")


# -- the example: today's sections, and what the standard block does -----------------------------

EXAMPLE_TOC = [  # today's, as seed 000 numbers them, with Året i siffror after the foreword
    (None, "Ordförande har ordet"), (None, "Året i siffror"), ("1", "Förvaltningsberättelse"),
    ("1.1", "Översikt över verksamhetens utveckling"),
    ("1.2", "Viktiga förhållanden för resultat och ekonomisk ställning"),
    ("1.3", "Händelser av väsentlig betydelse"),
    ("1.4", "Styrning och uppföljning av verksamheten"),
    ("1.5", "God ekonomisk hushållning, måluppfyllelse och ekonomisk ställning"),
    ("1.6", "Väsentliga personalförhållanden"), ("1.7", "Förväntad utveckling"),
    ("2", "Resultaträkning"), ("3", "Balansräkning"), ("4", "Kassaflödesanalys"),
    ("5", "Driftredovisning"), ("6", "Noter"), ("7", "Sammanställning av utfall och budget 2023"),
    ("8", "Styrelsens och revisorernas underskrifter"),
    ("Bilaga 1.", "Sammanställning resultat indikatorer – Rehabteamet"),
    ("Bilaga 2.", "Sammanställning resultat indikatorer – Parternas chefsgrupp"),
    ("Bilaga 3.", "Sammanställning resultat indikatorer – Styrelsen"),
    ("Bilaga 4.", "Indikatorerna 1–16"),
]
# The example's order (the standard order and Året i siffror after the foreword), written
# out as a förbund would write it in avsnitt:, in block form.
STANDARD_ORDER = """avsnitt:
  - ordförande_har_ordet
  - året_i_siffror
  - standard: förvaltningsberättelse
    avsnitt: [organisation, uppdrag, lagrum, finansiering, verksamhetsidé, översikt,
              viktiga_förhållanden, väsentliga_händelser, styrning, god_hushållning,
              personal, förväntad_utveckling]
  - resultaträkning
  - balansräkning
  - kassaflödesanalys
  - driftredovisning
  - noter
  - sammanställning
  - underskrifter
  - bilagor
"""


def example_copy(tmp_path: Path, extra: str) -> Path:
    """A copy of the example with *extra* appended; an `avsnitt:` in it replaces the example's."""
    target = tmp_path / "content"
    shutil.copytree(ROOT / "content", target)
    yaml = target / "2023.yaml"
    text = yaml.read_text(encoding="utf-8")
    if extra.startswith("avsnitt:"):
        text = "\n".join(line for line in text.splitlines() if not line.startswith("avsnitt: ["))
    yaml.write_text(text + "\n" + extra, encoding="utf-8")
    return yaml


def test_the_example_has_todays_sections(example_prepared) -> None:  # type: ignore[no-untyped-def]
    document = example_prepared.document
    assert [(e.number, e.title) for e in document.toc()] == EXAMPLE_TOC
    # The one change: the auditors stand under a heading "Revision" of their own, no longer
    # under the board's "Styrelsen" (issue 16's list).
    styrning = section(document, "styrning")
    order = [b.text if isinstance(b, Heading) else b.id for b in styrning.blocks
             if isinstance(b, Heading | Table)]
    assert order == ["Uppföljning av verksamheten", "Styrelsen", "styrelse", "Revision",
                     "revisorer"]


def test_the_standard_order_is_the_default(tmp_path: Path, example_prepared) -> None:  # type: ignore[no-untyped-def]
    written = prepare(example_copy(tmp_path, STANDARD_ORDER)).document
    assert written.sections == example_prepared.document.sections


def test_standard_content_stands_at_the_level_of_its_place(tmp_path: Path,  # type: ignore[no-untyped-def]
                                                           example_prepared) -> None:
    yaml = example_copy(tmp_path, STANDARD_ORDER.replace(
        "              personal, förväntad_utveckling]\n",
        "              personal, förväntad_utveckling]\n"
        "  - rubrik: Våra insatser\n    innehåll:\n      - standard: insatser\n").replace(
        "styrning, god_hushållning,", "styrning,").replace(
        "  - bilagor\n", "  - standard: bilagor\n    rubrik: Bilagor\n"))
    document = prepare(yaml).document
    before = {s.id: s.level for s in example_prepared.document.walk_sections()}
    own = section(document, "avsnitt-vara-insatser")
    assert (own.number, own.level) == ("2", 1)
    inner = [s for s in document.walk_sections() if s.id.startswith("insats")]
    assert inner and all(s.level == before[s.id] - 1 for s in inner)  # 1.5's were 3 and 4
    bilagor = section(document, "bilagor")
    assert (bilagor.number, bilagor.level) == ("10", 1)
    assert [(s.number, s.level) for s in bilagor.blocks if isinstance(s, Section)] == [
        ("Bilaga 1.", 2), ("Bilaga 2.", 2), ("Bilaga 3.", 2), ("Bilaga 4.", 2)]


def test_the_schema_and_the_registry_name_the_same_sections_parts_and_blocks() -> None:
    from reportgen.document.registry import BLOCKS, PARTS, SECTIONS
    from reportgen.schema.avsnitt import (
        AVSNITT,
        BLOCKARTER,
        DELAR,
        FÖRVALTNINGSBERÄTTELSENS_AVSNITT,
        OMFATTAR,
        STANDARDORDNING,
        VISAR,
    )

    assert set(SECTIONS) == set(AVSNITT) and set(PARTS) == set(DELAR)
    assert set(BLOCKS) == set(BLOCKARTER)
    assert SECTIONS["förvaltningsberättelse"].underavsnitt == FÖRVALTNINGSBERÄTTELSENS_AVSNITT
    names = {*AVSNITT, *DELAR}
    assert set(STANDARDORDNING) <= set(AVSNITT)
    assert set(VISAR) <= names and set(OMFATTAR) <= names
    assert {n for parts in OMFATTAR.values() for n in parts} <= names


# -- fixed texts and signing on paper ---------------------------------------------------------


def test_paper_signing_prints_place_and_date_and_the_old_intygande_key_still_works(
        tmp_path: Path) -> None:
    yaml = fixture_copy(tmp_path, ("underskrifter:\n  sätt: digital\n",
                                   "underskrifter:\n  sätt: papper\n  datum: 2024-03-21\n"
                                   "  intygande: Vi intygar att redovisningen är rättvisande.\n"))
    document = prepare(yaml).document
    (board,) = section(document, "styrelsens-underskrifter").blocks
    (auditors,) = section(document, "revisorernas-underskrifter").blocks
    assert isinstance(board, SignatureBlock) and isinstance(auditors, SignatureBlock)
    assert board.place_and_date == auditors.place_and_date == "Granås den 2024-03-21"
    assert not board.digital
    assert board.attestation == "Vi intygar att redovisningen är rättvisande."


def test_signature_lines_are_derived_from_the_board_when_not_stated(tmp_path: Path) -> None:
    start = "  ledamöter:\n"
    original = FIXTURE.read_text(encoding="utf-8")
    stated = original[original.index(start):original.index("\ntexter:")]
    yaml = fixture_copy(tmp_path, (stated, ""))
    (board,) = section(prepare(yaml).document, "styrelsens-underskrifter").blocks
    assert isinstance(board, SignatureBlock)
    assert signatures(board) == [("Karin Holm", "Ordförande", ()),
                                 ("Ali Haddad", "Vice ordförande", ()),
                                 ("Lena Strand", "Ledamot", ()), ("Eva Nyström", "Ledamot", ())]


def test_texter_fill_parameters_and_cut_at_them() -> None:
    from reportgen.wording import FASTA_TEXTER, STANDARD, Texter

    assert STANDARD("omslag_beslutad", datum="2024-03-14") == "Beslutad av styrelsen 2024-03-14"
    own = Texter({"sidnummer": "{sida} / {sidor}", "ort_och_datum": "{ort}, {datum}"})
    assert own.split("sidnummer", "sida", "sidor") == ("", " / ", "")
    assert own("ort_och_datum", ort="Granås", datum="2024-03-21") == "Granås, 2024-03-21"
    with pytest.raises(KeyError):  # a parameter the key does not have is the caller's bug
        STANDARD("innehållsförteckning", år="2023")
    # The indicator bilagor's sentences are keys of the same module, in the same key style.
    assert FASTA_TEXTER["indikatorer_resultat"].parametrar == ("år",)
    assert all("." not in key for key in FASTA_TEXTER)


def test_a_text_block_is_narrative_that_check_reads(tmp_path: Path) -> None:
    from reportgen.commands.check import collect

    yaml = fixture_copy(tmp_path, ("      - text: text/aret-i-korthet.md\n",
                                   "      - text: Resultatet blev {{ årets_resultat_tk }} tkr.\n"))
    (found,) = collect(yaml)
    assert (found.rule, found.field) == ("text.okänd_siffra", "avsnitt.0.innehåll.0.text")
    assert "menade du 'årets_resultat_tkr'" in found.message


def test_året_i_siffror_is_printed_only_where_avsnitt_lists_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """An optional section: the example lists it; without `avsnitt:` (the standard order),
    a report has no section its förbund never asked for."""
    from reportgen.schema.avsnitt import STANDARDORDNING

    assert "året_i_siffror" not in STANDARDORDNING
    yaml = tmp_path / "content" / "2023.yaml"
    shutil.copytree(ROOT / "content", yaml.parent)
    text = yaml.read_text(encoding="utf-8")
    assert "året_i_siffror" in next(line for line in text.splitlines() if line.startswith("avsnitt:"))
    yaml.write_text("\n".join(line for line in text.splitlines()
                              if not line.startswith("avsnitt:")), encoding="utf-8")
    titles = [s.title for s in prepare(yaml).document.walk_sections()]
    assert "Året i siffror" not in titles and "Förvaltningsberättelse" in titles

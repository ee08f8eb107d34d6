"""`reportgen återför`: the kansli's edits in Word come back into the sources (issue 15, part 1).

The kansli edits the example's DOCX (``kansli_edits``): rewords a paragraph from a Markdown
file, adds a bold sentence and a list item, changes an inline YAML text, leaves a tracked
change, changes a figure in the balansräkning and adds paragraphs where no text of the
source stands. Once with python-docx alone, once re-saved through LibreOffice. Then
`återför` must change exactly the lines written out by hand below, report the figure and
the stray paragraphs with where they stand, and a rebuild must carry the edits.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest
from conftest import EXAMPLE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph as DocxParagraph
from docx_extract import libreoffice_convert, normalise, pdf_text

from reportgen.cli import main
from reportgen.roundtrip.markdown_out import Written, blocks_markdown, escape, inline

# -- what the kansli does ----------------------------------------------------------------------
REWORDED = ("Förbundet finansierar insatser som kompletterar parternas verksamhet för personer "
            "som behöver samordnat stöd för att nå egen försörjning.")
BOLD_SENTENCE = " Kansliet har flyttat till nya lokaler."
STRAY_AFTER_TEXT = "Kansliet vill lägga till att lokalerna har bytts."
STRAY_AFTER_TABLE = "Balansräkningen är preliminär."


def _paragraph(word, prefix: str) -> DocxParagraph:  # type: ignore[no-untyped-def]
    return next(p for p in word.paragraphs if p.text.startswith(prefix))


def _after(block, text: str, style=None) -> DocxParagraph:  # type: ignore[no-untyped-def]
    """A new paragraph after *block* (a paragraph or table of python-docx)."""
    new = OxmlElement("w:p")
    (block._p if isinstance(block, DocxParagraph) else block._tbl).addnext(new)
    paragraph = DocxParagraph(new, block._parent)
    if style is not None:
        paragraph.style = style
    paragraph.add_run(text)
    return paragraph


def _tracked(kind: str, text: str) -> OxmlElement:
    change = OxmlElement(f"w:{kind}")
    change.set(qn("w:id"), "901" if kind == "del" else "902")
    change.set(qn("w:author"), "Anna Kansli")
    change.set(qn("w:date"), "2024-02-01T10:00:00Z")
    run = OxmlElement("w:r")
    t = OxmlElement("w:delText" if kind == "del" else "w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    run.append(t)
    change.append(run)
    return change


def kansli_edits(built: Path, edited: Path) -> None:
    word = docx.Document(str(built))
    # A paragraph of text/uppdrag.md, retyped: its content (and the mark in it) replaced.
    _paragraph(word, "Förbundet finansierar insatser som kompletterar").text = REWORDED
    # A bold sentence at the end of the second paragraph of text/organisation.md.
    _paragraph(word, "Styrelsen utses av medlemmarna.").add_run(BOLD_SENTENCE).bold = True
    # A list item after the last one of the list in text/insatser/rehabteamet-innehall.md.
    last = _paragraph(word, "Passagen, med arbetsträning")
    item = _after(last, "", last.style)
    item.runs[0].text = "Bron"
    item.runs[0].italic = True
    item.add_run(", med stöd efter avslutad insats.")
    # An inline YAML text (insatser[1].målgrupp), its words changed where they stand.
    target = _paragraph(word, "Medarbetare, chefer och förtroendevalda hos förbundets fyra")
    target.runs[0].text = target.runs[0].text.replace("fyra", "fem")
    # A tracked change in text/organisation.md: "juridisk person" → "… med eget organisationsnummer".
    first = _paragraph(word, "Bergsjödalens Samordningsförbund är en fristående").runs[0]
    before, after = first.text.split("juridisk person", 1)
    first.text = before
    deleted, inserted = _tracked("del", "juridisk person"), _tracked(
        "ins", "juridisk person med eget organisationsnummer")
    first._r.addnext(deleted)
    deleted.addnext(inserted)
    rest = OxmlElement("w:r")
    rest_text = OxmlElement("w:t")
    rest_text.set(qn("xml:space"), "preserve")
    rest_text.text = after
    rest.append(rest_text)
    inserted.addnext(rest)
    # A figure in the balansräkning: kassa och bank 2023.
    table = next(t for t in word.tables if any(r.cells[0].text == "Kassa och bank" for r in t.rows))
    row = next(r for r in table.rows if r.cells[0].text == "Kassa och bank")
    row.cells[2].paragraphs[0].runs[0].text = "1 469 798"
    # Paragraphs where no text of the source stands: after the last text of 1.3, and after
    # the balansräkning.
    _after(_paragraph(word, "Inga händelser av väsentlig betydelse"), STRAY_AFTER_TEXT)
    _after(table, STRAY_AFTER_TABLE)
    word.save(str(edited))


# -- what must come of it, written out by hand ---------------------------------------------------
EXPECTED = {
    "text/uppdrag.md": (
        "Förbundet finansierar insatser som kompletterar parternas verksamhet för personer som\n"
        "behöver samordnat stöd för att nå egen försörjning.\n"
    ),
    "text/organisation.md": (
        "Bergsjödalens Samordningsförbund är en fristående offentligrättslig juridisk person\n"
        "med eget organisationsnummer. Medlemmar är Arbetsförmedlingen, Försäkringskassan,\n"
        "Region Mälarbacka, Norrvika kommun och Stenbäcks kommun. Förbundet bildades den 1\n"
        "januari 2006.\n"
        "\n"
        "Styrelsen utses av medlemmarna. Förbundet har en anställd förbundschef och ett kansli i\n"
        "Medborgarhuset i Norrvika. Förbundet är medlem i Nationella nätverket för\n"
        "samordningsförbund (NNS). **Kansliet har flyttat till nya lokaler.**\n"
    ),
    "text/insatser/rehabteamet-innehall.md": (
        "Rehabteamet arbetar med social och arbetslivsinriktad rehabilitering för deltagare som\n"
        "står långt från arbetsmarknaden och behöver samordnat stöd. Arbetet sker i tre\n"
        "moduler:\n"
        "\n"
        "- *Porten*, med fokus på verksamhet med låg tröskel,\n"
        "- *Kompassen*, med social träning och gruppaktiviteter,\n"
        "- *Passagen*, med arbetsträning och gruppaktiviteter.\n"
        "- *Bron*, med stöd efter avslutad insats.\n"
        "\n"
        "Teamet har under året inte haft full bemanning på grund av sjukfrånvaro och\n"
        "personalomsättning.\n"
    ),
}
# The YAML: one line changes, comments and layout stay.
YAML_BEFORE = "    målgrupp: Medarbetare, chefer och förtroendevalda hos förbundets fyra parter.\n"
YAML_AFTER = "    målgrupp: Medarbetare, chefer och förtroendevalda hos förbundets fem parter.\n"


@pytest.fixture
def project(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    """A copy of the example project, built to DOCX; the command runs from its folder."""
    root = tmp_path / "projekt"
    shutil.copytree(EXAMPLE.parent, root / "content")
    monkeypatch.chdir(root)
    assert main(["build", "content/2023.yaml", "--out", "build", "--format", "docx", "--tyst"]) == 0
    return root


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted((root / "content").rglob("*")) if p.is_file()}


def run(args: list[str], capsys) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    code = main(args)
    out = capsys.readouterr()
    return code, out.out, out.err


def check_brought_back(root: Path, before: dict[str, bytes], output: str) -> None:
    after = snapshot(root)
    changed = {name for name in after if after[name] != before[name]}
    assert changed == {f"content/{n}" for n in EXPECTED} | {"content/2023.yaml"}, changed
    for name, text in EXPECTED.items():
        assert after[f"content/{name}"].decode("utf-8") == text, name
    old_yaml = before["content/2023.yaml"].decode("utf-8")
    new_yaml = after["content/2023.yaml"].decode("utf-8")
    assert old_yaml.count(YAML_BEFORE) == 1
    assert new_yaml == old_yaml.replace(YAML_BEFORE, YAML_AFTER)
    # Reported, not written: the figure (with its YAML line) and the stray paragraphs.
    line = next(n for n, text in enumerate(old_yaml.splitlines(), start=1)
                if text.strip().startswith("kassa_och_bank: 1469789"))
    assert (f"content/2023.yaml:{line}:7: varning: 3 Balansräkning, Kassa och bank, 2023-12-31: "
            f"1 469 789 ändrad till 1 469 798 i Word — siffror ändras i YAML-filen, rad {line} "
            "[ekonomi.balansräkning.2023.kassa_och_bank]") in normalise_spaces(output)
    assert f"”{STRAY_AFTER_TEXT}” (i avsnittet 1.3 Händelser av väsentlig betydelse, efter " \
           "”Inga händelser av väsentlig betydelse h…”" in output
    assert f"”{STRAY_AFTER_TABLE}” (i avsnittet 3 Balansräkning, efter tabellen " \
           "”Balansräkning 2023 och 2022, belopp i kronor”)" in output
    assert "infogat ”juridisk person med eget organisationsnummer” (Anna Kansli, 2024-02-01)" \
        in output


def normalise_spaces(text: str) -> str:
    return text.replace("\u00a0", " ")


def test_reportgen_aterfor_brings_the_kanslis_edits_back(project, capsys):
    before = snapshot(project)
    kansli_edits(project / "build" / "2023.docx", project / "redigerad.docx")
    code, out, err = run(["återför", "redigerad.docx"], capsys)
    assert code == 0, err
    check_brought_back(project, before, out)
    assert "skrev content/text/uppdrag.md" in out
    # Brought back once, there is nothing more to bring back.
    after = snapshot(project)
    code, out, _ = run(["aterfor", "redigerad.docx"], capsys)
    assert code == 0
    assert snapshot(project) == after
    assert "Ingen text att föra tillbaka" in out


@pytest.mark.slow
def test_edits_resaved_by_libreoffice_come_back_the_same(project, capsys, tmp_path):
    before = snapshot(project)
    kansli_edits(project / "build" / "2023.docx", tmp_path / "redigerad.docx")
    [resaved] = libreoffice_convert([tmp_path / "redigerad.docx"], "docx", project / "lo",
                                    tmp_path / "lo-profile")
    code, out, err = run(["återför", str(resaved.relative_to(project))], capsys)
    assert code == 0, err
    check_brought_back(project, before, out)


@pytest.mark.slow
def test_a_rebuild_carries_the_edits_into_pdf_and_docx(project, capsys):
    kansli_edits(project / "build" / "2023.docx", project / "redigerad.docx")
    assert run(["återför", "redigerad.docx"], capsys)[0] == 0
    assert main(["build", "content/2023.yaml", "--out", "ny", "--tyst"]) == 0
    pdf = normalise(pdf_text(project / "ny" / "2023.pdf"))
    word = docx.Document(str(project / "ny" / "2023.docx"))
    text = normalise("\n".join(p.text for p in word.paragraphs))
    for wanted in (REWORDED, BOLD_SENTENCE.strip(), "Bron, med stöd efter avslutad insats.",
                   "förtroendevalda hos förbundets fem parter",
                   "juridisk person med eget organisationsnummer"):
        assert wanted in pdf, wanted
        assert wanted in text, wanted
    for unwritten in (STRAY_AFTER_TEXT, STRAY_AFTER_TABLE, "1 469 798"):
        assert unwritten not in pdf and unwritten not in text
    bold = [r.text for p in word.paragraphs for r in p.runs if r.bold]
    assert BOLD_SENTENCE.strip() in bold


# -- --visa, tracked changes kept out, comments ------------------------------------------------
def test_visa_shows_a_diff_and_writes_nothing(project, capsys):
    before = snapshot(project)
    kansli_edits(project / "build" / "2023.docx", project / "redigerad.docx")
    code, out, _ = run(["återför", "redigerad.docx", "--visa"], capsys)
    assert code == 0
    assert snapshot(project) == before
    assert "--- a/content/text/uppdrag.md\n+++ b/content/text/uppdrag.md\n" in out
    assert "-    målgrupp: Medarbetare, chefer och förtroendevalda hos förbundets fyra parter.\n" \
           "+    målgrupp: Medarbetare, chefer och förtroendevalda hos förbundets fem parter." in out
    assert "Inga filer skrevs (--visa)." in out


def test_tracked_changes_can_be_kept_out_and_are_listed(project, capsys):
    kansli_edits(project / "build" / "2023.docx", project / "redigerad.docx")
    code, out, _ = run(["återför", "redigerad.docx", "--utan-spårade-ändringar"], capsys)
    assert code == 0
    organisation = (project / "content" / "text" / "organisation.md").read_text(encoding="utf-8")
    assert "organisationsnummer" not in organisation  # the insertion was kept out
    assert organisation.startswith(
        "Bergsjödalens Samordningsförbund är en fristående offentligrättslig juridisk person.\n")
    assert "Spårade ändringar som inte togs med" in out
    assert "infogat ”juridisk person med eget organisationsnummer”" in out


def test_comments_are_listed_with_their_paragraph(project, capsys):
    word = docx.Document(str(project / "build" / "2023.docx"))
    paragraph = _paragraph(word, "Förbundet verkar enligt lagen")
    word.add_comment(paragraph.runs, text="Stämmer lagnumret?", author="Per Revisor")
    word.save(str(project / "kommenterad.docx"))
    code, out, _ = run(["återför", "kommenterad.docx", "--visa"], capsys)
    assert code == 0
    assert "Kommentarer i Word" in out
    assert "Per Revisor" in out and "”Stämmer lagnumret?” vid stycket ”Förbundet verkar enligt " \
        "lagen" in out


# -- figures in prose, headings ----------------------------------------------------------------
def test_figures_in_prose_are_written_back_as_their_names(project, capsys):
    word = docx.Document(str(project / "build" / "2023.docx"))
    paragraph = _paragraph(word, "Samtidigt har vi inte lyckats")
    paragraph.add_run(" Vi har också anställt en ny medarbetare.")
    changed = _paragraph(word, "Förbundets eget kapital uppgår till")
    figure = next(r for r in changed.runs if normalise_spaces(r.text) == "42 %")
    figure.text = "43 %"
    word.save(str(project / "redigerad.docx"))
    code, out, _ = run(["återför", "redigerad.docx"], capsys)
    assert code == 0
    text = (project / "content" / "text" / "ordforande.md").read_text(encoding="utf-8")
    assert text == (
        "Ett år till har gått, och det har varit ett år då vi har fått se hur samverkan gör\n"
        "skillnad. Deltagare i våra insatser har tagit steg mot arbete och studier, och\n"
        "medarbetare hos parterna har mötts för att lära av varandra.\n"
        "\n"
        "Samtidigt har vi inte lyckats använda förbundets medel i den takt vi hade planerat.\n"
        "Det egna kapitalet uppgår till {{ eget_kapital_tkr }} tkr, vilket är\n"
        "{{ eget_kapital_andel }} av årets medlemsbidrag. Under 2024 är vår viktigaste\n"
        "ekonomiska uppgift att nå en budget i balans. Vi har också anställt en ny\n"
        "medarbetare.\n"
        "\n"
        "Tack till alla som har bidragit till arbetet under året!\n"
    )
    # The changed figure is reported where its text is, and the text keeps its name.
    assert "siffran {{ eget_kapital_andel }} är 42 % men ändrades till 43 % i Word; texten " \
           "behåller {{ eget_kapital_andel }}" in normalise_spaces(out)
    god = (project / "content" / "text" / "god-hushallning.md").read_text(encoding="utf-8")
    assert "{{ eget_kapital_andel }}" in god


def test_a_changed_fixed_heading_is_reported_not_written(project, capsys):
    before = snapshot(project)
    word = docx.Document(str(project / "build" / "2023.docx"))
    heading = _paragraph(word, "Styrning och uppföljning av verksamheten")
    heading.runs[0].text = "Styrning och kontroll"
    word.save(str(project / "redigerad.docx"))
    code, out, _ = run(["återför", "redigerad.docx"], capsys)
    assert code == 0 and snapshot(project) == before
    assert "rubriken ”1.4 Styrning och uppföljning av verksamheten” ändrades till ”Styrning och " \
           "kontroll” i Word" in out


# -- DOCX files that are not this report's -----------------------------------------------------
def test_a_docx_not_made_by_reportgen_is_refused(project, capsys):
    document = docx.Document()
    document.add_paragraph("Ett brev.")
    document.save(str(project / "brev.docx"))
    code, _, err = run(["återför", "brev.docx", "--yaml", "content/2023.yaml"], capsys)
    assert code == 1
    assert "brev.docx: fel: Word-filen är inte skapad av reportgen" in err
    (project / "inte-docx.docx").write_text("hej", encoding="utf-8")
    code, _, err = run(["återför", "inte-docx.docx"], capsys)
    assert code == 1 and "filen är inte en Word-fil (DOCX)" in err


def test_another_years_or_another_reports_docx_is_refused(project, capsys, tmp_path):
    from conftest import ROOT

    other_year = ROOT / "tests" / "fixtures" / "seed001_structure" / "2020.yaml"
    other_report = ROOT / "tests" / "fixtures" / "regler" / "ren.yaml"
    for fixture, name in ((other_year, "2020"), (other_report, "ren")):
        assert main(["build", str(fixture), "--out", str(tmp_path), "--format", "docx",
                     "--tyst"]) == 0
        code, _, err = run(["återför", str(tmp_path / f"{name}.docx"), "--yaml",
                            "content/2023.yaml"], capsys)
        assert code == 1, err
        if name == "2020":
            assert "Word-filen är byggd för räkenskapsåret 2020, men content/2023.yaml är för " \
                   "2023" in err
        else:
            assert "Word-filen är en annan rapport (organisationsnummer" in err


def test_aterfor_is_listed_in_the_help(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "återför (aterfor)" in out
    with pytest.raises(SystemExit):
        main(["aterfor", "--help"])
    assert "--utan-spårade-ändringar" in capsys.readouterr().out


# -- Markdown written from Word paragraphs -----------------------------------------------------
def test_text_that_would_be_markdown_syntax_is_escaped():
    from reportgen.docx_read.body import Piece

    assert escape("a*b_c[d]`e\\f<g") == "a\\*b\\_c\\[d\\]\\`e\\\\f\\<g"
    pieces = [Piece("2023. Året"), Piece(" var "), Piece("bra", bold=True),
              Piece(" och "), Piece("länk", href="https://example.se/a b"),
              Piece("\n- inte en lista")]
    assert inline(pieces, {}) == ("2023\\. Året var **bra** och [länk](https://example.se/a%20b)"
                                  "\\\n\\- inte en lista")


def test_list_paragraphs_become_a_list_numbered_from_its_start():
    from reportgen.docx_read.body import Piece, ReadParagraph

    def item(text: str, level: int = 0, ordered: bool = True) -> ReadParagraph:
        return ReadParagraph(None, "list number", [Piece(text)],  # type: ignore[arg-type]
                             numbering=(7, level), ordered=ordered)

    paragraphs = [item("ett"), item("ett a", 1), item("två")]
    assert blocks_markdown(paragraphs, {}, Written(start=3)) == "3. ett\n   1. ett a\n4. två"
    bullets = [item("a", ordered=False), item("b", ordered=False)]
    assert blocks_markdown(bullets, {}, Written(bullet="*")) == "* a\n* b"


def test_the_written_markdown_reads_back_as_the_same_text():
    from reportgen.document.markdown import to_blocks
    from reportgen.docx_read.body import Piece, ReadParagraph

    text = "Under [2023](#a) föll *5 %* av **kostnaderna_totalt** på <administration> & annat."
    paragraph = ReadParagraph(None, "normal", [  # type: ignore[arg-type]
        Piece("Under "), Piece("2023", href="#a"), Piece(" föll "), Piece("5 %", italic=True),
        Piece(" av "), Piece("kostnaderna_totalt", bold=True),
        Piece(" på <administration> & annat.")])
    markdown = blocks_markdown([paragraph], {}, Written())
    [block] = to_blocks(markdown)
    assert block.text == text.replace("[2023](#a)", "2023").replace("*5 %*", "5 %").replace(
        "**kostnaderna_totalt**", "kostnaderna_totalt")
    assert [(r.text, r.bold, r.italic, r.href) for r in block.runs if r.bold or r.italic or r.href] \
        == [("2023", False, False, "#a"), ("5 %", False, True, None),
            ("kostnaderna_totalt", True, False, None)]


def test_headings_deleted_split_and_inserted_paragraphs_and_a_folded_yaml_text(project, capsys):
    """A heading in Markdown reworded, a paragraph deleted, one split in two, one inserted
    between two paragraphs of the same text, a folded (>-) YAML text changed."""
    word = docx.Document(str(project / "build" / "2023.docx"))
    _paragraph(word, "Uppföljning av verksamheten").runs[0].text = "Uppföljning av insatserna"
    gone = _paragraph(word, "Den interna kontrollen")
    gone._p.getparent().remove(gone._p)
    split = _paragraph(word, "Varje insats lämnar")
    first, second = split.runs[0].text.split(". ", 1)
    split.runs[0].text = first + "."
    _after(split, second)
    _after(_paragraph(word, "Styrelsen har hållit åtta"), "Ett extra sammanträde hölls i december.")
    goal = _paragraph(word, "Förbundet vill vara en lärande organisation")
    goal.runs[0].text = goal.runs[0].text.replace("lärande organisation",
                                                  "lärande och lyssnande organisation")
    word.save(str(project / "redigerad.docx"))
    yaml_before = (project / "content" / "2023.yaml").read_text(encoding="utf-8")
    code, out, err = run(["återför", "redigerad.docx"], capsys)
    assert code == 0, err
    assert (project / "content" / "text" / "styrning.md").read_text(encoding="utf-8") == (
        "Styrelsen har hållit åtta protokollförda sammanträden under året, varav ett digitalt.\n"
        "Budgeten har följts upp på projektnivå vid i stort sett varje sammanträde.\n"
        "\n"
        "Ett extra sammanträde hölls i december.\n"
        "\n"
        "### Uppföljning av insatserna\n"
        "\n"
        "Varje insats lämnar en halvårsrapport och en årsrapport, och alla insatser registreras\n"
        "i det nationella uppföljningsverktyget.\n"
        "\n"
        "Styrelsen träffar insatserna minst en gång om året.\n"
        "\n"
        "### Styrelsen\n"
        "\n"
        "Styrelsen har haft följande sammansättning under 2023.\n"
    )
    old_goal = ("    mål: >-\n"
                "      Förbundet vill vara en lärande organisation som erbjuder mötesplatser för\n"
                "      samverkan, utveckling och kompetensspridning för parterna.\n")
    new_goal = ("    mål: >-\n"
                "      Förbundet vill vara en lärande och lyssnande organisation som erbjuder\n"
                "      mötesplatser för samverkan, utveckling och kompetensspridning för\n"
                "      parterna.\n")
    assert yaml_before.count(old_goal) == 1
    assert (project / "content" / "2023.yaml").read_text(encoding="utf-8") == \
        yaml_before.replace(old_goal, new_goal)

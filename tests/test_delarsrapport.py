"""The delårsrapport (issue 13): its name on the cover, in the header and in the files'
properties, no årsredovisning sections forced on it, and its dates checked."""

from __future__ import annotations

from pathlib import Path

import pytest
from extract import norm

from reportgen.checks import check_figures
from reportgen.findings import UserError
from reportgen.pipeline import load_and_check, prepare

MINIMAL = """\
förbund: {namn: Testförbundet}
rapport:
  typ: delårsrapport
  räkenskapsår: 2023
  period: {från: 2023-01-01, till: 2023-08-31}
  beslutsdatum: BESLUT
styrelse:
  - utsedd_av: Testkommun
    ordinarie: [{namn: Anna Ek, roll: ordförande}]
"""


def write(tmp_path: Path, text: str = MINIMAL, beslut: str = "2023-09-26") -> Path:
    path = tmp_path / "delar.yaml"
    path.write_text(text.replace("BESLUT", beslut), encoding="utf-8")
    return path


def test_the_cover_header_and_properties_name_the_period(tmp_path: Path) -> None:
    doc = prepare(write(tmp_path)).document
    assert doc.title == "Delårsrapport januari–augusti 2023"
    assert doc.running_header == ("Testförbundet", "Delårsrapport januari–augusti 2023")
    assert doc.subject == "Delårsrapport för perioden 1 januari – 31 augusti 2023, Testförbundet"
    assert doc.keywords == "delårsrapport, prognos, samordningsförbund, finsam"
    assert doc.cover.title == "Delårsrapport januari–augusti 2023"
    assert doc.cover.period == "För perioden 1 januari – 31 augusti 2023"
    assert doc.cover.decided == "Godkänd av förbundsstyrelsen 2023-09-26"


def test_a_delarsrapport_needs_no_statements_and_gets_no_arsredovisning_sections(
        tmp_path: Path) -> None:
    prepared = prepare(write(tmp_path))
    assert prepared.warnings == ()
    # Without avsnitt: its förvaltningsberättelse (here only the board's table) and the
    # budget tables (none given): no statements, no signatures, no auditors.
    assert [(s.number, s.title) for s in prepared.document.walk_sections()] == [
        ("1", "Förvaltningsberättelse"), ("1.1", "Styrning och uppföljning av verksamheten")]


def test_an_arsredovisning_still_requires_ekonomi(tmp_path: Path) -> None:
    text = MINIMAL.replace("  typ: delårsrapport\n", "").replace(
        "  period: {från: 2023-01-01, till: 2023-08-31}\n", "")
    with pytest.raises(UserError) as caught:
        load_and_check(write(tmp_path, text, "2024-03-14"))
    assert [(f.field, f.message) for f in caught.value.findings] == [
        ("ekonomi", "obligatoriskt fält saknas")]


@pytest.mark.parametrize("beslut", ["2023-08-31", "2023-06-01"])
def test_the_approval_date_follows_the_periods_end(tmp_path: Path, beslut: str) -> None:
    checked = load_and_check(write(tmp_path, beslut=beslut))
    assert [(f.rule, f.field, norm(f.message)) for f in checked.findings] == [(
        "datum.beslut", "rapport.beslutsdatum",
        f"beslutsdatum {beslut} ligger inte efter periodens slut (2023-08-31): styrelsen "
        "godkänner delårsrapporten när perioden är slut")]
    assert check_figures(checked.source, checked.indata, checked.eko) == list(checked.findings)


def test_a_period_outside_the_year_is_refused(tmp_path: Path) -> None:
    text = MINIMAL.replace("till: 2023-08-31", "till: 2024-02-29")
    with pytest.raises(UserError) as caught:
        load_and_check(write(tmp_path, text))
    assert "ligger inte inom räkenskapsåret 2023" in caught.value.findings[0].message


ECONOMY = """\
budget:
  driftredovisning:
    enhet: kr
    kolumner: [nr, årsbudget, utfall, prognos, avvikelse_prognos]
    summa: {årsbudget: 6603000, prognos: PROGNOS, avvikelse_prognos: AVVIKELSE}
    rader:
      - grupp: Intäkter
        rader: [{nr: 1002, namn: Medel, årsbudget: 7030000, utfall: 4393753, prognos: 7030000}]
      - grupp: Administrativa kostnader
        rader: [{nr: 1000, namn: Styrelse, årsbudget: -427000, utfall: -206695, prognos: -412568}]
avsnitt:
  - standard: driftredovisning
    innehåll:
      - text: "Prognos {{ prognos_resultat }} kr, {{ avvikelse_prognos }} kr mot budget."
"""


def economy(tmp_path: Path, prognos: str = "6617432", avvikelse: str = "14432") -> Path:
    return write(tmp_path, MINIMAL + ECONOMY.replace("PROGNOS", prognos).replace(
        "AVVIKELSE", avvikelse))


def test_the_forecast_table_and_its_figures_in_the_text(tmp_path: Path) -> None:
    prepared = prepare(economy(tmp_path))
    from conftest import walk_blocks

    from reportgen.document.model import Paragraph, Table

    blocks = list(walk_blocks(prepared.document.sections))
    (table,) = [b for b in blocks if isinstance(b, Table)]
    assert [c.text for c in table.header[0].cells] == [
        "Proj.nr", "Verksamhet", "Årsbudget 2023", "Utfall 2023-08-31", "Prognos 2023",
        "Avvikelse prognos mot budget"]
    assert [norm(c.text) for c in table.body[-1].cells][1:] == [
        "Summa", "6 603 000", "4 187 058", "6 617 432", "14 432"]
    text = [norm("".join(r.text for r in b.runs)) for b in blocks if isinstance(b, Paragraph)]
    assert "Prognos 6 617 432 kr, 14 432 kr mot budget." in text


def test_a_stated_forecast_deviation_is_checked(tmp_path: Path) -> None:
    checked = load_and_check(economy(tmp_path, avvikelse="14423"))
    assert [(f.rule, f.field, norm(f.message)) for f in checked.findings] == [(
        "budget.summa", "budget.driftredovisning.summa.avvikelse_prognos",
        "Driftredovisningen, summa (avvikelse prognos mot budget): angivet 14 423 kr, "
        "förväntat 14 432 kr (summan av raderna ovanför); 9 kr lägre än förväntat")]


STYRELSE = "{nr: 1000, namn: Styrelse, årsbudget: -427000, utfall: -206695, prognos: -412568}"


@pytest.mark.parametrize(("rad", "field", "message"), [
    ("{nr: 1000, namn: Styrelse, årsbudget: -427000, utfall: -206695, prognos: }",
     "budget.driftredovisning.rader.1.rader.0.prognos",
     "Driftredovisningen, raden 1000 Styrelse, prognos ska fyllas i (prognosen för helåret)"),
    ("{nr: 1000, namn: Styrelse, årsbudget: -427000, utfall: -206695}",
     "budget.driftredovisning.rader.1.rader.0",
     "Driftredovisningen, raden 1000 Styrelse: prognosen för helåret saknas; tabellen visar "
     "prognos, så varje rad ska ha sin (prognos: 0 om inget väntas)"),
])
def test_a_forecast_line_without_its_prognos_is_a_gap_not_0(
        tmp_path: Path, rad: str, field: str, message: str) -> None:
    path = economy(tmp_path)
    path.write_text(path.read_text(encoding="utf-8").replace(STYRELSE, rad), encoding="utf-8")
    checked = load_and_check(path)
    # One error at the line (as a gap left in utfall is), and not the stated sums of the
    # forecast (6 617 432, 14 432) found wrong as if the line's prognos were 0: they wait.
    line = next(i for i, t in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                if "Styrelse" in t)
    assert [(f.rule, f.severity.value, f.field, f.location.line, f.message)
            for f in checked.findings] == [("lucka", "fel", field, line, message)]
    prepared = prepare(path, draft=True)
    from conftest import walk_blocks

    from reportgen.document.model import Paragraph, Table

    blocks = list(walk_blocks(prepared.document.sections))
    (table,) = [b for b in blocks if isinstance(b, Table)]
    # The line, its group's sum and the table's total wait for the figure; the årsbudget
    # and utfall do not.
    assert [[norm(c.text) for c in r.cells][1:] for r in table.body[-3:]] == [
        ["Styrelse", "-427 000", "-206 695", "[fylls i]", "[fylls i]"],
        ["Summa administrativa kostnader", "-427 000", "-206 695", "[fylls i]", "[fylls i]"],
        ["Summa", "6 603 000", "4 187 058", "[fylls i]", "[fylls i]"]]
    text = [norm("".join(r.text for r in b.runs)) for b in blocks if isinstance(b, Paragraph)]
    assert "Prognos [fylls i] kr, [fylls i] kr mot budget." in text


def test_a_table_figure_may_not_take_a_standard_figures_name(tmp_path: Path) -> None:
    table = ("avsnitt:\n  - rubrik: R\n    innehåll:\n      - tabell: {rubrik: T, enhet: antal, "
             "kolumner: [A], rader: [{text: X, värden: [5]}], siffror: {år: {av: [X]}, "
             "antal_x: {av: [X], angivet: 6}}}\n")
    checked = load_and_check(write(tmp_path, MINIMAL + table))
    assert [(f.rule, f.field, f.message) for f in checked.findings] == [
        ("tabell.siffra", "avsnitt.0.innehåll.0.tabell.siffror.år",
         "siffran år finns redan bland rapportens siffror; ge tabellens siffra ett eget namn"),
        ("tabell.siffra", "avsnitt.0.innehåll.0.tabell.siffror.antal_x.angivet",
         "Tabellen 'T': texten anger antal_x till 6, men raderna ger 5"),
    ]


def test_a_date_in_a_docx_cell_is_one_word() -> None:
    # The DOCX writes a hyphen between digits as a non-breaking hyphen, so a column is as
    # wide as "2023-08-31" (the forecast table's "Utfall 2023-08-31" broke as "2023-08-3 / 1").
    from reportgen.render.docx_metrics import words

    assert words("Utfall 2023-08-31") == ["Utfall ", "2023-08-31"]
    assert words("Process-stöd") == ["Process-", "stöd"]

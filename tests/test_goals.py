"""1.5: eget kapital against the ceiling, the cost split, mål, mått and insatser (issue 4, part A).

Figures are compared with seed 000 (Årsredovisning 2023), whose figures the example has.
"""

from __future__ import annotations

import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from reportgen.compute.mal import STANDARDSKALA, bedöm_mått, samlad_status
from reportgen.compute.verksamhet import balanskravsresultat
from reportgen.document.model import Document, Paragraph, Section, Table
from reportgen.findings import UserError
from reportgen.fmt import procent, tkr
from reportgen.schema.ekonomi import Kostnadsslag
from reportgen.schema.verksamhet import Balanskrav, Målstatus, Mått
from tests.conftest import ROOT
from tests.extract import html_headings, html_tables, html_tree, norm

FIXTURE = ROOT / "tests" / "fixtures" / "seed001_structure"
S = Kostnadsslag


@pytest.fixture(scope="module")
def underlag(example_prepared):  # type: ignore[no-untyped-def]
    from reportgen.figures import verksamhetsunderlag

    p = example_prepared
    return verksamhetsunderlag(p.indata, p.eko)


@pytest.fixture(scope="module")
def example_html(example_prepared, tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    from reportgen.render.html import render_html

    path = tmp_path_factory.mktemp("goals") / "2023.html"
    path.write_text(render_html(example_prepared.document), encoding="utf-8")
    return path


def walk(blocks):  # type: ignore[no-untyped-def]
    for b in blocks:
        yield b
        if isinstance(b, Section):
            yield from walk(b.blocks)


def section(document: Document, section_id: str) -> Section:
    return next(s for s in document.walk_sections() if s.id == section_id)


def table(document: Document, table_id: str) -> Table:
    return next(t for t in document.tables() if t.id == table_id)


def rows(t: Table) -> dict[str, list[str]]:
    return {norm(r.cells[0].text): [norm(c.text) for c in r.cells[1:]] for r in t.body}


# -- eget kapital and the cost split -------------------------------------------------------------


def test_equity_share_of_member_contributions_matches_seed(underlag) -> None:  # type: ignore[no-untyped-def]
    k = underlag.berakning.kapital
    assert (k[2023].eget_kapital, k[2023].medlemsbidrag) == (1905499, 4496000)
    assert procent(k[2023].andel) == procent(Decimal("0.42"))  # seed: 42 %
    assert procent(k[2022].andel) == procent(Decimal("0.39"))  # seed: 39 % 2022
    assert k[2023].tak == Decimal("0.2") and k[2023].över_tak is True


def test_cost_split_matches_seed(underlag) -> None:  # type: ignore[no-untyped-def]
    k = underlag.berakning.kostnader
    shares = {y: [round(k[y].andel(s) * 100) for s in S] for y in (2023, 2022)}
    # seed 000: administration 20 % (17 %), individinriktade 28 % (32 %), struktur 52 % (51 %)
    assert shares == {2023: [20, 28, 52], 2022: [17, 32, 51]}
    assert k[2023].total == 4360316


def _with_notes(prepared, notes: list[dict]):  # type: ignore[no-untyped-def]
    from reportgen.schema.ekonomi import Not

    ekonomi = prepared.indata.ekonomi.model_copy(
        update={"noter": [Not.model_validate(n) for n in notes]})
    return prepared.indata.model_copy(update={"ekonomi": ekonomi})


COSTS_POSITIVE = {  # as seed 000 prints Not 3: costs positive, so a refund is negative
    "rubrik": "Verksamhetens kostnader", "avser": ["verksamhetens_kostnader"],
    "omvänt_tecken": True, "rader": [
        {"text": "Deltagarinsatser", "belopp": {2023: 1232566}, "kostnadsslag": "individinriktade"},
        {"text": "Återbetalning från Rehabteamet", "belopp": {2023: -50000},
         "kostnadsslag": "individinriktade"},
        {"text": "Administrativa kostnader", "belopp": {2023: 880586},
         "kostnadsslag": "administration"},
    ]}


def test_a_refund_row_reduces_the_member_contributions(example_prepared) -> None:  # type: ignore[no-untyped-def]
    from reportgen.compute.verksamhet import medlemsbidrag

    intäkter = {"rubrik": "Verksamhetens intäkter", "avser": ["verksamhetens_intäkter"], "rader": [
        {"text": "Driftbidrag från staten", "belopp": {2023: 2248000}, "medlemsbidrag": True},
        {"text": "Återbetalt driftbidrag till staten", "belopp": {2023: -20000},
         "medlemsbidrag": True},
    ]}
    assert medlemsbidrag(_with_notes(example_prepared, [intäkter]), 2023) == 2228000


@pytest.mark.parametrize("reversed_sign", [True, False])
def test_a_refund_row_reduces_its_kind_of_cost(example_prepared, reversed_sign: bool) -> None:  # type: ignore[no-untyped-def]
    """The same costs and refund, in a note printed with costs positive (omvänt_tecken) or
    with the resultaträkning's signs (costs negative, the refund positive)."""
    from reportgen.compute.verksamhet import kostnadsfördelning

    note = {**COSTS_POSITIVE, "omvänt_tecken": reversed_sign}
    if not reversed_sign:
        note["rader"] = [{**r, "belopp": {2023: -r["belopp"][2023]}} for r in note["rader"]]
    k = kostnadsfördelning(_with_notes(example_prepared, [note]), 2023)
    assert k is not None
    assert k.belopp == {S.administration: 880586, S.individinriktade: 1182566}
    assert k.total == 2063152
    assert round(k.andel(S.individinriktade) * 100) == 57


def test_equity_and_cost_tables_in_1_5(example_prepared) -> None:  # type: ignore[no-untyped-def]
    doc = example_prepared.document
    kapital = rows(table(doc, "eget-kapital-andel"))
    assert kapital["Eget kapital i procent av medlemsbidragen"] == ["42 %", "39 %"]
    assert kapital["Rekommenderat tak"] == ["20 %", "20 %"]
    kostnader = rows(table(doc, "kostnadsfordelning"))
    assert kostnader["Administration"] == ["880 586", "20 %", "820 676", "17 %"]
    assert kostnader["Summa"] == ["4 360 316", "100 %", "4 689 710", "100 %"]
    ids = {b.id for b in walk(section(doc, "god-hushallning").blocks) if isinstance(b, Table)}
    assert {"eget-kapital-andel", "kostnadsfordelning", "mal-oversikt"} <= ids


# -- insatser and participants -------------------------------------------------------------------

SEED_000_PROJECTS = {"301", "401", "423", "424", "442", "444", "445"}


def test_example_has_every_insats_of_seed_000(example_prepared) -> None:  # type: ignore[no-untyped-def]
    insatser = example_prepared.indata.insatser
    assert {str(i.projektnummer) for i in insatser if i.projektnummer} == SEED_000_PROJECTS
    assert any(i.namn.startswith("ESF-projektet") for i in insatser)
    kinds = {str(i.projektnummer): i.typ.value for i in insatser if i.projektnummer}
    assert kinds["301"] == "individinriktad"
    assert {kinds[n] for n in SEED_000_PROJECTS - {"301"}} == {"strukturövergripande"}


def test_rehabteamet_figures_match_seed(example_prepared, underlag) -> None:  # type: ignore[no-untyped-def]
    d = underlag.berakning.deltagare["rehabteamet"]
    assert (d.aktiva.totalt, d.aktiva.kvinnor, d.aktiva.män) == (57, 32, 25)
    assert procent(d.aktiva.andel_kvinnor) == procent(Decimal("0.56"))
    assert procent(d.aktiva.andel_män) == procent(Decimal("0.44"))
    assert d.aktiva_vid_årets_början.totalt == 34 and d.nya.totalt == 20
    assert (d.avslutade.totalt, d.tidiga_avhopp.totalt) == (23, 2)
    assert d.måluppfyllt.totalt == 15  # arbete 1 + studier 1 + annan arbetslivsinriktad 13
    assert {u.text: u.antal.totalt for u in d.utfall}["Annan arbetslivsinriktad rehabilitering"] == 13
    assert d.utfall_stämmer
    f = underlag.berakning.finansiering["rehabteamet"]
    assert (tkr(f.beviljat), tkr(f.förbrukat), tkr(f.skillnad)) == (1500, 1067, 433)
    doc = example_prepared.document
    deltagare = rows(table(doc, "insats-rehabteamet-deltagare"))
    assert deltagare["Aktiva under året"] == ["32", "25", "57", "60"]
    assert deltagare["Andel av de aktiva"][:2] == ["56 %", "44 %"]
    assert rows(table(doc, "insats-rehabteamet-finansiering"))["2023"] == ["1 500", "1 067", "433"]
    utfall = rows(table(doc, "insats-rehabteamet-utfall"))
    assert utfall["Summa"][:2] == ["23", "100 %"]


def test_event_table_sums_attendance(example_prepared) -> None:  # type: ignore[no-untyped-def]
    events = table(example_prepared.document, "insats-esf_projektet-handelser")
    assert len(events.body) == 7  # six events (seed 000) and their sum
    assert norm(events.body[-1].cells[-1].text) == "40"  # "40 personer … 6 olika aktiviteter"


# -- mål and mått --------------------------------------------------------------------------------


def test_six_goals_with_the_seeds_statuses(underlag) -> None:  # type: ignore[no-untyped-def]
    statuses = [g.status.namn for g in underlag.mål]
    U, E = "uppfyllt", "ej uppfyllt"
    assert statuses == [U, U, E, U, U, U]  # seed 000: mål 3 ej uppfyllt, the rest uppfyllt
    mål3 = underlag.mål[2]
    assert mål3.beräknad  # no status in the YAML: computed from its mått (högst 20 %, 42 %)
    assert mål3.mått[0].utfall_text == "42\u00a0%"


def mått(**kw) -> Mått:  # type: ignore[no-untyped-def]
    return Mått(text="x", **kw)


@pytest.mark.parametrize(
    ("kwargs", "utfall", "expected"),
    [
        ({"minst": 70}, "70", Målstatus.uppfyllt),
        ({"minst": 70}, "69.9", Målstatus.ej),
        ({"minst": 70, "delvis_gräns": 50}, "65", Målstatus.delvis),
        ({"minst": 70, "delvis_gräns": 50}, "49", Målstatus.ej),
        ({"högst": 20}, "42", Målstatus.ej),
        ({"högst": 20}, "20", Målstatus.uppfyllt),
        ({"högst": 20, "delvis_gräns": 30}, "25", Målstatus.delvis),
        ({"minst": 70, "bedömning": "delvis uppfyllt"}, "90", Målstatus.delvis),
        ({"minst": 70}, None, None),
    ],
)
def test_mått_assessment(kwargs, utfall, expected) -> None:  # type: ignore[no-untyped-def]
    if utfall is not None:
        kwargs = {**kwargs, "utfall": Decimal(utfall)}
    status = bedöm_mått(mått(**kwargs), lambda name: (Decimal(0), "")).status
    assert (status.namn if status is not None else None) == (
        expected.value if expected is not None else None)


def test_goal_status_from_its_mått() -> None:
    U, D, E = (STANDARDSKALA[s.value] for s in Målstatus)
    assert samlad_status([U, U]) is U
    assert samlad_status([E, E, None]) is E
    assert samlad_status([U, E]) is D
    assert samlad_status([None]) is None


def test_mått_needs_exactly_one_target() -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match="exakt ett av minst, högst"):
        mått(minst=1, högst=2)
    with pytest.raises(ValidationError):
        mått()


def test_mått_table_shows_target_result_and_assessment(example_prepared) -> None:  # type: ignore[no-untyped-def]
    t = rows(table(example_prepared.document, "mal-2-matt"))
    (values,) = t.values()
    assert values == ["minst 50 %", "65 %", "Uppfyllt"]  # 15 of 23 ended to a goal


def test_status_badge_states_the_status_in_words(example_prepared, example_html) -> None:  # type: ignore[no-untyped-def]
    badges = [
        b for b in walk(example_prepared.document.sections)
        if isinstance(b, Paragraph) and b.style.startswith("status-")
    ]
    assert len(badges) == 7  # six mål and one financial goal
    words = {"status-uppfyllt": "uppfyllt", "status-delvis": "delvis uppfyllt",
             "status-ej": "ej uppfyllt"}
    for b in badges:
        assert words[b.style] in b.text.lower()
        assert b.text.startswith("Bedömning:")
    html = example_html.read_text(encoding="utf-8")
    assert re.search(r'<p class="status-ej">.*ej uppfyllt', html)
    css = (ROOT / "templates" / "report.css").read_text(encoding="utf-8")
    assert all(f"p.{style}" in css for style in words)


def test_goals_link_to_insatser_and_back(example_html) -> None:  # type: ignore[no-untyped-def]
    html = example_html.read_text(encoding="utf-8")
    targets = set(re.findall(r'href="#([^"]+)"', html))
    ids = set(re.findall(r'id="([^"]+)"', html))
    assert {"insats-rehabteamet", "insats-samverkansarenan", "mal-1", "mal-2"} <= targets
    assert targets <= ids, f"links without target: {targets - ids}"


def test_example_headings_include_seed_000s_for_part_a(example_html) -> None:  # type: ignore[no-untyped-def]
    headings = html_headings(example_html)
    expected = [
        "1.5 God ekonomisk hushållning, måluppfyllelse och ekonomisk ställning",
        "Insatser",
        *(f"Mål {n}." for n in range(1, 7)),
        # The project number after a comma (issue 16): a name ending in "(förstudie)" no
        # longer gets a second parenthesis.
        "Rehabteamet, projekt 301",
        "Samverkansarenan, projekt 401",
        "Stödplattform för socialt företagande, projekt 423",
        "Nätverket för psykisk hälsa, projekt 424",
        "En andra chans i skolan (förstudie), projekt 445",
        "Ordförande har ordet",
    ]
    for wanted in expected:
        assert any(h.startswith(wanted) for h in headings), wanted


def test_tables_amounts_are_right_aligned(example_html) -> None:  # type: ignore[no-untyped-def]
    # Every figure in 1.5's tables sits in a right-aligned (num) cell; project numbers and
    # the facts about an insats are identifiers and text.
    main = html_tree(example_html).find(".//main")
    sec = next(s for s in main.iter("section") if s.get("id") == "god-hushallning")
    checked = 0
    for t in sec.iter("table"):
        head = [norm(th.text_content()) for th in t.find("thead").iter("th")]
        for tr in t.find("tbody").iter("tr"):
            for column, cell in enumerate(c for c in tr if c.tag in ("td", "th")):
                text = norm(cell.text_content())
                if cell.tag == "th" or head[column] in {"Projekt", "Insatsen"} or not re.fullmatch(
                        r"-?\d[\d ]*( %)?", text):
                    continue
                assert "num" in (cell.get("class") or ""), (t.get("id"), text)
                checked += 1
    assert checked > 100


# -- balanskrav ---------------------------------------------------------------------------------


def test_balanskravsresultat_adds_adjustments_to_the_years_result(example_prepared) -> None:  # type: ignore[no-untyped-def]
    bk = Balanskrav.model_validate({"justeringar": [
        {"text": "Samtliga realisationsvinster", "belopp": {2023: -10000}},
        {"text": "Orealiserade förluster i värdepapper", "belopp": {2023: 2500, 2022: 6444}},
    ]})
    result = balanskravsresultat(example_prepared.eko, bk)
    assert result.årets_resultat == {2023: 159492, 2022: -186813}
    assert result.resultat == {2023: 151992, 2022: -180369}


# -- the second fixture: seed 001's structure ----------------------------------------------------


def test_seed001_structure_builds_to_html(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from reportgen.commands.build import build

    (html,) = build(FIXTURE / "2020.yaml", tmp_path, ["html"], draft=False)
    headings = html_headings(html)
    for wanted in ("Verksamhetens mål", "Individinriktade insatser",
                   "Strukturövergripande insatser", "Rehabkonsulentteamet, projekt 301",
                   "Starka föräldrar, projekt 434"):
        assert wanted in headings
    # A rubrik that names its målområde is its own heading: no "Mål 1." before it (issue 12:
    # "Mål 1. Målområde 1. …" was numbered twice).
    assert "Målområde Finansiera: att stödja myndigheternas arbete genom att finansiera " \
        "samordnade rehabiliteringsresurser" in headings
    assert not any(h.startswith("Mål 1. Målområde") for h in headings)
    tables = html_tables(html)
    kapital = next(t for t in tables if t[0][0] == "Belopp i kr" and "Rekommenderat tak" in t[-1])
    assert kapital[3] == ["Eget kapital i procent av medlemsbidragen", "56 %", "57 %"]
    text = norm(html_tree(html).find(".//main").text_content())
    assert "Kopparby den" in text  # signed in ink: place and a line to date
    assert "Bedömning: ej uppfyllt" in text


def copy_fixture(tmp_path: Path) -> Path:
    target = tmp_path / "f"
    shutil.copytree(FIXTURE, target)
    return target / "2020.yaml"


def test_unknown_insats_in_a_goal_is_a_located_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from reportgen.pipeline import prepare

    yaml = copy_fixture(tmp_path)
    text = yaml.read_text(encoding="utf-8").replace(
        "insatser: [samverkanskoordinator, beroendevård]",
        "insatser: [samverkanskoordinator, beroendevard]")
    yaml.write_text(text, encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "beroendevard]" in row)
    with pytest.raises(UserError) as error:
        prepare(yaml)
    (finding,) = error.value.findings
    assert finding.location.line == line
    assert "okänd insats 'beroendevard'" in finding.message and "beroendevård" in finding.message


def test_goal_without_status_or_mått_is_a_located_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from reportgen.pipeline import prepare

    yaml = copy_fixture(tmp_path)
    text = yaml.read_text(encoding="utf-8").replace("    status: ej uppfyllt\n", "", 1)
    yaml.write_text(text, encoding="utf-8")
    with pytest.raises(UserError) as error:
        prepare(yaml)
    (finding,) = error.value.findings
    assert "saknar status" in finding.message and finding.field == "mål.3"


def test_medlemsbidrag_has_one_meaning_for_the_table_and_the_check(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The table of eget kapital against the contributions prints the figure the five-year
    overview's check divides by: seed 000's four driftbidrag, 4 496 000 kr (2022: 4 505 000)."""
    from reportgen.commands.check import collect
    from reportgen.pipeline import prepare

    ren = ROOT / "tests" / "fixtures" / "regler" / "ren.yaml"
    text = ren.read_text(encoding="utf-8")
    assert text.count("eget_kapital_andel_procent: 42}") == 1
    broken = tmp_path / "ren.yaml"
    broken.write_text(text.replace("eget_kapital_andel_procent: 42}",
                                   "eget_kapital_andel_procent: 45}"), encoding="utf-8")
    (finding,) = collect(broken)
    assert finding.rule == "femår.eget_kapital_andel"
    assert "/ medlemsbidrag 4\u00a0496\u00a0000 kr" in finding.message
    kapital = rows(table(prepare(broken, draft=True).document, "eget-kapital-andel"))
    assert kapital["Medlemsbidrag under året"] == ["4 496 000", "4 505 000"]
    assert kapital["Eget kapital i procent av medlemsbidragen"] == ["42 %", "39 %"]


def test_a_draft_with_goal_errors_is_built_without_the_broken_parts(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # The checks report these (reportgen/checks/verksamhet.py); a draft is built anyway.
    from reportgen.pipeline import prepare

    yaml = copy_fixture(tmp_path)
    text = yaml.read_text(encoding="utf-8").replace(
        "insatser: [samverkanskoordinator, beroendevård]",
        "insatser: [samverkanskoordinator, beroendevard]")
    text = text.replace("    status: ej uppfyllt\n", "", 1)
    yaml.write_text(text, encoding="utf-8")
    prepared = prepare(yaml, draft=True)
    assert [f.rule for f in prepared.errors] == ["mål.insats", "mål.status"]
    assert prepared.document.draft


def test_a_member_whose_term_starts_next_year_gets_no_signature_line(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from reportgen.compute.styrelse import ledamöter_vid_årets_slut
    from reportgen.document.model import SignatureBlock
    from reportgen.pipeline import prepare

    yaml = copy_fixture(tmp_path)
    text = yaml.read_text(encoding="utf-8")
    seat = "    ordinarie:\n      - namn: Håkan Frid\n"
    assert text.count(seat) == 1
    text = text.replace(seat, seat + "      - namn: Nils Nyvald\n        från: 2021-01-01\n")
    text = text.replace("    funktion: Auktoriserad revisor\n",
                        "    funktion: Auktoriserad revisor\n    från: 2021-01-01\n")
    yaml.write_text(text, encoding="utf-8")
    prepared = prepare(yaml)
    blocks = [b for s in prepared.document.sections if s.id == "underskrifter"
              for b in s.blocks if isinstance(b, SignatureBlock)]
    board, auditors = ([x.name for x in b.signatories] for b in blocks)
    assert "Håkan Frid" in board and "Nils Nyvald" not in board
    assert auditors == ["Britt Pettersén"]
    # The board rules read the same members (reportgen/compute/styrelse.py).
    members = [p.namn for _, _, p in ledamöter_vid_årets_slut(prepared.indata)]
    assert sorted(members) == sorted(board)


@pytest.mark.slow
def test_goals_and_insatser_in_pdf_and_docx(example_build) -> None:  # type: ignore[no-untyped-def]
    from tests.extract import docx_headings, pdf_text

    pdf = norm(pdf_text(example_build["pdf"]))
    for wanted in ("God ekonomisk hushållning, måluppfyllelse och ekonomisk ställning",
                   "Bedömning: ej uppfyllt", "Rehabteamet, projekt 301",
                   "Eget kapital i procent av medlemsbidragen 42 % 39 %"):
        assert wanted in pdf, wanted
    docx = docx_headings(example_build["docx"])
    assert any(h.startswith("Mål 3.") for h in docx)
    assert "Rehabteamet, projekt 301" in docx


def test_bad_insats_id_is_a_located_swedish_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from reportgen.pipeline import prepare

    yaml = copy_fixture(tmp_path)
    text = yaml.read_text(encoding="utf-8").replace("  - id: unga_med_ae", "  - id: Unga med AE")
    text = text.replace("[rehabteamet, unga_med_ae, kvinnors_väg_in]", "[rehabteamet]")
    yaml.write_text(text, encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "id: Unga med AE" in row)
    with pytest.raises(UserError) as error:
        prepare(yaml)
    (finding,) = error.value.findings
    assert finding.location.line == line and "små bokstäver" in finding.message


def test_balanskrav_table_is_shown_when_given(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from reportgen.pipeline import prepare

    yaml = copy_fixture(tmp_path)
    with yaml.open("a", encoding="utf-8") as out:
        out.write(
            "\nbalanskrav:\n"
            "  text: Inga medel har reserverats till resultatutjämningsreserven.\n"
            "  justeringar:\n"
            "    - text: Samtliga realisationsvinster\n"
            "      belopp: {2020: -1200}\n"
        )
    doc = prepare(yaml).document
    t = rows(table(doc, "balanskravsresultat"))
    assert t["Årets resultat enligt resultaträkningen"] == ["-58 818", "-51 703"]
    assert t["Samtliga realisationsvinster"] == ["-1 200", "0"]
    assert t["Årets balanskravsresultat"] == ["-60 018", "-51 703"]

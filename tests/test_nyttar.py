"""reportgen nytt-år on the example: a 2024 folder whose 2023 columns are the 2023 report's
printed figures, whose five-year overview runs 2020–2024, and whose gaps `check` lists."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections import Counter
from pathlib import Path

import pytest
from conftest import ROOT

from reportgen.cli import main
from reportgen.commands.check import collect
from reportgen.compute.overview import compute_overview
from reportgen.load import load_yaml
from reportgen.pipeline import load_and_check
from reportgen.validate import validate

# Every gap nytt-år leaves in the example, by YAML path, written out by hand from
# content/2023.yaml: what the new year must fill in, and nothing else.
_RR = ["verksamhetens_intäkter", "verksamhetens_kostnader", "finansiella_intäkter",
       "finansiella_kostnader"]
_BR = ["kundfordringar", "kortfristiga_fordringar", "kortfristiga_placeringar", "kassa_och_bank",
       "avsättningar_för_pensioner", "långfristiga_skulder", "kortfristiga_skulder",
       "ansvarsförbindelser"]  # not övrigt_eget_kapital: this year's closing one is stated
_NOTE_ROWS = {1: 5, 2: 3, 3: 4, 4: 7}  # note index → its rows (Redovisningsprinciper has none)
_BUDGET_ROWS = 22
_WITHOUT_BUDGET = {1, 20, 21}  # Övriga intäkter, 800 and Finansiella intäkter state no årsbudget
_FINANCED = [0, 1, 3, 4, 5, 6, 7]  # the insatser with beviljat and förbrukat (not the ESF project)
_REACHED = [1, 3, 4, 5]  # the insatser stating medverkande
_QUESTIONS = {0: 7, 1: 8, 2: 5}  # indicator group → its questions
EXPECTED_GAPS = {
    *(f"ekonomi.resultaträkning.2024.{k}" for k in _RR),
    *(f"ekonomi.balansräkning.2024.{k}" for k in _BR),
    *(f"ekonomi.noter.{n}.rader.{r}.belopp.2024" for n, rows in _NOTE_ROWS.items()
      for r in range(rows)),
    "ekonomi.femårsöversikt.2024.anställda",
    *(f"budget.rader.{i}.utfall" for i in range(_BUDGET_ROWS)),
    *(f"budget.rader.{i}.årsbudget" for i in range(_BUDGET_ROWS) if i not in _WITHOUT_BUDGET),
    "ordförande_har_ordet.ort_och_datum",
    # Goals: each stated status (mål 3's is computed from its mått), mål 1's measured outcome
    # (the others name computed figures, which stay).
    *(f"mål.{i}.status" for i in (0, 1, 3, 4, 5)), "mål.0.mått.0.utfall",
    *(f"insatser.{i}.finansiering.{k}" for i in _FINANCED for k in ("beviljat", "förbrukat")),
    *(f"insatser.{i}.medverkande" for i in _REACHED),
    *(f"insatser.{i}.måluppfyllelse" for i in range(8)),
    # Rehabteamet's participants: 2023's counts are now föregående_år; 2024's are gaps.
    *(f"insatser.0.deltagare.{k}" for k in ("aktiva", "aktiva_vid_årets_början", "nya",
                                            "avslutade", "tidiga_avhopp")),
    *(f"insatser.0.deltagare.utfall.{r}.antal" for r in range(6)),
    "insatser.0.deltagare.tid_i_insats_veckor.kvinnor", "insatser.0.deltagare.tid_i_insats_veckor.män",
    *(f"indikatorer.grupper.{g}.enkäter.2024" for g in _QUESTIONS),
    *(f"indikatorer.grupper.{g}.frågor.{q}.resultat.2024" for g, n in _QUESTIONS.items()
      for q in range(n)),
}


def test_next_year_from_the_example(tmp_path, capsys):
    target = tmp_path / "content-2024"
    assert main(["nytt-år", str(ROOT / "content" / "2023.yaml"), "--mapp", str(target)]) == 1
    out = capsys.readouterr().out
    new = target / "2024.yaml"
    lines = out.splitlines()
    assert lines[0].startswith("rapport: räkenskapsår 2024, föregående ")
    for group in ("styrelse och revisorer: förs över; 3 som lämnade under 2023 tas bort "
                  "(Annika Furu, Eva Spång, Bengt Rosén)",
                  "budget: 22 rader med årsbudget och utfall 2024 att fylla i",
                  "mål: förs över; 5 bedömningar och 1 utfall att fylla i",
                  "insatser: förs över; 1 insatsers deltagare 2023 blir föregående år, 39 "
                  "uppgifter för 2024 att fylla i",
                  "indikatorer: 2023 blir föregående år; 2024 att fylla i för 20 frågor och 3 "
                  "enkäter"):
        assert group in lines
    assert out.rstrip().endswith("142 fel, 78 varningar")  # 77 texts unchanged since 2023
    assert (target / "text" / "inledning.md").read_bytes() == (
        ROOT / "content" / "text" / "inledning.md").read_bytes()
    text = new.read_text(encoding="utf-8")
    assert "# Kortfristiga placeringar räknas som likvida medel i kassaflödesanalysen." in text
    # A comment after a year that goes stays, its date moved on with the opening balance.
    assert "      ansvarsförbindelser: inga\n\n  # Balansen per 2022-12-31, för " in text
    assert "    likvida_medel: 1232085\n\n  noter:" in text  # the blank line after it too
    # rapport.föregående names this year's file from the new folder (relative, or absolute
    # when the two share no folder but the root: wherever the clone and tmp_path are)
    [named] = [line.split(": ", 1)[1] for line in text.splitlines()
               if line.startswith("  föregående: ")]
    assert (target / named).resolve() == (ROOT / "content" / "2023.yaml").resolve()
    assert Path(named).is_absolute() == (
        os.path.commonpath([ROOT.resolve(), target.resolve()]) == ROOT.resolve().anchor)
    old = load_and_check(ROOT / "content" / "2023.yaml")
    source = load_yaml(new)
    indata = validate(source)
    from reportgen.compute.statements import compute_ekonomi

    eko = compute_ekonomi(indata)
    for rakning in ("resultaträkning", "balansräkning", "kassaflödesanalys"):
        before, after = old.eko.räkning(rakning), eko.räkning(rakning)
        for row in before.printed_rows:
            assert after.row(row.key).values.get(2023) == row.values.get(2023), (rakning, row.key)
            assert after.row(row.key).texts.get(2023) == row.texts.get(2023), (rakning, row.key)
    assert eko.balansräkning.value("övrigt_eget_kapital", 2024) == 1905499
    overview = compute_overview(indata, eko)
    assert overview is not None and list(overview.years) == [2024, 2023, 2022, 2021, 2020]
    findings = collect(new)
    # Exactly the gaps, one finding each at its line in the new file; nothing else is an
    # error (a figure that waits for a gap, such as eget_kapital_andel in a text, is no
    # error); the warnings are the board's decision date still to come and the texts
    # carried over (test below).
    gaps = [f for f in findings if f.rule == "lucka"]
    assert Counter(f.field for f in gaps) == Counter(EXPECTED_GAPS)
    assert all(f.location.file == new and f.location.line for f in gaps)
    assert {f.rule for f in findings if f.rule != "lucka"} == {"datum.beslut", "oförändrad"}
    line = text.splitlines().index("      verksamhetens_intäkter:") + 1
    first = next(f for f in gaps if f.field == "ekonomi.resultaträkning.2024.verksamhetens_intäkter")
    assert (first.location.line, first.message) == (
        line, "Resultaträkningen, verksamhetens intäkter 2024 ska fyllas i (reportgen importera "
        "fyller i det från bokföringen)")
    said = {f.field: f.message for f in gaps}
    assert said["mål.0.mått.0.utfall"] == "Målet 1, mått 1, utfall ska fyllas i (årets utfall)"
    assert said["budget.rader.2.utfall"] == ("Budgetraden 201 Styrelsen, utfall ska fyllas i "
                                             "(reportgen importera fyller i det från bokföringen)")
    assert said["insatser.0.deltagare.utfall.2.antal"] == (
        "Insatsen Rehabteamet, deltagare, utfall 3, antal ska fyllas i (från insatsens rapport "
        "för året)")
    assert said["indikatorer.grupper.2.frågor.4.resultat.2024"] == (
        "Indikatorerna, sammanställning resultat indikatorer – Styrelsen: fråga 5, resultatet "
        "2024 ska fyllas i (årets resultat från NNS indikatorenkät)")


def test_next_year_moves_participants_goals_indicators_and_board(tmp_path, capsys):
    """What the new year carries: last year's participant counts in föregående_år, goals
    without their assessments, indicator results newest first with as many years as before,
    the board without those who left."""
    import yaml

    target = tmp_path / "ny"
    main(["nytt-år", str(ROOT / "content" / "2023.yaml"), "--mapp", str(target)])
    capsys.readouterr()
    data = yaml.safe_load((target / "2024.yaml").read_text(encoding="utf-8"))
    rehab = data["insatser"][0]["deltagare"]
    assert rehab["föregående_år"] == {"aktiva": {"kvinnor": 32, "män": 25},
                                      "aktiva_vid_årets_början": 34, "nya": 20, "avslutade": 23,
                                      "tidiga_avhopp": 2, "måluppfyllt": 15}
    assert [u["text"] for u in rehab["utfall"]][:2] == ["Arbete", "Studier"]
    assert data["mål"][1]["mått"][0]["utfall"] == "deltagare.rehabteamet.andel_måluppfyllt"
    assert data["mål"][1]["text"] == "text/mal/mal-2.md"
    chefsgrupp = data["indikatorer"]["grupper"][1]
    assert list(chefsgrupp["frågor"][0]["resultat"]) == [2024, 2023, 2022]
    assert list(chefsgrupp["enkäter"]) == [2024, 2023]
    assert chefsgrupp["frågor"][0]["resultat"][2023] == {"totalt": {"rikssnitt": 40, "andel": 55}}
    af = next(p for p in data["styrelse"] if p["utsedd_av"] == "Arbetsförmedlingen")
    assert af["ordinarie"] == [{"namn": "Maria Ahlström"}]
    assert "beslutsdatum" not in data["rapport"] and data["rapport"]["räkenskapsår"] == 2024
    text = (target / "2024.yaml").read_text(encoding="utf-8")
    assert "  räkenskapsår: 2024\n  föregående: " in text and "\n\nstyrelse:" in text


def test_next_year_never_overwrites(tmp_path, capsys):
    target = tmp_path / "finns"
    target.mkdir()
    assert main(["nytt-år", str(ROOT / "content" / "2023.yaml"), "--mapp", str(target)]) == 1
    assert "mappen finns redan" in capsys.readouterr().err
    assert list(target.iterdir()) == []


def test_next_year_moves_a_five_year_overview_of_rows(tmp_path, capsys):
    """The overview in its table form (tests/fixtures/tallskogen, kronor): every row drops
    its oldest year, and a row reportgen derives states the year that leaves the statements
    as the table printed it."""
    import yaml

    target = tmp_path / "2025"
    main(["nytt-år", str(ROOT / "tests" / "fixtures" / "tallskogen" / "2024.yaml"),
          "--mapp", str(target)])
    capsys.readouterr()
    rows = yaml.safe_load((target / "2025.yaml").read_text(encoding="utf-8"))[
        "ekonomi"]["femårsöversikt"]["rader"]
    values = {row.get("rad") or row.get("text"): row["värden"] for row in rows}
    assert values["verksamhetens_kostnader"] == {2023: -3118900, 2022: -2994300, 2021: -3120800}
    assert values["soliditet"] == {2023: 93, 2022: 91, 2021: 90}
    assert values["ESF-medel"] == {2024: 150000, 2023: 130000, 2022: 110000, 2021: 85000}


def test_a_text_carried_over_unchanged_is_a_warning_until_it_is_edited(tmp_path, capsys):
    """Every narrative text of the new report that is still last year's is one warning at
    its place (a text in the YAML at its line, a Markdown file at its first line); an edited
    one is not, and without rapport.föregående nothing is compared."""
    target = tmp_path / "content-2024"
    main(["nytt-år", str(ROOT / "content" / "2023.yaml"), "--mapp", str(target)])
    capsys.readouterr()
    new = target / "2024.yaml"

    def unchanged() -> dict[str, object]:
        return {f.field: f for f in collect(new) if f.rule == "oförändrad"}

    before = unchanged()
    # 26 Markdown files and 51 texts in the YAML (texts written in content/2023.yaml that
    # the schema marks as narrative: Text and Korttext).
    assert len(before) == 77
    assert all(f.severity.value == "varning" for f in before.values())
    inline = before["förvaltningsberättelse.väsentliga_händelser"]
    text = new.read_text(encoding="utf-8")
    line = text.splitlines().index("  väsentliga_händelser: Inga händelser av väsentlig betydelse "
                                   "har inträffat under året.") + 1
    assert (inline.location.file, inline.location.line) == (new, line)
    assert inline.message == ("texten är oförändrad sedan 2023; skriv den för 2024 (eller ta bort "
                              "rapport.föregående när alla texter är genomgångna)")
    file = before["förvaltningsberättelse.inledning"]
    assert (file.location.file, file.location.line) == (target / "text" / "inledning.md", 1)
    assert "budget.rader.10.förklaring" in before  # a short text too

    (target / "text" / "inledning.md").write_text("Året 2024 i korthet.\n", encoding="utf-8")
    new.write_text(text.replace("har inträffat under året.", "har inträffat under 2024."),
                   encoding="utf-8")
    after = unchanged()
    assert set(before) - set(after) == {"förvaltningsberättelse.inledning",
                                         "förvaltningsberättelse.väsentliga_händelser"}
    assert len(after) == 75

    lines = new.read_text(encoding="utf-8").splitlines()
    new.write_text("\n".join(r for r in lines if not r.startswith("  föregående:")) + "\n",
                   encoding="utf-8")
    assert unchanged() == {}


def test_last_years_file_gone_is_one_warning_at_rapport_foregaende(tmp_path, capsys):
    target = tmp_path / "content-2024"
    main(["nytt-år", str(ROOT / "content" / "2023.yaml"), "--mapp", str(target)])
    capsys.readouterr()
    new = target / "2024.yaml"
    text = new.read_text(encoding="utf-8")
    start = text.index("  föregående: ")
    end = text.index("\n", start)
    new.write_text(text[:start] + "  föregående: ../saknas/2023.yaml" + text[end:], encoding="utf-8")
    (finding,) = [f for f in collect(new) if f.rule == "oförändrad"]
    assert finding.field == "rapport.föregående"
    assert finding.location.line == text[:start].count("\n") + 1
    assert finding.message.startswith("förra årets fil ../saknas/2023.yaml kan inte läsas")


def _fill_by_hand(yaml: Path) -> None:
    """What the förbundschef writes in for 2024 besides the bookkeeping: the year's
    assessments, participants, attendance, indicator results, the budget line without a
    project, the decision date and the foreword's place and date."""
    from reportgen.yaml_edit import RoundTrip, mapping, set_value

    trip = RoundTrip.open(yaml.read_text(encoding="utf-8"))
    d = trip.data
    budget = {str(r.get("nr")): r for r in d["budget"]["rader"]}
    for path in [f.field for f in collect(yaml) if f.rule == "lucka"]:
        keys: list[str | int] = [int(p) if p.isdigit() else p for p in path.split(".")]
        last = keys[-1]
        if path.endswith(".status"):
            value: object = "uppfyllt"
        elif path.startswith("mål.") and last == "utfall":
            value = 130
        elif last == "måluppfyllelse":
            value = "Hög"
        elif last in ("beviljat", "förbrukat"):
            insats = d["insatser"][keys[1]]
            row = budget[str(insats["projektnummer"])]
            value = -(row["årsbudget"] if last == "beviljat" else row["utfall"])
        elif last == "medverkande":
            value = 50
        elif last == "ansvarsförbindelser":
            value = "inga"
        elif last == "anställda":
            value = 1
        elif last == "årsbudget":  # the line without a project: from the verksamhetsplan
            value = -500000
        elif last == "ort_och_datum":
            value = "Norrvika 2025-03-13"
        elif keys[0] == "indikatorer" and keys[3] == "enkäter":
            value = mapping(flow=True, items=iter([("svar", 12), ("möjliga", 40)]))
        elif keys[0] == "indikatorer":
            value = mapping(flow=True, items=iter([("totalt", mapping(flow=True, items=iter(
                [("rikssnitt", 70), ("andel", 60)])))]))
        elif "deltagare" in keys:
            value = {"aktiva": mapping(flow=True, items=iter([("kvinnor", 20), ("män", 15)])),
                     "aktiva_vid_årets_början": 25, "nya": 10, "avslutade": 12,  # 25 + 10 = 35
                     "tidiga_avhopp": 1, "kvinnor": 60, "män": 80}.get(str(last))
            if last == "antal":
                value = [2, 1, 5, 2, 1, 1][int(keys[-2])]  # 12, those who ended
        else:
            raise AssertionError(f"an unexpected gap: {path}")
        set_value(trip, tuple(keys), value)
    d["rapport"]["beslutsdatum"] = dt.date(2025, 3, 13)
    yaml.write_text(trip.dump(), encoding="utf-8")


def test_filling_in_the_gaps_from_next_years_sie_gives_a_clean_check(tmp_path, capsys):
    """nytt-år, then importera of a second SIE file (2024's figures, CP437, tests/sie_example.py),
    then the non-economic gaps by hand: check is clean but for the texts still as in 2023,
    which go once rapport.föregående is removed (all texts reviewed)."""
    from sie_example import next_year_sie

    target = tmp_path / "content-2024"
    main(["nytt-år", str(ROOT / "content" / "2023.yaml"), "--mapp", str(target)])
    new = target / "2024.yaml"
    shutil.copy(ROOT / "tests" / "fixtures" / "kontoplan-bergsjodalen.yaml",
                target / "kontoplan.yaml")
    export = next_year_sie().write(target / "bokslut-2024.se")
    capsys.readouterr()
    main(["importera", str(export), str(new), "--kontoplan", "kontoplan.yaml"])
    out = capsys.readouterr().out
    assert "resultaträkningen 2024: 4 värden ändras" in out
    left = {f.field for f in collect(new) if f.rule == "lucka"}
    economic = {p for p in EXPECTED_GAPS if p.startswith("ekonomi.")
                or p.startswith("budget.")}
    # The bookkeeping fills every figure it has: what remains is not in it.
    assert left & economic == {"ekonomi.balansräkning.2024.ansvarsförbindelser",
                               "ekonomi.femårsöversikt.2024.anställda",
                               "budget.rader.19.årsbudget"}
    _fill_by_hand(new)
    findings = collect(new)
    assert [str(f) for f in findings if f.rule != "oförändrad"] == []
    rr = load_and_check(new).eko.resultaträkning
    assert rr.value("årets_resultat", 2024) == 172980
    assert rr.value("årets_resultat", 2023) == 159492
    text = new.read_text(encoding="utf-8")
    start = text.index("  föregående: ")
    new.write_text(text[:start] + text[text.index("\n", start) + 1:], encoding="utf-8")
    assert collect(new) == []


def test_nytt_ar_is_listed_in_the_help_and_answers_without_a_ring(tmp_path, capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "nytt-år (nytt-ar)" in out and "importera" in out
    target = tmp_path / "saknas" / "ännu" / "2024"  # folders that do not exist yet are made
    assert main(["nytt-ar", str(ROOT / "content" / "2023.yaml"), "--mapp", str(target),
                 "--visa"]) == 1
    out = capsys.readouterr().out
    assert f"(--visa: {target / '2024.yaml'} skrevs inte)" in out
    assert out.rstrip().endswith(f"{target / '2024.yaml'}: 142 fel, 78 varningar")  # as it would be
    assert not target.exists()
    assert main(["nytt-ar", str(ROOT / "content" / "2023.yaml"), "--mapp", str(target)]) == 1
    assert (target / "2024.yaml").is_file()


def test_the_untouched_new_year_builds_as_a_draft(tmp_path, capsys):
    """A report built from nytt-år's file as it is: a draft (--utkast), every figure that
    waits for a gap shown as [fylls i], never a failure."""
    target = tmp_path / "content-2024"
    main(["nytt-år", str(ROOT / "content" / "2023.yaml"), "--mapp", str(target)])
    assert main(["build", str(target / "2024.yaml"), "--out", str(tmp_path / "ut"),
                 "--format", "html", "--tyst"]) == 1  # refused without --utkast
    assert main(["build", str(target / "2024.yaml"), "--out", str(tmp_path / "ut"),
                 "--format", "html", "--utkast", "--tyst"]) == 0
    capsys.readouterr()
    html = (tmp_path / "ut" / "2024.html").read_text(encoding="utf-8")
    assert "UTKAST – inte fastställd" in html
    assert "Det egna kapitalet uppgår till 1\xa0905 tkr vid årets slut, vilket är [fylls i]" in html


FIXTURES = ["alvmora/2024.yaml", "granasen/2023.yaml", "hallebygden/2024.yaml",
            "ljungadalen/2024.yaml", "ljungmarken/2024.yaml", "tallskogen/2024.yaml",
            "seed001_structure/2020.yaml", "regler/ren.yaml"]


@pytest.mark.parametrize("fixture", FIXTURES)
def test_next_year_of_each_fixture_has_gaps_and_nothing_else_wrong(tmp_path, capsys, fixture):
    """Each fixture as its förbund writes it (own layouts, goal scales, budget tables,
    overviews in rows): its next year has gaps to fill in and texts to rewrite, and no
    other finding."""
    source = ROOT / "tests" / "fixtures" / fixture
    target = tmp_path / "ny"
    main(["nytt-år", str(source), "--mapp", str(target)])
    capsys.readouterr()
    (new,) = target.glob("*.yaml") if fixture != "regler/ren.yaml" else [target / "2024.yaml"]
    findings = collect(new)
    assert any(f.rule == "lucka" for f in findings)
    others = [str(f) for f in findings if f.rule not in ("lucka", "oförändrad", "datum.beslut")]
    assert others == []

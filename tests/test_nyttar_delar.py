"""reportgen nytt-år on a delårsrapport: the same months of the next year, this period's
figures in the columns of the same period last year, the rest gaps that `check` lists; the
Markdown files copied. The expected values are written here by hand from
content/delar/2023-08.yaml and tests/fixtures/solbacken_delar/2023.yaml."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest
from conftest import ROOT, walk_blocks
from extract import norm

from reportgen.cli import main
from reportgen.commands.check import collect
from reportgen.document.model import Paragraph, Table
from reportgen.load import load_yaml
from reportgen.nyttar_delar import ett_år_senare
from reportgen.pipeline import prepare

EXAMPLE = ROOT / "content" / "delar" / "2023-08.yaml"
R17 = ROOT / "tests" / "fixtures" / "solbacken_delar" / "2023.yaml"


@pytest.fixture(scope="module")
def next_period(tmp_path_factory):  # type: ignore[no-untyped-def]
    target = tmp_path_factory.mktemp("nytt") / "delar-2024"
    assert main(["nytt-år", str(EXAMPLE), "--mapp", str(target)]) == 1  # its gaps
    return target


def _tables(data: dict) -> list[dict]:  # type: ignore[type-arg]
    section = data["avsnitt"][3]["innehåll"]
    return [block["tabell"] for block in section if "tabell" in block]


def test_the_next_period_is_the_same_months_a_year_later(next_period: Path) -> None:
    new = next_period / "2024-08.yaml"
    data = load_yaml(new).data
    assert data["rapport"]["räkenskapsår"] == 2024
    assert data["rapport"]["period"] == {"från": dt.date(2024, 1, 1), "till": dt.date(2024, 8, 31)}
    assert "beslutsdatum" not in data["rapport"]
    assert (next_period / data["rapport"]["föregående"]).resolve() == EXAMPLE.resolve()
    # The narrative files are copied as they are (check warns until they are rewritten).
    for md in (EXAMPLE.parent / "text").glob("*.md"):
        assert (next_period / "text" / md.name).read_bytes() == md.read_bytes()


def test_this_periods_figures_become_the_same_period_last_year(next_period: Path) -> None:
    new, tid, avslut = (_tables(load_yaml(next_period / "2024-08.yaml").data)[i] for i in (0, 2, 3))
    # New participants per kommun: 2023 jan–aug (7, 9, 5, 8, 3, 6; 38) is last year's now.
    assert new["kolumner"] == ["2024 jan–aug", "2023 jan–aug"]
    assert [r["värden"] for r in new["rader"]] == [
        [None, 7], [None, 9], [None, 5], [None, 8], [None, 3], [None, 6], [None, 38]]
    assert new["att_fylla_i"] == ["2024 jan–aug"]
    assert new["siffror"]["nya_deltagare"]["kolumn"] == "2024 jan–aug"
    assert new["siffror"]["nya_deltagare_fg"]["kolumn"] == "2023 jan–aug"
    # Time in public support: this period's shares go into the parentheses (last year's).
    assert [(r["värden"], r["parentes"]) for r in tid["rader"]] == [
        ([None, None], [50, 65]), ([None, None], [30, 12]), ([None, None], [15, 15]),
        ([None, None], [5, 12])]
    assert tid["kolumner"] == ["Andel av kvinnor (inom parentes 2023)",
                               "Andel av män (inom parentes 2023)"]
    # A table of this period alone: every value to fill in.
    assert {tuple(r.get("värden") or ()) for r in avslut["rader"] if "text" in r} == {(None,)}
    assert avslut["att_fylla_i"] == ["Antal"]
    budget = load_yaml(next_period / "2024-08.yaml").data["budget"]["driftredovisning"]
    first = budget["rader"][1]["rader"][0]
    assert first == {"nr": 1000, "namn": "Styrelse", "årsbudget": None, "utfall": None,
                     "prognos": None}


def test_check_lists_the_gaps_of_the_next_period(next_period: Path) -> None:
    findings = collect(next_period / "2024-08.yaml")
    assert {f.rule for f in findings} == {"lucka", "oförändrad", "datum.beslut"}
    gaps = Counter(f.field.split(".")[0] if "att_fylla_i" not in f.field else "tabell"
                   for f in findings if f.rule == "lucka")
    # By hand: the three goals' status; the four tables' columns (1 + 2 + 2 + 1); the
    # forecast table's 19 lines, each årsbudget, utfall and prognos.
    assert gaps == {"mål": 3, "tabell": 6, "budget": 57}
    (new_column,) = [f for f in findings if f.field == "avsnitt.3.innehåll.1.tabell.att_fylla_i.0"]
    assert new_column.message == (
        "Tabellen 'Antal nya deltagare per kommun (folkbokföringskommun)', kolumnen 2024 "
        "jan–aug ska fyllas i (periodens siffror; ta sedan bort kolumnen ur att_fylla_i)")


def test_the_untouched_next_period_builds_as_a_draft(next_period: Path) -> None:
    doc = prepare(next_period / "2024-08.yaml", draft=True).document
    assert doc.title == "Delårsrapport januari–augusti 2024"
    blocks = list(walk_blocks(doc.sections))
    table = next(b for b in blocks if isinstance(b, Table) and "nya deltagare per kommun" in b.caption)
    assert [[norm(c.text) for c in r.cells] for r in table.body][:2] == [
        ["Hagby", "[fylls i]", "7"], ["Norrtorp", "[fylls i]", "9"]]
    assert [norm(c.text) for c in table.body[-1].cells] == ["Totalt antal", "[fylls i]", "38"]
    text = " ".join(norm("".join(r.text for r in b.runs)) for b in blocks
                    if isinstance(b, Paragraph))
    assert "varav [fylls i] nya deltagare (2022: 38)" in text  # the file's own "2022": warned


def test_an_r17_period_moves_on_and_its_forecast_is_a_gap(tmp_path: Path) -> None:
    target = tmp_path / "ny"
    main(["nytt-år", str(R17), "--mapp", str(target)])
    eko = load_yaml(target / "2024.yaml").data["ekonomi"]
    rr, br = eko["resultaträkning"], eko["balansräkning"]
    assert list(rr) == [2024, 2023, "prognos"]
    assert rr[2023]["verksamhetens_intäkter"] == 2300000  # jan–aug 2023: last year's period
    assert set(rr[2024].values()) == set(rr["prognos"].values()) == {None}
    # Compared with last year's closing balance: 2023-12-31, which this report does not have.
    assert list(br) == [2024, 2023]
    assert set(br[2024].values()) == set(br[2023].values()) == {None}
    findings = collect(target / "2024.yaml")
    assert {f.rule for f in findings} == {"lucka", "oförändrad", "datum.beslut"}
    gaps = {f.field for f in findings if f.rule == "lucka"}
    assert "ekonomi.resultaträkning.prognos.verksamhetens_intäkter" in gaps
    # The forecast's adjustment to the balanskravsresultat (−3 000) was this period's too.
    data = load_yaml(target / "2024.yaml").data
    assert [post["prognos"] for post in data["balanskrav"]["justeringar"]] == [None]
    assert "balanskrav.justeringar.0.prognos" in gaps


@pytest.mark.parametrize(("day", "later"), [
    (dt.date(2023, 8, 31), dt.date(2024, 8, 31)), (dt.date(2023, 2, 28), dt.date(2024, 2, 29)),
    (dt.date(2024, 2, 29), dt.date(2025, 2, 28)), (dt.date(2023, 1, 1), dt.date(2024, 1, 1))])
def test_a_period_end_stays_a_month_end(day: dt.date, later: dt.date) -> None:
    assert ett_år_senare(day) == later


def test_a_column_of_an_earlier_year_rolls_on_with_the_figures_of_the_year_after(
        tmp_path: Path) -> None:
    """A table with 2021 beside this and last year's period: the three years roll on (2024,
    2023, 2022), 2022 with the figures the table had for it; only the new period is to fill
    in."""
    import shutil

    folder = tmp_path / "delar"
    shutil.copytree(EXAMPLE.parent, folder)
    yaml = folder / EXAMPLE.name
    text = yaml.read_text(encoding="utf-8")
    rows = {"Hagby, värden: [7, 14]": "Hagby, värden: [7, 14, 11]",
            "Norrtorp, värden: [9, 9]": "Norrtorp, värden: [9, 9, 2]",
            "Lindås, värden: [5, 5]": "Lindås, värden: [5, 5, 5]",
            "Storvik, värden: [8, 3]": "Storvik, värden: [8, 3, 4]",
            "Brattfors, värden: [3, 1]": "Brattfors, värden: [3, 1, 0]",
            "Åsbacka, värden: [6, 4]": "Åsbacka, värden: [6, 4, 3]",
            "nyckel: nya, värden: [38, 36]": "nyckel: nya, värden: [38, 36, 25]",
            "kolumner: [2023 jan–aug, 2022 jan–aug]":
                "kolumner: [2023 jan–aug, 2022 jan–aug, 2021 jan–aug]"}
    for old, new in rows.items():
        assert text.count(old) == 1
        text = text.replace(old, new)
    yaml.write_text(text, encoding="utf-8")
    target = tmp_path / "ny"
    main(["nytt-år", str(yaml), "--mapp", str(target)])
    new = _tables(load_yaml(target / "2024-08.yaml").data)[0]
    assert new["kolumner"] == ["2024 jan–aug", "2023 jan–aug", "2022 jan–aug"]
    assert [r["värden"] for r in new["rader"]] == [
        [None, 7, 14], [None, 9, 9], [None, 5, 5], [None, 8, 3], [None, 3, 1], [None, 6, 4],
        [None, 38, 36]]
    assert new["att_fylla_i"] == ["2024 jan–aug"]

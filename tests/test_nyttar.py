"""reportgen nytt-år on the example: a 2024 folder whose 2023 columns are the 2023 report's
printed figures, whose five-year overview runs 2020–2024, and whose gaps `check` lists."""

from __future__ import annotations

from collections import Counter

from conftest import ROOT

from reportgen.cli import main
from reportgen.commands.check import collect
from reportgen.compute.overview import compute_overview
from reportgen.load import load_yaml
from reportgen.pipeline import load_and_check
from reportgen.validate import validate


def test_next_year_from_the_example(tmp_path, capsys):
    target = tmp_path / "content-2024"
    assert main(["nytt-år", str(ROOT / "content" / "2023.yaml"), "--mapp", str(target)]) == 1
    out = capsys.readouterr().out
    new = target / "2024.yaml"
    assert "rapport: räkenskapsår 2024" in out and out.rstrip().endswith("40 fel, 1 varning")
    assert (target / "text" / "inledning.md").read_bytes() == (
        ROOT / "content" / "text" / "inledning.md").read_bytes()
    text = new.read_text(encoding="utf-8")
    assert "# Kortfristiga placeringar räknas som likvida medel i kassaflödesanalysen." in text
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
    gaps = Counter(f.rule for f in findings if f.rule == "lucka")
    assert gaps == {"lucka": 32}  # 4 + 8 lines, 19 note rows, the number employed
    assert all(f.location.file == new and f.location.line for f in findings if f.rule == "lucka")


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

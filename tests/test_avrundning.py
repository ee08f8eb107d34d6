"""The one rounding policy for tables in tkr (issue 11, item 7; reportgen/compute/avrundning.py,
README "Rounding to tkr"), and every printed tkr figure of the example and the fixtures it
changed, with the reason.
"""

from __future__ import annotations

import pytest
from check_expected import ROOT
from extract import norm

from reportgen.compute.avrundning import Nod, avrunda, fördela

FIXTURES = ROOT / "tests" / "fixtures"


def test_parts_add_up_to_their_total_and_the_largest_remainders_absorb_the_difference():
    # 1 480,4 + 1 105,4 + 420,4 = 3 006,2 → 3 006; each part rounded gives 3 005, so the one
    # rounded down the most (all equal: the largest amount) gets +1.
    assert fördela(3006, [1_480_400, 1_105_400, 420_400]) == (1481, 1105, 420)
    # Costs: −600 kr three times is −1 800 kr → −2 tkr; rounded one by one −3: one line
    # (equal remainders, equal amounts: the first) gives back 1.
    assert fördela(-2, [-600, -600, -600]) == (0, -1, -1)
    # Nothing to distribute: each part is its own rounding.
    assert fördela(5, [1_499, 3_501]) == (1, 4)
    # A difference larger than the parts can each absorb once goes round again.
    assert fördela(4, [0, 0]) == (2, 2)


def test_rounding_goes_top_down_and_a_fixed_figure_keeps_its_value():
    tree = Nod(159_492, (Nod(4_507_990), Nod(-4_360_316), Nod(11_818)))
    rounded = avrunda(tree)
    assert rounded.tkr == 159
    assert [p.tkr for p in rounded.delar] == [4508, -4361, 12]
    assert [p.differens for p in rounded.delar] == [0, -1, 0]
    # The costs decided elsewhere (−4 360): the difference goes to the other parts.
    fixed = avrunda(Nod(159_492, (Nod(4_507_990), Nod(-4_360_316, fast=-4360), Nod(11_818))))
    assert [p.tkr for p in fixed.delar] == [4508, -4360, 11]
    # Every part fixed and not adding up: the total is the sum it prints.
    both = avrunda(Nod(1_500, (Nod(700, fast=1), Nod(800, fast=1))))
    assert both.tkr == 2 and both.differens == 0


def test_the_resultatrakning_in_tkr_adds_up_to_arets_resultat(example_prepared):
    from reportgen.compute.avrundning import resultaträkning_tkr

    rr = resultaträkning_tkr(example_prepared.eko, 2023)
    assert rr["årets_resultat"] == 159
    assert (rr["verksamhetens_intäkter"], rr["verksamhetens_kostnader"],
            rr["finansiella_intäkter"], rr["finansiella_kostnader"]) == (4508, -4361, 12, 0)
    parts = [v for k, v in rr.items() if k != "årets_resultat"]
    assert sum(parts) == rr["årets_resultat"]


# Every printed tkr figure the policy changed in the example and the fixtures (they were
# each line rounded on its own; now the figures the tables show add up to årets resultat,
# so each total is one number in every table): (file, table, row label, column) → (before,
# after, why).
CHANGED: dict[tuple[str, str, str, int], tuple[str, str, str]] = {
    ("content/2023.yaml", "femarsoversikt", "Verksamhetens kostnader", 1): (
        "-4 360", "-4 361",
        "4 508 − 4 360 + 12 (finansiella poster) = 160, årets resultat is 159 (159 492 kr): the "
        "costs are rounded furthest (−4 360,316) and absorb it, as in the sammanställning"),
    ("content/2023.yaml", "driftredovisning-sammandrag", "Kostnader", 1): (
        "-4 349", "-4 361",
        "the year's costs as in every table; the financial items (12) are a row of their own "
        "(the row was costs net of them, 'Kostnader inklusive finansiella poster')"),
    ("content/2023.yaml", "driftredovisning-sammandrag", "Kostnader", 4): (
        "-4 696", "-4 690",
        "2022's costs −4 689 710 kr; −6 444 kr financial costs are now their own row (−6)"),
    ("tests/fixtures/regler/ren.yaml", "femarsoversikt", "Verksamhetens kostnader", 1): (
        "-4 360", "-4 361", "the example's figures"),
    ("tests/fixtures/seed000/arsredovisning.yaml", "femarsoversikt",
     "Verksamhetens kostnader", 1): ("-4 360", "-4 361", "the example's figures"),
    ("tests/fixtures/seed000/arsredovisning.yaml", "driftredovisning-sammandrag", "Kostnader",
     4): ("-4 696", "-4 690", "2022's financial costs are their own row"),
    ("tests/fixtures/seed001/arsredovisning.yaml", "driftredovisning-sammandrag", "Kostnader",
     1): ("-4 571", "-4 567",
          "2020's costs without the −4 tkr financial costs, now their own row (−4 567 005 kr)"),
    ("tests/fixtures/seed001/arsredovisning.yaml", "driftredovisning-sammandrag", "Kostnader",
     4): ("-4 595", "-4 592", "2019's costs without its −3 tkr financial costs"),
    ("tests/fixtures/granasen/2023.yaml", "femarsoversikt", "Verksamhetens kostnader", 1): (
        "-2 311", "-2 310",
        "2 400 − 2 311 + 4 = 93, årets resultat 93 600 kr is 94: the costs (−2 310 500, rounded "
        "half away from zero) are the part rounded furthest and absorb it"),
    ("tests/fixtures/ljungmarken/2024.yaml", "femarsoversikt", "Verksamhetens intäkter", 1): (
        "3 205", "3 206",
        "the parts rounded one by one come to 1 tkr less than årets resultat; the intäkter "
        "(3 205 400 kr) are rounded furthest and absorb it"),
}


@pytest.mark.parametrize("case", sorted(CHANGED), ids=lambda c: f"{c[0]}:{c[1]}:{c[2]}:{c[3]}")
def test_each_changed_tkr_figure_is_printed_as_the_policy_says(case):
    from reportgen.pipeline import prepare

    file, table_id, label, column = case
    _before, after, _why = CHANGED[case]
    document = prepare(ROOT / file, draft=True).document
    table = next(t for t in document.tables() if t.id == table_id)
    row = next(r for r in table.body if norm(r.cells[0].text) == label)
    assert norm(row.cells[column].text) == after


def _readme_yaml(start: str) -> dict:  # type: ignore[type-arg]
    import yaml

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    begin = text.index(f"```yaml\n{start}") + len("```yaml\n")
    return yaml.safe_load(text[begin:text.index("```", begin)])  # type: ignore[no-any-return]


def test_the_readme_examples_of_the_five_year_overview_budget_and_tables_are_valid():
    """README: the examples are input reportgen accepts, and the table's stated sums and
    shares are the ones it computes."""
    from decimal import Decimal

    from reportgen.compute.tabell import beräkna
    from reportgen.schema.budget import Budget
    from reportgen.schema.oversikt import Femårsöversikt
    from reportgen.schema.tabell import Tabell

    overview = Femårsöversikt.model_validate(
        _readme_yaml("ekonomi:\n  femårsöversikt:")["ekonomi"]["femårsöversikt"])
    assert [r.etikett for r in overview.radlista()][:3] == [
        "Verksamhetens intäkter", "Medlemsbidrag", "ESF-medel"]
    budget = Budget.model_validate(_readme_yaml("budget:\n  driftredovisning:")["budget"])
    assert budget.tabeller == ("driftredovisning",)
    table = Tabell.model_validate(_readme_yaml("innehåll:\n  - tabell:")["innehåll"][0]["tabell"])
    for row in beräkna(table):
        if row.slag == "summa" and row.rad.värden:
            assert list(row.värden) == [Decimal(v) for v in row.rad.värden]
        if row.rad.andelar:
            assert all(abs(Decimal(a) - s * 100) <= Decimal("0.5")
                       for a, s in zip(row.rad.andelar, row.andelar, strict=True) if s is not None)

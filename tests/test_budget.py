"""Driftredovisning and sammanställning av utfall och budget against seed 000 (as
published, tests/fixtures/seed000_published.yaml).

The example's project lines are kronor figures that round to seed 000's tkr figures line
by line, except where seed 000's sammanställning contradicts its own statements. Seed 000
prints bidrag 4 496 tkr and costs 4 336 tkr, but its resultaträkning has intäkter
4 507 990 kr (incl. 11 990 kr övriga intäkter), costs 4 360 316 kr, financial income
11 823 kr, and Not 3 splits the costs into administration 880 586, deltagarinsatser
1 232 566 and strukturövergripande 2 247 164 kr. To be consistent with the statements
the example deviates from the seed in as few lines as possible (DEVIATIONS below):

- a line "Övriga intäkter" (12 tkr) is added, so the intäkter equal the resultaträkning;
- 202 Förbundschef utfall −364 tkr instead of −350 (administration then equals Not 3,
  881 tkr instead of 867);
- 499 Förbundschef – stöd och utveckling av samverkan utfall −430 tkr instead of −419
  (strukturövergripande then equals Not 3, 2 247 tkr instead of 2 236);
- a line "Finansiella intäkter" (12 tkr) is added beside 800 Finansiella kostnader
  (−5 kr, 0 tkr as in the seed), so periodens resultat equals årets resultat 159 492 kr.

Every other line equals the seed; the totals follow from these lines.
"""

from __future__ import annotations

import pytest
from extract import amount
from published import driftredovisning as published_driftredovisning
from published import sammanstallning as seed_sammanstallning

from reportgen.compute.budget import (
    Budgetberakning,
    Kolumner,
    avstamning,
    compute_budget,
    driftsammandrag,
)
from reportgen.document.model import CellKind, Document, RowKind, Table
from reportgen.document.sections_budget import rounding_note, sammanstallning_table
from reportgen.schema.budget import Budget

# seed row label (or proj.nr) → (seed's (årsbudget, periodbudget, utfall, avvikelse), ours, why)
DEVIATIONS: dict[str, tuple[tuple[int, int, int, int], tuple[int, int, int, int], str]] = {
    "202": ((-297, -297, -350, -53), (-297, -297, -364, -67),
            "administration must equal Not 3 (880 586 kr)"),
    "499": ((-455, -455, -419, 36), (-455, -455, -430, 25),
            "strukturövergripande must equal Not 3 (2 247 164 kr)"),
    "SUMMA Intäkter": ((4496, 4496, 4496, 0), (4496, 4496, 4508, 12),
                       "övriga intäkter 11 990 kr belong to the intäkter (Not 2)"),
    "SUMMA Administrationskostnader": ((-873, -873, -867, 6), (-873, -873, -881, -8),
                                       "follows from 202"),
    "SUMMA Strukturövergripande insatser": ((-3291, -3291, -2236, 1055),
                                            (-3291, -3291, -2247, 1044), "follows from 499"),
    "TOTALA kostnader": ((-5842, -5842, -4336, 1506), (-5842, -5842, -4361, 1481),
                         "verksamhetens kostnader 4 360 316 kr; the lines' tkr add up to "
                         "4 361 (rounding difference stated in the footnote); financial "
                         "items are shown apart, not in the costs"),
    "PERIODENS RESULTAT": ((-1346, -1346, 160, 1506), (-1346, -1346, 159, 1505),
                           "årets resultat 159 492 kr"),
}
# Seed 000's driftredovisning summary (tkr) prints costs positive; they are negative here.
DRIFT_DEVIATIONS = {
    "kostnad": (4348, 4349, "4 360 tkr costs − 12 tkr financial income, from the "
                "sammanställning's rounded lines (−4 361 + 12)"),
    "netto": (160, 159, "årets resultat 159 492 kr; the same figure as the sammanställning"),
    "avvikelse": (1506, 1505, "follows from netto"),
}


@pytest.fixture(scope="module")
def budget(example_prepared) -> Budgetberakning:  # type: ignore[no-untyped-def]
    result = compute_budget(example_prepared.indata, example_prepared.eko)
    assert result is not None
    return result


def ours(budget: Budgetberakning) -> dict[str, tuple[int, int, int, int]]:
    def four(k: Kolumner) -> tuple[int, int, int, int]:
        return (k.årsbudget, k.periodbudget, k.utfall, k.avvikelse)

    rows = {}
    for grupp in budget.grupper:
        for post in grupp.poster:
            rows[post.nr if post.nr not in (None, "*") else post.namn] = four(post.tkr)
    labels = {
        "SUMMA Intäkter": budget.summa_intäkter,
        "SUMMA Administrationskostnader": budget.grupper[1].summa,
        "SUMMA Deltagarinsatser": budget.grupper[2].summa,
        "SUMMA Strukturövergripande insatser": budget.grupper[3].summa,
        "TOTALA kostnader": budget.totala_kostnader,
        "PERIODENS RESULTAT": budget.periodens_resultat,
    }
    rows.update({label: four(s.tkr) for label, s in labels.items()})
    rows["Bidrag"] = rows.pop("101-104")
    return rows


def test_the_published_sammanstallning_adds_up():
    """Guards the transcription: seed 000's table 7 adds up as printed (every avvikelse is
    utfall − periodbudget, every SUMMA the sum of the lines above it)."""
    seed = seed_sammanstallning()
    assert len(seed) == 26  # 20 lines, 6 totals
    assert all(avvikelse == utfall - period for _, period, utfall, avvikelse in seed.values())

    def total(*keys: str) -> list[int]:
        return [sum(col) for col in zip(*(seed[k] for k in keys), strict=True)]

    admin = ("201", "202", "203", "204", "207", "208", "209", "210")
    struktur = ("401", "423", "424", "442", "444", "445", "499", "Övriga tillkommande projekt")
    assert total("101-104") == list(seed["SUMMA Intäkter"])
    assert total(*admin) == list(seed["SUMMA Administrationskostnader"])
    assert total("301", "399") == list(seed["SUMMA Deltagarinsatser"])
    assert total(*struktur) == list(seed["SUMMA Strukturövergripande insatser"])
    assert total("SUMMA Administrationskostnader", "SUMMA Deltagarinsatser",
                 "SUMMA Strukturövergripande insatser", "800") == list(seed["TOTALA kostnader"])
    assert total("SUMMA Intäkter", "TOTALA kostnader") == list(seed["PERIODENS RESULTAT"])


def test_every_line_and_subtotal_equals_seed_000_except_the_documented_deviations(budget):
    seed = seed_sammanstallning()
    mine = ours(budget)
    seed["Bidrag"] = seed.pop("101-104")
    seed["Övriga tillkommande projekt"] = seed.pop("Övriga tillkommande projekt")
    for key, published in seed.items():
        if key == "800":
            assert mine["800"] == published == (0, 0, 0, 0)
            continue
        if key in DEVIATIONS:
            seed_figures, our_figures, _why = DEVIATIONS[key]
            assert published == seed_figures, key
            assert mine[key] == our_figures, key
        else:
            assert mine[key] == published, key
    # The two lines the seed does not have:
    assert mine["Övriga intäkter"] == (0, 0, 12, 12)
    assert mine["Finansiella intäkter"] == (0, 0, 12, 12)


def test_lines_agree_with_the_statements_and_note_3_in_kronor(budget, example_prepared):
    eko = example_prepared.eko
    assert not budget.i_hela_tkr  # kronor, as the bookkeeping gives them: compared exactly
    pairs = {a.key: (a.budget_kr, a.statement_kr) for a in avstamning(budget, eko)}
    assert pairs == {
        "summa_intäkter": (4_507_990, 4_507_990),
        "totala_kostnader": (-4_360_316, -4_360_316),
        "finansiella": (11_818, 11_818),
        "periodens_resultat": (159_492, 159_492),
        "eget_kapital_utgång": (1_905_499, 1_905_499),
    }
    assert [g.summa.kr.utfall for g in budget.grupper[1:4]] == [-880_586, -1_232_566,
                                                                 -2_247_164]
    assert budget.eget_kapital_ingång.kr.utfall == 1_746_007  # eget kapital 2022-12-31
    assert budget.eget_kapital_utgång.tkr == Kolumner(400, 400, 1905)


def test_driftredovisning_summary_equals_seed_000_except_the_documented_deviations(
        budget, example_prepared):
    d = driftsammandrag(budget, example_prepared.eko)
    mine = {"intäkt": d.intäkt, "kostnad": -d.kostnad, "netto": d.netto,
            "budget_netto": d.budget_netto, "avvikelse": d.netto - d.budget_netto,
            "intäkt_fg": d.föregående_intäkt, "kostnad_fg": -d.föregående_kostnad,
            "netto_fg": d.föregående_netto}
    published_row = published_driftredovisning()
    assert list(published_row) == list(mine)
    for (key, value), published in zip(mine.items(), published_row.values(), strict=True):
        if key in DRIFT_DEVIATIONS:
            assert (published, value) == DRIFT_DEVIATIONS[key][:2], key
        else:
            assert value == published, key


def _table(document: Document, ident: str) -> Table:
    return next(t for t in document.tables() if t.id == ident)


def test_the_printed_sammanstallning_foots(example_prepared):
    """Every sum row equals the sum of the printed rows it covers; every avvikelse = utfall − budget."""
    table = _table(example_prepared.document, "sammanstallning")
    header = [c.text for c in table.header[0].cells]
    assert header[:2] == ["Proj.nr", "Belopp i tkr"] and header[-1] == "Avvikelse"
    pending: list[list[int]] = []
    group_sums: list[list[int]] = []
    printed: dict[str, list[int]] = {}
    for row in table.body:
        if row.kind is RowKind.SUBHEADING:
            assert row.cells[0].colspan == 2 and row.cells[0].kind is CellKind.LABEL
            continue
        label = row.cells[1].text
        values = [amount(c.text) for c in row.cells[2:]]
        assert all(c.kind in (CellKind.AMOUNT, CellKind.SUM, CellKind.TEXT) for c in row.cells[2:])
        if label.startswith("Eget kapital"):
            printed[label] = values  # type: ignore[assignment]
            continue
        if values[-1] is not None:
            assert values[-1] == values[2] - values[1], label  # utfall − periodbudget
        if row.kind is RowKind.SUM:
            printed[label] = values  # type: ignore[assignment]
            if label.startswith("Summa") and pending:
                assert values == [sum(col) for col in zip(*pending, strict=True)], label
                group_sums.append(values)  # type: ignore[arg-type]
                pending = []
            if label == "Totala kostnader":
                assert values == [sum(col) for col in zip(*group_sums[1:], strict=True)]
        else:
            pending.append(values)  # type: ignore[arg-type]
    resultat = printed["Periodens resultat"]
    parts = [printed["Summa intäkter"], printed["Totala kostnader"],
             printed["Summa finansiella poster"]]
    assert resultat == [sum(col) for col in zip(*parts, strict=True)]
    ingång, utgång = printed["Eget kapital vid årets ingång"], printed[
        "Eget kapital vid periodens utgång"]
    assert utgång[:3] == [a + b for a, b in zip(ingång[:3], resultat[:3], strict=True)]
    note = " ".join((table.footnote or "").split())
    assert "Totala kostnader (utfall) är exakt −4 360 316 kr" in note
    assert "i tabellen −4 361 tkr" in note


def test_the_printed_driftredovisning_equals_the_sammanstallning(example_prepared):
    drift = _table(example_prepared.document, "driftredovisning")
    rows = {r.cells[0].text: [amount(c.text) for c in r.cells[1:4]] for r in drift.body}
    assert rows["Administration"] == [-873, -881, -8]
    assert rows["Deltagarinsatser"] == [-1678, -1233, 445]
    assert rows["varav Teamsamverkan (Rehabteamet)"] == [-1500, -1067, 433]
    assert rows["Strukturövergripande insatser"] == [-3291, -2247, 1044]
    assert rows["varav Öka innanförskapet – fler i arbete"] == [-657, -657, 0]
    summary = _table(example_prepared.document, "driftredovisning-sammandrag")
    result = next(r for r in summary.body if r.kind is RowKind.SUM)
    assert [amount(c.text) for c in result.cells[1:]] == [159, -1346, 1505, -187]


def _with_budget(example_prepared, rader: list[dict], **extra) -> Budgetberakning:  # type: ignore[no-untyped-def]
    indata = example_prepared.indata.model_copy(
        update={"budget": Budget.model_validate({"rader": rader, **extra})})
    result = compute_budget(indata, example_prepared.eko)
    assert result is not None
    return result


def test_rounding_differences_are_computed_and_stated(example_prepared):
    # Three lines of 600 kr: each rounds to 1 tkr, the exact total 1 800 kr to 2 tkr.
    rader = [{"nr": n, "namn": f"Rad {n}", "slag": "administration", "årsbudget": -600,
              "utfall": -600} for n in (201, 202, 203)]
    budget = _with_budget(example_prepared, rader)
    admin = budget.grupper[0].summa
    assert admin.tkr == Kolumner(-3, -3, -3)
    assert admin.kr.avrundad() == Kolumner(-2, -2, -2)
    assert admin.avrundningsdifferens == Kolumner(-1, -1, -1)
    note = rounding_note(budget.summor(), ("årsbudget", "utfall"))
    assert "Summa administrationskostnader (utfall) är exakt \u22121\u00a0800 kr" in note
    assert "i tabellen −3 tkr" in note
    # A table whose lines round without accumulating says only how it rounds.
    exact = _with_budget(example_prepared, [{"namn": "Bidrag", "slag": "intäkter",
                                            "årsbudget": 1000, "utfall": 2000}])
    assert "Avrundningsdifferenser" not in rounding_note(exact.summor(), ("utfall",))


def _budget_findings(example_prepared, rader: list[dict]) -> list[str]:  # type: ignore[no-untyped-def]
    from reportgen.checks.base import Kontext
    from reportgen.checks.budget import budget_resultaträkning

    indata = example_prepared.indata.model_copy(
        update={"budget": Budget.model_validate({"rader": rader})})
    ctx = Kontext(example_prepared.source, indata, example_prepared.eko)
    return [" ".join(f.message.split()) for f in budget_resultaträkning(ctx)]


def _lines(intäkter: int, kostnader: int, finansiella: int) -> list[dict]:  # type: ignore[type-arg]
    return [{"namn": "Bidrag", "slag": "intäkter", "utfall": intäkter},
            {"nr": 201, "namn": "Allt", "slag": "administration", "utfall": kostnader},
            {"nr": 800, "namn": "Finansiella poster", "slag": "finansiella", "utfall": finansiella}]


def test_a_budget_in_kronor_is_compared_to_the_krona(example_prepared):
    """The statements: intäkter 4 507 990, kostnader −4 360 316, finansiella 11 818 kr."""
    assert _budget_findings(example_prepared, _lines(4_507_990, -4_360_316, 11_818)) == []
    # 1 kr too little cost: the totals rounded to tkr agree, the kronor do not.
    found = _budget_findings(example_prepared, _lines(4_507_990, -4_360_315, 11_818))
    assert [m.split(":")[0] for m in found] == [
        "Sammanställningen av utfall och budget, totala kostnader (utfall)",
        "Sammanställningen av utfall och budget, periodens resultat (utfall)"]
    assert "angivet -4 360 315 kr, förväntat -4 360 316 kr" in found[0]
    assert found[0].endswith("1 kr högre än förväntat (tolerans 0 kr: budgetens rader är angivna i kronor)")


def test_a_budget_in_whole_tkr_is_compared_in_tkr(example_prepared):
    """Lines copied from a table printed in tkr: the kronor are unknown, ±1 tkr is allowed."""
    # 4 508 / −4 360 / 12 tkr: periodens resultat 160 tkr against 159 492 kr = 159 tkr
    assert _budget_findings(example_prepared, _lines(4_508_000, -4_360_000, 12_000)) == []
    assert _budget_findings(example_prepared, _lines(4_509_000, -4_361_000, 12_000)) == []
    found = _budget_findings(example_prepared, _lines(4_496_000, -4_360_000, 12_000))
    assert len(found) == 2  # summa intäkter and periodens resultat
    assert "angivet 4 496 tkr, förväntat 4 508 tkr" in found[0]
    assert found[0].endswith(
        "12 tkr lägre än förväntat (tolerans ±1 tkr: budgetens rader är angivna i hela tkr)")
    # One line in kronor makes it a budget in kronor, compared exactly.
    kronor = _lines(4_508_000, -4_360_000, 12_000) + [
        {"namn": "Övrigt", "slag": "intäkter", "utfall": 1}]
    assert len(_budget_findings(example_prepared, kronor)) == 4


def test_periodbudget_defaults_to_arsbudget_and_can_be_hidden(example_prepared):
    budget = _with_budget(example_prepared, [
        {"nr": 201, "namn": "Styrelsen", "slag": "administration", "årsbudget": -200_000,
         "periodbudget": -150_000, "utfall": -140_000},
        {"nr": 202, "namn": "Förbundschef", "slag": "administration", "årsbudget": -300_000,
         "utfall": -310_000},
    ], visa_periodbudget=False)
    lines = budget.grupper[0].poster
    assert lines[0].tkr == Kolumner(-200, -150, -140) and lines[0].tkr.avvikelse == 10
    assert lines[1].tkr == Kolumner(-300, -300, -310)
    table = sammanstallning_table(budget)
    assert [c.text for c in table.header[0].cells] == ["Proj.nr", "Belopp i tkr",
                                                        "Årsbudget 2023", "Utfall", "Avvikelse"]


def test_groups_are_ordered_and_own_headings_are_used(example_prepared):
    budget = _with_budget(example_prepared, [
        {"nr": 401, "namn": "Arena", "slag": "strukturövergripande", "utfall": -1},
        {"nr": 101, "namn": "Bidrag", "slag": "intäkter", "utfall": 5},
        {"nr": 301, "namn": "Team", "slag": "individinriktade", "utfall": -2},
    ], rubriker={"individinriktade": "Individinriktade insatser"})
    assert [g.rubrik for g in budget.grupper] == [
        "Intäkter", "Individinriktade insatser", "Strukturövergripande insatser"]
    assert budget.grupper[1].summa.label == "Summa individinriktade insatser"


def test_no_budget_no_chapters(example_prepared):
    indata = example_prepared.indata.model_copy(update={"budget": None})
    assert compute_budget(indata, example_prepared.eko) is None


# Seed 001 (2020, same förbund): no periodbudget column, "Övriga intäkter" and
# "Finansiella kostnader" without a project number. Lines in tkr as published.
SEED_001_LINES = [
    ("101-104", "Bidrag", "intäkter", 4505, 4505),
    (None, "Övriga intäkter", "intäkter", 0, 7),
    (201, "Styrelsen", "administration", -181, -126),
    (202, "Förbundschef", "administration", -221, -230),
    (203, "Ekonomi", "administration", -112, -106),
    (204, "Revision", "administration", -55, -59),
    (207, "Information och marknadsföring", "administration", -30, -40),
    (208, "Övriga administrationskostnader", "administration", -69, -42),
    (209, "Kansli", "administration", -185, -160),
    (210, "Bilkostnader", "administration", -47, -60),
    (301, "Teamsamverkan", "individinriktade", -1647, -1485),
    (302, "Unga med aktivitetsersättning", "individinriktade", -93, -92),
    (306, "Kvinnors integration i det svenska samhället", "individinriktade", -784, -784),
    (399, "Förbundschef – individinriktade insatser", "individinriktade", -106, -133),
    (401, "Samverkansarenan", "strukturövergripande", -100, -19),
    (423, "Plattform socialt företagande", "strukturövergripande", -200, -200),
    (424, "Nätverk psykisk ohälsa", "strukturövergripande", -50, -50),
    (431, "Samverkanskoordinator", "strukturövergripande", -745, -660),
    (434, "Starka föräldrar", "strukturövergripande", 0, 0),
    (435, "Gemensam missbruks- och beroendevård", "strukturövergripande", -75, -75),
    ("*", "Övriga tillkommande projekt", "strukturövergripande", -1716, 0),
    (499, "Förbundschef – strukturövergripande insatser", "strukturövergripande", -289, -246),
    (None, "Finansiella kostnader", "finansiella", 0, -4),
]


def test_seed_001_structure_gives_its_published_totals(example_prepared):
    """Seed 001's totals: intäkter 4 505 / 4 512, administration −900 / −823, deltagarinsatser
    −2 630 / −2 494, strukturövergripande −3 175 / −1 250, periodens resultat −2 200 / −59.
    Seed 001 counts the financial costs (−4) in its TOTALA kostnader (−4 571); here they are
    a group of their own, so totala kostnader are −4 567 = the resultaträkning's
    verksamhetens kostnader 2020 (−4 567 005 kr)."""
    rader = [{"namn": namn, "slag": slag, "årsbudget": budget * 1000, "utfall": utfall * 1000,
              **({"nr": nr} if nr is not None else {})}
             for nr, namn, slag, budget, utfall in SEED_001_LINES]
    budget = _with_budget(example_prepared, rader, visa_periodbudget=False)
    totals = [(s.tkr.årsbudget, s.tkr.utfall) for s in (
        budget.summa_intäkter, *(g.summa for g in budget.grupper[1:4]),
        budget.totala_kostnader, budget.finansiella, budget.periodens_resultat)]
    assert totals == [(4505, 4512), (-900, -823), (-2630, -2494), (-3175, -1250),
                      (-6705, -4567), (0, -4), (-2200, -59)]
    assert budget.periodens_resultat.tkr.avvikelse == 2141  # as published
    table = sammanstallning_table(budget)
    assert len(table.header[0].cells) == 5

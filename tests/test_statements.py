"""The example's computed statements against seed 000 as published (both years).

The published figures are transcribed in tests/fixtures/seed000_published.yaml. Where
seed 000's own arithmetic is wrong, our computed value is the right one; each such case
is named in SEED_ERRORS with the reason.
"""

from __future__ import annotations

import pytest
from extract import amount
from published import statement as published_statement

# (statement, seed label, year) → (seed's figure, the right figure, why)
SEED_ERRORS: dict[tuple[str, str, int], tuple[int, int, str]] = {
    ("Resultaträkning", "Verksamhetens intäkter", 2023): (
        4507988,
        4507990,
        "Not 2 sums to 4 507 990, and 4 507 990 − 4 360 316 = 147 674 = the printed "
        "verksamhetens resultat, so årets resultat and the balansräkning agree with it",
    ),
    ("Kassaflödesanalys", "Ökning/minskning kortfristiga fordringar", 2022): (
        -447536,
        -447535,
        "−186 813 − 447 536 − 136 714 = −771 063, yet the seed prints −771 062 as the "
        "löpande kassaflöde, and 2 003 147 − 771 062 = 1 232 085 = likvida medel in the "
        "balansräkning 2022; the 2021 receivables are not published, so we keep the printed "
        "totals and the change in receivables is the figure that gives",
    ),
}

# Seed labels that our statements word differently.
LABELS = {
    "Ökning/minskning kortfristiga fordringar": "förändring_fordringar",
    "Ökning/minskning kortfristiga skulder": "förändring_skulder",
    "Avsättning": "rubrik_avsättningar",
}


def expected(statement: str) -> dict[str, list[int | str | None]]:
    rows = published_statement(statement)
    for (name, label, year), (published, right, _why) in SEED_ERRORS.items():
        if name == statement:
            column = 0 if year == 2023 else 1
            assert rows[label][column] == published, "seed transcription changed"
            rows[label][column] = right
    return rows


def our_table(prepared, statement: str):  # type: ignore[no-untyped-def]
    return {
        "Resultaträkning": prepared.eko.resultaträkning,
        "Balansräkning": prepared.eko.balansräkning,
        "Kassaflödesanalys": prepared.eko.kassaflödesanalys,
    }[statement]


def our_rows(prepared, statement: str) -> dict[str, dict[int, int | None]]:  # type: ignore[no-untyped-def]
    table = our_table(prepared, statement)
    by_label = {row.label: row for row in table.rows}
    by_key = {row.key: row for row in table.rows}
    return {"label": by_label, "key": by_key}  # type: ignore[return-value]


@pytest.mark.parametrize("statement", ["Resultaträkning", "Balansräkning", "Kassaflödesanalys"])
def test_every_published_figure_is_computed(example_prepared, statement):
    ours = our_rows(example_prepared, statement)
    for label, (this_year, last_year) in expected(statement).items():
        row = ours["label"].get(label) or ours["key"].get(LABELS.get(label, ""))
        assert row is not None, f"{statement}: no row for {label!r}"
        for year, value in ((2023, this_year), (2022, last_year)):
            if isinstance(value, int):
                assert row.values[year] == value, (statement, label, year)
            elif value == "inga":
                assert row.texts[year] == "inga"


# The published subtotals that are not the sum of the published lines: the seed's own
# errors, from the figures SEED_ERRORS replaces.
SEED_SUMS_THAT_DO_NOT_ADD_UP = {
    ("Resultaträkning", "verksamhetens_resultat", 2023),
    ("Kassaflödesanalys", "löpande", 2022),
}


@pytest.mark.parametrize("statement", ["Resultaträkning", "Balansräkning", "Kassaflödesanalys"])
def test_the_published_statements_add_up_except_where_the_seed_is_wrong(example_prepared,
                                                                         statement):
    """Guards the transcription: each published subtotal is the sum of the published lines
    the subtotal adds (a subtotal the seed does not print counts as the sum of its parts),
    except exactly the inconsistencies SEED_ERRORS explains."""
    rakning = our_table(example_prepared, statement)
    label_of = {row.key: row.label for row in rakning.rows} | {v: k for k, v in LABELS.items()}
    rows = published_statement(statement)

    def printed(key: str, column: int) -> int:
        value = rows.get(label_of[key], [None, None])[column]
        if isinstance(value, int):
            return value
        parts = next((d.parts for d in rakning.delsummor if d.key == key), ())
        return sum(printed(part, column) for part in parts)

    for column, year in enumerate(rakning.years):
        for delsumma in rakning.delsummor:
            stated = rows.get(label_of[delsumma.key], [None, None])[column]
            if not isinstance(stated, int):
                continue
            adds_up = stated == sum(printed(part, column) for part in delsumma.parts)
            assert adds_up == ((statement, delsumma.key, year) not in
                               SEED_SUMS_THAT_DO_NOT_ADD_UP), (delsumma.key, year)


def test_balance_sheet_balances_and_cash_agrees(example_prepared):
    eko = example_prepared.eko
    for year in eko.years:
        br, kf = eko.br[year], eko.kf[year]
        assert br.summa_tillgångar == br.summa_eget_kapital_avsättningar_och_skulder
        assert kf.likvida_slut == br.likvida_medel
    assert eko.br[2023].summa_eget_kapital - eko.rr[2023].årets_resultat == (
        eko.br[2022].summa_eget_kapital)


STATEMENTS = ("resultaträkning", "balansräkning", "kassaflödesanalys")


@pytest.mark.parametrize("statement", STATEMENTS)
def test_subtotal_rows_are_the_defined_subtotals(example_prepared, statement):
    """The rows printed as totals are exactly the subtotals the statement defines (and
    `check` compares), and each adds lines of the same statement."""
    from reportgen.compute.statements import Radtyp

    rakning = getattr(example_prepared.eko, statement)
    keys = [row.key for row in rakning.rows]
    totals = [row.key for row in rakning.rows if row.kind is Radtyp.SUMMA]
    assert totals == [d.key for d in rakning.delsummor]
    for delsumma in rakning.delsummor:
        assert delsumma.parts, delsumma.key
        for part in delsumma.parts:
            # A part is a line of the statement printed above the subtotal.
            assert keys.index(part) < keys.index(delsumma.key), (delsumma.key, part)


@pytest.mark.parametrize("statement", STATEMENTS)
def test_every_subtotal_is_the_sum_of_its_parts(example_prepared, statement):
    rakning = getattr(example_prepared.eko, statement)
    for year in rakning.years:
        for delsumma in rakning.delsummor:
            assert rakning.value(delsumma.key, year) == sum(
                rakning.value(part, year) or 0 for part in delsumma.parts
            ), (delsumma.key, year)


def test_summera_computes_subtotals_in_order_from_earlier_ones():
    from reportgen.compute.statements import Delsumma, summera

    delsummor = (Delsumma("ab", ("a", "b")), Delsumma("abc", ("ab", "c")))
    assert summera(delsummor, {"a": 5, "b": -2, "c": 10}) == {
        "a": 5, "b": -2, "c": 10, "ab": 3, "abc": 13}


def test_note_table_sum_is_the_computed_note_sum(example_prepared):
    """The Summa row of a note table prints `notsumma`, the figure `not.summa` and
    `not.rad` compare; a row without an amount for a year counts as 0."""
    from reportgen.compute.noter import notsumma
    from reportgen.document.tables import note_table

    eko = example_prepared.eko
    noted = [n for n in example_prepared.indata.ekonomi.noter if n.rader]
    assert noted
    for number, note in enumerate(noted, start=1):
        table = note_table(number, note, eko.years, balance=False)
        summa = table.body[-1]
        assert summa.cells[0].text == "Summa"
        assert [amount(c.text) for c in summa.cells[1:]] == [notsumma(note, y) for y in eko.years]


def test_note_sum_counts_a_missing_amount_as_zero():
    from reportgen.compute.noter import notsumma
    from reportgen.schema.ekonomi import Not

    note = Not.model_validate({
        "rubrik": "Fordringar",
        "rader": [{"text": "A", "belopp": {2023: 10, 2022: 4}}, {"text": "B", "belopp": {2023: 5}}],
    })
    assert (notsumma(note, 2023), notsumma(note, 2022), notsumma(note, 2021)) == (15, 4, 0)

"""Notes of any shape (issue 11, item 3): groups within groups, each with its sub-heading and
sum line (its own wording, or none), a note with or without a grand total, text notes.

The clean report's Not 5 (Kortfristiga skulder) is rewritten with a group within a group;
its table is compared with rows written by hand, and a wrong stated group sum is one
finding, at it.
"""

from __future__ import annotations

from pathlib import Path

from check_expected import ROOT, records
from extract import norm

REN = ROOT / "tests" / "fixtures" / "regler" / "ren.yaml"

FLAT = """      rader:
        - {text: Upplupna semesterlöner, belopp: {2023: 33167, 2022: 34213}}
        - {text: Upplupna sociala avgifter semesterlön, belopp: {2023: 10421, 2022: 10750}}
        - {text: Personalens källskatt och sociala avgifter, belopp: {2023: 38713, 2022: 32075}}
        - {text: Särskild löneskatt, belopp: {2023: 15337, 2022: 12540}}
"""
NESTED = """      rader:
        - grupp: Personalens skulder
          summa_text: Summa personalens skulder
          rader:
            - grupp: Semesterlöneskuld
              summa: {2023: 43588, 2022: 44963}
              rader:
                - {text: Upplupna semesterlöner, belopp: {2023: 33167, 2022: 34213}}
                - {text: Upplupna sociala avgifter semesterlön, belopp: {2023: 10421, 2022: 10750}}
            - {text: Personalens källskatt och sociala avgifter, belopp: {2023: 38713, 2022: 32075}}
            - {text: Särskild löneskatt, belopp: {2023: 15337, 2022: 12540}}
"""

TABLE = [  # (indentation, cells) as printed
    (0, ["Belopp i kr", "2023-12-31", "2022-12-31"]),
    (0, ["Personalens skulder", "", ""]),
    (0, ["Semesterlöneskuld", "", ""]),
    (1, ["Upplupna semesterlöner", "33 167", "34 213"]),
    (1, ["Upplupna sociala avgifter semesterlön", "10 421", "10 750"]),
    (0, ["Summa semesterlöneskuld", "43 588", "44 963"]),
    (0, ["Personalens källskatt och sociala avgifter", "38 713", "32 075"]),
    (0, ["Särskild löneskatt", "15 337", "12 540"]),
    (0, ["Summa personalens skulder", "97 638", "89 578"]),
    (0, ["Leverantörsskulder", "6 403", "30 056"]),
    (0, ["Skatteskulder", "12 540", "7 767"]),
    (0, ["Övriga interimsskulder", "16 000", "3 500"]),
    (0, ["Summa", "132 581", "130 901"]),
]


def nested(tmp_path: Path, *more: tuple[str, str]) -> Path:
    text = REN.read_text(encoding="utf-8")
    assert text.count(FLAT) == 1
    text = text.replace(FLAT, NESTED)
    for old, new in more:
        assert text.count(old) == 1
        text = text.replace(old, new)
    target = tmp_path / "ren.yaml"
    target.write_text(text, encoding="utf-8")
    return target


def test_a_group_within_a_group_is_printed_with_its_sums_and_checks_clean(tmp_path):
    from reportgen.pipeline import prepare

    file = nested(tmp_path)
    assert records(file) == []
    prepared = prepare(file)
    table = next(t for t in prepared.document.tables() if t.id == "not-5")
    printed = [(row.indent, [norm(c.text) for c in row.cells])
               for row in (*table.header, *table.body)]
    assert printed == TABLE
    kinds = [row.kind.value for row in table.body]
    assert [r[1][0] for r, kind in zip(TABLE[1:], kinds, strict=True) if kind == "subheading"] == [
        "Personalens skulder", "Semesterlöneskuld"]
    assert [r[1][0] for r, kind in zip(TABLE[1:], kinds, strict=True) if kind == "sum"] == [
        "Summa semesterlöneskuld", "Summa personalens skulder", "Summa"]


def test_a_wrong_group_sum_is_one_finding_at_it(tmp_path):
    file = nested(tmp_path, ("summa: {2023: 43588, 2022: 44963}", "summa: {2023: 43598, 2022: 44963}"))
    found = records(file)
    assert [(f["regel"], f["fält"]) for f in found] == [
        ("not.summa", "ekonomi.noter.4.rader.0.rader.0.summa.2023")]
    assert found[0]["meddelande"] == (
        "Not 5 Kortfristiga skulder, summa semesterlöneskuld 2023: angivet 43 598 kr, förväntat "
        "43 588 kr (summan av gruppens rader); 10 kr högre än förväntat")


def test_a_note_without_grand_total_still_adds_up_to_its_line(tmp_path):
    """`visa_summa: false`: no sum line is printed, but the rows must still be the line."""
    file = nested(tmp_path, ("      summa: {2023: 132581, 2022: 130901}\n",
                             "      visa_summa: false\n"),
                  ("{text: Skatteskulder, belopp: {2023: 12540,",
                   "{text: Skatteskulder, belopp: {2023: 12640,"))
    found = records(file)
    assert [(f["regel"], f["fält"]) for f in found] == [("not.rad", "ekonomi.noter.4.avser")]
    assert "angivet 132 681 kr, förväntat 132 581 kr" in found[0]["meddelande"]

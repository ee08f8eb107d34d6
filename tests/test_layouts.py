"""Statement layouts as data (issue 11, items 1 and 2): the standard layout file, a förbund's
changes to it under `ekonomi.layout`, and a layout that cannot be computed.

Bad layouts and figures that do not fit the layout are cases on the clean report
(tests/fixtures/regler/ren.yaml), each reported as a Swedish message at its line and column,
pinned with the rest in tests/fixtures/expected_findings.yaml (check_expected.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from check_expected import ROOT, check_against_expected, records
from test_check_rules import broken

from reportgen.schema.layout import Layoutändringar, Standardlayout
from reportgen.schema.layout_resolve import resolve, standard_data, standard_layout, standard_mall

REN = ROOT / "tests" / "fixtures" / "regler" / "ren.yaml"
LIKVIDA = "  likvida_medel: [kassa_och_bank, kortfristiga_placeringar]\n"


def layout(block: str) -> list[tuple[str, str]]:
    """The replacement that gives the clean report the layout changes *block*."""
    return [(LIKVIDA, LIKVIDA + "  layout:\n" + block)]


# case → (replacements, the rule ids of the findings in order)
CASES: dict[str, tuple[list[tuple[str, str]], list[str]]] = {
    "layout_ändrar_okänd_rad": (
        layout("    balansräkning:\n      - {ändra: kassa, text: Kassa}\n"),
        ["schema.value_error"],
    ),
    "layout_summa_med_okänd_del": (
        layout("    resultaträkning:\n      - summa: summa_finansiella_poster\n"
               "        efter: finansiella_kostnader\n        text: Summa finansiella poster\n"
               "        av: [finansiella_intäkter, finansiella_kostader]\n"),
        ["schema.value_error"],
    ),
    "layout_dubblett": (
        layout("    balansräkning:\n      - {post: kassa_och_bank, text: Bank, tecken: positivt}\n"),
        ["schema.value_error"],
    ),
    "layout_summa_över_sig_själv": (
        layout("    balansräkning:\n      - summa: summa_skulder\n        text: Summa skulder\n"
               "        av: [kortfristiga_skulder, summa_skulder]\n"),
        ["schema.value_error"],
    ),
    "layout_summor_i_cirkel": (
        layout("    balansräkning:\n      - {summa: summa_a, text: A, av: [kortfristiga_skulder, summa_b]}\n"
               "      - {summa: summa_b, text: B, av: [summa_a]}\n"),
        ["schema.value_error"],
    ),
    "layout_rad_utan_tecken": (
        layout("    balansräkning:\n      - {post: upplupna_kostnader, text: Upplupna kostnader, "
               "före: kortfristiga_skulder}\n"),
        ["schema.value_error"],
    ),
    "layout_summa_utan_delar": (
        layout("    balansräkning:\n      - {summa: summa_avsättningar, text: Summa avsättningar}\n"),
        ["schema.value_error"],
    ),
    "layout_okänd_plats": (
        layout("    balansräkning:\n      - {post: bank, text: Bank, tecken: positivt, efter: kasssa}\n"),
        ["schema.value_error"],
    ),
    "layout_betydelse_i_fel_räkning": (
        layout("    balansräkning:\n"
               "      - {ändra: kortfristiga_skulder, betydelse: verksamhetens_intäkter}\n"),
        ["schema.value_error"],
    ),
    "layout_betydelse_två_gånger": (
        layout("    balansräkning:\n      - {summa: tillgångar, text: Tillgångar totalt, "
               "av: [summa_tillgångar], betydelse: summa_tillgångar}\n"),
        ["schema.value_error"],
    ),
    "layout_räknas_två_gånger": (
        layout("    resultaträkning:\n      - {post: bidrag, under: verksamhetens_intäkter, "
               "text: Bidrag, tecken: positivt, betydelse: verksamhetens_intäkter}\n"),
        ["schema.value_error"],
    ),
    "layout_härledd_från_senare_räkning": (
        layout("    resultaträkning:\n      - {härledd: kassan, text: Kassan, "
               "från: balansräkning.likvida_medel}\n"),
        ["schema.value_error"],
    ),
    "layout_ny_rad_och_ändring": (
        layout("    balansräkning:\n      - {post: bank, ändra: kassa_och_bank, text: Bank}\n"),
        ["schema.value_error"],
    ),
    "layout_nödvändig_rad_borttagen": (
        layout("    balansräkning:\n      - {ta_bort: summa_tillgångar}\n"),
        ["schema.value_error"],
    ),
    "layout_rubrik_summeras": (
        layout("    balansräkning:\n      - {summa: summa_skulder, text: Summa skulder, "
               "av: [rubrik_skulder]}\n"),
        ["schema.value_error"],
    ),
    "layout_delrad_till_härledd_rad": (
        layout("    kassaflödesanalys:\n      - {post: x, under: årets_resultat, text: X, "
               "tecken: valfritt}\n"),
        ["schema.value_error"],
    ),
    "figur_okänd_rad": (
        [("      kassa_och_bank: 1469789\n", "      kassa_och_bank: 1469789\n      kasa_och_bank: 1\n")],
        ["schema.value_error"],
    ),
    "figur_ord_på_beloppsrad": (
        [("      kassa_och_bank: 1469789\n", "      kassa_och_bank: många\n")],
        ["schema.int_type"],
    ),
    "layout_rad_i_ingen_summa": (
        layout("    balansräkning:\n      - {post: upplupna_kostnader, text: Upplupna kostnader, "
               "före: kortfristiga_skulder, tecken: positivt, betydelse: kortfristiga_skulder}\n"),
        ["schema.value_error"],
    ),
    "figur_rad_i_egen_layout": (
        # A line the layout adds is a line like any other. Its 100 kr spoil the stated summa
        # eget kapital, avsättningar och skulder and the cash flow's change of kortfristiga
        # skulder (it means kortfristiga skulder): one finding, at the line.
        layout("    balansräkning:\n      - {post: upplupna_kostnader, text: Upplupna kostnader, "
               "före: kortfristiga_skulder, tecken: positivt, betydelse: kortfristiga_skulder}\n"
               "      - ändra: summa_eget_kapital_avsättningar_och_skulder\n"
               "        av: [summa_eget_kapital, avsättningar_för_pensioner, långfristiga_skulder,\n"
               "             upplupna_kostnader, kortfristiga_skulder]\n")
        + [("      kortfristiga_skulder: 132581\n",
            "      upplupna_kostnader: 100\n      kortfristiga_skulder: 132581\n")],
        ["br.summa"],
    ),
    "kf_förändring_av_avsättningar": (
        # The cash flow's adjustment for provisions is the balance sheet's change: stated
        # 5 kr where the provisions did not change (it also spoils the justering it is a
        # sub-line of, stated 0: one finding, at the figure).
        [("      justering_ej_likviditetspåverkande: 0\n"
          "      medel_före_förändring_av_rörelsekapital: 159492\n",
          "      justering_ej_likviditetspåverkande: 0\n      justering_avsättningar: 5\n"
          "      medel_före_förändring_av_rörelsekapital: 159492\n")],
        ["kf.balansräkning"],
    ),
    "not_avser_okänd_rad": (
        [("      avser: [kortfristiga_skulder]\n", "      avser: [kortfristiga_skulderna]\n")],
        ["schema.value_error"],
    ),
    "not_avser_rad_i_flera_räkningar": (
        [("      avser: [kortfristiga_skulder]\n", "      avser: [årets_resultat]\n")],
        ["schema.value_error"],
    ),
    "not_rad_och_grupp": (
        [("        - {text: Skatteskulder, belopp:",
          "        - {grupp: Skatter, text: Skatteskulder, belopp:")],
        ["schema.value_error"],
    ),
    "likvida_medel_okänd_rad": (
        [(LIKVIDA, "  likvida_medel: [kassa, kortfristiga_placeringar]\n")],
        ["schema.value_error"],
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_layout_is_a_located_swedish_error(case, tmp_path):
    replacements, rules = CASES[case]
    found = records(broken(tmp_path, replacements))
    assert [f["regel"] for f in found] == rules
    assert all(isinstance(f["rad"], int) and f["rad"] > 1 for f in found)
    check_against_expected(case, found)


def test_the_shipped_standard_layout_is_valid_and_read_as_written():
    """The standard file is built without validation on the check path (it is reportgen's
    own); validated with the model it is the same, and it resolves without a problem."""
    assert Standardlayout.model_validate(standard_data()) == standard_mall()
    layout, problems = resolve(Layoutändringar(), None)
    assert problems == [] and layout == standard_layout()


def resolved(changes: dict[str, object], likvida: list[str] | None = None):  # type: ignore[no-untyped-def]
    layout, problems = resolve(Layoutändringar.model_validate(changes), likvida)
    assert problems == [], problems
    assert layout is not None
    return layout


def test_rename_add_after_and_sub_lines():
    layout = resolved({
        "balansräkning": [
            {"ändra": "kassa_och_bank", "text": "Bank"},
            {"post": "upplupna_kostnader", "efter": "långfristiga_skulder",
             "text": "Upplupna kostnader", "tecken": "positivt",
             "betydelse": "kortfristiga_skulder"},
            {"ändra": "summa_eget_kapital_avsättningar_och_skulder",
             "av": ["summa_eget_kapital", "avsättningar_för_pensioner", "långfristiga_skulder",
                    "upplupna_kostnader", "kortfristiga_skulder"]},
        ],
        "kassaflödesanalys": [
            {"post": "inventarier", "under": "investeringsverksamheten",
             "text": "Investering i inventarier", "tecken": "negativt"},
        ],
    })
    br = layout.balansräkning
    assert br.rad("kassa_och_bank").text == "Bank"
    keys = [r.key for r in br.rader]
    assert keys.index("upplupna_kostnader") == keys.index("långfristiga_skulder") + 1
    assert [r.key for r in br.med_betydelse("kortfristiga_skulder")] == [
        "upplupna_kostnader", "kortfristiga_skulder"]
    kf = layout.kassaflödesanalys
    # A line with a sub-line is the sum of its sub-lines, printed indented below it.
    assert kf.rad("investeringsverksamheten").delar == ("inventarier",)
    assert kf.rad("inventarier").nivå == 2
    keys = [r.key for r in kf.rader]
    assert keys.index("inventarier") == keys.index("investeringsverksamheten") + 1


def test_a_removed_line_leaves_the_sums_that_counted_it_and_a_removed_sum_leaves_its_parts():
    layout = resolved({"balansräkning": [{"ta_bort": "summa_anläggningstillgångar"},
                                         {"ta_bort": "långfristiga_skulder"}]})
    br = layout.balansräkning
    assert br.rad("summa_tillgångar").delar == (
        "maskiner_och_inventarier", "finansiella_anläggningstillgångar",
        "summa_omsättningstillgångar")
    assert br.rad("summa_eget_kapital_avsättningar_och_skulder").delar == (
        "summa_eget_kapital", "avsättningar_för_pensioner", "kortfristiga_skulder")
    assert "långfristiga_skulder" not in br


def test_likvida_medel_setting_says_which_lines_mean_likvida_medel():
    layout = resolved({}, likvida=["kassa_och_bank"])
    assert [r.key for r in layout.balansräkning.med_betydelse("likvida_medel")] == [
        "kassa_och_bank"]
    assert layout.balansräkning.rad("kortfristiga_placeringar").betydelse is None


def test_figures_are_read_by_meaning(example_prepared):
    """What the rest of the report reads: a statement's figure by what it means, the sum of
    the lines with a kind's meaning, 0 where the layout has none, and no meaning by mistake."""
    eko = example_prepared.eko
    br = eko.balansräkning
    assert br.belopp("likvida_medel", 2023) == 230136 + 1469789
    assert br.belopp("fordringar", 2022) == 4130 + 640693
    assert br.belopp("långfristiga_skulder", 2023) == 0
    assert eko.resultaträkning.belopp("årets_resultat", 2023) == 159492
    with pytest.raises(KeyError):
        br.belopp("verksamhetens_intäkter", 2023)


# -- every subtotal, broken in the file: one finding, at its line and column -------------------

LJUNGADALEN = ROOT / "tests" / "fixtures" / "ljungadalen" / "2024.yaml"


def _subtotals() -> list[tuple[Path, str, str, int]]:
    """(report, statement, subtotal key, year): every subtotal of the standard layout in the
    clean report, and of the layout fixtures/ljungadalen gives itself (Summa finansiella
    poster, Summa avsättningar, Summa kortfristiga skulder, lines made of sub-lines …)."""
    from reportgen.load import load_yaml
    from reportgen.validate import validate

    out = []
    for file, year in ((REN, 2023), (LJUNGADALEN, 2024)):
        layout = validate(load_yaml(file)).ekonomi.uppställning
        out += [(file, upp.key, rad.key, year) for upp in layout.alla() for rad in upp.rader
                if rad.delar]
    return out


SUBTOTALS = _subtotals()
RULE = {"resultaträkning": "rr.summa", "balansräkning": "br.summa", "kassaflödesanalys": "kf.summa"}
YAML_KEY = {"resultaträkning": "resultaträkning", "balansräkning": "balansräkning",
            "kassaflödesanalys": "kassaflöde"}
BESTÄMD = {"resultaträkning": "Resultaträkningen", "balansräkning": "Balansräkningen",
           "kassaflödesanalys": "Kassaflödesanalysen"}


def kronor(amount: int) -> str:
    return f"{amount:,}".replace(",", " ")


def state_one_krona_off(text: str, mapping: str, year: int, key: str, computed: int) -> str:
    """*text* with the figure *key* of *year* in `ekonomi.<mapping>` stated as computed + 1
    (replaced where the YAML states it, else added first in the year's mapping)."""
    head = f"  {mapping}:\n    {year}:\n"
    start = text.index(head) + len(head)
    lines = text[start:].split("\n")
    block = lines[:next(i for i, line in enumerate(lines) if not line.startswith("      "))]
    for line in block:
        if line.strip().startswith(f"{key}:"):
            return text[:start] + text[start:].replace(line, f"      {key}: {computed + 1}", 1)
    return text[:start] + f"      {key}: {computed + 1}\n" + text[start:]


@pytest.mark.parametrize("file, statement, key, year", SUBTOTALS,
                         ids=[f"{f.parent.name}-{k}" for f, _, k, _ in SUBTOTALS])
def test_every_subtotal_stated_wrong_is_one_finding_at_its_line(file, statement, key, year,
                                                                  tmp_path, prepared_reports):
    prepared = prepared_reports(file)
    computed = prepared.eko.räkning(statement).value(key, year)
    assert computed is not None
    text = state_one_krona_off(file.read_text(encoding="utf-8"), YAML_KEY[statement], year, key,
                               computed)
    target = tmp_path / file.name
    target.write_text(text, encoding="utf-8")
    found = [f for f in records(target) if f["regel"].split(".")[0] in ("rr", "br", "kf", "not")]
    lines = text.split("\n")
    where = next(i for i, line in enumerate(lines)
                 if line == f"      {key}: {computed + 1}")
    upp = prepared.eko.layout.räkning(statement)
    parts = [upp.etikett(p) for p in upp.rad(key).delar]
    delar = parts[0].lower() if len(parts) == 1 else (
        ", ".join(p[:1].lower() + p[1:] for p in parts[:-1]) + " och "
        + parts[-1][:1].lower() + parts[-1][1:])
    label = upp.etikett(key)
    assert found == [{
        "regel": RULE[statement], "allvarlighet": "fel", "rad": where + 1, "kolumn": 7,
        "fält": f"ekonomi.{YAML_KEY[statement]}.{year}.{key}",
        "meddelande": f"{BESTÄMD[statement]}, {label[:1].lower() + label[1:]} {year}: angivet "
                      f"{kronor(computed + 1)} kr, förväntat {kronor(computed)} kr (summan av "
                      f"{delar}); 1 kr högre än förväntat",
    }]


@pytest.fixture(scope="module")
def prepared_reports():  # type: ignore[no-untyped-def]
    from reportgen.pipeline import prepare

    cache: dict[Path, object] = {}

    def get(file: Path):  # type: ignore[no-untyped-def]
        if file not in cache:
            cache[file] = prepare(file)
        return cache[file]

    return get


# -- nothing that is zero in both years is printed, unless the layout asks ------------------

FIXTURE_FILES = [ROOT / "content" / "2023.yaml", *sorted(
    p for p in (ROOT / "tests" / "fixtures").glob("*/*.yaml") if p.name != "expected_findings.yaml")]
STATEMENT_TABLES = ("resultaträkning", "balansräkning", "kassaflödesanalys")


def _zero_rows(rows: list[list[str]], first_figure: int) -> list[str]:
    """The labels of *rows* whose figures are all 0."""
    return [row[0] for row in rows
            if row[first_figure:] and all(c.replace("\u00a0", "") == "0" for c in row[first_figure:])]


@pytest.mark.parametrize("file", FIXTURE_FILES, ids=lambda p: p.parent.name + "/" + p.name)
def test_no_line_zero_in_both_years_and_no_table_not_given_is_printed(file, tmp_path):
    from extract import html_tables

    from reportgen.pipeline import prepare
    from reportgen.render.html import render_html

    prepared = prepare(file, draft=True)
    layout = prepared.eko.layout
    page = tmp_path / "rapport.html"
    page.write_text(render_html(prepared.document), encoding="utf-8")
    tables = list(prepared.document.tables())
    html = html_tables(page)
    assert len(html) == len(tables)  # the same tables, in the same order
    for table, printed in zip(tables, html, strict=True):
        if table.id not in STATEMENT_TABLES:
            continue
        upp = layout.räkning(table.id)
        asked = {r.text for r in upp.rader if r.visa_alltid}
        first = 2 if table.header[0].cells[1].text == "Not" else 1
        model = [[c.text for c in row.cells] for row in table.body]
        assert set(_zero_rows(model, first)) <= asked, (file, table.id)
        assert set(_zero_rows(printed[1:], first)) <= asked, (file, table.id)
        # Ansvarsförbindelser only where the YAML states them.
        stated = any("ansvarsförbindelser" in prepared.indata.ekonomi.balansräkning[y]
                     for y in prepared.eko.years)
        if table.id == "balansräkning":
            assert any(row[0] == "Ansvarsförbindelser" for row in model) == stated
    # No table the YAML does not give (issue 11): the five-year overview, each budget table
    # and each table block only where the YAML has it, and no five-year row nothing fills.
    assert {t.id for t in tables if t.id in GIVEN or t.id.startswith("egen-")} <= _given(
        prepared.indata)
    for table in (t for t in tables if t.id == "femarsoversikt"):
        assert all(any(c.text != "–" for c in row.cells[1:]) for row in table.body), file


# The tables outside the statements, and when the YAML gives each.
GIVEN = {
    "femarsoversikt": lambda indata: indata.ekonomi.femårsöversikt is not None,
    "driftredovisning": lambda indata: indata.budget is not None
    and "driftredovisning" in indata.budget.tabeller,
    "driftredovisning-sammandrag": lambda indata: indata.budget is not None
    and indata.budget.tabell("driftredovisning") is not None
    and indata.budget.tabell("driftredovisning").rader is None,
    "sammanstallning": lambda indata: indata.budget is not None
    and "sammanställning" in indata.budget.tabeller,
}


def _given(indata) -> set[str]:  # type: ignore[no-untyped-def]
    from reportgen.compute.tabell import tabellblock

    blocks = {"egen-" + "-".join(str(p) for p in path if isinstance(p, int))
              for path, _ in tabellblock(indata)}
    return {name for name, given in GIVEN.items() if given(indata)} | blocks


def test_the_readme_example_layout_resolves():
    """README, "Statement layouts": the worked example is a layout reportgen accepts."""
    import yaml

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index("```yaml\nekonomi:\n  layout:") + len("```yaml\n")
    example = yaml.safe_load(text[start:text.index("```", start)])
    layout = resolved(example["ekonomi"]["layout"])
    br = layout.balansräkning
    assert br.rad("summa_kortfristiga_skulder").delar == ("upplupna_kostnader", "kortfristiga_skulder")
    assert layout.resultaträkning.rad("verksamhetens_intäkter").delar == (
        "medlemsbidrag", "övriga_verksamhetsintäkter")
    assert "långfristiga_skulder" not in br

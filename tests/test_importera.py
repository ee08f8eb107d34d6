"""reportgen importera: the example's figures written as SIE (Kommun-Bas) and as an XLSX trial
balance (BAS) come back exactly into a copy of the example without them; the export's own
problems are located findings, and nothing is written on error."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from check_expected import EXEMPLETS_SUMMERING, bara_exemplets_varningar
from conftest import ROOT
from sie_example import example_sie
from strip_figures import strip_figures

from reportgen.commands.check import collect
from reportgen.findings import UserError
from reportgen.importera import plan_import
from reportgen.pipeline import load_and_check

EXAMPLE = ROOT / "content" / "2023.yaml"
KONTOPLAN = ROOT / "tests" / "fixtures" / "kontoplan-bergsjodalen.yaml"


def project(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(ROOT / "content", folder)
    shutil.copy(KONTOPLAN, folder / "kontoplan.yaml")
    return folder / "2023.yaml"


def figures(yaml: Path) -> dict[str, object]:
    """What the report prints of the bookkeeping: every statement row's values, every note
    row's amounts, and the budget's outcome and budget per line."""
    checked = load_and_check(yaml)
    eko = checked.eko
    out: dict[str, object] = {}
    for rakning in (eko.resultaträkning, eko.balansräkning, eko.kassaflödesanalys):
        for row in rakning.printed_rows:
            out[f"{rakning.key}.{row.key}"] = (row.values, row.texts)
    for note in checked.indata.ekonomi.noter:
        for row in note.poster():
            out[f"not.{note.rubrik}.{row.text}"] = row.belopp
    for row in checked.indata.budget.rader:  # type: ignore[union-attr]
        out[f"budget.{row.nr}.{row.namn}.utfall"] = row.utfall
        if row.nr != "*":  # the one line without a project: its budget is no #PBUDGET
            out[f"budget.{row.nr}.{row.namn}.årsbudget"] = row.årsbudget
    return out


def run(argv: list[str]) -> int:
    from reportgen.cli import main

    return main(argv)


def test_sie_in_kommun_bas_gives_back_the_examples_statements_notes_and_budget(tmp_path, capsys):
    yaml = project(tmp_path)
    strip_figures(yaml)
    assert collect(yaml)  # without its figures the example is not a report
    export = example_sie().write(yaml.parent / "bokforing.se")
    assert run(["importera", str(export), str(yaml), "--kontoplan", "kontoplan.yaml"]) == 0
    out = capsys.readouterr().out
    assert figures(yaml) == figures(EXAMPLE)
    assert bara_exemplets_varningar(collect(yaml))  # the example's own, as it is
    assert "resultaträkningen 2023: 4 värden ändras" in out
    assert out.rstrip().endswith(f"{yaml}: {EXEMPLETS_SUMMERING}")
    text = yaml.read_text(encoding="utf-8")
    assert "# Raderna är standarduppställningens." in text  # the comments are kept
    assert "belopp: {2023: 2248000, 2022: 2253000}" in text  # a note row's amounts in flow style


def test_a_dry_run_shows_old_and_new_and_writes_nothing(tmp_path, capsys):
    yaml = project(tmp_path)
    strip_figures(yaml)
    before = yaml.read_bytes()
    export = example_sie().write(yaml.parent / "bokforing.se")
    run(["importera", str(export), str(yaml), "--kontoplan", "kontoplan.yaml", "--visa"])
    out = capsys.readouterr().out
    assert yaml.read_bytes() == before
    assert "  verksamhetens intäkter: tomt → 4\xa0507\xa0990 kr" in out
    assert f"(--visa: {yaml} skrevs inte)" in out
    assert out.rstrip().endswith(f"{yaml}: {EXEMPLETS_SUMMERING}")  # what it would become


def test_importing_the_same_figures_again_changes_nothing(tmp_path, capsys):
    yaml = project(tmp_path)
    export = example_sie().write(yaml.parent / "bokforing.se")
    before = yaml.read_bytes()
    assert run(["importera", str(export), str(yaml), "--kontoplan", "kontoplan.yaml"]) == 0
    assert yaml.read_bytes() == before
    assert "inget att ändra" in capsys.readouterr().out


def trial_balance_bas(path: Path) -> Path:
    """The example's 2023 figures as a trial balance from a bureau on BAS, with a project
    column (one row per account and project)."""
    from openpyxl import Workbook
    from sie_example import BALANS_2023, PROJEKT_2023

    book = Workbook()
    sheet = book.active
    sheet.append(["Saldobalans Bergsjödalens Samordningsförbund, räkenskapsår 2023"])
    sheet.append([])
    sheet.append(["Konto", "Benämning", "Projekt", "Utgående saldo"])
    bas = {"1641": "1650", "2920": "2920", "2990": "2990"}
    for konto, namn, amount in BALANS_2023:
        sheet.append([int(bas.get(konto, konto)), namn, None, amount])
    sheet.append([2081, "Eget kapital", None, -1746007])
    for konto, namn, amount, obj in (("3987", "Bidrag staten", -2248000, 101),
                                     ("3988", "Bidrag Norrvika", -719000, 102),
                                     ("3989", "Bidrag Stenbäck", -405000, 102),
                                     ("3986", "Bidrag regionen", -1124000, 103),
                                     ("3990", "Övriga intäkter", -11990, 150),
                                     ("8310", "Ränteintäkter", -11823, 810),
                                     ("8410", "Räntekostnader", 5, 800)):
        sheet.append([int(konto), namn, obj, amount])
    for obj, _namn, amount in PROJEKT_2023:
        sheet.append([6550, "Konsulttjänster", int(obj), -amount])
    sheet.append(["Summa", None, None, 0])
    book.save(path)
    return path


BAS_PLAN = """\
namn: Bergsjödalen (BAS)
grund: bas
noter:
  - rubrik: Verksamhetens intäkter
    avser: [verksamhetens_intäkter]
    rader:
      - {text: Driftbidrag från staten, konton: [3987], medlemsbidrag: true}
      - {text: Driftbidrag från Norrvika kommun, konton: [3988], medlemsbidrag: true}
      - {text: Driftbidrag från Stenbäcks kommun, konton: [3989], medlemsbidrag: true}
      - {text: Driftbidrag från Region Mälarbacka, konton: [3986], medlemsbidrag: true}
      - {text: Övriga intäkter, konton: [30-38, 3990-3999]}
  - rubrik: Fordringar
    avser: [kundfordringar, kortfristiga_fordringar]
    rader:
      - {text: Kundfordringar, konton: [15]}
      - {text: Fordran moms, konton: [165]}
      - {text: Skattekonto, konton: [163]}
      - {text: Övriga interimsfordringar, konton: [14, 160-162, 164, 166-169, 17]}
  - rubrik: Kortfristiga skulder
    avser: [kortfristiga_skulder]
    rader:
      - {text: Upplupna semesterlöner, konton: [2920]}
      - {text: Upplupna sociala avgifter semesterlön, konton: [2940]}
      - {text: Personalens källskatt och sociala avgifter, konton: [27]}
      - {text: Särskild löneskatt, konton: [2514]}
      - {text: Leverantörsskulder, konton: [24]}
      - {text: Skatteskulder, konton: [2510-2513, 2515-2599, 26]}
      - {text: Övriga interimsskulder, konton: [28, 2900-2919, 2921-2939, 2941-2999]}
"""


def test_an_xlsx_trial_balance_in_bas_fills_the_report_year(tmp_path):
    yaml = project(tmp_path)
    (yaml.parent / "bas.yaml").write_text(BAS_PLAN, encoding="utf-8")
    # A trial balance names projects by number only: the two lines without one get theirs.
    text = yaml.read_text(encoding="utf-8")
    for name, nr in (("Övriga intäkter", 150), ("Finansiella intäkter", 810)):
        text = text.replace(f"    - {{namn: {name},", f"    - {{nr: {nr}, namn: {name},")
    yaml.write_text(text, encoding="utf-8")
    export = trial_balance_bas(yaml.parent / "saldobalans.xlsx")
    plan = plan_import(yaml, export, "bas.yaml")
    # The example already states 2023: the trial balance gives the same figures, so the only
    # change is the budget's (a trial balance has no #PBUDGET: the budget stays).
    assert plan.fynd == []
    assert plan.ändringar == []
    strip_figures(yaml, 2023)
    run(["importera", str(export), str(yaml), "--kontoplan", "bas.yaml"])
    # The report year is back (a trial balance has no comparison year: it stays as it was).
    ours, example = figures(yaml), figures(EXAMPLE)
    for key in example:
        if key.startswith(("resultaträkning.", "balansräkning.")):
            assert ours[key] == example[key], key
        elif key.startswith(("not.Verksamhetens", "not.Fordringar")):
            assert ours[key][2023] == example[key][2023], key  # type: ignore[index]
        elif key.endswith(".utfall"):
            ours_key = (key.replace("None.Övriga", "150.Övriga")
                        .replace("None.Finansiella i", "810.Finansiella i"))
            assert ours[ours_key] == example[key], key
    rr = load_and_check(yaml).eko.resultaträkning
    assert rr.value("verksamhetens_intäkter", 2023) == 4507990
    assert rr.value("årets_resultat", 2023) == 159492
    assert [r.utfall for r in load_and_check(yaml).indata.budget.rader][:3] == [4496000, 11990, -130212]
    assert bara_exemplets_varningar(collect(yaml))  # the example's own, as it is


def test_an_account_the_kontoplan_does_not_place_is_an_error_naming_it(tmp_path):
    yaml = project(tmp_path)
    before = yaml.read_bytes()
    sie = example_sie()
    sie.add('#KONTO 1410 "Förråd"')
    sie.add("#UB 0 1410 2500.00")
    sie.rader[sie.rader.index("#UB 0 1930 1469789.00")] = "#UB 0 1930 1467289.00"  # balanced
    export = sie.write(yaml.parent / "bokforing.se")
    with pytest.raises(UserError) as caught:
        plan_import(yaml, export, "kontoplan.yaml")
    (finding,) = caught.value.findings
    line = sie.rader.index("#UB 0 1410 2500.00") + 1
    assert (finding.location.file, finding.location.line) == (export, line)
    assert finding.message.startswith("kontot 1410 Förråd med 2\xa0500 kr (2023) står inte på "
                                      "någon rad i kontoplanen Bergsjödalen (Kommun-Bas)")
    assert yaml.read_bytes() == before


def test_an_unbalanced_sie_is_refused_at_its_line(tmp_path):
    yaml = project(tmp_path)
    sie = example_sie()
    sie.rader[sie.rader.index("#UB 0 1930 1469789.00")] = "#UB 0 1930 1.00"
    export = sie.write(yaml.parent / "bokforing.se")
    with pytest.raises(UserError) as caught:
        plan_import(yaml, export, "kontoplan.yaml")
    (finding,) = caught.value.findings
    first_ub = next(i for i, r in enumerate(sie.rader, 1) if r.startswith("#UB 0 "))
    assert (finding.location.file, finding.location.line) == (export, first_ub)
    assert "balanskontonas utgående balanser för 2023" in finding.message
    assert "summerar till -1\xa0469\xa0788 kr, inte till 0" in finding.message


def test_an_unbalanced_voucher_is_refused_at_its_line(tmp_path):
    yaml = project(tmp_path)
    sie = example_sie()
    sie.rader[sie.rader.index("#TRANS 1930 {} 562000.00")] = "#TRANS 1930 {} 561000.00"
    export = sie.write(yaml.parent / "bokforing.se")
    with pytest.raises(UserError) as caught:
        plan_import(yaml, export, "kontoplan.yaml")
    (finding,) = caught.value.findings
    assert finding.location.line == sie.rader.index('#VER A 1 20230131 "Driftbidrag, staten"') + 1
    assert finding.message == ("verifikationen A 1 (2023-01-31) balanserar inte: dess rader "
                               "summerar till -1\xa0000 kr, inte till 0 (debet och kredit ska vara "
                               "lika stora)")


def test_an_sie_file_for_another_year_is_refused_at_its_rar(tmp_path):
    yaml = project(tmp_path)
    sie = example_sie()
    sie.rader = [r.replace("#RAR 0 20230101 20231231", "#RAR 0 20240101 20241231")
                 .replace("#RAR -1 20220101 20221231", "#RAR -1 20230101 20231231") for r in sie.rader]
    export = sie.write(yaml.parent / "bokforing.se")
    with pytest.raises(UserError) as caught:
        plan_import(yaml, export, "kontoplan.yaml")
    (finding,) = caught.value.findings
    assert finding.location.line == sie.rader.index("#RAR 0 20240101 20241231") + 1
    assert finding.message.startswith("SIE-filen gäller räkenskapsåret 2024-01-01 – 2024-12-31, "
                                      "men rapporten")


def test_a_kontoplan_placing_one_account_on_two_lines_is_refused(tmp_path):
    yaml = project(tmp_path)
    (yaml.parent / "dubbel.yaml").write_text(
        "namn: Dubbel\ngrund: kommun-bas\nbalansräkning:\n  kassa_och_bank: [18-19]\n",
        encoding="utf-8")
    export = example_sie().write(yaml.parent / "bokforing.se")
    with pytest.raises(UserError) as caught:
        plan_import(yaml, export, "dubbel.yaml")
    (finding,) = caught.value.findings
    assert finding.location.file == yaml.parent / "dubbel.yaml"
    assert finding.location.line == 4
    assert "kontona 18-19 står på två rader: balansräkning.kortfristiga_placeringar (18" in finding.message


def test_a_project_no_budget_line_takes_is_an_error_at_its_first_psaldo(tmp_path):
    """Found by scripts/fuzz_sie.py: the finding named the file but no line."""
    yaml = project(tmp_path)
    before = yaml.read_bytes()
    sie = example_sie(vouchers=False)
    sie.rader[sie.rader.index('#PSALDO 0 202312 4010 {6 "401"} 19935')] = \
        '#PSALDO 0 202312 4010 {6 "555"} 19935'
    export = sie.write(yaml.parent / "bokforing.se")
    with pytest.raises(UserError) as caught:
        plan_import(yaml, export, "kontoplan.yaml")
    (finding,) = caught.value.findings
    assert (finding.location.file, finding.location.line) == (
        export, sie.rader.index('#PSALDO 0 202312 4010 {6 "555"} 19935') + 1)
    assert finding.message == ("projektet 555 (utan namn) med -19\xa0935 kr står inte på någon rad "
                               "i budget.rader; lägg till en rad med nr: 555")
    assert yaml.read_bytes() == before


# The example's accounts in Kommun-Bas (tests/sie_example.py) and where a bureau on BAS books
# the same: the member contributions on 3986–3989, momsfordran 1650, eget kapital 2081, ränta
# 8310 (intäkt) and 8410 (kostnad).
TILL_BAS = {"3511": "3987", "3512": "3988", "3513": "3989", "3514": "3986", "3610": "3990",
            "1641": "1650", "2030": "2081", "8410": "8310", "8510": "8410"}


def example_sie_bas():  # type: ignore[no-untyped-def]
    import re

    sie = example_sie()
    account = re.compile(r"(?<![0-9.\"])([0-9]{4})(?![0-9.\"])")
    sie.rader = [account.sub(lambda m: TILL_BAS.get(m.group(1), m.group(1)), r)
                 for r in sie.rader]
    return sie


def test_sie_in_bas_gives_back_the_examples_statements_notes_and_budget(tmp_path, capsys):
    """The same figures from a bureau on BAS (the shipped bas.yaml under the förbund's note
    rows): exactly the example again, both years, and check is clean."""
    yaml = project(tmp_path)
    (yaml.parent / "bas.yaml").write_text(BAS_PLAN, encoding="utf-8")
    strip_figures(yaml)
    sie = example_sie_bas()
    assert "#RES 0 8310 -11823" in sie.rader and "#RES 0 8410 5" in sie.rader
    assert '#PSALDO 0 202312 3987 {6 "101"} -2248000' in sie.rader
    export = sie.write(yaml.parent / "bokforing.se")
    assert run(["importera", str(export), str(yaml), "--kontoplan", "bas.yaml"]) == 0
    out = capsys.readouterr().out
    assert figures(yaml) == figures(EXAMPLE)
    assert bara_exemplets_varningar(collect(yaml))  # the example's own, as it is
    assert "kontoplan Bergsjödalen (BAS)" in out
    assert out.rstrip().endswith(f"{yaml}: {EXEMPLETS_SUMMERING}")


def _replace(old: str, new: str):  # type: ignore[no-untyped-def]
    def change(sie):  # type: ignore[no-untyped-def]
        sie.rader[sie.rader.index(old)] = new
    return change


def _remove(line: str):  # type: ignore[no-untyped-def]
    return lambda sie: sie.rader.remove(line)


# Bad exports, each refused by the command: exit 1, its first error as written (line of the
# file as the mutated SIE has it, column, message), and the report untouched.
BAD_EXPORTS = {
    "syntaxfel": (_replace('#KONTO 1510 "Kundfordringar"', '#KONTO 1510 "Kundfordringar'),
                  '#KONTO 1510 "Kundfordringar', 13,
                  "citattecknet som börjar fältet här avslutas aldrig"),
    "okänd teckenuppsättning": (_replace("#FORMAT PC8", "#FORMAT UTF8"), "#FORMAT UTF8", 9,
                                "teckenuppsättningen 'UTF8' kan inte läsas: SIE-filer ska vara i "
                                "PC8 (IBM-tabell 437), #FORMAT PC8"),
    "saknar #RAR": (_remove("#RAR 0 20230101 20231231"), "#RAR -1 20220101 20221231", None,
                    "SIE-filen saknar #RAR 0 (det innevarande räkenskapsåret)"),
    "obalanserad verifikation": (_replace("#TRANS 1930 {} 562000.00", "#TRANS 1930 {} 561000.00"),
                                 '#VER A 1 20230131 "Driftbidrag, staten"', None,
                                 "verifikationen A 1 (2023-01-31) balanserar inte: dess rader "
                                 "summerar till -1\xa0000 kr, inte till 0 (debet och kredit ska "
                                 "vara lika stora)"),
    "fel år": (_replace("#RAR 0 20230101 20231231", "#RAR 0 20240101 20241231"),
               "#RAR 0 20240101 20241231", None, "SIE-filen gäller räkenskapsåret 2024-01-01 – "
               "2024-12-31, men rapporten"),
}


@pytest.mark.parametrize("case", list(BAD_EXPORTS))
def test_a_bad_export_is_refused_at_its_line_and_nothing_is_written(tmp_path, capsys, case):
    change, line_text, column, message = BAD_EXPORTS[case]
    yaml = project(tmp_path)
    strip_figures(yaml)
    before = yaml.read_bytes()
    sie = example_sie()
    change(sie)
    export = sie.write(yaml.parent / "bokforing.se")
    assert run(["importera", str(export), str(yaml), "--kontoplan", "kontoplan.yaml"]) == 1
    err = capsys.readouterr().err
    line = sie.rader.index(line_text) + 1
    where = f"{export}:{line}" + (f":{column}" if column else "")
    assert err.splitlines()[0].startswith(f"{where}: fel: {message}"), err
    assert err.rstrip().endswith("fel; inga filer skrevs.")
    assert yaml.read_bytes() == before


def test_an_sie_file_saved_as_utf8_is_refused_and_nothing_is_written(tmp_path, capsys):
    yaml = project(tmp_path)
    before = yaml.read_bytes()
    export = yaml.parent / "bokforing.se"
    export.write_bytes(example_sie().text().replace("–", "-").encode("utf-8"))
    assert run(["importera", str(export), str(yaml), "--kontoplan", "kontoplan.yaml"]) == 1
    first = capsys.readouterr().err.splitlines()[0]
    assert first.startswith(f"{export}:2: fel: SIE-filen är sparad som UTF-8 (eller UTF-16), men "
                            "en SIE-fil ska vara i teckenuppsättningen PC8")
    assert yaml.read_bytes() == before


def test_a_kontoplan_with_one_account_on_two_lines_writes_nothing(tmp_path, capsys):
    yaml = project(tmp_path)
    strip_figures(yaml)
    before = yaml.read_bytes()
    (yaml.parent / "dubbel.yaml").write_text(
        "namn: Dubbel\ngrund: kommun-bas\nbalansräkning:\n  kassa_och_bank: [18-19]\n",
        encoding="utf-8")
    export = example_sie().write(yaml.parent / "bokforing.se")
    assert run(["importera", str(export), str(yaml), "--kontoplan", "dubbel.yaml"]) == 1
    first = capsys.readouterr().err.splitlines()[0]
    assert first.startswith(f"{yaml.parent / 'dubbel.yaml'}:4:")
    assert "kontona 18-19 står på två rader" in first
    assert yaml.read_bytes() == before

"""reportgen importera into a delårsrapport: the period's outcome (the months from the
period's start to its end, summed) goes into the forecast table's utfall, the förbund's
prognos and budget stay, and an export that does not reach the period's end is a located
error with nothing written. The SIE files and trial balances are written here by hand, and
the expected figures are worked out by hand beside them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT

from reportgen.cli import main
from reportgen.commands.check import collect
from reportgen.load import load_yaml

REPORT = """\
förbund: {namn: Testförbundet}
rapport:
  typ: delårsrapport
  räkenskapsår: 2023
  period: {från: 2023-01-01, till: 2023-08-31}
  beslutsdatum: 2023-09-26
styrelse:
  - utsedd_av: Testkommun
    ordinarie: [{namn: Anna Ek, roll: ordförande}]
budget:
  driftredovisning:
    enhet: kr
    mot_resultaträkningen: false
    kolumner: [nr, årsbudget, utfall, prognos, avvikelse_prognos]
    rader:
      - grupp: Intäkter
        rader:
          - {nr: 1002, namn: Medel från huvudmännen, årsbudget: 3000000, utfall: 1, prognos: 3000000}
      - grupp: Administrativa kostnader
        rader:
          - {nr: 1000, namn: Styrelse, årsbudget: -60000, utfall: 2, prognos: -65000}
          - {nr: 1001+1003, namn: Kansli och bilkonto, årsbudget: -20000, utfall: 3, prognos: -18000}
"""

# The bookkeeping's months (debit positive, credit negative), per project. September and
# October are after the period and must not count; the year's #RES includes them.
SIE = """\
#FLAGGA 0
#FORMAT PC8
#SIETYP 4
#RAR 0 20230101 20231231
#DIM 6 "Projekt"
#OBJEKT 6 "1002" "Medel"
#UB 0 1930 2435155.50
#RES 0 3511 -2500000
#RES 0 4010 64844.50
#PSALDO 0 202301 3511 {6 "1002"} -1000000
#PSALDO 0 202305 3511 {6 "1002"} -1000000
#PSALDO 0 202309 3511 {6 "1002"} -500000
#PSALDO 0 202302 4010 {6 "1000"} 30000
#PSALDO 0 202308 4010 {6 "1000"} 12345.50
#PSALDO 0 202303 4010 {6 "1001"} 10000
#PSALDO 0 202308 4010 {6 "1003"} 2500
#PSALDO 0 202310 4010 {6 "1003"} 9999
#PBUDGET 0 202312 4010 {6 "1000"} 99999
"""
# By hand: 1002 −1 000 000 − 1 000 000 (not September's −500 000), in the report's sign
# 2 000 000; 1000 30 000 + 12 345,50 = 42 345,50, rounded half away from zero −42 346;
# 1001+1003 10 000 + 2 500 (not October's 9 999) = −12 500.
EXPECTED = {"1002": 2000000, "1000": -42346, "1001+1003": -12500}
# The förbund's own figures, which the import leaves as they are.
OWN = {"1002": (3000000, 3000000), "1000": (-60000, -65000), "1001+1003": (-20000, -18000)}


def write(tmp_path: Path, sie: str = SIE, name: str = "bok.se") -> tuple[Path, Path]:
    yaml = tmp_path / "delar.yaml"
    yaml.write_text(REPORT, encoding="utf-8")
    export = tmp_path / name
    export.write_bytes(sie.replace("\n", "\r\n").encode("cp437"))
    return yaml, export


def lines(yaml: Path) -> dict[str, tuple[object, object, object]]:
    """Each line of the forecast table: (utfall, årsbudget, prognos), as the YAML states them."""
    data = load_yaml(yaml).data
    out = {}
    for grupp in data["budget"]["driftredovisning"]["rader"]:
        for row in grupp["rader"]:
            out[str(row["nr"])] = (row["utfall"], row["årsbudget"], row["prognos"])
    return out


def test_the_periods_months_become_the_forecast_tables_utfall(tmp_path, capsys):
    yaml, export = write(tmp_path)
    assert main(["importera", str(export), str(yaml)]) == 0
    out = capsys.readouterr().out
    assert "budgetens utfall 2023-08-31: 3 värden ändras" in out
    assert lines(yaml) == {nr: (EXPECTED[nr], *OWN[nr]) for nr in EXPECTED}
    assert out.rstrip().endswith(f"{yaml}: inga fel eller varningar")
    assert collect(yaml) == []


def test_a_dry_run_shows_the_periods_utfall_and_writes_nothing(tmp_path, capsys):
    yaml, export = write(tmp_path)
    before = yaml.read_bytes()
    assert main(["importera", str(export), str(yaml), "--visa"]) == 0
    out = capsys.readouterr().out
    assert yaml.read_bytes() == before
    assert "  1000 Styrelse: 2 kr → −42\xa0346 kr" in out
    assert "  1001+1003 Kansli och bilkonto: 3 kr → −12\xa0500 kr" in out
    assert f"(--visa: {yaml} skrevs inte)" in out


def _without(text: str, *months: str) -> str:
    return "".join(line for line in text.splitlines(keepends=True)
                   if not any(f" {m} " in line for m in months))


@pytest.mark.parametrize(("sie", "line", "message"), [
    # The last month with a #PSALDO is May: the export was taken before the period ended.
    (_without(SIE, "202308", "202309", "202310"), 11,
     "SIE-filen når till 2023-05-31 (dess sista #PSALDO gäller 202305), men "
     "delårsrapportens period slutar 2023-08-31; ta ut bokföringen per periodens slut"),
    (SIE + "#OMFATTN 20230630\n", 19,
     "SIE-filen når till 2023-06-30 (#OMFATTN), men delårsrapportens period slutar "
     "2023-08-31; ta ut bokföringen per periodens slut"),
    ("".join(line for line in SIE.splitlines(keepends=True) if "PSALDO" not in line), 4,
     "SIE-filen har inga periodsaldon (#PSALDO) för räkenskapsåret: delårsrapportens utfall "
     "är saldot per 2023-08-31, och #RES gäller hela året; exportera SIE 3 eller 4 med "
     "periodsaldon"),
], ids=["psaldo-till-maj", "omfattn-juni", "bara-res"])
def test_an_export_that_does_not_reach_the_periods_end_is_refused(tmp_path, capsys, sie, line,
                                                                  message):
    yaml, export = write(tmp_path, sie)
    before = yaml.read_bytes()
    assert main(["importera", str(export), str(yaml)]) == 1
    err = capsys.readouterr().err
    assert f"{export}:{line}: fel: {message}" in err
    assert "Traceback" not in err
    assert yaml.read_bytes() == before


TRIAL_BALANCE = """\
Saldobalans Testförbundet;;;
PERIOD;;;
Konto;Benämning;Belopp;Projekt
3511;Bidrag;-2000000;1002
4010;Köp av verksamhet;42345,50;1000
4010;Köp av verksamhet;10000;1001
4010;Köp av verksamhet;2500;1003
1930;Bank;1945154,50;
"""


def test_a_trial_balance_at_the_periods_end_gives_the_same_utfall(tmp_path):
    text = TRIAL_BALANCE.replace("PERIOD", "Period 2023-01-01 – 2023-08-31")
    yaml, export = write(tmp_path, name="saldobalans.csv")
    export.write_text(text, encoding="utf-8")
    assert main(["importera", str(export), str(yaml)]) == 0
    assert lines(yaml) == {nr: (EXPECTED[nr], *OWN[nr]) for nr in EXPECTED}


def test_a_trial_balance_names_its_period_below_the_year_it_belongs_to(tmp_path):
    """A "Räkenskapsår" line above the period (as bookkeeping programs print it) is the
    year, not the day the balances reach."""
    text = TRIAL_BALANCE.replace(
        "PERIOD", "Räkenskapsår 2023-01-01 – 2023-12-31\nPeriod 2023-01-01 – 2023-08-31")
    yaml, export = write(tmp_path, name="saldobalans.csv")
    export.write_text(text, encoding="utf-8")
    assert main(["importera", str(export), str(yaml)]) == 0
    assert lines(yaml) == {nr: (EXPECTED[nr], *OWN[nr]) for nr in EXPECTED}


def test_a_trial_balance_from_another_start_than_the_periods_is_refused(tmp_path, capsys):
    """January–August balances are not a May–August period's outcome."""
    yaml, export = write(tmp_path, name="saldobalans.csv")
    yaml.write_text(REPORT.replace("från: 2023-01-01", "från: 2023-05-01"), encoding="utf-8")
    export.write_text(TRIAL_BALANCE.replace("PERIOD", "Period 2023-01-01 – 2023-08-31"),
                      encoding="utf-8")
    before = yaml.read_bytes()
    assert main(["importera", str(export), str(yaml)]) == 1
    assert (f"{export}:2: fel: saldobalansen gäller från 2023-01-01, men delårsrapportens "
            "period börjar 2023-05-01; ta ut saldobalansen för perioden"
            ) in capsys.readouterr().err
    assert yaml.read_bytes() == before


@pytest.mark.parametrize(("period", "line", "message"), [
    ("Period 2023-01-01 – 2023-06-30", 2,
     "saldobalansen når till 2023-06-30 (saldobalansens period), men delårsrapportens period "
     "slutar 2023-08-31; ta ut bokföringen per periodens slut"),
    ("Räkenskapsår 2023", 1,
     "saldobalansen säger inte till vilket datum saldona gäller; delårsrapportens utfall är "
     "saldot per 2023-08-31: skriv perioden över rubrikraden, t.ex. \"Period 2023-01-01 – "
     "2023-08-31\""),
], ids=["juni", "utan-datum"])
def test_a_trial_balance_for_another_day_is_refused(tmp_path, capsys, period, line, message):
    yaml, export = write(tmp_path, name="saldobalans.csv")
    export.write_text(TRIAL_BALANCE.replace("PERIOD", period), encoding="utf-8")
    before = yaml.read_bytes()
    assert main(["importera", str(export), str(yaml)]) == 1
    assert f"{export}:{line}: fel: {message}" in capsys.readouterr().err
    assert yaml.read_bytes() == before


# content/delar/2023-08.yaml's outcome per line (as it states it), written here by hand; the
# bookkeeping below gives these, except the board's: −210 000 where the example has −206 695.
EXAMPLE_UTFALL = {
    "1002": 4393753, "1000": -206695, "1020": -37436, "1001+1003": -327786, "1060": -466717,
    "1061": -525478, "1063": -657458, "1064": -790394, "1067": -103191, "1005": -14600,
    "1066": 0, "1087": -10000, "1093": 480, "1026": -179580, "1040": 0, "1053": 0, "1086": 0,
    "1096": -48000, "1004": -346088}


def example_sie() -> str:
    """The example's outcome as an SIE file: each project's outcome half in January, the
    rest in August, and something in September that the period does not include."""
    books = {**{nr: u for nr, u in EXAMPLE_UTFALL.items() if u and "+" not in nr},
             "1000": -210000, "1001": -300000, "1003": -27786}
    rows = ["#FLAGGA 0", "#FORMAT PC8", "#SIETYP 4", "#RAR 0 20230101 20231231",
            '#DIM 6 "Projekt"']
    total = 0
    for nr, utfall in books.items():
        account = "3511" if nr == "1002" else "4010"
        amount = -utfall  # the bookkeeping's sign: revenue credit, costs debit
        rows.append(f'#PSALDO 0 202301 {account} {{6 "{nr}"}} {amount // 2}')
        rows.append(f'#PSALDO 0 202308 {account} {{6 "{nr}"}} {amount - amount // 2}')
        rows.append(f'#PSALDO 0 202309 {account} {{6 "{nr}"}} {amount // 7}')
        total += amount + amount // 7
    rows += [f"#RES 0 4010 {total}", f"#UB 0 1930 {-total}"]
    return "\n".join(rows) + "\n"


def test_importing_into_the_example_gives_a_clean_check(tmp_path, capsys):
    folder = tmp_path / "delar"
    shutil.copytree(ROOT / "content" / "delar", folder)
    yaml = folder / "2023-08.yaml"
    export = folder / "bokforing.se"
    export.write_bytes(example_sie().replace("\n", "\r\n").encode("cp437"))
    before = yaml.read_text(encoding="utf-8")
    assert main(["importera", str(export), str(yaml)]) == 0
    out = capsys.readouterr().out
    assert "budgetens utfall 2023-08-31: 1 värde ändras" in out
    assert out.rstrip().endswith(f"{yaml}: inga fel eller varningar")
    assert collect(yaml) == []
    after = yaml.read_text(encoding="utf-8")
    # One figure changed, in place; every prognos and årsbudget as the förbund wrote them.
    assert after == before.replace(
        "{nr: 1000, namn: Styrelse, årsbudget: -427000, utfall: -206695, prognos: -412568}",
        "{nr: 1000, namn: Styrelse, årsbudget: -427000, utfall: -210000, prognos: -412568}")


# tests/fixtures/solbacken_delar/ (RKR R17: the period's resultaträkning against the same
# period last year) with its period's lines left to fill in.
R17 = ROOT / "tests" / "fixtures" / "solbacken_delar" / "2023.yaml"
R17_GAPS = {"verksamhetens_intäkter: 2300000": "verksamhetens_intäkter:",
            "verksamhetens_kostnader: -2180400": "verksamhetens_kostnader:",
            "finansiella_intäkter: 3100": "finansiella_intäkter:",
            "finansiella_kostnader: -200": "finansiella_kostnader:"}
# The months of both years, per account as a whole ({}): by hand, January–August 2023 gives
# intäkter 1 500 000 + 800 000 = 2 300 000, kostnader 1 000 000 + 1 180 400 = 2 180 400,
# finansiella intäkter 3 100 and kostnader 200; September is not the period's. 2022's
# months give the fixture's published jan–aug 2022 figures (so: no warning, no change).
R17_SIE = """\
#FLAGGA 0
#FORMAT PC8
#SIETYP 3
#RAR 0 20230101 20231231
#RAR -1 20220101 20221231
#UB 0 1930 0
#RES 0 3010 0
#PSALDO 0 202301 3010 {} -1500000
#PSALDO 0 202308 3010 {} -800000
#PSALDO 0 202309 3010 {} -400000
#PSALDO 0 202302 4010 {} 1000000
#PSALDO 0 202308 4010 {} 1180400
#PSALDO 0 202309 4010 {} 350000
#PSALDO 0 202306 8410 {} -3100
#PSALDO 0 202308 8510 {} 200
#PSALDO -1 202204 3010 {} -2240000
#PSALDO -1 202206 4010 {} 2305600
#PSALDO -1 202208 8410 {} -400
#PSALDO -1 202208 8510 {} 300
#PSALDO -1 202211 4010 {} 99999
"""


def test_an_r17_period_resultatrakning_from_the_months(tmp_path, capsys):
    yaml = tmp_path / "2023.yaml"
    text = R17.read_text(encoding="utf-8")
    for old, new in R17_GAPS.items():
        assert text.count(old) == 1
        text = text.replace(old, new)
    yaml.write_text(text, encoding="utf-8")
    assert collect(yaml)  # the gaps
    export = tmp_path / "bok.se"
    export.write_bytes(R17_SIE.replace("\n", "\r\n").encode("cp437"))
    assert main(["importera", str(export), str(yaml)]) == 0
    out = capsys.readouterr().out
    assert "resultaträkningen 2023: 4 värden ändras" in out
    assert "obs: balansräkningen fylls inte i i en delårsrapport" in out
    assert "jämförelseår" not in out  # 2022's months agree with the published period
    assert yaml.read_text(encoding="utf-8") == R17.read_text(encoding="utf-8")
    assert collect(yaml) == []


def test_an_r17_period_needs_the_accounts_own_months(tmp_path, capsys):
    """#PSALDO per project only gives the budget's lines, not the period's resultaträkning."""
    yaml = tmp_path / "2023.yaml"
    shutil.copy(R17, yaml)
    before = yaml.read_bytes()
    export = tmp_path / "bok.se"
    export.write_bytes(R17_SIE.replace("{}", '{6 "1000"}').replace("\n", "\r\n").encode("cp437"))
    assert main(["importera", str(export), str(yaml)]) == 1
    assert (f"{export}:4: fel: SIE-filen har periodsaldon (#PSALDO) bara per objekt; "
            "resultaträkningen för perioden behöver kontonas egna (objektlistan {})"
            ) in capsys.readouterr().err
    assert yaml.read_bytes() == before


def test_a_period_with_nothing_booked_in_its_months_gives_0_not_old_figures(tmp_path, capsys):
    """The export's #PSALDO lines all fall after the period (September, October): nothing
    was booked in January–August, so each line's utfall is 0 — not the figures the report
    had, and not "the file has no projects"."""
    sie = _without(SIE, *(f"2023{m:02}" for m in range(1, 9)))
    assert "#PSALDO 0 202309" in sie and "#PSALDO 0 202308" not in sie
    yaml, export = write(tmp_path, sie)
    assert main(["importera", str(export), str(yaml)]) == 0
    out = capsys.readouterr().out
    assert "har inga projekt (dimension 6)" not in out
    assert "budgetens utfall 2023-08-31: 3 värden ändras" in out
    assert lines(yaml) == {nr: (0, *OWN[nr]) for nr in EXPECTED}



def test_last_years_months_per_project_only_give_no_comparison_for_the_accounts(
        tmp_path, capsys):
    """2022's #PSALDO only per project says nothing of the accounts' 2022: no comparison
    with the report's jämförelseår (it would be against 0 kr on every line)."""
    yaml = tmp_path / "2023.yaml"
    shutil.copy(R17, yaml)
    sie = "".join(line.replace("{}", '{6 "1000"}') if line.startswith("#PSALDO -1") else line
                  for line in R17_SIE.splitlines(keepends=True))
    export = tmp_path / "bok.se"
    export.write_bytes(sie.replace("\n", "\r\n").encode("cp437"))
    assert main(["importera", str(export), str(yaml)]) == 0
    out = capsys.readouterr().out
    assert "jämförelseår" not in out and "bokföringen ger 0 kr" not in out

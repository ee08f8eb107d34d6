"""SIE files (CP437, as the standard says) and trial balances written from a report's figures,
for the import tests: the accounts of tests/fixtures/kontoplan-bergsjodalen.yaml (Kommun-Bas)
and of BAS, the budget's projects as objects of dimension 6.

`Figurer` is written by hand from content/2023.yaml (its statements, notes and budget), so
the import is compared with what the example states, not with what reportgen computes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

# The example's figures (content/2023.yaml), account by account: (account, name, amount in
# the bookkeeping's sign: debit positive, credit negative).
INTÄKTER_2023 = [("3511", "Driftbidrag staten", -2248000), ("3512", "Bidrag Norrvika", -719000),
                 ("3513", "Bidrag Stenbäck", -405000), ("3514", "Bidrag Region Mälarbacka", -1124000),
                 ("3610", "Övriga intäkter", -11990)]
INTÄKTER_2022 = [("3511", "", -2253000), ("3512", "", -721000), ("3513", "", -405000),
                 ("3514", "", -1126000), ("3610", "", -4336)]
BALANS_2023 = [("1510", "Kundfordringar", 0), ("1641", "Fordran moms", 13032),
               ("1630", "Skattekonto", 41790), ("1790", "Övriga interimsfordringar", 283333),
               ("1810", "Placeringskonto", 230136), ("1930", "Företagskonto", 1469789),
               ("2920", "Upplupna semesterlöner", -33167), ("2940", "Upplupna sociala avgifter", -10421),
               ("2710", "Personalens källskatt", -38713), ("2514", "Särskild löneskatt", -15337),
               ("2440", "Leverantörsskulder", -6403), ("2510", "Skatteskulder", -12540),
               ("2990", "Övriga interimsskulder", -16000)]
BALANS_2022 = [("1510", "", 4130), ("1641", "", 58405), ("1630", "", 32300), ("1790", "", 549988),
               ("1810", "", 418627), ("1930", "", 813458), ("2920", "", -34213),
               ("2940", "", -10750), ("2710", "", -32075), ("2514", "", -12540),
               ("2440", "", -30056), ("2510", "", -7767), ("2990", "", -3500)]
EGET_KAPITAL = "2030"
# The budget's projects 2023: (object, name, cost account, outcome in the report's sign).
PROJEKT_2023 = [("201", "Styrelsen", -130212), ("202", "Förbundschef", -363618),
                ("203", "Ekonomi", -102850), ("204", "Revision", -60000),
                ("207", "Information och marknadsföring", -49820),
                ("208", "Övriga administrationskostnader", -47930), ("209", "Kansli", -54120),
                ("210", "Bilkostnader", -72036), ("301", "Teamsamverkan (Rehabteamet)", -1066830),
                ("399", "Förbundschef – stöd och utveckling", -165736),
                ("401", "Samverkansarenan", -39870), ("423", "Plattform socialt företagande", -380000),
                ("424", "Nätverk psykisk ohälsa", -80000),
                ("442", "Förstärkt samverkan FK och Norrvika kommun", -327000),
                ("444", "Öka innanförskapet – fler i arbete", -657000),
                ("445", "En andra chans i skolan", -333000),
                ("499", "Förbundschef – stöd och utveckling av samverkan", -430294)]
# The kinds' totals 2022 (the cost note's comparison year), each on one project.
PROJEKT_2022 = [("201", "", -820676), ("301", "", -1488065), ("401", "", -2380969)]
BUDGET_2023 = {"201": -173000, "202": -297000, "203": -116000, "204": -66000, "207": -45000,
               "208": -54000, "209": -60000, "210": -62000, "301": -1500000, "399": -178000,
               "401": -100000, "423": -380000, "424": -80000, "442": -327000, "444": -657000,
               "445": -333000, "499": -455000}
FINANSIELLT = {2023: (11823, -5), 2022: (5, -6444)}  # (intäkter, kostnader) in the report's sign


@dataclass
class SieFil:
    """An SIE 4 file under construction; `text()` is the file, `write()` writes it in CP437."""

    år: int
    rader: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.rader += ["#FLAGGA 0", '#PROGRAM "Testbokföring" 1.0', "#FORMAT PC8",
                       f"#GEN {self.år + 1}0115", "#SIETYP 4",
                       '#FNAMN "Bergsjödalens Samordningsförbund"', "#ORGNR 222000-2485",
                       f"#RAR 0 {self.år}0101 {self.år}1231",
                       f"#RAR -1 {self.år - 1}0101 {self.år - 1}1231", '#DIM 6 "Projekt"']

    def add(self, line: str) -> None:
        self.rader.append(line)

    def text(self) -> str:
        return "\r\n".join(self.rader) + "\r\n"

    def write(self, path: Path) -> Path:
        path.write_bytes(self.text().replace("–", "-").encode("cp437"))  # CP437 has no en dash
        return path


def _q(text: str) -> str:
    return '"' + text.replace('"', '\\"') + '"'


def example_sie(budget: bool = True, vouchers: bool = True) -> SieFil:
    """content/2023.yaml's figures as an SIE 4 file for 2023 (with 2022 as year -1)."""
    sie = SieFil(2023)
    names = {k: n for k, n, _ in [*INTÄKTER_2023, *BALANS_2023] if n}
    names |= {"4010": "Köp av verksamhet", "8410": "Ränteintäkter", "8510": "Räntekostnader",
              EGET_KAPITAL: "Eget kapital"}
    for konto, namn in sorted(names.items()):
        sie.add(f"#KONTO {konto} {_q(namn)}")
    for obj, namn, _ in PROJEKT_2023:
        sie.add(f"#OBJEKT 6 {_q(obj)} {_q(namn)}")
    sie.add('#OBJEKT 6 "101" "Bidrag staten"')
    sie.add('#OBJEKT 6 "102" "Bidrag kommunerna"')
    sie.add('#OBJEKT 6 "103" "Bidrag regionen"')
    sie.add('#OBJEKT 6 "150" "Övriga intäkter"')
    sie.add('#OBJEKT 6 "800" "Finansiella kostnader"')
    sie.add('#OBJEKT 6 "810" "Finansiella intäkter"')
    # The opening balance 2023 is the closing one of 2022 with 2022's result in eget kapital.
    ek_2022_start, ek_2023_start = -1932820, -1746007
    for index, rows, ek in ((0, BALANS_2023, ek_2023_start), (-1, BALANS_2022, ek_2022_start)):
        for konto, _, amount in rows:
            sie.add(f"#UB {index} {konto} {amount}.00")
        sie.add(f"#UB {index} {EGET_KAPITAL} {ek}.00")
    for konto, _, amount in BALANS_2022:
        sie.add(f"#IB 0 {konto} {amount}")
    sie.add(f"#IB 0 {EGET_KAPITAL} {ek_2023_start}")
    # The balance at the start of 2022 (for the comparison year's cash flow): fordringar
    # 197 288, kortfristiga skulder 267 615, likvida medel 2 003 147, eget kapital the rest.
    for konto, amount in (("1790", 197288), ("1930", 2003147), ("2990", -267615)):
        sie.add(f"#IB -1 {konto} {amount}")
    sie.add(f"#IB -1 {EGET_KAPITAL} {-(197288 + 2003147 - 267615)}")
    for index, income, year in ((0, INTÄKTER_2023, 2023), (-1, INTÄKTER_2022, 2022)):
        for konto, _, amount in income:
            sie.add(f"#RES {index} {konto} {amount}")
        costs = 4360316 if year == 2023 else 4689710
        fin_in, fin_out = FINANSIELLT[year]
        sie.add(f"#RES {index} 4010 {costs}")
        sie.add(f"#RES {index} 8410 {-fin_in}")
        sie.add(f"#RES {index} 8510 {-fin_out}")
    for obj, _, amount in PROJEKT_2023:
        sie.add(f'#PSALDO 0 202306 4010 {{6 "{obj}"}} {-amount // 2}')
        sie.add(f'#PSALDO 0 202312 4010 {{6 "{obj}"}} {-amount - (-amount // 2)}')
        if budget:
            sie.add(f'#PBUDGET 0 202312 4010 {{6 "{obj}"}} {-BUDGET_2023[obj]}')
    for obj, _, amount in PROJEKT_2022:
        sie.add(f'#PSALDO -1 202212 4010 {{6 "{obj}"}} {-amount}')
    for obj, konto, amount in (("101", "3511", -2248000), ("102", "3512", -719000),
                               ("102", "3513", -405000), ("103", "3514", -1124000),
                               ("150", "3610", -11990), ("810", "8410", -11823),
                               ("800", "8510", 5)):
        sie.add(f'#PSALDO 0 202312 {konto} {{6 "{obj}"}} {amount}')
    if budget:
        sie.add('#PBUDGET 0 202312 3511 {6 "101"} -2248000')
        sie.add('#PBUDGET 0 202312 3512 {6 "102"} -1124000')
        sie.add('#PBUDGET 0 202312 3514 {6 "103"} -1124000')
    if vouchers:
        sie.add('#VER A 1 20230131 "Driftbidrag, staten"')
        sie.add("{")
        sie.add('#TRANS 1930 {} 562000.00')
        sie.add('#TRANS 3511 {6 "101"} -562000.00')
        sie.add("}")
    return sie


# The next year, 2024, for the nytt-år tests: figures of their own (written by hand), with
# 2023 (the example's) as year -1. Eget kapital at the start of 2024 is 2023's closing one.
INTÄKTER_2024 = [("3511", "Driftbidrag staten", -2300000), ("3512", "Bidrag Norrvika", -735000),
                 ("3513", "Bidrag Stenbäck", -415000), ("3514", "Bidrag Region Mälarbacka", -1150000),
                 ("3610", "Övriga intäkter", -8000)]
BALANS_2024 = [("1510", "Kundfordringar", 0), ("1641", "Fordran moms", 15000),
               ("1630", "Skattekonto", 40000), ("1790", "Övriga interimsfordringar", 250000),
               ("1810", "Placeringskonto", 240000), ("1930", "Företagskonto", 1673479),
               ("2920", "Upplupna semesterlöner", -35000), ("2940", "Upplupna sociala avgifter", -11000),
               ("2710", "Personalens källskatt", -40000), ("2514", "Särskild löneskatt", -16000),
               ("2440", "Leverantörsskulder", -8000), ("2510", "Skatteskulder", -13000),
               ("2990", "Övriga interimsskulder", -17000)]
EGET_KAPITAL_2024_START = -1905499  # 1 746 007 + 2023's result 159 492
# 2024's projects: 2023's, with these outcomes (the rest as in 2023); costs 4 450 000 in all.
PROJEKT_2024 = [(obj, namn, {"202": -380000, "301": -1100000, "401": -60000, "499": -452332,
                             "210": -70000}.get(obj, amount))
                for obj, namn, amount in PROJEKT_2023]
BUDGET_2024 = {**BUDGET_2023, "301": -1200000, "401": -90000}
FINANSIELLT_2024 = (15000, -20)
KOSTNADER_2024 = 4450000


def next_year_sie() -> SieFil:
    """2024's figures as an SIE 4 file (with the example's 2023 as year -1)."""
    sie = SieFil(2024)
    names = {k: n for k, n, _ in [*INTÄKTER_2024, *BALANS_2024] if n}
    names |= {"4010": "Köp av verksamhet", "8410": "Ränteintäkter", "8510": "Räntekostnader",
              EGET_KAPITAL: "Eget kapital"}
    for konto, namn in sorted(names.items()):
        sie.add(f"#KONTO {konto} {_q(namn)}")
    for obj, namn, _ in PROJEKT_2024:
        sie.add(f"#OBJEKT 6 {_q(obj)} {_q(namn)}")
    for obj, namn in (("101", "Bidrag staten"), ("102", "Bidrag kommunerna"),
                      ("103", "Bidrag regionen"), ("150", "Övriga intäkter"),
                      ("800", "Finansiella kostnader"), ("810", "Finansiella intäkter")):
        sie.add(f"#OBJEKT 6 {_q(obj)} {_q(namn)}")
    for index, rows, ek in ((0, BALANS_2024, EGET_KAPITAL_2024_START), (-1, BALANS_2023, -1746007)):
        for konto, _, amount in rows:
            sie.add(f"#UB {index} {konto} {amount}")
        sie.add(f"#UB {index} {EGET_KAPITAL} {ek}")
    for konto, _, amount in BALANS_2023:
        sie.add(f"#IB 0 {konto} {amount}")
    sie.add(f"#IB 0 {EGET_KAPITAL} {EGET_KAPITAL_2024_START}")
    for konto, _, amount in BALANS_2022:
        sie.add(f"#IB -1 {konto} {amount}")
    sie.add(f"#IB -1 {EGET_KAPITAL} -1746007")
    for index, income, costs, (fin_in, fin_out) in (
            (0, INTÄKTER_2024, KOSTNADER_2024, FINANSIELLT_2024),
            (-1, INTÄKTER_2023, 4360316, FINANSIELLT[2023])):
        for konto, _, amount in income:
            sie.add(f"#RES {index} {konto} {amount}")
        sie.add(f"#RES {index} 4010 {costs}")
        sie.add(f"#RES {index} 8410 {-fin_in}")
        sie.add(f"#RES {index} 8510 {-fin_out}")
    for index, period, projects in ((0, "202412", PROJEKT_2024), (-1, "202312", PROJEKT_2023)):
        for obj, _, amount in projects:
            sie.add(f'#PSALDO {index} {period} 4010 {{6 "{obj}"}} {-amount}')
    for obj, _, _amount in PROJEKT_2024:
        sie.add(f'#PBUDGET 0 202412 4010 {{6 "{obj}"}} {-BUDGET_2024[obj]}')
    for obj, konto, amount in (("101", "3511", -2300000), ("102", "3512", -735000),
                               ("102", "3513", -415000), ("103", "3514", -1150000),
                               ("150", "3610", -8000), ("810", "8410", -15000),
                               ("800", "8510", 20)):
        sie.add(f'#PSALDO 0 202412 {konto} {{6 "{obj}"}} {amount}')
    sie.add('#PBUDGET 0 202412 3511 {6 "101"} -2300000')
    sie.add('#PBUDGET 0 202412 3512 {6 "102"} -1150000')
    sie.add('#PBUDGET 0 202412 3514 {6 "103"} -1150000')
    return sie

"""`reportgen check` on the seeds as published finds exactly their inconsistencies.

tests/fixtures/seed000 and seed001 transcribe the published reports, printed totals
included. Each finding `check` reports is named below with the reason it is a real
inconsistency of the published report; any other finding, or a missing one, fails.
The full findings (messages and coordinates) are pinned in
tests/fixtures/expected_findings.yaml.
"""

from __future__ import annotations

import pytest
from check_expected import ROOT, check_against_expected, records

FIXTURES = ROOT / "tests" / "fixtures"

# (rule, field) → why the published report is inconsistent there.
SEED_000: dict[tuple[str, str], str] = {
    # The three DOMAIN.md lists ("Figures that must agree"). The first two are one wrong
    # figure (issue 11, item 8): 4 507 988 − 4 360 316 = 147 672, printed 147 674, and Not 2
    # sums to 4 507 990; with intäkter 4 507 990 both agree, as do årets resultat and the
    # balansräkning. So `check` names the intäkter once, and the two totals it spoils
    # (before, it blamed the printed verksamhetens resultat and Not 2's sum, both right).
    ("rr.summa", "ekonomi.resultaträkning.2023.verksamhetens_intäkter"):
        "DOMAIN.md: the resultaträkning's intäkter 2023 4 507 988 is the typo: verksamhetens "
        "resultat 147 674 and Not 2's 4 507 990 agree with 4 507 990, which nothing else "
        "contradicts",
    ("femår.belopp", "ekonomi.femårsöversikt.2023.intäkter_tkr"):
        "DOMAIN.md: five-year intäkter 2023 4 496 tkr, the resultaträkning gives 4 508 tkr "
        "(4 496 is the member contributions only, from the sammanställning)",
    # Found besides:
    ("femår.belopp", "ekonomi.femårsöversikt.2023.kostnader_tkr"):
        "five-year kostnader 2023 −4 336 tkr, the resultaträkning −4 360 316 kr = −4 360 tkr "
        "(−4 336 is the sammanställning's net cost, with övriga and finansiella intäkter "
        "deducted)",
    ("femår.belopp", "ekonomi.femårsöversikt.2022.kostnader_tkr"):
        "five-year kostnader 2022 −4 696 tkr, the resultaträkning −4 689 710 kr = −4 690 tkr "
        "(−4 696 includes the finansiella kostnader −6 444)",
    ("kf.summa", "ekonomi.kassaflöde.2022.löpande_verksamheten"):
        "−186 813 − 447 536 − 136 714 = −771 063, printed −771 062 (the printed årets "
        "kassaflöde −771 062 agrees with likvida medel, so one part is off by 1 kr)",
    ("not.summa", "ekonomi.noter.1.summa.2022"):
        "Not 2 2022: 2 253 000 + 721 000 + 405 000 + 1 126 000 + 3 336 = 4 508 336, printed "
        "Summa 4 509 336 (= the resultaträkning, so one row is 1 000 kr short)",
    ("budget.resultaträkning", "budget.rader.0.utfall"):
        "sammanställning: intäkter 4 496 tkr (bidrag only) against the resultaträkning's "
        "4 508 tkr: övriga intäkter 11 990 kr are netted against costs",
    ("budget.resultaträkning", "budget.rader.1.utfall"):
        "sammanställning: totala kostnader −4 336 tkr against the resultaträkning's −4 360 tkr "
        "(övriga intäkter and finansiella intäkter netted against costs)",
    ("budget.resultaträkning", "budget.rader.19.utfall"):
        "sammanställning: finansiella kostnader 0 tkr, the resultaträkning has finansiella "
        "poster 11 823 − 5 = 11 818 kr = 12 tkr (its periodens resultat 160 tkr does agree "
        "with årets resultat 159 492 kr within ±1 tkr, because the errors cancel)",
    ("styrelse.underskrift", "underskrifter.ledamöter"):
        "the Försäkringskassan member, vice ordförande in the board table for 2023, has no "
        "signature line",
    ("styrelse.underskrift", "underskrifter.ledamöter.1.roll"):
        "the Arbetsförmedlingen member signs as vice ordförande; the board table says "
        "ledamot (warning)",
    ("styrelse.underskrift", "underskrifter.ledamöter.4"):
        "a signature line for a person who is not in the board table at all (warning: "
        "perhaps a member from 2024, the board that decided the report)",
}

SEED_001: dict[tuple[str, str], str] = {
    ("br.ingående_eget_kapital", "ekonomi.balansräkning.2020.övrigt_eget_kapital"):
        "övrigt eget kapital 2020 is 2 603 947, but eget kapital 2019-12-31 is "
        "2 655 649 − 51 703 = 2 603 946",
    ("kf.summa", "ekonomi.kassaflöde.2020.löpande_verksamheten"):
        "−58 818 + 493 657 − 40 687 = 394 152, printed 394 153 (the same 1 kr as the "
        "opening eget kapital: the printed årets kassaflöde and likvida medel agree with the "
        "balansräkning)",
    ("femår.belopp", "ekonomi.femårsöversikt.2020.kostnader_tkr"):
        "five-year kostnader 2020 −4 560 tkr, the resultaträkning −4 567 005 kr = −4 567 tkr "
        "(−4 560 has övriga intäkter 6 722 deducted, yet intäkter 4 512 include them)",
}

# Inconsistencies of the published reports that the input model cannot hold, so `check`
# cannot see them in a transcription (reportgen computes these tables itself):
NOT_TRANSCRIBABLE = {
    "seed001": [
        "driftsredovisning: Nettokostnad −4 560 + Medlemsavgift 4 505 = −55, printed "
        "Resultat −59 (the financial items −4 tkr are missing from the table)",
        "driftsredovisning: Utgående eget kapital printed negative (−2 545, −404, −2 604)",
    ],
    "seed000": [
        "driftredovisning 2023: Kostnad 4 348 tkr is verksamhetens kostnader less the "
        "financial items, while the sammanställning's totala kostnader say 4 336 tkr",
    ],
}

SEEDS = {"seed000": SEED_000, "seed001": SEED_001}


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_check_finds_exactly_the_published_inconsistencies(seed):
    found = records(FIXTURES / seed / "arsredovisning.yaml")
    keys = [(f["regel"], f["fält"]) for f in found]
    assert len(keys) == len(set(keys))
    assert set(keys) == set(SEEDS[seed])
    check_against_expected(seed, found)


def test_domain_examples_name_found_expected_and_difference():
    found = {(f["regel"], f["fält"]): f for f in records(FIXTURES / "seed000" / "arsredovisning.yaml")}
    typo = found[("rr.summa", "ekonomi.resultaträkning.2023.verksamhetens_intäkter")]
    assert typo["meddelande"] == (
        "Resultaträkningen, verksamhetens intäkter 2023: angivet 4 507 988 kr, förväntat "
        "4 507 990 kr (då stämmer resultaträkningens verksamhetens resultat 2023 och Not 2 "
        "Verksamhetens intäkter 2023); 2 kr lägre än förväntat")
    # Nothing is reported at the two totals that are right.
    fields = {field for _, field in found}
    assert "ekonomi.resultaträkning.2023.verksamhetens_resultat" not in fields
    assert "ekonomi.noter.1.summa.2023" not in fields
    femår = found[("femår.belopp", "ekonomi.femårsöversikt.2023.intäkter_tkr")]
    assert "angivet 4 496 tkr, förväntat 4 508 tkr" in femår["meddelande"]
    assert "±1 tkr" in femår["meddelande"]


def test_warnings_and_errors_in_seed_000():
    found = records(FIXTURES / "seed000" / "arsredovisning.yaml")
    assert sum(f["allvarlighet"] == "varning" for f in found) == 2
    assert sum(f["allvarlighet"] == "fel" for f in found) == 10


# Issue 11, item 8: a typo planted in a line several totals depend on gives one finding,
# at that line, instead of one at each total it spoils. The clean report (and, for a note
# with groups, fixtures/ljungadalen) with one figure changed: case → (file, replacement,
# the one finding's rule and field, why).
REN = FIXTURES / "regler" / "ren.yaml"
LJUNGADALEN = FIXTURES / "ljungadalen" / "2024.yaml"
PLANTED: dict[str, tuple[object, tuple[str, str], tuple[str, str], str]] = {
    "felskrivning_i_resultaträkningen": (
        REN, ("      verksamhetens_kostnader: -4689710\n", "      verksamhetens_kostnader: -4689700\n"),
        ("rr.summa", "ekonomi.resultaträkning.2022.verksamhetens_kostnader"),
        "spoils verksamhetens resultat 2022 (stated) and Not 3 (its stated sum); nothing "
        "else explains both",
    ),
    "felskrivning_i_balansräkningen": (
        REN, ("      kortfristiga_skulder: 132581\n", "      kortfristiga_skulder: 132681\n"),
        ("br.summa", "ekonomi.balansräkning.2023.kortfristiga_skulder"),
        "spoils summa eget kapital, avsättningar och skulder 2023, Not 5 Kortfristiga skulder "
        "and the kassaflödesanalys' change of kortfristiga skulder 2023",
    ),
    "felskrivning_där_tecknet_avgör": (
        # Kundfordringar and kortfristiga fordringar stand together in every relation (summa
        # omsättningstillgångar, Not 4 explains both, the cash flow's change of fordringar
        # counts both), so either being 10 kr off explains all three; but kundfordringar
        # would then be -10 kr, which a receivable is not: the finding names the other.
        REN, ("      kortfristiga_fordringar: 338155\n", "      kortfristiga_fordringar: 338165\n"),
        ("br.summa", "ekonomi.balansräkning.2023.kortfristiga_fordringar"),
        "one of two figures that fit would get the sign its kind does not have",
    ),
    "felskrivning_som_två_rader_förklarar_lika_väl": (
        # Kassa och bank and kortfristiga placeringar are both likvida medel: each, 10 kr
        # lower, makes summa omsättningstillgångar and likvida medel vid årets slut agree.
        # One finding says so and names both, at the first.
        REN, ("      kassa_och_bank: 1469789\n", "      kassa_och_bank: 1469799\n"),
        ("br.summa", "ekonomi.balansräkning.2023.kortfristiga_placeringar"),
        "two figures explain the same two failing relations equally",
    ),
    "felskrivning_i_kassaflödesanalysen": (
        REN, ("      förändring_kortfristiga_fordringar: 306668\n",
              "      förändring_kortfristiga_fordringar: 306678\n"),
        ("kf.balansräkning", "ekonomi.kassaflöde.2023.förändring_kortfristiga_fordringar"),
        "spoils the löpande verksamheten 2023 (stated) besides its own agreement with the "
        "balansräkning: reported once, as the latter, at the line",
    ),
    "felskrivning_i_en_not": (
        LJUNGADALEN, ("          summa: {2024: 2630000, 2023: 2555250}\n",
                      "          summa: {2024: 2630100, 2023: 2555250}\n"),
        ("not.summa", "ekonomi.noter.2.rader.0.summa.2024"),
        "the group subtotal Summa direkta kostnader spoils its own sum and the note's "
        "agreement with verksamhetens kostnader (the note has no grand total: the group "
        "subtotals are what it adds up to)",
    ),
}


@pytest.mark.parametrize("case", sorted(PLANTED))
def test_one_planted_typo_is_one_finding_at_its_line(case, tmp_path):
    file, (old, new), (rule, field), _why = PLANTED[case]
    text = file.read_text(encoding="utf-8")  # type: ignore[attr-defined]
    assert text.count(old) == 1
    target = tmp_path / file.name  # type: ignore[attr-defined]
    target.write_text(text.replace(old, new), encoding="utf-8")
    found = records(target)
    assert [(f["regel"], f["fält"]) for f in found] == [(rule, field)]
    # At the line that states the field (the planted line, or where two fit, the first).
    key = field.rsplit(".", 1)[-1] + ":"
    lines = text.replace(old, new).split("\n")
    at = [i + 1 for i, line in enumerate(lines) if key in line]
    assert found[0]["rad"] in at
    if "lika_väl" not in case:
        assert found[0]["rad"] == lines.index(new.rstrip("\n")) + 1
    check_against_expected(case, found)

"""Indicator settings: scales by name, positive and negative steps per scale, group and
question, results as counts, percentages per step or a share, the summary's rounding.

Every expected figure is worked out by hand in the comment beside it.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from pydantic import ValidationError

from reportgen.compute.indikatorer import Gruppresultat, Svarsandelar, compute_indikatorer, svarsandelar
from reportgen.schema.indikatorer import Indikatorer, Skalval, skalval

FREKVENS = ["Aldrig", "Sällan", "Ibland", "Ofta", "För det mesta", "Alltid"]


def question(results: dict, **extra) -> dict:  # type: ignore[no-untyped-def]
    return {"indikator": 1, "text": "Fråga?", "resultat": results, **extra}


def indicators(*groups: dict, **settings) -> Indikatorer:  # type: ignore[no-untyped-def]
    return Indikatorer.model_validate({"grupper": list(groups), **settings})


def group(*questions: dict, **extra) -> dict:  # type: ignore[no-untyped-def]
    return {"rubrik": "Grupp", "respondenter": "styrelse", "frågor": list(questions), **extra}


def computed(*groups: dict, **settings) -> tuple[Gruppresultat, ...]:  # type: ignore[no-untyped-def]
    return compute_indikatorer(indicators(*groups, **settings))


COUNTS = {2023: {"totalt": {"fördelning": [1, 0, 1, 2, 3, 3]}}}  # 10 answers


def share(grupp: Gruppresultat, index: int = 0, year: int = 2023) -> int | None:
    return grupp.frågor[index].utfall[(year, "totalt")].andel


# -- which steps are positive ------------------------------------------------------------------


def test_each_group_counts_its_own_positive_steps():
    # deltagare: the top two (3 + 3 of 10 = 60 %); styrelsen: the top three (2 + 3 + 3 = 80 %)
    deltagare, styrelsen = computed(
        group(question(COUNTS), respondenter="deltagare_pågående"),
        group(question(COUNTS), positiva_svar=[4, 5, 6]))
    assert share(deltagare) == 60 and share(styrelsen) == 80


def test_a_question_overrides_its_groups_positive_steps():
    (grupp,) = computed(group(question(COUNTS), question(COUNTS, positiva_svar=[6]),
                              positiva_svar=[4, 5, 6]))
    assert (share(grupp, 0), share(grupp, 1)) == (80, 30)  # 8 of 10; 3 of 10


def test_steps_by_name_or_number():
    ind = indicators(group(question(COUNTS, positiva_svar=["Helt och hållet", 5])))
    grupp = ind.grupper[0]
    assert skalval(ind, grupp, grupp.frågor[0]).positiva == (5, 6)


def test_a_question_on_another_scale_uses_that_scales_positive_steps():
    # The group counts 4–6 as positive on the standard scale; the frequency question is on
    # another scale, so the group's setting does not apply to it: the scale's own does.
    ind = indicators(
        group(question(COUNTS), question(COUNTS, skala="frekvens"), positiva_svar=[4, 5, 6]),
        skalor={"frekvens": {"steg": FREKVENS, "positiva_svar": ["För det mesta", "Alltid"]}})
    grupp = ind.grupper[0]
    assert skalval(ind, grupp, grupp.frågor[1]) == Skalval(
        "frekvens", tuple(FREKVENS), positiva=(5, 6), negativa=(1, 2, 3))
    assert [share(compute_indikatorer(ind)[0], i) for i in (0, 1)] == [80, 60]


def test_a_group_on_another_scale():
    (grupp,) = computed(
        group(question({2023: {"totalt": {"fördelning": [0, 0, 0, 2, 2, 4]}}}), skala="frekvens"),
        skalor={"frekvens": {"steg": FREKVENS, "positiva_svar": [6]}})
    assert grupp.frågor[0].skala.namn == "frekvens" and share(grupp) == 50  # 4 of 8


def test_negative_steps_default_to_the_lower_half_without_positive_ones():
    ind = indicators(group(question(COUNTS), question(COUNTS, positiva_svar=[3, 4, 5, 6]),
                           question(COUNTS, negativa_svar=[1])))
    grupp = ind.grupper[0]
    picked = [skalval(ind, grupp, f) for f in grupp.frågor]
    assert [(s.negativa, s.neutrala) for s in picked] == [
        ((1, 2, 3), (4,)),  # six steps: 1–3 negative, 4 neither, 5–6 positive
        ((1, 2), ()),  # step 3 is positive, so only 1–2 are negative
        ((1,), (2, 3, 4)),  # stated
    ]


# -- what the results are given as -------------------------------------------------------------


def test_percentages_per_step_give_the_sum_of_the_positive_steps():
    # 22,5 + 30 = 52,5 → 53 (rounded half up, as every share is)
    (grupp,) = computed(group(question(
        {2023: {"totalt": {"fördelning_procent": [5, 10, 12.5, 20, 30, 22.5]}}})))
    u = grupp.frågor[0].utfall[(2023, "totalt")]
    assert u.andel == 53 and u.fördelning is None
    assert u.procent == tuple(Decimal(v) for v in ("5", "10", "12.5", "20", "30", "22.5"))


def test_percentages_are_summed_as_given_not_rescaled():
    # they add up to 99 (rounded); the share is 40 + 30 = 70, not 70 / 99 = 70,7 → 71
    (grupp,) = computed(group(question(
        {2023: {"totalt": {"fördelning_procent": [4, 5, 10, 10, 40, 30]}}})))
    assert share(grupp) == 70


def test_a_stated_share_a_count_and_percentages_side_by_side():
    (grupp,) = computed(group(question({
        2023: {"totalt": {"andel": 64}},
        2022: {"totalt": {"fördelning": [0, 0, 1, 1, 1, 2]}},  # 3 of 5 = 60 %
        2021: {"totalt": {"fördelning_procent": [10, 10, 20, 20, 20, 20]}},  # 40 %
    })))
    f = grupp.frågor[0]
    assert [f.utfall[(y, "totalt")].andel for y in (2023, 2022, 2021)] == [64, 60, 40]
    assert [f.utfall[(y, "totalt")].trend.value for y in (2023, 2022)] == ["↑", "↑"]


def test_only_one_kind_of_result_per_measurement():
    with pytest.raises(ValidationError, match="antingen andel, fördelning eller fördelning_procent"):
        computed(group(question({2023: {"totalt": {"andel": 50,
                                                   "fördelning_procent": [50, 50, 0, 0, 0, 0]}}})))


def test_without_rikssnitt_nothing_is_classified():
    (grupp,) = computed(group(question({2023: {"totalt": {"andel": 80}},
                                        2022: {"totalt": {"andel": 50}}})))
    assert not grupp.har_rikssnitt
    assert all(u.läge is None and u.rikssnitt is None for u in grupp.utfall())
    assert grupp.frågor[0].utfall[(2023, "totalt")].trend_markerad  # +30: still marked


def test_a_question_without_an_indicator_number():
    (grupp,) = computed(group({"text": "Rekommenderar du insatsen?",
                               "resultat": {2023: {"totalt": {"andel": 90}}}}))
    assert grupp.frågor[0].indikator is None and share(grupp) == 90


def test_indicator_numbers_are_not_capped_at_16():
    ind = indicators(group(question({2023: {"totalt": {"andel": 1}}}, indikator=17)),
                     lista=[{"nummer": 17, "text": "En ny indikator."}])
    assert ind.lista[0].nummer == 17


def test_any_number_of_years():
    years = {y: {"totalt": {"andel": 50 + y - 2018}} for y in range(2018, 2025)}
    (grupp,) = computed(group(question(years)))
    assert grupp.år == tuple(range(2024, 2017, -1))
    assert len(grupp.frågor[0].utfall) == 7


# -- the summary ---------------------------------------------------------------------------------


def test_summary_per_indicator_of_the_newest_year():
    (grupp,) = computed(group(
        # indikator 1, two questions: 60 / 10 / 30 and 40 / 20 / 40 (neg / neither / pos)
        question({2023: {"totalt": {"fördelning_procent": [20, 20, 20, 10, 10, 20]}},
                  2022: {"totalt": {"fördelning_procent": [0, 0, 0, 0, 50, 50]}}}),
        question({2023: {"totalt": {"fördelning": [1, 1, 0, 1, 1, 1]}}}),
        # indikator 2: 1 negative (10 %), 2 neither (20 %), 7 positive (70 %) of 10
        question({2023: {"totalt": {"fördelning": [1, 0, 0, 2, 3, 4]}}}, indikator=2),
        # a share alone cannot be split, and a question without indicator is not summed
        question({2023: {"totalt": {"andel": 50}}}, indikator=3),
        {"text": "Utan indikator", "resultat": {2023: {"totalt": {"fördelning": [1] * 6}}}},
    ))
    assert grupp.sammanfattning == (
        Svarsandelar(1, frågor=2, negativt=50, varken=15, positivt=35),  # means of the two
        Svarsandelar(2, frågor=1, negativt=10, varken=20, positivt=70),
    )


@pytest.mark.parametrize(("shares", "expected"), [
    # (positive steps, negative steps, percent per step) → negativt, varken, positivt
    # 37,5 positive → 38; 62,5 negative → 63 would make 101: at most 100 − 38 = 62
    (((5, 6), (1, 2, 3), (25, 25, 12.5, 0, 25, 12.5)), (62, 0, 38)),
    # no neutral step at all: Negativt is the rest (99 % given: 69 positive, 30 negative),
    # Varken stays 0
    (((4, 5, 6), (1, 2, 3), (10, 10, 10, 20, 20, 29)), (31, 0, 69)),
    # neutral steps: Varken takes up the rounding (14,4 + 70,3 → 14 + 70, Varken 16)
    (((5, 6), (1, 2, 3), (4.4, 5, 5, 15.3, 40, 30.3)), (14, 16, 70)),
])
def test_summary_rows_add_up_to_100(shares, expected):
    positive, negative, values = shares
    skala = Skalval("s", tuple("123456"), positive, negative)
    row = svarsandelar(7, [(skala, tuple(Decimal(str(v)) for v in values))])
    assert (row.negativt, row.varken, row.positivt) == expected
    assert row.negativt + row.varken + row.positivt == 100


def test_withheld_results_stay_out_of_the_summary():
    (grupp,) = computed(group(question({2023: {"totalt": {"fördelning": [0, 0, 0, 1, 1, 2]}}})),
                        minsta_antal_svar=5)
    assert grupp.frågor[0].utfall[(2023, "totalt")].undanhållen
    assert grupp.sammanfattning == ()

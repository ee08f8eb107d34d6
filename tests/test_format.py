"""Swedish number and date formatting."""

import datetime as dt

from reportgen import fmt


def test_amounts_use_non_breaking_space_and_minus():
    assert fmt.kronor(4507988) == "4\u00a0507\u00a0988"
    assert fmt.kronor(-4360316) == "-4\u00a0360\u00a0316"
    assert fmt.kronor(0) == "0"


def test_tkr_rounds_half_away_from_zero():
    assert fmt.tkr(159492) == 159
    assert fmt.tkr(-186813) == -187
    assert fmt.tkr(4507500) == 4508
    assert fmt.tkr(-4507500) == -4508
    assert fmt.tkr(499) == 0


def test_percent_and_dates():
    assert fmt.procent(0.93) == "93\u00a0%"
    assert fmt.procent(0.935) == "94\u00a0%"
    assert fmt.räkenskapsår(2023) == "1 januari – 31 december 2023"
    assert fmt.datum(dt.date(2024, 3, 14)) == "2024-03-14"

"""Swedish number and date formatting."""

import datetime as dt

from reportgen import fmt


def test_amounts_use_non_breaking_space_and_minus():
    assert fmt.kronor(4507988) == "4\u00a0507\u00a0988"
    # The real minus sign (U+2212), not a hyphen-minus.
    assert fmt.kronor(-4360316) == "\u22124\u00a0360\u00a0316"
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


def test_percentages_and_measured_values_round_half_up():
    from decimal import Decimal

    # 12.5 % is printed as 13 %, and a share's whole percent (the cost split's footing)
    # is the one printed; round() would round half to even (12).
    assert fmt.procent(Decimal("0.125")) == "13\u00a0%"
    assert fmt.procentenheter(Decimal("0.125")) == 13
    assert fmt.procentenheter(Decimal("0.135")) == 14
    assert fmt.avrunda(Decimal("12.5")) == 13
    # Measured values: at most two decimals, half up (Babel alone gives 65,12).
    assert fmt.tal(Decimal("65.125"), "%") == "65,13\u00a0%"
    assert fmt.tal(Decimal("65.5"), "%") == "65,5\u00a0%"
    assert fmt.tal(Decimal("70"), "%") == "70\u00a0%"
    assert fmt.tal(Decimal("1234.5"), "personer") == "1\u00a0234,5 personer"


def test_a_value_that_rounds_to_zero_has_no_minus_sign():
    from decimal import Decimal

    assert fmt.procent(Decimal("-0.004")) == "0\u00a0%"
    assert fmt.procent(Decimal("-0.0004"), 1) == "0,0\u00a0%"
    assert fmt.procenttal(-0.2) == "0\u00a0%"
    assert fmt.tal(Decimal("-0.001"), "%") == "0\u00a0%"
    assert fmt.tal(Decimal("-0.004"), "personer") == "0 personer"
    assert fmt.avrunda(Decimal("-0.4")) == 0 and str(fmt.avrunda(Decimal("-0.4"))) == "0"
    # a value that does not round to zero keeps its sign
    assert fmt.procent(Decimal("-0.005")) == "\u22121\u00a0%"
    assert fmt.tal(Decimal("-0.005"), "") == "\u22120,01"


def test_a_value_without_unit_has_no_trailing_space():
    from decimal import Decimal

    assert fmt.tal(Decimal("12"), "") == "12"
    assert fmt.tal(Decimal("4.5"), "") == "4,5"


def test_a_change_is_signed_and_zero_is_plus_minus_zero():
    assert [fmt.förändring(v) for v in (5, -3, 0, -1200)] == [
        "+5", "\u22123", "\u00b10", "\u22121\u00a0200"]


def test_check_messages_write_a_hyphen_minus_that_the_yaml_reads_back():
    from reportgen.checks.meddelanden import kr, riktning

    assert kr(-4360316) == "-4\u00a0360\u00a0316 kr"
    assert riktning(-9) == "9 kr lägre" and riktning(2, "tkr") == "2 tkr högre"

"""Swedish number and date formatting (Babel, sv_SE), and explicit tkr rounding."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

# Babel is imported where it is used: `reportgen check` formats numbers only when it
# has something to report, and importing Babel costs more than the whole check.

LOCALE = "sv_SE"
NBSP = "\u00a0"
# The minus sign of every printed negative figure (U+2212, as Swedish typesetting and
# CLDR's sv locale have it); Babel's patterns give a hyphen-minus, which `_tecken` replaces.
# Check messages print ASCII instead (`meddelandetal`): they are read in a terminal and
# their figures copied back into the YAML, where "−1 200" would not be a number.
MINUS = "\u2212"


def _tecken(text: str) -> str:
    """A formatted number with the real minus sign."""
    return MINUS + text[1:] if text.startswith("-") else text


def meddelandetal(text: str) -> str:
    """A printed figure as a check message writes it: with a hyphen-minus."""
    return text.replace(MINUS, "-")


def kronor(amount: int) -> str:
    """4507988 → '4 507 988' (non-breaking spaces), -4360316 → '−4 360 316' (U+2212)."""
    from babel.numbers import format_decimal

    return _tecken(format_decimal(amount, format="#,##0", locale=LOCALE))


def förändring(value: int) -> str:
    """A signed change or difference: +5, −3 (U+2212), ±0."""
    if value == 0:
        return "±0"
    return f"+{kronor(value)}" if value > 0 else kronor(value)


def kronor_och_ören(amount: Decimal) -> str:
    """Bookkeeping's amounts: Decimal('-1243.5') → '-1 243,50', Decimal('200.00') → '200'."""
    from babel.numbers import format_decimal

    whole = amount == amount.to_integral_value()
    return format_decimal(amount, format="#,##0" if whole else "#,##0.00", locale=LOCALE)


def tkr(amount_kr: int) -> int:
    """Round whole kronor to thousands, half away from zero: 159 492 → 159, -186 813 → -187."""
    return int((Decimal(amount_kr) / 1000).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def avrunda(value: Decimal, decimals: int = 0) -> Decimal:
    """Round half away from zero, as everything printed is: 12.5 → 13, 65.125 → 65.13 (2).

    A value that rounds to zero is zero without a sign (-0.4 → 0), so nothing prints "-0".
    """
    rounded = value.quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)
    return rounded.copy_abs() if rounded.is_zero() else rounded


def visad_procent(share: Decimal | float, decimals: int = 0) -> Decimal:
    """A ratio as the percent `procent` prints: 0.69996 → 70, 0.125 → 13.

    Whatever is judged against a printed target compares this, not the exact ratio (a mått's
    computed figure, eget kapital against its ceiling), so that a reader who sees "70 %"
    against "minst 70 %" reads the same verdict as the report gives.
    """
    return avrunda(Decimal(str(share)) * 100, decimals)


def procentenheter(share: Decimal) -> int:
    """A ratio as whole percent, rounded as `procent` prints it: 0.125 → 13."""
    return int(visad_procent(share))


def procent(share: Decimal | float, decimals: int = 0) -> str:
    """0.935 → '94 %' (ratio in, rounded half up, non-breaking space before %)."""
    from babel.numbers import format_decimal

    value = visad_procent(share, decimals)
    text = format_decimal(value, format="0" if decimals == 0 else "0." + "0" * decimals,
                          locale=LOCALE)
    return f"{_tecken(text)}{NBSP}%"


def _skrivna_decimaler(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def visat_tal(value: Decimal) -> Decimal:
    """A measured value as `tal` prints it: with the decimals it is written with, at most
    two, rounded half up (3.0 → 3.0, 65.125 → 65.13). What a mått compares."""
    return avrunda(value, min(2, _skrivna_decimaler(value)))


def tal(value: Decimal, enhet: str) -> str:
    """A measured value with its unit, its decimals as written (at most two, rounded half
    up): 70 → '70 %', 3.0 → '3,0', 65.5 → '65,5 %', 65.125 → '65,13 %', 12 personer;
    without a unit ('') the number alone."""
    from babel.numbers import format_decimal

    written = _skrivna_decimaler(value)
    # Written with more decimals than are shown: no trailing zeros from the rounding.
    pattern = "#,##0" + ("." + "0" * written if 0 < written <= 2 else ".##" if written else "")
    # Rounded here: Babel would round half to even (65.125 → 65,12).
    number = _tecken(format_decimal(visat_tal(value), format=pattern, locale=LOCALE))
    if not enhet:
        return number
    return f"{number}{NBSP}%" if enhet == "%" else f"{number} {enhet}"


def procenttal(percent: int | float) -> str:
    """An already-computed percentage: 93 → '93 %'."""
    return procent(Decimal(str(percent)) / 100)


def datum(day: dt.date) -> str:
    """2024-03-14 (ISO, as in running text and signatures)."""
    return day.isoformat()


def dag_och_månad(day: dt.date) -> str:
    from babel.dates import format_date

    return format_date(day, "d MMMM", locale=LOCALE)


def period(start: dt.date, end: dt.date) -> str:
    """'1 januari – 31 december 2023'."""
    if start.year == end.year:
        return f"{dag_och_månad(start)} – {dag_och_månad(end)} {end.year}"
    return f"{dag_och_månad(start)} {start.year} – {dag_och_månad(end)} {end.year}"


def månader(start: dt.date, end: dt.date) -> str:
    """'januari–augusti' (the months a delårsrapport covers; one month alone: 'juni')."""
    from babel.dates import format_date

    first, last = (format_date(d, "MMMM", locale=LOCALE) for d in (start, end))
    return first if (start.year, start.month) == (end.year, end.month) else f"{first}–{last}"


def räkenskapsår(year: int) -> str:
    return period(dt.date(year, 1, 1), dt.date(year, 12, 31))


def uppräkning(items: Sequence[str]) -> str:
    """['a', 'b', 'c'] → 'a, b och c'."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} och {items[-1]}"

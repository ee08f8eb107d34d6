"""Every limit reportgen puts on its input, in one place (documented in the README).

Each is far above what a samordningsförbund's report needs, and low enough that a
mistaken or hostile file is refused with a message instead of exhausting memory, time
or the recursion limit.
"""

from __future__ import annotations

# Bytes read from one file: the report's YAML, a Markdown file it names, a picture.
YAML_BYTES = 2 * 1024 * 1024
TEXT_BYTES = 1024 * 1024
PICTURE_BYTES = 10 * 1024 * 1024
# The bookkeeping's export (`reportgen importera`): an SIE file with a year's vouchers, a
# trial balance as CSV or XLSX; and what an XLSX file may unpack to, and its rows.
BOOKKEEPING_BYTES = 50 * 1024 * 1024
XLSX_UNPACKED_BYTES = 200 * 1024 * 1024
TRIAL_BALANCE_ROWS = 100_000

# The YAML's structure: mappings and lists inside each other, and the values there are
# once every alias (*namn) is replaced by what its anchor (&namn) holds.
YAML_DEPTH = 40
YAML_VALUES = 200_000
YAML_ALIASES = 1_000

# A number in the YAML: its digits, and its size.
NUMBER_DIGITS = 20
NUMBER_MAGNITUDE = 10**15
# An amount in kronor (schema Belopp; Tkr a thousandth of it): ten billion kronor, over
# a hundred times the largest förbund's yearly budget.
BELOPP_MAX = 10**10

# A raster picture's pixels (width × height), e.g. 5 000 × 5 000.
PICTURE_PIXELS = 25_000_000


def tal(number: int) -> str:
    """10000000000 → '10 000 000 000' (non-breaking spaces, as fmt.kronor), without Babel:
    the limits are said by `reportgen check`, which does not import it."""
    sign = "-" if number < 0 else ""
    digits = str(abs(number))
    groups = [digits[max(i - 3, 0) : i] for i in range(len(digits), 0, -3)]
    return sign + "\u00a0".join(reversed(groups))


def megabyte(size: int) -> str:
    """5452595 → '5,2 MB'; whole numbers without decimals ('2 MB')."""
    value = size / (1024 * 1024)
    text = f"{value:.0f}" if value == int(value) else f"{value:.1f}".replace(".", ",")
    return f"{text} MB"

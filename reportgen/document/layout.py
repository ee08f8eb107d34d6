"""Layout policy that every renderer follows, decided once.

When a table is kept whole on one page, how deep the table of contents goes, and how the
fixed texts around the report's content are put together: the draft marking, the page
numbers. The texts themselves are fixed sentences with keys (reportgen/wording.py), which
the YAML may replace; the report model (model.py) offers them as properties of its Cover
and Document, and the HTML template and the DOCX writer only translate what the model says.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportgen.wording import Texter

# A table of at most this many rows (header rows included) is kept on one page with its
# caption. A longer one may break between rows (its header rows repeat): moving a note of
# seven or nine rows whole with its heading leaves more than a quarter of a page empty,
# which tests/test_design.py's page fill (three quarters) does not allow. It never leaves
# fewer than ROWS_AT_A_BREAK rows before or after a break, keeps a subheading with the rows
# under it and a sum with the row above it, and keeps a group of at most GROUP_WHOLE_ROWS
# rows (a subheading and what stands under it until the next) on one page: it breaks
# between groups, and inside a longer group only with ROWS_AT_A_BREAK rows on each side.
KEEP_WHOLE_ROWS = 6
ROWS_AT_A_BREAK = 3
GROUP_WHOLE_ROWS = 8

# A sub-line of a statement (or a row in a note's group within a group) is indented this
# far per level, below the line it belongs to.
ROW_INDENT_MM = 4.0

# Key figures (Året i siffror) stand this many to a row: the PDF's tiles, at least 46 mm
# wide, fit three in the text width, and the DOCX sets them as a table of as many columns.
KEY_FIGURES_PER_ROW = 3

# Signatures stand this many to a line: the PDF sets each 46 % of the text width with 4 %
# beside it (report.css .signature), the DOCX a borderless table of as many columns.
SIGNATURE_COLUMNS = 2

# The cover (a page of its own, without header and footer): the logo at the top, this wide
# and at most this tall; the title block from COVER_TITLE_TOP_MM below the top of the page,
# under a rule in the accent colour; across the foot of the page a band in the theme's
# cover_band colour names the förbund and its organisationsnummer. Every format sets these
# (report.html.j2 writes them as CSS variables; the DOCX puts the band in the cover's own
# footer, so that it stands at the foot of the page however the cover is edited).
COVER_LOGO_WIDTH_MM = 32.0
COVER_LOGO_MAX_HEIGHT_MM = 35.0
COVER_TOP_MM = 28.0  # the cover's margin above the logo
COVER_SIDE_MM = 24.0  # its margins left and right: the logo, the title and the band's text
COVER_TITLE_TOP_MM = 120.0
COVER_BAND_PADDING_MM = (12.0, 16.0)  # above and below the band's text

# The table of contents lists the chapters and their numbered subsections.
TOC_DEPTH = 2


def row_keeps_with_next(kinds: tuple[str, ...], index: int) -> bool:
    """Does body row *index* of a table that may break stay on the page of the row after it?
    *kinds*: each body row's kind ("normal", "sum", "subheading")."""
    count = len(kinds)
    if index + 1 >= count:
        return False
    if index < ROWS_AT_A_BREAK - 1 or index >= count - ROWS_AT_A_BREAK:
        return True  # the first rows stay with the header and caption, the last together
    if kinds[index] == "subheading" or kinds[index + 1] == "sum":
        return True
    if "subheading" not in kinds:
        return False  # no groups: a break anywhere between the first and the last rows
    if kinds[index + 1] == "subheading":
        return False  # between groups
    start = max((i for i in range(index + 1) if kinds[i] == "subheading"), default=0)
    end = next((i for i in range(index + 1, count) if kinds[i] == "subheading"), count)
    if end - start <= GROUP_WHOLE_ROWS:
        return True
    return index - start < ROWS_AT_A_BREAK - 1 or index >= end - ROWS_AT_A_BREAK


@dataclass(frozen=True)
class DraftMarking:
    """How a draft is marked: on every page, above the cover, after the cover's title and
    in the file's properties."""

    page_mark: str
    banner: str
    title_suffix: str  # with the space that separates it from the title
    status: str


def draft_marking(texts: Texter) -> DraftMarking:
    suffix = texts("utkast_titeltillägg").strip()
    return DraftMarking(texts("utkast_sidmärkning"), texts("utkast_banderoll"),
                        f" {suffix}" if suffix else "", texts("utkast_status"))


@dataclass(frozen=True)
class PageNumbers:
    """The footer of every page but the cover, "Sida 3 av 12": the text before the page
    number, between it and the number of pages, and after that."""

    before: str
    between: str
    after: str = ""


def page_numbers(texts: Texter) -> PageNumbers:
    return PageNumbers(*texts.split("sidnummer", "sida", "sidor"))

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

# A table of at most this many rows (header rows included) fits on a page: it is kept on
# one page with its caption. A longer one may break between rows; its header rows repeat.
KEEP_WHOLE_ROWS = 32

# The table of contents lists the chapters and their numbered subsections.
TOC_DEPTH = 2


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

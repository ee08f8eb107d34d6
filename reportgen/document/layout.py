"""Layout policy that every renderer follows, decided once.

When a table is kept whole on one page, how deep the table of contents goes, and the fixed
texts around the report's content: the draft marking, the cover's and the table of
contents' texts, the page numbers, the keywords. The report model (model.py) offers them
as properties of its Table, Image, Cover, SignatureBlock and Document; the HTML template
and the DOCX writer only translate what the model says.
"""

from __future__ import annotations

from dataclasses import dataclass

# A table of at most this many rows (header rows included) fits on a page: it is kept on
# one page with its caption. A longer one may break between rows; its header rows repeat.
KEEP_WHOLE_ROWS = 32

# The table of contents lists the chapters and their numbered subsections.
TOC_DEPTH = 2
TOC_TITLE = "Innehållsförteckning"

COVER_LABEL = "Försättsblad"  # what a screen reader calls the cover
KEYWORDS = "årsredovisning, samordningsförbund, finsam"  # in the files' metadata


@dataclass(frozen=True)
class DraftMarking:
    """How a draft is marked: on every page, above the cover, after the cover's title and
    in the file's properties."""

    page_mark: str = "UTKAST"
    banner: str = "UTKAST – inte fastställd, innehåller fel som ska rättas"
    title_suffix: str = " (utkast)"
    status: str = "Utkast"


DRAFT = DraftMarking()


@dataclass(frozen=True)
class PageNumbers:
    """The footer of every page but the cover, "Sida 3 av 12": the text before the page
    number, and between it and the number of pages."""

    before: str = "Sida "
    between: str = " av "


PAGE_NUMBERS = PageNumbers()


def organisation_number_text(number: str) -> str:
    return f"Organisationsnummer {number}"


def image_placeholder(alt: str) -> str:
    """What stands in for a picture a format cannot embed (an SVG in Word)."""
    return f"[Bild: {alt}]"

"""How full each page of a PDF is, measured from the PDF itself: each page is rasterised
(Poppler's pdftoppm, greyscale, low resolution) and the lowest row of ink inside the text
area (between the page's top and bottom margins, so not the running header or the footer)
says how far down the page the content reaches.

Which pages may be short: the cover, the table of contents, and the last page of a chapter
(the page before a chapter starts, by the PDF's level-1 bookmarks, and the last page).
"""

from __future__ import annotations

import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PIL import Image
from pypdf import PdfReader

MM_PER_INCH = 25.4
PAGE_HEIGHT_MM = 297.0
# The text area of templates/report.css: @page margin 24 mm top, 22 mm bottom.
TOP_MM, BOTTOM_MM = 24.0, 22.0
DPI = 40
INK = 200  # a pixel darker than this (of 255) is ink


@dataclass(frozen=True)
class Page:
    number: int  # 1-based
    filled: float  # how far down the text area the content reaches, 0–1
    may_be_short: bool
    why: str


def ink_depths(pdf: Path) -> list[float]:
    """Per page, how far down its text area the lowest ink is (0 empty, 1 full)."""
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(["pdftoppm", "-gray", "-r", str(DPI), str(pdf), f"{folder}/p"],
                       check=True, capture_output=True)
        depths = []
        for image_path in sorted(Path(folder).glob("p-*.pgm"), key=lambda p: int(p.stem[2:])):
            image = Image.open(image_path)
            width, height = image.size
            px_per_mm = height / PAGE_HEIGHT_MM
            top, bottom = round(TOP_MM * px_per_mm), round((PAGE_HEIGHT_MM - BOTTOM_MM) * px_per_mm)
            pixels = image.load()
            lowest = top
            for y in range(bottom - 1, top - 1, -1):
                if any(pixels[x, y] < INK for x in range(width)):
                    lowest = y + 1
                    break
            depths.append((lowest - top) / (bottom - top))
        return depths


def chapter_starts(pdf: Path) -> set[int]:
    """The 1-based pages on which a level-1 bookmark (a chapter) starts."""
    reader = PdfReader(str(pdf))
    return {reader.get_destination_page_number(item) + 1 for item in reader.outline
            if not isinstance(item, list)}


def pages(pdf: Path, toc_pages: int = 1) -> list[Page]:
    depths = ink_depths(pdf)
    starts = chapter_starts(pdf)
    out = []
    for number, filled in enumerate(depths, start=1):
        if number == 1:
            why = "försättsblad"
        elif number <= 1 + toc_pages:
            why = "innehållsförteckning"
        elif number == len(depths) or number + 1 in starts:
            why = "kapitlets sista sida"
        else:
            why = ""
        out.append(Page(number, filled, bool(why), why))
    return out

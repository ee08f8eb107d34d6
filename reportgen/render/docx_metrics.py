"""How wide text is in the DOCX's typeface, and where its lines break.

The advance widths come from the faces the DOCX embeds (templates/fonts: Inter, or the
theme's typeface, docx_fonts.py). Table columns use them to be at least as wide as their longest word
(docx_blocks.column_widths), and the page estimate to break lines as a word processor does
(docx_pages.py): greedily, at spaces and after hyphens and dashes, a word wider than the
line broken where it must.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache

from reportgen.render import docx_fonts

# After these a line may break (UAX #14 classes BA and HY, as LibreOffice and Word do).
BREAK_AFTER = frozenset("-–—/\u00ad\u200b")
SPACES = frozenset(" \u2002\u2003\u2009")  # breakable spaces; U+00A0 and U+202F do not break


@dataclass(frozen=True)
class FaceMetrics:
    units_per_em: int
    advances: dict[int, int]  # code point → advance width in font units
    fallback: int  # the advance of a character the face lacks ("0")
    line_height: float  # ascent + descent + line gap, in em (a single line's height)

    def width(self, text: str, size_pt: float) -> float:
        get = self.advances.get
        units = sum(get(ord(ch), self.fallback) for ch in text)
        return units * size_pt / self.units_per_em


# The family the DOCX being rendered is set in (the theme's; render_docx sets it).
FAMILY: ContextVar[str] = ContextVar("docx_family", default=docx_fonts.FAMILY)


def face_metrics(bold: bool = False, italic: bool = False) -> FaceMetrics:
    return _face_metrics(bold, italic, FAMILY.get())


@cache
def _face_metrics(bold: bool, italic: bool, family: str) -> FaceMetrics:
    from fontTools.ttLib import TTFont

    font = TTFont(str(docx_fonts.face(bold, italic, family).path), lazy=True)
    cmap = font.getBestCmap()
    hmtx = font["hmtx"].metrics
    advances = {code: hmtx[name][0] for code, name in cmap.items()}
    for invisible in (0x00AD, 0x200B):  # a soft hyphen or zero-width space takes no room
        advances[invisible] = 0
    hhea = font["hhea"]
    upm = font["head"].unitsPerEm
    return FaceMetrics(upm, advances, advances.get(ord("0"), upm // 2),
                       (hhea.ascent - hhea.descent + hhea.lineGap) / upm)


def text_width(text: str, size_pt: float, bold: bool = False, italic: bool = False) -> float:
    """The width of *text* on one line, in points."""
    return face_metrics(bold, italic).width(text, size_pt)


@dataclass(frozen=True)
class Piece:
    """Text in one face: a run, or part of one."""

    text: str
    bold: bool = False
    italic: bool = False


def _between_digits(text: str, i: int) -> bool:
    """A hyphen between digits (2023-08-31): the DOCX writes it as a non-breaking hyphen
    (docx_ooxml.fill_run), so it is no break opportunity."""
    return (text[i] == "-" and 0 < i < len(text) - 1 and text[i - 1].isdigit()
            and text[i + 1].isdigit())


def words(text: str) -> list[str]:
    """The pieces of *text* between break opportunities (each keeps its breaking character)."""
    out: list[str] = []
    current = ""
    for i, ch in enumerate(text):
        if ch in SPACES:
            out.append(current + ch)
            current = ""
        elif ch in BREAK_AFTER and not _between_digits(text, i):
            current += ch
            out.append(current)
            current = ""
        else:
            current += ch
    if current:
        out.append(current)
    return out


def longest_word(text: str, size_pt: float, bold: bool = False) -> float:
    """The widest unbreakable stretch of *text*, in points: how narrow its column may be."""
    faces = face_metrics(bold)
    return max((faces.width(w.rstrip("".join(SPACES)), size_pt) for line in text.split("\n")
                for w in words(line)), default=0.0)


def line_count(pieces: Sequence[Piece], widths: Iterable[float], size_pt: float) -> int:
    """Lines the *pieces* take (a "\\n" in one is a line break) when line *n* is *widths[n]*
    points wide (the last width repeats): filled greedily, trailing spaces hanging."""
    width_iter = iter(widths)
    current_width = next(width_iter, 0.0)

    def next_width() -> float:
        nonlocal current_width
        current_width = next(width_iter, current_width)
        return current_width

    lines = 1
    x = 0.0
    for piece in pieces:
        faces = face_metrics(piece.bold, piece.italic)
        for k, segment in enumerate(piece.text.split("\n")):
            if k:
                lines += 1
                x = 0.0
                next_width()
            for word in words(segment):
                body = word.rstrip("".join(SPACES))
                w_body = faces.width(body, size_pt)
                w_all = w_body + faces.width(word[len(body):], size_pt)
                if x + w_body <= current_width + 0.01:
                    x += w_all
                    continue
                if x > 0:
                    lines += 1
                    next_width()
                    x = 0.0
                while w_body > current_width + 0.01 and body:
                    # Wider than the line: broken where it must (as a word processor does).
                    fit = _fitting(body, faces, size_pt, current_width)
                    body = body[fit:]
                    lines += 1
                    next_width()
                    w_body = faces.width(body, size_pt)
                    w_all = w_body + faces.width(word[len(word.rstrip("".join(SPACES))):],
                                                 size_pt)
                x = w_all
    return lines


def _fitting(text: str, faces: FaceMetrics, size_pt: float, width: float) -> int:
    total = 0.0
    for index, ch in enumerate(text):
        total += faces.width(ch, size_pt)
        if total > width:
            return max(index, 1)
    return len(text)

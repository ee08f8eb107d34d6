"""Paragraphs read from a DOCX, written as Markdown: what `reportgen återför` puts in place
of a block the kansli changed.

Text is escaped where Markdown would read it as syntax; bold, italic and links become
`**…**`, `*…*` and `[…](…)`; a line break inside a paragraph is a backslash at the line's
end; a filled-in figure is written back as its expression (`{{ eget_kapital_tkr }}`);
list paragraphs become a list (bullets with the marker the block was written with,
numbers counted from its start), nested by their list level; headings keep the number of
`#` they were written with.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

from reportgen.document.origin import FigureRef
from reportgen.docx_read.body import Piece, ReadParagraph

_ESCAPE = re.compile(r"([\\`*_\[\]<])")
_LINE_START = re.compile(r"^(\s*)([#>]|[-+*](?=\s|$)|\d+(?=[.)](\s|$)))")


def escape(text: str) -> str:
    return _ESCAPE.sub(r"\\\1", text)


def _escape_line_start(line: str) -> str:
    """A line that would start a heading, quote or list item is escaped at its start."""
    found = _LINE_START.match(line)
    if not found:
        return line
    lead, token = found.group(1), found.group(2)
    if token.isdigit():  # "2023. Året …": escape the dot after the number
        rest = line[len(lead) + len(token):]
        return lead + token + "\\" + rest
    return lead + "\\" + line[len(lead):]


@dataclass(frozen=True)
class _Group:
    text: str
    bold: bool
    italic: bool
    href: str | None
    figure: int | None


def merged(pieces: Sequence[Piece]) -> list[_Group]:
    """Pieces of one formatting joined (Word splits runs anywhere); a figure is one group."""
    out: list[_Group] = []
    for piece in pieces:
        figure = piece.figure.index if piece.figure is not None else None
        key = (piece.bold, piece.italic, piece.href, figure)
        if out and (out[-1].bold, out[-1].italic, out[-1].href, out[-1].figure) == key:
            last = out.pop()
            out.append(_Group(last.text + piece.text, *key))
        else:
            out.append(_Group(piece.text, *key))
    return out


def _emphasis(text: str, bold: bool, italic: bool) -> str:
    if not (bold or italic) or not text.strip():
        return text
    core = text.strip()
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()):]
    marker = "***" if bold and italic else "**" if bold else "*"
    return f"{lead}{marker}{core}{marker}{trail}"


def inline(pieces: Sequence[Piece], figures: dict[int, FigureRef]) -> str:
    """The Markdown of one paragraph's text."""
    out = []
    for group in merged(pieces):
        if group.figure is not None and group.figure in figures:
            text = figures[group.figure].written
        else:
            text = escape(group.text.replace("\t", " "))
        text = _emphasis(text, group.bold, group.italic)
        if group.href:
            target = group.href.replace(" ", "%20").replace("(", "%28").replace(")", "%29")
            text = f"[{text}]({target})"
        out.append(text)
    markdown = "".join(out)
    lines = [_escape_line_start(line.strip()) for line in markdown.split("\n")]
    return "\\\n".join(lines).strip()


def kind(paragraph: ReadParagraph) -> str:
    """heading | list | continuation | quote | paragraph: what a paragraph is in Markdown."""
    style = paragraph.style
    if style.startswith(("heading", "mellanrubrik")):
        return "heading"
    if style.startswith("list continue"):
        return "continuation"
    if style.startswith(("list bullet", "list number", "list paragraph")) \
            or paragraph.numbering is not None:
        return "list"
    if style in {"quote", "citat"}:
        return "quote"
    return "paragraph"


@dataclass(frozen=True)
class Written:
    """How the original block was written: its list marker, its number of #."""

    bullet: str = "-"
    delimiter: str = "."
    start: int = 1
    hashes: int = 3
    width: int | None = None  # the lines were wrapped at this width (None: one line each)

    @classmethod
    def of(cls, lines: Sequence[str], start: int = 1) -> Written:
        bullet, delimiter, hashes = "-", ".", 3
        texts = [line for line in lines if line.strip()]
        width = max((len(line) for line in texts), default=0) if len(texts) > 1 else None
        for line in lines:
            text = line.lstrip()
            if text[:1] in "-*+" and text[1:2] in (" ", ""):
                bullet = text[0]
                break
            found = re.match(r"\d+([.)])\s", text)
            if found:
                delimiter = found.group(1)
                break
            found = re.match(r"(#{1,6})\s", text)
            if found:
                hashes = len(found.group(1))
                break
        return cls(bullet, delimiter, start, hashes, width)


_EXPRESSION = re.compile(r"\{\{[^{}]*\}\}")


def wrap(text: str, width: int | None, indent: int = 0) -> str:
    """*text* (one paragraph's Markdown) broken into lines of at most *width* characters as
    the block was written, every line after the first indented by *indent* (a list item's
    text). Never inside a figure expression; not at all when a line would then start like a
    list item, quote or heading."""
    pad = " " * indent
    segments = text.split("\\\n")  # the hard line breaks
    lines_of = [[segment] for segment in segments]
    if width and width - indent >= 20:
        keep = "\ue000"  # holds a figure expression's spaces while wrapping
        wrapped = []
        for segment in segments:
            protected = _EXPRESSION.sub(lambda m: m.group().replace(" ", keep), segment)
            lines = [line.replace(keep, " ") for line in textwrap.wrap(
                protected, width - indent, break_long_words=False, break_on_hyphens=False)]
            wrapped.append(lines or [""])
        if not any(_LINE_START.match(line) for lines in wrapped for line in lines[1:]):
            lines_of = wrapped
    return ("\\\n" + pad).join(("\n" + pad).join(lines) for lines in lines_of)


def _depth(paragraph: ReadParagraph) -> int:
    if paragraph.numbering is not None:
        return paragraph.numbering[1]
    found = re.search(r"(\d)$", paragraph.style)
    return int(found.group(1)) - 1 if found else 0


def blocks_markdown(paragraphs: Sequence[ReadParagraph], figures: dict[int, FigureRef],
                    written: Written) -> str:
    """The Markdown of *paragraphs*: blocks separated by blank lines, list items by newlines."""
    chunks: list[list[str]] = []
    in_list = False
    counters: dict[int, int] = {}
    indents: dict[int, int] = {}  # list depth → columns its items' text starts at
    for paragraph in paragraphs:
        what = kind(paragraph)
        text = inline(paragraph.pieces, figures)
        if what == "list":
            depth = _depth(paragraph)
            if not in_list:
                chunks.append([])
                counters, indents = {}, {}
                in_list = True
            for deeper in [d for d in counters if d > depth]:
                del counters[deeper]
            if paragraph.ordered:
                number = counters.get(depth, (written.start if depth == 0 else 1) - 1) + 1
                counters[depth] = number
                marker = f"{number}{written.delimiter} "
            else:
                marker = f"{written.bullet} "
            indent = indents.get(depth - 1, 0) if depth else 0
            indents[depth] = indent + len(marker)
            chunks[-1].append(" " * indent + marker + wrap(text, written.width, indents[depth]))
            continue
        if what == "continuation" and in_list:
            indent = max(indents.values(), default=2)
            chunks[-1] += ["", " " * indent + wrap(text, written.width, indent)]
            continue
        in_list = False
        if what == "heading":
            chunks.append(["#" * written.hashes + " " + text.replace("\\\n", " ")])
        elif what == "quote":
            chunks.append(["> " + line for line in text.split("\n")])
        elif text:
            chunks.append([wrap(text, written.width)])
    return "\n\n".join("\n".join(chunk) for chunk in chunks if chunk)

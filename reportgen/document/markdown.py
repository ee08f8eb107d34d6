"""Markdown narrative → report-model blocks (markdown-it-py; raw HTML is never passed on).

Markdown is taken as written: an ordered list keeps its start number, a block quote is a
`Quote`. Figures (`{{ name }}`, reportgen/figures.py) are filled in after parsing: the
text is parsed with one placeholder character per figure, and the figures' texts replace
the placeholders in the parsed text, so a figure never becomes Markdown syntax
(`{{ år }}. Året …` at a line start is not a list numbered 2023). A figure becomes a run
of its own that knows which figure it is (`Run.figure`), and each top-level block knows
where in its text it stands (`origin`, reportgen/document/origin.py): what
`reportgen återför` needs to bring edits made in Word back.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token

from reportgen.document.model import (
    Block,
    Cell,
    CellKind,
    Heading,
    ListBlock,
    Paragraph,
    Quote,
    Row,
    RowKind,
    Run,
    Table,
)
from reportgen.document.origin import FigureRef, Origin, TextSource
from reportgen.figures import Figur

# Raw HTML is disabled: "<script>" or "<img src=…>" in a Markdown field stays literal text.
_MD = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable(
    "table"
)

_SAFE_SCHEMES = ("http://", "https://", "mailto:", "#")


# One character of Unicode's supplementary private use plane per figure: a letter as far as
# Markdown is concerned, so it can neither start nor end any syntax.
_PLACEHOLDER = 0xF0000
_PLACEHOLDERS = re.compile("([\U000F0000-\U000FFFFD])")


def _text_runs(content: str, bold: bool, italic: bool, href: str | None,
               figures: Sequence[tuple[str, FigureRef | None]]) -> list[Run]:
    """Runs of *content*: its text, and a run of its own for each figure placeholder."""
    if not figures or not _PLACEHOLDERS.search(content):
        return [Run(content, bold, italic, href)]
    runs = []
    for piece in _PLACEHOLDERS.split(content):
        if len(piece) == 1 and ord(piece) - _PLACEHOLDER in range(len(figures)):
            text, ref = figures[ord(piece) - _PLACEHOLDER]
            runs.append(Run(text, bold, italic, href, figure=ref))
        elif piece:
            runs.append(Run(piece, bold, italic, href))
    return runs


def _inline_runs(token: Token,
                 figures: Sequence[tuple[str, FigureRef | None]] = ()) -> tuple[Run, ...]:
    runs: list[Run] = []
    bold = italic = 0
    href: str | None = None
    for child in token.children or []:
        t = child.type
        if t == "strong_open":
            bold += 1
        elif t == "strong_close":
            bold -= 1
        elif t == "em_open":
            italic += 1
        elif t == "em_close":
            italic -= 1
        elif t == "link_open":
            target = str(child.attrs.get("href", ""))
            href = target if target.startswith(_SAFE_SCHEMES) else None
        elif t == "link_close":
            href = None
        elif t in {"text", "code_inline"}:
            runs.extend(_text_runs(child.content, bold > 0, italic > 0, href, figures))
        elif t == "softbreak":
            runs.append(Run(" ", bold > 0, italic > 0, href))
        elif t == "hardbreak":
            runs.append(Run("", line_break=True))
        elif t == "image":
            # Images inside prose are shown as their alt text; pictures belong in the YAML.
            runs.append(Run(child.content or "", bold > 0, italic > 0))
    return tuple(_merge(runs))


def _merge(runs: list[Run]) -> list[Run]:
    merged: list[Run] = []
    for run in runs:
        if (
            merged
            and not merged[-1].line_break
            and merged[-1].figure is None and run.figure is None
            and (merged[-1].bold, merged[-1].italic, merged[-1].href)
            == (run.bold, run.italic, run.href)
        ):
            prev = merged.pop()
            run = Run(prev.text + run.text, run.bold, run.italic, run.href, run.line_break)
        merged.append(run)
    return merged


class _Parser:
    def __init__(self, tokens: Sequence[Token], heading_level: int, table_prefix: str,
                 figures: Sequence[tuple[str, FigureRef | None]] = (),
                 source: TextSource | None = None) -> None:
        self.tokens = tokens
        self.pos = 0
        self.heading_level = heading_level
        self.table_prefix = table_prefix
        self.table_count = 0
        self.figures = figures
        self.source = source

    def blocks(self, until: str | None = None) -> tuple[Block, ...]:
        top = until is None  # the text's own blocks (not those inside a list or quote)
        out: list[Block] = []
        while self.pos < len(self.tokens):
            tok = self.tokens[self.pos]
            if until is not None and tok.type == until:
                self.pos += 1
                break
            handler = getattr(self, "_" + tok.type, None)
            self.pos += 1
            if handler is not None:
                block = handler(tok)
                if block is not None:
                    if top and self.source is not None and tok.map is not None:
                        origin = Origin(self.source, len(out), (tok.map[0], tok.map[1]))
                        block = dataclasses.replace(block, origin=origin)  # type: ignore[type-var]
                    out.append(block)
        return tuple(out)

    def _runs(self, inline: Token) -> tuple[Run, ...]:
        return _inline_runs(inline, self.figures)

    def _paragraph_open(self, tok: Token) -> Block | None:
        inline = self.tokens[self.pos]
        self.pos += 2  # inline, paragraph_close
        runs = self._runs(inline)
        return Paragraph(runs) if runs else None

    def _heading_open(self, tok: Token) -> Block:
        inline = self.tokens[self.pos]
        self.pos += 2
        depth = int(tok.tag[1:])
        level = min(self.heading_level + max(depth - 3, 0), 4)
        return Heading(level, "".join(r.text for r in self._runs(inline)))

    def _bullet_list_open(self, tok: Token) -> Block:
        return ListBlock(self._items("bullet_list_close"), ordered=False)

    def _ordered_list_open(self, tok: Token) -> Block:
        start = int(tok.attrs.get("start", 1))
        return ListBlock(self._items("ordered_list_close"), ordered=True, start=start)

    def _items(self, close: str) -> tuple[tuple[Block, ...], ...]:
        items: list[tuple[Block, ...]] = []
        while self.pos < len(self.tokens) and self.tokens[self.pos].type != close:
            tok = self.tokens[self.pos]
            self.pos += 1
            if tok.type == "list_item_open":
                items.append(self.blocks(until="list_item_close"))
        self.pos += 1
        return tuple(items)

    def _blockquote_open(self, tok: Token) -> Block | None:
        inner = self.blocks(until="blockquote_close")
        return Quote(inner) if inner else None

    def _fence(self, tok: Token) -> Block:
        return Paragraph((Run(tok.content.rstrip("\n")),))

    _code_block = _fence

    def _table_open(self, tok: Token) -> Block:
        header: list[Row] = []
        body: list[Row] = []
        current: list[Cell] = []
        in_head = False
        aligns: list[str] = []
        while self.pos < len(self.tokens) and self.tokens[self.pos].type != "table_close":
            t = self.tokens[self.pos]
            self.pos += 1
            if t.type == "thead_open":
                in_head = True
            elif t.type == "thead_close":
                in_head = False
            elif t.type == "tr_open":
                current = []
            elif t.type == "tr_close":
                (header if in_head else body).append(Row(tuple(current)))
            elif t.type in {"th_open", "td_open"}:
                style = str(t.attrs.get("style", ""))
                if in_head:
                    aligns.append(style)
                inline = self.tokens[self.pos]
                text = "".join(r.text for r in self._runs(inline))
                column = len(current)
                right = column < len(aligns) and "right" in aligns[column]
                if in_head:
                    kind = CellKind.HEADER
                elif column == 0:
                    kind = CellKind.LABEL
                else:
                    kind = CellKind.AMOUNT if right else CellKind.TEXT
                current.append(Cell(text, kind))
        self.pos += 1
        self.table_count += 1
        return Table(
            id=f"{self.table_prefix}-tabell-{self.table_count}",
            caption="",
            header=tuple(header),
            body=tuple(Row(r.cells, RowKind.NORMAL) for r in body),
            row_headers=False,
        )


def _fill_figures(tokens: Sequence[Token], figures: Sequence[str]) -> None:
    """Replace the placeholders in the parsed *tokens* by the *figures*' texts, except in
    inline text, where each becomes a run of its own (`_text_runs`)."""
    plain = {chr(_PLACEHOLDER + i): text for i, text in enumerate(figures)}
    # A link destination is percent-encoded by the parser; so is its figure.
    encoded = {_MD.normalizeLink(mark): _MD.normalizeLink(text) for mark, text in plain.items()}

    def fill(value: str, table: dict[str, str]) -> str:
        for mark, text in table.items():
            if mark in value:
                value = value.replace(mark, text)
        return value

    for token in tokens:
        token.content = fill(token.content, plain)
        for child in token.children or ():
            if child.type not in {"text", "code_inline"}:
                child.content = fill(child.content, plain)
            href = child.attrs.get("href")
            if isinstance(href, str):
                child.attrs["href"] = fill(href, encoded)


def to_blocks(text: str | Sequence[str | Figur], heading_level: int = 3,
              table_prefix: str = "text", source: TextSource | None = None,
              expressions: Sequence[tuple[str, str]] = ()) -> tuple[Block, ...]:
    """Parse Markdown *text* into blocks; its headings start at *heading_level*.

    *text* may be given as parts, its figures filled in (`Filled.parts`, reportgen/narrative.py),
    with each figure's name and expression as written (`Filled.expressions`). With *source*,
    the text's blocks carry their origin.
    """
    figures: list[tuple[str, FigureRef | None]] = []
    if not isinstance(text, str):
        pieces = []
        for part in text:
            if isinstance(part, str):
                pieces.append(part)
            else:
                index = len(figures)
                pieces.append(chr(_PLACEHOLDER + index))
                ref = FigureRef(*expressions[index], index) if index < len(expressions) else None
                figures.append((part.text, ref))
        text = "".join(pieces)
    tokens = _MD.parse(text)
    if figures:
        _fill_figures(tokens, [f for f, _ in figures])
    return _Parser(tokens, heading_level, table_prefix, figures, source).blocks()

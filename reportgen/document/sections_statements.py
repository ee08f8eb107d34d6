"""The statements (resultaträkning, balansräkning, kassaflödesanalys) and the notes."""

from __future__ import annotations

from typing import TYPE_CHECKING, get_args

from reportgen.document.model import Block, Section
from reportgen.document.tables import note_table, statement_table
from reportgen.schema.ekonomi import Balanspost

if TYPE_CHECKING:
    from reportgen.document.builder import Builder

BALANCE_LINES = frozenset(get_args(Balanspost))
Content = tuple[Block | Section, ...]


def resultaträkning_blocks(b: Builder) -> Content:
    return (statement_table(b.eko.resultaträkning),)


def balansräkning_blocks(b: Builder) -> Content:
    return (statement_table(b.eko.balansräkning),)


def kassaflödesanalys_blocks(b: Builder) -> Content:
    return (statement_table(b.eko.kassaflödesanalys, with_notes=False),)


def noter_blocks(b: Builder) -> Content:
    """One unlisted subsection per note, "Not 1." …, its text then its table."""
    notes: list[Block | Section] = []
    for index, note in enumerate(b.indata.ekonomi.noter, start=1):
        blocks: list[Block] = list(b.text(("ekonomi", "noter", index - 1, "text"), note.text))
        if note.rader:
            balance = any(key in BALANCE_LINES for key in note.avser)
            blocks.append(note_table(index, note, b.eko.years, balance))
        notes.append(Section(f"not-{index}-avsnitt", f"Not {index}.", note.rubrik, 2,
                             tuple(blocks), in_toc=False))
    return tuple(notes)

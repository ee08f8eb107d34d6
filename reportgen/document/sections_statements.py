"""The statements (resultaträkning, balansräkning, kassaflödesanalys) and the notes."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from reportgen.document.model import Block, Heading, Paragraph, Run, Section
from reportgen.document.sections_goals import balanskrav_blocks
from reportgen.document.tables import note_table, statement_table
from reportgen.fmt import kronor
from reportgen.perioder import PROGNOS

if TYPE_CHECKING:
    from reportgen.document.builder import Builder

Content = tuple[Block | Section, ...]


def resultaträkning_blocks(b: Builder) -> Content:
    return (statement_table(b.eko.resultaträkning),)


def balansräkning_blocks(b: Builder) -> Content:
    return (statement_table(b.eko.balansräkning),)


def kassaflödesanalys_blocks(b: Builder) -> Content:
    return (statement_table(b.eko.kassaflödesanalys, with_notes=False),)


def helårsprognos_blocks(b: Builder) -> Content:
    """A delårsrapport's forecast for the year (RKR R17): its result, whose lines are the
    resultaträkning's prognos column, and the forecast's balanskravsresultat."""
    rr = b.eko.resultaträkning
    bk = b.verksamhet.berakning.balanskrav
    if PROGNOS not in rr.years or bk is None or PROGNOS not in bk.years:
        return ()
    sentence = b.fixed("prognos_resultat", år=str(b.eko.year),
                       resultat=kronor(rr.belopp("årets_resultat", PROGNOS)),
                       balanskrav=kronor(bk.resultat[PROGNOS]))
    return (Paragraph((Run(sentence),)), *shifted_up(balanskrav_blocks(b)))


def shifted_up(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """The balanskrav's blocks (made for a section of the förvaltningsberättelse) in a chapter."""
    return tuple(replace(x, level=2) if isinstance(x, Heading) else x for x in blocks)


def noter_blocks(b: Builder) -> Content:
    """One unlisted subsection per note, "Not 1." …, its text then its table, in the order
    the statements refer to them (compute/statements.py)."""
    notes: list[Block | Section] = []
    for position in b.eko.notordning:
        note, index = b.indata.ekonomi.noter[position], b.eko.notnummer[position]
        blocks: list[Block] = list(b.text(("ekonomi", "noter", position, "text"), note.text))
        if note.rader:
            lines = [b.eko.layout.avser(key) for key in note.avser]
            balance = any(line is not None and line[0] == "balansräkning" for line in lines)
            statement = "balansräkning" if balance else "resultaträkning"
            labels = tuple(b.eko.perioder.rubrik(statement, y) for y in b.eko.years)
            blocks.append(note_table(index, note, b.eko.years, balance, position, labels))
        notes.append(Section(f"not-{index}-avsnitt", f"Not {index}.", note.rubrik, 2,
                             tuple(blocks), in_toc=False))
    return tuple(notes)

"""Figures of the notes (noter) to the statements."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reportgen.schema.ekonomi import Not


def notsumma(note: Not, year: int) -> int:
    """The sum of the note's rows for *year*, as the note's Summa row prints it; a row
    without an amount for the year counts as 0."""
    return sum(row.belopp.get(year, 0) for row in note.rader)

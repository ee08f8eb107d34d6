"""Figures of the notes (noter) to the statements."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reportgen.schema.ekonomi import Not, Notrad


def notsumma(note: Not, year: int) -> int:
    """The sum of the note's amount lines for *year* (in groups or not), as the note's Summa
    row prints it; a row without an amount for the year counts as 0."""
    return sum(row.värde(year) for row in note.poster())


def gruppsumma(group: Notrad, year: int) -> int:
    """The sum of a group's amount lines for *year*, as its sum row prints it."""
    return sum(row.värde(year) for row in group.poster())


def teckenfaktor(note: Not) -> int:
    """The factor that turns the note's amounts into the statement's signs: -1 for a note
    printed with reversed signs (`omvänt_tecken`, e.g. costs as positive amounts), else 1.

    The note's rows times this factor are amounts as the resultaträkning or balansräkning
    has them (revenue positive, costs negative); `not.rad` and the sums of the rows marked
    `medlemsbidrag` or `kostnadsslag` (reportgen/compute/verksamhet.py) use it alike.
    """
    return -1 if note.omvänt_tecken else 1

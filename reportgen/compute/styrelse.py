"""Who is in office at the year end: the board members who sign, and the auditors.

The signature lines (reportgen/document/sections_people.py) and the board rules
(reportgen/checks/styrelse.py) both read this, so they agree on who signs.
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol

from reportgen.schema import Indata
from reportgen.schema.organisation import Person, Revisor


class _Uppdrag(Protocol):
    @property
    def från(self) -> dt.date | None: ...
    @property
    def till(self) -> dt.date | None: ...


def årets_slut(indata: Indata) -> dt.date:
    return dt.date(indata.rapport.räkenskapsår, 12, 31)


def i_tjänst(uppdrag: _Uppdrag, dag: dt.date) -> bool:
    """The term includes *dag* (an open start or end counts as including it)."""
    return (uppdrag.från is None or uppdrag.från <= dag) and (
        uppdrag.till is None or uppdrag.till >= dag
    )


def ledamöter_vid_årets_slut(indata: Indata) -> list[tuple[int, int, Person]]:
    """(seat index, person index, person) for every ordinary member in office on 31 December."""
    year_end = årets_slut(indata)
    return [
        (s, p, person)
        for s, seat in enumerate(indata.styrelse)
        for p, person in enumerate(seat.ordinarie)
        if i_tjänst(person, year_end)
    ]


def revisorer_vid_årets_slut(indata: Indata) -> list[Revisor]:
    """The auditors who sign: not substitutes, in office on 31 December."""
    year_end = årets_slut(indata)
    return [r for r in indata.revisorer if not r.ersättare and i_tjänst(r, year_end)]

"""What each column of the statements covers, and how it is named: one policy for the
column headings (HTML, PDF and DOCX print `Rakning.column_labels`) and for the check
messages that name a column.

In an årsredovisning the resultaträkning's columns are years (2023, 2022) and the
balansräkning's the year ends (2023-12-31, 2022-12-31). In a delårsrapport with the R17
part (LKBR ch. 13, RKR R17) the same YAML keys mean the period: the resultaträkning's
`2023` is the period (jan–aug 2023), its `2022` the same period last year (jan–aug 2022),
and `prognos` the forecast for the whole year; the balansräkning's `2023` is the period's
end (2023-08-31), its `2022` last year's closing balance (2022-12-31, the default, as R17
allows) or the same day last year (2022-08-31, `ekonomi.jämförelse_balansräkning:
samma_dag`).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import Literal

# The resultaträkning's forecast column: its key beside the years of ekonomi.resultaträkning.
PROGNOS = "prognos"

# A column of a statement: a year (or the period of that year), or the forecast.
Kolumn = int | str
Jämförelse = Literal["bokslut", "samma_dag"]

_MÅNADER = ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
# The standard label of the result line, and what a delårsrapport prints instead.
_ÅRETS, _PERIODENS = "Årets resultat", "Periodens resultat"


def _samma_dag(day: dt.date, year: int) -> dt.date:
    """*day* in *year* (29 February becomes the 28th in a year without it)."""
    last = calendar.monthrange(year, day.month)[1]
    return day.replace(year=year, day=min(day.day, last))


@dataclass(frozen=True)
class Perioder:
    """The columns of one report's statements. Without *från* and *till*: an årsredovisning."""

    år: int
    från: dt.date | None = None
    till: dt.date | None = None
    jämförelse: Jämförelse = "bokslut"

    @property
    def delår(self) -> bool:
        return self.från is not None and self.till is not None

    def period(self, år: int) -> str:
        """The period of *år* as a heading says it: 'jan–aug 2023'; a period that does not
        start and end with whole months by its dates, '2023-01-01 – 2023-08-15'."""
        assert self.från is not None and self.till is not None
        start, end = _samma_dag(self.från, år), _samma_dag(self.till, år)
        whole = start.day == 1 and end.day == calendar.monthrange(år, end.month)[1]
        if not whole:
            return f"{start.isoformat()} – {end.isoformat()}"
        if start.month == end.month:
            return f"{_MÅNADER[start.month - 1]} {år}"
        return f"{_MÅNADER[start.month - 1]}–{_MÅNADER[end.month - 1]} {år}"

    def balansdag(self, år: int) -> dt.date:
        """The day the balansräkning's column *år* is drawn up at."""
        if not self.delår or (år != self.år and self.jämförelse == "bokslut"):
            return dt.date(år, 12, 31)
        assert self.till is not None
        return _samma_dag(self.till, år)

    def rubrik(self, räkning: str, kolumn: Kolumn) -> str:
        """The column's heading: '2023', '2023-12-31'; in a delårsrapport 'jan–aug 2023',
        '2023-08-31', '2022-12-31'; the forecast 'Prognos 2023'."""
        if kolumn == PROGNOS:
            return f"Prognos {self.år}"
        assert isinstance(kolumn, int)
        if räkning == "balansräkning":
            return self.balansdag(kolumn).isoformat()
        return self.period(kolumn) if self.delår else str(kolumn)

    def namn(self, räkning: str, kolumn: Kolumn) -> str:
        """The column as a check message names it: in an årsredovisning the year ('2023',
        as the messages always have), in a delårsrapport its heading ('jan–aug 2023',
        '2023-08-31'); the forecast 'prognos 2023'."""
        if kolumn == PROGNOS:
            return f"prognos {self.år}"
        if not self.delår:
            return str(kolumn)
        return self.rubrik(räkning, kolumn)

    def samma_period(self, år: int) -> bool:
        """Does the balansräkning's column *år* close the resultaträkning's column *år*, so
        that its årets resultat is the resultaträkning's? Not last year's closing balance
        beside last year's period (its result is the whole year's, which the delårsrapport
        does not show)."""
        return not self.delår or år == self.år or self.jämförelse == "samma_dag"

    def följer(self, år: int) -> bool:
        """Is the balansräkning's column *år* − 1 the balance at the start of column *år*
        (so that övrigt eget kapital of *år* is its summa eget kapital)? Not the same day
        last year."""
        return not self.delår or år != self.år or self.jämförelse == "bokslut"

    def radtext(self, betydelse: str | None, text: str, räkning: str | None = None,
                kolumn: Kolumn | None = None) -> str:
        """A line's label: in a delårsrapport the standard 'Årets resultat' is the period's.
        Of one column (a check message's): the forecast's and last year's closing balance's
        result are the year's."""
        if not (self.delår and betydelse == "årets_resultat" and text == _ÅRETS):
            return text
        if kolumn == PROGNOS or (räkning == "balansräkning" and isinstance(kolumn, int)
                                 and not self.samma_period(kolumn)):
            return text
        return _PERIODENS


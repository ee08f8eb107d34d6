"""The relations of the tables outside the statements, for the one relation engine
(reportgen/checks/relationer.py): the five-year overview's copies of statement figures
(checks/relationer_oversikt.py), the budget tables' stated totals and their outcome
against the resultaträkning (checks/relationer_budget.py), and the stated sums of checked
tables (checks/relationer_tabell.py).
"""

from __future__ import annotations

from collections.abc import Iterator

from reportgen.checks import relationer_budget, relationer_oversikt, relationer_tabell
from reportgen.checks.relationer import Relation, Relationer


def relationer(rel: Relationer) -> Iterator[Relation]:
    yield from relationer_oversikt.relationer(rel)
    yield from relationer_budget.relationer(rel)
    yield from relationer_tabell.relationer(rel)

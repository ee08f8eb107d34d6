"""The budget's outcome (and budget) per project from the bookkeeping: one place for it.

Each line of `budget.rader`, and of a budget table with rows of its own (a delårsrapport's
forecast table), takes the result of the project objects (in the kontoplan's budget
dimension, SIE's 6 = projekt) it names: `nr: 201` the object 201, `nr: 101-104` the objects
101 to 104, `nr: 1001+1003` both; a line without a number (or with one no object has, such
as `*`) takes the object of its name. Its `utfall` is their result in the report's sign (revenue
positive, costs negative), and its `årsbudget` their #PBUDGET where the file has one. A
project with an amount that no line takes is an error naming it; a line no project
matches gets utfall 0, and the summary says so.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from reportgen.bokforing import Bokföring, Objekt
from reportgen.findings import Finding, Location, UserError
from reportgen.importera_plan import Plan, Ändring, hela_kronor, kr
from reportgen.load import PathKey


def _numbers(text: str) -> list[tuple[int, int]] | None:
    """The projects a line's `nr` names: "201", "101-104", "1001+1003" (each part a number or a
    span); None when it is not such a list."""
    spans = []
    for part in re.split(r"\s*[+,]\s*", text):
        span = re.fullmatch(r"([0-9]+)(?:\s*[-–]\s*([0-9]+))?", part)
        if span is None:
            return None
        spans.append((int(span.group(1)), int(span.group(2) or span.group(1))))
    return spans


def _matches(row: dict[str, Any], obj: str, name: str) -> bool:
    nr = row.get("nr")
    text = str(nr).strip() if nr is not None else ""
    spans = _numbers(text) if text else None
    if text and text == obj:
        return True
    if spans and obj.isdigit() and (len(spans) > 1 or spans[0][0] != spans[0][1]):
        return any(low <= int(obj) <= high for low, high in spans)
    return bool(name) and str(row.get("namn", "")).strip().casefold() == name.strip().casefold() \
        and not (text and text.isdigit())


def _lines(budget: Any) -> Iterator[tuple[PathKey, dict[str, Any]]]:
    """Every line that states an outcome: budget.rader's, and those of the tables with rows of
    their own (a delårsrapport's forecast table), through their groups."""
    if not isinstance(budget, dict):
        return
    yield from _rows(budget.get("rader"), ("budget", "rader"))
    for namn in ("driftredovisning", "sammanställning"):
        table = budget.get(namn)
        if isinstance(table, dict):
            yield from _rows(table.get("rader"), ("budget", namn, "rader"))


def _rows(rows: Any, path: PathKey) -> Iterator[tuple[PathKey, dict[str, Any]]]:
    for i, row in enumerate(rows if isinstance(rows, list) else ()):
        if isinstance(row, dict) and "grupp" in row:
            yield from _rows(row.get("rader"), (*path, i, "rader"))
        elif isinstance(row, dict):
            yield (*path, i), row


def budget_changes(plan: Plan, bok: Bokföring, dimension: str, budget: Any, year: int,
                   årsbudget: bool = True, period: dt.date | None = None) -> None:
    """The outcome (and with *årsbudget* the #PBUDGET) per line; *period*: the end of a
    delårsrapport's period, whose outcome the lines get."""
    lines = list(_lines(budget))
    if not lines:
        return
    result = _per_object(bok, bok.objektsaldo.get(0, {}), dimension)
    planned = _per_object(bok, bok.objektbudget.get(0, {}), dimension) if årsbudget else {}
    # A file with results per project somewhere (another month, another year) has them: none
    # in the period is nothing booked in it, 0 on every line.
    if not result and not any(obj[0] == dimension for obj in bok.objektrader):
        plan.noteringar.append(f"{bok.vad} har inga projekt (dimension {dimension}): budgetens "
                               "utfall fylls inte i")
        return
    taken: set[Objekt] = set()
    grupp = f"budgetens utfall {period.isoformat() if period else year}"
    for path, row in lines:
        objs = [o for o in result | planned
                if _matches(row, o[1], bok.objektnamn.get(o, ""))]
        taken.update(objs)
        namn = f"{row.get('nr', '')} {row.get('namn', '')}".strip()
        if not objs:
            plan.noteringar.append(f"budgetraden {namn}: inga projekt i bokföringen, utfall 0")
        utfall = -hela_kronor(sum((result.get(o, Decimal(0)) for o in objs), Decimal(0)))
        if row.get("utfall") != utfall:
            plan.ändringar.append(Ändring(grupp, (*path, "utfall"), row.get("utfall"), utfall,
                                          namn, flow=True))
        if any(o in planned for o in objs):
            new = -hela_kronor(sum((planned.get(o, Decimal(0)) for o in objs), Decimal(0)))
            if row.get("årsbudget") != new:
                plan.ändringar.append(Ändring(f"budget {year}", (*path, "årsbudget"),
                                              row.get("årsbudget"), new, namn, flow=True))
    left = [o for o in result if o not in taken and result[o]]
    if left:
        where = "budget.rader" if lines[0][0][1] == "rader" else "budgetens rader"
        raise UserError([Finding(Location(bok.fil, bok.objektrader.get(o)), f"projektet {o[1]} "
                                 f"{bok.objektnamn.get(o, '(utan namn)')} med {kr(-result[o])} "
                                 f"står inte på någon rad i {where}; lägg till en rad med "
                                 f"nr: {o[1]}", rule="import.projekt") for o in left])


def _per_object(bok: Bokföring, table: dict[Objekt, dict[str, Decimal]], dimension: str,
                ) -> dict[Objekt, Decimal]:
    """Each object's result over the result accounts (balance accounts are not the year's)."""
    return {obj: sum((v for k, v in per.items() if not bok.konto(k).balans), Decimal(0))
            for obj, per in table.items() if obj[0] == dimension}

"""The budget's outcome (and budget) per project from the bookkeeping: one place for it.

Each line of `budget.rader` takes the result of the project objects (in the kontoplan's
budget dimension, SIE's 6 = projekt) it names: `nr: 201` the object 201, `nr: 101-104`
the objects 101 to 104; a line without a number (or with one no object has, such as `*`)
takes the object of its name. Its `utfall` is their result in the report's sign (revenue
positive, costs negative), and its `årsbudget` their #PBUDGET where the file has one. A
project with an amount that no line takes is an error naming it; a line no project
matches gets utfall 0, and the summary says so.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from reportgen.bokforing import Bokföring, Objekt
from reportgen.findings import Finding, Location, UserError
from reportgen.importera_plan import Plan, Ändring, hela_kronor, kr


def _matches(row: dict[str, Any], obj: str, name: str) -> bool:
    nr = row.get("nr")
    text = str(nr).strip() if nr is not None else ""
    span = re.fullmatch(r"([0-9]+)\s*[-–]\s*([0-9]+)", text)
    if span and obj.isdigit():
        return int(span.group(1)) <= int(obj) <= int(span.group(2))
    if text and text == obj:
        return True
    return bool(name) and str(row.get("namn", "")).strip().casefold() == name.strip().casefold() \
        and not (text and text.isdigit())


def budget_changes(plan: Plan, bok: Bokföring, dimension: str, budget: Any, year: int) -> None:
    rows = budget.get("rader") if isinstance(budget, dict) else None
    if not isinstance(rows, list):
        return
    result = _per_object(bok, bok.objektsaldo.get(0, {}), dimension)
    planned = _per_object(bok, bok.objektbudget.get(0, {}), dimension)
    if not result:
        plan.noteringar.append(f"{bok.vad} har inga projekt (dimension {dimension}): budgetens "
                               "utfall fylls inte i")
        return
    taken: set[Objekt] = set()
    for i, row in enumerate(rows):
        if not isinstance(row, dict):
            continue
        objs = [o for o in result | planned
                if _matches(row, o[1], bok.objektnamn.get(o, ""))]
        taken.update(objs)
        namn = f"{row.get('nr', '')} {row.get('namn', '')}".strip()
        if not objs:
            plan.noteringar.append(f"budgetraden {namn}: inga projekt i bokföringen, utfall 0")
        utfall = -hela_kronor(sum((result.get(o, Decimal(0)) for o in objs), Decimal(0)))
        if row.get("utfall") != utfall:
            plan.ändringar.append(Ändring(f"budgetens utfall {year}", ("budget", "rader", i, "utfall"),
                                          row.get("utfall"), utfall, namn, flow=True))
        if any(o in planned for o in objs):
            årsbudget = -hela_kronor(sum((planned.get(o, Decimal(0)) for o in objs), Decimal(0)))
            if row.get("årsbudget") != årsbudget:
                plan.ändringar.append(Ändring(f"budget {year}", ("budget", "rader", i, "årsbudget"),
                                              row.get("årsbudget"), årsbudget, namn, flow=True))
    left = [o for o in result if o not in taken and result[o]]
    if left:
        raise UserError([Finding(Location(bok.fil, bok.objektrader.get(o)), f"projektet {o[1]} "
                                 f"{bok.objektnamn.get(o, '(utan namn)')} med {kr(-result[o])} "
                                 "står inte på någon rad i budget.rader; lägg till en rad med "
                                 f"nr: {o[1]}", rule="import.projekt") for o in left])


def _per_object(bok: Bokföring, table: dict[Objekt, dict[str, Decimal]], dimension: str,
                ) -> dict[Objekt, Decimal]:
    """Each object's result over the result accounts (balance accounts are not the year's)."""
    return {obj: sum((v for k, v in per.items() if not bok.konto(k).balans), Decimal(0))
            for obj, per in table.items() if obj[0] == dimension}

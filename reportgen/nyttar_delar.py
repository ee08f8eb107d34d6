"""`reportgen nytt-år` for a delårsrapport: the same months of the next year.

The period moves on by a year (1 januari – 31 augusti 2023 → 2024; a period ending on the
last of February ends on its last day), and what this period's figures are becomes the
same period last year where the report has such a column; the rest of the report moves on
as an årsredovisning's does (reportgen/nyttar.py, reportgen/nyttar_verksamhet.py).

- A checked table (`tabell` block) with a column of this year and one of last year (headings
  such as "2023 jan–aug" and "2022 jan–aug"): last year's column takes this year's values,
  this year's becomes next year's with its values to fill in. A row's values in parentheses
  (`parentes`, last year's shares) become this year's values. Every column whose values are
  gone is listed in the table's `att_fylla_i` (a gap: `reportgen check` names each, a draft
  prints [fylls i]); years in the headings and in `siffror`'s columns move on by one, and a
  figure's `angivet` (as this year's text printed it) goes.
- The R17 part: the resultaträkning's period becomes the same period last year and the new
  period and the forecast (`prognos`) are gaps; the balansräkning's period end, compared
  with the same day last year (`jämförelse_balansräkning: samma_dag`), moves on the same
  way, compared with last year's closing balance the new comparison year is that closing
  balance, which this report does not have: a gap too.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any

from reportgen.compute.tabell import tabellblock
from reportgen.load import PathKey
from reportgen.pipeline import Checked


def ett_år_senare(day: dt.date) -> dt.date:
    """*day* a year later; the last day of a month stays its last day (2023-02-28 → 2024-02-29)."""
    last = calendar.monthrange(day.year, day.month)[1]
    new_last = calendar.monthrange(day.year + 1, day.month)[1]
    return dt.date(day.year + 1, day.month, new_last if day.day == last else min(day.day, new_last))


def period(data: Any) -> str:
    """The period (and a budget's stated period end) a year later."""
    rapport = data["rapport"]
    given = rapport["period"]
    for key in ("från", "till"):
        given[key] = ett_år_senare(given[key])
    budget = data.get("budget")
    if isinstance(budget, dict) and isinstance(budget.get("periodens_slut"), dt.date):
        budget["periodens_slut"] = ett_år_senare(budget["periodens_slut"])
    return f"period: {given['från'].isoformat()} – {given['till'].isoformat()}"


def _at(data: Any, path: PathKey) -> Any:
    node = data
    for part in path:
        node = node[part]
    return node


def tabeller(data: Any, checked: Checked) -> str | None:
    """Every checked table moves on to the next period (see the module's docstring)."""
    from reportgen.yaml_edit import sequence

    year = checked.indata.rapport.räkenskapsår
    moved = filled = 0
    for path, tabell in tabellblock(checked.indata):
        raw = _at(data, path)
        headings = [str(k) for k in tabell.kolumner]
        this = [i for i, h in enumerate(headings) if _has(h, year)]
        last = [i for i, h in enumerate(headings) if _has(h, year - 1) and i not in this]
        # Last year's column takes this year's values: the one whose heading is its heading
        # with this year for last year's.
        source = {i: next((j for j in this if headings[j] == _shift(headings[i], year - 1)),
                          None) for i in last}
        carried = {i: j for i, j in source.items() if j is not None}
        # A column of an earlier year rolls on too (2021 beside 2022 and 2023 becomes 2022,
        # with the figures of the old 2022 column); one with no later column beside it keeps
        # its heading and its figures, which are known and do not change.
        rolled: dict[int, str] = {}
        for i, h in enumerate(headings):
            older = [int(y) for y in _YEAR.findall(h) if int(y) < year - 1]
            if i in this or i in last or not older:
                continue
            later = _shift(h, older[0])
            j = headings.index(later) if later in headings else None
            carried[i] = i if j is None else j
            if j is not None:
                rolled[i] = later
        gaps = [i for i in range(len(headings)) if i not in carried]
        for row in raw.get("rader") or []:
            if not isinstance(row, dict):
                continue
            if isinstance(row.get("parentes"), list) and isinstance(row.get("värden"), list):
                row["parentes"][:] = list(row["värden"])
            for key in ("värden", "andelar"):
                values = row.get(key)
                if isinstance(values, list):
                    old = list(values)
                    values[:] = [old[carried[i]] if i in carried else None
                                 for i in range(len(old))]
        kolumner = raw["kolumner"]
        for i, heading in enumerate(kolumner):
            kolumner[i] = rolled[i] if i in rolled else _moved(heading, year)
        for siffra in (raw.get("siffror") or {}).values():
            if isinstance(siffra, dict):
                if isinstance(siffra.get("kolumn"), str | int):
                    siffra["kolumn"] = _moved(siffra["kolumn"], year)
                siffra.pop("angivet", None)
        fill = sequence()
        fill.extend(kolumner[i] for i in gaps)
        fill.fa.set_flow_style()
        raw["att_fylla_i"] = fill
        moved += 1 if carried else 0
        filled += 1
    if not filled:
        return None
    return (f"tabeller: {filled} förs över; i {moved} blir {year} samma period förra året, "
            f"{year + 1} att fylla i (att_fylla_i)")


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _has(heading: str, year: int) -> bool:
    return re.search(rf"(?<!\d){year}(?!\d)", heading) is not None


def _shift(heading: str, year: int) -> str:
    """*heading* with the year *year* one later."""
    return re.sub(rf"(?<!\d){year}(?!\d)", str(year + 1), heading)


def _moved(heading: Any, year: int) -> Any:
    """A heading a year later: this year's and last year's years in it move on by one."""
    if isinstance(heading, int):
        return heading + 1 if heading in (year, year - 1) else heading
    return re.sub(rf"(?<!\d)({year}|{year - 1})(?!\d)", lambda m: str(int(m.group(1)) + 1),
                  heading)


def statements(checked: Checked, eko: Any) -> list[str]:
    """The R17 part: the period's resultaträkning and balansräkning, and the forecast."""
    from reportgen.yaml_edit import delete_year, insert_year, mapping

    year = checked.indata.rapport.räkenskapsår
    same_day = eko.get("jämförelse_balansräkning") == "samma_dag"
    out = []
    for upp in checked.eko.layout.alla():
        years = eko.get(upp.yaml_nyckel)
        if not isinstance(years, dict) or upp.key == "kassaflödesanalys":
            continue
        stated = years.get(year) or {}
        if year - 1 in years:
            delete_year(years, year - 1)
        if upp.key == "balansräkning" and not same_day and isinstance(years.get(year), dict):
            # The comparison is last year's closing balance: 31 December, not this period's end.
            _empty(years[year])
        insert_year(years, year + 1, mapping(items=iter((key, None) for key in stated)))
        if isinstance(years.get("prognos"), dict):
            _empty(years["prognos"])
        out.append(f"{upp.yaml_nyckel}: perioden {year + 1} att fylla i ({len(stated)} rader)")
    return out


def balanskrav(data: Any) -> str | None:
    """The forecast's adjustments to the balanskravsresultat are this period's: gaps."""
    justeringar = (data.get("balanskrav") or {}).get("justeringar") or []
    given = [post for post in justeringar if isinstance(post, dict) and "prognos" in post]
    for post in given:
        post["prognos"] = None
    return f"balanskrav: {len(given)} justeringar av prognosen att fylla i" if given else None


def _empty(values: Any) -> None:
    """Every figure of *values* a gap, in place (its comments stay)."""
    for key in values:
        values[key] = None

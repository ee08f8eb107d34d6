"""`reportgen nytt-år`, the parts outside `ekonomi`: board, goals, insatser, indicators and
the budget move on to the new year (reportgen/nyttar.py does the statements).

Each function changes the YAML's round-trip data in place, reading the validated model of
this year where it must know what a value is (a mått's utfall naming a computed figure is
kept: it is computed again from the new year's figures), and returns its line for the
command's summary, or None when it has nothing to change. A value to fill in is written
empty (`status:`), a gap that `reportgen check` lists at its line (rule `lucka`).
"""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

from reportgen.compute.verksamhet import deltagare
from reportgen.schema import Indata
from reportgen.schema.mal import Mål, Mått
from reportgen.schema.verksamhet import DELTAGARTAL, Deltagarstatistik
from reportgen.yaml_edit import insert_year, mapping


def people(data: Any, new: int) -> str | None:
    """Board and auditors carry over; who left during the old year is dropped, and a start
    date before the new year is no longer said (they sit from the year's start)."""
    start = dt.date(new, 1, 1)
    left: list[str] = []

    def keep(person: Any) -> bool:
        if not isinstance(person, dict):
            return True
        till = person.get("till")
        if isinstance(till, dt.date) and till < start:
            left.append(str(person.get("namn", "")))
            return False
        if isinstance(person.get("från"), dt.date) and person["från"] <= start:
            del person["från"]
        return True

    for plats in data.get("styrelse") or []:
        for key in ("ordinarie", "ersättare"):
            people_ = plats.get(key) if isinstance(plats, dict) else None
            if isinstance(people_, list):
                people_[:] = [p for p in people_ if keep(p)]
    revisorer = data.get("revisorer")
    if isinstance(revisorer, list):
        revisorer[:] = [r for r in revisorer if keep(r)]
    gone = f"; {len(left)} som lämnade under {new - 1} tas bort ({', '.join(left)})" if left else ""
    return f"styrelse och revisorer: förs över{gone}"


def goals(data: Any, indata: Indata) -> str | None:
    """Goals carry over with their text; status, outcomes and assessments are gaps."""
    counts = {"status": 0, "utfall": 0}
    for key in ("mål", "ekonomiska_mål"):
        for raw, goal in zip(data.get(key) or [], getattr(indata, key), strict=False):
            _goal(raw, goal, counts)
    if not any(counts.values()):
        return None
    return (f"mål: förs över; {counts['status']} bedömningar och {counts['utfall']} utfall "
            "att fylla i")


def _goal(raw: Any, goal: Mål, counts: dict[str, int]) -> None:
    if not isinstance(raw, dict):
        return
    if raw.get("status") is not None:
        raw["status"] = None
        counts["status"] += 1
    if raw.get("utfall") is not None:
        raw["utfall"] = None
        counts["utfall"] += 1
    for raw_mått, mått in zip(raw.get("mått") or [], goal.mått, strict=False):
        _mått(raw_mått, mått, counts)
    for raw_sub, sub in zip(raw.get("delmål") or [], goal.delmål, strict=False):
        _goal(raw_sub, sub, counts)


def _mått(raw: Any, mått: Mått, counts: dict[str, int]) -> None:
    """A mått's measured value is a gap, unless it names a computed figure (kept)."""
    if not isinstance(raw, dict):
        return
    value = raw.get("utfall")
    if isinstance(value, dict):
        named = mått.grupputfall or {}
        for group in value:
            if value[group] is not None and not isinstance(named.get(group), str):
                value[group] = None
                counts["utfall"] += 1
    elif value is not None and not isinstance(mått.utfall, str):
        raw["utfall"] = None
        counts["utfall"] += 1
    for key in ("resultat", "bedömning"):
        if raw.get(key) is not None:
            raw[key] = None
            counts["utfall" if key == "resultat" else "status"] += 1


def insatser(data: Any, indata: Indata, year: int) -> str | None:
    """Insatser carry over with their texts; this year's participant counts move into their
    `föregående_år`, and the new year's counts, financing, attendance and assessment are gaps."""
    moved = gaps = 0
    for raw, insats in zip(data.get("insatser") or [], indata.insatser, strict=False):
        if not isinstance(raw, dict):
            continue
        for key in ("medverkande", "måluppfyllelse"):
            if raw.get(key) is not None:
                raw[key] = None
                gaps += 1
        finans = raw.get("finansiering")
        if isinstance(finans, dict):
            for key in ("beviljat", "förbrukat"):
                if finans.get(key) is not None:
                    finans[key] = None
                    gaps += 1
        counts = {"status": 0, "utfall": 0}
        for raw_mått, mått in zip(raw.get("resultatmål") or [], insats.resultatmål, strict=False):
            _mått(raw_mått, mått, counts)
        gaps += sum(counts.values())
        stat = raw.get("deltagare")
        if isinstance(stat, dict) and isinstance(insats.deltagare, Deltagarstatistik):
            gaps += _participants(stat, insats.deltagare)
            moved += 1
    if not (moved or gaps):
        return None
    return (f"insatser: förs över; {moved} insatsers deltagare {year} blir föregående år, "
            f"{gaps} uppgifter för {year + 1} att fylla i")


def _participants(raw: Any, stat: Deltagarstatistik) -> int:
    last = mapping()
    for key in DELTAGARTAL:
        if raw.get(key) is not None:
            last[key] = copy.deepcopy(raw[key])
    if "måluppfyllt" not in last and not stat.har_luckor:
        met = deltagare(stat).måluppfyllt  # computed from the outcomes
        if met is not None:
            last["måluppfyllt"] = met.totalt
    raw["föregående_år"] = last
    gaps = 0
    for key in DELTAGARTAL:  # a stated måluppfyllt too (left out, it is computed again)
        if raw.get(key) is not None:
            raw[key] = None
            gaps += 1
    for row in raw.get("utfall") or []:
        for key in ("antal", "andel"):
            if isinstance(row, dict) and row.get(key) is not None:
                row[key] = None
                gaps += 1
    for key in ("tid_i_insats_veckor", "tid_utan_arbete_månader"):
        tid = raw.get(key)
        if isinstance(tid, dict):
            for sex in ("kvinnor", "män"):
                if tid.get(sex) is not None:
                    tid[sex] = None
                    gaps += 1
    return gaps


def indicators(data: Any, new: int) -> str | None:
    """Each question's results and each group's surveys get the new year as a gap, newest
    first, and keep as many years as they had (the oldest goes); years listed in `år` move
    on by one."""
    ind = data.get("indikatorer")
    if not isinstance(ind, dict):
        return None
    questions = surveys = 0
    for grupp in ind.get("grupper") or []:
        if not isinstance(grupp, dict):
            continue
        if _move_on(grupp.get("enkäter"), new):
            surveys += 1
        for fråga in grupp.get("frågor") or []:
            if isinstance(fråga, dict) and _move_on(fråga.get("resultat"), new):
                questions += 1
        if isinstance(grupp.get("år"), list):
            grupp["år"][:] = [y + 1 if isinstance(y, int) else y for y in grupp["år"]]
    if not (questions or surveys):
        return None
    return (f"indikatorer: {new - 1} blir föregående år; {new} att fylla i för {questions} "
            f"frågor och {surveys} enkäter")


def _move_on(years: Any, new: int) -> bool:
    if not isinstance(years, dict) or not years or new in years:
        return False
    kept = len(years)
    insert_year(years, new, None)
    for old in sorted(y for y in years if isinstance(y, int))[:len(years) - kept]:
        del years[old]
    return True


def budget(data: Any, new: int) -> str | None:
    """The budget's lines carry over with their numbers, names and explanations; the new
    year's budget and outcome are gaps, last year's outcome (where a line states one) is
    this year's, and stated sums go (they are of the old figures)."""
    section = data.get("budget")
    if not isinstance(section, dict):
        return None
    counts = {"rader": 0, "summor": 0, "prognoser": 0}
    _budget_rows(section.get("rader"), counts)
    for table in ("driftredovisning", "sammanställning"):
        given = section.get(table)
        if isinstance(given, dict):
            if given.pop("summa", None) is not None:
                counts["summor"] += 1
            _budget_rows(given.get("rader"), counts)
    if not any(counts.values()):
        return None
    sums = f"; {counts['summor']} angivna summor tas bort" if counts["summor"] else ""
    figures = "årsbudget, utfall och prognos" if counts["prognoser"] else "årsbudget och utfall"
    return f"budget: {counts['rader']} rader med {figures} {new} att fylla i{sums}"


def _budget_rows(rows: Any, counts: dict[str, int]) -> None:
    for row in rows or []:
        if not isinstance(row, dict):
            continue
        if "grupp" in row:
            if row.pop("summa", None) is not None:
                counts["summor"] += 1
            _budget_rows(row.get("rader"), counts)
            continue
        if "utfall_föregående_år" in row:
            row["utfall_föregående_år"] = copy.deepcopy(row.get("utfall", 0))
        row.pop("periodbudget", None)
        row.pop("angivet", None)  # as this year's report printed them
        if "årsbudget" in row:
            row["årsbudget"] = None
        row["utfall"] = None
        if "prognos" in row:  # a delårsrapport's forecast for the new year
            row["prognos"] = None
            counts["prognoser"] += 1
        counts["rader"] += 1


def foreword(data: Any) -> str | None:
    förord = data.get("ordförande_har_ordet")
    if isinstance(förord, dict) and förord.get("ort_och_datum") is not None:
        förord["ort_och_datum"] = None
        return "ordförande har ordet: texten förs över; ort och datum att fylla i"
    return None

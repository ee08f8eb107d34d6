"""`reportgen importera FIL [--yaml RAPPORT] [--kontoplan NAMN] [--visa]`: the bookkeeping's
figures into the report.

The changes are worked out first (reportgen/importera.py), with every problem of the export
and the mapping reported and nothing written; then the YAML is changed in one ruamel round
trip (comments and layout kept) and written atomically. `--visa` writes nothing and shows
every change, old → new. Either way the command ends with `reportgen check`'s findings
for the resulting file.
"""

from __future__ import annotations

import dataclasses
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from reportgen.findings import Finding, Location, UserError, error_at
from reportgen.importera import Plan, Ändring, kr, plan_import


def importera(export: Path, yaml: Path, kontoplan: str | None, visa: bool) -> int:
    plan = plan_import(yaml, export, kontoplan)
    new_text = apply_changes(yaml, plan.ändringar)
    say_changes(plan.ändringar, visa)
    for finding in plan.fynd:
        print(finding)
    for note in plan.noteringar:
        print(f"obs: {note}")
    if not plan.ändringar:
        print(f"{yaml}: inget att ändra")
    if visa:
        print(f"(--visa: {yaml} skrevs inte)")
        return print_check(yaml, new_text)
    if plan.ändringar:
        from reportgen.write import write_atomic

        write_atomic(yaml, new_text.encode("utf-8"))
        print(f"skrev {yaml} (från {export}, kontoplan {plan.kontoplan})")
    return print_check(yaml, None)


def report_for(export: Path) -> Path:
    """The report the export belongs to when none is named: content/<its year>.yaml."""
    from reportgen.importera import read_export

    bok = read_export(export)
    year = bok.år[0].år if 0 in bok.år else None
    candidate = Path("content") / f"{year}.yaml"
    if year is None or not candidate.is_file():
        raise error_at(Location(export), "ange rapportens YAML-fil: reportgen importera "
                       f"{export} content/ÅR.yaml" + (f" ({candidate} finns inte)" if year else ""),
                       rule="import.yaml")
    return candidate


def apply_changes(yaml: Path, ändringar: list[Ändring]) -> str:
    from reportgen.yaml_edit import Conflict, RoundTrip, plain_to_yaml, set_value

    text = yaml.read_bytes().decode("utf-8")
    try:
        trip = RoundTrip.open(text, str(yaml))
    except Conflict as error:
        raise error_at(Location(yaml), str(error), rule="import.yaml") from None
    for ändring in ändringar:
        set_value(trip, ändring.path, plain_to_yaml(ändring.nytt), flow=ändring.flow)
    return trip.dump()


def _value(value: Any) -> str:
    if value is None:
        return "tomt"
    if isinstance(value, int) and not isinstance(value, bool):
        return kr(value)
    return "ny"


def say_changes(ändringar: list[Ändring], all_of_them: bool) -> None:
    """One line per change group (and with *all_of_them* every change, old → new)."""
    groups: dict[str, list[Ändring]] = {}
    for ändring in ändringar:
        groups.setdefault(ändring.grupp, []).append(ändring)
    for grupp, items in groups.items():
        if len(items) == 1 and not isinstance(items[0].nytt, int):
            print(f"{grupp}: {items[0].text}")
        else:
            print(f"{grupp}: {len(items)} {'värde' if len(items) == 1 else 'värden'} ändras")
        if all_of_them:
            for item in items:
                print(f"  {item.text}: {_value(item.gammalt)} → {_value(item.nytt)}")


def print_check(yaml: Path, text: str | None, shown_as: Path | None = None) -> int:
    """`reportgen check` on *yaml* (or on *text*, what it would become, checked beside
    *yaml* and named *shown_as*, by default *yaml*), printed."""
    from reportgen.commands.check import collect, print_text

    if text is None:
        findings = collect(yaml)
    else:
        fd, name = tempfile.mkstemp(prefix=f".{yaml.name}.", suffix=".kontroll.yaml",
                                    dir=yaml.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
            findings = [_renamed(f, Path(name), shown_as or yaml) for f in collect(Path(name))]
        finally:
            Path(name).unlink(missing_ok=True)
    print()
    print_text(shown_as or yaml, findings, sys.stdout)
    return 1 if any(f.severity.value == "fel" for f in findings) else 0


def _renamed(finding: Finding, temporary: Path, yaml: Path) -> Finding:
    if finding.location.file != temporary:
        return finding
    return dataclasses.replace(finding, location=dataclasses.replace(finding.location, file=yaml))


__all__ = ["Plan", "UserError", "importera"]

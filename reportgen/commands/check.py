"""`reportgen check`: every schema error and consistency finding, grouped, in Swedish.

Exit code 0 when there are no errors (warnings allowed), 1 otherwise. Nothing is
rendered, so neither Jinja nor WeasyPrint is imported: the command must stay fast
enough to run on every save.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from reportgen.findings import Finding, Severity, UserError


def collect(file: Path) -> list[Finding]:
    """Every finding for *file*: YAML and schema errors, or else every rule's findings.

    The same first steps as `build` and `serve` (reportgen/pipeline.py); the report
    model is not built (that would import Markdown and Jinja). The rules in
    reportgen/checks/texter.py read the files it would read and check the `{{ … }}`
    figure expressions of the same narrative fields, with the function the build fills
    them in with, so both report a misspelt figure alike.
    """
    from reportgen.pipeline import load_and_check

    try:
        return list(load_and_check(file).findings)
    except UserError as error:
        return list(error.findings)


def ordered(findings: list[Finding]) -> list[tuple[str, list[Finding]]]:
    """Findings grouped by report part (in report order), each group in file order."""
    from reportgen.checks import GRUPPER, grupp

    order = {title: i for i, title in enumerate(dict.fromkeys(GRUPPER.values()))}
    groups: dict[str, list[Finding]] = {}
    for finding in findings:
        groups.setdefault(grupp(finding), []).append(finding)
    for items in groups.values():
        items.sort(key=lambda f: (str(f.location.file), f.location.line or 0,
                                  f.location.column or 0))
    return sorted(groups.items(), key=lambda item: order.get(item[0], len(order)))


def _count(findings: list[Finding]) -> tuple[int, int]:
    errors = sum(1 for f in findings if f.severity is Severity.ERROR)
    return errors, len(findings) - errors


def _antal(errors: int, warnings: int) -> str:
    return f"{errors} fel, {warnings} {'varning' if warnings == 1 else 'varningar'}"


def print_text(file: Path, findings: list[Finding], out: TextIO) -> None:
    for title, items in ordered(findings):
        print(f"## {title} ({_antal(*_count(items))})", file=out)
        for finding in items:
            print(finding, file=out)
        print(file=out)
    errors, warnings = _count(findings)
    if findings:
        print(f"{file}: {_antal(errors, warnings)}", file=out)
    else:
        print(f"{file}: inga fel eller varningar", file=out)


def print_json(file: Path, findings: list[Finding], out: TextIO) -> None:
    import json

    errors, warnings = _count(findings)
    payload = {
        "fil": str(file),
        "fel": errors,
        "varningar": warnings,
        "fynd": [
            {**finding.as_dict(), "grupp": title}
            for title, items in ordered(findings)
            for finding in items
        ],
    }
    json.dump(payload, out, ensure_ascii=False, indent=2)
    out.write("\n")


PRINTERS = {"text": print_text, "json": print_json}


def check(file: Path, fmt: str = "text") -> int:
    findings = collect(file)
    PRINTERS[fmt](file, findings, sys.stdout)
    return 1 if any(f.severity is Severity.ERROR for f in findings) else 0

"""Located findings (errors and warnings) and the user-error exception.

A *finding* is something wrong with the user's input, with the place it was found.
User errors are reported cleanly (no traceback, exit 1); anything else is a bug.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from dataclasses import field as _field
from enum import Enum
from pathlib import Path


class Severity(str, Enum):
    ERROR = "fel"
    WARNING = "varning"


@dataclass(frozen=True)
class Location:
    file: Path
    line: int | None = None  # 1-based
    column: int | None = None  # 1-based

    def __str__(self) -> str:
        parts = [str(self.file)]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)


@dataclass(frozen=True)
class Finding:
    location: Location
    message: str
    severity: Severity = Severity.ERROR
    field: str = ""  # dotted path of the YAML field, e.g. "ekonomi.resultaträkning.2023"
    rule: str = ""  # short identifier of the rule that produced it
    # The figure the field should hold (kronor), when the rule computed one: a draft marks
    # the stated figure in its table with it (reportgen/document/findings_in_place.py).
    expected: int | None = _field(default=None, compare=False, kw_only=True)
    stated: int | None = _field(default=None, compare=False, kw_only=True)  # as the YAML has it

    def __str__(self) -> str:
        where = f" [{self.field}]" if self.field else ""
        return f"{self.location}: {self.severity.value}: {self.message}{where}"

    def as_dict(self) -> dict[str, object]:
        return {
            "fil": str(self.location.file),
            "rad": self.location.line,
            "kolumn": self.location.column,
            "allvarlighet": self.severity.value,
            "fält": self.field,
            "regel": self.rule,
            "meddelande": self.message,
        }


@dataclass
class UserError(Exception):
    """Bad input: reported as Swedish messages with locations, exit code 1."""

    findings: list[Finding] = field(default_factory=list)

    def __str__(self) -> str:
        return "\n".join(str(f) for f in self.findings)


def error_at(location: Location, message: str, field: str = "", rule: str = "") -> UserError:
    return UserError([Finding(location, message, Severity.ERROR, field, rule)])

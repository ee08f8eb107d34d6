"""What `reportgen importera` will change (reportgen/importera.py, importera_budget.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from reportgen.findings import Finding
from reportgen.fmt import kronor, kronor_och_ören
from reportgen.load import PathKey


@dataclass(frozen=True)
class Ändring:
    """One value of the YAML that changes: *grupp* says which part (one summary line each)."""

    grupp: str
    path: PathKey
    gammalt: Any
    nytt: Any
    text: str  # what it is, as the summary names it
    flow: bool = False  # a new mapping on the way is written {…}


@dataclass
class Plan:
    yaml: Path
    export: Path
    kontoplan: str
    ändringar: list[Ändring] = field(default_factory=list)
    fynd: list[Finding] = field(default_factory=list)  # warnings and notices (no errors)
    noteringar: list[str] = field(default_factory=list)  # what was not changed, and why


def kr(amount: int | Decimal) -> str:
    return f"{kronor(int(amount)) if isinstance(amount, int) else kronor_och_ören(amount)} kr"


def hela_kronor(amount: Decimal) -> int:
    """The bookkeeping's kronor and öre rounded to whole kronor, half away from zero (each
    line on its own, as the statements print it)."""
    return int(amount.quantize(Decimal(1), rounding=ROUND_HALF_UP))



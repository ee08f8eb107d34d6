"""Seed 000's published tables, as transcribed in tests/fixtures/seed000_published.yaml.

The example (content/2023.yaml) has seed 000's figures; tests compare what reportgen
computes and prints with these published ones. Each call returns a fresh copy.
"""

from __future__ import annotations

import copy
from functools import cache
from pathlib import Path
from typing import Any

import yaml

FILE = Path(__file__).resolve().parent / "fixtures" / "seed000_published.yaml"

# Statement row: [value 2023, value 2022], an int, a word ("inga") or None (nothing printed).
Rad = list[int | str | None]


@cache
def _tables() -> dict[str, Any]:
    return dict(yaml.safe_load(FILE.read_text(encoding="utf-8")))


def statement(title: str) -> dict[str, Rad]:
    """'Resultaträkning', 'Balansräkning' or 'Kassaflödesanalys': printed label → row."""
    return copy.deepcopy(_tables()[title.lower()])


def sammanstallning() -> dict[str, tuple[int, int, int, int]]:
    """Table 7, keyed by proj.nr (or the label of a row without one), in tkr:
    (årsbudget, periodbudget, utfall, avvikelse)."""
    return {str(k): tuple(v) for k, v in _tables()["sammanställning"].items()}  # type: ignore[misc]


def driftredovisning() -> dict[str, int]:
    """The driftredovisning's summary row, tkr, costs positive as printed."""
    return dict(_tables()["driftredovisning"])


def innehall() -> list[str]:
    """The innehållsförteckning's entries as printed, bilagor included."""
    return list(_tables()["innehållsförteckning"])

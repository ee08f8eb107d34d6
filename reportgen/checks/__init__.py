"""Consistency rules over the validated input and computed figures (see `reportgen check`)."""

from __future__ import annotations

from reportgen.findings import Finding
from reportgen.pipeline import Prepared


def run_checks(prepared: Prepared) -> list[Finding]:
    """Every consistency finding for a prepared report, errors and warnings."""
    return []

"""Read the published statements out of seed 000's text, so tests compare with the seed itself."""

from __future__ import annotations

import re
from pathlib import Path

NUMBER = re.compile(r"^[+\-−]?\d{1,3}(?:[ \u00a0]\d{3})*$")


def parse_amount(text: str) -> int | None:
    text = text.strip().replace("\u2212", "-").replace("\u00a0", " ")
    if not NUMBER.match(text):
        return None
    return int(text.replace(" ", "").replace("+", ""))


def seed_statement(seed: Path, title: str) -> dict[str, list[int | str | None]]:
    """Rows of the Markdown-like table that follows the line *title* in the seed text.

    Returns label → [value this year, value last year] (None where the seed prints nothing).
    """
    lines = seed.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == title and
                 i + 2 < len(lines) and lines[i + 2].startswith("| Belopp"))
    rows: dict[str, list[int | str | None]] = {}
    for line in lines[start + 2:]:
        if not line.startswith("|"):
            break
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if all(set(c) <= {"-", " "} for c in cells) or cells[0].startswith("Belopp"):
            continue
        values = cells[-2:]
        parsed: list[int | str | None] = []
        for v in values:
            amount = parse_amount(v)
            parsed.append(amount if amount is not None else (v or None))
        # "| | | inga | inga |" continues the row above (Ansvarsförbindelser)
        label = cells[0] or list(rows)[-1]
        rows[label] = parsed
    return rows

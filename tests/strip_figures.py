"""A copy of a report with its `ekonomi` figures removed, for the import tests."""

from __future__ import annotations

from pathlib import Path

from reportgen.yaml_edit import RoundTrip


def strip_figures(yaml: Path, year: int | None = None) -> None:
    """Remove from *yaml* the statements' figures, the opening balance, the notes' amounts
    and the budget's outcome and budget (comments and everything else kept); with *year*,
    only that year's figures and the budget."""
    trip = RoundTrip.open(yaml.read_text(encoding="utf-8"))
    eko = trip.data["ekonomi"]
    for name in ("resultaträkning", "balansräkning"):
        for y in list(eko[name]):
            if year is not None and y != year:
                continue
            words = {k: v for k, v in eko[name][y].items() if isinstance(v, str)}
            if words:  # ansvarsförbindelser: inga is no figure of the bookkeeping
                eko[name][y] = words
            else:
                del eko[name][y]
    if year is None:
        eko.pop("ingående_balans", None)
    for note in eko["noter"]:
        for row in note.get("rader", []):
            if year is None:
                row.pop("belopp", None)
            elif "belopp" in row:
                row["belopp"].pop(year, None)
    for row in trip.data["budget"]["rader"]:
        row.pop("utfall", None)
        row.pop("årsbudget", None)
    yaml.write_text(trip.dump(), encoding="utf-8")

"""A copy of a report with its `ekonomi` figures removed, for the import tests."""

from __future__ import annotations

from pathlib import Path

from reportgen.yaml_edit import RoundTrip


def strip_figures(yaml: Path) -> None:
    """Remove from *yaml* the statements' figures, the opening balance, the notes' amounts
    and the budget's outcome and budget (comments and everything else kept)."""
    trip = RoundTrip.open(yaml.read_text(encoding="utf-8"))
    eko = trip.data["ekonomi"]
    for name in ("resultaträkning", "balansräkning"):
        for year in list(eko[name]):
            words = {k: v for k, v in eko[name][year].items() if isinstance(v, str)}
            if words:  # ansvarsförbindelser: inga is no figure of the bookkeeping
                eko[name][year] = words
            else:
                del eko[name][year]
    eko.pop("ingående_balans", None)
    for note in eko["noter"]:
        for row in note.get("rader", []):
            row.pop("belopp", None)
    for row in trip.data["budget"]["rader"]:
        row.pop("utfall", None)
        row.pop("årsbudget", None)
    yaml.write_text(trip.dump(), encoding="utf-8")

"""The Swedish message for a name that is not one of the valid names: the closest ones."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

# Up to this many valid names are listed in full; beyond it, only the closest.
LIST_ALL = 12


def okänt_namn(vad: str, namn: str, giltiga: Iterable[str]) -> str:
    """"okänt avsnitt 'resultatrakning'; menade du 'resultaträkning'? (giltiga: …)"."""
    names = list(giltiga)
    close = difflib.get_close_matches(namn, names, n=3, cutoff=0.6)
    text = f"{vad} {namn!r} finns inte"
    if close:
        text += f"; menade du {' eller '.join(repr(c) for c in close)}?"
    if len(names) <= LIST_ALL:
        text += f" (giltiga: {', '.join(names)})"
    return text

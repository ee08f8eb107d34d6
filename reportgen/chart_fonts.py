"""The report's typeface in the charts: matplotlib draws with the family the report is set
in (Inter, or the theme's `tema.typsnitt`), from the font files shipped in templates/fonts,
registered with matplotlib's font manager once per process — not the DejaVu Sans it falls
back to. Drawing inside `chart_font(name)` sets every text of a chart in that family."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

from reportgen.typsnitt import STANDARD, typsnitt


@lru_cache(maxsize=8)
def _registered(name: str) -> str:
    from matplotlib import font_manager

    for face in typsnitt(name).faces:
        font_manager.fontManager.addfont(str(face.path))
    return name


@contextmanager
def chart_font(name: str = STANDARD) -> Iterator[None]:
    """Draw the texts of a chart in the family *name* (one of reportgen/typsnitt.py)."""
    from matplotlib import rc_context

    with rc_context({"font.family": _registered(name)}):
        yield

"""The förvaltningsberättelse's own content: its introduction and the texts of its
standard sections, and the five-year overview of 1.1.

Each function gives one standard section's content (reportgen/document/registry.py names
them); a section whose content is empty is not printed. The board and the auditors (1.4)
are in sections_people.py, 1.5's tables and goals in sections_goals.py, its insatser in
sections_insatser.py.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from reportgen.compute.overview import compute_overview
from reportgen.document.model import Block, Section, Table
from reportgen.document.sections_goals import hushållning_blocks
from reportgen.document.tables import overview_rounding_note, overview_table

if TYPE_CHECKING:
    from reportgen.document.builder import Builder

Content = tuple[Block | Section, ...]


def narrative(name: str) -> Callable[[Builder], Content]:
    """The content of a section that is the förvaltningsberättelse's text *name* alone."""

    def blocks(b: Builder) -> Content:
        return b.fb_text(name)

    blocks.__name__ = f"{name}_blocks"
    return blocks


def femårsöversikt_table(b: Builder) -> Table | None:
    """The five-year overview, or None when the YAML has none. Its footnote is the YAML's
    text, then each tkr figure printed otherwise than its exact amount rounded."""
    overview = compute_overview(b.indata, b.eko)
    if overview is None:
        return None
    notes = []
    if b.indata.ekonomi.femårsöversikt_text:
        text = b.plain_text(("ekonomi", "femårsöversikt_text"), b.indata.ekonomi.femårsöversikt_text)
        notes.append(" ".join(text.split()))
    if overview.avrundning:
        notes.append(overview_rounding_note(overview.avrundning))
    return overview_table(overview, " ".join(notes) or None)


def översikt_blocks(b: Builder) -> Content:
    """1.1: the five-year overview, then its text."""
    table = femårsöversikt_table(b)
    return (*((table,) if table is not None else ()), *b.fb_text("översikt"))


def god_hushållning_blocks(b: Builder) -> Content:
    """1.5: the text, then equity, costs, balanskrav, goals and insatser."""
    return (*b.fb_text("god_hushållning"), *hushållning_blocks(b))

"""What the marks of a reportgen DOCX name, looked up in the report model they came from."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from reportgen.document.model import (
    Block,
    Document,
    ListBlock,
    Paragraph,
    Quote,
    Section,
    Table,
)
from reportgen.document.origin import FigureRef, Origin, TextSource
from reportgen.render.docx_blocks import bookmark_name
from reportgen.render.docx_marks import table_key


@dataclass
class Text:
    """One narrative text of the model: its blocks by index, its figures by index."""

    source: TextSource
    blocks: dict[int, Block] = field(default_factory=dict)
    figures: dict[int, FigureRef] = field(default_factory=dict)
    section: str = ""  # the heading of the section it stands in

    def origin(self, block: int) -> Origin:
        origin = getattr(self.blocks[block], "origin", None)
        assert isinstance(origin, Origin)
        return origin


@dataclass
class PlacedTable:
    table: Table
    section: str  # the heading of the section it stands in


@dataclass
class ModelIndex:
    texts: dict[str, Text] = field(default_factory=dict)  # digest → text
    tables: dict[str, PlacedTable] = field(default_factory=dict)  # table_key → table
    sections: dict[str, Section] = field(default_factory=dict)  # heading bookmark → section
    anchors: dict[str, str] = field(default_factory=dict)  # heading bookmark → "#section-id"


def _runs_of(block: Block) -> Iterator[Paragraph]:
    if isinstance(block, Paragraph):
        yield block
    elif isinstance(block, ListBlock):
        for item in block.items:
            for child in item:
                yield from _runs_of(child)
    elif isinstance(block, Quote):
        for child in block.blocks:
            yield from _runs_of(child)


def index_model(document: Document) -> ModelIndex:
    index = ModelIndex()
    for number, section in enumerate(document.walk_sections(), start=1):
        name = bookmark_name(number)
        index.sections[name] = section
        index.anchors[name] = "#" + section.id

    def walk(blocks: tuple[Block | Section, ...], heading: str) -> None:
        for block in blocks:
            if isinstance(block, Section):
                walk(block.blocks, block.heading)
                continue
            if isinstance(block, Table):
                index.tables.setdefault(table_key(block.id), PlacedTable(block, heading))
            origin = getattr(block, "origin", None)
            if not isinstance(origin, Origin):
                continue
            text = index.texts.setdefault(origin.text.digest, Text(origin.text, section=heading))
            text.blocks[origin.block] = block
            for paragraph in _runs_of(block):
                for run in paragraph.runs:
                    if run.figure is not None:
                        text.figures[run.figure.index] = run.figure

    walk(document.sections, "")
    return index

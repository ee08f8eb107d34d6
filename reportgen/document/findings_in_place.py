"""Findings where they are: in a draft (and so in the preview), a table cell whose stated
figure the checks found wrong is marked in place, with the computed figure and the message.

A finding belongs to a cell when its field is the YAML path the cell's figure is given at
(`Cell.source`, document/tables.py). The marks are numbered through the report in order;
each table lists its own under it. The renderers print what the marks say: the HTML marks
the cell and links it to its note, the DOCX shades it and lists the notes under the table.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from reportgen.document.model import Block, Cell, CellMark, Row, Section, Table
from reportgen.findings import Finding
from reportgen.fmt import kronor


def _dotted(path: tuple[str | int, ...]) -> str:
    return ".".join(str(p) for p in path)


class _Marker:
    def __init__(self, findings: Iterable[Finding]) -> None:
        self.by_field: dict[str, list[Finding]] = {}
        for f in findings:
            if f.field:
                self.by_field.setdefault(f.field, []).append(f)
        self.count = 0

    def cell(self, cell: Cell) -> Cell:
        if cell.source is None or not cell.text:
            return cell
        found = self.by_field.get(_dotted(cell.source))
        if not found:
            return cell
        marks = []
        for finding in found:
            self.count += 1
            expected = kronor(finding.expected) if finding.expected is not None else None
            stated = kronor(finding.stated) if finding.stated is not None else cell.text
            marks.append(CellMark(self.count, finding.message, stated, expected,
                                  finding.field))
        return replace(cell, marks=tuple(marks))

    def table(self, table: Table) -> Table:
        def row(r: Row) -> Row:
            return replace(r, cells=tuple(self.cell(c) for c in r.cells))

        return replace(table, body=tuple(row(r) for r in table.body))

    def blocks(self, blocks: tuple[Block | Section, ...]) -> tuple[Block | Section, ...]:
        out: list[Block | Section] = []
        for block in blocks:
            if isinstance(block, Section):
                out.append(replace(block, blocks=self.blocks(block.blocks)))
            elif isinstance(block, Table):
                out.append(self.table(block))
            else:
                out.append(block)
        return tuple(out)


def mark_findings(sections: tuple[Section, ...], findings: Iterable[Finding]) -> tuple[Section, ...]:
    """*sections* with every cell a finding is about marked (numbered in report order)."""
    marker = _Marker(findings)
    if not marker.by_field:
        return sections
    return tuple(s for s in marker.blocks(sections) if isinstance(s, Section))

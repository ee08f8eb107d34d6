"""Texts and files the YAML names: every Markdown file and the logo exist in the project.

Building the report model finds these too, but `check` does not build it (that would
import the Markdown and template stack); it reads each named file the same way instead
(reportgen/narrative.py), so a file that is missing, outside the project folder, not
UTF-8 or holding control characters is reported with the rest.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from reportgen.checks.base import Kontext, Regel, regel
from reportgen.findings import Finding, UserError
from reportgen.load import PathKey
from reportgen.narrative import inside, is_file_reference, resolve


def _file_references(node: Any, path: PathKey) -> Iterator[tuple[PathKey, str]]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _file_references(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _file_references(value, (*path, index))
    elif isinstance(node, str) and is_file_reference(node):
        yield path, node


@regel("text.filer", "Markdown-filerna som YAML-filen nämner finns i projektmappen")
def text_filer(ctx: Kontext) -> Iterator[Finding]:
    for path, value in _file_references(ctx.source.data, ()):
        try:
            narrative = resolve(value, path, ctx.source)
        except UserError as error:
            yield from error.findings
        else:
            yield from narrative.warnings


@regel("text.logotyp", "Logotypen finns i projektmappen")
def text_logotyp(ctx: Kontext) -> Iterator[Finding]:
    logo = ctx.indata.förbund.logotyp
    if logo:
        file = ctx.source.base_dir / logo
        where = ("förbund", "logotyp")
        if not inside(file, ctx.source.base_dir):
            yield ctx.fynd(where, "logotypen ligger utanför projektmappen", "text.logotyp")
        elif not file.is_file():
            yield ctx.fynd(where, f"logotypen {logo!r} finns inte", "text.logotyp")


REGLER: tuple[Regel, ...] = (text_filer, text_logotyp)

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
from reportgen.narrative import is_file_reference, logo_problem, resolve


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
    problem = logo_problem(ctx.source, logo) if logo else None
    if problem is not None:
        yield ctx.fynd(("förbund", "logotyp"), problem, "text.logotyp")


REGLER: tuple[Regel, ...] = (text_filer, text_logotyp)

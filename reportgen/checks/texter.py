"""Texts and files the YAML names: every Markdown file and the logo exist in the project,
and every `{{ name }}` in a text names a computed figure.

Building the report model finds these too, but `check` does not build it (that would
import the Markdown and template stack); it reads each named file the same way instead
(reportgen/narrative.py), so a file that is missing, outside the project folder, not
UTF-8 or holding control characters is reported with the rest. The figure expressions
are checked by the function the build renders them with (`Figurer.textfel`, through
`Narrative.textfel`), over the same names, so both say the same thing in the same place.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from reportgen.checks.base import Kontext, Regel, regel
from reportgen.figures import har_uttryck, textfigurer
from reportgen.findings import Finding, Severity, UserError
from reportgen.load import PathKey, strings
from reportgen.narrative import is_file_reference, logo_problem, logo_warning, resolve


def _file_references(node: Any, path: PathKey) -> Iterator[tuple[PathKey, str]]:
    return ((p, value) for p, value in strings(node, path) if is_file_reference(value))


def _names_a_figure(path: PathKey) -> bool:
    """A mått's `utfall` is a figure name (bare or as `{{ name }}`), not text; rule
    mått.utfall checks it."""
    return len(path) >= 3 and path[-1] == "utfall" and path[-3] == "mått"


@regel("text.filer", "Markdown-filerna som YAML-filen nämner finns i projektmappen")
def text_filer(ctx: Kontext) -> Iterator[Finding]:
    for path, value in _file_references(ctx.source.data, ()):
        try:
            narrative = resolve(value, path, ctx.source)
        except UserError as error:
            yield from error.findings
        else:
            yield from narrative.warnings


@regel("text.siffror", "Siffrorna som texterna nämner som {{ namn }} finns")
def text_siffror(ctx: Kontext) -> Iterator[Finding]:
    figurer = None
    for path, value in strings(ctx.source.data, ()):
        if _names_a_figure(path) or not (is_file_reference(value) or har_uttryck(value)):
            continue
        try:
            narrative = resolve(value, path, ctx.source)
        except UserError:
            continue  # reported by text.filer
        if not har_uttryck(narrative.text):
            continue
        if figurer is None:
            # The names the build's texts can use, without formatting a figure.
            figurer = textfigurer(ctx.indata, ctx.figurer)
        yield from narrative.textfel(figurer)


@regel("text.logotyp", "Logotypen finns i projektmappen")
def text_logotyp(ctx: Kontext) -> Iterator[Finding]:
    logo = ctx.indata.förbund.logotyp
    problem = logo_problem(ctx.source, logo) if logo else None
    if problem is not None:
        yield ctx.fynd(("förbund", "logotyp"), problem, "text.logotyp")
    elif logo and (warning := logo_warning(ctx.source, logo)):
        yield ctx.fynd(("förbund", "logotyp"), warning, "text.logotyp", Severity.WARNING)


REGLER: tuple[Regel, ...] = (text_filer, text_siffror, text_logotyp)

"""Texts and files the YAML names: every Markdown file and the logo exist in the project,
every `{{ name }}` in a text names a computed figure, and no other field holds one.

The texts are the narrative fields the schema marks (`Text`, `Korttext`; found by
reportgen/schema/marked.py), the same fields the report model fills in. Building the
report model finds these problems too, but `check` does not build it (that would import
the Markdown and template stack); it reads each named file the same way instead
(reportgen/narrative.py), so a file that is missing, outside the project folder, not
UTF-8 or holding control characters is reported with the rest. The figure expressions
are checked by the function the build fills them in with (`Figurer.textfel`, through
`Narrative.textfel`), over the same names, so both say the same thing in the same place.
"""

from __future__ import annotations

from collections.abc import Iterator

from reportgen.checks.base import Kontext, Regel, regel
from reportgen.figures import har_uttryck, textfigurer
from reportgen.findings import Finding, Severity, UserError
from reportgen.load import strings
from reportgen.narrative import is_file_reference, logo_problem, logo_warning, resolve
from reportgen.schema.marked import marked_strings, narrative_fields


@regel("text.filer", "Markdown-filerna som texterna nämner finns i projektmappen")
def text_filer(ctx: Kontext) -> Iterator[Finding]:
    for path, value, kind in narrative_fields(ctx.indata):
        if not (kind.markdown and is_file_reference(value)):
            continue
        try:
            narrative = resolve(value, path, ctx.source, kind)
        except UserError as error:
            yield from error.findings
        else:
            yield from narrative.warnings


@regel("text.siffror", "Siffrorna som texterna nämner som {{ namn }} finns")
def text_siffror(ctx: Kontext) -> Iterator[Finding]:
    figurer = None
    for path, value, kind in narrative_fields(ctx.indata):
        if not ((kind.markdown and is_file_reference(value)) or har_uttryck(value)):
            continue
        try:
            narrative = resolve(value, path, ctx.source, kind)
        except UserError:
            continue  # reported by text.filer
        if not har_uttryck(narrative.text):
            continue
        if figurer is None:
            # The names the build's texts can use, without formatting a figure.
            figurer = textfigurer(ctx.indata, ctx.figurer)
        yield from narrative.textfel(figurer)


INGA_SIFFROR = (
    "här kan inga siffror anges: fältet är ingen text där {{ … }} fylls i, så det skulle "
    "visas som det står; siffror kan nämnas i förvaltningsberättelsens avsnitt, i noternas, "
    "målens och insatsernas texter, i driftredovisningens förklaringar, i egna avsnitts "
    "rubriker och texter och i fasta texter (texter:) (se README, avsnittet Siffror i texten)"
)


@regel("text.inga_siffror", "{{ … }} står bara i texter, där siffrorna fylls i")
def text_inga_siffror(ctx: Kontext) -> Iterator[Finding]:
    candidates = [(path, value) for path, value in strings(ctx.source.data, ())
                  if har_uttryck(value)]
    if not candidates:
        return
    # The narrative fields, and those naming a figure (a mått's utfall: rule mått.utfall).
    allowed = {path for path, _, _ in marked_strings(ctx.indata)}
    for path, _value in candidates:
        if path not in allowed:
            yield ctx.fynd(path, INGA_SIFFROR, "text.inga_siffror")


@regel("text.logotyp", "Logotypen finns i projektmappen")
def text_logotyp(ctx: Kontext) -> Iterator[Finding]:
    logo = ctx.indata.förbund.logotyp
    problem = logo_problem(ctx.source, logo) if logo else None
    if problem is not None:
        yield ctx.fynd(("förbund", "logotyp"), problem, "text.logotyp")
    elif logo and (warning := logo_warning(ctx.source, logo)):
        yield ctx.fynd(("förbund", "logotyp"), warning, "text.logotyp", Severity.WARNING)


REGLER: tuple[Regel, ...] = (text_filer, text_siffror, text_inga_siffror, text_logotyp)

"""load → schema → compute → checks → document: everything up to (not including) rendering.

`load_and_check` is the part every command shares (`check` stops there); `prepare` adds
the report model for `build` and `serve`. The checks run before the report model is
built, as STYLE.md orders it: a report whose figures do not agree is refused with every
finding (not only the first problem the model builder happens to meet), unless the
caller accepts a draft.

The report model (and with it Markdown and Jinja) is imported only by `prepare`, so
`reportgen check` stays fast.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reportgen.checks import check_figures
from reportgen.compute.statements import Ekonomiberakning, compute_ekonomi
from reportgen.findings import Finding, Severity, UserError
from reportgen.load import Source, load_yaml
from reportgen.schema import Indata
from reportgen.validate import validate

if TYPE_CHECKING:
    from reportgen.document.model import Document


@dataclass(frozen=True)
class Checked:
    """The validated input, its computed figures and every finding of the checks."""

    source: Source
    indata: Indata
    eko: Ekonomiberakning
    findings: tuple[Finding, ...]  # the YAML's warnings, then every rule's findings

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is Severity.ERROR)


def load_and_check(file: Path) -> Checked:
    """Load, validate, compute and run every check. Writes nothing.

    Raises UserError on input that cannot be read or validated (with the YAML's
    warnings, so they are not lost); check findings are returned, not raised.
    """
    source = load_yaml(file)
    try:
        indata = validate(source)
    except UserError as error:
        raise UserError([*source.warnings, *error.findings]) from None
    eko = compute_ekonomi(indata)
    return Checked(source, indata, eko, (*source.warnings, *check_figures(source, indata, eko)))


@dataclass(frozen=True)
class Prepared:
    source: Source
    indata: Indata
    eko: Ekonomiberakning
    document: Document
    warnings: tuple[Finding, ...]
    errors: tuple[Finding, ...] = ()  # check errors a draft was built despite


def prepare(file: Path, draft: bool = False, errors_make_draft: bool = False) -> Prepared:
    """Everything a renderer needs. Writes nothing.

    Raises UserError on input that cannot be read or validated, and on check errors
    unless *draft* (the user asked for a draft) or *errors_make_draft* (the preview:
    show the page anyway, marked UTKAST) is set.
    """
    from reportgen.document.build import build_document

    checked = load_and_check(file)
    findings, errors = checked.findings, checked.errors
    if errors and not (draft or errors_make_draft):
        raise UserError([*errors, *(f for f in findings if f.severity is Severity.WARNING)])
    document, built_warnings = build_document(
        checked.indata, checked.source, checked.eko, draft=draft or bool(errors),
        findings=errors,
    )
    # The checks read the named Markdown files too; a warning about one is said once.
    warnings = tuple(
        dict.fromkeys(f for f in (*findings, *built_warnings) if f.severity is Severity.WARNING)
    )
    return Prepared(checked.source, checked.indata, checked.eko, document, warnings, errors)

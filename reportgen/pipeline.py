"""load → schema → compute → checks → document: everything up to (not including) rendering.

The checks run before the report model is built, as STYLE.md orders it: a report whose
figures do not agree is refused with every finding (not only the first problem the
model builder happens to meet), unless the caller accepts a draft.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportgen.checks import check_figures
from reportgen.compute.statements import Ekonomiberakning, compute_ekonomi
from reportgen.document.build import build_document
from reportgen.document.model import Document
from reportgen.findings import Finding, Severity, UserError
from reportgen.load import Source, load_yaml
from reportgen.schema import Indata
from reportgen.validate import validate


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
    source = load_yaml(file)
    indata = validate(source)
    eko = compute_ekonomi(indata)
    findings = [*source.warnings, *check_figures(source, indata, eko)]
    errors = tuple(f for f in findings if f.severity is Severity.ERROR)
    if errors and not (draft or errors_make_draft):
        raise UserError([*errors, *(f for f in findings if f.severity is Severity.WARNING)])
    document, built_warnings = build_document(
        indata, source, eko, draft=draft or bool(errors)
    )
    # The checks read the named Markdown files too; a warning about one is said once.
    warnings = tuple(
        dict.fromkeys(f for f in (*findings, *built_warnings) if f.severity is Severity.WARNING)
    )
    return Prepared(source, indata, eko, document, warnings, errors)

"""load → schema → compute → checks → document: everything up to (not including) rendering.

`load_and_check` is the part every command shares (`check` stops there); `prepare` adds
the report model for `build` and `serve`. The checks run before the report model is
built, as STYLE.md orders it: a report whose figures do not agree is refused with every
finding (not only the first problem the model builder happens to meet), unless the
caller accepts a draft.

The report model (and with it Markdown and Jinja) is imported only by `prepare`, so
`reportgen check` stays fast.

`build` may ask for the report model before the checks (`model_ready`): the model of a
build does not depend on their outcome (a draft is marked because it was asked for, and
errors without a draft refuse the build), so the PDF can start while they run; what is
refused, and with which findings, stays the same.
"""

from __future__ import annotations

from collections.abc import Callable
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
    return _checked(*_validated(file))


def _validated(file: Path) -> tuple[Source, Indata, Ekonomiberakning]:
    source = load_yaml(file)
    try:
        indata = validate(source)
    except UserError as error:
        raise UserError([*source.warnings, *error.findings]) from None
    return source, indata, compute_ekonomi(indata)


def _checked(source: Source, indata: Indata, eko: Ekonomiberakning) -> Checked:
    return Checked(source, indata, eko, (*source.warnings, *check_figures(source, indata, eko)))


def _refused(checked: Checked) -> UserError:
    """Check errors that refuse a build: every error, then the warnings."""
    return UserError([*checked.errors,
                      *(f for f in checked.findings if f.severity is Severity.WARNING)])


@dataclass(frozen=True)
class Prepared:
    source: Source
    indata: Indata
    eko: Ekonomiberakning
    document: Document
    warnings: tuple[Finding, ...]
    errors: tuple[Finding, ...] = ()  # check errors a draft was built despite


def prepare(
    file: Path, draft: bool = False, errors_make_draft: bool = False,
    model_ready: Callable[[Document], None] | None = None,
) -> Prepared:
    """Everything a renderer needs. Writes nothing.

    Raises UserError on input that cannot be read or validated, and on check errors
    unless *draft* (the user asked for a draft) or *errors_make_draft* (the preview:
    show the page anyway, marked UTKAST) is set.

    *model_ready*, if given (not with *errors_make_draft*, whose model depends on the
    checks), is called with the report model as soon as it is built, before the checks
    run; the checks may still refuse the build afterwards.
    """
    from reportgen.document.build import build_document

    if model_ready is not None and not errors_make_draft:
        return _model_first(file, draft, model_ready)
    checked = load_and_check(file)
    errors = checked.errors
    if errors and not (draft or errors_make_draft):
        raise _refused(checked)
    document, built_warnings = build_document(
        checked.indata, checked.source, checked.eko, draft=draft or bool(errors)
    )
    return _prepared(checked, document, built_warnings)


def _model_first(file: Path, draft: bool, model_ready: Callable[[Document], None]) -> Prepared:
    """`prepare` with the report model built (and handed to *model_ready*) before the checks.

    A model builder that fails on input the checks would have refused does not hide the
    checks' findings: they are reported as if the checks had run first.
    """
    from reportgen.document.build import build_document

    source, indata, eko = _validated(file)
    try:
        document, built_warnings = build_document(indata, source, eko, draft=draft)
    except Exception:
        checked = _checked(source, indata, eko)
        if checked.errors and not draft:
            raise _refused(checked) from None
        raise
    model_ready(document)
    checked = _checked(source, indata, eko)
    if checked.errors and not draft:
        raise _refused(checked)
    return _prepared(checked, document, built_warnings)


def _prepared(checked: Checked, document: Document, built: list[Finding]) -> Prepared:
    # The checks read the named Markdown files too; a warning about one is said once.
    warnings = tuple(dict.fromkeys(
        f for f in (*checked.findings, *built) if f.severity is Severity.WARNING
    ))
    return Prepared(checked.source, checked.indata, checked.eko, document, warnings,
                    checked.errors)

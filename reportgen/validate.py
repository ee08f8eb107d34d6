"""Validate loaded YAML against the schema; every problem becomes a located Swedish finding."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from reportgen.findings import Finding, Severity, UserError
from reportgen.load import PathKey, Source
from reportgen.schema import Indata

# Pydantic error type → Swedish message. {ctx} fields come from the error's context.
_MESSAGES: dict[str, str] = {
    "missing": "obligatoriskt fält saknas",
    "extra_forbidden": "okänt fält (stavfel, eller fel nivå i indraget?)",
    "int_type": "ska vara ett heltal (belopp anges i hela kronor utan mellanslag, t.ex. 4507990)",
    "int_parsing": "ska vara ett heltal (belopp anges i hela kronor utan mellanslag, t.ex. 4507990)",
    "int_from_float": "ska vara ett heltal, inte ett decimaltal",
    "float_type": "ska vara ett tal",
    "float_parsing": "ska vara ett tal",
    "string_type": "ska vara en text",
    "bool_type": "ska vara ja/nej (true/false)",
    "bool_parsing": "ska vara ja/nej (true/false)",
    "date_type": "ska vara ett datum på formen ÅÅÅÅ-MM-DD",
    "date_parsing": "ska vara ett datum på formen ÅÅÅÅ-MM-DD",
    "date_from_datetime_parsing": "ska vara ett datum på formen ÅÅÅÅ-MM-DD",
    "date_from_datetime_inexact": "ska vara ett datum utan klockslag",
    "list_type": "ska vara en lista (rader som börjar med '-')",
    "dict_type": "ska vara en mappning (nyckel: värde)",
    "model_type": "ska vara en mappning (nyckel: värde)",
    "model_attributes_type": "ska vara en mappning (nyckel: värde)",
    "enum": "ska vara något av: {expected}",
    "literal_error": "ska vara något av: {expected}",
    "string_pattern_mismatch": "har fel form (förväntat mönster {pattern})",
    "too_short": "får inte vara tom",
    "greater_than_equal": "ska vara minst {ge}",
    "less_than_equal": "får vara högst {le}",
    "value_error": "{msg}",
}

_PATTERN_HINTS = {
    r"^\d{6}-\d{4}$": "NNNNNN-NNNN, t.ex. 222000-1735",
}


def _message(error: Any) -> str:
    kind = error["type"]
    ctx = dict(error.get("ctx") or {})
    if "pattern" in ctx:
        ctx["pattern"] = _PATTERN_HINTS.get(ctx["pattern"], ctx["pattern"])
    if "expected" in ctx:
        ctx["expected"] = str(ctx["expected"]).replace(" or ", " eller ")
    if kind == "value_error":
        ctx["msg"] = str(error.get("msg", "")).removeprefix("Value error, ")
    template = _MESSAGES.get(kind)
    if template is None:
        return f"ogiltigt värde ({error.get('msg', kind)})"
    try:
        text = template.format(**ctx)
    except (KeyError, IndexError):
        text = template
    found = error.get("input")
    if kind in {"int_type", "int_parsing", "int_from_float", "date_parsing", "date_type"} and (
        isinstance(found, str | int | float)
    ):
        text += f"; fann {found!r}"
    return text


def _clean_loc(loc: tuple[Any, ...]) -> PathKey:
    """Drop Pydantic's union/tagged-union markers from a location path."""
    out: list[str | int] = []
    for part in loc:
        if isinstance(part, str) and ("[" in part or part in {"function-after", "lax-or-strict"}):
            continue
        if isinstance(part, str) and part.isdigit():
            out.append(int(part))
        else:
            out.append(part)
    return tuple(out)


def _dotted(path: PathKey) -> str:
    return ".".join(str(p) for p in path)


def _locate(path: PathKey, kind: str) -> PathKey:
    # A missing field has no position; point at its parent mapping instead.
    return path[:-1] if kind == "missing" else path


def validate(source: Source) -> Indata:
    """The validated input model, or a UserError listing every problem."""
    try:
        model = Indata.model_validate(source.data)
    except ValidationError as exc:
        findings: list[Finding] = []
        seen: set[tuple[PathKey, str]] = set()
        for error in exc.errors():
            path = _clean_loc(tuple(error["loc"]))
            message = _message(error)
            if (path, message) in seen:
                continue
            seen.add((path, message))
            location = source.locate(_locate(path, error["type"]))
            findings.append(
                Finding(location, message, Severity.ERROR, _dotted(path), f"schema.{error['type']}")
            )
        findings.sort(key=lambda f: (f.location.line or 0, f.location.column or 0))
        raise UserError(findings) from None
    findings = _structural(model, source)
    if findings:
        raise UserError(findings)
    return model


def _structural(model: Indata, source: Source) -> list[Finding]:
    """Requirements Pydantic cannot express with a location: both years must be present."""
    year = model.rapport.räkenskapsår
    findings = []
    for name in ("resultaträkning", "balansräkning"):
        have = getattr(model.ekonomi, name)
        for y in (year, year - 1):
            if y not in have:
                path: PathKey = ("ekonomi", name)
                findings.append(
                    Finding(
                        source.locate(path),
                        f"år {y} saknas (räkenskapsåret och jämförelseåret behövs)",
                        Severity.ERROR,
                        _dotted(path),
                        "schema.år",
                    )
                )
    return findings

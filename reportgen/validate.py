"""Validate loaded YAML against the schema; every problem becomes a located Swedish finding."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from reportgen import schema_messages as messages
from reportgen.findings import Finding, Severity, UserError
from reportgen.load import PathKey, Source, dotted
from reportgen.schema import Indata

_ABSENT = object()
M = TypeVar("M", bound=BaseModel)


def yaml_path(loc: tuple[Any, ...], data: Any, kind: str) -> tuple[PathKey, int | None]:
    """Pydantic's location as the YAML path of the value, and where (the index in that
    path) the first of Pydantic's own names was dropped: a union's branch
    ("constrained-int", "KönAntal"), "[key]", "function-after[…]", … Each part is kept
    only if the data has it there, so no internal name is ever shown; a missing field's
    own name (the last part) is kept."""
    out: list[str | int] = []
    dropped: int | None = None
    node = data
    for index, part in enumerate(loc):
        step = _child(node, part)
        if step is not _ABSENT:
            out.append(_key(node, part))
            node = step
        elif kind == "missing" and index == len(loc) - 1 and isinstance(part, str):
            out.append(part)
        elif dropped is None:
            dropped = len(out)
    return tuple(out), dropped


def _child(node: Any, part: Any) -> Any:
    if isinstance(node, dict):
        if part in node:
            return node[part]
        if isinstance(part, str) and part.lstrip("-").isdigit() and int(part) in node:
            return node[int(part)]
    elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
        return node[part]
    return _ABSENT


def _key(node: Any, part: Any) -> str | int:
    if isinstance(node, dict) and part not in node:
        return int(part)
    return part if isinstance(part, str | int) else str(part)


def _locate(path: PathKey, kind: str) -> PathKey:
    # A missing field has no position; point at its parent mapping instead.
    return path[:-1] if kind == "missing" else path


def _worded(errors: list[Any], data: Any) -> list[tuple[PathKey, str, str]]:
    """(path, rule, message) of each error, a union's branches merged.

    Where no branch of a union takes the value, Pydantic reports every branch. If the
    value got into a branch (a mapping that fits the model but for one field), only that
    branch's errors are said; if it fits none (a text where a number or a mapping
    belongs), one message names what it may be.
    """
    located = [(error, *yaml_path(tuple(error["loc"]), data, error["type"]))
               for error in errors]
    unions: dict[PathKey, list[tuple[dict[str, Any], PathKey]]] = {}
    plain: list[tuple[PathKey, str, str]] = []
    for error, path, dropped in located:
        if dropped is None:
            plain.append((path, error["type"], messages.message(error)))
        else:
            unions.setdefault(path[:dropped], []).append((error, path))
    for point, branch_errors in unions.items():
        at_point = [(e, p) for e, p in branch_errors if p == point and messages.kind(e)]
        deeper = [(e, p) for e, p in branch_errors if (e, p) not in at_point]
        if deeper:
            plain.extend((p, e["type"], messages.message(e)) for e, p in deeper)
            continue
        kinds = list(dict.fromkeys(k for e, _ in at_point if (k := messages.kind(e))))
        found = messages.shown(branch_errors[0][0].get("input"))
        plain.append((point, "union", f"ska vara {' eller '.join(kinds)}; fann {found}"))
    return plain


def validate_as(model_type: type[M], source: Source) -> M:
    """*source*'s data as *model_type*, or a UserError with every problem at its place (the
    report's YAML, and other YAML files reportgen reads such as a kontoplan)."""
    try:
        return model_type.model_validate(source.data)
    except ValidationError as exc:
        findings: list[Finding] = []
        seen: set[tuple[PathKey, str]] = set()
        for path, kind, message in _worded(list(exc.errors()), source.data):
            if (path, message) in seen:
                continue
            seen.add((path, message))
            location = source.locate(_locate(path, kind))
            findings.append(Finding(location, message, Severity.ERROR, dotted(path), f"schema.{kind}"))
        findings.sort(key=lambda f: (f.location.line or 0, f.location.column or 0))
        raise UserError(findings) from None


def validate(source: Source) -> Indata:
    """The validated input model, or a UserError listing every problem."""
    model = validate_as(Indata, source)
    findings = _structural(model, source)
    if findings:
        raise UserError(findings)
    return model


def _structural(model: Indata, source: Source) -> list[Finding]:
    """Requirements Pydantic cannot express with a location: both years must be present."""
    year = model.rapport.räkenskapsår
    findings: list[Finding] = []
    if model.rapport.typ == "delårsrapport" and model.utan_räkenskaper:
        return findings  # a delårsrapport without statements
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
                        dotted(path),
                        "schema.år",
                    )
                )
    return findings

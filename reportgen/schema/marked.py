"""Find the strings of a validated model whose field carries a marker (schema/base.py).

`narrative_fields(indata)` gives every narrative field (`Text`, `Korttext`) with its YAML
path: `reportgen check` checks the figure expressions of exactly these, the report model
fills in figures in exactly these. The schema says once which fields they are; nothing
else keeps a list.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator
from enum import Enum
from functools import cache
from types import UnionType
from typing import Annotated, Any, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel

from reportgen.schema.base import Berättelse, Figurreferens

PathKey = tuple[str | int, ...]  # as reportgen.load.PathKey (not imported: load is I/O)
M = TypeVar("M", bound=Hashable)
_UNIONS = (Union, UnionType)


def narrative_fields(model: BaseModel) -> Iterator[tuple[PathKey, str, Berättelse]]:
    """Every narrative string of *model*: (YAML path, text, its marker), in field order."""
    return marked_strings(model, Berättelse)


def figure_name_fields(model: BaseModel) -> Iterator[tuple[PathKey, str, Figurreferens]]:
    """Every string of *model* that names a computed figure (a mått's utfall)."""
    return marked_strings(model, Figurreferens)


def marked_strings(model: BaseModel, marker: type[M]) -> Iterator[tuple[PathKey, str, M]]:
    """Every string value of *model* whose annotation carries a *marker* instance."""
    return _model(model, (), marker)


def _model(model: BaseModel, path: PathKey, marker: type[M]) -> Iterator[tuple[PathKey, str, M]]:
    for name, annotation, found in _fields(type(model), marker):
        value = getattr(model, name)
        if found is not None and isinstance(value, str):
            yield (*path, name), value, found
        else:
            yield from _value(annotation, value, (*path, name), marker)


@cache
def _fields(cls: type[BaseModel], marker: type) -> tuple[tuple[str, Any, Any], ...]:
    """The fields of *cls* that may hold a marked string: (name, annotation, the marker
    on the field itself or None)."""
    out = []
    for name, info in cls.model_fields.items():
        found = next((m for m in info.metadata if isinstance(m, marker)), None)
        if found is not None or _may_hold(info.annotation, marker):
            out.append((name, info.annotation, found))
    return tuple(out)


def _may_hold(annotation: Any, marker: type) -> bool:
    origin = get_origin(annotation)
    if origin is Annotated:
        base, *metadata = get_args(annotation)
        return any(isinstance(m, marker) for m in metadata) or _may_hold(base, marker)
    if origin is not None:  # a union, list[…], dict[…, …]
        return any(_may_hold(arg, marker) for arg in get_args(annotation))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return bool(_fields(annotation, marker))  # (the schema's models nest, never recur)
    return False


def _value(annotation: Any, value: Any, path: PathKey,
           marker: type[M]) -> Iterator[tuple[PathKey, str, M]]:
    if value is None:
        return
    origin = get_origin(annotation)
    if origin is Annotated:
        base, *metadata = get_args(annotation)
        found = next((m for m in metadata if isinstance(m, marker)), None)
        if found is not None and isinstance(value, str):
            yield path, value, found
        else:
            yield from _value(base, value, path, marker)
    elif origin in _UNIONS:
        arm = next((a for a in get_args(annotation) if _accepts(a, value)), None)
        if arm is not None:
            yield from _value(arm, value, path, marker)
    elif origin is list:
        (item,) = get_args(annotation)
        for index, element in enumerate(value):
            yield from _value(item, element, (*path, index), marker)
    elif origin is dict:
        _key, item = get_args(annotation)
        for key, element in value.items():
            # The YAML key: an enum key (a Budgetslag) is written as its value.
            yield from _value(item, element, (*path, key.value if isinstance(key, Enum) else key),
                              marker)
    elif isinstance(value, BaseModel):
        yield from _model(value, path, marker)


def _accepts(annotation: Any, value: Any) -> bool:
    """Is *value* (already validated) an instance of this arm of a union?"""
    while get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    kind = get_origin(annotation) or annotation
    return isinstance(kind, type) and isinstance(value, kind)

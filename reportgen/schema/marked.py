"""Find the strings of a validated model whose field carries a marker (schema/base.py).

`narrative_fields(indata)` gives every narrative field (`Text`, `Korttext`) with its YAML
path: `reportgen check` checks the figure expressions of exactly these, the report model
fills in figures in exactly these. The schema says once which fields they are; nothing
else keeps a list.
"""

from __future__ import annotations

from collections.abc import Iterator
from enum import Enum
from functools import cache
from types import UnionType
from typing import Annotated, Any, ForwardRef, Union, get_args, get_origin, get_type_hints

from pydantic import BaseModel

from reportgen.schema.base import Berättelse, Figurreferens, Ifyllnad

PathKey = tuple[str | int, ...]  # as reportgen.load.PathKey (not imported: load is I/O)
Marker = Berättelse | Figurreferens | Ifyllnad
_MARKERS = (Berättelse, Figurreferens, Ifyllnad)
_UNIONS = (Union, UnionType)


def narrative_fields(model: BaseModel) -> Iterator[tuple[PathKey, str, Berättelse]]:
    """Every narrative string of *model*: (YAML path, text, its marker), in field order."""
    for path, value, marker in marked_strings(model):
        if isinstance(marker, Berättelse):
            yield path, value, marker


def marked_strings(model: BaseModel) -> Iterator[tuple[PathKey, str, Marker]]:
    """Every string value of *model* whose annotation carries a marker: the narrative
    fields and those naming a figure (a mått's utfall), where `{{ namn }}` may stand."""
    for path, value, marker in _walked(model):
        if isinstance(value, str) and not isinstance(marker, Ifyllnad):
            yield path, value, marker


def gaps(model: BaseModel) -> Iterator[tuple[PathKey, Ifyllnad]]:
    """Every empty value of *model* in a field that may be a gap (`Ifyllnad`), with its path.
    A field left out is empty too: whether the YAML writes it is for the caller to see."""
    for path, value, marker in _walked(model):
        if value is None and isinstance(marker, Ifyllnad):
            yield path, marker


_last: tuple[BaseModel, tuple[tuple[PathKey, Any, Marker], ...]] | None = None


def _walked(model: BaseModel) -> tuple[tuple[PathKey, Any, Marker], ...]:
    """Everything the walk of *model* reports, kept for the model walked last: `reportgen
    check`'s rules walk the same (frozen) input model several times."""
    global _last
    if _last is None or _last[0] is not model:
        _last = (model, tuple(_model(model, ())))
    return _last[1]


def _held(value: Any, marker: Marker) -> bool:
    """Does the walk report *value* under *marker*: a gap's empty value, or a string of a
    narrative or figure field. A gap field that is filled in is walked into, so a text that
    may be a gap (a mål's utfall) is still found as the narrative it is."""
    if isinstance(marker, Ifyllnad):
        return value is None
    return isinstance(value, str)


def _model(model: BaseModel, path: PathKey) -> Iterator[tuple[PathKey, Any, Marker]]:
    for name, annotation, found in _fields(type(model)):
        value = getattr(model, name)
        if found is not None and _held(value, found):
            yield (*path, name), value, found
        else:
            yield from _value(annotation, value, (*path, name))


@cache
def _fields(cls: type[BaseModel]) -> tuple[tuple[str, Any, Marker | None], ...]:
    """The fields of *cls* that may hold a marked string: (name, annotation, the marker
    on the field itself or None)."""
    hints: dict[str, Any] = {}
    if any(isinstance(info.annotation, ForwardRef) for info in cls.model_fields.values()):
        # A model that names itself (a section's subsections, a budget group's groups) keeps
        # that field unresolved until it is built on its own (the schema's models defer
        # building). Its type hints resolve it without building a validator (`check` has
        # 0.3 s), else it is built.
        try:
            hints = get_type_hints(cls, include_extras=True)
        except NameError:
            cls.model_rebuild()
    out = []
    for name, info in cls.model_fields.items():
        annotation, metadata = info.annotation, list(info.metadata)
        if isinstance(annotation, ForwardRef) and name in hints:
            annotation = hints[name]
            if get_origin(annotation) is Annotated:
                annotation, *extra = get_args(annotation)
                metadata += extra
        found = next((m for m in metadata if isinstance(m, _MARKERS)), None)
        if found is not None or _may_hold(annotation):
            out.append((name, annotation, found))
    return tuple(out)


def _may_hold(annotation: Any) -> bool:
    origin = get_origin(annotation)
    if origin is Annotated:
        base, *metadata = get_args(annotation)
        return any(isinstance(m, _MARKERS) for m in metadata) or _may_hold(base)
    if origin is not None:  # a union, list[…], dict[…, …]
        return any(_may_hold(arg) for arg in get_args(annotation))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if annotation in _OPEN:  # a model that holds itself (a section's subsections):
            return True  # it may, if anything in it may; _value walks only what is there
        _OPEN.add(annotation)
        try:
            return bool(_fields(annotation))
        finally:
            _OPEN.discard(annotation)
    return False


_OPEN: set[type[BaseModel]] = set()  # the models whose fields _fields is listing


def _value(annotation: Any, value: Any, path: PathKey) -> Iterator[tuple[PathKey, Any, Marker]]:
    origin = get_origin(annotation)
    if origin is Annotated:
        base, *metadata = get_args(annotation)
        found = next((m for m in metadata if isinstance(m, _MARKERS)), None)
        if found is not None and _held(value, found):
            yield path, value, found
        elif value is not None:
            yield from _value(base, value, path)
        return
    if value is None:
        return
    elif origin in _UNIONS:
        arm = next((a for a in get_args(annotation) if _accepts(a, value)), None)
        if arm is not None:
            yield from _value(arm, value, path)
    elif origin is list:
        (item,) = get_args(annotation)
        for index, element in enumerate(value):
            yield from _value(item, element, (*path, index))
    elif origin is dict:
        _key, item = get_args(annotation)
        for key, element in value.items():
            # The YAML key: an enum key (a Budgetslag) is written as its value.
            yield from _value(item, element, (*path, key.value if isinstance(key, Enum) else key))
    elif isinstance(value, BaseModel):
        yield from _model(value, path)


def _accepts(annotation: Any, value: Any) -> bool:
    """Is *value* (already validated) an instance of this arm of a union?"""
    while get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    if get_origin(annotation) in _UNIONS:  # a union within a union (an optional choice)
        return any(_accepts(arm, value) for arm in get_args(annotation))
    kind = get_origin(annotation) or annotation
    return isinstance(kind, type) and isinstance(value, kind)

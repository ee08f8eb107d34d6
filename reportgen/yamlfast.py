"""Fast path for reading the YAML input: libyaml (PyYAML's C parser) with positions.

ruamel's round-trip loader, which reportgen/load.py uses for its exact YAML 1.2
semantics and its error messages, is pure Python and needs a tenth of a second for a
full report; `reportgen check` has 0.3 s in all. libyaml composes the same document in
a few milliseconds. This module builds, from libyaml's parser events, the same plain
data and the same (line, column) index that load.py builds from ruamel, and gives up (returns
None) on anything it cannot reproduce exactly: syntax errors, duplicate keys, tags,
anchors and aliases, merge keys, directives, and plain scalars that YAML 1.2 would
resolve to something other than a string, a decimal integer, a simple decimal, a
boolean, null or a date. load.py then reads the file with ruamel as before, which also
words every error. tests/test_check_yamlfast.py checks both paths agree on every YAML
file in the repository.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

PathKey = tuple[str | int, ...]
Positions = dict[PathKey, tuple[int, int]]

_INT = re.compile(r"-?(?:0|[1-9][0-9]*)")
_DECIMAL = re.compile(r"-?(?:0|[1-9][0-9]*)\.[0-9]+")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_NULL = frozenset({"", "~", "null", "Null", "NULL"})
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
# The other YAML 1.2 implicit types of ruamel's resolver (ruamel/yaml/resolver.py):
# a plain scalar matching one of these is left to ruamel; anything else is a string.
_OTHER_TYPED = re.compile(
    r"""(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+
    |[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
    |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
    |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
    |[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)
    |[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?
     (?:(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?
     (?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)?
    |<<|=|!|&|\*)""",
    re.X,
)


class _Unsupported(Exception):
    """The document uses something this fast path does not reproduce exactly."""


Check = Callable[[Any], None]


def compose_fast(text: str) -> tuple[dict[Any, Any], Positions] | None:
    """(data, positions) as load.py builds them, or None to let ruamel read the file."""
    return read_fast(text)[0]


def read_fast(
    text: str, check: Check | None = None
) -> tuple[tuple[dict[Any, Any], Positions] | None, bool]:
    """What compose_fast gives, and whether libyaml parsed the whole stream.

    *check* is given every parser event in order (reportgen/yamllimits.py), also after
    the fast path has stepped aside, and may raise to stop reading at once. It has seen
    every event of the document exactly when the second value is True.
    """
    try:
        import yaml
        from yaml import CSafeLoader  # (only the C parser is fast enough)
    except ImportError:
        return None, False
    # A %YAML or %TAG directive: ruamel decides.
    builder: _Builder | None = None if text.lstrip().startswith("%") else _Builder()
    try:
        for event in yaml.parse(text, Loader=CSafeLoader):
            if check is not None:
                check(event)
            if builder is not None:
                try:
                    builder.feed(event)
                except _Unsupported:
                    builder = None
    except yaml.YAMLError:
        return None, False
    if builder is None or builder.root is None:
        return None, True
    return (builder.root, builder.positions), True


_NO_KEY = object()


class _Builder:
    """Plain data and positions from libyaml's events, without recursion (the nesting
    depth is bounded by reportgen/yamllimits.py, not by the stack)."""

    def __init__(self) -> None:
        self.root: dict[Any, Any] | None = None
        self.positions: Positions = {}
        self._documents = 0
        # Open containers: (container, its path, the mapping key awaiting its value).
        self._stack: list[list[Any]] = []

    def feed(self, event: Any) -> None:
        kind = type(event).__name__
        if kind == "DocumentStartEvent":
            self._documents += 1
            if self._documents > 1:
                raise _Unsupported  # several documents: ruamel words the error
        elif kind in ("MappingStartEvent", "SequenceStartEvent"):
            if event.tag is not None or event.anchor is not None:
                raise _Unsupported  # a tag or an anchor
            self._place({} if kind == "MappingStartEvent" else [], event.start_mark, True)
        elif kind in ("MappingEndEvent", "SequenceEndEvent"):
            self._stack.pop()
        elif kind == "ScalarEvent":
            if event.tag is not None or event.anchor is not None:
                raise _Unsupported
            self._place(_scalar(event), event.start_mark, False)
        elif kind == "AliasEvent":
            raise _Unsupported

    def _place(self, value: Any, mark: Any, container: bool) -> None:
        if not self._stack:
            if not isinstance(value, dict):
                raise _Unsupported  # not a mapping at the top: ruamel words the error
            self.root = value
            self._stack.append([value, (), _NO_KEY])
            return
        top = self._stack[-1]
        parent, path, key = top
        if isinstance(parent, dict):
            if key is _NO_KEY:
                if container or value in parent:
                    raise _Unsupported  # a complex or duplicate key (ruamel words the error)
                top[2] = value
                self.positions[(*path, value)] = (mark.line + 1, mark.column + 1)
                return
            parent[key] = value
            child: PathKey = (*path, key)
            top[2] = _NO_KEY
        else:
            child = (*path, len(parent))
            self.positions[child] = (mark.line + 1, mark.column + 1)
            parent.append(value)
        if container:
            self._stack.append([value, child, _NO_KEY])


def _scalar(event: Any) -> Any:
    value: str = event.value
    if event.style:  # quoted, literal or folded: always a string (plain is None or "")
        return value
    if value in _NULL:
        return None
    if value in _BOOL:
        return _BOOL[value]
    if _INT.fullmatch(value):
        try:
            return int(value)
        except ValueError:  # more digits than Python converts (yamllimits reports it)
            raise _Unsupported from None
    if _DECIMAL.fullmatch(value):
        return float(value)
    if _DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise _Unsupported from None
    if _OTHER_TYPED.fullmatch(value):
        raise _Unsupported  # e.g. 1_000, 0x1F, 1e3, .inf, a time stamp: ruamel decides
    return value

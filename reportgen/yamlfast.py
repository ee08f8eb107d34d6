"""Fast path for reading the YAML input: libyaml (PyYAML's C parser) with positions.

ruamel's round-trip loader, which reportgen/load.py uses for its exact YAML 1.2
semantics and its error messages, is pure Python and needs a tenth of a second for a
full report; `reportgen check` has 0.3 s in all. libyaml composes the same document in
a few milliseconds. This module walks libyaml's node tree into the same plain data and
the same (line, column) index that load.py builds from ruamel, and gives up (returns
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


def compose_fast(text: str) -> tuple[dict[Any, Any], Positions] | None:
    """(data, positions) as load.py builds them, or None to let ruamel read the file."""
    try:
        import yaml
        from yaml import CSafeLoader  # noqa: F401  (only the C parser is fast enough)
    except ImportError:
        return None
    if text.lstrip().startswith("%"):
        return None  # a %YAML or %TAG directive
    try:
        node = yaml.compose(text, Loader=yaml.CSafeLoader)
    except yaml.YAMLError:
        return None
    if node is None or not isinstance(node, yaml.MappingNode):
        return None
    positions: Positions = {}
    try:
        data = _walk(node, (), positions, text, yaml)
    except _Unsupported:
        return None
    return data, positions


def _walk(node: Any, path: PathKey, positions: Positions, text: str, yaml: Any) -> Any:
    start = node.start_mark.index
    if start < len(text) and text[start] in "!&*":
        raise _Unsupported  # a tag, an anchor or an alias
    if isinstance(node, yaml.MappingNode):
        if node.tag != "tag:yaml.org,2002:map":
            raise _Unsupported
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Unsupported
            key = _scalar(key_node, text)
            if key in out or (key == "<<" and not key_node.style):
                raise _Unsupported  # duplicate key (ruamel words the error) or merge key
            child = (*path, key)
            positions[child] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            out[key] = _walk(value_node, child, positions, text, yaml)
        return out
    if isinstance(node, yaml.SequenceNode):
        if node.tag != "tag:yaml.org,2002:seq":
            raise _Unsupported
        items = []
        for index, item in enumerate(node.value):
            child = (*path, index)
            positions[child] = (item.start_mark.line + 1, item.start_mark.column + 1)
            items.append(_walk(item, child, positions, text, yaml))
        return items
    return _scalar(node, text)


def _scalar(node: Any, text: str) -> Any:
    value: str = node.value
    if node.style:  # quoted, literal or folded: always a string (plain is None or "")
        return value
    if value in _NULL:
        return None
    if value in _BOOL:
        return _BOOL[value]
    if _INT.fullmatch(value):
        return int(value)
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

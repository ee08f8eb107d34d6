"""Change values in a YAML file with ruamel.yaml's round trip: comments, order, quoting and
layout stay as they were, and only what changes is written differently.

`RoundTrip.open(text)` finds the indentation the file is written with: the one with which
the untouched file comes back from the round trip byte for byte (otherwise `Conflict`, and
nothing may be written). Used by `reportgen återför` (a text put back from Word),
`reportgen importera` (the figures from the bookkeeping) and `reportgen nytt-år`.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from reportgen.load import PathKey

_INDENTS = ((2, 4, 2), (2, 2, 0), (4, 4, 2), (4, 6, 4), (2, 4, 0), (3, 3, 0), (4, 4, 0))


class Conflict(Exception):
    """The file cannot be written back without changing what is not to change."""


def _yaml(mapping: int, sequence: int, offset: int):  # type: ignore[no-untyped-def]
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.width = 1 << 16  # never fold a long line
    yaml.preserve_quotes = True
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    return yaml


class RoundTrip:
    """A YAML document loaded for editing, and the settings that write it back unchanged."""

    def __init__(self, yaml: Any, data: Any) -> None:
        self.yaml = yaml
        self.data = data

    @classmethod
    def open(cls, text: str, name: str = "YAML-filen") -> RoundTrip:
        for indent in _INDENTS:
            yaml = _yaml(*indent)
            try:
                data = yaml.load(text)
            except Exception as error:  # noqa: BLE001 - any parse problem means: do not write
                raise Conflict(f"{name} kan inte läsas: {error}") from None
            trip = cls(yaml, data)
            if trip.dump() == text:
                return trip
        raise Conflict(f"{name} kan inte skrivas om utan att dess form ändras (ovanlig "
                       "indragning); ändra den för hand")

    def dump(self) -> str:
        out = io.StringIO()
        self.yaml.dump(self.data, out)
        return out.getvalue()

    def reload(self, text: str) -> Any:
        return self.yaml.load(text)

    def node(self, path: PathKey) -> tuple[Any, str | int]:
        """The container holding the value at *path*, and its key there."""
        data = self.data
        for key in path[:-1]:
            data = data[key]
        return data, path[-1]

    def get(self, path: PathKey, default: Any = None) -> Any:
        data = self.data
        for key in path:
            try:
                data = data[key]
            except (KeyError, IndexError, TypeError):
                return default
        return data


def mapping(flow: bool = False, items: Iterator[tuple[Any, Any]] | None = None) -> Any:
    """A new mapping for the document, in flow style (`{2024: 1, 2023: 2}`) if *flow*."""
    from ruamel.yaml.comments import CommentedMap

    out = CommentedMap(items or ())
    if flow:
        out.fa.set_flow_style()
    return out


def sequence() -> Any:
    from ruamel.yaml.comments import CommentedSeq

    return CommentedSeq()


def insert_year(parent: Any, year: int, value: Any) -> None:
    """Set *parent*[*year*] keeping the years newest first (as the YAML writes them)."""
    if year in parent:
        parent[year] = value
        return
    keys = list(parent)
    position = next((i for i, k in enumerate(keys) if isinstance(k, int) and k < year), len(keys))
    parent.insert(position, year, value)


def delete_key(parent: Any, key: Any) -> None:
    """Delete *key* from a mapping, keeping the blank lines and comments that follow its value
    (ruamel keeps them with the key) on the key before it."""
    keys = list(parent)
    after = parent.ca.items.get(key)
    del parent[key]
    position = keys.index(key)
    if after is not None and position > 0 and keys[position - 1] not in parent.ca.items:
        parent.ca.items[keys[position - 1]] = after


def delete_year(parent: Any, year: int, shift: tuple[str, str] | None = None) -> None:
    """Delete *parent*[*year*], keeping the blank lines and comments written after it (ruamel
    keeps them with its last value) after the year before it; *shift* (old, new) replaces a
    text in that comment, as a date that moves on with the years."""
    keys = list(parent)
    trailing = _last_comment(parent[year])
    del parent[year]
    rest = [k for k in keys if k != year]
    if trailing is None or not rest or keys[-1] != year:
        return
    holder, key = _last_node(parent[rest[-1]]) if isinstance(parent[rest[-1]], dict) else (
        parent, rest[-1])
    if key in holder.ca.items and holder.ca.items[key][2] is not None:
        return
    if shift is not None:
        trailing.value = trailing.value.replace(*shift)
    holder.ca.items.setdefault(key, [None, None, None, None])[2] = trailing


def _last_node(node: Any) -> tuple[Any, Any]:
    """The mapping holding the last scalar of *node*, and its key there."""
    key = list(node)[-1]
    child = node[key]
    return _last_node(child) if isinstance(child, dict) and child else (node, key)


def _last_comment(node: Any) -> Any:
    if not isinstance(node, dict) or not node:
        return None
    holder, key = _last_node(node)
    entry = holder.ca.items.get(key)
    return entry[2] if entry is not None and len(entry) > 2 else None


def is_flow(node: Any) -> bool:
    fa = getattr(node, "fa", None)
    return bool(fa is not None and fa.flow_style())


def plain_to_yaml(value: Any, flow_keys: frozenset[str] = frozenset({"belopp"}), flow: bool = False,
                  ) -> Any:
    """Plain data as the document's own types: mappings under a key in *flow_keys* (a note
    row's `belopp`) written `{2024: …, 2023: …}`, everything else in block style."""
    if isinstance(value, dict):
        out = mapping(flow=flow)
        for key, item in value.items():
            out[key] = plain_to_yaml(item, flow_keys, flow or key in flow_keys)
        return out
    if isinstance(value, list):
        seq = sequence()
        seq.extend(plain_to_yaml(item, flow_keys, flow) for item in value)
        return seq
    return value


def set_value(trip: RoundTrip, path: PathKey, value: Any, flow: bool = False) -> None:
    """Set the value at *path*, making the mappings on the way (years newest first; a new one
    in flow style if *flow*) and appending to a list at its end."""
    node = trip.data
    for depth, key in enumerate(path):
        last = depth == len(path) - 1
        if isinstance(node, list):
            if key == len(node):
                node.append(value if last else mapping(flow=flow))
            elif last:
                node[key] = value  # type: ignore[index]
            node = node[key]  # type: ignore[index]
            continue
        child = node.get(key)
        if last:
            if isinstance(key, int):
                insert_year(node, key, value)
            else:
                node[key] = value
            return
        if child is None:
            child = mapping(flow=flow and isinstance(path[depth + 1], int))
            if isinstance(key, int):
                insert_year(node, key, child)
            else:
                node[key] = child
        node = child

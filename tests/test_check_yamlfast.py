"""The libyaml fast path (reportgen/yamlfast.py) reads exactly what ruamel reads.

`reportgen check` must stay under 0.3 s, so load.py composes the YAML with libyaml when it
can. These tests compare its data and every position with ruamel's round-trip loader on
every YAML file in the repository, and make sure it steps aside where YAML 1.2 and
ruamel's error messages must decide.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from check_expected import ROOT

from reportgen import load
from reportgen.yamlfast import compose_fast

FILES = sorted(
    p for pattern in ("content/**/*.yaml", "tests/fixtures/**/*.yaml")
    for p in ROOT.glob(pattern)
)


def ruamel_read(text: str) -> tuple[Any, dict[Any, tuple[int, int]]]:
    from ruamel.yaml import YAML

    positions: dict[Any, tuple[int, int]] = {}
    data = load._plain(YAML(typ="rt").load(text), (), positions)
    return data, positions


def same(a: Any, b: Any) -> bool:
    """Equal, and of the same plain type (int stays int, str stays str)."""
    if isinstance(a, dict):
        return isinstance(b, dict) and list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return isinstance(b, list) and len(a) == len(b) and all(map(same, a, b))
    kinds = (bool, int, float, str, dt.date, type(None))
    return a == b and next(k for k in kinds if isinstance(a, k)) is next(
        k for k in kinds if isinstance(b, k))


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_fast_path_reads_what_ruamel_reads(path: Path):
    text = path.read_text(encoding="utf-8")
    fast = compose_fast(text)
    data, positions = ruamel_read(text)
    if fast is None:
        # The fast path steps aside for this file: the loader must then give ruamel's reading.
        loaded = load.load_yaml(path)
        assert same(loaded.data, data)
        assert loaded.positions == positions
        return
    assert same(fast[0], data)
    assert fast[1] == positions


def test_the_example_takes_the_fast_path():
    """Otherwise `reportgen check content/2023.yaml` no longer fits in 0.3 s."""
    assert compose_fast((ROOT / "content" / "2023.yaml").read_text(encoding="utf-8")) is not None


@pytest.mark.parametrize("text", [
    "a: 1\na: 2\n",              # duplicate key: ruamel words the error
    "a: &x 1\nb: *x\n",          # anchors and aliases
    "a: !!str 1\n",              # explicit tag
    "a: 1_000\n",                # YAML 1.2 int with underscores
    "a: 0x1F\n",                 # hexadecimal
    "a: 1e3\n",                  # float without a point
    "a: 2024-02-30\n",           # not a date
    "base: {x: 1}\nb:\n  <<: {y: 2}\n",  # merge key
    "%YAML 1.2\n---\na: 1\n",    # directive
    "a: [1\n",                   # syntax error
    "- 1\n",                     # not a mapping at the top
])
def test_fast_path_steps_aside(text: str):
    assert compose_fast(text) is None


@pytest.mark.parametrize("text, value", [
    ("a: yes\n", "yes"),          # YAML 1.2: a string (YAML 1.1 would say True)
    ("a: no\n", "no"),
    ("a: on\n", "on"),
    ("a: true\n", True),
    ("a: ~\n", None),
    ("a:\n", None),
    ("a: -5\n", -5),
    ("a: 93.5\n", 93.5),
    ("a: '4507990'\n", "4507990"),
    ("a: 4 507 990\n", "4 507 990"),
    ("a: 2024-03-14\n", dt.date(2024, 3, 14)),
    ("a: 101-104\n", "101-104"),
])
def test_fast_path_scalars_follow_yaml_1_2(text: str, value: Any):
    fast = compose_fast(text)
    assert fast is not None
    assert same(fast[0]["a"], value)
    assert same(ruamel_read(text)[0]["a"], value)

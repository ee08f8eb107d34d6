"""The SIE fuzzer (scripts/fuzz_sie.py): on a fixed seed, no mutated SIE file gives a
traceback, and every refused one is refused with located Swedish errors, exit 1 and
nothing written; and it would notice if one were not.

`python3 scripts/fuzz_sie.py -n 2000` is the long run.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import fuzz_sie  # noqa: E402


def test_two_hundred_mutated_sie_files_are_imported_or_refused_cleanly() -> None:
    count, failures, refused = fuzz_sie.fuzz(200, seed=20240314, report=lambda _: None)
    assert [f"{f.kind}: {f.detail}" for f in failures] == []
    assert count == 200 and refused > 150  # most mutants break the file: the refusals are tested


@pytest.mark.slow
def test_two_thousand_mutated_sie_files() -> None:
    count, failures, _refused = fuzz_sie.fuzz(2000, seed=1, report=lambda _: None)
    assert [f"{f.kind}: {f.detail}" for f in failures] == []


def test_each_mutation_changes_the_file() -> None:
    import random

    from sie_example import example_sie

    base = example_sie().text().rstrip("\r\n")
    for mutation in fuzz_sie.MUTATIONS:
        rnd = random.Random(3)
        changed = 0
        for _ in range(20):
            lines = base.split("\r\n")
            mutation(lines, rnd)
            changed += "\r\n".join(lines) != base
        assert changed >= 10, mutation.__name__


@pytest.mark.parametrize("stderr, kind", [
    ("x.se:12:3: fel: the amount is invalid\n", "engelska"),
    ("x.se: fel: projektet 150 står inte på någon rad\n", "utan_rad"),
])
def test_an_unlocated_or_english_error_is_a_failure(tmp_path: Path, monkeypatch, stderr, kind) -> None:
    import reportgen.cli

    yaml = tmp_path / "r.yaml"
    yaml.write_text("x: 1\n", encoding="utf-8")

    def refuse(argv: list[str]) -> int:
        print(stderr, end="", file=sys.stderr)
        return 1

    monkeypatch.setattr(reportgen.cli, "main", refuse)
    failure, refused = fuzz_sie.run_once(tmp_path / "x.se", yaml)
    assert refused and failure is not None and failure.kind == kind


def test_a_traceback_and_a_write_on_error_are_failures(tmp_path: Path, monkeypatch) -> None:
    import reportgen.cli

    yaml = tmp_path / "r.yaml"
    yaml.write_text("x: 1\n", encoding="utf-8")

    def crash(argv: list[str]) -> int:
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(reportgen.cli, "main", crash)
    assert fuzz_sie.run_once(tmp_path / "x.se", yaml)[0].kind == "undantag"  # type: ignore[union-attr]

    def write_then_refuse(argv: list[str]) -> int:
        yaml.write_text("x: 2\n", encoding="utf-8")
        print("x.se:1:1: fel: syntaxfel", file=sys.stderr)
        return 1

    monkeypatch.setattr(reportgen.cli, "main", write_then_refuse)
    assert fuzz_sie.run_once(tmp_path / "x.se", yaml)[0].kind == "skrev"  # type: ignore[union-attr]
    assert yaml.read_text(encoding="utf-8") == "x: 1\n"  # restored for the next mutant

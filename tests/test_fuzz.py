"""The fuzzer (scripts/fuzz_check.py): it finds nothing on a fixed seed, and it would.

CI runs a few hundred mutants on every change; `python3 scripts/fuzz_check.py -n 5000`
is the long run.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import fuzz_check  # noqa: E402

from reportgen import pipeline  # noqa: E402


@pytest.mark.slow
def test_a_few_hundred_mutants_raise_nothing_and_speak_swedish() -> None:
    count, failures = fuzz_check.fuzz(300, seed=20240314, crashes=None, report=lambda _: None)
    assert count == 300
    assert [f"{f.kind}: {f.signature}\n{f.detail}" for f in failures] == []


@pytest.mark.parametrize("text", [
    "Input should be a valid integer",
    "YAML-syntaxfel: kan inte tolkas (expected <block end>, but found '<alias>')",
    "ogiltigt värde (Keys should be strings)",
    "filen kan inte läsas: Is a directory",
    "filen är inte UTF-8-kodad (invalid start byte)",
])
def test_english_and_internal_names_are_caught(text: str) -> None:
    assert fuzz_check.english(text)


@pytest.mark.parametrize("text", [
    "ska vara ett heltal; fann 'the value is not'",
    "filen är inte sparad som UTF-8: byte 0xE5 på rad 12 kan inte läsas",
    "taggen '!!python/object:os.system' används inte i reportgen",
    "Not 3 summerar inte till raden den avser",
])
def test_swedish_and_quoted_input_pass(text: str) -> None:
    assert not fuzz_check.english(text)


@pytest.mark.parametrize("field, internal", [
    ("insatser.0.deltagare.utfall.0.antal.constrained-int", True),
    ("ekonomi.noter.1.rader.0.belopp.None", True),
    ("förbund.(1, 2)", True),
    ("insatser.0.deltagare.aktiva", False),
    ("insatser.2.deltag]are", False),  # the user's own (misspelt) key
    ("förbund.null", False),
])
def test_internal_names_in_fields_are_caught(field: str, internal: bool) -> None:
    assert fuzz_check.internal_field(field) is internal


def test_a_crash_is_caught_and_minimised(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = pipeline.validate

    def buggy(source):  # type: ignore[no-untyped-def]
        if "BOOM" in str(source.data):
            raise ZeroDivisionError("a bug")
        return real(source)

    monkeypatch.setattr(pipeline, "validate", buggy)  # what check and build both call
    yaml_file = tmp_path / "rapport.yaml"
    text = "förbund:\n  namn: x\n  säte: BOOM\nrapport:\n  räkenskapsår: 2023\n"
    yaml_file.write_text(text, encoding="utf-8")
    failure = fuzz_check.run_once(yaml_file, tmp_path / "build")
    assert failure is not None and failure.kind == "undantag"
    assert failure.signature.startswith("ZeroDivisionError")

    def fails(candidate: str) -> bool:
        yaml_file.write_text(candidate, encoding="utf-8")
        again = fuzz_check.run_once(yaml_file, tmp_path / "build")
        return again is not None and again.signature == failure.signature

    small = fuzz_check.minimise(text, fails)
    assert "BOOM" in small and len(small) <= len(": BOOM"), small  # the smallest mapping with it

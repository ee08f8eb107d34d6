"""Shared fixtures: the example report, prepared once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "content" / "2023.yaml"
SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def example_prepared():  # type: ignore[no-untyped-def]
    from reportgen.pipeline import prepare

    return prepare(EXAMPLE)

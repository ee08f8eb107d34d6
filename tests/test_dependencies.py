"""The declared dependencies match what the code relies on (pyproject.toml, constraints.txt)."""

from __future__ import annotations

import ast
import importlib.metadata
import tomllib

from conftest import ROOT
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name


def requirements(extra: str | None = None) -> dict[str, Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    listed = project["dependencies"] if extra is None else project["optional-dependencies"][extra]
    return {canonicalize_name(r.name): r for r in map(Requirement, listed)}


def pinned() -> dict[str, str]:
    lines = (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines()
    pins = [line.split("==") for line in lines if line.strip() and not line.startswith("#")]
    return {canonicalize_name(name): version for name, version in pins}


def test_weasyprint_is_bounded_to_the_release_the_pdf_finisher_is_tested_with():
    """reportgen/render/pdf.py repairs what WeasyPrint 70 writes; no other release may do."""
    spec = requirements()["weasyprint"].specifier
    assert pinned()["weasyprint"] == "70.0"
    assert spec.contains("70.0") and spec.contains(importlib.metadata.version("weasyprint"))
    for other in ("62.0", "66.0", "69.1", "71.0", "72.0"):
        assert not spec.contains(other), other


def test_every_declared_dependency_is_pinned_to_a_version_it_accepts():
    pins = pinned()
    for name, requirement in {**requirements(), **requirements("test")}.items():
        assert name in pins, f"{name} is not pinned in constraints.txt"
        assert requirement.specifier.contains(pins[name]), (name, pins[name])


def test_the_browser_driver_is_a_test_dependency_not_part_of_the_package():
    """Headless Chromium drives only the end-to-end test and the benchmark (tests/browser.py,
    through Playwright): nothing in the installed package imports a browser driver."""
    assert "playwright" in requirements("test")
    assert "playwright" not in requirements() and "websocket-client" not in requirements()
    imported: set[str] = set()
    for module in (ROOT / "reportgen").rglob("*.py"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                imported.add(node.module.split(".")[0])
    assert not imported & {"playwright", "websocket", "selenium", "pyppeteer"}
    assert "weasyprint" in imported and "pydyf" in imported  # both declared above

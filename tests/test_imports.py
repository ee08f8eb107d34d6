"""No module of reportgen imports another that imports it back.

Two views of the import graph:

- the runtime graph: a fresh interpreter imports every module of reportgen/ with
  ``builtins.__import__`` wrapped, so it records each import statement that actually runs
  (imports under ``if TYPE_CHECKING:`` never run, so they are not in it);
- the written graph: every ``import`` in the source, also those under ``if TYPE_CHECKING:``
  and those deferred into a function body. A cycle there is a design circle even when
  Python never trips over it (the report model's ``Builder`` was imported by the
  sections_* modules for their type hints from build.py, which imports them).
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "reportgen"
SKIPPED = {"reportgen.__main__"}  # importing it runs the command line


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    found = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}
    return {name: path for name, path in found.items() if name not in SKIPPED}


# What the fresh interpreter runs: record "importer -> imported" for every import statement
# executed inside reportgen, then print the edges as JSON.
RECORDER = r"""
import builtins, importlib, importlib.util, json, sys

edges = set()
real_import = builtins.__import__


def recording_import(name, globals=None, locals=None, fromlist=(), level=0):
    module = real_import(name, globals, locals, fromlist, level)
    importer = (globals or {}).get("__name__") or ""
    if importer.split(".")[0] == "reportgen":
        target = importlib.util.resolve_name("." * level + name, globals.get("__package__")) \
            if level else name
        if target.split(".")[0] == "reportgen":
            # A submodule named in the from-list is what is imported; an attribute (a class,
            # a function) is taken from the module named before "import".
            named = [f"{target}.{item}" for item in fromlist or () if item != "*"]
            submodules = [n for n in named if n in sys.modules]
            for imported in submodules or [target]:
                if imported != importer:
                    edges.add((importer, imported))
            if len(submodules) < len(named):
                edges.add((importer, target))
    return module


builtins.__import__ = recording_import
for name in json.loads(sys.argv[1]):
    importlib.import_module(name)
print(json.dumps(sorted(edges)))
"""


def runtime_graph(names: Iterable[str]) -> dict[str, set[str]]:
    env = dict(os.environ)
    # This checkout's reportgen, whatever an installed (editable) reportgen points at.
    env["PYTHONPATH"] = os.pathsep.join(filter(None, (str(ROOT), env.get("PYTHONPATH"))))
    result = subprocess.run(
        [sys.executable, "-c", RECORDER, json.dumps(sorted(names))],
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    graph: dict[str, set[str]] = {}
    for importer, imported in json.loads(result.stdout):
        graph.setdefault(importer, set()).add(imported)
    return graph


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def written_imports(name: str, path: Path, known: Mapping[str, Path]) -> set[str]:
    """Every reportgen module *name*'s source imports, wherever the import statement is."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                out.add(sub if sub in known else target)
    return {m for m in out if m in known and m != name}


def written_graph() -> dict[str, set[str]]:
    known = modules()
    return {name: written_imports(name, path, known) for name, path in known.items()}


def find_cycle(graph: Mapping[str, Iterable[str]]) -> list[str] | None:
    """One cycle of *graph* as a path [a, b, …, a], or None if it has none."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt):], nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        path.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state:
            found = visit(start)
            if found:
                return found
    return None


def test_find_cycle_finds_a_cycle_and_only_a_cycle() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": set()}) is None
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b", "c"}, "b": {"c"}, "c": {"b"}}) == ["b", "c", "b"]


def test_runtime_import_graph_has_no_cycle() -> None:
    names = modules()
    graph = runtime_graph(names)
    # The recorder saw the imports (a graph recorded empty would pass for the wrong reason):
    # the pipeline imports the checks, the section registry imports the sections; a module
    # named in a from-list ("from reportgen.render import docx_ooxml") is an import of it.
    assert "reportgen.checks" in graph["reportgen.pipeline"]
    assert "reportgen.document.sections_goals" in graph["reportgen.document.registry"]
    assert "reportgen.render.docx_ooxml" in graph["reportgen.render.docx"]
    assert set(graph) <= set(names)
    cycle = find_cycle(graph)
    assert cycle is None, "import cycle at runtime: " + " → ".join(cycle or [])


def test_no_import_cycle_even_through_type_only_or_deferred_imports() -> None:
    graph = written_graph()
    assert "reportgen.render.pdf" in graph["reportgen.commands.build"]  # a deferred import
    cycle = find_cycle(graph)
    assert cycle is None, "import cycle in the source: " + " → ".join(cycle or [])

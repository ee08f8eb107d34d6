"""The preview as a person sees it, checked by axe-core in headless Chromium: 0 violations,
with and without findings shown, at 1280 px and at 390 px (where the sheets are scaled to
fit, not cut off); each finding in the list links to its cell and to the editor.

axe-core's script is the one the `axe-playwright-python` package (the test extra, pinned in
pyproject.toml) ships; it is injected into the page and run there, so nothing is fetched.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from importlib.resources import files
from pathlib import Path

import pytest
from browser import chromium_page, wait_for

from reportgen.serve.preview import Preview
from reportgen.serve.server import PreviewServer, make_server, serve_forever_in_thread

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parent.parent
AXE = (files("axe_playwright_python") / "axe.min.js").read_text(encoding="utf-8")


def _serve(yaml: Path, out: Path) -> Iterator[PreviewServer]:
    preview = Preview(yaml)
    preview.rebuild()
    srv = make_server(preview, out, 0)
    serve_forever_in_thread(srv)
    try:
        yield srv
    finally:
        preview.close()
        srv.shutdown()
        srv.server_close()


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PreviewServer]:
    folder = tmp_path_factory.mktemp("ren")
    shutil.copytree(ROOT / "content", folder / "content")
    yield from _serve(folder / "content" / "2023.yaml", folder / "build")


@pytest.fixture(scope="module")
def with_findings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PreviewServer]:
    """The example with a wrong figure (Not 2's sum stated 9 kr off): the page is a draft
    with the findings over it."""
    folder = tmp_path_factory.mktemp("fel")
    shutil.copytree(ROOT / "content", folder / "content")
    yaml = folder / "content" / "2023.yaml"
    text = yaml.read_text(encoding="utf-8")
    line = "      avser: [verksamhetens_intäkter]\n"
    assert text.count(line) == 1
    yaml.write_text(text.replace(line, line + "      summa: {2023: 4507999}\n"),
                    encoding="utf-8")
    yield from _serve(yaml, folder / "build")


def _url(server: PreviewServer) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}/"


def _violations(page) -> list[str]:  # type: ignore[no-untyped-def]
    page.add_script_tag(content=AXE)
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])}: {v['nodes'][0]['target']})"
            for v in result["violations"]]


@pytest.mark.parametrize("width", [1280, 390])
def test_the_preview_has_no_axe_violations(clean: PreviewServer, width: int) -> None:
    with chromium_page(width=width, height=900) as page:
        page.goto(_url(clean))
        wait_for(page, "document.getElementById('rg-status') && "
                       "document.getElementById('rg-status').textContent.startsWith('Uppdaterad')")
        # the sheets are scaled to the screen, not cut off
        assert page.evaluate("document.documentElement.scrollWidth") <= width + 1
        assert _violations(page) == []


@pytest.mark.parametrize("width", [1280, 390])
def test_the_preview_with_findings_has_no_axe_violations_and_links_them(
        with_findings: PreviewServer, width: int) -> None:
    with chromium_page(width=width, height=900) as page:
        page.goto(_url(with_findings))
        wait_for(page, "document.querySelector('#rg-overlay li')")
        assert page.evaluate("document.documentElement.scrollWidth") <= width + 1
        # a finding about a figure: its cell is marked, the list links to it and to the
        # editor at the YAML's line and column
        links = page.evaluate("Array.from(document.querySelectorAll('#rg-overlay li a'))"
                              ".map(a => a.getAttribute('href'))")
        assert any(h.startswith("#fynd-") for h in links), links
        editor = [h for h in links if h.startswith("vscode://file/")]
        assert editor and all(h.split("2023.yaml:")[1].count(":") == 1 for h in editor), editor
        anchor = next(h for h in links if h.startswith("#fynd-"))[1:]
        assert page.evaluate(f"document.getElementById('{anchor}').className").endswith(
            "finding")
        assert page.evaluate(f"document.getElementById('{anchor}').textContent").startswith(
            "4\u00a0507\u00a0990")  # the table prints the computed sum, marked
        note = page.evaluate(f"document.getElementById('{anchor}-text').textContent")
        assert "Angivet 4\u00a0507\u00a0999; beräknat 4\u00a0507\u00a0990." in note, note
        assert _violations(page) == []

"""`reportgen serve` without a browser: what the server hands out, to whom, and rebuilds."""

from __future__ import annotations

import http.client
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from reportgen import pipeline
from reportgen.findings import Finding, Location
from reportgen.serve import preview as preview_module
from reportgen.serve import watcher
from reportgen.serve.preview import Preview, named_files
from reportgen.serve.server import PreviewServer, make_server, safe_file, serve_forever_in_thread

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A copy of the example's content folder; returns its YAML file."""
    shutil.copytree(CONTENT, tmp_path / "content")
    return tmp_path / "content" / "2023.yaml"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PreviewServer]:
    """A running preview of a copy; its build folder holds a PDF and symlinks out."""
    tmp_path = tmp_path_factory.mktemp("serve")
    shutil.copytree(CONTENT, tmp_path / "content")
    content = tmp_path / "content" / "2023.yaml"
    out = tmp_path / "build"
    out.mkdir()
    (out / "2023.pdf").write_bytes(b"%PDF-1.7 test")
    (tmp_path / "hemlig.txt").write_text("hemligt", encoding="utf-8")
    (out / "ut.txt").symlink_to(tmp_path / "hemlig.txt")
    (out / "utmapp").symlink_to(tmp_path / "content", target_is_directory=True)
    preview = Preview(content)
    preview.rebuild()
    srv = make_server(preview, out, 0)
    serve_forever_in_thread(srv)
    yield srv
    preview.close()
    srv.shutdown()
    srv.server_close()


def request(
    srv: PreviewServer, path: str, host: str | None = None, method: str = "GET",
    headers: dict[str, str] | None = None, timeout: float = 10,
) -> tuple[int, bytes, http.client.HTTPResponse]:
    """Send *path* exactly as written (no normalisation of `..`), with the given Host."""
    conn = http.client.HTTPConnection("127.0.0.1", srv.port, timeout=timeout)
    conn.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
    conn.putheader("Host", host if host is not None else f"127.0.0.1:{srv.port}")
    for name, value in (headers or {}).items():
        conn.putheader(name, value)
    conn.endheaders()
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response.status, body, response


# -- what is served ---------------------------------------------------------------------


def test_serves_page_state_and_build_files(server: PreviewServer) -> None:
    assert server.preview.state.status != "fel", server.preview.state.errors
    status, body, response = request(server, "/")
    assert status == 200
    assert response.getheader("Content-Type") == "text/html; charset=utf-8"
    page = body.decode("utf-8")
    assert "Bergsjödalens Samordningsförbund" in page
    assert "/_reportgen/events" in page  # the reload script is injected
    assert "data:font" not in page  # fonts are URLs in the preview, not inlined

    status, body, _ = request(server, "/_reportgen/state")
    state = json.loads(body)
    # The example checks clean (test_check_cli.py), so the preview has nothing to report.
    assert status == 200 and (state["status"], state["fel"]) == ("ok", [])
    assert f'content="{state["version"]}"' in page  # the page knows its own version

    status, body, _ = request(server, "/2023.pdf")
    assert (status, body) == (200, b"%PDF-1.7 test")


def test_fonts_are_served_from_registered_urls_only(server: PreviewServer) -> None:
    page = request(server, "/")[1].decode("utf-8")
    start = page.index("/_reportgen/asset/")
    url = page[start : page.index('"', start)]
    status, body, response = request(server, url)
    assert status == 200 and response.getheader("Content-Type") == "font/otf"
    assert body == (ROOT / "templates" / "fonts" / url.rsplit("/", 1)[1]).read_bytes()
    assert request(server, "/_reportgen/asset/0123456789abcdef/Inter-Regular.otf")[0] == 404


@pytest.mark.parametrize(
    "path",
    [
        "/../hemlig.txt",
        "/%2e%2e/hemlig.txt",
        "/%2E%2E/hemlig.txt",
        "/..%2fhemlig.txt",
        "/%2e%2e%2fhemlig.txt",
        "/a/../../hemlig.txt",
        "/./../hemlig.txt",
        "/..\\hemlig.txt",
        "/%2e%2e%5chemlig.txt",
        "/ut.txt",  # symlink to a file outside the build folder
        "/utmapp/2023.yaml",  # symlinked folder outside the build folder
        "/../content/2023.yaml",
        "/%2e%2e/content/2023.yaml",
        "/2023.pdf%00.txt",
        "/.2023.pdf.tmp",
    ],
)
def test_traversal_and_symlinks_out_are_404(server: PreviewServer, path: str) -> None:
    status, body, _ = request(server, path)
    assert status == 404
    assert b"hemligt" not in body and b"organisationsnummer" not in body


def test_safe_file_keeps_to_the_folder(tmp_path: Path) -> None:
    root = tmp_path / "build"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "a.pdf").write_bytes(b"x")
    (tmp_path / "b.txt").write_bytes(b"y")
    assert safe_file(root, "/sub/a.pdf") == (root / "sub" / "a.pdf").resolve()
    assert safe_file(root, "/sub/%2e%2e/%2e%2e/b.txt") is None
    assert safe_file(root, "/sub") is None  # folders are not listed
    assert safe_file(root, "/") is None


@pytest.mark.parametrize(
    "host",
    ["evil.example", "evil.example:{port}", "127.0.0.1", "127.0.0.1:1", "localhost",
     "127.0.0.1:{port}.evil.example", "[::1]:{port}", ""],
)
def test_foreign_host_is_refused(server: PreviewServer, host: str) -> None:
    for path in ("/", "/_reportgen/state", "/2023.pdf"):
        status, body, _ = request(server, path, host=host.format(port=server.port))
        assert status == 421, (host, path)
        assert b"Bergsj" not in body and b"%PDF" not in body


@pytest.mark.parametrize("host", ["127.0.0.1:{port}", "localhost:{port}", "LOCALHOST:{port}"])
def test_own_host_is_accepted(server: PreviewServer, host: str) -> None:
    assert request(server, "/", host=host.format(port=server.port))[0] == 200


def test_pdf_post_from_foreign_origin_or_host_is_refused(server: PreviewServer) -> None:
    status, _, _ = request(server, "/_reportgen/pdf", method="POST",
                           headers={"Origin": "http://evil.example", "Content-Length": "0"})
    assert status == 403
    status, _, _ = request(server, "/_reportgen/pdf", host="evil.example", method="POST",
                           headers={"Content-Length": "0"})
    assert status == 421
    assert (server.out_dir / "2023.pdf").read_bytes() == b"%PDF-1.7 test"  # not rebuilt


def test_events_stream_sends_state_then_each_build(server: PreviewServer) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    conn.request("GET", "/_reportgen/events")
    response = conn.getresponse()
    assert response.getheader("Content-Type") == "text/event-stream; charset=utf-8"

    def next_state() -> dict[str, object]:
        while True:
            line = response.fp.readline().decode("utf-8")
            if line.startswith("data: "):
                return dict(json.loads(line[6:]))

    first = next_state()
    assert first["status"] == "ok"
    threading.Timer(0.05, server.preview.rebuild).start()
    second = next_state()
    assert second["seq"] == int(str(first["seq"])) + 1
    assert second["version"] == first["version"]  # nothing changed on disk
    conn.close()


# -- building ---------------------------------------------------------------------------


def test_failed_build_keeps_last_good_page_with_located_findings(content: Path) -> None:
    preview = Preview(content)
    good = preview.rebuild()
    page = preview.html
    text = content.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines, 1) if line.startswith("  räkenskapsår:"))
    lines[number - 1] = "  räkenskapsår: [2023\n"
    content.write_text("".join(lines), encoding="utf-8")

    bad = preview.rebuild()
    assert bad.status == "fel" and bad.version == good.version
    assert preview.html == page
    assert [(f.location.file, f.location.line) for f in bad.errors] == [(content, number)]

    content.write_text(text, encoding="utf-8")
    fixed = preview.rebuild()
    assert (fixed.status, fixed.errors, fixed.version) == (good.status, good.errors, good.version)


def test_first_build_failing_serves_a_placeholder(content: Path) -> None:
    content.write_text("förbund: [\n", encoding="utf-8")
    preview = Preview(content)
    state = preview.rebuild()
    assert state.status == "fel" and state.version == ""
    assert preview.document is None
    assert b"inte g\xc3\xa5tt att bygga" in preview.html
    assert b'name="reportgen-version" content=""' in preview.html


def test_check_errors_show_the_new_page_as_draft(
    content: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    finding = Finding(Location(content, 140, 5), "noten summerar inte till raden", field="noter")
    monkeypatch.setattr(pipeline, "check_figures", lambda source, indata, eko: [finding])
    preview = Preview(content)
    state = preview.rebuild()
    assert state.status == "kontrollfel" and state.errors == (finding,)
    assert preview.document is not None and preview.document.draft
    assert "UTKAST" in preview.html.decode("utf-8")


def test_dependencies_are_the_yaml_and_the_files_it_names(content: Path) -> None:
    preview = Preview(content)
    preview.rebuild()
    deps = preview.dependencies
    assert content.absolute() in deps
    assert content.parent.absolute() / "text" / "inledning.md" in deps
    named = re.findall(r":\s+(\S+\.(?:md|png|jpg|svg))\s*$", content.read_text("utf-8"), re.M)
    assert len(named) >= 13
    assert {content.parent.absolute() / n for n in named} <= deps
    base = Path("/p")
    assert named_files({"a": ["bild/logo.PNG", "x.md", "text med .md i\nflera rader"]}, base) == {
        Path("/p/bild/logo.PNG"), Path("/p/x.md")}


def _wait_for_seq(preview: Preview, seq: int, timeout: float = 5) -> None:
    deadline = time.monotonic() + timeout
    while preview.state.seq < seq:
        assert time.monotonic() < deadline, "ingen ombyggnad"
        time.sleep(0.01)


class _SeenFilter(watcher.Relevant):
    """The watcher's filter, recording its verdict on every changed path it is asked about."""

    verdicts: dict[str, bool] = {}
    seen = threading.Event()
    watch_for = ""

    def __call__(self, change: watcher.watchfiles.Change, path: str) -> bool:
        verdict = super().__call__(change, path)
        type(self).verdicts[os.path.normpath(path)] = verdict
        if os.path.normpath(path) == type(self).watch_for:
            type(self).seen.set()
        return verdict


def test_watcher_rebuilds_after_atomic_replace_and_rename_saves(
    content: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    notes = content.parent / "anteckningar.txt"
    monkeypatch.setattr(watcher, "Relevant", _SeenFilter)
    monkeypatch.setattr(_SeenFilter, "verdicts", {})
    monkeypatch.setattr(_SeenFilter, "seen", threading.Event())
    monkeypatch.setattr(_SeenFilter, "watch_for", os.path.normpath(notes))
    preview = Preview(content)
    preview.rebuild()
    stop = threading.Event()
    thread = threading.Thread(target=watcher.run, args=(preview, stop), daemon=True)
    thread.start()
    try:
        time.sleep(0.3)  # let the watcher start
        # 1. Atomic replace of the YAML (write a temporary file, rename it over the original).
        seq = preview.state.seq
        tmp = content.with_name(".2023.yaml.tmp")
        tmp.write_text(content.read_text(encoding="utf-8").replace(
            "namn: Bergsjödalens Samordningsförbund", "namn: Ersatt förbund", 1), encoding="utf-8")
        os.replace(tmp, content)
        _wait_for_seq(preview, seq + 1)
        assert "Ersatt förbund" in preview.html.decode("utf-8")

        # 2. Vim's way: move the original aside, write a new file under the old name.
        md = content.parent / "text" / "inledning.md"
        seq = preview.state.seq
        md.rename(md.with_name("inledning.md~"))
        md.write_text("Ny inledning efter omdöpning.\n", encoding="utf-8")
        deadline = time.monotonic() + 5
        while "Ny inledning efter omdöpning" not in preview.html.decode("utf-8"):
            assert time.monotonic() < deadline, "sidan byggdes inte om"
            time.sleep(0.01)

        # 3. An unrelated file in the same folder does not rebuild: the watcher is told of
        # it (its filter is asked) and turns it away, and no rebuild follows.
        seq = preview.state.seq
        notes.write_text("inte en del av rapporten")
        assert _SeenFilter.seen.wait(timeout=5), "bevakningen såg inte filen"
        assert _SeenFilter.verdicts[os.path.normpath(notes)] is False
        assert preview.state.seq == seq
    finally:
        stop.set()
        thread.join(timeout=5)
    assert not thread.is_alive()


def test_watcher_rebuilds_when_a_template_changes(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates)
    import reportgen.render.html

    for module in (reportgen.render.html, preview_module, watcher):
        monkeypatch.setattr(module, "templates_dir", lambda: templates)
    preview = Preview(content)
    preview.rebuild()
    stop = threading.Event()
    thread = threading.Thread(target=watcher.run, args=(preview, stop), daemon=True)
    thread.start()
    try:
        time.sleep(0.3)
        css = templates / "report.css"
        css.write_text(css.read_text(encoding="utf-8") + "\n/* ändrad mall */\n", "utf-8")
        deadline = time.monotonic() + 5
        while "/* ändrad mall */" not in preview.html.decode("utf-8"):
            assert time.monotonic() < deadline, "mallen lästes inte om"
            time.sleep(0.01)
    finally:
        stop.set()
        thread.join(timeout=5)


def test_watch_filter_and_folders(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    (templates / "blocks").mkdir(parents=True)
    yaml = tmp_path / "content" / "2023.yaml"
    md = tmp_path / "content" / "nytt" / "text.md"  # its folder does not exist yet
    relevant = watcher.Relevant({yaml, md}, templates)
    change = watcher.watchfiles.Change.modified
    assert relevant(change, str(yaml)) and relevant(change, str(md))
    assert relevant(change, str(md.parent))  # creating the folder is noticed
    assert relevant(change, str(templates / "report.css"))
    assert relevant(change, str(templates / "blocks" / "table.html.j2"))
    assert not relevant(change, str(templates / ".report.css.swp"))
    assert not relevant(change, str(yaml.with_name("2024.yaml")))
    (tmp_path / "content").mkdir()
    assert watcher.watch_dirs({yaml, md}, templates) == {
        tmp_path / "content", templates, templates / "blocks"}


def test_serve_command_does_not_import_weasyprint(content: Path) -> None:
    """`reportgen serve` as run from the shell: start, build, serve the page, stop.

    `-X importtime` logs every module the process imports; WeasyPrint must not be one.
    """
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-X", "importtime", "-m", "reportgen", "serve", "content/2023.yaml",
         "--port", "0"],
        cwd=content.parent.parent, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        url = ""
        for line in proc.stdout:
            match = re.search(r"http://127\.0\.0\.1:\d+/", line)
            if match:
                url = match.group(0)
                break
        assert url, "ingen adress"
        with urllib.request.urlopen(url, timeout=10) as response:
            assert b"Bergsj" in response.read()
        with urllib.request.urlopen(url + "_reportgen/state", timeout=10) as response:
            assert json.load(response)["status"] == "ok"
    finally:
        proc.send_signal(signal.SIGTERM)
        _, imports = proc.communicate(timeout=20)
    assert proc.returncode == 0
    imported = {line.rsplit("|", 1)[-1].strip() for line in imports.splitlines()
                if line.startswith("import time:")}
    assert "reportgen.serve.server" in imported and "watchfiles" in imported
    assert not {m for m in imported if m.split(".")[0] == "weasyprint"}
    assert "reportgen.render.pdf" not in imported


@pytest.mark.slow
def test_pdf_button_builds_writes_and_serves_the_pdf(content: Path, tmp_path: Path) -> None:
    out = tmp_path / "build"
    preview = Preview(content)
    preview.rebuild()
    srv = make_server(preview, out, 0)
    serve_forever_in_thread(srv)
    try:
        origin = f"http://127.0.0.1:{srv.port}"
        status, _, response = request(srv, "/_reportgen/pdf", method="POST",
                                      headers={"Origin": origin, "Content-Length": "0"},
                                      timeout=180)  # WeasyPrint renders the whole report
        assert status == 303
        location = response.getheader("Location")
        assert re.fullmatch(r"/2023\.pdf\?v=[0-9a-f]{12}", location or "")
        status, body, response = request(srv, location or "")
        assert status == 200 and response.getheader("Content-Type") == "application/pdf"
        assert body.startswith(b"%PDF-") and body == (out / "2023.pdf").read_bytes()
        assert sorted(p.name for p in out.iterdir()) == ["2023.pdf"]  # no temporary files
    finally:
        preview.close()
        srv.shutdown()
        srv.server_close()


def test_bad_content_length_is_a_400_not_a_traceback(content: Path) -> None:
    preview = Preview(content)
    preview.rebuild()
    server = make_server(preview, content.parent / "build", 0)
    serve_forever_in_thread(server)
    try:
        port = server.server_address[1]
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        conn.putrequest("POST", "/_reportgen/pdf")
        conn.putheader("Content-Length", "inte-ett-tal")
        conn.endheaders()
        response = conn.getresponse()
        assert response.status == 400
        assert "Content-Length" in response.read().decode("utf-8")
    finally:
        server.shutdown()
        server.server_close()

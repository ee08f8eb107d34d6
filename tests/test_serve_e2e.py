"""End to end: `reportgen serve` in a subprocess, the page in headless Chromium
(Playwright driving Debian's chromium, tests/browser.py).

Edits are saved the way editors do (temporary file renamed over the original).
"""

from __future__ import annotations

import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser import chromium_page, wait_for

ROOT = Path(__file__).resolve().parent.parent
NAME = "namn: Bergsjödalens Samordningsförbund"


def save(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


class ServeProcess:
    """`python -m reportgen serve` with its output collected line by line."""

    def __init__(self, cwd: Path, yaml: str) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "reportgen", "serve", yaml, "--port", "0"],
            cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.output: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.output.append(line)
            self.lines.put(line)

    def url(self, timeout: float = 20) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.1)
            except queue.Empty:
                assert self.process.poll() is None, "".join(self.output)
                continue
            match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
            if match:
                assert match.group(1) != "0"
                return match.group(0)
        raise AssertionError("ingen adress: " + "".join(self.output))

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                return self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
                return -9
        return self.process.returncode


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[ServeProcess, Path]]:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    proc = ServeProcess(tmp_path, "content/2023.yaml")
    yield proc, tmp_path / "content" / "2023.yaml"
    proc.stop()


COVER = "((document.querySelector('.cover-organisation') || {}).textContent || '')"
OVERLAY = "((document.getElementById('rg-overlay') || {}).innerText || '')"
STATUS = "((document.getElementById('rg-bar') || {dataset: {}}).dataset.status || '')"


@pytest.mark.slow
def test_edit_break_and_fix_in_the_browser(
    served: tuple[ServeProcess, Path], tmp_path: Path
) -> None:
    proc, yaml = served
    url = proc.url()
    original = yaml.read_text(encoding="utf-8")
    assert NAME in original

    with chromium_page() as page:
        page.goto(url)
        assert "Bergsjödalens Samordningsförbund" in wait_for(page, COVER)
        # The example checks clean (test_check_cli.py): no findings, no UTKAST.
        assert wait_for(page, f"{STATUS} !== 'startar' && {STATUS}") == "ok", "".join(proc.output)

        # 1. A saved edit shows up by itself, within 2 s.
        renamed = original.replace(NAME, "namn: Förhandsvisningens Testförbund", 1)
        started = time.monotonic()
        save(yaml, renamed)
        wait_for(page, f"{COVER}.includes('Förhandsvisningens Testförbund')", timeout=2)
        assert time.monotonic() - started < 2
        print(f"ändring synlig efter {time.monotonic() - started:.3f} s")

        # 2. Broken YAML: the overlay names the file and line; the last good page stays.
        lines = renamed.splitlines(keepends=True)
        number = next(i for i, line in enumerate(lines, 1) if line.startswith("  räkenskapsår:"))
        lines[number - 1] = "  räkenskapsår: [2023\n"
        save(yaml, "".join(lines))
        text = wait_for(page, f"{OVERLAY}.includes('2023.yaml:{number}') && {OVERLAY}",
                        timeout=2)
        assert "Rapporten kunde inte byggas" in text
        assert page.evaluate(STATUS) == "fel"
        assert "Förhandsvisningens Testförbund" in page.evaluate(COVER)
        page.screenshot(path=str(tmp_path / "overlay.png"))

        # 3. Fixing it removes the overlay.
        save(yaml, renamed)
        wait_for(page, f"!{OVERLAY}.includes('2023.yaml:{number}') && {STATUS} === 'ok'",
                 timeout=2)
        assert page.evaluate("document.getElementById('rg-overlay') === null")
        assert "Förhandsvisningens Testförbund" in page.evaluate(COVER)

    assert proc.stop() == 0
    assert "Förhandsvisningen avslutad." in "".join(proc.output)

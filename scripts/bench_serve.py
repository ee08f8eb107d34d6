#!/usr/bin/env python3
"""Refresh latency of `reportgen serve`: from saving the YAML to the updated page.

Starts `reportgen serve` on a copy of the example in a temporary folder, then saves N
edits (förbund.namn, written the way editors do: temporary file renamed over the
original) and times each one until the new page is observed:

    server   the build event arrives on the page's event stream and GET / has the new name
    browser  headless Chromium shows the new name (needs chromium and Playwright, as
             `scripts/install.sh --test` installs them; driven by tests/browser.py)

    python3 scripts/bench_serve.py [--edits 20] [--mode server|browser|both] [FILE]

Prints each time and the median; exits 1 if the median is above --target (0.25 s).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAME = re.compile(r"^(  namn: ).*$", re.M)  # förbund.namn: the first two-space `namn:`


def with_name(text: str, name: str) -> str:
    return NAME.sub(lambda match: match.group(1) + name, text, count=1)


def save(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def start_server(workdir: Path, yaml: Path) -> tuple[subprocess.Popen[str], str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "reportgen", "serve", str(yaml), "--port", "0"],
        cwd=workdir, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    assert proc.stdout is not None
    deadline = time.monotonic() + 30
    for line in proc.stdout:
        match = re.search(r"http://127\.0\.0\.1:\d+/", line)
        if match:
            # Keep draining the output so the server never blocks on a full pipe.
            import threading

            threading.Thread(target=lambda: [None for _ in proc.stdout or []], daemon=True).start()
            return proc, match.group(0)
        if time.monotonic() > deadline:
            break
    proc.kill()
    raise SystemExit("reportgen serve startade inte")


class Events:
    """The page's event stream, read directly."""

    def __init__(self, port: int) -> None:
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        self.conn.request("GET", "/_reportgen/events")
        self.response = self.conn.getresponse()

    def next_state(self) -> dict[str, object]:
        while True:
            line = self.response.fp.readline().decode("utf-8")
            if not line:
                raise SystemExit("händelseströmmen stängdes")
            if line.startswith("data: "):
                return dict(json.loads(line[6:]))


def fetch_page(port: int) -> str:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("GET", "/")
    body = conn.getresponse().read().decode("utf-8")
    conn.close()
    return body


def wait_quiet(seconds: float = 0.35) -> None:
    time.sleep(seconds)  # keep edits apart so that each one is its own rebuild


def bench_server(yaml: Path, port: int, edits: int) -> list[float]:
    events = Events(port)
    version = events.next_state()["version"]
    text = yaml.read_text(encoding="utf-8")
    times = []
    for i in range(edits):
        name = f"Mätförbundet nummer {i}"
        new = with_name(text, name)
        wait_quiet()
        started = time.perf_counter()
        save(yaml, new)
        while True:
            state = events.next_state()
            if state["version"] != version:
                break
        page = fetch_page(port)
        elapsed = time.perf_counter() - started
        assert name in page, "sidan visar inte ändringen"
        version = state["version"]
        times.append(elapsed)
    events.conn.close()
    return times


def bench_browser(yaml: Path, url: str, edits: int) -> list[float]:
    sys.path.insert(0, str(ROOT / "tests"))
    from browser import chromium_page, wait_for

    cover = "((document.querySelector('.cover-organisation') || {}).textContent || '')"
    text = yaml.read_text(encoding="utf-8")
    times = []
    with chromium_page() as page:
        page.goto(url)
        wait_for(page, cover)
        for i in range(edits):
            name = f"Webbläsarförbundet nummer {i}"
            new = with_name(text, name)
            wait_quiet()
            started = time.perf_counter()
            save(yaml, new)
            wait_for(page, f"{cover} === {json.dumps(name)}", timeout=10, interval=0.005)
            times.append(time.perf_counter() - started)
    return times


def summary(label: str, times: list[float]) -> float:
    median = statistics.median(times)
    ordered = sorted(times)
    p90 = ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))]
    print(f"{label}: {' '.join(f'{t:.3f}' for t in times)}")
    print(f"{label}: median {median:.3f} s, p90 {p90:.3f} s, min {ordered[0]:.3f} s, "
          f"max {ordered[-1]:.3f} s ({len(times)} ändringar)")
    return median


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=ROOT / "content" / "2023.yaml")
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument("--mode", choices=["server", "browser", "both"], default="both")
    parser.add_argument("--target", type=float, default=0.25)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-serve-") as tmp:
        workdir = Path(tmp)
        shutil.copytree(args.file.parent, workdir / "content")
        yaml = workdir / "content" / args.file.name
        if not NAME.search(yaml.read_text(encoding="utf-8")):
            raise SystemExit("hittar inte förbund.namn i filen")
        proc, url = start_server(workdir, yaml)
        port = int(url.rsplit(":", 1)[1].strip("/"))
        try:
            medians = []
            if args.mode in ("server", "both"):
                medians.append(summary("server", bench_server(yaml, port, args.edits)))
            if args.mode in ("browser", "both"):
                medians.append(summary("webbläsare", bench_browser(yaml, url, args.edits)))
        finally:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
    worst = max(medians)
    verdict = "uppfyllt" if worst <= args.target else "INTE uppfyllt"
    print(f"mål: median ≤ {args.target:.2f} s: {verdict}")
    return 0 if worst <= args.target else 1


if __name__ == "__main__":
    raise SystemExit(main())

#!/usr/bin/env python3
"""Benchmark `reportgen build`: where the time goes, per stage and per format.

    python3 scripts/bench_build.py [FILE] [-n N]

Times, in this process and after one warm-up, N runs each of: preparing the report
model (load, validate, compute, document), the checks, and rendering HTML, PDF
(WeasyPrint) and DOCX; then one whole `python -m reportgen build` process. Prints the
median of each. No budget: this shows what a change costs.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(action: Callable[[], object], runs: int) -> float:
    action()  # warm-up: imports and caches
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> int:
    parser = argparse.ArgumentParser(description="Mät tiden för reportgen build")
    parser.add_argument("file", nargs="?", default="content/2023.yaml")
    parser.add_argument("-n", type=int, default=5, help="antal körningar per steg (standard 5)")
    args = parser.parse_args()
    file = (ROOT / args.file).resolve()
    sys.path.insert(0, str(ROOT))

    from reportgen.checks import run_checks
    from reportgen.pipeline import prepare
    from reportgen.render.docx import render_docx
    from reportgen.render.html import render_html
    from reportgen.render.pdf import render_pdf

    prepared = prepare(file)
    stages = {
        "förbered (läs, validera, beräkna, dokument)": lambda: prepare(file),
        "kontroller": lambda: run_checks(prepared),
        "html": lambda: render_html(prepared.document),
        "pdf (WeasyPrint)": lambda: render_pdf(prepared.document),
        "docx": lambda: render_docx(prepared.document),
    }
    for name, action in stages.items():
        print(f"{name:45s} median {timed(action, args.n):6.3f} s")

    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "reportgen", "build", str(file), "--out", out],
                       cwd=ROOT, check=True, capture_output=True)
        print(f"{'hela processen: reportgen build':45s} {time.perf_counter() - start:13.3f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

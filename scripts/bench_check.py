#!/usr/bin/env python3
"""Benchmark `reportgen check` as a whole process (start-up, imports, parse, rules, output).

    python3 scripts/bench_check.py [FILE] [-n N]

Runs `python -m reportgen check FILE` N times (default 20, after one warm-up run) with
the interpreter running this script, and prints the median, minimum and maximum wall
time, and the median CPU time (user + system) of the child process, which other work on
a busy machine disturbs less. The budget is 0.3 s wall time (issue 3); the exit code is 1
when the median exceeds it. The `reportgen` console script adds the start-up of its
launcher (a pyenv shim, for instance) on top.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUDGET_S = 0.3


def once(file: str) -> tuple[float, float]:
    """(wall time, CPU time) of one whole `reportgen check` process."""
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "reportgen", "check", file], cwd=ROOT,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _pid, _status, usage = os.wait4(child.pid, 0)
    child.returncode = 0  # reaped above
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description="Mät tiden för reportgen check")
    parser.add_argument("file", nargs="?", default="content/2023.yaml")
    parser.add_argument("-n", type=int, default=20, help="antal körningar (standard 20)")
    args = parser.parse_args()
    # Byte-compile the checkout first: pip compiles an installed wheel at install time, and
    # an editable install caches bytecode on first import, unless PYTHONDONTWRITEBYTECODE is
    # set (as in some sandboxes), when every run would compile reportgen anew.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "reportgen")],
                   check=True, stdout=subprocess.DEVNULL)
    once(args.file)  # warm the file-system caches
    runs = [once(args.file) for _ in range(args.n)]
    times = [wall for wall, _cpu in runs]
    median = statistics.median(times)
    cpu = statistics.median(c for _wall, c in runs)
    print(f"reportgen check {args.file}: median {median:.3f} s, min {min(times):.3f} s, "
          f"max {max(times):.3f} s, CPU-tid median {cpu:.3f} s "
          f"({args.n} körningar; budget {BUDGET_S} s)")
    return 0 if median <= BUDGET_S else 1


if __name__ == "__main__":
    raise SystemExit(main())

#!/usr/bin/env python3
"""Benchmark `reportgen check` as a whole process (start-up, imports, parse, rules, output).

    python3 scripts/bench_check.py [FILE] [-n N]
    python3 scripts/bench_check.py [FILE] [-n N] --mot /work/main

Runs `python -m reportgen check FILE` N times (default 20, after one warm-up run) with
the interpreter running this script, and prints the median, minimum and maximum wall
time, and the median CPU time (user + system) of the child process, which other work on
a busy machine disturbs less. The budget is 0.3 s wall time (issue 3); the exit code is 1
when the median exceeds it. The `reportgen` console script adds the start-up of its
launcher (a pyenv shim, for instance) on top.

`--mot DIR` compares this checkout with another one (main's, say) side by side: each
round runs both once, in alternating order, each with PYTHONPATH set to its own
checkout and FILE read from its own checkout, so a busy machine slows both alike. It
prints both medians and the ratio (this checkout / DIR) of the medians and of the
per-round pairs; the exit code then tells only whether this checkout is within budget.
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


def once(file: str, root: Path = ROOT) -> tuple[float, float]:
    """(wall time, CPU time) of one whole `reportgen check` process run in *root*."""
    env = {**os.environ, "PYTHONPATH": str(root)}
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "reportgen", "check", file], cwd=root,
                             env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _pid, _status, usage = os.wait4(child.pid, 0)
    child.returncode = 0  # reaped above
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def compile_checkout(root: Path) -> None:
    # Byte-compile the checkout first: pip compiles an installed wheel at install time, and
    # an editable install caches bytecode on first import, unless PYTHONDONTWRITEBYTECODE is
    # set (as in some sandboxes), when every run would compile reportgen anew. The bytecode
    # goes to __pycache__/, which git ignores.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(root / "reportgen")],
                   check=True, stdout=subprocess.DEVNULL)


def summary(label: str, runs: list[tuple[float, float]]) -> str:
    times = [wall for wall, _cpu in runs]
    cpu = statistics.median(c for _wall, c in runs)
    return (f"{label}: median {statistics.median(times):.3f} s, min {min(times):.3f} s, "
            f"max {max(times):.3f} s, CPU-tid median {cpu:.3f} s")


def side_by_side(file: str, other: Path, n: int) -> float:
    """Median wall time of this checkout, after printing both and their ratio."""
    compile_checkout(other)
    once(file, other)
    ours: list[tuple[float, float]] = []
    theirs: list[tuple[float, float]] = []
    for i in range(n):
        pair = [(ours, ROOT), (theirs, other)]
        for runs, root in pair if i % 2 == 0 else reversed(pair):
            runs.append(once(file, root))
    median = statistics.median(w for w, _c in ours)
    other_median = statistics.median(w for w, _c in theirs)
    paired = statistics.median(a[0] / b[0] for a, b in zip(ours, theirs, strict=True))
    cpu_ratio = (statistics.median(c for _w, c in ours)
                 / statistics.median(c for _w, c in theirs))
    print(summary(f"{ROOT}", ours))
    print(summary(f"{other}", theirs))
    print(f"kvot {ROOT.name}/{other.name}: medianer {median / other_median:.3f}, "
          f"parvis median {paired:.3f}, CPU-tid {cpu_ratio:.3f} "
          f"({n} körningar var, växelvis; budget {BUDGET_S} s)")
    return median


def main() -> int:
    parser = argparse.ArgumentParser(description="Mät tiden för reportgen check")
    parser.add_argument("file", nargs="?", default="content/2023.yaml")
    parser.add_argument("-n", type=int, default=20, help="antal körningar (standard 20)")
    parser.add_argument("--mot", type=Path, metavar="MAPP",
                        help="jämför växelvis med en annan utcheckning, t.ex. /work/main")
    args = parser.parse_args()
    compile_checkout(ROOT)
    once(args.file)  # warm the file-system caches
    if args.mot is not None:
        return 0 if side_by_side(args.file, args.mot.resolve(), args.n) <= BUDGET_S else 1
    runs = [once(args.file) for _ in range(args.n)]
    median = statistics.median(wall for wall, _cpu in runs)
    print(summary(f"reportgen check {args.file}", runs)
          + f" ({args.n} körningar; budget {BUDGET_S} s)")
    return 0 if median <= BUDGET_S else 1


if __name__ == "__main__":
    raise SystemExit(main())

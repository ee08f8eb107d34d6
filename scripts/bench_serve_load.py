#!/usr/bin/env python3
"""Benchmark the preview server under load: N concurrent loopback requests at once.

    python3 scripts/bench_serve_load.py [FILE] [-n 200] [--path /]

Starts `reportgen serve FILE --port 0` as its own process, waits for the first build,
then opens N connections at the same moment (a barrier releases N threads) and sends one
GET each, for the page itself by default. Prints the median, 95th percentile and largest
time from release to the whole answer, over --rounds rounds. The budget is 2 s for every
request (issue 17; a listen backlog of 5 left some waiting 14 s); the exit code is 1 when
any request takes longer or fails. Only 127.0.0.1 is contacted, and the server is stopped
at the end.
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUDGET_S = 2.0


def start_server(file: str) -> tuple[subprocess.Popen[str], int]:
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    child = subprocess.Popen([sys.executable, "-m", "reportgen", "serve", file, "--port", "0"],
                             cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                             text=True)
    assert child.stdout is not None
    deadline = time.monotonic() + 60
    for line in child.stdout:
        found = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if found:
            threading.Thread(target=child.stdout.read, daemon=True).start()  # keep it drained
            return child, int(found.group(1))
        if time.monotonic() > deadline:
            break
    child.kill()
    raise SystemExit("servern startade inte")


def fetch(port: int, path: str) -> None:
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(f"GET {path} HTTP/1.0\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
        head = b""
        while chunk := sock.recv(65536):
            head += chunk if len(head) < 64 else b""
        if not head.startswith(b"HTTP/1.0 200"):
            raise RuntimeError(head[:40].decode("latin-1"))


def one_round(port: int, count: int, path: str) -> tuple[list[float], int]:
    barrier = threading.Barrier(count + 1)
    times: list[float] = []
    failures = [0]
    lock = threading.Lock()
    released = [0.0]

    def client() -> None:
        barrier.wait()
        try:
            fetch(port, path)
        except (OSError, RuntimeError):
            with lock:
                failures[0] += 1
            return
        with lock:
            times.append(time.perf_counter() - released[0])

    threads = [threading.Thread(target=client) for _ in range(count)]
    for thread in threads:
        thread.start()
    released[0] = time.perf_counter()
    barrier.wait()
    for thread in threads:
        thread.join()
    return times, failures[0]


def main() -> int:
    parser = argparse.ArgumentParser(description="Mät förhandsvisningen med många samtidiga anrop")
    parser.add_argument("file", nargs="?", default="content/2023.yaml")
    parser.add_argument("-n", type=int, default=200, help="samtidiga anrop (standard 200)")
    parser.add_argument("--rounds", type=int, default=3, help="antal omgångar (standard 3)")
    parser.add_argument("--path", default="/", help="vad som hämtas (standard sidan, /)")
    args = parser.parse_args()
    child, port = start_server(args.file)
    try:
        fetch(port, args.path)  # warm
        all_times: list[float] = []
        failed = 0
        for _ in range(args.rounds):
            times, failures = one_round(port, args.n, args.path)
            all_times += times
            failed += failures
    finally:
        child.send_signal(signal.SIGINT)
        try:
            child.wait(timeout=10)
        except subprocess.TimeoutExpired:
            child.kill()
    all_times.sort()
    p95 = all_times[int(0.95 * (len(all_times) - 1))] if all_times else float("nan")
    print(f"{args.n} samtidiga anrop av {args.path} × {args.rounds}: median "
          f"{statistics.median(all_times):.3f} s, 95:e percentilen {p95:.3f} s, största "
          f"{max(all_times):.3f} s, {failed} misslyckade (budget {BUDGET_S} s per anrop)")
    return 1 if failed or max(all_times) > BUDGET_S else 0


if __name__ == "__main__":
    raise SystemExit(main())

"""SIGINT or SIGTERM at every point of the write phase leaves the whole old output set or the
whole new one, and no temporary file.

A child process runs `reportgen build` for real; only its write phase is instrumented:
after each temporary file is written (os.fsync) it tells the parent and waits, and the
parent, having seen the file appear in the folder, sends the signal. The moves into
place are instrumented too: the child signals itself after the k-th move, when the
signals are held back until all files have moved.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from reportgen.buildcache import CACHE_FOLDER

ROOT = Path(__file__).resolve().parent.parent
FORMATS = "html,docx"
NAMES = ("2023.html", "2023.docx")
OLD = {name: f"tidigare {name}\n".encode() for name in NAMES}
ENV = {**os.environ, "PYTHONPATH": str(ROOT), "SOURCE_DATE_EPOCH": "1710374400"}

# The child: reportgen's CLI with os.fsync (after each temporary file) and os.replace
# (after each move) reporting to the parent through a pipe.
CHILD = r"""
import os, signal, sys
from reportgen import cli, write

point, number, signum, fd = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
report = os.fdopen(fd, "w", buffering=1)
real_fsync, real_replace = os.fsync, os.replace
counts = {"fil": 0, "flytt": 0}

def fsync(fd):
    real_fsync(fd)
    counts["fil"] += 1
    if point == "fil" and counts["fil"] == number:
        report.write("skriven\n")
        signal.pause()  # the parent's signal ends the wait

def replace(src, dst):
    real_replace(src, dst)
    counts["flytt"] += 1
    if point == "flytt" and counts["flytt"] == number:
        os.kill(os.getpid(), signum)  # held back until every file has moved

os.fsync, os.replace = fsync, replace
sys.exit(cli.main(sys.argv[5:]))
"""


def temporary_files(folder: Path) -> list[str]:
    """Everything but the outputs, and in the build cache's folder everything but its
    manifest (written in the same set as the outputs)."""
    found = [p.name for p in folder.iterdir() if p.name not in {*NAMES, CACHE_FOLDER}]
    cache = folder / CACHE_FOLDER
    if cache.is_dir():
        found += [f"{CACHE_FOLDER}/{p.name}" for p in cache.iterdir() if p.name != "2023.json"]
    return sorted(found)


@pytest.fixture(scope="module")
def new_set(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """What an uninterrupted build writes (byte-identical for the same SOURCE_DATE_EPOCH)."""
    out = tmp_path_factory.mktemp("ny")
    subprocess.run([sys.executable, "-m", "reportgen", "build", str(ROOT / "content" / "2023.yaml"),
                    "--out", str(out), "--format", FORMATS], check=True, env=ENV, cwd=ROOT,
                   capture_output=True, timeout=120)
    return {name: (out / name).read_bytes() for name in NAMES}


# The third file of the set is the build cache's manifest (reportgen/buildcache.py).
POINTS = [(point, number) for point in ("fil", "flytt") for number in (1, 2, 3)]


@pytest.mark.slow
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
@pytest.mark.parametrize("point, number", POINTS, ids=[f"{p}{n}" for p, n in POINTS])
def test_signal_in_the_write_phase_leaves_one_whole_set(
    tmp_path: Path, new_set: dict[str, bytes], point: str, number: int, signum: int
) -> None:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    out = tmp_path / "build"
    out.mkdir()
    for name, data in OLD.items():
        (out / name).write_bytes(data)
    read, write = os.pipe()
    args = ["build", str(tmp_path / "content" / "2023.yaml"), "--out", str(out), "--format", FORMATS]
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, point, str(number), str(int(signum)), str(write), *args],
        env=ENV, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        pass_fds=(write,),
    )
    os.close(write)
    try:
        with os.fdopen(read) as report:
            if point == "fil":
                assert report.readline() == "skriven\n"
                # The temporary file is there, beside the old set, when the signal is sent.
                assert len(temporary_files(out)) == number
                child.send_signal(signum)
            stdout, stderr = child.communicate(timeout=120)
    finally:
        if child.poll() is None:  # a failed assertion above: do not leave it waiting
            child.kill()
            child.wait()
    assert "Traceback" not in stderr, stderr
    assert child.returncode == 128 + signum, stderr
    assert "avbröts" in stderr
    assert temporary_files(out) == []
    found = {name: (out / name).read_bytes() for name in NAMES}
    # Interrupted while the temporary files were written: the old set stays; while they
    # moved: the signal waits, and the new set is whole.
    assert found == (OLD if point == "fil" else new_set)
    # The manifest describes the set in the folder: none with the old one, the new one's.
    assert (out / CACHE_FOLDER / "2023.json").exists() == (point == "flytt")

#!/usr/bin/env python3
"""Benchmark `reportgen build`.

    python3 scripts/bench_build.py [FILE] [-n N]             # per stage and format
    python3 scripts/bench_build.py [FILE] --jämför [-n N]    # against WeasyPrint alone

Without --jämför: times, in this process and after one warm-up, N runs each of preparing
the report model (load, validate, compute, document), the checks, and rendering HTML,
PDF (WeasyPrint) and DOCX; then one whole `python -m reportgen build` process.

With --jämför (issue 18), all whole processes, in one session:

1. a full build (`reportgen build`, HTML + PDF + DOCX, into an empty folder) and
   `python3 -m weasyprint` on the same HTML reportgen gives WeasyPrint, with the same
   PDF variant (`--pdf-variant pdf/ua-1` or `pdf/a-2a`, as `--pdf-variant ua|a` here),
   alternating, N times each after a warm-up; their medians and the ratio;
2. an unchanged rebuild (the same build again into the same folder): its median;
3. a report four times the example's size, generated from it (every insats, mål and
   indicator appendix four times, every Markdown file's text four times over: see
   `enlarge`), checked without errors, built N times alternating with the example: the
   ratio of the medians;
4. the peak RSS and PSS of the whole process tree, at both sizes, in N more builds that are
   not timed (the sums of the resident and of the proportional sets of the build and its
   report process, sampled every 5 ms; after the fork the two share most pages, which the
   RSS sum counts twice). The timed runs are not watched: sampling slows what it watches,
   and a build's two processes more than WeasyPrint's one;

and prints the load average before and after: run it on an otherwise idle machine.
Targets: build ÷ WeasyPrint ≤ 1.0, unchanged rebuild ≤ 0.5 s, four times the content ≤
4.5 times the time, peak RSS ≤ 300 MB.
"""

from __future__ import annotations

import argparse
import copy
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}
SCALE = 4
VARIANTS = {"ua": "pdf/ua-1", "a": "pdf/a-2a"}  # as reportgen/render/pdf.py passes them


def timed(action: Callable[[], object], runs: int) -> float:
    action()  # warm-up: imports and caches
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def stages(file: Path, runs: int) -> None:
    sys.path.insert(0, str(ROOT))
    from reportgen.checks import run_checks
    from reportgen.pipeline import prepare
    from reportgen.render.docx import render_docx
    from reportgen.render.html import render_html
    from reportgen.render.pdf import render_pdf

    prepared = prepare(file)
    steps = {
        "förbered (läs, validera, beräkna, dokument)": lambda: prepare(file),
        "kontroller": lambda: run_checks(prepared),
        "html": lambda: render_html(prepared.document),
        "pdf (WeasyPrint)": lambda: render_pdf(prepared.document),
        "docx": lambda: render_docx(prepared.document),
    }
    for name, action in steps.items():
        print(f"{name:45s} median {timed(action, runs):6.3f} s")
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "reportgen", "build", str(file), "--out", out],
                       cwd=ROOT, env=ENV, check=True, capture_output=True)
        print(f"{'hela processen: reportgen build':45s} {time.perf_counter() - start:13.3f} s")


# -- the comparison ------------------------------------------------------------------------
def _pss(pid: int) -> int:
    """Proportional set size of *pid* in bytes: its private pages and its share of the pages
    it shares (after a fork the two processes share most of their memory, which a sum of
    RSS counts twice)."""
    with open(f"/proc/{pid}/smaps_rollup") as rollup:
        for line in rollup:
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    return 0


def _tree_memory(root: int) -> tuple[int, int]:
    """Resident set and proportional set of *root* and all its descendants, in bytes
    (0 once it has gone)."""
    total, pss, stack, page = 0, 0, [root], os.sysconf("SC_PAGE_SIZE")
    while stack:
        pid = stack.pop()
        try:
            with open(f"/proc/{pid}/statm") as statm:
                total += int(statm.read().split()[1]) * page
            pss += _pss(pid)
            with open(f"/proc/{pid}/task/{pid}/children") as children:
                stack += [int(c) for c in children.read().split()]
        except (OSError, ValueError):
            continue
    return total, pss


def timed_run(command: list[str]) -> float:
    """Run *command* to its end: its wall time in seconds (nothing else is watched: reading
    a process's memory every few milliseconds takes time from it, and more from a build's
    two processes than from WeasyPrint's one)."""
    start = time.perf_counter()
    process = subprocess.run(command, cwd=ROOT, env=ENV, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, check=False)
    elapsed = time.perf_counter() - start
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} misslyckades:\n{process.stderr.decode()}")
    return elapsed


def run(command: list[str]) -> tuple[float, tuple[int, int]]:
    """Run *command* to its end, watching its memory: wall time in seconds and the peak RSS
    and PSS of its process tree."""
    peak, peak_pss = 0, 0
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, env=ENV, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    done = threading.Event()

    def sample() -> None:
        nonlocal peak, peak_pss
        while not done.is_set():
            rss, pss = _tree_memory(process.pid)
            peak, peak_pss = max(peak, rss), max(peak_pss, pss)
            done.wait(0.005)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, stderr = process.communicate()
    elapsed = time.perf_counter() - start
    done.set()
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} misslyckades:\n{stderr.decode()}")
    return elapsed, (peak, peak_pss)


def build_command(file: Path, out: Path, variant: str, *extra: str) -> list[str]:
    return [sys.executable, "-m", "reportgen", "build", str(file), "--out", str(out),
            "--pdf-variant", variant, "--tyst", *extra]


def print_html(file: Path, target: Path) -> None:
    """The HTML reportgen hands WeasyPrint for *file* (reportgen/render/pdf.py), with its
    charts embedded as data: URIs (reportgen's fetcher gets them by a name of their own,
    which WeasyPrint alone could not fetch: it would leave them out, and be faster)."""
    sys.path.insert(0, str(ROOT))
    from reportgen.document.model import Image
    from reportgen.pipeline import prepare
    from reportgen.render.html import file_uri, image_data_uri, render_html

    def asset_url(asset: Path | Image) -> str:
        if isinstance(asset, Image) and asset.drawing is not None:
            return image_data_uri(asset)
        return file_uri(asset)

    document = prepare(file).document
    html = render_html(document, asset_url=asset_url, for_print=True)
    assert "reportgen-diagram:" not in html
    target.write_text(html, encoding="utf-8")


def weasyprint_command(html: Path, pdf: Path, variant: str) -> list[str]:
    sys.path.insert(0, str(ROOT))
    from reportgen.templates_dir import templates_dir

    return [sys.executable, "-m", "weasyprint", "--pdf-variant", VARIANTS[variant],
            "--base-url", str(templates_dir()), str(html), str(pdf)]


def _repeat_markdown(folder: Path) -> None:
    for path in folder.rglob("*.md"):
        text = path.read_text(encoding="utf-8").strip("\n")
        path.write_text("\n\n".join([text] * SCALE) + "\n", encoding="utf-8")


def _copies(items: list[dict[str, Any]], change: Callable[[dict[str, Any], int], None]) -> list[Any]:
    out = []
    for n in range(1, SCALE + 1):
        for item in items:
            item = copy.deepcopy(item)
            if n > 1:
                change(item, n)
            out.append(item)
    return out


def enlarge(source: Path, target: Path) -> Path:
    """A copy of the report in *source*'s folder, SCALE times the content, into *target*:
    each insats (a copy has its own id, no project number), each mål (naming its copy's
    insatser), each indicator appendix, each text note and each Markdown file's text SCALE
    times. The statements, the notes of figures (each explains its lines) and the budget
    stay as they are, so every figure still checks."""
    import yaml

    shutil.copytree(source.parent, target)
    _repeat_markdown(target)
    data = yaml.safe_load(source.read_text(encoding="utf-8"))

    def insats(item: dict[str, Any], n: int) -> None:
        first, item["id"] = item["id"], f"{item['id']}_{n}"
        item["namn"] = f"{item['namn']} ({n})"
        item.pop("projektnummer", None)
        for key, value in item.items():  # inline texts name the copy's figures
            if isinstance(value, str):
                item[key] = value.replace(f"insats.{first}.", f"insats.{item['id']}.")

    def mål(item: dict[str, Any], n: int) -> None:
        item["rubrik"] = f"{item['rubrik']} ({n})"
        item["insatser"] = [f"{i}_{n}" for i in item.get("insatser", [])]
        for measure in item.get("mått", []):
            if isinstance(measure.get("utfall"), str) and measure["utfall"].startswith("deltagare."):
                first = measure["utfall"].split(".")[1]
                measure["utfall"] = measure["utfall"].replace(f".{first}.", f".{first}_{n}.")

    def grupp(item: dict[str, Any], n: int) -> None:
        item["rubrik"] = f"{item['rubrik']} ({n})"

    data["insatser"] = _copies(data["insatser"], insats)
    data["mål"] = _copies(data["mål"], mål)
    data["indikatorer"]["grupper"] = _copies(data["indikatorer"]["grupper"], grupp)
    notes = data["ekonomi"]["noter"]  # a text note four times; a note of figures once
    data["ekonomi"]["noter"] = [copy for note in notes for copy in (
        _copies([note], grupp) if "avser" not in note else [note])]

    class NoAliases(yaml.SafeDumper):
        def ignore_aliases(self, data: Any) -> bool:
            return True

    big = target / source.name
    big.write_text(yaml.dump(data, Dumper=NoAliases, allow_unicode=True, sort_keys=False,
                             width=100), encoding="utf-8")
    check = subprocess.run([sys.executable, "-m", "reportgen", "check", str(big)], cwd=ROOT,
                           env=ENV, capture_output=True, text=True)
    if check.returncode != 0:
        raise SystemExit(f"den förstorade rapporten har fel:\n{check.stdout}{check.stderr}")
    return big


def pages(pdf: Path) -> int:
    import pypdf

    return len(pypdf.PdfReader(pdf).pages)


def load() -> str:
    return " ".join(f"{v:.2f}" for v in os.getloadavg())


def compare(file: Path, runs: int, variant: str) -> None:
    print(f"belastning (1, 5, 15 min) före: {load()}")
    with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
        work = Path(tmp)
        html, pdf = work / "weasyprint.html", work / "weasyprint.pdf"
        print_html(file, html)
        big = enlarge(file, work / "stor")

        made: dict[Path, Path] = {}  # report → the folder of its last full build

        def full(report: Path) -> float:
            made[report] = Path(tempfile.mkdtemp(dir=work))
            return timed_run(build_command(report, made[report], variant))

        def weasyprint() -> float:
            return timed_run(weasyprint_command(html, pdf, variant))

        full(file), weasyprint(), full(big)  # warm-up: the disk cache, compiled modules
        builds, alone, bigs = [], [], []
        for _ in range(runs):
            builds.append(full(file))
            alone.append(weasyprint())
            bigs.append(full(big))
        # memory in runs of their own, untimed
        peaks = [run(build_command(big, Path(tempfile.mkdtemp(dir=work)), variant))[1]
                 for _ in range(runs)]
        peaks_small = [run(build_command(file, Path(tempfile.mkdtemp(dir=work)), variant))[1]
                       for _ in range(runs)]

        out = work / "omkörning"
        timed_run(build_command(file, out, variant))
        rebuilds = [timed_run(build_command(file, out, variant)) for _ in range(runs + 1)][1:]

        build, wp, rebuild = (statistics.median(x) for x in (builds, alone, rebuilds))
        big_build = statistics.median(bigs)
        size = pages(made[file] / f"{file.stem}.pdf"), pages(made[big] / f"{big.stem}.pdf")
        print(f"reportgen build (HTML, PDF, DOCX)   median {build:6.2f} s   "
              f"{' '.join(f'{t:.2f}' for t in builds)}")
        print(f"python3 -m weasyprint ({VARIANTS[variant]})  median {wp:6.2f} s   "
              f"{' '.join(f'{t:.2f}' for t in alone)}")
        print(f"kvot bygge / WeasyPrint             {build / wp:6.3f}        (mål ≤ 1,0)")
        print(f"oförändrad omkörning               median {rebuild:6.3f} s  (mål ≤ 0,5 s)")
        print(f"fyra gånger innehållet ({size[1]} sidor mot {size[0]}): median {big_build:.2f} s, "
              f"kvot {big_build / build:.2f}  (mål ≤ 4,5)")
        for i, name in enumerate(("RSS", "PSS")):
            print(f"högsta {name}, hela processträdet: {max(p[i] for p in peaks) / 1e6:.0f} MB "
                  f"fyra gånger innehållet, {max(p[i] for p in peaks_small) / 1e6:.0f} MB exemplet"
                  "  (mål ≤ 300 MB)")
        print("  (RSS räknar sidor som processerna delar efter fork två gånger; PSS delar dem)")
    print(f"belastning (1, 5, 15 min) efter: {load()}")


def main() -> int:
    parser = argparse.ArgumentParser(description="Mät tiden för reportgen build")
    parser.add_argument("file", nargs="?", default="content/2023.yaml")
    parser.add_argument("-n", type=int, default=5, help="antal körningar per steg (standard 5)")
    parser.add_argument("--jämför", "--jamfor", action="store_true", dest="compare",
                        help="jämför hela bygget med WeasyPrint ensamt på samma HTML, mät en "
                        "oförändrad omkörning och en fyra gånger så stor rapport")
    parser.add_argument("--pdf-variant", choices=sorted(VARIANTS), default="ua",
                        help="PDF-varianten för både bygget och WeasyPrint (standard ua)")
    args = parser.parse_args()
    file = (ROOT / args.file).resolve()
    if args.compare:
        compare(file, args.n, args.pdf_variant)
    else:
        stages(file, args.n)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

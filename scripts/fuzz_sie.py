#!/usr/bin/env python3
"""Fuzz `reportgen importera` with mutated SIE files.

    python3 scripts/fuzz_sie.py [-n 2000] [--seed 1]

Each mutant is the example's SIE 4 file (tests/sie_example.py: content/2023.yaml's figures,
CP437) changed by one to three mutations: lines truncated, deleted, duplicated or swapped,
quotes and braces inserted or removed, bytes of other encodings (UTF-8, Latin-1, control
characters, NUL), huge, negative, decimal-comma or exponent numbers, `#RAR` lines removed or
moved to another year, a voucher's `{`, `}` or a `#TRANS` removed, `#FORMAT` and `#SIETYP`
changed. Each is imported in-process (`reportgen importera FIL YAML --kontoplan …`) into a
copy of the example whose figures are removed.

A *failure* is an exception (a traceback in real use); or, when the import is refused
(its errors on stderr), an exit code other than 1, a YAML file that changed, or an error
that is in English (scripts/fuzz_check.py's test) or names no line of a file. The exit
code is 1 if anything failed. tests/test_fuzz_sie.py runs a couple of hundred mutants on a
fixed seed.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import random
import re
import shutil
import sys
import tempfile
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for extra in (ROOT, ROOT / "tests", ROOT / "scripts"):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))

from fuzz_check import english  # noqa: E402

_LOCATED = re.compile(r"^(?P<file>.+?):(?P<line>[0-9]+)(?::[0-9]+)?: (?:fel|varning): ")


@dataclass(frozen=True)
class Failure:
    kind: str  # undantag | utgång | skrev | engelska | utan_rad
    detail: str


# -- mutations (on the file's text; the encoding is chosen when it is written) ---------------


def _lines(text: str) -> list[str]:
    return text.split("\r\n")


def truncate_line(lines: list[str], rnd: random.Random) -> None:
    i = rnd.randrange(len(lines))
    lines[i] = lines[i][: rnd.randrange(len(lines[i]) + 1)]


def line_operation(lines: list[str], rnd: random.Random) -> None:
    i, j = rnd.randrange(len(lines)), rnd.randrange(len(lines))
    kind = rnd.randrange(3)
    if kind == 0:
        lines.insert(i, lines[j])
    elif kind == 1:
        del lines[i]
    else:
        lines[i], lines[j] = lines[j], lines[i]


def punctuation(lines: list[str], rnd: random.Random) -> None:
    i = rnd.randrange(len(lines))
    at = rnd.randrange(len(lines[i]) + 1)
    if rnd.random() < 0.5:
        lines[i] = lines[i][:at] + rnd.choice(['"', '"', "{", "}", "\\", " ", "\t", "#"]) + lines[i][at:]
    else:
        lines[i] = lines[i].replace(rnd.choice(['"', "{", "}", " "]), "", 1)


_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")
NUMBERS = ("99999999999999999999.99", "1e30", "-0.001", "12,5", "0x10", "NaN", "", "-",
           "1.234", "١٢٣", "9" * 400, "-9999999999999", "20231301", "00000000")


def number(lines: list[str], rnd: random.Random) -> None:
    i = rnd.randrange(len(lines))
    found = list(_NUMBER.finditer(lines[i]))
    if found:
        m = rnd.choice(found)
        lines[i] = lines[i][: m.start()] + rnd.choice(NUMBERS) + lines[i][m.end():]


def rar(lines: list[str], rnd: random.Random) -> None:
    rars = [i for i, line in enumerate(lines) if line.startswith("#RAR")]
    if not rars:
        return
    i = rnd.choice(rars)
    if rnd.random() < 0.5:
        del lines[i]
    else:
        lines[i] = lines[i].replace("2023", rnd.choice(["2024", "2022", "1899", "2023x"]))


def voucher(lines: list[str], rnd: random.Random) -> None:
    marks = [i for i, line in enumerate(lines) if line in ("{", "}") or line.startswith("#TRANS")
             or line.startswith("#VER")]
    if marks:
        del lines[rnd.choice(marks)]


def header(lines: list[str], rnd: random.Random) -> None:
    for i, line in enumerate(lines):
        if line.startswith("#FORMAT") and rnd.random() < 0.5:
            lines[i] = rnd.choice(["#FORMAT UTF8", "#FORMAT", "#FORMAT PC8 extra", "#FORMAT pc8"])
        elif line.startswith("#SIETYP") and rnd.random() < 0.5:
            lines[i] = rnd.choice(["#SIETYP 9", "#SIETYP", "#SIETYP 4E", "#SIETYP -1"])


def characters(lines: list[str], rnd: random.Random) -> None:
    i = rnd.randrange(len(lines))
    at = rnd.randrange(len(lines[i]) + 1)
    lines[i] = lines[i][:at] + rnd.choice(["\x00", "\x07", "\x1b", "\x7f", "å", "€", "→", "\u2028",
                                           "\ufeff", "\r", "\n"]) + lines[i][at:]


MUTATIONS: tuple[Callable[[list[str], random.Random], None], ...] = (
    truncate_line, line_operation, punctuation, number, rar, voucher, header, characters)


def encode(text: str, rnd: random.Random) -> bytes:
    """The file's bytes: as the standard says (CP437), mostly; else another encoding, or
    CP437 with a few raw bytes changed."""
    roll = rnd.random()
    if roll < 0.7:
        return text.encode("cp437", errors="replace")
    if roll < 0.8:
        return text.encode("utf-8")
    if roll < 0.85:
        return text.encode("utf-8-sig")
    if roll < 0.9:
        return text.encode("latin-1", errors="replace")
    data = bytearray(text.encode("cp437", errors="replace"))
    for _ in range(rnd.randint(1, 4)):
        if data:
            data[rnd.randrange(len(data))] = rnd.randrange(256)
    return bytes(data)


def mutant(base: str, rnd: random.Random) -> bytes:
    lines = _lines(base)
    for _ in range(rnd.randint(1, 3)):
        if lines:
            rnd.choice(MUTATIONS)(lines, rnd)
    return encode("\r\n".join(lines), rnd)


# -- running one -----------------------------------------------------------------------------


def project(folder: Path) -> Path:
    """A copy of the example without its figures, with the Kommun-Bas kontoplan of the
    import tests beside it; its YAML."""
    from strip_figures import strip_figures

    shutil.copytree(ROOT / "content", folder)
    shutil.copy(ROOT / "tests" / "fixtures" / "kontoplan-bergsjodalen.yaml",
                folder / "kontoplan.yaml")
    yaml = folder / "2023.yaml"
    strip_figures(yaml)
    return yaml


def run_once(export: Path, yaml: Path) -> tuple[Failure | None, bool]:
    """Import *export* into *yaml* (restored afterwards): (the failure, if any; whether the
    import was refused)."""
    from reportgen.cli import main

    before = yaml.read_bytes()
    out, err = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["importera", str(export), str(yaml), "--kontoplan", "kontoplan.yaml"])
    except BaseException:  # noqa: BLE001 - any exception is what the fuzzer looks for
        return Failure("undantag", traceback.format_exc(limit=8)), False
    finally:
        after = yaml.read_bytes()
        yaml.write_bytes(before)
    errors = [line for line in err.getvalue().splitlines() if not line.startswith("reportgen: ")]
    if not errors:
        return None, False  # imported (or nothing to change); check's summary is on stdout
    if code != 1:
        return Failure("utgång", f"exit {code}\n{err.getvalue()}"), True
    if after != before:
        return Failure("skrev", err.getvalue()), True
    for line in errors:
        located = _LOCATED.match(line)
        if located is None:
            return Failure("utan_rad", line), True
        if english(line[located.end():]):
            return Failure("engelska", line), True
    return None, True


def fuzz(n: int, seed: int, report: Callable[[str], None] = print) -> tuple[int, list[Failure], int]:
    """Run *n* mutants; (count, failures, how many were refused)."""
    from sie_example import example_sie

    base = example_sie().text().replace("–", "-").rstrip("\r\n")
    rnd = random.Random(seed)
    failures: list[Failure] = []
    refused = 0
    with tempfile.TemporaryDirectory(prefix="fuzz-sie-") as tmp:
        yaml = project(Path(tmp) / "content")
        export = Path(tmp) / "content" / "bokforing.se"
        for index in range(n):
            export.write_bytes(mutant(base, rnd))
            failure, was_refused = run_once(export, yaml)
            refused += was_refused
            if failure is not None:
                report(f"mutant {index}: {failure.kind}: {failure.detail.splitlines()[-1]}")
                failures.append(failure)
    return n, failures, refused


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    count, failures, refused = fuzz(args.n, args.seed)
    print(f"{count} mutanter, {refused} avvisade, {len(failures)} fel")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())

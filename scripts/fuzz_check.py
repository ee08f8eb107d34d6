#!/usr/bin/env python3
"""Fuzz `reportgen check` and the build path (HTML and DOCX, no PDF) with mutated inputs.

    python3 scripts/fuzz_check.py [-n 5000] [--seed 1] [--crashes DIR]

Each mutant is one of the repository's reports (content/2023.yaml and the YAML fixtures
under tests/fixtures/, each in a copy of its own folder) changed by one to three
mutations: characters and YAML punctuation inserted or deleted, lines duplicated, swapped
or re-indented, values replaced by awkward ones (impossible dates, huge or non-finite
numbers, tags, anchors, merge keys, file names that lead out or nowhere), values of other
types put anywhere in the parsed tree, and sometimes a Markdown file it names changed too.
Every mutant is run in-process through `reportgen check` (text output) and through
`reportgen build --format html,docx --utkast` into a scratch folder.

A *failure* is an exception other than reportgen's UserError (a traceback in real use),
a mutant that takes more than HANG_SECONDS, or a finding whose message is in English or
names an internal name (`english`), or whose field shows one (`internal_field`). Each
distinct failure is minimised (lines, then characters, removed while it still fails the
same way) and written to the crash folder as a reproducer YAML with the traceback beside
it. The exit code is 1 if anything failed. tests/test_fuzz.py runs a few hundred mutants on a fixed seed.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import random
import re
import shutil
import signal
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SEEDS = (
    "content/2023.yaml",
    "tests/fixtures/seed001_structure/2020.yaml",
    "tests/fixtures/regler/ren.yaml",
    "tests/fixtures/seed000/arsredovisning.yaml",
    "tests/fixtures/seed001/arsredovisning.yaml",
)
HANG_SECONDS = 20

# -- English, or a library's internal names, in a message -----------------------------------------
_ENGLISH = re.compile(
    r"\b(?:the|should|must|expected|found|while|input|valid|invalid|value|error|integer|"
    r"string|number|type|field|required|character|unexpected|unable|cannot|could|object|"
    r"dictionary|instance|allowed|scanning|parsing|mapping|sequence|scalar|document|stream|"
    r"token|indentation|errno|traceback|exception|directory|permission|denied|such|"
    r"decode|codec|byte(?!\s+0x)|position|range|greater|less|than|equal|least|most|"
    r"keys|strings|finite|none|got|is|are|not\s+be|was|has|have|with|from|into|this|that)\b"
    r"|constrained-|function-after|function-before|function-wrap|lax-or-strict|tagged-union|"
    r"\[key\]|json-or-python|Error\b",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|”[^”]*”|«[^»]*»|\{\{.*?\}\}")


def english(text: str) -> bool:
    """True if *text* (a finding's message) has English or an internal name outside what
    it quotes of the input."""
    return bool(_ENGLISH.search(_QUOTED.sub("", text)))


_INTERNAL_PART = re.compile(
    r"None|True|False|\(.*\)|.*(?:constrained-|function-(?:after|before|wrap|plain)|"
    r"lax-or-strict|tagged-union|json-or-python|\[key\]|\[str\]|\[int\]).*"
)


def internal_field(field: str) -> bool:
    """True if the dotted field shows a library's internal name or a Python value
    (`constrained-int`, `None`, `(1, 2)`) instead of the YAML's keys; the keys themselves
    are the user's, whatever language they are in."""
    return any(_INTERNAL_PART.fullmatch(part) for part in field.split("."))


# -- mutations ----------------------------------------------------------------------------------------
PUNCTUATION = [":", ": ", "-", "- ", "[", "]", "{", "}", "'", '"', "&a ", "*a", "!", "!!",
               "|", ">", "#", "%", "@", "`", "\t", "\n", " ", "  ", "\\", "<<: ", "?", ",",
               "\x00", "\x85", "\ufeff", "ä", "\u2028", "\x1b", "é"]
VALUES = [
    "", "~", "null", "true", "yes", "-1", "0", "2024-02-30", "2024-13-01", "2023-02-29",
    "2024-03-14 25:61:00", "9" * 30, "9" * 5000, "1e400", ".inf", ".nan", "-.inf", "0x1F",
    "1_000", "0o17", "12:30:00", "2024-03-14 10:00:00", "'x'", '"\\ud800"', '"\\x00"',
    '"\\uFFFE"', "[]", "{}", "[1, 2]", "{a: 1}", "!!python/object:os.system {}",
    "!!python/object/apply:os.system [ls]", "!!binary aGVq", "!!set {a, b}", "!egen x",
    "*x", "&x y", "*okänd", "|\n  text", ">-\n  text", "text.md", "../x.md", "/etc/passwd",
    "saknas.md", "bilder/logotyp.png", "bilder/saknas.png", "../bild.png", "a" * 300 + ".md",
    "{{ okänd }}", "{{ år", "{% if x %}", "{{ år | upper }}", "99999999999",
    "-99999999999", "10000000000000000", "3.14", "4 507 990", "100.5", "-0", "1e3",
    "[" * 60, "{a: " * 50, "ja", "nej", "\"oavslutad", "'oavslutad", "x: y: z",
]
MARKDOWN = ["{{", "}}", "{{ okänd }}", "{%", "*", "**", "_", "#", "> " * 200, "- " * 200,
            "[", "](", "![bild](x.png)", "<script>", "\x00", "`" * 3, "\n\n", "|", "---",
            "1. ", "&#0;", "&#xD800;", "\\", "~~", "<!--", "    ", "\t"]


def _positions(text: str, rnd: random.Random) -> int:
    return rnd.randrange(len(text) + 1) if text else 0


def insert_punctuation(text: str, rnd: random.Random) -> str:
    at = _positions(text, rnd)
    return text[:at] + rnd.choice(PUNCTUATION) + text[at:]


def delete_span(text: str, rnd: random.Random) -> str:
    if not text:
        return text
    at = rnd.randrange(len(text))
    return text[:at] + text[at + rnd.randint(1, 40):]


def _lines(text: str) -> list[str]:
    return text.split("\n")


def line_operation(text: str, rnd: random.Random) -> str:
    lines = _lines(text)
    if len(lines) < 2:
        return text
    i, j = rnd.randrange(len(lines)), rnd.randrange(len(lines))
    kind = rnd.randrange(5)
    if kind == 0:
        lines.insert(i, lines[j])
    elif kind == 1:
        del lines[i]
    elif kind == 2:
        lines[i], lines[j] = lines[j], lines[i]
    elif kind == 3:
        lines[i] = " " * rnd.randint(1, 4) + lines[i]
    else:
        lines[i] = lines[i][rnd.randint(1, 4):] if lines[i].startswith(" ") else lines[i]
    return "\n".join(lines)


_VALUE = re.compile(r"(?m)^(\s*(?:- )?[^\s#:][^:\n]*: ?)(.*)$")


def replace_value(text: str, rnd: random.Random) -> str:
    found = list(_VALUE.finditer(text))
    if not found:
        return text
    match = rnd.choice(found)
    return text[: match.start(2)] + rnd.choice(VALUES) + text[match.end(2):]


def insert_key(text: str, rnd: random.Random) -> str:
    found = list(_VALUE.finditer(text))
    if not found:
        return text
    match = rnd.choice(found)
    other = rnd.choice(found)
    line = match.group(1).split(":")[0].replace("- ", "  ") + ": " + rnd.choice(VALUES)
    key = other.group(1).strip().removeprefix("- ").rstrip(": ")
    line = line.rsplit(line.strip().split(":")[0], 1)[0] + key + ": " + rnd.choice(VALUES)
    return text[: match.end()] + "\n" + line + text[match.end():]


def retype_node(text: str, rnd: random.Random) -> str:
    """Put a value of another type somewhere in the parsed tree (the YAML stays valid)."""
    import yaml

    try:
        data = yaml.load(text, Loader=yaml.CSafeLoader)
    except Exception:  # noqa: BLE001 - the mutant is not YAML PyYAML reads: leave it
        return text
    nodes: list[tuple[Any, Any]] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                nodes.append((node, key))
                walk(value)
        elif isinstance(node, list):
            for index, value in enumerate(node):
                nodes.append((node, index))
                walk(value)

    walk(data)
    if not nodes:
        return text
    parent, key = rnd.choice(nodes)
    choices: list[Any] = [None, True, 0, -1, 10**12, 10**18, 3.5, "", "text", "x.md", [],
                          {}, [1, "a"], {"okänd": 1}, {"kvinnor": 1}, "2024-02-30", "9" * 25,
                          [parent[key]], {"a": parent[key]}]
    parent[key] = rnd.choice(choices)
    if rnd.random() < 0.3 and isinstance(parent, dict):
        parent[rnd.choice(["okänd", 5, True, None, "x" * 200])] = rnd.choice(choices)
    try:
        return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    except Exception:  # noqa: BLE001
        return text


MUTATIONS: tuple[Callable[[str, random.Random], str], ...] = (
    insert_punctuation, delete_span, line_operation, replace_value, replace_value,
    insert_key, retype_node, retype_node,
)


def mutate_markdown(text: str, rnd: random.Random) -> str:
    for _ in range(rnd.randint(1, 3)):
        at = _positions(text, rnd)
        text = text[:at] + rnd.choice(MARKDOWN) * rnd.choice([1, 1, 2, 50]) + text[at:]
    return text


# -- running ------------------------------------------------------------------------------------------
@dataclass
class Failure:
    kind: str  # "undantag", "engelska", "hänger"
    signature: str
    detail: str


class _Hang(Exception):
    pass


@contextlib.contextmanager
def _deadline(seconds: int) -> Iterator[None]:
    def alarm(signum: int, frame: FrameType | None) -> None:
        raise _Hang

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _signature(exc: BaseException) -> str:
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if "reportgen" in f.filename]
    where = f"{Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else "?"
    return f"{type(exc).__name__} {where}"


def run_once(yaml_file: Path, out_dir: Path, build: bool = True) -> Failure | None:
    """Run check and the build path on *yaml_file*; the failure, if any."""
    from reportgen.commands.build import build as build_report
    from reportgen.commands.check import check, collect
    from reportgen.findings import UserError

    findings = []
    try:
        with _deadline(HANG_SECONDS), contextlib.redirect_stdout(io.StringIO()), \
                contextlib.redirect_stderr(io.StringIO()):
            findings.extend(collect(yaml_file))
            check(yaml_file, "text")
            if build:
                try:
                    build_report(yaml_file, out_dir, ["html", "docx"], True)
                except UserError as error:
                    findings.extend(error.findings)
    except _Hang:
        return Failure("hänger", "hang", f"mer än {HANG_SECONDS} s")
    except Exception as exc:  # what the fuzzer is looking for
        return Failure("undantag", _signature(exc), traceback.format_exc())
    for finding in findings:
        if english(finding.message) or internal_field(finding.field):
            shape = re.sub(r"'[^']*'|\d+", "…", f"{finding.message} [{finding.field}]")[:80]
            return Failure("engelska", f"engelska: {shape}", str(finding))
    return None


@dataclass
class Workspace:
    """A scratch copy of each seed's folder; mutants are written over the YAML there."""

    root: Path
    projects: dict[str, Path] = field(default_factory=dict)

    def project(self, seed: str) -> Path:
        if seed not in self.projects:
            source = ROOT / seed
            target = self.root / f"p{len(self.projects)}"
            shutil.copytree(source.parent, target, dirs_exist_ok=True)
            self.projects[seed] = target / source.name
        return self.projects[seed]


def _markdown_files(yaml_file: Path) -> list[Path]:
    return sorted(p for p in yaml_file.parent.rglob("*.md") if p.is_file())


def minimise(text: str, fails: Callable[[str], bool]) -> str:
    """Remove lines, then characters, while *fails* still holds (delta debugging)."""
    lines = text.split("\n")
    chunk = max(len(lines) // 2, 1)
    while chunk >= 1:
        i = 0
        while i < len(lines):
            candidate = lines[:i] + lines[i + chunk:]
            if candidate and fails("\n".join(candidate)):
                lines = candidate
            else:
                i += chunk
        chunk //= 2
    text = "\n".join(lines)
    if len(text) <= 400:
        i = 0
        while i < len(text):
            candidate = text[:i] + text[i + 1:]
            if fails(candidate):
                text = candidate
            else:
                i += 1
    return text


def fuzz(count: int, seed: int, crashes: Path | None, build: bool = True,
         report: Callable[[str], None] = print) -> tuple[int, list[Failure]]:
    """Run *count* mutants; returns how many ran and the distinct failures."""
    rnd = random.Random(seed)
    failures: dict[str, Failure] = {}
    originals = {s: (ROOT / s).read_text(encoding="utf-8") for s in SEEDS}
    with tempfile.TemporaryDirectory(prefix="reportgen-fuzz-") as scratch:
        work = Workspace(Path(scratch))
        out_dir = Path(scratch) / "build"
        for number in range(count):
            seed_name = rnd.choice(SEEDS)
            yaml_file = work.project(seed_name)
            text = originals[seed_name]
            for _ in range(rnd.randint(1, 3)):
                text = rnd.choice(MUTATIONS)(text, rnd)
            changed_md: tuple[Path, str] | None = None
            if rnd.random() < 0.15 and (mds := _markdown_files(yaml_file)):
                md = rnd.choice(mds)
                original_md = md.read_text(encoding="utf-8")
                md.write_text(mutate_markdown(original_md, rnd), encoding="utf-8")
                changed_md = (md, original_md)
            yaml_file.write_text(text, encoding="utf-8", errors="surrogatepass")
            failure = run_once(yaml_file, out_dir, build)
            if failure is not None and failure.signature not in failures:
                failures[failure.signature] = failure
                report(f"[{number}] {failure.kind}: {failure.signature}")
                if crashes is not None:
                    _write_reproducer(crashes, seed_name, yaml_file, text, failure, out_dir, build)
            if changed_md is not None:
                changed_md[0].write_text(changed_md[1], encoding="utf-8")
    return count, list(failures.values())


def _write_reproducer(crashes: Path, seed_name: str, yaml_file: Path, text: str,
                      failure: Failure, out_dir: Path, build: bool) -> None:
    def fails(candidate: str) -> bool:
        yaml_file.write_text(candidate, encoding="utf-8", errors="surrogatepass")
        again = run_once(yaml_file, out_dir, build)
        return again is not None and again.signature == failure.signature

    small = minimise(text, fails)
    crashes.mkdir(parents=True, exist_ok=True)
    name = hashlib.sha256(failure.signature.encode()).hexdigest()[:12]
    header = f"# reportgen fuzz: {failure.signature}\n# från {seed_name} (lägg filen i samma mapp)\n"
    (crashes / f"{name}.yaml").write_text(header + small + "\n", encoding="utf-8",
                                         errors="surrogatepass")
    (crashes / f"{name}.txt").write_text(failure.detail, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description="Fuzza reportgen check och build")
    parser.add_argument("-n", type=int, default=5000, help="antal muterade filer (standard 5000)")
    parser.add_argument("--seed", type=int, default=1, help="slumpfrö (standard 1)")
    parser.add_argument("--crashes", type=Path, default=ROOT / "fuzz-crashes",
                        help="mapp för minimerade exempel (standard fuzz-crashes/)")
    parser.add_argument("--utan-build", action="store_true", help="kör bara check")
    args = parser.parse_args()
    started = time.perf_counter()
    count, failures = fuzz(args.n, args.seed, args.crashes, build=not args.utan_build)
    seconds = time.perf_counter() - started
    kinds = {kind: sum(1 for f in failures if f.kind == kind)
             for kind in ("undantag", "engelska", "hänger")}
    print(f"{count} muterade filer på {seconds:.0f} s: {kinds['undantag']} olika undantag, "
          f"{kinds['engelska']} olika engelska meddelanden, {kinds['hänger']} som hänger")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())

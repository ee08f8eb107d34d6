"""The table of bad-input and fault cases (tests/fixtures/bad_cases.yaml) and how to run one.

Each case starts from a copy of content/ (the example report) in a fresh folder, with an
earlier output set in build/ beside it, changes what its `ändra` list says, runs
`reportgen check` and `reportgen build --format html,docx` in-process (so that an
uncaught exception fails the test with its traceback), and compares what they report
with its `fynd`: file, line, column, field and the Swedish message. `ska_nämna` is the
hand-written part of what a message must say. The earlier output set must be left
byte-identical, with no temporary file beside it.

The changes (`ändra`), applied in order:

    ersätt: LINE, med: TEXT      the one line equal to LINE (stripped) becomes TEXT (each
                                 of its lines indented as LINE was)
    lägg_till: TEXT              TEXT appended to the YAML
    yaml: TEXT                   the whole YAML replaced
    kopiera: PATH                the whole YAML replaced by the file PATH of the repository
                                 (another fixture, e.g. a delårsrapport)
    fil: PATH, text: TEXT        a file in the project written (UTF-8)
    fil: PATH, byte: {GEN: ARGS} a file written with bytes from a generator in GENERATORS
    mapp: PATH / fifo: PATH      PATH replaced by a folder / a named pipe
    symlänk: PATH, till: TARGET  PATH replaced by a symlink to TARGET
    ta_bort: PATH                PATH removed
    indata: PATH                 the command is given PATH (in the project) as its YAML
    ut_fil: true                 build/ is a file, not a folder
    ut_mapp: NAME                build/NAME is a folder
    systemfel: {funktion, errno, anrop, gånger}
                                 the write phase's call `funktion` (os.fsync, os.replace,
                                 os.link or tempfile.mkstemp) fails with `errno` from its
                                 `anrop`-th call on, `gånger` times (default: every call
                                 after); only calls from reportgen/write.py

Refresh the stored findings on purpose with REPORTGEN_UPDATE_EXPECTED=1 and review the diff.
"""

from __future__ import annotations

import contextlib
import errno
import io
import json
import os
import re
import shutil
import struct
import sys
import tempfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parent.parent
TABLE = ROOT / "tests" / "fixtures" / "bad_cases.yaml"
UPDATE = os.environ.get("REPORTGEN_UPDATE_EXPECTED") == "1"
OLD_SET = {name: f"tidigare {name}\n".encode() for name in ("2023.html", "2023.pdf", "2023.docx")}


# -- generators of file content -------------------------------------------------------------
def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_header(width: int, height: int) -> bytes:
    """A PNG whose header says *width* × *height* (its picture data is a stub)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header)
            + _chunk(b"IDAT", zlib.compress(b"\0" * 64)) + _chunk(b"IEND", b""))


def pillow(fmt: str, width: int = 40, height: int = 20) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (width, height), (31, 78, 121)).save(out, fmt)
    return out.getvalue()


def jpeg_without_jfif() -> bytes:
    """A JPEG that decodes but has no JFIF or Exif header (APP0 removed)."""
    data = pillow("JPEG")
    assert data[2:4] == b"\xff\xe0"
    length = struct.unpack(">H", data[4:6])[0]
    return data[:2] + data[4 + length:]


def truncated(source: str, keep: int) -> bytes:
    """The first *keep* bytes of a file of the example."""
    return (ROOT / "content" / source).read_bytes()[:keep]


def recoded(source: str, encoding: str) -> bytes:
    """A text file of the example, saved in another encoding."""
    return (ROOT / "content" / source).read_text(encoding="utf-8").encode(encoding)


def alias_bomb(levels: int) -> bytes:
    lines = ["bomb:", '  a0: &a0 ["ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha"]']
    for level in range(1, levels):
        refs = ", ".join([f"*a{level - 1}"] * 10)
        lines.append(f"  a{level}: &a{level} [{refs}]")
    return ("\n".join(lines) + "\n").encode()


GENERATORS: dict[str, Callable[..., bytes]] = {
    "png_huvud": png_header,
    "gif": lambda: pillow("GIF"),
    "webp": lambda: pillow("WEBP"),
    "bmp": lambda: pillow("BMP"),
    "jpeg": lambda: pillow("JPEG"),
    "jpeg_utan_jfif": jpeg_without_jfif,
    "latin1": lambda text: text.encode("latin-1"),
    "utf16": lambda text: text.encode("utf-16"),
    "upprepa": lambda text, times: (text * times).encode(),
    "aliasbomb": alias_bomb,
    "hex": bytes.fromhex,
    "nästling": lambda depth: ("djup: " + "[" * depth + "\n").encode(),
    "alias": lambda count: ("alias:\n  - &a x\n" + "  - *a\n" * count).encode(),
    "avkortad": truncated,
    "omkodad": recoded,
}


def _generated(spec: dict[str, Any], project: Path) -> bytes:
    (generator, args), = spec.items()
    args = args if isinstance(args, list) else [] if args is None else [args]
    return GENERATORS[generator](*args)


# -- applying a case -------------------------------------------------------------------------
@dataclass
class Prepared:
    root: Path  # the case's folder: content/ and build/ in it
    yaml: Path  # what the commands are given
    out: Path
    faults: list[dict[str, Any]]


def _replace_path(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.is_dir():
        shutil.rmtree(path)


def _replace_line(yaml_file: Path, old: str, new: str) -> None:
    lines = yaml_file.read_text(encoding="utf-8").split("\n")
    hits = [i for i, line in enumerate(lines) if line.strip() == old]
    assert len(hits) == 1, f"{old!r} occurs {len(hits)} times in the YAML"
    indent = lines[hits[0]][: len(lines[hits[0]]) - len(lines[hits[0]].lstrip())]
    lines[hits[0] : hits[0] + 1] = [indent + part for part in new.split("\n")]
    yaml_file.write_text("\n".join(lines), encoding="utf-8")


def prepare(case: dict[str, Any], root: Path) -> Prepared:
    project = root / "content"
    shutil.copytree(ROOT / "content", project)
    out = root / "build"
    out.mkdir()
    for name, data in OLD_SET.items():
        (out / name).write_bytes(data)
    yaml_file = project / "2023.yaml"
    given = yaml_file
    faults: list[dict[str, Any]] = []
    for change in case.get("ändra", []):
        if "ersätt" in change:
            _replace_line(yaml_file, change["ersätt"], change["med"])
        elif "lägg_till" in change:
            addition = change["lägg_till"]
            data = addition.encode() if isinstance(addition, str) else _generated(addition, project)
            with yaml_file.open("ab") as handle:
                handle.write(b"\n" + data)
        elif "yaml" in change:
            yaml_file.write_text(change["yaml"], encoding="utf-8")
        elif "kopiera" in change:
            yaml_file.write_text((ROOT / change["kopiera"]).read_text(encoding="utf-8"),
                                 encoding="utf-8")
        elif "fil" in change:
            target = project / change["fil"]
            _replace_path(target)
            target.parent.mkdir(parents=True, exist_ok=True)
            if "text" in change:
                target.write_text(change["text"], encoding="utf-8")
            else:
                target.write_bytes(_generated(change["byte"], project))
        elif "mapp" in change:
            _replace_path(project / change["mapp"])
            (project / change["mapp"]).mkdir(parents=True)
        elif "fifo" in change:
            _replace_path(project / change["fifo"])
            os.mkfifo(project / change["fifo"])
        elif "symlänk" in change:
            _replace_path(project / change["symlänk"])
            (project / change["symlänk"]).symlink_to(change["till"])
        elif "ta_bort" in change:
            _replace_path(project / change["ta_bort"])
        elif "indata" in change:
            given = project / change["indata"]
        elif "ut_fil" in change:
            shutil.rmtree(out)
            out.write_bytes(b"en fil, inte en mapp\n")
        elif "ut_mapp" in change:
            (out / change["ut_mapp"]).unlink(missing_ok=True)
            (out / change["ut_mapp"]).mkdir()
        elif "systemfel" in change:
            faults.append(dict(change["systemfel"]))
        else:
            raise AssertionError(f"unknown change {change!r}")
    return Prepared(root, given, out, faults)


@contextlib.contextmanager
def injected(faults: list[dict[str, Any]]) -> Iterator[None]:
    """Make write-phase calls fail with an errno, each from its n-th call on."""
    with contextlib.ExitStack() as stack:
        for fault in faults:
            stack.enter_context(_injected(fault))
        yield


@contextlib.contextmanager
def _injected(fault: dict[str, Any]) -> Iterator[None]:
    module_name, function = fault["funktion"].split(".")
    module = {"os": os, "tempfile": tempfile}[module_name]
    original = getattr(module, function)
    code = getattr(errno, fault["errno"])
    calls = 0

    def failing(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        if sys._getframe(1).f_globals.get("__name__") == "reportgen.write":
            calls += 1
            first = fault.get("anrop", 1)
            if first <= calls < first + fault.get("gånger", 10**9):
                raise OSError(code, os.strerror(code))
        return original(*args, **kwargs)

    setattr(module, function, failing)
    try:
        yield
    finally:
        setattr(module, function, original)


# -- running and reading the output ----------------------------------------------------------
_LINE = re.compile(
    r"^(?P<fil>.+?)(?::(?P<rad>\d+)(?::(?P<kolumn>\d+))?)?: (?P<allvarlighet>fel|varning): "
    r"(?P<meddelande>.*?)(?: \[(?P<fält>[^\]]*)\])?$"
)


def _relative(path: str, root: Path) -> str:
    try:
        return str(Path(path).relative_to(root))
    except ValueError:
        return path


def record(fil: str, rad: Any, kolumn: Any, allvarlighet: str, fält: str, meddelande: str,
           root: Path) -> dict[str, Any]:
    return {
        "fil": _relative(fil, root),
        "rad": int(rad) if rad is not None else None,
        "kolumn": int(kolumn) if kolumn is not None else None,
        "allvarlighet": allvarlighet,
        "fält": fält or "",
        "meddelande": meddelande.replace("\u00a0", " "),
    }


def _key(r: dict[str, Any]) -> tuple[Any, ...]:
    return (r["fil"], r["rad"] or 0, r["kolumn"] or 0, r["meddelande"])


@dataclass
class Outcome:
    code: int
    findings: list[dict[str, Any]]
    output: str


def run_cli(args: list[str]) -> tuple[int, str, str]:
    from reportgen import cli

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(args)
    return code, out.getvalue(), err.getvalue()


def run_check(prepared: Prepared) -> Outcome:
    code, out, err = run_cli(["check", str(prepared.yaml), "--format", "json"])
    payload = json.loads(out)
    findings = [record(f["fil"], f["rad"], f["kolumn"], f["allvarlighet"], f["fält"],
                       f["meddelande"], prepared.root) for f in payload["fynd"]]
    return Outcome(code, sorted(findings, key=_key), out + err)


def run_build(prepared: Prepared) -> Outcome:
    args = ["build", str(prepared.yaml), "--out", str(prepared.out), "--format", "html,docx"]
    with injected(prepared.faults):
        code, out, err = run_cli(args)
    findings = []
    for line in err.splitlines():
        match = _LINE.match(line)
        if match and not line.startswith("reportgen:"):
            findings.append(record(**match.groupdict(), root=prepared.root))
    return Outcome(code, sorted(findings, key=_key), out + err)


def old_set_untouched(prepared: Prepared) -> bool:
    out = prepared.out
    if not out.is_dir():
        return out.read_bytes() == b"en fil, inte en mapp\n"
    names = sorted(p.name for p in out.iterdir())
    expected = sorted({*OLD_SET, *(p.name for p in out.iterdir() if p.is_dir())})
    return names == expected and all(
        (out / name).read_bytes() == data for name, data in OLD_SET.items() if (out / name).is_file()
    )


# -- the table --------------------------------------------------------------------------------
def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.width = 4096
    yaml.allow_unicode = True
    return yaml


def load_table() -> dict[str, Any]:
    return _yaml().load(TABLE.read_text(encoding="utf-8"))


def store_findings(case: str, findings: list[dict[str, Any]]) -> None:
    table = load_table()
    table[case]["fynd"] = [{k: v for k, v in f.items() if not (k == "fil" and v ==
                                                                 "content/2023.yaml")}
                           for f in findings]
    with TABLE.open("w", encoding="utf-8") as handle:
        _yaml().dump(table, handle)


def expected_findings(case: dict[str, Any]) -> list[dict[str, Any]]:
    found = []
    for item in case.get("fynd") or []:
        found.append({
            "fil": item.get("fil", "content/2023.yaml"),
            "rad": item.get("rad"),
            "kolumn": item.get("kolumn"),
            "allvarlighet": item.get("allvarlighet", "fel"),
            "fält": item.get("fält", ""),
            "meddelande": item["meddelande"],
        })
    return sorted(found, key=_key)

"""The build cache: a format whose inputs have not changed is not rendered again.

Each output is keyed on what it depends on:

- the input: every file the build read through `reportgen.readfile` (the YAML, the
  Markdown files and pictures it names, and those it names that were missing or
  unreadable, with what was wrong), the YAML's path as given, the working folder, and
  `--utkast`;
- reportgen itself: its version and the bytes of every module, the Python version, and
  the installed distributions (their names carry their versions: WeasyPrint, python-docx,
  Jinja, matplotlib …);
- the templates the format uses (`template_files`): the DOCX does not depend on the
  HTML templates and the CSS, the HTML and the PDF not on templates/reference.docx;
  every other file under templates/ (fonts, layouts) counts for every format;
- the format's options: the PDF variant, and SOURCE_DATE_EPOCH for the PDF and the DOCX
  (the dates they record). Without SOURCE_DATE_EPOCH a kept PDF or DOCX keeps the date
  it was made.

The manifest (`.reportgen-cache/<stem>.json` in the output folder) records, per format,
its key and the SHA-256 of the file written; an output is up to date only when its key
is the same and the file in the folder still has those bytes (one deleted or edited by
hand is made again). It also records the files read and the findings the checks printed,
so that a build with nothing to do reads only those files and prints the same findings
without loading the report at all (the checks are a function of exactly what the key
covers). It is written in the same set as the outputs (reportgen/write.py), so it never
describes files that are not there.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

import reportgen
from reportgen.readfile import Reads, Unreadable, outcome, read_bytes
from reportgen.templates_dir import templates_dir

CACHE_FOLDER = ".reportgen-cache"
MANIFEST_VERSION = 1
OUTPUT_BYTES = 1 << 30  # an output is hashed as read; nothing reportgen writes is larger
_MANIFEST_BYTES = 64 << 20

# Templates that only some formats use; any other file under templates/ counts for all.
_ONLY_FOR = {
    "reference.docx": {"docx"},
    ".j2": {"html", "pdf"},
    ".css": {"html", "pdf"},
}


def _digest(*parts: str | bytes) -> str:
    h = hashlib.sha256()
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


def _used_by(relative: str, fmt: str) -> bool:
    name = relative.rsplit("/", 1)[-1]
    formats = _ONLY_FOR.get(name) or _ONLY_FOR.get(os.path.splitext(name)[1])
    return formats is None or fmt in formats


def template_files(fmt: str, directory: Path | None = None) -> list[Path]:
    """The files under templates/ that *fmt* depends on, sorted."""
    root = directory or templates_dir()
    found = []
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(files):
            path = Path(folder) / name
            if _used_by(path.relative_to(root).as_posix(), fmt):
                found.append(path)
    return found


def _distributions() -> list[str]:
    names: set[str] = set()
    for entry in sys.path:
        try:
            listing = os.listdir(entry or ".")
        except OSError:
            continue
        names.update(n for n in listing if n.endswith((".dist-info", ".egg-info")))
    return sorted(names)


def environment_key() -> str:
    """reportgen's version and source, the Python version and the installed distributions."""
    package = Path(reportgen.__file__).parent
    parts: list[str | bytes] = [reportgen.__version__, sys.version, *_distributions()]
    for folder, dirs, files in os.walk(package):
        dirs.sort()
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        for name in sorted(files):
            if name.endswith(".py"):
                path = Path(folder) / name
                parts += [path.relative_to(package).as_posix(), path.read_bytes()]
    return _digest(*parts)


def _source_date_epoch() -> str:
    return os.environ.get("SOURCE_DATE_EPOCH", "").strip()


def format_options(fmt: str, pdf_variant: str) -> dict[str, str]:
    """The options a format's bytes depend on, besides its input and templates."""
    if fmt == "pdf":
        return {"pdf-variant": pdf_variant, "SOURCE_DATE_EPOCH": _source_date_epoch()}
    if fmt == "docx":
        return {"SOURCE_DATE_EPOCH": _source_date_epoch()}
    return {}


def input_key(file: Path, draft: bool, reads: Reads) -> str:
    listed = sorted([path, limit, found] for (path, limit), found in reads.items())
    return _digest(json.dumps({"fil": str(file), "mapp": os.getcwd(), "utkast": draft,
                               "läst": listed}, ensure_ascii=False))


def format_keys(environment: str, inputs: str, formats: list[str], pdf_variant: str) -> dict[str, str]:
    keys = {}
    for fmt in formats:
        templates: list[str | bytes] = []
        root = templates_dir()
        for path in template_files(fmt, root):
            templates += [path.relative_to(root).as_posix(), path.read_bytes()]
        options = json.dumps(format_options(fmt, pdf_variant), sort_keys=True)
        keys[fmt] = _digest(environment, inputs, fmt, options, *templates)
    return keys


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def output_digest(path: Path) -> str:
    """The SHA-256 of an output in the folder ("!" and why, if it cannot be read)."""
    return outcome(path, OUTPUT_BYTES)


def manifest_name(stem: str) -> str:
    """The manifest's name inside the output folder."""
    return f"{CACHE_FOLDER}/{stem}.json"


@dataclass
class Manifest:
    """What the last builds into a folder made: see the module's docstring."""

    inputs: str = ""  # the input key of the last build
    reads: Reads = field(default_factory=dict)
    messages: list[str] = field(default_factory=list)  # the findings it printed
    # format → {"nyckel": key, "fil": output name, "sha256": digest of the output}
    outputs: dict[str, dict[str, str]] = field(default_factory=dict)

    @staticmethod
    def path(folder: Path, stem: str) -> Path:
        return folder / manifest_name(stem)

    @classmethod
    def load(cls, folder: Path, stem: str) -> Manifest:
        """The manifest in *folder*, or an empty one (none, unreadable, of another version)."""
        try:
            data = json.loads(read_bytes(cls.path(folder, stem), _MANIFEST_BYTES))
            if data.get("version") != MANIFEST_VERSION:
                return cls()
            return cls(
                str(data["indata"]),
                {(str(p), int(limit)): str(found) for p, limit, found in data["läst"]},
                [str(m) for m in data["meddelanden"]],
                {str(f): {k: str(v) for k, v in entry.items()} for f, entry in data["format"].items()},
            )
        except (Unreadable, ValueError, KeyError, TypeError, AttributeError):
            return cls()

    def to_bytes(self) -> bytes:
        data = {
            "version": MANIFEST_VERSION,
            "indata": self.inputs,
            "läst": sorted([p, limit, found] for (p, limit), found in self.reads.items()),
            "meddelanden": self.messages,
            "format": self.outputs,
        }
        return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode()

    def unchanged_inputs(self, file: Path, draft: bool) -> str | None:
        """The input key, if every file the last build read still reads the same (and the
        options are the same); None if anything differs or there was no last build."""
        if not self.inputs:
            return None
        for (path, limit), found in self.reads.items():
            if outcome(Path(path), limit) != found:
                return None
        key = input_key(file, draft, self.reads)
        return key if key == self.inputs else None

    def up_to_date(self, fmt: str, key: str, folder: Path) -> bool:
        entry = self.outputs.get(fmt)
        if entry is None or entry.get("nyckel") != key:
            return False
        return output_digest(folder / entry["fil"]) == entry.get("sha256")

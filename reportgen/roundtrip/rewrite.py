"""Changed blocks put back into their text: only those lines change, the rest of the file is
as it was.

A Markdown file is rewritten line by line (its line endings kept). An inline YAML text is
set with ruamel.yaml's round trip, which keeps the file's comments, order and layout; the
result is used only when the untouched file comes back from the same round trip byte for
byte (with the indentation found in it), so nothing else in the YAML can move. Every file
is checked to be the text the DOCX was built from (its digest) before it is changed.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportgen.document.origin import digest
from reportgen.roundtrip.sources import Text
from reportgen.textclean import clean_text
from reportgen.yaml_edit import Conflict as YamlConflict
from reportgen.yaml_edit import RoundTrip


@dataclass
class TextEdit:
    """What changes in one text: blocks replaced (None: deleted) and blocks added after one."""

    text: Text
    changed: dict[int, str | None] = field(default_factory=dict)
    inserted: dict[int, list[str]] = field(default_factory=dict)


class Conflict(Exception):
    """The source is not the text the DOCX was built from, or cannot be written as it was."""


def apply(original: str, edit: TextEdit) -> str:
    """*original* (the text the blocks' lines refer to) with *edit*'s blocks in place."""
    lines = original.split("\n")
    out: list[str] = []
    pos = 0
    drop_blank = False  # after a deleted first block, the blank lines that followed it go
    for block in sorted(edit.text.blocks):
        start, end = block_lines(edit.text, block, lines)
        gap = lines[pos:start]
        if drop_blank:
            while gap and not gap[0].strip():
                gap.pop(0)
        out += gap
        drop_blank = False
        if block in edit.changed and not edit.changed[block]:
            while out and not out[-1].strip():
                out.pop()  # the blank lines before a deleted block go with it
            drop_blank = not out
        elif block in edit.changed:
            out += (edit.changed[block] or "").split("\n")
        else:
            out += lines[start:end]
        for chunk in edit.inserted.get(block, []):
            out += ["", *chunk.split("\n")]
        pos = end
    rest = lines[pos:]
    if drop_blank:
        while rest and rest[0] == "" and len(rest) > 1:
            rest.pop(0)
    out += rest
    return "\n".join(out)


def block_lines(text: Text, block: int, lines: list[str]) -> tuple[int, int]:
    """The lines block *block* stands on: as markdown-it maps it, without the blank lines a
    list's map ends with (they separate it from what follows, and stay)."""
    start, end = text.origin(block).lines
    end = min(end, len(lines))
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    return start, end


def markdown_file(path: Path, edit: TextEdit) -> bytes:
    """The Markdown file at *path* with *edit* applied."""
    raw = path.read_bytes().decode("utf-8")
    text = clean_text(raw)[0]
    if digest(edit.text.source.path, text) != edit.text.source.digest:
        raise Conflict(f"{path} har ändrats sedan Word-filen skapades")
    result = apply(raw.replace("\r\n", "\n"), edit)
    if "\r\n" in raw:
        result = result.replace("\n", "\r\n")
    return result.encode("utf-8")


# -- YAML ---------------------------------------------------------------------------------------
def _scalar(old: Any, value: str) -> Any:
    """*value* in the style the old scalar was written in (a literal block when it needs lines)."""
    from ruamel.yaml.scalarstring import (
        DoubleQuotedScalarString,
        FoldedScalarString,
        LiteralScalarString,
        SingleQuotedScalarString,
    )

    if isinstance(old, FoldedScalarString):
        folded = FoldedScalarString(value)
        folded.fold_pos = _folds(value, _fold_width(old))  # type: ignore[attr-defined]
        return folded
    if isinstance(old, LiteralScalarString):
        return LiteralScalarString(value)
    if "\n" in value.rstrip("\n"):
        return LiteralScalarString(value)
    if isinstance(old, DoubleQuotedScalarString | SingleQuotedScalarString):
        return type(old)(value)
    return value


def _fold_width(old: Any) -> int:
    """The longest line of a folded scalar as it was written (from its fold positions)."""
    text = str(old)
    breaks = sorted({*(getattr(old, "fold_pos", None) or []),
                     *(k for k, ch in enumerate(text) if ch == "\n")})
    edges = [-1, *breaks, len(text)]
    return max(40, *(b - a - 1 for a, b in zip(edges, edges[1:], strict=False)))


def _folds(value: str, width: int) -> list[int]:
    """Where a folded scalar's lines break: at single spaces, lines at most *width* long
    (a longer word stands alone)."""
    out: list[int] = []
    offset = 0
    for line in value.split("\n"):
        begin, last = 0, -1
        for k, ch in enumerate(line):
            if ch != " " or k == 0 or line[k - 1] == " " or line[k + 1:k + 2] in (" ", ""):
                continue
            if k - begin > width and last >= begin:
                out.append(offset + last)
                begin = last + 1
            last = k
        if len(line) - begin > width and last >= begin:
            out.append(offset + last)
        offset += len(line) + 1
    return out


def yaml_file(path: Path, edits: list[TextEdit]) -> bytes:
    """The YAML file at *path* with the inline texts of *edits* changed; Conflict when the
    file cannot be written back without changing anything else."""
    original = path.read_bytes().decode("utf-8")
    try:
        trip = RoundTrip.open(original, str(path))
    except YamlConflict as error:
        raise Conflict(str(error)) from None
    for edit in edits:
        parent, key = trip.node(edit.text.source.path)
        old = parent[key]
        value = clean_text(str(old))[0]
        if digest(edit.text.source.path, value) != edit.text.source.digest:
            raise Conflict(f"texten {edit.text.source.field} i {path} har ändrats sedan "
                           "Word-filen skapades")
        parent[key] = _scalar(old, apply(value, edit))
    result = trip.dump()
    reread = trip.reload(result)  # the texts must read back as they were meant
    for edit in edits:
        parent, key = trip.node(edit.text.source.path)
        again = reread
        for part in edit.text.source.path:
            again = again[part]
        if str(again) != str(parent[key]):
            raise Conflict(f"texten {edit.text.source.field} kan inte skrivas i {path} så "
                           "att den läses tillbaka likadan; ändra den för hand")
    return result.encode("utf-8")


def write_all(files: dict[Path, bytes]) -> None:
    """Write every file, each atomically (a temporary file beside it, then renamed), keeping
    its permissions; the renames happen only when every file has been written."""
    staged: list[tuple[str, Path]] = []
    try:
        for target, data in files.items():
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                                       dir=target.parent)
            staged.append((tmp, target))
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp, target.stat().st_mode & 0o7777)
        for tmp, target in staged:
            os.replace(tmp, target)
    finally:
        for tmp, _ in staged:
            Path(tmp).unlink(missing_ok=True)

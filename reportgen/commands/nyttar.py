"""`reportgen nytt-år FIL [--mapp MAPP] [--visa]`: next year's report folder from this year's.

The new YAML (reportgen/nyttar.py) and a copy of every other file of the report's folder
(the Markdown files, the pictures) are written into a new folder, by default beside the old
one (`content` → `content-2024`), built under a temporary name and renamed into place at
once: an existing folder or file is never overwritten. The command ends with `reportgen
check` on the new file, which lists the gaps to fill in.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from reportgen.findings import Location, Severity, UserError, error_at


def nytt_år(file: Path, folder: Path | None, visa: bool) -> int:
    from reportgen.commands.importera import print_check
    from reportgen.nyttar import next_year
    from reportgen.pipeline import load_and_check
    from reportgen.yaml_edit import Conflict, RoundTrip

    checked = load_and_check(file)
    if checked.errors:
        raise UserError([*checked.errors, *(f for f in checked.findings
                                             if f.severity is Severity.WARNING)])
    try:
        trip = RoundTrip.open(file.read_bytes().decode("utf-8"), str(file))
    except Conflict as error:
        raise error_at(Location(file), str(error), rule="nyttår.yaml") from None
    source = file.parent
    new = checked.indata.rapport.räkenskapsår + 1
    target = folder or source.with_name(f"{source.name}-{new}")
    new_yaml = target / _name(file, checked.indata.rapport.räkenskapsår,
                              checked.indata.rapport.typ == "delårsrapport")
    nästa = next_year(checked, trip, _föregående(file, target))
    if target.exists():
        raise error_at(Location(target), "mappen finns redan; nytt-år skriver aldrig över något. "
                       "Välj en annan mapp med --mapp", rule="nyttår.mapp")
    for line in nästa.gjort:
        print(line)
    if visa:
        print(f"(--visa: {new_yaml} skrevs inte)")
        # Checked beside this year's file (the Markdown files are the same), as the new one;
        # rapport.föregående names this year's file from there.
        return print_check(file, _beside_this_year(nästa.text, file, target), new_yaml)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    except OSError as exc:
        raise error_at(Location(target), f"mappen kan inte skrivas: {exc.strerror}",
                       rule="nyttår.mapp") from None
    try:
        shutil.copytree(source, staging, dirs_exist_ok=True, symlinks=True,
                        ignore=lambda d, names: [n for n in names if n == file.name])
        (staging / new_yaml.name).write_text(nästa.text, encoding="utf-8")
        os.rename(staging, target)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise error_at(Location(target), f"mappen kan inte skrivas: {exc.strerror}",
                       rule="nyttår.mapp") from None
    print(f"skrev {target}/ (Markdown-filer och bilder kopierade) och {new_yaml}")
    return print_check(new_yaml, None)


def _name(file: Path, year: int, delår: bool) -> str:
    """The new YAML's name: <year>.yaml; a delårsrapport's with its year moved on
    (2023-08.yaml → 2024-08.yaml)."""
    if delår and str(year) in file.name:
        return file.name.replace(str(year), str(year + 1))
    return f"{year + 1}.yaml"


def _föregående(file: Path, target: Path) -> str:
    """This year's YAML as the new one names it: relative to the new folder, or absolute when
    the two share no folder but the root."""
    old, new = file.resolve(), target.resolve()
    if os.path.commonpath([old, new]) == old.anchor:
        return old.as_posix()
    return Path(os.path.relpath(old, new)).as_posix()


def _beside_this_year(text: str, file: Path, target: Path) -> str:
    """The new YAML as it reads from this year's folder (for --visa): rapport.föregående
    names this year's file from there."""
    return text.replace(f"föregående: {_föregående(file, target)}\n",
                        f"föregående: {file.name}\n", 1)

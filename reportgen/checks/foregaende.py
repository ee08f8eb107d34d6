"""No text of last year's report is published by mistake: a narrative text still as it was
in the report `reportgen nytt-år` wrote this one from is a warning, until it is edited.

The new YAML names last year's (`rapport.föregående`, relative to itself); only then is that
file read. The narrative texts are the schema's (`Text`, `Korttext`, found by
reportgen/schema/marked.py, as every text rule finds them): a text written in the YAML is
compared with last year's at the same place, a Markdown file with the file of the same name
beside last year's YAML (each file once). Removing `rapport.föregående` ends the comparison,
for a report whose remaining texts are to stay as they were.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from reportgen.checks.base import Kontext, Regel, regel
from reportgen.findings import Finding, Location, Severity, UserError
from reportgen.load import load_yaml, strings
from reportgen.narrative import is_file_reference
from reportgen.schema.marked import narrative_fields


@regel("oförändrad", "Ingen text är oförändrad sedan rapporten som nytt-år utgick från (varning)")
def oförändrad(ctx: Kontext) -> Iterator[Finding]:
    name = ctx.indata.rapport.föregående
    if name is None:
        return
    old_year = ctx.år - 1
    here = ctx.source.file.parent
    old_file = here / name
    try:
        old = load_yaml(old_file)
    except UserError:
        yield ctx.fynd(("rapport", "föregående"), f"förra årets fil {name} kan inte läsas, så "
                       "texterna jämförs inte med den; rätta sökvägen eller ta bort raden",
                       "oförändrad", Severity.WARNING)
        return
    old_texts = dict(strings(old.data, ()))
    hint = (f"skriv den för {ctx.år} (eller ta bort rapport.föregående när alla texter är "
            "genomgångna)")
    seen: set[Path] = set()
    for path, value, kind in narrative_fields(ctx.indata):
        if kind.markdown and is_file_reference(value):
            file = here / value.strip()
            if file in seen or not _same_file(file, old_file.parent / value.strip()):
                continue
            seen.add(file)
            yield Finding(Location(file, 1, 1), f"texten är oförändrad sedan {old_year} (som i "
                          f"förra årets rapport); {hint}", Severity.WARNING,
                          ".".join(str(p) for p in path), "oförändrad")
        elif old_texts.get(path) == value:
            yield ctx.fynd(path, f"texten är oförändrad sedan {old_year}; {hint}", "oförändrad",
                           Severity.WARNING)


def _same_file(new: Path, old: Path) -> bool:
    try:
        return new.read_bytes() == old.read_bytes()
    except OSError:  # a missing file is text.filer's finding; an old one gone: not the same
        return False


REGLER: tuple[Regel, ...] = (oförändrad,)

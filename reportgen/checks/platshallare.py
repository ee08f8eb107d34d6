"""Nothing unfinished gets published: placeholder text left in any text is an error.

Every string of the YAML and every Markdown file a narrative field names is searched for
the marks of a text not yet written: a bracketed instruction ("[Fylls i av förbundet …]",
"[Skriv …]", "[Ange …]"), "XXX" or "20XX", "TODO", "FIXME", "TBD", "Lorem ipsum", "???".
A finding points at the YAML line of the string, or at the line and column in the
Markdown file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reportgen.checks.base import Kontext, Regel, regel
from reportgen.findings import Finding, Location, UserError
from reportgen.load import strings
from reportgen.narrative import is_file_reference, resolve
from reportgen.schema.marked import narrative_fields

_INSTRUCTION = r"(?:fylls?\s+i|skriv|ange|infoga|lägg\s+till|komplettera|text\s+om)"
PLATSHÅLLARE = re.compile(
    rf"\[\s*{_INSTRUCTION}\b[^\]\n]*\]?"  # [Fylls i av förbundet: …], [Skriv …
    r"|\b(?:\d\d)?X{2,}\b(?<=X{3}|\dXX)"  # XXX, XXXX, 20XX
    r"|\b(?:TODO|FIXME|TBD)\b"
    r"|\blorem\s+ipsum\b"
    r"|\?{3,}",
    re.IGNORECASE,
)
MEDDELANDE = ("platshållartexten {found!r} står kvar; skriv den riktiga texten innan rapporten "
              "publiceras")


def platshållare(text: str) -> Iterator[re.Match[str]]:
    return PLATSHÅLLARE.finditer(text)


@regel("text.platshållare", "Ingen platshållartext (Fylls i, XXX, TODO, Lorem ipsum) står kvar")
def text_platshållare(ctx: Kontext) -> Iterator[Finding]:
    for path, value in strings(ctx.source.data, ()):
        for match in platshållare(value):
            yield ctx.fynd(path, MEDDELANDE.format(found=_short(match.group(0))),
                           "text.platshållare")
    for path, value, kind in narrative_fields(ctx.indata):
        if not (kind.markdown and is_file_reference(value)):
            continue
        try:
            narrative = resolve(value, path, ctx.source, kind)
        except UserError:
            continue  # reported by text.filer
        for match in platshållare(narrative.text):
            line = narrative.text.count("\n", 0, match.start()) + 1
            column = match.start() - (narrative.text.rfind("\n", 0, match.start()) + 1) + 1
            yield Finding(Location(narrative.location.file, line, column),
                          MEDDELANDE.format(found=_short(match.group(0))),
                          field=narrative.field, rule="text.platshållare")


def _short(found: str) -> str:
    return found if len(found) <= 40 else found[:39] + "…"


REGLER: tuple[Regel, ...] = (text_platshållare,)

"""The report's structure and fixed sentences: every text given is shown somewhere, the
sections nest at most three deep, and a replaced fixed sentence uses its own parameters.

`avsnitt:` lists the report's sections; a förvaltningsberättelse text, the goals, the
insatser or the indicators the YAML gives but no listed section shows would silently be
left out, so `check` warns at the text. `texter:` replaces fixed sentences
(reportgen/wording.py); a `{parameter}` the sentence does not have would be printed as
written.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from reportgen.checks.base import Kontext, Regel, regel
from reportgen.findings import Finding, Severity
from reportgen.load import PathKey
from reportgen.schema.avsnitt import (
    FÖRVALTNINGSBERÄTTELSENS_AVSNITT,
    OMFATTAR,
    VISAR,
    Avsnitt,
    Avsnittspost,
    Standardblock,
)
from reportgen.wording import FASTA_TEXTER, parametrar

DJUP = 3  # chapters, their sections, and one level below


def _walk(posts: Sequence[Avsnittspost], path: PathKey, depth: int
          ) -> Iterator[tuple[PathKey, Avsnitt, int]]:
    for i, post in enumerate(posts):
        spec = Avsnitt.model_construct(standard=post) if isinstance(post, str) else post
        yield (*path, i), spec, depth
        if spec.avsnitt is not None:
            yield from _walk(spec.avsnitt, (*path, i, "avsnitt"), depth + 1)


def placerade(posts: Sequence[Avsnittspost]) -> set[str]:
    """The names of the standard sections and parts the listed sections show."""
    names: set[str] = set()
    for _, spec, _ in _walk(posts, (), 1):
        wanted = [spec.standard] if spec.standard else []
        wanted += [b.standard for b in spec.innehåll if isinstance(b, Standardblock)]
        if spec.standard == "förvaltningsberättelse" and spec.avsnitt is None:
            wanted += FÖRVALTNINGSBERÄTTELSENS_AVSNITT
        while wanted:
            name = wanted.pop()
            if name not in names:
                names.add(name)
                wanted += OMFATTAR.get(name, ())
    return names


def _given(value: Any) -> bool:
    return value is not None and value != [] and value != {}


@regel("avsnitt.visas_inte", "Varje text och uppgift som anges visas i något avsnitt")
def avsnitt_visas_inte(ctx: Kontext) -> Iterator[Finding]:
    if ctx.indata.avsnitt is None:
        return  # the standard sections show everything
    placed = placerade(ctx.indata.avsnitt)
    shown_by: dict[str, list[str]] = {}
    for name, fields in VISAR.items():
        for dotted in fields:
            shown_by.setdefault(dotted, []).append(name)
    for dotted, names in shown_by.items():
        if any(n in placed for n in names):
            continue
        path: PathKey = tuple(dotted.split("."))
        value: Any = ctx.indata
        for part in path:
            value = getattr(value, str(part))
        if _given(value):
            suggestion = " eller ".join(repr(n) for n in names)
            yield ctx.fynd(path, f"{dotted} visas inte i rapporten: inget av avsnitten i "
                           f"avsnitt: visar det; lägg till {suggestion} där (som avsnitt, eller "
                           "som block med standard:)", "avsnitt.visas_inte", Severity.WARNING)


@regel("avsnitt.djup", "Avsnitten ligger i högst tre nivåer")
def avsnitt_djup(ctx: Kontext) -> Iterator[Finding]:
    for path, _, depth in _walk(ctx.indata.avsnitt or (), ("avsnitt",), 1):
        if depth > DJUP:
            yield ctx.fynd(path, f"avsnittet ligger på nivå {depth}; rubrikerna räcker till "
                           f"{DJUP} nivåer av avsnitt (med rubriker i texten under)",
                           "avsnitt.djup", Severity.WARNING)


@regel("text.fast_text", "En fast text med egen lydelse använder bara sina egna {parametrar}")
def text_fast_text(ctx: Kontext) -> Iterator[Finding]:
    for key, value in ctx.indata.texter.items():
        definition = FASTA_TEXTER[key]
        used = parametrar(value)
        for name in dict.fromkeys(used):
            if name not in definition.parametrar:
                allowed = ", ".join("{" + p + "}" for p in definition.parametrar)
                yield ctx.fynd(("texter", key), f"{{{name}}} kan inte fyllas i i {key} "
                               + (f"(den har {allowed})" if allowed else "(den har inga "
                                  "parametrar)"), "text.fast_text")
        missing = [p for p in definition.obligatoriska if p not in used]
        if missing:
            yield ctx.fynd(("texter", key), f"{key} behöver "
                           + " och ".join("{" + p + "}" for p in definition.obligatoriska)
                           + ", i den ordningen", "text.fast_text")
        elif [p for p in used if p in definition.obligatoriska] != list(definition.obligatoriska):
            yield ctx.fynd(("texter", key), f"{key} behöver "
                           + " och ".join("{" + p + "}" for p in definition.obligatoriska)
                           + ", i den ordningen och var för sig en gång", "text.fast_text")
    if "intygande" in ctx.indata.texter and ctx.indata.underskrifter.intygande is not None:
        yield ctx.fynd(("texter", "intygande"), "intygandet står både här och i "
                       "underskrifter.intygande; ange det på ett ställe", "text.fast_text")


REGLER: tuple[Regel, ...] = (avsnitt_visas_inte, avsnitt_djup, text_fast_text)

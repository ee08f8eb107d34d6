"""The report's sections as the YAML lists them (`avsnitt:`), or the standard ones.

Each entry of the list becomes a section: a standard one builds its content through its
kind in registry.py, the förbund's own holds its blocks; either may hold more blocks
(`innehåll`) and subsections (`avsnitt`). Headings, numbers, anchors, page breaks and the
table of contents' entries are decided here, once, from the YAML and the kinds'
defaults; the renderers print `Section.number` and `Section.title`.

Numbering: a `löpande` section takes the next number among its siblings, under its
parent's number ("1", "1.5"); under a parent without such a number it has none. A
`bilaga` section takes the next "Bilaga n." of the report. A section that has nothing to
show (no content, no subsection) is not printed and takes no number.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace

from reportgen.document.builder import Builder
from reportgen.document.model import Block, Section
from reportgen.document.registry import BLOCKS, MAX_LEVEL, SECTIONS, Avsnittstyp, shifted
from reportgen.load import PathKey
from reportgen.schema.avsnitt import Avsnitt, Avsnittspost, Numrering, standardordning

Entry = tuple[PathKey | None, Avsnitt]  # a section and its YAML path (None: a default)


@dataclass
class _Numbers:
    """The running numbers of one list of sibling sections."""

    prefix: str | None  # the parent's number ("" at the top); None: siblings are unnumbered
    count: int = 0

    def peek(self) -> str | None:
        if self.prefix is None:
            return None
        n = str(self.count + 1)
        return f"{self.prefix}.{n}" if self.prefix else n


@dataclass
class _Report:
    """What numbering shares across the whole report."""

    bilagor: int = 0


def build_sections(b: Builder) -> tuple[Section, ...]:
    """Every section of the report, in order, numbered and titled."""
    given = b.indata.avsnitt
    if given is None:
        order = standardordning(b.indata.rapport.typ)
        entries: list[Entry] = [(None, Avsnitt(standard=name)) for name in order]
    else:
        entries = _entries(given, ("avsnitt",))
    return tuple(_sections(b, entries, 1, _Numbers(""), _Report()))


def _entries(posts: Sequence[Avsnittspost], path: PathKey) -> list[Entry]:
    return [((*path, i), Avsnitt(standard=post) if isinstance(post, str) else post)
            for i, post in enumerate(posts)]


def _sections(b: Builder, entries: list[Entry], level: int, numbers: _Numbers,
              report: _Report) -> list[Section]:
    out: list[Section] = []
    for path, spec in entries:
        out += _section(b, path, spec, min(level, MAX_LEVEL), numbers, report)
    return out


def _section(b: Builder, path: PathKey | None, spec: Avsnitt, level: int, numbers: _Numbers,
             report: _Report) -> list[Section]:
    kind = SECTIONS[spec.standard] if spec.standard else None
    if kind is not None and kind.egna_avsnitt and spec.rubrik is None:
        numbering = spec.numrering or kind.numrering
        return _own_sections(b, spec, kind, level, numbers, report, numbering)
    # A section of one's own, or one around the sections a kind makes (`rubrik: Bilagor`).
    numbering = spec.numrering or (kind.numrering if kind and not kind.egna_avsnitt
                                   else "löpande")

    anchor = b.unique_id(kind.id if kind else "avsnitt-" + _slug(_title(b, path, spec, kind)))
    tentative = numbers.peek() if numbering == "löpande" else None
    blocks: list[Block | Section] = []
    if kind is not None:
        blocks += _made(b, kind, level)
    blocks += _blocks(b, path, spec, level)
    if spec.avsnitt is not None:
        assert path is not None  # only the YAML lists subsections
        children = _entries(spec.avsnitt, (*path, "avsnitt"))
    else:
        children = [(None, Avsnitt(standard=n)) for n in (kind.underavsnitt if kind else ())]
    blocks += _sections(b, children, level + 1, _Numbers(tentative), report)
    if not blocks:
        return []  # nothing to show: not printed, and it takes no number
    number = _take(b, numbering, numbers, report)
    return [Section(anchor, number, _title(b, path, spec, kind), level, tuple(blocks),
                    page_break_before=_page_break(spec, kind, level),
                    in_toc=_in_toc(spec, level, number))]


def _own_sections(b: Builder, spec: Avsnitt, kind: Avsnittstyp, level: int, numbers: _Numbers,
                  report: _Report, numbering: Numrering) -> list[Section]:
    """A kind that makes its sections itself (the bilagor): each is numbered and placed."""
    out = []
    for made in shifted(kind.innehåll(b), level - 1 - kind.nivå):
        if not isinstance(made, Section):
            continue
        number = _take(b, numbering, numbers, report)
        out.append(replace(made, number=number,
                           page_break_before=_page_break(spec, kind, level),
                           in_toc=_in_toc(spec, level, number)))
    return out


def _made(b: Builder, kind: Avsnittstyp, level: int) -> tuple[Block | Section, ...]:
    return shifted(kind.innehåll(b), level - kind.nivå)


def _blocks(b: Builder, path: PathKey | None, spec: Avsnitt,
            level: int) -> list[Block | Section]:
    if not spec.innehåll:
        return []
    assert path is not None  # only the YAML gives blocks
    outer, b.level = b.level, level
    try:
        out: list[Block | Section] = []
        for index, block in enumerate(spec.innehåll):
            out += BLOCKS[block.art](b, (*path, "innehåll", index), block)
        return out
    finally:
        b.level = outer


def _take(b: Builder, numbering: Numrering, numbers: _Numbers, report: _Report) -> str | None:
    if numbering == "bilaga":
        report.bilagor += 1
        return b.fixed("bilaga_nummer", nummer=str(report.bilagor))
    if numbering == "löpande" and numbers.prefix is not None:
        number = numbers.peek()
        numbers.count += 1
        return number
    return None


def _title(b: Builder, path: PathKey | None, spec: Avsnitt, kind: Avsnittstyp | None) -> str:
    if spec.rubrik is not None:
        assert path is not None
        return b.plain_text((*path, "rubrik"), spec.rubrik).strip()
    assert kind is not None  # the schema requires a heading of a section of one's own
    return kind.rubrik(b)


def _page_break(spec: Avsnitt, kind: Avsnittstyp | None, level: int) -> bool:
    if spec.ny_sida is not None:
        return spec.ny_sida
    if kind is not None and kind.ny_sida is not None:
        return kind.ny_sida
    return level == 1


def _in_toc(spec: Avsnitt, level: int, number: str | None) -> bool:
    if spec.i_innehållsförteckningen is not None:
        return spec.i_innehållsförteckningen
    return level == 1 or number is not None


def _slug(title: str) -> str:
    """An anchor from a heading: "Året i korthet" → "aret-i-korthet"."""
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "avsnitt"

"""What the kansli changed: the edited DOCX set beside a fresh rendering of the same sources.

Both are read the same way (reportgen/docx_read/body.py) and aligned paragraph by paragraph
(difflib), a marked paragraph by its mark, a heading by its bookmark, a table by its mark,
any other paragraph by its text. Then:

- a narrative block's paragraphs are those that carry its mark — and, where its marks are
  gone (the kansli retyped the paragraph), the unmarked paragraphs that stand where it stood;
  a block whose content differs has changed, one without any paragraph left was deleted;
- an unmarked paragraph between two blocks of the same text is new text of that text, a
  list paragraph after a list is a new item of it; any other new paragraph is reported
  with where it stands, never written;
- a changed figure in prose keeps its `{{ name }}` and is reported; a changed cell of a
  computed table, a changed heading and changed fixed text are reported with where the
  figure or text is given, never written.
"""

from __future__ import annotations

import difflib
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from reportgen.document.model import Table
from reportgen.docx_read.body import Item, ReadParagraph, ReadTable
from reportgen.findings import Finding, Location, Severity
from reportgen.load import Source
from reportgen.render import docx_marks as marks
from reportgen.roundtrip.markdown_out import kind, merged
from reportgen.roundtrip.sources import ModelIndex, Text

BlockKey = tuple[str, int]  # (text digest, block index)


@dataclass
class Comparison:
    changed: dict[BlockKey, list[ReadParagraph]] = field(default_factory=dict)  # [] = deleted
    inserted: dict[BlockKey, list[ReadParagraph]] = field(default_factory=dict)  # after block
    notices: list[Finding] = field(default_factory=list)


def _short(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _key(item: Item) -> Hashable:
    if isinstance(item, ReadTable):
        return ("t", item.mark.key) if item.mark else ("tx", tuple(map(tuple, item.rows[:1])))
    if item.mark is not None:
        return ("b", item.mark.digest, item.mark.block, item.mark.paragraph)
    if item.section is not None:
        return ("h", item.section)
    return ("p", " ".join(item.text.split()))


def _kept(items: Sequence[Item]) -> list[Item]:
    """What is compared: not the table of contents (Word refreshes it), not empty paragraphs."""
    out: list[Item] = []
    for item in items:
        if isinstance(item, ReadParagraph):
            if item.style.startswith("toc ") or item.style == "toc heading":
                continue
            if not item.text.strip() and item.mark is None and item.section is None:
                continue
        out.append(item)
    return out


@dataclass
class _Context:
    index: ModelIndex
    source: Source
    docx: Path
    result: Comparison
    figure_text: dict[tuple[str, int], str] = field(default_factory=dict)

    def text_location(self, text: Text, block: int | None = None) -> Location:
        if text.source.file is not None:
            line = text.origin(block).lines[0] + 1 if block is not None and block in text.blocks \
                else 1
            return Location(text.source.file, line)
        return self.source.locate(text.source.path)

    def notice(self, location: Location, message: str, rule: str, field_name: str = "") -> None:
        self.result.notices.append(Finding(location, message, Severity.WARNING, field_name,
                                           rule))


def compare(index: ModelIndex, fresh: Sequence[Item], edited: Sequence[Item], source: Source,
            docx: Path) -> Comparison:
    ctx = _Context(index, source, docx, Comparison())
    old, new = _kept(fresh), _kept(edited)
    for item in old:
        if isinstance(item, ReadParagraph):
            for piece in item.pieces:
                if piece.figure is not None:
                    key = (piece.figure.digest, piece.figure.index)
                    ctx.figure_text[key] = ctx.figure_text.get(key, "") + piece.text

    old_blocks: dict[BlockKey, list[ReadParagraph]] = {}
    for item in old:
        if isinstance(item, ReadParagraph) and item.mark is not None:
            old_blocks.setdefault((item.mark.digest, item.mark.block), []).append(item)
    new_blocks: dict[BlockKey, list[ReadParagraph]] = {}
    stale: dict[str, list[ReadParagraph]] = {}
    for item in new:
        if isinstance(item, ReadParagraph) and item.mark is not None:
            key = (item.mark.digest, item.mark.block)
            if key in old_blocks:
                new_blocks.setdefault(key, []).append(item)
            else:
                stale.setdefault(item.mark.digest, []).append(item)

    matcher = difflib.SequenceMatcher(None, [_key(i) for i in old], [_key(i) for i in new],
                                      autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for a, b in zip(old[i1:i2], new[j1:j2], strict=True):
                _same_place(a, b, ctx)
        else:
            _gap(old[i1:i2], new, j1, j2, old_blocks, new_blocks, set(stale), ctx)

    present = {digest for digest, _ in new_blocks}
    for key, paragraphs in old_blocks.items():
        if key[0] not in present:
            continue  # not one mark of the text is left: said below, nothing written
        _block(key, paragraphs, new_blocks.get(key, []), ctx)
    for digest in sorted({d for d, _ in old_blocks} - present):
        text = ctx.index.texts.get(digest)
        if text is not None:
            ctx.notice(ctx.text_location(text), f"ingen del av texten {text.source.field} finns "
                       "kvar i Word-filen (borttagen i Word, eller filen byggdes från en äldre "
                       "version av texten); texten lämnas som den är", "återför.saknas",
                       text.source.field)
    ctx.result.inserted = {k: v for k, v in ctx.result.inserted.items() if k[0] in present}
    for paragraphs in stale.values():
        ctx.notice(Location(docx), "texten har ändrats i källan sedan Word-filen skapades, så "
                   f"ändringarna i den skrivs inte tillbaka: ”{_short(paragraphs[0].text)}”",
                   "återför.inaktuell")
    return ctx.result


# -- paragraphs and tables in the same place ---------------------------------------------------
def _same_place(old: Item, new: Item, ctx: _Context) -> None:
    if isinstance(old, ReadTable) and isinstance(new, ReadTable):
        _table(old, new, ctx)
    elif isinstance(old, ReadParagraph) and isinstance(new, ReadParagraph) \
            and old.section is not None and old.mark is None and old.text != new.text:
        _heading(old, new, ctx)


def _heading(old: ReadParagraph, new: ReadParagraph, ctx: _Context) -> None:
    section = ctx.index.sections.get(old.section or "")
    heading = section.heading if section is not None else old.text
    ctx.notice(Location(ctx.docx), f"rubriken ”{heading}” ändrades till ”{_short(new.text)}” i "
               "Word; rubrikerna bestäms av rapporten och skrivs inte tillbaka",
               "återför.rubrik")


def _cell_location(table: Table, row: int, column: int, ctx: _Context) -> tuple[Location, str]:
    """Where a cell's figure is given, and how to say it."""
    rows = (*table.header, *table.body)
    cell = None
    if row < len(rows):
        placed = {p.column: p.cell for p in table.placed(rows[row], row < len(table.header))}
        cell = placed.get(column)
    if cell is not None and cell.source is not None and cell.source in ctx.source.positions:
        location = ctx.source.locate(cell.source)
        return location, f"siffror ändras i YAML-filen, rad {location.line}"
    if table.source is not None:
        location = ctx.source.locate(table.source)
        return location, ("siffran räknas fram; ändra siffrorna den bygger på i YAML-filen, "
                          f"från rad {location.line}")
    return Location(ctx.docx), "siffran räknas fram av reportgen och kan inte ändras i Word"


def _table(old: ReadTable, new: ReadTable, ctx: _Context) -> None:
    if old.rows == new.rows or old.mark is None:
        return
    placed = ctx.index.tables.get(old.mark.key)
    if placed is None:
        return
    table = placed.table
    name = placed.section or table.caption
    if table.origin is not None:
        text = ctx.index.texts.get(table.origin.text.digest)
        where = ctx.text_location(text, table.origin.block) if text else Location(ctx.docx)
        ctx.notice(where, f"tabellen ”{_short(table.caption or name)}” i texten ändrades i Word; "
                   "tabeller i texten skrivs inte tillbaka, ändra dem i källan", "återför.tabell")
        return
    if len(old.rows) != len(new.rows) or any(len(a) != len(b) for a, b in
                                              zip(old.rows, new.rows, strict=False)):
        location, _ = _cell_location(table, 0, 0, ctx)
        ctx.notice(location, f"{name}: rader eller kolumner ändrades i Word; tabellen räknas fram "
                   "ur YAML-filen och skrivs inte tillbaka", "återför.tabell")
    header = old.rows[0] if old.rows else []
    for r, (a, b) in enumerate(zip(old.rows, new.rows, strict=False)):
        for c, (before, after) in enumerate(zip(a, b, strict=False)):
            if " ".join(before.split()) == " ".join(after.split()):
                continue
            column = _grid_column(table, r, c)
            label = a[0] if a else ""
            heading = header[c] if c < len(header) and r > 0 else ""
            what = ", ".join(p for p in (name, label if c else "", heading) if p)
            location, how = _cell_location(table, r, column, ctx)
            ctx.notice(location, f"{what}: {before or '(tom)'} ändrad till {after or '(tom)'} i "
                       f"Word — {how}", "återför.siffra", _dotted(table, r, column))


def _grid_column(table: Table, row: int, cell: int) -> int:
    rows = (*table.header, *table.body)
    if row >= len(rows):
        return cell
    placed = table.placed(rows[row], row < len(table.header))
    return placed[cell].column if cell < len(placed) else cell


def _dotted(table: Table, row: int, column: int) -> str:
    rows = (*table.header, *table.body)
    if row >= len(rows):
        return ""
    for p in table.placed(rows[row], row < len(table.header)):
        if p.column == column and p.cell.source is not None:
            return ".".join(str(k) for k in p.cell.source)
    return ""


# -- what stands between the aligned paragraphs ------------------------------------------------
def _similar(a: str, b: str) -> bool:
    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.6


def _gap(old: Sequence[Item], new: Sequence[Item], j1: int, j2: int,
         old_blocks: dict[BlockKey, list[ReadParagraph]],
         new_blocks: dict[BlockKey, list[ReadParagraph]], stale: set[str],
         ctx: _Context) -> None:
    missing = []  # narrative blocks whose marks are all gone: their place is here
    fixed: list[ReadParagraph] = []  # fixed paragraphs (and headings) not found in the edit
    for item in old:
        if isinstance(item, ReadTable):
            if item.mark is not None and not any(isinstance(n, ReadTable) and n.mark == item.mark
                                                 for n in new):
                placed = ctx.index.tables.get(item.mark.key)
                name = placed.table.caption if placed else "en tabell"
                ctx.notice(Location(ctx.docx), f"tabellen ”{_short(name)}” togs bort i Word; den "
                           "räknas fram och kommer tillbaka vid nästa bygge", "återför.tabell")
            continue
        if item.mark is not None:
            key = (item.mark.digest, item.mark.block)
            if key not in new_blocks and key not in missing:
                missing.append(key)
        else:
            fixed.append(item)
    unplaced: list[int] = []  # indexes into new of unmarked paragraphs in this gap
    for j in range(j1, j2):
        item = new[j]
        if isinstance(item, ReadTable):
            if item.mark is None:
                ctx.notice(Location(ctx.docx), "en ny tabell i Word skrivs inte tillbaka: "
                           f"”{_short(' '.join(item.rows[0]) if item.rows else '')}” "
                           f"({_where(new, j, ctx)})", "återför.nytt")
            continue
        if item.mark is not None:
            continue  # goes to its block whatever its place
        match = next((f for f in fixed if _similar(f.text, item.text)), None)
        if match is not None:
            fixed.remove(match)
            if match.section is not None:
                _heading(match, item, ctx)
            else:
                ctx.notice(Location(ctx.docx), f"den fasta texten ”{_short(match.text)}” "
                           f"ändrades till ”{_short(item.text)}” i Word; den skrivs av "
                           "reportgen och ändras inte tillbaka", "återför.fast_text")
            continue
        unplaced.append(j)
    for item in fixed:
        what = "rubriken" if item.section is not None else "den fasta texten"
        ctx.notice(Location(ctx.docx), f"{what} ”{_short(item.text)}” togs bort i Word; den "
                   "kommer tillbaka vid nästa bygge", "återför.fast_text")
    outdated = any(isinstance(n, ReadParagraph) and n.mark is not None and n.mark.digest in stale
                   for n in new[j1:j2])
    if missing and unplaced and not outdated:
        # Retyped in Word: the new paragraphs are the missing blocks' new text. (Not where the
        # Word file has an older version of the text: then the source has changed since.)
        new_blocks[missing[0]] = [p for p in (new[j] for j in unplaced)
                                  if isinstance(p, ReadParagraph)]
        return
    for j in unplaced:
        _new_paragraph(new, j, old_blocks, new_blocks, ctx)


def _mark_before(new: Sequence[Item], j: int) -> marks.BlockMark | None:
    k = j - 1
    while k >= 0:
        item = new[k]
        if isinstance(item, ReadTable):
            return None
        if item.mark is not None:
            return item.mark
        if item.text.strip() or item.section is not None:
            return None
        k -= 1
    return None


def _new_paragraph(new: Sequence[Item], j: int, old_blocks: dict[BlockKey, list[ReadParagraph]],
                   new_blocks: dict[BlockKey, list[ReadParagraph]], ctx: _Context) -> None:
    item = new[j]
    assert isinstance(item, ReadParagraph)
    before = _mark_before(new, j)
    after = None
    for following in new[j + 1:]:
        if isinstance(following, ReadTable):
            break
        if following.mark is not None or following.text.strip():
            after = following.mark
            break
    known = {digest for digest, _ in old_blocks}
    if before is not None and before.digest in known:
        key = (before.digest, before.block)
        old_paragraphs = old_blocks.get(key, [])
        continues_list = kind(item) in {"list", "continuation"} and any(
            kind(p) == "list" for p in old_paragraphs)
        if continues_list:
            new_blocks.setdefault(key, []).append(item)
            # The item now belongs to the list: later unmarked list paragraphs follow it.
            item.marks = [before]
            return
        if after is not None and after.digest == before.digest:
            ctx.result.inserted.setdefault(key, []).append(item)
            item.marks = [before]
            return
    ctx.notice(Location(ctx.docx), "ett nytt stycke i Word står utanför texterna i källan och "
               f"skrivs inte tillbaka: ”{_short(item.text, 120)}” ({_where(new, j, ctx)})",
               "återför.nytt")


def _where(new: Sequence[Item], j: int, ctx: _Context) -> str:
    """Where the item *j* stands: its section, and what comes before it."""
    section = ""
    for item in reversed(new[:j]):
        if isinstance(item, ReadParagraph) and item.section is not None:
            found = ctx.index.sections.get(item.section)
            section = found.heading if found is not None else item.text
            break
    previous = next((i for i in reversed(new[:j]) if isinstance(i, ReadTable) or i.text.strip()),
                    None)
    if previous is None:
        after = "först i dokumentet"
    elif isinstance(previous, ReadTable):
        placed = ctx.index.tables.get(previous.mark.key) if previous.mark else None
        after = f"efter tabellen ”{_short(placed.table.caption if placed else '')}”"
    else:
        after = f"efter ”{_short(previous.text, 40)}”"
        if previous.mark is not None and previous.mark.digest in ctx.index.texts:
            text = ctx.index.texts[previous.mark.digest]
            location = ctx.text_location(text, previous.mark.block)
            after += f" ({location})"
    return f"i avsnittet {section}, {after}" if section else after


# -- narrative blocks ---------------------------------------------------------------------------
def _signature(paragraphs: Sequence[ReadParagraph]) -> tuple[object, ...]:
    out = []
    for p in paragraphs:
        if not p.text.strip():
            continue
        what = kind(p)
        groups = tuple((g.text if g.figure is None else ("figur", g.figure), g.bold, g.italic,
                        g.href) for g in merged(p.pieces))
        depth = p.numbering[1] if what == "list" and p.numbering else 0
        out.append((what, depth, p.ordered if what == "list" else False, groups))
    return tuple(out)


def _refigure(paragraph: ReadParagraph, digest: str, index: int, text: str) -> bool:
    """Mark the first occurrence of a figure's *text* in unmarked pieces as the figure (its
    bookmark was lost in Word but its text is unchanged); True if found."""
    for k, piece in enumerate(paragraph.pieces):
        if piece.figure is not None or text not in piece.text:
            continue
        before, _, after = piece.text.partition(text)
        parts = [replace(piece, text=before), replace(piece, text=text,
                                                      figure=marks.FigureMark(digest, index)),
                 replace(piece, text=after)]
        paragraph.pieces[k:k + 1] = [p for p in parts if p.text]
        return True
    return False


def _block(key: BlockKey, old: list[ReadParagraph], new: list[ReadParagraph],
           ctx: _Context) -> None:
    digest, block = key
    text = ctx.index.texts.get(digest)
    if text is None:
        return
    where = ctx.text_location(text, block)
    wanted = {p.figure.index for o in old for p in o.pieces if p.figure is not None}
    found = {p.figure.index for n in new for p in n.pieces if p.figure is not None}
    for index in sorted(wanted - found):
        figure_text = ctx.figure_text.get((digest, index), "")
        if figure_text and any(_refigure(n, digest, index, figure_text) for n in new):
            continue
        figure = text.figures.get(index)
        if figure is not None and new:
            ctx.notice(where, f"siffran {figure.written} ({figure_text}) finns inte längre i "
                       f"texten ”{_short(' '.join(n.text for n in new))}”; den tas bort ur "
                       "källan", "återför.siffra_i_text", text.source.field)
    for paragraph in new:
        for group in merged(paragraph.pieces):
            if group.figure is None:
                continue
            before = ctx.figure_text.get((digest, group.figure), "")
            figure = text.figures.get(group.figure)
            if figure is not None and " ".join(group.text.split()) != " ".join(before.split()):
                ctx.notice(where, f"siffran {figure.written} är {before} men ändrades till "
                           f"{group.text} i Word; texten behåller {figure.written} — siffror "
                           "ändras i YAML-filen", "återför.siffra_i_text", text.source.field)
    if _signature(old) != _signature(new):
        ctx.result.changed[key] = [p for p in new if p.text.strip()]

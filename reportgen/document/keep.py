"""What keeps with what follows it across a page break, decided once for every renderer.

A lead-in keeps with its table: the paragraph right before a table that introduces it
("Styrelsen har haft följande sammansättning under 2023.", "… per kommun:", a goal's
Bedömning) stays on the table's page, so that a heading and its lead-in are never left at
the bottom of a page with the table on the next. A paragraph that only happens to stand
before a table ("Styrelsen har haft sju sammanträden under året.") is not a lead-in: it
ends what stands above, and keeping it would move a page's last quarter for nothing (the
page fill of tests/test_design.py). Only the paragraph right before the table is kept with
it: a longer text before it still breaks where it must, and a paragraph before a
sub-heading ("Finansiering", which keeps with its table by its style) ends what stands
above. Headings keep with what follows by their style, in both renderers.
"""

from __future__ import annotations

import re
from dataclasses import replace

from reportgen.document.model import Block, Paragraph, Section, Table

# Words by which a Swedish sentence points at what follows it.
_POINTS_FORWARD = re.compile(r"\b(följande|nedan|nedanstående|tabellen)\b", re.IGNORECASE)


def introduces(paragraph: Paragraph) -> bool:
    """Whether *paragraph*, standing right before a table, introduces it: an assessment
    (a status of the förbund's scale), or a sentence that ends in a colon or points forward."""
    text = paragraph.text.strip()
    return (paragraph.tint is not None or paragraph.style.startswith("status") or text.endswith(":")
            or _POINTS_FORWARD.search(text) is not None)


def keep_lead_ins(sections: tuple[Section, ...]) -> tuple[Section, ...]:
    """*sections* with every lead-in paragraph marked to keep with the table after it."""
    return tuple(replace(s, blocks=_blocks(s.blocks)) for s in sections)


def _blocks(blocks: tuple[Block | Section, ...]) -> tuple[Block | Section, ...]:
    out = list(blocks)
    before_table = False  # the block after this one is a table
    for index in range(len(out) - 1, -1, -1):
        block = out[index]
        if isinstance(block, Section):
            out[index] = replace(block, blocks=_blocks(block.blocks))
            before_table = False
        elif isinstance(block, Table):
            before_table = True
        elif isinstance(block, Paragraph):
            # (a label keeps by its style)
            if before_table and block.style != "label" and introduces(block):
                out[index] = replace(block, keep_with_next=True)
            before_table = False
        else:
            before_table = False
    return tuple(out)

"""What keeps with what follows it across a page break, decided once for every renderer.

A lead-in keeps with its table: the paragraph right before a table ("Styrelsen har haft
följande sammansättning under 2023.", a goal's Bedömning) stays on the table's page, so that
a heading and its lead-in are never left at the bottom of a page with the table on the
next. Only the paragraph right before the table is kept with it: a longer text before it
still breaks where it must, and a paragraph before a sub-heading ("Finansiering", which
keeps with its table by its style) ends what stands above, not a lead-in. Headings keep
with what follows by their style, in both renderers.
"""

from __future__ import annotations

from dataclasses import replace

from reportgen.document.model import Block, Paragraph, Section, Table


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
            if before_table and block.style != "label":  # a label keeps by its style
                out[index] = replace(block, keep_with_next=True)
            before_table = False
        else:
            before_table = False
    return tuple(out)

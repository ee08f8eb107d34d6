"""Året i siffror in the DOCX: the key figures as cards (a borderless table), as the PDF's
tiles, each its value large and bold, what it is and a line more — no punctuation added."""

from __future__ import annotations

import pytest
from docx.oxml.ns import qn
from docx.table import _Cell
from docx.text.paragraph import Paragraph as DocxParagraph
from docx_extract import iter_blocks, layout_table, open_docx, style_chain, table_caption

from reportgen.document.model import KeyFigures
from reportgen.render import docx_styles as S
from reportgen.render.docx import render_docx


@pytest.fixture(scope="module")
def example(example_prepared):  # type: ignore[no-untyped-def]
    [block] = [b for s in example_prepared.document.walk_sections() for b in s.blocks
               if isinstance(b, KeyFigures)]
    return block, open_docx(render_docx(example_prepared.document))


def _cards(table) -> list[list[DocxParagraph]]:  # type: ignore[no-untyped-def]
    return [_Cell(tc, table).paragraphs for tr in table._tbl.tr_lst for tc in tr.tc_lst]


def _style_value(paragraph: DocxParagraph, tag: str) -> str | None:
    for style in style_chain(paragraph.style):
        found = style.element.find(f"{qn('w:rPr')}/{qn(tag)}")
        if found is not None:
            return found.get(qn("w:val"), "1")
    return None


def test_key_figures_are_cards_in_a_table(example) -> None:  # type: ignore[no-untyped-def]
    block, word = example
    [table] = [t for t in iter_blocks(word) if not isinstance(t, DocxParagraph)
               and table_caption(t) == block.caption]
    assert layout_table(table)  # no table style: borderless, not a data table
    assert len(table._tbl.tblGrid.gridCol_lst) == block.per_row
    cards = [c for c in _cards(table) if any(p.text for p in c)]
    want = [[i.value, i.label, *([i.detail] if i.detail else [])] for i in block.items]
    assert [[p.text for p in card] for card in cards] == want
    for card in cards:
        assert [p.style.name for p in card][:2] == [S.KEY_FIGURE_VALUE, S.KEY_FIGURE_LABEL]
        value = card[0]
        assert _style_value(value, "w:b") is not None
        assert int(_style_value(value, "w:sz") or 0) >= 2 * 18  # large: 18 pt or more


def test_no_punctuation_is_invented(example) -> None:  # type: ignore[no-untyped-def]
    block, word = example
    texts = [p.text for p in word.element.body.iter(qn("w:p"))
             for p in [DocxParagraph(p, None)]]  # type: ignore[arg-type]
    for item in block.items:
        assert not any(f"{item.label}." in t for t in texts), item.label

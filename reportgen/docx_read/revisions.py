"""Tracked changes (Word's "Spåra ändringar"): applied as accepted, or kept out.

Accepting keeps inserted text (w:ins, w:moveTo) and drops deleted text (w:del, w:moveFrom);
rejecting does the opposite. A deleted (accepted) or inserted (rejected) paragraph mark
joins the paragraph with the next one, as Word does; a table row marked the same way goes.
Formatting changes keep the new formatting when accepted and the old when rejected. Every
change is listed with its author, date, text and the paragraph it stands in.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from reportgen.docx_read.package import W

_W = f"{{{W}}}"
INSERTED, DELETED = "infogat", "borttaget"


@dataclass(frozen=True)
class Revision:
    kind: str  # INSERTED | DELETED
    author: str
    date: str  # as Word writes it, e.g. 2024-02-01T10:00:00Z ("" if none)
    text: str
    paragraph: etree._Element | None  # the w:p it stands in (before it is applied)


def _text(element: etree._Element) -> str:
    return "".join(t.text or "" for t in element.iter(f"{_W}t", f"{_W}delText"))


def _paragraph(element: etree._Element) -> etree._Element | None:
    node: etree._Element | None = element
    while node is not None and node.tag != f"{_W}p":
        node = node.getparent()
    return node


def _unwrap(element: etree._Element) -> None:
    """Replace *element* by its children."""
    parent = element.getparent()
    if parent is None:
        return
    index = parent.index(element)
    for child in list(element):
        parent.insert(index, child)
        index += 1
    parent.remove(element)


def _drop(element: etree._Element) -> None:
    parent = element.getparent()
    if parent is not None:
        parent.remove(element)


def _join_with_next(p: etree._Element) -> None:
    """Join the paragraph *p* with the next one (its mark is gone): the next one's content
    moves in after *p*'s, and the next one goes."""
    following = p.getnext()
    while following is not None and following.tag != f"{_W}p":
        if following.tag in (f"{_W}tbl", f"{_W}sectPr"):
            return  # a paragraph mark before a table stays
        following = following.getnext()
    if following is None:
        return
    for child in list(following):
        if child.tag != f"{_W}pPr":
            p.append(child)
    _drop(following)


def apply_revisions(root: etree._Element, accept: bool = True) -> list[Revision]:
    """Apply every tracked change under *root* (accepted, or rejected when not *accept*);
    returns them, in document order."""
    found: list[Revision] = []
    keep_tags = (f"{_W}ins", f"{_W}moveTo") if accept else (f"{_W}del", f"{_W}moveFrom")
    drop_tags = (f"{_W}del", f"{_W}moveFrom") if accept else (f"{_W}ins", f"{_W}moveTo")
    for element in list(root.iter(*keep_tags, *drop_tags)):
        parent = element.getparent()
        if parent is None:
            continue
        kind = INSERTED if element.tag in (f"{_W}ins", f"{_W}moveTo") else DELETED
        found.append(Revision(kind, element.get(f"{_W}author", ""), element.get(f"{_W}date", ""),
                              _text(element), _paragraph(element)))
        # A revision mark on a paragraph mark (w:pPr/w:rPr) or on a table row (w:trPr).
        if parent.tag == f"{_W}rPr" and parent.getparent() is not None \
                and parent.getparent().tag == f"{_W}pPr":
            p = _paragraph(parent)
            _drop(element)
            if element.tag in drop_tags and p is not None:
                _join_with_next(p)
            continue
        if parent.tag == f"{_W}trPr":
            row = parent.getparent()
            _drop(element)
            if element.tag in drop_tags and row is not None:
                _drop(row)
            continue
        if element.tag in keep_tags:
            for deleted in element.iter(f"{_W}delText"):
                deleted.tag = f"{_W}t"
            _unwrap(element)
        else:
            _drop(element)
    for change in list(root.iter(f"{_W}rPrChange", f"{_W}pPrChange", f"{_W}tblPrChange",
                                 f"{_W}trPrChange", f"{_W}tcPrChange", f"{_W}sectPrChange")):
        parent = change.getparent()
        old = next(iter(change), None)  # the properties before the change
        if not accept and parent is not None and old is not None:
            # The old properties come back; a paragraph mark's run properties and a section's
            # properties are not part of a paragraph's formatting change.
            for child in list(parent):
                if child is not change and child.tag not in (f"{_W}rPr", f"{_W}sectPr") \
                        or change.tag == f"{_W}rPrChange" and child is not change:
                    parent.remove(child)
            for child in list(old):
                parent.append(child)
        _drop(change)
    for marker in list(root.iter(f"{_W}moveFromRangeStart", f"{_W}moveFromRangeEnd",
                                 f"{_W}moveToRangeStart", f"{_W}moveToRangeEnd")):
        _drop(marker)
    return found

"""Comments (Word's "Kommentarer"): who wrote what, on which paragraph."""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from reportgen.docx_read.package import Package, W

_W = f"{{{W}}}"


@dataclass(frozen=True)
class Comment:
    author: str
    date: str
    text: str
    paragraph: etree._Element | None  # the w:p the comment is anchored in


def read_comments(package: Package) -> list[Comment]:
    """The package's comments in document order of their anchors (unanchored ones last)."""
    if package.comments is None:
        return []
    anchors: dict[str, etree._Element] = {}
    order: dict[str, int] = {}
    for index, marker in enumerate(package.body.iter(f"{_W}commentRangeStart",
                                                     f"{_W}commentReference")):
        key = marker.get(f"{_W}id", "")
        p = marker.getparent()
        while p is not None and p.tag != f"{_W}p":
            p = p.getparent()
        if key not in anchors and p is not None:
            anchors[key] = p
            order[key] = index
    out: list[tuple[int, Comment]] = []
    for comment in package.comments.iter(f"{_W}comment"):
        key = comment.get(f"{_W}id", "")
        text = "\n".join("".join(t.text or "" for t in p.iter(f"{_W}t"))
                         for p in comment.iter(f"{_W}p")).strip()
        out.append((order.get(key, len(order) + len(out)),
                    Comment(comment.get(f"{_W}author", ""), comment.get(f"{_W}date", ""), text,
                            anchors.get(key))))
    return [c for _, c in sorted(out, key=lambda item: item[0])]

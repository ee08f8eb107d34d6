"""Read a tagged PDF's structure tree as assistive technology does: roles, attributes,
the page each element is on, and the text its marked content carries.

Text comes from pypdf: the text shown inside each `BDC … EMC` marked-content sequence,
keyed by (page, MCID), so an element's text is the text of its MCIDs in tree order.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf
from pypdf import PdfReader


def norm(text: str) -> str:
    return " ".join(text.replace("\u00ad", "").split())


@dataclass
class Element:
    role: str  # "/H1", "/Table", …
    obj: pikepdf.Dictionary
    page: int | None  # 0-based
    parent: Element | None
    children: list[Element] = field(default_factory=list)
    mcids: list[tuple[int, int]] = field(default_factory=list)  # (page, mcid), own only

    def walk(self) -> Iterator[Element]:
        yield self
        for child in self.children:
            yield from child.walk()

    def all_mcids(self) -> Iterator[tuple[int, int]]:
        """Own and descendants' content items, in reading order."""
        for item in self._ordered:
            if isinstance(item, Element):
                yield from item.all_mcids()
            else:
                yield item

    _ordered: list[Element | tuple[int, int]] = field(default_factory=list, repr=False)

    def ancestors(self) -> Iterator[Element]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def attribute(self, key: str) -> object | None:
        attrs = self.obj.get("/A")
        if attrs is None:
            return None
        for a in attrs if isinstance(attrs, pikepdf.Array) else [attrs]:
            if isinstance(a, pikepdf.Dictionary) and key in a:
                return a[key]
        return None


@dataclass
class Tree:
    root: Element
    texts: dict[tuple[int, int], str]
    page_count: int
    pdf: pikepdf.Pdf  # kept open: the elements' objects live in it

    def elements(self, *roles: str) -> list[Element]:
        return [e for e in self.root.walk() if not roles or e.role in roles]

    def text(self, element: Element) -> str:
        return norm(" ".join(self.texts.get(m, "") for m in element.all_mcids()))

    def headings(self) -> list[Element]:
        return [e for e in self.root.walk() if re.fullmatch(r"/H[1-6]", e.role)]


def _page_index(pdf: pikepdf.Pdf) -> dict[tuple[int, int], int]:
    return {page.obj.objgen: i for i, page in enumerate(pdf.pages)}


def _marked_texts(path: Path) -> dict[tuple[int, int], str]:
    """(page, MCID) → the text shown in that marked-content sequence."""
    texts: dict[tuple[int, int], str] = {}
    for number, page in enumerate(PdfReader(str(path)).pages):
        texts.update(_page_marked_texts(number, page))
    return texts


def _page_marked_texts(number: int, page: object) -> dict[tuple[int, int], str]:
    stack: list[int | None] = []
    texts: dict[tuple[int, int], str] = {}

    def before(op: bytes, args: list, cm: object, tm: object) -> None:  # type: ignore[type-arg]
        if op == b"BDC":
            props = args[1] if len(args) > 1 else None
            mcid = props.get("/MCID") if props is not None and hasattr(props, "get") else None
            stack.append(int(mcid) if mcid is not None else None)
        elif op == b"BMC":
            stack.append(None)
        elif op == b"EMC" and stack:
            stack.pop()

    def shown(text: str, cm: object, tm: object, font: object, size: object) -> None:
        current = next((m for m in reversed(stack) if m is not None), None)
        if current is not None and text:
            key = (number, current)
            texts[key] = texts.get(key, "") + text

    page.extract_text(visitor_operand_before=before, visitor_text=shown)  # type: ignore[attr-defined]
    return texts


def read(path: Path) -> Tree:
    pdf = pikepdf.open(path)
    pages = _page_index(pdf)
    struct_root = pdf.Root.StructTreeRoot

    def page_of(obj: pikepdf.Dictionary, inherited: int | None) -> int | None:
        pg = obj.get("/Pg")
        if pg is not None:
            return pages.get(pg.objgen, inherited)
        return inherited

    def build(obj: pikepdf.Dictionary, parent: Element | None, page: int | None) -> Element:
        page = page_of(obj, page)
        role = str(obj.get("/S", "/StructTreeRoot"))
        element = Element(role, obj, page, parent)
        k = obj.get("/K")
        kids: list[object] = [] if k is None else list(k) if isinstance(k, pikepdf.Array) else [k]
        for kid in kids:
            if isinstance(kid, int) or (
                isinstance(kid, pikepdf.Object) and kid._type_code == pikepdf.ObjectType.integer
            ):
                if page is not None:
                    item = (page, int(kid))  # type: ignore[call-overload]
                    element.mcids.append(item)
                    element._ordered.append(item)
            elif isinstance(kid, pikepdf.Dictionary):
                kind = kid.get("/Type")
                if kind == "/MCR":
                    item = (page_of(kid, page) or 0, int(kid.MCID))
                    element.mcids.append(item)
                    element._ordered.append(item)
                elif kind == "/OBJR":
                    continue
                else:
                    child = build(kid, element, page)
                    element.children.append(child)
                    element._ordered.append(child)
        return element

    root = build(struct_root, None, None)  # type: ignore[arg-type]
    return Tree(root, _marked_texts(path), len(pdf.pages), pdf)


def page_texts(path: Path) -> list[str]:
    """The text of each page (pdftotext, reading order), header and footer included."""
    import subprocess

    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return out.split("\f")[:-1] if out.endswith("\f") else out.split("\f")

"""Read headings, tables and text back out of the built HTML, PDF and DOCX, as a reader would."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import lxml.html


def norm(text: str) -> str:
    """Fold all white space (including non-breaking) to single spaces; unify minus signs."""
    return " ".join(text.replace("\u2212", "-").replace("\u00ad", "").split())


# ---- HTML -------------------------------------------------------------------------------
def html_tree(path: Path):  # type: ignore[no-untyped-def]
    tree = lxml.html.fromstring(path.read_bytes())
    for br in tree.iter("br"):  # a line break reads as white space
        br.tail = "\n" + (br.tail or "")
    return tree


def html_headings(path: Path) -> list[str]:
    main = html_tree(path).find(".//main")
    return [norm(h.text_content()) for h in main.iter("h1", "h2", "h3", "h4")]


def html_tables(path: Path) -> list[list[list[str]]]:
    main = html_tree(path).find(".//main")
    tables = []
    for table in main.iter("table"):
        rows = [[norm(c.text_content()) for c in tr if c.tag in ("th", "td")]
                for tr in table.iter("tr")]
        tables.append(rows)
    return tables


# ---- DOCX -------------------------------------------------------------------------------
def docx_headings(path: Path) -> list[str]:
    import docx
    from docx_extract import list_labels, shown_text

    document = docx.Document(str(path))
    labels = list_labels(document)  # chapter numbers are Word's heading numbering
    return [
        norm(shown_text(p, labels))
        for p in document.paragraphs
        # "Mellanrubrik N": headings kept out of Word's table of contents (render/docx_styles.py)
        if p.style is not None and p.style.name.startswith(("Heading", "Mellanrubrik"))
        and p.text.strip()
    ]


def docx_tables(path: Path) -> list[list[list[str]]]:
    import docx
    from docx_extract import layout_table

    document = docx.Document(str(path))
    out = []
    for table in document.tables:
        if layout_table(table):  # the key figures' cards, not a table of the report model
            continue
        rows = []
        for row in table.rows:
            cells = []
            seen = set()
            for cell in row.cells:
                if id(cell._tc) in seen:  # a merged cell appears once per grid column
                    continue
                seen.add(id(cell._tc))
                cells.append(norm("\n".join(p.text for p in cell.paragraphs)))
            rows.append(cells)
        out.append(rows)
    return out


# ---- PDF --------------------------------------------------------------------------------
def pdf_text(path: Path, layout: bool = False) -> str:
    args = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else []) + [str(path), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def pdf_outline(path: Path) -> list[str]:
    from pypdf import PdfReader

    titles: list[str] = []

    def walk(items) -> None:  # type: ignore[no-untyped-def]
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(norm(item.title))

    walk(PdfReader(str(path)).outline)
    return titles


AMOUNT = re.compile(r"(?<![\d])[+\-−]?\d{1,3}(?:[ \u00a0]\d{3})*(?![\d])")


def amounts_in(line: str) -> list[int]:
    """The amounts on a line of `pdftotext -layout` output, columns separated by 2+ spaces."""
    values = []
    for column in re.split(r" {2,}", line.strip()):
        column = column.strip()
        if re.fullmatch(r"[+\-−]?\d{1,3}(?:[ \u00a0]\d{3})*", column):
            values.append(int(column.replace("−", "-").replace(" ", "").replace("\u00a0", "")))
    return values


def amount(text: str) -> int | None:
    """A table cell's printed amount as an integer ('-1 346' → -1346); None for an empty cell."""
    text = norm(text)
    if not text:
        return None
    assert re.fullmatch(r"[+\-]?\d{1,3}(?: \d{3})*", text), f"not an amount: {text!r}"
    return int(text.replace(" ", ""))

"""Read a DOCX the way the cross-format tests compare outputs: headings and table cells.

    headings = docx_headings(path)        # [(level, "1 Förvaltningsberättelse"), ...]
    tables = docx_tables(path)            # [[["Belopp i kr", "Not", "2023", "2022"], ...], ...]
    cells = docx_table_cells(path)        # every cell text, tables in document order

Cell texts keep line breaks as "\\n"; non-breaking spaces are kept as they are (normalise
with ``normalise`` when comparing with other formats). Headings are Heading N paragraphs and
"Mellanrubrik N" paragraphs (headings kept out of the table of contents); the title of the
table of contents itself is left out unless asked for, as HTML keeps it outside <main>.
A heading reads as Word shows it: with the number Word's list numbering puts before it
(``shown_text``; counted here independently of the renderer).
"""

from __future__ import annotations

import io
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

_HEADING = re.compile(r"^(?:heading|mellanrubrik) (\d)$", re.IGNORECASE)


def open_docx(source: Path | bytes | DocxDocument) -> DocxDocument:
    if isinstance(source, DocxDocument):
        return source
    if isinstance(source, bytes):
        return docx.Document(io.BytesIO(source))
    return docx.Document(str(source))


def normalise(text: str) -> str:
    """Compare texts across formats: one kind of space, one kind of minus, no extra blanks."""
    text = text.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2212", "-")
    return " ".join(text.split())


def style_name(paragraph: Paragraph) -> str:
    style = paragraph.style
    return (style.name or "") if style is not None else ""


def _numbering_of(paragraph: Paragraph) -> tuple[int, int] | None:
    """(numId, ilvl) of a paragraph: its own w:numPr, else its style chain's; None if none."""
    ppr = paragraph._p.pPr
    sources = [ppr] if ppr is not None else []
    style = paragraph.style
    while style is not None:
        sources.append(style.element.pPr)
        style = style.base_style
    num_id = ilvl = None
    for ppr in sources:
        numpr = ppr.find(qn("w:numPr")) if ppr is not None else None
        if numpr is None:
            continue
        if ilvl is None and numpr.find(qn("w:ilvl")) is not None:
            ilvl = int(numpr.find(qn("w:ilvl")).get(qn("w:val")))
        if num_id is None and numpr.find(qn("w:numId")) is not None:
            num_id = int(numpr.find(qn("w:numId")).get(qn("w:val")))
    return (num_id, ilvl or 0) if num_id else None


def list_labels(document: DocxDocument) -> dict[object, str]:
    """w:p → the label Word shows before it, for decimal list levels ("1", "1.1", "2."),
    followed by its separator (a space or a tab)."""
    numbering = document.part.numbering_part.element
    abstract = {a.get(qn("w:abstractNumId")): a for a in numbering.iterchildren(qn("w:abstractNum"))}
    nums = {int(n.get(qn("w:numId"))): abstract[n.find(qn("w:abstractNumId")).get(qn("w:val"))]
            for n in numbering.iterchildren(qn("w:num"))}
    counters: dict[int, list[int]] = {}
    out: dict[object, str] = {}
    for paragraph in (b for b in iter_blocks(document) if isinstance(b, Paragraph)):
        found = _numbering_of(paragraph)
        if found is None or found[0] not in nums:
            continue
        num_id, ilvl = found
        levels = {int(lvl.get(qn("w:ilvl"))): lvl for lvl in nums[num_id].iterchildren(qn("w:lvl"))}
        count = counters.setdefault(num_id, [0] * 9)
        count[ilvl] += 1
        count[ilvl + 1:] = [0] * (8 - ilvl)
        level = levels[ilvl]
        if level.find(qn("w:numFmt")).get(qn("w:val")) != "decimal":
            continue
        text = level.find(qn("w:lvlText")).get(qn("w:val"))
        for k in range(9):
            text = text.replace(f"%{k + 1}", str(count[k]))
        suffix = level.find(qn("w:suff"))
        out[paragraph._p] = text + {"space": " ", "nothing": ""}.get(
            suffix.get(qn("w:val")) if suffix is not None else "tab", "\t")
    return out


def shown_text(paragraph: Paragraph, labels: dict[object, str]) -> str:
    """The paragraph's text with the list number Word shows before it."""
    return labels.get(paragraph._p, "") + paragraph.text


def body_paragraphs(document: DocxDocument) -> list[Paragraph]:
    """The body's own paragraphs in order (not those in tables)."""
    return [b for b in iter_blocks(document) if isinstance(b, Paragraph)]


def every_paragraph(document: DocxDocument) -> list[Paragraph]:
    """Every paragraph of the body in order, those in table cells too (the signatures and
    the key figures stand in layout tables)."""
    return [Paragraph(p, document._body) for p in document.element.body.iter(qn("w:p"))]


def cover_paragraphs(document: DocxDocument) -> list[Paragraph]:
    """The cover's paragraphs: the body's up to the one that ends the cover's section, then
    those of the cover's footer (its band: the förbund's name and organisationsnummer)."""
    out = []
    for p in body_paragraphs(document):
        out.append(p)
        if p._p.pPr is not None and p._p.pPr.find(qn("w:sectPr")) is not None:
            break
    else:
        return []
    footer = document.sections[0].footer._element
    return out + [Paragraph(p, document._body) for p in footer.iter(qn("w:p"))]


def style_chain(style):  # type: ignore[no-untyped-def]
    """A style and the styles it is based on, nearest first."""
    while style is not None:
        yield style
        style = style.base_style


def bold_by_style(paragraph: Paragraph) -> bool:
    """Is the paragraph bold by its style (the nearest style that says)?"""
    for style in style_chain(paragraph.style):
        if style.font.bold is not None:
            return bool(style.font.bold)
    return False


def heading_level(paragraph: Paragraph) -> int | None:
    """1–6 for a heading paragraph (Heading N, Mellanrubrik N, TOC Heading), else None."""
    name = style_name(paragraph)
    if name.lower() == "toc heading":
        return 1
    match = _HEADING.match(name or "")
    return int(match.group(1)) if match else None


def iter_blocks(document: DocxDocument) -> Iterator[Paragraph | Table]:
    """Body paragraphs and tables in document order."""
    body = document.element.body
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            yield Paragraph(child, document._body)
        elif child.tag == qn("w:tbl"):
            yield Table(child, document._body)


def docx_headings(source: Path | bytes | DocxDocument,
                  include_toc_title: bool = False) -> list[tuple[int, str]]:
    document = open_docx(source)
    labels = list_labels(document)
    out = []
    for block in iter_blocks(document):
        if isinstance(block, Paragraph):
            level = heading_level(block)
            is_toc_title = style_name(block).lower() == "toc heading"
            if level is not None and (include_toc_title or not is_toc_title):
                out.append((level, shown_text(block, labels)))
    return out


def table_caption(table: Table) -> str:
    caption = table._tbl.tblPr.find(qn("w:tblCaption"))
    return caption.get(qn("w:val"), "") if caption is not None else ""


def cell_text(tc) -> str:  # type: ignore[no-untyped-def]
    """Text of one w:tc: paragraphs joined by "\\n", w:br inside a paragraph is "\\n" too."""
    return "\n".join(Paragraph(p, None).text  # type: ignore[arg-type]
                     for p in tc.iterchildren(qn("w:p")))


def table_rows(table: Table) -> list[list[str]]:
    """Cell texts per row; a cell spanning columns appears once (as in HTML's colspan)."""
    return [[cell_text(tc) for tc in tr.tc_lst] for tr in table._tbl.tr_lst]


def data_tables(source: Path | bytes | DocxDocument) -> list[Table]:
    """The tables of the report model's Table blocks, in order: not the layout tables
    (the key figures' cards), which have no table style."""
    document = open_docx(source)
    return [b for b in iter_blocks(document) if isinstance(b, Table) and not layout_table(b)]


def layout_table(table: Table) -> bool:
    """A table that lays out what is not a table (the key figures' cards): it has no style."""
    return table._tbl.tblPr.find(qn("w:tblStyle")) is None


def docx_tables(source: Path | bytes | DocxDocument) -> list[list[list[str]]]:
    return [table_rows(t) for t in data_tables(source)]


def docx_table_cells(source: Path | bytes | DocxDocument) -> list[str]:
    return [cell for table in docx_tables(source) for row in table for cell in row]


def docx_toc_entries(source: Path | bytes | DocxDocument) -> list[str]:
    """Stored entries of the TOC field: the heading text of each line, without page number."""
    document = open_docx(source)
    out = []
    for block in iter_blocks(document):
        if isinstance(block, Paragraph) and re.fullmatch(r"toc \d", style_name(block).lower()):
            out.append(block.text.split("\t")[0])
    return out


def libreoffice_convert(paths: list[Path], target: str, out_dir: Path, profile_dir: Path,
                        timeout: float = 300) -> list[Path]:
    """Convert each of *paths* to *target* ("pdf", "docx") with one headless LibreOffice;
    raises if any fails. The outputs are named as the inputs, in *out_dir*.

    A private profile directory lets conversions run beside other LibreOffice instances.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        ["soffice", f"-env:UserInstallation={profile_dir.resolve().as_uri()}", "--headless",
         "--norestore", "--convert-to", target, "--outdir", str(out_dir),
         *(str(p) for p in paths)],
        capture_output=True, text=True, timeout=timeout, check=False,
    )
    outputs = [out_dir / f"{p.stem}.{target}" for p in paths]
    missing = [o for o in outputs if not o.is_file() or o.stat().st_size == 0]
    if result.returncode != 0 or missing:
        raise RuntimeError(
            f"LibreOffice could not convert {[str(p) for p in paths]} to {target} "
            f"(exit {result.returncode}, missing {missing}):\n{result.stdout}\n{result.stderr}"
        )
    return outputs


def libreoffice_pdf(docx_path: Path, out_dir: Path, profile_dir: Path,
                    timeout: float = 180) -> Path:
    """Convert *docx_path* to PDF with headless LibreOffice; raises if it fails."""
    return libreoffice_convert([docx_path], "pdf", out_dir, profile_dir, timeout)[0]


def pdf_pages(pdf: Path) -> list[str]:
    """The text of each page (normalised), page 1 first."""
    text = pdf_text(pdf)
    return [normalise(page) for page in text.split("\f")][: max(text.count("\f"), 1)]


def pdf_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout

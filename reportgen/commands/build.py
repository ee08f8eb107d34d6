"""`reportgen build`: render HTML, PDF and DOCX into the output folder.

Two phases, as MkDocs does: first everything is prepared and rendered in memory,
then the files are written as one set (reportgen/write.py): all of them replace the old
ones, or none does. Bad input, a failing output folder or a signal never leaves a mix of
old and new outputs.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path

from reportgen.document.model import Document
from reportgen.pipeline import prepare
from reportgen.write import write_set

FORMATS = ("html", "pdf", "docx")
# What `build` says as each stage starts (to stderr, unless --tyst).
STEG = {"html": "HTML", "pdf": "PDF", "docx": "DOCX"}


def _render_html(document: Document) -> bytes:
    from reportgen.render.html import render_html

    return render_html(document).encode("utf-8")


def _render_pdf(document: Document, variant: str = "ua") -> bytes:
    from reportgen.render.pdf import render_pdf

    return render_pdf(document, variant)


def _render_docx(document: Document) -> bytes:
    from reportgen.render.docx import render_docx

    return render_docx(document)


RENDERERS: dict[str, Callable[[Document], bytes]] = {
    "html": _render_html,
    "pdf": _render_pdf,
    "docx": _render_docx,
}


def output_stem(file: Path) -> str:
    return file.stem


def _silent(line: str) -> None:
    pass


def progress_to_stderr(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def build(
    file: Path, out_dir: Path, formats: list[str], draft: bool, pdf_variant: str = "ua",
    say: Callable[[str], None] = _silent,
) -> list[Path]:
    """Build the report; returns the written paths. Raises UserError on bad input.

    *say* is told, in Swedish, each stage as it starts (the command line prints it).
    """
    say(f"reportgen: kontrollerar {file} …")
    prepared = prepare(file, draft=draft)
    for finding in (*prepared.errors, *prepared.warnings):
        print(finding, file=sys.stderr)
    renderers: dict[str, Callable[[Document], bytes]] = {
        **RENDERERS,
        "pdf": partial(_render_pdf, variant=pdf_variant),
    }
    rendered = {}
    for fmt in formats:
        say(f"reportgen: skapar {STEG[fmt]} …")
        rendered[fmt] = renderers[fmt](prepared.document)
    stem = output_stem(file)
    return write_set(out_dir, {f"{stem}.{fmt}": data for fmt, data in rendered.items()})

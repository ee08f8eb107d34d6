"""Shared fixtures: the example report, prepared once per test session."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from collections.abc import Iterator

    from reportgen.document.model import Block, Section

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "content" / "2023.yaml"


@pytest.fixture(scope="session")
def example_prepared():  # type: ignore[no-untyped-def]
    from reportgen.pipeline import prepare

    return prepare(EXAMPLE)


@pytest.fixture(scope="session")
def example_build(tmp_path_factory):  # type: ignore[no-untyped-def]
    """The example built once into a temporary folder: {"html": path, "pdf": path, "docx": path}.

    Building the PDF is the slow part of the suite; tests that read outputs share this build.
    """
    from reportgen.commands.build import build

    out = tmp_path_factory.mktemp("build")
    paths = build(EXAMPLE, out, ["html", "pdf", "docx"], draft=False)
    return {p.suffix.lstrip("."): p for p in paths}


@pytest.fixture(scope="session")
def example_docx_pdf(example_build, tmp_path_factory):  # type: ignore[no-untyped-def]
    """The example's DOCX (from example_build) converted to PDF by LibreOffice, once per session.

    Returns {"pdf": path, "text": pdftotext output}. Tests of the DOCX as Word/LibreOffice
    shows it share this one conversion.
    """
    from docx_extract import libreoffice_pdf, pdf_text

    out = tmp_path_factory.mktemp("docx-pdf")
    pdf = libreoffice_pdf(example_build["docx"], out, out / "lo-profile")
    return {"pdf": pdf, "text": pdf_text(pdf)}


def walk_blocks(blocks: tuple[Block | Section, ...]) -> Iterator[Block | Section]:
    """Every block of the report model under *blocks*: sections, their blocks, list items."""
    from reportgen.document.model import ListBlock, Section

    for block in blocks:
        yield block
        if isinstance(block, Section):
            yield from walk_blocks(block.blocks)
        elif isinstance(block, ListBlock):
            for item in block.items:
                yield from walk_blocks(item)

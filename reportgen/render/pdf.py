"""HTML → PDF through WeasyPrint. Imported only when a PDF is asked for."""

from __future__ import annotations

from pathlib import Path

from weasyprint import HTML  # heavy import: keep it out of check and serve

from reportgen.document.model import Document
from reportgen.render.html import file_uri, render_html
from reportgen.templates_dir import templates_dir


def render_pdf(document: Document) -> bytes:
    html = render_html(document, asset_url=file_uri, for_print=True)
    base = templates_dir()
    pdf = HTML(string=html, base_url=str(base)).write_pdf(
        pdf_variant="pdf/ua-1",
        custom_metadata=True,
        uncompressed_pdf=False,
        lang="sv-SE",
    )
    assert pdf is not None
    return pdf


def write_pdf_file(document: Document, target: Path) -> None:  # pragma: no cover - helper
    target.write_bytes(render_pdf(document))

"""Report model → HTML through Jinja (autoescape on, StrictUndefined).

The same HTML feeds the standalone preview file and WeasyPrint; only how assets
(fonts, images) are referenced differs.
"""

from __future__ import annotations

import base64
import mimetypes
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from reportgen.document.model import Document
from reportgen.templates_dir import templates_dir

AssetUrl = Callable[[Path], str]


def data_uri(path: Path) -> str:
    mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    if path.suffix == ".otf":
        mime = "font/otf"
    return f"data:{mime};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


def file_uri(path: Path) -> str:
    return path.resolve().as_uri()


def _nl2br(value: str) -> Markup:
    return Markup("<br>").join(escape(part) for part in str(value).split("\n"))


@lru_cache(maxsize=4)
def environment(directory: Path) -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(directory)),
        autoescape=select_autoescape(["html", "j2", "xml"], default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["nl2br"] = _nl2br
    return env


def render_html(
    document: Document,
    asset_url: AssetUrl = data_uri,
    for_print: bool = False,
    extra_head: str = "",
) -> str:
    """The report as one HTML page. *asset_url* maps a local file to the URL to use for it."""
    directory = templates_dir()
    css = (directory / "report.css").read_text(encoding="utf-8")
    fonts = {p.stem: asset_url(p) for p in sorted((directory / "fonts").glob("*.otf"))}
    template = environment(directory).get_template("report.html.j2")
    return template.render(
        doc=document,
        css=Markup(css),
        fonts=fonts,
        asset_url=asset_url,
        for_print=for_print,
        extra_head=Markup(extra_head),
    )

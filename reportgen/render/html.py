"""Report model → HTML through Jinja (autoescape on, StrictUndefined).

The same HTML feeds the standalone preview file and WeasyPrint; only how assets
(fonts, images) are referenced differs.
"""

from __future__ import annotations

import base64
import mimetypes
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from reportgen.document import layout
from reportgen.document.model import Document, Image
from reportgen.templates_dir import templates_dir

# What the templates ask a URL for: a file (a font, the logo), or a picture of the report
# (`Image`), which may be held in memory and then has no file at all.
Asset = Path | Image
AssetUrl = Callable[[Asset], str]


def image_data_uri(image: Image) -> str:
    """An in-memory picture as a data: URI (the same picture always gives the same URI)."""
    assert image.in_memory, "only in-memory pictures become data: URIs here"
    data = image.picture()
    return f"data:{image.media_type};base64,{base64.b64encode(data).decode('ascii')}"


DRAWING_SCHEME = "reportgen-diagram"


def drawing_uri(image: Image) -> str:
    """The URI a drawing has in the HTML for print, known before it is drawn: WeasyPrint
    asks the fetcher for it when it lays out the picture (render/fetch.py)."""
    return f"{DRAWING_SCHEME}:{image.key}.png"


def data_uri(asset: Asset) -> str:
    """Everything embedded: the standalone HTML file needs nothing beside it."""
    if isinstance(asset, Image):
        if asset.in_memory:
            return image_data_uri(asset)
        assert asset.path is not None
        asset = asset.path
    mime = mimetypes.guess_type(asset.name)[0] or "application/octet-stream"
    if asset.suffix in (".otf", ".ttf"):
        mime = f"font/{asset.suffix[1:]}"
    return f"data:{mime};base64,{base64.b64encode(asset.read_bytes()).decode('ascii')}"


def file_uri(asset: Asset) -> str:
    """Files by file: URI, pictures held in memory as data: URIs, drawings by their
    `drawing_uri` (for WeasyPrint, whose fetcher answers for exactly the in-memory
    pictures of the document it renders)."""
    if isinstance(asset, Image):
        if asset.drawing is not None:
            return drawing_uri(asset)
        if asset.data is not None:
            return image_data_uri(asset)
        assert asset.path is not None
        asset = asset.path
    return asset.resolve().as_uri()


# A date or number with hyphens between digits (2023-08-31, 222000-2485) never ends a line:
# the PDF keeps it whole by itself (UAX #14), a browser breaks after the hyphen; the DOCX
# writes its hyphen non-breaking (render/docx_ooxml.py).
_HYPHENATED_DIGITS = re.compile(r"\d+(?:-\d+)+")


def _cell_line(part: str) -> Markup:
    out, last = [], 0
    for match in _HYPHENATED_DIGITS.finditer(part):
        out += [escape(part[last:match.start()]),
                Markup('<span class="nobr">%s</span>') % match.group()]
        last = match.end()
    out.append(escape(part[last:]))
    return Markup("").join(out)


def _nl2br(value: str) -> Markup:
    return Markup("<br>").join(_cell_line(part) for part in str(value).split("\n"))


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
    """The report as one HTML page.

    *asset_url* maps a local file, or a picture of the report (an `Image`, possibly held
    in memory), to the URL to use for it.
    """
    directory = templates_dir()
    css = (directory / "report.css").read_text(encoding="utf-8")
    template = environment(directory).get_template("report.html.j2")
    return template.render(
        doc=document,
        layout=layout,  # the layout policy the model follows (the cover's geometry)
        css=Markup(css),
        asset_url=asset_url,
        for_print=for_print,
        extra_head=Markup(extra_head),
    )

"""The report model → what WeasyPrint needs to lay out its PDF, as plain data.

`print_job` renders the HTML for print and collects what the fetcher may serve (the
project folder, the pictures held in memory, the names of the drawings, and where in the
YAML each picture is named), the link descriptions and the date. A drawing (a chart) is
not drawn for the job: the HTML names it by its key, and its bytes are handed to the
fetcher separately (`drawings`), so that another process may draw them while WeasyPrint
starts on the job. The PDF itself is made from that by
`reportgen.render.pdf.write_pdf`, possibly in another process (reportgen/forked.py),
which imports this module to unpickle the job: so it imports neither WeasyPrint nor, but
inside the functions that make a job, the report model and Jinja.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from reportgen.findings import Location

if TYPE_CHECKING:
    from reportgen.document.model import Block, Document, Image, Section


@dataclass(frozen=True)
class PrintJob:
    html: str  # the report as HTML for print (fonts and pictures by file: URI)
    project: Path  # the folder pictures may be read from
    locations: dict[Path, Location]  # a picture file → where the YAML names it
    held: dict[str, tuple[bytes, str]]  # data: URI → the in-memory picture and its type
    drawn: tuple[str, ...]  # the URIs of the drawings (render/html.py drawing_uri), in order
    targets: dict[str, str]  # anchor id → what a link to it is called
    variant: str  # "ua" or "a"
    created: str  # the creation date, "YYYY-MM-DDTHH:MM:SSZ"


def images(document: Document) -> Iterator[Image]:
    """Every picture the report shows: the cover logo and images inside sections."""
    from reportgen.document.model import Image, ListBlock, Quote, Section

    if document.cover.logo is not None:
        yield document.cover.logo

    def walk(blocks: tuple[Block | Section, ...] | tuple[Block, ...]) -> Iterator[Image]:
        for block in blocks:
            if isinstance(block, Image):
                yield block
            elif isinstance(block, Section):
                yield from walk(block.blocks)
            elif isinstance(block, ListBlock):
                for item in block.items:
                    yield from walk(item)
            elif isinstance(block, Quote):
                yield from walk(block.blocks)

    yield from walk(document.sections)


def drawings(document: Document) -> dict[str, Image]:
    """The document's drawings by the URI the HTML for print gives them, in the order the
    report shows them (an equal drawing shown twice is one)."""
    from reportgen.render.html import drawing_uri

    return {drawing_uri(image): image for image in images(document) if image.drawing is not None}


def build_date() -> datetime:
    """SOURCE_DATE_EPOCH if set (reproducible builds), else now; in UTC, whole seconds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    seconds = int(epoch) if epoch.isdigit() else int(time.time())
    return datetime.fromtimestamp(seconds, UTC)


def link_targets(document: Document) -> dict[str, str]:
    """Anchor id → what a link to it should be called: the heading or table caption."""
    targets = {table.id: table.caption for table in document.tables() if table.caption}
    targets.update({s.id: " ".join(s.heading.split()) for s in document.walk_sections()})
    return targets


def print_job(document: Document, variant: str) -> PrintJob:
    """What WeasyPrint needs for *document*: its in-memory pictures under exactly the URIs
    the HTML for print gives them (`file_uri`), its picture files by resolved path."""
    from reportgen.render.html import file_uri, render_html

    locations: dict[Path, Location] = {}
    held: dict[str, tuple[bytes, str]] = {}
    for image in images(document):
        if image.drawing is not None:
            continue
        if image.data is not None:
            held[file_uri(image)] = (image.data, image.media_type)
        elif image.path is not None and image.location is not None:
            # the HTML names the file by its resolved path (file_uri), the model may not
            locations[image.path] = image.location
            locations[image.path.resolve()] = image.location
    return PrintJob(
        html=render_html(document, asset_url=file_uri, for_print=True),
        project=document.base_dir,
        locations=locations,
        held=held,
        drawn=tuple(drawings(document)),
        targets=link_targets(document),
        variant=variant,
        created=build_date().strftime("%Y-%m-%dT%H:%M:%SZ"),
    )

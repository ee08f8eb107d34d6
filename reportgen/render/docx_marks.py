"""The marks a reportgen DOCX carries so that `reportgen återför` can bring Word edits back.

- Every paragraph of a narrative block is inside a bookmark naming the block's text and
  place (``_Rg{digest}_{block}_{paragraph}``, see reportgen/document/origin.py); every figure
  filled into the text inside one naming the figure (``_RgF{digest}_{index}``); every table
  has one in its first cell (``_RgT{hash of the table id}``).
- The package carries custom document properties saying which report it is
  (``IDENTITY``): organisation number, year, kind of report and the YAML file.

Why bookmarks: they are kept when the document is edited and saved in Word, and when
LibreOffice opens and saves it again (``soffice --convert-to docx``, LibreOffice 7.4),
one bookmark per paragraph. Content controls (w:sdt with w:tag) were tried too:
LibreOffice 7.4 keeps the controls but drops their tags, and a bookmark spanning several
paragraphs comes back from LibreOffice split in two with the same name — hence one
bookmark per paragraph. Names begin with an underscore, so Word lists them only among its
hidden bookmarks. Custom properties survive both programs.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from reportgen.document.origin import Origin

PREFIX = "_Rg"
_BLOCK = re.compile(r"_Rg([0-9a-f]{8})_(\d{3})_(\d{3})$")
_FIGURE = re.compile(r"_RgF([0-9a-f]{8})_(\d{3})$")
_TABLE = re.compile(r"_RgT([0-9a-f]{8})$")


@dataclass(frozen=True)
class BlockMark:
    digest: str  # the text's (TextSource.digest)
    block: int
    paragraph: int  # the paragraph's place among the block's paragraphs


@dataclass(frozen=True)
class FigureMark:
    digest: str
    index: int  # FigureRef.index


@dataclass(frozen=True)
class TableMark:
    key: str  # table_key(Table.id)


def block_mark(origin: Origin, paragraph: int) -> str:
    return f"{PREFIX}{origin.text.digest}_{origin.block:03d}_{paragraph:03d}"


def figure_mark(digest: str, index: int) -> str:
    return f"{PREFIX}F{digest}_{index:03d}"


def table_key(table_id: str) -> str:
    return hashlib.sha256(table_id.encode("utf-8")).hexdigest()[:8]


def table_mark(table_id: str) -> str:
    return f"{PREFIX}T{table_key(table_id)}"


def parse(name: str) -> BlockMark | FigureMark | TableMark | None:
    """What a bookmark name marks; None for any other bookmark."""
    if not name.startswith(PREFIX):
        return None
    if found := _BLOCK.match(name):
        return BlockMark(found.group(1), int(found.group(2)), int(found.group(3)))
    if found := _FIGURE.match(name):
        return FigureMark(found.group(1), int(found.group(2)))
    if found := _TABLE.match(name):
        return TableMark(found.group(1))
    return None


# -- which report a DOCX is ----------------------------------------------------------------------
# Custom document properties (docProps/custom.xml); Word shows them under Egenskaper → Anpassad.
GENERATOR = "reportgen"
IDENTITY = {
    "generator": "reportgen",
    "organisation_number": "reportgen.organisationsnummer",
    "year": "reportgen.rakenskapsar",
    "kind": "reportgen.rapporttyp",
    "source": "reportgen.kalla",
}

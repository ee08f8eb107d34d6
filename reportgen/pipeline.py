"""load → schema → compute → document: everything up to (not including) rendering."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportgen.compute.statements import Ekonomiberakning, compute_ekonomi
from reportgen.document.build import build_document
from reportgen.document.model import Document
from reportgen.findings import Finding
from reportgen.load import Source, load_yaml
from reportgen.schema import Indata
from reportgen.validate import validate


@dataclass(frozen=True)
class Prepared:
    source: Source
    indata: Indata
    eko: Ekonomiberakning
    document: Document
    warnings: tuple[Finding, ...]


def prepare(file: Path, draft: bool = False) -> Prepared:
    """Everything a renderer needs; raises UserError on bad input. Writes nothing."""
    source = load_yaml(file)
    indata = validate(source)
    eko = compute_ekonomi(indata)
    document, warnings = build_document(indata, source, eko, draft)
    return Prepared(source, indata, eko, document, (*source.warnings, *warnings))

"""Open a DOCX file: its parts as XML, its hyperlinks and its custom properties.

Nothing in the file is trusted: it is read as a zip of bounded size, XML is parsed without
entities or network access, and anything that is not a WordprocessingML document is a
Swedish user error.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from reportgen.findings import Finding, Location, Severity, UserError

MAX_PART = 64 * 1024 * 1024  # bytes of one XML part
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REL = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CUSTOM = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                          remove_blank_text=False)


@dataclass
class Package:
    """The parts of a DOCX that reading its text needs."""

    file: Path
    document: etree._Element
    styles: etree._Element | None = None
    numbering: etree._Element | None = None
    comments: etree._Element | None = None
    hyperlinks: dict[str, str] = field(default_factory=dict)  # r:id → URL
    properties: dict[str, str] = field(default_factory=dict)  # custom document properties
    status: str = ""  # the core property contentStatus ("Utkast" for a draft)

    @property
    def body(self) -> etree._Element:
        body = self.document.find(f"{{{W}}}body")
        assert body is not None  # read_package refuses a document without one
        return body


def refuse(file: Path, message: str) -> UserError:
    return UserError([Finding(Location(file), message, Severity.ERROR, "",
                              "återför.docx")])


def read_package(file: Path, data: bytes | None = None) -> Package:
    """The DOCX at *file* (or its bytes *data*); a UserError (in Swedish) when it is not one."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(file.read_bytes() if data is None else data))
    except FileNotFoundError:
        raise refuse(file, "filen finns inte") from None
    except (OSError, zipfile.BadZipFile):
        raise refuse(file, "filen är inte en Word-fil (DOCX)") from None
    with archive:
        def xml(name: str) -> etree._Element | None:
            try:
                info = archive.getinfo(name)
            except KeyError:
                return None
            if info.file_size > MAX_PART:
                raise refuse(file, f"delen {name} i Word-filen är för stor")
            try:
                return etree.fromstring(archive.read(name), _PARSER)
            except etree.XMLSyntaxError:
                raise refuse(file, f"delen {name} i Word-filen är trasig") from None

        main = _main_part(archive, xml)
        if main is None:
            raise refuse(file, "filen är inte en Word-fil (DOCX): dokumentdelen saknas")
        document = xml(main)
        if document is None or document.find(f"{{{W}}}body") is None:
            raise refuse(file, "filen är inte en Word-fil (DOCX): dokumentet saknar text")
        folder = posixpath.dirname(main)
        rels = xml(posixpath.join(folder, "_rels", posixpath.basename(main) + ".rels"))
        targets: dict[str, str] = {}  # relationship type → part
        hyperlinks: dict[str, str] = {}
        for rel in rels.iter(f"{{{REL}}}Relationship") if rels is not None else ():
            kind = rel.get("Type", "").rsplit("/", 1)[-1]
            target = rel.get("Target", "")
            if rel.get("TargetMode") == "External":
                if kind == "hyperlink":
                    hyperlinks[rel.get("Id", "")] = target
                continue
            targets.setdefault(kind, posixpath.normpath(posixpath.join(folder, target)))
        return Package(
            file=file,
            document=document,
            styles=xml(targets["styles"]) if "styles" in targets else None,
            numbering=xml(targets["numbering"]) if "numbering" in targets else None,
            comments=xml(targets["comments"]) if "comments" in targets else None,
            hyperlinks=hyperlinks,
            properties=_custom_properties(xml("docProps/custom.xml")),
            status=_content_status(xml("docProps/core.xml")),
        )


def _main_part(archive: zipfile.ZipFile, xml) -> str | None:  # type: ignore[no-untyped-def]
    rels = xml("_rels/.rels")
    for rel in rels.iter(f"{{{REL}}}Relationship") if rels is not None else ():
        if rel.get("Type", "").endswith("/officeDocument"):
            return str(rel.get("Target", "")).lstrip("/")
    return "word/document.xml" if "word/document.xml" in archive.namelist() else None


def _content_status(root: etree._Element | None) -> str:
    if root is None:
        return ""
    found = root.find("{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
                      "contentStatus")
    return (found.text or "").strip() if found is not None else ""


def _custom_properties(root: etree._Element | None) -> dict[str, str]:
    if root is None:
        return {}
    out = {}
    for prop in root.iter(f"{{{CUSTOM}}}property"):
        value = next(iter(prop), None)
        out[prop.get("name", "")] = (value.text or "") if value is not None else ""
    return out

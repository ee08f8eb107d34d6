"""HTML → PDF through WeasyPrint. Imported only when a PDF is asked for.

Two variants, both tagged for accessibility from the same HTML:

- ``ua`` (default): PDF/UA-1, the accessible file to publish on the website (DOS-lagen);
- ``a``: PDF/A-2a for the archive, which also carries the PDF/UA-1 identification.

WeasyPrint does the layout and the tagging; a finisher then repairs what WeasyPrint 70
leaves out of the structure tree (table header /Scope, running-header elements, link
descriptions) and, for PDF/A, completes the XMP metadata. It works on WeasyPrint's PDF
objects in memory, just before they are serialised, so the file is written once and
never read back (it costs about 1 % of the PDF: scripts/bench_build.py). Resources are
fetched only through `reportgen.render.fetch.ProjectFetcher`; pictures the document
holds in memory reach it as data: URIs, and its drawings (charts) by their own URIs,
that the fetcher answers for, and only for, this document.

`write_pdf` takes a `PrintJob` (reportgen/render/pdf_job.py: plain data made from the
report model), so the PDF can be laid out in a process that has imported WeasyPrint
and nothing of the report model; `render_pdf` does both steps here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

import pydyf
from weasyprint import HTML  # heavy import: keep it out of check and serve

from reportgen.render.fetch import ProjectFetcher, ResourceRefused
from reportgen.templates_dir import templates_dir

if TYPE_CHECKING:
    from reportgen.document.model import Document
    from reportgen.render.pdf_job import PrintJob

# Our name for a variant → WeasyPrint's.
VARIANTS: dict[str, str] = {"ua": "pdf/ua-1", "a": "pdf/a-2a"}
DEFAULT_VARIANT = "ua"

_PDFUA_XMP = (
    # PDF/UA identification, and (as PDF/A requires for a schema it does not predefine) its
    # declaration as a PDF/A extension schema.
    b'<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"'
    b' pdfuaid:part="1"/>'
    b'<rdf:Description rdf:about=""'
    b' xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"'
    b' xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"'
    b' xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">'
    b'<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">'
    b"<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>"
    b"<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>"
    b"<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>"
    b'<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">'
    b"<pdfaProperty:name>part</pdfaProperty:name>"
    b"<pdfaProperty:valueType>Integer</pdfaProperty:valueType>"
    b"<pdfaProperty:category>internal</pdfaProperty:category>"
    b"<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed"
    b"</pdfaProperty:description>"
    b"</rdf:li></rdf:Seq></pdfaSchema:property>"
    b"</rdf:li></rdf:Bag></pdfaExtension:schemas></rdf:Description>"
)


Drawings = Mapping[str, Callable[[], bytes]]  # a drawing's URI → how to get its bytes


def job_fetcher(job: PrintJob, drawings: Drawings) -> ProjectFetcher:
    """The fetcher for *job*: its project folder, reportgen's templates, its pictures, and
    its drawings from *drawings* (which must have every one of `job.drawn`)."""
    missing = set(job.drawn) - set(drawings)
    if missing:
        raise ValueError(f"no bytes for the drawings {sorted(missing)}")
    return ProjectFetcher(job.project, templates_dir(), job.locations, job.held,
                          {uri: drawings[uri] for uri in job.drawn})


def drawn_here(document: Document) -> Drawings:
    """The document's drawings, drawn in this process when WeasyPrint asks for them."""
    from reportgen.render.pdf_job import drawings

    return {uri: image.picture for uri, image in drawings(document).items()}


def make_fetcher(document: Document) -> ProjectFetcher:
    """A fetcher for this document (as `render_pdf` makes one)."""
    from reportgen.render.pdf_job import print_job

    return job_fetcher(print_job(document, DEFAULT_VARIANT), drawn_here(document))


def render_pdf(
    document: Document, variant: str = DEFAULT_VARIANT, fetcher: ProjectFetcher | None = None
) -> bytes:
    """The report as a tagged PDF. Raises UserError if a picture cannot be used."""
    from reportgen.render.pdf_job import print_job

    job = print_job(document, variant)
    return write_pdf(job, fetcher or job_fetcher(job, drawn_here(document)))


def write_pdf(
    job: PrintJob, fetcher: ProjectFetcher,
    after_layout: Callable[[], None] | None = None,
) -> bytes:
    """The PDF of *job*, its resources from *fetcher* (`job_fetcher`). Raises UserError if
    a picture cannot be used.

    *after_layout* is called between WeasyPrint's layout and its drawing of the pages.
    """
    if job.variant not in VARIANTS:
        raise ValueError(f"unknown PDF variant {job.variant!r}")
    try:
        rendered = HTML(string=job.html, base_url=str(templates_dir()), url_fetcher=fetcher).render()
        if after_layout is not None:
            after_layout()
        rendered.metadata.created = job.created
        rendered.metadata.modified = job.created
        rendered.metadata.attachments = []  # never embed files, whatever the HTML says
        pdf = rendered.write_pdf(
            pdf_variant=VARIANTS[job.variant],
            finisher=_Finisher(job.variant, job.targets),
            custom_metadata=False,
            uncompressed_pdf=False,
            attachments=[],
        )
    except ResourceRefused as refused:
        raise refused.user_error() from None
    assert pdf is not None
    return pdf


class _Finisher:
    """Post-processing of WeasyPrint's PDF objects, just before they are written."""

    def __init__(self, variant: str, targets: dict[str, str]) -> None:
        self.variant = variant
        self.targets = targets

    def __call__(self, _document: Any, pdf: Any) -> None:
        set_table_header_scope(pdf)
        mark_running_content_as_artifacts(pdf)
        describe_internal_links(pdf, self.targets)
        if self.variant == "a":
            add_pdfua_identification(pdf)


def _object(pdf: Any, reference: Any) -> Any:
    """The object a pydyf reference (b"12 0 R") points at."""
    text = reference.decode() if isinstance(reference, bytes) else str(reference)
    return pdf.objects[int(text.split()[0])]


def set_table_header_scope(pdf: Any) -> int:
    """Give every /TH a /Scope: /Column in a header row group, /Row elsewhere.

    WeasyPrint 70 links data cells to headers with /Headers but writes no /Scope on the
    header cells, so assistive technology reading the header cell itself cannot tell
    whether it heads a column or a row. Our templates put `scope="col"` headers only in
    <thead> and `scope="row"` headers only in <tbody>, which this mirrors.
    Returns the number of header cells changed.
    """
    changed = 0
    for obj in pdf.objects:
        if not isinstance(obj, dict) or obj.get("S") != "/TH":
            continue
        row = _object(pdf, obj["P"])
        group = _object(pdf, row["P"]) if row.get("S") == "/TR" else None
        scope = "/Column" if group is not None and group.get("S") == "/THead" else "/Row"
        attributes = obj.get("A")
        if not isinstance(attributes, dict):
            attributes = pydyf.Dictionary({"O": "/Table"})
            obj["A"] = attributes
        attributes["Scope"] = scope
        changed += 1
    return changed


def describe_internal_links(pdf: Any, targets: dict[str, str]) -> int:
    """Give links inside the report a description a listener understands.

    WeasyPrint uses the anchor id as a link's /Contents ("ordforande-har-ordet"); a screen
    reader reads it out. The heading (or table caption) the link leads to is what it
    should say. Returns the number of links described.
    """
    described = 0
    for obj in pdf.objects:
        if not isinstance(obj, dict) or obj.get("Subtype") != "/Link" or "Dest" not in obj:
            continue
        anchor = getattr(obj["Dest"], "string", obj["Dest"])
        if isinstance(anchor, str) and anchor in targets:
            obj["Contents"] = pydyf.String(targets[anchor])
            described += 1
    return described


def _reference_number(value: Any) -> int | None:
    if isinstance(value, bytes | str):
        text = value.decode() if isinstance(value, bytes) else value
        parts = text.split()
        if len(parts) == 3 and parts[2] == "R" and parts[0].isdigit():
            return int(parts[0])
    return None


def _reachable_elements(pdf: Any, root: Any) -> set[int]:
    seen: set[int] = set()
    stack = [n for n in map(_reference_number, root["K"]) if n is not None]
    while stack:
        number = stack.pop()
        if number in seen:
            continue
        obj = pdf.objects[number]
        if not isinstance(obj, dict) or obj.get("Type") != "/StructElem":
            continue
        seen.add(number)
        kids = obj.get("K", [])
        for kid in kids if isinstance(kids, list) else [kids]:
            child = _reference_number(kid)
            if child is not None:
                stack.append(child)
    return seen


def mark_running_content_as_artifacts(pdf: Any) -> int:
    """Turn the running header and footer into pagination artifacts.

    WeasyPrint 70 marks the text of page-margin boxes as /Span content with an MCID whose
    structure element is never linked into the structure tree (tags.py says so: an
    Artifact there would need PDF 2.0). PDF/UA wants running heads and page numbers to be
    artifacts, so a screen reader skips them. Those MCIDs come last on each page; they are
    re-marked `/Artifact <</Type /Pagination>>` and dropped from the parent tree.
    Returns the number of marked-content sequences changed.
    """
    catalog_root = _object(pdf, pdf.catalog["StructTreeRoot"])
    reachable = _reachable_elements(pdf, catalog_root)
    nums = _object(pdf, catalog_root["ParentTree"])["Nums"]
    kids = pdf.pages["Kids"]  # pydyf keeps it flat: [n, 0, "R", n, 0, "R", …]
    pages = [pdf.objects[int(number)] for number in kids[0::3]]
    changed = 0
    for index in range(0, len(nums), 2):
        key, parents = nums[index], nums[index + 1]
        if not isinstance(parents, list) or not isinstance(key, int) or key >= len(pages):
            continue  # an annotation's entry, not a page's
        orphans = [mcid for mcid, ref in enumerate(parents) if _reference_number(ref) not in reachable]
        if not orphans or orphans != list(range(len(parents) - len(orphans), len(parents))):
            continue  # nothing to do, or not the layout this repair understands
        contents = _object(pdf, pages[key]["Contents"])
        operations = contents.stream
        # The orphans' sequences are the page's last (the margin boxes are drawn last), and
        # an MCID marks one sequence: look from the end, and only until all are found.
        remaining = set(orphans)
        for position in range(len(operations) - 2, 0, -1):
            item = operations[position]
            if (
                isinstance(item, dict)
                and item.get("MCID") in remaining
                and operations[position + 1] == b"BDC"
            ):
                operations[position - 1] = "/Artifact"
                operations[position] = pydyf.Dictionary({"Type": "/Pagination"})
                changed += 1
                remaining.discard(item["MCID"])
                if not remaining:
                    break
        for ref in parents[len(parents) - len(orphans) :]:
            orphan = _object(pdf, ref)
            orphan["K"] = pydyf.Array()  # the dangling element no longer claims content
        del parents[len(parents) - len(orphans) :]
    return changed


def add_pdfua_identification(pdf: Any) -> None:
    """Declare PDF/UA-1 in the XMP of a PDF/A file (with its PDF/A extension schema)."""
    metadata = _object(pdf, pdf.catalog["Metadata"])
    content = b"\n".join(part if isinstance(part, bytes) else str(part).encode() for part in metadata.stream)
    closing = b"</rdf:RDF>"
    assert content.count(closing) == 1, "unexpected XMP from WeasyPrint"
    metadata.stream = [content.replace(closing, _PDFUA_XMP + closing)]

"""PDF builds beyond the session's example build: reproducibility, the PDF/A variant, hostile
Markdown and pictures that must not be used. Each test renders as little as it can."""

from __future__ import annotations

import dataclasses
import io
import shutil
import subprocess
from pathlib import Path

import pdfstruct
import pikepdf
import pytest

from reportgen.findings import UserError
from reportgen.pipeline import prepare
from reportgen.render.pdf import make_fetcher, render_pdf
from reportgen.templates_dir import templates_dir

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"

HOSTILE = """

<img src="file:///etc/passwd">

<link rel="attachment" href="file:///etc/passwd">

<script>alert("hej")</script>

<iframe src="https://example.org/"></iframe>

![lösenorden](file:///etc/passwd) och [en länk](file:///etc/passwd)

| Rad | Belopp |
|-----|-------:|
{rows}
"""


def copy_project(tmp_path: Path) -> Path:
    target = tmp_path / "projekt"
    shutil.copytree(CONTENT, target, symlinks=True)
    return target / "2023.yaml"


def test_same_input_and_source_date_epoch_give_identical_bytes(
    example_prepared,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1710374400")  # 2024-03-14 00:00:00 UTC
    first = render_pdf(example_prepared.document)
    second = render_pdf(example_prepared.document)
    assert first == second
    with pikepdf.open(io.BytesIO(first)) as pdf:
        assert str(pdf.docinfo.CreationDate) == "D:20240314000000Z"
        assert pdf.open_metadata()["xmp:CreateDate"] == "2024-03-14T00:00:00Z"


def test_pdf_a_variant_from_the_command_line(tmp_path: Path) -> None:
    from pdfua import Severity, validate

    from reportgen.cli import main

    out = tmp_path / "ut"
    code = main(
        ["build", str(CONTENT / "2023.yaml"), "--out", str(out), "--format", "pdf", "--pdf-variant", "a"]
    )
    assert code == 0
    path = out / "2023.pdf"
    with pikepdf.open(path) as pdf:
        meta = pdf.open_metadata()
        assert (meta["pdfaid:part"], meta["pdfaid:conformance"]) == ("2", "A")
        assert meta["pdfuaid:part"] == "1"  # still the accessible file
        xmp = bytes(pdf.Root.Metadata.read_bytes())
        assert b"<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>" in xmp  # declared for PDF/A
        intent = pdf.Root.OutputIntents[0]
        assert intent.S == "/GTS_PDFA1" and "/DestOutputProfile" in intent
        assert "/ID" in pdf.trailer
        assert str(pdf.Root.Lang).startswith("sv")
    report = validate(str(path))
    counts = report.count_by_severity()
    assert counts[Severity.ERROR] == 0 and counts[Severity.WARNING] == 0, [f.message for f in report.findings]
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    assert all(line.split()[-5] == "yes" for line in fonts.stdout.splitlines()[2:])


def test_hostile_markdown_builds_safely(tmp_path: Path) -> None:
    """Raw HTML in Markdown is text, file: links and pictures go nowhere, nothing outside
    the project is read or embedded; and a long table repeats its header on every page."""
    yaml = copy_project(tmp_path)
    project = yaml.parent
    inledning = project / "text" / "inledning.md"
    rows = "\n".join(f"| Rad {i} | {i * 1000} |" for i in range(1, 91))
    inledning.write_text(inledning.read_text(encoding="utf-8") + HOSTILE.format(rows=rows), encoding="utf-8")
    document = prepare(yaml).document
    fetcher = make_fetcher(document)
    path = tmp_path / "rapport.pdf"
    path.write_bytes(render_pdf(document, fetcher=fetcher))

    # every file WeasyPrint asked for is the project's or reportgen's own
    assert fetcher.requested
    roots = (project.resolve(), templates_dir().resolve())
    from reportgen.render.html import file_uri
    from reportgen.render.pdf_job import images

    charts = [i for i in images(document) if i.drawing is not None]  # drawn in memory
    assert charts  # Året i siffror's charts, so the fetcher's exception for them is exercised
    own = {file_uri(i) for i in charts}
    for url in fetcher.requested:
        if url in own:
            continue
        assert url.startswith("file:///") and "passwd" not in url and "example.org" not in url
        local = Path(url.removeprefix("file://"))
        assert any(local.resolve().is_relative_to(root) for root in roots), url

    with pikepdf.open(path) as pdf:
        assert "/Names" not in pdf.Root or "/EmbeddedFiles" not in pdf.Root.Names
        images: set[tuple[int, int]] = set()
        for page in pdf.pages:
            for annot in page.get("/Annots", []):
                assert annot.Subtype != "/FileAttachment"
                action = annot.get("/A")
                uri = str(action.get("/URI", "")) if action is not None else ""
                assert not uri.startswith("file:"), uri
            for x in page.Resources.get("/XObject", {}).values():
                if x.get("/Subtype") == "/Image":
                    images.add(x.objgen)
        assert len(images) == 1 + len(charts)  # the logo and the report's own charts, nothing else

    text = pdfstruct.norm(" ".join(pdfstruct.page_texts(path)))
    assert '<script>alert("hej")</script>' in text
    assert '<img src="file:///etc/passwd">' in text
    assert '<link rel="attachment" href="file:///etc/passwd">' in text

    t = pdfstruct.read(path)
    parts = [
        table
        for table in t.elements("/Table")
        if any(t.text(th) == "Rad" for th in table.walk() if th.role == "/TH")
    ]
    assert len(parts) >= 2, "the long table should run over a page break"
    pages = [table.page or 0 for table in parts]
    assert pages == sorted(set(pages))
    for table in parts:  # each page's part starts with the header row
        head = next(c for c in table.children if c.role == "/THead")
        assert [t.text(th) for th in head.walk() if th.role == "/TH"] == ["Rad", "Belopp"]
    body_rows = [
        t.text(tr)
        for table in parts
        for tr in table.walk()
        if tr.role == "/TR" and any(a.role == "/TBody" for a in tr.ancestors())
    ]
    assert len(body_rows) == 90  # no row split in two


def test_a_logo_that_leads_out_of_the_project_stops_the_build(tmp_path: Path) -> None:
    """Even if a symlink slipped past the input checks, the fetcher refuses it, and says
    where in the YAML the logo is named."""
    document = prepare(copy_project(tmp_path)).document
    logo = document.cover.logo
    assert logo is not None and logo.location is not None
    outside = tmp_path / "utanför.png"
    shutil.copy(logo.path, outside)
    link = document.base_dir / "bilder" / "genväg.png"
    link.symlink_to(outside)
    moved = dataclasses.replace(logo, path=link)
    bad = dataclasses.replace(document, cover=dataclasses.replace(document.cover, logo=moved))
    with pytest.raises(UserError) as caught:
        render_pdf(bad)
    (finding,) = caught.value.findings
    assert "utanför projektmappen" in finding.message
    assert finding.location == logo.location


def test_a_logo_that_disappeared_is_an_error_not_a_gap(example_prepared, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    document = example_prepared.document
    logo = document.cover.logo
    assert logo is not None
    gone = dataclasses.replace(logo, path=document.base_dir / "bilder" / "finns-inte.png")
    bad = dataclasses.replace(document, cover=dataclasses.replace(document.cover, logo=gone))
    with pytest.raises(UserError) as caught:
        render_pdf(bad)
    (finding,) = caught.value.findings
    assert "finns inte" in finding.message
    assert finding.location == logo.location  # förbund.logotyp in the YAML

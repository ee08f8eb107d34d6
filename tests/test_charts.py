"""Answer-distribution charts are drawn in memory: building, previewing or failing never
writes into the content folder, and every output still shows the chart with its text."""

from __future__ import annotations

import base64
import re
import shutil
import struct
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from reportgen.charts import Fördelningsdiagram, alt_text, fördelningsdiagram
from reportgen.document.model import Image
from reportgen.render.html import data_uri, file_uri
from reportgen.serve.assets import AssetRegistry

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
PNG = b"\x89PNG\r\n\x1a\n"
CHART = Fördelningsdiagram("Fråga 1 (totalt 2023)",
                           ("Inte alls", "2", "3", "4", "5", "Helt och hållet"),
                           (0, 1, 0, 2, 3, 4), (5, 6))
# Rehabteamet, fråga 1, 2023 totalt: 53 % published; 8 positive answers of 15 give the same.
SHARE = "totalt: {rikssnitt: 77, andel: 53}"
DISTRIBUTION = "totalt: {rikssnitt: 77, fördelning: [2, 2, 1, 2, 4, 4]}"
ALT_START = "Stapeldiagram, Får du stöd på ett sätt som är till stor nytta för dig? (totalt 2023)"


def with_charts(folder: Path) -> Path:
    """A copy of the example content whose first question has a distribution and charts
    switched on; returns its YAML file."""
    shutil.copytree(CONTENT, folder)
    yaml_file = folder / "2023.yaml"
    text = yaml_file.read_text(encoding="utf-8")
    settings = "  minsta_antal_svar: 5\n"
    assert text.count(settings) == 1 and SHARE in text
    text = text.replace(settings, settings + "  diagram: true\n").replace(SHARE, DISTRIBUTION, 1)
    yaml_file.write_text(text, encoding="utf-8")
    return yaml_file


def listing(folder: Path) -> list[tuple[str, int, int]]:
    """Every file and folder below *folder* (hidden ones too), with size and mtime."""
    return sorted((str(p.relative_to(folder)), p.lstat().st_size, p.lstat().st_mtime_ns)
                  for p in folder.rglob("*"))


@pytest.fixture
def chart_content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The content copy with charts; the old cache variable points at a folder that must
    stay absent."""
    monkeypatch.setenv("REPORTGEN_CACHE", str(tmp_path / "cache"))
    yield with_charts(tmp_path / "content")
    assert not (tmp_path / "cache").exists()


# -- drawing ------------------------------------------------------------------------------


def test_a_chart_is_png_bytes_and_the_same_chart_gives_the_same_bytes() -> None:
    draw = fördelningsdiagram.__wrapped__  # past the in-process cache: really draw twice
    first, second = draw(CHART), draw(CHART)
    assert first.startswith(PNG) and first == second
    assert b"tEXt" not in first and b"tIME" not in first  # no software name, no date
    assert fördelningsdiagram(CHART) == first
    assert draw(Fördelningsdiagram(CHART.title, CHART.labels, (1, 1, 0, 2, 3, 4),
                                   CHART.positive)) != first


# -- the model ----------------------------------------------------------------------------


def test_an_image_is_either_a_file_or_bytes() -> None:
    data = fördelningsdiagram(CHART)
    held = Image(None, alt_text(CHART), 150, data=data)
    assert held.media_type == "image/png"
    assert re.fullmatch(r"bild-[0-9a-f]{16}\.png", held.name)
    assert data not in repr(held).encode()  # bytes stay out of error messages
    logo = Image(Path("bilder/logotyp.png"), "Logotyp")
    assert logo.media_type == "image/png" and logo.name == "logotyp.png" and logo.data is None
    with pytest.raises(ValueError):
        Image(Path("bilder/logotyp.png"), "Båda", data=data)
    with pytest.raises(ValueError):
        Image(None, "Ingen")
    with pytest.raises(ValueError):
        Image(None, "Ingen bild", data=b"<html>")


# -- HTML and the preview's assets -----------------------------------------------------------


def test_an_in_memory_picture_becomes_a_data_uri_in_html() -> None:
    data = fördelningsdiagram(CHART)
    image = Image(None, "Diagram", data=data)
    expected = "data:image/png;base64," + base64.b64encode(data).decode()
    assert data_uri(image) == expected
    assert file_uri(image) == expected  # for WeasyPrint, whose fetcher answers for it


def test_the_preview_serves_an_in_memory_picture_by_its_hash() -> None:
    registry = AssetRegistry()
    data = fördelningsdiagram(CHART)
    url = registry.url(Image(None, "Diagram", data=data))
    assert url.startswith("/_reportgen/asset/") and url.endswith(".png")
    assert registry.url(Image(None, "Samma bild, annan text", data=data)) == url
    assert registry.held(url) == (data, "image/png")
    assert registry.lookup(url) is None  # not a file
    assert registry.held("/_reportgen/asset/m0123456789abcdef/bild.png") is None
    assert registry.held("/annat/" + url) is None


def test_preview_with_charts_serves_them_and_writes_nothing(chart_content: Path) -> None:
    from reportgen.serve.preview import Preview
    from reportgen.serve.server import make_server, serve_forever_in_thread

    folder = chart_content.parent
    before = listing(folder)
    preview = Preview(chart_content)
    out = folder.parent / "build"
    out.mkdir()
    srv = make_server(preview, out, 0)
    serve_forever_in_thread(srv)
    try:
        preview.rebuild()
        preview.rebuild()  # a refresh
        assert preview.state.status != "fel", preview.state.errors
        base = f"http://127.0.0.1:{srv.port}"
        page = urllib.request.urlopen(base + "/", timeout=10).read().decode("utf-8")
        match = re.search(r'<img src="(/_reportgen/asset/[^"]+)" alt="(Stapeldiagram[^"]*)"', page)
        assert match is not None
        assert match[2].startswith(ALT_START)
        with urllib.request.urlopen(base + match[1], timeout=10) as response:
            assert response.headers["Content-Type"] == "image/png"
            assert response.read().startswith(PNG)
    finally:
        preview.close()
        srv.shutdown()
        srv.server_close()
    assert listing(folder) == before


# -- building ---------------------------------------------------------------------------------


def html_chart(html: str) -> str:
    """The alt text of the chart's <img>, which must carry its picture as a data: URI."""
    match = re.search(r'<img src="data:image/png;base64,([A-Za-z0-9+/=]+)" alt="(Stapeldiagram[^"]*)"',
                      html)
    assert match is not None, "no chart in the HTML"
    assert base64.b64decode(match[1]).startswith(PNG)
    return match[2]


def docx_chart(path: Path) -> str:
    """The description of the DOCX's inline chart picture."""
    from docx_extract import open_docx

    word = open_docx(path)
    inline = [d for d in word.element.body.iter()
              if d.tag.endswith("}docPr") and d.get("descr", "").startswith("Stapeldiagram")]
    assert len(inline) == 1, "no chart picture in the DOCX"
    assert inline[0].getparent().tag.endswith("}inline")
    blips = [part for part in word.part.package.parts if part.content_type == "image/png"]
    assert any(part.blob.startswith(PNG) for part in blips)
    return str(inline[0].get("descr"))


def test_build_html_and_docx_with_charts_writes_nothing_into_the_content_folder(
    chart_content: Path, tmp_path: Path
) -> None:
    from reportgen.commands.build import build

    folder = chart_content.parent
    before = listing(folder)
    written = build(chart_content, tmp_path / "out", ["html", "docx"], draft=False)
    assert listing(folder) == before
    outputs = {p.suffix: p for p in written}
    assert html_chart(outputs[".html"].read_text(encoding="utf-8")).startswith(ALT_START)
    assert docx_chart(outputs[".docx"]).startswith(ALT_START)


def test_a_build_that_fails_after_drawing_writes_nothing_into_the_content_folder(
    chart_content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reportgen.commands import build as build_command
    from reportgen.document.model import Document
    from reportgen.findings import Finding, Location, Severity, UserError

    drawn: list[Document] = []

    def failing(document: Document) -> bytes:  # the charts are drawn by now
        drawn.append(document)
        raise UserError([Finding(Location(chart_content), "test", Severity.ERROR, "", "test")])

    monkeypatch.setitem(build_command.RENDERERS, "docx", failing)
    folder = chart_content.parent
    before = listing(folder)
    with pytest.raises(UserError):
        build_command.build(chart_content, tmp_path / "out", ["html", "docx"], draft=False)
    [document] = drawn
    assert any(isinstance(b, Image) and b.drawing is not None
               for s in document.walk_sections() for b in s.blocks)
    assert listing(folder) == before
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


@pytest.mark.slow
def test_build_all_formats_with_charts_writes_nothing_and_shows_the_chart(
    chart_content: Path, tmp_path: Path
) -> None:
    """The one PDF render here: all three formats, the chart in each, the folder untouched."""
    from pdfstruct import read

    from reportgen.commands.build import build
    from reportgen.pipeline import prepare
    from reportgen.render.fetch import ResourceRefused
    from reportgen.render.pdf import make_fetcher
    from reportgen.render.pdf_job import images

    folder = chart_content.parent
    before = listing(folder)
    written = build(chart_content, tmp_path / "out", ["html", "pdf", "docx"], draft=False)
    assert listing(folder) == before
    outputs = {p.suffix: p for p in written}

    alt = html_chart(outputs[".html"].read_text(encoding="utf-8"))
    assert alt.startswith(ALT_START)
    assert docx_chart(outputs[".docx"]) == alt
    tree = read(outputs[".pdf"])  # kept: its elements live in the open file
    figures = [str(f.obj.get("/Alt", "")) for f in tree.elements("/Figure")]
    assert alt in figures
    sizes = {(int(x.Width), int(x.Height)) for page in tree.pdf.pages
             for x in page.Resources.get("/XObject", {}).values() if x.get("/Subtype") == "/Image"}
    # the chart itself, at its own pixel size (6 in wide at 150 dpi; its height grows with
    # the lines its wrapped title and step names need, so it is read from the PNG)
    [chart_image] = [i for i in images(prepare(chart_content).document)
                     if i.drawing is not None and i.alt.startswith(ALT_START)]
    assert struct.unpack(">II", chart_image.picture()[16:24]) in sizes

    # The fetcher answers for the document's own chart and for nothing like it.
    document = prepare(chart_content).document
    [chart] = [i for i in images(document)
               if i.drawing is not None and i.alt.startswith(ALT_START)]
    fetcher = make_fetcher(document)
    assert file_uri(chart).startswith("reportgen-diagram:")  # its name, before it is drawn
    assert fetcher.fetch(file_uri(chart)).read() == chart.picture()
    other = fördelningsdiagram(CHART)
    for foreign in (data_uri(Image(None, "Främmande", data=other)),
                    data_uri(chart),  # its bytes, but not under the name it has here
                    file_uri(Image(None, "Främmande", drawing=CHART)),
                    file_uri(chart).replace(".png", ".jpg"),
                    file_uri(chart) + "AAAA"):
        with pytest.raises(ResourceRefused):
            fetcher.fetch(foreign)
    assert listing(folder) == before

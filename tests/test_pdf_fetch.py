"""The URL fetcher: WeasyPrint's only door to files, open to the project's pictures and
reportgen's own fonts (and the document's own in-memory pictures) and nothing else. Fast:
only one test renders (two one-page PDFs)."""

from __future__ import annotations

import base64
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from reportgen.cli import parser
from reportgen.findings import Location
from reportgen.render.fetch import ProjectFetcher, ResourceRefused
from reportgen.templates_dir import templates_dir

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC"
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "projekt"
    (root / "bilder").mkdir(parents=True)
    (root / "bilder" / "logotyp.png").write_bytes(PNG)
    (root / "2023.yaml").write_text("förbund: {}\n", encoding="utf-8")
    (tmp_path / "hemligt.png").write_bytes(PNG)
    return root


def fetcher(project: Path, **kwargs: object) -> ProjectFetcher:
    return ProjectFetcher(project, templates_dir(), **kwargs)  # type: ignore[arg-type]


def refusal(f: ProjectFetcher, url: str) -> str:
    with pytest.raises(ResourceRefused) as caught:
        f.fetch(url)
    return caught.value.finding.message


def test_serves_a_picture_from_the_project(project: Path) -> None:
    f = fetcher(project)
    response = f.fetch((project / "bilder" / "logotyp.png").as_uri())
    assert response.read() == PNG
    assert response.content_type == "image/png"
    assert f.requested == [(project / "bilder" / "logotyp.png").as_uri()]


def test_serves_the_tools_own_fonts(project: Path) -> None:
    font = templates_dir() / "fonts" / "Inter-Regular.otf"
    assert fetcher(project).fetch(font.as_uri()).read()[:4] == b"OTTO"


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/logotyp.png",
        "http://127.0.0.1:8000/logotyp.png",
        "ftp://example.org/logotyp.png",
        "data:image/png;base64," + base64.b64encode(PNG).decode(),
    ],
)
def test_refuses_the_network_and_other_schemes(project: Path, url: str) -> None:
    assert "hämtas inte" in refusal(fetcher(project), url)


def test_answers_for_the_documents_own_in_memory_pictures_only(project: Path) -> None:
    """A chart drawn in memory reaches WeasyPrint as a data: URI; the fetcher answers for
    exactly the URIs of the document's own pictures, and refuses every other data: URI."""
    held_uri = "data:image/png;base64," + base64.b64encode(PNG).decode()
    f = fetcher(project, held={held_uri: (PNG, "image/png")})
    response = f.fetch(held_uri)
    assert response.read() == PNG and response.content_type == "image/png"
    other = PNG + b"\0"
    for foreign in (
        "data:image/png;base64," + base64.b64encode(other).decode(),  # another picture
        held_uri.replace("image/png", "image/jpeg"),  # same bytes, another type
        held_uri.replace(";base64", ""),
        held_uri + "%00",
        "data:text/plain,hemligt",
        "data:application/x-yaml;base64," + base64.b64encode(b"a: 1").decode(),
    ):
        assert "hämtas inte" in refusal(f, foreign)
    # ordinary refusals are unchanged beside held pictures
    assert "utanför projektmappen" in refusal(f, (project.parent / "hemligt.png").as_uri())


def test_holds_pictures_only(project: Path) -> None:
    with pytest.raises(ValueError):
        fetcher(project, held={"data:text/plain,x": (b"x", "text/plain")})


def test_refuses_a_file_outside_the_project(project: Path) -> None:
    f = fetcher(project)
    assert "utanför projektmappen" in refusal(f, "file:///etc/passwd")
    assert "utanför projektmappen" in refusal(f, (project.parent / "hemligt.png").as_uri())
    # a path that climbs out with ".." is judged by where it ends up
    climbing = f"file://{project}/bilder/../../hemligt.png"
    assert "utanför projektmappen" in refusal(f, climbing)


def test_refuses_a_file_on_another_host(project: Path) -> None:
    assert "inte på den här datorn" in refusal(fetcher(project), "file://server/delad/logo.png")


def test_refuses_a_symlink_out_of_the_project(project: Path) -> None:
    link = project / "bilder" / "genväg.png"
    link.symlink_to(project.parent / "hemligt.png")
    assert "symlänk" in refusal(fetcher(project), link.as_uri())


def test_a_symlink_within_the_project_is_fine(project: Path) -> None:
    link = project / "logga.png"
    link.symlink_to(project / "bilder" / "logotyp.png")
    assert fetcher(project).fetch(link.as_uri()).read() == PNG


def test_refuses_anything_but_pictures_from_the_project(project: Path) -> None:
    """What a `<link rel=attachment href=2023.yaml>` would ask for."""
    message = refusal(fetcher(project), (project / "2023.yaml").as_uri())
    assert "bara bilder" in message


def test_a_missing_picture_is_an_error_not_a_gap(project: Path) -> None:
    assert "finns inte" in refusal(fetcher(project), (project / "bilder" / "saknas.png").as_uri())


def test_the_error_points_at_where_the_picture_is_named(project: Path) -> None:
    missing = (project / "bilder" / "saknas.png").resolve()
    where = Location(project / "2023.yaml", 9, 12)
    f = fetcher(project, locations={missing: where})
    with pytest.raises(ResourceRefused) as caught:
        f.fetch(missing.as_uri())
    finding = caught.value.finding
    assert finding.location == where
    assert str(finding).startswith(f"{project / '2023.yaml'}:9:12: fel: ")
    assert caught.value.user_error().findings == [finding]


class _Counting(http.server.BaseHTTPRequestHandler):
    """Answers every GET with the picture, and counts it."""

    requests: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        type(self).requests.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.send_header("Content-Length", str(len(PNG)))
        self.end_headers()
        self.wfile.write(PNG)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def picture_server() -> Iterator[tuple[str, list[str]]]:
    """A picture on 127.0.0.1 that records who asks for it: (its URL, the requests)."""
    _Counting.requests = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Counting)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/logotyp.png", _Counting.requests
    server.shutdown()
    server.server_close()


@pytest.mark.slow
def test_a_refusal_stops_weasyprint_and_nothing_is_fetched(
    project: Path, picture_server: tuple[str, list[str]]
) -> None:
    """WeasyPrint swallows an ordinary exception from a fetcher and leaves the picture out;
    a refusal must stop the PDF instead, before anything is fetched from anywhere."""
    from weasyprint import HTML

    url, requests = picture_server
    local = (project / "bilder" / "logotyp.png").as_uri()
    html = f'<p>Rapport</p><img src="{url}" alt="a"><img src="{local}" alt="b">'
    # The probe works: WeasyPrint's own fetcher does ask the server for the picture.
    assert HTML(string=html).write_pdf().startswith(b"%PDF-")
    assert requests == ["/logotyp.png"]
    requests.clear()

    f = fetcher(project)
    with pytest.raises(ResourceRefused) as caught:
        HTML(string=html, base_url=str(project), url_fetcher=f).write_pdf()
    assert "hämtas inte" in caught.value.finding.message
    assert requests == []  # the network was never asked
    assert f.requested[-1] == url  # and nothing was asked for after the refusal


def test_build_takes_a_pdf_variant() -> None:
    args = parser().parse_args(["build", "content/2023.yaml"])
    assert args.pdf_variant == "ua"
    args = parser().parse_args(["build", "content/2023.yaml", "--pdf-variant", "a"])
    assert args.pdf_variant == "a"
    with pytest.raises(SystemExit):
        parser().parse_args(["build", "content/2023.yaml", "--pdf-variant", "x"])

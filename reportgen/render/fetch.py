"""The only door WeasyPrint has to the file system and the network.

WeasyPrint fetches every image, font and stylesheet through a URL fetcher. Ours serves
local files from two places only: the project folder (the folder of the report's YAML,
for images such as the logo) and reportgen's own templates folder (fonts, CSS), plus the
pictures the document itself holds in memory, each under the one exact URI the renderer
gave it, and its drawings (charts) under theirs, got when WeasyPrint asks for them (drawn
then, or sent by the process that draws them). It refuses everything else: http(s), other
data: URIs and other schemes, files outside those folders, symlinks that lead out of
them, and any file that is not of a kind it expects (so a `<link rel=attachment>` cannot
embed the YAML or anything else).

A refusal is never a silently missing picture: it stops the rendering, and
`render_pdf` turns it into a located Swedish user error.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Callable, Mapping
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

from reportgen.findings import Finding, Location, Severity, UserError
from reportgen.limits import PICTURE_BYTES
from reportgen.readfile import Unreadable, inside, read_bytes

# What may be read from the project folder: pictures, nothing else.
PROJECT_KINDS: Mapping[str, str] = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".svg": "image/svg+xml",
}
# What the document may hold in memory (charts are PNG).
HELD_KINDS = frozenset({"image/png", "image/jpeg"})
PNG = b"\x89PNG\r\n\x1a\n"  # what a drawing's bytes begin with
# What may be read from reportgen's own templates folder.
TOOL_KINDS: Mapping[str, str] = {
    **PROJECT_KINDS,
    ".otf": "font/otf",
    ".ttf": "font/ttf",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".css": "text/css",
}


class ResourceRefused(FatalURLFetchingError):
    """Raised inside WeasyPrint; a BaseException there, so rendering stops at once."""

    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.message)
        self.finding = finding

    def user_error(self) -> UserError:
        return UserError([self.finding])


class DrawingMissing(FatalURLFetchingError):
    """A drawing that will never come: the process that was to draw it has ended (what
    ended it is the error to report, not this)."""


def _describe(url: str) -> str:
    return url if len(url) <= 120 else url[:117] + "…"


class ProjectFetcher(URLFetcher):
    """Serve files from *project* (pictures only) and *tool* (fonts, CSS, pictures).

    *locations* maps a resolved file path to where the user named it (e.g. the
    `förbund.logotyp` key of the YAML), so an error points at the right line.
    *held* maps the exact URI of each in-memory picture of the document to its bytes and
    media type (PNG or JPEG), *drawings* the URI of each drawing to what gives its bytes
    (PNG); only those exact URIs are answered without a file.
    Every URL asked for is kept in `requested`, for tests and diagnostics.
    """

    def __init__(
        self,
        project: Path,
        tool: Path,
        locations: Mapping[Path, Location] | None = None,
        held: Mapping[str, tuple[bytes, str]] | None = None,
        drawings: Mapping[str, Callable[[], bytes]] | None = None,
    ) -> None:
        super().__init__(allowed_protocols=("file",), allow_redirects=False)
        self.project = project.resolve()
        self.tool = tool.resolve()
        self.locations = dict(locations or {})
        self.held = dict(held or {})
        if any(kind not in HELD_KINDS for _, kind in self.held.values()):
            raise ValueError("a fetcher holds pictures only (PNG or JPEG)")
        self.drawings = dict(drawings or {})
        self.requested: list[str] = []

    def fetch(self, url: str, headers: Mapping[str, str] | None = None) -> URLFetcherResponse:
        self.requested.append(url)
        if url in self.held:  # exactly one of the document's own in-memory pictures
            body, kind = self.held[url]
            return URLFetcherResponse(url, body=body, headers={"Content-Type": kind})
        if url in self.drawings:  # exactly one of its drawings
            body = self.drawings[url]()
            if not body.startswith(PNG):
                raise ValueError(f"the drawing {url} is not a PNG picture")
            return URLFetcherResponse(url, body=body, headers={"Content-Type": "image/png"})
        path, kind = self._check(url)
        try:
            data = read_bytes(path, PICTURE_BYTES)  # a regular file only: never a pipe
        except Unreadable as exc:
            raise self._refuse(url, path, f"filen {path.name!r} {exc.problem}") from None
        return URLFetcherResponse(path.as_uri(), body=data, headers={"Content-Type": kind})

    # -- the rules ------------------------------------------------------------------------------
    def _check(self, url: str) -> tuple[Path, str]:
        parts = urlsplit(url)
        if parts.scheme.lower() != "file":
            raise self._refuse(
                url,
                None,
                f"{_describe(url)} hämtas inte: rapporten får bara använda filer i projektmappen",
            )
        if parts.netloc not in ("", "localhost"):
            raise self._refuse(url, None, f"{_describe(url)} ligger inte på den här datorn")
        path = Path(url2pathname(unquote(parts.path)))
        if inside(path, self.project):
            allowed, where = PROJECT_KINDS, "projektmappen"
        elif inside(path, self.tool):
            allowed, where = TOOL_KINDS, "reportgens mallar"
        elif inside(path.parent, self.project) or inside(path.parent, self.tool):
            # the name is inside, the file it leads to is not: a symlink out
            raise self._refuse(
                url, path, f"{path.name!r} är en genväg (symlänk) till en fil utanför projektmappen"
            )
        else:
            raise self._refuse(url, path, f"{str(path)!r} ligger utanför projektmappen")
        suffix = path.suffix.lower()
        if suffix not in allowed:
            raise self._refuse(
                url,
                path,
                f"{path.name!r} i {where} används inte: bara bilder i formaten PNG, JPG och SVG "
                "kan tas med i rapporten",
            )
        if not path.is_file():
            raise self._refuse(url, path, f"filen {path.name!r} finns inte")
        return path, allowed.get(suffix) or mimetypes.guess_type(path.name)[0] or ""

    def _refuse(self, url: str, path: Path | None, message: str) -> ResourceRefused:
        location = self._locate(path)
        return ResourceRefused(Finding(location, message, Severity.ERROR, "", "pdf.resurs"))

    def _locate(self, path: Path | None) -> Location:
        if path is not None:
            for key in (path, path.absolute()):
                if key in self.locations:
                    return self.locations[key]
            try:
                resolved = path.resolve()
            except OSError:
                resolved = path
            if resolved in self.locations:
                return self.locations[resolved]
        return Location(path if path is not None else self.project)

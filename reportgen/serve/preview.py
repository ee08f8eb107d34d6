"""The preview's build state: the last good page, the current findings, the files read.

`Preview.rebuild()` runs load → schema → checks → document → HTML (never PDF). A build
that cannot produce a document (a `UserError`) keeps the last good page and reports its
findings. A build whose figures fail the checks still produces a page: it is shown as
an UTKAST (like `reportgen build --utkast`) with the findings over it, so the writer sees
both the edit and what does not add up yet.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import os
import threading
import time
import traceback
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from reportgen.document.model import Document
from reportgen.findings import Finding, Location, Severity, UserError
from reportgen.load import load_yaml, strings
from reportgen.narrative import is_file_reference
from reportgen.pipeline import prepare
from reportgen.render.html import render_html
from reportgen.serve.assets import AssetRegistry
from reportgen.serve.overlay import extra_head, placeholder_page
from reportgen.templates_dir import templates_dir

Status = Literal["ok", "kontrollfel", "fel", "startar"]

IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".svg", ".gif", ".webp"})


@dataclass(frozen=True)
class State:
    """What the browser is told after each build."""

    seq: int  # increases with every change: each build attempt, PDF started or done
    version: str  # hash of the page currently served
    status: Status
    errors: tuple[Finding, ...]
    warnings: tuple[Finding, ...]
    built_at: str  # HH:MM:SS
    seconds: float  # how long the build took
    pdf: str = ""  # "", "skapas" (being built) or "klar" (written)


def display_path(path: Path) -> str:
    """A path as the writer knows it: relative to the working folder when inside it."""
    try:
        return os.path.relpath(path, Path.cwd()) if path.is_absolute() else str(path)
    except ValueError:  # another drive (Windows)
        return str(path)


def editor_link(loc: Location) -> str:
    """A link that opens the file at its line and column in VS Code (vscode://file/…)."""
    from urllib.parse import quote

    target = quote(str(loc.file.absolute()))
    if loc.line is not None:
        target += f":{loc.line}:{loc.column or 1}"
    return f"vscode://file{target if target.startswith('/') else '/' + target}"


def finding_dict(finding: Finding, anchors: dict[tuple[str, str], str] | None = None
                 ) -> dict[str, Any]:
    """A finding for the page: where (file:line:column), the editor link, and the anchor of
    the table cell it is about when the report marks it in place (*anchors*)."""
    loc = finding.location
    where = display_path(loc.file)
    if loc.line is not None:
        where += f":{loc.line}"
        if loc.column is not None:
            where += f":{loc.column}"
    return {
        "var": where,
        "redigera": editor_link(loc),
        "ankare": (anchors or {}).get((finding.field, finding.message), ""),
        "fil": display_path(loc.file),
        "rad": loc.line,
        "kolumn": loc.column,
        "allvarlighet": finding.severity.value,
        "fält": finding.field,
        "meddelande": finding.message,
    }


def state_dict(state: State, document: Document | None = None) -> dict[str, Any]:
    anchors = {(m.field, m.message): m.anchor for m in document.marks()} if document else {}
    return {
        "seq": state.seq,
        "version": state.version,
        "status": state.status,
        "fel": [finding_dict(f, anchors) for f in state.errors],
        "varningar": [finding_dict(f, anchors) for f in state.warnings],
        "byggd": state.built_at,
        "sekunder": round(state.seconds, 4),
        "pdf": state.pdf,
    }


def named_files(data: Any, base_dir: Path) -> set[Path]:
    """Markdown files and images named (relative to the YAML) anywhere in the YAML data."""
    found: set[Path] = set()
    for _, value in strings(data):
        text = value.strip()
        if "\n" in text or not text:
            continue
        if is_file_reference(text) or Path(text).suffix.lower() in IMAGE_SUFFIXES:
            found.add(Path(os.path.normpath(base_dir.absolute() / text)))
    return found


class Preview:
    """Thread-safe holder of the current page and state; waiters are woken on each build."""

    def __init__(self, file: Path) -> None:
        self.file = file.absolute()
        self.assets = AssetRegistry()
        self._marker = f"reportgen-version-{uuid.uuid4().hex}"
        self._cond = threading.Condition()
        self._closed = False
        self._html: bytes = b""
        self._document: Document | None = None
        self._deps: frozenset[Path] = frozenset({self.file})
        self._state = State(0, "", "startar", (), (), "", 0.0)
        self._build_lock = threading.Lock()
        self._built_fingerprint: tuple[tuple[str, int, int], ...] | None = None

    # -- reading -----------------------------------------------------------------------

    @property
    def state(self) -> State:
        with self._cond:
            return self._state

    @property
    def html(self) -> bytes:
        with self._cond:
            return self._html

    @property
    def document(self) -> Document | None:
        with self._cond:
            return self._document

    @property
    def dependencies(self) -> frozenset[Path]:
        """The YAML and every file it names (whether or not it exists yet)."""
        with self._cond:
            return self._deps

    def fingerprint(self) -> tuple[tuple[str, int, int], ...]:
        """Size and mtime of every input (dependencies and template files)."""
        files = set(self.dependencies)
        for folder, subdirs, names in os.walk(templates_dir()):
            subdirs[:] = [d for d in subdirs if not d.startswith((".", "__"))]
            files.update(Path(folder) / n for n in names if not n.startswith("."))
        stamps = []
        for path in sorted(files):
            try:
                stat = path.stat()
                stamps.append((str(path), stat.st_mtime_ns, stat.st_size))
            except OSError:
                stamps.append((str(path), -1, -1))
        return tuple(stamps)

    def stale(self) -> bool:
        """True if an input changed since the last build started (a missed event)."""
        with self._cond:
            built = self._built_fingerprint
        return built is not None and self.fingerprint() != built

    def wait(self, after_seq: int, timeout: float) -> State | None:
        """The state once its seq is past *after_seq*; None on timeout or when closed."""
        with self._cond:
            self._cond.wait_for(lambda: self._closed or self._state.seq > after_seq, timeout)
            if self._closed or self._state.seq <= after_seq:
                return None
            return self._state

    @property
    def closed(self) -> bool:
        with self._cond:
            return self._closed

    def set_pdf(self, pdf: str) -> None:
        """Tell the page how a PDF it asked for is going (a state change without a build)."""
        with self._cond:
            self._state = dataclasses.replace(self._state, seq=self._state.seq + 1, pdf=pdf)
            self._cond.notify_all()

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._cond.notify_all()

    # -- building ----------------------------------------------------------------------

    def render(self, document: Document) -> tuple[bytes, str]:
        """HTML for the browser (assets as URLs, reload script injected) and its version."""
        html = render_html(
            document,
            asset_url=self.assets.url,
            for_print=False,
            extra_head=extra_head(self._marker),
        )
        version = hashlib.sha256(html.encode("utf-8")).hexdigest()[:16]
        return html.replace(self._marker, version, 1).encode("utf-8"), version

    def rebuild(self) -> State:
        """Build once from the files on disk and publish the result."""
        with self._build_lock:
            started = time.perf_counter()
            stamps = self.fingerprint()
            errors: tuple[Finding, ...] = ()
            warnings: tuple[Finding, ...] = ()
            new_page: tuple[bytes, str, Document] | None = None
            deps: set[Path] | None = None
            try:
                # Check errors still give a page, marked UTKAST, with the findings listed.
                prepared = prepare(self.file, errors_make_draft=True)
                deps = named_files(prepared.source.data, prepared.source.base_dir)
                errors, warnings = prepared.errors, prepared.warnings
                document = prepared.document
                html, version = self.render(document)
                new_page = (html, version, document)
                status: Status = "kontrollfel" if errors else "ok"
            except UserError as error:
                errors = tuple(f for f in error.findings if f.severity is Severity.ERROR)
                warnings = tuple(f for f in error.findings if f.severity is Severity.WARNING)
                status = "fel"
            except Exception as exc:  # a bug in reportgen: said in the page, traceback in the terminal
                errors = (self.internal_error(exc),)
                status = "fel"
            seconds = time.perf_counter() - started
            with self._cond:
                if new_page is not None:
                    self._html, version, self._document = new_page
                elif not self._html:
                    page = placeholder_page(extra_head(self._marker))
                    self._html = page.replace(self._marker, "", 1).encode("utf-8")
                    version = ""
                else:
                    version = self._state.version
                self._built_fingerprint = stamps
                self._state = State(
                    self._state.seq + 1,
                    version,
                    status,
                    errors,
                    warnings,
                    dt.datetime.now().strftime("%H:%M:%S"),
                    seconds,
                    self._state.pdf,
                )
                self._cond.notify_all()
                state = self._state
            # After publishing, so that the page hears of a failure without waiting for this.
            if status == "fel" and new_page is None:
                deps = self._deps_after_failure()
            self._set_dependencies(deps)
            return state

    def internal_error(self, exc: BaseException) -> Finding:
        """A bug met while building (or watching): the traceback goes to the terminal, the
        page gets a finding, and the last good page stays."""
        traceback.print_exception(exc)
        return Finding(
            Location(self.file),
            f"ett internt fel i reportgen ({type(exc).__name__}) stoppade ombyggnaden; se "
            "terminalen. Sidan visar den senaste versionen som gick att bygga, och "
            "förhandsvisningen bygger om igen när du sparar.",
            Severity.ERROR,
            "",
            "intern",
        )

    def fail(self, exc: BaseException) -> State:
        """Publish an internal error that happened outside a build (in the watcher)."""
        finding = self.internal_error(exc)
        with self._cond:
            self._state = dataclasses.replace(
                self._state, seq=self._state.seq + 1, status="fel", errors=(finding,),
                built_at=dt.datetime.now().strftime("%H:%M:%S"),
            )
            self._cond.notify_all()
            return self._state

    def _set_dependencies(self, deps: set[Path] | None) -> None:
        if deps is None:
            return
        with self._cond:
            if frozenset({self.file, *deps}) != self._deps:
                self._deps = frozenset({self.file, *deps})
                # The inputs are now other files: compare against them from here on.
                self._built_fingerprint = self.fingerprint()

    def _deps_after_failure(self) -> set[Path] | None:
        """Files named by the YAML when it still parses (validation failed later)."""
        try:
            source = load_yaml(self.file)
        except Exception:  # a UserError, or the bug just reported
            return None  # keep the last known set
        return named_files(source.data, source.base_dir)

"""HTTP server for the preview, bound to 127.0.0.1 only.

Routes:
    GET  /                      the last good page (also /<stem>.html)
    GET  /_reportgen/events     Server-Sent Events: the state after every build
    GET  /_reportgen/state      the same state once, as JSON
    GET  /_reportgen/asset/…    fonts and images the page uses (registered files only)
    POST /_reportgen/pdf        build the PDF of the page shown, write it to the build
                                folder and redirect the browser to it
    GET  /<file>                a file in the build folder (no `..`, no symlinks out)

Every request must carry exactly one Host header, our own (127.0.0.1:PORT or
localhost:PORT), which keeps other web sites out through DNS rebinding; a POST must also
come from our own origin. Content-Length is checked before anything is done (not a
number, or two that differ: 400; missing on a POST: 411; over MAX_BODY: 413). The server
keeps a real listen backlog, gives every connection a timeout (idle and half-sent
requests are closed), and a client that goes away is not an error.
"""

from __future__ import annotations

import hashlib
import json
import mimetypes
import sys
import threading
import traceback
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from markupsafe import escape

from reportgen.findings import UserError
from reportgen.readfile import Unreadable, read_bytes
from reportgen.serve.assets import PREFIX as ASSET_PREFIX
from reportgen.serve.overlay import EVENTS_URL, PDF_URL, STATE_URL
from reportgen.serve.preview import Preview, State, finding_dict, state_dict
from reportgen.write import write_atomic

HOST = "127.0.0.1"
HEARTBEAT_SECONDS = 15.0
BACKLOG = 256  # connections waiting to be accepted (socketserver's default is 5)
TIMEOUT_SECONDS = 10.0  # per blocking read or write of a connection
MAX_BODY = 64 * 1024  # the PDF button's form posts nothing; anything larger is refused
SERVED_BYTES = 512 * 1024 * 1024  # the largest file served (a built PDF with many pictures)
# Errors of a connection, not of reportgen: the browser closed a tab, a request timed out.
GONE = (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, TimeoutError)
# Swedish text for the errors http.server answers by itself (its own pages are English).
_STATUS_TEXT = {
    400: "Felaktig begäran.",
    404: "Finns inte.",
    405: "Metoden stöds inte.",
    408: "Begäran tog för lång tid.",
    411: "Content-Length krävs.",
    413: "Begäran är för stor.",
    414: "Adressen är för lång.",
    431: "För många eller för långa huvudfält i begäran.",
    501: "Metoden stöds inte.",
    505: "HTTP-versionen stöds inte.",
}


def safe_file(root: Path, url_path: str) -> Path | None:
    """The file *url_path* names inside *root*, or None if it is not one of root's own.

    Refuses `..` and `.` segments (also percent-encoded), hidden names, backslashes,
    NUL, and anything whose real path (symlinks resolved) lies outside *root*.
    """
    path = unquote(url_path)
    if "\x00" in path or "\\" in path:
        return None
    parts = [p for p in path.split("/") if p]
    if not parts or any(p in (".", "..") or p.startswith(".") for p in parts):
        return None
    try:
        real_root = root.resolve(strict=True)
        candidate = root.joinpath(*parts).resolve(strict=True)
    except (OSError, RuntimeError):
        return None
    if not candidate.is_relative_to(real_root) or not candidate.is_file():
        return None
    return candidate


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = BACKLOG

    def __init__(self, preview: Preview, out_dir: Path, port: int) -> None:
        self.preview = preview
        self.out_dir = out_dir
        self.pdf_lock = threading.Lock()
        super().__init__((HOST, port), Handler)

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}/"

    def allowed_hosts(self) -> set[str]:
        return {f"127.0.0.1:{self.port}", f"localhost:{self.port}"}

    def allowed_origins(self) -> set[str]:
        return {f"http://{host}" for host in self.allowed_hosts()}

    @property
    def stem(self) -> str:
        return self.preview.file.stem

    def handle_error(self, request: object, client_address: object) -> None:
        """A client that went away is nothing to report; anything else is a bug in
        reportgen, whose traceback goes to the terminal (never to the browser)."""
        error = sys.exc_info()[1]
        if isinstance(error, GONE):
            return
        print("reportgen: internt fel i förhandsvisningens server:", file=sys.stderr)
        traceback.print_exc()


class Handler(BaseHTTPRequestHandler):
    server: PreviewServer
    server_version = "reportgen"
    sys_version = ""
    timeout = TIMEOUT_SECONDS  # socket timeout of each connection (StreamRequestHandler)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        pass  # the terminal shows builds, not requests

    def handle(self) -> None:
        try:
            super().handle()
        except GONE:
            self.close_connection = True

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """http.server's own refusals (a malformed request line, an unknown method, too
        many headers), in Swedish."""
        self.close_connection = True
        try:
            self._text(code, _STATUS_TEXT.get(code, "Begäran kan inte besvaras."))
        except GONE:
            pass

    # -- helpers ----------------------------------------------------------------------

    def _send(
        self,
        status: int,
        body: bytes,
        content_type: str = "text/plain; charset=utf-8",
        headers: dict[str, str] | None = None,
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _text(self, status: int, text: str) -> None:
        self._send(status, (text + "\n").encode("utf-8"), headers={"Cache-Control": "no-store"})

    def _refuse(self, status: int, text: str) -> bool:
        self.close_connection = True  # what the client sends next cannot be trusted
        self._text(status, text)
        return False

    def _host_ok(self) -> bool:
        hosts = self.headers.get_all("Host") or []
        if len(hosts) != 1:
            return self._refuse(HTTPStatus.BAD_REQUEST, "Begäran ska ha exakt ett Host-huvud.")
        if hosts[0].strip().lower() in self.server.allowed_hosts():
            return True
        return self._refuse(HTTPStatus.MISDIRECTED_REQUEST, "Fel värd: förhandsvisningen svarar "
                            f"bara på 127.0.0.1:{self.server.port} och localhost:{self.server.port}.")

    def _body_ok(self, required: bool) -> bool:
        """Content-Length valid, not too large, and there when *required*; the body (at
        most MAX_BODY bytes) is read and dropped. Checked before anything is done."""
        values = [v.strip() for v in self.headers.get_all("Content-Length") or []]
        if self.headers.get("Transfer-Encoding"):
            return self._refuse(HTTPStatus.LENGTH_REQUIRED,
                                "Content-Length krävs (Transfer-Encoding stöds inte).")
        if not values:
            if required:
                return self._refuse(HTTPStatus.LENGTH_REQUIRED, "Content-Length krävs.")
            return True
        value = values[0]
        if len(set(values)) > 1 or not (value.isascii() and value.isdigit()):
            return self._refuse(HTTPStatus.BAD_REQUEST, "Ogiltig Content-Length.")
        if len(value) > 18 or int(value) > MAX_BODY:
            return self._refuse(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "Begäran är för stor.")
        if int(value):
            self.rfile.read(int(value))
        return True

    def _request_ok(self, body_required: bool = False) -> bool:
        return self._host_ok() and self._body_ok(body_required)

    def _file(self, path: Path, content_type: str | None, cache: str) -> None:
        try:
            data = read_bytes(path, SERVED_BYTES)  # a regular file only: a pipe would hang
        except Unreadable:
            self._text(HTTPStatus.NOT_FOUND, "Finns inte.")
            return
        kind = content_type or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if path.suffix == ".otf":
            kind = "font/otf"
        self._send(HTTPStatus.OK, data, kind, {"Cache-Control": cache})

    # -- GET --------------------------------------------------------------------------

    def do_HEAD(self) -> None:  # noqa: N802 - stdlib name
        self.do_GET()

    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        if not self._request_ok():
            return
        path = urlsplit(self.path).path
        preview = self.server.preview
        if path in ("/", "/index.html", f"/{self.server.stem}.html"):
            self._send(HTTPStatus.OK, preview.html, "text/html; charset=utf-8",
                       {"Cache-Control": "no-store", "ETag": f'"{preview.state.version}"'})
        elif path == EVENTS_URL:
            self._events()
        elif path == STATE_URL:
            body = json.dumps(state_dict(preview.state, preview.document), ensure_ascii=False).encode("utf-8")
            self._send(HTTPStatus.OK, body, "application/json; charset=utf-8",
                       {"Cache-Control": "no-store"})
        elif path.startswith(ASSET_PREFIX):
            asset = preview.assets.lookup(path)
            held = preview.assets.held(path)  # a picture drawn in memory (a chart)
            if held is not None:
                self._send(HTTPStatus.OK, held[0], held[1],
                           {"Cache-Control": "public, max-age=86400, immutable"})
            elif asset is None:
                self._text(HTTPStatus.NOT_FOUND, "Finns inte.")
            else:
                # The URL changes when the file does, so it may be cached.
                self._file(asset, None, "public, max-age=86400, immutable")
        else:
            target = safe_file(self.server.out_dir, path)
            if target is None:
                self._text(HTTPStatus.NOT_FOUND, "Finns inte.")
            else:
                self._file(target, None, "no-cache")

    def _events(self) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Accel-Buffering", "no")
        self.end_headers()
        if self.command == "HEAD":
            return
        preview = self.server.preview
        try:
            self.wfile.write(b"retry: 500\n\n")
            state: State | None = preview.state
            seq = 0
            while True:
                if state is not None:
                    data = json.dumps(state_dict(state, preview.document), ensure_ascii=False)
                    self.wfile.write(f"event: state\nid: {state.seq}\ndata: {data}\n\n".encode())
                    seq = state.seq
                else:
                    self.wfile.write(b": ping\n\n")  # notices a closed tab
                self.wfile.flush()
                state = preview.wait(seq, HEARTBEAT_SECONDS)
                if state is None and preview.closed:
                    return
        except (BrokenPipeError, ConnectionResetError, TimeoutError):
            return

    # -- POST -------------------------------------------------------------------------

    def do_POST(self) -> None:  # noqa: N802 - stdlib name
        if not self._request_ok(body_required=True):
            return
        origin = self.headers.get("Origin")
        if origin is not None and origin.lower() not in self.server.allowed_origins():
            self._text(HTTPStatus.FORBIDDEN, "Begäran kom från en annan webbplats.")
            return
        if urlsplit(self.path).path != PDF_URL:
            self._text(HTTPStatus.NOT_FOUND, "Finns inte.")
            return
        self._pdf()

    def _pdf(self) -> None:
        document = self.server.preview.document
        if document is None:
            self._html_message(HTTPStatus.CONFLICT, "Ingen PDF ännu",
                               "Rapporten har inte gått att bygga ännu. Rätta felen och försök igen.")
            return
        name = f"{self.server.stem}.pdf"
        preview = self.server.preview
        try:
            with self.server.pdf_lock:
                preview.set_pdf("skapas")
                try:
                    from reportgen.render.pdf import render_pdf  # WeasyPrint: only when asked

                    data = render_pdf(document)
                    write_atomic(self.server.out_dir / name, data)
                finally:
                    preview.set_pdf("")
        except UserError as error:
            items = "".join(f"<li>{escape(finding_dict(f)['var'])}: {escape(f.message)}</li>"
                            for f in error.findings)
            self._html_message(HTTPStatus.UNPROCESSABLE_ENTITY, "PDF:en kunde inte byggas",
                               f"<ul>{items}</ul>", raw=True)
            return
        except Exception:  # a bug in reportgen: the traceback goes to the terminal
            traceback.print_exc()
            self._html_message(HTTPStatus.INTERNAL_SERVER_ERROR, "PDF:en kunde inte byggas",
                               "Ett internt fel i reportgen stoppade PDF:en; se terminalen.")
            return
        print(f"skrev {self.server.out_dir / name}", flush=True)
        self.send_response(HTTPStatus.SEE_OTHER)
        stamp = hashlib.sha256(data).hexdigest()[:12]
        self.send_header("Location", f"/{name}?v={stamp}")
        self.send_header("Content-Length", "0")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()

    def _html_message(self, status: int, title: str, text: str, raw: bool = False) -> None:
        body = text if raw else f"<p>{escape(text)}</p>"
        page = (f'<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8">'
                f"<title>{escape(title)}</title></head><body><h1>{escape(title)}</h1>"
                f"{body}</body></html>")
        self._send(status, page.encode("utf-8"), "text/html; charset=utf-8",
                   {"Cache-Control": "no-store"})


def make_server(preview: Preview, out_dir: Path, port: int) -> PreviewServer:
    """Bind to 127.0.0.1:*port* (0 picks a free one). Raises OSError if it is taken."""
    return PreviewServer(preview, out_dir, port)


def serve_forever_in_thread(server: PreviewServer) -> threading.Thread:
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.1}, name="reportgen-http",
        daemon=True,
    )
    thread.start()
    return thread



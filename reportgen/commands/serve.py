"""`reportgen serve FILE [--port N]`: a local preview that refreshes as files are saved.

Builds the HTML only (WeasyPrint is imported only when the page asks for a PDF), serves
it on 127.0.0.1, watches the input and reloads the open browser after each rebuild.
"""

from __future__ import annotations

import signal
import sys
import threading
from pathlib import Path
from types import FrameType

from reportgen.findings import Location, error_at
from reportgen.serve import watcher
from reportgen.serve.preview import Preview, State, display_path
from reportgen.serve.server import make_server, serve_forever_in_thread

OUT_DIR = Path("build")  # where a PDF asked for from the page is written, as for `build`


def _report(state: State) -> None:
    """One line in the terminal per build; findings in full when the build failed."""
    ms = f"{state.seconds * 1000:.0f} ms"
    if state.status == "ok":
        extra = f", {len(state.warnings)} varningar" if state.warnings else ""
        print(f"[{state.built_at}] byggde om på {ms}{extra}", flush=True)
        return
    what = "kunde inte byggas" if state.status == "fel" else "byggdes som utkast"
    print(f"[{state.built_at}] {len(state.errors)} fel, rapporten {what}:", flush=True)
    for finding in state.errors:
        print(f"  {finding}", flush=True)


def serve(file: Path, port: int, out_dir: Path = OUT_DIR) -> int:
    if not file.is_file():
        raise error_at(Location(file), "filen finns inte")
    preview = Preview(file)
    _report(preview.rebuild())
    try:
        server = make_server(preview, out_dir.absolute(), port)
    except OSError as exc:
        print(f"reportgen: kan inte lyssna på 127.0.0.1:{port} ({exc.strerror}); "
              "välj en annan port med --port (0 väljer en ledig)", file=sys.stderr)
        return 1
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    serve_forever_in_thread(server)

    def start_watching() -> threading.Thread:
        thread = threading.Thread(target=watcher.run, args=(preview, stop, _report),
                                  name="reportgen-watch", daemon=True)
        thread.start()
        return thread

    watch = start_watching()
    print(f"Förhandsvisningen av {display_path(preview.file)} finns på {server.url}", flush=True)
    print("Sidan uppdateras när du sparar. Avsluta med Ctrl+C.", flush=True)
    try:
        while not stop.wait(0.5):
            if not watch.is_alive():  # watcher.run does not end but on stop; if it did
                print("reportgen: bevakningen av filerna stannade; den startas om.", flush=True)
                watch = start_watching()
    except KeyboardInterrupt:
        stop.set()
    preview.close()
    server.shutdown()
    server.server_close()
    watch.join(timeout=2)
    print("Förhandsvisningen avslutad.", flush=True)
    return 0

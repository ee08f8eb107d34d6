"""`reportgen build`: render HTML, PDF and DOCX into the output folder.

Two phases, as MkDocs does: first everything is prepared and rendered in memory,
then the files are written as one set (reportgen/write.py): all of them replace the old
ones, or none does. Bad input, a failing output folder or a signal never leaves a mix of
old and new outputs.

Fast where it can be:

- **Nothing to do, nothing done.** The build cache (reportgen/buildcache.py) knows what
  each output was made from; a format whose inputs are unchanged is not rendered again
  and its file is left as it is. When every asked-for format is up to date, the build
  only reads the files the last one read and prints the findings it printed; the report
  is not even loaded. `--om` renders everything again.
- **Both cores.** WeasyPrint's layout of the PDF is most of a build. When a PDF is to be
  made, a *report process* is forked first thing (reportgen/forked.py): it loads and
  checks the report while this process imports WeasyPrint, hands over the PDF's job as
  soon as the checks have passed, then renders the HTML and the DOCX while this process
  lays out the PDF. Its charts are not drawn before the job is sent: the job names them,
  and right after sending it the report process has them drawn (in a process of its own,
  whose matplotlib is gone before the DOCX is made) while WeasyPrint parses the HTML
  and its styles, and sends their bytes on, which WeasyPrint's fetcher waits for if it
  asks before they have come. It ends when it has sent its files, so its memory is given
  back while the PDF is still being made. Without a PDF, or with `parallel=False`, everything
  runs here, one format after the other; the bytes are the same.
- **Only what is used is imported**: WeasyPrint for a PDF (and then nothing of the report
  model beside it), python-docx for a DOCX, matplotlib for a report with charts.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import queue
import sys
import threading
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportgen import buildcache, forked
from reportgen.write import write_set

if TYPE_CHECKING:
    from reportgen.document.model import Document, Image
    from reportgen.readfile import Reads
    from reportgen.render.pdf_job import PrintJob

FORMATS = ("html", "pdf", "docx")
# What `build` says as each stage starts (to stderr, unless --tyst).
STEG = {"html": "HTML", "pdf": "PDF", "docx": "DOCX"}
# The order formats are rendered in: the PDF first, so that it starts as early as it can.
ORDER = ("pdf", "html", "docx")


def _render_html(document: Document) -> bytes:
    from reportgen.render.html import render_html

    return render_html(document).encode("utf-8")


def _render_pdf(document: Document, variant: str = "ua") -> bytes:
    from reportgen.render.pdf import render_pdf

    return render_pdf(document, variant)


def _render_docx(document: Document) -> bytes:
    from reportgen.render.docx import render_docx

    return render_docx(document)


RENDERERS: dict[str, Callable[[Document], bytes]] = {
    "html": _render_html,
    "pdf": _render_pdf,
    "docx": _render_docx,
}


# -- the PDF, laid out here while the report process works -------------------------------------
@contextlib.contextmanager
def _collecting_for_weasyprint() -> Iterator[None]:
    """Collect garbage less often while WeasyPrint is imported and works, as it was after.
    WeasyPrint makes millions of short-lived objects; with what is imported frozen out of
    the collector and a higher threshold for the youngest generation, its import costs
    10 % and the layout 5–10 % less CPU (measured; README)."""
    threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(20_000, 50, 100)
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


def _after_layout() -> None:
    """Between WeasyPrint's layout and its drawing: free the layout's garbage (reference
    cycles) for the drawing to reuse, and freeze what is left out of later collections.
    Without it the drawing's peak memory is a fifth higher at four times the example."""
    gc.collect()
    gc.freeze()


def _print_job(document: Document, variant: str) -> PrintJob:
    """The report process's half of the PDF: the HTML for print and what goes with it."""
    from reportgen.render.pdf_job import print_job

    return print_job(document, variant)


def _write_pdf(job: PrintJob, drawings: Mapping[str, Callable[[], bytes]]) -> bytes:
    """This process's half of the PDF, from the job the report process sent and the
    drawings it sends after it."""
    from reportgen.render.pdf import job_fetcher, write_pdf

    return write_pdf(job, job_fetcher(job, drawings), after_layout=_after_layout)


# -- the build ---------------------------------------------------------------------------------
def output_stem(file: Path) -> str:
    return file.stem


def _silent(line: str) -> None:
    pass


def progress_to_stderr(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def _to_stderr(line: str) -> None:
    print(line, file=sys.stderr)


@dataclass
class Outcome:
    """What a build did: the files it wrote, and those it left as they were (up to date)."""

    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)


def build(
    file: Path, out_dir: Path, formats: list[str], draft: bool, pdf_variant: str = "ua",
    say: Callable[[str], None] = _silent, *, rebuild: bool = False, parallel: bool = True,
    cache: bool = True,
) -> list[Path]:
    """Build the report; returns its output paths (written or up to date), in the order of
    *formats*. Raises UserError on bad input. See `run` for the options."""
    run(file, out_dir, formats, draft, pdf_variant, say,
        rebuild=rebuild, parallel=parallel, cache=cache)
    return [out_dir / f"{output_stem(file)}.{fmt}" for fmt in formats]


@dataclass
class _Plan:
    """What a build is asked for, and what the last build into the folder left."""

    file: Path
    out_dir: Path
    formats: list[str]
    draft: bool
    variant: str
    manifest: buildcache.Manifest
    stale: list[str]  # the formats to render, as far as is known before reading the report

    @functools.cached_property
    def environment(self) -> str:
        # Not needed before a first build forks: the report process works it out later.
        return buildcache.environment_key()

    def keys(self, reads: Reads, inputs: str | None = None) -> dict[str, str]:
        if inputs is None:
            inputs = buildcache.input_key(self.file, self.draft, reads)
        return buildcache.format_keys(self.environment, inputs, self.formats, self.variant)

    def up_to_date(self, fmt: str, key: str) -> bool:
        return self.manifest.up_to_date(fmt, key, self.out_dir)


def run(
    file: Path, out_dir: Path, formats: list[str], draft: bool, pdf_variant: str = "ua",
    say: Callable[[str], None] = _silent, *, rebuild: bool = False, parallel: bool = True,
    cache: bool = True,
) -> Outcome:
    """Build the report into *out_dir*. Raises UserError on bad input.

    *say* is told, in Swedish, each stage as it starts (the command line prints it).
    *rebuild* renders every format even if it is up to date (`--om`); *cache* False
    neither reads nor writes the cache; *parallel* False renders everything in this
    process, one format after another (the outputs are the same bytes either way).
    """
    stem = output_stem(file)
    use_manifest = cache and not rebuild
    manifest = buildcache.Manifest.load(out_dir, stem) if use_manifest else buildcache.Manifest()
    plan = _Plan(file, out_dir, formats, draft, pdf_variant, manifest, list(formats))
    inputs = manifest.unchanged_inputs(file, draft)
    if inputs is not None:
        keys = plan.keys({}, inputs)
        plan.stale = [fmt for fmt in formats if not plan.up_to_date(fmt, keys[fmt])]
    if not plan.stale:
        say("reportgen: inget har ändrats sedan förra bygget; filerna behålls (--om bygger om dem)")
        for line in manifest.messages:
            _to_stderr(line)
        return Outcome(unchanged=[out_dir / f"{stem}.{fmt}" for fmt in formats])

    if "pdf" in plan.stale and parallel and forked.available():
        made = _make_forked(plan, say)
    else:
        made = _make(plan, say, _to_stderr)
    files = {f"{stem}.{fmt}": data for fmt, data in made.rendered.items()}
    if cache:
        manifest.inputs = buildcache.input_key(file, draft, made.reads)
        manifest.reads, manifest.messages = made.reads, made.messages
        for fmt, data in made.rendered.items():
            manifest.outputs[fmt] = {"nyckel": made.keys[fmt], "fil": f"{stem}.{fmt}",
                                     "sha256": buildcache.sha256(data)}
        files[buildcache.manifest_name(stem)] = manifest.to_bytes()
    write_set(out_dir, files)
    return Outcome(
        written=[out_dir / f"{stem}.{fmt}" for fmt in formats if fmt in made.rendered],
        unchanged=[out_dir / f"{stem}.{fmt}" for fmt in formats if fmt not in made.rendered],
    )


@dataclass(frozen=True)
class _Sending:
    """Where the report process sends the PDF's job, then the bytes of each drawing."""

    job: Callable[[PrintJob], None]
    drawing: Callable[[str, bytes], None]


@dataclass
class _Made:
    rendered: dict[str, bytes]  # format → its bytes (not the PDF, if its job was sent)
    reads: Reads  # every file the build read, with what it found
    messages: list[str]  # the findings printed
    keys: dict[str, str]  # format → its cache key


def _make(
    plan: _Plan, say: Callable[[str], None], show: Callable[[str], None],
    send_pdf: _Sending | None = None,
) -> _Made:
    """Prepare the report and render the stale formats; with *send_pdf*, the PDF's job is
    handed to it instead, as soon as the checks have passed, before anything else is
    rendered, and then the bytes of each drawing, as soon as it is drawn. *show* prints a
    finding.

    A format found up to date before the report was read is rendered all the same if a
    file changed in between (the keys of what this build read are not those it was kept
    under)."""
    from reportgen.pipeline import prepare
    from reportgen.readfile import recording

    say(f"reportgen: kontrollerar {plan.file} …")
    with recording() as reads:
        prepared = prepare(plan.file, draft=plan.draft)
    messages = [str(f) for f in (*prepared.errors, *prepared.warnings)]
    for line in messages:
        show(line)
    keys = plan.keys(reads)
    todo = [fmt for fmt in plan.formats if fmt in plan.stale or not plan.up_to_date(fmt, keys[fmt])]
    rendered = {}
    for fmt in ORDER:
        if fmt not in todo:
            continue
        say(f"reportgen: skapar {STEG[fmt]} …")
        if fmt == "pdf" and send_pdf is not None:
            send_pdf.job(_print_job(prepared.document, plan.variant))
            _draw_and_send(prepared.document, send_pdf)
        else:
            rendered[fmt] = _renderer(fmt, plan.variant)(prepared.document)
    return _Made(rendered, dict(reads), messages, keys)


def _draw_and_send(document: Document, sending: _Sending) -> None:
    """Draw the document's drawings (the PDF's job, just sent, names them) in a process of
    their own, forked from this one: each one's bytes are sent on as soon as it is drawn,
    and kept in the document for the HTML and the DOCX, and matplotlib's 50 MB are given
    back before those are rendered here, while WeasyPrint's memory grows."""
    from reportgen.render.html import drawing_uri
    from reportgen.render.pdf_job import drawings, images

    todo = drawings(document)
    if not todo:
        return
    drawn: dict[str, bytes] = {}

    def received(message: tuple[str, bytes]) -> None:
        uri, data = message
        sending.drawing(uri, data)
        drawn[uri] = data

    if forked.available():
        forked.Forked(_draw_all, todo).result(received)
    else:
        for uri, image in todo.items():
            received((uri, image.picture()))
    for image in images(document):
        if image.drawing is not None:
            image.drawn_elsewhere(drawn[drawing_uri(image)])


def _draw_all(todo: dict[str, Image]) -> None:
    """The drawing process: each drawing's bytes to the report process, one by one."""
    for uri, image in todo.items():
        forked.tell((uri, image.picture()))


def _renderer(fmt: str, pdf_variant: str) -> Callable[[Document], bytes]:
    if fmt == "pdf":
        return lambda document: _render_pdf(document, pdf_variant)
    return RENDERERS[fmt]


def _report_process(plan: _Plan) -> _Made:
    """The report process: `_make`, telling the building process what to say and print,
    and sending it the PDF's job."""
    return _make(plan, lambda line: forked.tell(("säg", line)),
                 lambda line: forked.tell(("visa", line)),
                 _Sending(lambda job: forked.tell(("pdf", job)),
                          lambda uri, data: forked.tell(("diagram", (uri, data)))))


class _Report:
    """The report process, and a thread here that takes its messages as they come (so that
    it never waits for this process, which is busy with WeasyPrint, and ends as soon as it
    has sent its files): what is to be said or printed at once, the PDF's job to `job`,
    the drawings' bytes to `drawing`, its result (or what it raised) to `made`."""

    def __init__(self, plan: _Plan, say: Callable[[str], None]) -> None:
        self.process = forked.Forked(_report_process, plan)
        self.say = say
        self.jobs: queue.SimpleQueue[PrintJob | None] = queue.SimpleQueue()
        self.drawn: dict[str, bytes] = {}
        self.ended = False
        self.arrived = threading.Condition()  # a drawing, or the end of the report process
        self.made: _Made | None = None
        self.failed: BaseException | None = None
        self.reader = threading.Thread(target=self._read, name="reportgen-rapport", daemon=True)
        self.reader.start()

    def _read(self) -> None:
        try:
            self.made = self.process.result(self._message)
        except BaseException as exc:  # handed to the main thread, which raises it
            self.failed = exc
        finally:
            self.jobs.put(None)  # no job is coming (any more)
            with self.arrived:
                self.ended = True
                self.arrived.notify_all()

    def _message(self, message: tuple[str, Any]) -> None:
        kind, value = message
        if kind == "pdf":
            self.jobs.put(value)
        elif kind == "diagram":
            uri, data = value
            with self.arrived:
                self.drawn[uri] = data
                self.arrived.notify_all()
        elif kind == "säg":
            self.say(value)
        else:
            _to_stderr(value)

    def job(self) -> PrintJob | None:
        """The PDF's job, once it is sent; None if the report process ended without one."""
        return self.jobs.get()

    def drawing(self, uri: str) -> bytes:
        """The bytes of the drawing *uri*, once the report process has sent them (from
        WeasyPrint's fetcher). Raises DrawingMissing if it ended without sending them."""
        with self.arrived:
            while uri not in self.drawn and not self.ended:
                self.arrived.wait()
            if uri in self.drawn:
                return self.drawn[uri]
        from reportgen.render.fetch import DrawingMissing

        raise DrawingMissing(uri)

    def drawings(self, job: PrintJob) -> dict[str, Callable[[], bytes]]:
        return {uri: functools.partial(self.drawing, uri) for uri in job.drawn}

    def result(self) -> _Made:
        self.reader.join()
        if self.failed is not None:
            raise self.failed
        assert self.made is not None
        return self.made

    def stop(self) -> None:
        """Kill the report process if it still runs (this build is failing)."""
        self.process.kill()
        self.reader.join()


def _make_forked(plan: _Plan, say: Callable[[str], None]) -> _Made:
    """`_make` in the report process, forked first thing; here, meanwhile, WeasyPrint is
    imported, and the PDF laid out as soon as the report process sends its job."""
    report = _Report(plan, say)
    try:
        with _collecting_for_weasyprint():
            import reportgen.render.pdf  # noqa: F401  (WeasyPrint, while the report is prepared)

            gc.freeze()  # what it imported, too
            from reportgen.render.fetch import DrawingMissing

            job = report.job()
            try:
                pdf = _write_pdf(job, report.drawings(job)) if job is not None else None
            except DrawingMissing:  # the report process ended: its result says why
                pdf = None
        made = report.result()
    except BaseException:
        report.stop()
        raise
    if pdf is not None:
        made.rendered["pdf"] = pdf
    elif job is not None:
        raise forked.ChildFailed("rapportprocessen avslutades utan att skicka alla diagram")
    return made

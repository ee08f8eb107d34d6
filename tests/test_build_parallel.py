"""A build with a PDF runs in two processes (issue 18): a forked report process prepares
the report and renders the HTML and the DOCX, while this one lays out the PDF and writes
the files. The outputs are the same bytes as a build in one process without the cache,
failures in either process come back as they would in one, and no process is left."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from check_expected import EXEMPLETS_VARNINGAR, utan_exemplets_varningar
from conftest import EXAMPLE, ROOT

import reportgen.commands.build as build_command
from reportgen import forked
from reportgen.findings import Finding, Location, UserError

ALL = ["html", "pdf", "docx"]


def outputs(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


@pytest.mark.slow
@pytest.mark.parametrize("variant", ["ua", "a"])
def test_the_outputs_are_the_bytes_of_a_build_in_one_process_without_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, variant: str
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1710374400")
    serial, parallel = tmp_path / "en", tmp_path / "tre"
    build_command.build(EXAMPLE, serial, ALL, False, variant, parallel=False, cache=False)
    outcome = build_command.run(EXAMPLE, parallel, ALL, False, variant)
    assert len(outcome.written) == 3
    assert outputs(parallel) == outputs(serial)
    again = build_command.run(EXAMPLE, parallel, ALL, False, variant)  # kept from the cache
    assert again.written == [] and outputs(parallel) == outputs(serial)


@pytest.mark.slow
def test_charts_drawn_after_the_job_reach_the_pdf_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The report process draws the charts after it has sent the PDF's job; WeasyPrint's
    fetcher waits for each (here each takes a second, so it asks before any has come) and
    the PDF is the one a build in one process makes."""
    from test_charts import with_charts

    from reportgen.charts import Fördelningsdiagram
    from reportgen.year_charts import Andelsdiagram, Trenddiagram

    for kind in (Fördelningsdiagram, Andelsdiagram, Trenddiagram):
        monkeypatch.setattr(kind, "draw", _slowly(kind.draw))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1710374400")
    yaml = with_charts(tmp_path / "content")
    serial, parallel = tmp_path / "en", tmp_path / "tre"
    build_command.build(yaml, serial, ["pdf"], False, parallel=False, cache=False)
    build_command.build(yaml, parallel, ["pdf"], False)
    assert (parallel / "2023.pdf").read_bytes() == (serial / "2023.pdf").read_bytes()


def _slowly(draw: Any) -> Any:
    def slowly(chart: object) -> bytes:
        time.sleep(1)
        return draw(chart)  # type: ignore[no-any-return]
    return slowly


def test_preparing_the_report_draws_no_chart() -> None:
    """The report model names its charts; they are drawn when a renderer asks (the print
    job only names them), so matplotlib is not even imported to prepare the example."""
    script = ("import sys; from pathlib import Path; from reportgen.pipeline import prepare; "
              "from reportgen.render.pdf_job import drawings, print_job; "
              f"d = prepare(Path({str(EXAMPLE)!r})).document; job = print_job(d, 'ua'); "
              "print(len(job.drawn), job.drawn == tuple(drawings(d)), 'matplotlib' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)}, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["3", "True", "False"]  # Året i siffror's three charts


@pytest.mark.slow
def test_the_charts_are_drawn_in_a_process_whose_memory_is_gone_before_the_docx(
    tmp_path: Path
) -> None:
    """matplotlib (50 MB) is imported by a process of its own that ends once the charts are
    drawn: the report process makes the HTML and the DOCX, with every chart, without it."""
    seen = tmp_path / "sett.txt"
    script = (
        "import sys, zipfile, io; from reportgen import cli; "
        "import reportgen.commands.build as b; docx = b.RENDERERS['docx']\n"
        "def spy(document):\n"
        f"    open({str(seen)!r}, 'w').write(str('matplotlib' in sys.modules))\n"
        "    return docx(document)\n"
        "b.RENDERERS['docx'] = spy\n"
        "code = cli.main(sys.argv[1:]); print('matplotlib' in sys.modules, code)")
    result = subprocess.run(
        [sys.executable, "-c", script, "build", str(EXAMPLE), "--out", str(tmp_path / "ut"),
         "--tyst"], cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "False 0"  # nor in the PDF's process
    assert seen.read_text() == "False"
    import zipfile

    with zipfile.ZipFile(tmp_path / "ut" / "2023.docx") as docx:
        charts = [n for n in docx.namelist() if n.startswith("word/media/")
                  and docx.read(n).startswith(b"\x89PNG")]
    assert len(charts) >= 3  # Året i siffror's three
    html = (tmp_path / "ut" / "2023.html").read_text(encoding="utf-8")
    assert html.count('src="data:image/png;base64,') >= 3


@pytest.mark.parametrize("how", ["användarfel", "avslutas"])
def test_a_report_process_that_ends_before_a_chart_is_drawn_stops_the_pdf(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    """WeasyPrint waits for a chart that never comes only until the report process has
    ended: then the build fails with what ended it, and writes nothing."""
    from reportgen.year_charts import Trenddiagram

    def broken(chart: object) -> bytes:
        if how == "avslutas":
            os._exit(3)
        raise _error("diagrammet kan inte ritas")

    monkeypatch.setattr(Trenddiagram, "draw", broken)
    begun = time.monotonic()
    if how == "avslutas":
        with pytest.raises(forked.ChildFailed, match="slutkod 3"):
            build_command.build(EXAMPLE, tmp_path / "ut", ALL, False)
    else:
        with pytest.raises(UserError) as raised:
            build_command.build(EXAMPLE, tmp_path / "ut", ALL, False)
        assert [f.message for f in raised.value.findings] == ["diagrammet kan inte ritas"]
    assert time.monotonic() - begun < 60
    assert not (tmp_path / "ut").exists()


@pytest.mark.slow
def test_the_process_that_lays_out_the_pdf_imports_nothing_of_the_report(tmp_path: Path) -> None:
    """WeasyPrint's memory beside nothing else: the schema, the report model, Jinja,
    python-docx and matplotlib (the charts' bytes are sent) are the report process's."""
    script = ("import sys; from reportgen import cli; code = cli.main(sys.argv[1:]); "
              "print(sorted({m.split('.')[0] for m in sys.modules} & {'weasyprint', 'pydantic', "
              "'docx', 'jinja2', 'markdown_it', 'matplotlib'}), "
              "'reportgen.document.model' in sys.modules, code)")
    result = subprocess.run(
        [sys.executable, "-c", script, "build", str(EXAMPLE), "--out", str(tmp_path), "--tyst"],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True,
        timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "['weasyprint'] False 0"
    assert (tmp_path / "2023.pdf").read_bytes().startswith(b"%PDF-")


def _error(text: str) -> UserError:
    return UserError([Finding(Location(EXAMPLE, 3, 1), text)])


def test_a_user_error_in_the_pdf_stops_the_build_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(job: object, drawings: object) -> bytes:
        raise _error("bilden får inte användas")

    monkeypatch.setattr(build_command, "_write_pdf", refused)
    with pytest.raises(UserError) as raised:
        build_command.build(EXAMPLE, tmp_path / "ut", ALL, False)
    assert [f.message for f in raised.value.findings] == ["bilden får inte användas"]
    assert not (tmp_path / "ut").exists()


def test_a_bug_in_the_report_process_is_an_internal_error_with_its_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def buggy(document: object) -> bytes:
        return {}["nyckel"]  # type: ignore[no-any-return]

    monkeypatch.setitem(build_command.RENDERERS, "docx", buggy)
    monkeypatch.setattr(build_command, "_write_pdf", lambda job, drawings: b"%PDF")
    with pytest.raises(forked.ChildFailed, match="(?s)Traceback.*in buggy.*KeyError: 'nyckel'"):
        build_command.build(EXAMPLE, tmp_path / "ut", ALL, False)
    assert not (tmp_path / "ut").exists()


def test_a_user_error_in_the_report_process_comes_back_as_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(document: object) -> bytes:
        raise _error("bilden kan inte bäddas in")

    monkeypatch.setitem(build_command.RENDERERS, "docx", refused)
    monkeypatch.setattr(build_command, "_write_pdf", lambda job, drawings: b"%PDF")
    with pytest.raises(UserError) as raised:
        build_command.build(EXAMPLE, tmp_path / "ut", ALL, False)
    assert [f.message for f in raised.value.findings] == ["bilden kan inte bäddas in"]
    assert not (tmp_path / "ut").exists()


def _children_of(pid: int) -> list[int]:
    with open(f"/proc/{pid}/task/{pid}/children") as f:
        return [int(c) for c in f.read().split()]


def _gone(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] == "Z"  # a zombie has ended
    except FileNotFoundError:
        return True


def test_a_failing_pdf_stops_the_report_process_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When the PDF fails here, the report process (here it would sleep for a minute in the
    DOCX) is killed, and nothing is written."""
    started: list[int] = []
    real = forked.Forked.__init__

    def track(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        real(self, *args, **kwargs)
        started.append(self.pid)

    def refused(job: object, drawings: object) -> bytes:
        raise _error("bilden får inte användas")

    monkeypatch.setattr(forked.Forked, "__init__", track)
    monkeypatch.setitem(build_command.RENDERERS, "docx", lambda document: time.sleep(60) or b"")
    monkeypatch.setattr(build_command, "_write_pdf", refused)
    begun = time.monotonic()
    with pytest.raises(UserError):
        build_command.build(EXAMPLE, tmp_path / "ut", ALL, False)
    assert time.monotonic() - begun < 30
    assert len(started) == 1 and _gone(started[0])
    assert not (tmp_path / "ut").exists()


def test_check_errors_refuse_the_build_before_the_pdf_starts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The PDF's job is sent only once the checks have passed: a refused build says so at
    once, without waiting for a PDF it throws away."""
    shutil.copytree(EXAMPLE.parent, tmp_path / "content")
    text = tmp_path / "content" / "text" / "personal.md"
    text.write_text("TODO\n", encoding="utf-8")
    made: list[str] = []
    monkeypatch.setattr(build_command, "_write_pdf",
                        lambda job, drawings: made.append(job.variant) or b"%PDF")
    with pytest.raises(UserError) as raised:
        build_command.build(tmp_path / "content" / "2023.yaml", tmp_path / "ut", ALL, False)
    assert made == []
    assert [f.rule for f in utan_exemplets_varningar(raised.value.findings)] == [
        "text.platshållare"]
    assert not (tmp_path / "ut").exists()


CLI = [sys.executable, "-m", "reportgen", "build", str(EXAMPLE), "--format", "pdf,docx"]


@pytest.mark.slow
@pytest.mark.parametrize("signum, group", [(signal.SIGINT, True), (signal.SIGTERM, False)],
                         ids=["Ctrl+C", "SIGTERM"])
def test_a_signal_while_the_pdf_is_made_leaves_no_process_and_no_file(
    tmp_path: Path, signum: int, group: bool
) -> None:
    """Ctrl+C (SIGINT to the whole process group) or SIGTERM to the build alone, while the
    PDF process works: every process ends, nothing is written, no temporary file."""
    out = tmp_path / "ut"
    build = subprocess.Popen([*CLI, "--out", str(out)], cwd=ROOT, stderr=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True, start_new_session=True,
                             env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert build.stderr is not None
    try:
        assert build.stderr.readline().startswith("reportgen: kontrollerar")
        told = [build.stderr.readline() for _ in EXEMPLETS_VARNINGAR]  # the example's own
        assert all(": varning: " in line for line in told), told
        assert build.stderr.readline() == "reportgen: skapar PDF …\n"
        time.sleep(0.3)  # WeasyPrint at work here, the DOCX in the report process
        children = _children_of(build.pid)
        assert children  # the report process (and what WeasyPrint's import may start)
        if group:
            os.killpg(build.pid, signum)
        else:
            build.send_signal(signum)
        _, stderr = build.communicate(timeout=60)
    finally:
        if build.poll() is None:
            os.killpg(build.pid, signal.SIGKILL)
            build.wait()
    deadline = time.monotonic() + 10
    while not all(_gone(pid) for pid in children) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert all(_gone(pid) for pid in children)
    assert "Traceback" not in stderr
    if group:
        assert build.returncode == 130 and "avbröts" in stderr
    else:
        assert build.returncode == -signal.SIGTERM
    assert not out.exists() or list(out.iterdir()) == []


@pytest.mark.parametrize("formats, charts, expected", [
    ("html", False, ["jinja2"]),
    ("docx", False, ["docx", "fontTools"]),
    ("html,docx", False, ["docx", "fontTools", "jinja2"]),
    ("html", True, ["fontTools", "jinja2", "matplotlib"]),  # Året i siffror draws charts
])
def test_a_build_imports_only_what_its_formats_use(tmp_path: Path, formats: str, charts: bool,
                                                   expected: list[str]) -> None:
    """No WeasyPrint without a PDF, no python-docx (nor fontTools) without a DOCX, no
    matplotlib in a report without charts (issue 18)."""
    content = tmp_path / "content"
    shutil.copytree(EXAMPLE.parent, content)
    source = content / EXAMPLE.name
    text = source.read_text(encoding="utf-8")
    assert " året_i_siffror," in text  # the example's one section with charts
    if not charts:
        source.write_text(text.replace(" året_i_siffror,", ""), encoding="utf-8")
    script = ("import sys; from reportgen import cli; code = cli.main(sys.argv[1:]); "
              "print(sorted({m.split('.')[0] for m in sys.modules} & {'weasyprint', 'docx', "
              "'fontTools', 'matplotlib', 'jinja2'}), code)")
    result = subprocess.run(
        [sys.executable, "-c", script, "build", str(source), "--out", str(tmp_path / "out"),
         "--tyst", "--format", formats],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True,
        timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == f"{expected} 0"

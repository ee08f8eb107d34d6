"""`reportgen build` says what it is doing (issue 10, item 9): one Swedish line per stage,
to stderr, as the stage starts; nothing of it with --tyst."""

from __future__ import annotations

import subprocess
import sys

from check_expected import EXEMPLETS_VARNINGAR
from conftest import EXAMPLE, ROOT

import reportgen.commands.build as build_command
from reportgen.document.model import Document


def run_build(tmp_path, *flags: str) -> subprocess.CompletedProcess[str]:  # type: ignore[no-untyped-def]
    return subprocess.run(
        [sys.executable, "-m", "reportgen", "build", str(EXAMPLE), "--out", str(tmp_path),
         "--format", "html,docx", *flags],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )


def _example_warnings(lines: list[str]) -> list[str]:
    """The lines of the example's own warnings (check_expected.EXEMPLETS_VARNINGAR)."""
    fields = {field for _rule, field in EXEMPLETS_VARNINGAR}
    return [line for line in lines if line.startswith(f"{EXAMPLE}:") and ": varning: " in line
            and line.endswith("]") and line.rsplit("[", 1)[1][:-1] in fields]


def test_each_stage_is_told_on_stderr_in_swedish(tmp_path):
    result = run_build(tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    warnings = _example_warnings(lines)
    assert len(warnings) == len(EXEMPLETS_VARNINGAR)  # told after the check, before HTML
    assert lines == [
        f"reportgen: kontrollerar {EXAMPLE} …",
        *warnings,
        "reportgen: skapar HTML …",
        "reportgen: skapar DOCX …",
    ]
    assert result.stdout.splitlines() == [f"skrev {tmp_path / '2023.html'}",
                                          f"skrev {tmp_path / '2023.docx'}"]


def test_tyst_says_nothing_but_still_builds(tmp_path):
    result = run_build(tmp_path, "--tyst")
    assert result.returncode == 0
    lines = result.stderr.splitlines()  # the findings are no progress: still told
    assert lines == _example_warnings(lines) and len(lines) == len(EXEMPLETS_VARNINGAR)
    assert (tmp_path / "2023.docx").is_file()


def test_a_stage_is_told_before_it_runs_not_after(tmp_path, monkeypatch):
    events: list[str] = []

    def renderer(fmt: str):  # type: ignore[no-untyped-def]
        def render(document: Document) -> bytes:
            events.append(f"renderar {fmt}")
            return b"x"
        return render

    monkeypatch.setattr(build_command, "RENDERERS",
                        {fmt: renderer(fmt) for fmt in build_command.FORMATS})
    monkeypatch.setattr(build_command, "_render_pdf", lambda document, variant: renderer("pdf")(document))
    build_command.build(EXAMPLE, tmp_path, ["html", "pdf", "docx"], draft=False,
                        say=events.append, parallel=False)
    assert events == [
        f"reportgen: kontrollerar {EXAMPLE} …",
        "reportgen: skapar PDF …", "renderar pdf",
        "reportgen: skapar HTML …", "renderar html",
        "reportgen: skapar DOCX …", "renderar docx",
    ]


def test_the_pdf_starts_as_soon_as_the_checks_pass_while_another_process_renders(tmp_path,
                                                                                monkeypatch):
    """Issue 18: with a PDF to make, the report is prepared in a forked process while this
    one imports WeasyPrint; the PDF's job is handed over as soon as the checks have passed,
    before the HTML is rendered, and laid out here. Each step notes its process in a log
    file (the processes share no memory)."""
    import os

    import reportgen.pipeline as pipeline

    log = tmp_path / "logg"

    def note(text: str) -> None:
        with log.open("a", encoding="utf-8") as f:
            f.write(f"{os.getpid()} {text}\n")

    real_checks, real_job = pipeline.check_figures, build_command._print_job

    def checks(*args):  # type: ignore[no-untyped-def]
        note("kontrollerna körs")
        return real_checks(*args)

    def print_job(document, variant):  # type: ignore[no-untyped-def]
        note("PDF-jobbet lämnas")
        return real_job(document, variant)

    def html(document: Document) -> bytes:
        note("renderar html")
        return b"<html>"

    def write_pdf(job, drawings) -> bytes:  # type: ignore[no-untyped-def]
        note(f"renderar pdf {job.variant}")
        return b"%PDF"

    monkeypatch.setattr(pipeline, "check_figures", checks)
    monkeypatch.setattr(build_command, "_print_job", print_job)
    monkeypatch.setitem(build_command.RENDERERS, "html", html)
    monkeypatch.setattr(build_command, "_write_pdf", write_pdf)
    said: list[str] = []
    out = tmp_path / "ut"
    build_command.build(EXAMPLE, out, ["html", "pdf"], draft=False, say=said.append,
                        pdf_variant="a")
    assert said == [f"reportgen: kontrollerar {EXAMPLE} …", "reportgen: skapar PDF …",
                    "reportgen: skapar HTML …"]
    steps: dict[int, list[str]] = {}
    for line in log.read_text(encoding="utf-8").splitlines():
        pid, text = line.split(" ", 1)
        steps.setdefault(int(pid), []).append(text)
    assert steps.pop(os.getpid()) == ["renderar pdf a"]
    assert list(steps.values()) == [["kontrollerna körs", "PDF-jobbet lämnas", "renderar html"]]
    assert (out / "2023.pdf").read_bytes() == b"%PDF"
    assert (out / "2023.html").read_bytes() == b"<html>"


def test_the_flag_has_swedish_help():
    from reportgen.cli import parser

    build_parser = parser()._subparsers._group_actions[0].choices["build"]  # type: ignore[union-attr]
    (tyst,) = [a for a in build_parser._actions if "--tyst" in a.option_strings]
    assert tyst.help == "skriv inte ut vad som görs (kontroller, HTML, PDF, DOCX) medan det pågår"

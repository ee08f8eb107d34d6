"""The build cache (issue 18): a format whose inputs are unchanged is not rendered again.

These tests count which formats a build renders, with renderers that only say they ran
(the cache decides from what the outputs depend on, not from their bytes), and build in
this process (`parallel=False`). tests/test_build_parallel.py builds for real.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLE, ROOT

import reportgen.commands.build as build_command
from reportgen import buildcache
from reportgen.document.model import Document
from reportgen.findings import UserError

ALL = ["html", "pdf", "docx"]


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A copy of the example's content folder; returns its YAML."""
    shutil.copytree(EXAMPLE.parent, tmp_path / "content")
    return tmp_path / "content" / EXAMPLE.name


@pytest.fixture
def rendered(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The formats rendered, in order; each output's bytes name the format and the
    draft status, so that a re-rendered file differs from a kept one."""
    calls: list[str] = []

    def renderer(fmt: str):  # type: ignore[no-untyped-def]
        def render(document: Document, *variant: str) -> bytes:
            calls.append(fmt)
            return f"{fmt} {document.draft} {variant} {len(calls)}".encode()
        return render

    monkeypatch.setattr(build_command, "RENDERERS", {f: renderer(f) for f in build_command.FORMATS})
    monkeypatch.setattr(build_command, "_render_pdf", renderer("pdf"))
    return calls


def build(yaml: Path, formats: list[str] = ALL, **options: object) -> build_command.Outcome:
    out = yaml.parent.parent / "build"
    return build_command.run(yaml, out, formats, draft=bool(options.pop("draft", False)),
                             parallel=False, **options)  # type: ignore[arg-type]


def names(paths: list[Path]) -> list[str]:
    return [p.name for p in paths]


def test_an_unchanged_rebuild_renders_nothing_and_leaves_every_file_as_it_was(content, rendered):
    first = build(content)
    assert rendered == ["pdf", "html", "docx"] and names(first.written) == ["2023.html", "2023.pdf",
                                                                          "2023.docx"]
    out = content.parent.parent / "build"
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.iterdir() if p.is_file()}
    again = build(content)
    assert rendered == ["pdf", "html", "docx"]  # nothing more
    assert again.written == [] and names(again.unchanged) == ["2023.html", "2023.pdf", "2023.docx"]
    assert {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.iterdir() if p.is_file()} == before


def test_an_up_to_date_build_does_not_even_load_the_report(content, rendered, monkeypatch):
    build(content)
    import reportgen.pipeline

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the report was loaded")

    monkeypatch.setattr(reportgen.pipeline, "prepare", refuse)
    assert build(content).written == []


def test_a_change_in_one_markdown_file_renders_every_format_again(content, rendered):
    build(content)
    text = content.parent / "text" / "personal.md"
    text.write_text(text.read_text(encoding="utf-8") + "\nEn mening till.\n", encoding="utf-8")
    rendered.clear()
    outcome = build(content)
    assert rendered == ["pdf", "html", "docx"]
    assert names(outcome.written) == ["2023.html", "2023.pdf", "2023.docx"]


def test_a_change_in_a_picture_or_the_yaml_renders_every_format_again(content, rendered):
    build(content)
    logo = content.parent / "bilder" / "logotyp.png"
    logo.write_bytes(logo.read_bytes() + b"\0")  # trailing bytes: still a valid PNG
    rendered.clear()
    build(content)
    assert sorted(rendered) == sorted(ALL)
    content.write_text(content.read_text(encoding="utf-8") + "\n# en kommentar\n", encoding="utf-8")
    rendered.clear()
    build(content)
    assert sorted(rendered) == sorted(ALL)


@pytest.fixture
def templates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the templates folder that the cache takes as reportgen's."""
    copy = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", copy)
    monkeypatch.setattr(buildcache, "templates_dir", lambda: copy)
    return copy


@pytest.mark.parametrize("changed, again", [
    ("reference.docx", ["docx"]),  # the DOCX's styles: only the DOCX
    ("report.css", ["pdf", "html"]),  # the CSS and the HTML templates: not the DOCX
    ("blocks/table.html.j2", ["pdf", "html"]),
    ("fonts/Inter-Regular.otf", ["pdf", "html", "docx"]),  # in every format
    ("layouts/standard.yaml", ["pdf", "html", "docx"]),  # read while preparing the model
])
def test_a_changed_template_renders_the_formats_that_use_it(content, rendered, templates,
                                                            changed, again):
    build(content)
    with (templates / changed).open("ab") as f:
        f.write(b"\n")
    rendered.clear()
    outcome = build(content)
    assert rendered == again
    assert sorted(names(outcome.unchanged)) == sorted(f"2023.{f}" for f in ALL if f not in again)


def test_a_new_kind_of_template_file_counts_for_every_format(content, rendered, templates):
    build(content)
    (templates / "tema.yaml").write_text("färg: blå\n", encoding="utf-8")
    rendered.clear()
    build(content)
    assert sorted(rendered) == sorted(ALL)


def test_options_render_what_depends_on_them(content, rendered, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1710374400")
    build(content)
    rendered.clear()
    build(content, pdf_variant="a")  # the PDF variant: the PDF only
    assert rendered == ["pdf"]
    rendered.clear()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1710460800")  # the date the PDF and DOCX record
    build(content, pdf_variant="a")
    assert rendered == ["pdf", "docx"]
    rendered.clear()
    build(content, pdf_variant="a", draft=True)  # --utkast: every output is marked
    assert rendered == ["pdf", "html", "docx"]
    assert (content.parent.parent / "build" / "2023.html").read_bytes().startswith(b"html True")
    rendered.clear()
    build(content, pdf_variant="a", draft=True, rebuild=True)  # --om: everything
    assert rendered == ["pdf", "html", "docx"]
    rendered.clear()
    build(content, pdf_variant="a", draft=True)
    assert rendered == []


def test_formats_asked_for_separately_keep_each_other(content, rendered):
    build(content, ["html"])
    build(content, ["docx"])
    assert rendered == ["html", "docx"]
    rendered.clear()
    outcome = build(content, ["html", "docx"])
    assert rendered == [] and names(outcome.unchanged) == ["2023.html", "2023.docx"]
    build(content)
    assert rendered == ["pdf"]


def test_an_output_deleted_or_edited_by_hand_is_made_again(content, rendered):
    build(content)
    out = content.parent.parent / "build"
    (out / "2023.pdf").unlink()
    (out / "2023.docx").write_bytes(b"redigerad")
    rendered.clear()
    build(content)
    assert rendered == ["pdf", "docx"]
    assert (out / "2023.docx").read_bytes() != b"redigerad"


def test_a_file_read_as_missing_that_appears_is_a_changed_input(tmp_path):
    """What a read found is recorded, a missing or unreadable file too: its appearing is a
    change (readfile.recording, Manifest.unchanged_inputs)."""
    from reportgen.readfile import Unreadable, read_bytes, recording

    yaml, later = tmp_path / "2023.yaml", tmp_path / "senare.md"
    yaml.write_text("förbund: {}\n", encoding="utf-8")
    with recording() as reads:
        read_bytes(yaml, 100)
        with pytest.raises(Unreadable):
            read_bytes(later, 100)
    assert reads[(str(later), 100)] == "!finns inte"
    manifest = buildcache.Manifest(buildcache.input_key(yaml, False, reads), dict(reads))
    assert manifest.unchanged_inputs(yaml, False) == manifest.inputs
    assert manifest.unchanged_inputs(yaml, True) is None  # --utkast is part of the input
    later.write_text("Text.\n", encoding="utf-8")
    assert manifest.unchanged_inputs(yaml, False) is None


def test_an_up_to_date_build_prints_the_findings_of_the_last_one(content, rendered, capsys):
    text = content.read_text(encoding="utf-8")
    assert text.count("beslutsdatum: 2024-03-14") == 1
    content.write_text(text.replace("beslutsdatum: 2024-03-14", "beslutsdatum: 2024-09-14"),
                       encoding="utf-8")
    build(content)
    first = capsys.readouterr().err
    assert "varning" in first
    assert build(content).written == []
    assert capsys.readouterr().err == first


def test_a_failed_build_leaves_the_cache_and_the_outputs_as_they_were(content, rendered):
    build(content)
    out = content.parent.parent / "build"
    before = {p.name: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    text = content.parent / "text" / "personal.md"
    text.write_text("TODO\n", encoding="utf-8")  # a placeholder: an error
    with pytest.raises(UserError):
        build(content)
    assert {p.name: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


def test_a_damaged_manifest_is_a_full_build(content, rendered):
    build(content)
    manifest = content.parent.parent / "build" / buildcache.CACHE_FOLDER / "2023.json"
    for damage in (b"{", b"[]", b'{"version": 1}', b'{"version": 99}'):
        manifest.write_bytes(damage)
        rendered.clear()
        build(content)
        assert sorted(rendered) == sorted(ALL)


def test_the_keys_cover_reportgens_own_source(tmp_path, monkeypatch):
    """A change in any of reportgen's modules gives another environment key."""
    import reportgen

    package = tmp_path / "reportgen"
    shutil.copytree(Path(reportgen.__file__).parent, package,
                    ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(reportgen, "__file__", str(package / "__init__.py"))
    before = buildcache.environment_key()
    with (package / "render" / "docx_pages.py").open("a") as f:
        f.write("\n")
    assert buildcache.environment_key() != before


def test_an_unchanged_rebuild_imports_neither_the_schema_nor_a_renderer(tmp_path, content):
    """What keeps an unchanged rebuild within half a second: a new process reads the
    manifest and the files it lists, and imports nothing of the report."""
    out = tmp_path / "ut"
    args = ["build", str(content), "--out", str(out), "--format", "html,docx", "--tyst"]
    script = ("import sys; from reportgen import cli; code = cli.main(sys.argv[1:]); "
              "print(sorted({m.split('.')[0] for m in sys.modules} & {'pydantic', 'jinja2', "
              "'docx', 'weasyprint', 'markdown_it', 'ruamel', 'yaml'}), "
              "'reportgen.pipeline' in sys.modules, code)")
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    first = subprocess.run([sys.executable, "-c", script, *args], cwd=ROOT, env=env,
                           capture_output=True, text=True, timeout=120)
    assert first.returncode == 0, first.stderr
    again = subprocess.run([sys.executable, "-c", script, *args], cwd=ROOT, env=env,
                           capture_output=True, text=True, timeout=120)
    assert again.stdout.splitlines() == [f"oförändrad {out / '2023.html'}",
                                         f"oförändrad {out / '2023.docx'}", "[] False 0"]

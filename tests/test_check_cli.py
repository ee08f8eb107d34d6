"""`reportgen check` as a command: output format, exit codes, JSON, and what it imports;
and `reportgen build` refusing a report with errors unless it is a draft (UTKAST)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import zipfile

import pytest
from check_expected import EXEMPLETS_SUMMERING, EXEMPLETS_VARNINGAR, ROOT

from reportgen.commands.build import build
from reportgen.findings import UserError

EXAMPLE = ROOT / "content" / "2023.yaml"
SEED_000 = ROOT / "tests" / "fixtures" / "seed000" / "arsredovisning.yaml"
LINE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<sev>fel|varning): (?P<msg>.+)$")


def run(*args: str, flags: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *flags, "-m", "reportgen", "check", *args],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )


def test_example_checks_with_only_its_own_warnings():
    # The example is seed 000's year as published: two of its figures are warned about
    # (check_expected.EXEMPLETS_VARNINGAR says which and why); no errors, exit code 0.
    result = run("content/2023.yaml")
    assert result.returncode == 0, result.stdout + result.stderr
    fields = re.findall(r"^content/2023\.yaml:\d+:\d+: varning: .* \[([^\]]+)\]$",
                        result.stdout, re.MULTILINE)
    assert sorted(fields) == sorted(field for _rule, field in EXEMPLETS_VARNINGAR)
    assert result.stdout.strip().endswith(f"content/2023.yaml: {EXEMPLETS_SUMMERING}")


def test_check_does_not_import_weasyprint_or_the_renderers():
    result = run("content/2023.yaml", flags=("-X", "importtime"))
    assert result.returncode == 0
    imported = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines()}
    assert not {m for m in imported if m.split(".")[0] in {"weasyprint", "docx", "jinja2"}}
    # What keeps it within 0.3 s: no Markdown stack, no Babel (numbers are formatted only
    # for findings), no ruamel (libyaml reads the file, reportgen/yamlfast.py).
    assert not {m for m in imported if m.split(".")[0] in {"markdown_it", "babel", "ruamel"}}


def test_every_finding_is_printed_grouped_with_coordinates():
    result = run(str(SEED_000.relative_to(ROOT)))
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stdout.splitlines()
    findings = [m for m in map(LINE.match, lines) if m]
    assert len(findings) == 12
    assert all(m["file"] == "tests/fixtures/seed000/arsredovisning.yaml" for m in findings)
    headings = [line for line in lines if line.startswith("## ")]
    assert headings == [
        "## Resultaträkning (1 fel, 0 varningar)",
        "## Kassaflödesanalys (1 fel, 0 varningar)",
        "## Noter (1 fel, 0 varningar)",
        "## Femårsöversikt (3 fel, 0 varningar)",
        "## Driftredovisning och sammanställning av utfall och budget (3 fel, 0 varningar)",
        "## Styrelse och underskrifter (1 fel, 2 varningar)",
    ]
    assert lines[-1] == "tests/fixtures/seed000/arsredovisning.yaml: 10 fel, 2 varningar"


def test_json_has_the_same_findings():
    text = run(str(SEED_000.relative_to(ROOT))).stdout
    data = json.loads(run(str(SEED_000.relative_to(ROOT)), "--format", "json").stdout)
    assert data["fel"] == 10 and data["varningar"] == 2
    assert len(data["fynd"]) == 12
    first = data["fynd"][0]
    assert set(first) == {"fil", "rad", "kolumn", "allvarlighet", "fält", "regel", "meddelande",
                          "grupp"}
    for item in data["fynd"]:
        assert f"{item['fil']}:{item['rad']}:{item['kolumn']}: {item['allvarlighet']}: " \
               f"{item['meddelande']}" in text


def test_warnings_only_exit_zero(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(EXAMPLE.parent, content)
    target = content / "2023.yaml"
    target.write_text(target.read_text(encoding="utf-8").replace(
        "beslutsdatum: 2024-03-14", "beslutsdatum: 2024-04-30"), encoding="utf-8")
    result = run(str(target))
    assert result.returncode == 0, result.stdout
    assert ": varning: beslutsdatum 2024-04-30 ligger mer än tre månader" in result.stdout


@pytest.mark.parametrize("content, message", [
    ("förbund: [\n", "YAML-syntaxfel"),
    ("rapport: {räkenskapsår: 2023}\n", "obligatoriskt fält saknas"),
])
def test_bad_input_is_a_located_swedish_error_without_traceback(tmp_path, content, message):
    target = tmp_path / "x.yaml"
    target.write_text(content, encoding="utf-8")
    result = run(str(target))
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert any(LINE.match(line) and message in line for line in result.stdout.splitlines())


def test_missing_file():
    result = run("finns/inte.yaml")
    assert result.returncode == 1
    assert "finns/inte.yaml: fel: filen finns inte" in result.stdout


def test_build_refuses_errors_unless_draft(tmp_path):
    with pytest.raises(UserError) as raised:
        build(SEED_000, tmp_path / "out", ["html"], draft=False)
    assert {f.rule for f in raised.value.findings} >= {"rr.summa", "not.summa", "femår.belopp"}
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
    written = {p.suffix: p for p in build(SEED_000, tmp_path / "out", ["html", "docx"],
                                          draft=True)}
    assert "UTKAST" in written[".html"].read_text(encoding="utf-8")
    with zipfile.ZipFile(written[".docx"]) as docx:
        word = "".join(docx.read(n).decode("utf-8") for n in docx.namelist()
                       if n.startswith("word/") and n.endswith(".xml"))
    assert "UTKAST" in word

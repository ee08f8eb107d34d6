"""`{{ namn }}` in narrative: `reportgen check` reports what `reportgen build` would refuse,
with the same message, place and rule id (both call Figurer.textfel), without importing
Jinja, Babel or markdown-it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from check_expected import bara_exemplets_varningar

from reportgen.commands.check import collect
from reportgen.figures import Figurer, uttryck
from reportgen.findings import Finding, Location, UserError
from tests.conftest import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "seed001_structure"
MD = Path("text") / "god-hushallning.md"


def project(tmp_path: Path) -> Path:
    target = tmp_path / "f"
    shutil.copytree(FIXTURE, target)
    return target


def edit(file: Path, old: str, new: str) -> None:
    text = file.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    file.write_text(text.replace(old, new), encoding="utf-8")


def position(file: Path, needle: str) -> tuple[int, int]:
    """1-based (line, column) of the first *needle* in *file*."""
    for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number, line.index(needle) + 1
    raise AssertionError(needle)


def built(yaml: Path) -> list[Finding]:
    """What the build reports: refused by its checks, and (as a draft, past the checks)
    by the renderer of the texts."""
    from reportgen.pipeline import prepare

    with pytest.raises(UserError) as refused:
        prepare(yaml)
    with pytest.raises(UserError) as rendered:
        prepare(yaml, draft=True)
    # The draft stops at the first text with a problem; a project here has one.
    assert refused.value.findings == rendered.value.findings
    return rendered.value.findings


def test_misspelt_figure_in_markdown_is_reported_where_it_stands(tmp_path: Path) -> None:
    folder = project(tmp_path)
    md = folder / MD
    edit(md, "{{ eget_kapital_andel }}", "{{ eget_kapitel_andel }}")
    line, column = position(md, "eget_kapitel_andel")
    (finding,) = collect(folder / "2020.yaml")
    assert (finding.location.file, finding.location.line, finding.location.column) == (
        md, line, column)
    assert finding.rule == "text.okänd_siffra"
    assert finding.field == "förvaltningsberättelse.god_hushållning"
    assert finding.message.startswith(
        "okänd siffra 'eget_kapitel_andel'; menade du 'eget_kapital_andel'")
    assert str(finding).startswith(f"{md}:{line}:{column}: fel: okänd siffra")
    assert built(folder / "2020.yaml") == [finding]


def test_misspelt_figure_inline_in_yaml_points_at_the_field(tmp_path: Path) -> None:
    folder = project(tmp_path)
    yaml = folder / "2020.yaml"
    edit(yaml, "personal: Förbundschefen har arbetat 75 % av heltid under året.",
         "personal: Förbundschefen och {{ deltagare.rehabteamet.aktive }} deltagare.")
    line, column = position(yaml, "personal: Förbundschefen och")
    findings = collect(yaml)
    (finding,) = findings
    assert (finding.location.line, finding.location.column) == (line, column)
    assert finding.location.file == yaml
    assert finding.rule == "text.okänd_siffra"
    assert "'deltagare.rehabteamet.aktiva'" in finding.message
    assert built(yaml) == findings


def test_unclosed_expression_is_located_alike(tmp_path: Path) -> None:
    folder = project(tmp_path)
    md = folder / MD
    edit(md, "{{ eget_kapital_andel }}", "{{ eget_kapital_andel }")
    line, column = position(md, "{{ eget_kapital_andel }")
    (finding,) = collect(folder / "2020.yaml")
    assert (finding.location.line, finding.location.column, finding.rule) == (
        line, column, "text.siffra")
    assert "saknar ett avslutande" in finding.message
    assert built(folder / "2020.yaml") == [finding]


def test_the_example_has_only_its_own_warnings() -> None:
    assert bara_exemplets_varningar(collect(ROOT / "content" / "2023.yaml"))


def test_check_of_a_bad_figure_imports_no_renderer(tmp_path: Path) -> None:
    folder = project(tmp_path)
    edit(folder / MD, "{{ eget_kapital_andel }}", "{{ eget_kapitel_andel }}")
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "reportgen", "check", str(folder / "2020.yaml")],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 1 and "okänd siffra 'eget_kapitel_andel'" in result.stdout
    imported = {line.rsplit("|", 1)[-1].strip().split(".")[0] for line in result.stderr.splitlines()}
    assert not imported & {"jinja2", "babel", "markdown_it"}


# -- the scanner ---------------------------------------------------------------------------------


def test_scanner_finds_names_and_their_places() -> None:
    text = "Under {{ år }} var\nandelen {{fg.eget_kapital_andel}} och {{\n  insats.x_1.beviljat_tkr }}."
    found = [(u.name, u.at, u.syntaxfel) for u in uttryck(text)]
    assert found == [
        ("år", text.index("år"), None),
        ("fg.eget_kapital_andel", text.index("fg."), None),
        ("insats.x_1.beviljat_tkr", text.index("insats"), None),
    ]


@pytest.mark.parametrize(("text", "why"), [
    ("{{ år + 1 }}", "{{ år + 1 }} är inte namnet på en siffra"),
    ("{{ ''.__class__ }}", "är inte namnet på en siffra"),
    ("{{ år }", '"{{" saknar ett avslutande "}}"'),
    ("{{ år } och {{ fg.år }}", '"{{" saknar ett avslutande "}}"'),
    ("{% if år %}x{% endif %}", "{% … %} kan inte användas i texten"),
    ("{{-år-}}", "är inte namnet på en siffra"),
])
def test_scanner_reports_what_is_not_a_name(text: str, why: str) -> None:
    problems = [u.syntaxfel for u in uttryck(text) if u.syntaxfel]
    assert problems and why in problems[0]
    assert problems[0].startswith("fel i {{ … }}-uttryck: ")


def test_text_without_expressions_or_with_lone_braces_is_left_alone() -> None:
    figurer = Figurer({})
    for raw in ("Klamrar { och } och 100 % utan uttryck.", "}} och {# rubrik #} och { {"):
        assert list(uttryck(raw)) == []
        assert figurer.render(raw, Location(Path("t.md")), "f", 0) == raw


def test_render_and_check_share_the_findings() -> None:
    from reportgen.figures import Figur

    figurer = Figurer({"år": Figur("2023"), "fg": {"år": Figur("2022")}})
    text = "a {{ år }}\nb {{ fg }} {{ år2 }}\n{{ fg.år }} {{ x"
    where = Location(Path("t.md"), 1, 1)
    findings = figurer.textfel(text, where, "f", 0)
    assert [(f.location.line, f.location.column, f.rule) for f in findings] == [
        (2, 6, "text.okänd_siffra"), (2, 15, "text.okänd_siffra"), (3, 13, "text.siffra")]
    with pytest.raises(UserError) as error:
        figurer.render(text, where, "f", 0)
    assert error.value.findings == findings
    assert figurer.render("a {{ år }} ({{fg.år}})\n", where, "f", 0) == "a 2023 (2022)\n"

"""One definition of narrative text (issue 10, item 1).

The schema marks the narrative fields (`Text`, `Korttext`); `reportgen check` checks the
`{{ … }}` of exactly those, the build fills in figures in exactly those, and a `{{` in
any other field is a located check error instead of braces in the printed report.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from check_expected import bara_exemplets_varningar, utan_exemplets_varningar
from pydantic import ValidationError

from reportgen.commands.check import collect
from reportgen.findings import Severity, UserError
from reportgen.fmt import kronor
from reportgen.load import PathKey, load_yaml, strings
from reportgen.narrative import is_file_reference
from reportgen.schema import Indata
from tests.conftest import ROOT

CONTENT = ROOT / "content"
FÖRKLARING = "      förklaring: Insatsen förbrukade mindre än beviljat och betalade tillbaka en del.\n"


def copy_content(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target / "2023.yaml"


def replace_once(file: Path, old: str, new: str) -> None:
    text = file.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    file.write_text(text.replace(old, new), encoding="utf-8")


def dotted(path: PathKey) -> str:
    return ".".join(str(p) for p in path)


def test_a_budget_lines_förklaring_has_its_figures_filled_in(tmp_path):
    from reportgen.pipeline import prepare

    file = copy_content(tmp_path)
    replace_once(file, FÖRKLARING,
                 '      förklaring: "Använt {{ insats.rehabteamet.förbrukat_tkr }} tkr."\n')
    assert bara_exemplets_varningar(collect(file))
    prepared = prepare(file)
    table = next(t for t in prepared.document.tables() if t.id == "driftredovisning")
    cells = [c.text for row in table.body for c in row.cells]
    assert f"Använt {kronor(1067)} tkr." in cells  # the insats's förbrukat, 1 066 830 kr, in tkr
    assert not any("{{" in c for c in cells)


def test_a_misspelt_figure_in_a_förklaring_is_found_by_check_and_build_alike(tmp_path):
    from reportgen.pipeline import prepare

    file = copy_content(tmp_path)
    replace_once(file, FÖRKLARING, "      förklaring: Använt {{ eget_kapitel_tkr }} tkr.\n")
    (finding,) = utan_exemplets_varningar(collect(file))
    assert finding.rule == "text.okänd_siffra"
    assert finding.field == "budget.rader.10.förklaring"
    with pytest.raises(UserError) as error:
        prepare(file, draft=True)
    assert utan_exemplets_varningar(error.value.findings) == [finding]


def test_braces_where_no_figure_is_filled_in_are_a_located_check_error(tmp_path):
    file = copy_content(tmp_path)
    replace_once(file, "- {namn: Övriga intäkter, slag:",
                 "- {namn: 'Övriga intäkter {{ år }}', slag:")
    line = next(n for n, row in enumerate(file.read_text(encoding="utf-8").splitlines(), 1)
                if "Övriga intäkter {{ år }}" in row)
    result = subprocess.run([sys.executable, "-m", "reportgen", "check", str(file)], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1, result.stdout
    (reported,) = [row for row in result.stdout.splitlines() if "{{" in row]
    assert reported.startswith(f"{file}:{line}:")
    assert ": fel: här kan inga siffror anges" in reported
    assert reported.endswith("[budget.rader.1.namn]")


def _set(data: Any, path: PathKey, value: str) -> None:
    for key in path[:-1]:
        data = data[key]
    data[path[-1]] = value


def test_check_and_build_judge_figures_in_exactly_the_same_fields(tmp_path):
    """A misspelt figure in every inline string of the example (where the schema still
    accepts it): check reports it in exactly the fields the build fills in, and says
    "no figures here" for every other field."""
    from reportgen.pipeline import prepare
    from reportgen.schema.base import Figurreferens
    from reportgen.schema.marked import marked_strings, narrative_fields

    file = copy_content(tmp_path)
    source = load_yaml(file)
    data = source.data
    changed: list[PathKey] = []
    for path, value in list(strings(data)):
        if is_file_reference(value) or path[-1] == "logotyp":
            continue
        _set(data, path, f"{value} {{{{ årr }}}}")
        try:
            Indata.model_validate(data)
        except ValidationError:
            _set(data, path, value)  # an enum, an id, a date: the schema refuses it anyway
        else:
            changed.append(path)
    file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    indata = Indata.model_validate(data)
    narrative = {dotted(p) for p, _, _ in narrative_fields(indata)} & set(map(dotted, changed))
    names = {dotted(p) for p, _, m in marked_strings(indata) if isinstance(m, Figurreferens)}
    others = set(map(dotted, changed)) - narrative - names
    assert {"budget.rader.10.förklaring", "budget.gruppförklaringar.administration",
            "mål.1.aktiviteter.0", "förvaltningsberättelse.väsentliga_händelser"} <= narrative
    assert {"förbund.namn", "ekonomi.noter.1.rubrik", "budget.rader.0.namn",
            "mål.0.rubrik", "insatser.0.namn"} <= others

    found = collect(file)
    checked = {f.field for f in found if f.rule == "text.okänd_siffra"}
    refused = {f.field for f in found if f.rule == "text.inga_siffror"}
    with pytest.raises(UserError) as error:
        prepare(file, draft=True)
    built = {f.field for f in error.value.findings if f.rule == "text.okänd_siffra"}
    assert checked == built == narrative
    assert refused == others
    assert all(f.severity is Severity.ERROR for f in found if f.rule == "text.inga_siffror")


def test_the_report_model_shows_only_narrative_fields_as_text(example_prepared):
    from reportgen.document.build import Builder

    p = example_prepared
    builder = Builder(p.indata, p.source, p.eko)
    assert builder.text(("förvaltningsberättelse", "personal"), "text/personal.md")
    with pytest.raises(LookupError):
        builder.text(("förbund", "namn"), p.indata.förbund.namn)


def test_check_build_and_serve_share_the_first_steps(monkeypatch):
    import reportgen.pipeline as pipeline
    from reportgen.commands.check import collect

    calls: list[Path] = []
    original = pipeline.load_and_check

    def spy(file: Path) -> pipeline.Checked:
        calls.append(file)
        return original(file)

    monkeypatch.setattr(pipeline, "load_and_check", spy)
    example = CONTENT / "2023.yaml"
    assert bara_exemplets_varningar(collect(example))
    pipeline.prepare(example)
    assert calls == [example, example]

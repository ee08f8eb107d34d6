"""Bad indicator input: an unknown scale, scale step, respondent group or group of
respondents (totalt / kvinnor / män) is a Swedish error at its own line and column (of
the key, or of the list item) that names the closest valid names; `reportgen build` exits 1
without a traceback.

Each case changes one line of tests/fixtures/ljungmarken/2024.yaml; the messages and their
coordinates are pinned here.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from reportgen.findings import UserError
from reportgen.load import load_yaml
from reportgen.validate import validate

FIXTURE = ROOT / "tests" / "fixtures" / "ljungmarken" / "2024.yaml"

CASES = {
    # case: (line as written, the line instead, (line, column, field, message))
    "okänd_respondentgrupp": (
        "respondenter: styrelse", "respondenter: styrelsen",
        (170, 7, "indikatorer.grupper.1.respondenter",
         "okänd respondentgrupp 'styrelsen'; menade du 'styrelse'? (respondentgrupperna är "
         "deltagare_pågående, deltagare_avslut, insatspersonal, parternas_chefsgrupp och "
         "styrelse)")),
    "okänd_skala": (
        "skala: frekvens", "skala: frekvns",
        (157, 11, "indikatorer.grupper.0.frågor.2.skala",
         "okänd skala 'frekvns'; menade du 'frekvens'? (skalorna är standard och frekvens)")),
    "okänt_skalsteg_med_namn": (
        "positiva_svar: [För det mesta, Alltid]", "positiva_svar: [För det mesta, Alltd]",
        (129, 38, "indikatorer.skalor.frekvens.positiva_svar.1",
         "okänt skalsteg 'Alltd' på skalan 'frekvens'; menade du 'Alltid'? (stegen är "
         "'Aldrig', 'Sällan', 'Ibland', 'Ofta', 'För det mesta' och 'Alltid', eller deras "
         "nummer 1–6)")),
    "okänt_skalsteg_med_nummer": (
        "positiva_svar: [4, 5, 6]", "positiva_svar: [4, 5, 7]",
        (171, 29, "indikatorer.grupper.1.positiva_svar.2",
         "skalsteg 7 finns inte på skalan 'standard': den har 6 steg, numrerade 1–6")),
    "steg_både_positivt_och_negativt": (
        "positiva_svar: [4, 5, 6]", "positiva_svar: [4, 5, 6]\n      negativa_svar: [1, 2, 4]",
        (172, 29, "indikatorer.grupper.1.negativa_svar.2",
         "skalsteget 4 räknas redan som positivt och kan inte också vara negativt")),
    "okänd_grupp_av_svarande": (
        "2024: {totalt: {fördelning: [0, 0, 1, 2, 3, 1]}}",
        "2024: {totalt: {fördelning: [0, 0, 1, 2, 3, 1]}, kvinor: {andel: 80}}",
        (182, 62, "indikatorer.grupper.1.frågor.0.resultat.2024.kvinor",
         "okänd grupp 'kvinor'; menade du 'kvinnor'? (grupperna är totalt, kvinnor och män)")),
    "fördelning_med_fel_antal_steg": (
        "2024: {totalt: {fördelning: [0, 0, 1, 2, 3, 1]}}",
        "2024: {totalt: {fördelning: [0, 1, 2, 3, 1]}}",
        (182, 29, "indikatorer.grupper.1.frågor.0.resultat.2024.totalt.fördelning",
         "fördelning ska ha ett tal per skalsteg på skalan 'standard', alltså 6 tal (fann 5)")),
}


def changed(tmp_path: Path, old: str, new: str) -> Path:
    lines = FIXTURE.read_text(encoding="utf-8").split("\n")
    hits = [i for i, line in enumerate(lines) if line.strip() == old]
    assert len(hits) == 1, f"{old!r} occurs {len(hits)} times"
    indent = lines[hits[0]][: len(lines[hits[0]]) - len(lines[hits[0]].lstrip())]
    lines[hits[0]] = indent + new
    target = tmp_path / "2024.yaml"
    target.write_text("\n".join(lines), encoding="utf-8")
    return target


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_indicator_input_is_located_with_the_closest_names(tmp_path: Path, case: str) -> None:
    old, new, expected = CASES[case]
    source = load_yaml(changed(tmp_path, old, new))
    with pytest.raises(UserError) as caught:
        validate(source)
    found = [(f.location.line, f.location.column, f.field, f.message)
             for f in caught.value.findings]
    assert found == [expected]


def test_build_says_it_in_swedish_and_exits_1(tmp_path: Path) -> None:
    old, new, (line, column, field, message) = CASES["okänd_skala"]
    yaml_file = changed(tmp_path, old, new)
    result = subprocess.run(
        [sys.executable, "-m", "reportgen", "build", str(yaml_file), "--out", str(tmp_path / "ut")],
        capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{yaml_file}:{line}:{column}: fel: {message} [{field}]" in result.stderr
    assert not (tmp_path / "ut").exists() or not any((tmp_path / "ut").iterdir())

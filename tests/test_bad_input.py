"""Bad input: a Swedish message with file:line, exit code 1, no traceback, outputs untouched."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from reportgen.findings import UserError


def copy_content(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(ROOT / "content", target)
    return target / "2023.yaml"


def replace_line(file: Path, old: str, new: str) -> int:
    """Replace the one line equal to *old* (stripped) by *new*; return its 1-based number."""
    lines = file.read_text(encoding="utf-8").split("\n")
    hits = [i for i, line in enumerate(lines) if line.strip() == old]
    assert len(hits) == 1, f"{old!r} occurs {len(hits)} times"
    indent = lines[hits[0]][: len(lines[hits[0]]) - len(lines[hits[0]].lstrip())]
    lines[hits[0]] = indent + new if new else None  # type: ignore[call-overload]
    file.write_text("\n".join(line for line in lines if line is not None), encoding="utf-8")
    return hits[0] + 1


def run_build(yaml_file: Path, out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reportgen", "build", str(yaml_file), "--out", str(out)],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )


# The example's list of sections (one line), which the section cases replace.
EXAMPLE_AVSNITT = next(line for line in (ROOT / "content" / "2023.yaml").read_text(
    encoding="utf-8").splitlines() if line.startswith("avsnitt: ["))

CASES = {
    # name: (line to replace, replacement, expected message, expected field or None)
    "yaml-syntax": ("namn: Bergsjödalens Samordningsförbund", "namn: [Bergsjödalens",
                    "YAML-syntaxfel", None),
    "unknown-key": ("säte: Norrvika", "säten: Norrvika", "okänt fält", "förbund.säten"),
    "text-as-amount": ("verksamhetens_intäkter: 4507990", "verksamhetens_intäkter: 4 507 990",
                       "ska vara ett heltal", "ekonomi.resultaträkning.2023.verksamhetens_intäkter"),
    "decimal-amount": ("kortfristiga_skulder: 132581", "kortfristiga_skulder: 132581.50",
                       "ska vara ett heltal", "ekonomi.balansräkning.2023.kortfristiga_skulder"),
    "missing-field": ("namn: Bergsjödalens Samordningsförbund", "",
                      "obligatoriskt fält saknas", "förbund.namn"),
    "missing-markdown": ("personal: text/personal.md", "personal: text/saknas.md",
                         "finns inte", "förvaltningsberättelse.personal"),
    # Sections, blocks and fixed texts by name: the closest valid names.
    "unknown-section": (EXAMPLE_AVSNITT,
                        "avsnitt: [förvaltningsberättelse, resultatrakning]",
                        "avsnittet 'resultatrakning' finns inte; menade du 'resultaträkning'",
                        "avsnitt.1"),
    "unknown-block": (EXAMPLE_AVSNITT,
                      "avsnitt: [{rubrik: Året i korthet, innehåll: [{txt: Hej}]}]",
                      "blockarten 'txt' finns inte; menade du 'text'? (giltiga: text, "
                      "sidbrytning, standard, målmatris, diagram, tabell)", "avsnitt.0.innehåll.0"),
    "unknown-standard-part": (EXAMPLE_AVSNITT,
                              "avsnitt: [{rubrik: Styrelsen, innehåll: [{standard: styrelsen}]}]",
                              "standardinnehållet 'styrelsen' finns inte; menade du 'styrelse'?",
                              "avsnitt.0.innehåll.0.standard"),
    "section-without-heading": (EXAMPLE_AVSNITT,
                                "avsnitt: [{innehåll: [{text: Hej}]}]",
                                "ett eget avsnitt behöver en rubrik", "avsnitt.0"),
    # Goals: a status not on the scale (here the standard one), with the closest names.
    "unknown-status": ("högst: 20", "högst: 20\n        bedömning: uppfylld",
                       "statusen 'uppfylld' finns inte; menade du 'uppfyllt'",
                       "mål.2.mått.0.bedömning"),
    "unknown-fixed-text": ("underskrifter:", "texter: {intygandet: Vi intygar.}\nunderskrifter:",
                           "den fasta texten 'intygandet' finns inte; menade du 'intygande'?",
                           "texter.intygandet"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_is_reported_and_outputs_untouched(tmp_path: Path, case: str) -> None:
    old, new, message, field = CASES[case]
    yaml_file = copy_content(tmp_path)
    line = replace_line(yaml_file, old, new)
    out = tmp_path / "build"
    out.mkdir()
    previous = {name: f"tidigare {name}\n".encode() for name in ("2023.html", "2023.pdf", "2023.docx")}
    for name, data in previous.items():
        (out / name).write_bytes(data)

    result = run_build(yaml_file, out)

    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert message in result.stderr
    if field:
        assert f"[{field}]" in result.stderr
    # The missing field is reported at its parent mapping (förbund:), the rest at the line itself.
    # A replacement that adds a line below the one replaced is reported at the added line.
    expected_line = 7 if case == "missing-field" else line + 1 if case == "unknown-status" else line
    assert f"{yaml_file}:{expected_line}:" in result.stderr, result.stderr
    assert "inga filer skrevs" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == sorted(previous)
    for name, data in previous.items():
        assert (out / name).read_bytes() == data


def test_all_schema_errors_are_listed_at_once(tmp_path: Path) -> None:
    yaml_file = copy_content(tmp_path)
    replace_line(yaml_file, "säte: Norrvika", "säten: Norrvika")
    replace_line(yaml_file, "verksamhetens_intäkter: 4507990", "verksamhetens_intäkter: fyra")
    result = run_build(yaml_file, tmp_path / "build")
    assert result.returncode == 1
    assert result.stderr.count(": fel: ") == 2, result.stderr
    assert not (tmp_path / "build").exists()


def test_missing_file_is_a_user_error(tmp_path: Path) -> None:
    result = run_build(tmp_path / "finns-inte.yaml", tmp_path / "build")
    assert result.returncode == 1
    assert "filen finns inte" in result.stderr
    assert "Traceback" not in result.stderr


def test_atomic_write_keeps_old_file_when_writing_fails(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from reportgen import write

    target = tmp_path / "rapport.pdf"
    target.write_bytes(b"gammal")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(UserError, match="disken är full"):
        write.write_atomic(target, b"ny")
    assert target.read_bytes() == b"gammal"
    assert [p.name for p in tmp_path.iterdir()] == ["rapport.pdf"]

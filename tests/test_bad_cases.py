"""Every case of tests/fixtures/bad_cases.yaml: a located Swedish message, the exit code the
case says (1 unless only warnings), no traceback, the earlier output set untouched.

`check` and `build` run in-process on the same broken copy and must report the same
findings, at the same file, line and column, with the same field and message.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from badcases import (
    ROOT,
    UPDATE,
    expected_findings,
    load_table,
    old_set_untouched,
    prepare,
    run_build,
    run_check,
    store_findings,
)

sys.path.insert(0, str(ROOT / "scripts"))
from fuzz_check import english, internal_field  # noqa: E402

TABLE = load_table()


def test_the_table_has_at_least_sixty_failing_cases() -> None:
    failing = [name for name, case in TABLE.items() if case.get("utgång", 1) == 1]
    assert len(failing) >= 60


@pytest.mark.parametrize("name", list(TABLE))
def test_bad_case(name: str, tmp_path: Path) -> None:
    case = TABLE[name]
    prepared = prepare(case, tmp_path)
    commands = case.get("kommandon", ["check", "build"])
    outcomes = {}
    if "check" in commands:
        outcomes["check"] = run_check(prepared)
    if "build" in commands:
        outcomes["build"] = run_build(prepared)
    code = case.get("utgång", 1)
    for command, outcome in outcomes.items():
        assert outcome.code == code, f"{command}: {outcome.output}"
        assert "Traceback" not in outcome.output
        assert case["ska_nämna"] in outcome.output.replace("\u00a0", " "), outcome.output
        assert outcome.findings, f"{command} reported nothing it could be located by"
        for finding in outcome.findings:
            assert not english(finding["meddelande"]), finding
            assert not internal_field(finding["fält"]), finding
    if UPDATE:
        store_findings(name, next(iter(outcomes.values())).findings)
        return
    expected = expected_findings(case)
    for command, outcome in outcomes.items():
        assert outcome.findings == expected, command
    if code == 1:
        assert "build" not in outcomes or "inga filer skrevs" in outcomes["build"].output
        assert old_set_untouched(prepared)
    # Located: every finding names its file, and one about a value in a file its line.
    assert all(f["fil"] for f in expected)
    assert all(f["rad"] is not None for f in expected if f["fält"])

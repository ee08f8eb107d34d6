"""What keeps `reportgen check` quick, asserted as what it does, not as timings: the modules
it imports, the cycle collector left as it was for a caller, and the input model's walk
kept for the model walked last (scripts/bench_check.py measures the time)."""

from __future__ import annotations

import gc
import subprocess
import sys

from check_expected import EXEMPLETS_SUMMERING, ROOT

from reportgen.cli import main
from reportgen.pipeline import load_and_check
from reportgen.schema.marked import narrative_fields

EXAMPLE = ROOT / "content" / "2023.yaml"

# Nothing the command does on a good file uses these: the report model and the renderers,
# charts, the DOCX and its reader, and Pillow's JPEG plugin (the example's logo is a PNG).
NOT_IMPORTED = {
    "matplotlib", "docx", "jinja2", "weasyprint", "markdown_it", "babel", "ruamel",
    "PIL.JpegImagePlugin", "reportgen.document", "reportgen.render", "reportgen.serve",
    "reportgen.roundtrip", "reportgen.docx_read",
}


def test_check_imports_only_what_it_uses():
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "reportgen", "check",
                             "content/2023.yaml"], cwd=ROOT, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    imported = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines()
                if line.startswith("import time:")}
    assert "reportgen.pipeline" in imported  # the listing is real
    unwanted = {m for m in imported for name in NOT_IMPORTED
                if m == name or m.startswith(name + ".")}
    assert not unwanted


def test_check_called_in_process_leaves_the_cycle_collector_as_it_was(capsys):
    frozen = gc.get_freeze_count()
    assert main(["check", str(EXAMPLE)]) == 0
    assert EXEMPLETS_SUMMERING in capsys.readouterr().out  # the example's own warnings
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen


def test_the_walk_of_one_model_is_not_given_for_another():
    first = load_and_check(EXAMPLE).indata
    other = first.model_copy(update={"mål_inledning": "En annan inledning."})
    before = list(narrative_fields(first))
    texts = {path: text for path, text, _ in before}
    assert texts[("mål_inledning",)] == "text/mal-inledning.md"
    assert {path: text for path, text, _ in narrative_fields(other)}[("mål_inledning",)] == (
        "En annan inledning.")
    assert list(narrative_fields(first)) == before

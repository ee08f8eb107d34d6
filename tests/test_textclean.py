"""One set of characters a DOCX cannot hold: what loading drops (with a warning) is what the
DOCX writer drops, and it is what XML 1.0 cannot hold (plus DEL)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT
from lxml import etree

from reportgen.load import load_yaml
from reportgen.render.docx_ooxml import xml_safe
from reportgen.textclean import clean_text

# Every C0/C1 control, Latin, the surrogates, the end of the Basic Multilingual Plane and
# the last code point: where the sets could differ.
CODE_POINTS = (*range(0x0, 0x250), *range(0xD7F0, 0xE010), *range(0xFFF0, 0x10000), 0x10FFFF)


def xml_can_hold(char: str) -> bool:
    """lxml's answer, independent of reportgen: may an XML text node hold *char*?"""
    try:
        etree.Element("t").text = char
    except ValueError:
        return False
    return True


def test_loading_and_the_docx_writer_drop_the_same_characters() -> None:
    differ = [hex(c) for c in CODE_POINTS if clean_text(chr(c))[0] != xml_safe(chr(c))]
    assert differ == []


def test_the_dropped_characters_are_those_xml_cannot_hold_and_del() -> None:
    dropped = {c for c in CODE_POINTS if clean_text(chr(c)) == ("", True)}
    unholdable = {c for c in CODE_POINTS if not xml_can_hold(chr(c))}
    assert dropped == unholdable | {0x7F}
    assert {0x00, 0x0B, 0x1F, 0xD800, 0xFFFE, 0xFFFF} <= dropped
    assert not dropped & {0x09, 0x0A, 0x0D, 0x20, 0xE5, 0xA0}  # tab, LF, CR, space, å, NBSP


def test_loading_warns_about_a_character_the_docx_would_lose(tmp_path: Path) -> None:
    yaml_file = tmp_path / "rapport.yaml"
    yaml_file.write_text('text: "ett\\uFFFFtvå\\x7Ftre"\n', encoding="utf-8")
    source = load_yaml(yaml_file)
    assert source.data["text"] == "etttvåtre"
    assert [(w.rule, w.field, w.location.line) for w in source.warnings] == [
        ("text.styrtecken", "text", 1)]


def test_textclean_imports_only_the_standard_library() -> None:
    code = ("import sys; before = set(sys.modules); import reportgen.textclean; import json; "
            "print(json.dumps(sorted(set(sys.modules) - before)))")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env=env, cwd=ROOT).stdout
    loaded = {name.split(".")[0] for name in json.loads(out)}
    assert loaded - {"reportgen"} <= set(sys.stdlib_module_names), loaded

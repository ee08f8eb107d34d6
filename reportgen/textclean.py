"""Control-character cleaning of input text, without importing the Markdown stack.

Kept apart from reportgen/document/markdown.py so that loading the YAML (and so
`reportgen check`) does not pay for importing markdown-it and the report model.
"""

from __future__ import annotations

import re

# The one set of characters reportgen drops from text: those a DOCX (XML 1.0) cannot hold
# (every C0 control but tab, LF and CR; lone surrogates; the non-characters U+FFFE and
# U+FFFF) and DEL, which XML allows but which means nothing in a printed report. Loading
# drops them from the input with a warning; the DOCX writer drops them again as its last
# guard (reportgen/render/docx_ooxml.py), for text the input did not hold.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
# The C1 controls but NEL, which a DOCX can hold but YAML refuses in a file: loading drops
# them from the YAML's text before parsing (reportgen/load.py), with the same warning.
C1_CONTROL = re.compile("[\x80-\x84\x86-\x9f]")


def clean_text(text: str) -> tuple[str, bool]:
    """Normalise line endings and drop control characters; report whether any were dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    cleaned = CONTROL.sub("", text)
    return cleaned, cleaned != text

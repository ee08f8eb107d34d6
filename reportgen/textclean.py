"""Control-character cleaning of input text, without importing the Markdown stack.

Kept apart from reportgen/document/markdown.py so that loading the YAML (and so
`reportgen check`) does not pay for importing markdown-it and the report model.
"""

from __future__ import annotations

import re

# Characters a DOCX (XML 1.0) cannot hold, and that mean nothing in a printed report.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Characters YAML refuses in a file (C1 controls but NEL, the non-characters U+FFFE and
# U+FFFF) or no file can hold (a lone surrogate, written in the YAML as "\ud800"): the
# YAML's strings are cleaned of them too (reportgen/load.py).
UNENCODABLE = re.compile(r"[\x80-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


def clean_text(text: str) -> tuple[str, bool]:
    """Normalise line endings and drop control characters; report whether any were dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    cleaned = CONTROL.sub("", text)
    return cleaned, cleaned != text

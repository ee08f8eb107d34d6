"""Control-character cleaning of input text, without importing the Markdown stack.

Kept apart from reportgen/document/markdown.py so that loading the YAML (and so
`reportgen check`) does not pay for importing markdown-it and the report model.
"""

from __future__ import annotations

import re

# Characters a DOCX (XML 1.0) cannot hold, and that mean nothing in a printed report.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_text(text: str) -> tuple[str, bool]:
    """Normalise line endings and drop control characters; report whether any were dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    cleaned = CONTROL.sub("", text)
    return cleaned, cleaned != text

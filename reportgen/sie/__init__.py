"""SIE, the Swedish standard for accounting data (SIE 4B): reading its files."""

from reportgen.sie.reader import parse_sie, read_sie

__all__ = ["parse_sie", "read_sie"]

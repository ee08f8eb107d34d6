"""The förbund's own look (`tema:`): its colours, its typeface, where its logo stands.

Everything is optional; left out, the report looks as reportgen's standard does. The
colours are checked against WCAG AA (reportgen/checks/tema.py): both are used for text
on white (headings, links, the cover's band carries white text on the primary colour).
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, Field

from reportgen.schema.base import Modell, Namnlista
from reportgen.typsnitt import STANDARD, TYPSNITT

_HEX = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})")

STANDARD_PRIMÄR = "#1f4e79"
STANDARD_ACCENT = "#8a4b0f"


def _färg(value: str) -> str:
    if not _HEX.fullmatch(value):
        raise ValueError(f"färgen {value!r} är inte en hexadecimal färg som #1f4e79")
    if len(value) == 4:
        value = "#" + "".join(ch * 2 for ch in value[1:])
    return value.lower()


Färg = Annotated[str, AfterValidator(_färg), Field(
    description="En färg som #1f4e79 (eller #17a)", json_schema_extra={"pattern": _HEX.pattern})]
Typsnittsnamn = Annotated[str, Namnlista("typsnittet", TYPSNITT), Field(
    description="Ett av typsnitten som följer med reportgen")]


class Tema(Modell):
    """Colours, typeface and the logo's place, for the PDF, the preview and the DOCX alike."""

    primärfärg: Färg = Field(
        default=STANDARD_PRIMÄR,
        description="Rubriker, försättsbladet och länkar (text på vit bakgrund, och vit text "
        "på färgen: minst 4,5:1 i kontrast)")
    accentfärg: Färg = Field(
        default=STANDARD_ACCENT,
        description="Linjer, kapitelnummer och diagrammens andra serie (text på vit "
        "bakgrund: minst 4,5:1 i kontrast)")
    typsnitt: Typsnittsnamn = Field(default=STANDARD, description="Rapportens typsnitt")
    logotyp: Literal["vänster", "höger", "mitten"] = Field(
        default="vänster", description="Var logotypen står överst på försättsbladet")

"""Shared building blocks of the input schema."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StrictInt

from reportgen.limits import BELOPP_MAX

# Money is whole kronor, never float: "4507990" or -4360316 in the YAML; within what a
# förbund can have (reportgen/limits.py).
Belopp = Annotated[
    StrictInt,
    Field(description="Belopp i hela kronor (heltal, utan mellanslag)", ge=-BELOPP_MAX, le=BELOPP_MAX),
]
# Rounded amounts in thousands of kronor (tkr), as in older years' overviews.
Tkr = Annotated[
    StrictInt,
    Field(description="Belopp i tusental kronor (tkr), heltal", ge=-BELOPP_MAX // 1000,
          le=BELOPP_MAX // 1000),
]
Procent = Annotated[
    StrictInt | float, Field(description="Procentsats, t.ex. 93 för 93 %", ge=-1000, le=1000)
]
År = Annotated[int, Field(ge=1990, le=2100, description="Årtal, t.ex. 2023")]


class Berättelse:
    """Marks a narrative field: a text in which `{{ namn }}` names a computed figure.

    The one definition of narrative text (walked by reportgen/schema/marked.py): `reportgen
    check` checks the figure expressions of exactly these fields, the build fills in
    figures in exactly these, and a `{{` in any other field is an error.
    *markdown*: Markdown, inline or the path of a .md file; else a short plain text (a
    table cell), shown as written with its figures filled in.
    """

    # A plain class, not a dataclass: `reportgen check` imports the schema on every run.
    __slots__ = ("markdown",)

    def __init__(self, markdown: bool = True) -> None:
        self.markdown = markdown

    def __repr__(self) -> str:
        return f"Berättelse(markdown={self.markdown})"


class Figurreferens:
    """Marks a field that names a computed figure (bare or as `{{ namn }}`), not text."""

    __slots__ = ()


class Ifyllnad:
    """Marks a field that may be left empty for now, a gap to fill in (`verksamhetens_intäkter:`
    with no value): `reportgen nytt-år` leaves the new year's figures so, `reportgen check`
    lists every gap the YAML states (rule `lucka`, walked by reportgen/schema/marked.py)
    and a report with gaps is a draft. *vad* says what fills it in."""

    __slots__ = ("vad",)

    def __init__(self, vad: str = "") -> None:
        self.vad = vad

    def __repr__(self) -> str:
        return f"Ifyllnad({self.vad!r})"


BOKFÖRINGEN = "reportgen importera fyller i det från bokföringen"


# Narrative: a path to a Markdown file (ending in .md, relative to the YAML) or inline Markdown.
Text = Annotated[
    str,
    Field(
        description="Markdown-text direkt i YAML-filen, eller sökväg till en .md-fil "
        "(relativt YAML-filen)"
    ),
    Berättelse(markdown=True),
]
# A short narrative shown as written (a table cell): no Markdown, no file, but figures.
Korttext = Annotated[
    str,
    Field(description="Kort text; kan nämna beräknade siffror som {{ eget_kapital_tkr }}"),
    Berättelse(markdown=False),
]
# The name of a computed figure, e.g. a mått's utfall: `eget_kapital_andel`.
Siffernamn = Annotated[str, Figurreferens()]


class Modell(BaseModel):
    """Base for every input model: unknown keys are errors, values are not coerced silently."""

    # defer_build: only the root model's validator is built (on first use), not one per
    # model at import; `reportgen check` has 0.3 s for everything.
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, defer_build=True)

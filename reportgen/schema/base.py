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
# Narrative: a path to a Markdown file (ending in .md, relative to the YAML) or inline Markdown.
Text = Annotated[
    str,
    Field(
        description="Markdown-text direkt i YAML-filen, eller sökväg till en .md-fil "
        "(relativt YAML-filen)"
    ),
]


class Modell(BaseModel):
    """Base for every input model: unknown keys are errors, values are not coerced silently."""

    # defer_build: only the root model's validator is built (on first use), not one per
    # model at import; `reportgen check` has 0.3 s for everything.
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, defer_build=True)

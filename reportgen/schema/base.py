"""Shared building blocks of the input schema."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    StrictInt,
)
from pydantic_core import CoreSchema, core_schema

from reportgen.limits import BELOPP_MAX
from reportgen.suggest import okänt_namn

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


class Namnlista:
    """A closed list of names (the standard sections, the typefaces, …), as the metadata of a
    field's type: `Annotated[str, Namnlista("avsnittet", AVSNITT)]`.

    The one place of what such a field does: a name not on the list is an error that names
    the closest ones (reportgen/suggest.py: "avsnittet 'resultatrakning' finns inte; menade
    du 'resultaträkning'? …"), and the JSON Schema lists the names as an enum, so that an
    editor completes them. *vad* is what a name names, as the message says it ("avsnittet");
    *förslag*, the names the message offers when not all of them; *eller*, what else the
    field takes, said after the names. The names are taken as they are when the list is
    made. Called, it checks one name (for a field that takes something besides a name, such
    as a colour code).
    """

    # A plain class, not a dataclass: `reportgen check` imports the schema on every run.
    __slots__ = ("vad", "namn", "_kända", "_förslag", "_eller")

    def __init__(self, vad: str, namn: Iterable[str], *, förslag: Iterable[str] | None = None,
                 eller: str = "") -> None:
        self.vad = vad
        self.namn = tuple(namn)
        self._kända = frozenset(self.namn)
        self._förslag = self.namn if förslag is None else tuple(förslag)
        self._eller = eller

    def __repr__(self) -> str:
        return f"Namnlista({self.vad!r})"

    def __call__(self, value: str) -> str:
        """*value*, if it is on the list; else a ValueError with the Swedish message."""
        if value not in self._kända:
            raise ValueError(self.fel(value))
        return value

    def fel(self, value: str) -> str:
        """The message for *value*, a name not on the list."""
        text = okänt_namn(self.vad, value, self._förslag)
        return f"{text}; {self._eller}" if self._eller else text

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler
                                     ) -> CoreSchema:
        return core_schema.no_info_after_validator_function(self, handler(source))

    def __get_pydantic_json_schema__(self, schema: CoreSchema, handler: GetJsonSchemaHandler
                                     ) -> dict[str, Any]:
        return {**handler(schema), "enum": list(self.namn)}


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

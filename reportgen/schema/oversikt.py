"""The five-year overview (femårsöversikt): its unit, its rows, the values stated per year.

```yaml
ekonomi:
  femårsöversikt:
    enhet: kr                       # or tkr (the default)
    rader:
      - verksamhetens_intäkter      # a row reportgen derives from the statements
      - rad: medlemsbidrag
        värden: {2022: 3400000, 2021: 3350000}   # earlier years, as published
      - verksamhetens_kostnader
      - årets_resultat
      - soliditet
      - {text: ESF-medel, värden: {2024: 412000, 2023: 380000}}   # a row of one's own
```

For a year whose statements are in the file, a derivable row is computed (and a value
stated for it is compared by `check`); earlier years print as stated; a row of one's own
prints as stated. A row nothing fills is not printed.

Today's form, a mapping of years (`femårsöversikt: {2021: {intäkter_tkr: 4518, …}}`),
stays valid: a table in tkr with the rows verksamhetens intäkter, kostnader, årets resultat,
soliditet and antal anställda (eget kapital and its share of the contributions, if stated,
are checked but not printed).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, Union

from pydantic import Discriminator, Field, StrictInt, Tag, model_validator

from reportgen.schema.base import Ifyllnad, Korttext, Modell, Namnlista, Procent, Tkr, År

# The rows reportgen knows: name → (label, kind). "belopp" is in the table's unit,
# "procent" in percent, "antal" a count.
RADER: dict[str, tuple[str, str]] = {
    "verksamhetens_intäkter": ("Verksamhetens intäkter", "belopp"),
    "medlemsbidrag": ("Medlemsbidrag", "belopp"),
    "verksamhetens_kostnader": ("Verksamhetens kostnader", "belopp"),
    "årets_resultat": ("Årets resultat", "belopp"),
    "eget_kapital": ("Eget kapital", "belopp"),
    "soliditet": ("Soliditet", "procent"),
    "eget_kapital_andel": ("Eget kapital i procent av medlemsbidragen", "procent"),
    "antal_anställda": ("Antal anställda", "antal"),
}
STANDARDRADER = ("verksamhetens_intäkter", "verksamhetens_kostnader", "årets_resultat",
                 "soliditet", "antal_anställda")


Översiktsnamn = Annotated[
    str, Namnlista("femårsöversiktens rad", RADER),
    Field(description="En rad som reportgen räknar fram ur räkenskaperna (eller, för "
          "antal anställda, som anges)"),
]
Värde = Annotated[StrictInt | float, Field(description="Beloppet i tabellens enhet (kr eller "
                                           "tkr, heltal), procent eller antal")]
# A value may stand empty for now, a gap to fill in (`reportgen nytt-år` leaves the new year so).
Årsvärde = Annotated[Värde | None, Ifyllnad("värdet för året")]


class Översiktsrad(Modell):
    """A row: one reportgen knows (`rad`), or one of the förbund's own (`text`, `värden`)."""

    rad: Översiktsnamn | None = None
    text: Korttext | None = Field(default=None, description="Radens text (en egen rad: krävs)")
    värden: dict[År, Årsvärde] = Field(
        default_factory=dict,
        description="Värden per år som de står i tabellen (tidigare år; för år med "
        "räkenskaper jämförs de med det framräknade)")

    @model_validator(mode="after")
    def _rad_eller_text(self) -> Översiktsrad:
        if self.rad is None and self.text is None:
            raise ValueError("en rad i femårsöversikten är en rad som reportgen känner (rad:) "
                             "eller en egen rad med text: och värden:")
        if self.rad is None and not self.värden:
            raise ValueError("en egen rad i femårsöversikten behöver värden: per år")
        kind = RADER[self.rad][1] if self.rad else "belopp"
        if kind != "procent":
            for år, värde in self.värden.items():
                if värde is not None and not isinstance(värde, int):
                    raise ValueError(f"värdet för {år} ska vara ett heltal "
                                     f"({'ett antal' if kind == 'antal' else 'ett belopp'}), "
                                     f"fann {värde!r}")
        return self

    @property
    def etikett(self) -> str:
        return self.text or RADER[self.rad or ""][0]

    @property
    def slag(self) -> str:
        return RADER[self.rad][1] if self.rad else "belopp"


def _radart(value: Any) -> str:
    return "[namn]" if isinstance(value, str) else "[rad]"


# A row by its name alone, or written out. (The tags are in brackets, so that validation
# errors' paths leave them out: reportgen/validate.py.)
Radpost = Annotated[
    Union[Annotated[Översiktsnamn, Tag("[namn]")], Annotated[Översiktsrad, Tag("[rad]")]],  # noqa: UP007
    Discriminator(_radart),
]


class Femårsöversikt(Modell):
    """The five-year overview: unit, number of years, rows in printed order."""

    enhet: Literal["kr", "tkr"] = Field(default="tkr", description="kr eller tkr")
    antal_år: int = Field(default=5, ge=1, le=10, description="Antal år (kolumner)")
    rader: list[Radpost] = Field(
        default_factory=lambda: list[Översiktsrad | str](STANDARDRADER),
        description="Raderna i ordning: namnet på en rad som reportgen räknar fram, eller "
        "en rad med rad:/text: och värden:")

    def radlista(self) -> list[Översiktsrad]:
        """The rows, a bare name as a row without stated values."""
        return [Översiktsrad(rad=r) if isinstance(r, str) else r for r in self.rader]


class Översiktsår(Modell):
    """One year of the five-year overview in today's form (tkr). Years with statements are
    computed from them."""

    intäkter_tkr: Tkr | None = None
    kostnader_tkr: Tkr | None = None
    resultat_tkr: Tkr | None = None
    soliditet_procent: Procent | None = None
    anställda: Annotated[int | None, Ifyllnad("antalet anställda vid årets slut")] = Field(
        default=None, ge=0)
    # Stated, optional: compared with the statements by `check` where the year has them.
    eget_kapital_tkr: Tkr | None = Field(default=None, description="Eget kapital vid årets slut, tkr")
    eget_kapital_andel_procent: Procent | None = Field(
        default=None, description="Eget kapital i procent av årets medlemsbidrag"
    )


# Today's fields → the row they state.
ÅRSFÄLT: dict[str, str] = {
    "intäkter_tkr": "verksamhetens_intäkter",
    "kostnader_tkr": "verksamhetens_kostnader",
    "resultat_tkr": "årets_resultat",
    "soliditet_procent": "soliditet",
    "anställda": "antal_anställda",
    "eget_kapital_tkr": "eget_kapital",
    "eget_kapital_andel_procent": "eget_kapital_andel",
}

def _översiktsart(value: Any) -> str:
    if isinstance(value, dict) and value and all(isinstance(k, int) for k in value):
        return "[år]"
    return "[tabell]"


# The overview as the YAML may write it: the table, or today's mapping of years.
Översikt = Annotated[
    Union[Annotated[Femårsöversikt, Tag("[tabell]")],  # noqa: UP007
          Annotated[dict[År, Översiktsår], Tag("[år]")]],
    Discriminator(_översiktsart),
]

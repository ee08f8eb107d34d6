"""Budget and outcome per project, as the bookkeeping gives them (whole kronor).

The input of the *Driftredovisning* and the *Sammanställning av utfall och budget*:
one line per project number, each with its kind (which group it is summed into),
årsbudget, optional periodbudget and utfall. Revenue is positive, costs negative,
exactly as in the resultaträkning. All totals are computed (reportgen/compute/budget.py).

```yaml
budget:
  rader:
    - {nr: 101-104, namn: Bidrag, slag: intäkter, årsbudget: 4496000, utfall: 4496000}
    - {nr: 201, namn: Styrelsen, slag: administration, årsbudget: -173000, utfall: -130212}
```
"""

from __future__ import annotations

import datetime as dt
from enum import Enum

from pydantic import Field, StrictInt

from reportgen.schema.base import Belopp, Korttext, Modell, Text


class Budgetslag(str, Enum):
    """The group a project line is summed into (its place in the tables)."""

    intäkter = "intäkter"  # 101–104 bidrag, övriga intäkter
    administration = "administration"  # 2xx
    individinriktade = "individinriktade"  # 3xx deltagarinsatser
    strukturövergripande = "strukturövergripande"  # 4xx
    finansiella = "finansiella"  # 800 finansiella intäkter och kostnader


class Budgetrad(Modell):
    nr: StrictInt | str | None = Field(
        default=None, description="Projektnummer, t.ex. 201 eller \"101-104\"; kan utelämnas"
    )
    namn: str = Field(min_length=1)
    slag: Budgetslag = Field(description="Gruppen raden summeras i")
    årsbudget: Belopp = Field(default=0, description="Budget för hela året, kr (kostnad negativ)")
    periodbudget: Belopp | None = Field(
        default=None, description="Budget för perioden, kr; samma som årsbudgeten om den utelämnas"
    )
    utfall: Belopp = Field(description="Utfall för perioden, kr (kostnad negativ)")
    förklaring: Korttext | None = Field(
        default=None, description="Kortfattad förklaring till avvikelsen (driftredovisningen)"
    )
    i_driftredovisning: bool = Field(
        default=False, description="Visa raden under sin grupp i driftredovisningen"
    )


class Budget(Modell):
    rader: list[Budgetrad] = Field(min_length=1)
    periodens_slut: dt.date | None = Field(
        default=None, description="Periodens sista dag; räkenskapsårets sista dag om utelämnad"
    )
    visa_periodbudget: bool = Field(
        default=True, description="Visa kolumnen periodbudget i sammanställningen"
    )
    rubriker: dict[Budgetslag, str] = Field(
        default_factory=dict, description="Egna gruppnamn, t.ex. individinriktade: Deltagarinsatser"
    )
    gruppförklaringar: dict[Budgetslag, Korttext] = Field(
        default_factory=dict, description="Kortfattad förklaring per grupp i driftredovisningen"
    )
    driftredovisning_text: Text | None = Field(
        default=None, description="Text efter driftredovisningens tabeller"
    )
    sammanställning_text: Text | None = Field(
        default=None, description="Text efter sammanställningen av utfall och budget"
    )

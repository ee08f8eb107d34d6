"""Financial statements as the bookkeeping gives them: lines in whole kronor per year.

Totals are computed by reportgen. Where the YAML also states a total (as a report
copied from Word does), the stated figure is kept so `check` can compare it.
"""

from __future__ import annotations

from enum import Enum
from typing import Literal

from pydantic import Field

from reportgen.schema.base import Belopp, Modell, Procent, Text, Tkr, År


class Resultaträkning(Modell):
    verksamhetens_intäkter: Belopp
    verksamhetens_kostnader: Belopp = Field(description="Negativt belopp")
    avskrivningar: Belopp = 0
    finansiella_intäkter: Belopp = 0
    finansiella_kostnader: Belopp = Field(default=0, description="Negativt belopp")
    extraordinära_poster: Belopp = 0
    # Stated totals, optional: compared with the computed ones by `check`.
    verksamhetens_resultat: Belopp | None = None
    resultat_efter_finansiella_poster: Belopp | None = None
    årets_resultat: Belopp | None = None


class Balansräkning(Modell):
    maskiner_och_inventarier: Belopp = 0
    finansiella_anläggningstillgångar: Belopp = 0
    kundfordringar: Belopp = 0
    kortfristiga_fordringar: Belopp = 0
    kortfristiga_placeringar: Belopp = 0
    kassa_och_bank: Belopp = 0
    övrigt_eget_kapital: Belopp = Field(
        description="Eget kapital vid årets början (föregående års utgående eget kapital)"
    )
    avsättningar_för_pensioner: Belopp = 0
    långfristiga_skulder: Belopp = 0
    kortfristiga_skulder: Belopp = 0
    ansvarsförbindelser: Belopp | None = Field(
        default=None, description="Belopp, eller utelämnat om förbundet inte har några"
    )
    # Stated totals, optional.
    summa_anläggningstillgångar: Belopp | None = None
    summa_omsättningstillgångar: Belopp | None = None
    summa_tillgångar: Belopp | None = None
    årets_resultat: Belopp | None = None
    summa_eget_kapital: Belopp | None = None
    summa_eget_kapital_avsättningar_och_skulder: Belopp | None = None


class Kassaflöde(Modell):
    """Inputs of the cash-flow statement that the balance sheet cannot give, and stated totals."""

    justering_ej_likviditetspåverkande: Belopp | None = Field(
        default=None,
        description="Justering för ej likviditetspåverkande poster; beräknas från "
        "avskrivningar och förändrade avsättningar om den utelämnas",
    )
    investeringsverksamheten: Belopp = 0
    finansieringsverksamheten: Belopp = 0
    # Stated totals, optional.
    medel_före_förändring_av_rörelsekapital: Belopp | None = None
    förändring_kortfristiga_fordringar: Belopp | None = None
    förändring_kortfristiga_skulder: Belopp | None = None
    löpande_verksamheten: Belopp | None = None
    årets_kassaflöde: Belopp | None = None
    likvida_medel_vid_årets_början: Belopp | None = None
    likvida_medel_vid_årets_slut: Belopp | None = None


class IngåendeBalans(Modell):
    """The balance sheet at the start of the comparison year, as far as the cash flow needs it."""

    fordringar: Belopp = Field(description="Kundfordringar och kortfristiga fordringar")
    kortfristiga_skulder: Belopp
    likvida_medel: Belopp
    avsättningar: Belopp = 0


Resultatpost = Literal[
    "verksamhetens_intäkter",
    "verksamhetens_kostnader",
    "avskrivningar",
    "finansiella_intäkter",
    "finansiella_kostnader",
    "extraordinära_poster",
]
Balanspost = Literal[
    "maskiner_och_inventarier",
    "finansiella_anläggningstillgångar",
    "kundfordringar",
    "kortfristiga_fordringar",
    "kortfristiga_placeringar",
    "kassa_och_bank",
    "avsättningar_för_pensioner",
    "långfristiga_skulder",
    "kortfristiga_skulder",
]
# A statement line a note can explain.
Radnyckel = Resultatpost | Balanspost

LikvidPost = Literal["kassa_och_bank", "kortfristiga_placeringar"]


class Kostnadsslag(str, Enum):
    administration = "administration"
    individinriktade = "individinriktade"
    strukturövergripande = "strukturövergripande"


class Notrad(Modell):
    text: str
    belopp: dict[År, Belopp]
    medlemsbidrag: bool = Field(
        default=False, description="Raden är ett bidrag från förbundsmedlemmarna"
    )
    kostnadsslag: Kostnadsslag | None = None


class Not(Modell):
    rubrik: str
    text: Text | None = None
    avser: list[Radnyckel] = Field(
        default_factory=list, description="Raderna i resultat- eller balansräkningen som noten förklarar"
    )
    rader: list[Notrad] = Field(default_factory=list)
    omvänt_tecken: bool = Field(
        default=False, description="Noten visar beloppen med omvänt tecken (t.ex. kostnader som positiva)"
    )
    delredovisning: bool = Field(
        default=False, description="Noten redovisar bara en del (varav) och behöver inte summera till raden"
    )
    summa: dict[År, Belopp] | None = Field(default=None, description="Summa som angetts i noten")


class Översiktsår(Modell):
    """One year of the five-year overview. Years with statements are computed from them."""

    intäkter_tkr: Tkr | None = None
    kostnader_tkr: Tkr | None = None
    resultat_tkr: Tkr | None = None
    soliditet_procent: Procent | None = None
    anställda: int | None = Field(default=None, ge=0)
    # Stated, optional: compared with the statements by `check` where the year has them.
    eget_kapital_tkr: Tkr | None = Field(default=None, description="Eget kapital vid årets slut, tkr")
    eget_kapital_andel_procent: Procent | None = Field(
        default=None, description="Eget kapital i procent av årets medlemsbidrag"
    )


def _likvida_medel() -> list[LikvidPost]:
    return ["kassa_och_bank", "kortfristiga_placeringar"]


class Ekonomi(Modell):
    likvida_medel: list[LikvidPost] = Field(
        default_factory=_likvida_medel,
        description="Balansposter som räknas som likvida medel i kassaflödesanalysen",
    )
    resultaträkning: dict[År, Resultaträkning]
    balansräkning: dict[År, Balansräkning]
    kassaflöde: dict[År, Kassaflöde] = Field(default_factory=dict)
    ingående_balans: IngåendeBalans | None = Field(
        default=None,
        description="Balansen vid jämförelseårets början (behövs för jämförelseårets kassaflöde)",
    )
    noter: list[Not] = Field(default_factory=list)
    femårsöversikt: dict[År, Översiktsår] = Field(default_factory=dict)
    femårsöversikt_text: Text | None = None

"""Results of NNS *Indikatorer för finansiell samordning*, per respondent group (bilagor).

A result is the share (0–100) of positive answers to one question in one year, next to the
national average (rikssnitt). The share may be given directly (as reports publish it) or
computed from the answer distribution (number of answers per step of the six-point
scale); which steps count as positive is a setting. Classification against the rikssnitt,
the arrow against last year and highlighting are computed (reportgen/compute/indikatorer.py).
"""

from __future__ import annotations

from enum import Enum

from pydantic import Field, model_validator

from reportgen.schema.base import Modell, Procent, Text, År

STANDARDSKALA = ("Inte alls", "2", "3", "4", "5", "Helt och hållet")


class Respondenter(str, Enum):
    deltagare_pågående = "deltagare_pågående"
    deltagare_avslut = "deltagare_avslut"
    insatspersonal = "insatspersonal"
    parternas_chefsgrupp = "parternas_chefsgrupp"
    styrelse = "styrelse"


class Bedömning(str, Enum):
    """Stated classification, for years published without figures."""

    högre = "högre"
    lägre = "lägre"
    varken = "varken"


class Pil(str, Enum):
    """Stated trend, for years whose previous year's share is not in the YAML."""

    upp = "upp"
    ned = "ned"
    plan = "plan"


Andel = Procent


class Mätning(Modell):
    """One question, one year, one group of respondents (totalt, kvinnor or män)."""

    andel: Andel | None = Field(
        default=None, ge=0, le=100, description="Andel positiva svar i procent"
    )
    fördelning: list[int] | None = Field(
        default=None, description="Antal svar per skalsteg, från 'Inte alls' till 'Helt och hållet'"
    )
    rikssnitt: Andel | None = Field(default=None, ge=0, le=100)
    svar: int | None = Field(default=None, ge=0, description="Antal svar på frågan")
    bedömning: Bedömning | None = Field(
        default=None, description="Angiven bedömning mot rikssnittet när siffror saknas"
    )
    pil: Pil | None = Field(
        default=None, description="Angiven pil mot föregående år när dess siffra saknas"
    )

    @model_validator(mode="after")
    def _one_source(self) -> Mätning:
        if self.andel is not None and self.fördelning is not None:
            raise ValueError("ange antingen andel eller fördelning, inte båda")
        if self.fördelning is not None and any(n < 0 for n in self.fördelning):
            raise ValueError("fördelningen får inte innehålla negativa antal")
        return self


class Årsresultat(Modell):
    totalt: Mätning
    kvinnor: Mätning | None = None
    män: Mätning | None = None


class Fråga(Modell):
    indikator: int = Field(ge=1, le=16, description="Indikatorns nummer, 1–16")
    text: str = Field(min_length=1)
    nummer: int | None = Field(default=None, ge=1, description="Frågans nummer i enkäten")
    resultat: dict[År, Årsresultat] = Field(min_length=1)


class Enkätår(Modell):
    svar: int | None = Field(default=None, ge=0, description="Antal inlämnade enkäter")
    möjliga: int | None = Field(default=None, ge=1, description="Antal möjliga svarande")
    rikssnitt_enkäter: int | None = Field(
        default=None, ge=0, description="Antal enkäter i landet som rikssnittet bygger på"
    )


class Respondentgrupp(Modell):
    rubrik: str = Field(description="Bilagans rubrik, t.ex. 'Resultat indikatorer – Styrelsen'")
    respondenter: Respondenter
    text: Text | None = Field(default=None, description="Text före tabellen")
    text_efter: Text | None = Field(default=None, description="Text efter tabellen")
    enkäter: dict[År, Enkätår] = Field(default_factory=dict)
    frågor: list[Fråga] = Field(min_length=1)
    år: list[År] | None = Field(
        default=None, description="År som visas, nyast först; alla år i frågorna om utelämnat"
    )


class Indikatordefinition(Modell):
    nummer: int = Field(ge=1, le=16)
    text: str = Field(min_length=1)


class Indikatorer(Modell):
    marginal: Procent = Field(
        default=2, ge=0, le=100,
        description="Inom ± så många procentenheter räknas resultatet som varken högre eller "
        "lägre än rikssnittet, och som oförändrat mot föregående år",
    )
    markera_skillnad: Procent = Field(
        default=25, ge=0, le=100,
        description="Skillnader på minst så många procentenheter markeras",
    )
    minsta_antal_svar: int = Field(
        default=5, ge=1, description="Färre svar än så redovisas inte"
    )
    positiva_svar: list[int] = Field(
        default_factory=lambda: [5, 6], min_length=1,
        description="Skalsteg (1–6) som räknas som positiva, t.ex. [5, 6] eller [4, 5, 6]",
    )
    skala: list[str] = Field(
        default_factory=lambda: list(STANDARDSKALA), min_length=2,
        description="Skalstegens namn, från lägsta till högsta",
    )
    diagram: bool = Field(
        default=False, description="Visa svarsfördelningen som stapeldiagram där den finns"
    )
    text: Text | None = Field(default=None, description="Text före indikatorlistan")
    grupper: list[Respondentgrupp] = Field(default_factory=list)
    lista: list[Indikatordefinition] = Field(
        default_factory=list, description="Indikatorerna 1–16 (egen bilaga)"
    )

    @model_validator(mode="after")
    def _steps_fit_the_scale(self) -> Indikatorer:
        steps = len(self.skala)
        wrong = [s for s in self.positiva_svar if not 1 <= s <= steps]
        if wrong:
            raise ValueError(f"positiva_svar ska vara skalsteg mellan 1 och {steps}")
        for grupp in self.grupper:
            for fråga in grupp.frågor:
                for år, resultat in fråga.resultat.items():
                    for kön in ("totalt", "kvinnor", "män"):
                        m = getattr(resultat, kön)
                        if m is not None and m.fördelning is not None and len(m.fördelning) != steps:
                            raise ValueError(
                                f"fördelningen för {grupp.rubrik!r}, fråga {fråga.text!r}, {år} "
                                f"({kön}) ska ha ett antal per skalsteg, alltså {steps} tal"
                            )
        return self

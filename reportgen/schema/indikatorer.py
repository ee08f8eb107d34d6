"""Results of NNS *Indikatorer för finansiell samordning*, per respondent group (bilagor).

A result is the share (0–100) of positive answers to one question in one year, optionally
next to the national average (rikssnitt). It is given as the share itself (as reports
publish it), as the number of answers per scale step (`fördelning`) or as the percentage
of the answers per step (`fördelning_procent`). Which steps count as positive (and which
as negative, for the summary) is a setting of the scale, of the respondent group and of
the single question, in that order of precedence (`Skalval`, resolved by `skalval`).
Classification against the rikssnitt, the arrow against last year and highlighting are
computed (reportgen/compute/indikatorer.py).

References by name are checked here, each at its own field, with the closest valid names:
the scale a group or question names, and every step in `positiva_svar` / `negativa_svar`.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Annotated, Any

from pydantic import Field, StrictInt, ValidationError, field_validator, model_validator
from pydantic_core import InitErrorDetails, PydanticCustomError

from reportgen.fmt import uppräkning
from reportgen.schema.base import Ifyllnad, Modell, Procent, Text, År

STANDARDSKALA = ("Inte alls", "2", "3", "4", "5", "Helt och hållet")
STANDARD = "standard"  # the name of the scale given by `indikatorer.skala`
KÖN = ("totalt", "kvinnor", "män")


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
# A scale step: its number (1 = the lowest) or its name as written in the scale.
Steg = Annotated[StrictInt | str, Field(description="Skalsteg: numret (1 = lägsta) eller namnet")]
Stegval = Annotated[
    list[Steg],
    Field(min_length=1, description="Skalsteg, med nummer (1 = lägsta) eller namn, t.ex. "
          "[5, 6] eller [För det mesta, Alltid]"),
]


def närmaste(value: str, names: Iterable[str]) -> str:
    """'; menade du 'x'?' for the closest of *names*, or '' when none is close."""
    close = difflib.get_close_matches(value, list(names), n=3, cutoff=0.6)
    return f"; menade du {' eller '.join(repr(c) for c in close)}?" if close else ""


class Mätning(Modell):
    """One question, one year, one group of respondents (totalt, kvinnor or män)."""

    andel: Andel | None = Field(
        default=None, ge=0, le=100, description="Andel positiva svar i procent"
    )
    fördelning: list[int] | None = Field(
        default=None, description="Antal svar per skalsteg, från lägsta till högsta"
    )
    fördelning_procent: list[Andel] | None = Field(
        default=None, description="Andel av svaren per skalsteg i procent, från lägsta till "
        "högsta (summerar till 100 inom avrundningen)",
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
        given = [self.andel, self.fördelning, self.fördelning_procent]
        if sum(v is not None for v in given) > 1:
            raise ValueError("ange antingen andel, fördelning eller fördelning_procent, "
                             "inte flera")
        if self.fördelning is not None and any(n < 0 for n in self.fördelning):
            raise ValueError("fördelningen får inte innehålla negativa antal")
        if self.fördelning_procent is not None and any(
                not 0 <= p <= 100 for p in self.fördelning_procent):
            raise ValueError("fördelning_procent ska vara procent mellan 0 och 100")
        return self

    @property
    def per_steg(self) -> list[int] | list[int | float] | None:
        """The distribution given, counts or percentages (at most one is given)."""
        return self.fördelning if self.fördelning is not None else self.fördelning_procent


class Årsresultat(Modell):
    totalt: Mätning
    kvinnor: Mätning | None = None
    män: Mätning | None = None

    @model_validator(mode="before")
    @classmethod
    def _known_groups(cls, data: Any) -> Any:
        if isinstance(data, dict):
            errors = [
                _error((key,), key, f"okänd grupp {key!r}{närmaste(str(key), KÖN)} "
                       f"(grupperna är {uppräkning(KÖN)})")
                for key in data if key not in KÖN
            ]
            if errors:
                raise ValidationError.from_exception_data(cls.__name__, errors)
        return data


# What fills in an indicator gap (reportgen nytt-år leaves the new year's results empty).
NNS = "årets resultat från NNS indikatorenkät"
NNS_SVAR = "årets antal svar och möjliga svarande, från NNS indikatorenkät"
# A year's results; empty (`2024:`), a gap to fill in.
Årsresultatlucka = Annotated[Årsresultat | None, Ifyllnad(NNS)]


class Fråga(Modell):
    indikator: int | None = Field(
        default=None, ge=1, description="Indikatorns nummer (utelämnas för en fråga utan indikator)"
    )
    text: str = Field(min_length=1)
    nummer: int | None = Field(default=None, ge=1, description="Frågans nummer i enkäten")
    skala: str | None = Field(
        default=None, description="Skalan frågan besvaras på (namn under indikatorer.skalor, "
        "eller 'standard'); gruppens skala om utelämnad",
    )
    positiva_svar: Stegval | None = Field(
        default=None, description="Skalsteg som räknas som positiva för just denna fråga")
    negativa_svar: Stegval | None = Field(
        default=None, description="Skalsteg som räknas som negativa för just denna fråga")
    resultat: dict[År, Årsresultatlucka] = Field(min_length=1)


class Enkätår(Modell):
    svar: int | None = Field(default=None, ge=0, description="Antal inlämnade enkäter")
    möjliga: int | None = Field(default=None, ge=1, description="Antal möjliga svarande")
    rikssnitt_enkäter: int | None = Field(
        default=None, ge=0, description="Antal enkäter i landet som rikssnittet bygger på"
    )


class Respondentgrupp(Modell):
    rubrik: str = Field(description="Bilagans rubrik, t.ex. 'Resultat indikatorer – Styrelsen'")
    respondenter: Respondenter
    skala: str | None = Field(
        default=None, description="Skalan gruppens frågor besvaras på (namn under "
        "indikatorer.skalor); standardskalan om utelämnad",
    )
    positiva_svar: Stegval | None = Field(
        default=None, description="Skalsteg som räknas som positiva i den här gruppen, t.ex. "
        "[4, 5, 6] för styrelsen; skalans egna om utelämnat",
    )
    negativa_svar: Stegval | None = Field(
        default=None, description="Skalsteg som räknas som negativa i den här gruppen")
    text: Text | None = Field(default=None, description="Text före tabellen")
    text_efter: Text | None = Field(default=None, description="Text efter tabellen")
    enkäter: dict[År, Annotated[Enkätår | None, Ifyllnad(NNS_SVAR)]] = Field(default_factory=dict)
    frågor: list[Fråga] = Field(min_length=1)
    år: list[År] | None = Field(
        default=None, description="År som visas, nyast först; alla år i frågorna om utelämnat"
    )

    @field_validator("respondenter", mode="before")
    @classmethod
    def _known_respondents(cls, value: Any) -> Any:
        names = [r.value for r in Respondenter]
        if isinstance(value, str) and value not in names:
            raise ValueError(f"okänd respondentgrupp {value!r}{närmaste(value, names)} "
                             f"(respondentgrupperna är {uppräkning(names)})")
        return value


class Indikatordefinition(Modell):
    nummer: int = Field(ge=1)
    text: str = Field(min_length=1)


class Skala(Modell):
    """A named answer scale besides the standard one, e.g. "Aldrig" … "Alltid"."""

    steg: list[str] = Field(min_length=2, description="Skalstegens namn, från lägsta till högsta")
    positiva_svar: Stegval = Field(description="Skalsteg som räknas som positiva")
    negativa_svar: Stegval | None = Field(
        default=None, description="Skalsteg som räknas som negativa; den nedre halvan av "
        "skalan (utom positiva steg) om utelämnat",
    )


@dataclass(frozen=True)
class Skalval:
    """The scale one question is answered on, with its positive and negative steps resolved
    (1-based step numbers, ascending); the other steps are neutral ("varken")."""

    namn: str
    steg: tuple[str, ...]
    positiva: tuple[int, ...]
    negativa: tuple[int, ...]

    @property
    def neutrala(self) -> tuple[int, ...]:
        return tuple(s for s in range(1, len(self.steg) + 1)
                     if s not in self.positiva and s not in self.negativa)


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
    skala: list[str] = Field(
        default_factory=lambda: list(STANDARDSKALA), min_length=2,
        description="Standardskalans steg, från lägsta till högsta",
    )
    positiva_svar: Stegval = Field(
        default_factory=lambda: list[int | str]([5, 6]),
        description="Standardskalans positiva steg, t.ex. [5, 6] eller [4, 5, 6]",
    )
    negativa_svar: Stegval | None = Field(
        default=None, description="Standardskalans negativa steg; den nedre halvan av skalan "
        "(utom positiva steg) om utelämnat",
    )
    skalor: dict[str, Skala] = Field(
        default_factory=dict, description="Fler svarsskalor, med namn, t.ex. frekvens: "
        "{steg: [Aldrig, …, Alltid], positiva_svar: [För det mesta, Alltid]}",
    )
    diagram: bool = Field(
        default=False, description="Visa svarsfördelningen som stapeldiagram där den finns"
    )
    sammanfattning: bool = Field(
        default=True, description="Visa en tabell med andelen negativa, varken-svar och "
        "positiva svar per indikator och respondentgrupp där svarsfördelningen finns",
    )
    text: Text | None = Field(default=None, description="Text före indikatorlistan")
    grupper: list[Respondentgrupp] = Field(default_factory=list)
    lista: list[Indikatordefinition] = Field(
        default_factory=list, description="Indikatorerna med nummer och text (egen bilaga)"
    )

    @model_validator(mode="after")
    def _references(self) -> Indikatorer:
        errors = list(_reference_errors(self))
        if errors:
            raise ValidationError.from_exception_data(type(self).__name__, errors)
        return self

    def skalnamn(self) -> tuple[str, ...]:
        return (STANDARD, *self.skalor)


# -- resolving a question's scale -------------------------------------------------------------


def skalval(ind: Indikatorer, grupp: Respondentgrupp, fråga: Fråga) -> Skalval:
    """The scale of *fråga* in *grupp*, its positive and negative steps resolved.

    The scale: the question's, else the group's, else the standard scale. The positive (and
    negative) steps: the question's, else the group's when the question is on the group's
    scale, else the scale's own. Negative steps never given: the lower half of the scale,
    positive steps excepted. Assumes a validated model (names resolve).
    """
    group_scale = grupp.skala or STANDARD
    name = fråga.skala or group_scale
    steg, own_pos, own_neg = _scale(ind, name)
    on_group_scale = name == group_scale
    pos, neg = own_pos, own_neg
    if on_group_scale and grupp.positiva_svar is not None:
        pos = grupp.positiva_svar
    if on_group_scale and grupp.negativa_svar is not None:
        neg = grupp.negativa_svar
    if fråga.positiva_svar is not None:
        pos = fråga.positiva_svar
    if fråga.negativa_svar is not None:
        neg = fråga.negativa_svar
    positiva = _step_numbers(pos, steg, name)
    negativa = (_step_numbers(neg, steg, name) if neg is not None
                else tuple(s for s in range(1, len(steg) // 2 + 1) if s not in positiva))
    return Skalval(name, steg, positiva, negativa)


def _scale(ind: Indikatorer, name: str) -> tuple[tuple[str, ...], list[Any], list[Any] | None]:
    if name == STANDARD or name not in ind.skalor:
        return tuple(ind.skala), list(ind.positiva_svar), ind.negativa_svar
    skala = ind.skalor[name]
    return tuple(skala.steg), list(skala.positiva_svar), skala.negativa_svar


def _step_numbers(values: Sequence[int | str], steg: tuple[str, ...], scale: str,
                  report: Callable[[int, str], None] | None = None) -> tuple[int, ...]:
    """The 1-based numbers of *values* on the scale; a value that names no step is reported
    (index, message), or skipped."""
    out: set[int] = set()
    for index, value in enumerate(values):
        number = _step_number(value, steg)
        if number is None:
            if report is not None:
                report(index, _step_message(value, steg, scale))
        else:
            out.add(number)
    return tuple(sorted(out))


def _step_number(value: int | str, steg: tuple[str, ...]) -> int | None:
    if isinstance(value, int):
        return value if 1 <= value <= len(steg) else None
    if value in steg:
        return steg.index(value) + 1
    return None


def _step_message(value: int | str, steg: tuple[str, ...], scale: str) -> str:
    if isinstance(value, int):
        return (f"skalsteg {value} finns inte på skalan {scale!r}: den har {len(steg)} steg, "
                f"numrerade 1–{len(steg)}")
    names = [repr(s) for s in steg]
    return (f"okänt skalsteg {value!r} på skalan {scale!r}{närmaste(value, steg)} "
            f"(stegen är {uppräkning(names)}, eller deras nummer 1–{len(steg)})")


# -- validating the references ----------------------------------------------------------------


def _error(loc: tuple[str | int, ...], value: Any, message: str) -> InitErrorDetails:
    return InitErrorDetails(type=PydanticCustomError("value_error", message), loc=loc,
                            input=value)


def _reference_errors(ind: Indikatorer) -> Iterable[InitErrorDetails]:
    """Every name that does not resolve and every distribution of the wrong length, each at
    its own field (relative to `indikatorer`)."""
    errors: list[InitErrorDetails] = []
    if STANDARD in ind.skalor:
        errors.append(_error(("skalor", STANDARD), STANDARD,
                             f"skalan {STANDARD!r} är standardskalan (indikatorer.skala); "
                             f"ge den här skalan ett annat namn"))
    checked: set[tuple[str | int, ...]] = set()

    def steps(where: tuple[str | int, ...], field: str, values: list[Any] | None,
              scale: tuple[str, ...], name: str) -> tuple[int, ...]:
        if values is None:
            return ()
        loc = (*where, field)

        def report(index: int, message: str) -> None:
            if (*loc, index) not in checked:
                checked.add((*loc, index))
                errors.append(_error((*loc, index), values[index], message))

        return _step_numbers(values, scale, name, report)

    def both(where: tuple[str | int, ...], pos: list[Any] | None, neg: list[Any] | None,
             scale: tuple[str, ...], name: str) -> None:
        p = steps(where, "positiva_svar", pos, scale, name)
        steps(where, "negativa_svar", neg, scale, name)
        for index, value in enumerate(neg or ()):
            if _step_number(value, scale) in p:
                errors.append(_error((*where, "negativa_svar", index), value,
                                     f"skalsteget {value!r} räknas redan som positivt och kan "
                                     f"inte också vara negativt"))

    both((), ind.positiva_svar, ind.negativa_svar, tuple(ind.skala), STANDARD)
    for name, skala in ind.skalor.items():
        both(("skalor", name), skala.positiva_svar, skala.negativa_svar, tuple(skala.steg), name)
    names = ind.skalnamn()
    for g_index, grupp in enumerate(ind.grupper):
        where: tuple[str | int, ...] = ("grupper", g_index)
        group_ok = _known_scale(grupp.skala, names, (*where, "skala"), errors)
        if group_ok:
            steg = _scale(ind, grupp.skala or STANDARD)[0]
            both(where, grupp.positiva_svar, grupp.negativa_svar, steg, grupp.skala or STANDARD)
        for f_index, fråga in enumerate(grupp.frågor):
            at = (*where, "frågor", f_index)
            if not _known_scale(fråga.skala, names, (*at, "skala"), errors) or not group_ok:
                continue
            name = fråga.skala or grupp.skala or STANDARD
            steg = _scale(ind, name)[0]
            both(at, fråga.positiva_svar, fråga.negativa_svar, steg, name)
            errors.extend(_length_errors(fråga, steg, name, at))
    return errors


def _known_scale(name: str | None, names: tuple[str, ...], loc: tuple[str | int, ...],
                 errors: list[InitErrorDetails]) -> bool:
    if name is None or name in names:
        return True
    errors.append(_error(loc, name, f"okänd skala {name!r}{närmaste(name, names)} "
                                    f"(skalorna är {uppräkning(list(names))})"))
    return False


def _length_errors(fråga: Fråga, steg: tuple[str, ...], name: str,
                   at: tuple[str | int, ...]) -> Iterable[InitErrorDetails]:
    for year, resultat in fråga.resultat.items():
        for kön in KÖN:
            m: Mätning | None = getattr(resultat, kön, None)  # None: a gap
            if m is None:
                continue
            for field in ("fördelning", "fördelning_procent"):
                values = getattr(m, field)
                if values is not None and len(values) != len(steg):
                    yield _error(
                        (*at, "resultat", year, kön, field), values,
                        f"{field} ska ha ett tal per skalsteg på skalan {name!r}, alltså "
                        f"{len(steg)} tal (fann {len(values)})")

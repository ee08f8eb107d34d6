"""Financial statements as the bookkeeping gives them: lines in whole kronor per year.

Which lines a statement has is its layout: the standard layout (templates/layouts/) with
the förbund's changes under `ekonomi.layout` (reportgen/schema/layout_resolve.py). The
figures are checked against it here, while the YAML is validated, so an unknown line is
reported with every other schema error, at its line and column, with the closest names.

Totals are computed by reportgen. Where the YAML also states a total (as a report
copied from Word does), the stated figure is kept so `check` can compare it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from enum import Enum
from typing import Annotated, Any, Literal

from pydantic import (
    Field,
    ModelWrapValidatorHandler,
    PrivateAttr,
    TypeAdapter,
    ValidationError,
    ValidatorFunctionWrapHandler,
    WithJsonSchema,
    WrapValidator,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

from reportgen.schema.base import BOKFÖRINGEN, Belopp, Ifyllnad, Modell, Text, År
from reportgen.schema.layout import Layoutändringar, Radnamn
from reportgen.schema.layout_resolve import resolve, standard_layout
from reportgen.schema.oversikt import Översikt
from reportgen.schema.uppstallning import PROGNOS, Layout, figure_problems


def _ord_eller_belopp(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    # A word ("inga") passes here; the layout decides where one may stand (a text line,
    # e.g. ansvarsförbindelser) and calls any other an amount written as text.
    return value if isinstance(value, str) else handler(value)


_ÅRSVÄRDE_SCHEMA = {
    "anyOf": [{"type": "integer"}, {"type": "string"}, {"type": "null"}],
    "description": "Belopp i hela kronor (heltal, utan mellanslag); på en textrad "
    "(ansvarsförbindelser) även ett ord, t.ex. inga; tomt: ska fyllas i",
}
# One figure of a statement as the YAML states it: an amount in kronor, or on a text line a word;
# empty, a gap to fill in. An amount is a `Belopp` (whole kronor, within the range a förbund can have).
Årsvärde = Annotated[Belopp | None, WrapValidator(_ord_eller_belopp), WithJsonSchema(_ÅRSVÄRDE_SCHEMA),
                     Ifyllnad(BOKFÖRINGEN)]
# A note row's amount of a year; empty, a gap to fill in.
Notbelopp = Annotated[Belopp | None, Ifyllnad(BOKFÖRINGEN)]
# A statement's figures of one year: line key → amount. Which keys exist is the layout's
# (the standard's lines and those added under ekonomi.layout); every line is optional (0);
# a stated total or derived line is compared with the computed one by `check`.
Årsbelopp = dict[str, Årsvärde]


def _standard_lines(räkning: str, prognos: bool = False) -> Callable[[dict[str, Any]], None]:
    """JSON Schema: the standard layout's lines as the properties of a year's figures, so an
    editor completes them (any other key is checked against the YAML's own layout); with
    *prognos*, also of the delårsrapport's forecast (`prognos:`)."""

    def extra(schema: dict[str, Any]) -> None:
        upp = standard_layout().räkning(räkning)
        props = {}
        for rad in upp.rader:
            if not rad.har_belopp:
                continue
            sign = {1: " (positivt belopp)", -1: " (negativt belopp)"}.get(
                rad.tecken.value if rad.tecken else 0, "")
            computed = "" if rad.slag.value in ("post", "textrad") and not rad.delar else (
                "; beräknas, och kontrolleras om det anges")
            props[rad.key] = {**_ÅRSVÄRDE_SCHEMA,
                              "description": f"{rad.text}, i hela kronor{sign}{computed}"}
        schema["additionalProperties"] = {
            "type": "object",
            "description": f"{upp.titel} ett år: radnyckel → belopp i hela kronor",
            "properties": props,
            "additionalProperties": _ÅRSVÄRDE_SCHEMA,
        }
        if prognos:
            schema["properties"] = {PROGNOS: {
                "type": "object",
                "description": "Delårsrapport: prognosen för helåret, resultaträkningens rader "
                "(årets nyckel avser då perioden, föregående års samma period föregående år)",
                "properties": props, "additionalProperties": _ÅRSVÄRDE_SCHEMA}}

    return extra


class IngåendeBalans(Modell):
    """The balance sheet at the start of the comparison year, as far as the cash flow needs
    it: the amounts of the lines with these meanings (see the layout's `betydelse`)."""

    fordringar: Belopp = Field(description="Kundfordringar och kortfristiga fordringar")
    kortfristiga_skulder: Belopp
    likvida_medel: Belopp
    avsättningar: Belopp = 0


class Kostnadsslag(str, Enum):
    administration = "administration"
    individinriktade = "individinriktade"
    strukturövergripande = "strukturövergripande"


class Notrad(Modell):
    """A row of a note: an amount line (`text`, `belopp`), or a group of rows under a
    sub-heading (`grupp`, `rader`) with its own sum line, which may have its own wording
    (`summa_text`), a stated figure (`summa`, checked) or be left out (`visa_summa: false`).
    Groups may hold groups."""

    text: str | None = None
    belopp: dict[År, Notbelopp] | None = None
    medlemsbidrag: bool = Field(
        default=False, description="Raden är ett bidrag från förbundsmedlemmarna"
    )
    kostnadsslag: Kostnadsslag | None = None
    grupp: str | None = Field(default=None, description="Underrubrik för en grupp av rader")
    rader: list[Notrad] | None = Field(default=None, description="Gruppens rader")
    summa_text: str | None = Field(
        default=None, description="Gruppens summarad, t.ex. Summa direkta kostnader "
        "(utelämnad: Summa och gruppens rubrik)")
    visa_summa: bool = Field(default=True, description="false: gruppen har ingen summarad")
    summa: dict[År, Belopp] | None = Field(default=None, description="Gruppens summa som angiven")

    @model_validator(mode="after")
    def _rad_eller_grupp(self) -> Notrad:
        if self.grupp is None:
            missing = [n for n in ("text", "belopp") if getattr(self, n) is None]
            extra = [n for n in ("rader", "summa_text", "summa") if getattr(self, n) is not None]
            if missing or extra:
                raise ValueError(
                    "en notrad har text och belopp; en grupp har grupp och rader"
                    + (f"; här saknas {' och '.join(missing)}" if missing else "")
                    + (f"; {' och '.join(extra)} hör till en grupp" if extra else ""))
        else:
            extra = [n for n in ("text", "belopp", "kostnadsslag") if getattr(self, n) is not None]
            if not self.rader or extra or self.medlemsbidrag:
                raise ValueError(
                    "en grupp har grupp och rader (minst en)"
                    + (f"; {' och '.join(extra)} hör till en rad i gruppen" if extra else ""))
        return self

    @property
    def är_grupp(self) -> bool:
        return self.grupp is not None

    def värde(self, år: int) -> int:
        """The amount of *år*: 0 when the row does not give one or leaves it to fill in."""
        return (self.belopp or {}).get(år) or 0

    @property
    def summarad(self) -> str:
        if self.summa_text:
            return self.summa_text
        return f"Summa {(self.grupp or '')[:1].lower()}{(self.grupp or '')[1:]}"

    def poster(self) -> Iterator[Notrad]:
        """The amount lines of this row: itself, or every line of the group (and its groups)."""
        if self.rader is None:
            yield self
            return
        for row in self.rader:
            yield from row.poster()


class Not(Modell):
    rubrik: str
    text: Text | None = None
    avser: list[str] = Field(
        default_factory=list,
        description="Raderna i resultat-, balansräkningen eller kassaflödesanalysen som noten "
        "förklarar (radnycklar; räkning.nyckel där nyckeln finns i flera)",
    )
    rader: list[Notrad] = Field(default_factory=list)
    omvänt_tecken: bool = Field(
        default=False, description="Noten visar beloppen med omvänt tecken (t.ex. kostnader som positiva)"
    )
    delredovisning: bool = Field(
        default=False, description="Noten redovisar bara en del (varav) och behöver inte summera till raden"
    )
    summa: dict[År, Belopp] | None = Field(default=None, description="Summa som angetts i noten")
    summa_text: str = Field(default="Summa", description="Notens summarad, t.ex. Summa kortfristiga skulder")
    visa_summa: bool = Field(
        default=True, description="false: noten har ingen summarad (t.ex. bara gruppernas summor)")

    def poster(self) -> Iterator[Notrad]:
        """Every amount line of the note, in groups or not."""
        for row in self.rader:
            yield from row.poster()


class Ekonomi(Modell):
    kontoplan: str | None = Field(
        default=None, description="Kontoplanen som reportgen importera läser bokföringen med: "
        "kommun-bas (standard), bas eller en egen fil (se README, reportgen importera)")
    layout: Layoutändringar = Field(
        default_factory=Layoutändringar,
        description="Förbundets ändringar av standarduppställningen: rader som byter namn, "
        "läggs till, tas bort, delrader och summor (se README, Statement layouts)",
    )
    likvida_medel: list[Radnamn] | None = Field(
        default=None,
        description="Balansposter som räknas som likvida medel i kassaflödesanalysen "
        "(utelämnat: raderna med betydelsen likvida_medel, i standarden kassa och bank "
        "och kortfristiga placeringar)",
    )
    resultaträkning: dict[År, Årsbelopp] = Field(
        json_schema_extra=_standard_lines("resultaträkning", prognos=True))  # type: ignore[arg-type]
    balansräkning: dict[År, Årsbelopp] = Field(
        json_schema_extra=_standard_lines("balansräkning"))  # type: ignore[arg-type]
    kassaflöde: dict[År, Årsbelopp] = Field(
        default_factory=dict, json_schema_extra=_standard_lines("kassaflödesanalys"))  # type: ignore[arg-type]
    ingående_balans: IngåendeBalans | None = Field(
        default=None,
        description="Balansen vid jämförelseårets början (behövs för jämförelseårets kassaflöde)",
    )
    jämförelse_balansräkning: Literal["bokslut", "samma_dag"] | None = Field(
        default=None,
        description="Delårsrapport: vad balansräkningens föregående år avser: bokslut "
        "(föregående års bokslut, t.ex. 2022-12-31; standard) eller samma_dag (samma dag "
        "föregående år, t.ex. 2022-08-31)")
    noter: list[Not] = Field(default_factory=list)
    femårsöversikt: Översikt | None = Field(
        default=None,
        description="Femårsöversikten (1.1): enhet, rader och värden per år (se README); "
        "utelämnad: ingen femårsöversikt")
    femårsöversikt_text: Text | None = None

    _uppställning: Layout | None = PrivateAttr(default=None)
    _prognos: Årsbelopp | None = PrivateAttr(default=None)

    @property
    def prognos(self) -> Årsbelopp | None:
        """The forecast for the whole year (a delårsrapport's `resultaträkning.prognos`),
        the resultaträkning's lines; None when the YAML gives none."""
        return self._prognos

    @property
    def uppställning(self) -> Layout:
        """The statements' layout: the standard with this förbund's changes."""
        if self._uppställning is None:  # a model built without validation (a test's copy)
            layout, problems = resolve(self.layout, self.likvida_medel)
            assert layout is not None, problems
            self._uppställning = layout
        return self._uppställning

    @model_validator(mode="wrap")
    @classmethod
    def _mot_uppställningen(cls, data: Any, handler: ModelWrapValidatorHandler[Ekonomi]) -> Ekonomi:
        """Resolve the layout and check the figures against it; every problem, the schema's
        own included, is reported at once at its place."""
        errors: list[InitErrorDetails] = []
        model: Ekonomi | None = None
        prognos: Årsbelopp | None = None
        try:
            model = handler(_utan_prognos(data))
        except ValidationError as exc:
            errors = _init_errors(exc)
        if isinstance(data, dict) and isinstance(data.get("resultaträkning"), dict) and (
                PROGNOS in data["resultaträkning"]):
            try:
                prognos = _ÅRSBELOPP.validate_python(data["resultaträkning"][PROGNOS] or {})
            except ValidationError as exc:
                errors += _init_errors(exc, ("resultaträkning", PROGNOS))
        layout = None
        if isinstance(data, dict):
            ändringar, likvida = _layout_input(data, model)
            if ändringar is not None:
                layout, problems = resolve(ändringar, likvida)
                errors += [_error(plats, meddelande) for plats, meddelande in problems]
            if layout is not None:
                errors += [
                    InitErrorDetails(type="int_type", loc=f.plats, input=f.indata)
                    if f.typ == "int_type" else _error(f.plats, f.meddelande)
                    for f in figure_problems(data, layout)
                ]
        if errors or model is None:
            raise ValidationError.from_exception_data(cls.__name__, errors)
        model._uppställning = layout
        model._prognos = prognos
        return model


# The forecast's figures, validated as a year's (`resultaträkning.prognos`, see `Ekonomi.prognos`).
_ÅRSBELOPP: TypeAdapter[Årsbelopp] = TypeAdapter(Årsbelopp)


def _utan_prognos(data: Any) -> Any:
    """The input without `resultaträkning.prognos` (validated on its own, as a year's
    figures; the years stay keyed by the year)."""
    if not (isinstance(data, dict) and isinstance(data.get("resultaträkning"), dict)
            and PROGNOS in data["resultaträkning"]):
        return data
    rr = {k: v for k, v in data["resultaträkning"].items() if k != PROGNOS}
    return {**data, "resultaträkning": rr}


def _init_errors(exc: ValidationError, prefix: tuple[str | int, ...] = ()) -> list[InitErrorDetails]:
    return [InitErrorDetails(type=PydanticCustomError(e["type"], e["msg"], e.get("ctx")),
                             loc=(*prefix, *e["loc"]), input=e["input"]) for e in exc.errors()]


def _error(plats: tuple[str | int, ...], meddelande: str) -> InitErrorDetails:
    return InitErrorDetails(type=PydanticCustomError("value_error", "{msg}", {"msg": meddelande}),
                            loc=plats, input=None)


def _layout_input(data: dict[str, Any], model: Ekonomi | None,
                  ) -> tuple[Layoutändringar | None, list[str] | None]:
    """The layout changes and likvida medel to resolve: the model's, or (when the rest of
    `ekonomi` has errors) read on their own; None when they have errors themselves."""
    if model is not None:
        return model.layout, model.likvida_medel
    try:
        ändringar = Layoutändringar.model_validate(data.get("layout") or {})
    except ValidationError:
        return None, None
    likvida = data.get("likvida_medel")
    if likvida is not None and not (isinstance(likvida, list)
                                    and all(isinstance(k, str) for k in likvida)):
        return None, None
    return ändringar, likvida

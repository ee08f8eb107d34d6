"""A checked amount table (`- tabell:`), a content block of any section: for the tables no
model covers, typeset like the statements.

```yaml
innehåll:
  - tabell:
      rubrik: Finansierade insatser 2021–2024, tkr
      enhet: tkr                      # kr (default), tkr or %
      kolumner: [2021, 2022, 2023, 2024]
      andel_av: totalt                # a share column after each amount column: row / totalt
      rader:
        - {text: Rehabteamet, värden: [1200, 1250, 1300, 1350]}
        - {text: Unga vuxna, värden: [400, 420, 0, 0]}
        - {summa: Summa insatser, nyckel: insatser}        # computed
        - {text: Administration, värden: [610, 615, 640, 652]}
        - {summa: Totala kostnader, nyckel: totalt, värden: [2210, 2285, 1940, 2002]}  # checked
        - {andel: Insatsernas andel, av: insatser, genom: totalt}   # a share row, computed
```

Counts are `enhet: antal`. A table of shares (`enhet: "%"`) with `summerar_till_100: true`
adds up to 100 in each column (and in the values in parentheses), within the rounding of
its entries: n entries in whole percent may be off by n × 0,5. A row's `parentes` values
are printed in parentheses after its values ("50 % (47 %)", last year's shares). `tomt`
is what an empty cell (null) shows ("–"). `siffror` names figures prose can use
(`{{ andel_arbete }}`): the sum of rows (`av`), or their share of a row (`genom`), in one
column; `angivet` is the figure as a report printed it in its text, checked.

A sum row adds the rows named in `av` (keys: a row's `nyckel`, else its text), or every
amount row above it; stated `värden` are checked (in a table in tkr, the printed lines must
add up to the printed sum). A share row is `av` / `genom` per column. Stated shares
(`värden` of a share row, `andelar` of a row in a table with `andel_av`) are checked within
their rounding.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import Field, StrictInt, ValidationError, model_validator
from pydantic_core import InitErrorDetails, PydanticCustomError

from reportgen.schema.base import Korttext, Modell
from reportgen.suggest import okänt_namn

Tal = Annotated[StrictInt | float, Field(description="Ett tal i tabellens enhet")]
SLAG = ("text", "summa", "andel", "rubrik")


class Tabellrad(Modell):
    """A row: an amount row (`text`, `värden`), a sum (`summa`), a share (`andel`) or a
    heading (`rubrik`)."""

    text: Korttext | None = Field(default=None, description="En rad med belopp: dess text")
    summa: Korttext | None = Field(default=None, description="En summarad: dess text")
    andel: Korttext | None = Field(default=None, description="En andelsrad: dess text")
    rubrik: Korttext | None = Field(default=None, description="En rubrikrad utan belopp")
    nyckel: str | None = Field(
        default=None, description="Radens namn i av:, genom: och andel_av: (utelämnat: texten)")
    värden: list[Tal | None] | None = Field(
        default=None, description="Ett värde per kolumn (null: tom cell); på en summa- eller "
        "andelsrad som de står i rapporten (kontrolleras)")
    av: list[str] | None = Field(
        default=None, description="Summarad: raderna den summerar (utelämnat: alla beloppsrader "
        "ovanför); andelsrad: raden vars andel den visar")
    genom: str | None = Field(default=None, description="Andelsrad: raden den är en andel av")
    andelar: list[Tal | None] | None = Field(
        default=None, description="Andelarna i procent i andelskolumnerna, som de står i "
        "rapporten (kontrolleras)")
    parentes: list[Tal | None] | None = Field(
        default=None, description="Ett värde per kolumn som visas inom parentes efter "
        "radens värde, t.ex. föregående års andel")

    @property
    def slag(self) -> str:
        return next(s for s in SLAG if getattr(self, s) is not None)

    @property
    def etikett(self) -> str:
        return str(getattr(self, self.slag))

    @property
    def namn(self) -> str:
        return self.nyckel or self.etikett


class Tabellsiffra(Modell):
    """A figure prose can name, computed from the table's rows in one column."""

    av: list[str] = Field(min_length=1, description="Raderna som summeras (nyckel eller text)")
    genom: str | None = Field(default=None, description="Raden summan är en andel av "
                              "(utelämnad: siffran är summan själv)")
    kolumn: StrictInt | str = Field(default=0, description="Kolumnen: dess rubrik, eller "
                                    "dess nummer från 0 (utelämnad: den första)")
    angivet: Tal | None = Field(default=None, description="Siffran som den står i rapportens "
                                "text (en andel i procent); kontrolleras")


class Tabell(Modell):
    """The table: caption, unit, columns, rows."""

    rubrik: Korttext = Field(description="Tabellens rubrik (bildtext)")
    enhet: Literal["kr", "tkr", "%", "antal"] = Field(
        default="kr", description="kr, tkr, % eller antal")
    summerar_till_100: bool = Field(
        default=False, description="En tabell av andelar (enhet: %): varje kolumn summerar "
        "till 100 inom avrundningen (n värden i hela procent: ±n × 0,5)")
    tomt: Korttext = Field(default="", description="Det som står i en tom cell (null), "
                           "t.ex. –")
    siffror: dict[str, Tabellsiffra] = Field(
        default_factory=dict, description="Siffror som texten kan nämna ({{ namn }}): "
        "summan av rader (av:), eller dess andel av en rad (genom:), i en kolumn")
    kolumner: list[str | StrictInt] = Field(min_length=1, description="Kolumnernas rubriker")
    radrubrik: Korttext | None = Field(
        default=None, description="Rubriken över radtexterna (utelämnad: Belopp i kr/tkr)")
    andel_av: str | None = Field(
        default=None, description="En andelskolumn efter varje beloppskolumn: radens andel av "
        "raden med denna nyckel")
    andel_rubrik: Korttext = Field(default="Andel", description="Andelskolumnernas rubrik")
    decimaler: int = Field(default=0, ge=0, le=2, description="Decimaler i andelarna")
    fotnot: Korttext | None = Field(default=None, description="Text under tabellen")
    rader: list[Tabellrad] = Field(min_length=1)
    att_fylla_i: list[str | StrictInt] = Field(
        default_factory=list, description="Kolumner (rubrik eller nummer från 0) vars värden "
        "ska fyllas i, som reportgen nytt-år lämnar nästa periods: var och en är ett fel "
        "(lucka) och visas [fylls i] tills värdena är ifyllda och kolumnen tagits bort här")

    @model_validator(mode="wrap")
    @classmethod
    def _namn_och_antal(cls, data: Any, handler: Any) -> Tabell:
        model: Tabell = handler(data)
        errors = list(model._problem())
        if errors:
            raise ValidationError.from_exception_data(cls.__name__, [
                InitErrorDetails(type=PydanticCustomError("value_error", "{msg}", {"msg": msg}),
                                 loc=loc, input=None) for loc, msg in errors])
        return model

    def _problem(self) -> list[tuple[tuple[str | int, ...], str]]:
        """Every problem a row has, with its place (relative to the table)."""
        out: list[tuple[tuple[str | int, ...], str]] = []
        n = len(self.kolumner)
        seen: dict[str, int] = {}
        amounts: list[str] = []  # rows a sum or share can name, so far
        for i, rad in enumerate(self.rader):
            at: tuple[str | int, ...] = ("rader", i)
            kinds = [s for s in SLAG if getattr(rad, s) is not None]
            if len(kinds) != 1:
                out.append((at, "en rad är en av text:, summa:, andel: och rubrik: "
                            + (f"(här {', '.join(kinds)})" if kinds else "(här ingen)")))
                continue
            kind = kinds[0]
            if kind == "text" and rad.värden is None:
                out.append((at, "en rad med text: behöver värden: (ett per kolumn)"))
            if rad.värden is not None and len(rad.värden) != n:
                out.append(((*at, "värden"), f"{len(rad.värden)} värden, men tabellen har "
                            f"{n} kolumner"))
            if rad.värden is not None and self.enhet != "%" and kind != "andel" and any(
                    isinstance(v, float) for v in rad.värden):
                out.append(((*at, "värden"), f"belopp i {self.enhet} är heltal"))
            if kind == "rubrik" and (rad.värden or rad.av or rad.genom or rad.andelar):
                out.append((at, "en rubrikrad har inga värden"))
            if rad.andelar is not None and (self.andel_av is None or len(rad.andelar) != n):
                out.append(((*at, "andelar"), "andelar: behöver andel_av: i tabellen och ett "
                            "värde per kolumn"))
            if kind == "andel":
                if not rad.av or len(rad.av) != 1 or rad.genom is None:
                    out.append((at, "en andelsrad behöver av: (en rad) och genom: (raden den "
                                "är en andel av)"))
                for j, key in enumerate(rad.av or []):
                    if key not in amounts:
                        out.append(((*at, "av", j), okänt_namn("raden", key, amounts)))
                if rad.genom is not None and rad.genom not in amounts:
                    out.append(((*at, "genom"), okänt_namn("raden", rad.genom, amounts)))
            elif rad.av is not None:
                if kind != "summa":
                    out.append(((*at, "av"), "av: hör till en summa- eller andelsrad"))
                for j, key in enumerate(rad.av):
                    if key not in amounts:
                        out.append(((*at, "av", j), okänt_namn("raden", key, amounts)))
            if rad.genom is not None and kind != "andel":
                out.append(((*at, "genom"), "genom: hör till en andelsrad"))
            if kind in ("text", "summa"):
                if rad.namn in seen:
                    out.append(((*at, "nyckel" if rad.nyckel else kind),
                                f"raden {rad.namn!r} finns redan (rad {seen[rad.namn] + 1}); "
                                "ge den en egen nyckel:"))
                seen[rad.namn] = i
                amounts.append(rad.namn)
            if rad.parentes is not None and (kind != "text" or len(rad.parentes) != n):
                out.append(((*at, "parentes"), "parentes: hör till en rad med text: och har "
                            "ett värde per kolumn"))
        if self.andel_av is not None and self.andel_av not in amounts:
            out.append((("andel_av",), okänt_namn("raden", self.andel_av, amounts)))
        if self.summerar_till_100 and self.enhet != "%":
            out.append((("summerar_till_100",), "summerar_till_100 gäller en tabell av "
                        "andelar (enhet: \"%\")"))
        for name, siffra in self.siffror.items():
            at = ("siffror", name)
            if not re.fullmatch(r"[^\W\d]\w*", name):
                out.append((at, f"siffrans namn {name!r} är inte ett namn som texten kan nämna "
                            "(bokstäver, siffror och _, med en bokstav först)"))
            for j, key in enumerate(siffra.av):
                if key not in amounts:
                    out.append(((*at, "av", j), okänt_namn("raden", key, amounts)))
            if siffra.genom is not None and siffra.genom not in amounts:
                out.append(((*at, "genom"), okänt_namn("raden", siffra.genom, amounts)))
            if self.kolumnindex(siffra.kolumn) is None:
                out.append(((*at, "kolumn"), okänt_namn(
                    "kolumnen", str(siffra.kolumn), [str(k) for k in self.kolumner])))
        for j, kolumn in enumerate(self.att_fylla_i):
            if self.kolumnindex(kolumn) is None:
                out.append((("att_fylla_i", j), okänt_namn(
                    "kolumnen", str(kolumn), [str(k) for k in self.kolumner])))
        return out

    @property
    def fylls_i(self) -> frozenset[int]:
        """The columns still to fill in (`att_fylla_i`): gaps, whose figures wait."""
        found = (self.kolumnindex(k) for k in self.att_fylla_i)
        return frozenset(i for i in found if i is not None)

    def kolumnindex(self, kolumn: int | str) -> int | None:
        """The index of a column named by its heading or its number (from 0)."""
        names = [str(k) for k in self.kolumner]
        if str(kolumn) in names:  # a heading first: `kolumn: 2023` of columns [2022, 2023]
            return names.index(str(kolumn))
        if isinstance(kolumn, int):
            return kolumn if 0 <= kolumn < len(self.kolumner) else None
        return None


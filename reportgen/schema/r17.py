"""The delårsrapport's R17 part (LKBR ch. 13, RKR R17) against the rest of the input: what
only a delårsrapport may give, and the comparison columns its statements need.

The statements keep the årsredovisning's keys (reportgen/perioder.py says what each column
covers): `ekonomi.resultaträkning.2023` is the period, `.2022` the same period last year,
`.prognos` the forecast for the year; `ekonomi.balansräkning.2023` the period's end, `.2022`
last year's closing balance or the same day last year (`jämförelse_balansräkning`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Protocol

from pydantic_core import InitErrorDetails, PydanticCustomError

from reportgen.perioder import Jämförelse, Perioder
from reportgen.schema.ekonomi import Ekonomi
from reportgen.schema.uppstallning import PROGNOS, Radslag
from reportgen.schema.verksamhet import Balanskrav

Plats = tuple[str | int, ...]


# What this module reads of the input (reportgen/schema/rapport.py's Indata, which calls it).
class _Period(Protocol):
    @property
    def från(self) -> dt.date: ...
    @property
    def till(self) -> dt.date: ...


class _Rapport(Protocol):
    @property
    def typ(self) -> str: ...
    @property
    def räkenskapsår(self) -> int: ...
    @property
    def period(self) -> _Period | None: ...


class Indata(Protocol):
    @property
    def rapport(self) -> _Rapport: ...
    @property
    def ekonomi(self) -> Ekonomi | None: ...
    @property
    def balanskrav(self) -> Balanskrav | None: ...


def perioder(indata: Indata) -> Perioder:
    """What the statements' columns of this report cover."""
    r = indata.rapport
    eko = getattr(indata, "ekonomi", None)
    jämförelse: Jämförelse = (eko.jämförelse_balansräkning if eko is not None else None) or "bokslut"
    if r.typ == "delårsrapport" and r.period is not None:
        return Perioder(r.räkenskapsår, r.period.från, r.period.till, jämförelse)
    return Perioder(r.räkenskapsår)


def r17_fel(indata: Indata) -> list[InitErrorDetails]:
    """Every problem of the R17 part, at its place."""
    eko: Ekonomi | None = getattr(indata, "ekonomi", None)
    delår = indata.rapport.typ == "delårsrapport"
    out = list(_bara_delår(indata, eko) if not delår else ())
    if delår and eko is not None:
        out += _jämförelser(perioder(indata), eko)
    return [_error(plats, text) for plats, text in out]


def _bara_delår(indata: Indata, eko: Ekonomi | None) -> Iterator[tuple[Plats, str]]:
    vad = "gäller bara en delårsrapport (rapport.typ: delårsrapport)"
    if eko is not None and eko.prognos is not None:
        yield (("ekonomi", "resultaträkning", PROGNOS),
               f"prognosen för helåret {vad}; en årsredovisning har årets utfall och "
               "föregående års")
    if eko is not None and eko.jämförelse_balansräkning is not None:
        yield (("ekonomi", "jämförelse_balansräkning"),
               f"jämförelse_balansräkning {vad}; en årsredovisnings balansräkning jämförs "
               "alltid med föregående års bokslut")
    for i, post in enumerate(indata.balanskrav.justeringar if indata.balanskrav else ()):
        if post.prognos is not None:
            yield (("balanskrav", "justeringar", i, "prognos"),
                   f"en justering av prognosen {vad}; ange årets justering under belopp:")


def _jämförelser(p: Perioder, eko: Ekonomi) -> Iterator[tuple[Plats, str]]:
    """Each statement the report gives for its period has its comparison column, and
    no other year; last year's closing balance states its own årets resultat."""
    år, före = p.år, p.år - 1
    kolumner = {"resultaträkning": eko.resultaträkning, "balansräkning": eko.balansräkning}
    for räkning, years in kolumner.items():
        if not years and not (räkning == "resultaträkning" and eko.prognos is not None):
            continue
        nu, då = p.rubrik(räkning, år), p.rubrik(räkning, före)
        slag = "samma period föregående år" if räkning == "resultaträkning" else (
            "föregående års bokslut" if p.jämförelse == "bokslut" else "samma dag föregående år")
        for other in sorted(y for y in years if y not in (år, före)):
            yield (("ekonomi", räkning, other),
                   f"{räkning}en {other}: delårsrapporten för {år} har perioden ({nu}) och "
                   f"{slag} ({då}), inget annat år")
        if år not in years:
            yield (("ekonomi", räkning),
                   f"{räkning}en för perioden ({nu}) saknas: ange ekonomi.{räkning}.{år}")
        if före not in years:
            yield (("ekonomi", räkning),
                   f"{räkning}en {nu} jämförs med {slag}: ekonomi.{räkning}.{före} ({då}) saknas")
    if före in eko.balansräkning and not p.samma_period(före):
        stated = eko.balansräkning[före]
        for rad in eko.uppställning.balansräkning.rader:
            h = rad.härledning
            gap = rad.key in stated and stated[rad.key] is None  # to fill in: `lucka`
            if rad.slag is Radslag.HÄRLEDD and h is not None and h.räkning == "resultaträkning" \
                    and not isinstance(stated.get(rad.key), int) and not gap:
                yield (("ekonomi", "balansräkning", före),
                       f"balansräkningen {p.rubrik('balansräkning', före)} är föregående års "
                       f"bokslut: ange {rad.text.lower()} för helåret {före} ({rad.key}:), "
                       f"resultaträkningen {före} avser {p.period(före)}")


def _error(plats: Plats, meddelande: str) -> InitErrorDetails:
    return InitErrorDetails(type=PydanticCustomError("value_error", "{msg}", {"msg": meddelande}),
                            loc=plats, input=None)

"""Consistency rules over the validated input and computed figures (see `reportgen check`).

Every rule is a `Regel` (id, description, pure check function) in one module per rule
family; `REGLER` lists them all in report order. `run_checks` runs every rule and
returns every finding; nothing stops at the first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from reportgen.checks import (
    balansrakning,
    budget,
    datum,
    foregaende,
    indikatorer,
    kassaflode,
    luckor,
    noter,
    oversikt,
    platshallare,
    resultatrakning,
    struktur,
    styrelse,
    tabell,
    tema,
    texter,
    uppgifter,
    verksamhet,
)
from reportgen.checks.base import Kontext, Regel
from reportgen.findings import Finding

if TYPE_CHECKING:
    from reportgen.compute.statements import Ekonomiberakning
    from reportgen.load import Source
    from reportgen.schema import Indata

REGLER: tuple[Regel, ...] = (
    *luckor.REGLER,
    *verksamhet.REGLER,
    *resultatrakning.REGLER,
    *balansrakning.REGLER,
    *kassaflode.REGLER,
    *noter.REGLER,
    *oversikt.REGLER,
    *budget.REGLER,
    *tabell.REGLER,
    *styrelse.REGLER,
    *uppgifter.REGLER,
    *datum.REGLER,
    *texter.REGLER,
    *foregaende.REGLER,
    *indikatorer.REGLER,
    *platshallare.REGLER,
    *struktur.REGLER,
    *tema.REGLER,
)

# The rules of the statements: a report without them (a delårsrapport that gives no
# `ekonomi:` figures) has nothing for them to check.
RÄKENSKAPSREGLER: frozenset[Regel] = frozenset((
    *resultatrakning.REGLER, *balansrakning.REGLER, *kassaflode.REGLER, *noter.REGLER))

# Group titles for the output, by the first part of a finding's rule id.
GRUPPER: dict[str, str] = {
    "lucka": "Att fylla i",
    "yaml": "Filen",
    "schema": "Indata (schemat)",
    "text": "Texter och filer",
    "oförändrad": "Texter oförändrade sedan förra året",
    "insats": "Mål och insatser",
    "mål": "Mål och insatser",
    "mått": "Mål och insatser",
    "deltagare": "Mål och insatser",
    "rr": "Resultaträkning",
    "br": "Balansräkning",
    "kf": "Kassaflödesanalys",
    "not": "Noter",
    "femår": "Femårsöversikt",
    "budget": "Driftredovisning och sammanställning av utfall och budget",
    "tabell": "Tabeller",
    "styrelse": "Styrelse och underskrifter",
    "datum": "Datum",
    "indikator": "Indikatorer",
    "uppgift": "Uppgifter som en årsredovisning brukar visa",
    "delår": "Delårsrapporten",
    "avsnitt": "Avsnitt",
    "tema": "Tema (färger och typsnitt)",
}


def grupp(finding: Finding) -> str:
    prefix = finding.rule.split(".", 1)[0]
    return GRUPPER.get(prefix, "Övrigt" if finding.rule else "Filen")


class _HasFigures(Protocol):
    @property
    def source(self) -> Source: ...
    @property
    def indata(self) -> Indata: ...
    @property
    def eko(self) -> Ekonomiberakning: ...


def check_figures(source: Source, indata: Indata, eko: Ekonomiberakning) -> list[Finding]:
    """Every finding of every rule, in rule order."""
    ctx = Kontext(source, indata, eko)
    rules = [r for r in REGLER if not (indata.utan_räkenskaper and r in RÄKENSKAPSREGLER)]
    return [finding for rule in rules for finding in rule(ctx)]


def run_checks(prepared: _HasFigures) -> list[Finding]:
    """Every consistency finding for a prepared report, errors and warnings."""
    return check_figures(prepared.source, prepared.indata, prepared.eko)

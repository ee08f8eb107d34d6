"""A statement layout as it is computed and checked: its lines (`Rad`), each statement's
(`Uppställning`) and the three together (`Layout`), and the meanings lines may have.

A layout is resolved from the standard layout and the förbund's changes by
reportgen/schema/layout_resolve.py. `figure_problems` checks the YAML's figures and the
notes' references against it.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import Enum
from functools import cached_property
from typing import Any

from reportgen.perioder import PROGNOS  # noqa: F401 (the forecast's key, importable here)

Plats = tuple[str | int, ...]  # a path below `ekonomi`, as the YAML writes it

RÄKNINGAR = ("resultaträkning", "balansräkning", "kassaflödesanalys")
# Where the YAML states a statement's figures, per year: ekonomi.<key>.<year>.<line>.
YAML_NYCKEL = {"resultaträkning": "resultaträkning", "balansräkning": "balansräkning",
               "kassaflödesanalys": "kassaflöde"}
BESTÄMD = {"resultaträkning": "resultaträkningen", "balansräkning": "balansräkningen",
           "kassaflödesanalys": "kassaflödesanalysen"}
GENITIV = {"resultaträkning": "resultaträkningens", "balansräkning": "balansräkningens",
           "kassaflödesanalys": "kassaflödesanalysens"}

# The meanings each statement's lines may have: meaning → whether at most one line has it
# (a total, a result) rather than being a kind several lines share (then their sum).
BETYDELSER: dict[str, dict[str, bool]] = {
    "resultaträkning": {
        "verksamhetens_intäkter": False, "verksamhetens_kostnader": False,
        "avskrivningar": False, "verksamhetens_resultat": True, "finansiella_intäkter": False,
        "finansiella_kostnader": False, "resultat_efter_finansiella_poster": True,
        "extraordinära_poster": False, "årets_resultat": True,
    },
    "balansräkning": {
        "anläggningstillgångar": False, "summa_anläggningstillgångar": True,
        "fordringar": False, "likvida_medel": False, "summa_omsättningstillgångar": True,
        "summa_tillgångar": True, "årets_resultat": True, "ingående_eget_kapital": False,
        "summa_eget_kapital": True, "avsättningar": False, "långfristiga_skulder": False,
        "kortfristiga_skulder": False, "summa_eget_kapital_avsättningar_och_skulder": True,
        "ansvarsförbindelser": True,
    },
    "kassaflödesanalys": {
        "löpande_verksamheten": True, "investeringsverksamheten": False,
        "finansieringsverksamheten": False, "årets_kassaflöde": True,
    },
}
# Meanings the relations between the statements cannot do without.
KRÄVS: dict[str, tuple[str, ...]] = {
    "resultaträkning": ("årets_resultat",),
    "balansräkning": ("summa_tillgångar", "summa_eget_kapital_avsättningar_och_skulder",
                      "summa_eget_kapital", "ingående_eget_kapital"),
    "kassaflödesanalys": (),
}


class Tecken(int, Enum):
    """The sign a line has by its kind: revenue, assets, provisions and liabilities are
    positive, costs negative. A line without one (a result, eget kapital, a cash flow, an
    extraordinary item) may have either sign."""

    POSITIVT = 1
    NEGATIVT = -1


class Radslag(str, Enum):
    POST = "post"  # an amount the YAML states
    SUMMA = "summa"  # a subtotal of named lines
    HÄRLEDD = "härledd"  # derived from another statement
    RUBRIK = "rubrik"  # a heading without amounts
    TEXTRAD = "textrad"  # an amount or a word, printed only when stated


SLAG = tuple(s.value for s in Radslag)
SLAGNAMN = {Radslag.POST: "post", Radslag.SUMMA: "summa", Radslag.HÄRLEDD: "härledd rad",
            Radslag.RUBRIK: "rubrik", Radslag.TEXTRAD: "textrad"}


@dataclass(frozen=True)
class Härledning:
    """How a derived line is computed: `från` another statement's line (by meaning, or
    key), the balance sheet's `förändring` over the year, or its amount `ingående` the
    year; times *faktor*."""

    sätt: str
    räkning: str
    namn: str
    faktor: int = 1


@dataclass(frozen=True)
class Rad:
    """One resolved line of a statement layout."""

    key: str
    slag: Radslag
    text: str
    tecken: Tecken | None = None
    betydelse: str | None = None
    visa_alltid: bool = False
    nivå: int = 1
    delar: tuple[str, ...] = ()  # a sum's parts: `av`, then its sub-lines
    härledning: Härledning | None = None
    utgående: str | None = None  # equals the balance sheet's lines of this meaning at year end
    under: str | None = None  # the line it is a sub-line of
    plats: Plats | None = None  # the entry of `ekonomi.layout` that added or last changed it

    @property
    def har_belopp(self) -> bool:
        return self.slag is not Radslag.RUBRIK


@dataclass(frozen=True)
class Uppställning:
    """One statement's resolved layout: its lines in print order."""

    key: str
    titel: str
    kolumner: str  # "år" (2023) or "balansdag" (2023-12-31)
    rader: tuple[Rad, ...]
    ordning: tuple[str, ...]  # the keys of its amount lines, every part before its sum

    @cached_property
    def _index(self) -> dict[str, Rad]:
        return {r.key: r for r in self.rader}

    def rad(self, key: str) -> Rad | None:
        return self._index.get(key)

    def __contains__(self, key: str) -> bool:
        return key in self._index

    def med_betydelse(self, betydelse: str) -> tuple[Rad, ...]:
        return tuple(r for r in self.rader if r.betydelse == betydelse)

    def etikett(self, key: str) -> str:
        rad = self.rad(key)
        return rad.text if rad is not None else key

    def betydelsens_text(self, betydelse: str) -> str:
        """The meaning as a reader says it: a total by the label of its line ('summa
        tillgångar'), a kind of line by its own name ('likvida medel', 'fordringar')."""
        rader = self.med_betydelse(betydelse)
        if len(rader) == 1 and BETYDELSER[self.key].get(betydelse):
            return gemen(rader[0].text)
        return betydelse.replace("_", " ")

    @property
    def yaml_nyckel(self) -> str:
        return YAML_NYCKEL[self.key]


@dataclass(frozen=True)
class Layout:
    resultaträkning: Uppställning
    balansräkning: Uppställning
    kassaflödesanalys: Uppställning

    def räkning(self, key: str) -> Uppställning:
        upp: Uppställning = getattr(self, key)
        return upp

    def alla(self) -> tuple[Uppställning, ...]:
        return (self.resultaträkning, self.balansräkning, self.kassaflödesanalys)

    def avser(self, namn: str) -> tuple[str, str] | None:
        """(statement, key) of the line a note's `avser` names: `kortfristiga_skulder`, or
        `balansräkning.kortfristiga_skulder` where the key is in more than one statement."""
        if "." in namn:
            räkning, key = namn.split(".", 1)
            rad = self.räkning(räkning).rad(key) if räkning in RÄKNINGAR else None
            return (räkning, key) if rad is not None and rad.har_belopp else None
        found = [u.key for u in self.alla() if namn in u and u.rad(namn).har_belopp]  # type: ignore[union-attr]
        return (found[0], namn) if len(found) == 1 else None


def gemen(text: str) -> str:
    """A label in running text: 'Kassa och bank' → 'kassa och bank'."""
    return text[:1].lower() + text[1:]


def närmaste(namn: str, kandidater: Iterable[str]) -> str:
    """'; menade du 'a' eller 'b'?' with the closest names (those it begins, then the most
    alike), or ''."""
    names = list(dict.fromkeys(kandidater))
    begun = [n for n in names if n.startswith(namn) or namn.startswith(n) or difflib.SequenceMatcher(
        None, namn, n[:len(namn)]).ratio() >= 0.8]
    nära = list(dict.fromkeys([*difflib.get_close_matches(namn, names, n=3, cutoff=0.6), *begun]))[:3]
    if not nära:
        return ""
    return "; menade du " + " eller ".join(f"'{n}'" for n in nära) + "?"


# -- the YAML's figures against the layout ------------------------------------------------------


@dataclass(frozen=True)
class Figurfel:
    """A problem with a figure the YAML states: a Pydantic error type, where, what."""

    plats: Plats
    meddelande: str
    typ: str = "value_error"  # or "int_type": an amount written as text
    indata: Any = None


def figure_problems(data: dict[str, Any], layout: Layout) -> list[Figurfel]:
    """The figures `ekonomi.<statement>.<year>.<line>` name lines of the layout (a word only
    on a text line), and every note's `avser` names a line of a statement."""
    out: list[Figurfel] = []
    for upp in layout.alla():
        years = data.get(upp.yaml_nyckel)
        if not isinstance(years, dict):
            continue
        amount_keys = [r.key for r in upp.rader if r.har_belopp]
        for year, values in years.items():
            if not isinstance(values, dict):
                continue
            for key, value in values.items():
                at: Plats = (upp.yaml_nyckel, year, key)
                rad = upp.rad(key) if isinstance(key, str) else None
                if rad is None:
                    out.append(Figurfel(at, f"okänd rad '{key}' i {BESTÄMD[upp.key]}"
                                        f"{närmaste(str(key), amount_keys)} (en egen rad läggs "
                                        "till under ekonomi.layout, se README, avsnittet "
                                        "Statement layouts)"))
                elif not rad.har_belopp:
                    out.append(Figurfel(at, f"'{key}' är en rubrik och har inget belopp"))
                elif isinstance(value, str) and rad.slag is not Radslag.TEXTRAD:
                    out.append(Figurfel(at, "", "int_type", value))
    notes = data.get("noter")
    if isinstance(notes, list):
        out.extend(_avser_problems(notes, layout))
    return out


def _avser_problems(notes: list[Any], layout: Layout) -> Iterator[Figurfel]:
    everything = [r.key for u in layout.alla() for r in u.rader if r.har_belopp]
    for i, note in enumerate(notes):
        avser = note.get("avser") if isinstance(note, dict) else None
        if not isinstance(avser, list):
            continue
        for j, namn in enumerate(avser):
            if not isinstance(namn, str) or layout.avser(namn) is not None:
                continue
            at: Plats = ("noter", i, "avser", j)
            found = [u.key for u in layout.alla() if namn in u]
            if len(found) > 1:
                where = [BESTÄMD[f] for f in found]
                yield Figurfel(at, f"raden '{namn}' finns i " + ", ".join(where[:-1])
                               + f" och {where[-1]}; skriv " + " eller ".join(
                                   f"{f}.{namn}" for f in found))
            else:
                yield Figurfel(at, f"okänd rad '{namn}'{närmaste(namn, everything)}")

"""The relations the figures of the statements and notes must keep, and the one evaluator
that checks them all.

A relation says vänster = höger (within a tolerance, 0 kr here), each side a linear
expression over the figures the YAML states: a stated figure is a term (with its place in
the YAML); a line the YAML does not state stands for its definition, as the statement prints
it: a subtotal is the sum of its parts, a derived line its derivation, an amount line not
stated is 0. The relations come from the layouts and from what lines mean:

- every stated subtotal (and line with sub-lines) = the sum of its parts (`rr.summa`,
  `br.summa`, `kf.summa`);
- the balance sheet balances (`br.balans`); opening eget kapital = last year's closing
  (`br.ingående_eget_kapital`);
- every stated derived line = its derivation: årets resultat in the balance sheet = the
  resultaträkning's (`br.årets_resultat`), the cash flow's changes of receivables,
  liabilities and provisions = the balance-sheet differences, likvida medel at the start
  (`kf.balansräkning`); likvida medel at the end = the balance sheet's (`kf.balansräkning`);
- every stated note sum = the sum of its rows, every note = the line(s) it explains
  (`not.summa`, `not.rad`; a partial breakdown, `delredovisning`, may only not exceed them);
- and, given as `tabeller` (reportgen/checks/tabellrelationer.py), the relations of the
  tables outside the statements: the five-year overview's and the budget tables' copies of
  statement figures (`Relation.kopia`; a figure in tkr is compared within its rounding,
  `Relation.inom`), the budget tables' and checked tables' stated sums.

Which findings the failing relations give is reportgen/checks/forklaring.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from reportgen.checks.meddelanden import jämförelse, kr, meddelande_kr, uppräkning
from reportgen.load import PathKey
from reportgen.perioder import Kolumn
from reportgen.schema.ekonomi import IngåendeBalans, Not, Notrad
from reportgen.schema.uppstallning import (
    BESTÄMD,
    BETYDELSER,
    GENITIV,
    PROGNOS,
    Rad,
    Radslag,
    Uppställning,
    gemen,
)

if TYPE_CHECKING:
    from reportgen.compute.statements import Ekonomiberakning
    from reportgen.schema import Indata


@dataclass(frozen=True)
class Siffra:
    """A figure the YAML states: where, what (as a message names it), how much."""

    plats: PathKey
    namn: str  # "Resultaträkningen, verksamhetens intäkter 2023"
    belopp: int
    tecken: int | None = None  # the sign its line has by its kind, if it has one

    def rimlig(self, belopp: int) -> bool:
        """Could the line have *belopp*: not of the sign its kind does not have."""
        return self.tecken is None or belopp * self.tecken >= 0


@dataclass(frozen=True)
class Uttryck:
    """Σ coefficient × stated figure + constant."""

    termer: Mapping[PathKey, int] = field(default_factory=dict)
    konstant: int = 0

    def __add__(self, other: Uttryck) -> Uttryck:
        termer = dict(self.termer)
        for plats, c in other.termer.items():
            termer[plats] = termer.get(plats, 0) + c
        return Uttryck({p: c for p, c in termer.items() if c}, self.konstant + other.konstant)

    def __mul__(self, factor: int) -> Uttryck:
        return Uttryck({p: c * factor for p, c in self.termer.items()}, self.konstant * factor)

    def __sub__(self, other: Uttryck) -> Uttryck:
        return self + other * -1

    def värde(self, siffror: Mapping[PathKey, Siffra]) -> int:
        return self.konstant + sum(c * siffror[p].belopp for p, c in self.termer.items())


NOLL = Uttryck()


def summa(uttryck: list[Uttryck]) -> Uttryck:
    return sum(uttryck, NOLL)


@dataclass(frozen=True)
class Relation:
    """vänster = höger: which rule it is, where a failure is reported and how it is worded."""

    regel: str
    vänster: Uttryck
    höger: Uttryck
    plats: PathKey  # where a finding is reported
    namn: str  # what it checks, as a list of spoiled totals names it
    text: Callable[[int, int], str]  # (vänster, höger) → the finding's message
    subjekt: PathKey | None = None  # the stated figure it checks, if it checks one
    tolerans: int = 0
    # A relation that is not an equation (a partial breakdown may not exceed its line):
    # checked, but never explained by a figure.
    villkor: Callable[[int, int], bool] | None = None
    # A table's copy of statement figures (the five-year overview, the budget tables):
    # vänster is the copy, höger the original. A copy that disagrees does not keep a wrong
    # original from being named (forklaring.py), and the original is never blamed on copies
    # alone.
    kopia: bool = False
    # When the two sides agree, if not to the krona (a figure in tkr against kronor).
    inom: Callable[[int, int], bool] | None = None

    @cached_property
    def termer(self) -> Mapping[PathKey, int]:
        return (self.vänster - self.höger).termer

    def rest(self, siffror: Mapping[PathKey, Siffra]) -> int:
        return self.vänster.värde(siffror) - self.höger.värde(siffror)

    def håller(self, siffror: Mapping[PathKey, Siffra]) -> bool:
        if self.villkor is not None:
            return self.villkor(self.vänster.värde(siffror), self.höger.värde(siffror))
        return self.stämmer(self.vänster.värde(siffror), self.höger.värde(siffror))

    def stämmer(self, vänster: int, höger: int) -> bool:
        """Do sides of these values agree (within the relation's precision)?"""
        if self.inom is not None:
            return self.inom(vänster, höger)
        return abs(vänster - höger) <= self.tolerans


class Relationer:
    """Every relation of one report's statements and notes, built from the layout."""

    def __init__(self, indata: Indata, eko: Ekonomiberakning,
                 tabeller: Callable[[Relationer], Iterable[Relation]] | None = None) -> None:
        """*tabeller*: the relations of the tables outside the statements (the five-year
        overview, the budget tables, checked tables: reportgen/checks/tabellrelationer.py),
        evaluated with these."""
        self.indata = indata
        self.eko = eko
        self.layout = eko.layout
        self.siffror: dict[PathKey, Siffra] = {}
        self._memo: dict[tuple[str, str, Kolumn], Uttryck] = {}
        self.alla: tuple[Relation, ...] = (
            *self._summor("resultaträkning", "rr.summa"),
            *self._summor("balansräkning", "br.summa"),
            *self._balans(),
            *self._härledda("balansräkning", "br.årets_resultat"),
            *self._ingående_eget_kapital(),
            *self._summor("kassaflödesanalys", "kf.summa"),
            *self._kassaflöde(),
            *self._notsummor(),
            *self._notrader(),
            *(tabeller(self) if tabeller is not None else ()),
        )

    # -- figures as the statements print them ---------------------------------------------
    def _kolumn(self, räkning: str, år: Kolumn) -> Mapping[str, int | str | None]:
        """The figures the YAML states for a column of a statement."""
        if år == PROGNOS:
            return (self.indata.ekonomi.prognos or {}) if räkning == "resultaträkning" else {}
        by_year: Mapping[Kolumn, Mapping[str, int | str | None]] = getattr(
            self.indata.ekonomi, self.layout.räkning(räkning).yaml_nyckel)
        return by_year.get(år, {})

    def kolumnnamn(self, räkning: str, år: Kolumn) -> str:
        """The column as messages name it: 2023; in a delårsrapport 'jan–aug 2023',
        '2023-08-31', 'prognos 2023' (reportgen/perioder.py)."""
        return self.eko.perioder.namn(räkning, år)

    def _etikett(self, räkning: str, key: str, år: Kolumn) -> str:
        """A line's label in running text, for the column *år* ('periodens resultat' in a
        delårsrapport's period)."""
        rad = self.layout.räkning(räkning).rad(key)
        text = rad.text if rad is not None else key
        return gemen(self.eko.perioder.radtext(rad.betydelse if rad else None, text, räkning, år))

    def angivet(self, räkning: str, key: str, år: Kolumn) -> int | None:
        """The figure as the YAML states it (an amount; a word is no figure), or None."""
        value = self._kolumn(räkning, år).get(key)
        return value if isinstance(value, int) else None

    def lucka(self, räkning: str, key: str, år: Kolumn) -> bool:
        """The YAML leaves the figure to fill in (the key with an empty value)."""
        values = self._kolumn(räkning, år)
        return key in values and values[key] is None

    def figur(self, räkning: str, key: str, år: Kolumn) -> Uttryck | None:
        """A line as printed: stated, or its definition; None where that needs the balance
        sheet at the start of a year nobody gives."""
        memo = (räkning, key, år)
        if memo not in self._memo:
            found = self._figur(räkning, key, år)
            if found is None:
                return None
            self._memo[memo] = found
        return self._memo[memo]

    def _figur(self, räkning: str, key: str, år: Kolumn) -> Uttryck | None:
        upp = self.layout.räkning(räkning)
        rad = upp.rad(key)
        assert rad is not None, key
        if self.lucka(räkning, key, år):
            return None  # a gap to fill in: no relation with it is checked (`lucka` lists it)
        stated = self.angivet(räkning, key, år)
        if stated is not None and rad.slag is not Radslag.TEXTRAD:
            plats: PathKey = ("ekonomi", upp.yaml_nyckel, år, key)
            namn = (f"{BESTÄMD[räkning].capitalize()}, {self._etikett(räkning, key, år)} "
                    f"{self.kolumnnamn(räkning, år)}")
            return self._siffra(plats, namn, stated, rad.tecken.value if rad.tecken else None)
        if rad.delar:
            parts = [self.figur(räkning, part, år) for part in rad.delar]
            return None if any(p is None for p in parts) else summa(parts)  # type: ignore[arg-type]
        if rad.slag is Radslag.HÄRLEDD:
            return self._härledning(rad, år)
        return NOLL

    def tryckt(self, räkning: str, key: str, år: Kolumn) -> int:
        """The figure as the statement prints it: stated, or the sum of its printed parts."""
        found = self.figur(räkning, key, år)
        return found.värde(self.siffror) if found is not None else 0

    def tryckt_belopp(self, räkning: str, betydelse: str, år: Kolumn) -> int:
        """The figure of the lines meaning *betydelse* as the statement prints them (stated,
        or the sum of their printed parts): what a table copied from the report compares."""
        found = self.roll(räkning, betydelse, år)
        return found.värde(self.siffror) if found is not None else 0

    def roll(self, räkning: str, betydelse: str, år: Kolumn) -> Uttryck | None:
        parts = [self.figur(räkning, r.key, år)
                 for r in self.layout.räkning(räkning).med_betydelse(betydelse)]
        return None if any(p is None for p in parts) else summa(parts)  # type: ignore[arg-type]

    def _siffra(self, plats: PathKey, namn: str, belopp: int, tecken: int | None = None,
                ) -> Uttryck:
        self.siffror.setdefault(plats, Siffra(plats, namn, belopp, tecken))
        return Uttryck({plats: 1})

    def siffra(self, plats: PathKey, namn: str, belopp: int) -> Uttryck:
        """A stated figure of another table (its place, its name in messages, its amount)."""
        return self._siffra(plats, namn, belopp)

    def notrad(self, index: int, path: PathKey, row: Notrad, år: int) -> Uttryck:
        """Note *index*'s amount line *row* (at *path*) of *år* as a stated figure."""
        assert row.belopp is not None
        return self._siffra((*path, "belopp", år),
                            f"{self._rubrik(index)}, {gemen(row.text or '')} {år}",
                            row.belopp[år] or 0)

    def har_kassaflöde(self, år: int) -> bool:
        """Does the report have a kassaflödesanalys for *år*: an årsredovisning always; a
        delårsrapport only where it states one."""
        return not self.eko.perioder.delår or år in self.indata.ekonomi.kassaflöde

    def ingående_känd(self, år: int) -> bool:
        return år - 1 in self.eko.years or self.indata.ekonomi.ingående_balans is not None

    def _start(self, betydelse: str, år: int) -> Uttryck | None:
        if år - 1 in self.eko.years:
            return self.roll("balansräkning", betydelse, år - 1)
        ib = self.indata.ekonomi.ingående_balans
        if ib is None:
            return None
        if betydelse not in IngåendeBalans.model_fields:
            return NOLL
        if betydelse not in ib.model_fields_set:
            return Uttryck(konstant=getattr(ib, betydelse))
        text = self.layout.balansräkning.betydelsens_text(betydelse)
        return self._siffra(("ekonomi", "ingående_balans", betydelse),
                            f"Ingående balansen, {text} {år - 2}-12-31", getattr(ib, betydelse))

    def _härledning(self, rad: Rad, år: Kolumn) -> Uttryck | None:
        h = rad.härledning
        assert h is not None
        if not isinstance(år, int) or not self.eko.perioder.samma_period(år):
            return None  # the forecast; last year's closing balance beside last year's period
        base: Uttryck | None
        if h.sätt == "från":
            base = (self.roll(h.räkning, h.namn, år) if h.namn in BETYDELSER[h.räkning]
                    else self.figur(h.räkning, h.namn, år))
        elif h.sätt == "förändring":
            end, start = self.roll("balansräkning", h.namn, år), self._start(h.namn, år)
            base = None if end is None or start is None else end - start
        else:
            base = self._start(h.namn, år)
        return None if base is None else base * h.faktor

    def _grund(self, rad: Rad, år: int) -> str:
        """What a derived line is derived from, in words."""
        h = rad.härledning
        assert h is not None
        if h.sätt == "från":
            source = self.layout.räkning(h.räkning)
            text = (source.betydelsens_text(h.namn) if h.namn in BETYDELSER[h.räkning]
                    else gemen(source.etikett(h.namn)))
            if h.namn == "årets_resultat" and len(source.med_betydelse(h.namn)) == 1:
                text = self._etikett(h.räkning, source.med_betydelse(h.namn)[0].key, år)
            return f"{GENITIV[h.räkning]} {text}" + (" med omvänt tecken" if h.faktor < 0 else "")
        text = self.layout.balansräkning.betydelsens_text(h.namn)
        if h.sätt == "ingående":
            return f"balansräkningens {text} {år - 1}-12-31"
        order = "början minus vid årets slut" if h.faktor < 0 else "slut minus vid årets början"
        return f"balansräkningens {text} vid årets {order}"

    # -- the relations, rule by rule --------------------------------------------------------
    def _år(self) -> list[int]:
        return sorted(self.eko.years, reverse=True)

    def _summor(self, räkning: str, regel: str) -> Iterator[Relation]:
        upp = self.layout.räkning(räkning)
        rakning = self.eko.räkning(räkning)
        for år in rakning.years:  # the years, newest first, and a forecast
            for delsumma in rakning.delsummor:
                stated = self.figur(räkning, delsumma.key, år)
                if self.angivet(räkning, delsumma.key, år) is None or stated is None:
                    continue
                found = [self.figur(räkning, p, år) for p in delsumma.parts]
                parts = [p for p in found if p is not None]
                if len(parts) < len(found):
                    continue
                label = (f"{self._etikett(räkning, delsumma.key, år)} "
                         f"{self.kolumnnamn(räkning, år)}")
                delar = uppräkning([gemen(upp.etikett(p)) for p in delsumma.parts])
                plats: PathKey = ("ekonomi", upp.yaml_nyckel, år, delsumma.key)
                yield Relation(
                    regel, stated, summa(parts), plats, f"{GENITIV[räkning]} {label}",
                    _kr_text(f"{BESTÄMD[räkning].capitalize()}, {label}", f"summan av {delar}"),
                    subjekt=plats,
                )

    def _balans(self) -> Iterator[Relation]:
        br = self.layout.balansräkning
        tillgångar, skulder = "summa_tillgångar", "summa_eget_kapital_avsättningar_och_skulder"
        t_text, s_text = br.betydelsens_text(tillgångar), br.betydelsens_text(skulder)
        for år in self._år():
            left, right = self.roll("balansräkning", tillgångar, år), self.roll(
                "balansräkning", skulder, år)
            if left is None or right is None:
                continue
            rows = br.med_betydelse(skulder)
            stated = len(rows) == 1 and self.angivet("balansräkning", rows[0].key, år) is not None
            plats: PathKey = (("ekonomi", "balansräkning", år, rows[0].key) if stated
                              else ("ekonomi", "balansräkning", år))

            kolumn = self.kolumnnamn("balansräkning", år)

            def text(v: int, h: int, kolumn: str = kolumn) -> str:
                return (f"Balansräkningen {kolumn} balanserar inte: "
                        f"{jämförelse(t_text, v, s_text, h)}")

            yield Relation("br.balans", left, right, plats, f"balansräkningens summor {kolumn}",
                           text)

    def _härledda(self, räkning: str, regel: str) -> Iterator[Relation]:
        """Each stated derived line of *räkning* = its derivation."""
        upp = self.layout.räkning(räkning)
        for år in self._år():
            yield from self._härledda_år(upp, regel, år)

    def _härledda_år(self, upp: Uppställning, regel: str, år: int) -> Iterator[Relation]:
        for rad in upp.rader:
            if rad.slag is not Radslag.HÄRLEDD or self.angivet(upp.key, rad.key, år) is None:
                continue
            stated, derived = self.figur(upp.key, rad.key, år), self._härledning(rad, år)
            if stated is None or derived is None:
                continue
            label = f"{self._etikett(upp.key, rad.key, år)} {self.kolumnnamn(upp.key, år)}"
            plats: PathKey = ("ekonomi", upp.yaml_nyckel, år, rad.key)
            grund = self._grund(rad, år)
            if self.eko.perioder.delår and rad.härledning and rad.härledning.sätt == "från":
                grund += f" {self.kolumnnamn(rad.härledning.räkning, år)}"
            yield Relation(regel, stated, derived, plats, f"{GENITIV[upp.key]} {label}",
                           _kr_text(f"{BESTÄMD[upp.key].capitalize()}, {label}", grund),
                           subjekt=plats)

    def _ingående_eget_kapital(self) -> Iterator[Relation]:
        br = self.layout.balansräkning
        rows = br.med_betydelse("ingående_eget_kapital")
        text = gemen(rows[0].text) if len(rows) == 1 else "ingående eget kapital"
        closing = br.betydelsens_text("summa_eget_kapital")
        for år in self._år():
            if år - 1 not in self.eko.years or not self.eko.perioder.följer(år):
                continue  # the same day last year is not the balance at the period's start
            left = self.roll("balansräkning", "ingående_eget_kapital", år)
            right = self.roll("balansräkning", "summa_eget_kapital", år - 1)
            if left is None or right is None:
                continue
            plats: PathKey = ("ekonomi", "balansräkning", år, rows[0].key)
            stated = len(rows) == 1 and self.angivet("balansräkning", rows[0].key, år) is not None
            kolumn = self.kolumnnamn("balansräkning", år)
            yield Relation(
                "br.ingående_eget_kapital", left, right, plats,
                f"balansräkningens {text} {kolumn}",
                _kr_text(f"Balansräkningen, {text} {kolumn}", f"{closing} {år - 1}-12-31"),
                subjekt=plats if stated else None,
            )

    def _kassaflöde(self) -> Iterator[Relation]:
        kf = self.layout.kassaflödesanalys
        for år in self._år():
            if not self.har_kassaflöde(år):
                continue
            if not self.ingående_känd(år):
                continue  # kf.ingående_balans reports the missing opening balance
            yield from self._härledda_år(kf, "kf.balansräkning", år)
            for rad in kf.rader:
                if rad.utgående is not None:
                    relation = self._utgående(rad, år)
                    if relation is not None:
                        yield relation

    def _utgående(self, rad: Rad, år: int) -> Relation | None:
        """The line = the balance sheet's lines of its meaning at the end of *år*."""
        left = self.figur("kassaflödesanalys", rad.key, år)
        assert rad.utgående is not None
        right = self.roll("balansräkning", rad.utgående, år)
        if left is None or right is None:
            return None
        br = self.layout.balansräkning
        rows = br.med_betydelse(rad.utgående)
        given = self.indata.ekonomi.likvida_medel
        if rad.utgående == "likvida_medel" and given is not None:
            rows = tuple(sorted(rows, key=lambda r: given.index(r.key)))
        poster = " och ".join(gemen(r.text) for r in rows)
        text_br = br.betydelsens_text(rad.utgående)
        stated = self.angivet("kassaflödesanalys", rad.key, år) is not None
        plats: PathKey
        if stated:
            plats = ("ekonomi", "kassaflöde", år, rad.key)
        elif år in self.indata.ekonomi.kassaflöde:
            plats = ("ekonomi", "kassaflöde", år)
        else:
            plats = ("ekonomi", "balansräkning", år)
        hint = "" if stated or rad.utgående != "likvida_medel" else (
            " (saknas investerings- eller finansieringsverksamhet, eller räknas fel poster "
            "som likvida medel i ekonomi.likvida_medel?)")
        label = gemen(rad.text)

        def text(v: int, h: int) -> str:
            return (f"Kassaflödesanalysen {år}: "
                    f"{jämförelse(label, v, f'balansräkningens {text_br} ({poster})', h)}{hint}")

        return Relation("kf.balansräkning", left, right, plats,
                        f"kassaflödesanalysens {label} {år}", text,
                        subjekt=plats if stated else None)

    # -- notes -------------------------------------------------------------------------------
    def _rubrik(self, index: int) -> str:
        note = self.indata.ekonomi.noter[index]
        return f"Not {self.eko.notnummer[index]} {note.rubrik}"

    def not_år(self, note: Not) -> list[int]:
        """The statement years for which the note has figures, newest first."""
        have = {y for row in note.poster() for y in row.belopp or {}} | set(note.summa or {})
        have |= {y for row in _grupper(note.rader) for y in row.summa or {}}
        gaps = {y for row in note.poster() for y, v in (row.belopp or {}).items() if v is None}
        return [y for y in self._år() if y in have and y not in gaps]  # a gap: `lucka` says it

    def _rader(self, index: int, rows: list[Notrad], path: PathKey, år: int) -> Uttryck:
        """The sum of *rows* as the note prints it: stated group sums, or their rows."""
        total = NOLL
        for j, row in enumerate(rows):
            at: PathKey = (*path, j)
            if row.rader is not None:
                total = total + self._grupp(index, row, at, år)
            elif row.belopp is not None and år in row.belopp:
                total = total + self._siffra((*at, "belopp", år),
                                             f"{self._rubrik(index)}, {gemen(row.text or '')} {år}",
                                             row.värde(år))
        return total

    def _grupp(self, index: int, row: Notrad, path: PathKey, år: int) -> Uttryck:
        if row.summa is not None and år in row.summa:
            return self._siffra((*path, "summa", år),
                                f"{self._rubrik(index)}, {gemen(row.summarad)} {år}",
                                row.summa[år])
        return self._rader(index, row.rader or [], (*path, "rader"), år)

    def _nottotal(self, index: int, note: Not, år: int) -> Uttryck:
        if note.summa is not None and år in note.summa:
            return self._siffra(("ekonomi", "noter", index, "summa", år),
                                f"{self._rubrik(index)}, {gemen(note.summa_text)} {år}",
                                note.summa[år])
        return self._rader(index, note.rader, ("ekonomi", "noter", index, "rader"), år)

    def _notsummor(self) -> Iterator[Relation]:
        for index in self.eko.notordning:
            note = self.indata.ekonomi.noter[index]
            if not note.rader:
                continue
            rubrik = self._rubrik(index)
            for år in self.not_år(note):
                groups = list(_grupper_med_plats(note.rader, ("ekonomi", "noter", index, "rader")))
                for path, group in groups:
                    if group.summa is None or år not in group.summa:
                        continue
                    plats: PathKey = (*path, "summa", år)
                    label = f"{gemen(group.summarad)} {år}"
                    yield Relation(
                        "not.summa", self._grupp(index, group, path, år),
                        self._rader(index, group.rader or [], (*path, "rader"), år), plats,
                        f"{rubrik}, {label}",
                        _kr_text(f"{rubrik}, {label}", "summan av gruppens rader"), subjekt=plats)
                if note.summa is None or år not in note.summa:
                    continue
                plats = ("ekonomi", "noter", index, "summa", år)
                label = f"{gemen(note.summa_text)} {år}"
                yield Relation(
                    "not.summa", self._nottotal(index, note, år),
                    self._rader(index, note.rader, ("ekonomi", "noter", index, "rader"), år),
                    plats, f"summan i {rubrik} {år}",
                    _kr_text(f"{rubrik}, {label}", "summan av notens rader"), subjekt=plats)

    def _notrader(self) -> Iterator[Relation]:
        for index in self.eko.notordning:
            note = self.indata.ekonomi.noter[index]
            lines = [line for namn in note.avser if (line := self.layout.avser(namn))]
            if not lines or not (note.rader or note.summa):
                continue
            rubrik = self._rubrik(index)
            sign = -1 if note.omvänt_tecken else 1
            names = " + ".join(gemen(self.layout.räkning(r).etikett(k)) for r, k in lines)
            statement = BESTÄMD[lines[0][0]]
            tecken = " (med omvänt tecken)" if note.omvänt_tecken else ""
            for år in self.not_år(note):
                figures = [self.figur(r, k, år) for r, k in lines]
                if any(f is None for f in figures):
                    continue
                target = summa(figures) * sign  # type: ignore[arg-type]
                stated = note.summa is not None and år in note.summa
                plats: PathKey = (("ekonomi", "noter", index, "summa", år) if stated
                                  else ("ekonomi", "noter", index, "avser"))
                total = self._nottotal(index, note, år)
                if note.delredovisning:
                    yield Relation(
                        "not.rad", total, target, plats, f"{rubrik} {år}",
                        _delredovisning_text(rubrik, år, names, tecken), subjekt=None,
                        villkor=lambda v, h: not (abs(v) > abs(h) or v * h < 0),
                    )
                    continue
                yield Relation("not.rad", total, target, plats, f"{rubrik} {år}",
                               _notrad_text(f"{rubrik}, summa {år}",
                                            f"{names} i {statement}{tecken}"),
                               subjekt=plats if stated else None)


def _grupper(rows: list[Notrad]) -> Iterator[Notrad]:
    for _, group in _grupper_med_plats(rows, ()):
        yield group


def _grupper_med_plats(rows: list[Notrad], path: PathKey) -> Iterator[tuple[PathKey, Notrad]]:
    """Every group of *rows*, inner groups first, each with its path."""
    for j, row in enumerate(rows):
        if row.rader is not None:
            yield from _grupper_med_plats(row.rader, (*path, j, "rader"))
            yield (*path, j), row


def _kr_text(vad: str, grund: str) -> Callable[[int, int], str]:
    def text(v: int, h: int) -> str:
        return meddelande_kr(vad, v, h, grund)

    return text


def _notrad_text(vad: str, grund: str) -> Callable[[int, int], str]:
    def text(v: int, h: int) -> str:
        hint = " (omvänt_tecken: true saknas eller är fel?)" if h != 0 and v == -h else ""
        return meddelande_kr(vad, v, h, grund) + hint

    return text


def _delredovisning_text(rubrik: str, år: int, names: str, tecken: str) -> Callable[[int, int], str]:
    def text(v: int, h: int) -> str:
        # The note's figures are shown as the note prints them; the line as the statement does.
        sign = -1 if tecken else 1
        return (f"{rubrik} {år} är en delredovisning (varav) men summan {kr(v)}{tecken} är "
                f"större än {names} {kr(h * sign)} eller har annat tecken")

    return text

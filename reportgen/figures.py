"""Computed figures that narrative text can name: `{{ eget_kapital_tkr }} tkr`.

Every figure is formatted exactly as the tables print it (reportgen.fmt), from the same
computation, so prose cannot contradict a table. The only syntax is `{{ name }}` (a
dotted figure name); `Figurer.textfel` finds every expression with a small scanner and
says what is wrong with each, as located Swedish errors (an unknown name lists close
matches). `reportgen check` (rule text.siffror) and `reportgen build` (`Figurer.parts`,
around which the text is parsed as Markdown) both call it, so they report the same mistake
with the same words, place and rule id. No template engine is involved: nothing in the
text is evaluated, only names are looked up.

`reportgen check` builds the namespace too (to check the figure names mått and texts
use), so this module stays cheap to import, and a figure's text is formatted (with
Babel) only when it is shown.

The names are listed in README.md ("Siffror i texten").
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import partial
from typing import Union

from reportgen.compute.avrundning import resultaträkning_tkr
from reportgen.compute.mal import (
    Målberakning,
    Målmiljö,
    Måttberakning,
    Statusskala,
    Uppslag,
    bedöm_mått,
    beräkna_lista,
    nivåer,
    statusräkning,
    statusskala,
)
from reportgen.compute.statements import Ekonomiberakning
from reportgen.compute.verksamhet import (
    Antal,
    Deltagarberakning,
    Verksamhetsberakning,
    andel,
    compute_verksamhet,
    förbundsfinansierad,
    händelsedeltagare,
    medverkande,
)
from reportgen.compute.verksamhet import (
    deltagare as deltagarberakning,
)
from reportgen.findings import Finding, Location, Severity, UserError
from reportgen.fmt import kronor, procent, tkr, visad_procent
from reportgen.perioder import PROGNOS
from reportgen.schema import Indata
from reportgen.schema.ekonomi import Kostnadsslag
from reportgen.schema.verksamhet import DELTAGARTAL, Deltagarstatistik, Insats, Insatstyp


@dataclass(frozen=True, eq=False)
class Figur:
    """One figure: the text prose shows, and the number behind it (in the unit shown).

    The text may be given as a function that formats it, called only when it is shown.
    """

    formatted: str | Callable[[], str]
    number: Decimal | None = None

    @property
    def text(self) -> str:
        return self.formatted if isinstance(self.formatted, str) else self.formatted()

    def __str__(self) -> str:
        return self.text

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Figur):
            return NotImplemented
        return (self.text, self.number) == (other.text, other.number)

    def __hash__(self) -> int:
        return hash((self.text, self.number))


Grupp = dict[str, Union[Figur, "Grupp"]]

# A figure that waits for a gap (a value the YAML leaves empty to fill in, as reportgen
# nytt-år leaves the new year's): its name is valid, it has no number yet, and a draft
# shows this in its place. Once the gap is filled the figure is computed as any other.
VÄNTAR = Figur("[fylls i]")


def _väntande(like: Grupp) -> Grupp:
    """Every figure of *like* (last year's, or one computed with the gaps as 0), waiting."""
    return {k: _väntande(v) if isinstance(v, dict) else VÄNTAR for k, v in like.items()}


def _med_väntande(out: Grupp, like: Grupp) -> None:
    """Add to *out* the figures of *like* it lacks, waiting."""
    for key, value in like.items():
        if key not in out:
            out[key] = _väntande(value) if isinstance(value, dict) else VÄNTAR
        elif isinstance(value, dict) and isinstance(out[key], dict):
            _med_väntande(out[key], value)  # type: ignore[arg-type]


def belopp(value: int) -> Figur:
    return Figur(partial(kronor, value), Decimal(value))


def belopp_tkr(value: int) -> Figur:
    rounded = tkr(value)
    return Figur(partial(kronor, rounded), Decimal(rounded))


def antal_figur(value: int) -> Figur:
    return Figur(partial(kronor, value), Decimal(value))


def andel_figur(ratio: Decimal) -> Figur:
    """A share: its text "70 %" and its number as printed (70), which is what a mått
    compares with its target (reportgen.fmt.visad_procent)."""
    return Figur(partial(procent, ratio), visad_procent(ratio))


def _amounts(out: Grupp, name: str, value: int | None, shown_tkr: int | None = None) -> None:
    """*name* in kronor and in tkr (*shown_tkr*: as the tables print it, where the rounding
    policy decides it; reportgen/compute/avrundning.py)."""
    if value is not None:
        out[name] = belopp(value)
        out[f"{name}_tkr"] = belopp_tkr(value) if shown_tkr is None else Figur(
            partial(kronor, shown_tkr), Decimal(shown_tkr))


def _share(out: Grupp, name: str, ratio: Decimal | None) -> None:
    if ratio is not None:
        out[name] = andel_figur(ratio)


# -- the namespace --------------------------------------------------------------------------------


def årsfigurer(indata: Indata, eko: Ekonomiberakning, vb: Verksamhetsberakning, year: int) -> Grupp:
    """Figures of one year (the report year at top level, the comparison year under `fg`)."""
    out: Grupp = {"år": Figur(str(year), Decimal(year))}
    rr, br = eko.resultaträkning, eko.balansräkning
    # In tkr as every table prints them: the resultaträkning rounded so that it adds up.
    rr_tkr = resultaträkning_tkr(eko, year)
    for name in ("verksamhetens_intäkter", "verksamhetens_kostnader", "årets_resultat"):
        _amounts(out, name, rr.belopp(name, year), rr_tkr[name])
    _amounts(out, "summa_tillgångar", br.belopp("summa_tillgångar", year))
    _amounts(out, "eget_kapital", br.belopp("summa_eget_kapital", year))
    _share(out, "soliditet", andel(br.belopp("summa_eget_kapital", year),
                                   br.belopp("summa_tillgångar", year)))
    kapital = vb.kapital[year]
    _amounts(out, "medlemsbidrag", kapital.medlemsbidrag)
    _share(out, "eget_kapital_andel", kapital.andel)
    out["eget_kapital_tak"] = andel_figur(kapital.tak)
    if kapital.över_tak is not None:
        out["eget_kapital_jämfört_med_tak"] = Figur(
            "överstiger det rekommenderade taket"
            if kapital.över_tak
            else "ligger inom det rekommenderade taket"
        )
    kostnader = vb.kostnader.get(year)
    if kostnader is not None:
        andelar: Grupp = {}
        belopp_per_slag: Grupp = {}
        for slag in Kostnadsslag:
            if slag in kostnader.belopp:
                _share(andelar, slag.value, kostnader.andel(slag))
                _amounts(belopp_per_slag, slag.value, kostnader.belopp[slag])
        out["kostnadsandel"] = andelar
        out["kostnader"] = belopp_per_slag
    if vb.balanskrav is not None and year in vb.balanskrav.resultat:
        _amounts(out, "balanskravsresultat", vb.balanskrav.resultat[year])
    return out


def helårsprognosfigurer(eko: Ekonomiberakning, vb: Verksamhetsberakning) -> Grupp:
    """A delårsrapport's forecast for the year (RKR R17): `helårsprognos.årets_resultat`,
    `helårsprognos.balanskravsresultat` (and each in tkr)."""
    out: Grupp = {}
    if PROGNOS in eko.resultaträkning.years:
        _amounts(out, "årets_resultat", eko.resultaträkning.belopp("årets_resultat", PROGNOS))
    if vb.balanskrav is not None and PROGNOS in vb.balanskrav.resultat:
        _amounts(out, "balanskravsresultat", vb.balanskrav.resultat[PROGNOS])
    return out


def _antal(out: Grupp, name: str, value: Antal | None) -> None:
    if value is None:
        return
    out[name] = antal_figur(value.totalt)
    if value.kvinnor is not None and value.män is not None:
        out[f"{name}_kvinnor"] = antal_figur(value.kvinnor)
        out[f"{name}_män"] = antal_figur(value.män)


def deltagarfigurer(d: Deltagarberakning) -> Grupp:
    out: Grupp = {}
    _antal(out, "aktiva", d.aktiva)
    _share(out, "andel_kvinnor", d.aktiva.andel_kvinnor)
    _share(out, "andel_män", d.aktiva.andel_män)
    _antal(out, "aktiva_vid_årets_början", d.aktiva_vid_årets_början)
    _antal(out, "nya", d.nya)
    _antal(out, "avslutade", d.avslutade)
    _antal(out, "tidiga_avhopp", d.tidiga_avhopp)
    _antal(out, "måluppfyllt", d.måluppfyllt)
    _share(out, "andel_måluppfyllt", d.andel_måluppfyllt)
    if d.föregående_år is not None:
        out["fg"] = deltagarfigurer(d.föregående_år)
    return out


def insatsfigurer(indata: Indata, vb: Verksamhetsberakning) -> tuple[Grupp, Grupp]:
    insats: Grupp = {}
    deltagare: Grupp = {}
    for i in indata.insatser:
        own: Grupp = {}
        f = vb.finansiering.get(i.id)
        if f is not None:
            _amounts(own, "beviljat", f.beviljat)
            _amounts(own, "förbrukat", f.förbrukat)
            _amounts(own, "skillnad", f.skillnad)
        reached = medverkande(i)
        if reached is not None:
            own["medverkande"] = antal_figur(reached)
        if i.händelser:
            own["händelser"] = antal_figur(len(i.händelser))
        at_events = händelsedeltagare(i)
        if at_events is not None:
            own["händelsedeltagare"] = antal_figur(at_events)
        if _medverkande_lucka(i):
            own.setdefault("medverkande", VÄNTAR)
        insats[i.id] = own
        if i.id in vb.deltagare:
            deltagare[i.id] = deltagarfigurer(vb.deltagare[i.id])
        elif i.deltagare is not None and i.deltagare.har_luckor:
            # Once filled: the figures these counts give, and those last year's gave.
            filled = deltagarfigurer(_som_ifyllda(i.deltagare))
            _med_väntande(filled, {k: v for k, v in filled.get("fg", {}).items()})  # type: ignore[union-attr]
            deltagare[i.id] = _väntande(filled)
    return insats, deltagare


# The forecast's figures: name → the column of the budget table's total row.
PROGNOSFIGURER = {"prognos_resultat": "prognos", "avvikelse_prognos": "avvikelse_prognos",
                  "årsbudget_resultat": "årsbudget", "utfall_perioden": "utfall"}


def prognosfigurer(indata: Indata, eko: Ekonomiberakning) -> Grupp:
    """The total row of the first budget table with a forecast (a delårsrapport's economic
    outcome): prognos, avvikelse prognos mot budget, årsbudget and utfall, as the table
    prints them (in its unit)."""
    from reportgen.compute.budget import compute_budget

    budget = compute_budget(indata, eko)
    tables = budget.tabeller.values() if budget is not None else ()
    for table in tables:
        if not any(k.namn == "prognos" for k in table.kolumner):
            continue
        total = next((r for r in reversed(table.rader) if r.slag == "summa" and r.nivå == 0),
                     None)
        if total is None:
            return {}
        return {name: VÄNTAR if column in total.väntar else antal_figur(total.visat[column])
                for name, column in PROGNOSFIGURER.items() if column in total.visat}
    return {}


def tabellfigurer(indata: Indata) -> Grupp:
    """The figures the checked tables name (`siffror`): a share as "78 %", a sum as a count."""
    from reportgen.compute.tabell import tabellblock, tabellsiffror

    out: Grupp = {}
    for _path, tabell in tabellblock(indata):
        for name, value in tabellsiffror(tabell).items():
            if value.väntar:
                out[name] = VÄNTAR
            elif value.helhet is None:
                out[name] = antal_figur(int(value.del_))
            elif value.andel is not None:
                out[name] = andel_figur(value.andel)
    return out


def _medverkande_lucka(insats: Insats) -> bool:
    """The insats's `medverkande:` is a gap (written empty)."""
    return "medverkande" in insats.model_fields_set and insats.medverkande is None


def _som_ifyllda(stat: Deltagarstatistik) -> Deltagarberakning:
    """The statistics as if their gaps were 1: which figures they will give once filled."""
    utfall = [u.model_copy(update={"antal": 1}) if u.antal is None and u.andel is None else u
              for u in stat.utfall]
    filled = stat.model_copy(update={k: 1 for k in DELTAGARTAL if getattr(stat, k) is None
                                     and k in stat.model_fields_set} | {"utfall": utfall})
    return deltagarberakning(filled)


def basfigurer(indata: Indata, eko: Ekonomiberakning, vb: Verksamhetsberakning) -> Grupp:
    year = indata.rapport.räkenskapsår
    # The tables' own figures first: a standard figure of the same name wins (and `check`
    # says so, tabell.siffra).
    out = tabellfigurer(indata)
    out.update(årsfigurer(indata, eko, vb, year))
    out.update(prognosfigurer(indata, eko))
    out["jämförelseår"] = Figur(str(year - 1), Decimal(year - 1))
    out["fg"] = årsfigurer(indata, eko, vb, year - 1)
    if _luckor_i_räkningarna(indata, year):  # the year's figures wait for the bookkeeping
        _med_väntande(out, out["fg"])  # type: ignore[arg-type]
    if eko.perioder.delår:
        out["helårsprognos"] = helårsprognosfigurer(eko, vb)
    insats, deltagare = insatsfigurer(indata, vb)
    out["insats"] = insats
    out["deltagare"] = deltagare
    individ = [i for i in indata.insatser if i.typ is Insatstyp.individinriktad]
    struktur = [i for i in indata.insatser if i.typ is Insatstyp.strukturövergripande]
    # What the förbund finances (with its own money), and everything described.
    financed = [i for i in indata.insatser if förbundsfinansierad(i)]
    out["insatser_antal"] = antal_figur(len(financed))
    out["insatser_individinriktade"] = antal_figur(
        sum(i.typ is Insatstyp.individinriktad for i in financed))
    out["insatser_strukturövergripande"] = antal_figur(
        sum(i.typ is Insatstyp.strukturövergripande for i in financed))
    out["insatser_alla"] = antal_figur(len(indata.insatser))
    out["insatser_utan_förbundsmedel"] = antal_figur(len(indata.insatser) - len(financed))
    aktiva = [vb.deltagare[i.id].aktiva.totalt for i in individ if i.id in vb.deltagare]
    if any(i.deltagare is not None and i.deltagare.har_luckor for i in individ):
        out["deltagare_totalt"] = VÄNTAR
    elif aktiva:
        out["deltagare_totalt"] = antal_figur(sum(aktiva))
    reached = [r for i in struktur if (r := medverkande(i)) is not None]
    if any(_medverkande_lucka(i) for i in struktur):
        out["medverkande_strukturövergripande"] = VÄNTAR
    elif reached:
        out["medverkande_strukturövergripande"] = antal_figur(sum(reached))
    return out


def _luckor_i_räkningarna(indata: Indata, year: int) -> bool:
    """The year's resultaträkning or balansräkning has a figure left empty to fill in."""
    e = indata.ekonomi
    return any(v is None for r in (e.resultaträkning, e.balansräkning)
               for v in (r.get(year) or {}).values())


def statusnyckel(namn: str) -> str:
    """A status as a figure name's part: "till övervägande del uppfyllt" →
    till_övervägande_del_uppfyllt."""
    return "_".join(namn.lower().split())


def målfigurer(mål: tuple[Målberakning, ...], skala: Statusskala) -> Grupp:
    """Counts of the top-level goals (the verksamhetsplan's, not their delmål) by status:
    the best status of the scale, those between, the worst, and each by name."""
    counts = statusräkning(mål, skala)
    best, worst = skala.bästa.namn, skala.sämsta.namn
    between = sum(n for name, n in counts.items() if name not in (best, worst))
    return {
        "mål_antal": antal_figur(len(mål)),
        "mål_uppfyllda": antal_figur(counts[best]),
        "mål_delvis_uppfyllda": antal_figur(between),
        "mål_ej_uppfyllda": antal_figur(counts[worst]),
        "mål_med_status": {statusnyckel(name): antal_figur(n) for name, n in counts.items()},
    }


def names(group: Mapping[str, object], prefix: str = "") -> Iterator[str]:
    """Every leaf figure's dotted name."""
    for key, value in group.items():
        if isinstance(value, Figur):
            yield prefix + key
        elif isinstance(value, Mapping):
            yield from names(value, f"{prefix}{key}.")


def lookup(group: Grupp, dotted: str) -> Figur | Grupp | None:
    node: Figur | Grupp | None = group
    for part in dotted.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


# -- `{{ name }}` in narrative ------------------------------------------------------------------

# A figure name: dot-separated identifiers (figure names and insats ids: `fg.år`,
# `insats.esf_projektet.beviljat_tkr`), with optional spaces inside the braces.
_NAMN = re.compile(r"\s*([^\W\d]\w*(?:\.[^\W\d]\w*)*)\s*")
_START = re.compile(r"\{\{|\{%")
_SYNTAX = "fel i {{ … }}-uttryck"
_README = "(se README, avsnittet Siffror i texten)"


def har_uttryck(text: str) -> bool:
    """True if *text* has anything `textfel` looks at (a cheap test before scanning)."""
    return "{{" in text or "{%" in text


@dataclass(frozen=True)
class Uttryck:
    """One `{{ … }}` in a text: its span, and the figure name or why it is not one."""

    start: int  # index of "{{" (or "{%")
    end: int  # index after "}}"
    name: str | None  # the dotted name, when the expression is one
    at: int  # where a finding points: the name, or the opening braces
    syntaxfel: str | None = None  # Swedish, when the expression is not a name


def _kort(text: str, limit: int = 40) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def uttryck(text: str) -> Iterator[Uttryck]:
    """Every `{{ … }}` in *text*, in order, and every `{%` or unclosed `{{` as an error."""
    pos = 0
    while (found := _START.search(text, pos)) is not None:
        start = found.start()
        if found.group() == "{%":
            yield Uttryck(start, start + 2, None, start,
                          f"{_SYNTAX}: {{% … %}} kan inte användas i texten, bara namn på siffror "
                          f"som {{{{ eget_kapital_tkr }}}} {_README}")
            pos = start + 2
            continue
        close = text.find("}}", start + 2)
        reopen = text.find("{{", start + 2)
        if close < 0 or 0 <= reopen < close:
            yield Uttryck(start, start + 2, None, start,
                          f'{_SYNTAX}: "{{{{" saknar ett avslutande "}}}}"')
            pos = start + 2
            continue
        inner = text[start + 2 : close]
        name = _NAMN.fullmatch(inner)
        if name is None:
            yield Uttryck(start, close + 2, None, start,
                          f"{_SYNTAX}: {{{{ {_kort(inner)} }}}} är inte namnet på en siffra; skriv bara "
                          f"ett namn, t.ex. {{{{ eget_kapital_tkr }}}} {_README}")
        else:
            yield Uttryck(start, close + 2, name.group(1), start + 2 + name.start(1))
        pos = close + 2


def as_text(parts: Iterable[str | Figur]) -> str:
    """Text split at its figures (`Figurer.parts`) joined again, each figure formatted."""
    return "".join(p if isinstance(p, str) else p.text for p in parts)


def _plats(text: str, index: int, location: Location, line_offset: int) -> Location:
    """The location of *text*[*index*]: line and column in the file when the text is a
    file's (its line n is line n + *line_offset*), else (*line_offset* < 0, text inline in
    the YAML) the field's location."""
    if line_offset < 0:
        return location
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return Location(location.file, line + line_offset, column)


@dataclass
class Figurer:
    """The namespace narrative can use, and the text renderer over it."""

    träd: Grupp = field(default_factory=dict)

    def names(self) -> list[str]:
        return sorted(names(self.träd))

    def number(self, dotted: str) -> tuple[Decimal, str]:
        """(number, text) of a figure; KeyError if unknown or not a number."""
        found = lookup(self.träd, dotted)
        if not isinstance(found, Figur) or found.number is None:
            raise KeyError(dotted)
        return found.number, found.text

    def problem(self, dotted: str) -> str | None:
        """Why *dotted* cannot be shown, in Swedish; None if it can."""
        found = lookup(self.träd, dotted)
        if isinstance(found, Figur):
            return None
        if isinstance(found, dict):
            inside = ", ".join(sorted(names(found, dotted + ".")))
            return f"{dotted!r} är en grupp av siffror, inte en siffra; välj en av: {inside}"
        close = difflib.get_close_matches(dotted, self.names(), n=4, cutoff=0.6)
        hint = f"; menade du {' eller '.join(repr(c) for c in close)}?" if close else ""
        return f"okänd siffra {dotted!r}{hint} {_README}"

    def talproblem(self, dotted: str) -> str | None:
        """Why *dotted* cannot be used as a measured value (a number), in Swedish; None if it
        can (or waits for a gap to be filled)."""
        problem = self.problem(dotted)
        if problem is None and self.number_or_none(dotted) is None and not self.väntar(dotted):
            problem = f"{dotted!r} är inte ett tal"
        return problem

    def väntar(self, dotted: str) -> bool:
        """The figure waits for a gap to be filled in."""
        return lookup(self.träd, dotted) is VÄNTAR

    def number_or_none(self, dotted: str) -> Decimal | None:
        found = lookup(self.träd, dotted)
        return found.number if isinstance(found, Figur) else None

    def text_or_none(self, dotted: str) -> str | None:
        """A figure as prose and the tables print it, or None when there is none."""
        found = lookup(self.träd, dotted)
        return found.text if isinstance(found, Figur) else None

    def textfel(self, text: str, location: Location, field_name: str,
                line_offset: int) -> list[Finding]:
        """What is wrong with the `{{ … }}` expressions in *text*, as located errors.

        The one place these findings are made: `reportgen check` (rule text.siffror) and
        `render` (so `reportgen build`) both call it. *location* is where the text comes
        from; *line_offset* is added to a line within the text to give the line in the
        file (0 for a Markdown file whose first line is line 1), or is negative when the
        text sits inline in the YAML and only the field can be pointed at.
        """
        if not har_uttryck(text):
            return []
        findings = []
        for u in uttryck(text):
            problem: str | None
            if u.syntaxfel is not None:
                problem, rule = u.syntaxfel, "text.siffra"
            else:
                assert u.name is not None
                problem, rule = self.problem(u.name), "text.okänd_siffra"
            if problem is not None:
                findings.append(Finding(_plats(text, u.at, location, line_offset), problem,
                                        Severity.ERROR, field_name, rule))
        return findings

    def render(self, text: str, location: Location, field_name: str, line_offset: int) -> str:
        """Fill in `{{ … }}` in *text*; problems (`textfel`) become a UserError."""
        return as_text(self.parts(text, location, field_name, line_offset))

    def parts(self, text: str, location: Location, field_name: str,
              line_offset: int) -> tuple[str | Figur, ...]:
        """*text* split at its `{{ … }}`, each replaced by its figure (not yet formatted);
        problems (`textfel`) become a UserError. Markdown is parsed around the figures
        (reportgen/document/markdown.py), so a figure never becomes Markdown syntax."""
        findings = self.textfel(text, location, field_name, line_offset)
        if findings:
            raise UserError(findings)
        if not har_uttryck(text):
            return (text,)
        parts: list[str | Figur] = []
        pos = 0
        for u in uttryck(text):
            assert u.name is not None  # textfel found no problem
            figure = lookup(self.träd, u.name)
            assert isinstance(figure, Figur)
            parts += [text[pos : u.start], figure]
            pos = u.end
        parts.append(text[pos:])
        return tuple(p for p in parts if not isinstance(p, str) or p)

    def med_mål(self, mål: tuple[Målberakning, ...], skala: Statusskala) -> Figurer:
        """These figures and the counts of assessed mål (`mål_antal`, …)."""
        return Figurer({**self.träd, **målfigurer(mål, skala)})

    def tal(self, dotted: str) -> tuple[Decimal, str]:
        """(number, "") of a figure, without formatting its text; KeyError if none."""
        number = self.number_or_none(dotted)
        if number is None:
            raise KeyError(dotted)
        return number, ""


# -- everything the activity sections need, computed once -------------------------------------


@dataclass(frozen=True)
class Verksamhetsunderlag:
    berakning: Verksamhetsberakning
    mål: tuple[Målberakning, ...]
    ekonomiska_mål: tuple[Målberakning, ...]
    figurer: Figurer
    skala: Statusskala
    resultatmål: dict[str, tuple[Måttberakning, ...]]  # insats id → its assessed resultatmål


def verksamhetsfigurer(indata: Indata, eko: Ekonomiberakning) -> tuple[Verksamhetsberakning, Figurer]:
    """The activity figures and the namespace of figures before the mål are assessed."""
    vb = compute_verksamhet(indata, eko)
    return vb, Figurer(basfigurer(indata, eko, vb))


Bedömda = tuple[Målberakning, ...]


def målmiljö(indata: Indata, uppslag: Uppslag) -> Målmiljö:
    return Målmiljö(statusskala(indata.statusskala), nivåer(indata.målnivåer), uppslag)


def _bedöm(indata: Indata, miljö: Målmiljö) -> tuple[Bedömda, Bedömda]:
    """(ekonomiska mål, mål), assessed in *miljö* (its lookup finds the figures mått name)."""
    return (beräkna_lista(indata.ekonomiska_mål, miljö, ("ekonomiska_mål",)),
            beräkna_lista(indata.mål, miljö, ("mål",)))


def verksamhetsunderlag(indata: Indata, eko: Ekonomiberakning) -> Verksamhetsunderlag:
    """Compute the activity figures, assess mått and mål, and build the figure namespace.

    The input is assumed to have passed the checks (reportgen/checks/verksamhet.py): a
    mått naming an unknown figure counts as not measured, a mål whose status can be
    neither read nor computed has none.
    """
    vb, figurer = verksamhetsfigurer(indata, eko)
    miljö = målmiljö(indata, figurer.number)
    ekonomiska, mål = _bedöm(indata, miljö)
    resultatmål = {i.id: tuple(bedöm_mått(m, miljö.uppslag, miljö.skala) for m in i.resultatmål)
                   for i in indata.insatser if i.resultatmål}
    return Verksamhetsunderlag(vb, mål, ekonomiska, figurer.med_mål(mål, miljö.skala),
                               miljö.skala, resultatmål)


def textfigurer(indata: Indata, figurer: Figurer) -> Figurer:
    """The namespace narrative can name, as `verksamhetsunderlag` gives it to the build,
    from the figures before the mål are assessed; for `reportgen check`, so no figure's
    text is formatted (which would import Babel)."""
    miljö = målmiljö(indata, figurer.tal)
    _ekonomiska, mål = _bedöm(indata, miljö)
    return figurer.med_mål(mål, miljö.skala)

"""The budget tables' relations (the rules are reportgen/checks/budget.py): stated sums
(`budget.summa`) and the outcome against the resultaträkning for what each table covers
(`budget.resultaträkning`, copies of statement figures)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from reportgen.checks.meddelanden import TOLERANS_KR, TOLERANS_TKR, meddelande_kr, meddelande_tkr
from reportgen.checks.relationer import NOLL, Relation, Relationer, Uttryck, summa
from reportgen.compute.budgetrader import (
    JÄMFÖRS,
    RR_BETYDELSER,
    SLAGEN,
    ÅRSFÖRSKJUTNING,
    Grupp,
    Post,
    bidrag,
    egna_rader,
    saknas,
    standard_rader,
)
from reportgen.fmt import tkr
from reportgen.load import PathKey
from reportgen.schema.budget import BERÄKNADE, MÅTT, Budget

TABELLNAMN = {"driftredovisning": "Driftredovisningen",
              "sammanställning": "Sammanställningen av utfall och budget"}
# Today's form names the sammanställning's totals.
STANDARDNAMN = {"intäkter": "summa intäkter", "kostnader": "totala kostnader",
                "finansiella": "summa finansiella poster"}
SLAGNAMN = {"intäkter": "intäkter", "kostnader": "kostnader", "finansiella": "finansiella poster"}
GRUND = {
    "intäkter": "resultaträkningens verksamhetens intäkter",
    "kostnader": "resultaträkningens verksamhetens kostnader och avskrivningar",
    "finansiella": "resultaträkningens finansiella intäkter och kostnader",
}
MÅTTNAMN = {**{m: m for m in MÅTT}, "utfall_föregående_år": "utfall föregående år",
            "avvikelse": "avvikelse", "avvikelse_prognos": "avvikelse prognos mot budget"}


@dataclass(frozen=True)
class Tabellrader:
    """A set of budget lines as one table (or, today's form, both tables) has them."""

    namn: str  # how a message names the table
    rot: tuple[Post | Grupp, ...]
    standard: bool  # today's form (budget.rader)
    path: PathKey
    jämförs: bool = True  # compared with the resultaträkning (not a part of the verksamhet)


def tabellrader(budget: Budget) -> Iterator[Tabellrader]:
    if budget.rader is not None and budget.av_budgetrader:
        yield Tabellrader(TABELLNAMN["sammanställning"], standard_rader(budget), True,
                          ("budget", "rader"))
    for namn in budget.tabeller:
        spec = budget.tabell(namn)
        if spec is not None and spec.rader is not None:
            path: PathKey = ("budget", namn)
            rot = egna_rader(spec, path)
            if spec.summa:
                rot = (Grupp(None, rot, spec.summa_text or "summa", path, dict(spec.summa)),)
            yield Tabellrader(TABELLNAMN[namn], rot, False, path, spec.mot_resultaträkningen)


def poster(items: tuple[Post | Grupp, ...]) -> Iterator[Post]:
    for item in items:
        if isinstance(item, Post):
            yield item
        else:
            yield from item.poster()


def _line_terms(rel: Relationer, table: Tabellrader, post: Post, mått: str, del_: str,
                kind: str | None = None) -> Uttryck:
    """A line's figure (its part *del_*, or what it adds to *kind*) as stated figures."""
    total = NOLL
    for b in bidrag(post.rad, post.path, mått):
        if b.plats is None or (kind is not None and b.slag != kind):
            continue
        if kind is None and del_ != "netto" and b.del_ not in (del_, "netto"):
            continue
        if kind is None and del_ != "netto" and b.del_ == "netto" and (
                (b.belopp > 0) != (del_ == "intäkt")):
            continue
        name = f"{table.namn}, {_gemen(post.rad.namn)} ({MÅTTNAMN[mått]})"
        total = total + rel.siffra(b.plats, name, b.belopp)
    return total


# -- budget.summa ------------------------------------------------------------------------------


def _sum_relations(rel: Relationer, table: Tabellrader) -> Iterator[Relation]:
    groups = [g for g in _groups(table.rot) if g.summa and g.path is not None]
    for grupp in groups:
        for key, stated in grupp.summa.items():
            mått, _, del_ = key.partition(".")
            if any(saknas(p.rad, m) for m in BERÄKNADE.get(mått, (mått,)) for p in grupp.poster()):
                continue  # a line leaves the figure to fill in: the sum waits (`lucka`)
            plats: PathKey = (*grupp.path, "summa", key)  # type: ignore[misc]
            label = f"{table.namn}, {_gemen(grupp.summarad or '')} ({_kolumnnamn(key)})"
            left = rel.siffra(plats, label, stated)
            if mått in BERÄKNADE:  # the printed figures' difference (prognos − årsbudget)
                a, b = BERÄKNADE[mått]
                right = (_printed(rel, table, grupp, a, a, del_ or "netto")
                         - _printed(rel, table, grupp, b, b, del_ or "netto"))
            else:
                right = _printed(rel, table, grupp, key, mått, del_ or "netto")
            yield Relation("budget.summa", left, right, plats, _gemen(label),
                           _kr(label, "summan av raderna ovanför"), subjekt=plats)


def _groups(items: tuple[Post | Grupp, ...]) -> Iterator[Grupp]:
    for item in items:
        if isinstance(item, Grupp):
            yield from _groups(item.delar)
            yield item


def _printed(rel: Relationer, table: Tabellrader, grupp: Grupp, key: str, mått: str,
             del_: str) -> Uttryck:
    """The sum of a group's rows as printed: lines, and stated sums of groups within it."""
    parts = []
    for item in grupp.summerade():
        if isinstance(item, Post):
            parts.append(_line_terms(rel, table, item, mått, del_))
        elif key in item.summa and item.path is not None:
            name = f"{table.namn}, {_gemen(item.summarad or '')} ({_kolumnnamn(key)})"
            parts.append(rel.siffra((*item.path, "summa", key), name, item.summa[key]))
        else:
            parts.append(_printed(rel, table, item, key, mått, del_))
    return summa(parts)


def _gemen(text: str) -> str:
    return text[:1].lower() + text[1:]


def _kolumnnamn(key: str) -> str:
    """"utfall.kostnad" → "utfall, kostnad"."""
    mått, _, del_ = key.partition(".")
    return MÅTTNAMN[mått] + (f", {del_}" if del_ else "")


def _kr(vad: str, grund: str) -> Callable[[int, int], str]:
    def text(v: int, h: int) -> str:
        return meddelande_kr(vad, v, h, grund)

    return text


# -- budget.resultaträkning ----------------------------------------------------------------------


def _kinds(table: Tabellrader, mått: str) -> list[str]:
    found = {b.slag for p in poster(table.rot) for b in bidrag(p.rad, p.path, mått)}
    return [k for k in SLAGEN if k in found]


def _whole_thousands(table: Tabellrader, mått: str) -> bool:
    return all(b.belopp % 1000 == 0 for p in poster(table.rot)
               for b in bidrag(p.rad, p.path, mått))


def _of_kind(rel: Relationer, table: Tabellrader, items: tuple[Post | Grupp, ...], mått: str,
             kind: str) -> Uttryck:
    """What the lines of *kind* add up to, as printed: a stated sum of a group whose lines
    are all of that kind (and not split) stands for them."""
    parts = []
    for item in items:
        if isinstance(item, Post):
            parts.append(_line_terms(rel, table, item, mått, "netto", kind))
            continue
        lines = [b for p in item.poster() for b in bidrag(p.rad, p.path, mått)]
        if (mått in item.summa and item.path is not None
                and all(b.slag == kind and b.del_ == "netto" for b in lines)):
            name = f"{table.namn}, {_gemen(item.summarad or '')} ({_kolumnnamn(mått)})"
            parts.append(rel.siffra((*item.path, "summa", mått), name, item.summa[mått]))
        else:
            parts.append(_of_kind(rel, table, item.delar, mått, kind))
    return summa(parts)


def _rr_relations(rel: Relationer, table: Tabellrader) -> Iterator[Relation]:
    year = rel.indata.rapport.räkenskapsår
    for mått in JÄMFÖRS:
        år = year + ÅRSFÖRSKJUTNING.get(mått, 0)
        stated = any(getattr(p.rad, mått) is not None for p in poster(table.rot))
        if år not in rel.eko.years or år in rel.eko.luckor or (mått != "utfall" and not stated):
            continue  # (a year whose statements leave figures to fill in: `lucka`)
        kinds = _kinds(table, mått)
        in_tkr = _whole_thousands(table, mått)
        for kind in kinds:
            left = _of_kind(rel, table, table.rot, mått, kind)
            right = summa([rel.roll("resultaträkning", b, år) or NOLL
                           for b in RR_BETYDELSER[kind]])
            yield _relation(table, mått, år, kind, kinds, in_tkr, left, right)


def _relation(table: Tabellrader, mått: str, år: int, kind: str, kinds: list[str],
              in_tkr: bool, left: Uttryck, right: Uttryck) -> Relation:
    terms = list(left.termer)
    # Located at the first line it adds (today's form: at the first line of the kind).
    lines = [t for t in terms if "summa" not in t] or terms
    plats: PathKey = lines[0] if lines else table.path
    if table.standard:
        vad = f"{table.namn}, {STANDARDNAMN[kind]} ({MÅTTNAMN[mått]})"
        why = "budgetens rader"
    else:
        vad = f"{table.namn}, {SLAGNAMN[kind]} ({MÅTTNAMN[mått]} {år})"
        why = "tabellens rader"
    covers = "" if table.standard or len(kinds) == len(SLAGEN) else (
        f"; tabellen redovisar bara {_och([SLAGNAMN[k] for k in kinds])} och jämförs med "
        f"resultaträkningens {_och([SLAGNAMN[k] for k in kinds])}")
    grund = GRUND[kind]

    def text(v: int, h: int) -> str:
        if in_tkr:
            return meddelande_tkr(vad, tkr(v), h, grund,
                                  f"{why} är angivna i hela tkr{covers}")
        return (f"{meddelande_kr(vad, v, h, grund)} (tolerans {TOLERANS_KR} kr: {why} är "
                f"angivna i kronor{covers})")

    def inom(v: int, h: int) -> bool:
        return abs(tkr(v) - tkr(h)) <= TOLERANS_TKR

    return Relation("budget.resultaträkning", left, right, plats, _gemen(vad),
                    text, subjekt=terms[0] if len(terms) == 1 else None, kopia=True,
                    inom=inom if in_tkr else None)


def _och(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} och {items[-1]}"


def relationer(rel: Relationer) -> Iterator[Relation]:
    budget = rel.indata.budget
    if budget is None:
        return
    for table in tabellrader(budget):
        yield from _sum_relations(rel, table)
        # A report without statements (a delårsrapport) has nothing to compare them with.
        if table.jämförs and not rel.indata.utan_räkenskaper:
            yield from _rr_relations(rel, table)

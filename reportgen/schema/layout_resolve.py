"""Resolving a statement layout: the standard layout (templates/layouts/standard.yaml) with
the förbund's changes (`ekonomi.layout`) applied, and checked so that it can be computed.

`resolve` gives the `Layout` the figures are computed and checked from, or the problems
that keep it from being computed, each a Swedish message at a path under `ekonomi`: a
change naming an unknown line (with the closest names), a duplicate key, a line without a
sign or in no sum, a sum without parts, over itself or in a cycle, a derived line reading
what it cannot, a meaning that does not exist, is given twice or would be counted twice.

The standard file is read once (`standard_layout`, cached) with libyaml: `reportgen check`
has 0.3 s in all.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from enum import Enum
from functools import cache
from typing import Any

from reportgen.schema.layout import (
    Betydelse,
    Layoutrad,
    Layoutändringar,
    Standardlayout,
    Uppställningsmall,
    Visa,
)
from reportgen.schema.layout import Tecken as Teckenord
from reportgen.schema.uppstallning import (
    BESTÄMD,
    BETYDELSER,
    KRÄVS,
    RÄKNINGAR,
    SLAG,
    SLAGNAMN,
    Härledning,
    Layout,
    Plats,
    Rad,
    Radslag,
    Tecken,
    Uppställning,
    närmaste,
)

_TECKEN = {Teckenord.positivt: Tecken.POSITIVT, Teckenord.negativt: Tecken.NEGATIVT,
           Teckenord.valfritt: None}


# -- the standard layout ------------------------------------------------------------------------


STANDARD_FIL = ("layouts", "standard.yaml")  # below the templates folder


def standard_data() -> Any:
    """templates/layouts/standard.yaml as plain data (libyaml's C parser when it is there)."""
    import yaml

    from reportgen.templates_dir import templates_dir

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    text = templates_dir().joinpath(*STANDARD_FIL).read_text(encoding="utf-8")
    return yaml.load(text, Loader=loader)


_ORD = {"tecken": Teckenord, "visa": Visa, "betydelse": Betydelse, "förändring": Betydelse,
        "ingående": Betydelse, "utgående": Betydelse}


@cache
def standard_mall() -> Standardlayout:
    """The standard layout, read once. It is reportgen's own file, so it is built without
    Pydantic's validation (building that validator costs `check` a hundredth of a second);
    tests/test_layouts.py validates the file with the model, so a mistake in it fails there."""
    def entry(data: dict[str, Any]) -> Layoutrad:
        return Layoutrad.model_construct(**{
            k: _ORD[k](v) if k in _ORD else v for k, v in data.items()})

    data = standard_data()
    statements = {
        räkning: Uppställningsmall.model_construct(
            titel=data[räkning]["titel"], kolumner=data[räkning]["kolumner"],
            rader=[entry(e) for e in data[räkning]["rader"]])
        for räkning in RÄKNINGAR}
    return Standardlayout.model_construct(None, **statements)


@cache
def standard_layout() -> Layout:
    layout, problems = resolve(Layoutändringar.model_construct(
        resultaträkning=[], balansräkning=[], kassaflödesanalys=[]), None)
    if problems or layout is None:  # the shipped file is wrong: a bug, not the user's error
        raise RuntimeError(f"templates/layouts/standard.yaml: {problems}")
    return layout


# -- applying the förbund's changes ------------------------------------------------------------

_EGENSKAPER = ("text", "tecken", "betydelse", "visa", "nivå", "av", "från", "förändring",
               "ingående", "utgående", "faktor")
_HÄRLEDNING = ("från", "förändring", "ingående")


@dataclass
class _Utkast:
    """A line while the changes are applied."""

    key: str
    slag: Radslag
    plats: Plats | None
    under: str | None = None
    egenskaper: dict[str, Any] = field(default_factory=dict)
    givna: set[str] = field(default_factory=set)  # the keys the entry at *plats* writes

    @classmethod
    def av(cls, entry: Layoutrad, slag: str, plats: Plats | None) -> _Utkast:
        props = {name: getattr(entry, name) for name in _EGENSKAPER
                 if getattr(entry, name) is not None}
        if "av" in props:
            props["av"] = list(props["av"])
        given = {name for name in (*SLAG, *_EGENSKAPER, "under") if getattr(entry, name) is not None}
        return cls(getattr(entry, slag), Radslag(slag), plats, entry.under, props, given)

    def var(self, namn: str) -> Plats:
        """Where to point at a problem with property *namn*: at it in the entry that added or
        last changed the line, else at that entry (nothing, for a line of the standard)."""
        if self.plats is None:
            return ()
        return (*self.plats, namn) if namn in self.givna else self.plats


def _slag(entry: Layoutrad) -> list[str]:
    return [s for s in (*SLAG, "ändra", "ta_bort") if getattr(entry, s) is not None]


class _Fel(list[tuple[Plats, str]]):
    def __call__(self, plats: Plats, meddelande: str) -> None:
        self.append((plats, meddelande))


def _subtree_end(rows: list[_Utkast], index: int) -> int:
    """The index after row *index* and its sub-lines (and theirs)."""
    keys = {rows[index].key}
    end = index + 1
    while end < len(rows) and rows[end].under in keys:
        keys.add(rows[end].key)
        end += 1
    return end


# A removed line: where it was removed, and the meaning it had.
Borttagna = dict[str, tuple[Plats, str | None]]


def _apply(räkning: str, rows: list[_Utkast], changes: list[Layoutrad], fel: _Fel,
           borttagna: Borttagna) -> None:
    bestämd = BESTÄMD[räkning]
    for i, change in enumerate(changes):
        path: Plats = ("layout", räkning, i)
        kinds = _slag(change)
        if len(kinds) != 1:
            fel(path, "en rad under ekonomi.layout är antingen en ny rad (post, summa, härledd, "
                "rubrik eller textrad) eller en ändring (ändra eller ta_bort), och bara en av dem"
                + (f"; här står {' och '.join(kinds)}" if kinds else ""))
            continue
        kind = kinds[0]
        keys = [r.key for r in rows]
        if kind in ("ändra", "ta_bort"):
            target: str = getattr(change, kind)
            if target not in keys:
                fel((*path, kind), f"okänd rad '{target}' i {bestämd}{närmaste(target, keys)}")
                continue
            placement = [p for p in ("efter", "före", "under") if getattr(change, p) is not None]
            if placement:
                fel((*path, placement[0]), f"{kind} flyttar inte en rad; ta bort raden och lägg "
                    "till en ny där den ska stå")
                continue
            index = keys.index(target)
            if kind == "ändra":
                row = rows[index]
                row.givna = set()
                for name in _EGENSKAPER:
                    value = getattr(change, name)
                    if value is not None:
                        row.egenskaper[name] = list(value) if name == "av" else value
                        row.givna.add(name)
                row.plats = path
            else:
                betydelse = rows[index].egenskaper.get("betydelse")
                _remove(rows, index)
                borttagna[target] = ((*path, kind), betydelse.value if betydelse else None)
            continue
        key: str = getattr(change, kind)
        if key in keys:
            fel((*path, kind), f"raden '{key}' finns redan i {bestämd} (ändra den med "
                f"ändra: {key}, eller ge den nya raden en annan nyckel)")
            continue
        placement = [p for p in ("efter", "före", "under") if getattr(change, p) is not None]
        if len(placement) > 1:
            fel((*path, placement[1]), "en ny rad står antingen efter, före eller under en "
                "annan rad, inte flera")
            continue
        new = _Utkast.av(change, kind, path)
        if not placement:
            rows.append(new)
            continue
        where = placement[0]
        anchor: str = getattr(change, where)
        if anchor not in keys:
            fel((*path, where), f"okänd rad '{anchor}' i {bestämd}{närmaste(anchor, keys)}")
            continue
        index = keys.index(anchor)
        position = index if where == "före" else _subtree_end(rows, index)
        if where == "före":
            new.under = rows[index].under  # a sibling of the line it stands before
        rows.insert(position, new)


def _remove(rows: list[_Utkast], index: int) -> None:
    """Take out the row at *index* with its sub-lines; a sum that counted it counts its
    parts instead (a removed line has none: it is 0)."""
    end = _subtree_end(rows, index)
    removed = rows[index]
    parts = list(removed.egenskaper.get("av") or []) if removed.slag is Radslag.SUMMA else []
    gone = {r.key for r in rows[index:end]}
    del rows[index:end]
    for row in rows:
        av = row.egenskaper.get("av")
        if av and removed.key in av:
            at = av.index(removed.key)
            row.egenskaper["av"] = [p for p in av[:at] + parts + av[at + 1:] if p not in gone]


# -- from changed entries to a checked layout ------------------------------------------------


def resolve(ändringar: Layoutändringar, likvida: list[str] | None,
            ) -> tuple[Layout | None, list[tuple[Plats, str]]]:
    """The standard layout with *ändringar* applied (and, if given, the balance-sheet lines
    *likvida* counted as likvida medel), or the problems that keep it from being computed."""
    mall = standard_mall()
    fel = _Fel()
    resolved: dict[str, Uppställning] = {}
    for räkning in RÄKNINGAR:
        template = getattr(mall, räkning)
        rows = [_Utkast.av(entry, _slag(entry)[0], None) for entry in template.rader]
        borttagna: Borttagna = {}
        _apply(räkning, rows, getattr(ändringar, räkning), fel, borttagna)
        if räkning == "balansräkning" and likvida is not None:
            _likvida(rows, likvida, fel)
        upp = _check(räkning, template.titel, template.kolumner, rows, resolved, borttagna, fel)
        if upp is None:
            return None, list(fel)
        resolved[räkning] = upp
    if fel:
        return None, list(fel)
    return Layout(**resolved), []


def _likvida(rows: list[_Utkast], likvida: list[str], fel: _Fel) -> None:
    posts = {r.key: r for r in rows if r.slag is Radslag.POST}
    for i, key in enumerate(likvida):
        if key not in posts:
            fel(("likvida_medel", i), f"okänd rad '{key}' i balansräkningen"
                f"{närmaste(key, posts)}")
    for row in rows:
        if row.key in likvida:
            row.egenskaper["betydelse"] = "likvida_medel"
        elif row.egenskaper.get("betydelse") == "likvida_medel":
            row.egenskaper.pop("betydelse")


def _check(räkning: str, titel: str, kolumner: str, rows: list[_Utkast],
           earlier: dict[str, Uppställning], borttagna: Borttagna, fel: _Fel,
           ) -> Uppställning | None:
    bestämd = BESTÄMD[räkning]
    keys = [r.key for r in rows]
    by_key = {r.key: r for r in rows}
    amount_keys = [r.key for r in rows if r.slag is not Radslag.RUBRIK]
    sub_lines: dict[str, list[str]] = {}
    for row in rows:
        if row.under is not None:
            parent = by_key.get(row.under)
            if parent is None:
                fel(row.var("under"), f"okänd rad '{row.under}' i {bestämd}"
                    f"{närmaste(row.under, keys)}")
            elif parent.slag not in (Radslag.POST, Radslag.SUMMA):
                fel(row.var("under"), f"'{row.under}' är en {SLAGNAMN[parent.slag]} och kan "
                    "inte ha delrader (bara en post eller en summa kan det)")
            else:
                sub_lines.setdefault(row.under, []).append(row.key)
    out: list[Rad] = []
    levels: dict[str, int] = {}
    for row in rows:
        rad = _rad(räkning, row, keys, amount_keys, sub_lines.get(row.key, []), earlier, fel)
        if rad is None:
            continue
        if rad.under is not None and "nivå" not in row.egenskaper:
            rad = replace(rad, nivå=levels.get(rad.under, 1) + 1)  # indented below its line
        levels[rad.key] = rad.nivå
        out.append(rad)
    _check_meanings(räkning, out, by_key, borttagna, fel)
    if not fel:  # (a sum naming a wrong line would leave lines out of it: said already)
        _check_counted(räkning, out, by_key, fel)
    order = _order(räkning, out, by_key, fel)
    if order is None:
        return None
    return Uppställning(räkning, titel, kolumner, tuple(out), order)


def _rad(räkning: str, row: _Utkast, keys: list[str], amount_keys: list[str],
         sub_lines: list[str], earlier: dict[str, Uppställning], fel: _Fel) -> Rad | None:
    bestämd = BESTÄMD[räkning]
    p = row.egenskaper
    where = row.var(row.slag.value)
    text = p.get("text")
    if text is None:
        fel(where, f"raden '{row.key}' saknar text (som den trycks)")
        return None
    for name in ("av",) if row.slag is not Radslag.SUMMA else ():
        if name in p:
            fel(row.var(name), "av kan bara anges för en summa (en post med delrader är "
                "summan av dem: lägg till dem med under)")
    for name in (*_HÄRLEDNING, "faktor") if row.slag is not Radslag.HÄRLEDD else ():
        if name in p:
            fel(row.var(name), f"{name} kan bara anges för en härledd rad")
    if "utgående" in p and (räkning != "kassaflödesanalys" or row.slag is Radslag.RUBRIK):
        fel(row.var("utgående"), "utgående kan bara anges för en rad i kassaflödesanalysen")
    tecken: Tecken | None = None
    if row.slag in (Radslag.POST, Radslag.TEXTRAD):
        if "tecken" not in p:
            fel(where, f"raden '{row.key}' saknar tecken: skriv tecken: positivt (intäkter, "
                "tillgångar, avsättningar, skulder), negativt (kostnader) eller valfritt")
        else:
            tecken = _TECKEN[p["tecken"]]
    nivå = p.get("nivå") or 1
    if row.slag is Radslag.RUBRIK and nivå > 2:
        fel(row.var("nivå"), "en rubrik har nivå 1 eller 2")
    parts: list[str] = []
    if row.slag is Radslag.SUMMA:
        parts = list(p.get("av") or [])
        for i, part in enumerate(parts):
            at = (*row.var("av"), i)
            if part == row.key:
                fel(at, f"summan '{row.key}' räknar med sig själv")
            elif part not in keys:
                fel(at, f"okänd rad '{part}' i {bestämd}{närmaste(part, amount_keys)}")
            elif part not in amount_keys:
                fel(at, f"'{part}' är en rubrik och har inget belopp att summera")
            elif parts.index(part) != i:
                fel(at, f"summan '{row.key}' räknar med '{part}' två gånger")
        if not parts and not sub_lines:
            fel(where, f"summan '{row.key}' har inga delar: skriv av: [raderna den summerar]")
    parts += sub_lines
    härledning = _härledning(räkning, row, earlier, fel) if row.slag is Radslag.HÄRLEDD else None
    utgående = p.get("utgående")
    if utgående is not None:
        utgående = utgående.value
        _check_balance_meaning(row, "utgående", utgående, earlier, fel)
    betydelse = p.get("betydelse")
    return Rad(
        key=row.key, slag=row.slag, text=text, tecken=tecken,
        betydelse=betydelse.value if isinstance(betydelse, Enum) else betydelse,
        visa_alltid=p.get("visa") is not None and p["visa"].value == "alltid",
        nivå=nivå, delar=tuple(parts), härledning=härledning, utgående=utgående,
        under=row.under, plats=row.plats,
    )


def _härledning(räkning: str, row: _Utkast, earlier: dict[str, Uppställning], fel: _Fel,
                ) -> Härledning | None:
    p = row.egenskaper
    given = [name for name in _HÄRLEDNING if name in p]
    if len(given) != 1:
        fel(row.var("härledd"), f"den härledda raden '{row.key}' räknas fram på ett sätt: "
            "från (en rad i en annan räkning), förändring eller ingående (balansräkningens "
            "förändring under året eller belopp vid årets början)"
            + (f"; här står {' och '.join(given)}" if len(given) > 1 else ""))
        return None
    sätt = given[0]
    faktor = p.get("faktor") or 1
    if sätt == "från":
        källa, namn = str(p["från"]).split(".", 1)
        if källa not in earlier:
            may = " eller ".join(BESTÄMD[e] for e in earlier)
            fel(row.var("från"), f"en härledd rad i {BESTÄMD[räkning]} kan inte läsa från "
                f"{BESTÄMD.get(källa, källa)}, som räknas efter den"
                + (f"; den kan läsa från {may}" if may else ""))
            return None
        upp = earlier[källa]
        if namn not in BETYDELSER[källa] and namn not in upp:
            names = [*BETYDELSER[källa], *(r.key for r in upp.rader if r.har_belopp)]
            fel(row.var("från"), f"{BESTÄMD[källa]} har ingen rad '{namn}' och ingen rad med "
                f"den betydelsen{närmaste(namn, names)}")
            return None
        return Härledning(sätt, källa, namn, faktor)
    namn = p[sätt].value
    if not _check_balance_meaning(row, sätt, namn, earlier, fel):
        return None
    return Härledning(sätt, "balansräkning", namn, faktor)


def _check_balance_meaning(row: _Utkast, name: str, betydelse: str,
                           earlier: dict[str, Uppställning], fel: _Fel) -> bool:
    br = earlier.get("balansräkning")
    if br is None:
        fel(row.var(name), f"{name} läser balansräkningen: det går bara i kassaflödesanalysen")
        return False
    if betydelse not in BETYDELSER["balansräkning"]:
        # (no line having it is fine: the förbund has none of them, they are 0)
        fel(row.var(name), f"betydelsen {betydelse} finns inte i balansräkningen"
            f"{närmaste(betydelse, BETYDELSER['balansräkning'])}")
        return False
    return True


def _check_meanings(räkning: str, rows: list[Rad], by_key: dict[str, _Utkast],
                    borttagna: Borttagna, fel: _Fel) -> None:
    allowed = BETYDELSER[räkning]
    seen: dict[str, Rad] = {}
    for rad in rows:
        if rad.betydelse is None:
            continue
        at = by_key[rad.key].var("betydelse") or ("layout", räkning)
        if rad.betydelse not in allowed:
            fel(at, f"betydelsen {rad.betydelse} finns inte i {BESTÄMD[räkning]}; där finns: "
                + ", ".join(allowed))
        elif allowed[rad.betydelse] and rad.betydelse in seen:
            first = seen[rad.betydelse]
            at = by_key[rad.key].var("betydelse") or by_key[first.key].var("betydelse") or at
            other = first.key if by_key[rad.key].plats is not None else rad.key
            fel(at, f"bara en rad i {BESTÄMD[räkning]} kan ha betydelsen {rad.betydelse}, "
                f"och '{other}' har den redan")
        seen.setdefault(rad.betydelse, rad)
    for betydelse in KRÄVS[räkning]:
        if betydelse not in seen:
            removed = next((at for at, had in borttagna.values() if had == betydelse),
                           ("layout", räkning))
            fel(removed, f"{BESTÄMD[räkning]} behöver en rad med betydelsen {betydelse} "
                "(kontrollerna mellan räkningarna räknar med den)")
    # A kind's meaning on a sum and on one of its parts would be counted twice (a total's
    # meaning given twice is reported above).
    index = {r.key: r for r in rows}
    for rad in rows:
        if rad.betydelse is None or not rad.delar or allowed.get(rad.betydelse, True):
            continue
        for part in _all_parts(rad, index):
            if index[part].betydelse == rad.betydelse:
                at = by_key[part].var("betydelse") or by_key[rad.key].var("betydelse")
                fel(at or ("layout", räkning), f"'{part}' och summan '{rad.key}' har båda "
                    f"betydelsen {rad.betydelse}, så den skulle räknas två gånger")


def _check_counted(räkning: str, rows: list[Rad], by_key: dict[str, _Utkast], fel: _Fel) -> None:
    """An amount line in no sum would not count in the statement's totals (a line added
    without naming the sum it belongs to)."""
    counted = {part for rad in rows for part in rad.delar}
    wrong = {plats[:3] for plats, _ in fel}  # entries with a problem of their own
    for rad in rows:
        if by_key[rad.key].plats in wrong:
            continue
        if rad.slag in (Radslag.POST, Radslag.HÄRLEDD) and rad.key not in counted:
            fel(by_key[rad.key].var(rad.slag.value) or ("layout", räkning),
                f"raden '{rad.key}' ingår inte i någon summa, så {BESTÄMD[räkning]}s summor "
                "räknar inte med den: lägg till den i en summas av, eller gör den till delrad "
                "till en annan rad (under)")


def _all_parts(rad: Rad, index: dict[str, Rad]) -> Iterator[str]:
    seen: set[str] = set()
    stack = list(rad.delar)
    while stack:
        part = stack.pop()
        if part in seen or part not in index:
            continue
        seen.add(part)
        yield part
        stack.extend(index[part].delar)


def _order(räkning: str, rows: list[Rad], by_key: dict[str, _Utkast], fel: _Fel,
           ) -> tuple[str, ...] | None:
    """The amount lines, each sum after its parts; a cycle is a problem."""
    index = {r.key: r for r in rows}
    done: list[str] = []
    state: dict[str, int] = {}  # 1: being visited, 2: done

    def visit(key: str, trail: list[str]) -> bool:
        if state.get(key) == 2:
            return True
        if state.get(key) == 1:
            cycle = trail[trail.index(key):] + [key]
            fel(by_key[key].var("av") or ("layout", räkning),
                "summorna räknar med varandra i en cirkel: " + " → ".join(cycle))
            return False
        state[key] = 1
        for part in index[key].delar:
            if part != key and part in index and not visit(part, [*trail, key]):
                return False
        state[key] = 2
        done.append(key)
        return True

    for rad in rows:
        if rad.har_belopp and not visit(rad.key, []):
            return None
    return tuple(done)

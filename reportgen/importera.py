"""`reportgen importera`: the bookkeeping's figures into the report's `ekonomi` (and budget).

The export (an SIE file, reportgen/sie/, or a trial balance, reportgen/saldobalans.py) is
read into a `Bokföring`, checked on its own (reportgen/bokforing.py), matched with the
report's year, and mapped through the kontoplan (reportgen/kontoplan.py) onto the layout's
lines, the notes' rows and the budget's projects (reportgen/importera_budget.py). The
result is a list of changes (`Ändring`), each the old and the new value at a YAML path;
nothing is written here. The report year's figures are replaced; the comparison year's are
filled in only where the YAML leaves them empty, and where the YAML states them (last
year's published report) a different figure in the bookkeeping is a warning, never a change.

Every account with an amount that the kontoplan places on no line is an error naming the
account, its name and its amount: nothing is dropped silently.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from reportgen.bokforing import Bokföring, kontroll, varning
from reportgen.findings import Finding, Location, Severity, UserError, error_at
from reportgen.importera_plan import Plan, Ändring, hela_kronor, kr
from reportgen.kontoplan import STANDARD, Kontoplan, Not, read_kontoplan
from reportgen.load import PathKey, Source, load_yaml
from reportgen.schema.layout import Layoutändringar
from reportgen.schema.layout_resolve import resolve
from reportgen.schema.uppstallning import BESTÄMD, Layout, Radslag, Uppställning, gemen
from reportgen.suggest import okänt_namn

SIE_SUFFIXES = (".se", ".si", ".sie")


def read_export(path: Path) -> Bokföring:
    from reportgen.readfile import Unreadable, read_bytes

    if path.suffix.lower() in SIE_SUFFIXES:
        from reportgen.sie import read_sie

        return read_sie(path)
    if path.suffix.lower() in (".xlsx", ".csv"):
        from reportgen.saldobalans import read_trial_balance

        return read_trial_balance(path)
    try:
        head = read_bytes(path, 1 << 30)[:200]
    except Unreadable as exc:
        raise error_at(Location(path), f"filen {exc.problem}", rule="import.fil") from None
    if head.lstrip().startswith(b"#"):
        from reportgen.sie import parse_sie

        return parse_sie(read_bytes(path, 1 << 30), path)
    from reportgen.saldobalans import read_trial_balance

    return read_trial_balance(path)


def plan_import(yaml: Path, export: Path, kontoplan: str | None = None) -> Plan:
    """Every change the export makes to the YAML at *yaml*; raises UserError on any error."""
    source = load_yaml(yaml)
    raw = source.data if isinstance(source.data, dict) else {}
    year = _year(source)
    found = raw.get("ekonomi")
    eko_raw: dict[str, Any] = found if isinstance(found, dict) else {}
    layout = _layout(source, eko_raw)
    name = kontoplan or (eko_raw.get("kontoplan") if isinstance(eko_raw.get("kontoplan"), str)
                         else None) or STANDARD
    plan_file = read_kontoplan(name, yaml.parent)
    bok = read_export(export)
    errors = [f for f in kontroll(bok)]
    errors += list(_year_problems(bok, year, source))
    errors += list(_mapping_problems(plan_file, layout))
    if errors:
        raise UserError(errors)
    plan = Plan(yaml, export, plan_file.namn)
    from reportgen.importera_budget import budget_changes

    period = _period(source)
    if period is not None:
        _interim(plan, source, bok, plan_file, layout, year, period)
        return plan
    räknare = _Räknare(bok, plan_file, layout, year)
    unplaced = list(räknare.oplacerade())
    if unplaced:
        raise UserError(unplaced)
    for räkning in ("resultaträkning", "balansräkning"):
        _statement(plan, räknare, eko_raw, räkning)
    _notes(plan, räknare, eko_raw)
    _opening_balance(plan, räknare, eko_raw)
    budget_changes(plan, bok, plan_file.budgetdimension, raw.get("budget"), year)
    return plan


def _period(source: Source) -> tuple[dt.date, dt.date] | None:
    """A delårsrapport's period (från, till) as the YAML states it; None for an årsredovisning."""
    rapport = source.data.get("rapport") if isinstance(source.data, dict) else None
    if not isinstance(rapport, dict) or rapport.get("typ") != "delårsrapport":
        return None
    period = rapport.get("period")
    från, till = (period.get("från"), period.get("till")) if isinstance(period, dict) else (None, None)
    if not isinstance(från, dt.date) or not isinstance(till, dt.date):
        raise error_at(source.locate(("rapport", "period")), "en delårsrapport behöver sin "
                       "period (rapport.period: {från: 2023-01-01, till: 2023-08-31}) för att "
                       "veta vilket saldo som är periodens utfall", rule="import.period")
    return från, till


def _interim(plan: Plan, source: Source, bok: Bokföring, plan_file: Kontoplan, layout: Layout,
             year: int, period: tuple[dt.date, dt.date]) -> None:
    """A delårsrapport: the period's results (the accumulated saldo at its end) as the
    resultaträkning's period, where the report has one (RKR R17), and as the budget's utfall
    (the forecast table's); its prognos and budget are the förbund's own, and stay."""
    from reportgen.importera_budget import budget_changes
    from reportgen.importera_period import periodens_bokföring

    raw = source.data if isinstance(source.data, dict) else {}
    found = raw.get("ekonomi")
    eko_raw: dict[str, Any] = found if isinstance(found, dict) else {}
    view = periodens_bokföring(bok, *period, source.locate(("rapport", "period", "till")))
    if isinstance(eko_raw.get("resultaträkning"), dict):
        if bok.månadsvis and 0 not in bok.perioder:
            raise error_at(Location(bok.fil, bok.år[0].rad if 0 in bok.år else None),
                           f"{bok.vad} har periodsaldon (#PSALDO) bara per objekt; "
                           "resultaträkningen för perioden behöver kontonas egna (objektlistan "
                           "{})", rule="import.period")
        räknare = _Räknare(view, plan_file, layout, year)
        unplaced = list(räknare.oplacerade())
        if unplaced:
            raise UserError(unplaced)
        _statement(plan, räknare, eko_raw, "resultaträkning")
    left = [namn for key, namn in (("balansräkning", "balansräkningen"), ("noter", "noterna"))
            if eko_raw.get(key)]
    if left:
        plan.noteringar.append(f"{' och '.join(left)} fylls inte i i en delårsrapport (bara "
                               "periodens resultat och budgetens utfall); ange dem för hand")
    budget_changes(plan, view, plan_file.budgetdimension, raw.get("budget"), year,
                   årsbudget=False, period=period[1])


def _year(source: Source) -> int:
    rapport = source.data.get("rapport") if isinstance(source.data, dict) else None
    year = rapport.get("räkenskapsår") if isinstance(rapport, dict) else None
    if not isinstance(year, int) or isinstance(year, bool):
        raise error_at(source.locate(("rapport",)), "rapport.räkenskapsår saknas eller är inget "
                       "årtal; importen behöver veta vilket år rapporten gäller", rule="import.år")
    return year


def _layout(source: Source, eko_raw: dict[str, Any]) -> Layout:
    from pydantic import ValidationError

    try:
        ändringar = Layoutändringar.model_validate(eko_raw.get("layout") or {})
    except ValidationError:
        ändringar = None
    likvida = eko_raw.get("likvida_medel")
    layout, problems = (resolve(ändringar, likvida if isinstance(likvida, list) else None)
                        if ändringar is not None else (None, []))
    if layout is None:
        raise error_at(source.locate(("ekonomi", "layout")), "rapportens uppställning "
                       "(ekonomi.layout) har fel; rätta dem först (reportgen check)",
                       rule="import.uppställning")
    return layout


def _year_problems(bok: Bokföring, year: int, source: Source) -> Iterator[Finding]:
    if 0 not in bok.år:
        return
    have = bok.år[0]
    if have.år != year:
        yield Finding(Location(bok.fil, have.rad),
                      f"{bok.vad} gäller räkenskapsåret {have.start.isoformat()} – "
                      f"{have.slut.isoformat()}, men rapporten ({source.file}) är för {year}; "
                      "exportera rätt år eller importera till rätt rapport", rule="import.år")


def _mapping_problems(plan: Kontoplan, layout: Layout) -> Iterator[Finding]:
    for räkning, lines in plan.rader.items():
        upp = layout.räkning(räkning)
        for key, ranges in lines.items():
            rad = upp.rad(key)
            plats = ranges[0].plats if ranges else Location(plan.filer[-1])
            if rad is None or not rad.har_belopp:
                names = [r.key for r in upp.rader if r.slag in (Radslag.POST, Radslag.TEXTRAD)]
                yield Finding(plats, okänt_namn(f"raden i {BESTÄMD[räkning]}", key, names),
                              rule="kontoplan.rad")
            elif rad.slag is Radslag.SUMMA or (rad.delar and rad.slag is not Radslag.HÄRLEDD):
                yield Finding(plats, f"{key} är en summa som beräknas; placera kontona på raderna "
                              "den summerar", rule="kontoplan.rad")
    for note in plan.noter:
        for namn in note.avser:
            if layout.avser(namn) is None:
                yield Finding(note.plats, f"noten {note.rubrik!r} avser {namn!r}, som inte är en "
                              "rad i rapportens uppställning", rule="kontoplan.not")


class _Räknare:
    """The bookkeeping's amounts on the report's lines, per year index."""

    def __init__(self, bok: Bokföring, plan: Kontoplan, layout: Layout, year: int) -> None:
        self.bok, self.plan, self.layout, self.year = bok, plan, layout, year
        self.index = [i for i in (0, -1) if i in bok.år or (i == 0 and not bok.år)]
        self._tillgångar = _parts(layout.balansräkning, "summa_tillgångar")

    def år(self, index: int) -> int:
        return self.year + index

    def tecken(self, räkning: str, key: str) -> int:
        """The bookkeeping's sign turned into the statement's: revenue and liabilities are
        credit (negative) in the books and positive in the report; assets stay as they are."""
        return 1 if räkning == "balansräkning" and key in self._tillgångar else -1

    def oplacerade(self) -> Iterator[Finding]:
        for index in self.index:
            for konto, saldo in sorted(self.bok.saldo(index).items()):
                if saldo and self.plan.placering(konto) is None:
                    account = self.bok.konto(konto)
                    post = "UB" if account.balans else "RES"
                    yield Finding(self.bok.plats(post, index, konto),
                                  f"kontot {konto} {account.namn or '(utan namn)'} med "
                                  f"{kr(saldo)} ({self.år(index)}) står inte på någon rad i "
                                  f"kontoplanen {self.plan.namn}; lägg till det i en egen "
                                  "kontoplan (ekonomi.kontoplan, se README)", rule="import.konto")

    def rader(self, räkning: str, index: int) -> dict[str, Decimal]:
        """Each line's amount in the statement's sign (kronor and öre)."""
        out: dict[str, Decimal] = {key: Decimal(0) for key in self.plan.rader[räkning]}
        for konto, saldo in self.bok.saldo(index).items():
            place = self.plan.placering(konto)
            if place is not None and place[0] == räkning:
                out[place[1]] += saldo * self.tecken(räkning, place[1])
        return out

    def konton_på(self, räkning: str, key: str) -> set[str]:
        known = set(self.bok.konton).union(*(self.bok.saldo(y) for y in self.index))
        return {k for k in known if self.plan.placering(k) == (räkning, key)}

    def notrad(self, note: Not, rad: Any, index: int) -> Decimal:
        lines = [self.layout.avser(n) for n in note.avser]
        sign = self.tecken(*lines[0]) * (-1 if note.omvänt_tecken else 1)  # type: ignore[misc]
        accounts = set().union(*(self.konton_på(r, k) for r, k in lines if (r, k)))  # type: ignore[misc]
        if rad.konton is not None:
            accounts = {k for k in accounts | set(self.bok.saldo(index))
                        if any(r.tar(k) for r in rad.konton)}
        if rad.projekt is None:
            saldo = self.bok.saldo(index)
            return sign * sum((saldo.get(k, Decimal(0)) for k in accounts), Decimal(0))
        total = Decimal(0)
        for (dim, obj), per_account in self.bok.objektsaldo.get(index, {}).items():
            if dim == self.plan.budgetdimension and obj.isdigit() and any(
                    r.tar(obj) and len(obj) == len(r.text.split("-")[0]) for r in rad.projekt):
                total += sum((v for k, v in per_account.items() if k in accounts), Decimal(0))
        return sign * total


def _parts(upp: Uppställning, betydelse: str) -> set[str]:
    """Every line that adds up to the line meaning *betydelse*, itself included."""
    out: set[str] = set()
    todo = [r.key for r in upp.med_betydelse(betydelse)]
    while todo:
        key = todo.pop()
        if key in out:
            continue
        out.add(key)
        rad = upp.rad(key)
        todo.extend(rad.delar if rad is not None else ())
    return out


def _stated_year(eko_raw: dict[str, Any], nyckel: str, år: int) -> dict[str, Any] | None:
    years = eko_raw.get(nyckel)
    values = years.get(år) if isinstance(years, dict) else None
    return values if isinstance(values, dict) else None


def _published(values: dict[str, Any] | None) -> bool:
    """Last year's column as the YAML states it: figures, no gaps (a published report)."""
    if not values:
        return False
    figures = [v for v in values.values() if not isinstance(v, str)]  # a word is no figure
    return bool(figures) and all(v is not None for v in figures)


def _statement(plan: Plan, räknare: _Räknare, eko_raw: dict[str, Any], räkning: str) -> None:
    upp = räknare.layout.räkning(räkning)
    for index in räknare.index:
        år = räknare.år(index)
        stated = _stated_year(eko_raw, upp.yaml_nyckel, år)
        amounts = räknare.rader(räkning, index)
        grupp = f"{BESTÄMD[räkning]} {år}"
        for key, amount in amounts.items():
            rad = upp.rad(key)
            assert rad is not None
            new = hela_kronor(amount)
            old = (stated or {}).get(key)
            if rad.slag is Radslag.HÄRLEDD:
                _derived(plan, räknare, räkning, key, index, new)
                continue
            if index < 0 and _published(stated):
                if (old if isinstance(old, int) else 0) != new:
                    plan.fynd.append(Finding(
                        Location(plan.yaml), f"{grupp.capitalize()}, {gemen(rad.text)}: "
                        f"bokföringen ger {kr(new)}, rapportens jämförelseår {kr(old or 0)}; "
                        "jämförelseåret är förra årets rapport och ändras inte",
                        Severity.WARNING, rule="import.jämförelseår"))
                continue
            if index < 0 and stated and key in stated and old is not None:
                continue
            if new == old or (new == 0 and key not in (stated or {})):
                continue
            plan.ändringar.append(Ändring(grupp, ("ekonomi", upp.yaml_nyckel, år, key), old, new,
                                          gemen(rad.text)))


def _derived(plan: Plan, räknare: _Räknare, räkning: str, key: str, index: int, new: int) -> None:
    """Accounts on a computed line (årets resultat booked in the balance sheet): compared."""
    if not new:
        return
    rr = räknare.rader("resultaträkning", index)
    expected = _evaluate(räknare.layout.resultaträkning, {k: hela_kronor(v) for k, v in rr.items()},
                         "årets_resultat")
    år = räknare.år(index)
    if expected != new:
        plan.fynd.append(Finding(Location(plan.export), f"{BESTÄMD[räkning].capitalize()} {år}, "
                                 f"{key.replace('_', ' ')}: det bokförda {kr(new)} är inte "
                                 f"resultaträkningens {kr(expected)}", Severity.WARNING,
                                 rule="import.årets_resultat"))


def _evaluate(upp: Uppställning, posts: dict[str, int], betydelse: str) -> int:
    def value(key: str) -> int:
        rad = upp.rad(key)
        if rad is not None and rad.delar:
            return sum(value(p) for p in rad.delar)
        return posts.get(key, 0)

    return sum(value(r.key) for r in upp.med_betydelse(betydelse))


def _notes(plan: Plan, räknare: _Räknare, eko_raw: dict[str, Any]) -> None:
    found = eko_raw.get("noter")
    notes: list[Any] = found if isinstance(found, list) else []
    by_title = {str(n.get("rubrik", "")).casefold(): i for i, n in enumerate(notes)
                if isinstance(n, dict)}
    new_index = len(notes)
    for mall in räknare.plan.noter:
        index = by_title.get(mall.rubrik.casefold())
        amounts = {räknare.år(i): [hela_kronor(räknare.notrad(mall, rad, i)) for rad in mall.rader]
                   for i in räknare.index}
        grupp = f"noten {mall.rubrik}"
        if index is None:
            rows = [{"text": rad.text, "belopp": {y: amounts[y][j] for y in amounts},
                     **({"medlemsbidrag": True} if rad.medlemsbidrag else {}),
                     **({"kostnadsslag": rad.kostnadsslag} if rad.kostnadsslag else {})}
                    for j, rad in enumerate(mall.rader)]
            value = {"rubrik": mall.rubrik, "avser": list(mall.avser),
                     **({"omvänt_tecken": True} if mall.omvänt_tecken else {}), "rader": rows}
            plan.ändringar.append(Ändring(grupp, ("ekonomi", "noter", new_index), None, value,
                                          "ny not"))
            new_index += 1
            continue
        given = notes[index].get("rader")
        rows_raw: list[Any] = given if isinstance(given, list) else []
        found = dict(_rows_by_text(rows_raw, ("ekonomi", "noter", index, "rader")))
        appended = len(rows_raw)
        for j, rad in enumerate(mall.rader):
            hit = found.get(rad.text.casefold())
            if hit is None:
                value = {"text": rad.text, "belopp": {y: amounts[y][j] for y in amounts}}
                plan.ändringar.append(Ändring(grupp, ("ekonomi", "noter", index, "rader", appended),
                                              None, value, f"ny rad {rad.text}"))
                appended += 1
                continue
            path, row = hit
            stated = row.get("belopp")
            belopp: dict[Any, Any] = stated if isinstance(stated, dict) else {}
            for år, values in amounts.items():
                old = belopp.get(år)
                if år < räknare.year and old is not None:
                    if old != values[j]:
                        plan.fynd.append(Finding(Location(plan.yaml), f"Noten {mall.rubrik}, "
                                                 f"{gemen(rad.text)} {år}: bokföringen ger "
                                                 f"{kr(values[j])}, rapportens jämförelseår "
                                                 f"{kr(old)}; jämförelseåret ändras inte",
                                                 Severity.WARNING, rule="import.jämförelseår"))
                    continue
                if old != values[j]:
                    plan.ändringar.append(Ändring(grupp, (*path, "belopp", år), old, values[j],
                                                  f"{gemen(rad.text)} {år}", flow=True))


def _rows_by_text(rows: list[Any], path: PathKey) -> Iterator[tuple[str, tuple[PathKey, dict[str, Any]]]]:
    for j, row in enumerate(rows):
        if not isinstance(row, dict):
            continue
        if isinstance(row.get("rader"), list):
            yield from _rows_by_text(row["rader"], (*path, j, "rader"))
        elif isinstance(row.get("text"), str):
            yield row["text"].casefold(), ((*path, j), row)


def _opening_balance(plan: Plan, räknare: _Räknare, eko_raw: dict[str, Any]) -> None:
    """The balance at the start of the comparison year, for its cash flow, where the YAML has none."""
    if eko_raw.get("ingående_balans") is not None or -1 not in räknare.bok.ib:
        return
    br = räknare.layout.balansräkning
    opening: dict[str, Decimal] = {}
    for konto, saldo in räknare.bok.ib[-1].items():
        place = räknare.plan.placering(konto)
        if place is None or place[0] != "balansräkning":
            continue
        rad = br.rad(place[1])
        if rad is not None and rad.betydelse:
            opening[rad.betydelse] = opening.get(rad.betydelse, Decimal(0)) + \
                saldo * räknare.tecken("balansräkning", place[1])
    value = {k: hela_kronor(opening.get(k, Decimal(0)))
             for k in ("fordringar", "kortfristiga_skulder", "likvida_medel", "avsättningar")}
    if not value["avsättningar"]:
        del value["avsättningar"]
    plan.ändringar.append(Ändring(f"ingående balans {räknare.year - 2}-12-31",
                                  ("ekonomi", "ingående_balans"), None, value,
                                  "för jämförelseårets kassaflödesanalys"))


__all__ = ["Plan", "Ändring", "plan_import", "varning"]

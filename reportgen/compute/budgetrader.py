"""A budget table's lines and groups, as declared (reportgen/schema/budget.py): what each
line's figure is (`bidrag`: its parts, of which kind of the resultaträkning, where the YAML
states it) and the tree of lines and groups a table adds up (`Post`, `Grupp`; today's
`budget.rader` grouped by slag: `standard_rader`).

Read by the engine that computes the tables (reportgen/compute/budget.py) and by the checks
(reportgen/checks/relationer_budget.py), which need no more than this.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from reportgen.load import PathKey
from reportgen.schema.budget import (
    Budget,
    Budgetgrupp,
    Budgetpost,
    Budgetrad,
    Budgetslag,
    Budgettabell,
    Delbelopp,
)

# Today's groups in today's order, with default heading and sum line.
GRUPPER: dict[Budgetslag, tuple[str, str]] = {
    Budgetslag.intäkter: ("Intäkter", "Summa intäkter"),
    Budgetslag.administration: ("Administration", "Summa administrationskostnader"),
    Budgetslag.individinriktade: ("Deltagarinsatser", "Summa deltagarinsatser"),
    Budgetslag.strukturövergripande: (
        "Strukturövergripande insatser",
        "Summa strukturövergripande insatser",
    ),
    Budgetslag.kostnader: ("Övriga kostnader", "Summa övriga kostnader"),
    Budgetslag.finansiella: ("Finansiella poster", "Summa finansiella poster"),
}
KOSTNADSSLAG = frozenset({Budgetslag.administration, Budgetslag.individinriktade,
                          Budgetslag.strukturövergripande, Budgetslag.kostnader})

# The resultaträkning's kinds a budget line can be, and the meanings each adds up.
SLAGEN = ("intäkter", "kostnader", "finansiella")
RR_BETYDELSER: dict[str, tuple[str, ...]] = {
    "intäkter": ("verksamhetens_intäkter",),
    "kostnader": ("verksamhetens_kostnader", "avskrivningar"),
    "finansiella": ("finansiella_intäkter", "finansiella_kostnader"),
}
# Which year a figure is of: the report year, or the year before.
ÅRSFÖRSKJUTNING = {"utfall_föregående_år": -1}
JÄMFÖRS = ("utfall", "utfall_föregående_år")  # the figures compared with the resultaträkning


def rr_slag(slag: Budgetslag | None) -> str | None:
    if slag is None:
        return None
    if slag is Budgetslag.intäkter:
        return "intäkter"
    return "finansiella" if slag is Budgetslag.finansiella else "kostnader"


# -- a line's figures ------------------------------------------------------------------------


@dataclass(frozen=True)
class Bidrag:
    """A part of a line's figure: what kind of the resultaträkning it is, how much, where."""

    slag: str  # intäkter | kostnader | finansiella
    belopp: int
    plats: PathKey | None  # None: not stated (0)
    del_: str  # intäkt | kostnad | netto (a figure that is not split)


def _stated(rad: Budgetrad, mått: str) -> tuple[int | Delbelopp, str] | None:
    """The line's figure *mått* and the key it is written under (periodbudget defaults to
    the årsbudget), or None when not stated."""
    value = getattr(rad, mått)
    if value is None and mått == "periodbudget":
        value, mått = rad.årsbudget, "årsbudget"
    if value is None:  # not stated, or a gap still to fill in
        return None
    return value, mått


# The figures a line may leave to fill in (`Ifyllnad` in the schema); a prognos has no
# default, so a line without one in a table that shows the forecast has none either.
LUCKMÅTT = ("årsbudget", "utfall", "prognos")


def saknas(rad: Budgetrad, mått: str) -> bool:
    """The line's figure *mått* is still to fill in (a gap, `utfall:`, or no prognos): its
    cells and the sums and differences made with it wait (`lucka` reports it)."""
    if mått == "periodbudget" and rad.periodbudget is None:
        mått = "årsbudget"
    return mått in LUCKMÅTT and getattr(rad, mått) is None


def radens_slag(rad: Budgetrad) -> str:
    """The kind of a line that is not split: its slag, else by the sign of its figures."""
    kind = rr_slag(rad.slag)
    if kind is not None:
        return kind
    for mått in ("utfall", "årsbudget", "utfall_föregående_år", "prognos"):
        value = getattr(rad, mått)
        if isinstance(value, int) and value:
            return "intäkter" if value > 0 else "kostnader"
    return "kostnader"


def bidrag(rad: Budgetrad, path: PathKey, mått: str) -> tuple[Bidrag, ...]:
    """The line's figure *mått* as parts of the resultaträkning's kinds."""
    stated = _stated(rad, mått)
    if stated is None:
        return (Bidrag(radens_slag(rad), 0, None, "netto"),)
    value, key = stated
    if isinstance(value, int):
        return (Bidrag(radens_slag(rad), value, (*path, key), "netto"),)
    fin = rad.slag is Budgetslag.finansiella
    return (Bidrag("finansiella" if fin else "intäkter", value.intäkt, (*path, key, "intäkt"),
                   "intäkt"),
            Bidrag("finansiella" if fin else "kostnader", value.kostnad,
                   (*path, key, "kostnad"), "kostnad"))


def del_belopp(rad: Budgetrad, mått: str, del_: str) -> int:
    """The line's figure *mått*, its part *del_* (intäkt, kostnad or netto), kronor."""
    parts = bidrag(rad, (), mått)
    if del_ == "netto":
        return sum(p.belopp for p in parts)
    if len(parts) == 1:  # a figure not split: its sign says which part it is
        value = parts[0].belopp
        return value if (value > 0) == (del_ == "intäkt") else 0
    return next(p.belopp for p in parts if p.del_ == del_)


def radens_slag_i(rad: Budgetrad, mått: str, del_: str) -> frozenset[str]:
    """The kinds the line's figure in column (mått, del_) is of, if it is not 0."""
    parts = [p for p in bidrag(rad, (), mått) if p.belopp
             and (del_ == "netto" or p.del_ in (del_, "netto"))]
    return frozenset(p.slag for p in parts)


# -- the table as declared ---------------------------------------------------------------


@dataclass(frozen=True)
class Post:
    rad: Budgetrad
    path: PathKey
    visas: bool = True  # False: summed but not printed (today's driftredovisning)


@dataclass(frozen=True)
class Grupp:
    rubrik: str | None  # its heading row (None: none)
    delar: tuple[Post | Grupp, ...]
    summarad: str | None  # its sum line (None: none)
    path: PathKey | None  # in the YAML (None: made from budget.rader)
    summa: dict[str, int] = field(default_factory=dict)  # stated sums by column
    förklaring: tuple[PathKey, str] | None = None
    key: str | None = None  # today's groups: the slag's value

    def poster(self) -> Iterator[Post]:
        for d in self.delar:
            if isinstance(d, Post):
                yield d
            else:
                yield from d.poster()

    def summerade(self) -> tuple[Post | Grupp, ...]:
        """Its parts as they add up to its sum: a group without a sum line counts its parts."""
        out: list[Post | Grupp] = []
        for d in self.delar:
            out.extend(d.summerade() if isinstance(d, Grupp) and d.summarad is None else (d,))
        return tuple(out)


def _post_eller_grupp(post: Budgetpost, path: PathKey) -> Post | Grupp:
    if isinstance(post, Budgetgrupp):
        förklaring = (((*path, "förklaring"), post.förklaring)
                      if post.förklaring is not None else None)
        return Grupp(post.grupp,
                     tuple(_post_eller_grupp(p, (*path, "rader", j))
                           for j, p in enumerate(post.rader)),
                     post.summarad if post.visa_summa else None, path,
                     dict(post.summa or {}), förklaring)
    return Post(post, path)


def egna_rader(tabell: Budgettabell, path: PathKey) -> tuple[Post | Grupp, ...]:
    assert tabell.rader is not None
    return tuple(_post_eller_grupp(p, (*path, "rader", j)) for j, p in enumerate(tabell.rader))


def _grupprubrik(budget: Budget, slag: Budgetslag) -> tuple[str, str]:
    own = budget.rubriker.get(slag)
    if own is None:
        return GRUPPER[slag]
    return own, f"Summa {own[:1].lower()}{own[1:]}"


def standard_rader(budget: Budget) -> tuple[Post | Grupp, ...]:
    """Today's sammanställning from budget.rader: Intäkter, Kostnader (the cost groups, each
    with its sum, then Totala kostnader), Finansiella poster; groups without lines left out."""
    assert budget.rader is not None
    lines = [(Post(rad, ("budget", "rader", i)), rad.slag) for i, rad in enumerate(budget.rader)]

    def grupp(slag: Budgetslag) -> Grupp | None:
        poster = tuple(p for p, s in lines if s is slag)
        if not poster:
            return None
        rubrik, summarad = _grupprubrik(budget, slag)
        förklaring = budget.gruppförklaringar.get(slag)
        return Grupp(rubrik, poster, summarad, None, key=slag.value,
                     förklaring=None if förklaring is None else (
                         ("budget", "gruppförklaringar", slag.value), förklaring))

    out: list[Post | Grupp] = []
    intäkter = grupp(Budgetslag.intäkter)
    if intäkter is not None:
        out.append(intäkter)
    kostnader = tuple(g for s in GRUPPER if s in KOSTNADSSLAG and (g := grupp(s)) is not None)
    if kostnader:
        out.append(Grupp("Kostnader", kostnader, "Totala kostnader", None,
                         key="totala_kostnader"))
    finansiella = grupp(Budgetslag.finansiella)
    if finansiella is not None:
        out.append(finansiella)
    return tuple(out)


def prognostabeller(budget: Budget) -> Iterator[tuple[str, Grupp]]:
    """The tables that show the forecast (a column of prognos or avvikelse_prognos), each
    with the lines it adds up (its own rows, or budget.rader)."""
    for namn in budget.tabeller:
        spec = budget.tabell(namn)
        if spec is None or not any(
                (k if isinstance(k, str) else k.kolumn).partition(".")[0]
                in ("prognos", "avvikelse_prognos") for k in spec.kolumner or ()):
            continue
        if spec.rader is not None:
            yield namn, Grupp(None, egna_rader(spec, ("budget", namn)), None, None)
        elif budget.rader is not None:
            yield namn, Grupp(None, standard_rader(budget), None, None)

"""Name the figure that is wrong, once (issue 11, item 8).

When changing one stated figure by one amount makes every failing relation it takes part
in hold (reportgen/checks/relationer.py), and breaks none that holds, that figure explains
them. `check` then reports one finding at it, naming what it spoils, instead of one finding
per spoiled total at places that are right. Where several figures explain the same
relations equally, the finding says so and names each (of figures that fit, one whose
right amount would have the sign its line does not have by its kind is passed over); a
single failing relation that several figures could explain, or none, is reported where it
is checked.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from reportgen.checks.meddelanden import kr, meddelande_kr, uppräkning
from reportgen.checks.relationer import Relation, Relationer, Siffra
from reportgen.findings import Finding
from reportgen.load import PathKey
from reportgen.schema.uppstallning import gemen


@dataclass(frozen=True)
class Förklaring:
    """Relations that fail, explained by one figure changed by *ändring*, or equally by each
    of several."""

    relationer: tuple[int, ...]  # indices into Relationer.alla, in order
    siffror: tuple[tuple[PathKey, int], ...]  # (figure, the change that makes them hold)


def förklaringar(relationer: tuple[Relation, ...], siffror: Mapping[PathKey, Siffra],
                 ) -> tuple[list[int], list[Förklaring]]:
    """The failing relations, and the explanations found for them.

    A copy of a figure in another table (`Relation.kopia`) that disagrees with it does not
    keep the figure from explaining the rest; it is explained too when the change makes it
    agree. Copies alone explain nothing: where only copies disagree, each is reported at
    itself (and compared with the figures named wrong, as corrected).
    """
    failing = [i for i, r in enumerate(relationer) if not r.håller(siffror)]
    failing_set = set(failing)
    sides = {i: (r.vänster.värde(siffror), r.höger.värde(siffror))
             for i, r in enumerate(relationer) if r.villkor is None}
    rest = {i: v - h for i, (v, h) in sides.items()}
    containing: dict[PathKey, list[int]] = {}
    for i in rest:
        for plats in relationer[i].termer:
            containing.setdefault(plats, []).append(i)

    def holds_after(j: int, plats: PathKey, change: int) -> bool:
        r, (v, h) = relationer[j], sides[j]
        return r.stämmer(v + r.vänster.termer.get(plats, 0) * change,
                         h + r.höger.termer.get(plats, 0) * change)

    by_set: dict[frozenset[int], list[tuple[PathKey, int]]] = {}
    tried: set[PathKey] = set()
    for i in failing:
        if i not in rest:
            continue
        for plats, c in relationer[i].termer.items():
            if plats in tried:
                continue
            tried.add(plats)
            if rest[i] % c:
                continue
            change = -rest[i] // c
            after = {j: holds_after(j, plats, change) for j in containing[plats]}
            if not all(ok for j, ok in after.items() if not relationer[j].kopia):
                continue
            explained = frozenset(j for j, ok in after.items() if ok and j in failing_set)
            if not explained or all(relationer[j].kopia for j in explained):
                continue
            by_set.setdefault(explained, []).append((plats, change))
    out: list[Förklaring] = []
    done: set[int] = set()
    for explained in sorted(by_set, key=lambda s: (-len(s), min(s))):
        candidates = by_set[explained]
        # Of figures that fit equally, one whose right amount would have the sign its line
        # does not have by its kind (a receivable of -10 kr) is not the likely one.
        plausible = [(p, d) for p, d in candidates if siffror[p].rimlig(siffror[p].belopp + d)]
        candidates = plausible or candidates
        if explained & done or (len(explained) == 1 and len(candidates) > 1):
            continue
        out.append(Förklaring(tuple(sorted(explained)), tuple(candidates)))
        done |= explained
    return failing, out


ANTAL = {2: "två", 3: "tre", 4: "fyra", 5: "fem"}

# Where a finding is, what it says, its rule (and the figure it should be) → the finding
# (Kontext.fynd).
Fynd = Callable[..., Finding]


def diagnos(rel: Relationer, fynd: Fynd) -> dict[str, list[Finding]]:
    """Every finding of the relations, by rule id, in the order of the relations."""
    relationer, siffror = rel.alla, rel.siffror
    failing, explanations = förklaringar(relationer, siffror)
    instead: dict[int, Finding] = {}
    silenced: set[int] = set()
    for förklaring in explanations:
        indices = förklaring.relationer
        silenced.update(indices)
        if len(förklaring.siffror) == 1:
            plats, change = förklaring.siffror[0]
            own = next((i for i in indices if relationer[i].subjekt == plats), None)
            if own is not None:  # the figure a relation checks: that relation's finding
                instead[own] = _fynd(fynd, relationer[own], siffror)
                continue
            figure = siffror[plats]
            names = uppräkning([relationer[i].namn for i in indices])
            message = meddelande_kr(figure.namn, figure.belopp, figure.belopp + change,
                                    f"då stämmer {names}")
            instead[indices[0]] = fynd(plats, message, relationer[indices[0]].regel,
                                       förväntat=figure.belopp + change,
                                       angivet=figure.belopp)
        else:
            first = förklaring.siffror[0][0]
            names = uppräkning([relationer[i].namn for i in indices])
            either = " eller ".join(
                f"{gemen(siffror[p].namn)} ska vara {kr(siffror[p].belopp + d)}, inte "
                f"{kr(siffror[p].belopp)}" for p, d in förklaring.siffror)
            count = len(förklaring.siffror)
            message = (f"{names[:1].upper()}{names[1:]} stämmer inte; en fel siffra förklarar "
                       f"det, men {ANTAL.get(count, str(count))} siffror lika väl: {either}")
            instead[indices[0]] = fynd(first, message, relationer[indices[0]].regel)
    rättade = _rättade(explanations, siffror)
    out: dict[str, list[Finding]] = {}
    for i in failing:
        relation = relationer[i]
        if i in instead:
            out.setdefault(relation.regel, []).append(instead[i])
        elif i in silenced:
            continue
        elif relation.kopia and rättade.keys() & relation.höger.termer.keys():
            finding = _fynd_rättad(fynd, relation, siffror, rättade)
            if finding is not None:
                out.setdefault(relation.regel, []).append(finding)
        else:
            out.setdefault(relation.regel, []).append(_fynd(fynd, relation, siffror))
    return out


def _rättade(explanations: list[Förklaring], siffror: Mapping[PathKey, Siffra],
             ) -> dict[PathKey, Siffra]:
    """The figures named as wrong (one figure per explanation), with their right amounts."""
    out = {}
    for förklaring in explanations:
        if len(förklaring.siffror) == 1:
            plats, change = förklaring.siffror[0]
            figure = siffror[plats]
            out[plats] = Siffra(plats, figure.namn, figure.belopp + change, figure.tecken)
    return out


def _fynd_rättad(fynd: Fynd, relation: Relation, siffror: Mapping[PathKey, Siffra],
                 rättade: Mapping[PathKey, Siffra]) -> Finding | None:
    """A copy that disagrees with its original, compared with the original as corrected by
    the finding at it (so the copy's message gives the right figure); None when the copy
    agrees with the corrected original."""
    corrected = {**siffror, **rättade}
    v, h = relation.vänster.värde(corrected), relation.höger.värde(corrected)
    if relation.stämmer(v, h):
        return None
    used = [rättade[p] for p in relation.höger.termer if p in rättade]
    how = uppräkning([f"{gemen(s.namn)} rättad till {kr(s.belopp)}" for s in used])
    return fynd(relation.plats, f"{relation.text(v, h)}; räknat med {how}", relation.regel)


def _fynd(fynd: Fynd, relation: Relation, siffror: Mapping[PathKey, Siffra]) -> Finding:
    left, right = relation.vänster.värde(siffror), relation.höger.värde(siffror)
    # A relation that checks a stated figure (its subject) says what that figure should be.
    own = relation.subjekt is not None and relation.subjekt == relation.plats
    return fynd(relation.plats, relation.text(left, right), relation.regel,
                förväntat=right if own else None, angivet=left if own else None)

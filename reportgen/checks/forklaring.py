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
    """The failing relations, and the explanations found for them."""
    failing = [i for i, r in enumerate(relationer) if not r.håller(siffror)]
    failing_set = set(failing)
    rest = {i: relationer[i].rest(siffror) for i in range(len(relationer))
            if relationer[i].villkor is None}
    containing: dict[PathKey, list[int]] = {}
    for i in rest:
        for plats in relationer[i].termer:
            containing.setdefault(plats, []).append(i)
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
            if all(abs(rest[j] + relationer[j].termer[plats] * change) <= relationer[j].tolerans
                   for j in containing[plats]):
                explained = frozenset(j for j in containing[plats] if j in failing_set)
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
    out: dict[str, list[Finding]] = {}
    for i in failing:
        relation = relationer[i]
        if i in instead:
            out.setdefault(relation.regel, []).append(instead[i])
        elif i not in silenced:
            out.setdefault(relation.regel, []).append(_fynd(fynd, relation, siffror))
    return out


def _fynd(fynd: Fynd, relation: Relation, siffror: Mapping[PathKey, Siffra]) -> Finding:
    left, right = relation.vänster.värde(siffror), relation.höger.värde(siffror)
    # A relation that checks a stated figure (its subject) says what that figure should be.
    own = relation.subjekt is not None and relation.subjekt == relation.plats
    return fynd(relation.plats, relation.text(left, right), relation.regel,
                förväntat=right if own else None, angivet=left if own else None)

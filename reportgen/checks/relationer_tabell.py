"""The relations of checked amount tables (`tabell.summa`, rules in reportgen/checks/
tabell.py): a sum a table states = the sum of the rows it adds, as printed (a stated sum it
adds stands for its rows). Compared exactly in the table's unit: in a table in tkr the
printed lines must add up to the printed sum (the rounding policy distributes the
difference to the lines, README "Rounding to tkr"); percentages to the hundredth.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal

from reportgen.checks.meddelanden import skillnad_kr, uppräkning
from reportgen.checks.relationer import NOLL, Relation, Relationer, Uttryck, summa
from reportgen.compute.tabell import delar, tabellblock
from reportgen.fmt import kronor, meddelandetal, tal
from reportgen.load import PathKey
from reportgen.schema.tabell import Tabell

# A percentage is compared in hundredths (the engine's figures are whole numbers).
SKALA = {"kr": 1, "tkr": 1, "%": 100, "antal": 1}


def _text(tabell: Tabell, value: int) -> str:
    """A figure of the table (in hundredths for percentages) with its unit."""
    if tabell.enhet == "%":
        return tal(Decimal(value) / 100, "%")
    if tabell.enhet == "antal":
        return meddelandetal(kronor(value))
    return f"{kronor(value)} {tabell.enhet}"


def relationer(rel: Relationer) -> Iterator[Relation]:
    for path, tabell in tabellblock(rel.indata):
        yield from _tabell(rel, path, tabell)


def _cell(rel: Relationer, path: PathKey, tabell: Tabell, index: int, column: int) -> Uttryck:
    """Row *index*'s value in *column* as printed: stated, or (a sum) its definition."""
    rad = tabell.rader[index]
    value = rad.värden[column] if rad.värden is not None else None
    if value is not None:
        name = f"Tabellen {tabell.rubrik!r}, {rad.etikett} ({tabell.kolumner[column]})"
        return rel.siffra((*path, "rader", index, "värden", column), name,
                          round(value * SKALA[tabell.enhet]))
    if rad.slag == "summa":
        return summa([_cell(rel, path, tabell, j, column) for j in delar(tabell, index)])
    return NOLL


def _tabell(rel: Relationer, path: PathKey, tabell: Tabell) -> Iterator[Relation]:
    for index, rad in enumerate(tabell.rader):
        if rad.slag != "summa" or rad.värden is None:
            continue
        parts = delar(tabell, index)
        names = [tabell.rader[j].etikett for j in parts]
        for column, value in enumerate(rad.värden):
            if value is None:
                continue
            plats: PathKey = (*path, "rader", index, "värden", column)
            left = _cell(rel, path, tabell, index, column)
            right = summa([_cell(rel, path, tabell, j, column) for j in parts])
            vad = f"Tabellen {tabell.rubrik!r}, {rad.etikett} ({tabell.kolumner[column]})"
            yield Relation("tabell.summa", left, right, plats, vad[:1].lower() + vad[1:],
                           _message(tabell, vad, names), subjekt=plats)


def _message(tabell: Tabell, vad: str, names: list[str]) -> Callable[[int, int], str]:
    rounding = ("; i en tabell i tkr ska de avrundade raderna summera till den avrundade "
                "summan (fördela avrundningen på raderna)" if tabell.enhet == "tkr" else "")

    def text(v: int, h: int) -> str:
        diff = v - h
        direction = f"{'högre' if diff > 0 else 'lägre'} än förväntat"
        shown = (f"{tal(Decimal(abs(diff)) / 100, '')} procentenheter {direction}"
                 if tabell.enhet == "%" else f"{abs(diff)} {direction}"
                 if tabell.enhet == "antal" else skillnad_kr(v, h, tabell.enhet))
        parts = uppräkning(names) if len(names) <= 4 else f"{len(names)} rader"
        return (f"{vad}: angivet {_text(tabell, v)}, förväntat {_text(tabell, h)} (summan av "
                f"{parts}); {shown}{rounding}")

    return text

"""The people: the board's and the auditors' tables (in 1.4), and the signatures.

Columns nobody has a value for are left out (a board without "utsedd av", auditors
without a function). The signature lines are the ones `underskrifter` states, in its
order (an ersättare signing for an absent member says so), or else one per ordinary
member and auditor in office at the year end (reportgen/compute/styrelse.py, which the
board rules of `reportgen check` read too).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, TypeVar

from reportgen.compute.styrelse import ledamöter_vid_årets_slut, revisorer_vid_årets_slut
from reportgen.document.model import (
    Block,
    Cell,
    CellKind,
    Heading,
    Row,
    Section,
    Signatory,
    SignatureBlock,
    Table,
)
from reportgen.document.tables import header
from reportgen.fmt import datum
from reportgen.schema.organisation import Revisor, Roll, Signeringssätt, Styrelseplats
from reportgen.wording import DATUMLINJE

if TYPE_CHECKING:
    from reportgen.document.builder import Builder

DASH = "–"
T = TypeVar("T")
ROLE_ORDER = {Roll.ordförande: 0, Roll.vice_ordförande: 1, Roll.ledamot: 2}


def _term(b: Builder, name: str, start: dt.date | None, end: dt.date | None) -> str:
    text = name
    if start:
        text += " " + b.fixed("uppdrag_från", datum=datum(start))
    if end:
        text += " " + b.fixed("uppdrag_till", datum=datum(end))
    return text


@dataclass(frozen=True)
class _Column(Generic[T]):
    header: str  # the fixed text of its heading
    width: int  # relative
    value: Callable[[T], str | None]
    always: bool = False  # printed even where nobody has a value (the name)


def _people_table(b: Builder, table_id: str, caption: str, columns: list[_Column[T]],
                  items: Sequence[T]) -> Table:
    """A table of people, one row per item; a column nobody has a value for is left out,
    and the first column labels its row."""
    shown = [c for c in columns if c.always or any(c.value(i) for i in items)]
    rows = tuple(
        Row(tuple(Cell(c.value(item) or DASH, CellKind.LABEL if k == 0 else CellKind.TEXT)
                  for k, c in enumerate(shown)))
        for item in items
    )
    total = sum(c.width for c in shown)
    year = str(b.indata.rapport.räkenskapsår)
    return Table(table_id, b.fixed(caption, år=year), (header(*(b.fixed(c.header) for c in shown)),),
                 rows, tuple(round(100 * c.width / total) for c in shown))


# -- the tables in 1.4 ---------------------------------------------------------------------------


def styrelse_table(b: Builder) -> Table:
    def ordinarie(seat: Styrelseplats) -> str:
        return "\n".join(
            _term(b, p.namn + (f", {p.roll.value}" if p.roll is not Roll.ledamot else ""),
                  p.från, p.till)
            for p in seat.ordinarie
        )

    def ersättare(seat: Styrelseplats) -> str:
        return "\n".join(_term(b, p.namn, p.från, p.till) for p in seat.ersättare)

    columns: list[_Column[Styrelseplats]] = [
        _Column("kolumn_utsedd_av", 30, lambda seat: seat.utsedd_av),
        _Column("kolumn_ordinarie", 40, ordinarie, always=True),
        _Column("kolumn_ersättare", 30, ersättare),
    ]
    return _people_table(b, "styrelse", "tabell_styrelse", columns, b.indata.styrelse)


def revisorer_table(b: Builder) -> Table | None:
    if not b.indata.revisorer:
        return None
    columns: list[_Column[Revisor]] = [
        _Column("kolumn_utsedd_av", 35, lambda r: r.utsedd_av),
        _Column("kolumn_namn", 25, lambda r: _term(b, r.namn, r.från, r.till), always=True),
        _Column("kolumn_funktion", 40, lambda r: r.funktion),
    ]
    return _people_table(b, "revisorer", "tabell_revisorer", columns, b.indata.revisorer)


def revision_blocks(b: Builder) -> tuple[Block, ...]:
    """The auditors under a heading of their own ("Revision"), not under the board's."""
    text = b.fb_text("revision")
    table = revisorer_table(b)
    if not text and table is None:
        return ()
    return (Heading(3, b.fixed("rubrik_revision")), *text, *([table] if table else []))


def styrning_blocks(b: Builder) -> tuple[Block | Section, ...]:
    """1.4 Styrning och uppföljning: the text, the board, the auditors."""
    return (*b.fb_text("styrning"), styrelse_table(b), *revision_blocks(b))


# -- signatures ----------------------------------------------------------------------------------


def _seat_of(b: Builder, name: str) -> Styrelseplats | None:
    key = name.strip().casefold()
    for seat in b.indata.styrelse:
        names = [p.namn for p in seat.ordinarie] + [p.namn for p in seat.ersättare]
        if any(n.strip().casefold() == key for n in names):
            return seat
    return None


def _appointed(b: Builder, seat: Styrelseplats | None) -> tuple[str, ...]:
    if seat is None or not seat.utsedd_av:
        return ()
    return (b.fixed("underskrift_utsedd_av", utsedd_av=seat.utsedd_av),)


def board_signatories(b: Builder) -> tuple[Signatory, ...]:
    stated = b.indata.underskrifter.ledamöter
    if stated is None:
        members = sorted(ledamöter_vid_årets_slut(b.indata), key=lambda m: ROLE_ORDER[m[2].roll])
        return tuple(
            Signatory(p.namn, p.roll.value.capitalize(), _appointed(b, b.indata.styrelse[s]))
            for s, _, p in members
        )
    out = []
    for line in stated:
        if line.ersätter:
            role = b.fixed("underskrift_ersättare_för", namn=line.ersätter)
            seat = _seat_of(b, line.ersätter) or _seat_of(b, line.namn)
        else:
            role = line.roll.value.capitalize()
            seat = _seat_of(b, line.namn)
        out.append(Signatory(line.namn, role, _appointed(b, seat)))
    return tuple(out)


def _auditor(b: Builder, name: str) -> Revisor | None:
    key = name.strip().casefold()
    return next((r for r in b.indata.revisorer if r.namn.strip().casefold() == key), None)


def auditor_signatories(b: Builder) -> tuple[Signatory, ...]:
    stated = b.indata.underskrifter.revisorer
    if stated is None:
        return tuple(
            Signatory(r.namn, r.funktion or "", (r.företräder,) if r.företräder else ())
            for r in revisorer_vid_årets_slut(b.indata)
        )
    out = []
    for line in stated:
        known = _auditor(b, line.namn)
        function = line.funktion or (known.funktion if known else None) or ""
        represents = line.företräder or (known.företräder if known else None)
        out.append(Signatory(line.namn, function, (represents,) if represents else ()))
    return tuple(out)


def _dating(b: Builder) -> str:
    u = b.indata.underskrifter
    if u.sätt is Signeringssätt.digital:
        return b.fixed("digital_datering")
    place = u.ort or b.indata.förbund.säte or ""
    when = datum(u.datum) if u.datum else DATUMLINJE
    return b.fixed("ort_och_datum", ort=place, datum=when).strip()


def _signatures(b: Builder, people: tuple[Signatory, ...], title: str | None,
                statement: str) -> tuple[SignatureBlock, ...]:
    if not people:
        return ()
    digital = b.indata.underskrifter.sätt is Signeringssätt.digital
    return (SignatureBlock(title, b.fixed(statement).strip(), people, digital, _dating(b)),)


def board_signatures(b: Builder, titled: bool) -> tuple[SignatureBlock, ...]:
    title = b.fixed("underskrift_styrelsen") if titled else None
    return _signatures(b, board_signatories(b), title, "intygande")


def auditor_signatures(b: Builder, titled: bool) -> tuple[SignatureBlock, ...]:
    title = b.fixed("underskrift_revisorer") if titled else None
    return _signatures(b, auditor_signatories(b), title, "revisorernas_intygande")


def underskrifter_blocks(b: Builder) -> tuple[Block, ...]:
    """The board's and the auditors' signatures in one section, each under its title."""
    return (*board_signatures(b, titled=True), *auditor_signatures(b, titled=True))


def styrelsens_underskrifter_blocks(b: Builder) -> tuple[Block, ...]:
    return board_signatures(b, titled=False)


def revisorernas_underskrifter_blocks(b: Builder) -> tuple[Block, ...]:
    return auditor_signatures(b, titled=False)

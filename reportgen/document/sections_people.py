"""The people: the board's and the auditors' tables (in 1.4), and the signatures.

Columns nobody has a value for are left out (a board without "utsedd av", auditors
without a function). The signature lines are the ones `underskrifter` states, in its
order (an ersättare signing for an absent member says so), or else one per ordinary
member and auditor in office at the year end (reportgen/compute/styrelse.py, which the
board rules of `reportgen check` read too).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

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
ROLE_ORDER = {Roll.ordförande: 0, Roll.vice_ordförande: 1, Roll.ledamot: 2}


def _term(b: Builder, name: str, start: dt.date | None, end: dt.date | None) -> str:
    text = name
    if start:
        text += " " + b.fixed("uppdrag_från", datum=datum(start))
    if end:
        text += " " + b.fixed("uppdrag_till", datum=datum(end))
    return text


def _widths(columns: list[str], wanted: dict[str, int]) -> tuple[int, ...]:
    total = sum(wanted[c] for c in columns)
    return tuple(round(100 * wanted[c] / total) for c in columns)


# -- the tables in 1.4 ---------------------------------------------------------------------------


def styrelse_table(b: Builder) -> Table:
    seats = b.indata.styrelse
    with_by = any(seat.utsedd_av for seat in seats)
    with_substitutes = any(seat.ersättare for seat in seats)
    rows = []
    for seat in seats:
        ordinarie = "\n".join(
            _term(b, p.namn + (f", {p.roll.value}" if p.roll is not Roll.ledamot else ""),
                  p.från, p.till)
            for p in seat.ordinarie
        )
        cells = []
        if with_by:
            cells.append(Cell(seat.utsedd_av or DASH, CellKind.LABEL))
        cells.append(Cell(ordinarie, CellKind.TEXT if with_by else CellKind.LABEL))
        if with_substitutes:
            ersättare = "\n".join(_term(b, p.namn, p.från, p.till) for p in seat.ersättare)
            cells.append(Cell(ersättare or DASH))
        rows.append(Row(tuple(cells)))
    columns = [*(["by"] if with_by else []), "ordinarie",
               *(["ersättare"] if with_substitutes else [])]
    titles = {"by": b.fixed("kolumn_utsedd_av"), "ordinarie": b.fixed("kolumn_ordinarie"),
              "ersättare": b.fixed("kolumn_ersättare")}
    year = str(b.indata.rapport.räkenskapsår)
    return Table("styrelse", b.fixed("tabell_styrelse", år=year),
                 (header(*(titles[c] for c in columns)),), tuple(rows),
                 _widths(columns, {"by": 30, "ordinarie": 40, "ersättare": 30}))


def revisorer_table(b: Builder) -> Table | None:
    auditors = b.indata.revisorer
    if not auditors:
        return None
    with_by = any(r.utsedd_av for r in auditors)
    with_function = any(r.funktion for r in auditors)
    rows = []
    for r in auditors:
        cells = []
        if with_by:
            cells.append(Cell(r.utsedd_av or DASH, CellKind.LABEL))
        cells.append(Cell(_term(b, r.namn, r.från, r.till),
                          CellKind.TEXT if with_by else CellKind.LABEL))
        if with_function:
            cells.append(Cell(r.funktion or DASH))
        rows.append(Row(tuple(cells)))
    columns = [*(["by"] if with_by else []), "namn", *(["funktion"] if with_function else [])]
    titles = {"by": b.fixed("kolumn_utsedd_av"), "namn": b.fixed("kolumn_namn"),
              "funktion": b.fixed("kolumn_funktion")}
    year = str(b.indata.rapport.räkenskapsår)
    return Table("revisorer", b.fixed("tabell_revisorer", år=year),
                 (header(*(titles[c] for c in columns)),), tuple(rows),
                 _widths(columns, {"by": 35, "namn": 25, "funktion": 40}))


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


def board_signatures(b: Builder, titled: bool) -> tuple[SignatureBlock, ...]:
    people = board_signatories(b)
    if not people:
        return ()
    digital = b.indata.underskrifter.sätt is Signeringssätt.digital
    title = b.fixed("underskrift_styrelsen") if titled else None
    return (SignatureBlock(title, b.fixed("intygande").strip(), people, digital, _dating(b)),)


def auditor_signatures(b: Builder, titled: bool) -> tuple[SignatureBlock, ...]:
    people = auditor_signatories(b)
    if not people:
        return ()
    digital = b.indata.underskrifter.sätt is Signeringssätt.digital
    title = b.fixed("underskrift_revisorer") if titled else None
    return (SignatureBlock(title, b.fixed("revisorernas_intygande").strip(), people, digital,
                           _dating(b)),)


def underskrifter_blocks(b: Builder) -> tuple[Block, ...]:
    """The board's and the auditors' signatures in one section, each under its title."""
    return (*board_signatures(b, titled=True), *auditor_signatures(b, titled=True))


def styrelsens_underskrifter_blocks(b: Builder) -> tuple[Block, ...]:
    return board_signatures(b, titled=False)


def revisorernas_underskrifter_blocks(b: Builder) -> tuple[Block, ...]:
    return auditor_signatures(b, titled=False)

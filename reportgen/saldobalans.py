"""Read a trial balance (saldobalans) saved from Excel, as XLSX or CSV, into a `Bokföring`.

One row per account (or per account and project): the account number, its name and its
amount, debit positive and credit negative as the bookkeeping writes them (the closing
balance of a balance account, the year's result of a result account). The columns are
found by their headings, in the first rows of the first sheet:

| column | headings it may have |
|---|---|
| account | Konto, Kontonr, Kontonummer |
| name | Namn, Benämning, Kontonamn, Text |
| amount | Belopp, Saldo, Utgående saldo, Utgående balans, UB |
| opening balance (optional) | Ingående balans, Ingående saldo, IB |
| project (optional) | Projekt, Objekt |

Rows without an account number (headings, sums) are passed over. A cell above the headings
that names the year ("Räkenskapsår 2023", "Period 2023-01-01 – 2023-12-31") says which
year the balance is for; without one it is taken to be the report's year. The last date such
a cell names is the day the balances reach (a delårsrapport's period end).

A CSV file is UTF-8 or, as Excel saves "CSV (semikolonavgränsad)", Windows-1252, separated
by semicolons, commas or tabs; amounts may have a decimal comma and spaces between
thousands. Both are read within the limits of reportgen/limits.py (an XLSX file is a ZIP
archive: what it unpacks to is checked before it is opened).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from reportgen.bokforing import Bokföring, Konto, Räkenskapsår, är_balanskonto
from reportgen.findings import Finding, Location, UserError, error_at
from reportgen.limits import BELOPP_MAX, BOOKKEEPING_BYTES, TRIAL_BALANCE_ROWS, XLSX_UNPACKED_BYTES, tal
from reportgen.readfile import Unreadable, read_bytes

PROJEKTDIMENSION = "6"  # a trial balance's project column is SIE's dimension 6, projekt

_HEADINGS = {
    "konto": ("konto", "kontonr", "kontonummer", "konto nr"),
    "namn": ("namn", "benämning", "kontonamn", "text", "kontobenämning"),
    "belopp": ("belopp", "saldo", "utgående saldo", "utgående balans", "ub", "utg saldo"),
    "ib": ("ingående balans", "ingående saldo", "ib", "ing saldo"),
    "projekt": ("projekt", "objekt", "projektnummer"),
}
_YEAR = re.compile(r"(?:räkenskapsår|period|år)\D{0,20}((?:19|20)[0-9]{2})", re.IGNORECASE)
_DATE = re.compile(r"\b((?:19|20)[0-9]{2})-([01][0-9])-([0-3][0-9])\b")
_PERIODORD = ("period", "per ", "t.o.m", "till och med", "räkenskapsår")
Row = tuple[int, list[Any]]  # (row number, cells)


def read_trial_balance(path: Path) -> Bokföring:
    """The trial balance at *path* (.xlsx or .csv); raises UserError."""
    try:
        data = read_bytes(path, BOOKKEEPING_BYTES)
    except Unreadable as exc:
        raise error_at(Location(path), f"saldobalansen {exc.problem}", rule="saldobalans.fil") from None
    rows = _xlsx_rows(data, path) if data[:2] == b"PK" else _csv_rows(data, path)
    return _read(rows, path)


def _xlsx_rows(data: bytes, path: Path) -> Iterator[Row]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise error_at(Location(path), "saldobalansen är varken en Excel-fil (.xlsx) som går att "
                       "öppna eller en CSV-fil", rule="saldobalans.fil") from None
    unpacked = sum(info.file_size for info in infos)
    if unpacked > XLSX_UNPACKED_BYTES or len(infos) > 10_000:
        raise error_at(Location(path), "Excel-filen packas upp till mer än reportgen tar emot "
                       f"({unpacked // (1024 * 1024)} MB, högst {XLSX_UNPACKED_BYTES // (1024 * 1024)} MB)",
                       rule="saldobalans.fil")
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - openpyxl raises many kinds on a damaged file
        raise error_at(Location(path), "Excel-filen kan inte läsas (den är skadad eller inte en "
                       "arbetsbok); spara den igen som Excel-arbetsbok (.xlsx) eller som CSV",
                       rule="saldobalans.fil") from None
    try:
        sheet = book.worksheets[0]
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            if number > TRIAL_BALANCE_ROWS:
                raise _too_many(path)
            yield number, list(row)
    finally:
        book.close()


def _csv_rows(data: bytes, path: Path) -> Iterator[Row]:
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max(";,\t", key=first.count)
    for number, row in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), start=1):
        if number > TRIAL_BALANCE_ROWS:
            raise _too_many(path)
        yield number, list(row)


def _too_many(path: Path) -> UserError:
    return error_at(Location(path), f"saldobalansen har fler än {tal(TRIAL_BALANCE_ROWS)} rader",
                    rule="saldobalans.fil")


def _heading(cell: Any) -> str:
    return " ".join(str(cell).strip().lower().replace(":", "").split()) if cell is not None else ""


def _read(rows: Iterator[Row], path: Path) -> Bokföring:
    bok = Bokföring(path, "saldobalansen")
    errors: list[Finding] = []
    columns: dict[str, int] | None = None
    year: tuple[int, int] | None = None
    of_the_year: bool | None = None  # the dates found are the räkenskapsår's (None: none yet)
    for number, cells in rows:
        if columns is None:
            found = {kind: i for i, cell in enumerate(cells) for kind, names in _HEADINGS.items()
                     if _heading(cell) in names}
            if "konto" in found and "belopp" in found:
                columns = found
                continue
            for cell in cells:
                match = _YEAR.search(str(cell)) if cell is not None else None
                if match and year is None:
                    year = (int(match.group(1)), number)
                dates = _period_dates(cell)
                # The first period named; a "Räkenskapsår …" above it is the year, not the
                # day the balances reach, and gives way to a period or a "per" date.
                if dates is not None and (of_the_year is None or (of_the_year and not dates[2])):
                    bok.början, end, of_the_year = dates[0], dates[1], dates[2]
                    bok.omfattning = (end, number)
            continue
        _row(bok, columns, number, cells, errors)
    if columns is None:
        raise error_at(Location(path, 1), "saldobalansen har ingen rubrikrad med kolumnerna Konto och "
                       "Belopp (eller Saldo, UB); se README, reportgen importera",
                       rule="saldobalans.kolumner")
    if errors:
        raise UserError(errors[:50])
    if year is not None:
        bok.år[0] = Räkenskapsår(dt.date(year[0], 1, 1), dt.date(year[0], 12, 31), year[1])
    return bok


def _period_dates(cell: Any) -> tuple[dt.date | None, dt.date, bool] | None:
    """The period a heading cell names ("Period 2023-01-01 – 2023-08-31", "per 2023-08-31",
    "Räkenskapsår 2023-01-01 – 2023-12-31"): its first day (None for a single date), its
    last (the day the balances reach), and whether it is the räkenskapsår."""
    text = str(cell).lower() if isinstance(cell, str) else ""
    if not any(word in text for word in _PERIODORD):  # not a date printed, a period
        return None
    found = []
    for y, m, d in _DATE.findall(text):
        try:
            found.append(dt.date(int(y), int(m), int(d)))
        except ValueError:
            continue
    if not found:
        return None
    return (found[0] if len(found) > 1 else None, found[-1],
            "räkenskapsår" in text and "period" not in text)


def _row(bok: Bokföring, columns: dict[str, int], number: int, cells: list[Any],
         errors: list[Finding]) -> None:
    def cell(kind: str) -> Any:
        i = columns.get(kind)
        return cells[i] if i is not None and i < len(cells) else None

    raw = cell("konto")
    konto = _account(raw)
    if konto is None:
        return
    where = Location(bok.fil, number, columns["konto"] + 1)
    try:
        amount = _amount(cell("belopp"))
        ib = _amount(cell("ib")) if cell("ib") not in (None, "") else None
    except ValueError as exc:
        errors.append(Finding(Location(bok.fil, number), f"kontot {konto}: {exc}",
                              rule="saldobalans.belopp"))
        return
    namn = str(cell("namn") or "").strip()
    balans = är_balanskonto(konto)
    old = bok.konton.get(konto)
    bok.konton[konto] = Konto(konto, namn or (old.namn if old else ""), balans)
    table = bok.ub if balans else bok.res
    per_year = table.setdefault(0, {})
    per_year[konto] = per_year.get(konto, Decimal(0)) + amount
    bok.rader.setdefault(("UB" if balans else "RES", 0, konto), where.line or number)
    if ib is not None and balans:
        opening = bok.ib.setdefault(0, {})
        opening[konto] = opening.get(konto, Decimal(0)) + ib
        bok.rader.setdefault(("IB", 0, konto), number)
    projekt = cell("projekt")
    if projekt not in (None, "") and not balans:
        obj = (PROJEKTDIMENSION, _project(projekt))
        per_obj = bok.objektsaldo.setdefault(0, {}).setdefault(obj, {})
        bok.objektrader.setdefault(obj, where.line or number)
        per_obj[konto] = per_obj.get(konto, Decimal(0)) + amount


def _account(raw: Any) -> str | None:
    if raw is None:
        return None
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        return str(int(raw)) if float(raw).is_integer() and raw > 0 else None
    text = str(raw).strip()
    return text if re.fullmatch(r"[0-9]{1,10}", text) else None


def _project(raw: Any) -> str:
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    return str(raw).strip()


def _amount(raw: Any) -> Decimal:
    if raw is None or raw == "":
        return Decimal(0)
    if isinstance(raw, bool):
        raise ValueError(f"beloppet {raw!r} är inget belopp")
    if isinstance(raw, int):
        value = Decimal(raw)
    elif isinstance(raw, float):
        value = Decimal(repr(raw)).quantize(Decimal("0.01"))
    else:
        text = str(raw).strip().replace("\u2212", "-")
        text = re.sub(r"[\s\u00a0\u202f]", "", text)
        if re.fullmatch(r"-?[0-9]+(?:[.,][0-9]{1,2})?", text) is None:
            raise ValueError(f"beloppet {str(raw)[:30]!r} ska vara ett tal, t.ex. -1 243,50")
        try:
            value = Decimal(text.replace(",", "."))
        except InvalidOperation:
            raise ValueError(f"beloppet {str(raw)[:30]!r} är inget tal") from None
    if abs(value) > BELOPP_MAX:
        raise ValueError(f"beloppet är större än reportgen tar emot (±{tal(BELOPP_MAX)} kr)")
    return value

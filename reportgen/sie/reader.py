"""Read an SIE file (types 1–4, SIE 4B) into a `Bokföring`.

The balances of every type are read: #KONTO, #KTYP, #IB, #UB, #RES, #PSALDO and
#PBUDGET (per object or for the account as a whole; #PSALDO kept per month too, for a
delårsrapport's period), #DIM and #OBJEKT, #RAR, #OMFATTN (the day the balances reach); of type 4
also the vouchers (#VER with its #TRANS rows in braces), each of which must balance.
#RTRANS and #BTRANS (rows added or struck afterwards) are passed over, as the standard
allows: a #RTRANS is always repeated as a #TRANS. Unknown labels and extra fields at the
end of a record are allowed (SIE 4B, 7.1–7.3). A #KSUMMA checksum, when the file has one,
is verified (CRC-32 over the labels and fields, 10.14).

The file is read as the standard says, in PC8 (IBM codepage 437); `#FORMAT` naming
anything else, and a file that is plainly UTF-8, are refused. Every problem is a Swedish
message naming the file and line; the file is read to its end so that all are reported.
"""

from __future__ import annotations

import datetime as dt
import re
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from reportgen.bokforing import Bokföring, Konto, Objekt, Räkenskapsår, är_balanskonto
from reportgen.findings import Finding, Location, UserError, error_at
from reportgen.fmt import kronor_och_ören
from reportgen.limits import BELOPP_MAX, BOOKKEEPING_BYTES, tal
from reportgen.readfile import Unreadable, read_bytes
from reportgen.sie.lexer import Fält, LineError, split

MAX_ERRORS = 50
_AMOUNT = re.compile(r"-?[0-9]+(?:\.[0-9]{1,2})?")
_ACCOUNT = re.compile(r"[0-9]{1,10}")
_BALANCES = ("IB", "UB", "RES")


class _Fel(Exception):
    def __init__(self, message: str, column: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.column = column


@dataclass
class _Ver:
    rad: int
    namn: str
    summa: Decimal = Decimal(0)
    öppnad: bool = False


@dataclass
class _Läsning:
    bok: Bokföring
    errors: list[Finding] = field(default_factory=list)
    ver: _Ver | None = None
    väntar_klammer: bool = False
    ksumma: int | None = None  # the line of the opening #KSUMMA
    crc: int = 0
    ksumma_slut: bool = False
    format_rad: int | None = None

    def fel(self, line: int, message: str, column: int | None = None) -> None:
        if len(self.errors) < MAX_ERRORS:
            self.errors.append(Finding(Location(self.bok.fil, line, column), message,
                                       rule="sie.syntax"))


def read_sie(path: Path) -> Bokföring:
    """The SIE file at *path*; raises UserError with every problem found."""
    try:
        data = read_bytes(path, BOOKKEEPING_BYTES)
    except Unreadable as exc:
        raise error_at(Location(path), f"SIE-filen {exc.problem}", rule="sie.fil") from None
    return parse_sie(data, path)


def parse_sie(data: bytes, path: Path) -> Bokföring:
    """*data*, the bytes of an SIE file named *path*; raises UserError."""
    _encoding(data, path)
    läsning = _Läsning(Bokföring(path, "SIE-filen", månadsvis=True))
    text = data.decode("cp437")
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.removesuffix("\r")
        if not line.strip() or _brace_line(läsning, line, number):
            continue
        try:
            fields = split(line)
        except LineError as exc:
            läsning.fel(number, exc.message, exc.column)
            continue
        try:
            _record(läsning, fields, number)
        except _Fel as exc:
            läsning.fel(number, exc.message, exc.column)
    _end(läsning, len(text.split("\n")))
    if läsning.errors:
        raise UserError(läsning.errors)
    return läsning.bok


def _encoding(data: bytes, path: Path) -> None:
    if b"\x00" in data:
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        raise error_at(Location(path, line), "är inte en SIE-fil: den innehåller binära data "
                       "(nolltecken); exportera SIE-filen från bokföringen igen", rule="sie.fil")
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")) or _plainly_utf8(data):
        first = next((i for i, b in enumerate(data) if b >= 0x80), 0)
        line = data.count(b"\n", 0, first) + 1
        raise error_at(Location(path, line),
                       "SIE-filen är sparad som UTF-8 (eller UTF-16), men en SIE-fil ska vara i "
                       "teckenuppsättningen PC8 (IBM-tabell 437), som #FORMAT PC8 säger; "
                       "exportera den igen från bokföringen och öppna den inte i en textredigerare "
                       "som sparar om den", rule="sie.teckenkodning")


def _plainly_utf8(data: bytes) -> bool:
    if all(b < 0x80 for b in data):
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


# -- records --------------------------------------------------------------------------------


def _record(läsning: _Läsning, fields: list[Fält], line: int) -> None:
    first = fields[0]
    if first.är_lista:  # a line that is `{` or `}` (the lexer reads `{}` as an empty list)
        raise _Fel("en rad med klammer ska bara ha { eller } på egen rad", first.column)
    label = first.text
    if label in ("{", "}"):  # never: the lexer splits braces into lists
        raise _Fel("oväntad klammer", first.column)
    if not label.startswith("#") or first.citerat:
        raise _Fel(f"raden börjar inte med en etikett (#KONTO, #IB …) utan med {label[:20]!r}",
                   first.column)
    _checksum(läsning, label, fields, line)
    args = fields[1:]
    if läsning.väntar_klammer:
        raise _Fel(f"verifikationen på rad {läsning.ver.rad if läsning.ver else '?'} ska följas "
                   "av en rad med bara {", first.column)
    if läsning.ver is not None and läsning.ver.öppnad:
        if label in ("#TRANS", "#RTRANS", "#BTRANS"):
            _trans(läsning, label, args, line)
            return
        raise _Fel(f"{label} kan inte stå inuti en verifikation (mellan {{ och }}); saknas "
                   f"}} efter verifikationen på rad {läsning.ver.rad}?", first.column)
    if label in ("#TRANS", "#RTRANS", "#BTRANS"):
        raise _Fel(f"{label} får bara stå inuti en verifikation (#VER … {{ … }})", first.column)
    handler = _HANDLERS.get(label)
    if handler is not None:
        handler(läsning, args, line)


def _brace_line(läsning: _Läsning, raw: str, line: int) -> bool:
    """A line that is only `{` or `}`: opens or closes the current voucher's rows."""
    text = raw.strip()
    if text == "{":
        if not läsning.väntar_klammer or läsning.ver is None:
            läsning.fel(line, "{ utan en #VER före")
            return True
        läsning.väntar_klammer = False
        läsning.ver.öppnad = True
        return True
    if text == "}":
        ver = läsning.ver
        if ver is None or not ver.öppnad:
            läsning.fel(line, "} utan någon { före")
            return True
        if ver.summa:
            läsning.fel(ver.rad, f"verifikationen {ver.namn} balanserar inte: dess rader "
                        f"summerar till {kronor_och_ören(ver.summa)} kr, inte till 0 (debet och "
                        "kredit ska vara lika stora)")
        läsning.ver = None
        return True
    return False


def _ver(läsning: _Läsning, args: list[Fält], line: int) -> None:
    _need(args, 3, "#VER serie verifikationsnummer datum")
    datum = _date(args[2])
    namn = " ".join(a.text for a in args[:2] if a.text).strip() or "utan nummer"
    läsning.ver = _Ver(line, f"{namn} ({datum.isoformat()})")
    läsning.väntar_klammer = True


def _trans(läsning: _Läsning, label: str, args: list[Fält], line: int) -> None:
    _need(args, 3, f"{label} konto {{objektlista}} belopp")
    _account(args[0])
    _objects(args[1])
    amount = _amount(args[2])
    if len(args) > 3 and args[3].text:
        _date(args[3])
    if label == "#TRANS" and läsning.ver is not None:
        läsning.ver.summa += amount


def _flagga(läsning: _Läsning, args: list[Fält], line: int) -> None:
    _need(args, 1, "#FLAGGA 0")


def _format(läsning: _Läsning, args: list[Fält], line: int) -> None:
    _need(args, 1, "#FORMAT PC8")
    läsning.format_rad = line
    if args[0].text.upper() != "PC8":
        raise _Fel(f"teckenuppsättningen {args[0].text!r} kan inte läsas: SIE-filer ska vara i "
                   "PC8 (IBM-tabell 437), #FORMAT PC8", args[0].column)


def _sietyp(läsning: _Läsning, args: list[Fält], line: int) -> None:
    _need(args, 1, "#SIETYP 1–4")
    if args[0].text not in ("1", "2", "3", "4"):
        raise _Fel(f"SIE-typen {args[0].text!r} finns inte: den ska vara 1, 2, 3 eller 4",
                   args[0].column)


def _fnamn(läsning: _Läsning, args: list[Fält], line: int) -> None:
    _need(args, 1, "#FNAMN företagsnamn")
    läsning.bok.namn = args[0].text


def _orgnr(läsning: _Läsning, args: list[Fält], line: int) -> None:
    _need(args, 1, "#ORGNR organisationsnummer")
    läsning.bok.organisationsnummer = args[0].text


def _rar(läsning: _Läsning, args: list[Fält], line: int) -> None:
    _need(args, 3, "#RAR årsnummer startdatum slutdatum")
    år = _year_index(args[0])
    start, slut = _date(args[1]), _date(args[2])
    if slut < start:
        raise _Fel(f"räkenskapsåret slutar ({slut.isoformat()}) före det börjar "
                   f"({start.isoformat()})", args[2].column)
    if år in läsning.bok.år:
        raise _Fel(f"räkenskapsår {år} anges två gånger (även på rad {läsning.bok.år[år].rad})",
                   args[0].column)
    läsning.bok.år[år] = Räkenskapsår(start, slut, line)


def _konto(läsning: _Läsning, args: list[Fält], line: int) -> None:
    _need(args, 2, "#KONTO kontonummer kontonamn")
    nummer = _account(args[0])
    old = läsning.bok.konton.get(nummer)
    läsning.bok.konton[nummer] = Konto(nummer, args[1].text,
                                       old.balans if old else är_balanskonto(nummer))


def _ktyp(läsning: _Läsning, args: list[Fält], line: int) -> None:
    _need(args, 2, "#KTYP kontonummer T|S|K|I")
    nummer = _account(args[0])
    kind = args[1].text.upper()
    if kind not in ("T", "S", "K", "I"):
        raise _Fel(f"kontotypen {args[1].text!r} finns inte: T (tillgång), S (skuld), "
                   "K (kostnad) eller I (intäkt)", args[1].column)
    old = läsning.bok.konton.get(nummer)
    läsning.bok.konton[nummer] = Konto(nummer, old.namn if old else "", kind in ("T", "S"))


def _dim(läsning: _Läsning, args: list[Fält], line: int) -> None:
    _need(args, 2, "#DIM dimensionsnummer namn")
    _dimension(args[0])


def _objekt(läsning: _Läsning, args: list[Fält], line: int) -> None:
    _need(args, 3, "#OBJEKT dimensionsnummer objektnummer objektnamn")
    läsning.bok.objektnamn[(_dimension(args[0]), args[1].text)] = args[2].text


def _balance(post: str) -> Callable[[_Läsning, list[Fält], int], None]:
    def handle(läsning: _Läsning, args: list[Fält], line: int) -> None:
        _need(args, 3, f"#{post} årsnummer konto saldo")
        år = _year_index(args[0])
        konto = _account(args[1])
        amount = _amount(args[2])
        table = getattr(läsning.bok, post.lower()).setdefault(år, {})
        if konto in table:
            raise _Fel(f"kontot {konto} har redan en #{post} för år {år} (rad "
                       f"{läsning.bok.rader[(post, år, konto)]})", args[1].column)
        table[konto] = amount
        läsning.bok.rader[(post, år, konto)] = line

    return handle


def _period(budget: bool) -> Callable[[_Läsning, list[Fält], int], None]:
    label = "#PBUDGET" if budget else "#PSALDO"

    def handle(läsning: _Läsning, args: list[Fält], line: int) -> None:
        _need(args, 5, f"{label} årsnummer period konto {{objekt}} saldo")
        år = _year_index(args[0])
        month = _month(args[1])
        konto = _account(args[2])
        objekt = _objects(args[3])
        amount = _amount(args[4])
        if len(objekt) > 1:
            raise _Fel(f"{label} anger saldot för ett objekt i taget, här står {len(objekt)}",
                       args[3].column)
        bok = läsning.bok
        if not budget:  # the month's result, for a delårsrapport's period
            bok.periodrader.setdefault((år, month), line)
            if objekt:
                per_month = bok.objektperioder.setdefault(år, {}).setdefault(month, {})
                _add(per_month.setdefault(objekt[0], {}), konto, amount)
            else:
                _add(bok.perioder.setdefault(år, {}).setdefault(month, {}), konto, amount)
        if not objekt:
            return  # the account as a whole: the year's is its #RES
        table = bok.objektbudget if budget else bok.objektsaldo
        if not budget:
            bok.objektrader.setdefault(objekt[0], line)
        _add(table.setdefault(år, {}).setdefault(objekt[0], {}), konto, amount)

    return handle


def _add(table: dict[str, Decimal], konto: str, amount: Decimal) -> None:
    table[konto] = table.get(konto, Decimal(0)) + amount


def _omfattn(läsning: _Läsning, args: list[Fält], line: int) -> None:
    _need(args, 1, "#OMFATTN datum")
    läsning.bok.omfattning = (_date(args[0]), line)


def _ksumma(läsning: _Läsning, args: list[Fält], line: int) -> None:
    if läsning.ksumma is None:
        if args:
            raise _Fel("den första #KSUMMA ska stå utan kontrollsumma (den står sist i filen)",
                       args[0].column)
        läsning.ksumma = line
        läsning.crc = 0
        return
    _need(args, 1, "#KSUMMA kontrollsumma")
    if not args[0].text.isdigit() or len(args[0].text) > 10:
        raise _Fel(f"kontrollsumman {args[0].text!r} är inget tal", args[0].column)
    läsning.ksumma_slut = True
    if int(args[0].text) != läsning.crc:
        raise _Fel(f"kontrollsumman stämmer inte (filen ger {läsning.crc}, #KSUMMA säger "
                   f"{args[0].text}): filen har ändrats eller skadats efter exporten",
                   args[0].column)


_HANDLERS: dict[str, Callable[[_Läsning, list[Fält], int], None]] = {
    "#FLAGGA": _flagga, "#FORMAT": _format, "#SIETYP": _sietyp, "#FNAMN": _fnamn,
    "#ORGNR": _orgnr, "#RAR": _rar, "#KONTO": _konto, "#KTYP": _ktyp, "#DIM": _dim,
    "#UNDERDIM": _dim, "#OBJEKT": _objekt, "#IB": _balance("IB"), "#UB": _balance("UB"),
    "#RES": _balance("RES"), "#PSALDO": _period(False), "#PBUDGET": _period(True),
    "#VER": _ver, "#KSUMMA": _ksumma, "#OMFATTN": _omfattn,
}


def _checksum(läsning: _Läsning, label: str, fields: list[Fält], line: int) -> None:
    """Add a record to the running CRC-32: its label and fields, without separators,
    quotes and braces (SIE 4B, 10.14)."""
    if läsning.ksumma is None or label == "#KSUMMA" or läsning.ksumma_slut:
        return
    parts = [label, *(_flat(f) for f in fields[1:])]
    läsning.crc = zlib.crc32("".join(parts).encode("cp437", "replace"), läsning.crc)


def _flat(f: Fält) -> str:
    return "".join(item.text for item in f.lista) if f.lista is not None else f.text


def _end(läsning: _Läsning, lines: int) -> None:
    if läsning.ver is not None:
        läsning.fel(läsning.ver.rad, "verifikationen avslutas aldrig med en rad med bara }")
    if not läsning.bok.år:
        läsning.fel(1, "SIE-filen saknar #RAR (räkenskapsåret): utan den går det inte att veta "
                    "vilket år saldona gäller; exportera filen med räkenskapsåret")
    elif 0 not in läsning.bok.år:
        läsning.fel(läsning.bok.år[min(läsning.bok.år, key=abs)].rad or 1,
                    "SIE-filen saknar #RAR 0 (det innevarande räkenskapsåret)")
    for post in _BALANCES:
        for år in getattr(läsning.bok, post.lower()):
            if läsning.bok.år and år not in läsning.bok.år:
                line = läsning.bok.första_rad(post, år) or 1
                läsning.fel(line, f"#{post} för år {år}, men filen har ingen #RAR {år} som säger "
                            "vilket räkenskapsår det är")
    if läsning.ksumma is not None and not läsning.ksumma_slut:
        läsning.fel(läsning.ksumma, "filen börjar med #KSUMMA men slutar inte med sin "
                    "kontrollsumma: den är avkortad")


# -- fields ---------------------------------------------------------------------------------


def _need(args: list[Fält], count: int, form: str) -> None:
    if len(args) < count:
        raise _Fel(f"för få fält: posten skrivs {form}")


def _plain(f: Fält, what: str) -> str:
    if f.är_lista:
        raise _Fel(f"här ska stå {what}, inte en objektlista {{…}}", f.column)
    return f.text


def _account(f: Fält) -> str:
    text = _plain(f, "ett kontonummer")
    if not _ACCOUNT.fullmatch(text):
        raise _Fel(f"kontonumret {text[:20]!r} är inte ett nummer (bara siffror)", f.column)
    return text


def _dimension(f: Fält) -> str:
    text = _plain(f, "ett dimensionsnummer")
    if not text.isdigit() or len(text) > 6:
        raise _Fel(f"dimensionsnumret {text[:20]!r} är inte ett nummer", f.column)
    return text


def _year_index(f: Fält) -> int:
    text = _plain(f, "ett årsnummer (0, -1 …)")
    if not re.fullmatch(r"0|-[1-9][0-9]?", text):
        raise _Fel(f"årsnumret {text[:20]!r} ska vara 0 (innevarande år), -1 (föregående) och så "
                   "vidare", f.column)
    return int(text)


def _amount(f: Fält) -> Decimal:
    text = _plain(f, "ett belopp")
    if not _AMOUNT.fullmatch(text):
        raise _Fel(f"beloppet {text[:30]!r} ska skrivas med siffror, punkt före ören och högst två "
                   "decimaler, t.ex. -1243.50", f.column)
    amount = Decimal(text)
    if abs(amount) > BELOPP_MAX:
        raise _Fel(f"beloppet {text[:30]} är större än reportgen tar emot (±{tal(BELOPP_MAX)} kr)",
                   f.column)
    return amount


def _date(f: Fält) -> dt.date:
    text = _plain(f, "ett datum (ÅÅÅÅMMDD)")
    if not re.fullmatch(r"[0-9]{8}", text):
        raise _Fel(f"datumet {text[:20]!r} ska skrivas ÅÅÅÅMMDD, t.ex. 20231231", f.column)
    try:
        return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        raise _Fel(f"datumet {text} finns inte", f.column) from None


def _month(f: Fält) -> int:
    text = _plain(f, "en period (ÅÅÅÅMM)")
    if not re.fullmatch(r"[0-9]{4}(0[1-9]|1[0-2])", text):
        raise _Fel(f"perioden {text[:20]!r} ska skrivas ÅÅÅÅMM, t.ex. 202312", f.column)
    return int(text)


def _objects(f: Fält) -> tuple[Objekt, ...]:
    if f.lista is None:
        raise _Fel("här ska stå en objektlista inom klammer, t.ex. {} eller {6 \"201\"}", f.column)
    items = f.lista
    if len(items) % 2:
        raise _Fel("objektlistan ska ha par av dimension och objekt, t.ex. {6 \"201\"}", f.column)
    return tuple((_dimension(items[i]), items[i + 1].text) for i in range(0, len(items), 2))

"""Resultaträkning, balansräkning and kassaflödesanalys computed from their lines.

Every subtotal is defined here, once (`RR_DELSUMMOR`, `BR_DELSUMMOR`, `KF_DELSUMMOR`):
the figures are computed from these definitions, each computed statement carries its
own, and `check` compares stated subtotals against the same definitions. So is the sign
each line has by its kind (the `Tecken` column of the line definitions below, carried by
each row): `check` warns at a line whose amount contradicts it (rules `rr.tecken`,
`br.tecken`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum

from reportgen.schema import Indata
from reportgen.schema.ekonomi import Balansräkning, Resultaträkning


class Radtyp(str, Enum):
    RUBRIK = "rubrik"  # a heading row without amounts
    POST = "post"  # an amount line from the input
    SUMMA = "summa"  # a computed total
    TEXT = "text"  # a row whose values are words ("inga")


class Tecken(int, Enum):
    """The sign a line has by its kind: revenue, assets, provisions and liabilities are
    positive, costs negative. A line without one (a result, eget kapital, a cash flow, an
    extraordinary item) may have either sign."""

    POSITIVT = 1
    NEGATIVT = -1


PLUS, MINUS = Tecken.POSITIVT, Tecken.NEGATIVT


@dataclass(frozen=True)
class Rad:
    key: str
    label: str
    kind: Radtyp
    values: dict[int, int | None] = field(default_factory=dict)
    texts: dict[int, str] = field(default_factory=dict)
    note: int | None = None
    tecken: Tecken | None = None  # the sign the line has by its kind; None: either


@dataclass(frozen=True)
class Delsumma:
    """A subtotal of a statement: its line key and the keys of the lines it adds.

    Every line is an amount with its own sign (costs are negative), so a subtotal is
    the plain sum of its parts. A part may itself be a subtotal defined earlier.
    """

    key: str
    parts: tuple[str, ...]


def summera(delsummor: tuple[Delsumma, ...], lines: Mapping[str, int]) -> dict[str, int]:
    """*lines* and every subtotal of *delsummor*, computed in order from them."""
    values = dict(lines)
    for delsumma in delsummor:
        values[delsumma.key] = sum(values[part] for part in delsumma.parts)
    return values


RR_DELSUMMOR: tuple[Delsumma, ...] = (
    Delsumma("verksamhetens_resultat",
             ("verksamhetens_intäkter", "verksamhetens_kostnader", "avskrivningar")),
    Delsumma("resultat_efter_finansiella_poster",
             ("verksamhetens_resultat", "finansiella_intäkter", "finansiella_kostnader")),
    Delsumma("årets_resultat", ("resultat_efter_finansiella_poster", "extraordinära_poster")),
)

BR_DELSUMMOR: tuple[Delsumma, ...] = (
    Delsumma("summa_anläggningstillgångar",
             ("maskiner_och_inventarier", "finansiella_anläggningstillgångar")),
    Delsumma("summa_omsättningstillgångar",
             ("kundfordringar", "kortfristiga_fordringar", "kortfristiga_placeringar",
              "kassa_och_bank")),
    Delsumma("summa_tillgångar", ("summa_anläggningstillgångar", "summa_omsättningstillgångar")),
    Delsumma("summa_eget_kapital", ("årets_resultat", "övrigt_eget_kapital")),
    Delsumma("summa_eget_kapital_avsättningar_och_skulder",
             ("summa_eget_kapital", "avsättningar_för_pensioner", "långfristiga_skulder",
              "kortfristiga_skulder")),
)

KF_DELSUMMOR: tuple[Delsumma, ...] = (
    Delsumma("före_rörelsekapital", ("årets_resultat", "justering")),
    Delsumma("löpande", ("före_rörelsekapital", "förändring_fordringar", "förändring_skulder")),
    Delsumma("årets_kassaflöde", ("löpande", "investering", "finansiering")),
    Delsumma("likvida_slut", ("likvida_början", "årets_kassaflöde")),
)


def _lines(delsummor: tuple[Delsumma, ...], source: object) -> dict[str, int]:
    """The lines the subtotals of *delsummor* add that are not subtotals themselves,
    read from the attributes of *source* of the same name."""
    totals = {d.key for d in delsummor}
    return {
        part: getattr(source, part)
        for d in delsummor
        for part in d.parts
        if part not in totals
    }


@dataclass(frozen=True)
class Rakning:
    """One statement: its title, year columns (newest first), rows and subtotals."""

    key: str
    title: str
    years: tuple[int, ...]
    column_labels: tuple[str, ...]
    rows: tuple[Rad, ...]
    delsummor: tuple[Delsumma, ...]  # its subtotals, in the order it prints them

    def value(self, key: str, year: int) -> int | None:
        for row in self.rows:
            if row.key == key:
                return row.values.get(year)
        raise KeyError(key)


@dataclass(frozen=True)
class RR:
    intäkter: int
    kostnader: int
    avskrivningar: int
    verksamhetens_resultat: int
    finansiella_intäkter: int
    finansiella_kostnader: int
    resultat_efter_finansiella_poster: int
    extraordinära_poster: int
    årets_resultat: int


def compute_rr(rr: Resultaträkning) -> RR:
    v = summera(RR_DELSUMMOR, _lines(RR_DELSUMMOR, rr))
    return RR(
        intäkter=v["verksamhetens_intäkter"],
        kostnader=v["verksamhetens_kostnader"],
        avskrivningar=v["avskrivningar"],
        verksamhetens_resultat=v["verksamhetens_resultat"],
        finansiella_intäkter=v["finansiella_intäkter"],
        finansiella_kostnader=v["finansiella_kostnader"],
        resultat_efter_finansiella_poster=v["resultat_efter_finansiella_poster"],
        extraordinära_poster=v["extraordinära_poster"],
        årets_resultat=v["årets_resultat"],
    )


@dataclass(frozen=True)
class BR:
    summa_anläggningstillgångar: int
    fordringar: int
    summa_omsättningstillgångar: int
    summa_tillgångar: int
    årets_resultat: int
    summa_eget_kapital: int
    summa_avsättningar: int
    summa_skulder: int
    summa_eget_kapital_avsättningar_och_skulder: int
    likvida_medel: int


def compute_br(br: Balansräkning, årets_resultat: int, likvida_poster: list[str]) -> BR:
    # The balance sheet's årets resultat is the resultaträkning's computed one; the
    # figure the YAML may state there is only compared with it (`check`).
    lines = {**_lines(BR_DELSUMMOR, br), "årets_resultat": årets_resultat}
    v = summera(BR_DELSUMMOR, lines)
    return BR(
        summa_anläggningstillgångar=v["summa_anläggningstillgångar"],
        summa_omsättningstillgångar=v["summa_omsättningstillgångar"],
        summa_tillgångar=v["summa_tillgångar"],
        årets_resultat=årets_resultat,
        summa_eget_kapital=v["summa_eget_kapital"],
        summa_eget_kapital_avsättningar_och_skulder=v[
            "summa_eget_kapital_avsättningar_och_skulder"],
        # Not printed as subtotals; the cash flow needs fordringar and avsättningar.
        fordringar=br.kundfordringar + br.kortfristiga_fordringar,
        summa_avsättningar=br.avsättningar_för_pensioner,
        summa_skulder=br.långfristiga_skulder + br.kortfristiga_skulder,
        likvida_medel=sum(getattr(br, post) for post in likvida_poster),
    )


@dataclass(frozen=True)
class KF:
    årets_resultat: int
    justering: int
    före_rörelsekapital: int
    förändring_fordringar: int
    förändring_skulder: int
    löpande: int
    investering: int
    finansiering: int
    årets_kassaflöde: int
    likvida_början: int
    likvida_slut: int


@dataclass(frozen=True)
class Ekonomiberakning:
    """All computed statements for the report year and the comparison year."""

    year: int
    years: tuple[int, int]
    rr: dict[int, RR]
    br: dict[int, BR]
    kf: dict[int, KF]
    resultaträkning: Rakning
    balansräkning: Rakning
    kassaflödesanalys: Rakning
    note_numbers: dict[str, int]  # statement line key → note number


def _opening(indata: Indata, year: int, br: dict[int, BR]) -> tuple[int, int, int, int]:
    """Receivables, short-term liabilities, liquid funds and provisions at the start of *year*."""
    prev = year - 1
    if prev in br:
        src = indata.ekonomi.balansräkning[prev]
        return (
            br[prev].fordringar,
            src.kortfristiga_skulder,
            br[prev].likvida_medel,
            br[prev].summa_avsättningar,
        )
    ib = indata.ekonomi.ingående_balans
    if ib is None:
        # No opening balance: the cash flow of this year starts from nothing known.
        # `check` reports the missing ingående_balans; here the year shows no change.
        src = indata.ekonomi.balansräkning[year]
        return (
            br[year].fordringar,
            src.kortfristiga_skulder,
            br[year].likvida_medel,
            br[year].summa_avsättningar,
        )
    return ib.fordringar, ib.kortfristiga_skulder, ib.likvida_medel, ib.avsättningar


def compute_kf(indata: Indata, year: int, rr: dict[int, RR], br: dict[int, BR]) -> KF:
    fordr0, skuld0, likv0, avs0 = _opening(indata, year, br)
    src = indata.ekonomi.balansräkning[year]
    inputs = indata.ekonomi.kassaflöde.get(year)
    justering = (
        inputs.justering_ej_likviditetspåverkande
        if inputs is not None and inputs.justering_ej_likviditetspåverkande is not None
        else -rr[year].avskrivningar + (br[year].summa_avsättningar - avs0)
    )
    lines = {
        "årets_resultat": rr[year].årets_resultat,
        "justering": justering,
        "förändring_fordringar": fordr0 - br[year].fordringar,
        "förändring_skulder": src.kortfristiga_skulder - skuld0,
        "investering": inputs.investeringsverksamheten if inputs else 0,
        "finansiering": inputs.finansieringsverksamheten if inputs else 0,
        "likvida_början": likv0,
    }
    return KF(**summera(KF_DELSUMMOR, lines))


def _note_numbers(indata: Indata) -> dict[str, int]:
    numbers: dict[str, int] = {}
    for index, note in enumerate(indata.ekonomi.noter, start=1):
        for key in note.avser:
            numbers.setdefault(key, index)
    return numbers


def compute_ekonomi(indata: Indata) -> Ekonomiberakning:
    year = indata.rapport.räkenskapsår
    years = (year, year - 1)
    eko = indata.ekonomi
    rr = {y: compute_rr(eko.resultaträkning[y]) for y in years}
    br = {
        y: compute_br(eko.balansräkning[y], rr[y].årets_resultat, list(eko.likvida_medel))
        for y in years
    }
    kf = {y: compute_kf(indata, y, rr, br) for y in sorted(years)}
    notes = _note_numbers(indata)
    return Ekonomiberakning(
        year=year,
        years=years,
        rr=rr,
        br=br,
        kf=kf,
        resultaträkning=_rr_table(years, rr, notes),
        balansräkning=_br_table(indata, years, br, notes),
        kassaflödesanalys=_kf_table(years, kf),
        note_numbers=notes,
    )


def _row(key: str, label: str, kind: Radtyp, tecken: Tecken | None, years: tuple[int, ...],  # type: ignore[no-untyped-def]
         get, notes=None) -> Rad:
    values = {} if kind is Radtyp.RUBRIK else {y: get(y) for y in years}
    return Rad(key, label, kind, values, note=(notes or {}).get(key), tecken=tecken)


# The line definitions below: (key, label, kind, sign by its kind, figure per year).


def _rr_table(years: tuple[int, int], rr: dict[int, RR], notes: dict[str, int]) -> Rakning:
    P, S = Radtyp.POST, Radtyp.SUMMA
    spec = [
        ("verksamhetens_intäkter", "Verksamhetens intäkter", P, PLUS, lambda y: rr[y].intäkter),
        ("verksamhetens_kostnader", "Verksamhetens kostnader", P, MINUS,
         lambda y: rr[y].kostnader),
        ("avskrivningar", "Avskrivningar", P, MINUS, lambda y: rr[y].avskrivningar),
        ("verksamhetens_resultat", "Verksamhetens resultat", S, None,
         lambda y: rr[y].verksamhetens_resultat),
        ("finansiella_intäkter", "Finansiella intäkter", P, PLUS,
         lambda y: rr[y].finansiella_intäkter),
        ("finansiella_kostnader", "Finansiella kostnader", P, MINUS,
         lambda y: rr[y].finansiella_kostnader),
        ("resultat_efter_finansiella_poster", "Resultat efter finansiella poster", S, None,
         lambda y: rr[y].resultat_efter_finansiella_poster),
        ("extraordinära_poster", "Extraordinära poster", P, None,
         lambda y: rr[y].extraordinära_poster),
        ("årets_resultat", "Årets resultat", S, None, lambda y: rr[y].årets_resultat),
    ]
    rows = tuple(_row(k, label, kind, sign, years, get, notes)
                 for k, label, kind, sign, get in spec)
    return Rakning("resultaträkning", "Resultaträkning", years, tuple(str(y) for y in years),
                   rows, RR_DELSUMMOR)


def _br_table(
    indata: Indata, years: tuple[int, int], br: dict[int, BR], notes: dict[str, int]
) -> Rakning:
    P, S, H = Radtyp.POST, Radtyp.SUMMA, Radtyp.RUBRIK
    src = indata.ekonomi.balansräkning

    def line(name: str):  # type: ignore[no-untyped-def]
        return lambda y: getattr(src[y], name)

    def total(name: str):  # type: ignore[no-untyped-def]
        return lambda y: getattr(br[y], name)

    spec = [
        ("rubrik_tillgångar", "Tillgångar", H, None, None),
        ("rubrik_anläggningstillgångar", "Anläggningstillgångar", H, None, None),
        ("maskiner_och_inventarier", "Maskiner och inventarier", P, PLUS,
         line("maskiner_och_inventarier")),
        ("finansiella_anläggningstillgångar", "Finansiella anläggningstillgångar", P, PLUS,
         line("finansiella_anläggningstillgångar")),
        ("summa_anläggningstillgångar", "Summa anläggningstillgångar", S, None,
         total("summa_anläggningstillgångar")),
        ("rubrik_omsättningstillgångar", "Omsättningstillgångar", H, None, None),
        ("kundfordringar", "Kundfordringar", P, PLUS, line("kundfordringar")),
        ("kortfristiga_fordringar", "Kortfristiga fordringar", P, PLUS,
         line("kortfristiga_fordringar")),
        ("kortfristiga_placeringar", "Kortfristiga placeringar", P, PLUS,
         line("kortfristiga_placeringar")),
        ("kassa_och_bank", "Kassa och bank", P, PLUS, line("kassa_och_bank")),
        ("summa_omsättningstillgångar", "Summa omsättningstillgångar", S, None,
         total("summa_omsättningstillgångar")),
        ("summa_tillgångar", "Summa tillgångar", S, None, total("summa_tillgångar")),
        ("rubrik_ek_och_skulder", "Eget kapital, avsättningar och skulder", H, None, None),
        ("rubrik_eget_kapital", "Eget kapital", H, None, None),
        ("årets_resultat", "Årets resultat", P, None, total("årets_resultat")),
        ("övrigt_eget_kapital", "Övrigt eget kapital", P, None, line("övrigt_eget_kapital")),
        ("summa_eget_kapital", "Summa eget kapital", S, None, total("summa_eget_kapital")),
        ("rubrik_avsättningar", "Avsättningar", H, None, None),
        ("avsättningar_för_pensioner", "Avsättningar för pensioner", P, PLUS,
         line("avsättningar_för_pensioner")),
        ("rubrik_skulder", "Skulder", H, None, None),
        ("långfristiga_skulder", "Långfristiga skulder", P, PLUS, line("långfristiga_skulder")),
        ("kortfristiga_skulder", "Kortfristiga skulder", P, PLUS, line("kortfristiga_skulder")),
        ("summa_eget_kapital_avsättningar_och_skulder",
         "Summa eget kapital, avsättningar och skulder", S, None,
         total("summa_eget_kapital_avsättningar_och_skulder")),
    ]
    rows = [_row(k, label, kind, sign, years, get, notes) for k, label, kind, sign, get in spec]
    values = {y: src[y].ansvarsförbindelser for y in years}
    texts = {y: "inga" for y in years if values[y] is None}
    rows.append(Rad("ansvarsförbindelser", "Ansvarsförbindelser", Radtyp.TEXT
                    if texts else P, values, texts, tecken=PLUS))
    labels = tuple(f"{y}-12-31" for y in years)
    return Rakning("balansräkning", "Balansräkning", years, labels, tuple(rows), BR_DELSUMMOR)


def _kf_table(years: tuple[int, int], kf: dict[int, KF]) -> Rakning:
    # A cash flow may go either way: no line of the kassaflödesanalys has a sign by its kind.
    P, S = Radtyp.POST, Radtyp.SUMMA
    spec = [
        ("årets_resultat", "Årets resultat", P, None, lambda y: kf[y].årets_resultat),
        ("justering", "Justering för ej likviditetspåverkande poster", P, None,
         lambda y: kf[y].justering),
        ("före_rörelsekapital", "Medel från verksamheten före förändring av rörelsekapital", S,
         None, lambda y: kf[y].före_rörelsekapital),
        ("förändring_fordringar", "Ökning (−) / minskning (+) av kortfristiga fordringar", P,
         None, lambda y: kf[y].förändring_fordringar),
        ("förändring_skulder", "Ökning (+) / minskning (−) av kortfristiga skulder", P, None,
         lambda y: kf[y].förändring_skulder),
        ("löpande", "Kassaflöde från den löpande verksamheten", S, None,
         lambda y: kf[y].löpande),
        ("investering", "Kassaflöde från investeringsverksamheten", P, None,
         lambda y: kf[y].investering),
        ("finansiering", "Kassaflöde från finansieringsverksamheten", P, None,
         lambda y: kf[y].finansiering),
        ("årets_kassaflöde", "Årets kassaflöde", S, None, lambda y: kf[y].årets_kassaflöde),
        ("likvida_början", "Likvida medel vid årets början", P, None,
         lambda y: kf[y].likvida_början),
        ("likvida_slut", "Likvida medel vid årets slut", S, None, lambda y: kf[y].likvida_slut),
    ]
    rows = tuple(_row(k, label, kind, sign, years, get) for k, label, kind, sign, get in spec)
    return Rakning("kassaflödesanalys", "Kassaflödesanalys", years,
                   tuple(str(y) for y in years), rows, KF_DELSUMMOR)

"""Kassaflödesanalys: parts add up, and it agrees with the balansräkning.

Which balance-sheet items count as likvida medel is the setting `ekonomi.likvida_medel`
(seed 000 counts kortfristiga placeringar, seed 001 does not).
"""

from __future__ import annotations

from collections.abc import Iterator

from reportgen.checks.base import Kontext, Regel, avviker, kr, meddelande_kr, regel, skillnad_kr
from reportgen.checks.resultatrakning import årets_resultat_rr
from reportgen.checks.summor import angivet_belopp, etikett, summaregel, tryckt
from reportgen.findings import Finding
from reportgen.load import PathKey

# Key of the computed statement → field of `Kassaflöde` in the YAML.
FÄLT = {
    "justering": "justering_ej_likviditetspåverkande",
    "före_rörelsekapital": "medel_före_förändring_av_rörelsekapital",
    "förändring_fordringar": "förändring_kortfristiga_fordringar",
    "förändring_skulder": "förändring_kortfristiga_skulder",
    "löpande": "löpande_verksamheten",
    "investering": "investeringsverksamheten",
    "finansiering": "finansieringsverksamheten",
    "årets_kassaflöde": "årets_kassaflöde",
    "likvida_början": "likvida_medel_vid_årets_början",
    "likvida_slut": "likvida_medel_vid_årets_slut",
}

POSTNAMN = {"kassa_och_bank": "kassa och bank", "kortfristiga_placeringar": "kortfristiga placeringar"}


def kf_angivet(ctx: Kontext, år: int, nyckel: str) -> int | None:
    if nyckel == "årets_resultat":
        return årets_resultat_rr(ctx, år)[0]
    return angivet_belopp(ctx.indata.ekonomi.kassaflöde, år, FÄLT[nyckel])


def kf_tryckt(ctx: Kontext, år: int, nyckel: str) -> int:
    return tryckt(nyckel, ctx.eko.kassaflödesanalys, år, lambda k: kf_angivet(ctx, år, k))


def _path(år: int, nyckel: str) -> PathKey:
    return ("ekonomi", "kassaflöde", år, FÄLT[nyckel])


def ingående_känd(ctx: Kontext, år: int) -> bool:
    return år - 1 in ctx.eko.br or ctx.indata.ekonomi.ingående_balans is not None


# A year without `ekonomi.kassaflöde` states no subtotal, so the rule has nothing to check.
kf_summa = summaregel(
    "kf.summa",
    "Kassaflödesanalysens angivna delsummor är summan av posterna ovanför",
    lambda eko: eko.kassaflödesanalys,
    kf_angivet,
    _path,
)


@regel("kf.ingående_balans", "Jämförelseårets kassaflöde behöver balansen vid årets början")
def kf_ingående_balans(ctx: Kontext) -> Iterator[Finding]:
    for år in sorted(ctx.eko.years):
        if not ingående_känd(ctx, år):
            yield ctx.fynd(
                ("ekonomi",),
                f"ingående_balans saknas: kassaflödesanalysen för {år} behöver fordringar, "
                f"kortfristiga skulder och likvida medel per {år - 1}-12-31",
                "kf.ingående_balans",
            )


@regel("kf.balansräkning",
       "Förändringar och likvida medel i kassaflödesanalysen = balansräkningens")
def kf_balansräkning(ctx: Kontext) -> Iterator[Finding]:
    for år in sorted(ctx.eko.years, reverse=True):
        if not ingående_känd(ctx, år):
            continue
        computed = ctx.eko.kf[år]
        grund = {
            "förändring_fordringar": "balansräkningens fordringar vid årets början minus vid "
            "årets slut",
            "förändring_skulder": "balansräkningens kortfristiga skulder vid årets slut minus "
            "vid årets början",
            "likvida_början": f"balansräkningens likvida medel {år - 1}-12-31",
        }
        for nyckel, basis in grund.items():
            stated = kf_angivet(ctx, år, nyckel)
            expected = ctx.eko.kassaflödesanalys.value(nyckel, år)
            if stated is None or expected is None or not avviker(stated, expected):
                continue
            label = etikett(ctx.eko.kassaflödesanalys, nyckel).lower()
            yield ctx.fynd(
                _path(år, nyckel),
                meddelande_kr(f"Kassaflödesanalysen, {label} {år}", stated, expected, basis),
                "kf.balansräkning",
            )
        # Likvida medel at year end: as printed (stated, or start + årets kassaflöde as
        # printed) and as computed from the balance sheet; one of them must equal the BR.
        balans = ctx.eko.br[år].likvida_medel
        stated_end = kf_angivet(ctx, år, "likvida_slut")
        printed_end = stated_end if stated_end is not None else (
            kf_tryckt(ctx, år, "likvida_början") + kf_tryckt(ctx, år, "årets_kassaflöde")
        )
        if printed_end == balans or computed.likvida_slut == balans:
            continue
        poster = " och ".join(POSTNAMN[p] for p in ctx.indata.ekonomi.likvida_medel)
        where: PathKey
        if stated_end is not None:
            where = _path(år, "likvida_slut")
        elif år in ctx.indata.ekonomi.kassaflöde:
            where = ("ekonomi", "kassaflöde", år)
        else:
            where = ("ekonomi", "balansräkning", år)
        hint = "" if stated_end is not None else (
            " (saknas investerings- eller finansieringsverksamhet, eller räknas fel poster "
            "som likvida medel i ekonomi.likvida_medel?)"
        )
        yield ctx.fynd(
            where,
            f"Kassaflödesanalysen {år}: likvida medel vid årets slut {kr(printed_end)}, men "
            f"balansräkningens likvida medel ({poster}) är {kr(balans)}; "
            f"{skillnad_kr(printed_end, balans)}{hint}",
            "kf.balansräkning",
        )


REGLER: tuple[Regel, ...] = (kf_summa, kf_ingående_balans, kf_balansräkning)

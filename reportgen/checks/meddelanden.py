"""The Swedish wording of a mismatch, shared by every rule: amounts in kronor, the
difference, lists."""

from __future__ import annotations

from decimal import Decimal

from reportgen.fmt import kronor, meddelandetal, tkr

# Explicit tolerances (see the issue): tables in kronor must agree to the krona,
# tables rounded to tkr within one thousand, percentages within their rounding.
TOLERANS_KR = 0
TOLERANS_TKR = 1
TOLERANS_PROCENTENHETER = Decimal("0.5")
PROCENTTOLERANS_TEXT = "0,5"

# Messages write figures with a hyphen-minus (reportgen/fmt.py says why), and say the
# direction of a difference in words: "2 kr högre än förväntat", not only "+2 kr".


def tal(amount: int) -> str:
    """An amount as a message writes it: '-4 360 316'."""
    return meddelandetal(kronor(amount))


def kommatal(value: Decimal) -> str:
    """A decimal number as a message writes it, without trailing zeros: '0,5', '103,5', '3'."""
    return f"{value.normalize():f}".replace(".", ",")


def kr(amount: int) -> str:
    return f"{tal(amount)} kr"


def riktning(skillnad: int, enhet: str = "kr") -> str:
    """'2 kr högre', '9 kr lägre', 'lika' (the first compared with the second)."""
    if skillnad == 0:
        return "lika"
    return f"{tal(abs(skillnad))} {enhet} {'högre' if skillnad > 0 else 'lägre'}"


def jämförelse(vad: str, belopp: int, mot: str, mot_belopp: int, enhet: str = "kr") -> str:
    """'summa tillgångar 2 038 180 kr är 100 kr högre än summa eget kapital … 2 038 080 kr'."""
    return (f"{vad} {tal(belopp)} {enhet} är {riktning(belopp - mot_belopp, enhet)} än "
            f"{mot} {tal(mot_belopp)} {enhet}")


def skillnad_kr(angivet: int, förväntat: int, enhet: str = "kr") -> str:
    """'2 kr högre än förväntat'."""
    return f"{riktning(angivet - förväntat, enhet)} än förväntat"


def meddelande_kr(vad: str, angivet: int, förväntat: int, grund: str) -> str:
    """'Verksamhetens resultat 2023: angivet 147 674 kr, förväntat 147 672 kr (…); 2 kr
    högre än förväntat'."""
    return (
        f"{vad}: angivet {kr(angivet)}, förväntat {kr(förväntat)} ({grund}); "
        f"{skillnad_kr(angivet, förväntat)}"
    )


def tkr_text(amount: int) -> str:
    return f"{tal(amount)} tkr"


def meddelande_tkr(vad: str, angivet_tkr: int, förväntat_kr: int, grund: str,
                   varför: str = "") -> str:
    """… '; 12 tkr lägre än förväntat (tolerans ±1 tkr)', with *varför* the tolerance's
    reason if given."""
    förväntat = tkr(förväntat_kr)
    return (
        f"{vad}: angivet {tkr_text(angivet_tkr)}, förväntat {tkr_text(förväntat)} "
        f"({grund} {kr(förväntat_kr)} avrundat); {skillnad_kr(angivet_tkr, förväntat, 'tkr')} "
        f"(tolerans ±{TOLERANS_TKR} tkr{': ' + varför if varför else ''})"
    )


def uppräkning(items: list[str]) -> str:
    """['a', 'b', 'c'] → 'a, b och c'."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} och {items[-1]}"

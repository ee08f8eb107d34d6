"""The Swedish wording of a mismatch, shared by every rule: amounts in kronor, the
difference, lists."""

from __future__ import annotations

from decimal import Decimal

from reportgen.fmt import kronor, tkr

# Explicit tolerances (see the issue): tables in kronor must agree to the krona,
# tables rounded to tkr within one thousand, percentages within their rounding.
TOLERANS_KR = 0
TOLERANS_TKR = 1
TOLERANS_PROCENTENHETER = Decimal("0.5")
PROCENTTOLERANS_TEXT = "0,5"


def kr(amount: int) -> str:
    return f"{kronor(amount)} kr"


def skillnad_kr(angivet: int, förväntat: int) -> str:
    return f"skillnad {_signed(angivet - förväntat)} kr"


def _signed(diff: int) -> str:
    return f"+{kronor(diff)}" if diff > 0 else kronor(diff)


def meddelande_kr(vad: str, angivet: int, förväntat: int, grund: str) -> str:
    """'Verksamhetens resultat 2023: angivet 147 674 kr, förväntat 147 672 kr (…); skillnad +2 kr'."""
    return (
        f"{vad}: angivet {kr(angivet)}, förväntat {kr(förväntat)} ({grund}); "
        f"{skillnad_kr(angivet, förväntat)}"
    )


def tkr_text(amount: int) -> str:
    return f"{kronor(amount)} tkr"


def meddelande_tkr(vad: str, angivet_tkr: int, förväntat_kr: int, grund: str,
                   varför: str = "") -> str:
    """… '; skillnad -12 tkr (tolerans ±1 tkr)', with *varför* the tolerance's reason if given."""
    förväntat = tkr(förväntat_kr)
    return (
        f"{vad}: angivet {tkr_text(angivet_tkr)}, förväntat {tkr_text(förväntat)} "
        f"({grund} {kr(förväntat_kr)} avrundat); skillnad {_signed(angivet_tkr - förväntat)} tkr "
        f"(tolerans ±{TOLERANS_TKR} tkr{': ' + varför if varför else ''})"
    )


def uppräkning(items: list[str]) -> str:
    """['a', 'b', 'c'] → 'a, b och c'."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} och {items[-1]}"

"""The Swedish wording of a mismatch, shared by every rule: amounts in kronor, the
difference, lists."""

from __future__ import annotations

from reportgen.fmt import kronor


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


def uppräkning(items: list[str]) -> str:
    """['a', 'b', 'c'] → 'a, b och c'."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} och {items[-1]}"

"""Noter: each note adds up (its groups too), and to the statement line(s) it explains.

The relations are built with the statements' (reportgen/checks/relationer.py): a note
explains lines of any statement, named by key in `avser`; a note shown with reversed signs
(`omvänt_tecken`) is compared with the lines times -1; a partial breakdown
(`delredovisning`) may not exceed them.
"""

from __future__ import annotations

from reportgen.checks.base import Regel
from reportgen.checks.summor import relationsregel

not_summa = relationsregel("not.summa", "En angiven notsumma är summan av notens rader")
not_rad = relationsregel(
    "not.rad", "Notens summa = raden (raderna) i resultat- eller balansräkningen den förklarar")

REGLER: tuple[Regel, ...] = (not_summa, not_rad)

"""The budget tables: their stated sums add up, and their outcome agrees with the
resultaträkning, for what each table covers.

Both are relations of the one relation engine (reportgen/checks/relationer.py), built in
reportgen/checks/relationer_budget.py:

- `budget.summa`: a sum a table states (`summa:` of a group or of the table) = the sum of
  its rows as printed (a stated sum of a group within it stands for its rows);
- `budget.resultaträkning`: for each kind of the resultaträkning a table's lines are
  (intäkter, kostnader, finansiella poster: the line's `slag`, the parts of a figure split
  into intäkt and kostnad, else the sign of its figures), their outcome (and last year's,
  where stated) = the resultaträkning's figures of that kind: a table of costs only is
  compared with the costs, and says so. These are copies of statement figures
  (`Relation.kopia`): a wrong figure in the resultaträkning is named once, at itself.
  Compared to the krona; ±1 tkr when every line's figure is a whole number of thousands
  (copied from a table printed in tkr, so its kronor are not known). Each message states
  the tolerance it applied and why;
- `budget.avvikelse`: a line's avvikelse as the report printed it (`angivet:`) = its
  utfall − periodbudget, its avvikelse prognos mot budget = prognos − årsbudget.
"""

from __future__ import annotations

from collections.abc import Iterator

from reportgen.checks.base import Kontext, Regel, meddelande_kr, regel
from reportgen.checks.relationer_budget import MÅTTNAMN, poster, tabellrader
from reportgen.checks.summor import relationsregel
from reportgen.compute.budgetrader import del_belopp, saknas
from reportgen.findings import Finding
from reportgen.schema.budget import BERÄKNADE

budget_summa = relationsregel(
    "budget.summa", "Driftredovisningens och sammanställningens angivna summor = summan av raderna")
budget_resultaträkning = relationsregel(
    "budget.resultaträkning",
    "Driftredovisningens och sammanställningens utfall = resultaträkningen, för det tabellen "
    "redovisar: exakt, eller ±1 tkr när raderna är angivna i hela tkr")

@regel("budget.avvikelse", "Driftredovisningens och sammanställningens angivna avvikelser per "
       "rad = utfall − periodbudget, prognos − årsbudget")
def budget_avvikelse(ctx: Kontext) -> Iterator[Finding]:
    budget = ctx.indata.budget
    if budget is None:
        return
    for table in tabellrader(budget):
        for post in poster(table.rot):
            for key, stated in post.rad.angivet.items():
                a, b = BERÄKNADE[key]
                if saknas(post.rad, a) or saknas(post.rad, b):
                    continue  # waits for the figure to fill in (`lucka`)
                expected = del_belopp(post.rad, a, "netto") - del_belopp(post.rad, b, "netto")
                if stated == expected:
                    continue
                vad = f"{table.namn}, {post.rad.namn} ({MÅTTNAMN[key]})"
                yield ctx.fynd((*post.path, "angivet", key),
                               meddelande_kr(vad, stated, expected, f"{MÅTTNAMN[a]} − "
                                             f"{MÅTTNAMN[b]}"), "budget.avvikelse",
                               förväntat=expected, angivet=stated)


REGLER: tuple[Regel, ...] = (budget_summa, budget_resultaträkning, budget_avvikelse)

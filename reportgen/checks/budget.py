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
  the tolerance it applied and why.
"""

from __future__ import annotations

from reportgen.checks.base import Regel
from reportgen.checks.summor import relationsregel

budget_summa = relationsregel(
    "budget.summa", "Driftredovisningens och sammanställningens angivna summor = summan av raderna")
budget_resultaträkning = relationsregel(
    "budget.resultaträkning",
    "Driftredovisningens och sammanställningens utfall = resultaträkningen, för det tabellen "
    "redovisar: exakt, eller ±1 tkr när raderna är angivna i hela tkr")

REGLER: tuple[Regel, ...] = (budget_summa, budget_resultaträkning)

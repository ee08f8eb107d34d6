"""The subtotal rules of the three statements: one factory, one definition of each subtotal."""

from __future__ import annotations

from reportgen.checks import REGLER
from reportgen.compute.statements import BR_DELSUMMOR, KF_DELSUMMOR, RR_DELSUMMOR


def test_summa_rules_keep_their_ids_descriptions_and_order():
    """What `check` shows of the three rules the factory makes is fixed."""
    summa = [(r.id, r.beskrivning) for r in REGLER if r.id in {"rr.summa", "br.summa", "kf.summa"}]
    assert summa == [
        ("rr.summa", "Resultaträkningens angivna delsummor är summan av raderna ovanför"),
        ("br.summa", "Balansräkningens angivna summor är summan av raderna ovanför"),
        ("kf.summa", "Kassaflödesanalysens angivna delsummor är summan av posterna ovanför"),
    ]


def test_checks_compare_the_subtotals_the_figures_are_computed_from(example_prepared):
    """`check` reads the subtotals from the computed statement, which carries the very
    definitions compute_rr, compute_br and compute_kf summed."""
    eko = example_prepared.eko
    assert eko.resultaträkning.delsummor is RR_DELSUMMOR
    assert eko.balansräkning.delsummor is BR_DELSUMMOR
    assert eko.kassaflödesanalys.delsummor is KF_DELSUMMOR

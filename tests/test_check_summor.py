"""The subtotal rules of the three statements: one factory, one definition of each subtotal."""

from __future__ import annotations

import pytest
from check_expected import ROOT

from reportgen.checks import REGLER
from reportgen.checks.base import Kontext, kr
from reportgen.checks.kassaflode import FÄLT

REN = ROOT / "tests" / "fixtures" / "regler" / "ren.yaml"


def test_summa_rules_keep_their_ids_descriptions_and_order():
    """What `check` shows of the three rules the factory makes is fixed."""
    summa = [(r.id, r.beskrivning) for r in REGLER if r.id in {"rr.summa", "br.summa", "kf.summa"}]
    assert summa == [
        ("rr.summa", "Resultaträkningens angivna delsummor är summan av raderna ovanför"),
        ("br.summa", "Balansräkningens angivna summor är summan av raderna ovanför"),
        ("kf.summa", "Kassaflödesanalysens angivna delsummor är summan av posterna ovanför"),
    ]


@pytest.fixture(scope="module")
def ren():  # type: ignore[no-untyped-def]
    from reportgen.pipeline import prepare

    return prepare(REN)


# statement → (rule, the YAML mapping that states its totals, YAML field of a total's key)
STATEMENTS = {
    "resultaträkning": ("rr.summa", "resultaträkning", {}),
    "balansräkning": ("br.summa", "balansräkning", {}),
    "kassaflödesanalys": ("kf.summa", "kassaflöde", FÄLT),
}


@pytest.mark.parametrize("statement", sorted(STATEMENTS))
def test_every_subtotal_stated_one_krona_off_is_found_there(ren, statement):  # type: ignore[no-untyped-def]
    """Each subtotal the statement computes, stated 1 kr off (and nothing else changed),
    gives exactly one finding, at that subtotal, expecting the computed figure."""
    rule_id, mapping, fields = STATEMENTS[statement]
    rule = next(r for r in REGLER if r.id == rule_id)
    rakning = getattr(ren.eko, statement)
    assert list(rule(Kontext(ren.source, ren.indata, ren.eko))) == []
    year = ren.eko.year
    assert rakning.delsummor
    for delsumma in rakning.delsummor:
        field = fields.get(delsumma.key, delsumma.key)
        computed = rakning.value(delsumma.key, year)
        assert computed is not None
        ekonomi = ren.indata.ekonomi
        stated = getattr(ekonomi, mapping)
        year_model = stated[year].model_copy(update={field: computed + 1})
        changed = ekonomi.model_copy(update={mapping: {**stated, year: year_model}})
        indata = ren.indata.model_copy(update={"ekonomi": changed})
        found = list(rule(Kontext(ren.source, indata, ren.eko)))
        assert [f.field for f in found] == [f"ekonomi.{mapping}.{year}.{field}"], delsumma.key
        assert f"angivet {kr(computed + 1)}, förväntat {kr(computed)}" in found[0].message

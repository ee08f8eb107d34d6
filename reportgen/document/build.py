"""Build the neutral report model from the validated input and the computed figures.

The sections come from structure.py (the YAML's `avsnitt`, or the standard order); this
module adds the cover and the document around them.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportgen.compute.statements import Ekonomiberakning
from reportgen.document import layout
from reportgen.document.builder import Builder
from reportgen.document.findings_in_place import mark_findings
from reportgen.document.keep import keep_lead_ins
from reportgen.document.model import Cover, Document, Identity, Image
from reportgen.document.structure import build_sections
from reportgen.findings import Finding, error_at
from reportgen.fmt import datum, månader, period, räkenskapsår
from reportgen.load import Source
from reportgen.narrative import logo_problem
from reportgen.schema import Indata
from reportgen.schema.rapport import Rapportinfo
from reportgen.wording import FASTA_TEXTER

__all__ = ["Builder", "build_document"]


def build_document(
    indata: Indata, source: Source, eko: Ekonomiberakning, draft: bool = False,
    findings: tuple[Finding, ...] = (),
) -> tuple[Document, list[Finding]]:
    """The report model; in a draft, the cells *findings* are about are marked in place."""
    b = Builder(indata, source, eko)
    sections = keep_lead_ins(build_sections(b))
    if draft:
        sections = mark_findings(sections, findings)
    förbund = indata.förbund.namn
    names = _names(indata.rapport)
    document = Document(
        title=names.fill(b, names.titel),
        subject=names.fill(b, names.beskrivning, förbund=förbund),
        author=förbund,
        lang="sv-SE",
        cover=cover(b),
        sections=sections,
        draft=draft,
        base_dir=source.base_dir,
        identity=Identity(indata.förbund.organisationsnummer, indata.rapport.räkenskapsår,
                          indata.rapport.typ, source.file),
        texts=b.wording,
        theme=b.theme,
    )
    return document, b.warnings


@dataclass(frozen=True)
class _Rapportnamn:
    """The fixed sentences that name the report, and their parameters: an årsredovisning's
    ("Årsredovisning 2023") or a delårsrapport's ("Delårsrapport januari–augusti 2023")."""

    titel: str
    beskrivning: str
    omslag_titel: str
    omslag_period: str
    omslag_beslutad: str
    parametrar: dict[str, str]

    def fill(self, b: Builder, key: str, **more: str) -> str:
        """The sentence *key* with those of the parameters it takes."""
        takes = FASTA_TEXTER[key].parametrar
        values = {**self.parametrar, **more}
        return b.fixed(key, **{k: v for k, v in values.items() if k in takes})


def _names(r: Rapportinfo) -> _Rapportnamn:
    year = str(r.räkenskapsår)
    if r.period is None:
        return _Rapportnamn("dokumenttitel", "dokumentbeskrivning", "omslag_titel",
                            "omslag_period", "omslag_beslutad",
                            {"år": year, "period": räkenskapsår(r.räkenskapsår)})
    return _Rapportnamn("delår_dokumenttitel", "delår_dokumentbeskrivning",
                        "delår_omslag_titel", "delår_omslag_period", "delår_omslag_godkänd",
                        {"år": year, "period": period(r.period.från, r.period.till),
                         "månader": månader(r.period.från, r.period.till)})


def cover(b: Builder) -> Cover:
    """The cover, and the contact lines after the table of contents: what the YAML gives."""
    f = b.indata.förbund
    r = b.indata.rapport
    names = _names(r)
    logo = None
    if f.logotyp:
        path = b.source.base_dir / f.logotyp
        where = b.source.locate(("förbund", "logotyp"))
        # reportgen check reports this (text.logotyp); a draft must not show a file
        # from outside the project or a missing one either.
        problem = logo_problem(b.source, f.logotyp)
        if problem is not None:
            raise error_at(where, problem, "förbund.logotyp", "text.logotyp")
        logo = Image(path.resolve(), f.logotyp_alt or f"{f.namn}s logotyp",
                     layout.COVER_LOGO_WIDTH_MM, where)
    contact = (("adress_post", f.adress.postadress), ("adress_besök", f.adress.besöksadress),
               ("adress_webb", f.adress.webb), ("adress_epost", f.adress.epost))
    address = [b.fixed(key, adress=value) for key, value in contact if value]
    if f.adress.telefon:
        address.append(b.fixed("adress_telefon", nummer=f.adress.telefon))
    return Cover(
        organisation=f.namn,
        organisation_number=f.organisationsnummer,
        title=names.fill(b, names.omslag_titel),
        period=names.fill(b, names.omslag_period),
        decided=b.fixed(names.omslag_beslutad, datum=datum(r.beslutsdatum)) if r.beslutsdatum
        else None,
        logo=logo,
        address_lines=tuple(address),
        texts=b.wording,
    )

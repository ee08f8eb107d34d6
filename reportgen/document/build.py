"""Build the neutral report model from the validated input and the computed figures."""

from __future__ import annotations

import datetime as dt
from typing import get_args

from reportgen.compute.overview import compute_overview
from reportgen.compute.statements import Ekonomiberakning
from reportgen.compute.styrelse import ledamöter_vid_årets_slut, revisorer_vid_årets_slut
from reportgen.document.builder import Builder
from reportgen.document.model import (
    Block,
    Cell,
    CellKind,
    Cover,
    Document,
    Heading,
    Image,
    Paragraph,
    Row,
    Run,
    Section,
    Signatory,
    SignatureBlock,
    Table,
)
from reportgen.document.sections_budget import (
    driftredovisning_sections,
    sammanstallning_sections,
)
from reportgen.document.sections_goals import hushållning_blocks, ordförande_sections
from reportgen.document.sections_indicators import bilagor_sections
from reportgen.document.tables import header, note_table, overview_table, statement_table
from reportgen.findings import Finding, error_at
from reportgen.fmt import datum, räkenskapsår
from reportgen.load import Source
from reportgen.narrative import logo_problem
from reportgen.schema import Indata
from reportgen.schema.ekonomi import Balanspost
from reportgen.schema.organisation import Roll

BALANCE_LINES = frozenset(get_args(Balanspost))


class ReportBuilder(Builder):
    """The whole report: the cover, build.py's own chapters and those of the sections_* modules."""

    # -- the document ------------------------------------------------------------------------
    def document(self, draft: bool) -> Document:
        year = self.indata.rapport.räkenskapsår
        förbund = self.indata.förbund
        sections = (
            *ordförande_sections(self),
            self.förvaltningsberättelse(),
            self.statement_section(self.eko.resultaträkning, "resultatrakning"),
            self.statement_section(self.eko.balansräkning, "balansrakning", page_break=False),
            self.statement_section(self.eko.kassaflödesanalys, "kassaflodesanalys",
                                   with_notes=False),
            *driftredovisning_sections(self),
            self.noter(),
            *sammanstallning_sections(self),
            self.underskrifter(),
            *bilagor_sections(self),
        )
        return Document(
            title=f"Årsredovisning {year}",
            subject=f"Årsredovisning för räkenskapsåret {year}, {förbund.namn}",
            author=förbund.namn,
            lang="sv-SE",
            cover=self.cover(),
            sections=sections,
            draft=draft,
            base_dir=self.source.base_dir,
        )

    def cover(self) -> Cover:
        f = self.indata.förbund
        r = self.indata.rapport
        logo = None
        if f.logotyp:
            path = self.source.base_dir / f.logotyp
            where = self.source.locate(("förbund", "logotyp"))
            # reportgen check reports this (text.logotyp); a draft must not show a file
            # from outside the project or a missing one either.
            problem = logo_problem(self.source, f.logotyp)
            if problem is not None:
                raise error_at(where, problem, "förbund.logotyp", "text.logotyp")
            logo = Image(path.resolve(), f.logotyp_alt or f"{f.namn}s logotyp", 40, where)
        address = [f"Postadress: {f.adress.postadress}"]
        if f.adress.besöksadress:
            address.append(f"Besöksadress: {f.adress.besöksadress}")
        if f.adress.webb:
            address.append(f"Webbplats: {f.adress.webb}")
        if f.adress.epost:
            address.append(f"E-post: {f.adress.epost}")
        if f.adress.telefon:
            address.append(f"Telefon: {f.adress.telefon}")
        return Cover(
            organisation=f.namn,
            organisation_number=f.organisationsnummer,
            title="Årsredovisning",
            period=f"För räkenskapsåret {räkenskapsår(r.räkenskapsår)}",
            decided=f"Beslutad av styrelsen {datum(r.beslutsdatum)}" if r.beslutsdatum else None,
            logo=logo,
            address_lines=tuple(address),
        )

    # -- 1. Förvaltningsberättelse --------------------------------------------------------------
    def förvaltningsberättelse(self) -> Section:
        number = self.next_chapter()
        intro: list[Block | Section] = list(self.fb_text("inledning"))
        for name, title in (
            ("organisation", "Organisation"),
            ("uppdrag", "Uppdrag"),
            ("lagrum", "Lagrum"),
            ("finansiering", "Finansiering"),
            ("verksamhetsidé", "Verksamhetsidé och vision"),
        ):
            blocks = self.fb_text(name)
            if blocks:
                intro.append(Heading(2, title))
                intro.extend(blocks)

        def sub(n: int, slug: str, title: str, blocks: tuple[Block | Section, ...]) -> Section:
            return Section(slug, f"{number}.{n}", title, 2, blocks)

        overview = compute_overview(self.indata, self.eko)
        footnote = None
        if self.indata.ekonomi.femårsöversikt_text:
            text = self.plain_text(("ekonomi", "femårsöversikt_text"),
                                   self.indata.ekonomi.femårsöversikt_text)
            footnote = " ".join(text.split())
        subsections = [
            sub(1, "oversikt", "Översikt över verksamhetens utveckling",
                (overview_table(overview, footnote), *self.fb_text("översikt"))),
            sub(2, "viktiga-forhallanden",
                "Viktiga förhållanden för resultat och ekonomisk ställning",
                self.fb_text("viktiga_förhållanden")),
            sub(3, "vasentliga-handelser", "Händelser av väsentlig betydelse",
                self.fb_text("väsentliga_händelser")),
            sub(4, "styrning", "Styrning och uppföljning av verksamheten",
                (*self.fb_text("styrning"), self.styrelse_table(), *self.fb_text("revision"),
                 self.revisorer_table())),
            sub(5, "god-hushallning",
                "God ekonomisk hushållning, måluppfyllelse och ekonomisk ställning",
                (*self.fb_text("god_hushållning"), *hushållning_blocks(self))),
            sub(6, "personal", "Väsentliga personalförhållanden", self.fb_text("personal")),
            sub(7, "forvantad-utveckling", "Förväntad utveckling",
                self.fb_text("förväntad_utveckling")),
        ]
        return Section("forvaltningsberattelse", number, "Förvaltningsberättelse", 1,
                       (*intro, *subsections), page_break_before=True)

    def styrelse_table(self) -> Table:
        def person(name: str, role: str | None, start: dt.date | None,
                   end: dt.date | None) -> str:
            text = name
            if role:
                text += f", {role}"
            if start:
                text += f" (från {datum(start)})"
            if end:
                text += f" (till {datum(end)})"
            return text

        rows = []
        for seat in self.indata.styrelse:
            ordinarie = "\n".join(
                person(p.namn, p.roll.value if p.roll is not Roll.ledamot else None, p.från, p.till)
                for p in seat.ordinarie
            )
            ersättare = "\n".join(person(p.namn, None, p.från, p.till) for p in seat.ersättare)
            rows.append(Row((Cell(seat.utsedd_av, CellKind.LABEL), Cell(ordinarie),
                             Cell(ersättare or "–"))))
        year = self.indata.rapport.räkenskapsår
        return Table("styrelse", f"Styrelsens sammansättning {year}",
                     (header("Utsedd av", "Ordinarie ledamot", "Ersättare"),), tuple(rows),
                     (30, 40, 30))

    def revisorer_table(self) -> Table:
        rows = []
        for r in self.indata.revisorer:
            name = r.namn
            if r.från:
                name += f" (från {datum(r.från)})"
            if r.till:
                name += f" (till {datum(r.till)})"
            rows.append(Row((Cell(r.utsedd_av, CellKind.LABEL), Cell(name), Cell(r.funktion))))
        year = self.indata.rapport.räkenskapsår
        return Table("revisorer", f"Revisorer {year}",
                     (header("Utsedd av", "Namn", "Funktion"),), tuple(rows), (35, 25, 40))

    # -- statements and notes -----------------------------------------------------------------
    def statement_section(self, statement, slug: str, page_break: bool = True,  # type: ignore[no-untyped-def]
                          with_notes: bool = True) -> Section:
        return Section(slug, self.next_chapter(), statement.title, 1,
                       (statement_table(statement, with_notes),), page_break_before=page_break)

    def noter(self) -> Section:
        number = self.next_chapter()
        notes: list[Block | Section] = []
        for index, note in enumerate(self.indata.ekonomi.noter, start=1):
            blocks: list[Block] = list(
                self.text(("ekonomi", "noter", index - 1, "text"), note.text)
            )
            if note.rader:
                balance = any(key in BALANCE_LINES for key in note.avser)
                blocks.append(note_table(index, note, self.eko.years, balance))
            notes.append(Section(f"not-{index}-avsnitt", f"Not {index}.", note.rubrik, 2,
                                 tuple(blocks), in_toc=False))
        return Section("noter", number, "Noter", 1, tuple(notes), page_break_before=True)

    # -- signatures ---------------------------------------------------------------------------
    def underskrifter(self) -> Section:
        u = self.indata.underskrifter
        digital = u.sätt.value == "digital"
        board = []
        order = {Roll.ordförande: 0, Roll.vice_ordförande: 1, Roll.ledamot: 2}
        for s, _, p in ledamöter_vid_årets_slut(self.indata):
            seat = self.indata.styrelse[s]
            board.append((order[p.roll], Signatory(p.namn, p.roll.value.capitalize(),
                                                   (f"Utsedd av {seat.utsedd_av}",))))
        board.sort(key=lambda item: item[0])
        auditors = tuple(
            Signatory(r.namn, r.funktion, (r.företräder,) if r.företräder else ())
            for r in revisorer_vid_årets_slut(self.indata)
        )
        if digital:
            place_and_date = "Datering enligt datum för digital signering"
        else:
            place = u.ort or self.indata.förbund.säte or ""
            place_and_date = f"{place} den ____________________".strip()
        statement = self.plain_text(("underskrifter", "intygande"), u.intygande).strip()
        blocks = (
            SignatureBlock("Styrelsen", statement, tuple(s for _, s in board), digital,
                           place_and_date),
            SignatureBlock("Revisorer", "Vår revisionsberättelse har lämnats.", auditors, digital,
                           place_and_date),
        )
        return Section("underskrifter", self.next_chapter(),
                       "Styrelsens och revisorernas underskrifter", 1, blocks,
                       page_break_before=True)


def build_document(
    indata: Indata, source: Source, eko: Ekonomiberakning, draft: bool = False
) -> tuple[Document, list[Finding]]:
    builder = ReportBuilder(indata, source, eko)
    document = builder.document(draft)
    return document, builder.warnings


def paragraph(text: str, style: str = "normal") -> Paragraph:
    return Paragraph((Run(text),), style)

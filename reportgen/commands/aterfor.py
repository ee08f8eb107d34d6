"""`reportgen återför REDIGERAD.docx`: the kansli's edits in Word back into the sources.

The DOCX says which report it is (custom properties) and where each narrative block and
figure came from (bookmarks, reportgen/render/docx_marks.py). The command prepares the
report from its YAML with the one pipeline, renders it afresh, sets the edited DOCX beside
it (reportgen/roundtrip/compare.py) and writes the changed narrative back into the
Markdown files and inline YAML texts it came from — only the changed blocks. What must not
be edited in Word (figures, computed tables, headings, fixed text, paragraphs outside any
text) is reported with where to change it, never written.

Nothing is written until everything is known (MkDocs' two phases); then every file is
replaced atomically. `--visa` writes nothing and shows the changes as a unified diff.
"""

from __future__ import annotations

import dataclasses
import difflib
from dataclasses import dataclass, field
from pathlib import Path

from reportgen.docx_read.body import ReadParagraph, read_body
from reportgen.docx_read.comments import Comment, read_comments
from reportgen.docx_read.package import Package, read_package, refuse
from reportgen.docx_read.revisions import INSERTED, Revision, apply_revisions
from reportgen.findings import Finding, Location, Severity
from reportgen.load import Source
from reportgen.render import docx_marks as marks
from reportgen.roundtrip.compare import Comparison, compare
from reportgen.roundtrip.markdown_out import Written, blocks_markdown
from reportgen.roundtrip.rewrite import Conflict, TextEdit, markdown_file, write_all, yaml_file
from reportgen.roundtrip.sources import ModelIndex, Text, index_model
from reportgen.textclean import clean_text


@dataclass
class Outcome:
    """Everything `återför` found; nothing written yet."""

    files: dict[Path, bytes] = field(default_factory=dict)  # new contents, by file
    done: list[str] = field(default_factory=list)  # what changes, in words
    notices: list[Finding] = field(default_factory=list)  # reported, not written
    revisions: list[tuple[Revision, str]] = field(default_factory=list)  # with their paragraph
    comments: list[tuple[Comment, str]] = field(default_factory=list)  # with their paragraph
    rejected: bool = False  # tracked changes were kept out


def _paragraph_text(element) -> str:  # type: ignore[no-untyped-def]
    from reportgen.docx_read.package import W

    if element is None:
        return ""
    text = "".join(t.text or "" for t in element.iter(f"{{{W}}}t", f"{{{W}}}delText"))
    return " ".join(text.split())


def _identity(package: Package, yaml: Path | None) -> Path:
    """The YAML file the DOCX was built from; refuses a DOCX reportgen did not make."""
    props = package.properties
    names = marks.IDENTITY
    if not props.get(names["generator"], "").startswith(marks.GENERATOR):
        raise refuse(package.file, "Word-filen är inte skapad av reportgen (den saknar "
                     "reportgens dokumentegenskaper), så det går inte att veta var texten kommer "
                     "ifrån; bygg rapporten med reportgen build och redigera den filen")
    if yaml is not None:
        return yaml
    name = Path(props.get(names["source"], "")).name
    found = _find_source(name, package.file) if name else None
    if found is None:
        raise refuse(package.file, f"YAML-filen som Word-filen skapades från ({name or 'okänd'}) "
                     "finns varken här, i content/ eller bredvid Word-filen; ange den med "
                     "--yaml FIL")
    return found


def _find_source(name: str, docx: Path) -> Path | None:
    """The YAML file *name* where a project keeps it: here, in content/, beside the DOCX or
    beside its folder (build/ → content/); said as the user would write it."""
    here = Path.cwd()
    folder = docx.absolute().parent
    for candidate in (here / name, here / "content" / name, folder / name,
                      folder.parent / "content" / name, folder.parent / name):
        if candidate.is_file():
            try:
                return candidate.relative_to(here)
            except ValueError:
                return candidate
    return None


def _same_report(package: Package, document, yaml: Path) -> None:  # type: ignore[no-untyped-def]
    identity = document.identity
    if identity is None:
        return
    props = package.properties
    names = marks.IDENTITY
    year = props.get(names["year"], "")
    if year != str(identity.year):
        raise refuse(package.file, f"Word-filen är byggd för räkenskapsåret {year or 'okänt'}, "
                     f"men {yaml} är för {identity.year}; återför till det årets YAML-fil")
    number = props.get(names["organisation_number"], "")
    if number != (identity.organisation_number or ""):
        raise refuse(package.file, f"Word-filen är en annan rapport (organisationsnummer "
                     f"{number or 'saknas'}) än {yaml} "
                     f"({identity.organisation_number or 'utan organisationsnummer'})")
    kind = props.get(names["kind"], "")
    if kind and kind != identity.kind:
        raise refuse(package.file, f"Word-filen är en {kind}, men {yaml} är en {identity.kind}")


def bring_back(docx: Path, yaml: Path | None = None, reject: bool = False) -> Outcome:
    """What the edited *docx* changes in its sources. Reads, writes nothing."""
    from reportgen.document import layout
    from reportgen.pipeline import prepare
    from reportgen.render.docx import render_docx

    package = read_package(docx)
    source_file = _identity(package, yaml)
    prepared = prepare(source_file, draft=True)
    _same_report(package, prepared.document, source_file)
    outcome = Outcome(rejected=reject)
    comments = read_comments(package)
    outcome.comments = [(c, _paragraph_text(c.paragraph)) for c in comments]
    revisions = apply_revisions(package.document, accept=not reject)
    outcome.revisions = [(r, _paragraph_text(r.paragraph)) for r in revisions]

    # Rendered afresh as the edited file was built: as a draft if it says it is one.
    status = layout.draft_marking(prepared.document.texts).status
    document = dataclasses.replace(prepared.document, draft=package.status == status)
    index = index_model(document)
    fresh = read_package(docx, render_docx(document))
    edited_items = read_body(package, index.anchors)
    if not any(isinstance(i, ReadParagraph) and i.mark for i in edited_items):
        raise refuse(docx, "Word-filen har inga av reportgens märken kvar (bokmärken); den har "
                     "sparats av ett program som tar bort dem, så texten kan inte föras tillbaka")
    comparison = compare(index, read_body(fresh, index.anchors), edited_items,
                         prepared.source, docx)
    outcome.notices.extend(comparison.notices)
    _edits(comparison, index, prepared.source, outcome)
    return outcome


def _original(text: Text, source: Source) -> str:
    if text.source.file is not None:
        return clean_text(text.source.file.read_text(encoding="utf-8"))[0]
    data = source.data
    for key in text.source.path:
        data = data[key]
    return clean_text(str(data))[0]


def _check(markdown: str, paragraphs: list[ReadParagraph], text: Text) -> bool:
    """Does *markdown* read back as the paragraphs' text? (Escaping can never lose a word.)"""
    from reportgen.document.markdown import to_blocks
    from reportgen.document.model import Heading, ListBlock, Paragraph, Quote

    filled = markdown
    for figure in text.figures.values():
        filled = filled.replace(figure.written, "\uf8ff")

    def plain(blocks) -> str:  # type: ignore[no-untyped-def]
        out = []
        for block in blocks:
            if isinstance(block, Paragraph):
                out.append(block.text)
            elif isinstance(block, Heading):
                out.append(block.text)
            elif isinstance(block, ListBlock):
                for item in block.items:
                    out.append(plain(item))
            elif isinstance(block, Quote):
                out.append(plain(block.blocks))
        return " ".join(out)

    def norm(value: str) -> str:
        return " ".join(value.replace("\uf8ff", " ").split())

    wanted = " ".join(
        "".join("\uf8ff" if p.figure is not None and p.figure.index in text.figures else p.text
                for p in paragraph.pieces) for paragraph in paragraphs)
    return norm(plain(to_blocks(filled))) == norm(wanted)


def _edits(comparison: Comparison, index: ModelIndex, source: Source, outcome: Outcome) -> None:
    edits: dict[str, TextEdit] = {}
    for (digest, block), paragraphs in sorted(comparison.changed.items()):
        text = index.texts[digest]
        edit = edits.setdefault(digest, TextEdit(text))
        if not paragraphs:
            edit.changed[block] = None
            continue
        lines = _original(text, source).split("\n")
        start, end = text.origin(block).lines
        model_block = text.blocks[block]
        written = Written.of(lines[start:end], getattr(model_block, "start", 1))
        markdown = blocks_markdown(paragraphs, text.figures, written)
        if not _check(markdown, paragraphs, text):
            outcome.notices.append(Finding(_where(text, block, source), "stycket kunde inte "
                                           "skrivas som Markdown ord för ord och skrivs inte "
                                           "tillbaka", Severity.WARNING, text.source.field,
                                           "återför.markdown"))
            continue
        edit.changed[block] = markdown
    for (digest, block), paragraphs in sorted(comparison.inserted.items()):
        text = index.texts[digest]
        edit = edits.setdefault(digest, TextEdit(text))
        edit.inserted.setdefault(block, []).append(blocks_markdown(paragraphs, text.figures,
                                                                   Written()))
    yaml_edits: list[TextEdit] = []
    for edit in edits.values():
        if not edit.changed and not edit.inserted:
            continue
        outcome.done += _said(edit, source)
        if edit.text.source.file is None:
            yaml_edits.append(edit)
            continue
        path = edit.text.source.file
        try:
            outcome.files[path] = markdown_file(path, edit)
        except Conflict as conflict:
            outcome.notices.append(Finding(Location(path), str(conflict), Severity.WARNING,
                                           edit.text.source.field, "återför.konflikt"))
    if yaml_edits:
        try:
            outcome.files[source.file] = yaml_file(source.file, yaml_edits)
        except Conflict as conflict:
            outcome.notices.append(Finding(Location(source.file), str(conflict),
                                           Severity.WARNING, "", "återför.konflikt"))


def _where(text: Text, block: int, source: Source) -> Location:
    if text.source.file is not None:
        return Location(text.source.file, text.origin(block).lines[0] + 1)
    return source.locate(text.source.path)


def _said(edit: TextEdit, source: Source) -> list[str]:
    out = []
    for block, markdown in sorted(edit.changed.items()):
        what = "ändrat" if markdown else "borttaget"
        out.append(f"{_where(edit.text, block, source)}: stycke {block + 1} {what} "
                   f"({edit.text.source.field})")
    for block in sorted(edit.inserted):
        out.append(f"{_where(edit.text, block, source)}: nytt stycke efter stycke {block + 1} "
                   f"({edit.text.source.field})")
    return out


def _diff(path: Path, new: bytes) -> str:
    old = path.read_bytes().decode("utf-8").splitlines(keepends=True)
    lines = new.decode("utf-8").splitlines(keepends=True)
    name = path.as_posix()
    return "".join(difflib.unified_diff(old, lines, f"a/{name}".replace("//", "/"),
                                        f"b/{name}".replace("//", "/")))


def _short(text: str, limit: int = 70) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def report(outcome: Outcome, show: bool) -> str:
    """The command's account, in Swedish."""
    lines = []
    if outcome.done:
        lines.append("Ändrat i Word och förs tillbaka till källan:")
        lines += [f"  {line}" for line in outcome.done]
    else:
        lines.append("Ingen text att föra tillbaka: texten i Word är som i källan.")
    if outcome.notices:
        lines.append("Ändrat i Word men skrivs inte (ändra i källan om det ska gälla):")
        lines += [f"  {finding}" for finding in outcome.notices]
    if outcome.revisions:
        if outcome.rejected:
            lines.append("Spårade ändringar som inte togs med (--utan-spårade-ändringar):")
        else:
            lines.append("Spårade ändringar, godtagna:")
        for revision, paragraph in outcome.revisions:
            who = ", ".join(p for p in (revision.author, revision.date[:10]) if p)
            what = "infogat" if revision.kind == INSERTED else "borttaget"
            lines.append(f"  {what} ”{_short(revision.text, 50)}” ({who}) i stycket "
                         f"”{_short(paragraph, 50)}”")
    if outcome.comments:
        lines.append("Kommentarer i Word (skrivs inte tillbaka):")
        for comment, paragraph in outcome.comments:
            who = ", ".join(p for p in (comment.author, comment.date[:10]) if p)
            lines.append(f"  {who}: ”{_short(comment.text, 80)}” vid stycket "
                         f"”{_short(paragraph, 50)}”")
    if show:
        for path, data in outcome.files.items():
            lines.append(_diff(path, data).rstrip("\n"))
        lines.append("Inga filer skrevs (--visa).")
    return "\n".join(lines)


def aterfor(docx: Path, yaml: Path | None = None, show: bool = False,
            reject: bool = False) -> int:
    outcome = bring_back(docx, yaml, reject)
    print(report(outcome, show))
    if not show and outcome.files:
        write_all(outcome.files)
        for path in outcome.files:
            print(f"skrev {path}")
    return 0

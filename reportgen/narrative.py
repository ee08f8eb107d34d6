"""Narrative fields: inline Markdown, or a Markdown file named relative to the YAML.

Which fields are narrative is said once, in the schema (`Text` and `Korttext`,
reportgen/schema/base.py), and found by `narrative_fields`. `reportgen check` reads and
checks exactly those (reportgen/checks/texter.py); the report model fills in the
figures of exactly those (`fill_narratives`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from reportgen.figures import as_text, uttryck
from reportgen.findings import Finding, Location, Severity, UserError, error_at
from reportgen.load import PathKey, Source
from reportgen.readfile import Unreadable, inside
from reportgen.schema.base import Berättelse
from reportgen.schema.marked import narrative_fields
from reportgen.textclean import clean_text

if TYPE_CHECKING:
    from pydantic import BaseModel

    from reportgen.figures import Figur, Figurer

MARKDOWN = Berättelse(markdown=True)


@dataclass(frozen=True)
class Narrative:
    text: str
    location: Location  # where the text starts (Markdown file line 1, or the YAML field)
    warnings: tuple[Finding, ...] = ()
    field: str = ""  # the dotted YAML field that gives the text
    in_file: bool = False  # a Markdown file's text (else inline in the YAML)

    @property
    def line_offset(self) -> int:
        """For Figurer.textfel: a file's line n is line n of the text; inline text can
        only be pointed at by its field (-1)."""
        return 0 if self.in_file else -1

    def textfel(self, figures: Figurer) -> list[Finding]:
        """What is wrong with the text's `{{ … }}` figure expressions (reportgen/figures.py);
        `reportgen check` asks this, and the build through `fill`."""
        return figures.textfel(self.text, self.location, self.field, self.line_offset)

    def fill(self, figures: Figurer) -> Filled:
        """The text with its figures filled in; `textfel`'s findings become a UserError."""
        return Filled(self, figures.parts(self.text, self.location, self.field,
                                          self.line_offset))


@dataclass(frozen=True)
class Filled:
    """A narrative with its figures filled in, kept apart from the text around them so
    that a figure never becomes Markdown syntax (reportgen/document/markdown.py)."""

    narrative: Narrative
    parts: tuple[str | Figur, ...]  # the text, each `{{ name }}` replaced by its figure

    @property
    def plain(self) -> str:
        """The text as written, figures filled in (a table cell, a footnote)."""
        return as_text(self.parts)

    @property
    def expressions(self) -> tuple[tuple[str, str], ...]:
        """Each figure's name and its expression as written ("{{ år }}"), in the order of
        `parts` (for `reportgen återför`, which writes the expressions back)."""
        text = self.narrative.text
        return tuple((u.name, text[u.start:u.end]) for u in uttryck(text) if u.name)


def is_file_reference(value: str) -> bool:
    stripped = value.strip()
    return stripped.endswith(".md") and "\n" not in stripped


def _shown(name: str) -> str:
    """A file name as the YAML gives it, shortened when absurdly long."""
    name = name.strip()
    return repr(name if len(name) <= 80 else name[:60] + "…" + name[-15:])


def logo_problem(source: Source, logotyp: str) -> str | None:
    """Why the logo *logotyp* (named relative to the YAML) cannot be used, in Swedish;
    None if it can. `reportgen check` reports it, the cover relies on it. The picture is
    examined once (reportgen/pictures.py): format, decoding, size, an SVG's references."""
    path = source.base_dir / logotyp
    if not inside(path, source.base_dir):
        return "logotypen ligger utanför projektmappen"
    try:
        source.picture(path)
    except Unreadable as exc:
        return f"logotypen {_shown(logotyp)} {exc.problem}"
    return None


def logo_warning(source: Source, logotyp: str) -> str | None:
    """What the DOCX shows instead of a usable logo that python-docx cannot embed."""
    try:
        picture = source.picture(source.base_dir / logotyp)
    except Unreadable:
        return None
    if picture.docx:
        return None
    what = "en SVG-bild" if picture.format == "SVG" else "en JPEG-bild utan JFIF- eller Exif-huvud"
    return (f"logotypen är {what}, som inte kan tas med i DOCX-filen: där står alternativtexten "
            "i stället (PDF och HTML visar bilden). Spara den som PNG för att få med den.")


def resolve(value: str, field: PathKey, source: Source, kind: Berättelse = MARKDOWN) -> Narrative:
    """Read the narrative of *field*; a missing or outside file is a located error.

    A Markdown field (*kind*) holding the path of a .md file gives that file's text; a
    short text is always the text itself.
    """
    dotted = ".".join(str(p) for p in field)
    where = source.locate(field)
    if kind.markdown and is_file_reference(value):
        path = source.base_dir / value.strip()
        if not inside(path, source.base_dir):
            raise error_at(
                where, f"filen {value.strip()!r} ligger utanför projektmappen", dotted, "text.utanför"
            )
        try:
            raw = source.read_text(path)
        except Unreadable as exc:
            # A byte that is not UTF-8 is pointed at in the Markdown file itself.
            at = Location(path, exc.line, exc.column) if exc.line is not None else where
            rule = "text.saknas" if exc.problem == "finns inte" else "text.fil"
            raise error_at(at, f"filen {_shown(value)} {exc.problem}", dotted, rule) from None
        location = Location(path, 1, 1)
    else:
        raw, location = value, where
    text, dropped = clean_text(raw)
    warnings: tuple[Finding, ...] = ()
    if dropped:
        warnings = (
            Finding(
                location,
                "texten innehöll styrtecken som inte kan visas; de har tagits bort",
                Severity.WARNING,
                dotted,
                "text.styrtecken",
            ),
        )
    return Narrative(text, location, warnings, dotted, location.file != source.file)


def fill_narratives(model: BaseModel, source: Source, figures: Figurer) -> dict[PathKey, Filled]:
    """Every narrative field of *model* read and its figures filled in, by YAML path.

    Raises one UserError with the problems of every field (the findings `reportgen
    check` gives for them).
    """
    filled: dict[PathKey, Filled] = {}
    problems: list[Finding] = []
    for path, value, kind in narrative_fields(model):
        try:
            filled[path] = resolve(value, path, source, kind).fill(figures)
        except UserError as error:
            problems.extend(error.findings)
    if problems:
        raise UserError(problems)
    return filled

"""Narrative fields: inline Markdown, or a Markdown file named relative to the YAML."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportgen.document.markdown import clean_text
from reportgen.findings import Finding, Location, Severity, error_at
from reportgen.load import PathKey, Source


@dataclass(frozen=True)
class Narrative:
    text: str
    location: Location  # where the text starts (Markdown file line 1, or the YAML field)
    warnings: tuple[Finding, ...] = ()


def is_file_reference(value: str) -> bool:
    stripped = value.strip()
    return stripped.endswith(".md") and "\n" not in stripped


def inside(path: Path, root: Path) -> bool:
    """True if *path* (symlinks resolved) lies within *root*."""
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return False
    return True


def resolve(value: str, field: PathKey, source: Source) -> Narrative:
    """Read the narrative of *field*; a missing or outside file is a located error."""
    dotted = ".".join(str(p) for p in field)
    where = source.locate(field)
    if is_file_reference(value):
        path = source.base_dir / value.strip()
        if not inside(path, source.base_dir):
            raise error_at(
                where, f"filen {value.strip()!r} ligger utanför projektmappen", dotted, "text.utanför"
            )
        try:
            raw = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise error_at(where, f"filen {value.strip()!r} finns inte", dotted, "text.saknas") from None
        except UnicodeDecodeError:
            raise error_at(
                where, f"filen {value.strip()!r} är inte UTF-8-kodad", dotted, "text.kodning"
            ) from None
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
    return Narrative(text, location, warnings)

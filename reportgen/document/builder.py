"""What every part of the report model builder shares: the input, the computed figures,
narrative text as blocks, the chapter counter and the warnings met on the way.

build.py assembles the document from it and the sections_* modules add their chapters;
they all import this module, and it imports none of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from reportgen.compute.budget import Budgetberakning, compute_budget
from reportgen.compute.statements import Ekonomiberakning
from reportgen.document import markdown
from reportgen.document.model import Block
from reportgen.figures import Verksamhetsunderlag, verksamhetsunderlag
from reportgen.findings import Finding
from reportgen.load import PathKey, Source
from reportgen.narrative import resolve
from reportgen.schema import Indata


@dataclass
class Builder:
    indata: Indata
    source: Source
    eko: Ekonomiberakning
    warnings: list[Finding] = field(default_factory=list)
    chapter: int = 0

    @cached_property
    def verksamhet(self) -> Verksamhetsunderlag:
        """Activity figures, assessed mål and the figures narrative can name (figures.py)."""
        return verksamhetsunderlag(self.indata, self.eko)

    @cached_property
    def budget(self) -> Budgetberakning | None:
        """The driftredovisning's and the sammanställning's figures, computed once."""
        return compute_budget(self.indata, self.eko)

    # -- narrative ---------------------------------------------------------------------------
    def text(self, path: PathKey, value: str | None, heading_level: int = 3) -> tuple[Block, ...]:
        if value is None:
            return ()
        narrative = resolve(value, path, self.source, self.verksamhet.figurer)
        self.warnings.extend(narrative.warnings)
        prefix = "-".join(str(p) for p in path[1:]) or "text"
        return markdown.to_blocks(narrative.text, heading_level, prefix)

    def fb_text(self, name: str, heading_level: int = 3) -> tuple[Block, ...]:
        value = getattr(self.indata.förvaltningsberättelse, name)
        return self.text(("förvaltningsberättelse", name), value, heading_level)

    def next_chapter(self) -> str:
        self.chapter += 1
        return str(self.chapter)

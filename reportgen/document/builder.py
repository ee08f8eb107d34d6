"""What every part of the report model builder shares: the input, the computed figures,
narrative text as blocks, the fixed sentences, the section being built and the warnings
met on the way.

structure.py builds the sections the YAML lists with it, through the builders of
registry.py (in build.py and the sections_* modules); they all import this module, and it
imports none of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from reportgen.compute.budget import Budgetberakning, compute_budget
from reportgen.compute.statements import Ekonomiberakning
from reportgen.document import markdown
from reportgen.document.model import Block
from reportgen.document.origin import TextSource, digest
from reportgen.document.theme import Theme, theme
from reportgen.figures import Verksamhetsunderlag, verksamhetsunderlag
from reportgen.findings import Finding
from reportgen.load import PathKey, Source
from reportgen.narrative import Filled, fill_narratives
from reportgen.schema import Indata
from reportgen.wording import Texter


@dataclass
class Builder:
    indata: Indata
    source: Source
    eko: Ekonomiberakning
    warnings: list[Finding] = field(default_factory=list)
    level: int = 1  # the level of the section whose content is being built
    ids: set[str] = field(default_factory=set)  # the section anchors given out so far

    @cached_property
    def verksamhet(self) -> Verksamhetsunderlag:
        """Activity figures, assessed mål and the figures narrative can name (figures.py)."""
        return verksamhetsunderlag(self.indata, self.eko)

    @cached_property
    def theme(self) -> Theme:
        """The förbund's look (`tema`): charts are drawn in its colours."""
        return theme(self.indata.tema)

    @cached_property
    def budget(self) -> Budgetberakning | None:
        """The driftredovisning's and the sammanställning's figures, computed once."""
        return compute_budget(self.indata, self.eko)

    # -- narrative ---------------------------------------------------------------------------
    @cached_property
    def texts(self) -> dict[PathKey, Filled]:
        """Every narrative field (as the schema marks them), figures filled in, by path."""
        texts = fill_narratives(self.indata, self.source, self.verksamhet.figurer)
        for filled in texts.values():
            self.warnings.extend(filled.narrative.warnings)
        return texts

    def filled(self, path: PathKey) -> Filled:
        try:
            return self.texts[path]
        except KeyError:
            raise LookupError(f"{path} is not a narrative field of the schema (Text, "
                              "Korttext): the report may only show narrative as text") from None

    def text(self, path: PathKey, value: str | None, heading_level: int = 3) -> tuple[Block, ...]:
        """The Markdown of the narrative field at *path* (holding *value*) as blocks."""
        if value is None:
            return ()
        prefix = "-".join(str(p) for p in path[1:]) or "text"
        filled = self.filled(path)
        narrative = filled.narrative
        source = TextSource(path, narrative.location.file if narrative.in_file else None,
                            digest(path, narrative.text))
        return markdown.to_blocks(filled.parts, heading_level, prefix, source,
                                  filled.expressions)

    def plain_text(self, path: PathKey, value: str | None) -> str:
        """The narrative field at *path* as plain text, figures filled in (no Markdown)."""
        return "" if value is None else self.filled(path).plain

    def fb_text(self, name: str, heading_level: int = 3) -> tuple[Block, ...]:
        value = getattr(self.indata.förvaltningsberättelse, name)
        return self.text(("förvaltningsberättelse", name), value, heading_level)

    # -- fixed sentences -----------------------------------------------------------------------
    @cached_property
    def wording(self) -> Texter:
        """The report's fixed sentences (reportgen/wording.py), as the YAML words them."""
        replaced = {key: self.plain_text(("texter", key), value)
                    for key, value in self.indata.texter.items()}
        legacy = self.indata.underskrifter.intygande
        if legacy is not None and "intygande" not in replaced:
            replaced["intygande"] = self.plain_text(("underskrifter", "intygande"), legacy)
        return Texter(replaced)

    def fixed(self, key: str, **values: str) -> str:
        """The fixed sentence *key* with its parameters filled in."""
        return self.wording(key, **values)

    def unique_id(self, wanted: str) -> str:
        """*wanted*, or with a number after it when a section already has that anchor."""
        candidate, n = wanted, 1
        while candidate in self.ids:
            n += 1
            candidate = f"{wanted}-{n}"
        self.ids.add(candidate)
        return candidate

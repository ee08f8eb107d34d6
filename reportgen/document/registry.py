"""What each name of the YAML's `avsnitt` builds: the standard sections, the parts of them a
block can place, and the content blocks.

- `SECTIONS`: a standard section's name → its kind: default heading, anchor, level,
  numbering, page break, default subsections, and the function that builds its content
  (`(builder) -> blocks`, at the level it is made for).
- `PARTS`: a part of a standard section that a `standard:` block can place on its own
  (the board's table, the goals, the insatser …).
- `BLOCKS`: a block kind (the key a block is written with, reportgen/schema/avsnitt.py)
  → `(builder, YAML path, block) -> blocks`. It builds for the section it stands in, at
  `builder.level` (its own headings and sections one level below); the YAML path is the
  block's, for its narrative fields (`builder.text((*path, "text"), …)`) and locations.

Adding a block kind is one model in the schema and one entry in `BLOCKS`; adding a
standard section, one name in the schema and one entry in `SECTIONS`. structure.py walks
the YAML's list (or the standard order) and numbers, titles and places what these build.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from reportgen.document import sections_fb as fb
from reportgen.document import sections_people as people
from reportgen.document import sections_statements as statements
from reportgen.document.builder import Builder
from reportgen.document.model import Block, Heading, ListBlock, PageBreak, Quote, Section
from reportgen.document.sections_budget import (
    driftredovisning_blocks,
    sammanstallning_blocks,
    sammanstallning_title,
)
from reportgen.document.sections_goals import (
    balanskrav_blocks,
    goal_blocks,
    kapital_table,
    kostnad_table,
    matrix_block,
    måluppfyllelse_blocks,
    ordförande_blocks,
    ordförande_title,
)
from reportgen.document.sections_indicators import bilagor_sections
from reportgen.document.sections_insatser import insatser_blocks
from reportgen.document.sections_tabell import table_block
from reportgen.document.sections_year import aret_i_siffror_blocks, chart_blocks
from reportgen.load import PathKey
from reportgen.schema.avsnitt import (
    AVSNITT,
    BLOCKARTER,
    DELAR,
    FÖRVALTNINGSBERÄTTELSENS_AVSNITT,
    Diagramblock,
    Numrering,
    Sidbrytning,
    Standardblock,
    Textblock,
)

Content = tuple[Block | Section, ...]
ContentBuilder = Callable[[Builder], Content]
MAX_LEVEL = 6  # HTML's and Word's deepest heading


@dataclass(frozen=True)
class Avsnittstyp:
    """A standard section: how it is headed, numbered and placed unless the YAML says
    otherwise, and what it holds."""

    id: str  # its anchor
    rubrik: Callable[[Builder], str]  # its default heading
    innehåll: ContentBuilder  # its content, made for a section at level `nivå`
    # 1: a chapter; 2: a section of the förvaltningsberättelse; 0: whole chapters (bilagor)
    nivå: int = 1
    numrering: Numrering = "löpande"
    ny_sida: bool | None = None  # None: a chapter starts on a new page, a subsection not
    underavsnitt: tuple[str, ...] = ()  # its subsections unless the YAML lists them
    egna_avsnitt: bool = False  # `innehåll` gives whole sections (the bilagor), each numbered


@dataclass(frozen=True)
class Del:
    """A part of a standard section that a block can place: its content, made for a
    section at level `nivå`."""

    innehåll: ContentBuilder
    nivå: int = 2


def fixed_title(key: str) -> Callable[[Builder], str]:
    def title(b: Builder) -> str:
        return b.fixed(key)

    return title


def _text(name: str, anchor: str, numrering: Numrering = "löpande") -> Avsnittstyp:
    """A section of the förvaltningsberättelse that is its text *name* alone."""
    return Avsnittstyp(anchor, fixed_title(f"rubrik_{name}"), fb.narrative(name), nivå=2,
                       numrering=numrering)


def _one(blocks: Callable[[Builder], tuple[Any, ...]]) -> ContentBuilder:
    """A content builder from one that may return None for "nothing to show"."""

    def content(b: Builder) -> Content:
        return tuple(x for x in blocks(b) if x is not None)

    return content


SECTIONS: dict[str, Avsnittstyp] = {
    "ordförande_har_ordet": Avsnittstyp("ordforande-har-ordet", ordförande_title,
                                        ordförande_blocks, numrering="ingen"),
    "året_i_siffror": Avsnittstyp("aret-i-siffror", fixed_title("rubrik_året_i_siffror"),
                                  aret_i_siffror_blocks, numrering="ingen"),
    "förvaltningsberättelse": Avsnittstyp(
        "forvaltningsberattelse", fixed_title("rubrik_förvaltningsberättelse"),
        fb.narrative("inledning"), underavsnitt=FÖRVALTNINGSBERÄTTELSENS_AVSNITT),
    "organisation": _text("organisation", "organisation", "ingen"),
    "uppdrag": _text("uppdrag", "uppdrag", "ingen"),
    "lagrum": _text("lagrum", "lagrum", "ingen"),
    "finansiering": _text("finansiering", "finansiering", "ingen"),
    "verksamhetsidé": _text("verksamhetsidé", "verksamhetside", "ingen"),
    "översikt": Avsnittstyp("oversikt", fixed_title("rubrik_översikt"), fb.översikt_blocks,
                            nivå=2),
    "viktiga_förhållanden": _text("viktiga_förhållanden", "viktiga-forhallanden"),
    "väsentliga_händelser": _text("väsentliga_händelser", "vasentliga-handelser"),
    "styrning": Avsnittstyp("styrning", fixed_title("rubrik_styrning"), people.styrning_blocks,
                            nivå=2),
    "god_hushållning": Avsnittstyp("god-hushallning", fixed_title("rubrik_god_hushållning"),
                                   fb.god_hushållning_blocks, nivå=2),
    "personal": _text("personal", "personal"),
    "förväntad_utveckling": _text("förväntad_utveckling", "forvantad-utveckling"),
    "resultaträkning": Avsnittstyp("resultatrakning", lambda b: b.eko.resultaträkning.title,
                                   statements.resultaträkning_blocks),
    # Every statement starts a page, the balansräkning too (so the DOCX's stored page numbers
    # cannot be thrown off by it fitting under the resultaträkning or not).
    "balansräkning": Avsnittstyp("balansrakning", lambda b: b.eko.balansräkning.title,
                                 statements.balansräkning_blocks),
    "kassaflödesanalys": Avsnittstyp("kassaflodesanalys",
                                     lambda b: b.eko.kassaflödesanalys.title,
                                     statements.kassaflödesanalys_blocks),
    "helårsprognos": Avsnittstyp("helarsprognos", fixed_title("rubrik_helårsprognos"),
                                 statements.helårsprognos_blocks),
    "driftredovisning": Avsnittstyp("driftredovisning", fixed_title("rubrik_driftredovisning"),
                                    driftredovisning_blocks),
    "noter": Avsnittstyp("noter", fixed_title("rubrik_noter"), statements.noter_blocks),
    "sammanställning": Avsnittstyp("sammanstallning", sammanstallning_title,
                                   sammanstallning_blocks),
    "underskrifter": Avsnittstyp("underskrifter", fixed_title("rubrik_underskrifter"),
                                 people.underskrifter_blocks),
    "styrelsens_underskrifter": Avsnittstyp(
        "styrelsens-underskrifter", fixed_title("rubrik_styrelsens_underskrifter"),
        people.styrelsens_underskrifter_blocks),
    "revisorernas_underskrifter": Avsnittstyp(
        "revisorernas-underskrifter", fixed_title("rubrik_revisorernas_underskrifter"),
        people.revisorernas_underskrifter_blocks),
    "bilagor": Avsnittstyp("bilagor", lambda b: "", bilagor_sections, nivå=0,
                           numrering="bilaga", egna_avsnitt=True),
}

PARTS: dict[str, Del] = {
    "styrelse": Del(_one(lambda b: (people.styrelse_table(b),))),
    "revisorer": Del(_one(lambda b: (people.revisorer_table(b),))),
    "revision": Del(people.revision_blocks),
    "femårsöversikt": Del(_one(lambda b: (fb.femårsöversikt_table(b),))),
    "eget_kapital": Del(_one(lambda b: (kapital_table(b),))),
    "kostnadsfördelning": Del(_one(lambda b: (kostnad_table(b),))),
    "balanskrav": Del(balanskrav_blocks),
    "mål": Del(goal_blocks),
    "insatser": Del(insatser_blocks),
    "måluppfyllelse": Del(måluppfyllelse_blocks),
}


# -- placing content at another level ------------------------------------------------------------


def shifted(blocks: Content, by: int) -> Content:
    """*blocks* with every heading and section *by* levels deeper (or shallower), so that
    content made for one level can stand at another."""
    if by == 0:
        return blocks
    return tuple(_shift(block, by) for block in blocks)


def _level(level: int, by: int) -> int:
    return min(max(level + by, 1), MAX_LEVEL)


def _shift(block: Block | Section, by: int) -> Block | Section:
    if isinstance(block, Section):
        return replace(block, level=_level(block.level, by), blocks=shifted(block.blocks, by))
    if isinstance(block, Heading):
        return replace(block, level=_level(block.level, by))
    if isinstance(block, Quote):
        return replace(block, blocks=_blocks(shifted(block.blocks, by)))
    if isinstance(block, ListBlock):
        return replace(block, items=tuple(_blocks(shifted(item, by)) for item in block.items))
    return block


def _blocks(content: Content) -> tuple[Block, ...]:
    return tuple(b for b in content if not isinstance(b, Section))


# -- blocks --------------------------------------------------------------------------------------


def text_block(b: Builder, path: PathKey, block: Textblock) -> Content:
    return b.text((*path, "text"), block.text, heading_level=_level(b.level, 1))


def page_break_block(b: Builder, path: PathKey, block: Sidbrytning) -> Content:
    return (PageBreak(),)


def chart_block(b: Builder, path: PathKey, block: Diagramblock) -> Content:
    return chart_blocks(b, block.diagram)


def standard_block(b: Builder, path: PathKey, block: Standardblock) -> Content:
    """A standard section's content (not its heading or subsections), or a part of one,
    at the level of the section it is placed in."""
    name = block.standard
    kind = SECTIONS.get(name)
    made = (kind.innehåll, kind.nivå) if kind is not None else (PARTS[name].innehåll,
                                                                PARTS[name].nivå)
    return shifted(made[0](b), b.level - made[1])


BlockBuilder = Callable[[Builder, PathKey, Any], Content]
BLOCKS: dict[str, BlockBuilder] = {
    "text": text_block,
    "sidbrytning": page_break_block,
    "standard": standard_block,
    "tabell": table_block,
    "målmatris": matrix_block,
    "diagram": chart_block,
}

# The schema names what the registry builds (and the other way round).
assert set(SECTIONS) == set(AVSNITT), set(SECTIONS) ^ set(AVSNITT)
assert set(PARTS) == set(DELAR), set(PARTS) ^ set(DELAR)
assert set(BLOCKS) == set(BLOCKARTER), set(BLOCKS) ^ set(BLOCKARTER)

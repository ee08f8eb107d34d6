"""Word's list numbering, counted as Word counts it: the label each numbered paragraph shows.

The chapter and section numbers of the DOCX ("1", "1.1") are a multilevel list linked to
Heading 1 and Heading 2 in templates/reference.docx, so a chapter the kansli adds in Word is
numbered by Word. The renderer uses a heading's list number only where it reads exactly as
the report model's number (``Labels.peek``), and types the number otherwise; the page
estimate measures the labels; the DOCX readers (tests, `reportgen återför`) see the
headings as they are shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from docx.oxml.ns import qn
from lxml.etree import _Element

from reportgen.render.docx_props import StyleSheet


@dataclass(frozen=True)
class Level:
    fmt: str  # decimal | bullet | none | lowerLetter | upperLetter | lowerRoman | upperRoman
    text: str  # w:lvlText, e.g. "%1.%2"
    start: int = 1
    suffix: str = "tab"  # what follows the label: tab | space | nothing
    indent: tuple[float, float] | None = None  # the level's left indent and hanging (points)


@dataclass(frozen=True)
class NumberingDefinitions:
    """The numbering part: per w:numId, its levels and start overrides."""

    levels: dict[int, dict[int, Level]] = field(default_factory=dict)  # numId → ilvl → Level
    starts: dict[int, dict[int, int]] = field(default_factory=dict)  # numId → ilvl → start

    @classmethod
    def read(cls, numbering: _Element | None) -> NumberingDefinitions:
        if numbering is None:
            return cls()
        abstract: dict[str, dict[int, Level]] = {}
        for element in numbering.iterchildren(qn("w:abstractNum")):
            abstract[element.get(qn("w:abstractNumId"), "")] = {
                int(lvl.get(qn("w:ilvl"), "0")): _level(lvl)
                for lvl in element.iterchildren(qn("w:lvl"))
            }
        levels: dict[int, dict[int, Level]] = {}
        starts: dict[int, dict[int, int]] = {}
        for num in numbering.iterchildren(qn("w:num")):
            num_id = int(num.get(qn("w:numId"), "0"))
            ref = num.find(qn("w:abstractNumId"))
            levels[num_id] = abstract.get(ref.get(qn("w:val"), "") if ref is not None else "", {})
            for override in num.iterchildren(qn("w:lvlOverride")):
                start = override.find(f"{qn('w:startOverride')}")
                if start is not None:
                    starts.setdefault(num_id, {})[int(override.get(qn("w:ilvl"), "0"))] = \
                        int(start.get(qn("w:val"), "1"))
        return cls(levels, starts)


def _level(lvl: _Element) -> Level:
    def val(tag: str, default: str) -> str:
        element = lvl.find(qn(tag))
        return element.get(qn("w:val"), default) if element is not None else default

    ind = lvl.find(f"{qn('w:pPr')}/{qn('w:ind')}")
    indent = None
    if ind is not None:
        left = ind.get(qn("w:left"), ind.get(qn("w:start"), "0"))
        hanging = ind.get(qn("w:hanging"), "0")
        indent = (int(left) / 20, int(hanging) / 20)
    return Level(val("w:numFmt", "decimal"), val("w:lvlText", ""), int(val("w:start", "1")),
                 val("w:suff", "tab"), indent)


_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def _format(value: int, fmt: str) -> str:
    if fmt in {"lowerLetter", "upperLetter"}:
        text = ""
        n = value
        while n > 0:
            n, rest = divmod(n - 1, 26)
            text = chr(ord("a") + rest) + text
        return text.upper() if fmt == "upperLetter" else text
    if fmt in {"lowerRoman", "upperRoman"}:
        text = ""
        n = value
        for number, letters in _ROMAN:
            while n >= number:
                text += letters
                n -= number
        return text.upper() if fmt == "upperRoman" else text
    return str(value)


class Labels:
    """Counts numbered paragraphs in document order, as Word does."""

    def __init__(self, definitions: NumberingDefinitions) -> None:
        self.definitions = definitions
        self._counters: dict[int, list[int | None]] = {}

    def _level(self, num_id: int, ilvl: int) -> Level | None:
        return self.definitions.levels.get(num_id, {}).get(ilvl)

    def _start(self, num_id: int, ilvl: int) -> int:
        override = self.definitions.starts.get(num_id, {}).get(ilvl)
        if override is not None:
            return override
        level = self._level(num_id, ilvl)
        return level.start if level is not None else 1

    def _next(self, num_id: int, ilvl: int) -> list[int | None]:
        counters = list(self._counters.get(num_id, [None] * 9))
        current = counters[ilvl]
        counters[ilvl] = self._start(num_id, ilvl) if current is None else current + 1
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = None
        return counters

    def _text(self, num_id: int, ilvl: int, counters: list[int | None]) -> str:
        level = self._level(num_id, ilvl)
        if level is None or level.fmt == "none":
            return ""
        if level.fmt == "bullet":
            return level.text
        text = level.text
        for k in range(9):
            placeholder = f"%{k + 1}"
            if placeholder in text:
                other = self._level(num_id, k)
                count = counters[k]
                value = count if count is not None else self._start(num_id, k)
                text = text.replace(placeholder, _format(value, other.fmt if other else "decimal"))
        return text

    def peek(self, num_id: int, ilvl: int) -> str:
        """The label the next paragraph of list *num_id* at level *ilvl* would show."""
        return self._text(num_id, ilvl, self._next(num_id, ilvl))

    def advance(self, num_id: int, ilvl: int) -> str:
        """Count a paragraph of list *num_id* at level *ilvl*; its label."""
        counters = self._next(num_id, ilvl)
        self._counters[num_id] = counters
        return self._text(num_id, ilvl, counters)

    def indent(self, num_id: int, ilvl: int) -> tuple[float, float] | None:
        """The left indent and hanging (points) the list level gives its paragraphs."""
        level = self._level(num_id, ilvl)
        return level.indent if level is not None else None

    def suffix(self, num_id: int, ilvl: int) -> str:
        """What Word puts between the label and the text: "\\t", " " or ""."""
        level = self._level(num_id, ilvl)
        suffix = level.suffix if level is not None else "tab"
        return {"space": " ", "nothing": ""}.get(suffix, "\t")


def paragraph_labels(body: _Element, styles: StyleSheet,
                     definitions: NumberingDefinitions) -> dict[_Element, str]:
    """Every numbered w:p under *body* → its label and suffix as Word shows them ("1.1 ")."""
    labels = Labels(definitions)
    out: dict[_Element, str] = {}
    for p in body.iter(qn("w:p")):
        numbering = styles.paragraph(p).numbering
        if numbering is None:
            continue
        num_id, ilvl = numbering
        text = labels.advance(num_id, ilvl)
        if text:
            out[p] = text + labels.suffix(num_id, ilvl)
    return out

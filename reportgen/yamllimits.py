"""Limits and node rules on the YAML, checked on the parser's events before any value is
built.

Both readers (libyaml's fast path in reportgen/yamlfast.py and ruamel in load.py) feed
every event to a `YamlLimits`, which:

- stops at once (a fatal finding) when mappings and lists nest deeper than
  `limits.YAML_DEPTH`, when the document would hold more than `limits.YAML_VALUES` values
  with every alias replaced by what its anchor holds (a "billion laughs" alias bomb), or
  when it has more than `limits.YAML_ALIASES` aliases; the parser never gets further;
- notes, and reports all together at the end, what a value may not be: a tag
  (`!!python/object`, `!egen`; only YAML's own core tags are allowed), a merge key
  (`<<:`), a mapping or list used as a key, a number with more than
  `limits.NUMBER_DIGITS` digits, and a date or time that does not exist (2024-02-30).

The rules are by YAML node, not by field, so they hold for every field the schema has or
will have.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportgen.findings import Finding, Location, Severity, UserError
from reportgen.limits import NUMBER_DIGITS, YAML_ALIASES, YAML_DEPTH, YAML_VALUES, tal

_CORE = "tag:yaml.org,2002:"
ALLOWED_TAGS = frozenset(
    {None, "!", *(f"{_CORE}{name}" for name in ("str", "int", "float", "bool", "null", "map", "seq"))}
)
# A plain scalar YAML (1.1 or 1.2) may read as a number: digits, signs, points, `_`,
# exponents, 0x/0o/0b prefixes.
_NUMBERISH = re.compile(r"[-+]?(?:0[xob])?[0-9a-fA-F_.]*[0-9][0-9a-fA-F_.]*(?:[eE][-+]?[0-9]+)?")
_TIMESTAMP = re.compile(
    r"(?P<year>[0-9]{4})-(?P<month>[0-9]{1,2})-(?P<day>[0-9]{1,2})"
    r"(?:(?:[Tt]|[ \t]+)(?P<hour>[0-9]{1,2}):(?P<minute>[0-9]{2}):(?P<second>[0-9]{2})"
    r"(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)?"
)
_MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
           "september", "oktober", "november", "december")


def date_problem(text: str) -> str | None:
    """Why *text*, written as a date (ÅÅÅÅ-MM-DD, perhaps with a time), is not one; None
    if it is one or is not written as a date. Used for the YAML's dates and for dates
    given as quoted text (reportgen/validate.py)."""
    match = _TIMESTAMP.fullmatch(text.strip())
    if match is None:
        return None
    year, month, day = (int(match[name]) for name in ("year", "month", "day"))
    written = text.strip()
    if year < 1:
        return f"datumet {written} finns inte: året ska vara 0001–9999"
    if not 1 <= month <= 12:
        return f"datumet {written} finns inte: månaden ska vara 01–12"
    try:
        dt.date(year, month, day)
    except ValueError:
        last = (dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)).day
        return f"datumet {written} finns inte: {_MONTHS[month - 1]} {year} har {last} dagar"
    if match["hour"] is not None:
        hour, minute, second = (int(match[name]) for name in ("hour", "minute", "second"))
        if hour > 23 or minute > 59 or second > 59:
            return f"klockslaget i {written} finns inte (TT:MM:SS, högst 23:59:59)"
    return None


def tag_name(tag: str) -> str:
    return "!!" + tag[len(_CORE):] if tag.startswith(_CORE) else tag


@dataclass
class _Open:
    """A mapping or list being read."""

    is_map: bool
    anchor: str | None
    children: int = 0
    key: Any = None  # the mapping's current key (for the finding's field)
    size: int = 1  # values in it, aliases expanded


@dataclass
class YamlLimits:
    """Feed it every parser event (`limits(event)`), then call `finish()`."""

    file: Path
    findings: list[Finding] = field(default_factory=list)
    _stack: list[_Open] = field(default_factory=list)
    _sizes: dict[str, int] = field(default_factory=dict)
    _values: int = 0
    _aliases: int = 0

    def __call__(self, event: Any) -> None:
        kind = type(event).__name__
        if kind in ("MappingStartEvent", "SequenceStartEvent"):
            self._node(event, scalar=False)
            if len(self._stack) >= YAML_DEPTH:
                self._fatal(event, f"värdena ligger för djupt i varandra: mer än {YAML_DEPTH} "
                            "nivåer av mappningar och listor (inget fält i en rapport ligger så "
                            "djupt; saknas en avslutande ']' eller '}'?)", "yaml.djup")
            self._stack.append(_Open(kind == "MappingStartEvent", event.anchor))
        elif kind in ("MappingEndEvent", "SequenceEndEvent"):
            done = self._stack.pop()
            if done.anchor:
                self._sizes[done.anchor] = done.size
            self._placed(done.size)
        elif kind == "ScalarEvent":
            self._node(event, scalar=True)
            self._scalar(event)
            if event.anchor:
                self._sizes[event.anchor] = 1
            self._placed(1)
        elif kind == "AliasEvent":
            self._aliases += 1
            if self._aliases > YAML_ALIASES:
                self._fatal(event, f"filen har fler än {tal(YAML_ALIASES)} alias (*namn); "
                            "skriv ut värdena i stället", "yaml.alias")
            size = self._sizes.get(event.anchor, 1)
            self._values += size
            self._check_values(event)
            self._placed(size)

    def finish(self) -> None:
        if self.findings:
            raise UserError(list(self.findings))

    # -- the rules --------------------------------------------------------------------------
    def _node(self, event: Any, scalar: bool) -> None:
        self._values += 1
        self._check_values(event)
        parent = self._stack[-1] if self._stack else None
        if parent is not None and parent.is_map and parent.children % 2 == 0:  # a key
            parent.key = event.value if scalar else "?"
            if not scalar:
                self._note(event, "en nyckel ska vara ett namn, inte en mappning eller lista",
                           "yaml.nyckel", of_key=True)
            elif not event.style and event.value == "<<" and event.tag is None:
                self._note(event, "sammanfogningsnyckeln '<<' stöds inte; skriv ut fälten "
                           "direkt i stället", "yaml.sammanfogning")
        if event.tag not in ALLOWED_TAGS:
            self._note(event, f"taggen {tag_name(event.tag)!r} används inte i reportgen; ta bort "
                       "den (värden skrivs utan taggar)", "yaml.tagg")

    def _check_values(self, event: Any) -> None:
        if self._values > YAML_VALUES:
            self._fatal(event, f"filen blir för stor: mer än {tal(YAML_VALUES)} värden när "
                        "varje alias (*namn) har ersatts med det som ankaret (&namn) håller",
                        "yaml.alias")

    def _scalar(self, event: Any) -> None:
        if event.style or event.tag not in (None, "!"):
            return  # quoted, a block scalar or tagged: a string, whatever it looks like
        value = event.value
        if _NUMBERISH.fullmatch(value) and sum(c.isdigit() for c in value) > NUMBER_DIGITS:
            shown = value if len(value) <= 30 else value[:27] + "…"
            self._note(event, f"talet {shown} har för många siffror (högst {NUMBER_DIGITS}); är "
                       "det en text, sätt den inom citattecken", "yaml.tal")
            return
        problem = date_problem(value)
        if problem is not None:
            self._note(event, problem, "yaml.datum")

    def _placed(self, size: int) -> None:
        if not self._stack:
            return
        parent = self._stack[-1]
        parent.size += size
        parent.children += 1

    # -- findings ---------------------------------------------------------------------------
    def _path(self, of_key: bool) -> str:
        """The dotted field of the value being read (of its mapping, for a key); a deep
        one shortened."""
        parts = [str(node.key) if node.is_map else str(node.children) for node in self._stack]
        if of_key:
            parts = parts[:-1]
        return ".".join(parts) if len(parts) <= 8 else ".".join(parts[:8]) + ".…"

    def _finding(self, event: Any, message: str, rule: str, of_key: bool = False) -> Finding:
        mark = event.start_mark
        location = Location(self.file, mark.line + 1, mark.column + 1)
        return Finding(location, message, Severity.ERROR, self._path(of_key), rule)

    def _note(self, event: Any, message: str, rule: str, of_key: bool = False) -> None:
        self.findings.append(self._finding(event, message, rule, of_key))

    def _fatal(self, event: Any, message: str, rule: str) -> None:
        raise UserError([*self.findings, self._finding(event, message, rule)])

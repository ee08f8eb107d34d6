"""Read the YAML input, keeping file, line and column for every value.

The result is plain Python data (dicts, lists, scalars) plus a position index keyed
by the path of each value, so later stages can point the user at the exact place.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportgen.findings import Finding, Location, Severity, UserError, error_at
from reportgen.limits import NUMBER_MAGNITUDE, TEXT_BYTES, YAML_BYTES, tal
from reportgen.pictures import Picture, examine
from reportgen.readfile import Unreadable, read_text
from reportgen.textclean import C1_CONTROL, CONTROL, clean_text
from reportgen.yamlfast import read_fast
from reportgen.yamllimits import YamlLimits

PathKey = tuple[str | int, ...]


@dataclass
class Source:
    """The loaded YAML document: data plus where each value stands."""

    file: Path
    data: Any
    positions: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    warnings: list[Finding] = field(default_factory=list)
    # Files the YAML names, read once per build (the checks and the report model both need them).
    _texts: dict[Path, str] = field(default_factory=dict, repr=False, compare=False)
    # Pictures it names, examined once (reportgen/pictures.py): what each is, or why not.
    _pictures: dict[Path, Picture | Unreadable] = field(
        default_factory=dict, repr=False, compare=False
    )

    @property
    def base_dir(self) -> Path:
        return self.file.parent

    def read_text(self, path: Path) -> str:
        """The UTF-8 text of a file the YAML names; read from disk once per Source.

        Raises readfile.Unreadable (a folder, a pipe, too big, not UTF-8, …)."""
        key = Path(os.path.realpath(path))
        if key not in self._texts:
            self._texts[key] = read_text(path, TEXT_BYTES)
        return self._texts[key]

    def picture(self, path: Path) -> Picture:
        """What the picture at *path* is (examined once per Source); raises Unreadable."""
        key = Path(os.path.realpath(path))
        if key not in self._pictures:
            try:
                self._pictures[key] = examine(path)
            except Unreadable as exc:
                self._pictures[key] = exc
        found = self._pictures[key]
        if isinstance(found, Unreadable):
            raise found
        return found

    def locate(self, path: PathKey) -> Location:
        """Location of the value at *path*, or of its nearest located ancestor."""
        probe = tuple(path)
        while probe:
            if probe in self.positions:
                line, col = self.positions[probe]
                return Location(self.file, line, col)
            probe = probe[:-1]
        return Location(self.file, 1, 1)


def dotted(path: PathKey) -> str:
    """The field as the user writes it, e.g. "ekonomi.resultaträkning.2023"; a null or
    boolean key (which only a schema error can mention) as YAML writes it."""
    return ".".join(_yaml_word(p) for p in path)


def _yaml_word(part: object) -> str:
    if part is None:
        return "null"
    if isinstance(part, bool):
        return "true" if part else "false"
    return str(part)


def strings(node: Any, path: PathKey = ()) -> Iterator[tuple[PathKey, str]]:
    """Every string value in loaded YAML data, with its path (e.g. the files it names)."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from strings(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from strings(value, (*path, index))
    elif isinstance(node, str):
        yield path, node


def _plain(node: Any, path: PathKey, positions: dict[PathKey, tuple[int, int]]) -> Any:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq  # see load_yaml

    if isinstance(node, CommentedMap):
        out: dict[Any, Any] = {}
        for key in node:
            child = (*path, key)
            # Point at the key ("belopp: …"): that is where a reader looks, also
            # when the value is a nested mapping that starts on the next line.
            line, col = node.lc.key(key)
            positions[child] = (line + 1, col + 1)
            out[key] = _plain(node[key], child, positions)
        return out
    if isinstance(node, CommentedSeq):
        items = []
        for index, item in enumerate(node):
            child = (*path, index)
            line, col = node.lc.item(index)
            positions[child] = (line + 1, col + 1)
            items.append(_plain(item, child, positions))
        return items
    if isinstance(node, str):
        return str(node)  # a plain str (cleaned in _clean)
    return node


def load_yaml(file: Path) -> Source:
    """Parse *file*; a syntax error or a broken limit becomes a located, Swedish user error."""
    try:
        text = read_text(file, YAML_BYTES)
    except Unreadable as exc:
        raise error_at(Location(file, exc.line, exc.column), f"filen {exc.problem}",
                       rule="yaml.fil") from None
    text, raw_warnings = _drop_raw_control_characters(file, text)
    # Every parser event passes the limits (reportgen/yamllimits.py) before a value is
    # built: libyaml's when it parses the whole file, else ruamel's below.
    limits = YamlLimits(file)
    fast, checked = read_fast(text, limits)  # libyaml when it reproduces ruamel exactly
    if checked:
        limits.finish()
    if fast is not None:
        source = Source(file=file, data=fast[0], positions=fast[1], warnings=raw_warnings)
        return _sanitized(source)
    # ruamel is imported only here: `reportgen check` on a good file never needs it.
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    yaml = YAML(typ="rt")
    try:
        if not checked:
            limits = YamlLimits(file)
            for event in yaml.parse(text):
                limits(event)
            limits.finish()
        doc = yaml.load(text)
    except MarkedYAMLError as exc:
        raise error_at(*_syntax_error(file, text, exc), rule="yaml.syntax") from None
    except YAMLError:
        raise error_at(Location(file), "YAML-syntaxfel: filen kan inte tolkas som YAML",
                       rule="yaml.syntax") from None
    if doc is None:
        raise error_at(Location(file, 1, 1), "filen är tom", rule="yaml.fil")
    if not isinstance(doc, CommentedMap):
        raise error_at(Location(file, 1, 1), "filen ska innehålla en mappning (nyckel: värde) "
                       "överst", rule="yaml.fil")
    positions: dict[PathKey, tuple[int, int]] = {}
    data = _plain(doc, (), positions)
    source = Source(file=file, data=data, positions=positions, warnings=raw_warnings)
    return _sanitized(source)


def _syntax_error(file: Path, text: str, exc: Any) -> tuple[Location, str]:
    """Where and what a ruamel syntax error is, in Swedish."""
    quote = _unclosed_quote(text, exc.problem_mark)
    if quote is not None:
        return Location(file, quote[0], quote[1]), quote[2]
    # An unclosed [ ] or { } is noticed lines later; point at where it was opened.
    flow = (exc.context or "").startswith(("while parsing a flow", "while scanning a quoted"))
    mark = (exc.context_mark if flow else None) or exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark is not None else None
    col = mark.column + 1 if mark is not None else None
    problem = _swedish_yaml_problem(
        exc.context if flow and exc.context else exc.problem or exc.context or ""
    )
    return Location(file, line, col), f"YAML-syntaxfel: {problem}"


def _unclosed_quote(text: str, problem_mark: Any) -> tuple[int, int, str] | None:
    """A quoted value that runs on over lines that look like fields ("namn: …") before a
    syntax error: its closing quote is missing, and that is where the error is."""
    try:
        import yaml
        from yaml import CSafeLoader
    except ImportError:
        return None
    error_line = problem_mark.line if problem_mark is not None else len(text)
    try:
        for token in yaml.scan(text, Loader=CSafeLoader):
            if type(token).__name__ != "ScalarToken" or token.style not in ("'", '"'):
                continue
            start, end = token.start_mark, token.end_mark
            if start.line >= error_line:
                break
            if end.line > start.line and _FIELD_LINE.search(text, start.index, end.index):
                return (start.line + 1, start.column + 1,
                        f"YAML-syntaxfel: citattecknet ({token.style}) på rad {start.line + 1} "
                        f"avslutas inte på samma rad, så texten fortsätter till rad "
                        f"{end.line + 1}; saknas ett avslutande citattecken?")
    except yaml.YAMLError:
        return None
    return None


_FIELD_LINE = re.compile(r"\n[ \t]*(?:- )?[^\s#:\-][^:\n]*:(?: |\n|$)")


def _drop_raw_control_characters(file: Path, text: str) -> tuple[str, list[Finding]]:
    """YAML forbids raw control characters; drop them (with a located warning) instead of failing."""
    warnings = []
    for number, line in enumerate(text.split("\n"), start=1):
        match = CONTROL.search(line) or C1_CONTROL.search(line)
        if match:
            warnings.append(
                Finding(
                    Location(file, number, match.start() + 1),
                    "raden innehöll styrtecken som inte kan visas; de har tagits bort",
                    Severity.WARNING,
                    "",
                    "text.styrtecken",
                )
            )
    return C1_CONTROL.sub("", CONTROL.sub("", text)), warnings


def _sanitized(source: Source) -> Source:
    """*source* with every string (keys too) cleaned of characters no output can hold, with
    a warning, and every number checked against limits.NUMBER_MAGNITUDE."""
    errors: list[Finding] = []
    source.data = _clean(source, source.data, (), errors)
    if errors:
        raise UserError([*errors, *source.warnings])
    return source


def _clean(source: Source, node: Any, path: PathKey, errors: list[Finding]) -> Any:
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            child = (*path, key)
            if isinstance(key, str):
                cleaned = _clean_string(source, key, child)
                if cleaned != key and child in source.positions:
                    source.positions[(*path, cleaned)] = source.positions[child]
                child = (*path, cleaned)
                key = cleaned
            out[key] = _clean(source, value, child, errors)
        return out
    if isinstance(node, list):
        return [_clean(source, v, (*path, i), errors) for i, v in enumerate(node)]
    if isinstance(node, str):
        return _clean_string(source, node, path)
    if isinstance(node, int | float) and not isinstance(node, bool):
        problem = _number_problem(node)
        if problem is not None:
            errors.append(Finding(source.locate(path), problem, Severity.ERROR, dotted(path),
                                  "yaml.tal"))
    return node


def _number_problem(number: int | float) -> str | None:
    if isinstance(number, float) and not math.isfinite(number):
        return "ska vara ett tal, inte oändligt (.inf) eller ”inte ett tal” (.nan)"
    if abs(number) > NUMBER_MAGNITUDE:
        return (f"talet är för stort för en rapport: högst {tal(NUMBER_MAGNITUDE)} "
                f"(och minst {tal(-NUMBER_MAGNITUDE)})")
    return None


def _clean_string(source: Source, text: str, path: PathKey) -> str:
    """Drop the characters no output can hold (textclean.CONTROL: control characters, a
    lone surrogate from an escape such as "\\ud800"), with a warning."""
    cleaned, dropped = clean_text(text)
    if dropped:
        source.warnings.append(
            Finding(source.locate(path), "texten innehöll styrtecken som inte kan visas; de har "
                    "tagits bort", Severity.WARNING, dotted(path), "text.styrtecken")
        )
    return str(cleaned)


# ruamel's problem (or context) → Swedish. The first entry whose English text starts the
# problem wins; every other problem gets the general wording (never ruamel's English).
_PROBLEMS = {
    "found duplicate key": "nyckeln förekommer två gånger",
    "mapping values are not allowed here": "kolon på fel ställe (saknas citattecken eller indrag?)",
    "mapping keys are not allowed here": "en nyckel på fel ställe (fel indrag?)",
    "sequence entries are not allowed here": "en listpunkt ('-') på fel ställe (fel indrag?)",
    "could not find expected ':'": "kolon saknas efter nyckeln",
    "found unexpected ':'": "kolon på fel ställe (sätt texten inom citattecken)",
    "found character '\\t' that cannot start any token": "tabb-tecken är inte tillåtna; använd mellanslag",
    "found character '\t' that cannot start any token": "tabb-tecken är inte tillåtna; använd mellanslag",
    "found character": "tecknet kan inte inleda ett värde (sätt texten inom citattecken)",
    "did not find expected key": "oväntat indrag eller saknad nyckel",
    "did not find expected '-' indicator": "listpunkten saknar '-' eller har fel indrag",
    "expected <block end>": "raden har fel indrag: den hör inte till fältet ovanför "
    "(kontrollera mellanslagen i början av raden)",
    "expected <document start>": "oväntat innehåll efter värdet överst (fel indrag?)",
    "expected the node content": "ett värde saknas eller har fel indrag",
    "expected a single document": "filen får bara innehålla ett YAML-dokument (ta bort '---')",
    "but found another document": "filen får bara innehålla ett YAML-dokument (ta bort '---')",
    "found unexpected document separator": "'---' eller '...' mitt i ett värde",
    "found non-comment content after document end marker": "innehåll efter '...' (dokumentets slut)",
    "expected a comment or a line break": "oväntade tecken efter värdet (sätt texten inom "
    "citattecken)",
    "found undefined alias": "okänt alias (*namn utan ett &namn före)",
    "found undefined tag handle": "okänd tagg (värden skrivs utan taggar)",
    "expected ',' or ']'": "en lista inom [ ] avslutas inte (saknas ']'?)",
    "expected ',' or '}'": "en mappning inom { } avslutas inte (saknas '}'?)",
    "while scanning a quoted scalar": "ett citattecken avslutas inte",
    "while scanning a double-quoted scalar": "ett citattecken avslutas inte",
    "found unknown escape character": "okänd escape-sekvens efter '\\' inom dubbla citattecken "
    "(skriv '\\\\' för ett omvänt snedstreck, eller använd enkla citattecken)",
    "expected escape sequence": "ofullständig escape-sekvens (\\x, \\u eller \\U) inom dubbla "
    "citattecken",
    "while parsing a flow sequence": "en lista inom [ ] avslutas inte (saknas ']'?)",
    "while parsing a flow mapping": "en mappning inom { } avslutas inte (saknas '}'?)",
    "found unexpected end of stream": "filen tar slut mitt i ett värde (saknas ett citattecken?)",
    "while scanning a simple key": "kolon saknas efter nyckeln",
    "while scanning a block scalar": "en textblock efter '|' eller '>' har fel form",
    "expected chomping or indentation indicators": "efter '|' eller '>' får bara '+', '-' "
    "eller en siffra 1–9 stå",
    "expected indentation indicator": "indragsangivelsen efter '|' eller '>' ska vara 1–9",
    "more indented follow up line than first in a block scalar": "en rad i textblocket är mer "
    "indragen än den första",
    "while scanning an anchor": "ett ankare (&namn) har fel form",
    "while scanning an alias": "ett alias (*namn) har fel form",
    "expected alphabetic or numeric character": "ett ankare eller alias (&namn, *namn) har fel "
    "form",
    "while scanning a tag": "en tagg har fel form (värden skrivs utan taggar)",
    "while parsing a tag": "en tagg har fel form (värden skrivs utan taggar)",
    "while scanning a directive": "en rad som börjar med '%' är ett felaktigt YAML-direktiv",
    "found incompatible YAML document": "fel YAML-version i direktivet %YAML",
    "found duplicate YAML directive": "direktivet %YAML förekommer två gånger",
    "duplicate tag handle": "direktivet %TAG förekommer två gånger",
    "while scanning a plain scalar": "ett värde har fel form (sätt texten inom citattecken)",
    "while parsing a block mapping": "raden har fel indrag (kontrollera mellanslagen i början "
    "av raden)",
    "while parsing a block collection": "listan har fel indrag",
    "while parsing a node": "ett värde har fel form",
    "while scanning for the next token": "tecknet kan inte inleda ett värde (sätt texten inom "
    "citattecken)",
    "invalid intendation or unclosed": "fel indrag, eller en '[' eller '{' som inte avslutas",
}


def _swedish_yaml_problem(problem: str) -> str:
    for english, swedish in _PROBLEMS.items():
        if problem.startswith(english):
            return swedish
    return "filen kan inte tolkas här (kontrollera indrag, kolon och citattecken)"

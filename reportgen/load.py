"""Read the YAML input, keeping file, line and column for every value.

The result is plain Python data (dicts, lists, scalars) plus a position index keyed
by the path of each value, so later stages can point the user at the exact place.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportgen.findings import Finding, Location, Severity, error_at
from reportgen.textclean import CONTROL, clean_text
from reportgen.yamlfast import compose_fast

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

    @property
    def base_dir(self) -> Path:
        return self.file.parent

    def read_text(self, path: Path) -> str:
        """The UTF-8 text of a file the YAML names; read from disk once per Source."""
        key = path.resolve()
        if key not in self._texts:
            self._texts[key] = path.read_text(encoding="utf-8")
        return self._texts[key]

    def locate(self, path: PathKey) -> Location:
        """Location of the value at *path*, or of its nearest located ancestor."""
        probe = tuple(path)
        while probe:
            if probe in self.positions:
                line, col = self.positions[probe]
                return Location(self.file, line, col)
            probe = probe[:-1]
        return Location(self.file, 1, 1)


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
        return str(node)  # a plain str (cleaned of control characters in _clean_strings)
    return node


def load_yaml(file: Path) -> Source:
    """Parse *file*; a syntax error becomes a located, Swedish user error."""
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise error_at(Location(file), "filen finns inte") from None
    except UnicodeDecodeError as exc:
        raise error_at(Location(file), f"filen är inte UTF-8-kodad ({exc.reason})") from None
    except OSError as exc:
        raise error_at(Location(file), f"filen kan inte läsas: {exc.strerror}") from None
    text, raw_warnings = _drop_raw_control_characters(file, text)
    fast = compose_fast(text)  # libyaml when it reproduces ruamel exactly (reportgen/yamlfast.py)
    if fast is not None:
        source = Source(file=file, data=fast[0], positions=fast[1], warnings=raw_warnings)
        source.data = _clean_strings(source, source.data, ())
        return source
    # ruamel is imported only here: `reportgen check` on a good file never needs it.
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    yaml = YAML(typ="rt")
    try:
        doc = yaml.load(text)
    except MarkedYAMLError as exc:
        # An unclosed [ ] or { } is noticed lines later; point at where it was opened.
        flow = (exc.context or "").startswith(("while parsing a flow", "while scanning a quoted"))
        mark = (exc.context_mark if flow else None) or exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        col = mark.column + 1 if mark is not None else None
        problem = _swedish_yaml_problem(
            exc.context if flow and exc.context else exc.problem or exc.context or ""
        )
        raise error_at(Location(file, line, col), f"YAML-syntaxfel: {problem}") from None
    except YAMLError as exc:
        raise error_at(Location(file), f"YAML-syntaxfel: {exc}") from None
    if doc is None:
        raise error_at(Location(file, 1, 1), "filen är tom")
    if not isinstance(doc, CommentedMap):
        raise error_at(Location(file, 1, 1), "filen ska innehålla en mappning (nyckel: värde) överst")
    positions: dict[PathKey, tuple[int, int]] = {}
    data = _plain(doc, (), positions)
    source = Source(file=file, data=data, positions=positions, warnings=raw_warnings)
    source.data = _clean_strings(source, source.data, ())
    return source




def _drop_raw_control_characters(file: Path, text: str) -> tuple[str, list[Finding]]:
    """YAML forbids raw control characters; drop them (with a located warning) instead of failing."""
    warnings = []
    for number, line in enumerate(text.split("\n"), start=1):
        match = CONTROL.search(line)
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
    return CONTROL.sub("", text), warnings


def _clean_strings(source: Source, node: Any, path: PathKey) -> Any:
    """Drop control characters (which a DOCX cannot hold) from every string, with a warning."""
    if isinstance(node, dict):
        return {k: _clean_strings(source, v, (*path, k)) for k, v in node.items()}
    if isinstance(node, list):
        return [_clean_strings(source, v, (*path, i)) for i, v in enumerate(node)]
    if isinstance(node, str):
        cleaned, dropped = clean_text(node)
        if dropped:
            dotted = ".".join(str(p) for p in path)
            source.warnings.append(
                Finding(
                    source.locate(path),
                    "texten innehöll styrtecken som inte kan visas; de har tagits bort",
                    Severity.WARNING,
                    dotted,
                    "text.styrtecken",
                )
            )
        return cleaned
    return node


_PROBLEMS = {
    "found duplicate key": "nyckeln förekommer två gånger",
    "mapping values are not allowed here": "kolon på fel ställe (saknas citattecken eller indrag?)",
    "could not find expected ':'": "kolon saknas efter nyckeln",
    "found character '\\t' that cannot start any token": "tabb-tecken är inte tillåtna; använd mellanslag",
    "did not find expected key": "oväntat indrag eller saknad nyckel",
    "did not find expected '-' indicator": "listpunkten saknar '-' eller har fel indrag",
    "found undefined alias": "okänt alias",
    "expected ',' or ']'": "en lista inom [ ] avslutas inte (saknas ']'?)",
    "expected ',' or '}'": "en mappning inom { } avslutas inte (saknas '}'?)",
    "while scanning a quoted scalar": "ett citattecken avslutas inte",
    "while parsing a flow sequence": "en lista inom [ ] avslutas inte (saknas ']'?)",
    "while parsing a flow mapping": "en mappning inom { } avslutas inte (saknas '}'?)",
    "found unexpected end of stream": "filen tar slut mitt i ett värde (saknas ett citattecken?)",
    "while scanning a simple key": "kolon saknas efter nyckeln",
    "found character that cannot start any token": "tecknet kan inte inleda ett värde "
    "(sätt texten inom citattecken)",
}


def _swedish_yaml_problem(problem: str) -> str:
    for english, swedish in _PROBLEMS.items():
        if problem.startswith(english):
            return swedish
    return f"kan inte tolkas ({problem})"

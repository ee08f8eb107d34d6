"""One SIE line into its fields (SIE 4B, section 5): fields are separated by spaces or tabs,
any field may be quoted (a quote inside is written \\"), and an object list is a list of
fields in braces, `{6 "201"}`.

Only the line's own text is read; what the fields mean is reportgen/sie/reader.py.
"""

from __future__ import annotations

from dataclasses import dataclass


class LineError(Exception):
    """A line that cannot be split into fields; *column* (1-based) says where."""

    def __init__(self, message: str, column: int) -> None:
        super().__init__(message)
        self.message = message
        self.column = column


@dataclass(frozen=True)
class Fält:
    """A field: its text (quotes and escapes removed), or an object list's fields."""

    text: str
    column: int  # 1-based, where the field starts
    lista: tuple[Fält, ...] | None = None  # the fields of an object list `{…}`
    citerat: bool = False  # written in quotes

    @property
    def är_lista(self) -> bool:
        return self.lista is not None


_SPACE = " \t"


def _control(ch: str) -> bool:
    return ord(ch) < 32 or ord(ch) == 127


def split(line: str) -> list[Fält]:
    """The fields of *line* (without its line ending); raises LineError."""
    fields: list[Fält] = []
    pos = 0
    while True:
        pos = _skip(line, pos)
        if pos >= len(line):
            return fields
        if line[pos] == "{":
            start = pos
            items: list[Fält] = []
            pos += 1
            while True:
                pos = _skip(line, pos)
                if pos >= len(line):
                    raise LineError("objektlistan som börjar här avslutas aldrig med }", start + 1)
                if line[pos] == "}":
                    pos += 1
                    break
                if line[pos] == "{":
                    raise LineError("en objektlista kan inte ligga i en annan objektlista", pos + 1)
                field, pos = _field(line, pos)
                items.append(field)
            fields.append(Fält("", start + 1, tuple(items)))
        elif line[pos] == "}":
            raise LineError("} utan någon { före", pos + 1)
        else:
            field, pos = _field(line, pos)
            fields.append(field)


def _skip(line: str, pos: int) -> int:
    while pos < len(line) and line[pos] in _SPACE:
        pos += 1
    return pos


def _field(line: str, pos: int) -> tuple[Fält, int]:
    """A plain or quoted field starting at *pos*: (the field, the position after it)."""
    start = pos
    if line[pos] == '"':
        out: list[str] = []
        pos += 1
        while True:
            if pos >= len(line):
                raise LineError("citattecknet som börjar fältet här avslutas aldrig", start + 1)
            ch = line[pos]
            if ch == "\\" and pos + 1 < len(line) and line[pos + 1] in '"\\':
                out.append(line[pos + 1])
                pos += 2
                continue
            if ch == '"':
                pos += 1
                break
            if _control(ch):
                raise LineError(f"styrtecknet {_name(ch)} får inte stå i en text", pos + 1)
            out.append(ch)
            pos += 1
        if pos < len(line) and line[pos] not in _SPACE + "{}":
            raise LineError("efter ett citerat fält ska det komma ett mellanslag", pos + 1)
        return Fält("".join(out), start + 1, citerat=True), pos
    end = pos
    while end < len(line) and line[end] not in _SPACE + "{}":
        if _control(line[end]):
            raise LineError(f"styrtecknet {_name(line[end])} får inte stå i en SIE-fil", end + 1)
        end += 1
    return Fält(line[pos:end], start + 1), end


def _name(ch: str) -> str:
    return f"0x{ord(ch):02X}"

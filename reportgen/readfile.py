"""Read an input file: only a regular file, at most a given size, UTF-8 text decoded with
a located message.

Every file reportgen reads on the user's behalf (the YAML, the Markdown files it names,
the pictures) goes through here, so that a folder, a named pipe (which would block the
read for ever), a device, a symlink loop, an overlong name or a huge file is a Swedish
message and never a traceback or a hang. Because every such read goes through here,
`recording()` can list what a build read (the build cache, reportgen/buildcache.py).
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import stat
import threading
from collections.abc import Iterator
from pathlib import Path

from reportgen.limits import megabyte


class Unreadable(Exception):
    """The file cannot be used; *problem* says why in Swedish (no file name in it).

    *line* and *column* (1-based) point into the file when the problem is in its content
    (a byte that is not UTF-8).
    """

    def __init__(self, problem: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(problem)
        self.problem = problem
        self.line = line
        self.column = column


_OS_PROBLEMS = {
    errno.ENOENT: "finns inte",
    errno.ENOTDIR: "finns inte (en del av sökvägen är en fil, inte en mapp)",
    errno.ELOOP: "är en genväg (symlänk) som leder runt i en slinga",
    errno.ENAMETOOLONG: "har ett för långt namn (högst 255 tecken per namn i sökvägen)",
    errno.EACCES: "får inte läsas (åtkomst nekad)",
    errno.EPERM: "får inte läsas (åtkomst nekad)",
    errno.EISDIR: "är en mapp, inte en fil",
}


def os_problem(exc: OSError) -> str:
    """An operating-system error in Swedish (its English strerror is never shown)."""
    code = exc.errno if exc.errno is not None else 0
    return _OS_PROBLEMS.get(code, f"kan inte läsas (systemfel {errno.errorcode.get(code, code)})")


def inside(path: Path, root: Path) -> bool:
    """True if *path* (symlinks resolved) lies within *root*. A symlink loop or an
    overlong name is resolved as far as it goes (os.path.realpath), never raised: reading
    the file then says what is wrong with it."""
    try:
        Path(os.path.realpath(path)).relative_to(os.path.realpath(root))
    except ValueError:
        return False
    return True


def _kind_problem(mode: int) -> str | None:
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "är en mapp, inte en fil"
    if stat.S_ISFIFO(mode):
        return "är en namngiven rörledning (FIFO), inte en vanlig fil"
    if stat.S_ISSOCK(mode):
        return "är en socket, inte en vanlig fil"
    return "är en enhetsfil, inte en vanlig fil"


def _too_big(size: int, limit: int) -> Unreadable:
    return Unreadable(f"är för stor: {megabyte(size)} (högst {megabyte(limit)})")


# What `recording()` lists: (absolute path, limit) → what reading it found.
Reads = dict[tuple[str, int], str]
_recorders = threading.local()


def outcome(path: Path, limit: int) -> str:
    """What reading *path* finds, as one string: the SHA-256 of its bytes, or "!" and the
    problem. Two reads with the same outcome give the same bytes or the same message."""
    try:
        return hashlib.sha256(_read_bytes(path, limit)).hexdigest()
    except Unreadable as exc:
        return f"!{exc.problem}"


@contextlib.contextmanager
def recording() -> Iterator[Reads]:
    """Every file `read_bytes` is asked for in this thread while inside, with its outcome."""
    reads: Reads = {}
    previous = getattr(_recorders, "reads", None)
    _recorders.reads = reads
    try:
        yield reads
    finally:
        _recorders.reads = previous


def read_bytes(path: Path, limit: int) -> bytes:
    """The bytes of the regular file *path* (symlinks followed); raises Unreadable.

    The kind and size are checked before the file is opened, and again on the open file
    (it may have been replaced in between); the read stops after *limit* + 1 bytes.
    """
    reads: Reads | None = getattr(_recorders, "reads", None)
    if reads is None:
        return _read_bytes(path, limit)
    key = (os.path.abspath(path), limit)
    try:
        data = _read_bytes(path, limit)
    except Unreadable as exc:
        reads[key] = f"!{exc.problem}"
        raise
    reads[key] = hashlib.sha256(data).hexdigest()
    return data


def _read_bytes(path: Path, limit: int) -> bytes:
    try:
        before = os.stat(path)
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the name
        raise Unreadable(os_problem(exc) if isinstance(exc, OSError) else "har ett ogiltigt namn") \
            from None
    problem = _kind_problem(before.st_mode)
    if problem is not None:
        raise Unreadable(problem)
    if before.st_size > limit:
        raise _too_big(before.st_size, limit)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise Unreadable(os_problem(exc)) from None
    try:
        opened = os.fstat(fd)
        problem = _kind_problem(opened.st_mode)
        if problem is not None:
            raise Unreadable(problem)
        chunks = []
        total = 0
        while total <= limit:
            chunk = os.read(fd, min(1024 * 1024, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as exc:
        raise Unreadable(os_problem(exc)) from None
    finally:
        os.close(fd)
    if total > limit:
        raise _too_big(max(total, opened.st_size), limit)
    return b"".join(chunks)


def decode_utf8(data: bytes) -> str:
    """*data* as UTF-8 text (a byte-order mark dropped); raises Unreadable at the line and
    column of the first byte that is not UTF-8, naming the byte and what to save as."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise Unreadable("är sparad som UTF-16; spara den som UTF-8 (i Anteckningar: "
                         "Spara som → Kodning: UTF-8)", 1, 1)
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        start = data.rfind(b"\n", 0, exc.start) + 1
        line = data.count(b"\n", 0, exc.start) + 1
        column = len(data[start : exc.start].decode("utf-8", errors="replace")) + 1
        byte = data[exc.start]
        raise Unreadable(
            f"är inte sparad som UTF-8: byte 0x{byte:02X} på rad {line} kan inte läsas; spara "
            "filen som UTF-8 (den är troligen sparad som Latin-1 eller Windows-1252)",
            line,
            column,
        ) from None


def read_text(path: Path, limit: int) -> str:
    """The UTF-8 text of the regular file *path*; raises Unreadable."""
    return decode_utf8(read_bytes(path, limit))

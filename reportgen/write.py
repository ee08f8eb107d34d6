"""Whole output sets: every file of a build replaces its old version together, or none does.

`write_set` writes each file to a temporary name beside its target (``.NAME.xxxx.tmp``),
flushed to disk, and only when all are written moves them into place. The moves happen
with SIGINT, SIGTERM and SIGHUP held back, and a move that fails puts back what the
earlier moves replaced (from hard-link copies taken just before), so the folder holds
either the whole old set or the whole new one. A signal or an error while the temporary
files are being written removes them; the old files are never touched. A signal held
back during the moves takes effect right after them.

A problem with the folder (it is a file, read-only, full, a target is a folder) is a
Swedish `UserError` naming the folder or the file.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import signal
import stat
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

from reportgen.findings import Location, UserError, error_at

# Signals that end a build: caught while temporary files exist, held back while they move.
SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)


class Interrupted(KeyboardInterrupt):
    """A SIGTERM or SIGHUP during the write phase (a SIGINT is a KeyboardInterrupt)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


_WRITE_PROBLEMS = {
    errno.ENOSPC: "disken är full",
    errno.EDQUOT: "diskkvoten är slut",
    errno.EROFS: "mappen ligger på ett skrivskyddat filsystem",
    errno.EACCES: "åtkomst nekad (är mappen skrivskyddad?)",
    errno.EPERM: "åtkomst nekad (är mappen skrivskyddad?)",
    errno.ENOTDIR: "en del av sökvägen är en fil, inte en mapp",
    errno.ENAMETOOLONG: "sökvägen är för lång",
    errno.EISDIR: "målet är en mapp",
    errno.ELOOP: "sökvägen är en genväg (symlänk) som leder runt i en slinga",
    errno.EIO: "ett in- eller utmatningsfel på disken",
}


def write_problem(exc: OSError) -> str:
    code = exc.errno if exc.errno is not None else 0
    return _WRITE_PROBLEMS.get(code, f"systemfel {errno.errorcode.get(code, code)}")


def _folder_error(folder: Path, exc: OSError) -> UserError:
    return error_at(Location(folder), f"kan inte skriva i mappen: {write_problem(exc)}",
                    rule="utdata.mapp")


def _prepare_folder(folder: Path) -> None:
    try:
        info = folder.stat()
    except FileNotFoundError:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise error_at(Location(folder), f"mappen kan inte skapas: {write_problem(exc)}",
                           rule="utdata.mapp") from None
        return
    except OSError as exc:
        raise _folder_error(folder, exc) from None
    if not stat.S_ISDIR(info.st_mode):
        raise error_at(Location(folder), "utmappen är en fil, inte en mapp; välj en annan mapp "
                       "med --out", rule="utdata.mapp")


def _check_target(target: Path) -> None:
    try:
        info = target.lstat()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise _folder_error(target, exc) from None
    if stat.S_ISDIR(info.st_mode):
        raise error_at(Location(target), "finns redan som en mapp, och ersätts inte av en fil; "
                       "ta bort eller byt namn på mappen, eller välj en annan mapp med --out",
                       rule="utdata.fil")


@contextlib.contextmanager
def _signals_raise() -> Iterator[None]:
    """SIGTERM and SIGHUP raise Interrupted (SIGINT already raises KeyboardInterrupt), so
    that the temporary files are removed; only the main thread can take signals."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupted(signum: int, frame: FrameType | None) -> None:
        raise Interrupted(signum)

    previous = {}
    for signum in SIGNALS:
        if signum != signal.SIGINT and signal.getsignal(signum) == signal.SIG_DFL:
            previous[signum] = signal.signal(signum, interrupted)
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Hold back SIGINT, SIGTERM and SIGHUP; one that came meanwhile acts on leaving.

    Held by Python-level handlers that only note the signal, not by blocking it
    (pthread_sigmask): a blocking mask is the calling thread's alone, and a native thread
    (OpenBLAS's, once matplotlib has drawn a chart) takes a signal sent to the process,
    whose handler then runs in the main thread in the middle of the moves.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    pending: list[int] = []

    def note(signum: int, frame: FrameType | None) -> None:
        pending.append(signum)

    previous = {signum: signal.signal(signum, note) for signum in SIGNALS}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        if pending:
            signal.raise_signal(pending[0])  # now, with the build's own handler back


def _write_temporary(folder: Path, name: str, data: bytes, made: list[Path]) -> Path:
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    made.append(Path(tmp))
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.chmod(tmp, 0o644)
    return Path(tmp)


def _keep_copy(target: Path, made: list[Path]) -> Path | None:
    """A hard link to the old *target* (a copy where links are not possible), to put back."""
    if not target.exists():
        return None
    while True:
        copy = target.with_name(f".{target.name}.{secrets.token_hex(4)}.old.tmp")
        try:
            os.link(target, copy)
        except FileExistsError:
            continue
        except OSError:
            made.append(copy)
            copy.write_bytes(target.read_bytes())
            return copy
        made.append(copy)
        return copy


def _move_all(pairs: list[tuple[Path, Path]], made: list[Path]) -> None:
    """Move each temporary file over its target; on failure put the old ones back."""
    copies = [_keep_copy(target, made) for _tmp, target in pairs]
    moved = 0
    try:
        for tmp, target in pairs:
            os.replace(tmp, target)
            moved += 1
    except BaseException:
        for (_tmp, target), copy in list(zip(pairs, copies, strict=True))[:moved]:
            with contextlib.suppress(OSError):
                if copy is not None:
                    os.replace(copy, target)
                else:
                    target.unlink()
        raise


def _sync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_set(folder: Path, files: dict[str, bytes]) -> list[Path]:
    """Replace the files *files* names inside *folder* all together, or none of them.

    A name may lie in a subfolder ("sub/name"), which is made if missing; its temporary
    file is written beside it. Raises UserError for a problem with the folder or a
    target; Interrupted or KeyboardInterrupt for a signal (the old set then stays, unless
    the signal came while the files were moving, when the new set is complete first).
    """
    _prepare_folder(folder)
    targets = [folder / name for name in files]
    folders = list(dict.fromkeys(target.parent for target in targets))
    for subfolder in folders:
        if subfolder != folder:
            _prepare_folder(subfolder)
    for target in targets:
        _check_target(target)
    made: list[Path] = []  # every temporary file, removed whatever happens
    try:
        with _signals_raise():
            pairs = [(_write_temporary(target.parent, target.name, data, made), target)
                     for target, data in zip(targets, files.values(), strict=True)]
            with _signals_held():
                _move_all(pairs, made)
                for path in made:
                    path.unlink(missing_ok=True)
    except OSError as exc:
        raise _folder_error(folder, exc) from None
    finally:
        for path in made:
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)
    for written_folder in dict.fromkeys([folder, *folders]):
        _sync_folder(written_folder)
    return targets


def write_atomic(target: Path, data: bytes) -> None:
    """Replace *target* with *data* in one step; on failure the old file is untouched."""
    write_set(target.parent, {target.name: data})

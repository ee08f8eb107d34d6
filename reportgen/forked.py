"""A job in another process, forked from this one.

`Forked(job, *arguments)` forks at once and runs `job(*arguments)` in the child (which
has everything this process had at the fork, so nothing is pickled on the way there).
While it runs, the job may send this process messages (`tell`); at its end this process
gets what it returned, the UserError it raised, or the traceback of anything else
(`Forked.result` hands each message to its caller, then returns, re-raises the
UserError, or raises `ChildFailed`). What comes back crosses a pipe pickled, in frames.
The child writes no file, prints nothing (what is to be printed is a message) and never
runs this process's exit handlers (it ends with `os._exit`).

Signals: SIGINT, SIGTERM and SIGHUP end the child at once (Ctrl+C reaches both
processes; this one then kills and reaps the child on its way out), and on Linux the
child is killed when this process dies. Only a process with no other thread forks: a
fork would copy locks other threads hold (`available`).
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import sys
import threading
import traceback
from collections.abc import Callable
from typing import Any

from reportgen.findings import UserError
from reportgen.write import Interrupted

_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)


class ChildFailed(RuntimeError):
    """The child ended without a result, or the job raised something other than a UserError
    (its traceback is the message): a bug, not bad input."""


def available() -> bool:
    """Whether `Forked` can be used here: os.fork exists and no other thread runs."""
    return hasattr(os, "fork") and threading.active_count() == 1


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _read_exactly(fd: int, size: int) -> bytes | None:
    """*size* bytes from *fd*, or None at the end of the pipe."""
    chunks, left = [], size
    while left:
        chunk = os.read(fd, min(left, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _send_frame(fd: int, value: Any) -> None:
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    _write_all(fd, len(data).to_bytes(8, "big") + data)


_MESSAGE = "meddelande"
_to_parent: int | None = None  # in a child: where `tell` writes


def tell(message: Any) -> None:
    """From inside a job: send the parent *message* now (`Forked.result` hands it on)."""
    assert _to_parent is not None, "tell() is for jobs running in a Forked child"
    _send_frame(_to_parent, (_MESSAGE, message))


def _die_with_parent(parent: int) -> None:
    """Linux: have the kernel kill this process when the parent dies."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(Exception):
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:  # it died before that took effect
        os._exit(1)


def _child(job: Callable[..., Any], arguments: tuple[Any, ...], results: int, parent: int) -> None:
    global _to_parent
    status = 0
    try:
        for signum in _SIGNALS:
            signal.signal(signum, signal.SIG_DFL)
        _die_with_parent(parent)
        _to_parent = results
        reply: tuple[str, Any]
        try:
            reply = ("klar", job(*arguments))
        except UserError as error:
            reply = ("användarfel", error)
        except BaseException:
            reply = ("fel", traceback.format_exc())
        _send_frame(results, reply)
    except BaseException:
        status = 1
    finally:
        os._exit(status)


class Forked:
    """A forked child running *job*; see the module's docstring."""

    def __init__(self, job: Callable[..., Any], *arguments: Any) -> None:
        read, write = os.pipe()
        for stream in (sys.stdout, sys.stderr):  # nothing buffered is written twice
            with contextlib.suppress(Exception):
                stream.flush()
        parent = os.getpid()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child ends in os._exit
            os.close(read)
            _child(job, arguments, write, parent)
        os.close(write)
        self.pid: int | None = pid
        self._read = read
        self._lock = threading.Lock()

    def result(self, on_message: Callable[[Any], None] | None = None) -> Any:
        """What the job returned; re-raises its UserError; ChildFailed otherwise. Each
        message the job sent on its way (`tell`) is handed to *on_message* first."""
        try:
            while True:
                header = _read_exactly(self._read, 8)
                frame = None if header is None else _read_exactly(
                    self._read, int.from_bytes(header, "big"))
                if frame is None:
                    raise self._ended()
                kind, value = pickle.loads(frame)
                if kind != _MESSAGE:
                    break
                if on_message is not None:
                    on_message(value)
        finally:
            self.close()
        if kind == "klar":
            return value
        if kind == "användarfel":
            raise value
        raise ChildFailed(f"{kind} i den andra processen:\n{value}")

    def _ended(self) -> BaseException:
        """Why the child ended without its result: a signal that ends a build (Ctrl+C
        reaches the child too) is an interruption of this process as well."""
        status = self._reap(kill=False)
        if status is not None and os.WIFSIGNALED(status) and os.WTERMSIG(status) in _SIGNALS:
            signum = os.WTERMSIG(status)
            return KeyboardInterrupt() if signum == signal.SIGINT else Interrupted(signum)
        if status is None:
            how = "okänt hur"
        elif os.WIFSIGNALED(status):
            how = f"signal {os.WTERMSIG(status)}"
        else:
            how = f"slutkod {os.WEXITSTATUS(status)}"
        return ChildFailed(f"processen som skulle göra jobbet avslutades utan svar ({how})")

    def kill(self) -> None:
        """Kill the child if it still runs (from any thread; `result` then ends)."""
        with self._lock:
            if self.pid is not None:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(self.pid, signal.SIGKILL)

    def _reap(self, kill: bool) -> int | None:
        """Wait for the child (killed first if *kill*); its wait status, None if unknown."""
        with self._lock:  # a pid is given up only here, so kill() never hits another process
            if self.pid is None:
                return None
            pid, self.pid = self.pid, None
            if kill:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
        try:
            return os.waitpid(pid, 0)[1]
        except ChildProcessError:
            return None

    def close(self) -> None:
        """Kill the child if it still runs, reap it, close the pipe. Safe to call twice,
        and from the thread that waits for `result` while another kills the child."""
        self._reap(kill=True)
        with self._lock:
            fd, self._read = self._read, -1
        if fd >= 0:
            with contextlib.suppress(OSError):
                os.close(fd)

    def __enter__(self) -> Forked:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

"""Jobs in other processes, forked before the job's input is known.

`Forked(job, ready)` forks at once. The child runs *ready* (its imports, say) while the
parent goes on with its own work; it then waits for the job's arguments
(`Forked.submit`) and runs `job(*arguments)`. While it runs, the job may send the
parent messages (`tell`); at its end the parent gets what it returned, the UserError it
raised, or the traceback of anything else (`Forked.result` hands each message to its
caller, then returns, re-raises the UserError, or raises `ChildFailed`). Everything
crosses a pipe pickled, in frames. The child writes no file, prints nothing (what is to
be printed is a message) and never runs the parent's exit handlers (it ends with
`os._exit`).

Signals: SIGINT, SIGTERM and SIGHUP end the child at once (Ctrl+C reaches both
processes; the parent then kills and reaps the child on its way out), and on Linux the
child is killed when the parent dies. Only a process with no other thread forks: a fork
would copy locks other threads hold (`available`).
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


def _read_all(fd: int) -> bytes:
    chunks = []
    while chunk := os.read(fd, 1 << 20):
        chunks.append(chunk)
    return b"".join(chunks)


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


# This process's ends of the pipes to its Forked children (a later child closes them).
_parent_ends: set[int] = set()
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


def _child(job: Callable[..., Any], ready: Callable[[], None] | None, jobs: int, results: int,
           parent: int) -> None:
    global _to_parent
    status = 0
    try:
        for signum in _SIGNALS:
            signal.signal(signum, signal.SIG_DFL)
        _die_with_parent(parent)
        _to_parent = results
        failed = None
        try:
            if ready is not None:
                ready()
        except BaseException:
            failed = traceback.format_exc()
        data = _read_all(jobs)
        if data:  # nothing: the parent gave up before sending the job
            reply: tuple[str, Any]
            if failed is not None:
                reply = ("fel i förberedelsen", failed)
            else:
                try:
                    reply = ("klar", job(*pickle.loads(data)))
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
    """A forked child that will run *job* once; see the module's docstring."""

    def __init__(self, job: Callable[..., Any], ready: Callable[[], None] | None = None) -> None:
        job_read, self._job_write = os.pipe()
        self._result_read, result_write = os.pipe()
        for stream in (sys.stdout, sys.stderr):  # nothing buffered is written twice
            with contextlib.suppress(Exception):
                stream.flush()
        parent = os.getpid()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child ends in os._exit
            # Not this child's ends, nor another child's: a job pipe is read to its end,
            # which comes only when every copy of its writing end is closed.
            for fd in (self._job_write, self._result_read, *_parent_ends):
                with contextlib.suppress(OSError):
                    os.close(fd)
            _child(job, ready, job_read, result_write, parent)
        self.pid: int | None = pid
        os.close(job_read)
        os.close(result_write)
        _parent_ends.update((self._job_write, self._result_read))
        self._sender: threading.Thread | None = None
        self._lock = threading.Lock()

    def submit(self, *arguments: Any) -> None:
        """Send the job's arguments (pickled); written by a thread, so the parent goes on
        while the child is still getting ready."""
        payload = pickle.dumps(arguments, protocol=pickle.HIGHEST_PROTOCOL)
        fd, self._job_write = self._job_write, -1
        _parent_ends.discard(fd)

        def send() -> None:
            try:
                _write_all(fd, payload)
            except OSError:
                pass  # the child has gone; result() says so
            finally:
                os.close(fd)

        self._sender = threading.Thread(target=send, name="reportgen-forked", daemon=True)
        self._sender.start()

    def result(self, on_message: Callable[[Any], None] | None = None) -> Any:
        """What the job returned; re-raises its UserError; ChildFailed otherwise. Each
        message the job sent on its way (`tell`) is handed to *on_message* first."""
        try:
            while True:
                header = _read_exactly(self._result_read, 8)
                frame = None if header is None else _read_exactly(
                    self._result_read, int.from_bytes(header, "big"))
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
        """Kill the child if it still runs, reap it, close the pipes. Safe to call twice,
        and from the thread that waits for `result` while another kills the child."""
        self._reap(kill=True)
        with self._lock:
            fds = [fd for fd in (self._job_write, self._result_read) if fd >= 0]
            self._job_write = self._result_read = -1
            sender, self._sender = self._sender, None
        for fd in fds:
            _parent_ends.discard(fd)
            with contextlib.suppress(OSError):
                os.close(fd)
        if sender is not None and sender is not threading.current_thread():
            sender.join()

    def __enter__(self) -> Forked:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

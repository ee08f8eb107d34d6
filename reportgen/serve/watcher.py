"""Rebuild the preview when the YAML, a file it names, or a template changes.

Folders are watched, not files: editors that save by writing a temporary file and
renaming it over the original (atomic replace) then still produce an event for the
original's name. When no event comes for SAFETY_MS, the inputs' sizes and mtimes are
compared with those of the last build, so a change made while the watch was being set
up (or an event the platform dropped) is still picked up. Events are grouped by
watchfiles (`step` ms of quiet, at most `debounce` ms), so one save gives one rebuild.
The set of watched folders follows the YAML: when it names a file in another folder,
the watcher restarts with that folder.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

import watchfiles

from reportgen.serve.preview import Preview, State
from reportgen.templates_dir import templates_dir

STEP_MS = 15  # quiet time that ends a group of events
DEBOUNCE_MS = 400  # longest a group may grow
SAFETY_MS = 500  # when quiet this long, compare the inputs' mtimes with the last build's


def _existing_dir(path: Path) -> Path:
    """*path* if it is a folder, else its nearest existing ancestor."""
    probe = path
    while not probe.is_dir() and probe.parent != probe:
        probe = probe.parent
    return probe


def template_dirs(root: Path | None = None) -> set[Path]:
    root = root or templates_dir()
    found = {root}
    for folder, subdirs, _files in os.walk(root):
        subdirs[:] = [d for d in subdirs if not d.startswith((".", "__"))]
        found.update(Path(folder) / d for d in subdirs)
    return found


def watch_dirs(deps: Iterable[Path], templates: Path | None = None) -> frozenset[Path]:
    """Folders to watch (not recursively): those of the dependencies, and templates/."""
    dirs = {_existing_dir(dep.parent) for dep in deps}
    return frozenset(dirs | template_dirs(templates))


class Relevant:
    """watchfiles filter: a dependency, a folder on the way to one, or a template file."""

    def __init__(self, deps: Iterable[Path], templates: Path | None = None) -> None:
        self.deps = {os.path.normpath(p) for p in deps}
        self.ancestors = {os.path.normpath(a) for p in deps for a in Path(p).parents}
        self.templates = os.path.normpath(templates or templates_dir()) + os.sep

    def __call__(self, change: watchfiles.Change, path: str) -> bool:
        path = os.path.normpath(path)
        if path in self.deps or path in self.ancestors:
            return True
        name = os.path.basename(path)
        if name.startswith(".") or name.endswith(("~", ".swp", ".tmp")):
            return False
        return path.startswith(self.templates)


RETRY_SECONDS = 1.0  # pause after the watch itself failed, before watching again


def run(
    preview: Preview,
    stop: threading.Event,
    on_build: Callable[[State], None] = lambda state: None,
) -> None:
    """Watch and rebuild until *stop* is set. Nothing stops the watching but *stop*: a
    failure in a rebuild or in the watch itself is shown in the page (Preview.fail), its
    traceback in the terminal, and watching goes on."""
    last = ""
    while not stop.is_set():
        try:
            _watch(preview, stop, on_build)
        except Exception as exc:  # a bug in reportgen or watchfiles: say it, watch again
            state = preview.fail(exc) if repr(exc) != last else None  # not every second
            if state is not None:
                with contextlib.suppress(Exception):  # the page has it; the terminal may not
                    on_build(state)
            last = repr(exc)
            stop.wait(RETRY_SECONDS)
        else:
            last = ""


def _watch(preview: Preview, stop: threading.Event, on_build: Callable[[State], None]) -> None:
    """One watch over the current set of folders, until that set changes."""
    deps = preview.dependencies
    dirs = watch_dirs(deps)
    for changes in watchfiles.watch(
        *sorted(dirs),
        watch_filter=Relevant(deps),
        debounce=DEBOUNCE_MS,
        step=STEP_MS,
        stop_event=stop,
        recursive=False,
        raise_interrupt=False,
        rust_timeout=SAFETY_MS,
        yield_on_timeout=True,
    ):
        if stop.is_set():
            return
        if not changes and not preview.stale():
            continue  # quiet: nothing was missed (e.g. before the watch was set up)
        on_build(preview.rebuild())
        if preview.dependencies != deps or watch_dirs(preview.dependencies) != dirs:
            return  # the YAML now names other files: watch again with the new set

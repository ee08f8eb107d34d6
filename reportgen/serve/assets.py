"""Local files (fonts, images) offered to the browser under opaque, versioned URLs.

Only files the renderer asked for are registered, so a URL can never name any other
file. The token changes when the file changes, so the browser may cache freely.
"""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path
from urllib.parse import quote

PREFIX = "/_reportgen/asset/"


class AssetRegistry:
    def __init__(self) -> None:
        self._files: dict[str, Path] = {}
        self._lock = threading.Lock()

    def url(self, path: Path) -> str:
        """The URL for *path*; registers it. Used as `asset_url` by the HTML renderer."""
        resolved = path.resolve()
        try:
            stat = resolved.stat()
            stamp = f"{stat.st_mtime_ns}:{stat.st_size}"
        except OSError:
            stamp = "missing"
        token = hashlib.sha256(f"{resolved}\0{stamp}".encode()).hexdigest()[:16]
        with self._lock:
            self._files[token] = resolved
        return f"{PREFIX}{token}/{quote(resolved.name)}"

    def lookup(self, url_path: str) -> Path | None:
        """The registered file behind *url_path* (without query), or None."""
        if not url_path.startswith(PREFIX):
            return None
        token = url_path[len(PREFIX) :].split("/", 1)[0]
        with self._lock:
            return self._files.get(token)

"""Local files (fonts, images) and in-memory pictures (charts) offered to the browser
under opaque, versioned URLs.

Only what the renderer asked for is registered, so a URL can never name any other file.
A file's token changes when the file changes; an in-memory picture's token is the hash
of its bytes. Either way the browser may cache freely.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from pathlib import Path
from urllib.parse import quote

from reportgen.document.model import Image

PREFIX = "/_reportgen/asset/"
# In-memory pictures kept for the browser: the latest ones, enough for every chart of a
# report, without growing for ever while the figures are being edited.
HELD_LIMIT = 512


class AssetRegistry:
    def __init__(self) -> None:
        self._files: dict[str, Path] = {}
        self._held: OrderedDict[str, tuple[bytes, str]] = OrderedDict()
        self._lock = threading.Lock()

    def url(self, asset: Path | Image) -> str:
        """The URL for *asset*; registers it. Used as `asset_url` by the HTML renderer."""
        if isinstance(asset, Image):
            if asset.in_memory:
                return self._hold(asset)
            assert asset.path is not None
            asset = asset.path
        resolved = asset.resolve()
        try:
            stat = resolved.stat()
            stamp = f"{stat.st_mtime_ns}:{stat.st_size}"
        except OSError:
            stamp = "missing"
        token = hashlib.sha256(f"{resolved}\0{stamp}".encode()).hexdigest()[:16]
        with self._lock:
            self._files[token] = resolved
        return f"{PREFIX}{token}/{quote(resolved.name)}"

    def _hold(self, image: Image) -> str:
        data = image.picture()
        token = "m" + hashlib.sha256(data).hexdigest()[:31]  # never a file's token
        with self._lock:
            self._held[token] = (data, image.media_type)
            self._held.move_to_end(token)
            while len(self._held) > HELD_LIMIT:
                self._held.popitem(last=False)
        return f"{PREFIX}{token}/{quote(image.name)}"

    @staticmethod
    def _token(url_path: str) -> str | None:
        if not url_path.startswith(PREFIX):
            return None
        return url_path[len(PREFIX) :].split("/", 1)[0]

    def lookup(self, url_path: str) -> Path | None:
        """The registered file behind *url_path* (without query), or None."""
        token = self._token(url_path)
        with self._lock:
            return self._files.get(token) if token is not None else None

    def held(self, url_path: str) -> tuple[bytes, str] | None:
        """The bytes and media type of the in-memory picture behind *url_path*, or None."""
        token = self._token(url_path)
        with self._lock:
            return self._held.get(token) if token is not None else None

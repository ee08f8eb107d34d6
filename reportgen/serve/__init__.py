"""`reportgen serve`: a local preview that rebuilds and reloads itself as files are saved.

- `preview`  the build state: last good page, current findings, files it depends on
- `assets`   fonts and images offered to the browser under opaque, versioned URLs
- `overlay`  the script and styles injected into the page (reload, findings, PDF button)
- `server`   the HTTP server on 127.0.0.1 (page, events, assets, build folder, PDF)
- `watcher`  watchfiles loop: which folders to watch and when to rebuild

Nothing here imports WeasyPrint; only the PDF request does, lazily.
"""

"""Headless Chromium for the end-to-end preview tests and scripts/bench_serve.py.

Driven by Playwright for Python (the `test` extra), which cannot download its own browsers
here: it starts Debian's chromium (`scripts/install.sh --test` installs both). All traffic
stays on 127.0.0.1: the preview the page is pointed at.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from playwright.sync_api import Page, sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@contextmanager
def chromium_page(width: int = 1280, height: int = 900) -> Iterator[Page]:
    """One page in a headless Chromium, closed (with the browser) on leaving."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield browser.new_page(viewport={"width": width, "height": height})
        finally:
            browser.close()


def wait_for(page: Page, expression: str, timeout: float = 5, interval: float = 0.01) -> Any:
    """Poll the JavaScript *expression* until it is truthy and return its value; raises
    Playwright's TimeoutError after *timeout* seconds. Polling carries on across reloads."""
    handle = page.wait_for_function(expression, timeout=timeout * 1000, polling=interval * 1000)
    return handle.json_value()

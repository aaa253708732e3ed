"""Debian's Chromium driven by Playwright, as this machine allows it.

Playwright never downloads a browser here: it launches /usr/bin/chromium
(installed by `.ci/run` with apt) with the flags Chromium needs on a
machine without a display or outside network, and a new, empty profile.
A missing browser fails the tests; it does not skip them.
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import BrowserContext, Playwright

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class BrowserMissing(RuntimeError):
    pass


def open_chromium(playwright: Playwright, profile: Path) -> BrowserContext:
    """A headless Chromium with a new, empty --user-data-dir at `profile`."""
    if not CHROMIUM.exists():
        raise BrowserMissing(
            f"{CHROMIUM} is missing: install Debian's chromium (`apt-get install -y chromium`, "
            "as .ci/run does)"
        )
    profile.mkdir(parents=True, exist_ok=False)
    return playwright.chromium.launch_persistent_context(
        str(profile),
        executable_path=str(CHROMIUM),
        headless=True,
        args=FLAGS,
        viewport={"width": 1280, "height": 900},
    )

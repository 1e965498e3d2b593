"""Session fixtures for the browser tests: the real site, built once, served on 127.0.0.1, and one Chromium.

The site is built with `site_url` equal to the served origin (SITE_URL), because Material's instant navigation
and instant previews only engage on site_url's own origin. Each test gets a fresh browser context.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import threading
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from browser_harness import DEADLINE_MS, LOCAL_HOST, PROJECT, new_context
from playwright.sync_api import expect
from selectolax.lexbor import LexborHTMLParser as HTMLParser

# expect() keeps its own deadline (5 s), apart from the context's: give both the same bound.
expect.set_options(timeout=DEADLINE_MS)

DEFAULT_CHROMIUM = "/usr/bin/chromium"
# From /work/shared/TOOLING.md: what Chromium needs as root, offline, in a container.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


# Data


@dataclass
class Site:
    """The built site and where it is served."""

    root: Path
    base_url: str  # "http://127.0.0.1:PORT/", equal to the build's site_url
    pages: list[str] = field(default_factory=list)  # paths relative to base_url, from the sitemap: "", "actors/russia/"

    def url(self, path: str = "") -> str:
        return self.base_url + path.lstrip("/")

    def html(self, path: str) -> HTMLParser:
        """The built HTML of a page path such as "actors/russia/"."""
        file = self.root / path / "index.html" if not path.endswith(".html") else self.root / path
        return HTMLParser(file.read_text(encoding="utf-8"))


# Helpers


class _Handler(SimpleHTTPRequestHandler):
    """Serves the built site; a missing path gets MkDocs' 404.html with status 404, as GitHub Pages does."""

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        return None

    def log_message(self, format, *args):  # quiet: pytest shows failures, not access logs
        pass


def _sitemap_pages(root: Path, base_url: str) -> list[str]:
    tree = ET.parse(root / "sitemap.xml")
    pages = []
    for loc in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc"):
        url = (loc.text or "").strip()
        if not url.startswith(base_url):
            pytest.fail(
                f"sitemap.xml lists {url}, outside the served origin {base_url}: is site_url read from SITE_URL?"
            )
        pages.append(url[len(base_url) :])
    return pages


def chromium_executable() -> str | None:
    """/usr/bin/chromium unless BROWSER_EXECUTABLE says otherwise; an empty value means Playwright's own browser."""
    value = os.environ.get("BROWSER_EXECUTABLE", DEFAULT_CHROMIUM)
    return value or None


# Fixtures


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Site:
    """Build the real site once, into a temporary folder, and serve it on 127.0.0.1 for the whole session."""
    root = tmp_path_factory.mktemp("browser-site")
    # Bind first, so the build knows the port (site_url must equal the served origin).
    server = ThreadingHTTPServer((LOCAL_HOST, 0), functools.partial(_Handler, directory=str(root)))
    server.daemon_threads = True
    base_url = f"http://{LOCAL_HOST}:{server.server_address[1]}/"
    env = {**os.environ, "SITE_URL": base_url, "NO_MKDOCS_2_WARNING": "1"}
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-d", str(root)],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if build.returncode != 0:
        server.server_close()
        pytest.fail(f"mkdocs build --strict failed in {PROJECT}:\n{build.stdout}\n{build.stderr}", pytrace=False)
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield Site(root=root, base_url=base_url, pages=_sitemap_pages(root, base_url))
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the session: Debian's by default, never skipped when missing."""
    from playwright.sync_api import Error, sync_playwright

    executable = chromium_executable()
    if executable and not (Path(executable).is_file() or shutil.which(executable)):
        pytest.fail(
            f"Chromium not found at {executable}. Install it with `apt-get install chromium` (what .ci/run does), "
            "or set BROWSER_EXECUTABLE to its path (an empty value uses Playwright's own browser, "
            "after `playwright install chromium`).",
            pytrace=False,
        )
    with sync_playwright() as playwright:
        try:
            chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        except Error as error:
            pytest.fail(
                f"Chromium did not start ({executable or 'Playwright bundled browser'}): {error}\n"
                "Install it with `apt-get install chromium` (what .ci/run does), or set BROWSER_EXECUTABLE.",
                pytrace=False,
            )
        yield chromium
        chromium.close()


@pytest.fixture
def context(browser, site):
    """A fresh browser context per test (its own storage, so the palette choice never leaks between tests)."""
    ctx = new_context(browser, site)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):
    return context.new_page()

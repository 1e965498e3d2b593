"""Every page of the built site (from its sitemap), loaded in Chromium: what a reader never sees must be clean.

Per page: no console errors or uncaught exceptions, no request to any host but 127.0.0.1, no failed request
(network error or HTTP status 400 and above), and no broken image. The page is watched until it has settled, so
requests made by Material's JavaScript after the load (search index, sitemap for previews) count too. "Settled" is
an event, not a pause: Material's last requests (search index, sitemap) have finished, and so has every request
still open then (Playwright's networkidle would wait for 500 ms of quiet instead).
"""

from __future__ import annotations

from contextlib import ExitStack
from urllib.parse import urlsplit

import pytest
from browser_harness import LOCAL_HOST
from playwright.sync_api import Error as PlaywrightError

pytestmark = pytest.mark.browser

LOCAL_SCHEMES = {"data", "blob", "about"}
LATE_REQUESTS = ("search/search_index.json", "sitemap.xml")  # what Material's JavaScript fetches after the load

_BROKEN_IMAGES = """() => [...document.images]
    .filter(img => img.getAttribute("src") && (!img.complete || img.naturalWidth === 0))
    .map(img => img.getAttribute("src"))"""


def _problems(page, site, path: str) -> list[str]:
    problems: list[str] = []
    open_requests: set = set()
    finished: set[str] = set()

    def on_console(msg):
        if msg.type == "error":
            where = msg.location.get("url", "")
            problems.append(f"console error: {msg.text}" + (f" ({where})" if where else ""))

    def on_pageerror(exc):
        problems.append(f"uncaught exception: {exc}")

    def on_done(request):
        open_requests.discard(request)
        finished.add(urlsplit(request.url).path)

    def on_request(request):
        open_requests.add(request)
        parts = urlsplit(request.url)
        if parts.scheme not in LOCAL_SCHEMES and parts.hostname != LOCAL_HOST:
            problems.append(f"request to another host: {request.url}")

    def on_requestfailed(request):
        # The previous page's last requests (the favicon, say) are aborted by this page's navigation: not a fault.
        started_here = request in open_requests
        on_done(request)
        if started_here and urlsplit(request.url).hostname == LOCAL_HOST:  # foreign ones are reported above
            problems.append(f"failed request: {request.url} ({request.failure})")

    def on_response(response):
        if response.status >= 400:
            problems.append(f"HTTP {response.status}: {response.url}")

    handlers = {
        "console": on_console,
        "pageerror": on_pageerror,
        "request": on_request,
        "requestfailed": on_requestfailed,
        "response": on_response,
        "requestfinished": on_done,
    }
    for event, handler in handlers.items():
        page.on(event, handler)
    try:
        late = {urlsplit(site.url(p)).path for p in LATE_REQUESTS}
        try:
            with ExitStack() as waits:
                for late_path in late:
                    finished_late = page.expect_request_finished(lambda r, p=late_path: urlsplit(r.url).path == p)
                    waits.enter_context(finished_late)
                response = page.goto(site.url(path), wait_until="load")
                if response is None or response.status != 200:
                    problems.append(f"page answered {response and response.status}")
        except PlaywrightError as error:  # a late request never made or never finished: named below
            problems.append(f"Material's late requests did not all finish: {str(error).splitlines()[0]}")
        for request in list(open_requests):  # still open once Material's own have finished: wait for each
            response = request.response()  # None if it failed, which on_requestfailed reports
            if response is not None:
                response.finished()
        problems.extend(
            f"never requested: {site.url(p)}" for p in LATE_REQUESTS if urlsplit(site.url(p)).path not in finished
        )
        problems.extend(f"broken image: {src}" for src in page.evaluate(_BROKEN_IMAGES))
    finally:
        for event, handler in handlers.items():
            page.remove_listener(event, handler)
    return problems


def test_sitemap_lists_the_pages(site):
    assert "" in site.pages, "the home page is missing from sitemap.xml"
    assert len(site.pages) >= 20, f"sitemap.xml lists only {len(site.pages)} pages"


def test_every_page_is_clean(page, site):
    """One page object walks every page (a fresh one per page would triple the time for no extra coverage)."""
    report = {}
    for path in site.pages:
        problems = _problems(page, site, path)
        if problems:
            report[path or "/"] = problems
    assert not report, "pages with problems:\n" + "\n".join(
        f"  {path}:\n" + "\n".join(f"    - {p}" for p in problems) for path, problems in report.items()
    )


def test_the_404_page_is_clean(page, site):
    """The custom 404 page loads its styles and scripts from absolute URLs: check them from a deep path."""
    problems = _problems(page, site, "no/such/page/")
    # The page itself answers 404 by design; everything it loads must not.
    missing = site.url("no/such/page/")
    problems = [p for p in problems if not p.endswith((missing, f"({missing})")) and p != "page answered 404"]
    assert not problems, "the 404 page at /no/such/page/:\n" + "\n".join(f"  - {p}" for p in problems)

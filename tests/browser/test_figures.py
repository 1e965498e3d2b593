"""Every figure (an `a.glightbox` in the built HTML) opens in GLightbox and closes again with Escape."""

from __future__ import annotations

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

pytestmark = pytest.mark.browser


def _figures(site) -> list[tuple[str, int, str]]:
    """(page path, index of the figure on the page, its href) for every lightbox link on every page."""
    found = []
    for path in site.pages:
        for index, link in enumerate(site.html(path).css("a.glightbox")):
            found.append((path, index, link.attributes.get("href") or ""))
    return found


def test_the_site_has_figures(site):
    figures = _figures(site)
    assert len(figures) >= 3, f"expected the trade, partnership-map and timeline figures; found {figures}"


def test_every_figure_opens_and_closes(page, site):
    problems = []
    for path, index, href in _figures(site):
        where = f"{path or '/'} figure {index + 1} ({href})"
        page.goto(site.url(path))
        link = page.locator("a.glightbox").nth(index)
        link.scroll_into_view_if_needed()
        link.click()
        box = page.locator(".glightbox-container")
        try:
            box.wait_for(state="visible")
        except Exception:
            problems.append(f"{where}: clicking it opened no .glightbox-container")
            continue
        image = box.locator(".gslide.current img")
        image.wait_for(state="visible")
        try:  # shown first, decoded when it has arrived: wait for that, not for a time
            page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=image.element_handle())
        except PlaywrightTimeout:
            problems.append(f"{where}: the image in the lightbox did not load")
        page.keyboard.press("Escape")
        try:
            box.wait_for(state="detached")
        except Exception:
            problems.append(f"{where}: Escape did not close the lightbox")
    assert not problems, "\n".join(problems)

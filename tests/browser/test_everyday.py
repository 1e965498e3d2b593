"""Everyday use: the palette toggle, a phone-sized screen, and an address that does not exist."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from browser_harness import (
    new_context,
    open_search,
    page_path,
    registered_names,
    search,
    wait_for_instant_navigation,
)
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

SCHEME = "document.body.dataset.mdColorScheme"
BACKGROUND = "getComputedStyle(document.body).backgroundColor"


def _toggle(page, target: int) -> None:
    """Click the visible palette toggle, which selects palette `target` (0 automatic, 1 light, 2 dark).

    Material shows one of the three labels at a time; it moves their titles into its own tooltips, so the
    labels are found by the palette they select (`for="__palette_N"`).
    """
    page.locator(f"form[data-md-component='palette'] label[for='__palette_{target}']").click()
    page.wait_for_function(f"document.getElementById('__palette_{target}').checked")


def test_palette_toggle_switches_and_survives_navigation(page, site):
    page.emulate_media(color_scheme="light")
    page.goto(site.url())
    assert page.evaluate(SCHEME) == "default"
    light = page.evaluate(BACKGROUND)
    _toggle(page, 1)  # automatic -> light
    _toggle(page, 2)  # light -> dark
    page.wait_for_function(f"{SCHEME} === 'slate'")
    assert page.evaluate(BACKGROUND) != light, "the dark palette did not change the page's background"

    # Instant navigation (a click on a tab): the page is swapped in place, the palette stays.
    wait_for_instant_navigation(page)
    page.evaluate("window.__sameDocument = true")
    page.locator("a.md-tabs__link", has_text="Actors").click()
    page.wait_for_url(site.url("actors/"))
    assert page.evaluate("window.__sameDocument === true"), "instant navigation did not engage (is site_url right?)"
    assert page.evaluate(SCHEME) == "slate"

    # A full page load: the choice is read back from storage.
    page.goto(site.url("themes/sanctions/"))
    assert page.evaluate(SCHEME) == "slate"
    assert page.locator("form[data-md-component='palette'] label[for='__palette_0']").is_visible()


@pytest.fixture
def phone(browser, site):
    context = new_context(browser, site, viewport={"width": 375, "height": 740}, has_touch=True, is_mobile=True)
    yield context.new_page()
    context.close()


def test_phone_drawer_opens_and_navigates(phone, site):
    phone.goto(site.url())
    drawer_shown = "document.querySelector('.md-sidebar--primary').getBoundingClientRect().right > 0"
    russia = phone.locator(".md-sidebar--primary a.md-nav__link[href$='actors/russia/']")
    assert not phone.evaluate(drawer_shown), "the navigation drawer is open before it is asked for"
    phone.locator("label.md-header__button[for='__drawer']").click()
    phone.wait_for_function(drawer_shown)
    # Material's drawer shows one level at a time: open the Actors section, then follow a link.
    phone.locator(".md-sidebar--primary .md-nav__container:has(> a[href$='actors/']) > label.md-nav__link").click()
    russia.click()
    phone.wait_for_url(site.url("actors/russia/"))
    expect(phone.locator("article h1")).to_have_text("Russia")


def test_phone_search_works(phone, site):
    query, doc = registered_names()[-1]  # any term: each one's own page comes first (test_search.py)
    expected = page_path(doc)
    open_search(phone, site)
    results = search(phone, query)
    assert results, f"search on a 375 px screen found nothing for {query!r}"
    assert results[0]["path"] == expected, results[:3]
    phone.locator("li.md-search-result__item a").first.click()
    phone.wait_for_url(lambda url: urlsplit(url).path == urlsplit(site.url(expected)).path)


def test_missing_address_shows_the_custom_404(page, site):
    response = page.goto(site.url("actors/atlantis/"))
    assert response.status == 404
    assert page.locator("article h1").inner_text().strip() == "Page not found"
    # Styled and working like any page (absolute asset URLs from site_url): the header and search are there.
    assert page.locator("header.md-header").is_visible()
    assert page.locator("a", has_text="Go to the home page").get_attribute("href") in (site.base_url, "/")

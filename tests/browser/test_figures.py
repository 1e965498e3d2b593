"""Every figure (an `a.glightbox` in the built HTML) opens in GLightbox and closes again with Escape; its text is
readable at desktop width, and it follows the palette (light or dark) the reader sees."""

from __future__ import annotations

import pytest
from browser_harness import new_context
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


SMALLEST_TEXT = 12  # px, at a 1280 px window

# Each figure's SVG, laid out inline at the width its <img> has on the page: the rendered size of every text.
_TEXT_SIZES = """async img => {
    const svg = new DOMParser().parseFromString(await (await fetch(img.currentSrc)).text(), "image/svg+xml")
        .documentElement;
    const holder = document.createElement("div");
    holder.style.cssText = "position: absolute; left: -10000px; top: 0";
    svg.setAttribute("width", img.getBoundingClientRect().width);
    svg.removeAttribute("height");
    holder.append(svg);
    document.body.append(holder);
    const scale = svg.getScreenCTM().a;
    const sizes = [...svg.querySelectorAll("text")]
        .map(t => [t.textContent, parseFloat(getComputedStyle(t).fontSize) * scale]);
    holder.remove();
    return sizes;
}"""

# The colour of the figure's own panel, near its top left corner, as the browser paints the <img>.
_PANEL_LUMINANCE = """img => {
    const canvas = document.createElement("canvas");
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const context = canvas.getContext("2d");
    context.drawImage(img, 0, 0);
    const [r, g, b] = context.getImageData(8, Math.round(img.naturalHeight / 2), 1, 1).data;
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_figures_are_readable_at_desktop_width_and_follow_the_palette(browser, site, scheme):
    context = new_context(browser, site, viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    problems = []
    for path in sorted({path for path, _, _ in _figures(site)}):
        page.goto(site.url(path))
        for image in page.locator("a.glightbox img").all():
            image.scroll_into_view_if_needed()
            page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=image.element_handle())
            where = f"{path or '/'} {image.get_attribute('src')}"
            small = [
                (text, round(size, 1)) for text, size in image.evaluate(_TEXT_SIZES) if size < SMALLEST_TEXT - 0.05
            ]
            if small:
                problems.append(f"{where}: {len(small)} texts under {SMALLEST_TEXT} px, e.g. {small[:3]}")
            luminance = image.evaluate(_PANEL_LUMINANCE)
            if (luminance > 0.5) != (scheme == "light"):
                problems.append(f"{where}: the figure's panel has luminance {luminance:.2f} in the {scheme} palette")
    context.close()
    assert not problems, "\n".join(problems)


def test_figures_follow_the_palette_the_reader_picks_not_only_the_system(browser, site):
    """A dark system, the light palette picked with the toggle: the figure is light."""
    path, _, _ = _figures(site)[0]
    context = new_context(browser, site, color_scheme="dark")
    page = context.new_page()
    page.goto(site.url(path))
    page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
    page.evaluate("() => __md_set('__palette', {index: 1, color: {scheme: 'default'}})")  # Material's own store
    page.reload()
    page.wait_for_function("document.body.dataset.mdColorScheme === 'default'")
    image = page.locator("a.glightbox img").first
    image.scroll_into_view_if_needed()
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=image.element_handle())
    assert image.evaluate(_PANEL_LUMINANCE) > 0.5, "a light palette on a dark system still shows a dark figure"
    context.close()

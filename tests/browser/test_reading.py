"""Reading the site on a phone and on a desktop: "Mentioned in", the glossary's letters, the comparison table,
previews and abbreviations, headings, the site's name, key judgments and the source page.

Pages are chosen from the built HTML (whatever the content is today), and each check runs at 375 and 1280 px.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from browser_harness import PROJECT, docs_files, front_matter, new_context, page_path, wait_for_instant_navigation
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

WIDTHS = {"phone": 375, "desktop": 1280}
TOC = ".md-sidebar--secondary nav.md-nav--secondary"  # the table of contents (a sidebar on wide screens)
SHOWN = 5  # backlinks listed before the rest fold away (overrides/partials/backlinks.html)


@pytest.fixture(params=list(WIDTHS))
def reader(request, browser, site):
    """A page in a fresh context at each width; `reader.width` says which."""
    width = WIDTHS[request.param]
    context = new_context(browser, site, viewport={"width": width, "height": 800}, is_mobile=width < 600)
    page = context.new_page()
    page.width = width
    yield page
    context.close()


def _most_backlinks(site) -> str:
    """The page whose "Mentioned in" list is the longest."""
    counts = {
        path: len(aside.css(".crosslinks-backlinks__list > li"))
        for path in site.pages
        if (aside := site.html(path).css_first("aside.crosslinks-backlinks")) is not None
    }
    assert counts, "no page has a 'Mentioned in' list"
    path = max(counts, key=counts.get)
    assert counts[path] > SHOWN, f"the longest 'Mentioned in' list ({path}) has {counts[path]} entries"
    return path


def _first_link_to(site, target: str) -> tuple[str, int]:
    """A page and the index (among its `article a[href]`) of its first link to `target`."""
    for path in site.pages:
        if path == target:
            continue
        for index, link in enumerate(site.html(path).css("article a[href]")):
            href = urljoin(site.url(path), link.attributes.get("href") or "")
            if urlsplit(href).path == urlsplit(site.url(target)).path and not urlsplit(href).fragment:
                return path, index
    pytest.fail(f"no page links to {target}")


def test_backlinks_are_compact_and_open_on_demand(reader, site):
    path = _most_backlinks(site)
    reader.goto(site.url(path))
    aside = reader.locator("aside.crosslinks-backlinks")
    lines = aside.locator(".crosslinks-backlinks__list > li")
    visible = lines.filter(visible=True)
    expect(visible).to_have_count(SHOWN)
    line_height = float(reader.evaluate("parseFloat(getComputedStyle(document.querySelector('aside li')).lineHeight)"))
    for index in range(SHOWN):
        height = visible.nth(index).bounding_box()["height"]
        assert height < 2.5 * line_height, f"{path}: backlink {index + 1} takes {height:.0f} px, more than two lines"
    # The page's own content comes first: the list follows the last section of the article.
    assert reader.evaluate(
        "a => [...document.querySelectorAll('article h2')].every(h => h === a.querySelector('h2') || "
        "h.getBoundingClientRect().top < a.getBoundingClientRect().top)",
        aside.element_handle(),
    ), f"{path}: 'Mentioned in' is not after the page's own sections"

    # The sentence of an entry opens on demand.
    first = visible.first
    sentence = first.locator(".crosslinks-backlinks__sentence")
    expect(sentence).to_be_hidden()
    first.locator("summary").click()
    expect(sentence).to_be_visible()
    assert sentence.inner_text().strip(), f"{path}: an empty backlink sentence"

    # The rest unfold together.
    rest = aside.locator("details.crosslinks-backlinks__rest")
    rest.locator("> summary").click()
    expect(lines.filter(visible=True)).to_have_count(lines.count())


def test_backlinks_are_in_the_table_of_contents(reader, site):
    path = _most_backlinks(site)
    reader.goto(site.url(path))
    heading = reader.locator("aside.crosslinks-backlinks h2")
    ident = heading.get_attribute("id")
    entry = reader.locator(f"{TOC} a.md-nav__link[href$='#{ident}']")
    expect(entry).to_have_count(1)
    expect(entry).to_have_text("Mentioned in")
    if reader.width >= 1220:  # the table of contents is a sidebar on wide screens; on phones it sits in the drawer
        entry.click()
    else:
        reader.locator("label.md-header__button[for='__drawer']").click()
        reader.locator(".md-sidebar--primary label.md-nav__link[for='__toc']").click()
        reader.locator(f".md-sidebar--primary a.md-nav__link[href$='#{ident}']").click()
    expect(heading).to_be_in_viewport()
    reader.wait_for_url(lambda url: urlsplit(url).fragment == ident)


def test_glossary_letters_jump_after_instant_navigation(reader, site):
    glossary = next(p for p in site.pages if site.html(p).css_first(".crosslinks-glossary"))
    letters = [a.text(strip=True) for a in site.html(glossary).css(".crosslinks-glossary__letters a")]
    assert len(letters) >= 3, f"the glossary's letter bar has {letters}"
    toc = [a.text(strip=True) for a in site.html(glossary).css(f"{TOC} a.md-nav__link")]
    assert toc == letters, "the glossary's table of contents should list its letters"

    # Arrive as a reader does, by instant navigation from a page that links to it, then jump between letters.
    start, index = _first_link_to(site, glossary)
    reader.goto(site.url(start))
    wait_for_instant_navigation(reader)
    reader.evaluate("window.__sameDocument = true")
    link = reader.locator("article a[href]").nth(index)
    link.scroll_into_view_if_needed()
    link.click()
    reader.wait_for_url(site.url(glossary))
    bar = reader.locator(".crosslinks-glossary__letters")
    expect(bar).to_be_visible()
    assert reader.evaluate("window.__sameDocument === true"), "instant navigation did not engage"
    for letter in (letters[-1], letters[len(letters) // 2]):
        link = bar.get_by_role("link", name=letter, exact=True)
        ident = urlsplit(link.get_attribute("href")).fragment  # instant navigation makes links absolute
        link.click()
        expect(reader.locator(f"article h2[id='{ident}']")).to_be_in_viewport()
        reader.wait_for_url(lambda url, ident=ident: urlsplit(url).fragment == ident)


_MATRIX_LAYOUT = """figure => {
    const table = figure.querySelector("table");
    const style = (el, pseudo) => getComputedStyle(el, pseudo);
    const width = table.closest("article").getBoundingClientRect().width;
    return {
        rows: [...table.querySelectorAll("tbody tr")].map(tr => ({
            display: style(tr).display,
            cells: [...tr.querySelectorAll("td")].map(td => ({
                display: style(td).display,
                label: style(td, "::before").content,
                dataLabel: td.dataset.label,
                share: td.getBoundingClientRect().width / width,
            })),
        })),
        headVisible: table.querySelector("thead").getBoundingClientRect().height > 1,
        links: [...table.querySelectorAll("thead th a, tbody th a")].map(a => [
            a.textContent, style(a).fontWeight, style(a).textDecorationLine, style(a).color,
        ]),
        plainHeadings: [...table.querySelectorAll("thead th:not(:first-child), tbody th")].filter(
            th => th.querySelectorAll("a").length !== 1
        ).length,
    };
}"""


def test_comparison_is_a_table_on_wide_screens_and_cards_on_phones(reader, site):
    path = next((p for p in site.pages if site.html(p).css_first("figure.scenario-matrix table")), None)
    assert path is not None, "no page has the scenario table (<!-- scenario-matrix -->)"
    reader.goto(site.url(path))
    figure = reader.locator("figure.scenario-matrix")
    expect(figure).to_be_visible()
    layout = figure.evaluate(_MATRIX_LAYOUT)
    assert layout["rows"], "the scenario table has no rows"
    assert layout["plainHeadings"] == 0, "every scenario heading and every actor heading should be one link"
    styles = {tuple(link[1:]) for link in layout["links"]}
    assert len(styles) == 1, f"row and column headings are linked in different styles: {layout['links']}"
    cells = [cell for row in layout["rows"] for cell in row["cells"]]
    if reader.width < 600:
        assert not layout["headVisible"], "on a phone the column headings give way to a label in each card"
        assert {row["display"] for row in layout["rows"]} == {"block"}, "each actor should be a card"
        for cell in cells:
            assert cell["label"] == f'"{cell["dataLabel"]}"', f"a card's block does not name its scenario: {cell}"
            assert cell["share"] > 0.8, f"a scenario block is only {cell['share']:.0%} of the text width"
    else:
        assert layout["headVisible"]
        assert {row["display"] for row in layout["rows"]} == {"table-row"}
        assert {cell["label"] for cell in cells} <= {"none", "normal"}, "labels belong to the phone layout only"


PREVIEW = ".md-tooltip2[role='dialog']"  # Material's instant preview
TOOLTIP = ".md-tooltip2:not([role='dialog'])"  # Material's tooltip for a title (an abbreviation's expansion)


def _linked_pages(site, selector: str) -> list[tuple[str, int, str]]:
    """(page, index among the page's `article a.crosslink`, target path) of every cross-link matching `selector`."""
    found = []
    for path in site.pages:
        for index, link in enumerate(site.html(path).css("article a.crosslink")):
            if link.css_first(selector.removeprefix("a.crosslink ")) if selector.startswith("a.crosslink ") else True:
                target = urlsplit(urljoin(site.url(path), link.attributes.get("href") or ""))
                found.append((path, index, target.path.lstrip("/") if not target.fragment else ""))
    return found


def _show_preview(reader, locator) -> None:
    """Hover (desktop) or focus (phone, where there is no hover) a link, as a reader would, once Material
    can show a preview (a hover before it has read the sitemap shows none, and is not retried)."""
    wait_for_instant_navigation(reader)
    locator.scroll_into_view_if_needed()
    if reader.width >= 600:
        locator.hover()
    else:
        locator.focus()


def test_preview_of_a_page_shows_its_description_first(reader, site):
    descriptions = {page_path(doc): front_matter(doc).get("description") for doc in docs_files()}
    path, index, target = next(x for x in _linked_pages(site, "a.crosslink") if x[2] in descriptions)
    reader.goto(site.url(path))
    _show_preview(reader, reader.locator("article a.crosslink").nth(index))
    preview = reader.locator(PREVIEW)
    expect(preview).to_be_visible()
    first = preview.locator("h3 + p")  # Material turns the page's h1 into the preview's h3
    expect(first).to_be_visible()
    expect(first).to_have_text(" ".join(descriptions[target].split()))
    # On the page itself the description stays out of the way: the page's own text comes first.
    expect(reader.locator("article .page-description")).to_be_hidden()


def test_acronym_that_is_a_link_opens_one_popup_with_one_underline(reader, site):
    linked = _linked_pages(site, "a.crosslink abbr")
    assert linked, "no cross-link wraps an abbreviation (e.g. US)"
    path, index, _ = linked[0]
    reader.goto(site.url(path))
    link = reader.locator("article a.crosslink").nth(index)
    abbreviation = link.locator("abbr")
    assert abbreviation.get_attribute("title") is None, "a linked acronym still carries its own tooltip"
    decoration = abbreviation.evaluate("e => getComputedStyle(e).textDecorationLine")
    assert decoration == "none", f"the acronym adds its own underline ({decoration}) under the link's"
    _show_preview(reader, abbreviation if reader.width >= 600 else link)  # only the link takes focus
    expect(reader.locator(PREVIEW)).to_be_visible()
    expect(reader.locator(TOOLTIP)).to_have_count(0)
    expect(reader.locator(".md-tooltip2")).to_have_count(1)


SCHEMES = {"light": "default", "dark": "slate"}  # the system preference -> Material's palette

# The contrast of each heading's text with the page, its colour blended over the background as painted.
_HEADING_CONTRAST = """() => {
    const rgba = s => { const [r, g, b, a = 1] = s.match(/[\\d.]+/g).map(Number); return {r, g, b, a}; };
    const lum = ({r, g, b}) => [r, g, b].map(v => v / 255)
        .map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
        .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
    const ground = rgba(getComputedStyle(document.body).backgroundColor);
    return [...document.querySelectorAll("article :is(h1, h2, h3)")].map(h => {
        const c = rgba(getComputedStyle(h).color);
        const shown = {r: c.r * c.a + ground.r * (1 - c.a), g: c.g * c.a + ground.g * (1 - c.a),
                       b: c.b * c.a + ground.b * (1 - c.a)};
        const [hi, lo] = [lum(shown), lum(ground)].sort((x, y) => y - x);
        return [h.tagName + " " + h.textContent.trim().slice(0, 30), (hi + 0.05) / (lo + 0.05)];
    });
}"""


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_headings_stand_out_in_both_palettes(reader, site, scheme):
    reader.emulate_media(color_scheme=scheme)
    for path in ("", _most_backlinks(site)):
        reader.goto(site.url(path))
        reader.wait_for_function("s => document.body.dataset.mdColorScheme === s", arg=SCHEMES[scheme])
        low = [(h, round(c, 1)) for h, c in reader.evaluate(_HEADING_CONTRAST) if c < 7]
        assert not low, f"{path or '/'} ({scheme}): headings under 7:1 contrast: {low}"


def test_site_name_is_shown_whole(reader, site):
    reader.goto(site.url())
    name = reader.locator(".md-header__title .md-header__topic:first-child .md-ellipsis")
    expect(name).to_be_visible()
    cut = name.evaluate("e => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1")
    assert not cut, f"the site's name is cut short at {reader.width} px"
    box = name.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= reader.locator("header.md-header").bounding_box()["height"]


def test_key_judgments_read_at_body_size_with_legible_markers(reader, site):
    path = next((p for p in site.pages if site.html(p).css_first("article .admonition.abstract")), None)
    assert path is not None, "no page has a key judgment (!!! abstract)"
    reader.goto(site.url(path))
    body = float(reader.evaluate("parseFloat(getComputedStyle(document.querySelector('article > p')).fontSize)"))
    sizes = reader.locator("article .admonition.abstract p").evaluate_all(
        "ps => ps.map(p => parseFloat(getComputedStyle(p).fontSize))"
    )
    assert sizes and min(sizes) >= body, f"key judgments in {min(sizes)} px text, the page's text is {body} px"
    markers = reader.locator("article .admonition.abstract a.cite").evaluate_all(
        "as => as.map(a => parseFloat(getComputedStyle(a).fontSize))"
    )
    assert markers and min(markers) >= 12, f"¶ markers in key judgments as small as {min(markers)} px"


def test_source_page_speaks_to_readers(reader, site):
    paragraphs = yaml.safe_load((PROJECT / "data" / "paragraphs.yml").read_text(encoding="utf-8"))
    path = next(p for p in site.pages if site.html(p).css_first("details.provenance"))
    reader.goto(site.url(path))
    article = reader.locator("article")
    text = article.inner_text()
    for internal in ("captured text", "Not recorded in the captured", "Line 1 of"):
        assert internal not in text, f"{path}: the page still says {internal!r}"
    assert not reader.locator("article thead tr").filter(has_not_text=re.compile(r"\S")).count(), "an empty table head"
    # Each paragraph in the table of contents by its number and short title.
    toc = reader.locator(f"{TOC} a.md-nav__link").all_inner_texts()
    for paragraph in paragraphs:
        expected = f"¶{paragraph['n']} · {paragraph['title']}"
        assert any(" ".join(entry.split()) == expected for entry in toc), f"{expected!r} not in the table of contents"
    if reader.width >= 1220:
        expect(reader.locator(TOC)).to_be_visible()
    # Under a paragraph, what the site says on its strength opens on demand.
    claims = reader.locator("details.provenance").first
    links = claims.locator(".provenance__pages a")
    expect(links.first).to_be_hidden()
    claims.locator("summary").click()
    expect(links.first).to_be_visible()
    assert reader.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways"


def test_previews_on_links_in_text_not_on_generated_lists(reader, site):
    """Cross-links, ¶ markers and links in paragraphs preview their target; list links (ties, provenance,
    related pages) do not, so a page with hundreds of them does not set up hundreds of previews."""
    problems, lists = [], 0
    for path in site.pages:
        html = site.html(path)
        for link in html.css("article a.crosslink, article a.cite, article p a[href^='.']"):
            if "data-preview" not in link.attributes:
                problems.append(f"{path or '/'}: no preview on {link.text(strip=True)!r}")
        for link in html.css("article li > a:not(.crosslink):not(.cite)"):
            lists += 1
            if "data-preview" in link.attributes:
                problems.append(f"{path or '/'}: a preview on the list link {link.text(strip=True)!r}")
    assert lists > 0 and not problems, "\n".join(problems[:20])
    # In the browser, a marked link previews its target.
    path = next(p for p in site.pages if site.html(p).css_first("article p a[data-preview]:not(.crosslink):not(.cite)"))
    reader.goto(site.url(path))
    _show_preview(reader, reader.locator("article p a[data-preview]:not(.crosslink):not(.cite)").first)
    expect(reader.locator(PREVIEW)).to_be_visible()

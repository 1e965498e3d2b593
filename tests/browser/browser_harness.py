"""What the browser tests do as readers (search, open a page in a fresh context), shared by the test modules.

Kept out of conftest.py so test modules can import it by name; fixtures stay in conftest.py.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

import yaml

LOCAL_HOST = "127.0.0.1"
REPO = Path(__file__).resolve().parents[2]
# The project to build; tests of the tests point it at a temporary, deliberately broken copy.
PROJECT = Path(os.environ.get("BROWSER_TEST_PROJECT") or REPO).resolve()
DOCS = PROJECT / "docs"


def page_path(doc: str) -> str:
    """The served path of a docs file (directory URLs): "actors/russia.md" -> "actors/russia/", "index.md" -> ""."""
    stem = doc.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def front_matter(doc: str) -> dict:
    """The YAML front matter of a docs file ({} when it has none)."""
    text = (DOCS / doc).read_text(encoding="utf-8")
    if not text.startswith("---"):
        return {}
    return yaml.safe_load(text.split("---", 2)[1]) or {}


def source_of(path: str) -> str:
    """The docs file a served path comes from: "actors/russia/" -> "actors/russia.md", "" -> "index.md"."""
    matches = [doc for doc in docs_files() if page_path(doc) == path]
    return matches[0] if matches else path


def registered_names() -> list[tuple[str, str]]:
    """(name or alias, docs file that registers it) for every term in the docs' front matter."""
    return [
        (name, doc)
        for doc in docs_files()
        for term in front_matter(doc).get("terms") or []
        for name in [term["name"], *(term.get("aliases") or [])]
    ]


def term_page(name: str) -> str:
    """The docs file that registers `name` (a term's name or alias, any case) in its front matter."""
    owners = sorted({doc for registered, doc in registered_names() if registered.casefold() == name.casefold()})
    assert len(owners) == 1, (
        f"the test expects the term {name!r}, but {owners or 'no page'} registers it: if the term was renamed or "
        "removed on purpose, update the test that names it"
    )
    return owners[0]


def docs_files() -> list[str]:
    """Every Markdown file under docs/, as a path relative to docs/ ("actors/russia.md")."""
    return sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md"))


# How long any wait may take before it counts as a failure: a bound, never a pause. Generous, because the
# machine may be busy (tests/browser run under `make test-under-load` and CPU throttling too).
DEADLINE_MS = 30_000


def new_context(browser, site, **options):
    """A fresh context on the site; requests to any other host are aborted at once (there is no network)."""
    context = browser.new_context(base_url=site.base_url, **options)
    context.set_default_timeout(DEADLINE_MS)

    def _block_foreign(route):
        if urlsplit(route.request.url).hostname == LOCAL_HOST:
            route.continue_()
        else:
            route.abort()

    context.route("**/*", _block_foreign)
    context.add_init_script(_SEARCH_PROBE)
    return context


# Material runs search in a web worker: the page posts {type: 2, data: query} and the worker answers each with
# {type: 3, data: results}, rendered synchronously on arrival (message types of Material 9.8's bundle). Counting
# both sides tells when the results on screen are those of the last query typed, without sleeping; the last
# answer is kept as the worker sent it (`probe.result`).
_SEARCH_PROBE = """
(() => {
    const Native = window.Worker;
    const probe = window.__searchProbe = { sent: 0, received: 0, last: null };
    window.Worker = class extends Native {
        constructor(...args) {
            super(...args);
            this.addEventListener("message", (event) => {
                if (event.data && event.data.type === 3) { probe.received++; probe.result = event.data.data; }
            });
        }
        postMessage(message, ...rest) {
            if (message && message.type === 2) { probe.sent++; probe.last = message.data; }
            return super.postMessage(message, ...rest);
        }
    };
})();
"""


# Shared reader actions


def wait_for_instant_navigation(page) -> None:
    """Wait until Material can intercept a click: its instant navigation only takes links listed in sitemap.xml,
    which it fetches after the page has loaded (a click before that is an ordinary, full page load)."""
    page.wait_for_function(
        """() => performance.getEntriesByType("resource")
            .some(entry => new URL(entry.name).pathname.endsWith("/sitemap.xml") && entry.responseEnd > 0)"""
    )


SEARCH_READY = "Type to start searching"


def open_search(page, site, path: str = "") -> None:
    """Load a page, open Material's search and wait until its index is ready."""
    page.goto(site.url(path))
    button = page.locator("label.md-header__button[for='__search']")
    if button.is_visible():  # narrow screens: the box hides behind the header's magnifier, which opens and focuses it
        button.click()
        page.wait_for_function("document.activeElement?.matches('input.md-search__input')")
    else:
        page.locator("input.md-search__input").click()
    page.locator(".md-search-result__meta").filter(has_text=SEARCH_READY).wait_for()


_READ_RESULTS = """() => [...document.querySelectorAll("li.md-search-result__item")].map(li => {
    const link = li.querySelector("a");
    return {
        title: (link?.querySelector("h1")?.textContent ?? "").trim(),
        path: link ? new URL(link.href).pathname.slice(1) : "",
    };
})"""

# The fast path: set the box's value and fire the keyup Material listens for, in one round trip.
_SEARCH_AT_ONCE = (
    """async (q) => {
    const box = document.querySelector("input.md-search__input");
    const probe = window.__searchProbe;
    const answered = (value) => new Promise((resolve, reject) => {
        const deadline = performance.now() + 5000;
        const poll = () => {
            if (probe.last === value && probe.received === probe.sent) resolve();
            else if (performance.now() > deadline) reject(new Error(`search for ${value} got no answer`));
            else setTimeout(poll, 5);
        };
        poll();
    });
    for (const value of ["", q]) {
        box.value = value;
        box.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
        await answered(value);
    }
    return (READ_RESULTS)();
}"""
).replace("READ_RESULTS", _READ_RESULTS)


def search(page, query: str, *, keystrokes: bool = True) -> list[dict]:
    """Search as a reader would; return the results, best first.

    Each result is {"title": the page title (the first link's h1), "path": its path on the site, e.g. "actors/russia/"}.
    keystrokes=True types the query key by key into the box (a reader); keystrokes=False sets the box's value and
    fires one keyup, which is what Material searches on: the same results, several times faster, for long tables.
    """
    box = page.locator("input.md-search__input")
    if not keystrokes:
        return page.evaluate(_SEARCH_AT_ONCE, query)
    box.focus()
    box.press("Control+a")
    box.press("Backspace")
    page.locator(".md-search-result__meta").filter(has_text=SEARCH_READY).wait_for()
    box.press_sequentially(query)
    page.wait_for_function(
        "q => { const p = window.__searchProbe; return p.last === q && p.received === p.sent; }", arg=query
    )
    return page.evaluate(_READ_RESULTS)

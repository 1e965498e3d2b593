"""Search keeps a term's own page first when other pages' terms share some of its words, for generated terms.

A fixture site, built in a temporary folder with the real cross-linking hook and the search settings of the real
mkdocs.yml, holds pairs of pages whose terms overlap in each way names can (a shared word in another name, a
longer form of a word, one name inside another, a hyphenated compound), made of generated words so the test does
not depend on today's pages. Each rival page is titled and written about the other term, as a page that discusses
it would be. Every name and alias is then searched in Material's search: its own page must come first.
"""

from __future__ import annotations

import functools
import random
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml
from browser_harness import LOCAL_HOST, REPO, new_context, open_search, search
from project_support import build_site

pytestmark = pytest.mark.browser

SYLLABLES = ("ka", "lo", "min", "ter", "sa", "vo", "rul", "den", "pa", "ri", "ost", "bal", "nor", "tik", "ven", "dru")


def _words(rnd: random.Random, count: int) -> list[str]:
    """Distinct words, none the start of another (so only the overlaps a pattern makes on purpose exist)."""
    words: list[str] = []
    while len(words) < count:
        word = "".join(rnd.choice(SYLLABLES) for _ in range(3))
        if not any(word.startswith(other) or other.startswith(word) for other in words):
            words.append(word)
    return words


# Each pattern: (owner's name, rival's name) from four fresh words a, b, c, d.
PATTERNS = {
    "a word of the name in another name": lambda a, b, c, d: (f"{a} {b}", f"{c} {a}"),  # export controls, energy...
    "a longer form of a word in another name": lambda a, b, c, d: (f"{a} {b}", f"{c} {a}s"),  # ... exports
    "the name inside a longer name": lambda a, b, c, d: (a, f"{a} {b} {c}"),  # Russia, Russia China partnership
    "the name inside a hyphenated name": lambda a, b, c, d: (a, f"{a}-{b} {c}"),  # China, Russia-China partnership
    "two names sharing their first word": lambda a, b, c, d: (f"{a} {b}", f"{a} {c}"),
    "two names sharing their last word": lambda a, b, c, d: (f"{a} {b}", f"{c} {b}"),
    "a name and its own last word": lambda a, b, c, d: (f"{a} {b}", b),  # secondary sanctions, sanctions
    "three words and two of them": lambda a, b, c, d: (f"{a} {b} {c}", f"{a} {b} {d}"),
}


def _search_settings() -> dict:
    """The search plugin's settings in the real mkdocs.yml (its other tags, such as !ENV, are not needed here)."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    return next(entry["search"] for entry in config["plugins"] if isinstance(entry, dict) and "search" in entry)


def _page(title: str, names: list[str], text: str) -> str:
    term = {"name": names[0], "aliases": names[1:], "definition": f"What {names[0]} means."}
    if not term["aliases"]:
        del term["aliases"]
    return "---\n" + yaml.safe_dump({"title": title, "terms": [term]}, sort_keys=False) + "---\n\n" + text + "\n"


def write_fixture_site(root: Path, seed: int = 11) -> dict[str, str]:
    """Write the fixture site into `root`; return every searchable name with the page (URL path) that owns it."""
    rnd = random.Random(seed)
    docs = root / "docs"
    docs.mkdir(parents=True)
    owners: dict[str, str] = {}
    nav = []
    for number, make in enumerate(PATTERNS.values()):
        a, b, c, d = _words(rnd, 4)
        owner, rival = make(a, b, c, d)
        stem = f"pair-{number}"
        # The rival page is about both: the owner's name is in its title and all over its text.
        pages = {
            f"{stem}-owner": (f"The {owner}", [owner], f"On {owner}: a page that explains {owner}."),
            f"{stem}-rival": (
                f"{rival.capitalize()} and {owner}",
                [rival],
                f"On {rival}, and on {owner} ({owner}, {owner}) as it bears on {rival}.",
            ),
        }
        for name, (title, names, text) in pages.items():
            (docs / f"{name}.md").write_text(_page(title, names, text), encoding="utf-8")
            nav.append(f"{name}.md")
            owners.update(dict.fromkeys(names, f"{name}/"))
    # A term nobody else mentions stops the build: the home page mentions every one.
    (docs / "index.md").write_text("# Overlapping terms\n\n" + ", ".join(owners) + ".\n", encoding="utf-8")
    config = {
        "site_name": "Overlapping terms",
        "site_url": "http://127.0.0.1/",
        "strict": True,
        "theme": {"name": "material"},
        "plugins": [{"search": _search_settings()}],
        "hooks": [str(REPO / "hooks" / "crosslinks.py")],
        "nav": ["index.md", *nav],
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return owners


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="module")
def overlap_site(browser, tmp_path_factory):
    """The fixture site, built and served; yields (a search page on it, {name: owning page path})."""
    root = tmp_path_factory.mktemp("overlapping-terms")
    owners = write_fixture_site(root)
    build = build_site(root / "mkdocs.yml", root / "site", cwd=root)
    assert build.returncode == 0, f"the fixture site does not build:\n{build.output}"
    server = ThreadingHTTPServer((LOCAL_HOST, 0), functools.partial(_Quiet, directory=str(root / "site")))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()

    class Served:
        base_url = f"http://{LOCAL_HOST}:{server.server_address[1]}/"

        def url(self, path: str = "") -> str:
            return self.base_url + path

    context = new_context(browser, Served())
    page = context.new_page()
    open_search(page, Served())
    try:
        yield page, owners
    finally:
        context.close()
        server.shutdown()
        server.server_close()


def test_every_generated_name_lists_its_own_page_first(overlap_site):
    page, owners = overlap_site
    wrong = []
    for name, path in owners.items():
        results = search(page, name, keystrokes=False)
        first = results[0]["path"] if results else "no result"
        if first != path:
            wrong.append(f"{name!r}: {first} first, not {path} ({', '.join(r['path'] for r in results[:3])})")
    assert not wrong, f"{len(wrong)} of {len(owners)} names do not list their own page first:\n" + "\n".join(wrong)

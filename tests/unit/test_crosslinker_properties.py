"""Property tests: the linker's invariants over generated HTML fragments and term sets.

Fragments mix the constructs Material and pymdownx emit (headings, admonitions, details, tabs,
tables, code, links, abbreviations, off markers) with words that are, contain or resemble terms.
"""

from __future__ import annotations

import re

from crosslinker import Linker, build_registry
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser as HTMLParser

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# name -> extra entry keys; each term gets its own page t<i>.md (but "East"), so URLs identify destinations.
POOL = {
    "Iran": {"aliases": ["Tehran"]},
    "Russia": {"aliases": ["Moscow", "the Kremlin"]},
    "sanctions": {"aliases": ["sanction"]},
    "secondary sanctions": {},
    "pivot to the East": {},
    "East": {},
    "US": {"case_sensitive": True},
    "NATO": {"case_sensitive": True},
    "salami-slicing": {"aliases": ["salami slicing"]},
}
NAMES = list(POOL)

WORDS = [
    "Iran",
    "Iranian",
    "Iran's",
    "Tehran",
    "Russia",
    "Russia-China",
    "Moscow",
    "the",
    "Kremlin",
    "sanctions",
    "Sanctions",
    "sanction",
    "secondary",
    "pivot",
    "to",
    "East",
    "east",
    "US",
    "us",
    "NATO",
    "and",
    "trade",
    "x",
    "&amp;",
    "&nbsp;",
    "&lt;b&gt;",
    "café",
    "salami",
    "slicing",
    "salami-slicing",
    "\u201csalami-slicing\u201d",
]
SPACES = [" ", " ", " ", "\n", "  ", " \n  "]

FORBIDDEN_TAGS = {
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "a",
    "code",
    "pre",
    "kbd",
    "script",
    "style",
    "blockquote",
    "summary",
    "label",
    "nav",
}
FORBIDDEN_CLASSES = {"admonition-title", "tabbed-labels", "toc"}
ADDED_RE = re.compile(r'<a class="crosslink" href="[^"]*">(.*?)</a>', re.S)
TAG_RE = re.compile(r"<(/?)([a-z0-9]+)[^>]*>")


def url_for(page: str, anchor: str | None) -> str:
    return page[: -len(".md")] + "/"


# -----------------------------------------------------------------------------
# Strategies
# -----------------------------------------------------------------------------

words = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SPACES)), min_size=1, max_size=8).map(
    lambda pairs: "".join(w + s for w, s in pairs).rstrip(" \n")
)
abbr = st.sampled_from(["NATO", "US", "UAE"]).map(lambda w: f'<abbr title="{w} in full">{w}</abbr>')
leaf = st.one_of(
    words,
    words,
    words,
    abbr,
    words.map(lambda t: f"<code>{t}</code>"),
    words.map(lambda t: f'<a href="x/">{t}</a>'),
    words.map(lambda t: f"<kbd>{t}</kbd>"),
    st.just("<br>"),
    words.map(lambda t: f'<img alt="{t}" src="i.png">'),
)
inline = st.recursive(
    leaf,
    lambda children: st.one_of(
        st.lists(children, min_size=1, max_size=4).map(" ".join),
        st.lists(children, min_size=1, max_size=4).map("".join),
        children.map(lambda c: f"<em>{c}</em>"),
        children.map(lambda c: f"<strong>{c}</strong>"),
        children.map(lambda c: f'<span class="s">{c}</span>'),
    ),
    max_leaves=8,
)
para = inline.map(lambda c: f"<p>{c}</p>")
block = st.one_of(
    para,
    para,
    para,
    inline.map(lambda c: f'<h2 id="h">{c}</h2>'),
    inline.map(lambda c: f"<h3>{c}</h3>"),
    para.map(lambda p: f"<blockquote>\n{p}\n</blockquote>"),
    words.map(lambda t: f'<div class="highlight"><pre><span></span><code>{t}</code></pre></div>'),
    st.tuples(words, para).map(
        lambda x: f'<div class="admonition info">\n<p class="admonition-title">{x[0]}</p>\n{x[1]}\n</div>'
    ),
    st.tuples(words, para).map(lambda x: f'<details class="abstract">\n<summary>{x[0]}</summary>\n{x[1]}\n</details>'),
    st.tuples(words, para).map(
        lambda x: (
            '<div class="tabbed-set tabbed-alternate" data-tabs="1:1"><input checked="checked" '
            'id="__tabbed_1_1" name="__tabbed_1" type="radio"><div class="tabbed-labels">'
            f'<label for="__tabbed_1_1">{x[0]}</label></div>\n<div class="tabbed-content">\n'
            f'<div class="tabbed-block">\n{x[1]}\n</div>\n</div>\n</div>'
        )
    ),
    st.lists(inline, min_size=1, max_size=3).map(
        lambda items: "<ul>\n" + "".join(f"<li>{i}</li>\n" for i in items) + "</ul>"
    ),
    st.lists(inline, min_size=1, max_size=3).map(
        lambda cells: "<table>\n<tbody>\n<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>\n</tbody>\n</table>"
    ),
    words.map(lambda t: f'<div class="toc"><ul><li>{t}</li></ul></div>'),
    st.just("<!-- crosslinks: off -->"),
    st.just("<!-- crosslinks: on -->"),
)
documents = st.lists(block, min_size=1, max_size=8).map("\n".join)


@st.composite
def registries(draw):
    """A random term set spread over a few pages, with shuffled page and term order."""
    names = draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=len(NAMES), unique=True))
    pages: dict[str, list[dict]] = {}
    for name in names:
        # "East" shares the page of "pivot to the East": two terms, one destination.
        page = f"t{NAMES.index('pivot to the East' if name == 'East' else name)}.md"
        pages.setdefault(page, []).append({"name": name, **POOL[name]})
    return pages


def shuffled(pages: dict[str, list[dict]], rnd) -> dict[str, list[dict]]:
    items = [(page, rnd.sample(terms, len(terms))) for page, terms in pages.items()]
    return dict(rnd.sample(items, len(items)))


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------


def strip_added(html: str) -> str:
    return ADDED_RE.sub(lambda m: m.group(1), html)


def forbidden_ancestors(html: str) -> list[str]:
    """Forbidden elements enclosing (or enclosed by) each added link, found by a tag walk."""
    problems = []
    stack: list[tuple[str, str]] = []
    off = False
    for m in re.finditer(r"<!--(.*?)-->|<(/?)([a-z0-9]+)([^>]*)>", html):
        if m.group(1) is not None:
            off = {"crosslinks: off": True, "crosslinks: on": False}.get(m.group(1).strip(), off)
            continue
        closing, tag, attrs = m.group(2), m.group(3), m.group(4)
        if tag in {"br", "img", "input", "hr"}:
            continue
        if closing:
            while stack and stack.pop()[0] != tag:
                pass
            continue
        if tag == "a" and 'class="crosslink"' in attrs:
            if off:
                problems.append("link in an off passage")
            for name, classes in stack:
                if name in FORBIDDEN_TAGS or name == "abbr" or set(classes.split()) & FORBIDDEN_CLASSES:
                    problems.append(f"link inside <{name} class={classes!r}>")
            inner = html[m.end() : html.index("</a>", m.end())]
            inner_tags = {t for _, t in TAG_RE.findall(inner)}
            if inner_tags & (FORBIDDEN_TAGS - {"a"}):
                problems.append(f"link around {inner_tags}")
        classes = re.search(r'class="([^"]*)"', attrs)
        stack.append((tag, classes.group(1) if classes else ""))
    return problems


def max_anchor_depth(html: str) -> int:
    depth = deepest = 0
    for closing, tag in TAG_RE.findall(html):
        if tag == "a":
            depth += -1 if closing else 1
            deepest = max(deepest, depth)
    return deepest


# -----------------------------------------------------------------------------
# Tests
# -----------------------------------------------------------------------------

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(html=documents, pages=registries(), per_section=st.booleans(), own=st.booleans())
def test_invariants(html: str, pages: dict, per_section: bool, own: bool) -> None:
    linker = Linker(build_registry(pages), per_section=per_section)
    page = sorted(pages)[0] if own else "index.md"
    out = linker.link(html, page=page, url_for=url_for).html

    # Everything outside the added anchors is byte-identical, so the visible text is too.
    assert strip_added(out) == html
    assert HTMLParser(out).text() == HTMLParser(html).text()
    # No anchor inside an anchor, none inside a forbidden element or around one.
    assert max_anchor_depth(out) <= 1
    assert forbidden_ancestors(out) == []
    # Never a link to the page itself.
    assert f'href="{url_for(page, None)}"' not in out
    # At most one link per destination (so per term) per page, or per H2 section.
    section = 0
    seen = set()
    for m in re.finditer(r'<h2[ >]|<a class="crosslink" href="([^"]*)"', out):
        if m.group(1) is None:
            section += 1
            continue
        key = (m.group(1), section if per_section else 0)
        assert key not in seen
        seen.add(key)
    # Linking twice gives the same HTML as linking once.
    assert linker.link(out, page=page, url_for=url_for).html == out


@SETTINGS
@given(html=documents, pages=registries(), rnd=st.randoms(use_true_random=False))
def test_output_does_not_depend_on_term_or_page_order(html: str, pages: dict, rnd) -> None:
    first = Linker(build_registry(pages)).link(html, page="index.md", url_for=url_for)
    second = Linker(build_registry(shuffled(pages, rnd))).link(html, page="index.md", url_for=url_for)
    assert first == second


@SETTINGS
@given(html=documents)
def test_no_terms_no_change(html: str) -> None:
    linker = Linker(build_registry({"t.md": [{"name": "Zeitenwende"}]}))
    assert linker.link(html, page="index.md", url_for=url_for).html == html

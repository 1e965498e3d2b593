"""Real `mkdocs build --strict` runs of the cross-linking fixture sites (and the real site, once
it registers the hook), asserting on the parsed HTML with selectolax.
"""

from __future__ import annotations

import json
import os
import posixpath
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
BASIC = FIXTURES / "crosslinks-basic"

FORBIDDEN = (
    "h1 a.crosslink, h2 a.crosslink, h3 a.crosslink, .admonition-title a.crosslink, summary a.crosslink, "
    ".tabbed-labels a.crosslink, blockquote a.crosslink, pre a.crosslink, code a.crosslink, "
    "abbr a.crosslink, a a.crosslink, .md-nav a.crosslink, .toc a.crosslink"
)


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------


def build(config: Path, site: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site), *args],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=300,
    )


def article(site: Path, path: str):
    tree = HTMLParser((site / path).read_text(encoding="utf-8"))
    return tree.css_first("article")


def crosslinks(site: Path, path: str) -> dict[str, str]:
    """Link text -> href of every a.crosslink on a page."""
    return {a.text(deep=True): a.attributes["href"] for a in article(site, path).css("a.crosslink")}


def page_files(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "assets" not in p.parts and p.name != "404.html")


def resolve(site: Path, page: Path, href: str) -> tuple[Path, str]:
    """The file and fragment a relative href on `page` points at."""
    parts = urlsplit(href)
    assert not parts.scheme and not parts.netloc and not parts.path.startswith("/"), href
    target = posixpath.normpath(posixpath.join(page.parent.relative_to(site).as_posix(), parts.path))
    path = site / target
    if href.split("#")[0].endswith("/") or path.is_dir():
        path = path / "index.html"
    return path, parts.fragment


# -----------------------------------------------------------------------------
# Fixtures
# -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def basic(tmp_path_factory) -> tuple[Path, str]:
    site = tmp_path_factory.mktemp("basic")
    result = build(BASIC / "mkdocs.yml", site)
    assert result.returncode == 0, result.stderr
    return site, result.stderr


@pytest.fixture(scope="module")
def basic_flat(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("basic-flat")
    result = build(BASIC / "mkdocs.yml", site, "--no-directory-urls")
    assert result.returncode == 0, result.stderr
    return site


# -----------------------------------------------------------------------------
# Tests: the good fixture
# -----------------------------------------------------------------------------


def test_links_first_mentions(basic) -> None:
    site, _ = basic
    assert crosslinks(site, "index.html") == {
        "sanctions": "themes/sanctions/",
        "the Kremlin": "actors/russia/",
        "pivot to the\nEast": "themes/pivot-to-the-east/#pivot",
        "NATO": "actors/nato/",
        "UAE": "actors/uae/",
    }
    assert crosslinks(site, "actors/russia/index.html") == {
        "sanctions": "../../themes/sanctions/",
        "pivot to the East": "../../themes/pivot-to-the-east/#pivot",
        "Secondary sanctions": "../../themes/sanctions/#secondary-sanctions",
        "UAE": "../uae/",
        "NATO": "../nato/",
    }


def test_abbreviation_is_wrapped_whole(basic) -> None:
    """The link wraps the whole <abbr>, whose tooltip gives way to the link's preview."""
    site, _ = basic
    link = article(site, "index.html").css_first('a.crosslink[href="actors/nato/"]')
    assert link.html == '<a data-preview="" class="crosslink" href="actors/nato/"><abbr>NATO</abbr></a>'


def test_abbreviation_tooltip_once_per_section_and_never_on_a_link(basic) -> None:
    site, _ = basic
    html = (site / "index.html").read_text(encoding="utf-8").split("<article")[1]
    titled = re.findall(r'<abbr title="[^"]*">(\w+)</abbr>', html)
    assert len(titled) == len(set(titled)), f"an abbreviation keeps its tooltip twice: {titled}"
    assert not re.search(r'class="crosslink"[^>]*><abbr title', html)


def test_never_links_a_page_to_itself(basic) -> None:
    site, _ = basic
    assert "sanctions" not in " ".join(crosslinks(site, "themes/sanctions/index.html").values())
    assert "russia" not in " ".join(crosslinks(site, "actors/russia/index.html").values())


def test_never_links_in_forbidden_places(basic) -> None:
    site, _ = basic
    for path in page_files(site):
        tree = HTMLParser(path.read_text(encoding="utf-8"))
        assert tree.css(FORBIDDEN) == [], path
        # Image alt text and the glightbox anchor are untouched.
        for img in tree.css("article img"):
            assert "crosslink" not in (img.attributes.get("alt") or "")


def test_off_passage_and_off_page(basic) -> None:
    site, _ = basic
    passage = [
        p for p in article(site, "actors/russia/index.html").css("p") if "not linked in this passage" in p.text()
    ]
    assert passage and passage[0].css("a") == []
    assert crosslinks(site, "quiet/index.html") == {}


@pytest.mark.parametrize("flat", [False, True], ids=["directory-urls", "no-directory-urls"])
def test_every_link_resolves_to_its_page_and_section(basic, basic_flat, flat: bool) -> None:
    site = basic_flat if flat else basic[0]
    checked = 0
    for path in page_files(site):
        for link in HTMLParser(path.read_text(encoding="utf-8")).css("a.crosslink"):
            target, fragment = resolve(site, path, link.attributes["href"])
            assert target.is_file(), (path, link.attributes["href"])
            if fragment:
                assert HTMLParser(target.read_text(encoding="utf-8")).css_first(f"#{fragment}"), fragment
            checked += 1
    assert checked >= 15


def test_no_directory_urls_links(basic_flat) -> None:
    assert crosslinks(basic_flat, "actors/russia.html")["UAE"] == "uae.html"
    assert crosslinks(basic_flat, "index.html")["sanctions"] == "themes/sanctions.html"


def test_backlinks_in_navigation_order(basic) -> None:
    site, _ = basic
    aside = HTMLParser((site / "themes/sanctions/index.html").read_text(encoding="utf-8")).css_first(
        "aside.crosslinks-backlinks"
    )
    items = [(li.css_first("a").text(), li.css_first("a").attributes["href"]) for li in aside.css("li")]
    assert items == [
        ("Home", "../../"),
        ("Russia", "../../actors/russia/"),
        ("United Arab Emirates", "../../actors/uae/"),
        ("NATO", "../../actors/nato/"),
        ("Pivot to the East", "../pivot-to-the-east/"),
    ]
    sentence = aside.css("li")[1].css_first(".crosslinks-backlinks__sentence").text()
    assert sentence == "Western sanctions pushed it towards its pivot to the East."


def test_backlinks_limit(tmp_path) -> None:
    config = tmp_path / "mkdocs.yml"
    text = (BASIC / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("custom_dir: overrides", f"custom_dir: {BASIC / 'overrides'}")
    text = text.replace("../../../hooks/crosslinks.py", str(ROOT / "hooks" / "crosslinks.py"))
    config.write_text(text + f"docs_dir: {BASIC / 'docs'}\nextra:\n  crosslinks:\n    backlinks_limit: 2\n")
    result = build(config, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    aside = HTMLParser((tmp_path / "site/themes/sanctions/index.html").read_text(encoding="utf-8")).css_first(
        "aside.crosslinks-backlinks"
    )
    assert [li.css_first("a").text() for li in aside.css("li")] == ["Home", "Russia"]
    assert " ".join(aside.css_first(".crosslinks-backlinks__more").text().split()) == "And 3 more pages."


def test_backlinks_absent_without_terms(basic) -> None:
    site, _ = basic
    for path in ("index.html", "quiet/index.html", "glossary/index.html"):
        assert "crosslinks-backlinks" not in (site / path).read_text(encoding="utf-8")


def test_backlinks_stay_out_of_search(basic) -> None:
    site, _ = basic
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    assert not any("Mentioned in" in doc["text"] or "Mentioned in" in doc["title"] for doc in index["docs"])
    titles = [doc["location"] for doc in index["docs"] if "sanctions" in doc["title"].lower()]
    assert titles[0] == "themes/sanctions/"


def test_glossary(basic) -> None:
    site, _ = basic
    body = article(site, "glossary/index.html")
    rows = [(dt.text(), dt.css_first("a").attributes["href"]) for dt in body.css("dt")]
    assert rows == [
        ("NATO", "../actors/nato/"),
        ("pivot to the East", "../themes/pivot-to-the-east/#pivot"),
        ("Russia", "../actors/russia/"),
        ("sanctions", "../themes/sanctions/"),
        ("secondary sanctions", "../themes/sanctions/#secondary-sanctions"),
        ("UAE", "../actors/uae/"),
    ]
    text = " ".join(body.text().split())
    assert "Also: Moscow, the Kremlin, Russian" in text
    assert "Sanctions on third parties that deal with a sanctioned state." in text
    assert "mentioned on 5 pages" in text
    assert "<!-- glossary -->" not in (site / "glossary/index.html").read_text(encoding="utf-8")


def test_report_line(basic) -> None:
    _, log = basic
    assert re.search(
        r"INFO    -  crosslinks: 6 terms, 7 pages, \d+ links added, 1 pages without any cross-link, "
        r"0 terms never mentioned \(\d+ ms\)",
        log,
    ), log


def test_html_outside_links_is_byte_identical(basic, tmp_path) -> None:
    """Build the same docs without the hook; removing the added anchors gives the same page."""
    config = tmp_path / "mkdocs.yml"
    text = (BASIC / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("custom_dir: overrides", f"custom_dir: {BASIC / 'overrides'}")
    text = re.sub(r"hooks:\n  - [^\n]+\n", "", text)
    config.write_text(text + f"docs_dir: {BASIC / 'docs'}\n", encoding="utf-8")
    plain = tmp_path / "site"
    result = build(config, plain)
    assert result.returncode == 0, result.stderr
    site, _ = basic
    added = re.compile(r'<a class="crosslink" href="[^"]*">(.*?)</a>', re.S)
    # The hook also thins abbreviation tooltips and marks links in text for previews
    # (tests/unit/test_crosslinker_abbreviations.py, test_crosslinker_previews.py): compare without both.
    untitled = re.compile(r'<abbr title="[^"]*">')
    for path in ("index.html", "actors/russia/index.html", "themes/sanctions/index.html"):
        linked = (site / path).read_text(encoding="utf-8")
        original = (plain / path).read_text(encoding="utf-8")
        linked = re.sub(r'<aside class="crosslinks-backlinks".*?</aside>', "", linked, flags=re.S)
        linked = re.sub(r'<a data-preview(?:="")? ', "<a ", linked)
        assert untitled.sub("<abbr>", added.sub(r"\1", linked)).split("<article")[1].split("</article>")[0].strip() == (
            untitled.sub("<abbr>", original).split("<article")[1].split("</article>")[0].strip()
        )


# -----------------------------------------------------------------------------
# Tests: broken fixtures
# -----------------------------------------------------------------------------

BROKEN = [
    (
        "crosslinks-duplicate",
        [
            "The term name 'sanctions' is claimed by two pages, docs/actors/russia.md and docs/themes/sanctions.md",
            "remove it from the other",
        ],
    ),
    ("crosslinks-malformed", ["docs/russia.md: terms[0] (Russia): 'aliases' must be a list of names"]),
    ("crosslinks-bad-yaml", ["Bad front matter: docs/index.md:4: front matter is not valid YAML"]),
    (
        "crosslinks-bad-anchor",
        [
            "WARNING -  docs/russia.md:5: the term 'Russia' points at `anchor: tiez`, but docs/russia.md has no "
            "heading with that id: use the id of one of its headings, `{ #id }` (such as ties), or drop `anchor:`",
        ],
    ),
    (
        "crosslinks-unmentioned",
        [
            "WARNING -  docs/russia.md:6: the term 'Zeitenwende' is not mentioned on any other page",
            "Aborted with 1 warnings in strict mode",
        ],
    ),
]


@pytest.mark.parametrize(("name", "messages"), BROKEN, ids=[row[0] for row in BROKEN])
def test_broken_fixture_fails_naming_the_file(name: str, messages: list[str], tmp_path) -> None:
    result = build(FIXTURES / name / "mkdocs.yml", tmp_path / "site")
    assert result.returncode != 0
    output = result.stderr + result.stdout
    for message in messages:
        assert message in output, output


# -----------------------------------------------------------------------------
# Tests: the real site
# -----------------------------------------------------------------------------


def _real_site_ready() -> bool:
    config = ROOT / "mkdocs.yml"
    return config.is_file() and "hooks/crosslinks.py" in config.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def real(tmp_path_factory) -> Path:
    if not _real_site_ready():
        pytest.skip("mkdocs.yml does not register hooks/crosslinks.py yet")
    site = tmp_path_factory.mktemp("real")
    result = build(ROOT / "mkdocs.yml", site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.mark.parametrize(
    ("term", "owner"),
    [("sanctions", "themes/sanctions/"), ("pivot to the east", "themes/pivot-to-the-east/")],
)
def test_real_site_links_terms_but_not_on_their_own_page(real: Path, term: str, owner: str) -> None:
    linked_on = []
    for path in page_files(real):
        page = path.relative_to(real).as_posix()
        for link in HTMLParser(path.read_text(encoding="utf-8")).css("article a.crosslink"):
            text = " ".join(link.text().split()).lower()
            target, _ = resolve(real, path, link.attributes["href"])
            if text.startswith(term.split()[0]) and target == real / owner / "index.html":
                assert page != f"{owner}index.html"
                linked_on.append(page)
    assert linked_on, f"{term!r} is linked nowhere"


def test_real_site_backlinks_and_glossary(real: Path) -> None:
    assert "crosslinks-backlinks" in (real / "themes/sanctions/index.html").read_text(encoding="utf-8")
    glossary = HTMLParser((real / "glossary/index.html").read_text(encoding="utf-8"))
    assert len(glossary.css("article .crosslinks-glossary dt")) >= 10

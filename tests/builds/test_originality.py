"""No run of ten or more consecutive words of the source article appears anywhere in the built site.

The source's shingles are stored only as one-way hashes (tests/data/source-shingles.txt), so the
project carries no copy of the article.
"""

from __future__ import annotations

import re

import yaml
from originality import SHINGLE_WORDS, shingle_hashes, words
from project_support import ROOT
from selectolax.lexbor import LexborHTMLParser as HTMLParser

SOURCE_HASHES = {
    line.strip()
    for line in (ROOT / "tests" / "data" / "source-shingles.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
}


def test_the_hash_list_is_complete():
    # The source has about 800 words: a truncated or emptied list would make the test below meaningless.
    assert len(SOURCE_HASHES) > 700


def test_no_page_repeats_ten_words_of_the_source(site_pages):
    copied = {}
    for path, page in site_pages.items():
        text = _visible_text(page)
        found = shingle_hashes(text) & SOURCE_HASHES
        if found:
            copied[path] = _first_copied_run(text, found)
    assert not copied, "pages repeat the source word for word; rewrite these passages in your own words:\n" + "\n".join(
        f"  {path}: ... {run} ..." for path, run in copied.items()
    )


def test_the_detector_sees_through_markup_case_and_punctuation():
    # A guard on the guard, with made-up text: ten shared words are caught, nine are not.
    assert SHINGLE_WORDS == 10
    source = shingle_hashes("one two three four five six seven eight nine ten eleven")
    page = HTMLParser("<p>Zero ONE two, three <em>four</em> five; six seven eight nine ten!</p>")
    assert shingle_hashes(_visible_text(page)) & source
    assert not shingle_hashes("zero one two three four five six seven eight nine") & source


def _first_copied_run(text: str, found: set[str]) -> str:
    tokens = words(text)
    for i in range(len(tokens) - SHINGLE_WORDS + 1):
        run = " ".join(tokens[i : i + SHINGLE_WORDS])
        if shingle_hashes(run) & found:
            return run
    return "?"


def _visible_text(page: HTMLParser) -> str:
    body = page.css_first("body")
    return body.text(separator=" ") if body else ""


def test_every_fact_of_the_article_is_still_on_a_reader_page(site_pages):
    # Our own words, but nothing lost: each fact the article states appears on some page besides the
    # source page, whose summaries would otherwise vouch for facts no page explains any more.
    facts = yaml.safe_load((ROOT / "tests" / "data" / "article-facts.yml").read_text(encoding="utf-8"))
    assert set(facts) == set(range(1, 12))
    text = " ".join(
        " ".join(_visible_text(page).split())
        for path, page in site_pages.items()
        if not path.startswith(("source/", "contributing/", "search/", "404"))
    )
    lost = [f"¶{n}: {fact}" for n, patterns in facts.items() for fact in patterns if not re.search(fact, text, re.I)]
    assert not lost, "facts of the article no reader page states any more: " + "; ".join(lost)

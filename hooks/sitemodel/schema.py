"""The front matter every page must carry, checked field by field with the line of the offending key.

`check_page` takes a parsed page and returns nothing or raises FrontMatterError naming file and line;
the rules live in the tables below, so the conventions page and the checks cannot drift apart.
"""

from __future__ import annotations

import re

from .citations import CitationError, check_citations
from .frontmatter import FrontMatterError, PageSource, value_line

PAGE_TYPES = ("home", "overview", "actor", "scenario", "theme", "reference", "guide")

# Types whose pages restate the article, and so must say which paragraphs they draw on.
CITING_TYPES = frozenset({"home", "overview", "actor", "scenario", "theme", "reference"})
# Types that readers browse by tag.
TAGGED_TYPES = frozenset({"actor", "scenario", "theme"})

REQUIRED_KEYS = ("title", "description", "type")

# Every key a page may use: ours, then the ones MkDocs and Material read themselves.
KNOWN_KEYS = frozenset(
    {"title", "description", "type", "sources", "tags", "terms", "ties", "outlook", "crosslinks"}
    | {"hide", "search", "status", "subtitle", "template", "icon"}
)


def key_line(page: PageSource, key: str) -> int | None:
    """The file line on which top-level `key:` is set, if it is."""
    header = page.meta_text
    match = re.search(rf"^{re.escape(key)}\s*:", header, re.MULTILINE)
    return header.count("\n", 0, match.start()) + 2 if match else None


def check_page(page: PageSource, known_paragraphs: set[int]) -> None:
    """Raise FrontMatterError for the first problem in `page`'s front matter."""
    meta = page.meta
    if not meta:
        raise FrontMatterError(
            page.path,
            1,
            "the page has no front matter: copy the block of `key: value` lines from a skeleton in templates/",
        )
    for key in meta:
        if key not in KNOWN_KEYS:
            raise FrontMatterError(
                page.path,
                key_line(page, key),
                f"unknown front-matter key `{key}`; known keys: {', '.join(sorted(KNOWN_KEYS))}",
            )
    for key in REQUIRED_KEYS:
        if not isinstance(meta.get(key), str) or not meta[key].strip():
            raise FrontMatterError(
                page.path, key_line(page, key) or 2, f"`{key}:` is missing or empty: every page needs a {key}"
            )
    page_type = meta["type"]
    if page_type not in PAGE_TYPES:
        raise FrontMatterError(
            page.path,
            key_line(page, "type"),
            f"`type: {page_type}` is not a page type; use one of: {', '.join(PAGE_TYPES)}",
        )
    if page_type in CITING_TYPES:
        sources = meta.get("sources")
        if not isinstance(sources, list) or not all(isinstance(n, int) and not isinstance(n, bool) for n in sources):
            raise FrontMatterError(
                page.path,
                key_line(page, "sources") or 2,
                "`sources:` must list the paragraphs the page cites, as numbers, e.g. `sources: [3, 5]`",
            )
        unknown = sorted(set(sources) - known_paragraphs)
        if unknown:
            raise FrontMatterError(
                page.path,
                key_line(page, "sources"),
                f"`sources:` names ¶{unknown[0]}, which the article does not have"
                f" (¶{min(known_paragraphs)} to ¶{max(known_paragraphs)})",
            )
    definition_citations(page, known_paragraphs)
    if page_type in TAGGED_TYPES:
        tags = meta.get("tags")
        if not isinstance(tags, list) or not tags or not all(isinstance(tag, str) and tag for tag in tags):
            raise FrontMatterError(
                page.path, key_line(page, "tags") or 2, "`tags:` must list at least one tag, e.g. `tags: [Actors]`"
            )


def definition_citations(page: PageSource, known_paragraphs: set[int]) -> set[int]:
    """The paragraphs cited in the glossary definitions of the page's `terms:`; raise FrontMatterError at the
    line of a term without a definition, or of a definition that cites a paragraph the article does not have."""
    terms = page.meta.get("terms")
    cited: set[int] = set()
    for index, term in enumerate(terms if isinstance(terms, list) else []):
        if not isinstance(term, dict):
            continue  # the term registry reports a malformed entry
        definition = term.get("definition")
        if not isinstance(definition, str) or not definition.strip():
            raise FrontMatterError(
                page.path,
                value_line(page.meta_text, "terms", index) or key_line(page, "terms"),
                f"the term {term.get('name')!r} has no `definition:`. Write one or two sentences for the glossary: "
                "what the term is, then how the article uses it, with its citations, e.g. `definition: Penalties "
                "on third parties that deal with a sanctioned state; the article expects Washington to tighten "
                "them [¶11].`",
            )
        line = value_line(page.meta_text, "terms", index, "definition") or 1
        try:
            cited |= check_citations(definition, known_paragraphs, page.path, line)
        except CitationError as error:
            raise FrontMatterError(page.path, line, str(error).split(": ", 1)[1]) from None
    return cited


def check_sources_match(page: PageSource, cited: set[int]) -> None:
    """The `sources:` list must be exactly the paragraphs the page cites, so the source map stays true."""
    listed = set(page.meta.get("sources") or [])
    missing, unused = sorted(cited - listed), sorted(listed - cited)
    if missing:
        raise FrontMatterError(
            page.path,
            key_line(page, "sources"),
            f"the page cites ¶{missing[0]} but `sources:` does not list it: add {missing[0]} to `sources:`",
        )
    if unused:
        raise FrontMatterError(
            page.path,
            key_line(page, "sources"),
            f"`sources:` lists ¶{unused[0]} but the page never cites it:"
            f" cite it with [¶{unused[0]}] or remove it from `sources:`",
        )

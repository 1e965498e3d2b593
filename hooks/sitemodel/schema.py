"""The front matter every page must carry, checked field by field with the line of the offending key.

`check_page` takes a parsed page and returns nothing or raises FrontMatterError naming file and line;
the rules live in the tables below, so the conventions page and the checks cannot drift apart.
"""

from __future__ import annotations

import datetime
import re

from .citations import CitationError, check_citations
from .frontmatter import FrontMatterError, PageSource, value_line

PAGE_TYPES = ("home", "overview", "actor", "scenario", "theme", "reference", "guide")

# Types whose pages restate the article, and so must say which paragraphs they draw on.
CITING_TYPES = frozenset({"home", "overview", "actor", "scenario", "theme", "reference"})
# Types that readers browse by tag.
TAGGED_TYPES = frozenset({"actor", "scenario", "theme"})

REQUIRED_KEYS = ("title", "description", "type")
# Keys the theme writes into every page as they are, unescaped (the title as HTML, the description
# inside an attribute): they must be plain text.
PLAIN_TEXT_KEYS = ("title", "description")

# An HTML character reference, which the theme would show decoded.
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")

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


def check_page(page: PageSource, known_paragraphs: set[int]) -> set[int]:
    """Raise FrontMatterError for the first problem in `page`'s front matter; return the paragraphs
    its terms' definitions cite (the glossary shows them, on another page)."""
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
        kind = _read_as(meta.get(key))
        if kind:
            raw = _raw_value(page, key)
            raise FrontMatterError(
                page.path, key_line(page, key), f'`{key}: {raw}` is read as {kind}: put it in quotes, `{key}: "{raw}"`'
            )
        if not isinstance(meta.get(key), str) or not meta[key].strip():
            raise FrontMatterError(
                page.path, key_line(page, key) or 2, f"`{key}:` is missing or empty: every page needs a {key}"
            )
    for key in PLAIN_TEXT_KEYS:
        problem = _not_plain_text(meta[key], quotes=key == "description")
        if problem:
            raise FrontMatterError(page.path, key_line(page, key), f"`{key}:` holds {problem}")
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
    cited_by_definitions = definition_citations(page, known_paragraphs)
    if page_type in TAGGED_TYPES:
        tags = meta.get("tags")
        for tag in tags if isinstance(tags, list) else ():
            if _read_as(tag):
                raise FrontMatterError(
                    page.path, key_line(page, "tags"), f"the tag `{tag}` is read as {_read_as(tag)}: put it in quotes"
                )
        if not isinstance(tags, list) or not tags or not all(isinstance(tag, str) and tag for tag in tags):
            raise FrontMatterError(
                page.path, key_line(page, "tags") or 2, "`tags:` must list at least one tag, e.g. `tags: [Actors]`"
            )
    return cited_by_definitions


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
        try:
            cited |= check_citations(definition, known_paragraphs, page.path)
        except CitationError as error:
            # The message without its "path:line: " (a line within the definition): the definition's own line.
            line = value_line(page.meta_text, "terms", index, "definition") or 1
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


def _read_as(value: object) -> str | None:
    """What YAML read a value as, when an editor most likely meant text: "a number", ... or None."""
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return "a date"
    return None


def _raw_value(page: PageSource, key: str) -> str:
    """The value of top-level `key:` as written in the front matter."""
    line = page.meta_text.splitlines()[key_line(page, key) - 2]
    return line.split(":", 1)[1].strip()


def _not_plain_text(value: str, *, quotes: bool) -> str | None:
    """What in `value` the theme would not show as written, as the start of a message, or None."""
    for character in "<>":
        if character in value:
            return f"markup ({character}): write plain text; the theme writes it into the page as HTML, unescaped"
    entity = _ENTITY.search(value)
    if entity:
        return f"markup ({entity.group()}): write plain text, with the character itself rather than an HTML entity"
    if quotes and '"' in value:
        return (
            'a straight double quote ("), which would end the <meta> tag the theme writes it into: '
            "use typographic quotes (“ ”) or single quotes"
        )
    return None

"""MkDocs hook: link repeated terms to the page that explains them, with backlinks and a glossary.

A thin adapter over the pure package `crosslinker`: in `on_files` it reads every page's `terms:`
(with the shared reader `sitemodel.frontmatter`) into a registry; in `on_env`, the one moment when
every page's HTML exists, it links each page (keeping one abbreviation tooltip per section, none on a
link; previews go on links in running text in `on_page_context`), sets `page.meta["backlinks"]`, fills the
`<!-- glossary -->` marker from the partial `partials/glossary.html`, and logs one report line; in
`on_post_build` it gives each term's names to its page's entry in the search index
(`crosslinker.search` says how, so that a search for a term lists its page first)."""

from __future__ import annotations

import difflib
import json
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from time import perf_counter
from typing import Any

from crosslinker import (
    Linker,
    PageInfo,
    Registry,
    RegistryError,
    Report,
    build_registry,
    collect_backlinks,
    glossary_entries,
    glossary_letters,
    mention_counts,
    unknown_anchors,
    unmentioned_terms,
)
from crosslinker.abbreviations import quiet_abbreviations
from crosslinker.previews import mark_previews
from crosslinker.search import add_term_field, names_by_page
from crosslinker.urls import relative_url, url_for
from jinja2 import Environment, TemplateNotFound
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink
from sitemodel.citations import SOURCE_PAGE, citations_html
from sitemodel.frontmatter import FrontMatterError, decode, split_front_matter
from sitemodel.paths import project_root, shown_path

log = logging.getLogger("mkdocs.plugins.crosslinks")

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# Settings under `extra.crosslinks` in mkdocs.yml.
SETTINGS = {
    "first_per_section": "link the first mention in every H2 section, not only on the page (default false)",
    "backlinks_limit": "most backlinks listed on a page, the rest counted (default 30; 0 lists all)",
}

# The stub page marker the glossary replaces.
GLOSSARY_MARKER = "<!-- glossary -->"
GLOSSARY_TEMPLATE = "partials/glossary.html"

# The id of the "Mentioned in" heading (overrides/partials/backlinks.html), listed in the table of contents.
BACKLINKS_ID = "mentioned-in"


@dataclass
class _State:
    """Everything one build collects; replaced in `on_config` because `mkdocs serve` keeps the module."""

    docs_shown: str = "docs"  # the docs folder as editors see it, for messages
    per_section: bool = False
    backlinks_limit: int = 30
    registry: Registry | None = None
    linker: Linker | None = None
    front_matter: dict[str, str] = field(default_factory=dict)  # src path -> raw front matter
    order: list[str] = field(default_factory=list)  # src paths in navigation order
    linked: dict[str, str] = field(default_factory=dict)  # src path -> linked HTML, swapped in after indexing
    search_names: dict[str, list[str]] = field(default_factory=dict)  # page URL -> its terms' names


_state = _State()

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> None:
    """Reset the state and read the settings under `extra.crosslinks` (see SETTINGS)."""
    global _state
    settings = (config.extra or {}).get("crosslinks") or {}
    if not isinstance(settings, dict) or set(settings) - set(SETTINGS):
        raise PluginError(f"extra.crosslinks may only set {', '.join(SETTINGS)}, e.g. 'first_per_section: true'.")
    per_section = settings.get("first_per_section", False)
    if not isinstance(per_section, bool):
        raise PluginError("extra.crosslinks.first_per_section must be true or false.")
    limit = settings.get("backlinks_limit", _State.backlinks_limit)
    if not isinstance(limit, int) or isinstance(limit, bool) or limit < 0:
        raise PluginError("extra.crosslinks.backlinks_limit must be a whole number (0 shows every backlink).")
    docs_shown = shown_path(config.docs_dir, project_root(config.config_file_path))
    _state = _State(docs_shown=docs_shown, per_section=per_section, backlinks_limit=limit)


# Run last, so pages that plugins add or generate in on_files are in the registry too.
@event_priority(-100)
def on_files(files: Files, config: MkDocsConfig) -> None:
    """Read every page's `terms:` and build the registry; a bad entry or a clash fails the build."""
    raw_terms: dict[str, Any] = {}
    for file in files.documentation_pages():
        meta, text = _front_matter(file, config)
        _state.front_matter[file.src_uri] = text
        switch = meta.get("crosslinks", True)
        if not isinstance(switch, bool):
            raise PluginError(
                f"{_display(file.src_uri, config)}: 'crosslinks' must be true or false (false switches "
                f"automatic term links off on this page)."
            )
        if meta.get("terms") is not None:
            raw_terms[file.src_uri] = meta["terms"]
    try:
        registry = build_registry(raw_terms, display=lambda src: _display(src, config))
    except RegistryError as error:
        raise PluginError(str(error)) from None
    _state.registry = registry
    _state.linker = Linker(registry, per_section=_state.per_section)


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> None:
    """Remember the navigation order, for backlinks."""
    _state.order = [page.file.src_uri for page in nav.pages]


# Run late, after plugins and hooks that add prose to pages in on_env (the tags plugin runs at
# 100), so that prose is linked too; the glossary is rendered after linking so it is not linked.
@event_priority(-50)
def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Link every page, then set backlinks, fill the glossary and log the report."""
    if _state.linker is None or _state.registry is None:
        return env
    started = perf_counter()
    registry, linker = _state.registry, _state.linker
    pages = {file.src_uri: file.page for file in files.documentation_pages() if file.page is not None}

    urls = {src: page.url for src, page in pages.items()}  # Page.url is a property: read it once
    _state.search_names = names_by_page(urls, registry.terms)

    results = {}
    for src, page in pages.items():
        if page.content is None:
            continue
        if page.meta.get("crosslinks") is False:
            _state.linked[src] = quiet_abbreviations(page.content)
            continue
        result = linker.link(page.content, page=src, url_for=url_for(urls[src], urls))
        _state.linked[src] = quiet_abbreviations(result.html)
        results[src] = result

    totals: dict[str, int] = {}
    backlinks = collect_backlinks(results, _state.order, limit=_state.backlinks_limit or None, totals=totals)
    for src, page in pages.items():
        items = backlinks.get(src)
        if items:
            page.meta["backlinks"] = [
                {
                    "title": pages[item.page].title or item.page,
                    "url": relative_url(urls[item.page], urls[src]),
                    "term": item.term,
                    "sentence": item.sentence,
                }
                for item in items
            ]
            page.meta["backlinks_more"] = totals[src] - len(items)
            page.meta["backlinks_id"] = BACKLINKS_ID
            # The list is rendered by the theme, after Markdown made the table of contents: add its heading.
            _add_to_toc(page, [AnchorLink("Mentioned in", BACKLINKS_ID, 2)])

    counts = mention_counts(results)
    infos = {src: PageInfo(title=page.title or src) for src, page in pages.items()}
    for src, page in pages.items():
        if page.content and GLOSSARY_MARKER in page.content:
            page_url_for = url_for(page.url, urls)
            entries = glossary_entries(registry, counts, infos, page_url_for)
            letters = glossary_letters(entries)
            glossary = _render_glossary(env, entries, letters, page, config, source_url=page_url_for(SOURCE_PAGE, None))
            _add_to_toc(page, [AnchorLink(letter, ident, 2) for letter, ident in letters])
            page.content = page.content.replace(GLOSSARY_MARKER, glossary)
            if src in _state.linked:
                _state.linked[src] = _state.linked[src].replace(GLOSSARY_MARKER, glossary)

    headings = {src: _heading_ids(page.toc) for src, page in pages.items()}
    for term in unknown_anchors(registry, headings):
        near = difflib.get_close_matches(term.anchor, sorted(headings[term.page]), n=1)
        log.warning(
            f"{_display(term.page, config)}:{_line(term.page, term.name, f'anchor: {term.anchor}')}: the term "
            f"{term.name!r} points at `anchor: {term.anchor}`, but {_display(term.page, config)} has no heading "
            f"with that id: use the id of one of its headings, `{{ #id }}`{f' (such as {near[0]})' if near else ''}, "
            f"or drop `anchor:`"
        )

    unmentioned = unmentioned_terms(registry, counts)
    for term in unmentioned:
        log.warning(
            f"{_display(term.page, config)}:{_line(term.page, term.name)}: the term "
            f"{term.name!r} is not mentioned on any other page: mention it where it matters, "
            f"or remove it from 'terms:'."
        )
    report = Report(
        terms=len(registry.terms),
        pages=len(results),
        links_added=sum(result.links_added for result in results.values()),
        pages_without_links=sum(1 for result in results.values() if not result.links),
        unmentioned=unmentioned,
        seconds=perf_counter() - started,
    )
    log.info(report.line())
    return env


@event_priority(-100)  # after Material's search plugin has indexed the page (default priority)
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    """Give the page its linked HTML for the template, with previews on the links in its running text.

    The search index drops links and keeps their text, so it is the same either way; indexing the
    page before its links are added spares the search plugin's HTML parser every added anchor.
    """
    linked = _state.linked.pop(page.file.src_uri, None)
    if linked is not None:
        page.content = mark_previews(linked)
    return context


@event_priority(-100)  # last: Material's search plugin writes its index in its own on_post_build
def on_post_build(config: MkDocsConfig) -> None:
    """Write each term's names into its page's search entry, so a search for a term lists that page first."""
    path = Path(config.site_dir) / "search" / "search_index.json"
    if not path.is_file():
        return  # search is switched off
    index, missing = add_term_field(json.loads(path.read_text(encoding="utf-8")), _state.search_names)
    for location in missing:
        log.warning(f"search index has no entry for {location or 'the home page'}: its terms will not rank it first")
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------


def _front_matter(file: File, config: MkDocsConfig) -> tuple[dict, str]:
    """The page's front matter as a mapping and as raw YAML, read with the shared sitemodel reader."""
    where = _display(file.src_uri, config)
    try:
        text = decode(file.content_bytes, where)
    except OSError as error:
        raise PluginError(f"{where}: cannot be read: {error}") from None
    except FrontMatterError as error:  # not UTF-8: names the file and line
        raise PluginError(str(error)) from None
    try:
        source = split_front_matter(text, where)
    except FrontMatterError as error:
        raise PluginError(f"Bad front matter: {error}") from None
    return source.meta, source.meta_text


def _display(src: str, config: MkDocsConfig) -> str:
    """A page's path as editors see it, relative to the repository (e.g. docs/actors/russia.md)."""
    return f"{_state.docs_shown}/{src}" if _state.docs_shown != "." else src


def _line(src: str, name: str, then: str | None = None) -> int:
    """The line in the page's file where the term's name is declared, or the line after it that
    starts with `then` (1 when not found)."""
    text = _state.front_matter.get(src, "")
    pattern = re.compile(rf"^\s*(?:-\s*)?name:\s*['\"]?{re.escape(name)}['\"]?\s*$", re.M)
    match = pattern.search(text) or re.search(r"^terms:", text, re.M)
    if match and then:
        match = re.compile(rf"^\s*(?:-\s*)?{re.escape(then)}", re.M).search(text, match.end()) or match
    # +1 for the opening '---' line.
    return text.count("\n", 0, match.start()) + 2 if match else 1


def _heading_ids(toc) -> set[str]:
    """The ids of a page's headings, from its table of contents."""
    ids: set[str] = set()
    items = list(toc or ())
    while items:
        item = items.pop()
        ids.add(item.id)
        items.extend(item.children)
    return ids


def _add_to_toc(page: Page, links: list[AnchorLink]) -> None:
    """Append headings the theme renders (after Markdown made the table of contents) to the page's
    table of contents, under the page title where the Markdown has one, as Material shows it."""
    items = page.toc.items
    if items and items[0].level == 1:
        items = items[0].children
    items.extend(links)


def _render_glossary(
    env: Environment, entries, letters: list[tuple[str, str]], page: Page, config: MkDocsConfig, source_url: str
) -> str:
    try:
        template = env.get_template(GLOSSARY_TEMPLATE)
    except TemplateNotFound:
        raise PluginError(
            f"{_display(page.file.src_uri, config)}: has the {GLOSSARY_MARKER} marker but the theme "
            f"has no '{GLOSSARY_TEMPLATE}': set theme.custom_dir to the repository's overrides/."
        ) from None

    def cite(text: str, id_prefix: str) -> Markup:
        """A definition as HTML, its [¶N] citations linked to the source page like those in page text."""
        return Markup(citations_html(text, source_url, id_prefix))

    return template.render(glossary=entries, letters=letters, page=page, config=config, cite=cite)

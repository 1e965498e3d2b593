"""MkDocs hook: check every page's front matter, markers and citations, and render citations and the paragraph map.

A thin adapter over the pure `sitemodel` package: it reads files, calls plain functions and turns their
errors into `PluginError`s that name the file and line.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from sitemodel.citations import CitationError, check_citations, render_citations
from sitemodel.frontmatter import FrontMatterError, PageSource, read_pages
from sitemodel.markers import MarkerError, check_markers, replace_marker
from sitemodel.paragraphs import PageRef, Paragraph, ParagraphDataError, read_paragraphs, render_paragraph_map
from sitemodel.paths import project_root, shown_path
from sitemodel.schema import check_page, check_sources_match

log = logging.getLogger("mkdocs.plugins.site_model")

SOURCE_PAGE = "source.md"

# Data: rebuilt from scratch in on_config, because `mkdocs serve` keeps this module across rebuilds.
_paragraphs: list[Paragraph] = []
_pages: dict[str, PageSource] = {}
_drawn_on: dict[int, list[PageRef]] = {}


# Hooks ----------------------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> None:
    _paragraphs.clear()
    _pages.clear()
    _drawn_on.clear()
    try:
        _paragraphs.extend(read_paragraphs(project_root(config.config_file_path)))
    except ParagraphDataError as error:
        raise PluginError(f"Cannot read the paragraph list: {error}") from None


def on_files(files: Files, config: MkDocsConfig) -> Files:
    docs_dir = Path(config.docs_dir)
    shown = shown_path(docs_dir, project_root(config.config_file_path))
    known = {paragraph.n for paragraph in _paragraphs}
    uris = [file.src_uri for file in files.documentation_pages()]
    try:
        _pages.update(read_pages(docs_dir, uris, shown))
        for page in _pages.values():
            check_page(page, known)
    except FrontMatterError as error:  # names the file and line, and says what is wrong
        raise PluginError(str(error)) from None
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    # The paragraph map lists citing pages in navigation order, which only exists from here on.
    for page in nav.pages:
        source = _pages.get(page.file.src_uri)
        for n in (source.meta.get("sources") or []) if source else []:
            _drawn_on.setdefault(n, []).append(PageRef(source.meta["title"], page.file.src_uri))
    return nav


@event_priority(100)  # first, on the editor's own text: so errors point at the lines they wrote
def _check_and_expand(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    source = _pages[page.file.src_uri]
    try:
        check_markers(markdown, source.path, source.body_start_line)
        check_citations(markdown, _known(), source.path, source.body_start_line)
    except (MarkerError, CitationError) as error:
        raise PluginError(str(error)) from None
    if page.file.src_uri == SOURCE_PAGE:
        markdown = replace_marker(markdown, "paragraph-map", render_paragraph_map(_paragraphs, _drawn_on, SOURCE_PAGE))
    return markdown


@event_priority(-50)  # after every hook that generates Markdown with citations (figures, at 50)
def _render_citations(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    source = _pages[page.file.src_uri]
    try:
        cited = check_citations(markdown, _known(), source.path)
        check_sources_match(source, cited)
    except (CitationError, FrontMatterError) as error:
        raise PluginError(str(error)) from None
    return render_citations(markdown, page.file.src_uri, SOURCE_PAGE)


on_page_markdown = CombinedEvent(_check_and_expand, _render_citations)


def on_env(env, config: MkDocsConfig, files: Files):
    # The page-meta partial links "Draws on ¶N" to the source page through this, relative per page.
    source = files.get_file_from_path(SOURCE_PAGE)
    env.globals["source_page_url"] = source.url if source else None
    return env


# Helpers --------------------------------------------------------------------------------------


def _known() -> set[int]:
    return {paragraph.n for paragraph in _paragraphs}

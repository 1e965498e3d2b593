"""MkDocs hook: check every page's front matter, markers and citations; render citations, the paragraph map and,
under each paragraph, every sentence of the site that cites it.

A thin adapter over the pure `sitemodel` package: it reads files, calls plain functions and turns their
errors into `PluginError`s that name the file and line.
"""

from __future__ import annotations

import logging
from pathlib import Path

from crosslinker.urls import relative_url
from jinja2 import TemplateNotFound
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from sitemodel.citations import SOURCE_PAGE, CitationError, check_citations, render_citations
from sitemodel.frontmatter import FrontMatterError, PageSource, read_pages
from sitemodel.markers import MarkerError, check_markers, find_markers, replace_marker
from sitemodel.paragraphs import (
    Paragraph,
    ParagraphDataError,
    provenance_placeholder,
    read_paragraphs,
    render_paragraph_map,
)
from sitemodel.paths import project_root, shown_path
from sitemodel.provenance import claims_in_html, group_by_paragraph
from sitemodel.schema import check_page, check_sources_match

log = logging.getLogger("mkdocs.plugins.site_model")

PROVENANCE_TEMPLATE = "partials/provenance.html"

# Data: rebuilt from scratch in on_config, because `mkdocs serve` keeps this module across rebuilds.
_paragraphs: list[Paragraph] = []
_pages: dict[str, PageSource] = {}
_order: list[str] = []  # src paths in navigation order
_provenance: dict[int, str] = {}  # paragraph -> its rendered provenance list
_definition_citations: set[int] = set()  # the paragraphs that terms' definitions cite, for the glossary page


# Hooks ----------------------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> None:
    _paragraphs.clear()
    _pages.clear()
    _order.clear()
    _provenance.clear()
    _definition_citations.clear()
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
            _definition_citations.update(check_page(page, known))
    except FrontMatterError as error:  # names the file and line, and says what is wrong
        raise PluginError(str(error)) from None
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    # The provenance lists follow the navigation, which only exists from here on.
    _order[:] = [page.file.src_uri for page in nav.pages]
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
        markdown = replace_marker(markdown, "paragraph-map", render_paragraph_map(_paragraphs))
    return markdown


@event_priority(-50)  # after every hook that generates Markdown with citations (figures, at 50)
def _render_citations(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    source = _pages[page.file.src_uri]
    try:
        cited = check_citations(markdown, _known(), source.path) | _glossary_citations(source)
        check_sources_match(source, cited)
    except (CitationError, FrontMatterError) as error:
        raise PluginError(str(error)) from None
    return render_citations(markdown, page.file.src_uri, SOURCE_PAGE)


on_page_markdown = CombinedEvent(_check_and_expand, _render_citations)


# After hooks/crosslinks.py (-50) has filled the glossary, so the citations in its definitions count too.
@event_priority(-60)
def on_env(env, config: MkDocsConfig, files: Files):
    # The page-meta partial links "Draws on ¶N" to the source page through this, relative per page.
    source = files.get_file_from_path(SOURCE_PAGE)
    env.globals["source_page_url"] = source.url if source else None
    if source is not None and source.page is not None:
        pages = {file.src_uri: file.page for file in files.documentation_pages() if file.page is not None}
        claims = group_by_paragraph(
            (
                pages[src].title or src,
                relative_url(pages[src].url, source.page.url),
                claims_in_html(pages[src].content),
            )
            for src in _order
            if src in pages and src != SOURCE_PAGE and pages[src].content
        )
        try:
            template = env.get_template(PROVENANCE_TEMPLATE)
        except TemplateNotFound:
            raise PluginError(
                f"docs/{SOURCE_PAGE}: lists under each paragraph the sentences that cite it, with the theme's "
                f"'{PROVENANCE_TEMPLATE}', which it does not have: set theme.custom_dir to the repository's overrides/."
            ) from None
        for paragraph in _paragraphs:
            _provenance[paragraph.n] = template.render(paragraph=paragraph.n, pages=claims.get(paragraph.n, []))
    return env


# Last, after hooks/crosslinks.py (-100) swaps in its linked HTML and after the search plugin (0) has
# indexed the page: the lists quote other pages, so they get no term links and no search entry.
@event_priority(-110)
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    if page.file.src_uri == SOURCE_PAGE and page.content:
        for n, html in _provenance.items():
            page.content = page.content.replace(provenance_placeholder(n), html)
    return context


# Helpers --------------------------------------------------------------------------------------


def _glossary_citations(source: PageSource) -> set[int]:
    """On the page that holds the glossary marker, the paragraphs its definitions will cite once
    hooks/crosslinks.py fills it in (after this check), so its `sources:` can list them."""
    if not any(match.group("name") == "glossary" for match in find_markers(source.body)):
        return set()
    return _definition_citations


def _known() -> set[int]:
    return {paragraph.n for paragraph in _paragraphs}

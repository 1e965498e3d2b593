"""MkDocs hook: figures and generated sections built from actor front matter and `data/*.yml`.

A thin adapter over the pure package `svgfigures`: `on_files` reads and checks the data and adds the
SVGs as in-memory files under `figures/` (nothing is written into docs/); `on_page_markdown`
replaces the markers (`<!-- ties -->`, `<!-- figure-trade -->`, ...) with generated Markdown.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from sitemodel.frontmatter import FrontMatterError, read_pages
from sitemodel.paragraphs import ParagraphDataError, read_paragraphs
from sitemodel.paths import project_root, shown_path
from svgfigures import DATA_FILES, FigureDataError, SiteData, figure_svgs, load_site_data, replace_markers

log = logging.getLogger("mkdocs.hooks.figures")

# State for one build; reset in on_config because the module survives `mkdocs serve` rebuilds.
_data: SiteData | None = None
_body_start: dict[str, int] = {}
_shown_docs = "docs"


# Hooks


def on_config(config: MkDocsConfig) -> None:
    global _data, _body_start, _shown_docs
    _data = None
    _body_start = {}
    _shown_docs = shown_path(config.docs_dir, project_root(config.config_file_path))


def on_files(files: Files, config: MkDocsConfig) -> Files:
    global _data
    config_dir = project_root(config.config_file_path)
    pages = [f.src_uri for f in files.documentation_pages()]
    try:
        sources = read_pages(Path(config.docs_dir), pages, _shown_docs)
        data_dir = config_dir / "data"
        data_files = {
            name: (data_dir / name).read_text(encoding="utf-8") for name in DATA_FILES if (data_dir / name).is_file()
        }
        paragraphs = frozenset(paragraph.n for paragraph in read_paragraphs(config_dir))
        _data = load_site_data(sources, data_files, data_prefix=shown_path(data_dir, config_dir), paragraphs=paragraphs)
    except (OSError, FrontMatterError, ParagraphDataError, FigureDataError) as error:
        raise PluginError(str(error)) from None
    _body_start.update({uri: page.body_start_line for uri, page in sources.items()})

    for uri, svg in figure_svgs(_data).items():
        existing = files.get_file_from_path(uri)
        if existing is not None:
            raise PluginError(f"{_shown_docs}/{uri}: a file in docs/ has the name of a generated figure; remove it")
        files.append(File.generated(config, uri, content=svg))
    return files


# Priority 50 (above the default 0): run before the citation pass in hooks/site_model.py, which turns
# `[¶N]` into links and checks them, so the citations in the generated Markdown are linked and checked too.
@event_priority(50)
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if _data is None:
        return markdown
    uri = page.file.src_uri
    result, problems = replace_markers(markdown, uri, _data)
    offset = _body_start.get(uri, 1) - 1
    for line, message in problems:
        log.warning(f"{_shown_docs}/{uri}:{line + offset}: {message}")
    return result

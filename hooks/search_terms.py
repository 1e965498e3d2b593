"""MkDocs hook: a search for any registered term or alias lists the page that explains it first.

A thin adapter over `crosslinker.search`: it collects each page's terms as pages are rendered, then
adds them to the index Material's search plugin has just written, in a field mkdocs.yml boosts.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from crosslinker import RegistryError, parse_terms
from crosslinker.search import add_terms_field, term_locations
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.plugins.search_terms")

# Data: reset in on_config, because `mkdocs serve` keeps this module across rebuilds.
_names_by_location: dict[str, list[str]] = {}


# Hooks ----------------------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> None:
    _names_by_location.clear()


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    try:
        terms = parse_terms(page.file.src_uri, page.meta.get("terms"))
    except RegistryError as error:  # the cross-linking hook reports it first; this is a safety net
        raise PluginError(str(error)) from None
    for location, names in term_locations(page.url, terms).items():
        _names_by_location.setdefault(location, []).extend(names)
    return context


@event_priority(-100)  # last: Material's search plugin writes the index in its own on_post_build
def on_post_build(config: MkDocsConfig) -> None:
    path = Path(config.site_dir) / "search" / "search_index.json"
    if not path.is_file():
        return  # search is switched off
    index, missing = add_terms_field(json.loads(path.read_text(encoding="utf-8")), _names_by_location)
    for location in missing:
        log.warning(f"search index has no entry for {location}: a term points at a section that does not exist")
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")

"""MkDocs hook: reword MkDocs' warnings about broken links and the navigation so they name the file and the fix.

It installs a logging filter that passes each warning through `sitemodel.link_hints.reword`. Only the
wording changes: the record keeps its level, so `strict: true` still fails the build on it.
"""

from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from sitemodel.link_hints import reword
from sitemodel.paths import project_root, shown_path

# Data: reset in on_config, because `mkdocs serve` keeps this module across rebuilds.
_docs_shown = "docs"
_pages: list[str] = []


# Hooks ----------------------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> None:
    global _docs_shown
    _docs_shown = shown_path(config.docs_dir, project_root(config.config_file_path))
    _pages.clear()
    for name in ("mkdocs.structure.pages", "mkdocs.structure.nav"):
        logger = logging.getLogger(name)
        if not any(isinstance(existing, _Hints) for existing in logger.filters):  # one filter across rebuilds
            logger.addFilter(_Hints())


def on_files(files: Files, config: MkDocsConfig) -> Files:
    _pages.extend(file.src_uri for file in files.documentation_pages())
    return files


# Helpers --------------------------------------------------------------------------------------


class _Hints(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.WARNING:
            record.msg = reword(record.getMessage(), _docs_shown, _pages)
            record.args = ()
        return True

"""Shared fixtures: the real site, built once per test session exactly as CI builds it.

Tests that need HTML ask for `real_site` (the build folder) or `site_pages` (parsed HTML by URL path);
fixture sites with deliberate mistakes are built by `build_site` from each test.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from project_support import ROOT, build_site
from selectolax.lexbor import LexborHTMLParser as HTMLParser


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built with --strict into a temporary folder."""
    result = build_site(ROOT / "mkdocs.yml", tmp_path_factory.mktemp("real-site") / "site")
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.output}"
    return result.site_dir


@pytest.fixture(scope="session")
def site_pages(real_site: Path) -> dict[str, HTMLParser]:
    """Every built HTML page, parsed, keyed by its path in the site (e.g. `actors/russia/index.html`)."""
    return {
        path.relative_to(real_site).as_posix(): HTMLParser(path.read_text(encoding="utf-8"))
        for path in sorted(real_site.rglob("*.html"))
    }

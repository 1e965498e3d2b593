"""Shared fixtures: the real site, built once per test session exactly as CI builds it.

Tests that need HTML ask for `real_site` (the build folder) or `site_pages` (parsed HTML by URL path);
fixture sites with deliberate mistakes are built by `build_site` from each test.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser

ROOT = Path(__file__).resolve().parent.parent
# Local environments and build output, never part of the project.
GENERATED_DIRS = (".venv/", "node_modules/", "site/")


@dataclass(frozen=True)
class BuildResult:
    returncode: int
    output: str
    site_dir: Path


def build_site(config: Path, site_dir: Path, env: dict[str, str] | None = None, cwd: Path = ROOT) -> BuildResult:
    """Run `mkdocs build --strict` on `config` into `site_dir`; never raises on a failed build."""
    process = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site_dir)],
        cwd=cwd,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
        capture_output=True,
        text=True,
        check=False,
    )
    return BuildResult(process.returncode, process.stdout + process.stderr, site_dir)


def project_files(root: Path = ROOT) -> list[str]:
    """The files git would commit (tracked or new, not ignored, still present), sorted."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\0")
    return sorted(f for f in listed if f and not f.startswith(GENERATED_DIRS) and (root / f).is_file())


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

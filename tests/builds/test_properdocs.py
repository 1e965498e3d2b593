"""The site builds strict-clean with ProperDocs too, the maintained continuation of MkDocs 1.x, and the build is
the same site: every page, every cross-link, the search index with its term field (README, "Toolchain")."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from crosslinker.search import TERM_FIELD
from project_support import ROOT

PROPERDOCS = Path(sys.executable).parent / "properdocs"


def test_properdocs_builds_the_same_site_strictly(real_site: Path, tmp_path: Path) -> None:
    assert PROPERDOCS.exists(), "properdocs is not installed: run `make test` (requirements/properdocs.txt)"
    site = tmp_path / "site"
    result = subprocess.run(
        [str(PROPERDOCS), "build", "--strict", "-f", "mkdocs.yml", "-d", str(site)],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, f"properdocs build --strict fails:\n{result.stdout}{result.stderr}"

    def pages(root: Path) -> set[str]:
        return {path.relative_to(root).as_posix() for path in root.rglob("*.html")}

    assert pages(site) == pages(real_site)
    for path in pages(real_site):
        ours = (site / path).read_text(encoding="utf-8")
        assert ours.count('class="crosslink"') == (real_site / path).read_text(encoding="utf-8").count(
            'class="crosslink"'
        ), f"{path}: not the same cross-links as with MkDocs"

    def term_fields(root: Path) -> dict[str, str]:
        index = json.loads((root / "search" / "search_index.json").read_text(encoding="utf-8"))
        return {doc["location"]: doc[TERM_FIELD] for doc in index["docs"] if TERM_FIELD in doc}

    assert term_fields(site), "the hook's search field is missing"
    assert term_fields(site) == term_fields(real_site), "not the same search field as with MkDocs"

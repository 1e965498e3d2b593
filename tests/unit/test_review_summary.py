"""scripts/review_summary.py: the pull request's job summary names the paragraphs its changed pages cite."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from project_support import ROOT

_spec = importlib.util.spec_from_file_location("review_summary", ROOT / "scripts" / "review_summary.py")
review_summary = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(review_summary)


def page(root: Path, name: str, front_matter: str) -> None:
    (root / name).parent.mkdir(parents=True, exist_ok=True)
    (root / name).write_text(f"---\n{front_matter}---\nText.\n", encoding="utf-8")


def test_cited_paragraphs_come_from_the_changed_pages_sources(tmp_path: Path):
    page(tmp_path, "docs/actors/india.md", "title: India\nsources: [11]\n")
    page(tmp_path, "docs/themes/sanctions.md", "title: Sanctions\nsources: [3, 11]\n")
    page(tmp_path, "docs/broken.md", "title: [unclosed\n")
    changed = ["docs/themes/sanctions.md", "docs/actors/india.md", "docs/broken.md", "docs/gone.md", "README.md"]
    assert review_summary.cited_paragraphs(changed, tmp_path) == {
        3: ["docs/themes/sanctions.md"],
        11: ["docs/actors/india.md", "docs/themes/sanctions.md"],
    }


def test_the_summary_points_at_each_paragraphs_provenance_list():
    text = review_summary.summary(["docs/actors/india.md", "data/timeline.yml"])
    assert "- ¶11 (`source/#p11`): `docs/actors/india.md`" in text
    assert "`data/timeline.yml`, which feeds generated text" in text
    assert "What the site says on the strength of ¶N" in text
    assert "changes no page" in review_summary.summary(["README.md"])

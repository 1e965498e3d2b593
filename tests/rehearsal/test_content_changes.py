"""Two valid content changes, rehearsed on a temporary copy of the project: they pass the build and every test
that checks the content, and nothing under tests/ changes.

- A new theme page with its own term whose words overlap another page's (energy *exports*, next to the sanctions
  page's *export* controls), written from templates/theme.md and mentioned on a related page.
- An actor split out of a grouped page: Kazakhstan out of docs/actors/central-asia.md, into a page written from
  templates/actor-compact.md, its term moved with it (docs/contributing/conventions.md, "Page skeletons").

The new pages (docs/themes/energy-exports.md, docs/actors/kazakhstan.md) exist only in that copy: they are this
rehearsal's fixtures. The content tests then run in the copy as they would on the editor's pull request, browser
search included: each term's page must come first, the new ones and the sanctions page alike.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from project_support import add_to_nav, build_site, copy_project

THEME = "docs/themes/energy-exports.md"
THEME_META = {
    "title": "Energy exports",
    "description": "Russia's energy sales abroad, which the article counts among the trade with China that grew.",
    "sources": [5],
    "terms": [
        {
            "name": "energy exports",
            "aliases": ["energy export"],
            "definition": "Sales of oil, gas and other fuels abroad. The article counts energy among the trade "
            "between Russia and China that has grown since 2014 [¶5].",
        }
    ],
}
# The text of each section of the skeleton the article gives material for; the others are left out.
THEME_SECTIONS = {
    "what-it-is": "Fuel a country sells to others: for Russia, oil and gas above all.",
    "in-the-article": "The article lists a larger energy trade among the signs that Russia-China relations have "
    "grown since 2014, next to defence sales and Chinese investment [¶5].",
    "related": "- [The Russia-China partnership](russia-china-partnership.md), [sanctions](sanctions.md).",
}
# Where another page mentions the new term (a term nobody mentions stops the build).
MENTION = (
    "docs/themes/russia-china-partnership.md",
    "\n## Related { #related }",
    "\nEnergy exports are part of the trade that grew [¶5].\n\n## Related { #related }",
)

GROUP = "docs/actors/central-asia.md"
ACTOR = "docs/actors/kazakhstan.md"
ACTOR_NAME = "Kazakhstan"
ACTOR_META = {
    "title": "Kazakhstan",
    "description": "A Central Asian country the article names as a place for further US investment if the status "
    "quo holds.",
    "sources": [9],
    "outlook": {
        "status_quo": "The Trump administration would likely invest further in emerging economies such as "
        "Kazakhstan, in rare earths, critical minerals and energy [¶9]."
    },
}
ACTOR_TEXT = (
    "The article names Kazakhstan, with Uzbekistan, as an emerging Central Asian economy in which the Trump "
    "administration would likely invest further, in rare earths, critical minerals and energy, if it cannot split "
    "Russia's partnerships [¶9]. See [Central Asia](central-asia.md) and [the status quo](../scenarios/status-quo.md)."
)

# The tests that check the content (everything computed from front matter, data and the built site).
CONTENT_TESTS = [
    "tests/builds/test_site.py",
    "tests/builds/test_content_shape.py",
    "tests/builds/test_provenance.py",
    "tests/builds/test_originality.py",
    "tests/browser/test_search.py",
    "tests/browser/test_everyday.py",
]


def _split(text: str) -> tuple[dict, str]:
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body


def _page(meta: dict, body: str) -> str:
    return "---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000) + "---\n\n" + body


def theme_page(project: Path) -> str:
    """templates/theme.md with its TODOs filled in: the sections the article gives material for, the rest dropped."""
    meta, body = _split((project / "templates" / "theme.md").read_text(encoding="utf-8"))
    meta.update(THEME_META)
    sections = re.findall(r"^(## .*\{ #([\w-]+) \})$", body, flags=re.M)
    assert {anchor for _, anchor in sections} >= set(THEME_SECTIONS), f"the theme skeleton changed: {sections}"
    kept = [f"{heading}\n\n{THEME_SECTIONS[anchor]}\n" for heading, anchor in sections if anchor in THEME_SECTIONS]
    return _page(meta, "\n".join(kept))


def split_actor(project: Path) -> str:
    """Move the actor's term out of the grouped page; return the new page, from templates/actor-compact.md."""
    group = project / GROUP
    meta, body = _split(group.read_text(encoding="utf-8"))
    moved = [term for term in meta["terms"] if term["name"] == ACTOR_NAME]
    assert moved, f"{GROUP} no longer registers {ACTOR_NAME}: the rehearsal needs another grouped actor"
    meta["terms"] = [term for term in meta["terms"] if term["name"] != ACTOR_NAME]
    group.write_text(_page(meta, body.lstrip("\n")), encoding="utf-8")

    skeleton, skeleton_body = _split((project / "templates" / "actor-compact.md").read_text(encoding="utf-8"))
    skeleton.update(ACTOR_META, terms=moved)
    assert "TODO" not in yaml.safe_dump(skeleton), f"the compact skeleton has new fields to fill: {skeleton}"
    assert skeleton_body.strip().startswith("TODO") and skeleton_body.count("TODO") == 2, "the skeleton changed"
    return _page(skeleton, ACTOR_TEXT + "\n")


@pytest.fixture(scope="module")
def changed_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("content-changes") / "project")
    names = [
        term["name"]
        for path in (project / "docs").rglob("*.md")
        for term in _split(path.read_text(encoding="utf-8"))[0].get("terms") or []
    ]
    # The new term must share a word with one already registered, or the rehearsal no longer tests an overlap.
    assert any("export" in name.lower() for name in names), f"no term shares a word with 'energy exports': {names}"
    (project / THEME).write_text(theme_page(project), encoding="utf-8")
    add_to_nav(project, THEME.removeprefix("docs/"))
    page, old, new = MENTION
    text = (project / page).read_text(encoding="utf-8")
    assert old in text, f"{page} changed: the rehearsal mentions the new term before {old.strip()!r}"
    (project / page).write_text(text.replace(old, new, 1), encoding="utf-8")

    (project / ACTOR).write_text(split_actor(project), encoding="utf-8")
    add_to_nav(project, ACTOR.removeprefix("docs/"))
    return project


def test_the_changed_site_builds(changed_project: Path, tmp_path: Path) -> None:
    result = build_site(changed_project / "mkdocs.yml", tmp_path / "site", cwd=changed_project)
    assert result.returncode == 0, f"the build fails on two valid changes ({THEME}, {ACTOR}):\n{result.output}"
    index = (tmp_path / "site" / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "energy_" in index and "kazakhstan_" in index, "the new terms are not in the search index"


def test_the_content_tests_pass_unchanged_on_the_changed_site(changed_project: Path) -> None:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("PYTEST", "BROWSER_TEST_PROJECT"))}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-x", *CONTENT_TESTS],
        cwd=changed_project,
        env={**env, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, (
        f"tests fail on valid changes (a new theme page, {THEME}, and {ACTOR_NAME} split out of {GROUP}, made in a "
        f"temporary copy):\n{result.stdout[-6000:]}{result.stderr}"
    )

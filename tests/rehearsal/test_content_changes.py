"""Two valid content changes, rehearsed on a temporary copy of the project: they pass the build and every test
that checks the content, and nothing under tests/ changes.

- A new theme page with its own term (the energy trade, which the article says increased between Russia and
  China [¶5]), written from templates/theme.md and mentioned on the theme page that draws most on ¶5.
- An actor split out of a grouped page (the actor page whose title names most of its terms, today Central Asia):
  the second term its title names moves, with its definition, into a page of its own written from
  templates/actor-compact.md (docs/contributing/conventions.md, "Page skeletons").

Both are chosen by what the content is, not by today's page names, so an editor's change to the site does not
break the rehearsal. The new pages exist only in that copy: they are this rehearsal's fixtures. The content tests
then run in the copy as they would on the editor's pull request, browser search included: each term's page must
come first, the new ones included.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from crosslinker.search import TERM_FIELD
from project_support import add_to_nav, build_site, copy_project
from sitemodel.citations import find_citations

THEME = "docs/themes/energy-trade.md"
THEME_PARAGRAPH = 5  # the paragraph of the article the new theme page draws on
THEME_META = {
    "title": "Energy trade",
    "description": "The trade in fuels, which the article says increased between Russia and China.",
    "sources": [THEME_PARAGRAPH],
    "terms": [
        {
            "name": "energy trade",
            "definition": "The buying and selling of oil, gas and other fuels. The article says the energy trade "
            "between Russia and China increased, among the signs that their relations have grown since 2014 [¶5].",
        }
    ],
}
# The text of each section of the skeleton the article gives material for; the others are left out.
# "{related}" is a link to the page that mentions the new term.
THEME_SECTIONS = {
    "what-it-is": "The buying and selling of fuels such as oil and gas between countries.",
    "in-the-article": "The article lists a larger energy trade among the signs that Russia-China relations have "
    "grown since 2014, next to defence sales and Chinese investment [¶5].",
    "related": "- {related}",
}
# The mention of the new term on another page (a term nobody mentions stops the build).
MENTION = "The article also notes that the energy trade between Russia and China increased [¶5]."

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


def _paragraphs(text: str) -> list[int]:
    return [n for citation in find_citations(text) for n in citation.paragraphs]


def mentioning_page(project: Path) -> Path:
    """The theme page (not an index) that cites THEME_PARAGRAPH most often: where the new term is mentioned."""
    pages = [page for page in sorted((project / "docs" / "themes").glob("*.md")) if page.name != "index.md"]
    assert pages, "docs/themes/ has no page: the rehearsal needs one to mention the new theme on"
    return max(pages, key=lambda page: _paragraphs(page.read_text(encoding="utf-8")).count(THEME_PARAGRAPH))


def mention_new_term(page: Path) -> None:
    """Add MENTION at the end of `page`, and its paragraph to the page's sources if it is not there yet."""
    meta, body = _split(page.read_text(encoding="utf-8"))
    if THEME_PARAGRAPH not in (meta.get("sources") or []):
        meta["sources"] = sorted({*(meta.get("sources") or []), THEME_PARAGRAPH})
    page.write_text(_page(meta, body.strip("\n") + f"\n\n{MENTION}\n"), encoding="utf-8")


def theme_page(project: Path, related: Path) -> str:
    """templates/theme.md with its TODOs filled in: the sections the article gives material for, the rest dropped."""
    meta, body = _split((project / "templates" / "theme.md").read_text(encoding="utf-8"))
    meta.update(THEME_META)
    sections = re.findall(r"^(## .*\{ #([\w-]+) \})$", body, flags=re.M)
    assert {anchor for _, anchor in sections} >= set(THEME_SECTIONS), f"the theme skeleton changed: {sections}"
    title = _split(related.read_text(encoding="utf-8"))[0]["title"]
    link = f"[{title}]({os.path.relpath(related, (project / THEME).parent)})"
    kept = [
        f"{heading}\n\n{THEME_SECTIONS[anchor].format(related=link)}\n"
        for heading, anchor in sections
        if anchor in THEME_SECTIONS
    ]
    return _page(meta, "\n".join(kept))


def _named_in_title(meta: dict) -> list[int]:
    """The positions of the terms whose names the page's title holds."""
    title = str(meta["title"]).lower()
    return [i for i, term in enumerate(meta.get("terms") or []) if term["name"].lower() in title]


def grouped_actor(project: Path) -> tuple[Path, int]:
    """The actor page whose title names most of its terms (at least two), a page that groups several actors, and
    the position of the second term its title names: the one split out."""
    named = {
        page: _named_in_title(_split(page.read_text(encoding="utf-8"))[0])
        for page in sorted((project / "docs" / "actors").glob("*.md"))
    }
    group = max(named, key=lambda page: len(named[page]))
    assert len(named[group]) >= 2, "no actor page names two of its terms in its title: nothing to split out"
    return group, named[group][1]


def split_actor(group: Path, position: int, skeleton_path: Path) -> tuple[str, str]:
    """Move the term at `position` of the grouped page into a page of its own, written from the compact skeleton
    and from the term's definition: return the term's name and the new page."""
    meta, body = _split(group.read_text(encoding="utf-8"))
    moved = meta["terms"].pop(position)
    group.write_text(_page(meta, body.lstrip("\n")), encoding="utf-8")

    definition = moved["definition"]
    skeleton, skeleton_body = _split(skeleton_path.read_text(encoding="utf-8"))
    skeleton.pop("outlook", None)  # optional: the definition says nothing of a scenario
    skeleton.update(
        title=moved["name"],
        # A description may not hold a straight double quote (it would end the theme's <meta> tag).
        description=re.sub(r"\s*\[¶[^\]]*\]", "", definition).replace('"', "'"),
        sources=sorted(set(_paragraphs(definition))),
        terms=[moved],
    )
    assert "TODO" not in yaml.safe_dump(skeleton), f"the compact skeleton has new fields to fill: {skeleton}"
    assert skeleton_body.strip().startswith("TODO") and skeleton_body.count("TODO") == 2, "the skeleton changed"
    text = f"{definition} See [{meta['title']}]({group.name}).\n"
    return moved["name"], _page(skeleton, text)


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


@dataclass(frozen=True)
class ChangedProject:
    root: Path
    actor: str  # the docs/ path of the actor page split out
    actor_name: str
    group: str  # the docs/ path of the page it was split out of


@pytest.fixture(scope="module")
def changed_project(tmp_path_factory: pytest.TempPathFactory) -> ChangedProject:
    project = copy_project(tmp_path_factory.mktemp("content-changes") / "project")
    related = mentioning_page(project)
    mention_new_term(related)
    (project / THEME).write_text(theme_page(project, related), encoding="utf-8")
    add_to_nav(project, THEME.removeprefix("docs/"))

    group, position = grouped_actor(project)
    name, page = split_actor(group, position, project / "templates" / "actor-compact.md")
    actor = f"docs/actors/{_slug(name)}.md"
    assert not (project / actor).exists(), f"{actor} exists already: the rehearsal would overwrite it"
    (project / actor).write_text(page, encoding="utf-8")
    add_to_nav(project, actor.removeprefix("docs/"))
    return ChangedProject(project, actor, name, str(group.relative_to(project)))


def test_the_changed_site_builds(changed_project: ChangedProject, tmp_path: Path) -> None:
    project = changed_project.root
    result = build_site(project / "mkdocs.yml", tmp_path / "site", cwd=project)
    assert result.returncode == 0, (
        f"the build fails on two valid changes ({THEME}, {changed_project.actor}):\n{result.output}"
    )
    index = json.loads((tmp_path / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    names = {entry["location"]: entry.get(TERM_FIELD) for entry in index["docs"]}
    for page in (THEME, changed_project.actor):
        location = page.removeprefix("docs/").removesuffix(".md") + "/"
        assert names.get(location), f"the search entry of {page} has no term names: {names.get(location)!r}"


def test_the_content_tests_pass_unchanged_on_the_changed_site(changed_project: ChangedProject) -> None:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("PYTEST", "BROWSER_TEST_PROJECT"))}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-x", *CONTENT_TESTS],
        cwd=changed_project.root,
        env={**env, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, (
        f"tests fail on valid changes (a new theme page, {THEME}, and {changed_project.actor_name} split out of "
        f"{changed_project.group} into {changed_project.actor}, made in a temporary copy):\n"
        f"{result.stdout[-6000:]}{result.stderr}"
    )

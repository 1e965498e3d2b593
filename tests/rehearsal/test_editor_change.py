"""An editor's change, rehearsed on a copy of the project: a new actor page passes every check, and each
usual mistake fails the build with a message that names the file and says what to do.

The new page (docs/actors/southeast-asia.md) exists only in that temporary copy: it is this rehearsal's fixture,
not a file of the repository. The term it wrongly claims is read from today's front matter.

The copy holds the files git would commit (project_support.copy_project). The new page starts from
templates/actor.md, as CONTRIBUTING.md tells editors to do.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from project_support import ROOT, add_to_nav, copy_project

PAGE = "docs/actors/southeast-asia.md"

# The skeleton's TODOs, filled in as an editor would (our words; the article names the region in ¶6).
FILLED = {
    "title": "Southeast Asia",
    "description": "A region the article names as a destination of Russia's re-oriented supply chains.",
    "sources": [6],
    "tags": ["Actors"],
    "terms": [
        {
            "name": "Southeast Asia",
            "definition": "The region between China, India and Australia. The article names it with China as "
            "where Moscow aims to shift its supply chains [¶6].",
        }
    ],
    "outlook": {
        "split": "Not discussed; the article mentions the region only as part of Moscow's pivot [¶6].",
        "status_quo": "Not discussed; the article mentions the region only as part of Moscow's pivot [¶6].",
    },
}
BODY_TEXT = "The article names the region, next to China, as a destination of Russian supply chains [¶6]."


def actor_page_from_skeleton(project: Path) -> str:
    """templates/actor.md with its front matter filled in and every TODO line of the body replaced."""
    skeleton = (project / "templates" / "actor.md").read_text(encoding="utf-8")
    _, front, body = skeleton.split("---\n", 2)
    meta = yaml.safe_load(front)
    meta.update(FILLED)
    # The article gives the region no tie of its own, so the editor drops `ties:` and, as the skeleton
    # says, the section that would list them.
    meta.pop("ties", None)
    body = re.sub(r"\n+## Ties to other actors.*?(?=^## |\Z)", "\n\n", body, flags=re.S | re.M).rstrip("\n") + "\n"
    assert "TODO" not in yaml.safe_dump(meta), f"the skeleton has new fields to fill: {meta}"
    body = "\n".join(
        re.match(r"\s*(?:[-*]\s+)?", line).group() + BODY_TEXT if "TODO" in line else line for line in body.splitlines()
    )
    text = _page(meta, body + "\n")
    assert "TODO" not in text
    return text


def _page(meta: dict, body: str) -> str:
    return "---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000) + "---\n" + body.lstrip("\n")


def _with_front_matter(text: str, change: Callable[[dict], object]) -> str:
    _, front, body = text.split("---\n", 2)
    meta = yaml.safe_load(front)
    change(meta)
    return _page(meta, "\n" + body)


def build(project: Path, site_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site_dir)],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="module")
def edited_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project with the new actor page added and listed in the navigation."""
    project = copy_project(tmp_path_factory.mktemp("rehearsal") / "project")
    (project / PAGE).write_text(actor_page_from_skeleton(project), encoding="utf-8")
    add_to_nav(project, PAGE.removeprefix("docs/"))
    return project


def test_the_new_page_builds_and_is_linked_from_pages_that_mention_it(edited_project: Path, tmp_path: Path) -> None:
    result = build(edited_project, tmp_path / "site")
    assert result.returncode == 0, f"the new actor page does not build:\n{result.stdout}{result.stderr}"
    page = (tmp_path / "site" / "actors" / "southeast-asia" / "index.html").read_text(encoding="utf-8")
    assert "source/#p6" in page, "the citation [¶6] did not become a link to the source page"
    linked_from = [
        path.relative_to(tmp_path / "site").as_posix()
        for path in (tmp_path / "site").rglob("*.html")
        if re.search(r'href="[^"]*actors/southeast-asia/?"', path.read_text(encoding="utf-8"))
        and "southeast-asia" not in path.as_posix()
    ]
    assert linked_from, "no page links to the new actor: its term was not cross-linked"


def test_the_whole_check_suite_passes_on_the_change(edited_project: Path) -> None:
    """The test suite of the copy, except the browser tests and this rehearsal: builds, content, linters."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTEST")}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-x", "--ignore=tests/rehearsal", "--ignore=tests/browser"],
        cwd=edited_project,
        env={**env, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, f"the checks fail on a correct new page:\n{result.stdout[-6000:]}{result.stderr}"


def _dead_link(text: str) -> str:
    return text.replace(BODY_TEXT, BODY_TEXT + " See also [Russia](rusia.md).", 1)


def _a_registered_term() -> tuple[str, str]:
    """(name, file) of a term some actor page registers today, for the rehearsal to claim a second time."""
    for path in sorted((ROOT / "docs" / "actors").glob("*.md")):
        _, front, _ = path.read_text(encoding="utf-8").split("---\n", 2)
        for term in yaml.safe_load(front).get("terms") or []:
            return term["name"], path.relative_to(ROOT).as_posix()
    raise AssertionError("no actor page in docs/actors/ registers a term")


CLAIMED_NAME, CLAIMED_FILE = _a_registered_term()


def _second_claim(text: str) -> str:
    claim = {"name": CLAIMED_NAME, "definition": "A name another page already explains [¶6]."}
    return _with_front_matter(text, lambda meta: meta["terms"].append(claim))


def _paragraph_99(text: str) -> str:
    return text.replace(BODY_TEXT, BODY_TEXT + " The region also trades with Moscow [¶99].", 1)


def _missing_field(text: str) -> str:
    return _with_front_matter(text, lambda meta: meta.pop("description"))


# Each mistake, and what its message must contain besides the file: the thing to fix or how.
MISTAKES = {
    "dead link": (_dead_link, ["rusia.md"]),
    "term claimed by two pages": (_second_claim, [CLAIMED_NAME, CLAIMED_FILE]),
    "citation of a paragraph that does not exist": (_paragraph_99, ["¶99", "¶1 to ¶11"]),
    "front matter missing a field": (_missing_field, ["description", "every page needs a description"]),
}
# Words that tell the editor what to do, one of which each message must use.
FIX_WORDS = re.compile(r"\b(needs?|add|remove|use|fix|correct|keep|check|rename|drop|link to|change|cite|see)\b", re.I)


@pytest.mark.parametrize("mistake", MISTAKES)
def test_each_usual_mistake_fails_with_a_message_that_names_the_file_and_the_fix(
    mistake: str, edited_project: Path, tmp_path: Path
) -> None:
    make_mistake, expected = MISTAKES[mistake]
    project = tmp_path / "project"
    shutil.copytree(edited_project, project, symlinks=True)
    page = project / PAGE
    original = page.read_text(encoding="utf-8")
    broken = make_mistake(original)
    assert broken != original, f"the rehearsal could not make the mistake: {mistake}"
    page.write_text(broken, encoding="utf-8")

    result = build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"the build passed despite a {mistake}:\n{output}"
    problem_lines = [line for line in output.splitlines() if PAGE in line]
    assert problem_lines, (
        f"the build failed on a {mistake}, but no message names {PAGE} (the page this rehearsal adds to a "
        f"temporary copy of the project):\n{output}"
    )
    message = "\n".join(problem_lines)
    for text in expected:
        assert text in message, f"the message for a {mistake} should mention {text!r}:\n{message}"
    assert FIX_WORDS.search(message), f"the message for a {mistake} does not say what to do:\n{message}"

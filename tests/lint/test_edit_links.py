"""Every page's edit link (the pencil button) opens the page's own file in docs/ on the repository.

An editor fixes a page from the browser through that link, so it must point at a file that exists:
`<edit_uri><path under docs/>`, where edit_uri (mkdocs.yml) ends in `/edit/main/docs/`.
Reads the real site, built once per test session by the `real_site` fixture (tests/conftest.py).
"""

from __future__ import annotations

from pathlib import Path

import pathspec
import pytest
import yaml
from selectolax.lexbor import LexborHTMLParser

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml for plain settings; tags such as !ENV or !relative read as null (not needed here)."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)


def _config() -> dict:
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)


def _edit_uri() -> str:
    edit_uri = _config()["edit_uri"]
    assert edit_uri.startswith("https://") and edit_uri.endswith("/edit/main/docs/"), (
        "mkdocs.yml: edit_uri must be the full URL of the docs folder's edit view, "
        "e.g. https://github.com/OWNER/REPO/edit/main/docs/"
    )
    return edit_uri


def _source_of(html: str) -> str | None:
    """The file under docs/ that MkDocs builds into `html` (directory URLs), or None for a generated page."""
    if html == "404.html":
        return None
    folder = html.removesuffix("index.html").rstrip("/")
    candidates = [f"{folder}/index.md", f"{folder}/README.md"] if folder else ["index.md", "README.md"]
    if folder:
        candidates.insert(0, f"{folder}.md")
    return next((candidate for candidate in candidates if (DOCS / candidate).is_file()), None)


@pytest.fixture(scope="module")
def edit_links(real_site: Path) -> dict[str, str | None]:
    """Each built page (path in the site) and the href of its edit button, or None without one."""
    links = {}
    for path in sorted(real_site.rglob("*.html")):
        tree = LexborHTMLParser(path.read_text(encoding="utf-8"))
        if tree.css_first('meta[http-equiv="refresh"]'):
            continue  # a redirect stub, not a page
        button = tree.css_first('a.md-content__button[rel="edit"]')
        links[path.relative_to(real_site).as_posix()] = button.attributes.get("href") if button else None
    return links


def test_every_page_from_docs_has_an_edit_link_to_its_own_file(edit_links: dict[str, str | None]) -> None:
    edit_uri = _edit_uri()
    problems = []
    for html, href in edit_links.items():
        source = _source_of(html)
        if source is None:
            continue
        if href is None:
            problems.append(f"{html}: no edit link (expected {edit_uri}{source})")
        elif href != f"{edit_uri}{source}":
            problems.append(f"{html}: edit link {href} should be {edit_uri}{source}")
    assert not problems, "Edit links that do not open the page's file:\n" + "\n".join(problems)


def test_every_edit_link_points_at_an_existing_file(edit_links: dict[str, str | None]) -> None:
    edit_uri = _edit_uri()
    problems = []
    for html, href in edit_links.items():
        if href is None:
            continue
        if not href.startswith(edit_uri):
            problems.append(f"{html}: edit link {href} is not under {edit_uri}")
        elif not (DOCS / href.removeprefix(edit_uri)).is_file():
            problems.append(f"{html}: edit link {href} names docs/{href.removeprefix(edit_uri)}, which does not exist")
    assert not problems, "\n".join(problems)


def test_every_markdown_file_in_docs_is_a_page_with_an_edit_link(edit_links: dict[str, str | None]) -> None:
    edit_uri = _edit_uri()
    linked = {href.removeprefix(edit_uri) for href in edit_links.values() if href}
    # MkDocs leaves out dot files, templates/ and whatever mkdocs.yml's exclude_docs lists.
    excluded = pathspec.GitIgnoreSpec.from_lines([".*", "/templates/", *_config().get("exclude_docs", "").splitlines()])
    missing = sorted(
        source
        for source in (path.relative_to(DOCS).as_posix() for path in DOCS.rglob("*.md"))
        if source not in linked and not excluded.match_file(source)
    )
    assert not missing, f"pages in docs/ without an edit link in the built site: {missing}"

"""Print, as Markdown for a pull request's job summary, which paragraphs of the article the changed pages cite,
each pointing at its provenance list on the built site's source page.

Usage: `git diff --name-only BASE...HEAD | python scripts/review_summary.py`. A reviewer then opens the `site`
artifact's source page and reads, under each listed ¶, every sentence of the site that cites it.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from sitemodel.frontmatter import FrontMatterError, split_front_matter  # noqa: E402

# Data files that feed generated, cited text on pages.
DATA_FILES = ("data/paragraphs.yml", "data/timeline.yml", "data/trade.yml")


def cited_paragraphs(changed: Iterable[str], root: Path = ROOT) -> dict[int, list[str]]:
    """{paragraph: [changed file, ...]} for the changed pages under docs/ (by their `sources:`)."""
    cited: dict[int, list[str]] = {}
    for name in sorted(set(changed)):
        path = root / name
        if not (name.startswith("docs/") and name.endswith(".md") and path.is_file()):
            continue
        try:
            meta = split_front_matter(path.read_text(encoding="utf-8"), name).meta
        except (FrontMatterError, UnicodeDecodeError):
            continue  # the build reports it, with its line
        for n in meta.get("sources") or []:
            if isinstance(n, int) and not isinstance(n, bool):
                cited.setdefault(n, []).append(name)
    return dict(sorted(cited.items()))


def summary(changed: list[str]) -> str:
    cited = cited_paragraphs(changed)
    data = [name for name in changed if name in DATA_FILES]
    lines = [
        "## Review the claims",
        "",
        "Download the `site` artifact, run `python3 -m http.server` in its folder and open "
        '<http://127.0.0.1:8000/source/>. Under each paragraph, "What the site says on the strength of ¶N" '
        "lists every sentence of the site that cites it: check that none says more than the paragraph "
        '(CONTRIBUTING.md, "Review a change").',
        "",
    ]
    if cited:
        lines += ["The pages this pull request changes cite:", ""]
        lines += [f"- ¶{n} (`source/#p{n}`): {', '.join(f'`{name}`' for name in names)}" for n, names in cited.items()]
    if data:
        lines += ["", f"It also changes {', '.join(f'`{name}`' for name in data)}, which feeds generated text."]
    if not cited and not data:
        lines += ["This pull request changes no page that cites the article."]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.stdout.write(summary([line.strip() for line in sys.stdin if line.strip()]))

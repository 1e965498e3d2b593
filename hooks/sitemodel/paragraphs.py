"""The article's paragraphs (data/paragraphs.yml) and the source page's paragraph map built from them.

The data file is the one list of valid citations; the map shows each paragraph with a short title
(its table-of-contents entry), a summary in our words, a stable `#pN` anchor, and a placeholder that
the hook fills with everything the site says on the strength of that paragraph (`sitemodel.provenance`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from .frontmatter import UniqueKeyLoader

# Where the list lives, relative to the folder of mkdocs.yml.
PARAGRAPHS_FILE = "data/paragraphs.yml"
_KEYS = ("n", "part", "line", "title", "summary")


class ParagraphDataError(ValueError):
    """data/paragraphs.yml is missing or malformed."""


@dataclass(frozen=True)
class Paragraph:
    n: int
    part: str
    line: int  # the line of the captured article.txt, for editors checking a summary against the source
    title: str
    summary: str


def read_paragraphs(project_root: Path) -> list[Paragraph]:
    """Read and check `data/paragraphs.yml` under `project_root` (the folder of mkdocs.yml)."""
    try:
        text = (project_root / PARAGRAPHS_FILE).read_text(encoding="utf-8")
    except OSError as error:
        raise ParagraphDataError(
            f"{PARAGRAPHS_FILE}: cannot be read ({error.strerror}); it lists the article's paragraphs that pages cite"
        ) from None
    return load_paragraphs(text, PARAGRAPHS_FILE)


def load_paragraphs(text: str, path: str) -> list[Paragraph]:
    """Parse and check the paragraph list: numbered 1, 2, 3 ... each with a part, a line, a title and a summary."""
    try:
        entries = yaml.load(text, Loader=UniqueKeyLoader)
        nodes = yaml.compose(text, Loader=yaml.SafeLoader)  # the same document, with the line of each value
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        line = f":{mark.line + 1}" if mark else ""
        raise ParagraphDataError(f"{path}{line}: {error.problem}: check indentation and quotes") from None
    except yaml.YAMLError as error:
        raise ParagraphDataError(f"{path}: not valid YAML ({error})") from None
    if not isinstance(entries, list) or not entries:
        raise ParagraphDataError(f"{path}: expected a list of paragraphs")
    paragraphs = []
    for index, (entry, node) in enumerate(zip(entries, nodes.value, strict=True), start=1):
        if not isinstance(entry, dict) or set(entry) != set(_KEYS):
            raise ParagraphDataError(
                f"{path}:{node.start_mark.line + 1}: entry {index} needs exactly the keys {', '.join(_KEYS)}"
            )
        values = {key.value: value for key, value in node.value}
        lines = {key: value.start_mark.line + 1 for key, value in values.items()}
        for key in ("n", "line"):
            if not isinstance(entry[key], int) or isinstance(entry[key], bool) or entry[key] < 1:
                raw = values[key].value if isinstance(values[key], yaml.ScalarNode) else entry[key]
                raise ParagraphDataError(
                    f"{path}:{lines[key]}: entry {index}: `{key}: {raw}` must be a whole number from 1"
                    + (" (the line of the captured article.txt)" if key == "line" else "")
                )
        for key in ("part", "title", "summary"):
            if not isinstance(entry[key], str) or not entry[key].strip():
                raise ParagraphDataError(f"{path}:{lines[key]}: entry {index}: `{key}:` must be text")
        if entry["n"] != index:
            raise ParagraphDataError(
                f"{path}: entry {index} has n: {entry['n']}; paragraphs are numbered 1, 2, 3 ... in order"
            )
        paragraphs.append(
            Paragraph(
                entry["n"],
                entry["part"].strip(),
                entry["line"],
                " ".join(entry["title"].split()),
                " ".join(entry["summary"].split()),
            )
        )
    return paragraphs


def provenance_placeholder(n: int) -> str:
    """The HTML comment the map leaves under paragraph `n`, replaced after rendering by its provenance list."""
    return f"<!-- provenance of ¶{n} -->"


def render_paragraph_map(paragraphs: Sequence[Paragraph]) -> str:
    """Markdown for the map: a heading per part, a heading per paragraph (anchor `pN`), its summary and
    the placeholder for its provenance list."""
    lines: list[str] = []
    part = None
    for paragraph in paragraphs:
        if paragraph.part != part:
            part = paragraph.part
            lines += [f"## {part} {{ #{_slug(part)} }}", ""]
        lines += [
            f"### ¶{paragraph.n} · {paragraph.title} {{ #p{paragraph.n} }}",
            "",
            paragraph.summary,
            "",
            provenance_placeholder(paragraph.n),
            "",
        ]
    return "\n".join(lines)


def _slug(text: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split())

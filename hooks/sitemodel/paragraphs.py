"""The article's paragraphs (data/paragraphs.yml) and the source page's paragraph map built from them.

The data file is the one list of valid citations; the map shows each paragraph in our words with a
stable `#pN` anchor and the pages whose `sources:` name it.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from .frontmatter import UniqueKeyLoader

# Where the list lives, relative to the folder of mkdocs.yml.
PARAGRAPHS_FILE = "data/paragraphs.yml"


class ParagraphDataError(ValueError):
    """data/paragraphs.yml is missing or malformed."""


@dataclass(frozen=True)
class Paragraph:
    n: int
    part: str
    line: int
    summary: str


@dataclass(frozen=True)
class PageRef:
    """A page as the paragraph map lists it."""

    title: str
    src_uri: str


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
    """Parse and check the paragraph list: numbered 1, 2, 3 ... with a part, a line and a summary."""
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
        if not isinstance(entry, dict) or set(entry) != {"n", "part", "line", "summary"}:
            raise ParagraphDataError(
                f"{path}:{node.start_mark.line + 1}: entry {index} needs exactly the keys n, part, line and summary"
            )
        lines = {key.value: value.start_mark.line + 1 for key, value in node.value}
        for key in ("n", "line"):
            if not isinstance(entry[key], int) or isinstance(entry[key], bool) or entry[key] < 1:
                raw = text.splitlines()[lines[key] - 1].split(":", 1)[1].strip()
                raise ParagraphDataError(
                    f"{path}:{lines[key]}: entry {index}: `{key}: {raw}` must be a whole number from 1"
                    + (" (the line of the captured article.txt)" if key == "line" else "")
                )
        for key in ("part", "summary"):
            if not isinstance(entry[key], str) or not entry[key].strip():
                raise ParagraphDataError(f"{path}:{lines[key]}: entry {index}: `{key}:` must be text")
        if entry["n"] != index:
            raise ParagraphDataError(
                f"{path}: entry {index} has n: {entry['n']}; paragraphs are numbered 1, 2, 3 ... in order"
            )
        paragraphs.append(Paragraph(entry["n"], entry["part"], entry["line"], entry["summary"].strip()))
    return paragraphs


def render_paragraph_map(
    paragraphs: Sequence[Paragraph], drawn_on: Mapping[int, Sequence[PageRef]], page_src_uri: str
) -> str:
    """Markdown for the map: a heading per paragraph (anchor `pN`), grouped by part, with the pages citing it."""
    here = posixpath.dirname(page_src_uri) or "."
    lines: list[str] = []
    part = None
    for paragraph in paragraphs:
        if paragraph.part != part:
            part = paragraph.part
            lines += [f"## {part} {{ #{_slug(part)} }}", ""]
        lines += [f"### ¶{paragraph.n} {{ #p{paragraph.n} }}", "", paragraph.summary, ""]
        pages = drawn_on.get(paragraph.n, ())
        if pages:
            links = ", ".join(f"[{ref.title}]({posixpath.relpath(ref.src_uri, here)})" for ref in pages)
            lines += [f"Drawn on by: {links}.", ""]
        else:
            lines += ["No page draws on this paragraph yet.", ""]
        lines += [f"<small>Line {paragraph.line} of the captured text.</small>", ""]
    return "\n".join(lines)


def _slug(text: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split())

"""Read and check the YAML front matter of a page, reporting errors with file and line.

MkDocs itself treats unparsable front matter as no front matter at all, so every hook that needs
page metadata before rendering reads it through `split_front_matter` instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

# libyaml's loader where PyYAML was built with it: about ten times faster on the whole site.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class DuplicateKeyError(yaml.MarkedYAMLError):
    """A mapping that sets one key twice (YAML keeps the last silently)."""

    def __init__(self, key: object, first_line: int, node: yaml.Node) -> None:
        super().__init__(problem=f"`{key}:` is set twice", problem_mark=node.start_mark)
        self.key, self.first_line = key, first_line


class UniqueKeyLoader(_SafeLoader):
    """The safe loader, but a key set twice in one mapping is an error rather than last-one-wins."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        self.flatten_mapping(node)
        lines: dict[object, int] = {}
        for key_node, _value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            try:
                first = lines.setdefault(key, key_node.start_mark.line)
            except TypeError:  # an unhashable key: let the constructor say so
                break
            if first != key_node.start_mark.line:
                raise DuplicateKeyError(key, first, key_node)
        return super().construct_mapping(node, deep=deep)


# Same delimiters as MkDocs (mkdocs.utils.meta): a first line of ---, then YAML, then --- or ... alone.
_FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(?P<yaml>.*?\n)?(?:-{3}|\.{3})[ \t]*(?:\n|\Z)", re.DOTALL)


class FrontMatterError(ValueError):
    """Bad front matter; `str()` reads `path:line: message` so an editor can jump to it."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        self.path, self.line, self.message = path, line, message
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True)
class PageSource:
    """One Markdown page: its metadata, its body, and the file line on which the body starts."""

    path: str  # as shown to editors, e.g. docs/actors/russia.md
    meta: dict[str, Any]
    body: str
    body_start_line: int
    meta_text: str = ""  # the raw YAML, to point errors at the line of a key


def split_front_matter(text: str, path: str) -> PageSource:
    """Split `text` into front matter and body; raise FrontMatterError on YAML that is not a mapping."""
    if text.startswith("\ufeff"):  # a byte-order mark, as some editors write: not part of the page
        text = text[1:]
    match = _FRONT_MATTER.match(text)
    if not match:
        if text.startswith("---"):
            raise FrontMatterError(path, 1, "front matter opens with --- but never closes: end it with a line of ---")
        return PageSource(path, {}, text, 1)
    try:
        meta = yaml.load(match.group("yaml") or "", Loader=UniqueKeyLoader) or {}
    except DuplicateKeyError as error:
        line = error.problem_mark.line + 2  # +1 for 1-based lines, +1 for the opening ---
        twice = f"`{error.key}:` is set twice in the front matter (lines {error.first_line + 2} and {line})"
        raise FrontMatterError(path, line, f"{twice}: keep one") from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 2 if mark else 1  # +1 for 1-based lines, +1 for the opening ---
        raise FrontMatterError(
            path, line, f"front matter is not valid YAML ({error.problem}); check indentation and quotes"
        ) from None
    if not isinstance(meta, dict):
        raise FrontMatterError(path, 2, "front matter must be a set of `key: value` lines")
    # Like MkDocs, drop the blank lines after the front matter, so line numbers match what hooks see.
    rest = text[match.end() :]
    body = rest.lstrip("\n")
    body_start_line = text.count("\n", 0, match.end()) + 1 + len(rest) - len(body)
    return PageSource(path, meta, body, body_start_line, match.group("yaml") or "")


def value_line(meta_text: str, *path: str | int) -> int | None:
    """The file line of the value at `path` in the front matter (keys for mappings, 0-based indexes for
    lists), e.g. `value_line(text, "ties", 2, "status")`; None when the path is not there.

    Lines count from the page's first line (the opening `---`), so they match what an editor's editor shows.
    """
    try:
        node = yaml.compose(meta_text, Loader=_SafeLoader)
    except yaml.YAMLError:
        return None
    for step in path:
        if isinstance(node, yaml.MappingNode) and isinstance(step, str):
            node = next((value for key, value in node.value if key.value == step), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
            node = node.value[step]
        else:
            return None
        if node is None:
            return None
    return node.start_mark.line + 2 if node is not None else None  # +1: 1-based, +1: the opening ---


def read_pages(docs_dir: Path, src_uris: Iterable[str], shown_prefix: str = "docs") -> dict[str, PageSource]:
    """Read every page's front matter, keyed by `src_uri` (e.g. `actors/russia.md`)."""
    return {
        uri: split_front_matter(read_text(docs_dir / uri, f"{shown_prefix}/{uri}"), f"{shown_prefix}/{uri}")
        for uri in sorted(src_uris)
    }


def read_text(file: Path, path: str) -> str:
    """The text of a UTF-8 file; `path` is the file as shown to editors (see `decode`)."""
    return decode(file.read_bytes(), path)


def decode(data: bytes, path: str) -> str:
    """UTF-8 bytes as text, a byte-order mark dropped; FrontMatterError with the line of the first
    byte that is not UTF-8."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise FrontMatterError(
            path,
            line,
            f"is not UTF-8 text (byte 0x{data[error.start]:02x}): save it as UTF-8, "
            "which every editor offers (often under 'Save with encoding')",
        ) from None

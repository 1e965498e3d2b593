"""Paths as editors see them: relative to the project's root (the folder of mkdocs.yml), with `/`.

Every hook names files in its messages this way (`docs/actors/russia.md`), so they all ask here.
"""

from __future__ import annotations

from pathlib import Path


def project_root(config_file_path: str) -> Path:
    """The folder of mkdocs.yml, where docs/, data/ and includes/ live."""
    return Path(config_file_path).resolve().parent


def shown_path(path: str | Path, root: Path) -> str:
    """`path` relative to `root` where it lies inside it, else as given; always with forward slashes."""
    resolved = Path(path).resolve()
    return resolved.relative_to(root).as_posix() if resolved.is_relative_to(root) else resolved.as_posix()

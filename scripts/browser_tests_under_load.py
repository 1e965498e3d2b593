"""Run the browser tests several times while every CPU core is kept busy, and print how many runs passed.

Browser tests must wait on conditions, never on time: under load, a test that races the page fails some of the
time. This keeps one spinning process per core (what a shared CI runner or a busy laptop looks like) for as long
as the runs take, then stops them. Exit status 0 only if every run passed.
Run: `make test-under-load` (RUNS=5 by default), or `.venv/bin/python scripts/browser_tests_under_load.py --runs 3`.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _spin() -> None:
    while True:
        pass


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="how many times to run the browser tests")
    parser.add_argument("pytest_args", nargs="*", default=["tests/browser"], help="what to run (default tests/browser)")
    args = parser.parse_args()

    spinners = [multiprocessing.Process(target=_spin, daemon=True) for _ in range(os.cpu_count() or 1)]
    for spinner in spinners:
        spinner.start()
    print(f"{len(spinners)} busy processes, one per core; {args.runs} runs of: pytest {' '.join(args.pytest_args)}")
    passed = 0
    try:
        for run in range(1, args.runs + 1):
            started = time.monotonic()
            result = subprocess.run(
                [sys.executable, "-m", "pytest", "-q", *args.pytest_args],
                cwd=ROOT,
                capture_output=True,
                text=True,
                check=False,
            )
            summary = (result.stdout.strip().splitlines() or ["(no output)"])[-1]
            print(
                f"run {run}: {'passed' if result.returncode == 0 else 'FAILED'} in {time.monotonic() - started:.0f} s"
                f" ({summary})",
                flush=True,
            )
            if result.returncode == 0:
                passed += 1
            else:
                failures = [line for line in result.stdout.splitlines() if line.startswith(("FAILED", "ERROR", "E "))]
                print("\n".join(failures))
    finally:
        for spinner in spinners:
            spinner.terminate()
            spinner.join()
    print(f"{passed}/{args.runs} runs passed under load")
    return 0 if passed == args.runs else 1


if __name__ == "__main__":
    sys.exit(main())

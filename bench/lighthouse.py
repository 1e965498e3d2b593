"""Print Lighthouse's four category scores (mobile preset) for one page of each type: the median of three runs.

A report, not a test: it never fails on a score (it fails only if the site cannot be built or Lighthouse cannot
run). It builds the real site into a temporary folder with site_url equal to a local server's origin, serves it on
127.0.0.1, and runs npm's lighthouse@12.2.3 (`npm ci` installs it) against Debian's Chromium (CHROME_PATH, default
/usr/bin/chromium). Targets (issues 5 and 12): performance >= 95, accessibility 100, best practices 100, SEO 100 on
every page type. Scores move with the machine's load: the load average is printed with them.
Run: `.venv/bin/python bench/lighthouse.py [--runs 3] [--pages "" actors/russia/ scenarios/split/]`.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
# One page per type: home, actor, scenario (and the comparison, the longest), theme, glossary, source, timeline.
PAGES = [
    "",
    "actors/russia/",
    "scenarios/split/",
    "scenarios/comparison/",
    "themes/sanctions/",
    "glossary/",
    "source/",
    "timeline/",
]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
METRICS = {
    "FCP": "first-contentful-paint",
    "LCP": "largest-contentful-paint",
    "TBT": "total-blocking-time",
    "CLS": "cumulative-layout-shift",
    "SI": "speed-index",
}
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-sync"


class _Quiet(SimpleHTTPRequestHandler):
    """Serves the site gzip-compressed, as GitHub Pages does (an uncompressed local server costs ~10 points)."""

    COMPRESS = (".html", ".css", ".js", ".json", ".xml", ".svg", ".map")

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if (
            "gzip" not in self.headers.get("Accept-Encoding", "")
            or path.suffix not in self.COMPRESS
            or not path.is_file()
            or not self.path.split("?")[0].endswith(("/", *self.COMPRESS))
        ):
            return super().send_head()
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, format, *args):
        pass


def _build(site: Path, base_url: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": base_url},
        check=True,
    )


def _scores(url: str, out: Path) -> dict[str, float]:
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={out}",
            f"--chrome-flags={CHROME_FLAGS}",
            "--only-categories=" + ",".join(CATEGORIES),
            "--form-factor=mobile",
        ],
        env=env,
        check=True,
    )
    report = json.loads(out.read_text(encoding="utf-8"))
    failing = [
        audit["id"]
        for audit in report["audits"].values()
        if audit.get("score") is not None and audit["score"] < 1 and audit.get("scoreDisplayMode") == "binary"
    ]
    scores = {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}
    scores["failing binary audits"] = ", ".join(sorted(failing)) or "-"
    scores["metrics"] = "  ".join(
        f"{label} {report['audits'][audit]['displayValue']}"
        for label, audit in METRICS.items()
        if report["audits"].get(audit, {}).get("displayValue")
    )
    return scores


def _median(runs: list[dict]) -> dict:
    """Each category's median over the runs; the metrics and failing audits of the run with the median performance."""
    middle = sorted(runs, key=lambda run: run["performance"])[len(runs) // 2]
    return {
        **middle,
        **{name: statistics.median(run[name] for run in runs) for name in CATEGORIES},
        "spread": f"{min(run['performance'] for run in runs)}-{max(run['performance'] for run in runs)}",
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", nargs="*", default=PAGES, help="paths under the site root ('' is the home page)")
    parser.add_argument("--runs", type=int, default=3, help="runs per page; the median is printed (default 3)")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        print(f"{LIGHTHOUSE} is missing: run `npm ci` (package.json pins lighthouse 12.2.3)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as tmp:
        site = Path(tmp) / "site"
        server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
        base_url = f"http://127.0.0.1:{server.server_address[1]}/"
        _build(site, base_url)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            load = " ".join(f"{value:.2f}" for value in os.getloadavg())
            print(f"Lighthouse 12.2.3, mobile preset, {base_url}: median of {args.runs} runs; load average {load}")
            header = f"{'page':<24} {'perf':>5} {'a11y':>5} {'best':>5} {'seo':>5}  {'perf range':>10}"
            print(f"{header}  failing binary audits")
            for path in args.pages:
                runs = [_scores(base_url + path, Path(tmp) / "report.json") for _ in range(args.runs)]
                scores = _median(runs)
                print(
                    f"{'/' + path:<24} {scores['performance']:>5g} {scores['accessibility']:>5g} "
                    f"{scores['best-practices']:>5g} {scores['seo']:>5g}  {scores['spread']:>10}  "
                    f"{scores['failing binary audits']}"
                )
                print(f"{'':<24} {scores['metrics']}")
        finally:
            server.shutdown()
            server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

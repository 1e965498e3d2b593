"""Print Lighthouse's four category scores (mobile preset) for the home page, an actor page and a scenario page.

A report, not a test: it never fails on a score (it fails only if the site cannot be built or Lighthouse cannot
run). It builds the real site into a temporary folder with site_url equal to a local server's origin, serves it on
127.0.0.1, and runs npm's lighthouse@12.2.3 (`npm ci` installs it) against Debian's Chromium (CHROME_PATH, default
/usr/bin/chromium). Targets (issue 5): performance >= 95, accessibility 100, best practices 100, SEO 100.
Run: `.venv/bin/python bench/lighthouse.py [--pages "" actors/russia/ scenarios/split/]`.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import io
import json
import os
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
PAGES = ["", "actors/russia/", "scenarios/split/"]
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", nargs="*", default=PAGES, help="paths under the site root ('' is the home page)")
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
            print(f"Lighthouse 12.2.3, mobile preset, {base_url}")
            print(f"{'page':<22} {'perf':>5} {'a11y':>5} {'best':>5} {'seo':>5}  failing binary audits")
            for path in args.pages:
                scores = _scores(base_url + path, Path(tmp) / "report.json")
                print(
                    f"{'/' + path:<22} {scores['performance']:>5} {scores['accessibility']:>5} "
                    f"{scores['best-practices']:>5} {scores['seo']:>5}  {scores['failing binary audits']}"
                )
                print(f"{'':<22} {scores['metrics']}")
        finally:
            server.shutdown()
            server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

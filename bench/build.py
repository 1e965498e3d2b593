"""Print the real site's build figures: full build time, the home page's transfer size, the search index size.

A report, not a test: it never fails on a number. Run it with `make bench` or
`.venv/bin/python bench/build.py [--runs N]`.
"""

from __future__ import annotations

import argparse
import gzip
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

ROOT = Path(__file__).resolve().parent.parent


def build(site_dir: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site_dir)],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=True,
    )
    return time.perf_counter() - start


def home_page_assets(site_dir: Path) -> dict[str, list[Path]]:
    """The files a browser fetches for the home page, by kind (HTML, CSS, JS), from its own tags."""
    home = site_dir / "index.html"
    page = LexborHTMLParser(home.read_text(encoding="utf-8"))
    css = [site_dir / link.attributes["href"] for link in page.css('link[rel="stylesheet"]')]
    js = [site_dir / script.attributes["src"] for script in page.css("script[src]")]
    return {"HTML": [home], "CSS": [p for p in css if p.is_file()], "JS": [p for p in js if p.is_file()]}


def kib(size: int) -> str:
    return f"{size / 1024:7.1f} KiB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3, help="builds to time (the median is reported)")
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as tmp:
        site_dir = Path(tmp) / "site"
        times = [build(site_dir) for _ in range(runs)]
        print(
            f"full build (mkdocs build --strict), median of {runs}: {statistics.median(times):.2f} s"
            f"  (min {min(times):.2f} s, max {max(times):.2f} s)"
        )
        pages = len(list(site_dir.rglob("*.html")))
        print(f"pages built: {pages}")
        print("home page transfer size (raw / gzip):")
        total_raw = total_gzip = 0
        for kind, files in home_page_assets(site_dir).items():
            raw = sum(p.stat().st_size for p in files)
            packed = sum(len(gzip.compress(p.read_bytes(), 9)) for p in files)
            total_raw, total_gzip = total_raw + raw, total_gzip + packed
            print(f"  {kind:4} {kib(raw)} / {kib(packed)}  ({len(files)} file{'s' if len(files) != 1 else ''})")
        print(f"  all  {kib(total_raw)} / {kib(total_gzip)}")
        index = site_dir / "search" / "search_index.json"
        print(f"search index: {kib(index.stat().st_size)} raw / {kib(len(gzip.compress(index.read_bytes(), 9)))} gzip")


if __name__ == "__main__":
    main()

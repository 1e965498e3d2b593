"""Print how long figure generation adds to a build of the real site: the work hooks/figures.py does, step by step.

A report, not a test: it never fails on a number. It runs the same pure functions as the hook, in process,
on the real docs/ and data/: `.venv/bin/python bench/figures.py [--runs N]`.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from sitemodel.frontmatter import read_pages  # noqa: E402
from sitemodel.paragraphs import read_paragraphs  # noqa: E402
from svgfigures import DATA_FILES, figure_svgs, load_site_data, replace_markers  # noqa: E402


def once() -> dict[str, float]:
    docs = ROOT / "docs"
    uris = [p.relative_to(docs).as_posix() for p in sorted(docs.rglob("*.md"))]
    times = {}
    start = time.perf_counter()
    pages = read_pages(docs, uris, "docs")
    times["read front matter"] = time.perf_counter() - start
    start = time.perf_counter()
    files = {n: (ROOT / "data" / n).read_text(encoding="utf-8") for n in DATA_FILES if (ROOT / "data" / n).is_file()}
    paragraphs = frozenset(paragraph.n for paragraph in read_paragraphs(ROOT))
    data = load_site_data(pages, files, paragraphs=paragraphs)
    times["load and check data"] = time.perf_counter() - start
    start = time.perf_counter()
    svgs = figure_svgs(data)
    times["render SVGs"] = time.perf_counter() - start
    start = time.perf_counter()
    for uri, page in pages.items():
        replace_markers(page.body, uri, data)
    times["replace markers (all pages)"] = time.perf_counter() - start
    times["total"] = sum(times.values())
    once.sizes = {name: len(svg.encode()) for name, svg in svgs.items()}  # type: ignore[attr-defined]
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20, help="runs to time (the median is reported)")
    runs = parser.parse_args().runs
    results = [once() for _ in range(runs)]
    print(f"figure generation on the real site, median of {runs} runs (first run {results[0]['total'] * 1000:.1f} ms):")
    for step in results[0]:
        print(f"  {step:<30} {statistics.median(r[step] for r in results) * 1000:7.2f} ms")
    for name, size in once.sizes.items():  # type: ignore[attr-defined]
        print(f"  {name:<30} {size / 1024:7.1f} KiB")


if __name__ == "__main__":
    main()

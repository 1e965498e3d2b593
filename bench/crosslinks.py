"""Print the cross-linker's figures on a generated site that looks like real documentation.

The corpus comes from tests/generated_pages.py: prose with curly quotes, dashes, no-break spaces and
emoji, inline code and links, code blocks, tables, admonitions, tabs, footnotes, abbreviations, and a
few very large pages. In memory, it prints the floor (a C HTML5 parser, lexbor through selectolax,
parsing and serialising the same HTML), linking with many and with few terms, and their ratios,
each the best and the median of runs taken in turn. Then it builds the site with and without the
hook, in turn, and says where the difference goes. A report, not a test: it never fails on a number.

CPU times move with the load of the machine; `--instructions` also counts, with valgrind's callgrind,
the instructions of each in-memory measurement, a figure that stays put on a busy machine, and
`--build-instructions` those of a full build with and without the hook: on a machine where builds vary
by several per cent from run to run, the only figure that can tell a build 2% slower from one that is not.

    .venv/bin/python bench/crosslinks.py [--pages 2000] [--terms 1000] [--repeat 5] [--builds 3] [--no-build]
                                         [--instructions [PAGES]] [--build-instructions [PAGES]]
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import random
import re
import resource
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import time
import zlib
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "hooks"), str(ROOT / "tests")]

from crosslinker import Linker, build_registry  # noqa: E402
from crosslinker.scanner import scan  # noqa: E402
from generated_pages import FUNCTION_WORDS, PageWriter, Renderer, markdown_extensions, vocabulary  # noqa: E402
from selectolax.lexbor import LexborHTMLParser  # noqa: E402

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

HOOK = ROOT / "hooks" / "crosslinks.py"
BUILD_ENV = {"NO_MKDOCS_2_WARNING": "1"}
# Instructions counted, nothing written; hashing seeded, so that two runs of one program count alike.
CALLGRIND = ("valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null")
CALLGRIND_ENV = {"PYTHONHASHSEED": "0"}
FEW_TERMS = 10
LARGE_PAGE_EVERY = 400  # one page in this many is a very large one (a changelog, an API reference)
LARGE_PAGE_BLOCKS = 600


def _png() -> bytes:
    """The pages' one image, so that no image link is broken: a transparent pixel."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 6, 0, 0, 0)  # 1x1, 8 bits, RGBA
    pixels = zlib.compress(b"\0" * 5)  # one row: its filter byte and one pixel
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


MKDOCS_YML = """\
site_name: Crosslinks benchmark
theme:
  name: material
  custom_dir: {overrides}
markdown_extensions:
{extensions}
plugins:
  - search
# Only two pages in the nav: Material renders the whole nav into every page, which would make a
# 2,000-page build quadratic and drown the figure we want.
nav:
  - index.md
  - glossary.md
{hooks}"""

# -----------------------------------------------------------------------------
# Corpus
# -----------------------------------------------------------------------------


def make_corpus(pages: int, terms: int, seed: int) -> tuple[dict[str, str], dict[str, list[dict]]]:
    """Markdown sources {src path: text} and the terms {src path: entries} they own."""
    rnd = random.Random(seed)
    words = vocabulary(rnd, 6000)
    used: set[str] = set()
    names: list[str] = []
    owned: dict[str, list[dict]] = {}
    while len(names) < terms:
        kind = rnd.random()
        if kind < 0.05:
            name = "".join(rnd.choices("ABCDEFGHKLMNPRSTUVZ", k=rnd.randint(3, 4)))
        elif kind < 0.45:
            name = rnd.choice(words).capitalize()
        elif kind < 0.85:
            name = f"{rnd.choice(words)} {rnd.choice(words)}"
        else:
            name = f"{rnd.choice(words)} {rnd.choice(FUNCTION_WORDS)} {rnd.choice(words).capitalize()}"
        if name.lower() in used:
            continue
        used.add(name.lower())
        entry: dict = {"name": name}
        if name.isupper():
            entry["case_sensitive"] = True
        elif rnd.random() < 0.3 and (name + "s").lower() not in used:
            used.add((name + "s").lower())
            entry["aliases"] = [name + "s"]
        owned.setdefault(f"p{len(names) % pages:05d}.md", []).append(entry)
        names.append(name)
    # Prose words never collide with term names by chance: in real text a term is mentioned on
    # purpose, not because a filler word happens to be a glossary entry.
    term_words = {word.lower() for name in names for word in name.split()}
    prose = [word for word in words if word not in term_words]
    links = [f"p{n:05d}.md" for n in range(pages)]
    sources = {}
    for n in range(pages):
        src = f"p{n:05d}.md"
        writer = PageWriter(rnd, names, words=prose, links=rnd.sample(links, min(20, pages)))
        blocks = LARGE_PAGE_BLOCKS if n % LARGE_PAGE_EVERY == LARGE_PAGE_EVERY // 2 else rnd.randint(5, 20)
        sources[src] = f"---\ntitle: Page {n}\n{_terms_yaml(owned.get(src, []))}---\n\n{writer.page(blocks)}"
    return sources, owned


def _terms_yaml(entries: list[dict]) -> str:
    if not entries:
        return ""
    out = ["terms:"]
    for entry in entries:
        out.append(f"  - name: {json.dumps(entry['name'], ensure_ascii=False)}")
        if entry.get("aliases"):
            out.append(f"    aliases: {json.dumps(entry['aliases'], ensure_ascii=False)}")
        if entry.get("case_sensitive"):
            out.append("    case_sensitive: true")
    return "\n".join(out) + "\n"


def render(sources: dict[str, str]) -> dict[str, str]:
    """Each page's HTML, as the site's Markdown extensions write it (what the hook links)."""
    markdown = Renderer()
    return {src: markdown(text.split("---\n", 2)[2]) for src, text in sources.items()}


def few_terms(owned: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """The first FEW_TERMS terms, by page."""
    few: dict[str, list[dict]] = {}
    for src in sorted(owned):
        for entry in owned[src]:
            if sum(map(len, few.values())) < FEW_TERMS:
                few.setdefault(src, []).append(entry)
    return few


# -----------------------------------------------------------------------------
# Measurements
# -----------------------------------------------------------------------------


def timed_in_turn(runs: dict[str, Callable[[], object]], repeat: int) -> dict[str, list[float]]:
    """CPU seconds of each run, `repeat` times, the runs taken in turn so that a busy moment of
    the machine weighs on all of them alike."""
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(repeat):
        for name, run in runs.items():
            start = time.process_time()
            run()
            times[name].append(time.process_time() - start)
    return times


def link_all(linker: Linker, pages: dict[str, str]) -> int:
    return sum(
        linker.link(html, page=src, url_for=lambda page, anchor: page[:-3] + "/").links_added
        for src, html in pages.items()
    )


def scan_all(pages: dict[str, str]) -> None:
    for html in pages.values():
        scan(html)


def parse_all(pages: dict[str, str]) -> None:
    for html in pages.values():
        LexborHTMLParser(html).html  # noqa: B018 - serialising is half the floor


def instructions(corpus: Path, kind: str) -> int:
    """Instructions that one run of `kind` ("floor", "many" or "few") executes, counted by callgrind:
    a child process makes the linkers and runs `kind` once to warm up, then once more or not at all,
    and the difference is the run's count. Hashing is seeded so that both children do the same."""

    def counted(runs: int) -> int:
        child = [sys.executable, __file__, "--count-instructions", kind, str(runs), str(corpus)]
        result = subprocess.run(
            [*CALLGRIND, *child], env={**os.environ, **CALLGRIND_ENV}, capture_output=True, text=True, check=True
        )
        return _collected(result.stderr)

    return counted(1) - counted(0)


def _count_instructions(kind: str, runs: str, corpus: str) -> None:
    """The child of `instructions`: warm up, then run `kind` `runs` times."""
    pages, owned = pickle.loads(Path(corpus).read_bytes())
    linker = Linker(build_registry(owned if kind == "many" else few_terms(owned)))
    run = (lambda: parse_all(pages)) if kind == "floor" else (lambda: link_all(linker, pages))
    for _ in range(1 + int(runs)):
        run()


def write_site(folder: Path, sources: dict[str, str]) -> None:
    """The generated site in `folder`: its docs/, and with.yml and without.yml, which differ only by the hook."""
    docs = folder / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("---\ntitle: Home\n---\nA generated site.\n", encoding="utf-8")
    (docs / "glossary.md").write_text("---\ntitle: Glossary\n---\n<!-- glossary -->\n", encoding="utf-8")
    for src, text in sources.items():
        (docs / src).write_text(text, encoding="utf-8")
    (docs / "img").mkdir()
    (docs / "img" / "figure.png").write_bytes(_png())
    extensions, configs = markdown_extensions()
    extension_lines = "\n".join(
        f"  - {name}:" + "".join(f"\n      {key}: {json.dumps(value)}" for key, value in configs[name].items())
        if name in configs
        else f"  - {name}"
        for name in extensions
    )
    fill = {"overrides": ROOT / "overrides", "extensions": extension_lines}
    (folder / "with.yml").write_text(MKDOCS_YML.format(**fill, hooks=f"hooks:\n  - {HOOK}\n"), encoding="utf-8")
    (folder / "without.yml").write_text(MKDOCS_YML.format(**fill, hooks=""), encoding="utf-8")


def build(folder: Path, config: str, site: Path) -> tuple[float, float, str]:
    """Wall-clock and CPU seconds of one `mkdocs build` in a fresh process, and its log. CPU time
    counts only the build's own work, so it moves much less than wall time on a busy machine."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(
        _mkdocs_build(folder / config, site),
        env={**os.environ, **BUILD_ENV},
        capture_output=True,
        text=True,
        check=True,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, result.stderr


def build_instructions(folder: Path) -> dict[str, int]:
    """Instructions of one full build without and with the hook ({"without": n, "with": n}), counted by
    callgrind, both builds at once (each in its own process, so one core each)."""
    children = {
        kind: subprocess.Popen(
            [*CALLGRIND, *_mkdocs_build(folder / f"{kind}.yml", folder / f"site-{kind}")],
            env={**os.environ, **BUILD_ENV, **CALLGRIND_ENV},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for kind in ("without", "with")
    }
    counts = {}
    for kind, child in children.items():
        _, log = child.communicate()
        if child.returncode:
            raise SystemExit(f"the build {kind} the hook failed under callgrind:\n{log[-3000:]}")
        counts[kind] = _collected(log)
    return counts


def _mkdocs_build(config: Path, site: Path) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(site)]


def _collected(callgrind_log: str) -> int:
    """The instructions callgrind counted, from its log."""
    return int(re.search(r"Collected : (\d+)", callgrind_log).group(1))


def profiled_build(config: Path, site: Path) -> dict[str, float]:
    """CPU seconds spent in each plugin's and hook's events during one build (in a child process)."""
    result = subprocess.run(
        [sys.executable, __file__, "--profile-build", str(config), str(site)],
        env={**os.environ, **BUILD_ENV},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def _profile_build(config_file: str, site_dir: str) -> None:
    """Build with every event handler timed; print {"plugin event": seconds, ...} as JSON."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    config = load_config(config_file, site_dir=site_dir)
    spent: dict[str, float] = {}
    plugins = config.plugins
    for event, methods in plugins.events.items():
        for position, method in enumerate(methods):
            name = f"{plugins._event_origins.get(method, '?')} on_{event}"

            def timed(*args, _method=method, _name=name, **kwargs):
                start = time.process_time()
                try:
                    return _method(*args, **kwargs)
                finally:
                    spent[_name] = spent.get(_name, 0.0) + time.process_time() - start

            methods[position] = timed
    start = time.process_time()
    mkdocs_build(config)
    spent["total build"] = time.process_time() - start
    print(json.dumps(spent))


def report_build_instructions(pages: int, terms: int, seed: int) -> None:
    """Print the instructions of a full build with the hook against one without, and how much of the difference
    is linking (counted in memory on the same pages, as `instructions` counts it)."""
    sources, owned = make_corpus(pages, terms, seed)
    with tempfile.TemporaryDirectory(prefix="crosslinks-bench-") as tmp:
        folder = Path(tmp)
        write_site(folder, sources)
        corpus = folder / "corpus.pickle"
        corpus.write_bytes(pickle.dumps((render(sources), owned)))
        builds = build_instructions(folder)
        linking = instructions(corpus, "many")
    without, with_hook = builds["without"], builds["with"]
    print(f"full build, instructions (callgrind, one build of each, {pages} pages, {terms} terms):")
    print(
        f"  without the hook {without / 1e9:.2f} G; with it {with_hook / 1e9:.2f} G: "
        f"{(with_hook / without - 1) * 100:+.1f}%, of which linking {linking / without * 100:.1f}% "
        f"and the rest of the hook {(with_hook - without - linking) / without * 100:.1f}%"
    )


def _round_ratios(times: list[float], baselines: list[float]) -> str:
    ratios = sorted(t / b for t, b in zip(times, baselines, strict=True))
    return f"per round, median {statistics.median(ratios):.2f}x (from {ratios[0]:.2f}x to {ratios[-1]:.2f}x)"


def summary(times: list[float], unit: float = 1.0, fmt: str = "{:.1f}") -> str:
    return f"best {fmt.format(min(times) * unit)}, median {fmt.format(statistics.median(times) * unit)}"


# -----------------------------------------------------------------------------
# Report
# -----------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--terms", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=5, help="in-memory runs of each kind, taken in turn")
    parser.add_argument("--builds", type=int, default=3, help="full builds of each kind, taken in turn")
    parser.add_argument("--no-build", action="store_true", help="skip the full MkDocs builds")
    parser.add_argument(
        "--instructions",
        type=int,
        nargs="?",
        const=400,
        metavar="PAGES",
        help="count instructions too, on the first PAGES pages (default 400; needs valgrind)",
    )
    parser.add_argument(
        "--build-instructions",
        type=int,
        nargs="?",
        const=400,
        metavar="PAGES",
        help="count the instructions of a full build with and without the hook, on a site of PAGES pages and "
        "--terms terms (default 400 pages; needs valgrind; about twenty minutes)",
    )
    parser.add_argument("--profile-build", nargs=2, metavar=("CONFIG", "SITE"), help=argparse.SUPPRESS)
    parser.add_argument("--count-instructions", nargs=3, metavar=("KIND", "RUNS", "CORPUS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.profile_build:
        _profile_build(*args.profile_build)
        return
    if args.count_instructions:
        _count_instructions(*args.count_instructions)
        return
    if (args.instructions or args.build_instructions) and shutil.which("valgrind") is None:
        parser.error("instructions are counted with valgrind: install it first (apt-get install valgrind)")

    print(f"load average at start: {' '.join(f'{x:.1f}' for x in os.getloadavg())} ({os.cpu_count()} CPUs)")
    sources, owned = make_corpus(args.pages, args.terms, args.seed)
    start = time.perf_counter()
    pages = render(sources)
    sizes = sorted(len(html.encode()) for html in pages.values())
    megabytes = sum(sizes) / 1e6
    non_ascii = sum(not html.isascii() for html in pages.values())
    print(
        f"corpus: {len(pages)} pages, {megabytes:.1f} MB of HTML (median page {sizes[len(sizes) // 2] / 1e3:.0f} kB, "
        f"largest {sizes[-1] / 1e6:.1f} MB), {non_ascii} pages with non-ASCII text; "
        f"rendered in {time.perf_counter() - start:.0f} s"
    )

    many = Linker(build_registry(owned))
    few = Linker(build_registry(few_terms(owned)))
    links_many, links_few = link_all(many, pages), link_all(few, pages)
    times = timed_in_turn(
        {
            "floor": lambda: parse_all(pages),
            "scan": lambda: scan_all(pages),
            "many": lambda: link_all(many, pages),
            "few": lambda: link_all(few, pages),
        },
        args.repeat,
    )
    per_mb = 1000 / megabytes
    floor, linking, linking_few = (min(times[name]) for name in ("floor", "many", "few"))
    print(f"CPU ms per MB of HTML ({args.repeat} runs each, in turn):")
    print(f"  floor, lexbor parse + serialise: {summary(times['floor'], per_mb)}")
    print(f"  scanning alone (the text and its map, no terms): {summary(times['scan'], per_mb)}")
    print(f"  linking, {len(many.registry.terms)} terms: {summary(times['many'], per_mb)} ({links_many} links)")
    print(f"  linking, {len(few.registry.terms)} terms: {summary(times['few'], per_mb)} ({links_few} links)")
    # The floor moves from run to run more than linking does (a C parser is at the mercy of the
    # allocator and the caches): each round's ratio, taken back to back, is the steadier figure.
    print(
        f"linking {len(many.registry.terms)} terms / floor: {linking / floor:.2f}x best against best; "
        f"{_round_ratios(times['many'], times['floor'])}"
    )
    print(
        f"scanning alone / floor: {min(times['scan']) / floor:.2f}x best against best; "
        f"{_round_ratios(times['scan'], times['floor'])}"
    )
    print(
        f"linking {len(many.registry.terms)} terms / {len(few.registry.terms)} terms: "
        f"{linking / linking_few:.2f}x best against best; {_round_ratios(times['many'], times['few'])}"
    )
    if args.instructions:
        # Under callgrind a run takes about fifty times as long: count on a sample of the pages (the
        # first few hundred hold a very large one, see LARGE_PAGE_EVERY).
        sample = dict(list(pages.items())[: args.instructions])
        with tempfile.TemporaryDirectory(prefix="crosslinks-bench-") as tmp:
            corpus = Path(tmp) / "corpus.pickle"
            corpus.write_bytes(pickle.dumps((sample, owned)))
            counts = {kind: instructions(corpus, kind) for kind in ("floor", "many", "few")}
        sample_bytes = sum(len(html.encode()) for html in sample.values())
        print(f"instructions per byte of HTML (callgrind, one run of each on the first {len(sample)} pages):")
        print(f"  floor, lexbor parse + serialise: {counts['floor'] / sample_bytes:.0f}")
        print(f"  linking, {len(many.registry.terms)} terms: {counts['many'] / sample_bytes:.0f}")
        print(f"  linking, {len(few.registry.terms)} terms: {counts['few'] / sample_bytes:.0f}")
        print(
            f"  linking {len(many.registry.terms)} terms / floor: {counts['many'] / counts['floor']:.2f}x; "
            f"{len(many.registry.terms)} terms / {len(few.registry.terms)} terms: {counts['many'] / counts['few']:.2f}x"
        )

    if args.build_instructions:
        report_build_instructions(args.build_instructions, args.terms, args.seed)
    if args.no_build:
        return
    with tempfile.TemporaryDirectory(prefix="crosslinks-bench-") as tmp:
        folder = Path(tmp)
        write_site(folder, sources)
        runs: dict[str, dict[str, list[float]]] = {kind: {"wall": [], "cpu": []} for kind in ("without", "with")}
        for _ in range(args.builds):  # in turn, against a busy machine
            for kind in runs:
                wall, cpu, _log = build(folder, f"{kind}.yml", folder / f"site-{kind}")
                runs[kind]["wall"].append(wall)
                runs[kind]["cpu"].append(cpu)
        print(f"full build, seconds ({args.builds} of each, in turn):")
        for clock in ("cpu", "wall"):
            without, with_hook = runs["without"][clock], runs["with"][clock]
            print(
                f"  {clock.upper():4} without the hook {summary(without, fmt='{:.2f}')}; "
                f"with it {summary(with_hook, fmt='{:.2f}')}; difference "
                f"{(min(with_hook) / min(without) - 1) * 100:+.1f}% best against best, "
                f"{(statistics.median(with_hook) / statistics.median(without) - 1) * 100:+.1f}% median against median"
            )
        events_without = profiled_build(folder / "without.yml", folder / "site-profile-without")
        events_with = profiled_build(folder / "with.yml", folder / "site-profile-with")
        total = events_without["total build"]
        print("where the time goes (one profiled build of each; CPU ms, and % of the build without the hook):")
        hook_events = {name: s for name, s in events_with.items() if name.startswith(str(HOOK)) or "crosslinks" in name}
        for name, seconds in sorted(hook_events.items(), key=lambda item: -item[1]):
            print(f"  {name.rsplit(' ', 1)[-1]:<18} {seconds * 1000:7.0f} ms  {seconds / total * 100:5.1f}%")
        others = sorted(set(events_with) & set(events_without) - {"total build"})
        changed = [(name, events_with[name] - events_without[name]) for name in others]
        changed = [item for item in changed if abs(item[1]) > 0.005]
        for name, delta in sorted(changed, key=lambda item: -abs(item[1]))[:4]:
            print(f"  other: {name:<30} {delta * 1000:+7.0f} ms")
        rest = (events_with["total build"] - sum(s for n, s in events_with.items() if n != "total build")) - (
            total - sum(s for n, s in events_without.items() if n != "total build")
        )
        print(f"  outside any event (reading, rendering, writing pages): {rest * 1000:+7.0f} ms")
        report = re.search(r"crosslinks: .*", build(folder, "with.yml", folder / "site-with")[2])
        if report:
            print(f"hook report: {report.group()}")


if __name__ == "__main__":
    main()

"""Print the cross-linker's figures on a synthetic site: ms per MB, the floor, term scaling, build overhead.

It generates a deterministic site (prose with term mentions, code blocks, tables, admonitions,
existing links), renders it with Python-Markdown for the in-memory figures, then builds it with and
without the hook. A report, not a test: it never fails on a number.

    .venv/bin/python bench/crosslinks.py [--pages 2000] [--terms 1000] [--repeat 3] [--builds 2] [--no-build]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import markdown

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from crosslinker import Linker, build_registry, scan, tokens  # noqa: E402

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

EXTENSIONS = [
    "abbr",
    "admonition",
    "attr_list",
    "def_list",
    "footnotes",
    "md_in_html",
    "tables",
    "toc",
    "pymdownx.details",
    "pymdownx.superfences",
    "pymdownx.tabbed",
]
EXTENSION_CONFIGS = {"toc": {"permalink": True}, "pymdownx.tabbed": {"alternate_style": True}}

# fmt: off
FUNCTION_WORDS = (
    "the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "with", "as", "by", "it", "from", "at",
    "this", "be", "has", "an", "its", "was", "which", "or",
)
SYLLABLES = (
    "ka", "lo", "min", "ter", "sa", "vo", "rul", "den", "pa", "ri", "ost", "em", "bal", "nor", "tik", "ven",
    "dra", "sel", "mo", "ur", "gan", "fi", "ble",
)
# fmt: on

MKDOCS_YML = """\
site_name: Crosslinks benchmark
theme:
  name: material
  custom_dir: {overrides}
markdown_extensions:
  - abbr
  - admonition
  - attr_list
  - def_list
  - footnotes
  - md_in_html
  - tables
  - toc:
      permalink: true
  - pymdownx.details
  - pymdownx.superfences
  - pymdownx.tabbed:
      alternate_style: true
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
    vocabulary = sorted({"".join(rnd.choices(SYLLABLES, k=rnd.randint(2, 4))) for _ in range(6000)})
    used: set[str] = set()
    names: list[str] = []
    owned: dict[str, list[dict]] = {}
    while len(names) < terms:
        kind = rnd.random()
        if kind < 0.05:
            name = "".join(rnd.choices("ABCDEFGHKLMNPRSTUVZ", k=rnd.randint(3, 4)))
        elif kind < 0.45:
            name = rnd.choice(vocabulary).capitalize()
        elif kind < 0.85:
            name = f"{rnd.choice(vocabulary)} {rnd.choice(vocabulary)}"
        else:
            name = f"{rnd.choice(vocabulary)} {rnd.choice(FUNCTION_WORDS)} {rnd.choice(vocabulary).capitalize()}"
        if name.lower() in used:
            continue
        used.add(name.lower())
        entry: dict = {"name": name}
        if name.isupper():
            entry["case_sensitive"] = True
        elif rnd.random() < 0.3:
            alias = name + "s"
            if alias.lower() not in used:
                used.add(alias.lower())
                entry["aliases"] = [alias]
        owner = f"p{len(names) % pages:05d}.md"
        owned.setdefault(owner, []).append(entry)
        names.append(name)
    acronyms = [n for n in names if n.isupper()]
    # Prose words never collide with term names by chance: in real text a term is mentioned on purpose
    # (below, in 70% of sentences), not because a random filler word happens to be a glossary entry.
    term_words = {word.lower() for name in names for word in name.split()}
    vocabulary = [word for word in vocabulary if word not in term_words]
    # Zipf-like: a few terms are everywhere, most are rare.
    weights = [1 / (rank + 1) for rank in range(len(names))]

    def sentence() -> str:
        words = rnd.choices(vocabulary, k=rnd.randint(8, 18))
        for i in range(len(words)):
            if rnd.random() < 0.3:
                words[i] = rnd.choice(FUNCTION_WORDS)
        if rnd.random() < 0.7:
            words.insert(rnd.randrange(len(words)), rnd.choices(names, weights)[0])
        if rnd.random() < 0.1:
            words.insert(rnd.randrange(len(words)), f"`{rnd.choice(vocabulary)}`")
        if rnd.random() < 0.1:
            words.insert(rnd.randrange(len(words)), f"**{rnd.choice(vocabulary)}**")
        if rnd.random() < 0.08:
            words.insert(rnd.randrange(len(words)), f"[{rnd.choice(names)}](p{rnd.randrange(pages):05d}.md)")
        text = " ".join(words)
        return text[0].upper() + text[1:] + "."

    def paragraph() -> str:
        lines, line = [], []
        for s in (sentence() for _ in range(rnd.randint(3, 6))):
            line.append(s)
            if rnd.random() < 0.5:  # hard-wrapped source, as editors write it
                lines.append(" ".join(line))
                line = []
        lines.append(" ".join(line))
        return "\n".join(x for x in lines if x)

    sources = {}
    for n in range(pages):
        src = f"p{n:05d}.md"
        blocks = [f"---\ntitle: Page {n}\n{_terms_yaml(owned.get(src, []))}---\n"]
        for k in range(rnd.randint(5, 9)):
            if k and k % 3 == 0:
                blocks.append(f"## Section {k} {{ #s{k} }}")
            blocks.append(paragraph())
            roll = rnd.random()
            if roll < 0.15:
                blocks.append(
                    "```python\n"
                    + "\n".join(f"{rnd.choice(vocabulary)} = '{rnd.choice(names)}'" for _ in range(6))
                    + "\n```"
                )
            elif roll < 0.25:
                rows = ["| a | b | c |", "|---|---|---|"] + [
                    f"| {rnd.choice(names)} | {rnd.choice(vocabulary)} | {rnd.randint(1, 99)} |" for _ in range(4)
                ]
                blocks.append("\n".join(rows))
            elif roll < 0.32:
                blocks.append(f'!!! info "{rnd.choice(names)}"\n    ' + paragraph().replace("\n", "\n    "))
            elif roll < 0.37:
                blocks.append(f"> {paragraph()}".replace("\n", "\n> "))
        blocks.extend(f"*[{a}]: {a} in full" for a in acronyms[:20])
        sources[src] = "\n\n".join(blocks) + "\n"
    return sources, owned


def _terms_yaml(entries: list[dict]) -> str:
    if not entries:
        return ""
    out = ["terms:"]
    for entry in entries:
        out.append(f"  - name: {entry['name']}")
        if entry.get("aliases"):
            out.append(f"    aliases: [{', '.join(entry['aliases'])}]")
        if entry.get("case_sensitive"):
            out.append("    case_sensitive: true")
    return "\n".join(out) + "\n"


def render(sources: dict[str, str]) -> dict[str, str]:
    md = markdown.Markdown(extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS)
    out = {}
    for src, text in sources.items():
        body = text.split("---\n", 2)[2]
        out[src] = md.reset().convert(body)
    return out


# -----------------------------------------------------------------------------
# Measurements
# -----------------------------------------------------------------------------


def best_of(repeat: int, run) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def link_all(linker: Linker, pages: dict[str, str]) -> None:
    for src, html in pages.items():
        linker.link(html, page=src, url_for=lambda page, anchor: page[:-3] + "/")


def build_site(folder: Path, config: str, site: Path) -> tuple[float, str]:
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(folder / config), "-d", str(site)],
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=True,
    )
    return time.perf_counter() - start, result.stderr


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--terms", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3, help="in-memory runs; the best is printed")
    parser.add_argument("--builds", type=int, default=2, help="full builds of each kind; the best is printed")
    parser.add_argument("--no-build", action="store_true", help="skip the full MkDocs builds")
    args = parser.parse_args()

    print(f"corpus: {args.pages} pages, {args.terms} terms (seed {args.seed})")
    sources, owned = make_corpus(args.pages, args.terms, args.seed)
    start = time.perf_counter()
    pages = render(sources)
    megabytes = sum(len(html.encode()) for html in pages.values()) / 1e6
    print(f"rendered {megabytes:.1f} MB of HTML with Python-Markdown in {time.perf_counter() - start:.1f} s")

    start = time.perf_counter()
    registry = build_registry(owned)
    linker = Linker(registry)
    setup = time.perf_counter() - start
    few = {}
    for src in sorted(owned):
        for entry in owned[src]:
            if sum(len(v) for v in few.values()) < 10:
                few.setdefault(src, []).append(entry)
    linker_few = Linker(build_registry(few))

    full = best_of(args.repeat, lambda: link_all(linker, pages))
    small = best_of(args.repeat, lambda: link_all(linker_few, pages))
    floor = best_of(args.repeat, lambda: [("".join(tokens(html))) for html in pages.values()])
    scanning = best_of(args.repeat, lambda: [scan(html) for html in pages.values()])
    links = sum(linker.link(html, page=src, url_for=lambda p, a: p).links_added for src, html in pages.items())
    links_few = sum(linker_few.link(html, page=src, url_for=lambda p, a: p).links_added for src, html in pages.items())

    print(f"registry + automaton for {len(registry.terms)} terms: {setup * 1000:.0f} ms")
    print(
        f"linking, {len(registry.terms)} terms: {full:.2f} s = {full * 1000 / megabytes:.0f} ms per MB ({links} links)"
    )
    print(f"linking, 10 terms:   {small:.2f} s = {small * 1000 / megabytes:.0f} ms per MB ({links_few} links)")
    print(f"ratio {len(registry.terms)} terms / 10 terms: {full / small:.2f}x")
    # Where the difference goes: scanning is the same for any number of terms; the rest is
    # matching (the automaton grows) and the work of each link the larger registry adds.
    print(
        f"  of which scanning the HTML (any number of terms): {scanning * 1000 / megabytes:.0f} ms per MB; "
        f"each extra link: {(full - small) / max(1, links - links_few) * 1e6:.2f} us"
    )
    print(
        f"floor, tokenize + reassemble (the linker's tokenizer): {floor * 1000 / megabytes:.0f} ms per MB; "
        f"linking is {full / floor:.1f}x the floor"
    )
    try:
        from selectolax.lexbor import LexborHTMLParser
    except ImportError:
        pass
    else:
        lexbor = best_of(args.repeat, lambda: [LexborHTMLParser(html).html for html in pages.values()])
        print(
            f"for comparison, selectolax (lexbor) parse + serialise: {lexbor * 1000 / megabytes:.0f} ms per MB; "
            f"linking is {full / lexbor:.1f}x that"
        )

    if args.no_build:
        return
    with tempfile.TemporaryDirectory(prefix="crosslinks-bench-") as tmp:
        folder = Path(tmp)
        docs = folder / "docs"
        docs.mkdir()
        (docs / "index.md").write_text("---\ntitle: Home\n---\nA synthetic site.\n", encoding="utf-8")
        (docs / "glossary.md").write_text("---\ntitle: Glossary\n---\n<!-- glossary -->\n", encoding="utf-8")
        for src, text in sources.items():
            (docs / src).write_text(text, encoding="utf-8")
        overrides = ROOT / "overrides"
        hook = ROOT / "hooks" / "crosslinks.py"
        (folder / "with.yml").write_text(MKDOCS_YML.format(overrides=overrides, hooks=f"hooks:\n  - {hook}\n"))
        (folder / "without.yml").write_text(MKDOCS_YML.format(overrides=overrides, hooks=""))
        times_without, times_with, hook_ms = [], [], []
        for _ in range(args.builds):  # alternate, and keep the best of each, against a busy machine
            times_without.append(build_site(folder, "without.yml", folder / "site-without")[0])
            seconds, log = build_site(folder, "with.yml", folder / "site-with")
            times_with.append(seconds)
            report = re.search(r"crosslinks: .*\((\d+) ms\)", log)
            if report:
                hook_ms.append(int(report.group(1)))
        without, with_hook = min(times_without), min(times_with)
        print(f"full build without the hook: {without:.1f} s (best of {args.builds})")
        print(f"full build with the hook:    {with_hook:.1f} s ({(with_hook / without - 1) * 100:+.1f}%)")
        if hook_ms:
            print(
                f"hook's own on_env time: {min(hook_ms)} ms = {min(hook_ms) / 1000 / without * 100:.1f}% of the build"
            )
            print(f"hook report: {report.group()}")


if __name__ == "__main__":
    main()

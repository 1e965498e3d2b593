"""Property tests for the SVG figures: any valid data gives well-formed, deterministic SVG that shows all of it."""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT / "hooks") not in sys.path:
    sys.path.insert(0, str(ROOT / "hooks"))

from svgfigures import KINDS, STATUSES, figure_svgs, load_site_data  # noqa: E402

SVG = "{http://www.w3.org/2000/svg}"
# Test data cites the article's ¶1-¶11; the hook passes the set from data/paragraphs.yml.
PARAGRAPHS = frozenset(range(1, 12))
words = st.text(alphabet="abcdefghij <>&\"'-", min_size=1, max_size=30).map(str.strip).filter(bool)


@st.composite
def sites(draw):
    ids = draw(st.lists(st.sampled_from("abcdefghijklmnop"), min_size=1, max_size=14, unique=True))
    titles = {i: draw(words) for i in ids}
    pairs = [(a, b) for a in ids for b in ids if a < b]
    chosen = (
        draw(st.lists(st.tuples(st.sampled_from(pairs), st.sampled_from(KINDS)), unique=True, max_size=20))
        if pairs
        else []
    )
    pages = {}
    for i in ids:
        ties = [
            {
                "to": b,
                "kind": k,
                "status": draw(st.sampled_from(STATUSES)),
                "says": f"{draw(words)} [¶{draw(st.integers(1, 11))}]",
            }
            for (a, b), k in chosen
            if a == i
        ]
        pages[f"actors/{i}.md"] = SimpleNamespace(
            path=f"docs/actors/{i}.md",
            meta_text="",  # errors would name no line; valid data raises none
            meta={
                "title": titles[i],
                "type": "actor",
                "ties": ties,
                "outlook": {"split": "x [¶8]", "status_quo": "y [¶9]"},
            },
        )
    pages["t.md"] = SimpleNamespace(path="docs/t.md", meta={"title": "T"}, meta_text="title: T\n")
    events = draw(
        st.lists(
            st.tuples(
                st.integers(1900, 2030),
                st.integers(0, 12),
                st.text(alphabet="abc xyz", min_size=1, max_size=40).map(str.strip).filter(bool),
            ),
            min_size=1,
            max_size=12,
        )
    )
    timeline = "events:\n" + "".join(
        f"  - {{when: '{y}{f'-{m:02d}' if m else ''}', event: E, label: '{label}', sources: [5], page: t.md}}\n"
        for y, m, label in events
    )
    values = draw(st.dictionaries(st.integers(1990, 2030), st.integers(0, 10_000), min_size=1, max_size=8))
    trade = "title: T\nunit: U\nsources: [5]\nvalues:\n" + "".join(
        f"  - {{year: {y}, value: {v}}}\n" for y, v in values.items()
    )
    return pages, {"timeline.yml": timeline, "trade.yml": trade}, chosen, events


@settings(max_examples=60, deadline=None)
@given(sites())
def test_any_valid_data_gives_wellformed_complete_deterministic_svg(site):
    pages, files, chosen, events = site
    data = load_site_data(pages, files, paragraphs=PARAGRAPHS)
    svgs = figure_svgs(data)
    assert svgs == figure_svgs(load_site_data(dict(reversed(list(pages.items()))), files, paragraphs=PARAGRAPHS))
    roots = {name: ET.fromstring(svg) for name, svg in svgs.items()}
    for root in roots.values():
        width, height = (float(n) for n in root.get("viewBox").split()[2:])
        assert width > 0 and height > 0
    ties = [g for g in roots["figures/partnership-map.svg"].iter(f"{SVG}g") if "tie" in g.get("class", "").split()]
    assert len(ties) == len(chosen)
    timeline = [g for g in roots["figures/timeline.svg"].iter(f"{SVG}g") if g.get("class") == "event"]
    assert len(timeline) == len(events)
    texts = [t.text for t in roots["figures/timeline.svg"].iter(f"{SVG}text")]
    joined = " ".join(t for t in texts if t)
    for _, _, label in events:
        assert all(word in joined for word in label.split())

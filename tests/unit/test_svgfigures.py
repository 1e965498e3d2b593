"""Unit tests for the pure package `svgfigures`: data checks, generated Markdown and SVG figures.

Exact outputs for small inputs, error messages that name file and entry, well-formed and
deterministic SVG, and golden files for the three figures (`UPDATE_GOLDEN=1` rewrites them).
"""

from __future__ import annotations

import os
import random
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT / "hooks") not in sys.path:  # pyproject.toml sets pythonpath = ["hooks"]; keep working without it
    sys.path.insert(0, str(ROOT / "hooks"))

from svgfigures import FigureDataError, figure_svgs, load_site_data, replace_markers  # noqa: E402
from svgfigures.model import citations, load_actors, load_layout, load_timeline, load_trade  # noqa: E402
from svgfigures.partnership_map import grid_positions, render_partnership_map  # noqa: E402
from svgfigures.sections import (  # noqa: E402
    link,
    render_outlook,
    render_scenario_matrix,
    render_ties,
    render_timeline_list,
)
from svgfigures.svg import num, wrap  # noqa: E402
from svgfigures.timeline import date_text, render_timeline  # noqa: E402
from svgfigures.trade import nice_step, render_trade  # noqa: E402

GOLDEN = ROOT / "tests" / "fixtures" / "figures-golden"
SVG = "{http://www.w3.org/2000/svg}"
# Test data cites the article's ¶1-¶11; the hook passes the set from data/paragraphs.yml.
PARAGRAPHS = frozenset(range(1, 12))


def page(path: str, **meta):
    """A page as `sitemodel.frontmatter.PageSource` gives it: the metadata and its YAML, for error lines."""
    return SimpleNamespace(path=path, meta=meta, meta_text=yaml.safe_dump(meta, sort_keys=False, allow_unicode=True))


def actor(actor_id: str, title: str, ties=None, outlook=None, **extra):
    meta = {
        "title": title,
        "type": "actor",
        "outlook": outlook
        if outlook is not None
        else {"split": f"{title} split [¶8].", "status_quo": f"{title} stays [¶9]."},
        **extra,
    }
    if ties is not None:
        meta["ties"] = ties
    return f"actors/{actor_id}.md", page(f"docs/actors/{actor_id}.md", **meta)


def tie(to: str, kind: str = "partnership", status: str = "stated", says: str = "They cooperate [¶5]."):
    return {"to": to, "kind": kind, "status": status, "says": says}


def small_pages(extra_ties=None):
    return dict(
        [
            actor(
                "alpha",
                "Alpha",
                [
                    tie("beta", "partnership", "stated", "Alpha and Beta trade [¶5, 6]."),
                    tie("beta", "dependence", "concern", "Some fear Alpha leans on Beta [¶5]."),
                ],
            ),
            actor("beta", "Beta"),
            actor(
                "gamma",
                "Gamma",
                [tie("alpha", "sanctions", "status-quo", "Gamma would sanction Alpha [¶6, 11].")] + (extra_ties or []),
            ),
            ("timeline.md", page("docs/timeline.md", title="Timeline", type="reference")),
            ("themes/trade.md", page("docs/themes/trade.md", title="Trade", type="theme")),
        ]
    )


TIMELINE = """\
events:
  - when: 2024
    event: Trade reaches a high.
    label: Trade peaks
    sources: [5]
    page: themes/trade.md#trade
  - when: 1972
    event: A visit
    label: A visit
    sources: [3]
    page: actors/alpha.md
  - when: "2023-09"
    event: A territory changes hands
    label: Territory changes hands
    sources: [10]
    page: actors/gamma.md
  - when: 2018
    context: true
    event: A deal is abandoned
    label: Deal abandoned
    sources: [7]
    page: actors/beta.md
"""
TRADE = """\
title: Alpha-Beta trade
unit: US$ billion
sources: [5]
values:
  - {year: 2024, value: 240}
  - {year: 2014, value: 88}
"""


@pytest.fixture
def data():
    return load_site_data(small_pages(), {"timeline.yml": TIMELINE, "trade.yml": TRADE}, paragraphs=PARAGRAPHS)


# ---------------------------------------------------------------- small helpers


@pytest.mark.parametrize(
    "text, expected",
    [
        ("no citation", []),
        ("one [¶5].", [5]),
        ("list [¶5, 7] and [¶1]", [5, 7, 1]),
        ("range [¶3-5]", [3, 4, 5]),
        ("en dash [¶3–4]", [3, 4]),
    ],
)
def test_citations(text, expected):
    assert citations(text) == expected


@pytest.mark.parametrize("text", ["[¶x]", "[¶5-3]", "[¶5,,6]"])
def test_citations_malformed(text):
    with pytest.raises(ValueError):
        citations(text)


@pytest.mark.parametrize(
    "value, expected", [(0, "0"), (1.0, "1"), (1.25, "1.2"), (-0.04, "0"), (12.349, "12.3"), (100, "100")]
)
def test_num(value, expected):
    assert num(value) == expected


@pytest.mark.parametrize("maximum, expected", [(240, 50), (88, 20), (5, 1), (1000, 200), (0, 1)])
def test_nice_step(maximum, expected):
    assert nice_step(maximum) == expected


def test_wrap():
    assert wrap("Baltic states and Eastern Europe", 16) == ["Baltic states", "and Eastern", "Europe"]
    assert wrap("", 10) == [""]


@pytest.mark.parametrize(
    "from_uri, target, expected",
    [
        ("actors/russia.md", "actors/china.md", "china.md"),
        ("actors/russia.md", "scenarios/split.md", "../scenarios/split.md"),
        ("timeline.md", "themes/trade.md#trade", "themes/trade.md#trade"),
        ("themes/trade.md", "figures/trade.svg", "../figures/trade.svg"),
        ("index.md", "figures/trade.svg", "figures/trade.svg"),
    ],
)
def test_link(from_uri, target, expected):
    assert link(from_uri, target) == expected


def test_grid_positions_fill_free_cells_by_id():
    assert grid_positions(["a", "b", "c", "d"], {"c": (0, 0)}) == {"c": (0, 0), "a": (1, 0), "b": (0, 1), "d": (1, 1)}


# ---------------------------------------------------------------- actors, ties and outlook


def test_load_actors_collects_actor_pages_only():
    pages = small_pages()
    pages["actors/index.md"] = page("docs/actors/index.md", title="Actors", type="overview")
    actors, ties = load_actors(pages, PARAGRAPHS)
    assert list(actors) == ["alpha", "beta", "gamma"]
    assert [(t.source, t.target, t.kind, t.status, t.sources) for t in ties] == [
        ("alpha", "beta", "partnership", "stated", (5, 6)),
        ("alpha", "beta", "dependence", "concern", (5,)),
        ("gamma", "alpha", "sanctions", "status-quo", (6, 11)),
    ]
    assert ties[1].says == "Some fear Alpha leans on Beta [¶5]."
    assert (ties[2].declared_in, ties[2].entry) == ("docs/actors/gamma.md", 1)


@pytest.mark.parametrize(
    "bad_tie, message",
    [
        (
            tie("alpah"),
            "ties entry 2: 'to: alpah' names no actor page (did you mean `alpha`?); actor ids are: alpha, beta, gamma",
        ),
        (
            tie("beta", kind="friendship"),
            "ties entry 2: unknown kind `friendship`; kinds are: partnership, strategic-ties, good-relations, "
            "alliance, military-aid, outreach, dependence, sanctions, rivalry, conflict, turning-away",
        ),
        (tie("beta", kind="turning_away"), "unknown kind `turning_away` (did you mean `turning-away`?)"),
        (
            tie("beta", status="likely"),
            "ties entry 2: unknown status `likely`; statuses are: stated, concern, implied, status-quo, split "
            "(how the article presents the tie)",
        ),
        (tie("beta", status="status_quo"), "unknown status `status_quo` (did you mean `status-quo`?)"),
        (tie("beta", says="They trade [¶12]."), "ties entry 2: says: ¶12 does not exist; valid ¶ are 1-11"),
        (tie("beta", says="They trade."), "ties entry 2: says: cites no ¶; end the sentence with a citation"),
        (tie("beta", says="They trade [¶3-1]."), "ties entry 2: says: citation [¶3-1] has a backwards range"),
        (tie("beta", says=""), "ties entry 2: `says` must be a non-empty piece of text"),
        ({"to": "beta", "kind": "partnership", "says": "x [¶5]"}, "ties entry 2: `status` is missing"),
        (tie("gamma"), "ties entry 2: 'to: gamma' is this actor itself"),
        ({**tie("beta"), "note": "x"}, "ties entry 2: unknown key `note`"),
        ("beta", "ties entry 2: must be a mapping"),
    ],
)
def test_bad_tie_names_file_line_and_entry(bad_tie, message):
    with pytest.raises(FigureDataError) as caught:
        load_actors(small_pages([bad_tie]), PARAGRAPHS)
    assert re.match(r"docs/actors/gamma\.md:\d+: ", str(caught.value)), str(caught.value)
    assert message in str(caught.value)


def test_tie_error_points_at_the_line_of_the_bad_value():
    meta_text = (
        "title: Gamma\n"
        "type: actor\n"
        "ties:\n"
        "  - to: alpha\n"
        "    kind: partnership\n"
        "    status: stated\n"
        "    says: They trade [¶5].\n"
        "  - to: alpha\n"
        "    kind: alliance\n"
        "    status: probable\n"
        "    says: They ally [¶5].\n"
    )
    pages = dict([actor("alpha", "Alpha")])
    pages["actors/gamma.md"] = SimpleNamespace(
        path="docs/actors/gamma.md", meta=yaml.safe_load(meta_text), meta_text=meta_text
    )
    with pytest.raises(FigureDataError) as caught:
        load_actors(pages, PARAGRAPHS)
    # Line 11 of the file: the opening --- is line 1, so the YAML's line 10 (`status: probable`) is line 11.
    assert str(caught.value).startswith("docs/actors/gamma.md:11: ties entry 2: unknown status `probable`")
    assert caught.value.line == 11


def test_tie_declared_twice_names_both_files():
    pages = small_pages()
    pages.update([actor("beta", "Beta", [tie("alpha", "partnership")])])
    with pytest.raises(FigureDataError) as caught:
        load_actors(pages, PARAGRAPHS)
    assert re.match(
        r"docs/actors/beta\.md:\d+: ties entry 1: the partnership tie between beta and alpha is already declared "
        r"in docs/actors/alpha\.md \(ties entry 1\)",
        str(caught.value),
    )


def test_opposite_directed_ties_are_two_ties():
    pages = dict([actor("a", "A", [tie("b", "dependence")]), actor("b", "B", [tie("a", "dependence")])])
    assert len(load_actors(pages, PARAGRAPHS)[1]) == 2


@pytest.mark.parametrize(
    "outlook, message",
    [
        ({"split": "x [¶8].", "status_quo": "no citation"}, "outlook.status_quo: cites no ¶"),
        ({"split": "x [¶12].", "status_quo": "y [¶9]"}, "outlook.split: ¶12 does not exist"),
        ({"split": "x [¶8].", "status_quo": "y [¶9]", "statusquo": "z"}, "outlook: unknown key `statusquo`"),
        ("just text", "`outlook:` must be a mapping"),
        ({}, "`outlook:` must be a mapping with `split:`, `status_quo:` or both"),
    ],
)
def test_bad_outlook(outlook, message):
    pages = small_pages()
    pages.update([actor("beta", "Beta", outlook=outlook)])
    with pytest.raises(FigureDataError) as caught:
        load_actors(pages, PARAGRAPHS)
    assert re.match(r"docs/actors/beta\.md:\d+: ", str(caught.value)), str(caught.value)
    assert message in str(caught.value)


def test_outlook_covers_only_the_scenarios_the_article_discusses():
    pages = small_pages()
    pages.update([actor("beta", "Beta", outlook={"status_quo": "Beta stays [¶9]."})])
    pages["actors/gamma.md"].meta.pop("outlook")
    actors, _ = load_actors(pages, PARAGRAPHS)
    assert actors["beta"].outlook == (("status_quo", "Beta stays [¶9]."),)
    assert actors["beta"].outlook_for("split") is None
    assert actors["gamma"].outlook == ()


def test_only_the_given_paragraphs_are_valid():
    with pytest.raises(FigureDataError, match=re.escape("ties entry 1: says: ¶11 does not exist; valid ¶ are 1-9")):
        load_site_data(small_pages(), {}, paragraphs=frozenset(range(1, 10)))


def test_timeline_sorted_by_date(data):
    assert [(e.start, e.entry) for e in data.timeline] == [
        ((1972, 0), 2),
        ((2018, 0), 4),
        ((2023, 9), 3),
        ((2024, 0), 1),
    ]
    assert data.timeline[1].context is True


@pytest.mark.parametrize(
    "entry, message",
    [
        (
            "{when: 2014, event: E, label: L, sources: [5], page: nowhere.md}",
            "data/timeline.yml: entry 2: `page: nowhere.md` names no page",
        ),
        (
            "{when: 2014, event: E, label: L, sources: [0], page: timeline.md}",
            "data/timeline.yml: entry 2: source 0 is not a valid ¶",
        ),
        ("{when: 2014, event: E, label: L, page: timeline.md}", "data/timeline.yml: entry 2: `sources` is missing"),
        ("{event: E, label: L, sources: [5], page: timeline.md}", "data/timeline.yml: entry 2: `when` is missing"),
        ("{when: 14, event: E, label: L, sources: [5], page: timeline.md}", "entry 2: `when: 14` is not a year"),
        ("{when: '2014-13', event: E, label: L, sources: [5], page: timeline.md}", "`when: 2014-13` is not a year"),
        (
            "{when: 2014, until: 2013, event: E, label: L, sources: [5], page: timeline.md}",
            "entry 2: `until` is before `when`",
        ),
        (
            "{when: 2014, event: E, sources: [5], page: timeline.md}",
            "entry 2: `label` must be a non-empty piece of text",
        ),
        (
            "{when: 2014, event: E, label: " + "x" * 41 + ", sources: [5], page: timeline.md}",
            "`label` is 41 characters",
        ),
        (
            "{when: 2014, event: E, label: L, sources: [5], page: timeline.md, context: yes please}",
            "`context` must be true or false",
        ),
        (
            "{when: 2014, event: E, label: L, sources: [5], page: timeline.md, date: 2014}",
            "entry 2: unknown key `date`",
        ),
    ],
)
def test_bad_timeline_entry(entry, message):
    text = "events:\n  - {when: 2014, event: E, label: L, sources: [5], page: timeline.md}\n  - " + entry + "\n"
    with pytest.raises(FigureDataError, match=re.escape(message)):
        load_timeline(text, "data/timeline.yml", ["timeline.md"], PARAGRAPHS)


@pytest.mark.parametrize(
    "text, message",
    [
        ("events: [\n", "data/timeline.yml: not valid YAML at line"),
        ("- {when: 2014}\n", "data/timeline.yml: must hold `events:`"),
    ],
)
def test_bad_timeline_file(text, message):
    with pytest.raises(FigureDataError, match=re.escape(message)):
        load_timeline(text, "data/timeline.yml", [], PARAGRAPHS)


@pytest.mark.parametrize(
    "text, message",
    [
        ("title: T\nunit: U\nsources: [5]\nvalues: []\n", "data/trade.yml: `values:` must be a non-empty list"),
        (
            "title: T\nunit: U\nsources: [5]\nvalues: [{year: 2014}]\n",
            "values entry 1: must be exactly `year:` and `value:`",
        ),
        (
            "title: T\nunit: U\nsources: [5]\nvalues: [{year: 2014, value: -1}]\n",
            "values entry 1: `value: -1` is not a number",
        ),
        (
            "title: T\nunit: U\nsources: [5]\nvalues: [{year: 2014, value: 1}, {year: 2014, value: 2}]\n",
            "values entry 2: year 2014 appears twice",
        ),
        (
            "title: T\nunit: U\nsources: [15]\nvalues: [{year: 2014, value: 1}]\n",
            "top level: source 15 is not a valid ¶",
        ),
        ("title: T\nunit: U\nsource: [5]\nvalues: [{year: 2014, value: 1}]\n", "top level: unknown key `source`"),
    ],
)
def test_bad_trade(text, message):
    with pytest.raises(FigureDataError, match=re.escape(message)):
        load_trade(text, "data/trade.yml", PARAGRAPHS)


@pytest.mark.parametrize(
    "text, message",
    [
        (
            "positions:\n  alhpa: [0, 0]\n",
            "data/partnership-map.yml: positions: `alhpa` names no actor page (did you mean `alpha`?)",
        ),
        ("positions:\n  alpha: [0]\n", "`alpha: [0]` must be [column, row]"),
        ("positions:\n  alpha: [0, 0]\n  beta: [0, 0]\n", "positions: `beta` and `alpha` share the cell [0, 0]"),
    ],
)
def test_bad_layout(text, message):
    with pytest.raises(FigureDataError, match=re.escape(message)):
        load_layout(text, "data/partnership-map.yml", ["alpha", "beta"])


# ---------------------------------------------------------------- generated Markdown


def test_render_ties_both_directions(data):
    assert render_ties(data, "alpha", "actors/alpha.md") == (
        "- [Beta](beta.md), *partnership*{ .no-crosslinks }: Alpha and Beta trade [¶5, 6].\n"
        "- [Beta](beta.md), *dependence, a concern the article reports*{ .no-crosslinks }: "
        "Some fear Alpha leans on Beta [¶5].\n"
        "- [Gamma](gamma.md), *sanctions, expected if the status quo holds*{ .no-crosslinks }: "
        "Gamma would sanction Alpha [¶6, 11]."
    )
    assert render_ties(data, "beta", "actors/beta.md") == (
        "- [Alpha](alpha.md), *partnership*{ .no-crosslinks }: Alpha and Beta trade [¶5, 6].\n"
        "- [Alpha](alpha.md), *dependence, a concern the article reports*{ .no-crosslinks }: "
        "Some fear Alpha leans on Beta [¶5]."
    )


def test_render_ties_none_is_a_problem_not_a_stock_line():
    data = load_site_data(dict([actor("solo", "Solo")]), {}, paragraphs=PARAGRAPHS)
    with pytest.raises(ValueError, match=re.escape("<!-- ties --> is on the page of an actor with no ties")):
        render_ties(data, "solo", "actors/solo.md")


def test_render_outlook_lists_only_the_scenarios_discussed():
    data = load_site_data(
        dict([actor("solo", "Solo", outlook={"split": "Solo would pay [¶8]."})]), {}, paragraphs=PARAGRAPHS
    )
    assert (
        render_outlook(data, "solo", "actors/solo.md") == "- **[Split](../scenarios/split.md):** Solo would pay [¶8]."
    )


def test_render_outlook(data):
    assert render_outlook(data, "beta", "actors/beta.md") == (
        "- **[Split](../scenarios/split.md):** Beta split [¶8].\n"
        "- **[Status quo](../scenarios/status-quo.md):** Beta stays [¶9]."
    )


def test_render_scenario_matrix(data):
    def row(name: str) -> str:
        return (
            f'<tr markdown="block"><th scope="row" markdown="span">[{name}](../actors/{name.lower()}.md)</th>'
            f'<td data-label="Split" markdown="span">{name} split [¶8].</td>'
            f'<td data-label="Status quo" markdown="span">{name} stays [¶9].</td></tr>'
        )

    assert render_scenario_matrix(data, "scenarios/comparison.md") == "\n".join(
        [
            '<figure class="scenario-matrix" id="scenario-matrix" markdown="block">',
            '<figcaption markdown="span">**What each scenario means for each actor.** '
            "A dash means the article does not discuss that actor under that scenario; "
            "select an actor for the detail.</figcaption>",
            '<table markdown="block">',
            '<thead markdown="block"><tr markdown="block"><th scope="col">Actor</th>'
            '<th scope="col" markdown="span">[Split](split.md)</th>'
            '<th scope="col" markdown="span">[Status quo](status-quo.md)</th></tr></thead>',
            '<tbody markdown="block">',
            row("Alpha"),
            row("Beta"),
            row("Gamma"),
            "</tbody>",
            "</table>",
            "</figure>",
        ]
    )


def test_scenario_matrix_dashes_what_the_article_does_not_discuss_and_skips_silent_actors():
    pages = dict([actor("a", "A", outlook={"status_quo": "A stays [¶9]."}), actor("b", "B")])
    pages["actors/b.md"].meta.pop("outlook")
    matrix = render_scenario_matrix(load_site_data(pages, {}, paragraphs=PARAGRAPHS), "scenarios/comparison.md")
    assert (
        '<th scope="row" markdown="span">[A](../actors/a.md)</th><td data-label="Split" class="silent">—</td>'
        '<td data-label="Status quo" markdown="span">A stays [¶9].</td>'
    ) in matrix
    assert "actors/b.md" not in matrix


def test_scenario_matrix_keeps_pipes_and_joins_lines():
    data = load_site_data(
        dict([actor("a", "A", outlook={"split": "x | y\n z [¶8]", "status_quo": "z [¶9]"})]), {}, paragraphs=PARAGRAPHS
    )
    assert '<td data-label="Split" markdown="span">x | y z [¶8]</td>' in render_scenario_matrix(
        data, "scenarios/comparison.md"
    )


def test_render_timeline_list(data):
    assert render_timeline_list(data, "timeline.md") == (
        "- **1972:** A visit [¶3]. See [Alpha](actors/alpha.md).\n"
        "- **2018 (date: context, not from the article):** A deal is abandoned [¶7]. See [Beta](actors/beta.md).\n"
        "- **September 2023:** A territory changes hands [¶10]. See [Gamma](actors/gamma.md).\n"
        "- **2024:** Trade reaches a high [¶5]. See [Trade](themes/trade.md#trade)."
    )


def test_date_text_range(data):
    events = load_timeline(
        "events:\n  - {when: '2024-11', until: '2025-01', event: E, label: L, sources: [1, 11], page: t.md}\n",
        "d",
        ["t.md"],
        PARAGRAPHS,
    )
    assert date_text(events[0]) == "November 2024 – January 2025"
    assert date_text(events[0], short=True) == "Nov 2024 – Jan 2025"


def test_figure_markdown(data):
    markdown, problems = replace_markers("Intro.\n<!-- figure-trade -->\nAfter.", "themes/trade.md", data)
    assert problems == []
    assert markdown == (
        "Intro.\n\n"
        '<figure class="generated-figure" id="figure-trade" markdown="span">\n'
        "![Bar chart. Alpha-Beta trade, in US$ billion: 88 in 2014, 240 in 2024. Source: the article, ¶5.]"
        "(../figures/trade.svg)"
        '{ data-title="Alpha-Beta trade" '
        'data-description="In US$ billion: 88 in 2014, 240 in 2024. Source: the article, ¶5." }\n'
        '<figcaption markdown="span">**Alpha-Beta trade.** In US$ billion: 88 in 2014, 240 in 2024 [¶5].</figcaption>\n'
        "</figure>\n"
        "\nAfter."
    )


def test_replace_markers_skips_fences_and_foreign_markers(data):
    text = "<!-- glossary -->\n```md\n<!-- ties -->\n```\n~~~\n<!-- outlook -->\n~~~\n  <!-- ties -->  "
    markdown, problems = replace_markers(text, "actors/beta.md", data)
    assert markdown.split("\n")[:7] == text.split("\n")[:7]
    assert "- [Alpha](alpha.md), *dependence, a concern the article reports*{ .no-crosslinks }: Some fear" in markdown
    assert problems == []


@pytest.mark.parametrize(
    "marker, page_uri, data_files, message",
    [
        ("ties", "timeline.md", {}, "<!-- ties --> only works on an actor page"),
        ("outlook", "themes/trade.md", {}, "<!-- outlook --> only works on an actor page"),
        ("figure-trade", "themes/trade.md", {}, "<!-- figure-trade --> needs data/trade.yml"),
        ("figure-timeline", "timeline.md", {}, "<!-- figure-timeline --> needs data/timeline.yml"),
        ("timeline", "timeline.md", {}, "<!-- timeline --> needs data/timeline.yml"),
    ],
)
def test_marker_problems_carry_line(marker, page_uri, data_files, message):
    data = load_site_data(small_pages(), data_files, paragraphs=PARAGRAPHS)
    markdown, problems = replace_markers(f"one\n\n<!-- {marker} -->\n", page_uri, data)
    assert [line for line, _ in problems] == [3]
    assert problems[0][1].startswith(message)
    assert f"<!-- {marker} -->" in markdown  # left in place, so the page still builds when not strict


# ---------------------------------------------------------------- SVG


def _parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img" and root.get("aria-labelledby") == "t d"
    assert re.fullmatch(r"0 0 \d+(\.\d)? \d+(\.\d)?", root.get("viewBox"))
    assert root.get("width") and root.get("height")
    assert root.get("font-family") == "system-ui, sans-serif"
    assert root.find(f"{SVG}title").get("id") == "t" and root.find(f"{SVG}title").text
    assert root.find(f"{SVG}desc").get("id") == "d" and root.find(f"{SVG}desc").text
    return root


_COLOUR = "#[0-9a-fA-F]{6}"
_DARK_STYLE = re.compile(
    rf'<style>@media \(prefers-color-scheme: dark\)\{{(\[(fill|stroke)="{_COLOUR}"\]\{{\2:{_COLOUR}\}})+\}}</style>'
)


def _no_external_references(svg: str) -> None:
    assert "http" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "href" not in svg and "@import" not in svg and "<image" not in svg
    # The one stylesheet is the dark variant: colours only.
    assert len(_DARK_STYLE.findall(svg)) == svg.count("<style") == 1
    from svgfigures.model import DIRECTED

    assert set(re.findall(r"url\(([^)]*)\)", svg)) <= {f"#arrow-{kind}" for kind in DIRECTED}


def _texts(root: ET.Element) -> list[str]:
    return [t.text for t in root.iter(f"{SVG}text")]


def test_trade_svg(data):
    svg = render_trade(data.trade)
    root = _parse(svg)
    _no_external_references(svg)
    texts = _texts(root)
    assert "88" in texts and "240" in texts and "2014" in texts and "2024" in texts
    assert "Source: the article, ¶5" in texts
    assert "88 in 2014, 240 in 2024" in root.find(f"{SVG}desc").text


def test_partnership_map_svg(data):
    svg = render_partnership_map(data)
    root = _parse(svg)
    _no_external_references(svg)
    texts = _texts(root)
    assert {"Alpha", "Beta", "Gamma"} <= set(texts)
    # The legends list the kinds and statuses present, and only those.
    for legend in (
        "Partnership",
        "Dependence",
        "Sanctions",
        "Described by the article",
        "A concern the article reports",
        "Expected if the status quo holds",
    ):
        assert legend in texts
    assert "Alliance" not in texts and "Part of the split scenario" not in texts
    edges = [g for g in root.iter(f"{SVG}g") if "tie" in g.get("class", "").split()]
    assert [g.find(f"{SVG}title").text for g in edges] == [
        "Partnership, described by the article: Alpha and Beta trade (¶5, 6).",
        "Dependence, a concern the article reports: Some fear Alpha leans on Beta (¶5).",
        "Sanctions, expected if the status quo holds: Gamma would sanction Alpha (¶6, 11).",
    ]
    assert {"¶5, 6", "¶5", "¶6, 11"} <= set(texts)  # every edge labelled with its ¶
    assert sum("marker-end" in p.attrib for g in edges for p in g.iter(f"{SVG}path")) == 2  # directed kinds only
    assert (
        "Sanctions, expected if the status quo holds: Gamma would sanction Alpha (¶6, 11)."
        in root.find(f"{SVG}desc").text
    )


def test_partnership_map_shows_status_by_line_pattern_and_kind_by_colour(data):
    from svgfigures.model import KINDS, STATUSES
    from svgfigures.partnership_map import COLOURS, DASHES

    assert set(COLOURS) == set(KINDS) and len(set(COLOURS.values())) == len(KINDS)
    assert set(DASHES) == set(STATUSES) and len(set(DASHES.values())) == len(STATUSES)
    root = _parse(render_partnership_map(data))
    dashes = {
        g.get("class").split()[-1]: g.find(f"{SVG}path").get("stroke-dasharray")
        for g in root.iter(f"{SVG}g")
        if "tie" in g.get("class", "").split()
    }
    assert dashes == {"tie-stated": None, "tie-concern": DASHES["concern"], "tie-status-quo": DASHES["status-quo"]}


def test_timeline_svg(data):
    svg = render_timeline(data.timeline)
    root = _parse(svg)
    _no_external_references(svg)
    events = [g for g in root.iter(f"{SVG}g") if g.get("class") == "event"]
    assert [g.find(f"{SVG}title").text for g in events] == [
        "1972: A visit (¶3)",
        "2018: Deal abandoned (¶7)",
        "September 2023: Territory changes hands (¶10)",
        "2024: Trade peaks (¶5)",
    ]
    texts = _texts(root)
    assert "1972" in texts and "2018 *  ¶7" in texts and "Sep 2023  ¶10" in texts
    assert any(t.startswith("* Hollow marker") for t in texts)
    assert "2000" not in texts  # the empty stretch 1973-2017 is cut from the axis


# The text column is 688 px wide at a 1280 px window (Material's layout): a wider figure is scaled down.
TEXT_COLUMN = 688
SMALLEST_TEXT = 12


def _rendered_sizes(svg: str) -> list[float]:
    """Every text's font size as shown in the text column at a 1280 px window."""
    root = ET.fromstring(svg)
    scale = min(1.0, TEXT_COLUMN / float(root.get("width")))
    default = float(root.get("font-size"))
    return [float(t.get("font-size", default)) * scale for t in root.iter(f"{SVG}text")]


@pytest.mark.parametrize("name", ["trade.svg", "partnership-map.svg", "timeline.svg"])
def test_figure_text_is_readable_at_desktop_width_and_no_heading_repeats_the_caption(name):
    from svgfigures.sections import _figures

    data = load_site_data(small_pages(), {"timeline.yml": TIMELINE, "trade.yml": TRADE}, paragraphs=PARAGRAPHS)
    svg = figure_svgs(data)[f"figures/{name}"]
    assert min(_rendered_sizes(svg)) >= SMALLEST_TEXT
    title = next(fig.title for fig in _figures(data) if fig.name == name)
    assert title not in _texts(ET.fromstring(svg)), f"{name} repeats its caption's title {title!r}"


def _luminance(hex_colour: str) -> float:
    def channel(c: int) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_dark_variant_repaints_every_colour_with_enough_contrast(data):
    from svgfigures.svg import DARK, INK, MUTED, NODE, PANEL, PANEL_EDGE

    for svg in figure_svgs(data).values():
        used = set(
            re.findall(r'(?:fill|stroke)="(#[0-9a-fA-F]{6})"', svg.split("<style>")[0] + svg.split("</style>")[1])
        )
        assert used <= set(DARK), f"colours without a dark counterpart: {used - set(DARK)}"
    for light, dark in DARK.items():
        if light in (PANEL, NODE, PANEL_EDGE):
            continue
        needed = 4.5 if light in (INK, MUTED) else 3
        for ground in (DARK[PANEL], DARK[NODE]) if light == INK else (DARK[PANEL],):
            assert _contrast(dark, ground) >= needed, f"{dark} (for {light}) on {ground}"


def test_actor_without_ties_is_left_out_and_named_in_the_caption():
    from svgfigures.sections import _figures, render_figure

    pages = small_pages()
    pages.update([actor("delta", "Delta")])
    data = load_site_data(pages, {}, paragraphs=PARAGRAPHS)
    assert "Delta" not in _texts(ET.fromstring(render_partnership_map(data)))
    figure = next(fig for fig in _figures(data) if fig.name == "partnership-map.svg")
    assert "Delta has no tie to another actor here and is not drawn." in render_figure(figure, "actors/index.md")
    assert figure.alt.startswith("Diagram of 3 actors") and "Delta" in figure.alt


def test_figures_are_deterministic():
    first = figure_svgs(
        load_site_data(small_pages(), {"timeline.yml": TIMELINE, "trade.yml": TRADE}, paragraphs=PARAGRAPHS)
    )
    shuffled = list(small_pages().items())
    random.Random(4).shuffle(shuffled)
    second = figure_svgs(
        load_site_data(dict(shuffled), {"trade.yml": TRADE, "timeline.yml": TIMELINE}, paragraphs=PARAGRAPHS)
    )
    assert list(first) == ["figures/trade.svg", "figures/partnership-map.svg", "figures/timeline.svg"]
    assert first == second


def test_changed_data_changes_figure(data):
    changed = load_site_data(small_pages(), {"trade.yml": TRADE.replace("240", "250")}, paragraphs=PARAGRAPHS)
    svg = render_trade(changed.trade)
    assert svg != render_trade(data.trade) and "250" in _texts(ET.fromstring(svg))


@pytest.mark.parametrize("name", ["trade.svg", "partnership-map.svg", "timeline.svg"])
def test_golden(name):
    layout = "positions:\n  alpha: [0, 0]\n  beta: [2, 0]\n"
    svgs = figure_svgs(
        load_site_data(
            small_pages(),
            {"timeline.yml": TIMELINE, "trade.yml": TRADE, "partnership-map.yml": layout},
            paragraphs=PARAGRAPHS,
        )
    )
    golden = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(svgs[f"figures/{name}"], encoding="utf-8")
    assert svgs[f"figures/{name}"] == golden.read_text(encoding="utf-8")


def test_every_marker_this_package_fills_is_a_known_marker():
    # The build rejects unknown markers using sitemodel's list; a figure marker missing there would never be reached.
    from sitemodel.markers import KNOWN_MARKERS
    from svgfigures import MARKERS

    assert set(MARKERS) <= set(KNOWN_MARKERS)

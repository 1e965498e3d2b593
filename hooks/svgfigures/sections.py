"""Markdown for the page markers: figures (zoomable, captioned), ties, outlook, scenario matrix and timeline list.

`figure_svgs` renders every figure the data allows; `replace_markers` swaps each marker line of a
page for its Markdown, with links relative to that page and citations left as `[¶N]` for the
citation pass that runs after it.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass

from sitemodel.markdown_text import line_of
from sitemodel.markers import find_markers

from svgfigures.model import (
    KIND_NAMES,
    KINDS,
    SCENARIO_NAMES,
    SCENARIO_PAGES,
    SCENARIOS,
    STATUS_NAMES,
    STATUSES,
    SiteData,
    Tie,
)
from svgfigures.partnership_map import (
    kind_counts,
    kinds_present,
    render_partnership_map,
    statuses_present,
    unconnected,
)
from svgfigures.svg import esc
from svgfigures.timeline import date_text, render_timeline
from svgfigures.trade import describe as describe_trade
from svgfigures.trade import render_trade, value_label


@dataclass(frozen=True)
class Figure:
    """One generated figure: its file under `figures/`, its text alternative and captions."""

    marker: str
    name: str  # file name under figures/
    title: str  # lightbox title and start of the on-page caption
    caption: str  # rest of the on-page caption (Markdown; may cite [¶N])
    description: str  # lightbox description (plain text, no brackets)
    alt: str  # the image's text alternative
    render: Callable[[SiteData], str]


def _names(names: list[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def cite(sources: tuple[int, ...]) -> str:
    return "[¶" + ", ".join(map(str, sources)) + "]"


def _plain_sources(sources: tuple[int, ...]) -> str:
    return "¶" + ", ".join(map(str, sources))


def _figures(data: SiteData) -> list[Figure]:
    figures = []
    if data.trade is not None:
        t = data.trade
        values = ", ".join(f"{value_label(v)} in {year}" for year, v in t.points)
        figures.append(
            Figure(
                "figure-trade",
                "trade.svg",
                t.title,
                f"In {t.unit}: {values} {cite(t.sources)}.",
                f"In {t.unit}: {values}. Source: the article, {_plain_sources(t.sources)}.",
                describe_trade(t),
                lambda d: render_trade(d.trade),  # type: ignore[arg-type]
            )
        )
    if data.actors:
        kinds = [KIND_NAMES[k].lower() for k in kinds_present(data.ties)]
        statuses = [STATUS_NAMES[s] for s in statuses_present(data.ties)]
        counts = "; ".join(kind_counts(data.ties))
        alone = unconnected(data)
        left_out = (
            f" {_names(alone)} {'has' if len(alone) == 1 else 'have'} no tie to another actor here and "
            f"{'is' if len(alone) == 1 else 'are'} not drawn."
            if alone
            else ""
        )
        figures.append(
            Figure(
                "figure-partnership-map",
                "partnership-map.svg",
                "Partnership map",
                "The actors and the ties between them. Colour shows the kind of tie and the line pattern how "
                "the article presents it (described, a reported concern, implied, or expected in one of the "
                "scenarios); arrows point from the actor that acts; each line carries its ¶. "
                f"Each actor's page lists its ties in words.{left_out}",
                f"Kinds of tie: {', '.join(kinds) or 'none yet'}. Line patterns: {'; '.join(statuses) or 'none'}. "
                "Arrows point from the actor that acts; each line carries the ¶ it comes from.",
                f"Diagram of {len(data.actors) - len(alone)} actors and their {len(data.ties)} ties "
                f"({counts or 'none yet'}); each actor's page lists its ties in words.{left_out}",
                render_partnership_map,
            )
        )
    if data.timeline:
        events = data.timeline
        span = f"{date_text(events[0])} to {date_text(events[-1])}"
        figures.append(
            Figure(
                "figure-timeline",
                "timeline.svg",
                "Timeline",
                f"The dated events the article mentions, {span}; the list below gives each one in words with its ¶.",
                f"The dated events the article mentions, {span}. "
                "A hollow marker means the date is context, not from the article.",
                f"Timeline of {len(events)} events from {span}; the same events are listed in words below the figure.",
                lambda d: render_timeline(d.timeline),  # type: ignore[arg-type]
            )
        )
    return figures


FIGURES = ("figure-trade", "figure-partnership-map", "figure-timeline")
MARKERS = ("ties", "outlook", "scenario-matrix", "timeline", *FIGURES)


def figure_svgs(data: SiteData) -> dict[str, str]:
    """`{"figures/trade.svg": "<svg ...>", ...}` for every figure the data allows, in a fixed order."""
    return {f"figures/{fig.name}": fig.render(data) for fig in _figures(data)}


def link(from_uri: str, target: str) -> str:
    """A relative Markdown link target from page `from_uri` to `target` (a src_uri, optionally with #anchor)."""
    path, _, anchor = target.partition("#")
    rel = posixpath.relpath(path, posixpath.dirname(from_uri) or ".")
    return rel + (f"#{anchor}" if anchor else "")


def _attr(value: str) -> str:
    return esc(value)


def render_figure(fig: Figure, page_uri: str) -> str:
    """An image in a `<figure>` (md_in_html): the lightbox shows data-title and -description, the page the caption."""
    alt = fig.alt.replace("[", "(").replace("]", ")")
    src = link(page_uri, f"figures/{fig.name}")
    return (
        f'<figure class="generated-figure" id="{fig.marker}" markdown="span">\n'
        f'![{alt}]({src}){{ data-title="{_attr(fig.title)}" data-description="{_attr(fig.description)}" }}\n'
        f'<figcaption markdown="span">**{fig.title}.** {fig.caption}</figcaption>\n'
        f"</figure>"
    )


def _sentence_end(text: str) -> str:
    return text.rstrip(" .")


def render_ties(data: SiteData, actor_id: str, page_uri: str) -> str:
    """A bullet per tie of the actor (declared on its page or pointing at it): the other actor, the kind and,
    unless the article simply describes the tie, how it presents it; then the tie's own sentence.

    Firmest status first, then by kind and the other actor's title. Raises ValueError when there is no tie.
    """
    actors = data.actors

    def other_of(tie: Tie) -> str:
        return tie.target if tie.source == actor_id else tie.source

    def sort_key(tie: Tie) -> tuple[int, int, str]:
        return (STATUSES.index(tie.status), KINDS.index(tie.kind), actors[other_of(tie)].title)

    items = []
    for tie in sorted(data.ties_of(actor_id), key=sort_key):
        other = actors[other_of(tie)]
        label = KIND_NAMES[tie.kind].lower()
        if tie.status != "stated":
            label += f", {STATUS_NAMES[tie.status]}"
        # The label is the data's own vocabulary, not prose: no term links inside it.
        items.append(f"- [{other.title}]({link(page_uri, other.src_uri)}), *{label}*{{ .no-crosslinks }}: {tie.says}")
    if not items:
        raise ValueError(
            "<!-- ties --> is on the page of an actor with no ties: add `ties:` to this or another actor's "
            "front matter, or remove the marker and its section"
        )
    return "\n".join(items)


def render_outlook(data: SiteData, actor_id: str, page_uri: str) -> str:
    """A bullet per scenario the article discusses the actor under; raises ValueError when there is none."""
    actor = data.actors[actor_id]
    if not actor.outlook:
        raise ValueError(
            "<!-- outlook --> is on an actor page without `outlook:`: add `split:` or `status_quo:` under "
            "`outlook:`, or remove the marker and its section"
        )
    return "\n".join(
        f"- **[{SCENARIO_NAMES[s]}]({link(page_uri, SCENARIO_PAGES[s])}):** {text}" for s, text in actor.outlook
    )


def _outlook_cell(scenario: str, text: str | None) -> str:
    """A cell of the scenario table; a dash (class `silent`) where the article does not discuss the actor."""
    if text is None:
        return f'<td data-label="{esc(scenario)}" class="silent">—</td>'
    return f'<td data-label="{esc(scenario)}" markdown="span">{" ".join(text.split())}</td>'


def render_scenario_matrix(data: SiteData, page_uri: str) -> str:
    """A table with a caption: one row per actor, one column per scenario, each heading a link.

    Written as HTML (with Markdown inside the cells) so that the actors are row headings, linked and styled
    like the scenario headings, and each cell names its scenario (`data-label`), which phones show when the
    stylesheet turns every row into a card.
    """
    head = [
        '<figure class="scenario-matrix" id="scenario-matrix" markdown="block">',
        '<figcaption markdown="span">**What each scenario means for each actor.** '
        "A dash means the article does not discuss that actor under that scenario; "
        "select an actor for the detail.</figcaption>",
        '<table markdown="block">',
        '<thead markdown="block"><tr markdown="block"><th scope="col">Actor</th>'
        + "".join(
            f'<th scope="col" markdown="span">[{SCENARIO_NAMES[s]}]({link(page_uri, SCENARIO_PAGES[s])})</th>'
            for s in SCENARIOS
        )
        + "</tr></thead>",
        '<tbody markdown="block">',
    ]
    rows = [
        f'<tr markdown="block"><th scope="row" markdown="span">[{a.title}]({link(page_uri, a.src_uri)})</th>'
        + "".join(_outlook_cell(SCENARIO_NAMES[s], a.outlook_for(s)) for s in SCENARIOS)
        + "</tr>"
        for a in sorted(data.actors.values(), key=lambda a: a.title.lower())
        if a.outlook
    ]
    return "\n".join(head + rows + ["</tbody>", "</table>", "</figure>"])


def render_timeline_list(data: SiteData, page_uri: str) -> str:
    items = []
    for e in data.timeline or ():
        when = date_text(e) + (" (date: context, not from the article)" if e.context else "")
        title = data.titles.get(e.page.split("#", 1)[0]) or e.page
        items.append(
            f"- **{when}:** {_sentence_end(e.event)} {cite(e.sources)}. See [{title}]({link(page_uri, e.page)})."
        )
    return "\n".join(items)


def _actor_of(data: SiteData, page_uri: str) -> str | None:
    for actor in data.actors.values():
        if actor.src_uri == page_uri:
            return actor.id
    return None


def render_marker(name: str, data: SiteData, page_uri: str) -> str:
    """The Markdown for one marker on page `page_uri`; raises ValueError (what to do) when it cannot be built there."""
    if name in ("ties", "outlook"):
        actor_id = _actor_of(data, page_uri)
        if actor_id is None:
            raise ValueError(f"<!-- {name} --> only works on an actor page (docs/actors/<id>.md with type: actor)")
        return (render_ties if name == "ties" else render_outlook)(data, actor_id, page_uri)
    if name == "scenario-matrix":
        if not data.actors:
            raise ValueError("<!-- scenario-matrix --> needs at least one actor page with `outlook:`")
        return render_scenario_matrix(data, page_uri)
    if name == "timeline":
        if not data.timeline:
            raise ValueError("<!-- timeline --> needs data/timeline.yml with at least one event")
        return render_timeline_list(data, page_uri)
    for fig in _figures(data):
        if fig.marker == name:
            return render_figure(fig, page_uri)
    need = {"figure-trade": "data/trade.yml", "figure-timeline": "data/timeline.yml"}.get(
        name, "at least one actor page"
    )
    raise ValueError(f"<!-- {name} --> needs {need}")


def replace_markers(markdown: str, page_uri: str, data: SiteData) -> tuple[str, list[tuple[int, str]]]:
    """Replace this package's marker lines (outside code); return the Markdown and `(line, problem)` pairs.

    Lines are 1-based within `markdown`; markers this package does not know are left for other hooks.
    """
    pieces, problems, last = [], [], 0
    for match in find_markers(markdown):
        name = match.group("name")
        if name not in MARKERS:
            continue
        try:
            # Blank lines around: an HTML block or list must stand apart from its neighbours.
            replacement = "\n" + render_marker(name, data, page_uri) + "\n"
        except ValueError as error:
            problems.append((line_of(markdown, match.start()), str(error)))
            continue
        pieces += [markdown[last : match.start()], replacement]
        last = match.end()
    pieces.append(markdown[last:])
    return "".join(pieces), problems

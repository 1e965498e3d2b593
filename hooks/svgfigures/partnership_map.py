"""Draw the partnership map: actors as labelled boxes on a grid, ties as typed, styled curves, with a legend.

Positions come from `data/partnership-map.yml` (actors without one fill the free cells by id); each
pair's curves bend to the side that crosses the fewest other boxes, so the layout is fixed by the data.
Actors without a tie are not drawn (the caption names them). The map is at most as wide as the text
column (688 px at a 1280 px window), so its smallest text, 12 px, is never scaled down there.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from svgfigures.model import DIRECTED, KIND_NAMES, KINDS, STATUS_NAMES, STATUSES, SiteData, Tie
from svgfigures.svg import (
    BLACK,
    BLUE,
    GREEN,
    INK,
    MUTED,
    NAVY,
    NODE,
    OCHRE,
    PURPLE,
    RED,
    STEEL,
    TEAL,
    VERMILLION,
    document,
    esc,
    num,
    text,
    text_width,
    wrap,
)

CELL_W, CELL_H = 216, 120
NODE_W = 152
PAD_X, TOP = 16, 16
LINE_H = 17
LABEL_CHARS = 17
GROUP_SPACING = 24  # px between parallel curves of one pair, at their midpoints
MIN_WIDTH = 480  # room for the legend when there are few columns
SMALL = 12  # the smallest text: the ¶ on each line


# Colour: the kind of tie (what it is).
COLOURS: dict[str, str] = {
    "partnership": BLUE,
    "strategic-ties": NAVY,
    "good-relations": STEEL,
    "alliance": GREEN,
    "military-aid": TEAL,
    "outreach": OCHRE,
    "dependence": VERMILLION,
    "sanctions": BLACK,
    "rivalry": PURPLE,
    "conflict": RED,
    "turning-away": MUTED,
}
# Line pattern: how the article presents the tie (stroke-dasharray; "" is solid).
DASHES: dict[str, str] = {
    "stated": "",
    "concern": "2 5",
    "implied": "1 7",
    "status-quo": "10 6",
    "split": "14 5 3 5",
}
WIDTH = 2.5


@dataclass(frozen=True)
class Node:
    id: str
    title: str
    lines: tuple[str, ...]
    cx: float
    cy: float
    h: float

    @property
    def w(self) -> float:
        return NODE_W

    def contains(self, x: float, y: float, margin: float = 6) -> bool:
        return abs(x - self.cx) <= self.w / 2 + margin and abs(y - self.cy) <= self.h / 2 + margin


def grid_positions(actor_ids: list[str], layout: dict[str, tuple[int, int]]) -> dict[str, tuple[int, int]]:
    """Place actors with a position where it says; the rest fill the free cells row by row, in id order."""
    columns = max([c + 1 for c, _ in layout.values()] + [math.ceil(math.sqrt(len(actor_ids))) or 1])
    placed = {a: layout[a] for a in actor_ids if a in layout}
    taken = set(placed.values())
    cell = 0
    for actor_id in actor_ids:
        if actor_id in placed:
            continue
        while (cell % columns, cell // columns) in taken:
            cell += 1
        placed[actor_id] = (cell % columns, cell // columns)
        taken.add(placed[actor_id])
    return placed


def _tied(ties: tuple[Tie, ...]) -> set[str]:
    """The ids of the actors at either end of a tie: the ones the map draws."""
    return {t.source for t in ties} | {t.target for t in ties}


def kinds_present(ties: tuple[Tie, ...]) -> list[str]:
    """The kinds of tie the map shows, in the legend's order."""
    return [k for k in KINDS if any(t.kind == k for t in ties)]


def statuses_present(ties: tuple[Tie, ...]) -> list[str]:
    """The statuses the map shows, firmest first."""
    return [s for s in STATUSES if any(t.status == s for t in ties)]


def kind_counts(ties: tuple[Tie, ...]) -> list[str]:
    """How many ties of each kind shown: `3 partnership`."""
    return [f"{sum(t.kind == k for t in ties)} {KIND_NAMES[k].lower()}" for k in kinds_present(ties)]


def unconnected(data: SiteData) -> list[str]:
    """The actors with no tie, which the map leaves out: their titles, in id order."""
    tied = _tied(data.ties)
    return [actor.title for actor_id, actor in data.actors.items() if actor_id not in tied]


def _nodes(data: SiteData) -> tuple[dict[str, Node], int, int]:
    """The boxes of the actors with ties, and the number of grid columns and rows they use."""
    tied = _tied(data.ties)
    cells = grid_positions([a for a in data.actors if a in tied], dict(data.layout))
    nodes = {}
    for actor_id, (col, row) in sorted(cells.items()):
        title = data.actors[actor_id].title
        lines = tuple(wrap(title, LABEL_CHARS))
        nodes[actor_id] = Node(
            actor_id,
            title,
            lines,
            PAD_X + CELL_W * (col + 0.5),
            TOP + CELL_H * (row + 0.5),
            max(44.0, 14.0 + LINE_H * len(lines)),
        )
    columns = max([c + 1 for c, _ in cells.values()] + [1])
    rows = max([r + 1 for _, r in cells.values()] + [1])
    return nodes, columns, rows


def _exit_point(node: Node, toward: tuple[float, float], margin: float = 5) -> tuple[float, float]:
    """Where the ray from the node's centre toward `toward` leaves its box (plus a margin)."""
    dx, dy = toward[0] - node.cx, toward[1] - node.cy
    hw, hh = node.w / 2 + margin, node.h / 2 + margin
    if dx == 0 and dy == 0:
        return node.cx, node.cy
    t = min(hw / abs(dx) if dx else math.inf, hh / abs(dy) if dy else math.inf)
    return node.cx + dx * t, node.cy + dy * t


def _curve(a: Node, b: Node, mid_offset: float) -> tuple[tuple[float, float], tuple[float, float], tuple[float, float]]:
    """Start, control and end of a quadratic curve from a to b, its midpoint `mid_offset` px off the straight line."""
    dx, dy = b.cx - a.cx, b.cy - a.cy
    length = math.hypot(dx, dy) or 1.0
    nx, ny = -dy / length, dx / length
    control = ((a.cx + b.cx) / 2 + 2 * mid_offset * nx, (a.cy + b.cy) / 2 + 2 * mid_offset * ny)
    return _exit_point(a, control), control, _exit_point(b, control)


def _point(p0, c, p1, t: float) -> tuple[float, float]:
    u = 1 - t
    return (u * u * p0[0] + 2 * u * t * c[0] + t * t * p1[0], u * u * p0[1] + 2 * u * t * c[1] + t * t * p1[1])


def _crossings(a: Node, b: Node, offset: float, nodes: dict[str, Node]) -> int:
    p0, c, p1 = _curve(a, b, offset)
    # The curve stays inside the triangle p0-c-p1: only boxes meeting its bounding box can be crossed.
    xs, ys = (p0[0], c[0], p1[0]), (p0[1], c[1], p1[1])
    others = [
        n
        for n in nodes.values()
        if n.id not in (a.id, b.id)
        and n.cx + n.w / 2 + 6 >= min(xs)
        and n.cx - n.w / 2 - 6 <= max(xs)
        and n.cy + n.h / 2 + 6 >= min(ys)
        and n.cy - n.h / 2 - 6 <= max(ys)
    ]
    if not others:
        return 0
    points = [_point(p0, c, p1, i / 40) for i in range(1, 40)]
    return sum(1 for point in points for n in others if n.contains(*point))


def _best_offset(a: Node, b: Node, nodes: dict[str, Node]) -> float:
    candidates = [0.0]
    for step in range(1, 6):
        candidates += [24.0 * step, -24.0 * step]
    return min(candidates, key=lambda off: (_crossings(a, b, off, nodes), abs(off)))


def _plain(says: str) -> str:
    """A tie's sentence for the SVG's text alternative: citations as `(¶5)`, like the figure's labels."""
    return says.replace("[¶", "(¶").replace("]", ")")


def describe(data: SiteData) -> str:
    counts = kind_counts(data.ties)
    drawn = len(data.actors) - len(unconnected(data))
    parts = [f"Diagram of the ties between {drawn} actors ({'; '.join(counts) or 'no ties'})."]
    parts += [f"{KIND_NAMES[t.kind]}, {STATUS_NAMES[t.status]}: {_plain(t.says)}" for t in data.ties]
    return " ".join(parts)


def _marker_defs(kinds: list[str]) -> list[str]:
    defs = ["<defs>"]
    for kind in kinds:
        if kind in DIRECTED:
            defs.append(
                f'<marker id="arrow-{kind}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="11" markerHeight="11" '
                f'markerUnits="userSpaceOnUse" orient="auto">'
                f'<path d="M0,0 L10,5 L0,10 z" fill="{COLOURS[kind]}"/></marker>'
            )
    defs.append("</defs>")
    return defs


def _stroke(colour: str, dash: str, d: str, arrow_kind: str | None = None) -> str:
    pattern = f' stroke-dasharray="{dash}" stroke-linecap="round"' if dash else ""
    end = f' marker-end="url(#arrow-{arrow_kind})"' if arrow_kind else ""
    return f'<path d="{d}" fill="none" stroke="{colour}" stroke-width="{num(WIDTH)}"{pattern}{end}/>'


def _legend_rows(items: list[tuple[str, str, str]], y: float, width: float) -> tuple[list[str], float]:
    """Legend entries `(colour, dash, label)` flowed into rows; returns the markup and the last row's y."""
    body, x = [], PAD_X
    for colour, dash, label in items:
        item_w = 52 + text_width(label, 13) + 22
        if x + item_w > width - PAD_X and x > PAD_X:
            x, y = PAD_X, y + 28
        body.append(_stroke(colour, dash, f"M{num(x)},{num(y)} L{num(x + 44)},{num(y)}"))
        body.append(text(x + 52, y + 4.5, label, size=13))
        x += item_w
    return body, y


def _legend(ties: tuple[Tie, ...], y: float, width: float) -> tuple[list[str], float]:
    """Two legends: the kinds present (colour, solid) and the statuses present (line pattern, grey)."""
    kinds, statuses = kinds_present(ties), statuses_present(ties)
    body = [text(PAD_X, y, "Kind of tie", size=13, weight="700")]
    rows, y = _legend_rows([(COLOURS[k], "", KIND_NAMES[k]) for k in kinds], y + 24, width)
    body += rows
    body.append(text(PAD_X, y + 36, "How the article presents it", size=13, weight="700"))
    rows, y = _legend_rows([(INK, DASHES[s], STATUS_NAMES[s].capitalize()) for s in statuses], y + 60, width)
    return body + rows, y


def render_partnership_map(data: SiteData) -> str:
    nodes, columns, rows = _nodes(data)
    width = max(2 * PAD_X + CELL_W * columns, MIN_WIDTH)
    body = _marker_defs(sorted({t.kind for t in data.ties}))

    groups: dict[tuple[str, str], list[Tie]] = {}
    for tie in data.ties:
        groups.setdefault(tuple(sorted((tie.source, tie.target))), []).append(tie)  # type: ignore[arg-type]
    edges, labels = [], []
    taken: list[tuple[float, float, float, float]] = []  # boxes of the ¶ labels placed so far
    lowest = max(n.cy + n.h / 2 for n in nodes.values()) if nodes else TOP
    for (first, second), ties in sorted(groups.items()):
        a, b = nodes[first], nodes[second]
        base = _best_offset(a, b, nodes)
        ties = sorted(ties, key=lambda t: (KINDS.index(t.kind), t.source))
        for index, tie in enumerate(ties):
            offset = base + GROUP_SPACING * (index - (len(ties) - 1) / 2)
            start, end = (a, b) if tie.source == first else (b, a)
            sign = 1 if tie.source == first else -1  # the normal flips with the direction
            p0, c, p1 = _curve(start, end, offset * sign)
            d = f"M{num(p0[0])},{num(p0[1])} Q{num(c[0])},{num(c[1])} {num(p1[0])},{num(p1[1])}"
            paragraphs = "¶" + ", ".join(map(str, tie.sources))
            edges.append(f'<g class="tie tie-{tie.kind} tie-{tie.status}">')
            edges.append(
                f"<title>{esc(KIND_NAMES[tie.kind])}, {esc(STATUS_NAMES[tie.status])}: {esc(_plain(tie.says))}</title>"
            )
            edges.append(_stroke(COLOURS[tie.kind], DASHES[tie.status], d, tie.kind if tie.directed else None))
            edges.append("</g>")
            lowest = max([lowest] + [_point(p0, c, p1, i / 20)[1] + 8 for i in range(21)])
            mx, my = _label_spot(p0, c, p1, paragraphs, taken, nodes)
            labels.append(text(mx, my + 4, paragraphs, size=SMALL, anchor="middle", weight="600", halo=True))
    body += edges

    for node in nodes.values():
        body.append(f'<g class="actor"><title>{esc(node.title)}</title>')
        body.append(
            f'<rect x="{num(node.cx - node.w / 2)}" y="{num(node.cy - node.h / 2)}" width="{num(node.w)}" '
            f'height="{num(node.h)}" rx="8" fill="{NODE}" stroke="{INK}" stroke-width="1.5"/>'
        )
        first_y = node.cy - LINE_H * (len(node.lines) - 1) / 2 + 5
        for i, line in enumerate(node.lines):
            body.append(text(node.cx, first_y + LINE_H * i, line, size=14, anchor="middle", weight="600"))
        body.append("</g>")
    body += labels

    legend_top = max(TOP + CELL_H * rows, lowest + 24) + 6
    legend, last_y = _legend(data.ties, legend_top, width)
    body += legend
    footer_y = last_y + 32
    footer = (
        "Arrows point from the actor that acts: gives aid, reaches out, depends, sanctions, rivals, "
        "takes territory or turns away."
    )
    # text_width is an estimate: leave a margin for wider system fonts.
    for i, footer_line in enumerate(_wrap_to(footer, 0.85 * (width - 2 * PAD_X), 13)):
        body.append(text(PAD_X, footer_y + 18 * i, footer_line, size=13, fill=MUTED))
        height = footer_y + 18 * i + 16
    return document(width, height, "Partnership map of the actors and their ties", describe(data), body)


def _label_spot(p0, c, p1, label: str, taken: list, nodes: dict[str, Node]) -> tuple[float, float]:
    """Where on the curve a tie's ¶ label goes: the point nearest the middle whose box meets no label placed
    before and no actor's box (the middle itself if none is free); the chosen box is added to `taken`."""
    half_w, half_h = text_width(label, SMALL) * 0.6 + 3, SMALL * 0.6 + 2

    def box(point: tuple[float, float]) -> tuple[float, float, float, float]:
        return point[0] - half_w, point[1] - half_h, point[0] + half_w, point[1] + half_h

    def free(b: tuple[float, float, float, float]) -> bool:
        clear_of_labels = all(b[2] < t[0] or b[0] > t[2] or b[3] < t[1] or b[1] > t[3] for t in taken)
        clear_of_nodes = all(
            b[2] < n.cx - n.w / 2 or b[0] > n.cx + n.w / 2 or b[3] < n.cy - n.h / 2 or b[1] > n.cy + n.h / 2
            for n in nodes.values()
        )
        return clear_of_labels and clear_of_nodes

    for t in (0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74):
        point = _point(p0, c, p1, t)
        if free(box(point)):
            taken.append(box(point))
            return point
    point = _point(p0, c, p1, 0.5)
    taken.append(box(point))
    return point


def _wrap_to(content: str, width: float, size: float) -> list[str]:
    """Greedy word wrap of `content` into lines no wider than `width` at font `size`."""
    lines: list[str] = []
    for word in content.split():
        if lines and text_width(f"{lines[-1]} {word}", size) <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines

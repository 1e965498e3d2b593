"""Draw the timeline: events on a horizontal axis by year, from the same `TimelineEvent`s as the timeline list.

Long empty stretches of years are cut out of the axis (shown with a break mark) so that 1972 and
2014-2025 both stay readable; labels go into lanes above and below the axis, first free lane first.
"""

from __future__ import annotations

from dataclasses import dataclass

from svgfigures.model import MONTHS, TimelineEvent
from svgfigures.svg import BLUE, INK, MUTED, PANEL, PANEL_EDGE, document, line, num, text, text_width, wrap

WIDTH = 680  # at most the text column's width (688 px at a 1280 px window), so 12 px text stays 12 px
PAD = 32
TOP = 24
AXIS_GAP = 34  # from the axis to the first lane's nearest text line
BREAK_W = 46
GAP_MAX = 4  # a run of more empty years than this is cut from the axis
LABEL_CHARS = 20
LINE_H = 15


def date_text(event: TimelineEvent, short: bool = False) -> str:
    """`2014`, `September 2023`, or a range `November 2024 – January 2025` (short: `Sep 2023`)."""

    def one(when: tuple[int, int]) -> str:
        year, month = when
        if not month:
            return str(year)
        name = MONTHS[month - 1]
        return f"{name[:3] if short else name} {year}"

    return one(event.start) if event.end is None else f"{one(event.start)} – {one(event.end)}"


def _value(when: tuple[int, int]) -> float:
    year, month = when
    return year + ((month - 0.5) / 12 if month else 0.5)


@dataclass(frozen=True)
class Axis:
    runs: tuple[tuple[int, int], ...]  # (first year, last year) shown, in order; breaks between runs
    left: float
    year_w: float

    def x(self, value: float) -> float:
        pos = self.left
        for index, (first, last) in enumerate(self.runs):
            if index:
                pos += BREAK_W
            if value < last + 1 or index == len(self.runs) - 1:
                return pos + (max(value, first) - first) * self.year_w
            pos += (last + 1 - first) * self.year_w
        return pos  # not reached


def build_axis(events: tuple[TimelineEvent, ...], width: float = WIDTH) -> Axis:
    years = sorted({e.start[0] for e in events} | {e.end[0] for e in events if e.end})
    runs: list[list[int]] = []
    for year in years:
        if runs and year - runs[-1][1] <= GAP_MAX + 1:
            runs[-1][1] = year
        else:
            runs.append([year, year])
    units = sum(last + 1 - first for first, last in runs)
    year_w = (width - 2 * PAD - BREAK_W * (len(runs) - 1)) / max(units, 1)
    return Axis(tuple((a, b) for a, b in runs), PAD, year_w)


@dataclass(frozen=True)
class Placed:
    event: TimelineEvent
    x: float  # marker position (start of a range)
    x_end: float | None
    lines: tuple[str, ...]  # date, then the wrapped label
    left: float
    right: float
    lane: int  # 0, 1, 2 ... ; even lanes above the axis, odd below


def place(events: tuple[TimelineEvent, ...], axis: Axis, width: float = WIDTH) -> list[Placed]:
    lane_ends: dict[int, float] = {}
    placed = []
    for event in events:
        x = axis.x(_value(event.start))
        x_end = axis.x(_value(event.end)) if event.end else None
        date = date_text(event, short=True) + (" *" if event.context else "")
        sources = "¶" + ", ".join(map(str, event.sources))
        lines = (f"{date}  {sources}", *wrap(event.label, LABEL_CHARS))
        w = max(text_width(lines[0], 13) * 1.1, *(text_width(line, 13) for line in lines[1:])) + 8  # line 0 is bold
        centre = x if x_end is None else (x + x_end) / 2
        left = min(max(centre - w / 2, PAD / 2), width - PAD / 2 - w)
        lane = 0
        while lane_ends.get(lane, -1e9) + 10 > left:
            lane += 1
        lane_ends[lane] = left + w
        placed.append(Placed(event, x, x_end, lines, left, left + w, lane))
    return placed


def describe(events: tuple[TimelineEvent, ...]) -> str:
    parts = [
        f"Timeline of {len(events)} events the article mentions, "
        f"from {date_text(events[0])} to {date_text(events[-1])}."
    ]
    for e in events:
        note = " (date from context, not from the article)" if e.context else ""
        parts.append(f"{date_text(e)}{note}: {e.label} (¶{', '.join(map(str, e.sources))}).")
    return " ".join(parts)


def render_timeline(events: tuple[TimelineEvent, ...]) -> str:
    if not events:
        raise ValueError("the timeline has no events")
    axis = build_axis(events)
    placed = place(events, axis)
    lane_h = LINE_H * max(len(p.lines) for p in placed) + 18
    above = max([p.lane // 2 + 1 for p in placed if p.lane % 2 == 0] + [0])
    below = max([p.lane // 2 + 1 for p in placed if p.lane % 2 == 1] + [0])
    axis_y = TOP + AXIS_GAP + max(above - 1, 0) * lane_h + LINE_H * (max(len(p.lines) for p in placed) - 1)
    height = axis_y + AXIS_GAP + max(below - 1, 0) * lane_h + LINE_H * max(len(p.lines) for p in placed) + 44

    body = []  # the page's caption says what the figure shows
    # The axis, one segment per run of years, with a break mark between runs.
    for index, (first, last) in enumerate(axis.runs):
        x0, x1 = axis.x(first), axis.x(last + 1 - 1e-9)
        body.append(line(x0, axis_y, x1, axis_y, INK, 2))
        step = 1 if axis.year_w >= 40 else 2 if axis.year_w >= 20 else 5
        for year in range(first, last + 1):
            if (year - first) % step and year != last:
                continue
            tx = axis.x(year + 0.5)
            body.append(line(tx, axis_y - 5, tx, axis_y + 5, INK, 1.5))
            body.append(text(tx, axis_y + 20, str(year), size=12, anchor="middle", fill=MUTED))
        if index:
            bx = x0 - BREAK_W / 2
            body.append(
                f'<path d="M{num(bx - 9)},{num(axis_y + 7)} l6,-14 M{num(bx + 3)},{num(axis_y + 7)} l6,-14" '
                f'stroke="{MUTED}" stroke-width="2" fill="none"/>'
            )
            body.append(line(bx - 20, axis_y, bx + 20, axis_y, PANEL_EDGE, 2, 'stroke-dasharray="3 4"'))

    for p in placed:
        level = p.lane // 2
        is_above = p.lane % 2 == 0
        n = len(p.lines)
        if is_above:
            last_y = axis_y - AXIS_GAP - level * lane_h
            first_y = last_y - LINE_H * (n - 1)
            leader_end = last_y + 6
        else:
            first_y = axis_y + AXIS_GAP + 12 + level * lane_h
            leader_end = first_y - 13
        anchor_x = p.x if p.x_end is None else (p.x + p.x_end) / 2
        leader_start = axis_y if is_above else axis_y + 26  # below: start under the year labels
        sources = "¶" + ", ".join(map(str, p.event.sources))
        body.append(f'<g class="event"><title>{date_text(p.event)}: {p.event.label} ({sources})</title>')
        body.append(
            f'<line x1="{num(anchor_x)}" y1="{num(leader_start)}" x2="{num(anchor_x)}" y2="{num(leader_end)}" '
            f'stroke="{PANEL_EDGE}" stroke-width="1.5"/>'
        )
        if p.x_end is not None:
            span = f'x1="{num(p.x)}" y1="{num(axis_y)}" x2="{num(p.x_end)}" y2="{num(axis_y)}" stroke-linecap="round"'
            body.append(f'<line {span} stroke="{BLUE}" stroke-width="11"/>')
            if p.event.context:  # hollow, like a context-dated point
                body.append(f'<line {span} stroke="{PANEL}" stroke-width="5"/>')
        elif p.event.context:
            body.append(
                f'<circle cx="{num(p.x)}" cy="{num(axis_y)}" r="6" fill="{PANEL}" stroke="{BLUE}" stroke-width="2.5"/>'
            )
        else:
            body.append(
                f'<circle cx="{num(p.x)}" cy="{num(axis_y)}" r="6.5" fill="{BLUE}" '
                f'stroke="{PANEL}" stroke-width="1.5"/>'
            )
        tx = p.left + 4
        body.append(text(tx, first_y, p.lines[0], size=13, weight="700", halo=True))
        for i, label_line in enumerate(p.lines[1:], start=1):
            body.append(text(tx, first_y + LINE_H * i, label_line, size=13, halo=True))
        body.append("</g>")

    if any(e.context for e in events):
        body.append(
            text(
                24,
                height - 16,
                "* Hollow marker: the date is documented context, not given by the article.",
                size=12,
                fill=MUTED,
            )
        )
    return document(WIDTH, height, "Timeline of the events the article mentions", describe(events), body)

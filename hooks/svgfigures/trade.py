"""Draw the Russia-China trade bar chart from `TradeSeries` as a standalone SVG.

One bar per year on a zero-based axis with round gridlines; each bar carries its value as a text
label, and the footer cites the ¶ the figures come from.
"""

from __future__ import annotations

import math

from svgfigures.model import TradeSeries
from svgfigures.svg import BLUE, INK, MUTED, PANEL_EDGE, document, line, num, text

WIDTH, HEIGHT = 640, 420
LEFT, RIGHT, TOP, BOTTOM = 76, 28, 70, 92


def value_label(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else num(value)


def nice_step(maximum: float, max_ticks: int = 6) -> float:
    """The smallest of 1, 2, 2.5, 5 x 10^k that covers `maximum` in at most `max_ticks` steps."""
    if maximum <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(maximum / max_ticks))
    for factor in (1, 2, 2.5, 5, 10):
        step = factor * power
        if math.ceil(maximum / step) <= max_ticks:
            return step
    return 10 * power  # not reached


def sources_text(sources: tuple[int, ...]) -> str:
    return "¶" + ", ".join(map(str, sources))


def describe(series: TradeSeries) -> str:
    parts = [f"{value_label(v)} in {year}" for year, v in series.points]
    source = f"Source: the article, {sources_text(series.sources)}."
    return f"Bar chart. {series.title}, in {series.unit}: {', '.join(parts)}. {source}"


def render_trade(series: TradeSeries) -> str:
    maximum = max(v for _, v in series.points)
    step = nice_step(maximum)
    top_value = step * max(1, math.ceil(maximum / step))
    plot_h = HEIGHT - TOP - BOTTOM
    plot_w = WIDTH - LEFT - RIGHT

    def y_of(value: float) -> float:
        return TOP + plot_h - plot_h * value / top_value

    body = [text(24, 40, series.unit, size=14, fill=MUTED)]  # the axis unit; the caption gives the title
    ticks = round(top_value / step)
    for i in range(ticks + 1):
        value = step * i
        y = y_of(value)
        body.append(line(LEFT, y, WIDTH - RIGHT, y, PANEL_EDGE, 1))
        body.append(text(LEFT - 10, y + 5, value_label(value), size=13, anchor="end", fill=MUTED))
    slot = plot_w / len(series.points)
    bar_w = min(120.0, slot * 0.55)
    for index, (year, value) in enumerate(series.points):
        cx = LEFT + slot * (index + 0.5)
        y = y_of(value)
        body.append(
            f'<rect x="{num(cx - bar_w / 2)}" y="{num(y)}" width="{num(bar_w)}" height="{num(TOP + plot_h - y)}" '
            f'fill="{BLUE}"><title>{year}: {value_label(value)} {series.unit}</title></rect>'
        )
        body.append(text(cx, y - 10, value_label(value), size=18, anchor="middle", weight="700"))
        body.append(text(cx, TOP + plot_h + 26, str(year), size=15, anchor="middle"))
    body.append(line(LEFT, TOP + plot_h, WIDTH - RIGHT, TOP + plot_h, INK, 1.5))
    body.append(text(24, HEIGHT - 22, f"Source: the article, {sources_text(series.sources)}", size=13, fill=MUTED))
    return document(WIDTH, HEIGHT, series.title, describe(series), body)

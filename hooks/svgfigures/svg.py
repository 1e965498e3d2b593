"""Small helpers shared by the SVG renderers: escaping, fixed number formatting, text measuring and the document frame.

Output is plain strings built in a fixed order, so the same data always gives byte-identical SVG.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

FONT = "system-ui, sans-serif"
# Okabe-Ito colours (colour-blind safe), each with at least 3:1 contrast on the light panel the figure brings along.
INK = "#1f1f1f"
MUTED = "#555555"
PANEL = "#ffffff"
PANEL_EDGE = "#c8c8c8"
NODE = "#f4f6f9"  # an actor's box on the partnership map
BLUE = "#0072B2"
VERMILLION = "#D55E00"
GREEN = "#009E73"  # Okabe-Ito bluish green, 3.4:1 on white
PURPLE = "#B4548F"  # Okabe-Ito reddish purple #CC79A7 (3.1:1), darkened to 4.6:1 on white
BLACK = "#000000"
# Further hues for the partnership map's kinds of tie, each at least 3:1 on white.
STEEL = "#4A7FA8"
NAVY = "#2B3F8F"
TEAL = "#00775A"
OCHRE = "#8C6D00"
RED = "#A50F15"

# The dark variant: each colour's counterpart on a dark panel near the site's dark palette (slate), the same hue
# lightened to at least 3:1 (text 4.5:1). A figure shown with <img> follows the page's palette: browsers answer
# `prefers-color-scheme` inside an SVG image with the `color-scheme` of the element showing it, which the site's
# stylesheet sets from the palette the reader chose.
DARK: dict[str, str] = {
    INK: "#e3e5ea",
    MUTED: "#aeb3bd",
    PANEL: "#252935",
    PANEL_EDGE: "#4a5061",
    NODE: "#313645",
    BLUE: "#56B4E9",
    VERMILLION: "#F0884A",
    GREEN: "#2FC79B",
    PURPLE: "#E38DC3",
    BLACK: "#ffffff",
    STEEL: "#8DB8D9",
    NAVY: "#98A8F0",
    TEAL: "#4FB89E",
    OCHRE: "#D9B23A",
    RED: "#FF7A7A",
}


def _dark_style() -> str:
    """A stylesheet that repaints every light colour (as a fill or a stroke attribute) in its dark counterpart."""
    rules = "".join(
        f'[{attr}="{light}"]{{{attr}:{dark}}}' for light, dark in DARK.items() for attr in ("fill", "stroke")
    )
    return f"<style>@media (prefers-color-scheme: dark){{{rules}}}</style>"


_DARK_STYLE = _dark_style()


def esc(text: str) -> str:
    """Escape text for XML content and double-quoted attributes."""
    return escape(str(text), {'"': "&quot;"})


def num(value: float) -> str:
    """A coordinate with at most one decimal, no trailing zeros, never `-0`."""
    text = f"{round(value, 1):.1f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


# Rough advance widths (in em) of a system sans-serif; enough to keep labels from colliding.
_NARROW = set("iljtf.,;:'!|()[] ")
_WIDE = set("mwMW@%")


def text_width(text: str, size: float) -> float:
    total = 0.0
    for ch in text:
        if ch in _NARROW:
            total += 0.32
        elif ch in _WIDE:
            total += 0.86
        elif ch.isupper() or ch.isdigit():
            total += 0.64
        else:
            total += 0.54
    return total * size


def wrap(text: str, max_chars: int) -> list[str]:
    """Greedy word wrap; a single long word stays on its own line."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= max_chars:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def document(width: float, height: float, title: str, desc: str, body: list[str]) -> str:
    """A complete standalone SVG: accessible name and description, its own rounded panel (light, or dark where the
    page or the system asks for it), system fonts. The page's caption says what it shows: no heading inside."""
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" role="img" aria-labelledby="t d" '
        f'width="{num(width)}" height="{num(height)}" viewBox="0 0 {num(width)} {num(height)}" '
        f'font-family="{FONT}" font-size="14" fill="{INK}">'
    )
    frame = [
        head,
        f'<title id="t">{esc(title)}</title>',
        f'<desc id="d">{esc(desc)}</desc>',
        _DARK_STYLE,
        f'<rect x="0.5" y="0.5" width="{num(width - 1)}" height="{num(height - 1)}" rx="12" '
        f'fill="{PANEL}" stroke="{PANEL_EDGE}"/>',
    ]
    return "\n".join(frame + body + ["</svg>"]) + "\n"


def text(
    x: float,
    y: float,
    content: str,
    *,
    size: float = 14,
    anchor: str = "start",
    weight: str = "",
    fill: str = "",
    halo: bool = False,
) -> str:
    """One `<text>` element; `halo` paints a white outline under the glyphs so labels stay legible over lines."""
    attrs = [f'x="{num(x)}"', f'y="{num(y)}"']
    if size != 14:
        attrs.append(f'font-size="{num(size)}"')
    if anchor != "start":
        attrs.append(f'text-anchor="{anchor}"')
    if weight:
        attrs.append(f'font-weight="{weight}"')
    if fill:
        attrs.append(f'fill="{fill}"')
    if halo:
        attrs.append(f'stroke="{PANEL}" stroke-width="4" stroke-linejoin="round" paint-order="stroke"')
    return f"<text {' '.join(attrs)}>{esc(content)}</text>"


def line(x1: float, y1: float, x2: float, y2: float, stroke: str, width: float, extra: str = "") -> str:
    """One straight `<line>`; `extra` holds further attributes, e.g. `stroke-dasharray="3 4"`."""
    tail = f" {extra}" if extra else ""
    return (
        f'<line x1="{num(x1)}" y1="{num(y1)}" x2="{num(x2)}" y2="{num(y2)}" '
        f'stroke="{stroke}" stroke-width="{num(width)}"{tail}/>'
    )

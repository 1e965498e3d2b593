"""Scan rendered HTML once into the text a reader sees, with a map back to the original string.

A small hand-written tokenizer walks tags, comments and text in one linear pass, jumps over the
elements where links are not allowed, and records text segments (with their parent element and
H2 section) so that a match in the text can be turned into insertion points in the original HTML.
"""

from __future__ import annotations

import html as _html
import re
from bisect import bisect_right
from dataclasses import dataclass

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# Separator put into the text at block boundaries and skipped blocks: no term contains it, so no
# match crosses a paragraph, a list item or a table cell, and it is a word boundary.
SEP = "\x00"

# Segment flags.
TEXT = 0  # linkable text
BLOCKED = 1  # visible text where no link may be added (a link, code, a passage switched off)
CROSSLINK = 2  # the text of an existing `a.crosslink` (a mention, so linking is idempotent)

# Element kinds.
_INLINE = 0  # phrasing element: adds no separator; a link may wrap it whole
_BLOCK = 1  # everything else: a separator on open and close
_SKIP_INLINE = 2  # phrasing element whose text is seen but never linked (a, code, kbd, samp)
_SKIP_BLOCK = 3  # element jumped over entirely (headings, pre, block quotes, admonition titles, ...)
_VOID_SPACE = 4  # <br>: a space
_VOID_SEP = 5  # <img>, <input>, <hr>, ...: a separator
_VOID_NONE = 6  # <wbr>: nothing

# fmt: off
_INLINE_TAGS = (
    "abbr", "b", "bdi", "bdo", "cite", "data", "del", "dfn", "em", "font", "i", "ins", "mark", "q", "s",
    "small", "span", "strong", "sub", "sup", "time", "u", "var",
)
_SKIP_INLINE_TAGS = ("a", "code", "kbd", "samp", "tt")
_SKIP_BLOCK_TAGS = (
    "h1", "h2", "h3", "h4", "h5", "h6", "pre", "script", "style", "textarea", "blockquote", "summary",
    "label", "nav", "button", "select", "svg", "math", "template", "title", "noscript", "iframe", "object",
    "video", "audio", "canvas", "head",
)
_BLOCK_TAGS = (
    "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "td", "th",
    "caption", "details", "section", "article", "aside", "figure", "figcaption", "main", "header", "footer",
    "form", "fieldset", "legend", "center",
)
_VOID_TAGS = (
    "img", "input", "hr", "meta", "link", "col", "area", "base", "embed", "source", "track", "param", "keygen",
)
# fmt: on

_KINDS: dict[str, int] = {
    **dict.fromkeys(_INLINE_TAGS, _INLINE),
    **dict.fromkeys(_SKIP_INLINE_TAGS, _SKIP_INLINE),
    **dict.fromkeys(_SKIP_BLOCK_TAGS, _SKIP_BLOCK),
    **dict.fromkeys(_BLOCK_TAGS, _BLOCK),
    **dict.fromkeys(_VOID_TAGS, _VOID_SEP),
    "br": _VOID_SPACE,
    "wbr": _VOID_NONE,
}

# Elements that contain no element of their own name, so a jump looks for the first close tag.
# fmt: off
_FLAT = frozenset((
    "a", "code", "kbd", "samp", "tt", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "script", "style",
    "textarea", "summary", "label", "button", "select", "title", "p",
))
# fmt: on

# Classes whose element is never linked into: admonition titles, tab labels, tables of contents,
# math, permalinks, and an opt-out class for editors (`{ .no-crosslinks }`).
_SKIP_CLASSES = frozenset(
    ("admonition-title", "tabbed-labels", "toc", "md-nav", "arithmatex", "headerlink", "no-crosslinks")
)

# Footnote reference and back-reference links: their digits and arrows are not prose.
_SILENT_CLASSES = frozenset(("footnote-ref", "footnote-backref"))

_TOKEN_RE = re.compile(
    r"<(?:"
    r"(/?)([A-Za-z][A-Za-z0-9:-]*)([^>\"']*(?:(?:\"[^\"]*\"|'[^']*')[^>\"']*)*)>"  # tags
    r"|!--(.*?)-->"  # comments
    r"|![^>]*>|\?[^>]*>"  # doctype, processing instructions
    r")",
    re.S,
)
_CLASS_RE = re.compile(r"""(?:^|\s)class\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.I)
_TAGS_RE = re.compile(r"<[^>]*>")
_SLOW_RE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);| {2,}")
_SPACES_RE = re.compile(r" {2,}")

# Whitespace becomes a plain space, one for one, so offsets hold.
_WS = str.maketrans({"\n": " ", "\r": " ", "\t": " ", "\f": " ", "\v": " ", "\xa0": " "})

_OFF = "crosslinks: off"
_ON = "crosslinks: on"

_close_res: dict[str, re.Pattern[str]] = {}


@dataclass(slots=True)
class Scan:
    """The visible text of an HTML string and everything needed to splice links back into it.

    `text` holds the decoded text with whitespace runs collapsed and SEP at block boundaries.
    Segment `i` starts at `text[seg_s[i]]` and is `segs[i]` = (html start, html end, parent,
    flag, H2 section, map); the map is None when text and HTML correspond character for
    character, else (text starts, html starts, html lengths, atomic flags) of its pieces,
    relative to the segment. A parent is an index into `els`, the inline elements
    ([tag, parent, depth, open tag start, content start, close tag start, close tag end]), or a
    negative number naming the block the text sits directly in.
    """

    html: str
    text: str
    seg_s: list[int]
    segs: list[tuple]
    els: list[list]

    def segment(self, p: int) -> int:
        """Index of the segment holding text position `p`."""
        return bisect_right(self.seg_s, p) - 1

    def start_offset(self, i: int, p: int) -> int:
        """Offset in the HTML where the character at text position `p` (in segment i) starts."""
        rel = p - self.seg_s[i]
        seg = self.segs[i]
        m = seg[5]
        if m is None:
            return seg[0] + rel
        starts, origins, _lengths, atomic = m
        j = bisect_right(starts, rel) - 1
        if atomic[j]:
            return seg[0] + origins[j]
        return seg[0] + origins[j] + rel - starts[j]

    def end_offset(self, i: int, p: int) -> int:
        """Offset in the HTML where the character at text position `p` (in segment i) ends."""
        rel = p - self.seg_s[i]
        seg = self.segs[i]
        m = seg[5]
        if m is None:
            return seg[0] + rel + 1
        starts, origins, lengths, atomic = m
        j = bisect_right(starts, rel) - 1
        if atomic[j]:
            return seg[0] + origins[j] + lengths[j]
        return seg[0] + origins[j] + rel - starts[j] + 1


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def scan(html: str) -> Scan:
    """Tokenize `html` in one pass and return its visible text and segment map."""
    parts: list[str] = []
    seg_s: list[int] = []
    segs: list[tuple] = []
    els: list[list] = []
    stack: list[int] = []  # open inline elements (indices into els)
    block = -1  # the block the text sits in: a new number after every block boundary

    kinds = _KINDS
    search = _TOKEN_RE.search
    plain = html.translate(_WS)  # whitespace as plain spaces, one for one, for the text
    size = 0  # length of the text so far
    last_space = True  # the text ends in a space or SEP: drop leading whitespace
    last_sep = True  # the text ends in SEP (or is empty): no second SEP
    off = False  # inside <!-- crosslinks: off -->
    section = 0
    pos = 0
    n = len(html)

    while True:
        m = search(html, pos)
        start = n if m is None else m.start()
        if start > pos:
            t = plain[pos:start]
            if not (last_space and not t.strip(" ")):
                o = pos
                if last_space and t[0] == " ":
                    stripped = t.lstrip(" ")
                    o += len(t) - len(stripped)
                    t = stripped
                mapping = None
                if "&" in t or "  " in t:
                    t, mapping = _decode(t, last_space)
                if t:
                    seg_s.append(size)
                    segs.append((o, start, stack[-1] if stack else block, BLOCKED if off else TEXT, section, mapping))
                    parts.append(t)
                    size += len(t)
                    last_space = t[-1] == " "
                    last_sep = False
        if m is None:
            break
        pos = m.end()
        closing, name, attrs, comment = m.groups()
        if name is None:
            if comment is not None:
                comment = comment.strip()
                if comment == _OFF:
                    off = True
                elif comment == _ON:
                    off = False
            continue
        kind = kinds.get(name)
        if kind is None:
            name = name.lower()
            kind = kinds.get(name, _BLOCK)
        if closing:
            if kind == _INLINE:
                if stack and els[stack[-1]][0] == name:
                    el = els[stack.pop()]
                    el[5] = start
                    el[6] = pos
                else:
                    _close_open(stack, els, name, start, pos)
                continue
            if not last_sep:
                parts.append(SEP)
                size += 1
                last_space = last_sep = True
            block -= 1
            stack.clear()
            continue
        classes = None
        if kind <= _BLOCK and "class" in attrs:
            classes = _classes(attrs)
            if classes & _SKIP_CLASSES:
                kind = _SKIP_INLINE if kind == _INLINE else _SKIP_BLOCK
        if kind == _INLINE:
            els.append([name, stack[-1] if stack else block, len(stack) + 1, start, pos, -1, -1])
            stack.append(len(els) - 1)
        elif kind in (_BLOCK, _SKIP_BLOCK):
            if kind == _SKIP_BLOCK:  # a heading, a code block...: step over its content
                if name == "h2":
                    section += 1
                if not attrs.endswith("/"):
                    pos = _jump(html, name, pos)[1]
            if not last_sep:  # either way, text does not run across the block's edge
                parts.append(SEP)
                size += 1
                last_space = last_sep = True
            block -= 1
            stack.clear()
        elif kind == _SKIP_INLINE:
            if attrs.endswith("/"):
                continue
            close, end = _jump(html, name, pos)
            flag = BLOCKED
            if classes is None and name == "a" and "class" in attrs:
                classes = _classes(attrs)
            if classes:
                if classes & _SILENT_CLASSES:
                    pos = end
                    continue
                if name == "a" and "crosslink" in classes:
                    flag = CROSSLINK
            inner = plain[pos:close]
            has_img = False
            if "<" in inner:
                has_img = "<img" in inner
                inner = _TAGS_RE.sub("", inner)
            if "&" in inner:
                inner = _html.unescape(inner).translate(_WS)
            if "  " in inner:
                inner = _SPACES_RE.sub(" ", inner)
            if last_space and inner[:1] == " ":
                inner = inner[1:]
            if inner:
                seg_s.append(size)
                segs.append((start, end, stack[-1] if stack else block, flag, section, None))
                parts.append(inner)
                size += len(inner)
                last_space = inner[-1] == " "
                last_sep = False
            elif has_img and not last_sep:
                parts.append(SEP)
                size += 1
                last_space = last_sep = True
            pos = end
        elif kind == _VOID_SPACE:
            if not last_space:
                parts.append(" ")
                size += 1
                last_space = True
        elif kind == _VOID_SEP and not last_sep:
            parts.append(SEP)
            size += 1
            last_space = last_sep = True
    return Scan(html=html, text="".join(parts), seg_s=seg_s, segs=segs, els=els)


def tokens(html: str) -> list[str]:
    """Split `html` into tags, comments and text runs with the scanner's tokenizer (for the benchmark floor)."""
    out: list[str] = []
    search = _TOKEN_RE.search
    pos = 0
    while True:
        m = search(html, pos)
        if m is None:
            if pos < len(html):
                out.append(html[pos:])
            return out
        if m.start() > pos:
            out.append(html[pos : m.start()])
        out.append(m.group())
        pos = m.end()


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------


def _classes(attrs: str) -> frozenset[str]:
    m = _CLASS_RE.search(attrs)
    if m is None:
        return frozenset()
    value = m.group(1) if m.group(1) is not None else m.group(2) if m.group(2) is not None else m.group(3)
    return frozenset(value.split())


def _jump(html: str, name: str, pos: int) -> tuple[int, int]:
    """Start and end of the tag closing the element `name` opened just before `pos`."""
    pattern = _close_res.get(name)
    if pattern is None:
        if name in _FLAT:
            pattern = re.compile(rf"</{re.escape(name)}\s*>", re.I)
        else:
            pattern = re.compile(rf"<(/?){re.escape(name)}(?=[\s/>])[^>]*>", re.I)
        _close_res[name] = pattern
    if name in _FLAT:
        m = pattern.search(html, pos)
        return (m.start(), m.end()) if m else (len(html), len(html))
    depth = 1
    for m in pattern.finditer(html, pos):
        if m.group(1):
            depth -= 1
            if depth == 0:
                return m.start(), m.end()
        elif not m.group().endswith("/>"):
            depth += 1
    return len(html), len(html)


def _close_open(stack: list[int], els: list[list], name: str, start: int, end: int) -> None:
    """Close the innermost open inline `name`, leaving the elements opened inside it unclosed."""
    for k in range(len(stack) - 1, -1, -1):
        el = els[stack[k]]
        if el[0] == name:
            el[5] = start
            el[6] = end
            del stack[k:]
            return


def _decode(t: str, last_space: bool):
    """Decode entities and collapse space runs in `t`; return the text and its piece map."""
    out: list[str] = []
    starts: list[int] = []
    origins: list[int] = []
    lengths: list[int] = []
    atomic: list[bool] = []
    size = 0
    prev = 0

    def piece(s: str, origin: int, length: int, whole: bool) -> None:
        nonlocal size, last_space
        if last_space and s[:1] == " ":
            if whole:
                return
            s = s[1:]
            origin += 1
            length -= 1
            if not s:
                return
        out.append(s)
        starts.append(size)
        origins.append(origin)
        lengths.append(length)
        atomic.append(whole)
        size += len(s)
        last_space = s[-1] == " "

    for m in _SLOW_RE.finditer(t):
        a, b = m.span()
        if a > prev:
            piece(t[prev:a], prev, a - prev, False)
        token = m.group()
        if token[0] == "&":
            decoded = _html.unescape(token).translate(_WS)
            if not decoded.strip(" "):
                decoded = " "
        else:
            decoded = " "
        piece(decoded, a, b - a, True)
        prev = b
    if prev < len(t):
        piece(t[prev:], prev, len(t) - prev, False)
    return "".join(out), (starts, origins, lengths, atomic)

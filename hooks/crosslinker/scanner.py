"""Scan rendered HTML once into the text a reader sees, with a map back to the original string.

One regular expression reads the HTML the way an HTML5 tokenizer does (comments, tags with quoted and
unquoted attribute values, raw text elements), swallows whole the elements where links are not
allowed, and leaves the plain inline tags Markdown writes (<em>, <abbr>...) in the text between its
tokens; a short loop cuts that text at those tags, entities and runs of spaces into segments, each
with its H2 section and the offset where its block's inline content starts. The inline elements
around a match are read from there only when a link has to be placed around them
(`inline_elements`), so the common case stays cheap.
"""

from __future__ import annotations

import functools
import html as _html
import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import chain
from typing import NamedTuple

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
ABBR = 3  # linkable text inside an <abbr>: only a link around the whole abbreviation may take it


# A segment is a piece of text between two tags, as a plain tuple read through these names (the
# scanner makes one per piece of text, and a NamedTuple costs four times as much to make):
# (html start, html end, context, flag, H2 section, atomic). Its `context` is the offset where the
# inline content of its block starts: `inline_elements` reads its inline elements from there. Its
# text maps to its HTML one character for one, unless it is `atomic`: an entity or a run of spaces,
# whose text stands for all of its HTML.
HTML_START, HTML_END, CONTEXT, FLAG, SECTION, ATOMIC = range(6)
Segment = tuple[int, int, int, int, int, bool]


class Element(NamedTuple):
    """An inline element (<em>, <abbr>, <span>...): a link may wrap it whole, never cut it."""

    tag: str
    parent: int  # index of the element it sits in, or -1 for the block itself
    depth: int  # open inline elements around it, itself included
    open_start: int  # offset of its open tag
    inner_start: int  # offset just after its open tag
    abbr: int  # the outermost <abbr> it is or sits in, or -1


# Element kinds.
_INLINE = 0  # phrasing element: adds no separator; a link may wrap it whole
_BLOCK = 1  # everything else: a separator on open and close
_SKIP_INLINE = 2  # a link or code: its text is seen, never linked (read whole, see _TOKEN_RE)
_SKIP_BLOCK = 3  # element jumped over entirely (block quotes, svg, ...), or a block with a skip class
_VOID_SPACE = 4  # <br>: a space
_VOID_SEP = 5  # <img>, <input>, <hr>, ...: a separator
_VOID_NONE = 6  # <wbr>: nothing

# fmt: off
_INLINE_TAGS = (
    "abbr", "b", "bdi", "bdo", "cite", "data", "del", "dfn", "em", "font", "i", "ins", "mark", "q", "s",
    "small", "span", "strong", "sub", "sup", "time", "u", "var",
)
# Elements whose text is seen but never linked; the tokenizer reads each whole, up to its first close tag.
_SKIP_INLINE_TAGS = ("a", "code", "kbd", "samp", "tt")
# Elements jumped over entirely. Those in the first group contain no element of their own name,
# so the tokenizer reads each whole; the others may nest and are jumped by counting.
_SKIP_FLAT_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6", "pre", "summary", "label", "button", "select")
# Elements that hold text only, up to their close tag.
_RAW_TEXT_TAGS = ("script", "style", "textarea", "title", "iframe", "xmp", "noembed", "noframes")
_SKIP_NESTED_TAGS = (
    "blockquote", "nav", "svg", "math", "template", "noscript", "object", "video", "audio", "canvas", "head",
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
    **dict.fromkeys(_SKIP_FLAT_TAGS + _RAW_TEXT_TAGS + _SKIP_NESTED_TAGS, _SKIP_BLOCK),
    **dict.fromkeys(_BLOCK_TAGS, _BLOCK),
    **dict.fromkeys(_VOID_TAGS, _VOID_SEP),
    "br": _VOID_SPACE,
    "wbr": _VOID_NONE,
}
# Elements that are never linked into, whatever their tag: admonition titles, tab labels, tables of
# contents, math, permalinks, and an opt-out class for editors (`{ .no-crosslinks }`).
_SKIP_CLASSES = frozenset(
    ("admonition-title", "tabbed-labels", "toc", "md-nav", "arithmatex", "headerlink", "no-crosslinks")
)
# Footnote reference and back-reference links: their digits and arrows are not prose.
_SILENT_CLASSES = frozenset(("footnote-ref", "footnote-backref"))
# Elements that honour `/>`: SVG and MathML; HTML ignores it on anything but void elements.
_FOREIGN = frozenset(("svg", "math"))

# The grammar of HTML5's tokenizer, as regular expressions. Every quantifier is possessive, so a
# page that never closes a tag costs one linear pass, not a backtracking search.
_WS_CLASS = r"\t\n\f\r "
_NAME_END = rf"(?=[{_WS_CLASS}/>])"


def _attributes(name: str = "") -> str:
    """A tag's attributes; `name` (a pattern) is an attribute name they must not have."""
    not_named = rf"(?!{name}[{_WS_CLASS}/>=])" if name else ""
    return (
        rf"(?:[{_WS_CLASS}]++|/(?!>)"  # separators (a lone "/" is one too)
        rf"|{not_named}[^{_WS_CLASS}/>][^{_WS_CLASS}/>=]*+"  # an attribute name (its first character may be "=")
        rf"""(?:[{_WS_CLASS}]*+=[{_WS_CLASS}]*+(?:"[^"]*+"|'[^']*+'|[^{_WS_CLASS}>]*+))?+)*+"""  # = value
    )


_ATTRS = _attributes()
_TAG = rf"</?[A-Za-z][^{_WS_CLASS}/>]*+{_ATTRS}/?>"
# The tags of highlighted code, as Pygments writes them by the hundred (`<span class="n">`): a special
# case of _TAG (without its "<") that the regular expression engine reads in far fewer steps. No
# element read whole is a span, so a span tag is never the close tag that ends `_content`.
_SIMPLE_TAG = r'/?span(?: class="[^"]*+")?>'


def _content(name: str) -> str:
    """An element's content up to its first close tag: tags are stepped over as tags, so that a `>`
    or a close tag inside an attribute value or a comment does not end it. `name` is a pattern."""
    return rf"(?:[^<]++|<(?:{_SIMPLE_TAG}|!--.*?-->|(?!/{name}{_NAME_END})(?:{_TAG[1:]})?))*+"


def _close(name: str) -> str:
    """The close tag of `name` (a pattern), or the end of the page for an element never closed."""
    return rf"(?:</{name}{_NAME_END}{_ATTRS}>|\Z)"


def _names(names: tuple[str, ...]) -> str:
    """A pattern matching any of `names`, as a trie ("t(?:able|d|r)"): the regular expression
    engine drops a branch at its first letter, so a tag is not compared with every name in turn."""
    tree: dict = {}
    for name in names:
        node = tree
        for c in name:
            node = node.setdefault(c, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        branches = [c + pattern(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and "" not in node else f"(?:{'|'.join(branches)})"
        return body + "?" if "" in node else body

    return pattern(tree)


# Attributes without a class (so without a class that skips the element).
_NO_CLASS = _attributes("[cC][lL][aA][sS][sS]")
# A block tag without a class (so without a class that skips it), and the spaces after it.
_PLAIN_BLOCK = rf"/?(?:{_names(_BLOCK_TAGS)}){_NAME_END}{_NO_CLASS}/?>[{_WS_CLASS}]*+"
# An inline tag without a class, as Markdown writes it (in lower case): it stays inside the text run.
_PLAIN_INLINE = rf"/?(?:{_names((*_INLINE_TAGS, 'wbr'))}){_NAME_END}{_NO_CLASS}/?>"


def _tokens(inline: bool) -> re.Pattern[str]:
    """The tokenizer: with `inline`, every tag is a token; without, plain inline tags are left in the text."""
    return re.compile(
        # A plain inline tag, the most common tag in prose, is ruled out first, in one step.
        f"<{'' if inline else f'(?!{_PLAIN_INLINE})'}(?:"
        # Block tags in a row, with the spaces between them: the edge of a paragraph, a cell, an item.
        rf"{_PLAIN_BLOCK}(?:<{_PLAIN_BLOCK})*+(?P<blocks>)"
        # Elements read whole, as Markdown writes them (in lower case): headings and code blocks, which
        # are stepped over; links and code, whose text is read.
        rf"|(?P<skipped>{_names(_SKIP_FLAT_TAGS)}){_NAME_END}{_ATTRS}>{_content('(?P=skipped)')}{_close('(?P=skipped)')}"
        rf"|(?P<whole>{_names(_SKIP_INLINE_TAGS)}){_NAME_END}(?P<whole_attrs>{_ATTRS})>"
        rf"(?P<inner>{_content('(?P=whole)')}){_close('(?P=whole)')}"
        # Elements that hold text only.
        rf"|(?P<raw>{_names(_RAW_TEXT_TAGS)}){_NAME_END}{_ATTRS}>.*?(?:</(?P=raw){_NAME_END}[^>]*+>|\Z)"
        # A comment, including the abrupt `<!-->` and one left open at the end of the page.
        r"|!--(?:-?>|(?P<comment>.*?)(?:--!?>|\Z))"
        # Bogus comments: `<!DOCTYPE ...>`, `<?...>`, `</ ...>`.
        r"|[!?][^>]*+(?:>|\Z)|/(?![A-Za-z])[^>]*+(?:>|\Z)"
        # Any other start or end tag.
        rf"|(?P<closing>/?)(?P<name>[A-Za-z][^{_WS_CLASS}/>]*+)(?P<attrs>{_ATTRS})(?P<self_closing>/?)>"
        ")",
        re.S,
    )


_TOKEN_RE = _tokens(inline=False)  # for `scan`, which cuts the text at plain inline tags itself
_INLINE_TOKEN_RE = _tokens(inline=True)  # for `inline_elements`
_INLINE_TAG_RE = re.compile(f"(<{_PLAIN_INLINE})")  # splits a run into text and tags
# Tokens, by the number of their last group (`m.lastindex`); bogus comments have none.
_GROUPS = _TOKEN_RE.groupindex
_BLOCKS, _SKIPPED, _WHOLE, _RAW, _COMMENT, _OTHER = (
    _GROUPS[name] for name in ("blocks", "skipped", "inner", "raw", "comment", "self_closing")
)
_EDGES = frozenset((_BLOCKS, _SKIPPED, _RAW))
_WHOLE_NAME, _WHOLE_ATTRS, _CLOSING, _NAME, _ATTRIBUTES, _SELF_CLOSING = (
    _GROUPS[name] for name in ("whole", "whole_attrs", "closing", "name", "attrs", "self_closing")
)
_ATTR_RE = re.compile(
    rf"""([^{_WS_CLASS}/>][^{_WS_CLASS}/>=]*+)(?:[{_WS_CLASS}]*+=[{_WS_CLASS}]*+"""
    rf"""(?:"([^"]*+)"|'([^']*+)'|([^{_WS_CLASS}>]*+)))?+"""
)
_TAGS_RE = re.compile(rf"<(?:!--.*?-->|/?[A-Za-z][^{_WS_CLASS}/>]*+{_ATTRS}/?>)", re.S)
# An entity as HTML5 (and `html.unescape`) reads it in text: the semicolon is optional for a few
# legacy names, and a name stops at a space, `<`, `&`, `#` or `;`.
_ENTITY = r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)"
_SPACES_RE = re.compile(r" {2,}")
# In text between tags, what is not its own text: an entity, a run of spaces (one group each);
# and entities alone, a pattern that starts with a literal and so is searched for much faster.
_SLOW_RE = re.compile(rf"({_ENTITY})|( {{2,}})")
_ENTITIES_RE = re.compile(rf"({_ENTITY})")
_ENTITIES: dict[str, str] = {}  # entity -> its text, as plain spaces

_OFF = "crosslinks: off"
_ON = "crosslinks: on"

_jump_res: dict[str, re.Pattern[str]] = {}


@dataclass(slots=True)
class Scan:
    """The visible text of an HTML string and everything needed to splice links back into it.

    `text` holds the decoded text with whitespace runs collapsed and SEP at block boundaries.
    Segment `i` starts at `text[seg_s[i]]` and is `segs[i]`. `barriers` are the text positions of
    elements that hold a link but no text (a footnote reference, an empty anchor): no link may
    span one. `abbrs` gives, for each segment inside an abbreviation, the offset of the open tag
    of the outermost <abbr> around it.
    """

    html: str
    text: str
    seg_s: list[int]
    segs: list[Segment]
    barriers: list[int]
    abbrs: dict[int, int]

    def segment(self, p: int) -> int:
        """Index of the segment holding text position `p`."""
        return bisect_right(self.seg_s, p) - 1

    def start_offset(self, i: int, p: int) -> int:
        """Offset in the HTML where the character at text position `p` (in segment i) starts."""
        html_start, _html_end, _context, _flag, _section, atomic = self.segs[i]
        return html_start if atomic else html_start + p - self.seg_s[i]

    def end_offset(self, i: int, p: int) -> int:
        """Offset in the HTML where the character at text position `p` (in segment i) ends."""
        html_start, html_end, _context, _flag, _section, atomic = self.segs[i]
        return html_end if atomic else html_start + p - self.seg_s[i] + 1


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def scan(html: str) -> Scan:
    """Tokenize `html` in one pass and return its visible text and segment map."""
    parts: list[str] = []
    seg_s: list[int] = []
    segs: list[Segment] = []
    barriers: list[int] = []
    abbr_starts: dict[int, int] = {}
    add_part, add_start, add_segment = parts.append, seg_s.append, segs.append
    kinds = _KINDS
    plain = _plain_spaces(html)  # whitespace as plain spaces, one for one, for the text
    n = len(html)
    size = 0  # length of the text so far
    last_space = True  # the text ends in a space or SEP: drop leading whitespace
    last_sep = True  # the text ends in SEP (or is empty): no second SEP
    off = False  # inside <!-- crosslinks: off -->
    section = 0
    pos = 0  # the end of the last token
    context = 0  # where the inline content of the current block starts
    abbrs = 0  # <abbr> elements open in the current block
    abbr_start = 0  # the offset of the outermost one's open tag
    flag = TEXT  # of the text runs: TEXT, ABBR inside an abbreviation, BLOCKED when switched off

    tokens = _TOKEN_RE.finditer(html)
    while True:
        for m in chain(tokens, (None,)):
            if m is None:
                start = end = n
            else:
                start, end = m.span()
                if start < pos:  # inside an element jumped over
                    if end > pos:  # a token the jump cut through: read on from where the jump ended
                        break
                    continue
            if start > pos:  # text, maybe with plain inline tags, entities and runs of spaces in it
                t = plain[pos:start]
                o = pos  # where the current piece of text starts in the HTML
                for k, part in enumerate(_INLINE_TAG_RE.split(t) if "<" in t else (t,)):
                    if k % 2:  # an inline tag: it splits the text, and may open or close an abbreviation
                        if part.startswith(("<abbr", "</abbr")):
                            if part[1] == "/":
                                abbrs = max(abbrs - 1, 0)
                            elif not abbrs:
                                abbrs, abbr_start = 1, o
                            else:
                                abbrs += 1
                            if not off:
                                flag = ABBR if abbrs else TEXT
                        o += len(part)
                        continue
                    # Entities and runs of spaces are pieces of their own, each linked whole.
                    pieces = _pieces(part) if "&" in part or "  " in part else ((part, len(part), False),)
                    for piece, length, atomic in pieces:
                        if not piece:
                            continue
                        if last_space and piece[0] == " ":
                            if atomic:
                                o += length
                                continue
                            piece = piece[1:]
                            o += 1
                            length -= 1
                            if not piece:
                                continue
                        if flag == ABBR:
                            abbr_starts[len(segs)] = abbr_start
                        add_start(size)
                        add_segment((o, o + length, context, flag, section, atomic))
                        add_part(piece)
                        size += len(piece)
                        last_space = piece[-1] == " "
                        last_sep = False
                        o += length
            if m is None:
                break
            pos = end
            token = m.lastindex
            if token in _EDGES:  # a block's edge, or a block stepped over
                if token == _SKIPPED and m.group(_SKIPPED) == "h2":
                    section += 1
                if not last_sep:
                    add_part(SEP)
                    size += 1
                    last_space = last_sep = True
                context = pos
                if abbrs:
                    abbrs = 0
                    flag = BLOCKED if off else TEXT
                continue
            if token == _WHOLE:  # a link or code: its text is read, never linked into
                attrs = m.group(_WHOLE_ATTRS)
                skipped = BLOCKED
                if attrs and ("class" in attrs or _has_class(attrs)):
                    classes = _classes(attrs)
                    if classes & _SILENT_CLASSES:  # no text, but a link may not span it either
                        barriers.append(size)
                        continue
                    if m.group(_WHOLE_NAME) == "a" and "crosslink" in classes:
                        skipped = CROSSLINK
                inner_start, inner_end = m.span(_WHOLE)
                inner = plain[inner_start:inner_end]
                has_img = False
                if "<" in inner or "&" in inner or "  " in inner:
                    inner, has_img = _skipped_text(inner)
            elif token == _OTHER:
                name = m.group(_NAME)
                kind = kinds.get(name)
                if kind is None:
                    name = name.lower()
                    kind = kinds.get(name, _BLOCK)
                if kind == _INLINE:  # with a class, or in capitals
                    if m.group(_CLOSING):
                        if name == "abbr" and abbrs:
                            abbrs -= 1
                            if not off:
                                flag = ABBR if abbrs else TEXT
                        continue
                    attrs = m.group(_ATTRIBUTES)
                    if not (attrs and _has_class(attrs) and _skip_class(attrs)):
                        if name == "abbr":
                            if not abbrs:
                                abbr_start = start
                            abbrs += 1
                            if not off:
                                flag = ABBR
                        continue
                    # With a skip class: read, never linked into, as a link or code is.
                    inner_end = _jump(html, name, pos)
                    inner, has_img = _skipped_text(plain[pos:inner_end])
                    pos = inner_end
                    skipped = BLOCKED
                elif kind == _SKIP_INLINE:  # a link or code in capitals, which the pattern reads in lower case
                    if m.group(_CLOSING):  # a stray close tag: nothing
                        continue
                    inner_end = _whole_end(html, name, pos)
                    inner, has_img = _skipped_text(plain[pos:inner_end])
                    pos = inner_end
                    skipped = BLOCKED
                elif kind == _VOID_SPACE:
                    if not last_space:
                        add_part(" ")
                        size += 1
                        last_space = True
                    continue
                elif kind == _VOID_NONE:
                    continue
                else:
                    if not m.group(_CLOSING):
                        if kind == _SKIP_BLOCK:
                            if name in _SKIP_FLAT_TAGS or name in _RAW_TEXT_TAGS:  # in capitals
                                pos = _whole_end(html, name, pos)
                            elif not (m.group(_SELF_CLOSING) and name in _FOREIGN):
                                pos = _jump(html, name, pos)
                            if name == "h2":
                                section += 1
                        elif kind == _BLOCK and _has_class(m.group(_ATTRIBUTES)) and _skip_class(m.group(_ATTRIBUTES)):
                            pos = _jump(html, name, pos)
                    # Any other tag ends the text run: a block's edge, a skipped block, an image...
                    if not last_sep:
                        add_part(SEP)
                        size += 1
                        last_space = last_sep = True
                    if kind != _VOID_SEP:
                        context = pos
                        if abbrs:
                            abbrs = 0
                            flag = BLOCKED if off else TEXT
                    continue
            elif token == _COMMENT:
                comment = m.group(_COMMENT)
                if "crosslinks" in comment:
                    comment = comment.strip()
                    if comment == _OFF:
                        off = True
                        flag = BLOCKED
                    elif comment == _ON:
                        off = False
                        flag = ABBR if abbrs else TEXT
                continue
            else:  # a bogus comment, a doctype
                continue
            # The text of an element that is read but never linked into (a link, code, a skipped span).
            if last_space and inner[:1] == " ":
                inner = inner[1:]
            if not inner:
                barriers.append(size)
                if has_img and not last_sep:
                    add_part(SEP)
                    size += 1
                    last_space = last_sep = True
                continue
            add_start(size)
            add_segment((start, pos, context, skipped, section, False))
            add_part(inner)
            size += len(inner)
            last_space = inner[-1] == " "
            last_sep = False
        if m is None:
            break
        tokens = _TOKEN_RE.finditer(html, pos)
    return Scan(html, "".join(parts), seg_s, segs, barriers, abbr_starts)


def inline_elements(html: str, context: int, first: int, last: int) -> tuple[list[Element], list, int, int]:
    """The inline elements of the block whose inline content starts at `context`, read as `scan` does.

    Returns the elements, the (start, end) of each one's close tag (None if it never closes before
    the block does), and the innermost element open at offset `first` and at offset `last` (-1 for
    the block itself). Reading stops at the block's end, or once every element open at `last` has closed.
    """
    kinds = _KINDS
    els: list[Element] = []
    closes: list[tuple[int, int] | None] = []
    stack: list[int] = []
    at_first = at_last = None
    pos = context
    tokens = _INLINE_TOKEN_RE.finditer(html, context)
    done = False
    while not done:
        done = True
        for m in tokens:
            start, end = m.span()
            if start < pos:
                if end > pos:  # a token a jump cut through: read on from where the jump ended
                    done = False
                    break
                continue
            if at_first is None and start >= first:
                at_first = stack[-1] if stack else -1
            if at_last is None:
                if start >= last:
                    at_last = stack[-1] if stack else -1
                    if at_last < 0:
                        break
            elif not stack:  # every element open at `last` has closed
                break
            pos = end
            token = m.lastindex
            if token == _OTHER:
                name = m.group(_NAME)
                kind = kinds.get(name)
                if kind is None:
                    name = name.lower()
                    kind = kinds.get(name, _BLOCK)
                if kind == _INLINE:
                    if m.group(_CLOSING):
                        _close_open(stack, els, closes, name, start, pos)
                        continue
                    attrs = m.group(_ATTRIBUTES)
                    if attrs and _has_class(attrs) and _skip_class(attrs):
                        pos = _jump(html, name, pos)
                        continue
                    parent = stack[-1] if stack else -1
                    abbr = els[parent].abbr if parent >= 0 else -1
                    if abbr < 0 and name == "abbr":
                        abbr = len(els)
                    els.append(Element(name, parent, len(stack) + 1, start, pos, abbr))
                    closes.append(None)
                    stack.append(len(els) - 1)
                elif kind == _SKIP_INLINE:
                    if not m.group(_CLOSING):
                        pos = _whole_end(html, name, pos)
                elif kind not in (_VOID_SPACE, _VOID_NONE, _VOID_SEP):
                    break  # the block's edge
            elif token in _EDGES:
                break
        tokens = _INLINE_TOKEN_RE.finditer(html, pos)
    if at_first is None:
        at_first = stack[-1] if stack else -1
    if at_last is None:
        at_last = stack[-1] if stack else -1
    return els, closes, at_first, at_last


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------


def _plain_spaces(text: str) -> str:
    """`text` with every whitespace character (and the no-break space) as a plain space, one for one."""
    text = text.replace("\n", " ")
    for space in ("\t", "\r", "\f", "\xa0"):
        if space in text:
            text = text.replace(space, " ")
    return text


def _skipped_text(inner: str) -> tuple[str, bool]:
    """The text of a skipped element's content (spaces as plain spaces), runs of spaces collapsed,
    and whether it holds an image."""
    has_img = False
    if "<" in inner:
        has_img = "<img" in inner or "<IMG" in inner
        inner = _TAGS_RE.sub("", inner)
    if "&" in inner:
        inner = _plain_spaces(_html.unescape(inner))
    if "  " in inner:
        inner = _SPACES_RE.sub(" ", inner)
    return inner, has_img


def _has_class(attrs: str) -> bool:
    return "class" in attrs or "CLASS" in attrs or "Class" in attrs


def _skip_class(attrs: str) -> bool:
    return bool(_classes(attrs) & _SKIP_CLASSES)


@functools.lru_cache(maxsize=4096)  # pages repeat a few class lists ("highlight", "admonition note") endlessly
def _classes(attrs: str) -> frozenset[str]:
    """The classes in a tag's attributes (the first `class` attribute, as HTML reads it)."""
    for m in _ATTR_RE.finditer(attrs):
        if m.group(1).lower() == "class":
            value = m.group(2) if m.group(2) is not None else m.group(3) if m.group(3) is not None else m.group(4)
            return frozenset((value or "").split())
    return frozenset()


def _whole_end(html: str, name: str, pos: int) -> int:
    """The end of the element `name` opened just before `pos`, which ends at its first close tag
    (or, for text-only elements, at the first thing that looks like one)."""
    key = "whole " + name
    pattern = _jump_res.get(key)
    if pattern is None:
        name_pattern = re.escape(name)
        content = r".*?" if name in _RAW_TEXT_TAGS else _content(name_pattern)
        pattern = _jump_res[key] = re.compile(content + _close(name_pattern), re.I | re.S)
    return pattern.match(html, pos).end()


def _jump(html: str, name: str, pos: int) -> int:
    """The end of the element `name` opened just before `pos`, counting nested ones of its name."""
    if name == "p":  # contains no <p>: its first close tag ends it
        return _whole_end(html, name, pos)
    pattern = _jump_res.get(name)
    if pattern is None:
        name_pattern = re.escape(name)
        pattern = _jump_res[name] = re.compile(
            rf"<!--.*?(?:-->|\Z)|<(/?){name_pattern}{_NAME_END}{_ATTRS}(/?)>", re.I | re.S
        )
    depth = 1
    for m in pattern.finditer(html, pos):
        if m.group(1):
            depth -= 1
            if depth == 0:
                return m.end()
        elif m.group(1) is not None and not (m.group(2) and name in _FOREIGN):
            depth += 1
    return len(html)


def _close_open(
    stack: list[int], els: list[Element], closes: list[tuple[int, int] | None], name: str, start: int, end: int
) -> None:
    """Close the innermost open inline `name`, leaving the elements opened inside it unclosed."""
    for k in range(len(stack) - 1, -1, -1):
        if els[stack[k]].tag == name:
            closes[stack[k]] = (start, end)
            del stack[k:]
            return


def _entity_text(token: str) -> str:
    """An entity's text, whitespace as plain spaces (one space if it is all whitespace)."""
    text = _plain_spaces(_html.unescape(token))
    if not text.strip(" "):
        text = " "
    if len(_ENTITIES) < 4096:
        _ENTITIES[token] = text
    return text


def _pieces(text: str) -> list[tuple[str, int, bool]]:
    """`text` cut at its entities and runs of spaces, as (text, HTML length, atomic) pieces: an
    entity's piece is its text, a run of spaces' piece one space, and both are linked whole."""
    pieces = []
    # Text, then an entity or a run of spaces (or only entities), text...
    groups = 3 if "  " in text else 2
    for j, piece in enumerate(_SLOW_RE.split(text) if groups == 3 else _ENTITIES_RE.split(text)):
        if not piece:  # the group that did not match, or no text between two of them
            continue
        if j % groups == 0:  # characters that are their own text
            pieces.append((piece, len(piece), False))
        elif j % groups == 1:  # an entity, or what only looks like one
            decoded = _ENTITIES.get(piece) or _entity_text(piece)
            pieces.append((decoded, len(piece), decoded != piece))
        else:
            pieces.append((" ", len(piece), True))
    return pieces

"""Link the first mention of every registered term in a page's HTML, in one linear pass.

The scanner turns the HTML into the text a reader sees; one Aho-Corasick automaton finds every
registered name in it; whole-word, leftmost-longest and first-mention rules pick the matches; and
anchors are spliced into the original string, which is otherwise left byte for byte as it was.
"""

from __future__ import annotations

import html as _html
import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

import ahocorasick

from .registry import Registry, Term, fold
from .scanner import CROSSLINK, SEP, Scan, scan

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# url_for(target src path, anchor or None) -> URL of the target relative to the page being linked.
UrlFor = Callable[[str, "str | None"], str]

CSS_CLASS = "crosslink"

# The longest sentence kept for a backlink, in characters.
SENTENCE_LIMIT = 240

_SENTENCE_START_RE = re.compile(r"[.!?\u2026][\"'\u2019\u201d)\]]*[ \x00]|\x00")
_SENTENCE_END_RE = re.compile(r"[.!?\u2026][\"'\u2019\u201d)\]]*(?=[ \x00]|$)|\x00")
# Paragraph citations, as written ("[¶5, 6]") or as rendered ("¶5"), are dropped from sentences.
_CITATION_RE = re.compile(r"\s*\[\u00b6[^\]]*\]|\s*\u00b6\s?\d+(?:\s*[-\u2013,]\s*\d+)*")


class Mention(NamedTuple):
    """The first mention of a term on a page (or H2 section): its section, link and sentence.

    `linked` says a link to the term's page sits on this mention; it is False when an earlier
    mention of another term already links the same destination. `added` says this call added it
    (False for an existing `a.crosslink`). The sentence is cut from the page's text on demand.
    """

    term: Term
    section: int
    linked: bool
    added: bool
    text: str  # the page's visible text, shared by its mentions
    start: int
    end: int

    @property
    def sentence(self) -> str:
        """The sentence around the mention, as plain text of at most about SENTENCE_LIMIT characters."""
        return _sentence(self.text, self.start, self.end)

    def __repr__(self) -> str:
        return (
            f"Mention({self.term.name!r} on {self.term.page!r}, section={self.section}, "
            f"linked={self.linked}, added={self.added}, at={self.start})"
        )


@dataclass(frozen=True)
class LinkResult:
    """The linked HTML of one page and the first mention of each term on it, in document order."""

    html: str
    mentions: tuple[Mention, ...] = ()

    @property
    def links(self) -> int:
        """Cross-links on the page after linking (added now or already there)."""
        return sum(1 for mention in self.mentions if mention.linked)

    @property
    def links_added(self) -> int:
        return sum(1 for mention in self.mentions if mention.added)


class Linker:
    """Links registered terms into HTML; build one per site build and call `link` per page."""

    def __init__(self, registry: Registry, *, per_section: bool = False) -> None:
        self.registry = registry
        self.per_section = per_section
        # Keys are anchored at word boundaries: BOUND + key + BOUND, matched against the folded
        # text with every non-word character turned into BOUND, so the automaton itself skips
        # names inside words ("Iran" in "Iranian") and reports far fewer candidates.
        self._automaton = ahocorasick.Automaton(ahocorasick.STORE_ANY, ahocorasick.KEY_STRING)
        anchored: dict[str, list[tuple[str | None, tuple]]] = {}
        for key, claims in registry.keys.items():
            bounded = key.translate(_BOUNDS)
            # A key with punctuation or spaces is checked against the text (BOUND hides which it
            # had), and keys differing only there ("salami-slicing", "salami slicing") share one.
            anchored.setdefault(bounded, []).append((key if bounded != key else None, claims))
        for bounded, entries in anchored.items():
            self._automaton.add_word(f"{BOUND}{bounded}{BOUND}", (len(bounded), tuple(entries)))
        if registry.keys:
            self._automaton.make_automaton()

    def link(self, html: str, *, page: str, url_for: UrlFor) -> LinkResult:
        """Link the first mention (per page, or per H2 section) of every term not owned by `page`."""
        if not self.registry.keys or not html:
            return LinkResult(html)
        doc = scan(html)
        text = doc.text
        search = fold(text)
        terms = self.registry.terms

        # Every whole-word occurrence of every name, as (start, -length, term index). An anchored
        # key (length + 2 characters) ending at `last` starts at last - length - 1 in the anchored
        # text; its name starts one later, and the anchored text is one ahead of the text.
        candidates = []
        for last, (length, entries) in self._automaton.iter(f"{BOUND}{search.translate(_BOUNDS)}{BOUND}"):
            start = last - length - 1
            end = start + length
            index = _resolve(entries, search, text, start, end)
            if index is not None:
                candidates.append((start, -length, index))
        if not candidates:
            return LinkResult(html)
        candidates.sort()

        # Leftmost-longest among the places a link may go; a match on the page's own term or on a
        # term already mentioned still takes its text, so no shorter name inside it is linked.
        # Each term's first mention is recorded; it is linked unless its destination (page and
        # anchor) is linked already, so "US" and "Washington" do not both link one page.
        seen: set = set()
        linked: set = set()
        inserts: list[tuple[int, int, str]] = []
        mentions: list[Mention] = []
        urls: dict[tuple[str, str | None], str] = {}
        per_section = self.per_section
        seg_s, segs, els = doc.seg_s, doc.segs, doc.els
        last_segment = len(seg_s) - 1
        taken = 0
        for start, negative, index in candidates:
            if start < taken:
                continue
            end = start - negative
            # The common case inline: linkable text, within one text node, not in an <abbr>.
            i = bisect_right(seg_s, start) - 1
            seg = segs[i]
            if seg[3] == 0 and (i == last_segment or end <= seg_s[i + 1]) and (seg[2] < 0 or els[seg[2]][0] != "abbr"):
                place = None
                section = seg[4]
            else:
                place = _place(doc, i, start, end)
                if place is None:
                    continue
                section = place[3]
            taken = end
            term = terms[index]
            if term.page == page:
                continue
            key = (index, section) if per_section else index
            if key in seen:
                continue
            seen.add(key)
            target = (term.page, term.anchor)
            destination = (target, section) if per_section else target
            if place is not None and place[0] == CROSSLINK:
                linked.add(destination)
                mentions.append(Mention(term, section, True, False, text, start, end))
            elif destination in linked:
                mentions.append(Mention(term, section, False, False, text, start, end))
            else:
                linked.add(destination)
                url = urls.get(target)
                if url is None:
                    url = url_for(term.page, term.anchor)
                    if "&" in url or '"' in url or "<" in url:
                        url = _html.escape(url, quote=True)
                    urls[target] = url
                if place is None:
                    inserts.append((doc.start_offset(i, start), doc.end_offset(i, end - 1), url))
                else:
                    inserts.append((place[1], place[2], url))
                mentions.append(Mention(term, section, True, True, text, start, end))
        if not inserts:
            return LinkResult(html, tuple(mentions))
        return LinkResult(_splice(html, inserts), tuple(mentions))


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------

_QUOTE_TABLE = str.maketrans({"\u2019": "'", "\u2018": "'"})

# Word boundaries for the anchored automaton: every character that is not a letter, a digit or
# "_" among ASCII, Latin-1 punctuation, general punctuation and arrows. (Rarer symbols next to a
# name only mean that mention is not linked.)
BOUND = "\x01"
_BOUNDS = {
    cp: BOUND
    for cp in (*range(0x80), *range(0xA0, 0xC0), 0xD7, 0xF7, *range(0x2000, 0x2070), *range(0x2190, 0x2200))
    if not chr(cp).isalnum() and chr(cp) != "_"
}


def _resolve(entries: tuple, search: str, text: str, start: int, end: int) -> int | None:
    """The term whose name is text[start:end], among the entries of one anchored key, or None."""
    for check, claims in entries:
        if check is not None and search[start:end] != check:
            continue
        for index, exact in claims:
            if exact is None or text[start:end].translate(_QUOTE_TABLE) == exact:
                return index
    return None


def _place(doc: Scan, i: int, start: int, end: int) -> tuple[int, int, int, int] | None:
    """Where a link around text[start:end] goes in the HTML, as (flag, start, end, section), or None.

    The link must open and close in the same element, so it may wrap inline elements whole but
    never cut one; it never goes inside an <abbr> (it wraps the whole abbreviation instead), and
    never touches text where links are not allowed. `i` is the segment where the match starts.
    """
    seg_s = doc.seg_s
    j = i if i + 1 == len(seg_s) or end <= seg_s[i + 1] else doc.segment(end - 1)
    segs = doc.segs
    if i == j:
        flag = segs[i][3]
        if flag:
            return (CROSSLINK, -1, -1, segs[i][4]) if flag == CROSSLINK else None
    elif any(segs[k][3] for k in range(i, j + 1)):
        return None
    o_start = doc.start_offset(i, start)
    o_end = doc.end_offset(j, end - 1)
    ps = segs[i][2]
    pe = segs[j][2]
    section = segs[i][4]
    if ps == pe and (ps < 0 or doc.els[ps][0] != "abbr"):
        return (0, o_start, o_end, section)
    els = doc.els
    # Never an anchor inside <abbr>: wrap the whole abbreviation, or nothing.
    if ps >= 0 and els[ps][0] == "abbr":
        if o_start != els[ps][4]:
            return None
        o_start = els[ps][3]
        ps = els[ps][1]
    if pe >= 0 and els[pe][0] == "abbr":
        if o_end != els[pe][5]:
            return None
        o_end = els[pe][6]
        pe = els[pe][1]
    # Open and close in the same element: hoist out of inline elements the match fills.
    while ps != pe:
        ds = els[ps][2] if ps >= 0 else 0
        de = els[pe][2] if pe >= 0 else 0
        if ds == 0 and de == 0:
            return None
        if ds >= de:
            el = els[ps]
            if o_start != el[4]:
                return None
            o_start = el[3]
            ps = el[1]
        else:
            el = els[pe]
            if o_end != el[5]:
                return None
            o_end = el[6]
            pe = el[1]
    return (0, o_start, o_end, section)


def _splice(html: str, inserts: list[tuple[int, int, str]]) -> str:
    out: list[str] = []
    pos = 0
    for start, end, url in sorted(inserts):
        out.append(html[pos:start])
        out.append(f'<a class="{CSS_CLASS}" href="{url}">')
        out.append(html[start:end])
        out.append("</a>")
        pos = end
    out.append(html[pos:])
    return "".join(out)


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence of `text` around [start, end), as plain text of at most about SENTENCE_LIMIT.

    A long sentence keeps the mention: at most half the limit before it, the rest after it, cut
    at spaces and marked with an ellipsis.
    """
    lo = max(0, start - SENTENCE_LIMIT // 2)
    head = lo
    for m in _SENTENCE_START_RE.finditer(text, lo, start):
        head = m.end()
    prefix = ""
    if head == lo and lo > 0 and text[lo - 1] != SEP:
        if text[lo - 1] != " ":
            space = text.find(" ", lo, start)
            head = space + 1 if space >= 0 else start
        prefix = "\u2026"
    hi = max(end, min(len(text), head + SENTENCE_LIMIT))
    m = _SENTENCE_END_RE.search(text, end, hi)
    suffix = ""
    if m:
        tail = m.end() if m.group() != SEP else m.start()
    elif hi < len(text):
        space = text.rfind(" ", end, hi)
        tail = space if space >= 0 else hi
        suffix = "\u2026"
    else:
        tail = hi
    sentence = _CITATION_RE.sub("", text[head:tail].replace(SEP, " "))
    return prefix + " ".join(sentence.split()) + suffix

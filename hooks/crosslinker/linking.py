"""Link the first mention of every registered term in a page's HTML, in one linear pass.

The scanner turns the HTML into the text a reader sees; one Aho-Corasick automaton finds every
registered name in it; whole-word, leftmost-longest and first-mention rules pick the matches; and
anchors are spliced into the original string, which is otherwise left byte for byte as it was.
"""

from __future__ import annotations

import html as _html
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable
from typing import NamedTuple

import ahocorasick

from .registry import Registry, Term, fold
from .scanner import ABBR, BLOCKED, CROSSLINK, FLAG, SECTION, SEP, TEXT, Scan, inline_elements, scan

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


class LinkResult:
    """The linked HTML of one page and the first mention of each term on it, in document order.

    The linker records each mention compactly, as its match (start, -length, term index), its
    section and, for the few mentions that did not add a link, its state; `mentions` makes the
    Mention objects on first use, and `mention(i)` makes one.
    """

    __slots__ = ("_mentions", "_records", "_sections", "_states", "_terms", "_text", "html")

    def __init__(
        self,
        html: str,
        terms: tuple[Term, ...] = (),
        text: str = "",
        records: list[tuple[int, int, int]] | None = None,
        sections: list[int] | None = None,
        states: dict[int, tuple[bool, bool]] | None = None,
    ) -> None:
        self.html = html
        self._terms = terms
        self._text = text
        self._records = records or []
        self._sections = sections or []
        self._states = states or {}  # position -> (linked, added), when not (True, True)
        self._mentions: tuple[Mention, ...] | None = None

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, LinkResult):
            return NotImplemented
        return self.html == other.html and self.mentions == other.mentions

    def __hash__(self) -> int:
        return hash((self.html, self.mentions))

    def __repr__(self) -> str:
        return f"LinkResult({len(self.html)} characters, {len(self._records)} mentions, {self.links_added} links added)"

    def mention(self, i: int) -> Mention:
        """Mention `i`, made from its record (backlinks make only the ones they show)."""
        start, negative, index = self._records[i]
        linked, added = self._states.get(i, (True, True))
        return _new_mention(
            Mention, (self._terms[index], self._sections[i], linked, added, self._text, start, start - negative)
        )

    @property
    def mentions(self) -> tuple[Mention, ...]:
        if self._mentions is None:
            self._mentions = tuple(map(self.mention, range(len(self._records))))
        return self._mentions

    @property
    def links(self) -> int:
        """Cross-links on the page after linking (added now or already there)."""
        return len(self._records) - sum(1 for linked, _added in self._states.values() if not linked)

    @property
    def links_added(self) -> int:
        return len(self._records) - len(self._states)


class Linker:
    """Links registered terms into HTML; build one per site build and call `link` per page."""

    def __init__(self, registry: Registry, *, per_section: bool = False) -> None:
        self.registry = registry
        self.per_section = per_section
        terms = registry.terms
        # Per term, a number for its destination (page and anchor), so that the per-match work
        # in `link` compares small numbers instead of building tuples.
        destinations: dict[tuple[str, str | None], int] = {}
        self._destinations = [destinations.setdefault((term.page, term.anchor), len(destinations)) for term in terms]
        self._targets = list(destinations)
        # A destination shared by two terms ("US" and "Washington") is linked once per page.
        claimed: dict[int, int] = {}
        for destination in self._destinations:
            claimed[destination] = claimed.get(destination, 0) + 1
        self._shared = [claimed[destination] > 1 for destination in self._destinations]
        self._owned: dict[str, list[int]] = {}
        for index, term in enumerate(terms):
            self._owned.setdefault(term.page, []).append(index)
        # Keys are anchored at word boundaries: a boundary + key + a boundary, matched against the
        # page's text as `_keyed` gives it (lower case ASCII, every space as SPACE, every other
        # character as BOUND, non-ASCII ones included), so the automaton itself skips names inside
        # words ("Iran" in "Iranian") and reports far fewer candidates. A boundary is either
        # character: four anchored keys each. A key with BOUND in it is checked against the text
        # (BOUND hides which character it had), and keys differing only there ("salami-slicing",
        # "salami/slicing") share one. Keys with no ASCII letter or digit at all would match any run
        # of punctuation: they go to a second automaton, over the folded text of non-ASCII pages.
        self._automaton = ahocorasick.Automaton(ahocorasick.STORE_ANY, ahocorasick.KEY_STRING)
        self._wide: ahocorasick.Automaton | None = None
        anchored: dict[str, list[tuple[str | None, tuple]]] = {}
        for key, claims in registry.keys.items():
            bounded = _keyed(key)
            if not bounded.strip(BOUND + SPACE):
                if self._wide is None:
                    self._wide = ahocorasick.Automaton(ahocorasick.STORE_ANY, ahocorasick.KEY_STRING)
                self._wide.add_word(key, (len(key), -1, None, None, ((key, claims),)))
                continue
            anchored.setdefault(bounded, []).append((key if BOUND in bounded else None, claims))
        for bounded, entries in anchored.items():
            # A key that names one term carries its index, and what to check the text against:
            # its folded name (when BOUND hides characters), its exact name (case-sensitive), or
            # nothing. A key shared by several terms carries its entries, resolved against the text.
            (check, claims), *others = entries
            if not others and len(claims) == 1:
                value = (len(bounded), claims[0][0], check, claims[0][1], None)
            else:
                value = (len(bounded), -1, None, None, tuple(entries))
            for before in (BOUND, SPACE):
                for after in (BOUND, SPACE):
                    self._automaton.add_word(f"{before}{bounded}{after}", value)
        if anchored:
            self._automaton.make_automaton()
        if self._wide is not None:
            self._wide.make_automaton()

    def link(self, html: str, *, page: str, url_for: UrlFor) -> LinkResult:
        """Link the first mention (per page, or per H2 section) of every term not owned by `page`."""
        if not self.registry.keys or not html:
            return LinkResult(html)
        doc = scan(html)
        text = doc.text
        size = len(text)
        wide = not text.isascii()  # a match may sit next to a non-ASCII letter: check its edges

        # Every whole-word occurrence of every name, as (start, -length, term index). An anchored
        # key (length + 2 characters) ending at `last` starts at last - length - 1 in the anchored
        # text; its name starts one later, and the anchored text is one ahead of the text.
        candidates = []
        append = candidates.append
        if self._automaton.kind == ahocorasick.AHOCORASICK:
            keyed = self._automaton.iter(f"{BOUND}{_keyed(text)}{BOUND}")
            for last, (length, index, check, exact, entries) in keyed:
                start = last - length - 1
                if wide:  # the automaton saw BOUND around it: a non-ASCII character may be a letter
                    if start and text[start - 1] > "\x7f" and _is_word_character(text[start - 1]):
                        continue
                    after = start + length
                    if after < size and text[after] > "\x7f" and _is_word_character(text[after]):
                        continue
                if entries is not None:
                    index = _resolve(entries, text, start, start + length)
                    if index is None:
                        continue
                elif check is not None or exact is not None:
                    name = text[start : start + length]
                    # `fold` differs from `lower` only where lower() would not match `check`.
                    if check is not None and name.lower() != check and fold(name) != check:
                        continue
                    if exact is not None and _straight_quotes(name) != exact:
                        continue
                append((start, -length, index))
        if wide and self._wide is not None:
            for last, (length, _index, _check, _exact, entries) in self._wide.iter(fold(text)):
                start = last - length + 1
                if _whole_word(text, start, start + length):
                    index = _resolve(entries, text, start, start + length)
                    if index is not None:
                        append((start, -length, index))
        if not candidates:
            return LinkResult(html)
        candidates.sort()
        selected = self._select(doc, candidates, page, url_for)
        if selected is None:  # links out of document order (a safeguard): splice them sorted
            selected = self._select(doc, candidates, page, url_for, in_order=False)
        html, records, sections, states = selected
        return LinkResult(html, self.registry.terms, text, records, sections, states)

    def _select(
        self, doc: Scan, candidates: list, page: str, url_for: UrlFor, *, in_order: bool = True
    ) -> tuple[str, list, list, dict] | None:
        """The linked HTML and the first mentions, as LinkResult records them.

        The HTML is put together as the links are chosen, which needs them in document order;
        if one is not (None is returned), `in_order=False` collects and sorts them first.

        Leftmost-longest among the places a link may go; a match on the page's own term or on a
        term already mentioned still takes its text, so no shorter name inside it is linked.
        Each term's first mention is recorded; it is linked unless its destination (page and
        anchor) is linked already, so "US" and "Washington" do not both link one page.
        """
        destinations, shared = self._destinations, self._shared
        seg_s, segs = doc.seg_s, doc.segs
        last_segment = len(seg_s) - 1
        # A term is mentioned once per page, or once per H2 section: its key is its index, or
        # its index plus the section times the number of terms. The page's own terms count as
        # mentioned already, in every section.
        stride = len(self.registry.terms) if self.per_section else 0
        own = self._owned.get(page, ())
        sections_on_page = segs[-1][SECTION] + 1 if stride and segs else 1
        seen = {index + section * stride for index in own for section in range(sections_on_page)}
        linked: set = set()
        html, targets = doc.html, self._targets
        out: list[str] = []  # pieces of the linked HTML, six per link, up to `pos`
        pos = 0
        inserts: list[tuple[int, int, int]] = []  # when not in order: (html start, html end, destination)
        records: list[tuple[int, int, int]] = []
        sections: list[int] = []
        states: dict[int, tuple[bool, bool]] = {}
        last_candidate = len(candidates) - 1
        taken = 0
        # The segment of the last match: its index, the text position where it ends, whether it
        # is plain linkable text (mapped one for one, not in an <abbr>), the HTML offset of its
        # text, its section, its flag.
        i = -1
        seg_end = plain = offset = section = flag = 0
        for k, candidate in enumerate(candidates):
            start, negative, index = candidate
            if start < taken:
                continue
            end = start - negative
            # A repeat (or the page's own term) that overlaps no later match changes nothing.
            if (
                not stride
                and index in seen
                and (k == last_candidate or candidates[k + 1][0] >= end)
            ):  # fmt: skip
                continue
            if start >= seg_end:  # matches come in text order: move on to this one's segment
                i = bisect_right(seg_s, start) - 1
                html_start, _html_end, _context, flag, section, atomic = segs[i]
                seg_end = seg_s[i + 1] if i < last_segment else len(doc.text)
                plain = flag == TEXT and not atomic
                offset = html_start - seg_s[i]
            # The common cases inline: linkable text that maps one for one, within one text node;
            # text where no link may go (a link, code), within one element.
            if plain and end <= seg_end:
                existing = False
                first, after, mention_section = offset + start, offset + end, section
            elif flag == BLOCKED and end <= seg_end:
                continue
            else:
                place = _place(doc, i, start, end)
                if place is None:
                    continue
                existing, first, after, mention_section = place
            taken = end
            key = index + mention_section * stride
            if key in seen:
                continue
            seen.add(key)
            target = destinations[index]
            if existing:  # an a.crosslink already there
                linked.add((target, mention_section * stride))
                states[len(records)] = (True, False)
            elif shared[index] and (target, mention_section * stride) in linked:
                states[len(records)] = (False, False)
            else:
                if shared[index]:
                    linked.add((target, mention_section * stride))
                if not in_order:
                    inserts.append((first, after, target))
                elif first < pos:
                    return None
                else:
                    out += (html[pos:first], _OPEN_TAG, url_for(*targets[target]), '">', html[first:after], "</a>")
                    pos = after
            records.append(candidate)
            sections.append(mention_section)
        if inserts:
            return _splice(html, inserts, targets, url_for), records, sections, states
        if out:
            out.append(html[pos:])
            _escape_urls(out)
            html = "".join(out)
        return html, records, sections, states


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------

# Builds a Mention without the Python-level __new__ of a NamedTuple (the linker makes one per link).
_new_mention = tuple.__new__

_OPEN_TAG = f'<a class="{CSS_CLASS}" href="'

# The automaton reads the text as `_keyed` gives it: ASCII letters in lower case, digits and "_"
# as they are, the space as SPACE, and every other character (punctuation, SEP, any non-ASCII
# character) as BOUND. Encoding and translating bytes keeps to the fast paths of CPython whatever
# the page's characters; a candidate next to a non-ASCII character is then checked on the text.
BOUND = "\x01"
SPACE = "\x02"
_KEY_TABLE = bytes(
    b if chr(b).isascii() and (chr(b).isalnum() or b == ord("_")) else ord(SPACE) if b == 0x20 else ord(BOUND)
    for b in range(256)
).replace(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ", b"abcdefghijklmnopqrstuvwxyz")


def _keyed(text: str) -> str:
    """`text` as the automaton reads it (see _KEY_TABLE): same length, one character for one."""
    return text.encode("ascii", "replace").translate(_KEY_TABLE).decode("ascii")


def _is_word_character(c: str) -> bool:
    return c.isalnum() or c == "_" or unicodedata.category(c)[0] == "M"


def _whole_word(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] stands as whole words: no letter, digit or mark on either side."""
    return (start == 0 or not _is_word_character(text[start - 1])) and (
        end == len(text) or not _is_word_character(text[end])
    )


def _resolve(entries: tuple, text: str, start: int, end: int) -> int | None:
    """The term whose name is text[start:end], among the entries of one anchored key, or None."""
    name = text[start:end]
    folded = None
    for check, claims in entries:
        if check is not None:
            if folded is None:
                folded = fold(name)
            if folded != check:
                continue
        for index, exact in claims:
            if exact is None or _straight_quotes(name) == exact:
                return index
    return None


def _straight_quotes(name: str) -> str:
    """`name` with typographic apostrophes as `'`, as case-sensitive names are registered."""
    return name.replace("\u2019", "'").replace("\u2018", "'") if not name.isascii() else name


def _place(doc: Scan, i: int, start: int, end: int) -> tuple[bool, int, int, int] | None:
    """Where a link around text[start:end] goes in the HTML, as (already linked, start, end, H2
    section), or None where no link may go. "Already linked" is an existing a.crosslink.

    The link must open and close in the same element, so it may wrap inline elements whole but
    never cut one; it is never inside an <abbr> (it wraps the outermost abbreviation whole
    instead), never spans an element that holds a link (a footnote reference), and never
    touches text where links are not allowed. `i` is the segment where the match starts.
    """
    seg_s, segs = doc.seg_s, doc.segs
    j = i if i + 1 == len(seg_s) or end <= seg_s[i + 1] else doc.segment(end - 1)
    _html_start, _html_end, context, flag, section, _atomic = segs[i]
    if i == j:
        if flag == CROSSLINK:
            return (True, -1, -1, section)
        if flag not in (TEXT, ABBR):
            return None
    else:
        if any(segs[k][FLAG] not in (TEXT, ABBR) for k in range(i, j + 1)):
            return None
        barriers = doc.barriers
        k = bisect_right(barriers, start)
        if k < len(barriers) and barriers[k] < end:
            return None
    o_start = doc.start_offset(i, start)
    o_end = doc.end_offset(j, end - 1)
    if i == j:
        if flag == TEXT:  # within one piece of text, outside any abbreviation
            return (False, o_start, o_end, section)
        # Inside an abbreviation: its elements, read from the outermost one, say whether the match fills it.
        els, closes, ps, pe = inline_elements(doc.html, doc.abbrs[i], o_start, o_end)
    elif all(segs[k][FLAG] == TEXT for k in range(i, j + 1)) and "<" not in doc.html[o_start:o_end]:
        return (False, o_start, o_end, section)  # pieces of one text (an entity between words)
    else:
        els, closes, ps, pe = inline_elements(doc.html, context, o_start, o_end)
    # Out of every element up to the outermost <abbr>, or nothing; then open and close in the same
    # element, hoisting out of inline elements the match fills (the deeper side first).
    while ps >= 0 and els[ps].abbr >= 0:
        o_start, ps = _hoist_start(els[ps], o_start)
        if o_start < 0:
            return None
    while pe >= 0 and els[pe].abbr >= 0:
        o_end, pe = _hoist_end(els[pe], closes[pe], o_end)
        if o_end < 0:
            return None
    while ps != pe:
        ds = els[ps].depth if ps >= 0 else 0
        de = els[pe].depth if pe >= 0 else 0
        if ds == 0 and de == 0:
            return None
        if ds >= de:
            o_start, ps = _hoist_start(els[ps], o_start)
            if o_start < 0:
                return None
        else:
            o_end, pe = _hoist_end(els[pe], closes[pe], o_end)
            if o_end < 0:
                return None
    return (False, o_start, o_end, section)


def _hoist_start(el, o_start: int) -> tuple[int, int]:
    """A link starting at `o_start` moved out of `el` (its open tag start and parent), if it starts
    where `el`'s content does; else (-1, -1)."""
    return (el.open_start, el.parent) if o_start == el.inner_start else (-1, -1)


def _hoist_end(el, close: tuple[int, int] | None, o_end: int) -> tuple[int, int]:
    """A link ending at `o_end` moved out of `el` (its close tag end and parent), if it ends where
    `el`'s content does; else (-1, -1)."""
    return (close[1], el.parent) if close is not None and o_end == close[0] else (-1, -1)


def _splice(html: str, inserts: list[tuple[int, int, int]], targets: list, url_for: UrlFor) -> str:
    """`html` with each (start, end, destination) made a link around html[start:end], in one join."""
    inserts.sort()
    out: list[str] = []
    pos = 0
    for start, end, destination in inserts:
        out += (html[pos:start], _OPEN_TAG, url_for(*targets[destination]), '">', html[start:end], "</a>")
        pos = end
    out.append(html[pos:])
    _escape_urls(out)
    return "".join(out)


def _escape_urls(out: list[str]) -> None:
    """Escape the URLs (every sixth piece from the third) of spliced HTML, where needed: rarely,
    so they are checked all at once, then one by one."""
    urls = out[2::6]
    joined = "".join(urls)
    if "&" in joined or '"' in joined or "<" in joined:
        out[2::6] = [_html.escape(url, quote=True) for url in urls]


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
    sentence = text[head:tail].replace(SEP, " ")
    if "\u00b6" in sentence:
        sentence = _CITATION_RE.sub("", sentence)
    return prefix + " ".join(sentence.split()) + suffix

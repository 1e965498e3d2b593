"""Read and check the data the figures are drawn from: actor front matter (`ties`, `outlook`) and `data/*.yml`.

Every check raises `FigureDataError` whose message starts with the file (and entry) to fix, so the
hook can turn it into a build failure an editor can act on. Everything returned is immutable and sorted.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

import yaml
from sitemodel.frontmatter import value_line

# What a tie is, in the order legends and lists show them: the map draws each kind in its own colour.
# Kinds are deliberately narrow ("good relations" is not "partnership"): a label must not say more
# than the article does.
KINDS: tuple[str, ...] = (
    "partnership",
    "strategic-ties",
    "good-relations",
    "alliance",
    "military-aid",
    "outreach",
    "dependence",
    "sanctions",
    "rivalry",
    "conflict",
    "turning-away",
)
# Kinds that point from one actor to the other; the others are mutual.
DIRECTED: frozenset[str] = frozenset(
    {"military-aid", "outreach", "dependence", "sanctions", "rivalry", "conflict", "turning-away"}
)
KIND_NAMES: Mapping[str, str] = {
    "partnership": "Partnership",
    "strategic-ties": "Strategic ties",
    "good-relations": "Good relations",
    "alliance": "Alliance",
    "military-aid": "Military aid",
    "outreach": "Outreach",
    "dependence": "Dependence",
    "sanctions": "Sanctions",
    "rivalry": "Rivalry",
    "conflict": "Conflict",
    "turning-away": "Turning away",
}
# How the article presents a tie, firmest first: the map draws each status in its own line pattern,
# and the tie's own sentence (`says:`) must keep the same modality.
STATUSES: tuple[str, ...] = ("stated", "concern", "implied", "status-quo", "split")
STATUS_NAMES: Mapping[str, str] = {
    "stated": "described by the article",
    "concern": "a concern the article reports",
    "implied": "implied, not described by the article",
    "status-quo": "expected if the status quo holds",
    "split": "part of the split scenario",
}
# Scenario keys in `outlook:`, with their pages under docs/scenarios/.
SCENARIOS: tuple[str, ...] = ("split", "status_quo")
SCENARIO_PAGES: Mapping[str, str] = {"split": "scenarios/split.md", "status_quo": "scenarios/status-quo.md"}
SCENARIO_NAMES: Mapping[str, str] = {"split": "Split", "status_quo": "Status quo"}

LABEL_MAX = 40  # characters in a timeline figure label

_TIE_KEYS = ("to", "kind", "status", "says")
_EVENT_KEYS = {"when", "until", "event", "label", "sources", "page", "context"}
_CITATION = re.compile(r"\[¶\s*([^\]]*)\]")
_ACTOR_URI = re.compile(r"\Aactors/(?P<id>[a-z0-9][a-z0-9-]*)\.md\Z")
_WHEN = re.compile(r"\A(?P<year>\d{4})(?:-(?P<month>\d{2}))?\Z")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


# The files under data/ that figures are drawn from; each is optional (see load_site_data).
DATA_FILES = ("timeline.yml", "trade.yml", "partnership-map.yml")


class FigureDataError(ValueError):
    """Bad figure data; `str()` starts with the file (and line, when known) to fix, e.g.
    `docs/actors/iran.md:14: ties entry 2: ...`."""

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        self.path, self.message, self.line = path, message, line
        super().__init__(f"{path}:{line}: {message}" if line else f"{path}: {message}")


class PageLike(Protocol):
    """What is needed of a page: `sitemodel.frontmatter.PageSource` fits."""

    path: str
    meta: Mapping[str, Any]
    meta_text: str  # the raw YAML, to point errors at a line


@dataclass(frozen=True)
class Tie:
    """One typed edge, declared on the page of `source` (for directed kinds: from `source` to `target`)."""

    source: str
    target: str
    kind: str
    status: str  # how the article presents it, one of STATUSES
    says: str  # one sentence in our words, naming both actors, with its [¶N] citations
    sources: tuple[int, ...]  # the ¶ cited in `says`
    declared_in: str  # file path shown to editors
    entry: int  # 1-based position in that page's `ties:` list

    @property
    def directed(self) -> bool:
        return self.kind in DIRECTED


@dataclass(frozen=True)
class Actor:
    id: str  # file stem under docs/actors/
    title: str
    src_uri: str  # actors/<id>.md
    path: str  # docs/actors/<id>.md
    outlook: tuple[tuple[str, str], ...]  # ((scenario, text), ...) in SCENARIOS order, only those discussed

    def outlook_for(self, scenario: str) -> str | None:
        """The actor's outlook under `scenario`, or None where the article does not discuss it."""
        return dict(self.outlook).get(scenario)


@dataclass(frozen=True)
class TimelineEvent:
    start: tuple[int, int]  # (year, month); month 0 when only the year is known
    end: tuple[int, int] | None
    event: str
    label: str
    sources: tuple[int, ...]
    page: str  # src_uri with optional #anchor
    context: bool  # the date is documented context, not given by the article
    entry: int


@dataclass(frozen=True)
class TradeSeries:
    title: str
    unit: str
    sources: tuple[int, ...]
    points: tuple[tuple[int, float], ...]  # (year, value), by year


@dataclass(frozen=True)
class SiteData:
    """Everything the figures and generated sections need, checked."""

    actors: Mapping[str, Actor]  # by id, sorted
    ties: tuple[Tie, ...]  # sorted by (source, target, kind)
    titles: Mapping[str, str]  # src_uri -> page title, for every page
    timeline: tuple[TimelineEvent, ...] | None = None  # None: no data/timeline.yml
    trade: TradeSeries | None = None  # None: no data/trade.yml
    layout: Mapping[str, tuple[int, int]] = field(default_factory=dict)  # actor id -> (column, row)

    def ties_of(self, actor_id: str) -> list[Tie]:
        return [t for t in self.ties if actor_id in (t.source, t.target)]


# ---------------------------------------------------------------- helpers


def citations(text: str) -> list[int]:
    """The ¶ numbers cited as `[¶5]`, `[¶5, 6]` or `[¶3-5]` in `text`; raises ValueError on a malformed one."""
    numbers: list[int] = []
    for match in _CITATION.finditer(text):
        for part in match.group(1).split(","):
            part = part.strip().replace("–", "-")
            if re.fullmatch(r"\d+", part):
                numbers.append(int(part))
            elif re.fullmatch(r"\d+-\d+", part):
                low, high = (int(n) for n in part.split("-"))
                if low > high:
                    raise ValueError(f"citation [¶{match.group(1)}] has a backwards range")
                # A range wider than any article names paragraphs it does not have: its ends say so.
                numbers.extend(range(low, high + 1) if high - low <= 1000 else (low, high))
            else:
                raise ValueError(f"citation [¶{match.group(1)}] is not a ¶ number, list or range")
    return numbers


def _sources(value: Any, where: str, path: str, valid: frozenset[int]) -> tuple[int, ...]:
    if isinstance(value, int) and not isinstance(value, bool):
        value = [value]
    if not isinstance(value, list) or not value:
        raise FigureDataError(path, f"{where}: `sources` is missing or empty; give the ¶ as a list, e.g. sources: [5]")
    for n in value:
        if isinstance(n, bool) or not isinstance(n, int) or n not in valid:
            raise FigureDataError(
                path, f"{where}: source {n!r} is not a valid ¶; valid ¶ are {_span(valid)} (see data/paragraphs.yml)"
            )
    return tuple(sorted(set(value)))


def _span(valid: Iterable[int]) -> str:
    numbers = sorted(valid)
    if numbers and numbers == list(range(numbers[0], numbers[-1] + 1)):
        return f"{numbers[0]}-{numbers[-1]}"
    return ", ".join(map(str, numbers))


def _text(value: Any, key: str, where: str, path: str, line: int | None = None) -> str:
    if not isinstance(value, str) or not value.strip():
        raise FigureDataError(path, f"{where}: `{key}` must be a non-empty piece of text", line)
    return " ".join(value.split())


def _unknown_keys(
    item: Mapping[str, Any], allowed: set[str], where: str, path: str, line: Callable[[str], int | None] | None = None
) -> None:
    """Raise for the first key not in `allowed`; `line(key)` finds the key's line, where lines are known."""
    extra = sorted(map(str, set(item) - allowed))
    if extra:
        raise FigureDataError(
            path,
            f"{where}: unknown key `{extra[0]}`; allowed keys are {', '.join(sorted(allowed))}",
            line(extra[0]) if line else None,
        )


def _suggest(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(str(word), list(choices), n=1)
    return f" (did you mean `{close[0]}`?)" if close else ""


def _load_yaml(text: str, path: str) -> Any:
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise FigureDataError(path, f"not valid YAML{where}; check indentation and quotes") from None


# ---------------------------------------------------------------- actors and ties


def _actor_pages(pages: Mapping[str, PageLike]) -> dict[str, tuple[str, PageLike]]:
    found = {}
    for uri in sorted(pages):
        match = _ACTOR_URI.match(uri)
        if match and pages[uri].meta.get("type") == "actor":
            found[match.group("id")] = (uri, pages[uri])
    return found


def _cited(text: str, where: str, path: str, valid: frozenset[int], line: int | None) -> tuple[int, ...]:
    """The ¶ that `text` cites; at least one, each valid."""
    try:
        cited = citations(text)
    except ValueError as error:
        raise FigureDataError(path, f"{where}: {error}", line) from None
    if not cited:
        raise FigureDataError(path, f"{where}: cites no ¶; end the sentence with a citation such as [¶9]", line)
    bad = [n for n in cited if n not in valid]
    if bad:
        raise FigureDataError(path, f"{where}: ¶{bad[0]} does not exist; valid ¶ are {_span(valid)}", line)
    return tuple(sorted(set(cited)))


def _outlook(page: PageLike, valid: frozenset[int]) -> tuple[tuple[str, str], ...]:
    """The page's `outlook:`: a sentence for each scenario the article discusses the actor under (none is fine)."""
    value, path = page.meta.get("outlook"), page.path
    if value is None:
        return ()
    line = value_line(page.meta_text, "outlook")
    if not isinstance(value, dict) or not value:
        raise FigureDataError(path, "`outlook:` must be a mapping with `split:`, `status_quo:` or both", line)
    _unknown_keys(value, set(SCENARIOS), "outlook", path, lambda key: value_line(page.meta_text, "outlook", key))
    result = []
    for scenario in SCENARIOS:
        if scenario in value:
            where, at = f"outlook.{scenario}", value_line(page.meta_text, "outlook", scenario)
            text = _text(value[scenario], scenario, "outlook", path, at)
            _cited(text, where, path, valid, at)
            result.append((scenario, text))
    return tuple(result)


def _tie(actor_id: str, page: PageLike, index: int, item: Any, actors: Mapping[str, Any], valid: frozenset[int]) -> Tie:
    """Check one `ties:` entry (0-based `index`) of `actor_id`'s page."""
    path, where = page.path, f"ties entry {index + 1}"

    def line(*key: str) -> int | None:
        return value_line(page.meta_text, "ties", index, *key) or value_line(page.meta_text, "ties", index)

    if not isinstance(item, dict):
        raise FigureDataError(path, f"{where}: must be a mapping with {', '.join(_TIE_KEYS)}", line())
    _unknown_keys(item, set(_TIE_KEYS), where, path, line)
    missing = [key for key in _TIE_KEYS if key not in item]
    if missing:
        raise FigureDataError(path, f"{where}: `{missing[0]}` is missing; a tie needs {', '.join(_TIE_KEYS)}", line())
    target = item["to"]
    if target not in actors:
        raise FigureDataError(
            path,
            f"{where}: 'to: {target}' names no actor page{_suggest(target, actors)}; "
            f"actor ids are: {', '.join(actors)}",
            line("to"),
        )
    if target == actor_id:
        raise FigureDataError(path, f"{where}: 'to: {target}' is this actor itself; a tie joins two actors", line("to"))
    kind, status = item["kind"], item["status"]
    if kind not in KINDS:
        raise FigureDataError(
            path, f"{where}: unknown kind `{kind}`{_suggest(kind, KINDS)}; kinds are: {', '.join(KINDS)}", line("kind")
        )
    if status not in STATUSES:
        raise FigureDataError(
            path,
            f"{where}: unknown status `{status}`{_suggest(status, STATUSES)}; statuses are: {', '.join(STATUSES)} "
            "(how the article presents the tie)",
            line("status"),
        )
    says_line = line("says")
    says = _text(item["says"], "says", where, path, says_line)
    return Tie(
        source=actor_id,
        target=target,
        kind=kind,
        status=status,
        says=says,
        sources=_cited(says, f"{where}: says", path, valid, says_line),
        declared_in=path,
        entry=index + 1,
    )


def load_actors(pages: Mapping[str, PageLike], valid: frozenset[int]) -> tuple[dict[str, Actor], tuple[Tie, ...]]:
    """Collect the actor pages (`actors/<id>.md` with `type: actor`) and check their ties and outlook."""
    found = _actor_pages(pages)
    actors: dict[str, Actor] = {}
    for actor_id, (uri, page) in found.items():
        title = page.meta.get("title")
        if not isinstance(title, str) or not title.strip():
            raise FigureDataError(page.path, "an actor page needs a `title:`", 2)
        actors[actor_id] = Actor(actor_id, title.strip(), uri, page.path, _outlook(page, valid))

    ties: list[Tie] = []
    seen: dict[tuple[str, ...], Tie] = {}
    for actor_id, (_, page) in found.items():
        raw = page.meta.get("ties")
        if raw is None:
            continue
        if not isinstance(raw, list):
            raise FigureDataError(
                page.path,
                f"`ties:` must be a list of entries with {', '.join(_TIE_KEYS)}",
                value_line(page.meta_text, "ties"),
            )
        for index, item in enumerate(raw):
            tie = _tie(actor_id, page, index, item, actors, valid)
            key = (tie.kind, *sorted((actor_id, tie.target))) if not tie.directed else (tie.kind, actor_id, tie.target)
            if key in seen:
                other = seen[key]
                raise FigureDataError(
                    page.path,
                    f"ties entry {tie.entry}: the {tie.kind} tie between {actor_id} and {tie.target} is already "
                    f"declared in {other.declared_in} (ties entry {other.entry}); declare each tie once, on one of "
                    "the two pages",
                    value_line(page.meta_text, "ties", index),
                )
            seen[key] = tie
            ties.append(tie)
    ties.sort(key=lambda t: (t.source, t.target, KINDS.index(t.kind)))
    return actors, tuple(ties)


# ---------------------------------------------------------------- data files


def _when(value: Any, key: str, where: str, path: str) -> tuple[int, int]:
    text = str(value) if isinstance(value, (int, str)) and not isinstance(value, bool) else ""
    match = _WHEN.match(text)
    month = int(match.group("month") or 0) if match else 0
    if not match or not 0 <= month <= 12:
        raise FigureDataError(
            path, f'{where}: `{key}: {value}` is not a year (2014) or a quoted year-month ("2023-09")'
        )
    return int(match.group("year")), month


def load_timeline(text: str, path: str, page_uris: Iterable[str], valid: frozenset[int]) -> tuple[TimelineEvent, ...]:
    """Parse `data/timeline.yml` (`events:` list); return the events by date, file order breaking ties."""
    data = _load_yaml(text, path)
    if not isinstance(data, dict) or not isinstance(data.get("events"), list):
        raise FigureDataError(path, "must hold `events:`, a list of entries with when, event, label, sources and page")
    uris = set(page_uris)
    events = []
    for number, item in enumerate(data["events"], start=1):
        where = f"entry {number}"
        if not isinstance(item, dict):
            raise FigureDataError(path, f"{where}: must be a mapping with when, event, label, sources and page")
        _unknown_keys(item, _EVENT_KEYS, where, path)
        if "when" not in item:
            raise FigureDataError(
                path, f'{where}: `when` is missing; give a year (2014) or a quoted year-month ("2023-09")'
            )
        start = _when(item["when"], "when", where, path)
        end = _when(item["until"], "until", where, path) if item.get("until") is not None else None
        if end is not None and end < start:
            raise FigureDataError(path, f"{where}: `until` is before `when`")
        label = _text(item.get("label"), "label", where, path)
        if len(label) > LABEL_MAX:
            raise FigureDataError(
                path, f"{where}: `label` is {len(label)} characters; keep it to {LABEL_MAX} for the figure"
            )
        page = _text(item.get("page"), "page", where, path)
        if page.split("#", 1)[0] not in uris:
            target = page.split("#", 1)[0]
            raise FigureDataError(
                path,
                f"{where}: `page: {page}` names no page under docs/{_suggest(target, uris)}; "
                "write it like themes/sanctions.md#anchor",
            )
        context = item.get("context", False)
        if not isinstance(context, bool):
            raise FigureDataError(path, f"{where}: `context` must be true or false")
        events.append(
            TimelineEvent(
                start=start,
                end=end,
                event=_text(item.get("event"), "event", where, path),
                label=label,
                sources=_sources(item.get("sources"), where, path, valid),
                page=page,
                context=context,
                entry=number,
            )
        )
    events.sort(key=lambda e: (e.start, e.entry))
    return tuple(events)


def load_trade(text: str, path: str, valid: frozenset[int]) -> TradeSeries:
    """Parse `data/trade.yml`: title, unit, sources and `values:` (year and value)."""
    data = _load_yaml(text, path)
    if not isinstance(data, dict):
        raise FigureDataError(path, "must be a mapping with title, unit, sources and values")
    _unknown_keys(data, {"title", "unit", "sources", "values"}, "top level", path)
    values = data.get("values")
    if not isinstance(values, list) or not values:
        raise FigureDataError(path, "`values:` must be a non-empty list of `- {year: 2014, value: 88}`")
    points: dict[int, float] = {}
    for number, item in enumerate(values, start=1):
        where = f"values entry {number}"
        if not isinstance(item, dict) or set(item) != {"year", "value"}:
            raise FigureDataError(path, f"{where}: must be exactly `year:` and `value:`")
        year, value = item["year"], item["value"]
        if isinstance(year, bool) or not isinstance(year, int):
            raise FigureDataError(path, f"{where}: `year: {year}` is not a year")
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            raise FigureDataError(path, f"{where}: `value: {value}` is not a number of zero or more")
        if year in points:
            raise FigureDataError(path, f"{where}: year {year} appears twice")
        points[year] = value
    return TradeSeries(
        title=_text(data.get("title"), "title", "top level", path),
        unit=_text(data.get("unit"), "unit", "top level", path),
        sources=_sources(data.get("sources"), "top level", path, valid),
        points=tuple(sorted(points.items())),
    )


def load_layout(text: str, path: str, actor_ids: Iterable[str]) -> dict[str, tuple[int, int]]:
    """Parse `data/partnership-map.yml`: `positions: {actor-id: [column, row]}`; unknown ids and clashes fail."""
    data = _load_yaml(text, path)
    if not isinstance(data, dict) or not isinstance(data.get("positions"), dict):
        raise FigureDataError(path, "must hold `positions:`, a mapping of actor id to [column, row]")
    ids = list(actor_ids)
    taken: dict[tuple[int, int], str] = {}
    layout = {}
    for actor_id, cell in sorted(data["positions"].items(), key=lambda kv: str(kv[0])):
        if actor_id not in ids:
            raise FigureDataError(
                path,
                f"positions: `{actor_id}` names no actor page{_suggest(actor_id, ids)}; "
                f"actor ids are: {', '.join(ids)}",
            )
        if (
            not isinstance(cell, list)
            or len(cell) != 2
            or not all(isinstance(n, int) and not isinstance(n, bool) and 0 <= n < 20 for n in cell)
        ):
            raise FigureDataError(
                path, f"positions: `{actor_id}: {cell}` must be [column, row], two whole numbers from 0"
            )
        key = (cell[0], cell[1])
        if key in taken:
            raise FigureDataError(path, f"positions: `{actor_id}` and `{taken[key]}` share the cell {list(key)}")
        taken[key] = actor_id
        layout[actor_id] = key
    return layout


def load_site_data(
    pages: Mapping[str, PageLike],
    data_files: Mapping[str, str],
    data_prefix: str = "data",
    *,
    paragraphs: frozenset[int],
) -> SiteData:
    """Build `SiteData` from every page's front matter and the text of the data files (keyed by file name).

    Recognised files: `timeline.yml`, `trade.yml`, `partnership-map.yml`; a missing file only disables what
    depends on it. `paragraphs` are the valid ¶, from data/paragraphs.yml through `sitemodel.paragraphs`.
    """

    def shown(name: str) -> str:
        return f"{data_prefix}/{name}"

    valid = paragraphs
    actors, ties = load_actors(pages, valid)
    titles = {uri: str(page.meta.get("title", "")).strip() for uri, page in sorted(pages.items())}
    timeline = (
        load_timeline(data_files["timeline.yml"], shown("timeline.yml"), pages, valid)
        if "timeline.yml" in data_files
        else None
    )
    trade = load_trade(data_files["trade.yml"], shown("trade.yml"), valid) if "trade.yml" in data_files else None
    layout = (
        load_layout(data_files["partnership-map.yml"], shown("partnership-map.yml"), actors)
        if "partnership-map.yml" in data_files
        else {}
    )
    return SiteData(actors=actors, ties=ties, titles=titles, timeline=timeline, trade=trade, layout=layout)

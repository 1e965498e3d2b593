"""Documentation pages that look like real ones, generated from a seed, for the linker's tests and benchmark.

A `PageWriter` draws Markdown blocks of the kinds real Material sites are made of (prose with curly
quotes, dashes, non-breaking spaces and emoji; code; tables; admonitions; tabs; footnotes; lists;
raw HTML with odd but valid attributes) around a given set of term names, and `render` turns them into
HTML with the Markdown extensions mkdocs.yml lists, so the HTML is what those extensions really emit.
The words are made of syllables: nothing here is taken from any real page.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from pathlib import Path

import markdown
import yaml

ROOT = Path(__file__).resolve().parent.parent

# fmt: off
SYLLABLES = (
    "ka", "lo", "min", "ter", "sa", "vo", "rul", "den", "pa", "ri", "ost", "em", "bal", "nor", "tik", "ven",
    "dra", "sel", "mo", "ur", "gan", "fi", "ble", "zé", "kø", "lü", "ña",
)
FUNCTION_WORDS = (
    "the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "with", "as", "by", "it", "from", "at",
    "this", "be", "has", "an", "its", "was", "which", "or",
)
# Prose punctuation as real pages have it: typographic quotes, dashes, ellipsis, arrows, emoji.
OPENERS = ("\u201c", "\u2018", "(", "\u00ab\u00a0", "")
CLOSERS = {"\u201c": "\u201d", "\u2018": "\u2019", "(": ")", "\u00ab\u00a0": "\u00a0\u00bb", "": ""}
INTERJECTIONS = (
    " \u2014 ", " \u2014 ", "\u2009\u2013\u2009", " \u2192 ", "\u2026 ", "\u2026 ", " \U0001f680 ", " \u2705 ",
    "\u00a0", "\u00a0", " \u00d7 ", " \u00b1 ", " \u20ac\u00a010 ", ", ", "; ", " (", ") ",
    # Entities, as Markdown and its extensions write them: `(c)`, `-->`, an escaped `&`, a no-break space.
    " (c) ", " --> ", " &amp; ", "&nbsp;",
)
SCRIPTS = ("\u6587\u6863", "\u0434\u0430\u043d\u043d\u044b\u0435", "\u03b4\u03b5\u03b4\u03bf\u03bc\u03ad\u03bd\u03b1")
LANGUAGES = ("python", "yaml", "bash", "json", "html", "text")
ADMONITIONS = ("note", "info", "tip", "warning", "abstract", "example", "quote")
# Raw HTML an editor writes, with attribute forms HTML allows and naive tokenizers miss, by name.
ODD_ATTRIBUTES = {
    "title": ("title=it's", 'title=Say"so"', 'title="</a> in a value"', "title='<b>'"),
    "data-note": ("data-note='a \"quoted\" > sign'", 'data-note="it\'s > here"'),
    "hidden": ("hidden",),
    "data-x": ("data-x = 1", "data-x=a=b"),
    "lang": ("lang=en-GB",),
    "data-empty": ("data-empty=''", 'data-empty=""'),
    "class": ("class=no-crosslinks", "class='x  y'", "CLASS=\"z\""),
}
# fmt: on


class PageWriter:
    """Markdown blocks around term `names`, drawn from `rnd`, linking to `links` and showing `images`;
    `mention_rate` is the share of sentences that mention a term. Acronyms among the names get an
    abbreviation line, as the site's pages do."""

    def __init__(
        self,
        rnd: random.Random,
        names: Sequence[str],
        *,
        words: Sequence[str] | None = None,
        links: Sequence[str] = ("../other.md", "https://example.org/page"),
        images: Sequence[str] = ("img/figure.png",),
        mention_rate: float = 0.6,
    ) -> None:
        self.rnd = rnd
        self.names = list(names)
        self.words = list(words) if words is not None else vocabulary(rnd, 400)
        self.links = list(links)
        self.images = list(images)
        self.mention_rate = mention_rate
        self.acronyms = [name for name in self.names if name.isupper() and " " not in name]
        # Zipf-like: a few names everywhere, most rare.
        self.weights = [1 / (rank + 1) for rank in range(len(self.names))]
        self.footnotes: list[str] = []
        self._in_footnote = False

    # Inline ------------------------------------------------------------------------------------

    def word(self) -> str:
        if self.rnd.random() < 0.3:
            return self.rnd.choice(FUNCTION_WORDS)
        return self.rnd.choice(self.words)

    def name(self) -> str:
        name = self.rnd.choices(self.names, self.weights)[0] if self.names else self.word()
        roll = self.rnd.random()
        if roll < 0.08 and " " in name:  # a multi-word name interrupted by inline markup
            head, tail = name.split(" ", 1)
            return self.rnd.choice(
                (
                    f"{head}[^{self.footnote()}] {tail}",
                    f"{head} *{tail}*",
                    f"**{head}** {tail}",
                    f"{head}&nbsp;{tail}",
                    f"{head}\u00a0{tail}",
                    f"{head}\n{tail}",
                    f'{head} <a id="x{self.rnd.randrange(99)}"></a>{tail}',
                    f"{head} `{tail}`",
                )
            )
        if roll < 0.14 and name in self.acronyms:  # an editor's own <abbr>, which the extension wraps again
            return f'<abbr title="{name.lower()} spelt out">{name}</abbr>'
        if roll < 0.2:
            return name + self.rnd.choice(("\u2019s", "'s", "s", "\u2014", "\u2026", "\U0001f600", "-based", "_x"))
        if roll < 0.25:
            return self.rnd.choice(("\u201c", "\u00ab", "(", "\u00bf", "#", "\U0001f449")) + name
        return name

    def inline(self) -> str:
        """One piece of a sentence: mostly a word, sometimes markup around words or a term, in about
        the proportions of technical documentation (inline code and links first)."""
        if self.rnd.random() < 0.85:
            return self.word()
        kinds = (
            (30, lambda: f"`{self.word()} {self.maybe_name()}`"),
            (15, lambda: f"**{self.maybe_name()}**"),
            (12, lambda: f"*{self.word()} {self.maybe_name()}*"),
            (18, lambda: f"[{self.maybe_name()}]({self.rnd.choice(self.links)})"),
            (2, lambda: f'[{self.word()}]({self.rnd.choice(self.links)}){{ .md-button title="{self.word()}" }}'),
            (3, lambda: f"<kbd>{self.word()}</kbd>"),
            (3, lambda: f'<span title="{self.word()} {self.maybe_name()}">{self.maybe_name()}</span>'),
            (2, lambda: f"<mark>{self.maybe_name()}</mark>"),
            (2, lambda: f"H<sub>2</sub>O<sup>{self.rnd.randrange(9)}</sup>"),
            (2, lambda: f"[^{self.footnote()}]"),
            (2, self.image),
            (2, lambda: self.rnd.choice(SCRIPTS)),
            (1, lambda: f"<!-- {self.word()} -->"),
            (2, lambda: f"&lt;{self.word()}&gt;"),
        )
        return self.rnd.choices([make for _, make in kinds], [weight for weight, _ in kinds])[0]()

    def image(self) -> str:
        return f'![{self.maybe_name()}]({self.rnd.choice(self.images)}){{ width="{self.rnd.randrange(90, 400)}" }}'

    def maybe_name(self) -> str:
        return self.name() if self.rnd.random() < 0.5 else self.word()

    def sentence(self) -> str:
        pieces = [self.inline() for _ in range(self.rnd.randint(5, 16))]
        if self.rnd.random() < self.mention_rate:
            pieces.insert(self.rnd.randrange(len(pieces) + 1), self.name())
        if self.rnd.random() < 0.35:
            at = self.rnd.randrange(len(pieces))
            opener = self.rnd.choice(OPENERS)
            pieces[at] = f"{opener}{pieces[at]}{CLOSERS[opener]}"
        text = ""
        for i, piece in enumerate(pieces):
            if i and self.rnd.random() < 0.08:
                text += self.rnd.choice(INTERJECTIONS)
            elif i:
                text += " "
            text += piece
        text = text.strip()
        return text[:1].upper() + text[1:] + self.rnd.choice((".", ".", ".", "!", "?", "\u2026", ":"))

    def paragraph(self, sentences: tuple[int, int] = (1, 5)) -> str:
        lines, line = [], []
        for _ in range(self.rnd.randint(*sentences)):
            line.append(self.sentence())
            if self.rnd.random() < 0.5:  # hard-wrapped source, as editors write it
                lines.append(" ".join(line))
                line = []
        lines.append(" ".join(line))
        text = "\n".join(x for x in lines if x)
        if self.rnd.random() < 0.05:
            text = text.replace("\n", "  \n", 1)  # a hard line break: <br>
        return text

    def footnote(self) -> str:
        """A new footnote's number; its text is drawn now (without footnotes of its own)."""
        self.footnotes.append("")
        number = len(self.footnotes)
        if self._in_footnote:
            self.footnotes[number - 1] = " ".join(self.word() for _ in range(6))
        else:
            self._in_footnote = True
            self.footnotes[number - 1] = self.paragraph((1, 2)).replace("\n", " ")
            self._in_footnote = False
        return str(number)

    # Blocks ------------------------------------------------------------------------------------

    def block(self) -> str:
        roll = self.rnd.random()
        for threshold, make in (
            (0.40, self.paragraph),
            (0.48, self.heading),
            (0.56, self.code),
            (0.62, self.table),
            (0.68, self.admonition),
            (0.72, self.tabs),
            (0.78, self.bullets),
            (0.81, self.definitions),
            (0.84, self.quote),
            (0.89, self.raw_html),
            (0.91, self.switched_off),
            (0.93, self.figure),
            (0.95, lambda: "---"),
        ):
            if roll < threshold:
                return make()
        return self.opted_out()

    def heading(self) -> str:
        level = self.rnd.choice(("##", "##", "###", "####"))
        slug = f"s{self.rnd.randrange(10**6)}"
        title = self.sentence().rstrip(".!?:\u2026")
        return f"{level} {title} {{ #{slug} }}"

    def code(self) -> str:
        language = self.rnd.choice(LANGUAGES)
        lines = []
        for _ in range(self.rnd.randint(2, 14)):
            lines.append(
                self.rnd.choice(
                    (
                        f'{self.word()} = "{self.maybe_name()}"  # {self.word()} {self.maybe_name()}',
                        f"def {self.word()}({self.word()}: str) -> None:",
                        f"    return <{self.word()} class='{self.word()}'>{self.maybe_name()}</{self.word()}>",
                        f"{self.word()}: [{self.maybe_name()}, {self.rnd.randrange(1000)}]",
                        f"echo \u201c{self.maybe_name()}\u201d && {self.word()} --{self.word()}",
                    )
                )
            )
        header = f"```{language}"
        if self.rnd.random() < 0.3:
            header += f' title="{self.word()}.{language}"'
        if self.rnd.random() < 0.2:
            header += ' linenums="1"'
        return header + "\n" + "\n".join(lines) + "\n```"

    def table(self) -> str:
        columns = self.rnd.randint(2, 5)
        rows = [
            "| " + " | ".join(self.word().capitalize() for _ in range(columns)) + " |",
            "|" + "|".join(self.rnd.choice((":---", "---:", ":---:", "---")) for _ in range(columns)) + "|",
        ]
        for _ in range(self.rnd.randint(1, 12)):
            cells = [
                self.rnd.choice(
                    (
                        self.maybe_name(),
                        f"`{self.word()}`",
                        str(self.rnd.randrange(10**4)),
                        self.sentence().replace("|", "/"),
                        "\u2014",
                        "\u2714\ufe0f",
                    )
                ).replace("\n", " ")
                for _ in range(columns)
            ]
            rows.append("| " + " | ".join(cells) + " |")
        return "\n".join(rows)

    def admonition(self) -> str:
        marker = self.rnd.choice(("!!!", "!!!", "???", "???+"))
        kind = self.rnd.choice(ADMONITIONS)
        title = f' "{self.maybe_name()} {self.word()}"' if self.rnd.random() < 0.7 else ""
        body = self.paragraph()
        if self.rnd.random() < 0.3:
            body += "\n\n" + self.bullets()
        if self.rnd.random() < 0.2:
            body += "\n\n" + self.code()
        return f"{marker} {kind}{title}\n" + _indent(body)

    def tabs(self) -> str:
        tabs = []
        for _ in range(self.rnd.randint(2, 4)):
            content = self.paragraph((1, 2)) if self.rnd.random() < 0.6 else self.code()
            tabs.append(f'=== "{self.maybe_name()}"\n' + _indent(content))
        return "\n\n".join(tabs)

    def bullets(self) -> str:
        ordered = self.rnd.random() < 0.3
        items = []
        for n in range(1, self.rnd.randint(2, 7)):
            item = f"{n}. " if ordered else "- "
            item += self.paragraph((1, 2)).replace("\n", " ")
            if self.rnd.random() < 0.15:
                item += "\n\n    - " + self.sentence()
            items.append(item)
        return "\n".join(items)

    def definitions(self) -> str:
        return "\n\n".join(f"{self.maybe_name()}\n:   {self.sentence()}" for _ in range(self.rnd.randint(1, 3)))

    def quote(self) -> str:
        return "> " + self.paragraph().replace("\n", "\n> ")

    def raw_html(self) -> str:
        """A block of raw HTML: kept verbatim, odd attributes and all, unless it asks for Markdown
        inside (md_in_html then writes its attributes anew)."""
        attributes = self.attributes()
        tag = self.rnd.choice(("div", "p", "section", "aside"))
        if self.rnd.random() < 0.7:
            inner = " ".join(self.word() for _ in range(self.rnd.randint(0, 6)))
            other = self.attributes()
            return (
                f"<{tag} {attributes}>{inner} <span {other}>{self.maybe_name()}</span> {self.maybe_name()} "
                f"<em {attributes}>{self.maybe_name()}</em> {self.word()} "
                f"<a href=../x.md {other}>{self.maybe_name()}</a> {self.maybe_name()}</{tag}>"
            )
        return f"<{tag} {attributes} markdown>\n\n{self.paragraph()}\n\n</{tag}>"

    def attributes(self) -> str:
        names = self.rnd.sample(sorted(ODD_ATTRIBUTES), self.rnd.randint(1, 3))
        return " ".join(self.rnd.choice(ODD_ATTRIBUTES[name]) for name in names)

    def switched_off(self) -> str:
        return f"<!-- crosslinks: off -->\n\n{self.paragraph()}\n\n<!-- crosslinks: on -->"

    def figure(self) -> str:
        image = self.rnd.choice(self.images)
        return (
            f'<figure markdown>\n<a class="glightbox" href="{image}" data-type="image" data-width="auto">'
            f'<img src="{image}" alt="{self.maybe_name()}"></a>\n'
            f"<figcaption>{self.sentence()}</figcaption>\n</figure>"
        )

    def opted_out(self) -> str:
        return self.paragraph() + "\n{ .no-crosslinks }"

    # Pages -------------------------------------------------------------------------------------

    def page(self, blocks: int) -> str:
        """A Markdown page body of about `blocks` blocks, with its footnotes and abbreviations."""
        self.footnotes = []
        body = [self.block() for _ in range(blocks)]
        body += [f"[^{n}]: {text}" for n, text in enumerate(self.footnotes, start=1)]
        body += [f"*[{acronym}]: {acronym.lower()} in full" for acronym in self.acronyms]
        return "\n\n".join(body) + "\n"


def vocabulary(rnd: random.Random, size: int) -> list[str]:
    """`size` distinct made-up words, a few with accents or other scripts."""
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rnd.choices(SYLLABLES, k=rnd.randint(2, 4))))
    return sorted(words)


class Renderer:
    """Python-Markdown with the extensions mkdocs.yml lists (but snippets, which needs files)."""

    def __init__(self) -> None:
        extensions, configs = markdown_extensions()
        self._md = markdown.Markdown(extensions=extensions, extension_configs=configs)

    def __call__(self, text: str) -> str:
        return self._md.reset().convert(text)


def markdown_extensions() -> tuple[list[str], dict[str, dict]]:
    """The site's Markdown extensions and their settings, read from mkdocs.yml."""

    class _Loader(yaml.SafeLoader):
        pass

    _Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    names: list[str] = []
    configs: dict[str, dict] = {}
    for entry in config["markdown_extensions"]:
        name, settings = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        if name == "pymdownx.snippets":
            continue
        names.append(name)
        if settings:
            configs[name] = settings
    return names, configs


def _indent(text: str) -> str:
    return "\n".join(f"    {line}" if line else "" for line in text.split("\n"))

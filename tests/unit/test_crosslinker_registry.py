"""The term registry: valid entries, malformed entries and clashes, with the messages editors see."""

from __future__ import annotations

import datetime
import random

import pytest
from crosslinker import RegistryError, Term, build_registry, fold, parse_terms, unknown_anchors

# -----------------------------------------------------------------------------
# Tests
# -----------------------------------------------------------------------------


def test_parses_a_full_entry() -> None:
    raw = [
        {
            "name": "secondary  sanctions",
            "aliases": ["secondary\nsanction"],
            "case_sensitive": False,
            "anchor": "#secondary-sanctions",
            "definition": " Sanctions on  third parties [¶6]. ",
        }
    ]
    assert parse_terms("themes/sanctions.md", raw) == [
        Term(
            name="secondary sanctions",
            page="themes/sanctions.md",
            aliases=("secondary sanction",),
            anchor="secondary-sanctions",
            definition="Sanctions on third parties [¶6].",
        )
    ]


def test_no_terms() -> None:
    assert parse_terms("index.md", None) == []
    assert build_registry({}).terms == ()


MALFORMED = [
    ("not-a-list", {"name": "Russia"}, "'terms' must be a list"),
    ("empty-entry", [None], "terms[0] is empty"),
    ("empty-mapping", [{}], "terms[0] is empty"),
    ("bare-string", ["Russia"], "write it as '- name: Russia'"),
    ("not-a-mapping", [["Russia"]], "must be a mapping with a 'name'"),
    ("no-name", [{"aliases": ["Moscow"]}], "'name' must be a non-empty name"),
    ("blank-name", [{"name": "  "}], "'name' must be a non-empty name"),
    ("number-name", [{"name": 1972}], "'name: 1972' is read as a number: put it in quotes, 'name: \"1972\"'"),
    ("number-alias", [{"name": "Kissinger", "aliases": [1972]}], "'aliases[0]: 1972' is read as a number"),
    ("bool-name", [{"name": False}], "'name' is read as true or false (YAML reads yes, no, on and off so)"),
    ("date-name", [{"name": datetime.date(2024, 11, 5)}], "'name: 2024-11-05' is read as a date: put it in quotes"),
    ("punctuation-name", [{"name": "--"}], "has no letters or digits"),
    ("unknown-key", [{"name": "Russia", "alias": ["Moscow"]}], "unknown key(s) alias"),
    ("aliases-string", [{"name": "Russia", "aliases": "Moscow"}], "'aliases' must be a list"),
    ("alias-empty", [{"name": "Russia", "aliases": [""]}], "'aliases[0]' must be a non-empty name"),
    ("case-sensitive-string", [{"name": "UAE", "case_sensitive": "yes"}], "'case_sensitive' must be true or false"),
    ("anchor-with-space", [{"name": "UAE", "anchor": "two words"}], "'anchor' must be a heading id"),
    ("description-renamed", [{"name": "UAE", "description": "x"}], "terms take 'definition:' for the glossary"),
    ("definition-not-text", [{"name": "UAE", "definition": ["x"]}], "(UAE): 'definition' must be text"),
]


@pytest.mark.parametrize(("raw", "message"), [row[1:] for row in MALFORMED], ids=[row[0] for row in MALFORMED])
def test_malformed_entries_name_the_file(raw: object, message: str) -> None:
    with pytest.raises(RegistryError) as error:
        build_registry({"actors/russia.md": raw})
    assert str(error.value).startswith("docs/actors/russia.md: ")
    assert message in str(error.value)


def test_display_callback_names_the_file() -> None:
    with pytest.raises(RegistryError, match=r"^site/docs/a\.md: terms\[0\] is empty"):
        build_registry({"a.md": [None]}, display=lambda src: f"site/docs/{src}")


CLASHES = [
    ("same-name", [{"name": "sanctions"}], [{"name": "sanctions"}]),
    ("ignoring-case", [{"name": "Sanctions"}], [{"name": "sanctions"}]),
    ("alias-vs-name", [{"name": "Russia", "aliases": ["Moscow"]}], [{"name": "moscow"}]),
    ("whitespace", [{"name": "pivot to the East"}], [{"name": "pivot  to the\neast"}]),
    ("one-case-sensitive", [{"name": "US", "case_sensitive": True}], [{"name": "us"}]),
    ("both-case-sensitive-same", [{"name": "US", "case_sensitive": True}], [{"name": "US", "case_sensitive": True}]),
]


@pytest.mark.parametrize(("first", "second"), [row[1:] for row in CLASHES], ids=[row[0] for row in CLASHES])
def test_a_name_claimed_by_two_pages_names_both_files(first: list, second: list) -> None:
    with pytest.raises(RegistryError) as error:
        build_registry({"themes/sanctions.md": first, "actors/russia.md": second})
    message = str(error.value)
    assert "claimed by two pages, docs/actors/russia.md and docs/themes/sanctions.md" in message
    assert "remove it from the other" in message


def test_a_name_under_two_terms_of_one_page() -> None:
    with pytest.raises(RegistryError, match=r"^docs/a\.md: the name 'Iran' is listed under two terms"):
        build_registry({"a.md": [{"name": "Iran"}, {"name": "Persia", "aliases": ["Iran"]}]})


def test_case_sensitive_names_differing_in_case_coexist() -> None:
    registry = build_registry(
        {
            "actors/turkey.md": [{"name": "Turkey", "case_sensitive": True}],
            "food/turkey.md": [{"name": "turkey", "case_sensitive": True}],
        }
    )
    assert registry.keys["turkey"] == ((0, "Turkey"), (1, "turkey"))


def test_a_name_repeated_on_one_entry_is_harmless() -> None:
    registry = build_registry({"a.md": [{"name": "Iran", "aliases": ["iran", "IRAN"]}]})
    assert registry.keys == {"iran": ((0, None),)}


def test_registry_does_not_depend_on_page_order() -> None:
    pages = {f"p{i}.md": [{"name": f"term {i}", "aliases": [f"alias {i}"]}] for i in range(20)}
    items = list(pages.items())
    random.Random(1).shuffle(items)
    assert build_registry(dict(items)) == build_registry(pages)


@pytest.mark.parametrize(
    ("text", "folded"),
    [("Iran\u2019s", "iran's"), ("İSTANBUL", "İstanbul"), ("ÉTAT", "état")],
    ids=["apostrophe", "length-changing-lower", "accents"],
)
def test_fold_keeps_length(text: str, folded: str) -> None:
    assert fold(text) == folded
    assert len(fold(text)) == len(text)


def test_unknown_anchors_are_the_terms_pointing_at_no_heading_of_their_page() -> None:
    registry = build_registry(
        {
            "themes/sanctions.md": [
                {"name": "secondary sanctions", "anchor": "secondary"},
                {"name": "export controls", "anchor": "export-control"},
                {"name": "sanctions"},
            ],
            "actors/russia.md": [{"name": "Russia", "anchor": "ties"}],
        }
    )
    headings = {"themes/sanctions.md": {"secondary", "export-controls"}}  # Russia's page not checked
    assert [term.name for term in unknown_anchors(registry, headings)] == ["export controls"]

"""Real `mkdocs build --strict` runs of fixture sites (and the real site) for hooks/figures.py, checked on parsed HTML.

Each figure must be on its page, wrapped for glightbox with a title and description, captioned, with
alt text; the SVGs must be well-formed and carry their data; bad data must fail with file and entry.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
HOOK = ROOT / "hooks" / "figures.py"
SVG = "{http://www.w3.org/2000/svg}"


def build(config: Path, site_dir: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site_dir)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=300,
    )


def copy_fixture(name: str, to: Path) -> Path:
    """Copy a fixture site so a test can change it; point its hook at this repository's hooks/figures.py."""
    shutil.copytree(FIXTURES / name, to)
    config = to / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("../../../hooks/figures.py", HOOK.as_posix()), encoding="utf-8"
    )
    return to


def page(site: Path, uri: str) -> HTMLParser:
    return HTMLParser((site / uri / "index.html").read_text(encoding="utf-8"))


def docs_snapshot(docs: Path) -> dict[str, bytes]:
    return {p.relative_to(docs).as_posix(): p.read_bytes() for p in sorted(docs.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def basic_site(tmp_path_factory) -> Path:
    docs = FIXTURES / "figures-basic" / "docs"
    before = docs_snapshot(docs)
    site = tmp_path_factory.mktemp("figures-basic") / "site"
    result = build(FIXTURES / "figures-basic" / "mkdocs.yml", site)
    assert result.returncode == 0, result.stderr
    assert docs_snapshot(docs) == before, "the build must not write into docs/"
    return site


FIGURES = [
    # page, figure id, svg file, words the caption must contain
    ("themes/trade", "figure-trade", "figures/trade.svg", "88 in 2014, 240 in 2024"),
    ("actors", "figure-partnership-map", "figures/partnership-map.svg", "Partnership map"),
    ("timeline", "figure-timeline", "figures/timeline.svg", "Timeline"),
]


@pytest.mark.parametrize("uri, figure_id, svg, caption", FIGURES)
def test_figure_is_on_its_page_zoomable_captioned_and_described(basic_site, uri, figure_id, svg, caption):
    html = page(basic_site, uri)
    figure = html.css_first(f"figure#{figure_id}")
    assert figure is not None, f"{uri}: no figure#{figure_id}"
    anchor = figure.css_first("a.glightbox")
    assert anchor is not None, "the image must be wrapped for glightbox"
    img = anchor.css_first("img")
    assert img is not None and len(img.attributes["alt"]) > 40
    assert anchor.attributes["data-title"] and anchor.attributes["data-description"]
    figcaption = figure.css_first("figcaption")
    assert caption in figcaption.text()
    # The link and the image point at the generated SVG, which exists and is well-formed.
    target = (basic_site / uri / anchor.attributes["href"]).resolve()
    assert target == (basic_site / svg).resolve() == (basic_site / uri / img.attributes["src"]).resolve()
    root = ET.fromstring(target.read_text(encoding="utf-8"))
    assert root.find(f"{SVG}title").text and root.find(f"{SVG}desc").text


def test_trade_svg_carries_its_data(basic_site):
    root = ET.fromstring((basic_site / "figures/trade.svg").read_text(encoding="utf-8"))
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "88" in texts and "240" in texts and "Source: the article, ¶5" in texts


def test_ties_outlook_matrix_and_timeline_list(basic_site):
    alpha = page(basic_site, "actors/alpha")
    ties = [li.text() for li in alpha.css("#ties + ul > li")]
    assert ties == [
        "Beta, partnership: Alpha and Beta trade and share energy [¶5, 6].",
        "Beta, dependence, a concern the article reports: Some fear that Alpha leans on Beta for trade [¶5].",
        "Gamma, sanctions, expected if the status quo holds: Gamma would tighten secondary sanctions and export "
        "controls on Alpha [¶6, 11].",
    ]
    assert [a.attributes["href"] for a in alpha.css("#ties + ul a")] == ["../beta/", "../beta/", "../gamma/"]
    assert [a.attributes["href"] for a in alpha.css("#outlook + ul a")] == [
        "../../scenarios/split/",
        "../../scenarios/status-quo/",
    ]
    # Beta declares nothing, but its page lists the ties pointing at it.
    assert len(page(basic_site, "actors/beta").css("#ties + ul > li")) == 2
    # A marker inside a code block stays code.
    assert "&lt;!-- ties --&gt;" in page(basic_site, "actors/gamma").css_first("pre code").html

    table = page(basic_site, "scenarios/comparison").css_first("figure#scenario-matrix table")
    assert [th.text() for th in table.css("thead th")] == ["Actor", "Split", "Status quo"]
    assert [tr.css_first("th[scope=row] a").text() for tr in table.css("tbody tr")] == ["Alpha", "Beta", "Gamma"]
    assert [td.attributes["data-label"] for td in table.css("tbody tr")[0].css("td")] == ["Split", "Status quo"]
    assert (
        "What each scenario means"
        in page(basic_site, "scenarios/comparison").css_first("figure#scenario-matrix figcaption").text()
    )

    items = [li.text() for li in page(basic_site, "timeline").css("article ul > li")]
    assert items[0] == "1972: A visit that opened a door [¶3]. See Alpha."
    assert items[1].startswith("2018 (date: context, not from the article):")
    assert [i[:4] for i in items] == ["1972", "2018", "Sept", "2024"]


def test_same_data_gives_byte_identical_figures(basic_site, tmp_path):
    again = tmp_path / "again"
    assert build(FIXTURES / "figures-basic" / "mkdocs.yml", again).returncode == 0
    for _, _, svg, _ in FIGURES:
        assert (again / svg).read_bytes() == (basic_site / svg).read_bytes()


def test_changing_fixture_data_changes_the_figure(basic_site, tmp_path):
    fixture = copy_fixture("figures-basic", tmp_path / "fixture")
    trade = fixture / "data/trade.yml"
    trade.write_text(trade.read_text(encoding="utf-8").replace("value: 240", "value: 275"), encoding="utf-8")
    beta = fixture / "docs/actors/beta.md"
    beta.write_text(
        beta.read_text(encoding="utf-8").replace(
            "outlook:",
            "ties:\n  - {to: gamma, kind: turning-away, status: stated, says: 'Beta turns from Gamma [¶10].'}"
            "\noutlook:",
        ),
        encoding="utf-8",
    )
    result = build(fixture / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 0, result.stderr
    svg = (tmp_path / "site/figures/trade.svg").read_text(encoding="utf-8")
    assert svg != (basic_site / "figures/trade.svg").read_text(encoding="utf-8")
    assert "275" in [t.text for t in ET.fromstring(svg).iter(f"{SVG}text")]
    assert "Turning away, described by the article: Beta turns from Gamma (¶10)." in (
        tmp_path / "site/figures/partnership-map.svg"
    ).read_text(encoding="utf-8")
    assert "275 in 2024" in page(tmp_path / "site", "themes/trade").css_first("figure#figure-trade figcaption").text()


def test_bad_edge_fixture_fails_with_file_and_entry(tmp_path):
    result = build(FIXTURES / "figures-bad-edge" / "mkdocs.yml", tmp_path / "site")
    assert result.returncode != 0
    assert (
        "docs/actors/alpha.md:9: ties entry 2: 'to: gama' names no actor page (did you mean `gamma`?); "
        "actor ids are: alpha, gamma" in result.stderr
    )


@pytest.mark.parametrize(
    "path, old, new, message",
    [
        (
            "docs/actors/alpha.md",
            "kind: dependence",
            "kind: reliance",
            "docs/actors/alpha.md:10: ties entry 2: unknown kind `reliance`",
        ),
        (
            "docs/actors/alpha.md",
            "status: concern",
            "status: worry",
            "docs/actors/alpha.md:11: ties entry 2: unknown status `worry`; statuses are: stated, concern, "
            "implied, status-quo, split",
        ),
        (
            "docs/actors/gamma.md",
            "export controls on Alpha [¶6, 11]",
            "export controls on Alpha",
            "docs/actors/gamma.md:8: ties entry 1: says: cites no ¶",
        ),
        (
            "docs/actors/beta.md",
            '  status_quo: "Would keep a junior partner [¶9]."\n',
            '  statusquo: "Would keep a junior partner [¶9]."\n',
            "docs/actors/beta.md:6: outlook: unknown key `statusquo`; allowed keys are split, status_quo",
        ),
        (
            "data/timeline.yml",
            "sources: [10]",
            "sources: [12]",
            "data/timeline.yml: entry 3: source 12 is not a valid ¶",
        ),
        (
            "data/timeline.yml",
            "page: actors/beta.md",
            "page: actors/delta.md",
            "data/timeline.yml: entry 4: `page: actors/delta.md` names no page",
        ),
        ("data/trade.yml", "value: 88", "value: lots", "data/trade.yml: values entry 1: `value: lots` is not a number"),
    ],
)
def test_bad_data_fails_the_build_naming_file_and_entry(tmp_path, path, old, new, message):
    fixture = copy_fixture("figures-basic", tmp_path / "fixture")
    target = fixture / path
    text = target.read_text(encoding="utf-8")
    assert old in text
    target.write_text(text.replace(old, new), encoding="utf-8")
    result = build(fixture / "mkdocs.yml", tmp_path / "site")
    assert result.returncode != 0
    assert message in result.stderr


def test_marker_on_the_wrong_page_is_a_strict_failure_with_line(tmp_path):
    fixture = copy_fixture("figures-basic", tmp_path / "fixture")
    (fixture / "docs/timeline.md").write_text(
        (fixture / "docs/timeline.md").read_text(encoding="utf-8") + "\n<!-- ties -->\n", encoding="utf-8"
    )
    result = build(fixture / "mkdocs.yml", tmp_path / "site")
    assert result.returncode != 0
    assert re.search(r"docs/timeline\.md:1[0-9]: <!-- ties --> only works on an actor page", result.stderr), (
        result.stderr
    )


# ---------------------------------------------------------------- the real site


def _real_site_ready() -> bool:
    config = ROOT / "mkdocs.yml"
    return (
        config.is_file()
        and "hooks/figures.py" in config.read_text(encoding="utf-8")
        and any((ROOT / "docs/actors").glob("*.md"))
    )


@pytest.mark.skipif(
    not _real_site_ready(), reason="the real site (mkdocs.yml listing hooks/figures.py, docs/actors/) is not there yet"
)
def test_real_site_figures(tmp_path):
    result = build(ROOT / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    marker = re.compile(r"^<!-- (figure-[a-z-]+) -->$", re.MULTILINE)
    found = 0
    for source in sorted((ROOT / "docs").rglob("*.md")):
        for figure_id in marker.findall(source.read_text(encoding="utf-8")):
            uri = source.relative_to(ROOT / "docs").with_suffix("").as_posix()
            uri = uri[: -len("/index")] if uri.endswith("/index") else "" if uri == "index" else uri
            figure = HTMLParser((site / uri / "index.html").read_text(encoding="utf-8")).css_first(
                f"figure#{figure_id}"
            )
            assert figure is not None and figure.css_first("a.glightbox img").attributes["alt"], (source, figure_id)
            found += 1
    assert found >= 1
    trade = site / "figures/trade.svg"
    texts = [t.text for t in ET.fromstring(trade.read_text(encoding="utf-8")).iter(f"{SVG}text")]
    assert "88" in texts and "240" in texts

"""axe-core (bundled by axe-playwright-python, works offline) on every page, in the light and the dark palette.

No serious or critical violation may remain. The fixes live at their root: overrides/partials/search.html and
overrides/partials/actions.html (accessible names), docs/assets/stylesheets/accessibility.css (contrast,
underlined links in text). Each page is loaded once; the palette follows the system preference (the first palette
in mkdocs.yml is "automatic"), so emulating a dark preference switches it without a reload. The palette changes
colours only (same DOM, other CSS custom properties), so the dark pass runs axe's colour rules; the light pass
runs them all.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

BLOCKING = {"serious", "critical"}
COLOUR_RULES = ["color-contrast", "link-in-text-block"]  # the axe rules whose outcome depends on the palette
SCHEMES = {"light": "default", "dark": "slate"}  # preference -> Material's data-md-color-scheme
# Colour transitions would let axe read a colour halfway between two palettes.
AXE_SCRIPT = Axe().axe_script  # axe-core as shipped by axe-playwright-python, injected once per page load
NO_TRANSITIONS = "*, *::before, *::after { transition: none !important; animation: none !important; }"


def _violations(page, rules: list[str] | None) -> list[str]:
    options = {"resultTypes": ["violations"]}
    if rules:
        options["runOnly"] = {"type": "rule", "values": rules}
    found = []
    for violation in page.evaluate("options => axe.run(document, options).then(r => r.violations)", options):
        if violation["impact"] not in BLOCKING:
            continue
        targets = ", ".join(" ".join(node["target"]) for node in violation["nodes"][:3])
        more = len(violation["nodes"]) - 3
        found.append(
            f"{violation['id']} ({violation['impact']}): {violation['help']} - {targets}"
            + (f" and {more} more" if more > 0 else "")
        )
    return found


def _check(page, url: str, report: dict, label: str) -> None:
    page.emulate_media(color_scheme="light")
    page.goto(url)
    page.add_style_tag(content=NO_TRANSITIONS)
    page.evaluate(AXE_SCRIPT)
    for preference, scheme in SCHEMES.items():
        page.emulate_media(color_scheme=preference)
        page.wait_for_function("s => document.body.dataset.mdColorScheme === s", arg=scheme)
        problems = _violations(page, None if preference == "light" else COLOUR_RULES)
        if problems:
            report[f"{label} ({preference})"] = problems


def test_no_serious_violations_on_any_page(page, site):
    report: dict[str, list[str]] = {}
    for path in site.pages:
        _check(page, site.url(path), report, path or "/")
    _check(page, site.url("no/such/page/"), report, "404 page")
    assert not report, "serious or critical axe violations:\n" + "\n".join(
        f"  {where}:\n" + "\n".join(f"    - {p}" for p in problems) for where, problems in report.items()
    )

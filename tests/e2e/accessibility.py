"""axe-core (from npm, injected into the page) and the checks axe does not make."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]

# Violations that live in Streamlit itself and cannot be fixed from the app. Each names the
# rule, the element it is about, and the upstream issue; the tests print them so they stay
# visible. Empty means none is tolerated.
ALLOWED: list[dict] = []


@dataclass(frozen=True)
class Violation:
    rule: str
    impact: str
    targets: tuple[str, ...]
    help: str

    def __str__(self) -> str:
        return f"{self.rule} ({self.impact}): {self.help} at {', '.join(self.targets[:4])}"


def axe(page: Page) -> list[Violation]:
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags},
                                                   resultTypes: ['violations']})""",
        WCAG_TAGS,
    )
    found = []
    for violation in result["violations"]:
        targets = tuple(" ".join(node["target"]) for node in violation["nodes"])
        found.append(Violation(violation["id"], violation["impact"] or "", targets, violation["help"]))
    return found


def unexplained(violations: list[Violation]) -> list[Violation]:
    allowed = {(a["rule"], a["target"]) for a in ALLOWED}
    return [v for v in violations if not all((v.rule, t) in allowed for t in v.targets)]


def heading_levels(page: Page) -> list[int]:
    return page.evaluate(
        """() => [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')]
                 .filter(h => h.offsetParent !== null)
                 .map(h => Number(h.tagName[1]))"""
    )


def skipped_heading_levels(levels: list[int]) -> list[tuple[int, int]]:
    """Pairs where a heading goes more than one level deeper than the one before it."""
    return [(a, b) for a, b in zip(levels, levels[1:], strict=False) if b > a + 1]

"""One source for every figure a person reads.

Patient text names figures by id instead of writing them: ``{{fact_id}}`` for a fact,
``{{comparison_id.group}}`` for a group's count out of 100, and
``{{comparison_id.group.rest}}`` for the other framing (100 minus the count). The loader
renders them and rejects any digit written straight into patient text, so a figure
cannot disagree with itself across the app.
"""

from __future__ import annotations

import re
from typing import Any

from decision_aid.schema import Comparison, Numbers

PLACEHOLDER = re.compile(r"\{\{\s*([a-z0-9_]+)(?:\.([a-z0-9_]+))?(?:\.(rest))?\s*\}\}")
DIGITS = re.compile(r"\d+")
DENOMINATOR = 100
# The one denominator every natural frequency uses ("about 69 of 100 people", "de cada 100").
DENOMINATOR_PHRASE = re.compile(r"\b(?:of|in|de|de\s+cada|en)\s+100\b")


def resolve(numbers: Numbers, name: str, group: str | None, rest: bool) -> str | None:
    """The text for one placeholder, or None when it names nothing known."""
    if group is None:
        fact = numbers.facts.get(name)
        return fact.value if fact is not None and not rest else None
    comparison = numbers.comparisons.get(name)
    if comparison is None or group not in comparison.groups:
        return None
    count = comparison.groups[group].per_100
    return str(DENOMINATOR - count if rest else count)


def render(text: str, numbers: Numbers, thousands: str = ",") -> tuple[str, list[str]]:
    """Fill in placeholders; return the text and the placeholders that name nothing.
    ``thousands``: the language's thousands separator (numbers.yaml writes "77,000")."""
    unknown: list[str] = []

    def fill(match: re.Match) -> str:
        value = resolve(numbers, match.group(1), match.group(2), bool(match.group(3)))
        if value is None:
            unknown.append(match.group(0))
            return match.group(0)
        return regroup(value, thousands)

    return PLACEHOLDER.sub(fill, text), unknown


GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+")


def regroup(value: str, separator: str) -> str:
    """ "77,000" with another thousands separator. A space never splits four digits ("1000",
    "77 000"), as in Spanish (RAE) and SI."""
    if separator == ",":
        return value

    def one(match: re.Match) -> str:
        digits = match.group(0).replace(",", "")
        if len(digits) <= 4 and separator.isspace():
            return digits
        groups: list[str] = []
        while digits:
            digits, groups = digits[:-3], [digits[-3:], *groups]
        return separator.join(groups)

    return GROUPED.sub(one, value)


def render_data(data: Any, numbers: Numbers, thousands: str = ",") -> tuple[Any, list[str]]:
    """Render every string inside parsed YAML data."""
    unknown: list[str] = []

    def walk(node: Any) -> Any:
        if isinstance(node, str):
            rendered, missing = render(node, numbers, thousands)
            unknown.extend(missing)
            return rendered
        if isinstance(node, list):
            return [walk(item) for item in node]
        if isinstance(node, dict):
            return {key: walk(value) for key, value in node.items()}
        return node

    return walk(data), unknown


def bare_digits(template: str) -> list[str]:
    """Digits written straight into text instead of coming from the numbers file."""
    return DIGITS.findall(DENOMINATOR_PHRASE.sub("", PLACEHOLDER.sub("", template)))


def used_ids(template: str) -> set[str]:
    return {match.group(1) for match in PLACEHOLDER.finditer(template)}


def frequency_sentences(comparison: Comparison, template: str) -> list[str]:
    """One sentence per group that reads the count out in both framings.

    ``template`` (from the pack's ui.yaml) uses {group}, {count}, {outcome}, {rest},
    {outcome_not} and {denominator}.
    """
    return [
        template.format(
            group=group.label,
            count=group.per_100,
            outcome=comparison.outcome,
            rest=DENOMINATOR - group.per_100,
            outcome_not=comparison.outcome_not,
            denominator=DENOMINATOR,
        )
        for group in comparison.groups.values()
    ]

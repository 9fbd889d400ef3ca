"""Authored Markdown as units of prose: paragraphs and list items, wrapped lines joined."""

from __future__ import annotations

import re

_BULLET = re.compile(r"^\s*(?:[-*+]|\d+\.)\s+")


def markdown_units(markdown: str) -> list[tuple[bool, str]]:
    """Authored Markdown as (is_bullet, text) units, with hard-wrapped lines joined."""
    units: list[tuple[bool, str]] = []
    for paragraph in re.split(r"\n\s*\n", markdown.strip()):
        first = len(units)
        for line in paragraph.splitlines():
            bullet = _BULLET.match(line)
            if bullet:
                units.append((True, line[bullet.end() :].strip()))
            elif len(units) > first:  # a wrapped line continues the unit above it
                units[-1] = (units[-1][0], f"{units[-1][1]} {line.strip()}")
            else:
                units.append((False, line.strip()))
    return units

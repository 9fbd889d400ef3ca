"""Small text helpers shared by the pages."""

from __future__ import annotations

from decision_aid.schema import Pack
from decision_aid.tailoring import Reason


def because(pack: Pack, reason: Reason) -> str:
    """'You told us X.' -> 'Shown because you told us X.'"""
    return f"{pack.ui.shown_because} {reason.text[:1].lower()}{reason.text[1:]}"


def step_label(pack: Pack, number: int, total: int, title: str) -> str:
    return pack.ui.step_label.format(number=number, total=total, title=title)


def citation(pack: Pack, ref_id: str) -> str:
    """A reference as one line: citation, DOI, PMID and address where known."""
    ref = pack.references[ref_id]
    parts = [ref.citation]
    if ref.doi:
        parts.append(f"doi:{ref.doi}")
    if ref.pmid:
        parts.append(f"PMID {ref.pmid}")
    if ref.url:
        parts.append(ref.url)
    return " ".join(parts)


def markdown_table(header: tuple[str, str], rows: list[tuple[str, str]]) -> str:
    """A two-column table as Markdown: a real HTML table, without a DataFrame's Arrow
    round trip on every rerun. Cells are authored content; pipes and line breaks escaped."""

    def cell(text: str) -> str:
        return " ".join(text.split()).replace("|", "\\|")

    lines = [f"| {cell(header[0])} | {cell(header[1])} |", "| --- | --- |"]
    lines += [f"| {cell(left)} | {cell(right)} |" for left, right in rows]
    return "\n".join(lines)

"""Small text helpers shared by the pages."""

from __future__ import annotations

from html import escape

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


def sources_block(pack: Pack, reference_ids: tuple[str, ...]) -> str:
    """A topic's sources, folded away under "Sources (n)", for st.markdown with HTML on.

    A native <details> in the Markdown does what an expander does, as one element
    instead of two; Streamlit sends each element as its own message, so a results page
    with a dozen topics is cheaper to send to a full room. Citations are authored text;
    any angle brackets or ampersands in them are escaped, so they stay text.
    """
    label = escape(f"{pack.ui.sources_label} ({len(reference_ids)})", quote=False)
    items = "\n".join(f"- {escape(citation(pack, ref), quote=False)}" for ref in reference_ids)
    return f'<details class="sources"><summary>{label}</summary>\n\n{items}\n\n</details>'


def markdown_table(header: tuple[str, str], rows: list[tuple[str, str]]) -> str:
    """A two-column table as Markdown: a real HTML table, without a DataFrame's Arrow
    round trip on every rerun. Cells are authored content; pipes and line breaks escaped."""

    def cell(text: str) -> str:
        return " ".join(text.split()).replace("|", "\\|")

    lines = [f"| {cell(header[0])} | {cell(header[1])} |", "| --- | --- |"]
    lines += [f"| {cell(left)} | {cell(right)} |" for left, right in rows]
    return "\n".join(lines)

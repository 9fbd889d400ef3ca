"""Small text helpers shared by the pages."""

from __future__ import annotations

import re

from decision_aid.schema import Pack, Table
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


# Folded sections are native <details> in Markdown, shown with st.markdown and HTML on.
# They do what an expander or a tab does, as part of one element instead of several:
# Streamlit sends each element as its own message, so a results page with a dozen
# topics and two tables is much cheaper to send to a full room. Authored text put in
# them goes through text(), so it stays text and its Markdown still works.


def fold(summary: str, markdown: str, kind: str = "") -> str:
    """A <details> block. The blank lines make the inside read as Markdown."""
    classes = f"fold {kind}".strip()
    return f'<details class="{classes}"><summary>{text(summary)}</summary>\n\n{markdown}\n\n</details>'


def text(authored: str) -> str:
    """Authored Markdown, safe to show with HTML on: & and < are escaped, so no tag or
    entity can appear, while Markdown (emphasis, lists, links, quotes) still works. An "&"
    in a web address is left as it is: a bare address becomes a link as written, and the
    FDA's REMS page was linked as "...page&amp;REMS=386" (a red-team review)."""
    pieces = _ADDRESS.split(authored)  # words, address, words, address, ..., words
    return "".join(
        piece.replace("<", "&lt;") if odd else piece.replace("&", "&amp;").replace("<", "&lt;")
        for odd, piece in ((i % 2 == 1, p) for i, p in enumerate(pieces))
    )


_ADDRESS = re.compile(r"(https?://[^\s<]+)")


def sources_block(pack: Pack, reference_ids: tuple[str, ...]) -> str:
    """A topic's sources, folded away under "Sources (n)"."""
    items = "\n".join(f"- {text(citation(pack, ref))}" for ref in reference_ids)
    return fold(f"{pack.ui.sources_label} ({len(reference_ids)})", items, "sources")


def table_block(pack: Pack, table: Table) -> str:
    """A table of options, one folded part per question. Each part shows every option's
    answer to that question, so all options get equal room, and it fits a phone."""
    parts = [f"**{text(table.title)}**", f'<p class="aid-caption">{text(table.caption)}</p>']
    for row in table.rows:
        answers = [(column.label, text(row.cells[column.id])) for column in table.columns]
        parts.append(fold(row.label, markdown_table((pack.ui.table_option, text(row.label)), answers)))
    return "\n\n".join(parts)


def markdown_table(header: tuple[str, str], rows: list[tuple[str, str]]) -> str:
    """A two-column table as Markdown: a real HTML table, without a DataFrame's Arrow
    round trip on every rerun. Cells are authored content; pipes and line breaks escaped."""

    def cell(text: str) -> str:
        return " ".join(text.split()).replace("|", "\\|")

    lines = [f"| {cell(header[0])} | {cell(header[1])} |", "| --- | --- |"]
    lines += [f"| {cell(left)} | {cell(right)} |" for left, right in rows]
    return "\n".join(lines)

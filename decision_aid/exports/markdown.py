"""The take-away summary as Markdown."""

from __future__ import annotations

import re

from decision_aid.exports.document import Block, Text, summary_document
from decision_aid.schema import Pack
from decision_aid.summary import Summary

_BACKTICKS = re.compile(r"`+")


def escape(text: str) -> str:
    """The person's own words shown as typed, in a code span: no Markdown, HTML, link,
    autolink (``www.`` or an address), maths (``$...$``), emoji or icon (``:name:``) in
    them takes effect, in Streamlit or in any Markdown viewer. The span's fence is longer
    than any run of backticks inside, and one space each side keeps a backtick at either
    end apart from it (CommonMark strips exactly that space)."""
    line = " ".join(text.split())
    longest = max((len(run) for run in _BACKTICKS.findall(line)), default=0)
    fence = "`" * (longest + 1)
    return f"{fence} {line} {fence}"


# Streamlit's page rewrites every ":material/" in a Markdown source to draw an icon, before
# it reads the Markdown, so code spans too. An invisible word joiner after the colon keeps
# the person's words as typed on screen. Only for st.markdown: files keep the exact words.
_ICON_PREFIX = ":material/"


def on_screen(markdown: str) -> str:
    """A rendered summary (or part) made ready for st.markdown: see _ICON_PREFIX."""
    return markdown.replace(_ICON_PREFIX, ":\u2060material/")


def _text(part: Text) -> str:
    return escape(part.text) if part.mine else part.text


def _render(block: Block, top_level: int) -> str:
    if block.kind in ("bullets", "pairs"):
        return "\n".join(f"- {_text(part)}" for part in block.parts)
    if block.kind == "field":
        title, *text = block.parts
        return f"**{_text(title)}:** " + " ".join(_text(part) for part in text)
    joined = " ".join(_text(part) for part in block.parts)
    if block.kind == "note":
        return f"*{joined}*"
    if block.kind in ("title", "heading"):
        level = top_level + (block.kind == "heading")
        return f"{'#' * level} {joined}"
    return joined


def render_blocks(blocks: list[Block], top_level: int = 1) -> str:
    """``top_level`` is the heading level of the title (2 when shown under a page's own h1)."""
    return "\n\n".join(_render(block, top_level) for block in blocks) + "\n"


def render_markdown(pack: Pack, summary: Summary, top_level: int = 1, *, crisis: bool = True) -> str:
    return render_blocks(summary_document(pack, summary, crisis=crisis), top_level)


def markdown_file(pack: Pack, summary: Summary) -> str:
    """The summary as a file: its language declared in front matter (Pandoc's ``lang``,
    also read by GitHub and most Markdown tools), then the document."""
    return f"---\nlang: {pack.info.locale}\n---\n\n" + render_markdown(pack, summary)

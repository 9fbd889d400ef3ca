"""Icon arrays: 100 people per group, the people with the outcome filled and grouped first.

Each comparison is drawn as one piece of HTML, with a small SVG image of each group's
grid. One element per comparison, rather than a dozen (columns, labels, charts,
sentences), keeps a results page cheap to send when a whole room opens it at once, and
the grids appear without a charting library in the browser.
"""

from __future__ import annotations

from functools import cache
from html import escape as html_escape
from urllib.parse import quote

import streamlit as st

from decision_aid.numbers import frequency_sentences
from decision_aid.schema import Pack

# Filled vs hollow carries the meaning, so colour is never the only cue. Both colours
# have at least 3:1 contrast with the white page (WCAG 1.4.11).
FILLED = "#1d3557"
OUTLINE = "#5f6b7a"
PER_ROW = 10
CELL = 16  # pixels per person
RADIUS = 5.5


def icon_array(pack: Pack, comparison_id: str) -> None:
    st.html(icon_array_html(pack, comparison_id))


def icon_array_html(pack: Pack, comparison_id: str) -> str:
    """The measure, who was studied, one grid and sentence per group, and how to read it."""
    comparison = pack.numbers.comparisons[comparison_id]
    ui = pack.ui
    sentences = frequency_sentences(comparison, ui.frequency_sentence)
    context = ui.icon_array_context.format(population=comparison.population, time=comparison.time)
    figures = "".join(
        f"<figure><p><strong>{escape(group.label)}</strong></p>"
        f"{grid_image(group.per_100)}<p>{escape(sentence)}</p></figure>"
        for group, sentence in zip(comparison.groups.values(), sentences, strict=True)
    )
    return (
        '<div class="icon-array">'
        f"<p><strong>{escape(comparison.measure)}</strong></p>"
        f'<p class="aid-caption">{escape(context)}</p>'
        f'<div class="ia-groups">{figures}</div>'
        f'<p class="aid-caption">{escape(ui.icon_array_note.format(outcome=comparison.outcome))}</p>'
        "</div>"
    )


def escape(text: str) -> str:
    """Authored text as HTML text (quotes are left alone: no attribute holds text)."""
    return html_escape(text, quote=False)


@cache  # one image per count, built once per process
def grid_image(count: int) -> str:
    """The grid as an image. Streamlit's HTML sanitiser removes inline SVG but keeps an
    image given as a data address, which also costs no request. The alt text is empty
    on purpose: the sentence beside each grid says the same in words, and screen readers
    skip an image with empty alt text rather than read out a picture of 100 circles."""
    source = "data:image/svg+xml," + quote(grid_svg(count), safe="=:/'.,-")
    return f'<img src="{source}" alt="" width="{PER_ROW * CELL}" height="{PER_ROW * CELL}">'


def grid_svg(count: int) -> str:
    """A 10 x 10 grid, read row by row: the first ``count`` people filled.

    Each person is a tile of a pattern, so the image is two outlined regions (the
    filled people, then everyone else) rather than 100 shapes: a few hundred bytes
    instead of several thousand, for a page a whole room loads at once.
    """
    size, rows, rest = PER_ROW * CELL, count // PER_ROW, count % PER_ROW
    top, bottom, edge = rows * CELL, (rows + 1) * CELL, rest * CELL

    def person(name: str, fill: str, stroke: str) -> str:
        return (
            f"<pattern id='{name}' width='{CELL}' height='{CELL}' patternUnits='userSpaceOnUse'>"
            f"<circle cx='{CELL // 2}' cy='{CELL // 2}' r='{RADIUS}' fill='{fill}' stroke='{stroke}' "
            "stroke-width='1.5'/></pattern>"
        )

    return (
        f"<svg xmlns='http://www.w3.org/2000/svg' width='{size}' height='{size}' viewBox='0 0 {size} {size}'>"
        f"<defs>{person('filled', FILLED, FILLED)}{person('hollow', 'white', OUTLINE)}</defs>"
        f"<path fill='url(#filled)' d='M0 0H{size}V{top}H{edge}V{bottom}H0Z'/>"
        f"<path fill='url(#hollow)' d='M{edge} {top}H{size}V{size}H0V{bottom}H{edge}Z'/>"
        "</svg>"
    )

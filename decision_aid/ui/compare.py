"""Compare options: an Option Grid of the options the person picks.

The person picks a few columns of the options table; each question is a row. A laptop
gets a grid (rows = questions, columns = the picked options); a phone gets one card per
question with the picked options' answers stacked. The server cannot know the screen's
width, so both are drawn in one piece of authored HTML and a CSS media query shows one.
The hidden one is ``display: none``, so screen readers meet only the one on screen.

Rows the person rated "very important" in What matters to you come first, marked so; the
rest follow in the table's order. The options are never reordered, scored or ranked: the
picked ones keep the table's order, whatever order they were picked in. Rows whose figures
come from different studies carry a caution, and the caution also stands above the grid.
All HTML is built from the content pack only, escaped; nothing a person typed goes in it.
"""

from __future__ import annotations

from html import escape as html_escape

import streamlit as st

from decision_aid.schema import Pack, Table, TableRow
from decision_aid.summary import Summary
from decision_aid.ui import state
from decision_aid.ui.text import citation, text

FEWEST, MOST = 2, 4
PICK_KEY = state.widget_key("compare", "options")
VERY_IMPORTANT = "very"  # the rating on the values scale that moves a row up
PHONE_WIDTH = 640  # px: at this width or less, cards instead of the grid
PICK_CLASS = "st-key-" + PICK_KEY.replace(":", "-")  # the class Streamlit gives the picker

# Authored CSS: Streamlit has no element for a grid that turns into cards. Text greys are
# at least 7:1 on white; the marks carry words, so colour is never the only cue.
CSS = f"""<style>
.aid-compare-caution {{ border-left: 0.3rem solid #7a5200; background: #fff8e6; color: #31333f;
  padding: 0.75rem 1rem; border-radius: 0.25rem; margin: 0 0 1rem 0; }}
.aid-compare-caution p {{ margin: 0 0 0.25rem 0; }}
/* An option's whole name, wrapped: Streamlit cuts a pill's label with "…" ("Terapia de
   conversación (como la terapia cognitivo…" on a phone, a Spanish review). */
[class*="st-key-compare-options"] button {{ height: auto; min-height: 44px; max-width: 100%; }}
[class*="st-key-compare-options"] button * {{ white-space: normal; overflow: visible;
  text-overflow: clip; text-align: left; }}
/* On a laptop the grid takes the main area's width, not the text column's (a second review:
   four options in 736 px made cells 130 px wide and the screen 9 laptop screens long); the
   prose around it keeps its readable measure. stMain is the container its width is read from,
   so an open sidebar is never covered. */
[data-testid="stMain"] {{ container-type: inline-size; }}
.aid-grid-wrap {{ position: relative; left: 50%; transform: translateX(-50%);
  width: max(100%, min(74rem, 100cqw - 4rem)); }}
table.aid-grid {{ border-collapse: separate; border-spacing: 0; width: 100%; table-layout: fixed;
  font-size: 0.9rem; line-height: 1.4; overflow-wrap: anywhere; }}
/* The options' names stay in view while a person reads down the rows. stMain scrolls under
   Streamlit's header bar, so they stop below it. */
table.aid-grid thead th {{ position: sticky; top: 3.75rem; z-index: 1; }}
table.aid-grid caption {{ text-align: left; font-weight: 600; padding: 0 0 0.5rem 0; color: #31333f; }}
table.aid-grid {{ border-top: 1px solid #c9ccd1; border-left: 1px solid #c9ccd1; }}
table.aid-grid th, table.aid-grid td {{ border: 0 solid #c9ccd1; border-width: 0 1px 1px 0; padding: 0.5rem;
  vertical-align: top; text-align: left; color: #31333f; }}
table.aid-grid thead th {{ background: #eef1f5; }}
table.aid-grid thead th:first-child {{ width: 24%; }}
table.aid-grid tbody th {{ background: #f7f8fa; font-weight: 600; }}
table.aid-grid tr.aid-very th {{ border-left: 0.3rem solid #1d3557; }}
.aid-mark {{ display: block; font-size: 0.8125rem; font-weight: 400; margin: 0.35rem 0 0 0;
  color: #31333f; }}
.aid-mark.aid-caution {{ color: #5c3d00; }}
.aid-cards {{ display: none; }}
.aid-card {{ border: 1px solid #c9ccd1; border-radius: 0.5rem; padding: 0.75rem 1rem;
  margin: 0 0 0.75rem 0; }}
.aid-card.aid-very {{ border-left: 0.3rem solid #1d3557; }}
.aid-card h2, .aid-card h3, .aid-card h4 {{ font-size: 1.125rem; font-weight: 600;
  margin: 0; padding: 0; line-height: 1.4; }}
.aid-card dl {{ margin: 0.5rem 0 0 0; padding: 0; }}
.aid-card dt {{ font-weight: 600; margin: 0.5rem 0 0 0; padding: 0; }}
.aid-card dd {{ margin: 0; padding: 0; }}
/* A picked option: dark text (Streamlit's red on pink is under 4.5:1) and a tick, so the
   state is not shown by colour alone. Screen readers hear aria-pressed, so the tick's
   alternative text is empty; a browser that cannot read that keeps the first line. */
.{PICK_CLASS} button[aria-pressed="true"] p {{ color: #1d3557 !important; font-weight: 600; }}
.{PICK_CLASS} button[aria-pressed="true"] p::before {{ content: "\\2713\\00a0";
  content: "\\2713\\00a0" / ""; }}
@media (max-width: {PHONE_WIDTH}px) {{
  .aid-grid-wrap {{ display: none; }}
  .aid-cards {{ display: block; }}
  .{PICK_CLASS} button {{ min-height: 44px; }}
}}
</style>"""


def compare_options(pack: Pack, summary: Summary, heading_level: int = 2) -> None:
    """The picker, then (with enough picked) the caution, the grid or cards, and the sources.
    ``heading_level`` is the level of each card's heading, one below the screen's own."""
    ui = pack.ui
    columns = tuple(column.id for column in pack.options.columns)
    labels = {column.id: column.label for column in pack.options.columns}
    picked = tuple(column for column in columns if column in state.compared())
    st.html(CSS)  # a style alone takes no room on the page
    state.seed(PICK_KEY, list(picked))
    st.pills(
        ui.compare_pick.format(fewest=FEWEST, most=MOST),
        columns,
        selection_mode="multi",
        format_func=labels.__getitem__,
        key=PICK_KEY,
        on_change=store_pick,
        args=(columns,),
    )
    st.caption(ui.compare_pick_help)
    if state.take_compare_refused():
        st.warning(ui.compare_too_many.format(most=MOST), icon=":material/block:")
    if len(picked) < FEWEST:
        st.info(ui.compare_too_few.format(fewest=FEWEST, most=MOST))
        return
    marked = very_important_rows(pack, ratings(summary))
    rows = ordered_rows(pack.options, marked)
    if not marked:  # the ratings come in a later stage: say how the rows could follow them
        st.caption(ui.compare_rate_first.format(stage=ui.stage_prepare))
    st.html(grid_html(pack, picked, rows, marked, heading_level))
    with st.expander(ui.compare_sources):
        st.markdown(sources_markdown(pack, rows))


def store_pick(columns: tuple[str, ...]) -> None:
    """on_change: keep a pick of at most MOST options; a pick beyond that is undone and the
    person told why. Kept in the table's order, whatever order they were picked in."""
    value = state.widget_value(PICK_KEY)
    if not isinstance(value, list) or not set(value) <= set(columns):
        return  # GONE (a reset meanwhile), or not an option this widget offers
    if len(value) > MOST:
        state.set_widget(PICK_KEY, [column for column in columns if column in state.compared()])
        state.note_compare_refused()
        return
    state.set_compared(tuple(column for column in columns if column in value))


def ratings(summary: Summary) -> dict[str, str]:
    """The person's ratings in What matters to you: from the summary when it carries them,
    else from the session (a results summary may be built without the deliberation)."""
    if summary.values:
        return {value.id: value.rating for value in summary.values}
    return dict(state.deliberation().values)


def very_important_rows(pack: Pack, rated: dict[str, str]) -> dict[str, tuple[str, ...]]:
    """Options-table row id -> the labels of the values rated very important that point to it."""
    marked: dict[str, tuple[str, ...]] = {}
    for item in pack.deliberation.values.items:
        if rated.get(item.id) == VERY_IMPORTANT:
            marked[item.option_row] = (*marked.get(item.option_row, ()), item.label)
    return marked


def ordered_rows(table: Table, marked: dict[str, tuple[str, ...]]) -> tuple[TableRow, ...]:
    """Rows rated very important first, then the rest; each group in the table's order."""
    return tuple(row for row in table.rows if row.id in marked) + tuple(
        row for row in table.rows if row.id not in marked
    )


def grid_html(
    pack: Pack,
    picked: tuple[str, ...],
    rows: tuple[TableRow, ...],
    marked: dict[str, tuple[str, ...]],
    heading_level: int = 2,
) -> str:
    """The caution, the grid (laptop) and the cards (phone), as one piece of HTML."""
    ui, table = pack.ui, pack.options
    columns = [column for column in table.columns if column.id in picked]
    caution = (
        '<div class="aid-compare-caution">'
        f"<p><strong>{escape(ui.compare_caution_title)}</strong></p>"
        f"<p>{escape(ui.compare_caution)}</p></div>"
    )
    head = "".join(f'<th scope="col">{escape(column.label)}</th>' for column in columns)
    body = "".join(
        f"<tr{_very_class(row, marked)}>"
        f'<th scope="row">{escape(row.label)}{_marks(pack, row, marked)}</th>'
        + "".join(f"<td>{escape(row.cells[column.id])}</td>" for column in columns)
        + "</tr>"
        for row in rows
    )
    grid = (
        '<div class="aid-grid-wrap"><table class="aid-grid">'
        f"<caption>{escape(table.title)}</caption>"
        f'<thead><tr><th scope="col">{escape(ui.compare_question)}</th>{head}</tr></thead>'
        f"<tbody>{body}</tbody></table></div>"
    )
    level = min(max(heading_level, 2), 6)
    cards = "".join(
        f'<div class="aid-card{" aid-very" if row.id in marked else ""}">'
        f"<h{level}>{escape(row.label)}</h{level}>{_marks(pack, row, marked)}<dl>"
        + "".join(
            f"<dt>{escape(column.label)}</dt><dd>{escape(row.cells[column.id])}</dd>" for column in columns
        )
        + "</dl></div>"
        for row in rows
    )
    return f'<div class="aid-compare">{caution}{grid}<div class="aid-cards">{cards}</div></div>'


def _very_class(row: TableRow, marked: dict[str, tuple[str, ...]]) -> str:
    return ' class="aid-very"' if row.id in marked else ""


def _marks(pack: Pack, row: TableRow, marked: dict[str, tuple[str, ...]]) -> str:
    """Under a row's question: the person's "very important" rating, and the caution."""
    marks = ""
    if row.id in marked:
        said = pack.ui.compare_very_important.format(values=", ".join(marked[row.id]))
        marks += f'<span class="aid-mark aid-very-mark">{escape(said)}</span>'
    if row.not_comparable:
        marks += f'<span class="aid-mark aid-caution">{escape(pack.ui.compare_not_comparable)}</span>'
    return marks


def sources_markdown(pack: Pack, rows: tuple[TableRow, ...]) -> str:
    """Each row's sources, under its question, in the order the rows are shown."""
    parts = []
    for row in rows:
        items = "\n".join(f"- {text(citation(pack, ref))}" for ref in row.references)
        parts.append(f"**{text(row.label)}**\n\n{items}")
    return "\n\n".join(parts)


def escape(authored: str) -> str:
    """Authored text as HTML text."""
    return html_escape(authored, quote=False)

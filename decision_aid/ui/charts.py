"""Icon arrays: 100 people per group, the people with the outcome filled and grouped first."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from decision_aid.numbers import frequency_sentences, icon_cells
from decision_aid.schema import Comparison, Pack

# Filled vs hollow carries the meaning, so colour is never the only cue. Both colours
# have at least 3:1 contrast with the white page (WCAG 1.4.11).
FILLED = "#1d3557"
OUTLINE = "#5f6b7a"


def icon_array(pack: Pack, comparison_id: str) -> None:
    comparison = pack.numbers.comparisons[comparison_id]
    ui = pack.ui
    st.markdown(f"**{comparison.measure}**")
    st.caption(ui.icon_array_context.format(population=comparison.population, time=comparison.time))
    sentences = frequency_sentences(comparison, ui.frequency_sentence)
    columns = st.columns(len(comparison.groups))
    for column, (group_id, group), sentence in zip(
        columns, comparison.groups.items(), sentences, strict=True
    ):
        with column:
            st.markdown(f"**{group.label}**")
            st.altair_chart(_grid(comparison, group_id, sentence), width="content")
            st.markdown(sentence)
    st.caption(ui.icon_array_note.format(outcome=comparison.outcome))


def _grid(comparison: Comparison, group_id: str, description: str) -> alt.Chart:
    cells = pd.DataFrame([cell.model_dump() for cell in icon_cells(comparison) if cell.group == group_id])
    axis = alt.Axis(labels=False, ticks=False, domain=False, grid=False, title=None)
    return (
        alt.Chart(cells, width=160, height=160)
        .mark_point(shape="circle", size=80, strokeWidth=1.5, opacity=1, aria=False)
        .encode(
            x=alt.X("column:O", axis=axis),
            y=alt.Y("row:O", axis=axis),
            fill=alt.condition("datum.affected", alt.value(FILLED), alt.value("white")),
            stroke=alt.condition("datum.affected", alt.value(FILLED), alt.value(OUTLINE)),
            tooltip=alt.value(None),
        )
        .properties(description=description)
        .configure_view(stroke=None)
        # The sentence under each grid says the same in words and is what screen readers
        # read; 100 separate circles would only be noise to them.
        .configure(aria=False)
    )

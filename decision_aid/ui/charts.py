"""Icon arrays: 100 people per group, the people with the outcome filled and grouped first."""

from __future__ import annotations

import streamlit as st

from decision_aid.numbers import DENOMINATOR, frequency_sentences
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
            st.vega_lite_chart(grid_spec(comparison_id, comparison, group_id, sentence), width="content")
            st.markdown(sentence)
    st.caption(ui.icon_array_note.format(outcome=comparison.outcome))


_SPECS: dict[tuple[str, str, str], dict] = {}


def grid_spec(comparison_id: str, comparison: Comparison, group_id: str, description: str) -> dict:
    """The Vega-Lite spec of one 10 x 10 grid, as plain data, built once per process.

    Built by hand rather than with Altair (which validates every chart against the whole
    Vega-Lite schema, about 0.1 s a grid), and with the 100 people generated in the
    browser from a sequence, so no data set is converted and sent on every rerun.
    """
    key = (comparison_id, group_id, description)
    if key not in _SPECS:
        count = comparison.groups[group_id].per_100
        hidden_axis = {"labels": False, "ticks": False, "domain": False, "grid": False, "title": None}
        _SPECS[key] = {
            "description": description,
            "width": 160,
            "height": 160,
            "data": {"sequence": {"start": 0, "stop": DENOMINATOR, "as": "person"}},
            "transform": [
                {"calculate": "floor(datum.person / 10)", "as": "row"},
                {"calculate": "datum.person % 10", "as": "column"},
                # People with the outcome come first, so they sit together at the top.
                {"calculate": f"datum.person < {count}", "as": "affected"},
            ],
            # The sentence under each grid says the same in words and is what screen
            # readers read; 100 separate circles would only be noise to them.
            "mark": {
                "type": "point",
                "shape": "circle",
                "size": 80,
                "strokeWidth": 1.5,
                "opacity": 1,
                "aria": False,
            },
            "encoding": {
                "x": {"field": "column", "type": "ordinal", "axis": hidden_axis},
                "y": {"field": "row", "type": "ordinal", "axis": hidden_axis},
                "fill": {"condition": {"test": "datum.affected", "value": FILLED}, "value": "white"},
                "stroke": {"condition": {"test": "datum.affected", "value": FILLED}, "value": OUTLINE},
                "tooltip": None,
            },
            "config": {"view": {"stroke": None}, "aria": False},
        }
    return _SPECS[key]

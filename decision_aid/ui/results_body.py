"""The results as the patient sees them: shown on Your results, and on the clinician's
screen as "what the patient saw"."""

from __future__ import annotations

import streamlit as st

from decision_aid.schema import Pack
from decision_aid.summary import Summary
from decision_aid.tailoring import ShownTopic
from decision_aid.ui import crisis
from decision_aid.ui.charts import icon_array
from decision_aid.ui.crisis import crisis_panel
from decision_aid.ui.text import because, sources_block, table_block, text


def results_body(pack: Pack, summary: Summary) -> None:
    """The results as the patient sees them (the clinician's "what the patient saw" too)."""
    if summary.crisis is not None:
        crisis_panel(pack, summary.crisis.reasons)
    st.markdown(pack.ui.results_intro)
    _told_us(pack, summary)
    for shown in (*summary.body, summary.care):
        _topic(pack, shown)


def _told_us(pack: Pack, summary: Summary) -> None:
    with st.expander(pack.ui.told_us_title, expanded=False):
        if summary.answered:
            rows = [f"- {a.question} **{', '.join(a.labels)}**" for a in summary.answered]
            st.markdown("\n".join(rows))
        else:
            st.markdown(pack.ui.told_us_none)
        if summary.skipped:
            skipped = "\n".join(f"- {q.question}" for q in summary.skipped)
            st.markdown(pack.ui.skipped_title + "\n\n" + skipped)
        else:
            st.markdown(pack.ui.nothing_skipped)


def _topic(pack: Pack, shown: ShownTopic) -> None:
    topic = shown.topic
    st.header(topic.title, anchor=topic.id)
    for reason in shown.reasons:
        st.info(because(pack, reason), icon=":material/person:")
    # As few elements as the layout allows: Streamlit sends each one as its own message.
    text_first = [text(topic.body)]
    if topic.crisis_lines:
        text_first.append(text(crisis.all_lines(pack)))
    text_last = []
    references = topic.references
    if topic.table:
        table = pack.routes if topic.table == "routes" else pack.options
        text_last.append(table_block(pack, table))
        references += tuple(ref for row in table.rows for ref in row.references)
    text_last.append(sources_block(pack, tuple(dict.fromkeys(references))))
    if topic.icon_arrays:
        st.markdown("\n\n".join(text_first), unsafe_allow_html=True)
        for comparison_id in topic.icon_arrays:
            icon_array(pack, comparison_id)
        text_first = []
    st.markdown("\n\n".join(text_first + text_last), unsafe_allow_html=True)

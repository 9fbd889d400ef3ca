"""Clinician review: the whole picture on one screen, arranged for a clinician."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from decision_aid import safety
from decision_aid.exports.document import preparation_blocks
from decision_aid.exports.markdown import on_screen, render_blocks
from decision_aid.schema import Pack
from decision_aid.summary import Summary, build_summary
from decision_aid.ui import state
from decision_aid.ui.downloads import downloads
from decision_aid.ui.layout import clear_controls, start_answered
from decision_aid.ui.results_body import results_body
from decision_aid.ui.text import citation


def review() -> None:
    pack = state.pack()
    answers = start_answered(pack, pack.ui.review_title)
    if answers is None:
        return
    deliberation = state.deliberation()
    summary = build_summary(pack, answers, deliberation)
    _crisis_status(pack, summary)
    if st.toggle(pack.ui.review_patient_view, key=state.widget_key("nav", "patient_view")):
        results_body(pack, summary)
        return
    _answers(pack, summary)
    _flags(pack, summary)
    _deliberation(pack, summary)
    for topic in pack.clinician_topics:
        with st.container(border=True, key=state.widget_key("box", f"clinic_{topic.id}")):
            st.header(topic.title, anchor=topic.id)
            st.markdown(topic.body)
            st.caption("; ".join(citation(pack, ref) for ref in topic.references))
    downloads(pack, summary)
    clear_controls(pack)
    st.caption(pack.info.disclaimer)


def _crisis_status(pack: Pack, summary: Summary) -> None:
    said = [", ".join(a.labels) for a in summary.answered if a.id == safety.SAFETY_QUESTION]
    answer = said[0] if said else pack.ui.review_unanswered
    if summary.crisis is not None:
        st.error(pack.ui.review_crisis.format(answer=answer), icon=":material/warning:")
    else:
        st.success(pack.ui.review_no_crisis.format(answer=answer))


def _answers(pack: Pack, summary: Summary) -> None:
    st.header(pack.ui.review_answers)
    frame = pd.DataFrame(
        {
            pack.ui.review_question: [a.short for a in summary.answered],
            pack.ui.review_answer: [", ".join(a.labels) for a in summary.answered],
        }
    )
    st.table(frame.set_index(pack.ui.review_question))
    if summary.skipped:
        skipped = "; ".join(q.short for q in summary.skipped)
        st.markdown(f"**{pack.ui.review_unanswered}** {skipped}")


def _flags(pack: Pack, summary: Summary) -> None:
    st.header(pack.ui.review_flags)
    if not summary.considerations:
        st.markdown(pack.ui.review_no_flags)
        return
    for shown in summary.considerations:
        with st.container(border=True, key=state.widget_key("box", f"flag_{shown.topic.id}")):
            st.markdown(f"**{shown.topic.title}**")
            st.markdown(f"{pack.ui.review_reason}: " + " ".join(r.text for r in shown.reasons))
            sources = "\n".join(f"- {citation(pack, ref)}" for ref in shown.topic.references)
            st.markdown(f"{pack.ui.review_sources}:\n{sources}")


def _deliberation(pack: Pack, summary: Summary) -> None:
    """Values, leaning, SURE and questions, in the same words as the take-away summary."""
    st.header(pack.ui.review_deliberation)
    st.markdown(on_screen(render_blocks(preparation_blocks(pack, summary), top_level=2)))

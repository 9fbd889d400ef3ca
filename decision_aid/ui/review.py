"""Clinician review: the whole picture on one screen, arranged for a clinician."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from decision_aid import safety
from decision_aid.exports.document import summary_document
from decision_aid.exports.markdown import render_blocks
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
        results_body(pack, answers)
        return
    _answers(pack, summary)
    _flags(pack, summary)
    _deliberation(pack, summary)
    for topic in pack.clinician_topics:
        with st.container(border=True, key=state.widget_key("box", f"clinic_{topic.id}")):
            st.header(topic.title, anchor=topic.id)
            st.markdown(topic.body)
            st.caption("; ".join(citation(pack, ref) for ref in topic.references))
    downloads(pack, answers, deliberation, summary)
    clear_controls(pack)
    st.caption(pack.info.disclaimer)


def _crisis_status(pack: Pack, summary: Summary) -> None:
    question = pack.questionnaire.by_id[safety.SAFETY_QUESTION]
    answer = question.choice(str(state.answers().get(safety.SAFETY_QUESTION))).label
    if summary.crisis:
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
    if summary.unanswered:
        skipped = "; ".join(pack.questionnaire.by_id[q].short for q in summary.unanswered)
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
    words = pack.summary_text
    wanted = {words.values_title, words.leaning_title, words.sure_title, words.questions_title}
    kept, keeping = [], False
    for block in summary_document(pack, summary):
        if block.kind in ("title", "heading"):
            keeping = block.parts[0].text in wanted
        not_filled = block.kind == "text" and block.parts[0].text.startswith(words.not_filled)
        if keeping or not_filled:
            kept.append(block)
    st.markdown(render_blocks(kept, top_level=2))

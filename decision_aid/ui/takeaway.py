"""Your summary: the take-away on screen, its downloads, and clearing the session."""

from __future__ import annotations

import streamlit as st

from decision_aid.exports.markdown import on_screen, render_markdown
from decision_aid.summary import build_summary
from decision_aid.ui import stages, state
from decision_aid.ui.crisis import chosen_region, crisis_panel
from decision_aid.ui.downloads import downloads
from decision_aid.ui.handoff import handoff_out
from decision_aid.ui.layout import clear_controls, start_answered


def summary() -> None:
    pack = state.pack()
    stages.progress(pack, "summary")
    answers = start_answered(pack, pack.ui.summary_title)
    if answers is None:
        return
    deliberation = state.deliberation()
    # The downloads' crisis lines start at the place this screen's panel shows.
    document = build_summary(
        pack, answers, deliberation, place=chosen_region(pack).id, fictional=state.fictional_title(pack)
    )
    # First, as on every stage. It is the document's crisis part, with numbers to tap, so the
    # document below leaves that part out on screen: the downloads keep it, and say so.
    if document.crisis is not None:  # the safety answer's, or the person's typed words'
        crisis_panel(pack, document.crisis.reasons)
    st.markdown(pack.ui.summary_intro)
    if document.crisis is not None:
        st.markdown(pack.ui.summary_crisis_note)
    downloads(pack, document)  # at the top: what a person came here for
    with st.container(border=True, key=state.widget_key("box", "summary_document")):
        shown = render_markdown(pack, document, top_level=2, crisis=False)  # under this page's own h1
        st.markdown(on_screen(shown))
    # Issue 16: the code for the clinician, after the document: above it, it put the points
    # to discuss two screens down (an acceptance review).
    handoff_out(pack, answers, deliberation)
    stages.stage_buttons(pack, "summary", "bottom")
    clear_controls(pack)  # the document above ends with the disclaimer: not said twice

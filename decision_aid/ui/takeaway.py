"""Your summary: the take-away on screen, its downloads, and clearing the session."""

from __future__ import annotations

import streamlit as st

from decision_aid.exports.markdown import render_markdown
from decision_aid.summary import build_summary
from decision_aid.ui import state
from decision_aid.ui.downloads import downloads
from decision_aid.ui.layout import clear_controls, start_answered


def summary() -> None:
    pack = state.pack()
    answers = start_answered(pack, pack.ui.summary_title)
    if answers is None:
        return
    deliberation = state.deliberation()
    document = build_summary(pack, answers, deliberation)
    st.markdown(pack.ui.summary_intro)
    downloads(pack, document)  # at the top: what a person came here for
    with st.container(border=True, key=state.widget_key("box", "summary_document")):
        st.markdown(render_markdown(pack, document, top_level=2))  # under this page's own h1
    st.button(
        pack.ui.back_button,
        key=state.widget_key("nav", "summary_back"),
        on_click=state.go_to_page,
        args=("prepare",),
    )
    clear_controls(pack)
    st.caption(pack.info.disclaimer)

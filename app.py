"""Entry point: `streamlit run app.py`. Page setup, the frame around every screen, and
navigation; no logic."""

import streamlit as st

from decision_aid.ui import (
    check,
    frame,
    layout,
    navigation,
    offline,
    pages,
    prepare,
    process,
    review,
    state,
    takeaway,
    workshop,
)

offline.keep_on_machine()  # before anything else: see decision_aid/ui/offline.py
process.prepare_once()
frame.choose_language()
frame.switch_first()

# No page_icon: a Material icon there is fetched from a third-party server by the browser.
st.set_page_config(
    page_title=state.pack().ui.page_title,
    layout="centered",
    initial_sidebar_state=frame.sidebar_state(),
)
screen = st.navigation(
    navigation.register(
        {
            "welcome": pages.welcome,
            "questions": pages.questionnaire,
            "check": check.check_answers,
            "results": pages.results,
            "basics": pages.basics,
            "facts": pages.facts,
            "risks": pages.risks,
            "compare": pages.compare,
            "prepare": prepare.prepare,
            "summary": takeaway.summary,
            "about": pages.about,
            "review": review.review,
            "workshop": workshop.workshop,
        }
    ),
    position="hidden",
)
frame.draw(state.pack())
screen.run()
layout.scroll_to_top(screen.url_path, state.pack())
layout.move_focus()

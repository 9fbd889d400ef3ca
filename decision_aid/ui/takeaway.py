"""Your summary: the take-away on screen, its downloads, and clearing the session."""

from __future__ import annotations

import streamlit as st

from decision_aid.answers import Answers
from decision_aid.deliberation import Deliberation
from decision_aid.exports.fhir import questionnaire_response, to_json
from decision_aid.exports.markdown import render_markdown
from decision_aid.exports.pdf import render_pdf
from decision_aid.schema import Pack
from decision_aid.summary import Summary, build_summary
from decision_aid.ui import pages, state

CONFIRM_KEY = "confirm_clear"


def summary() -> None:
    pack = state.pack()
    answers = pages.start_answered(pack, pack.ui.summary_title)
    if answers is None:
        return
    deliberation = state.deliberation()
    document = build_summary(pack, answers, deliberation)
    st.markdown(pack.ui.summary_intro)
    with st.container(border=True, key="summary_document"):
        st.markdown(render_markdown(pack, document, top_level=2))  # under this page's own h1
    downloads(pack, answers, deliberation, document)
    st.button(pack.ui.back_button, key="summary_back", on_click=state.go_to_page, args=("prepare",))
    clear_controls(pack)
    st.caption(pack.info.disclaimer)


def downloads(pack: Pack, answers: Answers, deliberation: Deliberation, document: Summary) -> None:
    """The take-away in three formats, built in memory only when asked for; nothing is
    written anywhere, and downloading does not rerun the page."""
    row = pages.buttons_row()
    row.download_button(
        pack.ui.download_pdf,
        lambda: render_pdf(pack, document),
        file_name="my-summary.pdf",
        mime="application/pdf",
        type="primary",
        key="download_pdf",
        on_click="ignore",
    )
    row.download_button(
        pack.ui.download_fhir,
        lambda: to_json(questionnaire_response(pack, document)),
        file_name="my-summary.fhir.json",
        mime="application/fhir+json",
        key="download_fhir",
        on_click="ignore",
    )
    row.download_button(
        pack.ui.download_markdown,
        lambda: render_markdown(pack, document),
        file_name="my-summary.md",
        mime="text/markdown",
        key="download_markdown",
        on_click="ignore",
    )


def _clear_and_start_again() -> None:
    state.clear_everything()
    state.go_to_page("welcome")


def clear_controls(pack: Pack) -> None:
    """One button that wipes the whole session, after a confirmation."""
    if not st.session_state.get(CONFIRM_KEY):
        st.button(
            pack.ui.clear_button,
            key="clear",
            icon=":material/delete:",
            on_click=lambda: st.session_state.update({CONFIRM_KEY: True}),
        )
        return
    st.warning(pack.ui.clear_confirm)
    row = pages.buttons_row()
    row.button(pack.ui.clear_yes, type="primary", key="clear_yes", on_click=_clear_and_start_again)
    row.button(
        pack.ui.clear_cancel,
        key="clear_cancel",
        on_click=lambda: st.session_state.update({CONFIRM_KEY: False}),
    )

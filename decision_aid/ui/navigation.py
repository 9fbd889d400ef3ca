"""The app's screens, registered once. Screens switch to each other by name."""

from __future__ import annotations

import streamlit as st

from decision_aid.ui import pages, prepare, takeaway

SCREENS = {
    "welcome": pages.welcome,
    "questions": pages.questionnaire,
    "results": pages.results,
    "prepare": prepare.prepare,
    "summary": takeaway.summary,
    "about": pages.about,
}


def page(name: str) -> st.Page:
    return st.Page(SCREENS[name], title=name.capitalize(), url_path=name, default=name == "welcome")


def all_pages() -> list[st.Page]:
    return [page(name) for name in SCREENS]


def go(name: str) -> None:
    st.switch_page(page(name))

"""The app's screens, registered once. Screens switch to each other by name."""

from __future__ import annotations

import streamlit as st

NAMES = ("welcome", "questions", "results", "prepare", "summary", "about", "review", "workshop")


def _screen(name: str):
    # Imported here: the screens import this module to switch between each other.
    from decision_aid.ui import pages, prepare, review, takeaway, workshop

    return {
        "welcome": pages.welcome,
        "questions": pages.questionnaire,
        "results": pages.results,
        "prepare": prepare.prepare,
        "summary": takeaway.summary,
        "about": pages.about,
        "review": review.review,
        "workshop": workshop.workshop,
    }[name]


def page(name: str) -> st.Page:
    return st.Page(_screen(name), title=name.capitalize(), url_path=name, default=name == "welcome")


def all_pages() -> list[st.Page]:
    return [page(name) for name in NAMES]


# The only things ever kept in the address bar: never answers.
ADDRESS_KEYS = ("mode", "persona")


def go(name: str) -> None:
    kept = {key: st.query_params[key] for key in ADDRESS_KEYS if key in st.query_params}
    st.switch_page(page(name), query_params=kept or None)

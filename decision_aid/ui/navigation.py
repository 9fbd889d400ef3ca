"""The app's screens by name. app.py registers them once; screens and the frame switch and
link to each other by name, so no screen imports another."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from decision_aid.ui import state

NAMES = (
    "welcome",
    "questions",
    "check",
    "results",
    "basics",
    "facts",
    "risks",
    "compare",
    "prepare",
    "summary",
    "about",
    "review",
    "workshop",
)
_screens: dict[str, Callable[[], None]] = {}


def register(screens: dict[str, Callable[[], None]]) -> list[st.Page]:
    """Called by app.py on every run with the same screens: the pages for st.navigation."""
    if set(screens) != set(NAMES):
        raise ValueError(f"screens must be exactly {NAMES}, got {sorted(screens)}")
    _screens.update(screens)
    return [page(name) for name in NAMES]


def page(name: str) -> st.Page:
    return st.Page(_screens[name], title=name.capitalize(), url_path=name, default=name == "welcome")


# The only things ever kept in the address bar, with the questionnaire's step: never answers.
ADDRESS_KEYS = ("mode", "persona", "presenter", "lang")


def _kept(keys: tuple[str, ...]) -> dict[str, str]:
    return {key: st.query_params[key] for key in keys if key in st.query_params}


def link(name: str, label: str, icon: str, leave_out: tuple[str, ...] = ()) -> None:
    """A link to a screen that keeps the view, case, language and presenter setting in the
    address: a plain page link dropped them, and a reload then came back in English at the
    patient's size (an acceptance review)."""
    kept = _kept(tuple(key for key in ADDRESS_KEYS if key not in leave_out))
    st.page_link(page(name), label=label, icon=icon, query_params=kept or None)


def go(name: str) -> None:
    """Switch screens, keeping the address's keys. The step stays in the address on every
    screen once there: Streamlit's page first puts a switch's new query string on the old
    screen's address as a history entry of its own, so dropping the step on leaving step 4
    left a second "step 4" for the browser's Back to land on."""
    kept = _kept((*ADDRESS_KEYS, state.STEP_PARAM))
    if name == "questions":  # its step from the first, so that Back from step 1 leaves it
        kept[state.STEP_PARAM] = str(state.step() + 1)
    st.switch_page(page(name), query_params=kept or None)

"""The session's state: one ``Answers`` value, the current step, and widget bindings.

Widgets are views of the answers, keyed by question id. Streamlit forgets a widget's value
when it is not drawn (another step or page), so every widget is seeded from the answers
before it is drawn and writes back to them when it changes.
"""

from __future__ import annotations

import streamlit as st

from decision_aid.answers import Answers, resolve_exclusive
from decision_aid.content import load_pack
from decision_aid.deliberation import Deliberation
from decision_aid.schema import Pack, Question

ANSWERS_KEY = "answers"
STEP_KEY = "step"
REGION_KEY = "crisis_region"
LOCALE = "en"


def pack() -> Pack:
    return load_pack(LOCALE)


def answers() -> Answers:
    if ANSWERS_KEY not in st.session_state:
        st.session_state[ANSWERS_KEY] = Answers()
    return st.session_state[ANSWERS_KEY]


def step() -> int:
    return int(st.session_state.get(STEP_KEY, 0))


def go_to_step(number: int) -> None:
    st.session_state[STEP_KEY] = max(0, number)


def seed_widget(question: Question) -> None:
    """Give a widget its stored answer before it is drawn."""
    if question.id in st.session_state:
        return
    value = answers().get(question.id)
    if question.kind == "multi":
        st.session_state[question.id] = list(value or ())
    else:
        st.session_state[question.id] = value


def store_widget(question: Question) -> None:
    """on_change: copy a widget's value into the answers."""
    value = st.session_state.get(question.id)
    if question.kind == "multi":
        chosen = resolve_exclusive(question, tuple(value or ()))
        st.session_state[question.id] = list(chosen)
        value = chosen
    st.session_state[ANSWERS_KEY] = answers().with_answer(question.id, value)


def region() -> str:
    return str(st.session_state.get("crisis_region_choice", pack().crisis.regions[0].id))


def store_region() -> None:
    st.session_state["crisis_region_choice"] = st.session_state[REGION_KEY]


def seed_region() -> None:
    if REGION_KEY not in st.session_state:
        st.session_state[REGION_KEY] = region()


DELIBERATION_KEY = "deliberation"


def deliberation() -> Deliberation:
    if DELIBERATION_KEY not in st.session_state:
        st.session_state[DELIBERATION_KEY] = Deliberation()
    return st.session_state[DELIBERATION_KEY]


def update_deliberation(**changes) -> None:
    st.session_state[DELIBERATION_KEY] = deliberation().update(**changes)


def seed(key: str, value: object) -> None:
    """Give a widget its stored value before it is drawn (Streamlit forgets unseen widgets)."""
    if key not in st.session_state:
        st.session_state[key] = value


def clear_everything() -> None:
    """Forget every answer in this session, and start afresh as a patient.

    The address bar is emptied too, and marked as read, so that a persona link that
    opened the session is not applied again on the next run.
    """
    st.session_state.clear()
    st.query_params.clear()
    st.session_state["address_read"] = True


MODE_KEY = "mode"
PRESENTER_KEY = "presenter"
GO_TO_KEY = "go_to"


def go_to_page(name: str) -> None:
    """For a button's on_click: the next run switches to that screen as soon as it starts
    (shell.start), so the screen the button sits on is not drawn again first. Under
    workshop load that halves the work of most clicks."""
    st.session_state[GO_TO_KEY] = name


def mode() -> str:
    return str(st.session_state.get(MODE_KEY, "patient"))


def set_mode(value: str) -> None:
    st.session_state[MODE_KEY] = value


def presenter() -> bool:
    return bool(st.session_state.get(PRESENTER_KEY, False))


def replace_answers(new: Answers) -> None:
    """Swap in a whole answer set (a persona): widgets and the deliberation start afresh."""
    keep = {
        key: st.session_state[key]
        for key in (MODE_KEY, PRESENTER_KEY, "address_read")
        if key in st.session_state
    }
    st.session_state.clear()
    st.session_state.update(keep)
    st.session_state[ANSWERS_KEY] = new


def reset_for_next_person() -> None:
    replace_answers(Answers())

"""The staged path after the questions: one progress bar from the first question to the
summary, and Back / Next at the top and the bottom of every stage. Which stage comes when is
decided in decision_aid/journey.py; this draws it."""

from __future__ import annotations

import streamlit as st

from decision_aid import journey
from decision_aid.schema import Pack
from decision_aid.ui import state
from decision_aid.ui.layout import buttons_row
from decision_aid.ui.text import step_label


def progress(pack: Pack, name: str) -> None:
    """The stage's place on the bar the questionnaire's steps start: "Step 5 of 10: ..."."""
    number, total = journey.position(pack, name)
    st.progress(number / total, text=step_label(pack, number, total, journey.stage_title(pack, name)))
    state.set_stage(name)


def next_label(pack: Pack, name: str) -> str:
    following = journey.next_stage(name)
    if following == "summary":
        return pack.ui.see_summary
    return pack.ui.next_to.format(title=journey.stage_title(pack, following or name))


def stage_buttons(pack: Pack, name: str, place: str) -> None:
    """Back and Next. Each stage and place has its own keys, and a click acts only on the
    stage it was made on: the second click of a double click does not move on twice."""
    row = buttons_row()
    row.button(
        pack.ui.back_button,
        key=state.widget_key("nav", f"stage_back_{name}_{place}"),
        on_click=_back,
        args=(pack, name),
    )
    if journey.next_stage(name) is not None:
        row.button(
            next_label(pack, name),
            type="primary",
            key=state.widget_key("nav", f"stage_next_{name}_{place}"),
            on_click=_forward,
            args=(name,),
        )


def _forward(name: str) -> None:
    following = journey.next_stage(name)
    if state.stage() == name and following is not None:
        state.go_to_page(following)


def _back(pack: Pack, name: str) -> None:
    if state.stage() != name:
        return
    previous = journey.previous_stage(name)
    if previous is None:  # back to the questionnaire's last step
        state.go_to_step(len(pack.questionnaire.sections) - 1)
        state.go_to_page("questions")
    else:
        state.go_to_page(previous)

"""Check your answers: every question the person was asked, with their answer or "Not
answered", and a Change button that opens the step it is on. Then on to the results."""

from __future__ import annotations

import streamlit as st

from decision_aid import flow, safety
from decision_aid.answers import Answers
from decision_aid.schema import Pack, Question
from decision_aid.tailoring import labels_text
from decision_aid.ui import stages, state
from decision_aid.ui.crisis import crisis_panel
from decision_aid.ui.layout import buttons_row, named, start_answered
from decision_aid.ui.question_css import QUESTION_CSS

# Each Change on the right of its answer, on a phone too: a row wraps when its text and
# button do not fit, so Change sat under long questions and beside short ones (a review).
CHECK_CSS = """<style>
[class*="st-key-box-answer_"] { flex-wrap: nowrap !important; }
[class*="st-key-box-answer_"] > :first-child { flex: 1 1 0; min-width: 0; }
[class*="st-key-box-answer_"] > :last-child { flex: none; }
/* Below 360 px (and in a room's large type) the text column would split words: there every
   Change goes under its answer. */
@media (max-width: 360px) {
  [class*="st-key-box-answer_"] { flex-wrap: wrap !important; }
  [class*="st-key-box-answer_"] > :first-child { flex: 1 1 100%; }
}
</style>"""


def check_answers() -> None:
    pack = state.pack()
    st.html(QUESTION_CSS + CHECK_CSS)
    stages.progress(pack, "check")  # issue 15 journey: the one progress bar
    answers = start_answered(pack, pack.ui.check_title)
    if answers is None:
        return
    state.note_checked()
    if safety.show_crisis_panel(answers, safety_step_open=False):
        crisis_panel(pack, (safety.crisis_reason(pack, answers),))
    st.markdown(pack.ui.check_intro)
    with st.container(key=state.widget_key("box", "check_answers")):
        for number, section in enumerate(pack.questionnaire.sections):
            st.header(section.title, anchor=False)
            for question in flow.visible_questions(pack.questionnaire, answers, section):
                row = st.container(
                    horizontal=True,
                    horizontal_alignment="distribute",
                    vertical_alignment="center",
                    border=True,
                    key=state.widget_key("box", f"answer_{question.id}"),  # CHECK_CSS
                )
                row.markdown(f"**{question.short}**  \n{answer_text(pack, question, answers)}")
                row.button(
                    named(pack.ui.change_button, question.short),
                    key=state.widget_key("nav", f"change_{question.id}"),
                    on_click=change,
                    args=(number, question.id),
                )
        row = buttons_row()
        last = len(pack.questionnaire.sections) - 1
        row.button(
            pack.ui.back_button, key=state.widget_key("nav", "check_back"), on_click=change, args=(last,)
        )
        row.button(
            pack.ui.results_button,
            type="primary",
            key=state.widget_key("nav", "check_to_results"),
            on_click=to_results,
            args=(pack,),
        )


def answer_text(pack: Pack, question: Question, answers: Answers) -> str:
    value = answers.get(question.id)
    if value is None:
        return pack.ui.not_answered
    values = value if isinstance(value, tuple) else (value,)
    return labels_text(question.choice(v).label for v in values)


def _leave() -> bool:
    """True once per visit to this screen: a click acts only while the check screen is the
    last one drawn, so the second click of a double click (or a stale one) does nothing."""
    if state.stage() != "check":
        return False
    state.set_stage("")
    return True


def change(number: int, question_id: str | None = None) -> None:
    """Open the step; from a Change button, at that question."""
    if not _leave():
        return
    if question_id is None:
        state.go_to_step(number)
        state.go_to_page("questions")
    else:
        state.go_to_question(number, question_id)


def to_results(pack: Pack) -> None:
    """Required questions still rule: one left unanswered opens its step, with the notice."""
    if not _leave():
        return
    answers = state.answers()
    for number, section in enumerate(pack.questionnaire.sections):
        missing = flow.missing_required(pack.questionnaire, answers, section)
        if missing:
            state.go_to_step(number)
            state.note_required_missing(missing[0].id)
            state.go_to_page("questions")
            return
    state.go_to_page("results")

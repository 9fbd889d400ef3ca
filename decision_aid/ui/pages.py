"""The patient's screens (welcome, the questionnaire steps, results) and About.

They draw what the core decided; no clinical decision is made here.
"""

from __future__ import annotations

import streamlit as st

from decision_aid import flow, journey, safety
from decision_aid.readability import median_grade, scale, topic_readings
from decision_aid.schema import Pack, Question, Section
from decision_aid.summary import Summary, build_summary
from decision_aid.tailoring import ShownTopic
from decision_aid.ui import navigation, stages, state
from decision_aid.ui.compare import compare_options
from decision_aid.ui.crisis import chosen_region, crisis_panel
from decision_aid.ui.layout import (
    buttons_row,
    clear_controls,
    say,
    scroll_to_crisis_panel,
    start_answered,
    to_first_step,
    version_line,
)
from decision_aid.ui.question_css import QUESTION_CSS
from decision_aid.ui.results_body import applies_body, contents, topic
from decision_aid.ui.text import citation, step_label


def welcome() -> None:
    pack = state.pack()
    st.title(pack.ui.app_title)
    st.markdown(f"*{pack.ui.app_subtitle}*")
    st.markdown(pack.welcome)
    info = pack.info
    st.caption(f"{pack.ui.time_line.format(minutes=info.minutes_to_complete)} {version_line(pack)}")
    st.button(
        pack.ui.start_button, type="primary", key=state.widget_key("nav", "start"), on_click=to_first_step
    )
    navigation.link("about", pack.ui.about_link, ":material/info:")
    st.caption(info.disclaimer)


def questionnaire() -> None:
    pack = state.pack()
    sections = pack.questionnaire.sections
    number = state.step_from_address(len(sections))
    section = sections[number]
    answers = state.answers()

    st.html(QUESTION_CSS)
    total = len(sections) + len(journey.STAGES)  # one bar from the first question to the summary
    label = step_label(pack, number + 1, total, section.title)
    st.progress((number + 1) / total, text=label)
    st.title(section.title)
    safety_step_open = any(q.id == safety.SAFETY_QUESTION for q in section.questions)
    if safety.show_crisis_panel(answers, safety_step_open=safety_step_open) and not safety_step_open:
        crisis_panel(pack, (safety.crisis_reason(pack, answers),))
    if section.intro:
        st.markdown(section.intro)

    _questions(pack, section)
    _step_buttons(pack, number, len(sections))


@st.fragment
def _questions(pack: Pack, section: Section) -> None:
    """The step's questions. A fragment: answering one reruns only this part, not the
    page, and follow-up questions still appear at once. A question that neither shows nor
    hides others nor is shown by one is a fragment of its own and reruns only itself: on a
    step of several questions that is most of the work of a click, and a workshop clicks all
    at once. (A follow-up drawn as a fragment inside this one lost its answer in the browser
    when it was hidden and shown again.)"""
    gating = flow.gating_questions(pack.questionnaire)
    for question in flow.visible_questions(pack.questionnaire, state.answers(), section):
        if question.id in gating or question.show_when is not None:
            _question(pack, question)
        else:
            _question_alone(pack, question)


@st.fragment
def _question_alone(pack: Pack, question: Question) -> None:
    _question(pack, question)


def _question(pack: Pack, question: Question) -> None:
    """The question as a heading, then why we ask, then its options: radio buttons for one
    answer, a checkbox per choice for several. The heading is the question's one label; the
    radio group carries it too, as its name."""
    label = question.text + (f" {pack.ui.required_mark}" if question.required else "")
    with st.container(key=state.widget_key("box", f"question_{question.id}")):
        st.header(label, anchor=False)
        st.caption(f"{pack.ui.why_we_ask} {question.help}")
        missing = state.take_required_missing(question.id)
        if missing is not None:  # a new element each time, so a screen reader hears it again
            with st.container(key=state.widget_key("box", f"required_{missing}")):
                st.error(pack.ui.required_missing)
        if question.kind == "multi":
            state.seed_choices(question)
            # rows as close as the radio buttons'; a group named by the question (layout.py)
            choices = st.container(gap=None, key=state.widget_key("box", f"choices_{question.id}"))
            for choice in question.choices:
                choices.checkbox(
                    choice.label,
                    key=state.choice_key(question, choice.value),
                    on_change=state.store_choice,
                    args=(question, choice.value),
                )
            _say_cleared(pack, question, state.take_cleared(question))
        else:
            state.seed_question(question)
            st.radio(
                label,
                question.values,
                format_func=lambda value: question.choice(value).label,
                index=None,
                key=state.question_key(question),
                on_change=_store_safety if question.id == safety.SAFETY_QUESTION else state.store_question,
                args=(question,),
                label_visibility="collapsed",
            )
    # Right under the safety question, so it appears the moment it is answered.
    answers = state.answers()
    if question.id == safety.SAFETY_QUESTION and safety.show_crisis_panel(answers, safety_step_open=True):
        crisis_panel(pack, (safety.crisis_reason(pack, answers),), in_fragment=True)
        if state.take_crisis_new():
            region = chosen_region(pack)
            scroll_to_crisis_panel(
                f"{pack.topic('crisis').title}. {pack.ui.danger_now.format(emergency=region.emergency)}"
            )


def _say_cleared(pack: Pack, question: Question, cleared: tuple[str, ...]) -> None:
    """Name what a tick unticked, under the choices: "Not sure" after "A stroke" lost the
    stroke with no word said (a review)."""
    if not cleared:
        return
    labels = [question.choice(value).label for value in cleared]
    if set(cleared) <= set(question.exclusive):  # a choice ticked after "Not sure"
        said = pack.ui.choice_cleared.format(cleared=labels[0])
    else:
        chosen = next(v for v in state.chosen(question) if v in question.exclusive)
        cleared_words = "; ".join(f"“{label}”" for label in labels)
        said = pack.ui.choices_cleared_by.format(chosen=question.choice(chosen).label, cleared=cleared_words)
    st.info(said, icon=":material/info:")
    say(said)  # a box unticked by another's click is not heard


def _store_safety(question: Question) -> None:
    """on_change of the safety question. An answer that first brings the crisis panel has it
    scrolled into view; a later answer that keeps it leaves the screen where it is."""
    shown_before = safety.show_crisis_panel(state.answers(), safety_step_open=True)
    state.store_question(question)
    if not shown_before and safety.show_crisis_panel(state.answers(), safety_step_open=True):
        state.note_crisis_new()


def _step_buttons(pack: Pack, number: int, total: int) -> None:
    """Each step has its own buttons, so that the second click of a double click, which
    still names the step it was made on, does not move on a second time."""
    row = buttons_row()
    back = state.widget_key("nav", f"back_{number}")
    row.button(pack.ui.back_button, key=back, on_click=_step_back, args=(number,))
    label = pack.ui.check_button if number == total - 1 else pack.ui.next_button
    row.button(
        label,
        type="primary",
        key=state.widget_key("nav", f"next_{number}"),
        on_click=_step_forward,
        args=(pack, number),
    )
    if state.checked() and number < total - 1:  # after a Change: no Next through every step
        row.button(
            pack.ui.check_return,
            key=state.widget_key("nav", f"to_check_{number}"),
            on_click=_step_forward,
            args=(pack, number, True),
        )


# Buttons act in on_click callbacks, before the run draws anything: the next step (or
# screen) is drawn once, instead of the current one first and then the next.
def _step_back(number: int) -> None:
    if state.step() != number:
        return
    if number == 0:
        state.go_to_page("welcome")
    else:
        state.go_to_step(number - 1)


def _step_forward(pack: Pack, number: int, to_check: bool = False) -> None:
    sections = pack.questionnaire.sections
    if state.step() != number:
        return
    missing = flow.missing_required(pack.questionnaire, state.answers(), sections[number])
    if missing:
        state.note_required_missing(missing[0].id)
    elif to_check or number == len(sections) - 1:
        state.go_to_page("check")
    else:
        state.go_to_step(number + 1)


def results() -> None:
    """What applies to you: the first stage after the questions."""
    _stage("results")


def basics() -> None:
    _stage("basics")


def facts() -> None:
    _stage("facts")


def risks() -> None:
    _stage("risks")


def compare() -> None:
    _stage("compare")


def _stage(name: str) -> None:
    pack = state.pack()
    stages.progress(pack, name)
    answers = start_answered(pack, journey.stage_title(pack, name))
    if answers is None:
        return
    summary = build_summary(pack, answers)
    if summary.crisis is not None:
        crisis_panel(pack, summary.crisis.reasons)
    stages.stage_buttons(pack, name, "top")
    shown = journey.stage_topics(summary, name)
    presenting = state.mode() == "workshop" and state.presenter()
    if name == "results":
        applies_body(pack, summary, None if presenting else lambda: _change_answers_button(pack))
    elif name == "compare":
        _compare(pack, summary, shown)
    else:
        contents(pack, shown)
        for one in shown:
            topic(pack, one)
    stages.stage_buttons(pack, name, "bottom")
    if not presenting:
        clear_controls(pack)
    navigation.link("about", pack.ui.about_link, ":material/info:")
    st.caption(pack.info.disclaimer)


def _compare(pack: Pack, summary: Summary, shown: tuple[ShownTopic, ...]) -> None:
    """Compare options: the other options' text, the Option Grid of the options the person
    picks (in place of the whole table), then the care advice, always last."""
    for one in shown:
        if one.topic.table == "options":
            topic(pack, one, table=False)
            compare_options(pack, summary, heading_level=3)  # under the topic's h2
        else:
            topic(pack, one)


def _change_answers_button(pack: Pack) -> None:
    """To "Check your answers": every answer, a skipped one as "Not answered", each with its
    Change (step 1 showed one step's questions, none of them the skipped ones)."""
    st.button(
        pack.ui.change_answers,
        key=state.widget_key("nav", "change_answers"),
        on_click=state.go_to_page,
        args=("check",),
    )


def about() -> None:
    pack = state.pack()
    info = pack.info
    st.title(pack.ui.about_title)
    st.markdown(pack.about)
    readings = topic_readings(pack)
    level = pack.ui.reading_level.format(
        median=median_grade(readings), highest=scale(info.locale).worst_of([r.grade for r in readings])
    )
    facts = [
        version_line(pack),
        info.update_policy,
        info.authors,
        info.funding,
        info.conflicts_of_interest,
        level,
    ]
    st.markdown(f"## {pack.ui.about_facts_title}\n\n" + "\n".join(f"- {fact}" for fact in facts))
    st.markdown(f"## {pack.ui.references_title} ({len(pack.references)})")
    st.markdown(
        "\n".join(
            f"- {citation(pack, ref.id)} "
            f"({pack.ui.checked_label} {pack.ui.date(ref.checked)}: {ref.verified_in})"
            for ref in sorted(pack.references.values(), key=lambda r: r.citation)
        )
    )
    navigation.link("welcome", pack.ui.back_to_start, ":material/arrow_back:")
    st.caption(info.disclaimer)

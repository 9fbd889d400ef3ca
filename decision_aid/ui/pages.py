"""The patient's screens (welcome, the questionnaire steps, results) and About.

They draw what the core decided; no clinical decision is made here.
"""

from __future__ import annotations

import streamlit as st

from decision_aid import flow, safety
from decision_aid.answers import Answers
from decision_aid.readability import median_grade, topic_readings
from decision_aid.schema import Pack, Question, Section
from decision_aid.summary import Summary, build_summary
from decision_aid.tailoring import ShownTopic
from decision_aid.ui import crisis, navigation, shell, state, takeaway
from decision_aid.ui.charts import icon_array
from decision_aid.ui.crisis import crisis_panel
from decision_aid.ui.text import because, citation, sources_block, step_label, table_block, text


def welcome() -> None:
    pack = state.pack()
    shell.start(pack)
    st.title(pack.ui.app_title)
    st.markdown(f"*{pack.ui.app_subtitle}*")
    st.markdown(pack.welcome)
    info = pack.info
    st.caption(f"{pack.ui.time_line.format(minutes=info.minutes_to_complete)} {version_line(pack)}")
    st.button(pack.ui.start_button, type="primary", on_click=_to_first_step)
    st.page_link(navigation.page("about"), label=pack.ui.about_link, icon=":material/info:")
    st.caption(info.disclaimer)


def questionnaire() -> None:
    pack = state.pack()
    sections = pack.questionnaire.sections
    number = min(state.step(), len(sections) - 1)
    section = sections[number]
    answers = state.answers()

    shell.start(pack)
    label = step_label(pack, number + 1, len(sections), section.title)
    st.progress((number + 1) / len(sections), text=label)
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
    page, and follow-up questions and the crisis panel still appear at once."""
    for question in flow.visible_questions(pack.questionnaire, state.answers(), section):
        _question(pack, question)
        # Right under the safety question, so it appears the moment it is answered.
        if question.id == safety.SAFETY_QUESTION and safety.show_crisis_panel(
            state.answers(), safety_step_open=True
        ):
            crisis_panel(pack, (safety.crisis_reason(pack, state.answers()),))


def _question(pack: Pack, question: Question) -> None:
    state.seed_widget(question)
    label = question.text + (" *" if question.required else "")
    if question.kind == "multi":
        st.multiselect(
            label,
            question.values,
            format_func=lambda value: question.choice(value).label,
            key=question.id,
            placeholder=pack.ui.multi_placeholder,
            on_change=state.store_widget,
            args=(question,),
        )
    else:
        st.radio(
            label,
            question.values,
            format_func=lambda value: question.choice(value).label,
            index=None,
            key=question.id,
            on_change=state.store_widget,
            args=(question,),
        )
    st.caption(f"{pack.ui.why_we_ask} {question.help}")


def _step_buttons(pack: Pack, number: int, total: int) -> None:
    row = buttons_row()
    row.button(pack.ui.back_button, key="back", on_click=_step_back, args=(number,))
    label = pack.ui.results_button if number == total - 1 else pack.ui.next_button
    row.button(label, type="primary", key="next", on_click=_step_forward, args=(pack, number))
    if st.session_state.pop(MISSING_KEY, False):
        st.error(pack.ui.required_missing)


# Buttons act in on_click callbacks, before the run draws anything: the next step (or
# screen) is drawn once, instead of the current one first and then the next.
MISSING_KEY = "required_missing"


def _to_first_step() -> None:
    state.go_to_step(0)
    state.go_to_page("questions")


def _step_back(number: int) -> None:
    if number == 0:
        state.go_to_page("welcome")
    else:
        state.go_to_step(number - 1)


def _step_forward(pack: Pack, number: int) -> None:
    sections = pack.questionnaire.sections
    if flow.missing_required(pack.questionnaire, state.answers(), sections[number]):
        st.session_state[MISSING_KEY] = True
    elif number == len(sections) - 1:
        state.go_to_page("results")
    else:
        state.go_to_step(number + 1)


def results() -> None:
    pack = state.pack()
    answers = start_answered(pack, pack.ui.results_title)
    if answers is None:
        return
    results_body(pack, answers)
    if not (state.mode() == "workshop" and state.presenter()):
        row = buttons_row()
        row.button(
            pack.ui.prepare_button,
            type="primary",
            key="to_prepare",
            on_click=state.go_to_page,
            args=("prepare",),
        )
        row.button(pack.ui.change_answers, key="change_answers", on_click=_to_first_step)
        takeaway.clear_controls(pack)
    st.page_link(navigation.page("about"), label=pack.ui.about_link, icon=":material/info:")
    st.caption(pack.info.disclaimer)


def buttons_row():
    """Buttons side by side (wrapping on a phone): one layout element, where columns
    take three, and Streamlit sends each element as its own message."""
    return st.container(horizontal=True)


def start_answered(pack: Pack, title: str) -> Answers | None:
    """Start a screen that needs the safety question answered. Before that there is nothing
    to show but the way there, and None is returned."""
    shell.start(pack)
    st.title(title)
    answers = state.answers()
    if answers.get(safety.SAFETY_QUESTION) is None:
        not_ready(pack)
        return None
    return answers


def not_ready(pack: Pack) -> None:
    st.info(pack.ui.results_not_ready)
    st.button(pack.ui.go_to_questions, type="primary", on_click=_to_first_step)


def version_line(pack: Pack) -> str:
    info = pack.info
    return pack.ui.version_line.format(version=info.version, reviewed=f"{info.last_reviewed:%d %B %Y}")


def results_body(pack: Pack, answers: Answers) -> None:
    """The results as the patient sees them (the clinician's "what the patient saw" too)."""
    summary = build_summary(pack, answers)
    topics = list(summary.topics)
    if topics and topics[0].topic.kind == "crisis":
        crisis_panel(pack, topics.pop(0).reasons)
    st.markdown(pack.ui.results_intro)
    _told_us(pack, summary)
    for shown in topics:
        _topic(pack, shown)


def about() -> None:
    pack = state.pack()
    info = pack.info
    shell.start(pack)
    st.title(pack.ui.about_title)
    st.markdown(pack.about)
    readings = topic_readings(pack)
    level = pack.ui.reading_level.format(
        median=median_grade(readings), highest=max(r.grade for r in readings)
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
            f"- {citation(pack, ref.id)} ({pack.ui.checked_label} {ref.checked:%d %B %Y}: {ref.verified_in})"
            for ref in sorted(pack.references.values(), key=lambda r: r.citation)
        )
    )
    st.page_link(navigation.page("welcome"), label=pack.ui.back_to_start, icon=":material/arrow_back:")
    st.caption(info.disclaimer)


def _told_us(pack: Pack, summary: Summary) -> None:
    with st.expander(pack.ui.told_us_title, expanded=False):
        if summary.answered:
            rows = [f"- {a.question} **{', '.join(a.labels)}**" for a in summary.answered]
            st.markdown("\n".join(rows))
        else:
            st.markdown(pack.ui.told_us_none)
        if summary.unanswered:
            skipped = [pack.questionnaire.by_id[q].text for q in summary.unanswered]
            st.markdown(pack.ui.skipped_title + "\n\n" + "\n".join(f"- {t}" for t in skipped))
        else:
            st.markdown(pack.ui.nothing_skipped)


def _topic(pack: Pack, shown: ShownTopic) -> None:
    topic = shown.topic
    st.header(topic.title, anchor=topic.id)
    for reason in shown.reasons:
        st.info(because(pack, reason), icon=":material/person:")
    # As few elements as the layout allows: Streamlit sends each one as its own message.
    text_first = [text(topic.body)]
    if topic.crisis_lines:
        text_first.append(text(crisis.all_lines(pack)))
    text_last = []
    references = topic.references
    if topic.table:
        table = pack.routes if topic.table == "routes" else pack.options
        text_last.append(table_block(pack, table))
        references += tuple(ref for row in table.rows for ref in row.references)
    text_last.append(sources_block(pack, tuple(dict.fromkeys(references))))
    if topic.icon_arrays:
        st.markdown("\n\n".join(text_first), unsafe_allow_html=True)
        for comparison_id in topic.icon_arrays:
            icon_array(pack, comparison_id)
        text_first = []
    st.markdown("\n\n".join(text_first + text_last), unsafe_allow_html=True)

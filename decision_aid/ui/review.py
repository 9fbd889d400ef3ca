"""Clinician review: the key points first, a note for the record, then the whole picture.

With no answers in the session it opens a patient's answers from what the patient brings
(a code, its QR code or a saved file; ui/handoff.py). Items to review, never a verdict.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from decision_aid import clinician
from decision_aid.exports.document import preparation_blocks
from decision_aid.exports.markdown import escape, on_screen, render_blocks
from decision_aid.schema import Pack
from decision_aid.summary import Summary, build_summary
from decision_aid.tailoring import labels_text
from decision_aid.ui import state
from decision_aid.ui.downloads import downloads
from decision_aid.ui.handoff import open_panel
from decision_aid.ui.layout import buttons_row
from decision_aid.ui.results_body import results_body
from decision_aid.ui.text import citation

TIME = "%Y-%m-%d %H:%M %Z"
# The status word, with an icon, so a reported item never stands out by colour alone.
MARK = {
    "reported": ":material/flag: **{}**",
    "open": ":material/help: *{}*",
    "not_sure": ":material/help: *{}*",
    "not_answered": ":material/help: *{}*",
    "denied": ":material/remove: {}",
}
ALERT_ICON = ":material/warning:"
# Wide on this screen only: the card's checklist and its notes side by side. Authored CSS, as
# the presenter view's (frame.py): st.set_page_config(layout="wide") after app.py's own call
# was applied on a session's first run but not after a rerun from a button (seen in Chromium).
WIDE_CSS = """<style>@media (min-width: 768px) {
.stMainBlockContainer { max-width: 78rem; padding-left: 3rem; padding-right: 3rem; } }</style>"""


def review() -> None:
    st.html(WIDE_CSS)
    pack = state.pack()
    st.title(pack.ui.review_title)
    answers = state.answers()
    if not answers.values:
        open_panel(pack, expanded=True)
        return
    deliberation = state.deliberation()
    summary = build_summary(pack, answers, deliberation, fictional=state.fictional_title(pack))
    built = state.built_at(answers, deliberation)
    st.caption(_when_line(pack, built))
    points = clinician.key_points(pack, summary)
    _key_points(pack, points)
    _record_note(pack, clinician.record_note(pack, summary, built))
    if st.toggle(pack.ui.review_patient_view, key=state.widget_key("nav", "patient_view")):
        results_body(pack, summary)
        return
    _answers(pack, summary)
    _flags(pack, summary)
    _deliberation(pack, summary)
    for topic in pack.clinician_topics:
        with st.container(border=True, key=state.widget_key("box", f"clinic_{topic.id}")):
            st.header(topic.title, anchor=topic.id)
            st.markdown(topic.body)
            st.caption("; ".join(citation(pack, ref) for ref in topic.references))
    downloads(pack, summary)
    open_panel(pack, expanded=False)
    _close_controls(pack)
    st.caption(pack.info.disclaimer)


def _when_line(pack: Pack, built) -> str:
    words = pack.ui.clinician
    opened = state.opened()
    if opened is not None:
        source, at = opened
        return words.opened_at.format(source=source, time=at.strftime(TIME).strip())
    return words.built_at.format(time=built.strftime(TIME).strip())


def _key_points(pack: Pack, points: clinician.KeyPoints) -> None:
    with st.container(border=True, key=state.widget_key("box", "key_points")):
        st.header(points.title, anchor="key-points")
        crisis = points.crisis
        line = f"{crisis.text}. {crisis.flag_text}"
        if crisis.flagged:
            st.error(line, icon=ALERT_ICON)
        else:
            st.info(line, icon=":material/info:")
        left, right = st.columns([3, 2], gap="medium")
        with left:
            st.markdown(f"**{points.checklist_title}**")
            st.markdown("\n".join(_checklist_line(entry) for entry in _reported_first(points.checklist)))
        with right:
            lines = [
                points.shown_notes_text,
                points.history,
                points.values_text,
                *_own_words_lines(pack, points),
                points.leaning_text,
                points.sure_text,
                points.follow_up_text,
            ]
            st.markdown(on_screen("\n".join(f"- {line}" for line in lines if line)))


def _reported_first(entries: tuple[clinician.ChecklistEntry, ...]) -> list[clinician.ChecklistEntry]:
    """Reported items first, then those to ask about, then denied (never an age: the history
    line says it); the label's order within each."""
    rank = {"reported": 0, "open": 1, "not_sure": 1, "not_answered": 1, "denied": 2}
    shown = [entry for entry in entries if entry.deniable or entry.status != "denied"]
    return sorted(shown, key=lambda entry: rank[entry.status])


def _checklist_line(entry: clinician.ChecklistEntry) -> str:
    """One item: the status first (icon and word), then the item and where the label lists it."""
    line = f"- {MARK[entry.status].format(entry.status_label)}: {entry.label} ({entry.category_label})"
    if entry.answers:  # the aid's own choice labels
        line += f": {'; '.join(entry.answers)}"
    return line


def _own_words_lines(pack: Pack, points: clinician.KeyPoints) -> list[str]:
    """The person's own value and the questions, each in the code span the summary uses
    (exports.markdown.escape), so nothing in them is read as Markdown, a link or maths."""
    words = pack.ui.clinician
    own = [words.own_value.format(text=escape(points.own_value))] if points.own_value else []
    asked = "; ".join(
        f"{escape(question)} {words.added_by_aid}" if question in points.added else escape(question)
        for question in points.questions
    )
    return [*own, words.questions.format(questions=asked) if points.questions else points.questions_text]


def _record_note(pack: Pack, note: str) -> None:
    words = pack.ui.clinician
    with st.expander(words.note_title, icon=":material/content_copy:"):
        st.markdown(words.note_intro)
        st.code(note, language=None, wrap_lines=True)
        st.download_button(
            words.note_download,
            note,
            file_name=f"{pack.ui.note_file}.txt",
            mime="text/plain",
            key=state.widget_key("nav", "download_note"),
            on_click="ignore",
        )


def _answers(pack: Pack, summary: Summary) -> None:
    with st.expander(pack.ui.clinician.answers_folded.format(count=len(summary.answered))):
        st.header(pack.ui.review_answers)
        frame = pd.DataFrame(
            {
                pack.ui.review_question: [a.short for a in summary.answered],
                pack.ui.review_answer: [labels_text(a.labels) for a in summary.answered],
            }
        )
        st.table(frame.set_index(pack.ui.review_question))
        if summary.skipped:
            skipped = "; ".join(q.short for q in summary.skipped)
            st.markdown(f"**{pack.ui.review_unanswered}** {skipped}")


def _flags(pack: Pack, summary: Summary) -> None:
    if not summary.considerations:
        st.header(pack.ui.review_flags)
        st.markdown(pack.ui.review_no_flags)
        return
    with st.expander(pack.ui.clinician.flags_folded.format(count=len(summary.considerations))):
        st.header(pack.ui.review_flags)
        for shown in summary.considerations:
            with st.container(border=True, key=state.widget_key("box", f"flag_{shown.topic.id}")):
                st.markdown(f"**{shown.topic.title}**")
                st.markdown(f"{pack.ui.review_reason}: " + " ".join(r.text for r in shown.reasons))
                sources = "\n".join(f"- {citation(pack, ref)}" for ref in shown.topic.references)
                st.markdown(f"{pack.ui.review_sources}:\n{sources}")


def _deliberation(pack: Pack, summary: Summary) -> None:
    """Values, leaning, SURE and questions, in the same words as the take-away summary."""
    st.header(pack.ui.review_deliberation)
    st.markdown(on_screen(render_blocks(preparation_blocks(pack, summary), top_level=2)))


def _close_controls(pack: Pack) -> None:
    """ "Close this patient": clears the session after a confirmation; the clinician's view stays."""
    words = pack.ui.clinician
    if not state.confirming_clear():
        st.button(
            words.close_button,
            key=state.widget_key("nav", "close_patient"),
            icon=":material/logout:",
            on_click=state.set_confirm_clear,
            args=(True,),
        )
        return
    st.warning(words.close_confirm)
    row = buttons_row()
    row.button(
        words.close_yes,
        type="primary",
        key=state.widget_key("nav", "close_yes"),
        on_click=state.close_patient,
    )
    row.button(
        words.close_cancel,
        key=state.widget_key("nav", "close_cancel"),
        on_click=state.set_confirm_clear,
        args=(False,),
    )

"""The results as the patient sees them, stage by stage (What applies to you, the facts,
compare options); the clinician's screen shows them all in one go as "what the patient saw"."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from decision_aid import journey
from decision_aid.schema import Pack, Topic, TopicCategory
from decision_aid.summary import Summary
from decision_aid.tailoring import ShownTopic, labels_text
from decision_aid.ui import crisis, state
from decision_aid.ui.charts import icon_array
from decision_aid.ui.crisis import crisis_panel
from decision_aid.ui.text import because, sources_block, table_block, text

# The NHS care-card pattern: red for what the label says must not happen, amber for its
# warnings, neutral for the rest. Never colour alone: each card carries its text label and
# an icon. Red #d5281b and amber #ffb81c are the NHS's; the text stays dark on white.
SEVERITY: dict[TopicCategory, tuple[str, str]] = {
    "contraindication": ("urgent", ":material/block:"),
    "warning": ("warning", ":material/warning:"),
    "caution": ("neutral", ":material/info:"),
    "history": ("neutral", ":material/history:"),
    "practical": ("neutral", ":material/checklist:"),
}
CARD_CSS = """<style>
[class*="st-key-box-card_"] { border-left: 0.5rem solid #768692 !important; }
[class*="st-key-box-card_urgent_"] { border-left-color: #d5281b !important; }
[class*="st-key-box-card_warning_"] { border-left-color: #ffb81c !important; }
</style>"""


def results_body(pack: Pack, summary: Summary) -> None:
    """Every stage's content in one go, in the path's order (the clinician's view)."""
    if summary.crisis is not None:
        crisis_panel(pack, summary.crisis.reasons)
    applies_body(pack, summary)
    for stage in journey.STAGES:
        if stage.name == "results":  # drawn above, as its cards
            continue
        for shown in journey.stage_topics(summary, stage.name):
            topic(pack, shown)


def applies_body(pack: Pack, summary: Summary, change_answers: Callable[[], None] | None = None) -> None:
    """What applies to you: the notes about what the person told us, most serious first."""
    st.markdown(pack.ui.applies_intro)
    if summary.skipped:
        st.warning(pack.ui.applies_skipped, icon=":material/help:")
    if change_answers is not None:
        change_answers()
    _told_us(pack, summary)
    groups = journey.applies_groups(summary)
    if not groups:
        st.markdown(pack.ui.applies_none if summary.crisis is None else pack.ui.applies_none_crisis)
        return
    st.html(CARD_CSS)
    for category, shown_topics in groups:
        severity, icon = SEVERITY[category]
        label = str(getattr(pack.ui, f"category_{category}"))
        st.header(f"{icon} {label}", anchor=f"applies_{category}")
        for shown in shown_topics:
            _card(pack, shown, severity, icon, label)


def _card(pack: Pack, shown: ShownTopic, severity: str, icon: str, label: str) -> None:
    note = shown.topic
    with st.container(border=True, key=state.widget_key("box", f"card_{severity}_{note.id}")):
        reasons = "\n\n".join(f":material/person: {because(pack, r)}" for r in shown.reasons)
        st.markdown(f"{icon} **{label}**\n\n### {note.title}\n\n{reasons}")
        with st.expander(f"{pack.ui.full_note}: {note.title}"):
            topic_content(pack, note)


def _told_us(pack: Pack, summary: Summary) -> None:
    with st.expander(pack.ui.told_us_title, expanded=False):
        if summary.answered:
            rows = [f"- {a.question} **{labels_text(a.labels)}**" for a in summary.answered]
            st.markdown("\n".join(rows))
        else:
            st.markdown(pack.ui.told_us_none)
        if summary.skipped:
            skipped = "\n".join(f"- {q.question}" for q in summary.skipped)
            st.markdown(pack.ui.skipped_title + "\n\n" + skipped)
        else:
            st.markdown(pack.ui.nothing_skipped)


def contents(pack: Pack, shown_topics: tuple[ShownTopic, ...]) -> None:
    """A short contents list: links to the topics further down the stage."""
    links = "\n".join(f"- [{shown.topic.title}](#{shown.topic.id})" for shown in shown_topics)
    st.markdown(f"**{pack.ui.contents_title}**\n\n{links}")


def topic(pack: Pack, shown: ShownTopic, table: bool = True) -> None:
    st.header(shown.topic.title, anchor=shown.topic.id)
    for reason in shown.reasons:
        st.info(because(pack, reason), icon=":material/person:")
    topic_content(pack, shown.topic, table)


def topic_content(pack: Pack, topic: Topic, table: bool = True) -> None:
    """The topic's text, its pictures (folded), its table unless ``table`` is False (the
    Option Grid stands in for it on Compare options), and its sources."""
    # As few elements as the layout allows: Streamlit sends each one as its own message.
    text_first = [text(topic.body)]
    if topic.crisis_lines:
        # The person's place in full; the other places folded, as in the danger line: seven
        # places with their call and text links are two laptop screens in Spanish.
        here = crisis.chosen_region(pack)
        text_first.append(text(crisis.region_block(pack, here)))
    text_last = []
    references = topic.references
    if topic.table and table:
        shown_table = pack.routes if topic.table == "routes" else pack.options
        text_last.append(table_block(pack, shown_table))
        references += tuple(ref for row in shown_table.rows for ref in row.references)
    text_last.append(sources_block(pack, tuple(dict.fromkeys(references))))
    if topic.crisis_lines or topic.icon_arrays:
        st.markdown("\n\n".join(text_first), unsafe_allow_html=True)
        text_first = []
    if topic.crisis_lines:
        with st.expander(pack.ui.crisis_other_places, icon=":material/support:"):
            st.markdown(crisis.all_lines(pack, leaving_out=here))
    if topic.icon_arrays:
        # The text gives every figure in words; the pictures of them are one click away,
        # so that no stage runs much past five laptop screens.
        with st.expander(pack.ui.pictures_label, icon=":material/groups:"):
            for comparison_id in topic.icon_arrays:
                icon_array(pack, comparison_id)
    st.markdown("\n\n".join(text_first + text_last), unsafe_allow_html=True)

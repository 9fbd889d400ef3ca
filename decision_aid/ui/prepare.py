"""Prepare for your visit: what matters, leaning, understanding, SURE and questions."""

from __future__ import annotations

import streamlit as st

from decision_aid import safety
from decision_aid.deliberation import (
    add_own_question,
    knowledge_correct,
    own_question_id,
    suggested_questions,
    sure_result,
    too_long,
    with_own_value,
)
from decision_aid.safety import typed_crisis_words
from decision_aid.schema import Pack, QuestionsContent, TableRow, ValueItem
from decision_aid.ui import stages, state
from decision_aid.ui.crisis import crisis_panel, typed_help
from decision_aid.ui.layout import move_focus, named, nothing_here, say
from decision_aid.ui.text import citation, markdown_table


def prepare() -> None:
    """Each section is a fragment: a click reruns only its own section."""
    pack = state.pack()
    answers = state.answers()
    stages.progress(pack, "prepare")
    st.title(pack.ui.prepare_title)
    if not answers.values:
        nothing_here(pack)
        return
    if safety.crisis_triggered(answers):
        crisis_panel(pack, (safety.crisis_reason(pack, answers),))
    stages.stage_buttons(pack, "prepare", "top")
    _values(pack)
    _leaning(pack)
    _knowledge(pack)
    _sure(pack)
    _questions(pack)
    stages.stage_buttons(pack, "prepare", "bottom")


def _two_way_radio(label: str, labels: dict[bool, str], field: str, item_id: str) -> bool | None:
    """A true/false or yes/no question, kept in the deliberation under ``field``."""
    key = state.widget_key(field, item_id)
    state.seed(key, getattr(state.deliberation(), field).get(item_id))
    return st.radio(
        label,
        [True, False],
        format_func=labels.get,
        index=None,
        horizontal=True,
        key=key,
        on_change=_store_mapping,
        args=(field, item_id, key, (True, False, None)),
    )


def _store_mapping(field: str, item_id: str, key: str, allowed: tuple) -> None:
    """A value the radio group does not offer is not stored: it shows the stored one again."""
    stored = getattr(state.deliberation(), field)
    value = state.widget_value(key, allowed)
    current = dict(stored)
    if value is None:
        current.pop(item_id, None)
    elif value is not state.GONE:
        current[item_id] = value
    if value is state.GONE or not state.update_deliberation(**{field: current}):
        state.refuse(key, stored.get(item_id))
    elif field == "knowledge" and value is not None:
        state.note_answered(key)


@st.fragment
def _values(pack: Pack) -> None:
    content = pack.deliberation.values
    st.header(content.title)
    st.markdown(content.intro)
    # The box names the scales for frame.READABLE_CSS: stacked, tall rows on a phone.
    with st.container(key=state.widget_key("box", "values")):
        for item in content.items:
            _value(pack, item)
    key = state.widget_key("own", "value")
    state.seed(key, state.deliberation().own_value)
    # No max_chars: a browser drops a paste longer than that whole; the words are cut on
    # the server instead, and the person is told (red-team F9).
    st.text_input(content.own_label, key=key, on_change=_store_value, args=(pack, key), autocomplete="off")
    if state.was_cut(key):
        st.caption(pack.ui.text_cut.format(count=content.own_max_chars))
    # This box is a fragment of its own: words the cut left out bring the help here, at once.
    own_value = state.deliberation().own_value
    _typed_words_note(pack, typed_crisis_words(pack, (own_value,)) or state.crisis_cut(key))


def _typed_words_note(pack: Pack, crisis_words: bool) -> None:
    """Under a free-text box: no one reads it; and, for words about suicide or self-harm, the
    crisis lines right there (unless the safety answer already put the panel on this screen)."""
    st.caption(pack.ui.typed_not_read)
    if not safety.crisis_triggered(state.answers()) and crisis_words:
        typed_help(pack)


def _store_value(pack: Pack, key: str) -> None:
    value = state.widget_value(key)
    stored = state.deliberation().own_value
    if not isinstance(value, str) or not state.update_deliberation(
        **dict(with_own_value(pack, state.deliberation(), value))
    ):
        state.refuse(key, stored)
    elif too_long(value, pack.deliberation.values.own_max_chars):
        state.refuse(key, state.deliberation().own_value)  # the box shows what was kept
        state.note_cut(key)
        state.note_crisis_cut(key, _cut_away(pack, value, state.deliberation().own_value))
    else:
        state.note_cut(key, False)
        state.note_crisis_cut(key, False)


def _cut_away(pack: Pack, typed: str, kept: str) -> bool:
    """Crisis words in what was typed that the cut left out of what was kept."""
    return typed_crisis_words(pack, (typed,)) and not typed_crisis_words(pack, (kept,))


@st.fragment
def _value(pack: Pack, item: ValueItem) -> None:
    """One value and, once rated, the options side by side on it. A fragment of its own:
    rating it redraws only this, not the other values (people rate most of them)."""
    scale = {c.value: c.label for c in pack.deliberation.values.scale}
    key = state.widget_key("values", item.id)
    state.seed(key, state.deliberation().values.get(item.id))
    rating = st.radio(
        item.label,
        list(scale),
        format_func=scale.get,
        index=None,
        horizontal=True,
        key=key,
        on_change=_store_mapping,
        args=("values", item.id, key, (*scale, None)),
    )
    if rating is not None:
        _compare(pack, pack.options.row(item.option_row), scale[rating])


def _compare(pack: Pack, row: TableRow, rating: str) -> None:
    """The options' answers on the row that matches this value, beside the person's rating."""
    with st.expander(pack.ui.compare_label.format(row=row.label)):
        st.caption(pack.ui.you_said.format(rating=rating))
        answers = [(c.label, row.cells[c.id]) for c in pack.options.columns]
        st.markdown(markdown_table((pack.ui.table_option, row.label), answers))


@st.fragment
def _leaning(pack: Pack) -> None:
    content = pack.deliberation.leaning
    labels = {c.value: c.label for c in content.choices}
    key = state.widget_key("own", "leaning")
    state.seed(key, state.deliberation().leaning)
    st.radio(
        content.question,
        list(labels),
        format_func=labels.get,
        index=None,
        key=key,
        on_change=_store_leaning,
        args=(key, (*labels, None)),
    )
    st.caption(content.help)


def _store_leaning(key: str, allowed: tuple) -> None:
    value = state.widget_value(key, allowed)
    if value is state.GONE or not state.update_deliberation(leaning=value):
        state.refuse(key, state.deliberation().leaning)


@st.fragment
def _knowledge(pack: Pack) -> None:
    content = pack.deliberation.knowledge
    labels = {True: content.true_label, False: content.false_label}
    st.header(content.title)
    st.markdown(content.intro)
    answered = state.take_answered()
    for item in content.items:
        answer = _two_way_radio(item.statement, labels, "knowledge", item.id)
        if answer is None:
            continue
        sources = "; ".join(citation(pack, ref) for ref in item.references)
        right = knowledge_correct(pack, item.id, answer)
        said = f"{content.correct if right else content.incorrect} {item.explanation}"
        (st.success if right else st.info)(f"{said}\n\n*{pack.ui.sources_label}: {sources}*")
        if answered == state.widget_key("knowledge", item.id):
            say(said)


@st.fragment
def _sure(pack: Pack) -> None:
    content = pack.deliberation.sure
    labels = {True: content.yes_label, False: content.no_label}
    st.header(content.title)
    st.markdown(content.intro)
    for item in content.items:
        _two_way_radio(item.text, labels, "sure", item.id)
    result = sure_result(pack, state.deliberation())
    for gap in result.gaps:
        st.info(gap.next_step)
    if result.complete and not result.gaps:
        st.success(content.all_yes)


@st.fragment
def _questions(pack: Pack) -> None:
    content = pack.deliberation.questions
    # keyed as a question and its choices are, so the page's script names the boxes' group
    # by the heading (layout.py): a box said only its own words (a keyboard review)
    box = st.container(key=state.widget_key("box", "question_asks"))
    box.header(content.title)
    box.markdown(content.intro)
    group = box.container(key=state.widget_key("box", "choices_asks"))
    prompts = suggested_questions(pack, state.answers())
    order = [p.id for p in pack.deliberation.questions.items]

    def tick(prompt_id: str, key: str) -> None:
        value = state.widget_value(key, (True, False))
        ticked = set(state.deliberation().ticked)
        if value is state.GONE:
            state.refuse(key, prompt_id in ticked)
            return
        if value:
            ticked.add(prompt_id)
        else:
            ticked.discard(prompt_id)
        state.update_deliberation(ticked=tuple(p for p in order if p in ticked))

    kept = safety.safety_prompt(pack, state.answers())
    for prompt in prompts:
        key = state.widget_key("ask", prompt.id)
        state.seed(key, prompt.id in state.deliberation().ticked)
        group.checkbox(prompt.text, key=key, on_change=tick, args=(prompt.id, key))
        if prompt == kept:
            group.caption(pack.ui.safety_question_kept)
    _own_questions(pack)


def _undoable(content: QuestionsContent, own: tuple[str, ...]) -> tuple[int, str] | None:
    """The latest removal that can be undone: none when the list is full, and not one whose
    question has been added again (the one before it is offered instead)."""
    if len(own) >= content.own_max_count:
        return None
    return next((entry for entry in reversed(state.removed()) if entry[1] not in own), None)


def _own_questions(pack: Pack) -> None:
    content = pack.deliberation.questions

    key = state.widget_key("own", "question")

    def add() -> None:
        """On the button, on Enter and when the box is left: a question typed and never added
        was never read for crisis words, and was lost on Next (a red-team review)."""
        typed = state.widget_value(key)
        if not isinstance(typed, str) or not typed.strip():
            return
        after = add_own_question(pack, state.deliberation(), typed)
        if state.update_deliberation(**dict(after)):
            state.note_cut(key, too_long(typed, content.own_max_chars))
            state.note_own_added()
        state.set_widget(key, "")

    def remove(question: str) -> None:
        """By the question itself, with a button named for it (not for its place in the list):
        a second click on the same button removes nothing more. One that lands on the next
        row's button, slid under the pointer, removes that one too: Undo brings both back."""
        own = state.deliberation().own_questions
        if question in own:
            index = own.index(question)
            state.update_deliberation(own_questions=own[:index] + own[index + 1 :])
            state.note_removed(index, question)
            state.note_cut(key, False)
            state.focus_control(state.widget_key("nav", f"undo_{own_question_id(question)}"))

    def undo(question: str) -> None:
        """The latest removal that can be undone, back in its place; a stale second click
        (its button gone) restores nothing."""
        own = state.deliberation().own_questions
        entry = _undoable(content, own)
        if entry is not None and entry[1] == question:
            index = min(entry[0], len(own))
            state.update_deliberation(own_questions=own[:index] + (question,) + own[index:])
            state.forget_removed(entry)
            state.focus_control(state.widget_key("nav", f"remove_own_{own_question_id(question)}"))

    cut = state.was_cut(key)
    own = state.deliberation().own_questions
    for question in own:
        words, button = st.columns([5, 1])
        words.text(question)  # as typed: no Markdown, links, maths or icons (red-team F7)
        button.button(
            named(content.remove_label, question),
            key=state.widget_key("nav", f"remove_own_{own_question_id(question)}"),
            on_click=remove,
            args=(question,),
        )
    removed = _undoable(content, own)
    if removed is not None:
        words, button = st.columns([5, 1])
        # As typed (st.text: no Markdown, maths or icons), quieter than a question (READABLE_CSS, frame.py).
        words.container(key=state.widget_key("box", "removed")).text(f"{content.removed_label} {removed[1]}")
        button.button(
            named(content.undo_label, removed[1]),
            key=state.widget_key("nav", f"undo_{own_question_id(removed[1])}"),
            on_click=undo,
            args=(removed[1],),
        )
    move_focus()  # a fragment's run: the full run's own call does not come
    if state.take_own_added():  # the box emptied, the keyboard still on the button: say why
        say(pack.ui.own_question_added)
    if cut:
        st.caption(pack.ui.question_cut.format(count=content.own_max_chars))
    if len(own) >= content.own_max_count:
        st.caption(pack.ui.own_question_limit.format(count=content.own_max_count))
    else:
        # no max_chars: see _values; no autocomplete: a browser at a shared computer may offer
        # one person's words to the next
        st.text_input(content.own_label, key=key, on_change=add, autocomplete="off")
        st.button(content.add_button, key=state.widget_key("nav", "add_own_question"), on_click=add)
    # Words read before a cut, or since removed, still bring the help: here, the last box,
    # unless it shows beside the other box already.
    weighing = state.deliberation()
    value_key = state.widget_key("own", "value")
    beside_value = typed_crisis_words(pack, (weighing.own_value,)) or state.crisis_cut(value_key)
    _typed_words_note(pack, (weighing.typed_crisis and not beside_value) or typed_crisis_words(pack, own))

"""Prepare for your visit, the summary, downloads and clearing the session (AppTest)."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from decision_aid.content import load_pack
from decision_aid.deliberation import Deliberation, own_question_id

PACK = load_pack("en")
APP = str(Path(__file__).resolve().parents[2] / "app.py")


def ok(at):
    assert not at.exception, [e.value for e in at.exception]
    return at


SESSION = "app:session"


def press(at, name):
    return ok(at.button(key=f"nav:{name}").click().run())


def to_prepare(at):
    """From What applies to you through the staged path (Next on each stage)."""
    for stage in ("results", "basics", "facts", "risks", "compare"):
        press(at, f"stage_next_{stage}_bottom")
    return at


@pytest.fixture
def prepared():
    at = ok(AppTest.from_file(APP, default_timeout=30).run())
    ok(at.button(key="nav:start").click().run())
    ok(at.radio(key="q:self_harm_thoughts").set_value("not_at_all").run())
    press(at, "next_0")
    press(at, "next_1")
    ok(at.radio(key="q:blood_pressure").set_value("high_controlled").run())
    press(at, "next_2")
    press(at, "next_3")
    press(at, "check_to_results")
    to_prepare(at)
    assert at.title[0].value == "Prepare for your visit"
    return at


def test_rating_a_value_shows_the_matching_row_of_the_options(prepared):
    at = prepared
    ok(at.radio(key="values:quick_relief").set_value("very").run())
    compare = next(e for e in at.expander if e.label == "How the options compare: How soon might it help?")
    assert "You said: Very important" in compare.caption[0].value
    assert compare.markdown[0].value.splitlines()[-1].startswith("| IV ketamine (off-label) |")
    assert at.session_state[SESSION].deliberation.values == {"quick_relief": "very"}


def test_knowledge_check_gives_kind_feedback_with_its_source(prepared):
    at = prepared
    ok(at.radio(key="knowledge:driving").set_value(True).run())
    assert at.info[0].value.startswith("Not quite. You may not drive until the next day")
    assert "SPRAVATO" in at.info[0].value
    ok(at.radio(key="knowledge:other_approved").set_value(True).run())
    assert at.success[0].value.startswith("That's right.")


def test_sure_no_answers_bring_next_steps(prepared):
    at = prepared
    for item, answer in (
        ("sure", False),
        ("understand", True),
        ("risks_benefits", True),
        ("encouragement", False),
    ):
        ok(at.radio(key=f"sure:{item}").set_value(answer).run())
    steps = [i.value for i in at.info]
    assert any(s.startswith("It is normal not to be sure yet") for s in steps)
    assert any(s.startswith("Think about bringing someone you trust") for s in steps)
    for item in ("sure", "encouragement"):
        ok(at.radio(key=f"sure:{item}").set_value(True).run())
    assert at.success[-1].value.startswith("You seem ready")


def test_questions_are_tailored_ticked_and_added_to(prepared):
    at = prepared
    labels = [c.label for c in at.checkbox]
    assert "How will my blood pressure be checked during and after a session?" in labels
    ok(at.checkbox(key="ask:blood_pressure_checks").check().run())
    ok(at.text_input(key="own:question").input("Can I bring my <b>sister</b>?").run())
    press(at, "add_own_question")
    assert at.session_state[SESSION].deliberation.own_questions == ("Can I bring my <b>sister</b>?",)
    # As typed, as plain text (st.text): no Markdown or HTML read in it.
    assert "Can I bring my <b>sister</b>?" in [t.value for t in at.text]
    press(at, f"remove_own_{own_question_id('Can I bring my <b>sister</b>?')}")
    assert at.session_state[SESSION].deliberation.own_questions == ()


def own_questions(at) -> tuple[str, ...]:
    return at.session_state[SESSION].deliberation.own_questions


def add_question(at, text: str) -> None:
    ok(at.text_input(key="own:question").input(text).run())  # added as the box is left


def test_removed_questions_come_back_with_undo_in_their_places(prepared):
    """A double click on Remove can remove the next question too: its row slides under the
    pointer (an acceptance review). Each removal can be undone, the latest first."""
    at = prepared
    texts = ("Can my partner stay with me?", "Will I be able to work the next day?", "Is it covered?")
    for text in texts:
        add_question(at, text)
    questions = PACK.deliberation.questions
    removes = [b.label for b in at.button if (b.key or "").startswith("nav:remove_own_")]
    # Each reads "Remove"; a screen reader hears which question (the hidden italic part).
    assert removes == [f"{questions.remove_label} *(` {text} `)*" for text in texts]
    assert not [b for b in at.button if (b.key or "").startswith("nav:undo_")]
    press(at, f"remove_own_{own_question_id(texts[0])}")
    press(at, f"remove_own_{own_question_id(texts[1])}")
    assert own_questions(at) == texts[2:]
    # As typed, as plain text (st.text: nothing in it read as markup), made quieter by CSS.
    assert f"{questions.removed_label} {texts[1]}" in [t.value for t in at.text]
    press(at, f"undo_{own_question_id(texts[1])}")
    assert own_questions(at) == texts[1:]
    assert f"{questions.removed_label} {texts[0]}" in [t.value for t in at.text]
    press(at, f"undo_{own_question_id(texts[0])}")
    assert own_questions(at) == texts
    assert not [b for b in at.button if (b.key or "").startswith("nav:undo_")]
    assert not [t for t in at.text if t.value.startswith(questions.removed_label)]


def test_undo_is_not_offered_for_a_question_typed_again_or_when_the_list_is_full(prepared):
    at = prepared
    add_question(at, "Will it help?")
    press(at, f"remove_own_{own_question_id('Will it help?')}")
    assert at.button(key=f"nav:undo_{own_question_id('Will it help?')}")
    add_question(at, "Will it help?")
    assert not [b for b in at.button if (b.key or "").startswith("nav:undo_")]
    # A removal that cannot be undone does not hide the one before it (a review).
    add_question(at, "Is it safe?")
    press(at, f"remove_own_{own_question_id('Is it safe?')}")
    press(at, f"remove_own_{own_question_id('Will it help?')}")
    add_question(at, "Will it help?")
    press(at, f"undo_{own_question_id('Is it safe?')}")
    assert own_questions(at) == ("Will it help?", "Is it safe?")  # back in its place
    press(at, f"remove_own_{own_question_id('Is it safe?')}")
    press(at, f"remove_own_{own_question_id('Will it help?')}")
    for number in range(PACK.deliberation.questions.own_max_count):
        add_question(at, f"Question number {number}?")
    assert not [b for b in at.button if (b.key or "").startswith("nav:undo_")]


def typed_help(at) -> list[str]:
    """The crisis help shown for typed words: its reason line, each time it shows."""
    return [c.value for c in at.caption if c.value == PACK.ui.typed_crisis_reason]


def test_typed_words_about_suicide_show_the_crisis_lines_where_they_were_typed(prepared):
    """A second review typed "I keep thinking about killing myself, is that normal?" as a
    question and "I don't want to live anymore" as what matters, and saw no crisis lines."""
    at = prepared
    notes = [c.value for c in at.caption]
    assert notes.count(PACK.ui.typed_not_read) == 2  # under both boxes, before anything is typed
    assert typed_help(at) == []
    ok(at.text_input(key="own:question").input("Can my partner drive me home?").run())
    press(at, "add_own_question")
    assert typed_help(at) == []
    ok(at.text_input(key="own:question").input("I keep thinking about killing myself, is that normal?").run())
    press(at, "add_own_question")
    assert typed_help(at) == [PACK.ui.typed_crisis_reason]
    us = PACK.crisis.region("us")
    shown = " ".join(m.value for m in at.markdown)
    assert us.lines[0].contact in shown and "tel:988" in shown  # the lines, with numbers to tap
    ok(at.text_input(key="own:value").input("I don't want to live anymore").run())
    assert typed_help(at) == [PACK.ui.typed_crisis_reason] * 2  # beside each box the words are in
    press(at, "stage_next_prepare_bottom")
    assert at.title[0].value == "Your summary"  # the crisis panel heads it, with the reason
    assert at.header[0].value.endswith(PACK.topic("crisis").title)
    assert f"{PACK.ui.shown_because} you wrote about suicide" in " ".join(c.value for c in at.caption)


def test_a_question_typed_and_entered_is_added_and_read_for_crisis_words(prepared):
    """A red-team review typed "I want to kill myself" and pressed Enter (a phone's Go key),
    never "Add question": no help came, and Next threw the question away."""
    at = prepared
    ok(at.text_input(key="own:question").input("I want to kill myself").run())  # Enter, no button
    assert at.session_state[SESSION].deliberation.own_questions == ("I want to kill myself",)
    assert at.text_input(key="own:question").value == ""
    assert typed_help(at) == [PACK.ui.typed_crisis_reason]
    press(at, "stage_next_prepare_bottom")
    assert at.header[0].value.endswith(PACK.topic("crisis").title)


def test_words_past_a_box_limit_are_read_before_they_are_cut(prepared):
    """A red-team review wrote 208 characters ending "I want to die": cut to 200, the phrase
    was gone before it was read, and no help came."""
    at = prepared
    limit = PACK.deliberation.values.own_max_chars
    long = "x" * (limit - 6) + " honestly sometimes I want to die"
    ok(at.text_input(key="own:value").input(long).run())
    assert len(at.session_state[SESSION].deliberation.own_value) <= limit
    assert typed_help(at) == [PACK.ui.typed_crisis_reason]
    press(at, "stage_next_prepare_bottom")
    assert at.header[0].value.endswith(PACK.topic("crisis").title)


def test_the_help_stays_after_the_words_are_removed(prepared):
    """The words were read and the help shown: removing them does not unsay it, on screen, on
    the summary or in the clinician's note."""
    at = prepared
    ok(at.text_input(key="own:question").input("I want to kill myself").run())
    press(at, f"remove_own_{own_question_id('I want to kill myself')}")
    assert at.session_state[SESSION].deliberation.own_questions == ()
    assert typed_help(at) == [PACK.ui.typed_crisis_reason]
    press(at, "stage_next_prepare_bottom")
    assert at.header[0].value.endswith(PACK.topic("crisis").title)


def test_summary_shows_everything_and_offers_three_downloads(prepared):
    at = prepared
    ok(at.radio(key="values:cost").set_value("somewhat").run())
    ok(at.radio(key="own:leaning").set_value("not_sure").run())
    ok(at.checkbox(key="ask:approved_or_off_label").check().run())
    press(at, "stage_next_prepare_bottom")
    assert at.title[0].value == "Your summary"
    text = " ".join(m.value for m in at.markdown)
    for expected in (
        "## Ketamine and esketamine for depression: my summary",
        "**Somewhat important to me:** Keeping costs low",
        "Not sure yet",
        "Is this the approved esketamine nasal spray",
        "### Next step: Talk with a professional",
    ):
        assert expected in text
    assert not any(m.value.startswith("# ") for m in at.markdown)  # one h1 per screen
    assert text.index("Things to discuss because of my answers") < text.index("What I told the aid")
    downloads = at.get("download_button")
    assert len(downloads) == 3
    elements = list(_in_order(at.main))
    kinds = [e.type for e in elements]
    document = next(i for i, e in enumerate(elements) if e.type == "markdown" and "my summary" in e.value)
    assert max(i for i, kind in enumerate(kinds) if kind == "download_button") < document  # downloads on top
    # The hand-off code after the document: above it, the points to discuss were two screens down.
    code = next(
        i for i, e in enumerate(elements) if e.type == "header" and e.value == PACK.ui.handoff.section_title
    )
    assert document < code
    clinics = next(e for e in at.expander if e.label == "For clinics")
    assert [d.proto.label for d in clinics.get("download_button")] == ["Download for health records (FHIR)"]
    assert "FHIR" in clinics.markdown[0].value and "clinic" in clinics.markdown[0].value


def _in_order(block):
    """Every element on the screen, top to bottom."""
    for child in block.children.values():
        if hasattr(child, "children") and child.type not in ("markdown", "download_button"):
            yield child
            yield from _in_order(child)
        else:
            yield child


def test_clear_my_answers_asks_first_then_wipes_everything(prepared):
    at = prepared
    ok(at.radio(key="values:cost").set_value("very").run())
    press(at, "stage_next_prepare_bottom")
    press(at, "clear")
    assert "You cannot undo it" in at.warning[0].value
    press(at, "clear_cancel")
    assert at.session_state[SESSION].deliberation.values == {"cost": "very"}
    press(at, "clear")
    press(at, "clear_yes")
    assert at.title[0].value == "Ketamine and esketamine for depression"
    assert not at.session_state[SESSION].answers.values
    assert at.session_state[SESSION].deliberation == Deliberation()
    ok(at.button(key="nav:start").click().run())
    assert at.radio(key="q:self_harm_thoughts").value is None


def test_the_safety_question_to_ask_is_kept_in_the_summary_unticked():
    at = ok(AppTest.from_file(APP, default_timeout=30).run())
    ok(at.button(key="nav:start").click().run())
    ok(at.radio(key="q:self_harm_thoughts").set_value("several_days").run())
    for step in range(4):
        press(at, f"next_{step}")
    press(at, "check_to_results")  # from "Check your answers"
    to_prepare(at)
    keep_safe = at.checkbox(key="ask:keep_safe")
    assert keep_safe.label == "How can we keep me safe while I decide?" and not keep_safe.value
    note = "this question is always in your summary, ticked or not"
    assert any(note in c.value for c in at.caption)
    press(at, "stage_next_prepare_bottom")
    summary = next(m.value for m in at.markdown if m.value.startswith("## Ketamine and esketamine"))
    assert summary.count("- How can we keep me safe while I decide? (added by the aid)\n") == 1


def test_the_summary_screen_says_the_disclaimer_once(prepared):
    """The document on screen ends with it; the screen does not repeat it under the buttons."""
    at = prepared
    press(at, "stage_next_prepare_bottom")
    disclaimer = " ".join(PACK.info.disclaimer.split())
    shown = [e.value for e in (*at.markdown, *at.caption) if disclaimer in " ".join(e.value.split())]
    assert len(shown) == 1, shown


def test_a_paste_longer_than_the_box_is_cut_to_the_limit_with_a_message(prepared):
    """A browser drops a paste longer than a box's max_chars whole (red-team F9): the boxes
    have no max_chars; the words are cut on the server, and the person is told."""
    at = prepared
    pack = load_pack("en")
    content = pack.deliberation
    limit = content.questions.own_max_chars
    ok(at.text_input(key="own:question").input("why " * 200).run())
    press(at, "add_own_question")
    (kept,) = at.session_state[SESSION].deliberation.own_questions
    assert kept == ("why " * 200)[:limit].strip()
    assert pack.ui.question_cut.format(count=limit) in [c.value for c in at.caption]
    assert not at.text_input(key="own:question").max_chars  # 0: no limit in the browser

    value_limit = content.values.own_max_chars
    ok(at.text_input(key="own:value").input("a\x00b " * 300).run())
    own_value = at.session_state[SESSION].deliberation.own_value
    assert own_value == ("ab " * 300)[:value_limit].strip()
    assert at.text_input(key="own:value").value == own_value
    assert pack.ui.text_cut.format(count=value_limit) in [c.value for c in at.caption]
    ok(at.text_input(key="own:value").input("short").run())  # the message was for that paste only
    assert pack.ui.text_cut.format(count=value_limit) not in [c.value for c in at.caption]


def test_boxes_for_a_persons_own_words_ask_the_browser_not_to_remember_them(prepared):
    """A browser may offer what was typed into a box to the next person at a shared computer;
    a review found the clinician's code box without autocomplete="off". The code is answers;
    the other boxes hold a person's words."""
    for key in ("own:value", "own:question"):
        assert prepared.text_input(key=key).proto.autocomplete == "off", key

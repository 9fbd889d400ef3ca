"""Questions as people expect them: a checkbox per choice, with "None of these" and "Not
sure" exclusive both ways, and "Check your answers" before the results."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from decision_aid.answers import resolve_exclusive
from decision_aid.content import load_pack
from tests.app.test_journeys import APP, click, next_step, start, step_button, stored, tick, ticked

VESSELS = "vascular_conditions"  # exclusive: none, unsure


@pytest.fixture
def at():
    app = AppTest.from_file(APP, default_timeout=30).run()
    assert not app.exception
    return app


def to_health_step(at):
    start(at)
    at.radio(key="q:self_harm_thoughts").set_value("not_at_all").run()
    next_step(at)
    next_step(at)
    assert at.title[0].value == "Your health"
    return at


def test_the_question_that_needs_an_answer_says_so_in_words(at):
    """A patient review: a lone "*" after the safety question, explained nowhere (and read
    out as "star")."""
    start(at)
    pack = load_pack()
    text = pack.questionnaire.by_id["self_harm_thoughts"].text
    heading = next(h.value for h in at.header if h.value.startswith(text))
    assert heading == f"{text} {pack.ui.required_mark}"
    assert at.radio(key="q:self_harm_thoughts").label == heading
    assert "*" not in heading


def test_every_choice_is_a_visible_checkbox_and_there_is_no_dropdown(at):
    to_health_step(at)
    question = load_pack("en").questionnaire.by_id[VESSELS]
    boxes = [b for b in at.checkbox if (b.key or "").startswith(f"choice:{VESSELS}.")]
    assert [b.label for b in boxes] == [c.label for c in question.choices]
    assert not at.multiselect
    assert all(not b.value for b in boxes)  # nothing pre-answered


@pytest.mark.parametrize("exclusive", ["none", "unsure"])
def test_an_exclusive_choice_clears_the_others_and_another_clears_it(at, exclusive):
    to_health_step(at)
    tick(at, VESSELS, "aneurysm")
    tick(at, VESSELS, "stroke")
    assert ticked(at, VESSELS) == ["aneurysm", "stroke"]
    tick(at, VESSELS, exclusive)
    assert ticked(at, VESSELS) == [exclusive]
    assert stored(at, VESSELS) == (exclusive,)
    tick(at, VESSELS, "heart_disease")
    assert ticked(at, VESSELS) == ["heart_disease"]
    assert stored(at, VESSELS) == ("heart_disease",)


def test_a_choice_cleared_by_another_is_named_under_the_question(at):
    """Ticking "Not sure" after "A stroke" unticked the stroke with no word said, and the
    results then said the person was not sure (a review). The choices it cleared are named."""
    words = load_pack("en").ui
    to_health_step(at)
    tick(at, VESSELS, "stroke")
    tick(at, VESSELS, "aneurysm")
    assert not [i for i in at.info if "unticked" in i.value]
    tick(at, VESSELS, "unsure")
    cleared = "“An aneurysm (a bulge in a blood vessel)”; “A stroke”"  # in the question's order
    said = words.choices_cleared_by.format(cleared=cleared, chosen="Not sure")
    assert said in [i.value for i in at.info]
    tick(at, VESSELS, "heart_disease")
    assert words.choice_cleared.format(cleared="Not sure") in [i.value for i in at.info]
    assert said not in [i.value for i in at.info]
    tick(at, VESSELS, "stroke")
    assert not [i for i in at.info if "unticked" in i.value]  # once: the next tick clears nothing


def test_none_and_not_sure_clear_each_other(at):
    to_health_step(at)
    tick(at, VESSELS, "none")
    tick(at, VESSELS, "unsure")
    assert ticked(at, VESSELS) == ["unsure"] and stored(at, VESSELS) == ("unsure",)
    tick(at, VESSELS, "none")
    assert ticked(at, VESSELS) == ["none"] and stored(at, VESSELS) == ("none",)


def test_the_stored_answer_is_what_the_multiselect_stored():
    """The multiselect stored resolve_exclusive of its list, in the order picked: the
    checkboxes store the same tuple for every sequence of ticks and unticks."""
    pack = load_pack("en")
    question = pack.questionnaire.by_id[VESSELS]
    sequences = [
        [("stroke", True), ("aneurysm", True)],
        [("aneurysm", True), ("stroke", True), ("aneurysm", False)],
        [("avm", True), ("unsure", True), ("brain_bleed", True), ("stroke", True)],
        [("none", True), ("none", False)],
    ]
    for sequence in sequences:
        at = to_health_step(AppTest.from_file(APP, default_timeout=30).run())
        multiselect: list[str] = []  # what the dropdown held, as the person changed it
        for value, on in sequence:
            tick(at, VESSELS, value, on)
            multiselect = [*multiselect, value] if on else [v for v in multiselect if v != value]
            multiselect = list(resolve_exclusive(question, tuple(multiselect)))
        assert stored(at, VESSELS) == (tuple(multiselect) or None), sequence


def test_a_repeated_tick_changes_nothing(at):
    to_health_step(at)
    tick(at, VESSELS, "aneurysm")
    tick(at, VESSELS, "none")
    # The second event of a double click: the same box, the same value, again.
    at.checkbox(key=f"choice:{VESSELS}.none").check().run()
    assert ticked(at, VESSELS) == ["none"] and stored(at, VESSELS) == ("none",)
    tick(at, VESSELS, "none", False)
    at.checkbox(key=f"choice:{VESSELS}.none").uncheck().run()
    assert ticked(at, VESSELS) == [] and stored(at, VESSELS) is None


def to_check(at):
    to_health_step(at)
    at.radio(key="q:blood_pressure").set_value("high_uncontrolled").run()
    tick(at, "medicines", "maoi")
    tick(at, "medicines", "opioids")
    next_step(at)
    next_step(at)  # "Next: check your answers"
    assert at.title[0].value == "Check your answers"
    return at


def told(at):
    return [m.value for m in at.markdown]


def test_check_your_answers_lists_every_question_with_its_answer(at):
    to_check(at)
    pack = load_pack("en")
    rows = told(at)
    assert "**Thoughts of death or self-harm, last 2 weeks**  \nNot at all" in rows
    assert "**Blood pressure**  \nHigh, and not under control" in rows
    medicines = pack.questionnaire.by_id["medicines"]
    labels = "; ".join(medicines.choice(v).label for v in ("maoi", "opioids"))
    assert f"**{medicines.short}**  \n{labels}" in rows
    assert f"**{pack.questionnaire.by_id['age_group'].short}**  \nNot answered" in rows
    # A hidden follow-up is not listed; every listed question has its own Change button.
    assert not any(pack.questionnaire.by_id["adequate_trial"].short in r for r in rows)
    changes = [b for b in at.button if (b.key or "").startswith("nav:change_")]
    shorts = {f"**{q.short}**  \n" for q in pack.questionnaire.questions}
    listed = [r for r in rows if any(r.startswith(short) for short in shorts)]
    assert len(changes) == len(listed)  # the crisis lines under the danger line are not rows
    # Each reads "Change" on screen; a screen reader hears which answer it changes
    # (the label's italic part, hidden from sight by the page's CSS).
    listed_shorts = [
        q.short for q in pack.questionnaire.questions if any(r.startswith(f"**{q.short}**") for r in rows)
    ]
    assert sorted(b.label for b in changes) == sorted(f"Change *(` {short} `)*" for short in listed_shorts)


@pytest.mark.parametrize(
    ("question", "title"),
    [
        ("self_harm_thoughts", "Safety first"),
        ("other_treatments", "Your depression and treatments so far"),
        ("medicines", "Your health"),
        ("transport", "Practical matters"),
    ],
)
def test_change_opens_the_step_of_that_question_with_its_answer_kept(at, question, title):
    to_check(at)
    click(at, key=f"nav:change_{question}")
    assert at.title[0].value == title
    assert ticked(at, "medicines") == ["maoi", "opioids"] or title != "Your health"
    assert any(h.value.startswith(load_pack("en").questionnaire.by_id[question].text) for h in at.header)


def test_after_a_change_a_step_goes_straight_back_to_check_your_answers(at):
    """Changing a step 1 answer took four Nexts to return (a second review): once the check
    screen has been seen, every step offers the way back to it, and required answers still rule."""
    to_health_step(at)
    assert not [b for b in at.button if (b.key or "").startswith("nav:to_check_")]  # not before it
    next_step(at)
    next_step(at)
    assert at.title[0].value == "Check your answers"
    click(at, key="nav:change_other_treatments")
    assert at.title[0].value == "Your depression and treatments so far"
    back_to_check = next(b for b in at.button if b.key == "nav:to_check_1")
    assert back_to_check.label == "Back to check your answers"
    click(at, key="nav:to_check_1")
    assert at.title[0].value == "Check your answers"
    click(at, key="nav:change_self_harm_thoughts")
    at.radio(key="q:self_harm_thoughts").set_value(None).run()
    click(at, key="nav:to_check_0")
    assert at.title[0].value == "Safety first"  # the safety question must be answered first
    assert [e.value for e in at.error] == [load_pack("en").ui.required_missing]


def test_see_my_results_from_the_check_screen(at):
    to_check(at)
    click(at, key="nav:check_to_results")
    assert at.title[0].value == "What applies to you"


def test_the_safety_question_still_rules_on_the_check_screen():
    def check_alone():
        from decision_aid.answers import Answers
        from decision_aid.ui import state
        from decision_aid.ui.check import check_answers

        if not state.answers().values:  # answers, but not the safety question's
            state.replace_answers(Answers().with_answer("age_group", "65_plus"))
        check_answers()

    page = AppTest.from_function(check_alone, default_timeout=30).run()
    assert not page.exception
    assert "answer the safety question first" in page.info[0].value
    assert [b.label for b in page.button] == ["Go to the questions"]


STEP_TITLES = [s.title for s in load_pack("en").questionnaire.sections]


def test_each_step_is_in_the_address_so_the_browsers_back_can_return_to_it(at):
    start(at)
    assert at.query_params["step"] == "1"
    at.radio(key="q:self_harm_thoughts").set_value("not_at_all").run()
    for number, title in enumerate(STEP_TITLES[1:], 2):
        next_step(at)
        assert at.title[0].value == title
        assert at.query_params["step"] == str(number)
    click(at, key=step_button(at, "back"))
    assert at.title[0].value == STEP_TITLES[-2] and at.query_params["step"] == str(len(STEP_TITLES) - 1)


@pytest.mark.parametrize("asked", ["1", "4", "9", "0", "two", ""])
def test_a_run_that_is_not_the_browsers_back_keeps_the_step_whatever_the_address(at, asked):
    """The second click of a double click on Next carries the address from before the first
    click's step; a typed address is no history step either. The step stays, the safety
    question cannot be skipped, and the address is put right. (The browser's Back and
    Forward are marked as such: tests/protocol and tests/e2e/test_stages.py.)"""
    to_health_step(at)
    at.query_params["step"] = asked
    at.run()
    assert at.title[0].value == STEP_TITLES[2] and at.query_params["step"] == "3"
    assert not at.exception

"""Journeys through the real pages with Streamlit's AppTest (no browser)."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[2] / "app.py")
CRISIS = "Help is available right now"


@pytest.fixture
def at():
    app = AppTest.from_file(APP, default_timeout=30).run()
    assert not app.exception
    return app


def pack_tables():
    from decision_aid.content import load_pack

    pack = load_pack("en")
    return pack.routes, pack.options


def click(at, label=None, key=None):
    button = at.button(key=key) if key else next(b for b in at.button if b.label == label)
    button.click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def headings(at):
    return [h.value for h in at.header]


def has_crisis_panel(at):
    return any(CRISIS in s for s in headings(at))


def danger_line_present(at):
    """The line with the emergency number to tap, then the crisis lines folded under it."""
    line = any("In danger now?" in m.value and "](tel:" in m.value for m in at.markdown)
    return line and any(e.label == "Crisis lines" for e in at.expander)


def start(at):
    return click(at, "Start the questions")


def step_button(at, kind):
    """Each step's Back and Next have their own keys: nav:next_0, nav:next_1, ..."""
    return next(b.key for b in at.button if (b.key or "").startswith(f"nav:{kind}_"))


def next_step(at):
    """Next on a step; on the last step it opens "Check your answers", and from there this
    goes on to the results, as a person's Continue does."""
    if at.title and at.title[0].value == "Check your answers":
        return click(at, key="nav:check_to_results")
    return click(at, key=step_button(at, "next"))


def tick(at, question, value, ticked=True):
    box = at.checkbox(key=f"choice:{question}.{value}")
    (box.check() if ticked else box.uncheck()).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def ticked(at, question):
    """The values whose boxes are ticked, in the question's order."""
    return [
        b.key.split(".", 1)[1]
        for b in at.checkbox
        if (b.key or "").startswith(f"choice:{question}.") and b.value
    ]


def stored(at, question):
    return at.session_state["app:session"].answers.get(question)


def test_welcome_says_what_the_aid_is_and_is_not(at):
    text = " ".join(m.value for m in at.markdown)
    assert "Not a diagnosis" in text and "not a recommendation" in text and "Not for emergencies" in text
    assert "never saved" in text
    captions = " ".join(c.value for c in at.caption)
    assert "Content version" in captions and "last reviewed" in captions
    assert danger_line_present(at)


def test_full_journey_to_results(at):
    start(at)
    assert "Step 1 of 4" in at.get("progress")[0].proto.text
    at.radio(key="q:self_harm_thoughts").set_value("not_at_all").run()
    assert not has_crisis_panel(at)
    next_step(at)
    assert at.title[0].value == "Your depression and treatments so far"
    at.radio(key="q:antidepressants_tried").set_value("3_or_more").run()
    at.radio(key="q:adequate_trial").set_value("yes").run()
    next_step(at)
    at.radio(key="q:blood_pressure").set_value("high_uncontrolled").run()
    tick(at, "medicines", "maoi")
    next_step(at)
    at.radio(key="q:transport").set_value("no").run()
    next_step(at)  # "Next: check your answers"
    assert at.title[0].value == "Check your answers"
    next_step(at)  # "See my results"

    assert at.title[0].value == "Your results"
    heads = headings(at)
    assert not has_crisis_panel(at)
    assert heads[-1] == "Talk with a professional"
    assert {"Blood pressure", "Stimulants or MAOI antidepressants", "Getting home after a session"} <= set(
        heads
    )
    reasons = [i.value for i in at.info]
    assert "Shown because you told us your blood pressure is high and not under control." in reasons
    assert "Shown because you told us nobody could drive you home after a visit." in reasons
    # Each table is folded into one part per question, every option answering it.
    routes, options = pack_tables()
    tables = [m.value for m in at.markdown if f"**{options.title}**" in m.value]
    assert len(tables) == 1
    parts = tables[0].split('<details class="fold">')[1:]
    assert len(parts) == len(options.rows)
    label = options.row("how_well").label
    how_well = next(p for p in parts if f"<summary>{label}</summary>" in p)
    assert f"| Option | {label} |" in how_well
    assert all(f"| {c.label} |" in how_well for c in options.columns)
    assert "About 69 of 100 responded, compared with 52 of 100 with a placebo spray" in how_well
    assert any(f"**{routes.title}**" in m.value for m in at.markdown)
    assert danger_line_present(at)


def test_crisis_path_shows_panel_at_once_on_every_step_and_first_in_results(at):
    start(at)
    assert not has_crisis_panel(at)
    at.radio(key="q:self_harm_thoughts").set_value("nearly_every_day").run()
    assert has_crisis_panel(at)
    assert at.selectbox(key="nav:region").value == "us"
    assert any("The crisis lines stay at the top of every page." in m.value for m in at.markdown)
    for expected_title in (
        "Your depression and treatments so far",
        "Your health",
        "Practical matters",
        "Check your answers",
    ):
        next_step(at)
        assert at.title[0].value == expected_title
        assert has_crisis_panel(at)
        assert CRISIS in headings(at)[0]
    next_step(at)
    assert at.title[0].value == "Your results"
    assert CRISIS in headings(at)[0]
    assert headings(at)[-1] == "Talk with a professional"


def test_crisis_region_choice_is_kept_between_pages(at):
    start(at)
    at.radio(key="q:self_harm_thoughts").set_value("prefer_not_to_say").run()
    at.selectbox(key="nav:region").set_value("uk").run()
    assert "Samaritans" in " ".join(m.value for m in at.markdown)
    next_step(at)
    assert at.selectbox(key="nav:region").value == "uk"


def test_safety_question_must_be_answered(at):
    start(at)
    next_step(at)
    assert at.title[0].value == "Safety first"
    assert "Please answer this question" in at.error[0].value


def test_back_and_change_my_answers_keep_answers(at):
    start(at)
    at.radio(key="q:self_harm_thoughts").set_value("not_at_all").run()
    next_step(at)
    at.radio(key="q:depression_diagnosed").set_value("yes").run()
    tick(at, "other_treatments", "psychotherapy")
    tick(at, "other_treatments", "tms")
    next_step(at)
    click(at, key=step_button(at, "back"))
    assert at.radio(key="q:depression_diagnosed").value == "yes"
    assert ticked(at, "other_treatments") == ["psychotherapy", "tms"]
    click(at, key=step_button(at, "back"))
    assert at.radio(key="q:self_harm_thoughts").value == "not_at_all"
    for _ in range(5):
        next_step(at)
    assert at.title[0].value == "Your results"
    click(at, key="nav:change_answers")
    assert at.title[0].value == "Safety first"
    assert at.radio(key="q:self_harm_thoughts").value == "not_at_all"
    next_step(at)
    assert at.radio(key="q:depression_diagnosed").value == "yes"


def test_skipped_questions_are_listed_in_results(at):
    start(at)
    at.radio(key="q:self_harm_thoughts").set_value("not_at_all").run()
    for _ in range(5):
        next_step(at)
    told = " ".join(m.value for m in at.markdown)
    assert "Questions you skipped" in told
    assert "How old are you?" in told
    assert "Did you take any of them for at least 6 weeks" not in told  # hidden follow-up, not skipped


def test_choosing_none_clears_other_choices(at):
    start(at)
    at.radio(key="q:self_harm_thoughts").set_value("not_at_all").run()
    next_step(at)
    next_step(at)
    tick(at, "medicines", "maoi")
    tick(at, "medicines", "none")
    assert ticked(at, "medicines") == ["none"]
    tick(at, "medicines", "opioids")
    assert ticked(at, "medicines") == ["opioids"]


def results_page_alone():
    from decision_aid.ui.pages import results

    results()


def test_results_before_the_safety_answer_send_the_person_to_the_questions():
    page = AppTest.from_function(results_page_alone, default_timeout=30).run()
    assert not page.exception
    assert "answer the safety question first" in page.info[0].value
    assert [b.label for b in page.button] == ["Go to the questions"]
    assert not page.header  # no topics before the safety question


def test_back_from_the_first_step_returns_to_welcome(at):
    start(at)
    click(at, key=step_button(at, "back"))
    assert at.title[0].value == "Ketamine and esketamine for depression"


def test_crisis_panel_names_the_source_of_its_lines(at):
    start(at)
    at.radio(key="q:self_harm_thoughts").set_value("several_days").run()
    at.selectbox(key="nav:region").set_value("ca").run()
    sources = [e for e in at.expander if e.label.startswith("Sources")]
    assert any("9-8-8: Suicide Crisis Helpline" in m.value for e in sources for m in e.markdown)


def finish_calmly(at):
    start(at)
    at.radio(key="q:self_harm_thoughts").set_value("not_at_all").run()
    for _ in range(5):
        next_step(at)
    assert at.title[0].value == "Your results"
    return at


def test_benefits_are_drawn_as_icon_arrays_with_both_framings_in_words(at):
    finish_calmly(at)
    arrays = [h.value for h in at.html if 'class="icon-array"' in h.value]
    from decision_aid.content import load_pack

    pack = load_pack("en")
    drawn = [name for t in pack.topics if not t.show_when for name in t.icon_arrays]
    assert len(arrays) == len(drawn) >= 10  # benefits, harms and the other options alike
    groups = [len(pack.numbers.comparisons[name].groups) for name in drawn]
    assert sorted(a.count("<img") for a in arrays) == sorted(groups)  # one picture per group
    text = " ".join(arrays)
    assert (
        "Esketamine spray with a new antidepressant: about 69 of 100 people had their depression "
        "scores drop by at least half, and about 31 of 100 did not."
    ) in text


def test_every_topic_ends_with_its_sources_folded_away(at):
    finish_calmly(at)
    blocks = [m for m in at.markdown if '<details class="fold sources">' in m.value]
    assert len(blocks) == len(headings(at))
    assert all(m.allow_html and m.value.endswith("</details>") for m in blocks)
    assert any("TRANSFORM-2" in m.value.split('<details class="fold sources">')[1] for m in blocks)


def test_suicidal_thoughts_evidence_shows_the_crisis_lines_even_without_a_crisis(at):
    finish_calmly(at)
    assert not has_crisis_panel(at)
    assert "Suicidal thoughts: what is known" in headings(at)
    text = " ".join(m.value for m in at.markdown)
    assert "Call or text 988" in text and "Call 116 123 (free)" in text


def about_page_alone():
    from decision_aid.ui.pages import about

    about()


def test_about_page_lists_authors_funding_reading_level_and_every_source():
    from decision_aid.content import load_pack

    pack = load_pack("en")
    page = AppTest.from_function(about_page_alone, default_timeout=30).run()
    assert not page.exception
    text = " ".join(m.value for m in page.markdown)
    for expected in (
        "How the evidence was chosen",
        "Limitations",
        "This project has no funding.",
        "Measured reading level",
        f"Content version {pack.info.version}",
        "at least every 12 months",
    ):
        assert expected in text
    for ref in pack.references.values():
        assert ref.citation in text
    assert "doi:10.1056/NEJMoa2302399" in text

"""Journeys through the real pages with Streamlit's AppTest (no browser)."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from decision_aid.content import load_pack
from decision_aid.exports.markdown import markdown_file
from decision_aid.personas import persona_answers
from decision_aid.summary import build_summary

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


STAGE_TITLES = (
    "What applies to you",
    "The facts: what they are",
    "The facts: how well they work",
    "The facts: risks and how they are given",
    "Compare options",
    "Prepare for your visit",
    "Your summary",
)


def stage(at):
    return at.session_state["app:session"].stage


def next_stage(at, place="bottom"):
    return click(at, key=f"nav:stage_next_{stage(at)}_{place}")


def back_stage(at, place="bottom"):
    return click(at, key=f"nav:stage_back_{stage(at)}_{place}")


def progress_text(at):
    return at.get("progress")[0].proto.text


def go_to_stage(at, title):
    while at.title[0].value != title:
        next_stage(at)
    return at


def markdown_text(at):
    return " ".join(m.value for m in at.markdown)


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
    assert "never saves" in text
    captions = " ".join(c.value for c in at.caption)
    assert "Content version" in captions and "last reviewed" in captions
    assert danger_line_present(at)


def test_full_journey_to_results(at):
    start(at)
    assert at.get("progress")[0].proto.text == "Step 1 of 12: Safety first"
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

    assert at.title[0].value == "What applies to you"
    assert progress_text(at) == "Step 6 of 12: What applies to you"
    assert not has_crisis_panel(at)
    text = markdown_text(at)
    for title in ("Blood pressure", "Stimulants or MAOI antidepressants", "Getting home after a session"):
        assert f"### {title}" in text
    assert "Shown because you told us your blood pressure is high and not under control." in text
    assert "Shown because you told us nobody could drive you home after a visit." in text
    assert "Talk with a professional" not in headings(at)  # the care advice ends the last results stage
    next_stage(at)
    assert progress_text(at) == "Step 7 of 12: The facts: what they are"
    go_to_stage(at, "The facts: risks and how they are given")
    routes, options = pack_tables()
    # Each table is folded into one part per question, every option answering it.
    tables = [m.value for m in at.markdown if f"**{routes.title}**" in m.value]
    assert len(tables) == 1
    parts = tables[0].split('<details class="fold">')[1:]
    assert len(parts) == len(routes.rows)
    assert all(f"| {c.label} |" in parts[0] for c in routes.columns)
    next_stage(at, place="top")
    assert at.title[0].value == "Compare options"
    heads = headings(at)
    assert heads[-1] == "Talk with a professional"
    # The Option Grid stands in for the whole options table: pick two, see them side by side.
    from decision_aid.ui.compare import PICK_KEY

    assert not any(f"**{options.title}**" in m.value for m in at.markdown)
    at.pills(key=PICK_KEY).set_value(["esketamine", "iv_ketamine"]).run()
    grid = next(h.value for h in at.html if "aid-grid" in h.value)
    assert "About 69 of 100 responded, compared with 52 of 100 with a placebo spray" in grid
    assert headings(at)[-1] == "Talk with a professional"  # the care advice still last
    assert danger_line_present(at)


def test_every_stage_has_back_and_next_at_top_and_bottom_and_one_progress_bar(at):
    finish_calmly(at)
    for number, title in enumerate(STAGE_TITLES, start=6):
        assert at.title[0].value == title
        assert progress_text(at).startswith(f"Step {number} of 12: ")
        keys = {b.key for b in at.button}
        name = stage(at)
        assert {f"nav:stage_back_{name}_bottom"} <= keys
        if title != "Your summary":
            assert {f"nav:stage_next_{name}_top", f"nav:stage_next_{name}_bottom"} <= keys
            next_stage(at, place="top" if number % 2 else "bottom")
    assert progress_text(at) == "Step 12 of 12: Your summary"
    for title in reversed(STAGE_TITLES[:-1]):
        back_stage(at)
        assert at.title[0].value == title
    back_stage(at, place="top")  # from What applies to you to Check your answers
    assert at.title[0].value == "Check your answers"
    assert progress_text(at) == "Step 5 of 12: Check your answers"


def late_clicks():
    import streamlit as st

    from decision_aid.ui import stages, state

    state.set_stage("basics")
    stages._forward("results")  # a second click made on What applies to you arrives late
    st.text(f"late: {state.take_go_to()}")
    stages._forward("basics")
    st.text(f"current: {state.take_go_to()}")


def test_a_stale_second_click_does_not_move_on_twice():
    page = AppTest.from_function(late_clicks, default_timeout=30).run()
    assert not page.exception
    assert [t.value for t in page.text] == ["late: None", "current: facts"]


def test_long_stages_open_with_a_contents_list_linking_their_topics(at):
    finish_calmly(at)
    next_stage(at)
    next_stage(at)
    assert at.title[0].value == "The facts: how well they work"
    contents = next(m.value for m in at.markdown if m.value.startswith("**On this page:**"))
    for title in headings(at):
        anchor = next(t.id for t in load_pack_en().topics if t.title == title)
        assert f"[{title}](#{anchor})" in contents


def load_pack_en():
    from decision_aid.content import load_pack

    return load_pack("en")


def test_what_applies_orders_notes_by_category_with_crisis_first(at):
    from decision_aid.ui.results_body import SEVERITY

    pack = load_pack_en()
    # Answers that raise a note in every category, and the crisis part.
    start(at)
    at.radio(key="q:self_harm_thoughts").set_value("several_days").run()
    next_step(at)
    at.radio(key="q:antidepressants_tried").set_value("1").run()
    next_step(at)
    at.radio(key="q:blood_pressure").set_value("high_uncontrolled").run()
    tick(at, "vascular_conditions", "aneurysm")
    at.radio(key="q:age_group").set_value("65_plus").run()
    next_step(at)
    at.radio(key="q:transport").set_value("no").run()
    next_step(at)
    next_step(at)  # on from Check your answers
    assert at.title[0].value == "What applies to you"
    assert CRISIS in headings(at)[0]
    groups = [h.value for h in at.header][1:]
    labels = [
        "Esketamine label: must not be used",
        "Label warning",
        "Caution",
        "About your treatment so far",
        "Practical",
    ]
    assert [g.split(" ", 1)[1] for g in groups] == labels  # after each one's icon
    # Each card carries its label in words and an icon, and its severity in its style.
    cards = [m.value for m in at.markdown if m.value.startswith(":material/")]
    assert cards[0].startswith(":material/block: **Esketamine label: must not be used**")
    assert "### An aneurysm, an AVM, or a bleed in the brain, as in some strokes" in cards[0]
    assert "Shown because you told us you have had an aneurysm." in cards[0]
    order = ["contraindication", "warning", "caution", "history", "practical"]
    categories = []
    for card in cards:
        title = card.split("### ", 1)[1].split("\n", 1)[0]
        categories.append(next(t.category for t in pack.topics if t.title == title))
    assert categories == sorted(categories, key=order.index)
    assert SEVERITY["contraindication"][0] == "urgent" and SEVERITY["warning"][0] == "warning"
    # Each note opens in full below its card.
    notes = [e for e in at.expander if e.label.startswith("Read the full note: ")]
    assert len(notes) == len(cards)
    assert all(n.markdown for n in notes)


def test_what_applies_says_so_when_nothing_applies_and_when_questions_were_skipped(at):
    finish_calmly(at)  # every question after the first left unanswered
    text = markdown_text(at)
    assert "Nothing you told us matched one of our special notes." in text
    assert "some notes that could apply to you may be missing" in at.warning[0].value
    # To "Check your answers", where each skipped one reads "Not answered" beside its Change.
    click(at, key="nav:change_answers")
    assert at.title[0].value == "Check your answers"
    changes = [b for b in at.button if (b.key or "").startswith("nav:change_")]
    assert markdown_text(at).count("Not answered") == len(changes) - 1  # all but the safety question


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
    assert at.title[0].value == "What applies to you"
    assert CRISIS in headings(at)[0]
    for _ in STAGE_TITLES[1:]:  # the summary too, before its downloads (a review missed it there)
        next_stage(at)
        assert CRISIS in headings(at)[0], at.title[0].value
    assert "tel:988" in " ".join(m.value for m in at.markdown)
    back_stage(at)
    back_stage(at)
    assert at.title[0].value == "Compare options"
    assert headings(at)[-1] == "Talk with a professional"


def test_the_summary_shows_the_crisis_part_once_as_its_panel_and_the_download_keeps_it():
    """The panel heading the summary is the document's crisis part with numbers to tap: the
    document on screen does not repeat it, and says the download starts with it."""
    at = AppTest.from_file(APP, default_timeout=30)
    at.query_params["mode"], at.query_params["persona"] = "workshop", "dana_crisis"
    at.run()
    for _ in STAGE_TITLES[1:]:
        next_stage(at)
    assert at.title[0].value == "Your summary" and CRISIS in headings(at)[0]
    pack = load_pack("en")
    document = next(m.value for m in at.get("markdown") if pack.summary_text.considerations_title in m.value)
    assert pack.summary_text.crisis_title not in document and "988" not in document
    assert pack.ui.summary_crisis_note in [m.value for m in at.markdown]
    # The files are made from the whole document (tests/unit/test_summary.py checks their crisis part).
    assert pack.summary_text.crisis_title in markdown_file(
        pack, build_summary(pack, persona_answers(pack, "dana_crisis"))
    )


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
    assert at.title[0].value == "What applies to you"
    click(at, key="nav:change_answers")
    assert at.title[0].value == "Check your answers"
    click(at, key="nav:change_self_harm_thoughts")
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


def results_page_without_the_safety_answer():
    from decision_aid.answers import Answers
    from decision_aid.ui import state
    from decision_aid.ui.pages import results

    if not state.answers().values:
        state.replace_answers(Answers().with_answer("age_group", "65_plus"))
    results()


def test_results_before_the_safety_answer_send_the_person_to_the_questions():
    page = AppTest.from_function(results_page_without_the_safety_answer, default_timeout=30).run()
    assert not page.exception
    assert "answer the safety question first" in page.info[0].value
    assert [b.label for b in page.button] == ["Go to the questions"]
    assert not page.header  # no topics before the safety question


def test_results_with_no_answers_at_all_say_the_answers_are_not_here():
    page = AppTest.from_function(results_page_alone, default_timeout=30).run()
    assert not page.exception
    assert page.info[0].value == load_pack("en").ui.answers_gone
    assert [b.label for b in page.button] == ["Go to the questions"]
    assert not page.header


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
    assert at.title[0].value == "What applies to you"
    return at


def test_benefits_are_drawn_as_icon_arrays_with_both_framings_in_words(at):
    finish_calmly(at)
    arrays = []
    for _ in STAGE_TITLES[1:5]:
        next_stage(at)
        arrays += [h.value for h in at.html if 'class="icon-array"' in h.value]
        # The pictures are one click away, under the words that give every figure.
        folded = [e for e in at.expander if e.label == "See these numbers as pictures"]
        assert sum(len([h for h in e.get("html") if "icon-array" in h.value]) for e in folded) == len(
            [h for h in at.html if 'class="icon-array"' in h.value]
        )
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
    blocks = []
    for _ in STAGE_TITLES[1:5]:
        next_stage(at)
        found = [m for m in at.markdown if '<details class="fold sources">' in m.value]
        assert len(found) == len(headings(at))
        blocks += found
    assert all(m.allow_html and m.value.endswith("</details>") for m in blocks)
    assert any("TRANSFORM-2" in m.value.split('<details class="fold sources">')[1] for m in blocks)


def test_suicidal_thoughts_evidence_shows_the_crisis_lines_even_without_a_crisis(at):
    finish_calmly(at)
    go_to_stage(at, "The facts: how well they work")
    assert not has_crisis_panel(at)
    assert "Suicidal thoughts: what is known" in headings(at)
    # The person's own place's lines in full under the topic; the other places one click away
    # (and in the danger line's "Crisis lines" on every screen), so that this stage stays
    # about five laptop screens long in Spanish too, which lists seven places.
    topic = next(m.value for m in at.markdown if "If you have thoughts of ending your life" in m.value)
    assert "United States" in topic and "Call or text 988" in topic and "tel:988" in topic
    assert "116 123" not in topic
    folded = [e for e in at.expander if e.label == "Crisis lines in other places"]
    assert len(folded) == 1
    inside = " ".join(m.value for m in folded[0].markdown)
    assert "Call 116 123 (free)" in inside and "Lifeline" in inside and "United States" not in inside


def test_the_suicidal_thoughts_evidence_shows_the_place_chosen_in_the_crisis_panel_first(at):
    start(at)
    at.radio(key="q:self_harm_thoughts").set_value("several_days").run()
    at.selectbox(key="nav:region").set_value("au").run()
    for _ in range(5):
        next_step(at)
    go_to_stage(at, "The facts: how well they work")
    topic = next(m.value for m in at.markdown if "If you have thoughts of ending your life" in m.value)
    assert "Australia" in topic and "tel:131114" in topic and "988" not in topic
    folded = next(e for e in at.expander if e.label == "Crisis lines in other places")
    assert "Call or text 988" in " ".join(m.value for m in folded.markdown)


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

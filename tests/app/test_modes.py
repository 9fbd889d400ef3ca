"""Clinician review and workshop modes (AppTest)."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from decision_aid.content import load_pack
from decision_aid.deliberation import Deliberation
from decision_aid.sharing import address_for_language, qr_png, share_address

APP = str(Path(__file__).resolve().parents[2] / "app.py")
PACK = load_pack("en")
ADDRESS_KEYS = {"mode", "persona", "presenter", "lang", "step"}  # step: the questionnaire's
SESSION = "app:session"


def ok(at):
    assert not at.exception, [e.value for e in at.exception]
    assert set(at.query_params) <= ADDRESS_KEYS, dict(at.query_params)  # never answers
    return at


def open_app(**params):
    at = AppTest.from_file(APP, default_timeout=30)
    for key, value in params.items():
        at.query_params[key] = value
    return ok(at.run())


def choose_mode(at, mode):
    return ok(at.sidebar.button(key=f"nav:view_{mode}").click().run())


def consideration_titles(at):
    """The notes on What applies to you: each card's title, an h3 in its first line."""
    titles = {t.title: t.id for t in PACK.topics if t.kind == "consideration"}
    cards = [m.value.split("### ", 1)[1].split("\n", 1)[0] for m in at.markdown if "\n\n### " in m.value]
    return sorted(titles[c] for c in cards if c in titles)


@pytest.mark.parametrize("persona", [p.id for p in PACK.personas.personas])
def test_each_persona_loads_and_shows_exactly_its_considerations(persona):
    at = open_app(mode="workshop")
    assert at.title[0].value == "Workshop"
    ok(at.button(key=f"nav:load_{persona}").click().run())
    assert at.title[0].value == "What applies to you"
    assert consideration_titles(at) == sorted(PACK.personas.get(persona).shows)
    assert dict(at.query_params) == {"mode": "workshop", "persona": persona}


def test_a_link_with_mode_and_persona_opens_that_case():
    at = open_app(mode="workshop", persona="dana_crisis")
    assert at.title[0].value == "What applies to you"
    assert "Help is available right now" in at.header[0].value


def test_personas_are_marked_fictional_on_screen():
    at = open_app(mode="workshop")
    captions = [c.value for c in at.caption]
    assert sum(PACK.personas.fictional_label in c for c in captions) == len(PACK.personas.personas)


def test_a_fictional_cases_summary_and_record_note_say_it_is_fictional():
    """Dana's PDF, Markdown and record note read like a real person's (a review): each says
    "Fictional case" where a real one speaks to the clinician."""
    at = open_app(mode="workshop", persona="dana_crisis")
    while at.title[0].value != PACK.ui.summary_title:
        stage = at.session_state[SESSION].stage
        ok(at.button(key=f"nav:stage_next_{stage}_top").click().run())
    said = PACK.ui.fictional_case.format(name=PACK.personas.get("dana_crisis").title)
    document = next(m.value for m in at.markdown if PACK.summary_text.title in m.value or said in m.value)
    assert said in document and PACK.summary_text.for_clinician not in document
    ok(at.sidebar.button(key="nav:view_clinician").click().run())
    assert at.code[0].value.splitlines()[0] == said


def test_reset_for_the_next_person_leaves_nothing_behind():
    at = open_app(mode="workshop")
    ok(at.button(key="nav:load_james_blood_pressure").click().run())
    assert at.title[0].value == "What applies to you"
    while at.title[0].value != "Prepare for your visit":
        stage = at.session_state[SESSION].stage
        ok(at.button(key=f"nav:stage_next_{stage}_top").click().run())
    ok(at.radio(key="values:cost").set_value("somewhat").run())
    ok(at.checkbox(key="ask:blood_pressure_checks").check().run())
    ok(at.text_input(key="own:question").input("Who pays?").run())
    ok(at.button(key="nav:add_own_question").click().run())
    used = at.session_state[SESSION].deliberation
    assert used.values and used.ticked and used.own_questions  # so the reset has something to clear
    ok(at.sidebar.button(key="nav:reset_sidebar").click().run())
    assert at.title[0].value == "Workshop"
    kept = at.session_state[SESSION]
    assert not kept.answers.values
    assert kept.deliberation == Deliberation()
    assert kept.mode == "workshop"
    assert dict(at.query_params) == {"mode": "workshop"}
    ok(at.button(key="nav:reset_next").click().run())
    assert not at.session_state[SESSION].answers.values


def test_presenter_view_has_fewer_controls():
    at = open_app(mode="workshop")
    ok(at.toggle(key="nav:presenter").set_value(True).run())
    ok(at.button(key="nav:load_maria_trd").click().run())
    labels = {b.label for b in at.button}
    assert "Change my answers" not in labels and "Clear my answers" not in labels
    assert at.header  # the content itself is unchanged


def test_clinician_screen_shows_every_answer_and_every_flag_with_sources():
    at = open_app(mode="workshop", persona="sam_psychosis_substance")
    choose_mode(at, "clinician")
    assert at.title[0].value == "Clinician review"
    answers = at.table[0].value
    persona = PACK.personas.get("sam_psychosis_substance")
    assert len(answers) == len(persona.answers)
    assert answers.loc["Psychosis, ever"].iloc[0] == "Yes"
    text = " ".join(m.value for m in at.markdown)
    for topic_id in persona.shows:
        topic = PACK.topic(topic_id)
        assert f"**{topic.title}**" in text
        assert all(PACK.references[ref].citation in text for ref in topic.references)
    # the reasons are the patient's screen's ("You told us you ..."): a clinician reading
    # alone is told whose words they are, not addressed as the patient (a clinician review)
    assert f"{PACK.ui.review_reason}: You told us" in text and "patient" in PACK.ui.review_reason
    assert "For the clinic: what an esketamine session involves" in [h.value for h in at.header]
    assert len(at.get("download_button")) == 4  # the three take-away files and the record note


def test_clinician_can_see_exactly_what_the_patient_saw():
    at = open_app(mode="workshop", persona="ruth_older_adult")
    choose_mode(at, "clinician")
    ok(at.toggle(key="nav:patient_view").set_value(True).run())
    assert consideration_titles(at) == sorted(PACK.personas.get("ruth_older_adult").shows)
    assert "Talk with a professional" in [h.value for h in at.header]


def test_crisis_status_is_at_the_top_of_the_clinician_screen():
    at = open_app(mode="workshop", persona="dana_crisis")
    choose_mode(at, "clinician")
    assert at.error[0].value.startswith(
        "PHQ-9 item 9 (thoughts of death or self-harm, past two weeks): score 2"
    )


def test_switching_back_to_patient_keeps_the_answers():
    at = open_app(mode="workshop", persona="leo_first_episode")
    choose_mode(at, "patient")
    assert at.title[0].value == "Ketamine and esketamine for depression"
    assert at.session_state[SESSION].answers.get("age_group") == "18_to_64"


def test_qr_code_points_at_the_apps_own_address():
    assert (
        share_address("http://10.0.0.5:8501/results?mode=workshop&persona=x")
        == "http://10.0.0.5:8501/?mode=patient"
    )
    assert share_address(None) == ""
    png = qr_png("http://127.0.0.1:8501/?mode=patient")
    assert png.startswith(b"\x89PNG")


def test_the_qr_address_follows_the_rooms_language_unless_the_educator_typed_one():
    here = "http://10.0.0.5:8501/workshop?mode=workshop"
    english, spanish = "http://10.0.0.5:8501/?mode=patient", "http://10.0.0.5:8501/?mode=patient&lang=es"
    assert share_address(here, "es") == spanish
    assert address_for_language(None, here, "es", ("en", "es")) == spanish  # first drawn
    assert address_for_language(english, here, "es", ("en", "es")) == spanish  # switched to Spanish
    assert address_for_language(spanish, here, "", ("en", "es")) == english  # and back
    typed = "http://192.168.1.20:8501/?mode=patient"
    assert address_for_language(typed, here, "es", ("en", "es")) == typed


def test_clear_my_answers_after_a_persona_link_really_clears():
    at = open_app(mode="workshop", persona="james_blood_pressure")
    assert at.title[0].value == "What applies to you"
    ok(at.button(key="nav:clear").click().run())
    ok(at.button(key="nav:clear_yes").click().run())
    assert at.title[0].value == "Ketamine and esketamine for depression"
    assert not at.session_state[SESSION].answers.values
    assert dict(at.query_params) == {}
    ok(at.button(key="nav:start").click().run())
    assert at.radio(key="q:self_harm_thoughts").value is None

"""Clinician review for a short visit, and the hand-off from patient to clinician (issue 16, AppTest)."""

from pathlib import Path

from streamlit.testing.v1 import AppTest

from decision_aid import handoff
from decision_aid.content import load_pack
from decision_aid.deliberation import Deliberation
from decision_aid.personas import persona_answers

APP = str(Path(__file__).resolve().parents[2] / "app.py")
PACK = load_pack("en")
WORDS = PACK.ui.clinician
SESSION = "app:session"
ADDRESS_KEYS = {"mode", "persona", "presenter", "lang", "step"}  # step: the questionnaire's


def ok(at):
    assert not at.exception, [e.value for e in at.exception]
    assert set(at.query_params) <= ADDRESS_KEYS, dict(at.query_params)  # never answers
    return at


def clinician_with(persona: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    at.query_params["mode"] = "workshop"
    at.query_params["persona"] = persona
    ok(at.run())
    return ok(at.sidebar.button(key="nav:view_clinician").click().run())


def fresh_clinician() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    at.query_params["mode"] = "clinician"
    return ok(at.run())


def checklist(at) -> dict[str, str]:
    """The card's checklist: item -> what the patient said (icon and word first), in the order shown."""
    first = WORDS.checklist.aneurysm_avm
    listed = next(m.value for m in at.markdown if m.value.startswith("- ") and first in m.value)
    found = {}
    for line in listed.splitlines():
        for item in WORDS.checklist.model_dump().values():
            if f": {item} (" in line:
                found[item] = line.removeprefix("- ").split(f": {item} (", 1)[0]
    assert set(WORDS.checklist.model_dump().values()) - set(found) <= {
        WORDS.checklist.pediatric,
        WORDS.checklist.geriatric,
        WORDS.checklist.suicidality_young,
    }  # an age is never denied
    return found


def test_james_card_marks_the_aneurysm_and_blood_pressure_reported_with_icon_and_word():
    at = clinician_with("james_blood_pressure")
    assert at.title[0].value == "Clinician review"
    assert at.header[0].value == WORDS.key_points_title  # the card is the first thing under the title
    rows = checklist(at)
    reported = f":material/flag: **{WORDS.status.reported}**"
    assert rows[WORDS.checklist.aneurysm_avm] == reported
    assert rows[WORDS.checklist.blood_pressure] == reported
    assert list(rows)[:2] == [WORDS.checklist.aneurysm_avm, WORDS.checklist.blood_pressure]  # reported first
    assert rows[WORDS.checklist.intracerebral_haemorrhage] == f":material/remove: {WORDS.status.denied}"
    text = " ".join(m.value for m in at.markdown)
    assert (
        f"{WORDS.checklist.blood_pressure} ({WORDS.category.warning}): Blood pressure: High, and not under control"
        in text
    )
    assert not at.error  # no crisis: a neutral note, not a green all-clear
    assert any(i.value.startswith("PHQ-9 item 9") and "score 0" in i.value for i in at.info)
    text = " ".join(m.value for m in at.markdown)
    assert "History: antidepressants tried this episode: Two" in text
    assert any(
        c.value.startswith(WORDS.built_at.split("{", 1)[0]) for c in at.caption
    )  # when, and which time


def test_the_card_never_lists_an_age_as_denied_and_says_the_age_group():
    """'denied: Under eighteen ... or sixty-five and older' (a clinical review)."""
    james = clinician_with("james_blood_pressure")
    listed = checklist(james)
    assert WORDS.checklist.pediatric not in listed and WORDS.checklist.geriatric not in listed
    assert any("Age group: 18 to 64." in m.value for m in james.markdown)
    ruth = clinician_with("ruth_older_adult")
    assert checklist(ruth)[WORDS.checklist.geriatric] == f":material/flag: **{WORDS.status.reported}**"


def test_dana_card_opens_with_the_item_nine_score_and_the_crisis_alert():
    at = clinician_with("dana_crisis")
    alert = at.error[0]
    assert alert.value.startswith("PHQ-9 item 9 (thoughts of death or self-harm, past two weeks): score 2")
    assert WORDS.crisis_shown in alert.value
    assert alert.icon == ":material/warning:"  # never colour alone: an icon and the words


def test_the_record_note_is_in_a_copy_block_and_a_text_download():
    at = clinician_with("james_blood_pressure")
    note = at.code[0].value
    assert note.count("\n") >= 8
    assert "PHQ-9 item 9" in note and "Aneurysmal vascular disease" in note
    labels = [b.label for b in at.get("download_button")]
    assert WORDS.note_download in labels


def test_no_clear_my_answers_here_but_close_this_patient_with_a_confirmation():
    at = clinician_with("james_blood_pressure")
    assert PACK.ui.clear_button not in [b.label for b in at.button]
    ok(at.button(key="nav:close_patient").click().run())
    assert at.warning[0].value == WORDS.close_confirm
    assert at.session_state[SESSION].answers.values  # nothing gone before the confirmation
    ok(at.button(key="nav:close_yes").click().run())
    assert not at.session_state[SESSION].answers.values
    assert at.session_state[SESSION].mode == "clinician"
    assert at.title[0].value == "Clinician review"
    assert WORDS.open_title in [e.label for e in at.expander]  # ready for the next patient
    assert "persona" not in at.query_params


def test_a_fresh_clinician_link_offers_to_open_answers_not_the_patients_prompt():
    at = fresh_clinician()
    assert at.title[0].value == "Clinician review"
    assert PACK.ui.results_not_ready not in [i.value for i in at.info]
    assert WORDS.open_title in [e.label for e in at.expander]
    assert at.text_input(key="nav:handoff_code_0").label == WORDS.code_input
    assert at.text_input(key="nav:handoff_code_0").proto.autocomplete == "off"  # a code is answers


def test_a_typed_code_opens_the_answers_in_this_session_only():
    answers = persona_answers(PACK, "james_blood_pressure")
    weighing = Deliberation(leaning=PACK.deliberation.leaning.choices[0].value, own_questions=("Who pays?",))
    code = handoff.encode(PACK, answers, weighing, include_questions=True)
    at = fresh_clinician()
    ok(at.text_input(key="nav:handoff_code_0").input(code.lower().replace("-", " ")).run())
    ok(at.button(key="nav:handoff_open").click().run())
    kept = at.session_state[SESSION]
    assert kept.answers == answers
    assert kept.deliberation.own_questions == ("Who pays?",)
    assert at.header[0].value == WORDS.key_points_title
    assert checklist(at)[WORDS.checklist.aneurysm_avm].startswith(":material/flag:")
    assert checklist(at)[WORDS.checklist.hypersensitivity].startswith(":material/remove:")
    opened = WORDS.opened_at.format(source=WORDS.source_code, time="")
    assert any(c.value.startswith(opened.split(" at ")[0]) for c in at.caption)
    assert "Who pays?" in " ".join(m.value for m in at.markdown)


def test_a_mistyped_code_says_what_is_wrong_and_opens_nothing():
    code = handoff.encode(PACK, persona_answers(PACK, "maria_trd"))
    last = code[-1]
    mistyped = code[:-1] + ("0" if last != "0" else "1")
    at = fresh_clinician()
    ok(at.text_input(key="nav:handoff_code_0").input(mistyped).run())
    ok(at.button(key="nav:handoff_open").click().run())
    assert [e.value for e in at.error] == [PACK.ui.handoff.mistyped]
    assert not at.session_state[SESSION].answers.values
    ok(at.button(key="nav:handoff_open").click().run())  # the message is shown once, for that try
    assert [e.value for e in at.error] == [PACK.ui.handoff.mistyped]


def test_an_empty_code_asks_for_one():
    at = fresh_clinician()
    ok(at.button(key="nav:handoff_open").click().run())
    assert [e.value for e in at.error] == [PACK.ui.handoff.empty]


def test_the_next_patient_can_be_opened_from_the_review():
    at = clinician_with("james_blood_pressure")
    labels = [e.label for e in at.expander]
    assert WORDS.open_another in labels
    code = handoff.encode(PACK, persona_answers(PACK, "dana_crisis"))
    ok(at.text_input(key="nav:handoff_code_0").input(code).run())
    ok(at.button(key="nav:handoff_open").click().run())
    assert at.session_state[SESSION].answers == persona_answers(PACK, "dana_crisis")
    assert at.session_state[SESSION].persona is None  # no longer the fictional case
    assert "persona" not in at.query_params
    assert WORDS.crisis_shown in at.error[0].value


def to_summary(persona: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    at.query_params["mode"] = "workshop"
    at.query_params["persona"] = persona
    ok(at.run())
    while at.title[0].value != "Your summary":
        stage = at.session_state[SESSION].stage
        ok(at.button(key=f"nav:stage_next_{stage}_top").click().run())
    return at


def shown_code(at) -> str:
    """The code as a person reads and copies it: each group in a span that never wraps inside
    it, the groups split only where a line may break (<wbr>), which copies as nothing."""
    html = next(h.proto.body for h in at.get("html") if "handoff-code" in h.proto.body)
    body = html.split('class="handoff-code"', 1)[1].split(">", 1)[1].split("</p>", 1)[0]
    groups = body.split("<wbr>")
    assert all(g.startswith("<span>") and g.endswith("</span>") for g in groups), body
    assert ".handoff-code span { white-space: nowrap; }" in html
    return "".join(g.removeprefix("<span>").removesuffix("</span>") for g in groups)


def test_the_summary_shows_a_code_that_holds_the_answers_and_own_words_only_when_ticked():
    at = to_summary("james_blood_pressure")
    assert PACK.ui.handoff.section_title in [h.value for h in at.header]
    answers = at.session_state[SESSION].answers
    assert handoff.decode(PACK, shown_code(at))[0] == answers
    qr = next(h.proto.body for h in at.get("html") if "handoff-qr" in h.proto.body)
    assert 'src="data:image/png;base64,' in qr and f'alt="{PACK.ui.handoff.qr_caption}: ' in qr
    # No own words yet: nothing to ask about.
    assert not [c for c in at.checkbox if c.key == "nav:handoff_words"]
    weighing = at.session_state[SESSION].deliberation.update(own_questions=("Can I drive after?",))
    at.session_state[SESSION].deliberation = weighing
    ok(at.run())
    assert at.checkbox(key="nav:handoff_words").value is False  # off at first
    assert handoff.decode(PACK, shown_code(at))[1].own_questions == ()
    ok(at.checkbox(key="nav:handoff_words").check().run())
    assert handoff.decode(PACK, shown_code(at))[1].own_questions == ("Can I drive after?",)


def test_the_card_shows_the_persons_own_words_as_typed():
    """In the code span the summary uses: no link, maths or bold made from their words."""
    from decision_aid.exports.markdown import escape

    at = clinician_with("james_blood_pressure")
    words = ("Is $5$ a lot? See www.example.com **now**", "[me](http://x)")
    at.session_state[SESSION].deliberation = at.session_state[SESSION].deliberation.update(
        own_questions=words, own_value="*calm*"
    )
    ok(at.run())
    card = next(m.value for m in at.markdown if WORDS.questions.split("{", 1)[0] in m.value)
    assert WORDS.questions.format(questions="; ".join(escape(w) for w in words)) in card
    assert WORDS.own_value.format(text=escape("*calm*")) in card


def test_help_shown_for_an_answer_since_changed_reaches_the_clinician():
    """A red-team review answered "More than half the days", saw the crisis panel, changed the
    answer to "Not at all", and the clinician read "The aid did not show its crisis resources"."""
    from decision_aid.clinician import key_points
    from decision_aid.summary import build_summary

    at = ok(AppTest.from_file(APP, default_timeout=30).run())
    ok(at.button(key="nav:start").click().run())
    ok(at.radio(key="q:self_harm_thoughts").set_value("more_than_half").run())
    assert any(h.value.endswith(PACK.topic("crisis").title) for h in at.header)
    ok(at.radio(key="q:self_harm_thoughts").set_value("not_at_all").run())
    for step in ("next_0", "next_1", "next_2", "next_3", "check_to_results"):
        ok(at.button(key=f"nav:{step}").click().run())
    while at.title[0].value != "Your summary":
        stage = at.session_state[SESSION].stage
        ok(at.button(key=f"nav:stage_next_{stage}_top").click().run())
    assert not any(h.value.endswith(PACK.topic("crisis").title) for h in at.header)  # the answer now
    answers, weighing = handoff.decode(PACK, shown_code(at))
    note = key_points(PACK, build_summary(PACK, answers, weighing))
    assert note.crisis.flag_text == WORDS.crisis_shown_earlier

"""The clinician's key points and record note (issue 16): what the person said about each
label item, item 9 with its score, follow-ups, and a note of 8-20 lines with no verdict."""

import datetime
import re

import pytest
from hypothesis import HealthCheck, given, settings

from decision_aid import clinician
from decision_aid.answers import parse_answers
from decision_aid.content import load_pack
from decision_aid.deliberation import Deliberation
from decision_aid.personas import persona_answers
from decision_aid.summary import build_summary
from tests.unit.strategies import PACK, answer_sets, deliberations

WHEN = datetime.datetime(2026, 12, 3, 9, 45)
PERSONAS = [p.id for p in PACK.personas.personas]
VERDICT = re.compile(
    r"\b(eligible|ineligible|safe|unsafe|ok|okay|candidate|recommend\w*|suitable|cleared)\b", re.I
)


def aids_own_words(note: str, summary) -> str:
    """The note less the questions the person brings ("How can we keep me safe...?") and their
    own words: those ask, or say anything; the rest must hold no verdict."""
    for text in (*summary.questions, summary.own_value):
        note = note.replace(text, "") if text else note
    return note


def points_for(persona: str, deliberation: Deliberation | None = None) -> clinician.KeyPoints:
    return clinician.key_points(PACK, build_summary(PACK, persona_answers(PACK, persona), deliberation))


def status(points: clinician.KeyPoints) -> dict[str, str]:
    return {entry.id: entry.status for entry in points.checklist}


def test_every_checklist_item_asks_a_real_question_and_values():
    for item in clinician.CHECKLIST:
        for question_id, values in (*item.reported, *item.open):
            assert values <= set(PACK.questionnaire.by_id[question_id].values), item.id
    assert [i.id for i in clinician.CHECKLIST] == [
        "aneurysm_avm",
        "intracerebral_haemorrhage",
        "hypersensitivity",
        "substance_use",
        "respiratory_depression",
        "suicidality_young",
        "blood_pressure",
        "heart_brain",
        "pregnancy",
        "psychosis",
        "cystitis",
        "cns_depressants",
        "blood_pressure_medicines",
        "hepatic",
        "lactation",
        "pediatric",
        "geriatric",
    ]
    categories = {i.id: i.category for i in clinician.CHECKLIST}
    assert {k for k, v in categories.items() if v == "contraindication"} == {
        "aneurysm_avm",
        "intracerebral_haemorrhage",
        "hypersensitivity",
    }
    assert categories["pregnancy"] != "contraindication"  # the label: "not recommended"
    assert categories["substance_use"] == "boxed_warning"
    # clinical-facts 13.4: respiratory depression is in the boxed warning now; 4.3: cystitis
    # is a warning; 4.5: sedating medicines, stimulants and MAOIs are drug interactions;
    # 4.4 and 13.4: older adults and hepatic impairment are specific populations
    assert categories["respiratory_depression"] == "boxed_warning"
    assert categories["cystitis"] == categories["heart_brain"] == "warning"
    assert categories["cns_depressants"] == categories["blood_pressure_medicines"] == "interaction"
    assert categories["suicidality_young"] == "boxed_warning"  # 4.1; the excess is in the young (13.3)
    assert {categories[i] for i in ("hepatic", "lactation", "pediatric", "geriatric")} == {"population"}


def test_every_answer_a_patient_note_calls_a_label_item_is_on_the_checklist():
    """What the patient's screen shows as a label warning, the clinician's checklist reports
    too (the UX review found Sam's bladder and Ruth's sleep apnea missing from the note)."""
    sam = status(points_for("sam_psychosis_substance"))
    assert sam["cystitis"] == "reported"
    ruth = points_for("ruth_older_adult")
    found = status(ruth)
    assert found["respiratory_depression"] == found["cns_depressants"] == found["geriatric"] == "reported"
    assert found["blood_pressure_medicines"] == found["hepatic"] == "denied"
    age = next(e for e in ruth.checklist if e.id == "geriatric")
    assert age.answers == ("Age: 65 or older",) and age.brief.startswith("Age: 65 or older →")
    alex = status(points_for("alex_under_18"))
    assert (
        alex["pediatric"] == alex["suicidality_young"] == "reported"
    )  # a clinical review: the boxed warning
    assert status(points_for("maria_trd"))["pediatric"] == "denied"
    for entry in points_for("maria_trd").checklist:
        assert entry.status == "denied", entry.id
        assert entry.answers == ()  # a denied item names no answer ("denied (18 to 64)" read as a finding)


def test_james_blood_pressure_and_aneurysm_are_reported():
    points = points_for("james_blood_pressure")
    found = status(points)
    assert found["blood_pressure"] == "reported"
    assert found["aneurysm_avm"] == "reported"
    assert found["intracerebral_haemorrhage"] == "denied"
    bp = next(e for e in points.checklist if e.id == "blood_pressure")
    assert bp.answers == ("Blood pressure: High, and not under control",)  # the question says what "High" is
    assert "High, and not under control" in bp.text and PACK.ui.clinician.category.warning in bp.text
    assert points.crisis.score == 0 and not points.crisis.flagged


def test_dana_item_nine_score_and_crisis_flag():
    points = points_for("dana_crisis")
    assert points.crisis.flagged
    assert points.crisis.answer == "scored" and points.crisis.score == 2
    assert "item 9" in points.crisis.text and "score 2" in points.crisis.text
    assert points.crisis.flag_text == PACK.ui.clinician.crisis_shown
    # the safety question is kept among the questions to ask whenever the crisis part shows
    assert points.questions[0] == next(
        p.text for p in PACK.deliberation.questions.items if p.id == "keep_safe"
    )


@pytest.mark.parametrize(
    ("value", "answer", "score"),
    [
        ("not_at_all", "scored", 0),
        ("several_days", "scored", 1),
        ("more_than_half", "scored", 2),
        ("nearly_every_day", "scored", 3),
        ("prefer_not_to_say", "declined", None),
        (None, "not_answered", None),
    ],
)
def test_item_nine_is_scored_or_said_declined_or_not_answered(answers, value, answer, score):
    given_answers = answers(self_harm_thoughts=value) if value else answers()
    points = clinician.key_points(PACK, build_summary(PACK, given_answers))
    assert (points.crisis.answer, points.crisis.score) == (answer, score)
    assert points.crisis.flagged is (value != "not_at_all")


def test_statuses_reported_denied_not_sure_not_answered(answers):
    summary = build_summary(
        PACK,
        answers(
            self_harm_thoughts="not_at_all",
            vascular_conditions=["unsure"],
            psychosis="no",
            substance_use=["ketamine_nonmedical"],
            blood_pressure="unsure",
        ),
    )
    found = status(clinician.key_points(PACK, summary))
    assert found["aneurysm_avm"] == "not_sure"
    assert found["intracerebral_haemorrhage"] == "not_sure"
    assert found["psychosis"] == "denied"
    assert found["substance_use"] == "reported"
    assert found["blood_pressure"] == "not_sure"
    assert found["hypersensitivity"] == "not_answered"
    assert found["pregnancy"] == found["lactation"] == "not_answered"


def test_skipped_and_not_sure_items_are_follow_ups(answers):
    summary = build_summary(PACK, answers(self_harm_thoughts="not_at_all", bipolar="unsure"))
    points = clinician.key_points(PACK, summary)
    reasons = {f.question: f.reason for f in points.follow_ups}
    assert reasons["bipolar"] == "not_sure"
    assert reasons["blood_pressure"] == "skipped"
    assert "adequate_trial" not in reasons  # hidden until antidepressants are tried: not a follow-up
    order = [q.id for q in PACK.questionnaire.questions]
    assert [f.question for f in points.follow_ups] == sorted(reasons, key=order.index)
    assert "Blood pressure (skipped)" in points.follow_up_text


def test_dana_not_sure_answers_are_follow_ups():
    points = points_for("dana_crisis")
    assert {f.question for f in points.follow_ups if f.reason == "not_sure"} >= {"bipolar"}


def test_the_note_names_every_note_the_patient_was_shown():
    """Stroke, heart disease and bipolar disorder are flagged to the patient but are not label
    items: the note said "Denied" to all 13 and nothing of them (a second review)."""
    answers = persona_answers(PACK, "maria_trd").with_answer(
        "vascular_conditions", ("stroke", "heart_disease")
    )
    summary = build_summary(PACK, answers.with_answer("bipolar", "yes"))
    note = clinician.record_note(PACK, summary, WHEN)
    titles = [shown.topic.title for shown in summary.considerations]
    assert titles and all(title in note for title in titles)
    line = next(line for line in note.splitlines() if titles[0] in line)
    assert line.startswith(PACK.ui.clinician.shown_notes.format(titles=""))
    assert [line.index(title) for title in titles] == sorted(line.index(title) for title in titles)
    calm = build_summary(PACK, persona_answers(PACK, "leo_first_episode"))
    if not calm.considerations:
        assert PACK.ui.clinician.shown_notes_none in clinician.record_note(PACK, calm, WHEN)


def test_history_in_one_line():
    points = points_for("maria_trd")
    assert "\n" not in points.history
    assert "Three or more" in points.history
    for question in clinician.HISTORY:
        assert PACK.questionnaire.by_id[question]  # ids still asked


def test_history_says_when_a_question_does_not_apply(answers):
    summary = build_summary(PACK, answers(self_harm_thoughts="not_at_all", antidepressants_tried="0"))
    history = clinician.key_points(PACK, summary).history
    assert PACK.ui.clinician.does_not_apply in history  # adequate trial: hidden with none tried
    assert PACK.ui.clinician.not_answered in history  # other treatments: skipped


def test_top_values_leaning_sure_and_questions():
    deliberation = Deliberation(
        values={"cost": "very", "quick_relief": "somewhat", "avoid_needles": "very"},
        leaning="another_option",
        sure={"sure": True, "understand": False, "risks_benefits": True},
        ticked=("who_watches",),
        own_questions=("Can I bring my sister?",),
        own_value="Being there for my kids",
    )
    points = points_for("ruth_older_adult", deliberation)
    assert [v.id for v in points.top_values] == ["cost", "avoid_needles"]
    assert points.leaning == "Toward another option"
    assert "2 yes of 3 answered (4 items)" in points.sure_text
    assert points.questions[-1] == "Can I bring my sister?"
    assert "Being there for my kids" in points.own_value_text


def test_no_top_values_when_all_rated_not_important():
    points = points_for("leo_first_episode", Deliberation(values={"cost": "not_important"}))
    assert points.top_values == () and points.values_text == PACK.ui.clinician.values_none


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_note_for_each_persona(persona):
    deliberation = Deliberation(leaning="not_sure", values={"cost": "very"}, own_questions=("Will it hurt?",))
    for given_deliberation in (None, deliberation):
        summary = build_summary(PACK, persona_answers(PACK, persona), given_deliberation)
        note = clinician.record_note(PACK, summary, WHEN)
        lines = note.splitlines()
        assert 8 <= len(lines) <= 20
        assert "2026-12-03" in lines[0] and summary.content_version in lines[0]
        assert PACK.ui.app_title in lines[0]
        assert "PHQ-9 item 9" in lines[1]
        checklist = clinician.key_points(PACK, summary).checklist
        for entry in checklist:  # each item once, on its status's line: reported first
            if entry.status == "denied" and not entry.deniable:  # an age: said with the history
                assert entry.brief not in note, entry.id
                continue
            group = PACK.ui.clinician.status_title
            line = next(line for line in lines if line.startswith(f"- {getattr(group, entry.status)}: "))
            assert entry.brief in line and note.count(entry.brief) == 1, entry.id
        groups = [line.split(":")[0] for line in lines if line.startswith("- ")]
        order = ["reported", "open", "not_sure", "not_answered", "denied"]
        titles = [f"- {getattr(PACK.ui.clinician.status_title, s)}" for s in order]
        assert groups == [t for t in titles if t in groups]
        assert not VERDICT.search(aids_own_words(note, summary))
        assert "{" not in note and "}" not in note


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answer_sets(), deliberations())
def test_any_answers_give_a_note_of_8_to_20_lines_without_a_verdict(answers, deliberation):
    summary = build_summary(PACK, answers, deliberation)
    points = clinician.key_points(PACK, summary)
    assert len(points.checklist) == len(clinician.CHECKLIST)
    assert (points.crisis.flagged) is (summary.crisis is not None)
    note = clinician.record_note(PACK, summary, WHEN)
    assert 8 <= len(note.splitlines()) <= 20
    assert not VERDICT.search(aids_own_words(note, summary))


def entry(points: clinician.KeyPoints, item_id: str) -> clinician.ChecklistEntry:
    return next(e for e in points.checklist if e.id == item_id)


def test_a_stroke_leaves_a_brain_bleed_open_and_heart_or_brain_conditions_are_reported(answers):
    """A clinical review: with a stroke and heart disease reported, the note said "Denied:
    History of intracerebral haemorrhage", though the aid never asks what kind of stroke; and
    neither answer reached the checklist. The label asks for care with heart and brain
    conditions (clinical-facts 4.3). A second review: the open question is the aid's, so it is
    said so, and it is a follow-up."""
    summary = build_summary(PACK, answers(self_harm_thoughts="not_at_all", vascular_conditions=["stroke"]))
    points = clinician.key_points(PACK, summary)
    bleed = entry(points, "intracerebral_haemorrhage")
    why = PACK.ui.clinician.open_why.type_not_asked
    assert bleed.status == "open" and bleed.answers == (f"A stroke ({why})",)
    assert [f.text for f in points.follow_ups if f.reason == "open"] == [f"A stroke ({why})"]
    assert entry(points, "heart_brain").status == "reported"
    assert entry(points, "aneurysm_avm").status == "denied"
    james = points_for("james_blood_pressure")  # an aneurysm and heart disease
    assert entry(james, "heart_brain").status == "reported"
    assert entry(james, "heart_brain").answers == ("Heart disease",)
    assert entry(james, "intracerebral_haemorrhage").status == "denied"
    assert entry(points_for("maria_trd"), "heart_brain").status == "denied"


def test_a_drug_problem_now_or_in_the_past_leaves_an_interaction_open(answers):
    """The label's interactions name alcohol among the CNS depressants (clinical-facts 4.5):
    Sam reported alcohol and the note said "Denied: CNS depressants". But the question asks
    about problems "now or in the past": a second review found someone sober for years charted
    as taking a CNS depressant. Medicines taken now report it; a drug problem leaves it open."""
    why = PACK.ui.clinician.open_why.current_use_not_asked
    sam = points_for("sam_psychosis_substance")
    assert entry(sam, "cns_depressants").status == "open"
    assert entry(sam, "cns_depressants").answers == (f"Alcohol ({why})",)
    assert f"Alcohol ({why})" in [f.text for f in sam.follow_ups]

    def item(item_id, **given):
        summary = build_summary(PACK, answers(self_harm_thoughts="not_at_all", **given))
        return entry(clinician.key_points(PACK, summary), item_id)

    assert item("cns_depressants", medicines=["none"], substance_use=["opioids"]).status == "open"
    assert item("cns_depressants", medicines=["none"], substance_use=["none"]).status == "denied"
    assert item("cns_depressants", medicines=["none"]).status == "not_answered"  # alcohol was not asked about
    assert item("cns_depressants", medicines=["unsure"], substance_use=["none"]).status == "not_sure"
    both = item("cns_depressants", medicines=["opioids"], substance_use=["alcohol"])
    assert both.status == "reported" and both.answers == ("Opioid pain medicines",)
    stimulants = item("blood_pressure_medicines", medicines=["none"], substance_use=["stimulants"])
    assert stimulants.status == "open"


def test_a_denial_names_what_was_asked_not_the_drug_effect():
    """A second review: "Denied: Respiratory depression; Increases in blood pressure" says the
    patient denied effects of the drug. They denied what the aid asked about."""
    words = PACK.ui.clinician
    note = clinician.record_note(PACK, build_summary(PACK, persona_answers(PACK, "maria_trd")), WHEN)
    denied = next(line for line in note.splitlines() if line.startswith("- Denied:"))
    for item_id in ("respiratory_depression", "blood_pressure", "substance_use", "heart_brain"):
        asked, label = getattr(words.checklist_asked, item_id), getattr(words.checklist, item_id)
        assert f"{asked} → {label}" in denied, item_id


@pytest.mark.parametrize("locale", ["en", "es"])
def test_an_item_two_questions_ask_about_names_only_the_part_left_so(locale):
    """A clinician review: "Not sure: sleeping pills, benzodiazepines or opioid medicines;
    alcohol or opioid problems → CNS depressants" for a patient not sure of their medicines
    who had denied any alcohol or drug problem. Each status names only what was left so."""
    pack = load_pack(locale)
    asked = pack.ui.clinician.checklist_asked

    def brief(item_id, **given):
        summary = build_summary(
            pack, parse_answers(pack.questionnaire, {"self_harm_thoughts": "not_at_all", **given})
        )
        entry = next(e for e in clinician.key_points(pack, summary).checklist if e.id == item_id)
        return entry.status, entry.brief

    for item_id in ("cns_depressants", "blood_pressure_medicines"):
        medicines, substances = getattr(asked, item_id).medicines, getattr(asked, item_id).substance_use
        status, text = brief(item_id, medicines=["unsure"], substance_use=["none"])
        assert status == "not_sure" and medicines in text and substances not in text, text
        status, text = brief(item_id, medicines=["none"])  # the drug question skipped
        assert status == "not_answered" and substances in text and medicines not in text, text
        status, text = brief(item_id, medicines=["unsure"])  # not sure of one, the other skipped
        assert status == "not_sure" and medicines in text and substances not in text, text
        status, text = brief(item_id, medicines=["none"], substance_use=["none"])
        assert status == "denied" and text.index(medicines) < text.index(substances), text
        status, text = brief(item_id, substance_use=["none"])  # the medicines question skipped
        assert status == "not_answered" and medicines in text and substances not in text, text


@pytest.mark.parametrize("locale, word", [("en", "excipient"), ("es", "excipiente")])
def test_the_hypersensitivity_item_is_the_labels_whole_contraindication(locale, word):
    """A clinician review: the label's contraindication is hypersensitivity to esketamine,
    ketamine "or any of the excipients" (clinical-facts 4.2); the item left the last out."""
    assert word in load_pack(locale).ui.clinician.checklist.hypersensitivity


def test_breastfeeding_is_lactation_not_embryo_fetal_toxicity(answers):
    """A second review: "I am breastfeeding → Pregnancy or breastfeeding (embryo-fetal
    toxicity)". The label puts lactation under specific populations (clinical-facts 4.4)."""
    summary = build_summary(PACK, answers(self_harm_thoughts="not_at_all", pregnancy="breastfeeding"))
    points = clinician.key_points(PACK, summary)
    assert entry(points, "lactation").status == "reported" and entry(points, "pregnancy").status == "open"
    priya = points_for("priya_pregnancy")  # planning a pregnancy
    assert entry(priya, "pregnancy").status == "reported" and entry(priya, "lactation").status == "open"


@pytest.mark.parametrize("locale", ["en", "es"])
def test_the_note_says_the_patients_own_answer_before_the_label_item(locale):
    """A clinician review: "Reported: Respiratory depression (breathing problems or sleep
    apnea)" charts a diagnosis Ruth never gave; the English note also dropped Sam's "Bladder
    or urinary problems" (the Spanish kept it). The patient's words come first, always."""
    from decision_aid.content import load_pack

    pack = load_pack(locale)
    for persona, item_id in (
        ("ruth_older_adult", "respiratory_depression"),
        ("sam_psychosis_substance", "cystitis"),
    ):
        summary = build_summary(pack, persona_answers(pack, persona))
        found = entry(clinician.key_points(pack, summary), item_id)
        (said,) = found.answers
        reported = next(
            line for line in clinician.record_note(pack, summary, WHEN).splitlines() if said in line
        )
        label = getattr(pack.ui.clinician.checklist, item_id)
        assert reported.index(said) < reported.index(label), reported


def test_an_age_is_not_denied_and_is_said_once(answers):
    """'Denied: Under eighteen ... or sixty-five and older': a patient does not deny an age.
    The age group is said with the history; only an age the label names is a checklist item,
    each on its own (a second review: pediatric and geriatric use are unrelated)."""
    words = PACK.ui.clinician
    maria = build_summary(PACK, persona_answers(PACK, "maria_trd"))
    note = clinician.record_note(PACK, maria, WHEN)
    for item_id in ("pediatric", "geriatric", "suicidality_young"):
        assert getattr(words.checklist, item_id) not in note
    assert note.count("18 to 64") == 1
    ruth = build_summary(PACK, persona_answers(PACK, "ruth_older_adult"))
    reported = next(
        line
        for line in clinician.record_note(PACK, ruth, WHEN).splitlines()
        if line.startswith("- Reported:")
    )
    assert words.checklist.geriatric in reported and "65 or older" in reported
    assert words.checklist.pediatric not in reported
    skipped = build_summary(PACK, persona_answers(PACK, "maria_trd").with_answer("age_group", None))
    assert entry(clinician.key_points(PACK, skipped), "geriatric").status == "not_answered"


def test_the_safety_question_the_aid_added_is_not_charted_as_the_patients(answers):
    """Dana's note said "Patient's questions: How can we keep me safe while I decide?", which
    the aid adds whenever its crisis resources show: it reads as help-seeking she did not
    express. Ticked by the person, it is theirs."""
    keep_safe = next(p.text for p in PACK.deliberation.questions.items if p.id == "keep_safe")
    added = PACK.ui.clinician.added_by_aid
    dana = build_summary(PACK, persona_answers(PACK, "dana_crisis"))
    assert f"{keep_safe} {added}" in clinician.record_note(PACK, dana, WHEN)
    ticked = build_summary(PACK, persona_answers(PACK, "dana_crisis"), Deliberation(ticked=("keep_safe",)))
    note = clinician.record_note(PACK, ticked, WHEN)
    assert keep_safe in note and added not in note


def test_each_note_shown_carries_the_answers_that_brought_it():
    """Leo's "no ride home" showed only as the title "Getting home after a session"."""
    leo = build_summary(PACK, persona_answers(PACK, "leo_first_episode"))
    shown = next(
        line
        for line in clinician.record_note(PACK, leo, WHEN).splitlines()
        if line.startswith("Notes the aid")
    )
    assert "Getting home after a session (No)" in shown
    sam = build_summary(PACK, persona_answers(PACK, "sam_psychosis_substance"))
    assert "(Bladder or urinary problems)" not in clinician.record_note(PACK, sam, WHEN)  # the title says it


def test_an_empty_prepare_is_one_line():
    words = PACK.ui.clinician
    note = clinician.record_note(PACK, build_summary(PACK, persona_answers(PACK, "maria_trd")), WHEN)
    assert words.prepare_none in note.splitlines() and words.questions_none in note.splitlines()
    for line in (words.values_none, words.leaning_none, words.sure_none):
        assert line not in note
    some = Deliberation(leaning="not_sure")
    note = clinician.record_note(PACK, build_summary(PACK, persona_answers(PACK, "maria_trd"), some), WHEN)
    assert words.prepare_none not in note and words.values_none in note


def test_one_answer_to_the_pregnancy_question_denies_neither_of_the_others(answers):
    """It takes one answer: "I am breastfeeding" was charted "Denied: pregnant or planning a
    pregnancy" (a review), and a pregnancy would have been charted as denying breastfeeding."""
    why = PACK.ui.clinician.open_why.one_answer_only

    def item(item_id, value):
        summary = build_summary(PACK, answers(self_harm_thoughts="not_at_all", pregnancy=value))
        return entry(clinician.key_points(PACK, summary), item_id)

    assert item("lactation", "breastfeeding").status == "reported"
    pregnancy = item("pregnancy", "breastfeeding")
    assert pregnancy.status == "open" and pregnancy.answers == (
        f"Pregnancy or breastfeeding: I am breastfeeding ({why})",
    )
    assert item("pregnancy", "planning").status == "reported"
    assert item("lactation", "planning").status == "open"
    assert item("lactation", "pregnant").answers == (f"Pregnancy or breastfeeding: I am pregnant ({why})",)
    assert item("pregnancy", "none").status == "denied" and item("lactation", "none").status == "denied"


def test_the_note_gives_its_own_date_not_the_hour_it_was_opened_as_when_the_aid_was_done():
    """The note said "2026-12-06 10:29: patient completed the aid", the minute the clinician
    opened the answers, by the server's clock and with no time zone (a review)."""
    for pack in (PACK, load_pack("es")):
        summary = build_summary(pack, persona_answers(pack, "maria_trd"))
        first = clinician.record_note(pack, summary, WHEN).splitlines()[0]
        assert "2026-12-03" in first and "09:45" not in first and "9:45" not in first

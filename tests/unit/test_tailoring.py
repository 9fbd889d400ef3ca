import pytest

from decision_aid.answers import Answers
from decision_aid.summary import build_summary

# Every history answer that changes the picture, and the consideration it must bring up.
CASES = [
    ({"blood_pressure": "high_uncontrolled"}, "blood_pressure"),
    ({"blood_pressure": "high_controlled"}, "blood_pressure"),
    ({"vascular_conditions": ["aneurysm"]}, "aneurysm_avm_brain_bleed"),
    ({"vascular_conditions": ["avm"]}, "aneurysm_avm_brain_bleed"),
    ({"vascular_conditions": ["brain_bleed"]}, "aneurysm_avm_brain_bleed"),
    ({"vascular_conditions": ["stroke"]}, "heart_and_stroke"),
    ({"vascular_conditions": ["heart_disease"]}, "heart_and_stroke"),
    ({"psychosis": "yes"}, "psychosis"),
    ({"bipolar": "yes"}, "bipolar"),
    ({"substance_use": ["alcohol"]}, "substance_use"),
    ({"substance_use": ["opioids"]}, "substance_use"),
    ({"substance_use": ["ketamine_nonmedical"]}, "ketamine_nonmedical"),
    ({"pregnancy": "pregnant"}, "pregnancy"),
    ({"pregnancy": "planning"}, "pregnancy"),
    ({"pregnancy": "breastfeeding"}, "breastfeeding"),
    ({"age_group": "under_18"}, "under_18"),
    ({"age_group": "65_plus"}, "age_65_plus"),
    ({"other_conditions": ["bladder"]}, "bladder"),
    ({"other_conditions": ["liver"]}, "liver"),
    ({"other_conditions": ["breathing_or_sleep_apnea"]}, "breathing"),
    ({"medicines": ["benzodiazepines_or_sleep"]}, "sedating_medicines"),
    ({"medicines": ["opioids"]}, "sedating_medicines"),
    ({"medicines": ["stimulants"]}, "blood_pressure_medicines"),
    ({"medicines": ["maoi"]}, "blood_pressure_medicines"),
    ({"antidepressants_tried": "0"}, "few_antidepressants"),
    ({"antidepressants_tried": "1"}, "few_antidepressants"),
    ({"antidepressants_tried": "1", "adequate_trial": "no"}, "adequate_trial"),
    ({"other_treatments": ["tms", "ketamine_or_esketamine"]}, "had_ketamine_before"),
    ({"depression_diagnosed": "unsure"}, "diagnosis"),
    ({"transport": "no"}, "getting_home"),
    ({"clinic_time": "no"}, "time_for_treatment"),
    ({"clinic_time": "maybe"}, "time_for_treatment"),
    ({"insurance": "no"}, "cost_and_coverage"),
    ({"concerns": ["cost"]}, "cost_and_coverage"),
    ({"concerns": ["dissociation"]}, "feeling_strange_worry"),
    ({"concerns": ["needles"]}, "needles_and_sprays"),
    ({"concerns": ["addiction"]}, "substance_use"),
]


def shown(pack, answers):
    return {s.topic.id: s for s in build_summary(pack, answers).body}


@pytest.mark.parametrize(("given", "topic_id"), CASES, ids=[t for _, t in CASES])
def test_each_history_answer_brings_its_consideration_with_a_reason(pack, answers, given, topic_id):
    topics = shown(pack, answers(**given))
    assert topic_id in topics
    reasons = topics[topic_id].reasons
    assert reasons, "a tailored topic must say why it is shown"
    for reason in reasons:
        assert reason.question in given
        assert reason.text.startswith("You told us ")
        value = given[reason.question]
        assert reason.answer == value or reason.answer in value


def test_reassuring_answers_bring_no_consideration(pack, answers):
    calm = answers(
        self_harm_thoughts="not_at_all",
        depression_diagnosed="yes",
        antidepressants_tried="3_or_more",
        adequate_trial="yes",
        bipolar="no",
        psychosis="no",
        blood_pressure="normal",
        vascular_conditions=["none"],
        substance_use=["none"],
        pregnancy="none",
        other_conditions=["none"],
        medicines=["none"],
        age_group="18_to_64",
        transport="yes",
        clinic_time="yes",
        insurance="yes",
        concerns=["none"],
    )
    # Every answer counts: how many medicines were tried always brings its note on where the
    # person sits relative to the trials; nothing else does.
    notes = [s.topic.id for s in build_summary(pack, calm).body if s.topic.kind == "consideration"]
    assert notes == ["two_or_more_antidepressants"]


def test_with_no_answers_only_general_topics_show(pack):
    topics = build_summary(pack, Answers()).body
    assert topics and all(not s.reasons and s.topic.show_when is None for s in topics)


def test_general_topics_come_in_the_journey_order(pack):
    journey = ["crisis", "context", "benefit", "risk", "consideration", "route", "option", "next_step"]
    kinds = [s.topic.kind for s in build_summary(pack, Answers()).topics]
    assert kinds == sorted(kinds, key=journey.index)
    body = [s.topic.kind for s in build_summary(pack, Answers()).body]
    assert body[0] == "context" and body[-1] == "option"


def test_hidden_follow_up_answers_do_not_tailor(pack, answers):
    stale = answers(antidepressants_tried="1", adequate_trial="no").with_answer(
        "antidepressants_tried", "3_or_more"
    )
    assert "adequate_trial" in shown(pack, stale)
    hidden = stale.with_answer("antidepressants_tried", "0")
    assert "adequate_trial" not in shown(pack, hidden)


def test_summary_lists_answers_with_their_labels(pack, answers):
    summary = build_summary(pack, answers(self_harm_thoughts="not_at_all", concerns=["cost", "needles"]))
    told = {a.id: a.labels for a in summary.answered}
    assert told == {"self_harm_thoughts": ("Not at all",), "concerns": ("Cost", "Needles")}
    assert summary.content_version == pack.info.version

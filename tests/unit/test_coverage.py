"""Every answer counts: ``check`` reports a 'said' answer, or a whole question, that nothing uses."""

import pytest
from pydantic import TypeAdapter

from decision_aid.conditions import Condition
from decision_aid.content import load_pack, read_pack
from decision_aid.content.coverage import answers_used, used_answers
from tests.unit.test_content import edit, problems_for


def cond(data) -> Condition:
    return TypeAdapter(Condition).validate_python(data)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"question": "blood_pressure", "operator": "=", "answer": "normal"}, {"normal"}),
        (
            {"question": "blood_pressure", "operator": "!=", "answer": "normal"},
            {"high_controlled", "high_uncontrolled", "unsure"},
        ),
        ({"question": "transport", "operator": "in", "answer": ["no", "unsure"]}, {"no", "unsure"}),
        ({"question": "antidepressants_tried", "operator": "<", "answer": "1"}, {"0"}),
        ({"question": "antidepressants_tried", "operator": "<=", "answer": "1"}, {"0", "1"}),
        ({"question": "antidepressants_tried", "operator": ">", "answer": "2"}, {"3_or_more"}),
        ({"question": "antidepressants_tried", "operator": ">=", "answer": "2"}, {"2", "3_or_more"}),
        # multi-choice: each answer on its own, as a list of one
        ({"question": "concerns", "operator": "=", "answer": "cost"}, {"cost"}),
        (
            {"question": "other_conditions", "operator": "!=", "answer": "none"},
            {"bladder", "liver", "breathing_or_sleep_apnea", "ketamine_allergy"},
        ),
        # true for every answer (or for none): singles no answer out
        ({"question": "transport", "operator": "exists", "answer": True}, set()),
        ({"question": "transport", "operator": "exists", "answer": False}, set()),
        ({"question": "transport", "operator": "in", "answer": ["yes", "no", "unsure"]}, set()),
        # "not" turns a clause around: the answers it now lets through are the used ones
        ({"not": {"question": "transport", "operator": "=", "answer": "yes"}}, {"no", "unsure"}),
        ({"not": {"not": {"question": "transport", "operator": "=", "answer": "yes"}}}, {"yes"}),
        ({"not": {"question": "transport", "operator": "exists", "answer": True}}, set()),
    ],
)
def test_a_clause_uses_the_answers_that_satisfy_it_alone(pack, data, expected):
    assert answers_used(cond(data), pack.questionnaire) == (
        {data_question(data): expected} if expected else {}
    )


def data_question(data) -> str:
    while "not" in data:
        data = data["not"]
    return data["question"]


def test_groups_add_up_the_answers_each_clause_uses(pack):
    condition = cond(
        {
            "all": [
                {"question": "clinic_time", "operator": "=", "answer": "no"},
                {
                    "any": [
                        {"question": "concerns", "operator": "in", "answer": ["cost", "needles"]},
                        {"not": {"question": "insurance", "operator": "!=", "answer": "no"}},
                    ]
                },
            ]
        }
    )
    assert answers_used(condition, pack.questionnaire) == {
        "clinic_time": {"no"},
        "concerns": {"cost", "needles"},
        "insurance": {"no"},
    }


def test_the_shipped_pack_uses_its_topic_question_and_prompt_conditions(pack):
    used = used_answers(pack)
    assert used["other_conditions"] == {
        "bladder",
        "liver",
        "breathing_or_sleep_apnea",
        "ketamine_allergy",
    }  # topics
    assert {"1", "2", "3_or_more"} <= used["antidepressants_tried"]  # the question adequate_trial
    assert used["transport"] == {"no", "unsure"}


def test_a_said_answer_that_nothing_uses_is_reported(pack_copy):
    place = ("PACK_036", "questionnaire.yaml", "depression_diagnosed", "choices > unsure > said")
    assert place not in problems_for(pack_copy)
    edit(
        pack_copy / "en" / "topics" / "consider_not_diagnosed.md",
        'answer: ["no", unsure]}',
        'answer: ["no"]}',
    )
    _, problems = read_pack("en", pack_copy)
    [problem] = [p for p in problems if p.place == place]
    assert "choice 'unsure' of question 'depression_diagnosed' has a 'said' phrase but no topic" in str(
        problem
    )
    assert [p for p in problems if p.entry == "depression_diagnosed"] == [problem]
    # A gap in the tailoring, not a fault in what is shown: check fails, the app still loads.
    assert load_pack("en", pack_copy).topic("diagnosis").show_when is not None


def test_a_question_none_of_whose_answers_counts_is_reported(pack_copy):
    assert not [p for p in problems_for(pack_copy) if p[2] == "depression_diagnosed"]
    edit(
        pack_copy / "en" / "topics" / "consider_not_diagnosed.md",
        'show_when: {question: depression_diagnosed, operator: in, answer: ["no", unsure]}',
        "show_when: {question: depression_diagnosed, operator: exists, answer: true}",
    )
    found = [p for p in problems_for(pack_copy) if p[2] == "depression_diagnosed"]
    # "exists" holds for every answer, so it uses none; each 'said' answer is listed as well.
    assert found == [
        ("PACK_037", "questionnaire.yaml", "depression_diagnosed", "choices"),
        ("PACK_036", "questionnaire.yaml", "depression_diagnosed", "choices > no > said"),
        ("PACK_036", "questionnaire.yaml", "depression_diagnosed", "choices > unsure > said"),
    ]


def test_the_crisis_rule_uses_the_safety_answers(pack_copy):
    edit(
        pack_copy / "en" / "deliberation.yaml",
        '      show_when: {question: self_harm_thoughts, operator: "!=", answer: not_at_all}\n',
        "",
    )
    pack, problems = read_pack("en", pack_copy)
    assert pack is not None
    assert used_answers(pack)["self_harm_thoughts"] == {
        "several_days",
        "more_than_half",
        "nearly_every_day",
        "prefer_not_to_say",
    }
    assert not [p for p in problems if p.entry == "self_harm_thoughts"]


def test_coverage_is_judged_only_on_an_otherwise_sound_pack(pack_copy):
    # The liver topic's condition names a value that does not exist: that is the one
    # problem, not also "nothing uses the answer liver".
    edit(pack_copy / "en" / "topics" / "consider_liver.md", "answer: liver}", "answer: kidney}")
    assert [p[0] for p in problems_for(pack_copy)] == ["PACK_022"]

from decision_aid import flow
from decision_aid.answers import Answers


def ids(questions):
    return [q.id for q in questions]


def test_follow_ups_appear_only_after_an_antidepressant(pack, answers):
    q = pack.questionnaire
    history = q.sections[1]
    hidden = ids(flow.visible_questions(q, answers(antidepressants_tried="0"), history))
    assert "adequate_trial" not in hidden and "antidepressant_response" not in hidden
    assert "adequate_trial" not in ids(flow.visible_questions(q, Answers(), history))
    shown = ids(flow.visible_questions(q, answers(antidepressants_tried="1"), history))
    assert shown.index("adequate_trial") == shown.index("antidepressants_tried") + 1
    assert "antidepressant_response" in shown


def test_answers_to_hidden_questions_stop_counting_but_are_kept(pack, answers):
    q = pack.questionnaire
    given = answers(antidepressants_tried="2", adequate_trial="no")
    changed = given.with_answer("antidepressants_tried", "0")
    assert "adequate_trial" not in flow.effective_answers(q, changed)
    assert changed.get("adequate_trial") == "no"
    back = changed.with_answer("antidepressants_tried", "3_or_more")
    assert flow.effective_answers(q, back)["adequate_trial"] == "no"


def test_unanswered_lists_visible_questions_skipped(pack, answers):
    q = pack.questionnaire
    skipped = ids(flow.unanswered(q, answers(self_harm_thoughts="not_at_all", antidepressants_tried="0")))
    assert "self_harm_thoughts" not in skipped
    assert "adequate_trial" not in skipped  # hidden, so not "skipped"
    assert skipped[0] == "depression_diagnosed" and "concerns" in skipped


def test_only_the_safety_question_is_required(pack):
    q = pack.questionnaire
    assert [x.id for x in q.questions if x.required] == ["self_harm_thoughts"]
    assert ids(flow.missing_required(q, Answers(), q.sections[0])) == ["self_harm_thoughts"]
    for section in q.sections[1:]:
        assert flow.missing_required(q, Answers(), section) == []


def test_gating_questions_are_those_other_questions_depend_on(pack):
    """A question that shows or hides others: the screen reruns the whole step when it
    changes; every other question reruns only itself."""
    assert flow.gating_questions(pack.questionnaire) == {"antidepressants_tried"}


def test_changing_a_question_that_gates_nothing_never_changes_what_is_visible(pack):
    """What the screen's per-question reruns rely on, tried over every choice."""
    questionnaire = pack.questionnaire
    gating = flow.gating_questions(questionnaire)
    for question in questionnaire.questions:
        if question.id in gating:
            continue
        seen = set()
        for value in (None, *question.values):
            answer = value if question.kind != "multi" or value is None else (value,)
            shown = flow.visible_questions(questionnaire, Answers().with_answer(question.id, answer))
            seen.add(tuple(q.id for q in shown))
        assert len(seen) == 1, question.id

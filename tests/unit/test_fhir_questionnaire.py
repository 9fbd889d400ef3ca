"""The FHIR Questionnaire export against FHIR R4 (4.0.1), and its enableWhen against our conditions."""

import copy
import json

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from decision_aid import cli
from decision_aid.conditions import AllOf, AnyOf, Clause, NotExpressible, enable_when, evaluate
from decision_aid.content import load_pack, read_pack
from decision_aid.exports.fhir import _enable_when, questionnaire_resource
from tests.fhir_r4 import enabled, questionnaire_problems, response_problems, walk
from tests.unit.test_content import edit

ADEQUATE_TRIAL_WHEN = 'show_when: {question: antidepressants_tried, operator: ">=", answer: "1"}'


def find(resource: dict, link_id: str) -> dict:
    return next(item for item in walk(resource["item"]) if item["linkId"] == link_id)


def fhir_answers(answers: dict) -> dict[str, list[dict]]:
    """Our answers as the answer lists of a QuestionnaireResponse, by linkId."""
    return {
        qid: [{"valueCoding": {"code": v}} for v in (value if isinstance(value, tuple) else (value,))]
        for qid, value in answers.items()
    }


def test_the_questionnaire_is_valid_fhir_r4(pack):
    assert questionnaire_problems(questionnaire_resource(pack)) == []


@pytest.mark.parametrize(
    "change, expected",
    [
        (lambda r: r.update(status="live"), "status 'live' is not a publication status"),
        (lambda r: r.update(publisher=["not", "a", "string"]), "FHIR R4 structure"),
        (lambda r: r.pop("status"), "FHIR R4 structure"),
        (lambda r: r["item"][0]["item"][0].update(type="nonsense"), "type 'nonsense' is not an item type"),
        (lambda r: r["item"][1]["item"][1].update(linkId="self_harm_thoughts"), "que-2"),
        (lambda r: r["item"][0].update(item=[]), "que-1"),
        (lambda r: find(r, "adequate_trial").pop("enableBehavior"), "que-12"),
        (lambda r: find(r, "adequate_trial")["enableWhen"][0].update(operator="exists"), "que-7"),
        (
            lambda r: find(r, "adequate_trial")["enableWhen"][0]["answerCoding"].update(code="7"),
            "not an answerOption",
        ),
        (lambda r: find(r, "values.own").update(type="choice"), "que-10"),
    ],
)
def test_the_r4_checks_catch_what_model_validation_lets_through(pack, change, expected):
    resource = copy.deepcopy(questionnaire_resource(pack))
    change(resource)
    assert any(expected in problem for problem in questionnaire_problems(resource))


def test_fhir_r4_models_reject_elements_r4_does_not_have(pack):
    resource = copy.deepcopy(questionnaire_resource(pack))
    resource["item"][0]["answerConstraint"] = "optionsOnly"  # R5 only
    assert any("answerConstraint" in p for p in questionnaire_problems(resource))


def random_answers(pack):
    def one(question):
        if question.kind == "multi":
            return st.lists(st.sampled_from(question.values), min_size=1, unique=True).map(tuple)
        return st.sampled_from(question.values)

    return st.fixed_dictionaries({}, optional={q.id: one(q) for q in pack.questionnaire.questions})


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_enable_when_holds_exactly_when_our_condition_does(data):
    pack = load_pack("en")
    answers = data.draw(random_answers(pack))
    order = pack.questionnaire.choice_order
    resource = questionnaire_resource(pack)
    for question in pack.questionnaire.questions:
        if question.show_when is not None:
            ours = evaluate(question.show_when, answers, order)
            assert enabled(find(resource, question.id), fhir_answers(answers)) == ours, question.id


def test_not_equal_is_exported_so_that_an_unanswered_question_means_the_same(pack_copy):
    not_none = 'show_when: {question: antidepressants_tried, operator: "!=", answer: "0"}'
    edit(pack_copy / "en" / "questionnaire.yaml", ADEQUATE_TRIAL_WHEN, not_none)
    pack = load_pack("en", pack_copy)
    item = find(questionnaire_resource(pack), "adequate_trial")
    assert item["enableBehavior"] == "all"
    assert [(w["question"], w["operator"]) for w in item["enableWhen"]] == [
        ("antidepressants_tried", "exists"),
        ("antidepressants_tried", "!="),
    ]
    condition = pack.questionnaire.by_id["adequate_trial"].show_when
    for answers in ({}, {"antidepressants_tried": "0"}, {"antidepressants_tried": "2"}):
        assert enabled(item, fhir_answers(answers)) == evaluate(condition, answers), answers
    assert questionnaire_problems(questionnaire_resource(pack)) == []


@pytest.mark.parametrize(
    "condition",
    [
        'show_when: {not: {question: antidepressants_tried, operator: "=", answer: "0"}}',
        # FHIR has one enableBehavior per item: our "!=" needs "all", inside an "any" group
        'show_when: {any: [{question: antidepressants_tried, operator: "!=", answer: "0"}, {question: depression_diagnosed, operator: "=", answer: "yes"}]}',
        # "in" needs "any", inside an "all" group
        'show_when: {all: [{question: antidepressants_tried, operator: in, answer: ["1", "2"]}, {question: depression_diagnosed, operator: "=", answer: "yes"}]}',
    ],
)
def test_check_refuses_question_conditions_fhir_cannot_hold(pack_copy, condition):
    edit(pack_copy / "en" / "questionnaire.yaml", ADEQUATE_TRIAL_WHEN, condition)
    pack, problems = read_pack("en", pack_copy)
    assert [p.place for p in problems] == [("PACK_026", "questionnaire.yaml", "adequate_trial", "show_when")]
    order = {q.id: q.values for q in pack.questionnaire.questions}
    with pytest.raises(NotExpressible):
        enable_when(pack.questionnaire.by_id["adequate_trial"].show_when, order)


def test_a_not_equal_in_an_all_group_is_accepted_and_exported(pack_copy):
    condition = (
        'show_when: {all: [{question: antidepressants_tried, operator: "!=", answer: "0"},'
        ' {question: depression_diagnosed, operator: "=", answer: "yes"}]}'
    )
    edit(pack_copy / "en" / "questionnaire.yaml", ADEQUATE_TRIAL_WHEN, condition)
    pack = load_pack("en", pack_copy)
    item = find(questionnaire_resource(pack), "adequate_trial")
    assert item["enableBehavior"] == "all" and len(item["enableWhen"]) == 3


@pytest.fixture(scope="module")
def persona_responses(tmp_path_factory):
    """Each persona's QuestionnaireResponse, made the way a user makes one: through the CLI."""
    folder = tmp_path_factory.mktemp("fhir")
    responses = {}
    for persona in load_pack("en").personas.personas:
        out = folder / f"{persona.id}.json"
        assert cli.main(["summary", "--persona", persona.id, "--format", "fhir", "--out", str(out)]) == 0
        responses[persona.id] = json.loads(out.read_text(encoding="utf-8"))
    return responses


def test_every_personas_response_is_valid_r4_against_the_questionnaire(pack, persona_responses):
    questionnaire = questionnaire_resource(pack)
    assert len(persona_responses) >= 6
    for persona_id, response in persona_responses.items():
        assert response_problems(questionnaire, response) == [], persona_id


def first_answered(response: dict, link_id: str) -> dict:
    return next(item for item in walk(response["item"]) if item["linkId"] == link_id)


@pytest.mark.parametrize(
    "change, expected",
    [
        (
            lambda r: first_answered(r, "self_harm_thoughts")["answer"][0]["valueCoding"].update(
                code="often"
            ),
            "'often' is not an answerOption",
        ),
        (lambda r: r["item"][0]["item"].append(first_answered(r, "self_harm_thoughts")), "appears twice"),
        (  # adequate_trial stays answered, but its condition's question is not
            lambda r: r["item"][1].update(
                item=[i for i in r["item"][1]["item"] if i["linkId"] != "antidepressants_tried"]
            ),
            "'adequate_trial' is answered but disabled by its enableWhen",
        ),
        (lambda r: r["item"][0].update(item=[]), "required 'self_harm_thoughts' is not answered"),
        (lambda r: r["item"][0]["item"][0].update(linkId="mood"), "'mood' is not an item"),
    ],
)
def test_the_response_rules_catch_what_model_validation_lets_through(
    pack, persona_responses, change, expected
):
    response = copy.deepcopy(persona_responses["leo_first_episode"])
    change(response)
    assert any(expected in problem for problem in response_problems(questionnaire_resource(pack), response))


@pytest.fixture
def content_root(monkeypatch, pack_copy):
    """Point the CLI's default content folder at a copy; forget cached packs either side."""
    import decision_aid.content as content

    load_pack.cache_clear()
    monkeypatch.setattr(content, "CONTENT_ROOT", pack_copy)
    yield pack_copy
    load_pack.cache_clear()


def test_questionnaire_command_reports_a_not_condition_instead_of_a_traceback(content_root, capsys):
    not_zero = 'show_when: {not: {question: antidepressants_tried, operator: "=", answer: "0"}}'
    edit(content_root / "en" / "questionnaire.yaml", ADEQUATE_TRIAL_WHEN, not_zero)
    assert cli.main(["questionnaire", "--format", "fhir"]) == cli.EXIT_PACK
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "questionnaire.yaml: adequate_trial > show_when: FHIR enableWhen has no 'not'" in captured.err
    assert "[PACK_026]" in captured.err


ORDINAL = ("<", "<=", ">", ">=")


@st.composite
def clauses(draw, pack):
    question = draw(st.sampled_from(pack.questionnaire.questions))
    ordered = question.id in pack.questionnaire.choice_order  # check refuses "<" ... elsewhere
    operators = ["=", "!=", "in", "exists"] + (list(ORDINAL) if ordered else [])
    operator = draw(st.sampled_from(operators))
    if operator == "exists":
        answer = draw(st.booleans())
    elif operator == "in":
        answer = tuple(draw(st.lists(st.sampled_from(question.values), min_size=1, max_size=3, unique=True)))
    else:
        answer = draw(st.sampled_from(question.values))
    return Clause(question=question.id, operator=operator, answer=answer)


def conditions(pack):
    clause = clauses(pack)
    groups = st.lists(clause, min_size=1, max_size=3).map(tuple)
    return st.one_of(clause, groups.map(lambda c: AllOf(all=c)), groups.map(lambda c: AnyOf(any=c)))


@settings(max_examples=400, deadline=None)
@given(data=st.data())
def test_any_condition_the_export_accepts_means_in_fhir_what_it_means_here(data):
    # Beyond the pack's own conditions: every operator, group and unanswered case.
    pack = load_pack("en")
    condition = data.draw(conditions(pack))
    try:
        checks, behavior = _enable_when(pack, condition)
    except NotExpressible:
        assume(False)
    item = {"enableWhen": checks, "enableBehavior": behavior}
    answers = data.draw(random_answers(pack))
    ours = evaluate(condition, answers, pack.questionnaire.choice_order)
    assert enabled(item, fhir_answers(answers)) == ours, (condition, answers)

"""The QuestionnaireResponse as a FHIR validator reads it: its status, which items may hold
answers, unique linkIds, and one serialisation for the app and the CLI."""

import datetime
import json

from hypothesis import HealthCheck, given, settings

from decision_aid.exports.fhir import questionnaire_resource, questionnaire_response, to_json
from decision_aid.summary import build_summary
from tests.unit.strategies import PACK, answer_sets, deliberations

QUESTIONNAIRE = questionnaire_resource(PACK)


def test_status_is_in_progress_while_a_required_question_is_unanswered(pack, answers):
    without_safety = questionnaire_response(pack, build_summary(pack, answers(age_group="65_plus")))
    assert without_safety["status"] == "in-progress"
    with_safety = build_summary(pack, answers(self_harm_thoughts="several_days", age_group="65_plus"))
    assert with_safety.unanswered  # optional questions skipped do not hold it open
    assert questionnaire_response(pack, with_safety)["status"] == "completed"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answer_sets(), deliberations())
def test_only_enabled_items_hold_answers_and_each_link_id_once(answers, deliberation):
    response = questionnaire_response(PACK, build_summary(PACK, answers, deliberation))
    items = list(_walk(response["item"], parent=None))
    link_ids = [item["linkId"] for item, _ in items]
    assert len(link_ids) == len(set(link_ids))
    definitions = dict(_definitions(QUESTIONNAIRE["item"], parent=None))
    given_answers = {item["linkId"]: item["answer"] for item, _ in items if "answer" in item}
    for item, parent in items:
        definition, defined_parent = definitions[item["linkId"]]
        assert parent == defined_parent, f"{item['linkId']} sits under {parent}, not {defined_parent}"
        if "answer" in item:
            assert _enabled(definition, given_answers), f"{item['linkId']} is disabled but answered"
            assert definition.get("repeats") or len(item["answer"]) == 1


def test_to_json_keeps_every_character_and_ends_with_a_newline(pack, answers):
    summary = build_summary(pack, answers(self_harm_thoughts="not_at_all"))
    summary = summary.model_copy(update={"own_questions": ("Can my daughter come — and stay?",)})
    text = to_json(
        questionnaire_response(pack, summary, authored=datetime.datetime(2026, 11, 28, tzinfo=datetime.UTC))
    )
    assert "Can my daughter come — and stay?" in text and text.endswith("}\n")
    assert json.loads(text)["item"][-1]["item"][-1]["answer"][0]["valueString"] == summary.own_questions[0]


def _walk(items, parent):
    for item in items:
        yield item, parent
        yield from _walk(item.get("item", []), item["linkId"])


def _definitions(items, parent):
    for item in items:
        yield item["linkId"], (item, parent)
        yield from _definitions(item.get("item", []), item["linkId"])


def _enabled(definition: dict, given: dict) -> bool:
    """FHIR enableWhen on the response's answers (the operators the Questionnaire uses)."""
    checks = definition.get("enableWhen", [])
    if not checks:
        return True
    results = []
    for check in checks:
        codes = {a["valueCoding"]["code"] for a in given.get(check["question"], []) if "valueCoding" in a}
        if check["operator"] == "exists":
            results.append((check["question"] in given) is check["answerBoolean"])
        elif check["operator"] == "=":
            results.append(check["answerCoding"]["code"] in codes)
        elif check["operator"] == "!=":
            results.append(check["answerCoding"]["code"] not in codes)
        else:
            raise AssertionError(f"this test does not know enableWhen operator {check['operator']!r}")
    return any(results) if definition.get("enableBehavior") == "any" else all(results)

"""FHIR R4 (4.0.1) checks for the exports, offline.

Structure: fhirclient 4.3.1's models, generated from the FHIR 4.0.1 StructureDefinitions,
reject unknown elements, wrong types and missing required elements. fhir.resources 7 and
later ship only R4B and R5; 6.x ships R4 but cannot sit beside 8.x in one environment, and
the HL7 Java validator cannot be downloaded here. So the rest is written out below: the R4
value sets these resources use, the Questionnaire invariants que-1 to que-12 that apply
to them, and the QuestionnaireResponse rules a validator checks against its Questionnaire
(answers within answerOption, no answers to disabled items, linkIds where the
Questionnaire has them). Each function returns readable problems; empty means valid.
"""

from __future__ import annotations

from collections.abc import Iterator

from fhirclient.models.fhirabstractbase import FHIRValidationError
from fhirclient.models.questionnaire import Questionnaire
from fhirclient.models.questionnaireresponse import QuestionnaireResponse

# R4 value sets (required bindings) for the codes these resources use.
PUBLICATION_STATUS = {"draft", "active", "retired", "unknown"}
ITEM_TYPES = {
    "group", "display", "question", "boolean", "decimal", "integer", "date", "dateTime", "time",
    "string", "text", "url", "choice", "open-choice", "attachment", "reference", "quantity",
}  # fmt: skip
OPERATORS = {"exists", "=", "!=", ">", "<", ">=", "<="}
BEHAVIORS = {"all", "any"}
RESPONSE_STATUS = {"in-progress", "completed", "amended", "entered-in-error", "stopped"}
ANSWER_TYPES = {"choice", "open-choice"}
MAX_LENGTH_TYPES = {"boolean", "decimal", "integer", "string", "text", "url", "open-choice"}


def walk(items: list[dict]) -> Iterator[dict]:
    for item in items:
        yield item
        yield from walk(item.get("item", []))


def questionnaire_problems(resource: dict) -> list[str]:
    problems = _model_problems(Questionnaire, resource)
    if resource.get("status") not in PUBLICATION_STATUS:
        problems.append(f"status {resource.get('status')!r} is not a publication status")
    items = list(walk(resource.get("item", [])))
    link_ids = [item["linkId"] for item in items]
    problems += [
        f"que-2: linkId {i!r} is not unique" for i in sorted({i for i in link_ids if link_ids.count(i) > 1})
    ]
    by_id = {item["linkId"]: item for item in items}
    for item in items:
        problems += _item_problems(item, by_id, link_ids)
    return problems


def _item_problems(item: dict, by_id: dict[str, dict], order: list[str]) -> list[str]:
    link, kind = item["linkId"], item.get("type")
    problems = []
    if kind not in ITEM_TYPES:
        problems.append(f"{link}: type {kind!r} is not an item type")
    if kind == "group" and not item.get("item"):
        problems.append(f"que-1: group {link!r} has no items")
    if kind == "display" and item.get("item"):
        problems.append(f"que-1: display item {link!r} has items")
    if "answerOption" in item and kind not in ANSWER_TYPES:
        problems.append(f"que-5: {link!r} has answerOption but is not a choice")
    if kind == "display" and ("required" in item or "repeats" in item):
        problems.append(f"que-6: display item {link!r} is required or repeats")
    if "maxLength" in item and kind not in MAX_LENGTH_TYPES:
        problems.append(f"que-10: {link!r} has maxLength but is a {kind}")
    enable = item.get("enableWhen", [])
    if len(enable) > 1 and item.get("enableBehavior") not in BEHAVIORS:
        problems.append(f"que-12: {link!r} has several enableWhen and no enableBehavior")
    for check in enable:
        problems += _enable_when_problems(link, check, by_id, order)
    return problems


def _enable_when_problems(link: str, check: dict, by_id: dict[str, dict], order: list[str]) -> list[str]:
    operator, target = check.get("operator"), by_id.get(check.get("question"))
    answers = [key for key in check if key.startswith("answer")]
    if operator not in OPERATORS:
        return [f"{link}: enableWhen operator {operator!r} is not an enable operator"]
    if target is None:
        return [f"{link}: enableWhen names no item {check.get('question')!r}"]
    problems = []
    if order.index(target["linkId"]) >= order.index(link):
        problems.append(f"{link}: enableWhen names an item that comes later")
    if len(answers) != 1:
        problems.append(f"{link}: enableWhen needs exactly one answer[x]")
    if operator == "exists" and answers != ["answerBoolean"]:
        problems.append(f"que-7: {link}: 'exists' takes answerBoolean")
    if "answerCoding" in check and not _in_options(check["answerCoding"], target):
        problems.append(
            f"{link}: enableWhen code {check['answerCoding'].get('code')!r} is not an answerOption"
        )
    return problems


def _in_options(coding: dict, item: dict) -> bool:
    wanted = (coding.get("system"), coding.get("code"))
    return wanted in {
        (o["valueCoding"]["system"], o["valueCoding"]["code"]) for o in item.get("answerOption", [])
    }


def response_problems(questionnaire: dict, response: dict) -> list[str]:
    """A QuestionnaireResponse against the Questionnaire it names."""
    problems = _model_problems(QuestionnaireResponse, response)
    if response.get("status") not in RESPONSE_STATUS:
        problems.append(f"status {response.get('status')!r} is not a response status")
    defined = {item["linkId"]: item for item in walk(questionnaire["item"])}
    answered = {item["linkId"]: item.get("answer", []) for item in walk(response.get("item", []))}
    link_ids = [item["linkId"] for item in walk(response.get("item", []))]
    problems += [
        f"linkId {i!r} appears twice" for i in sorted({i for i in link_ids if link_ids.count(i) > 1})
    ]
    for link, answers in answered.items():
        item = defined.get(link)
        if item is None:
            problems.append(f"{link!r} is not an item of the Questionnaire")
            continue
        if len(answers) > 1 and not item.get("repeats"):
            problems.append(f"{link!r} has several answers but does not repeat")
        for answer in answers:
            if "valueCoding" in answer and not _in_options(answer["valueCoding"], item):
                problems.append(
                    f"{link!r}: code {answer['valueCoding'].get('code')!r} is not an answerOption"
                )
        if answers and not enabled(item, answered):
            problems.append(f"{link!r} is answered but disabled by its enableWhen")
    if response.get("status") == "completed":
        for item in defined.values():
            if item.get("required") and enabled(item, answered) and not answered.get(item["linkId"]):
                problems.append(f"completed, but the required {item['linkId']!r} is not answered")
    return problems


def enabled(item: dict, answered: dict[str, list[dict]]) -> bool:
    """FHIR R4 enableWhen semantics: '=' holds when some answer equals, '!=' when none does."""
    checks = item.get("enableWhen")
    if not checks:
        return True
    results = [_holds(check, answered.get(check["question"], [])) for check in checks]
    return all(results) if item.get("enableBehavior", "all") == "all" else any(results)


def _holds(check: dict, answers: list[dict]) -> bool:
    if check["operator"] == "exists":
        return bool(answers) == check["answerBoolean"]
    codes = {a["valueCoding"]["code"] for a in answers if "valueCoding" in a}
    equal = check["answerCoding"]["code"] in codes
    return equal if check["operator"] == "=" else not equal


def _model_problems(model: type, resource: dict) -> list[str]:
    try:
        model(resource, strict=True)
    except FHIRValidationError as error:
        return [f"FHIR R4 structure: {error}"]
    return []

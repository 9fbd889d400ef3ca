"""FHIR R4 Questionnaire (from the content pack) and QuestionnaireResponse (from answers).

The response points at the questionnaire by canonical URL and version, so a receiving
system can read every code. Only answers that count (visible questions) are included.
"""

from __future__ import annotations

import datetime
import json
from typing import Any

from decision_aid.conditions import Condition, EnableWhen, enable_when
from decision_aid.fields import OWN_WORDS
from decision_aid.schema import Choice, Pack, Question
from decision_aid.summary import AnsweredQuestion, Summary

DELIBERATION = "deliberation"
TRANSLATION = "http://hl7.org/fhir/StructureDefinition/translation"
# The strings a reader sees, each of which carries its translations (FHIR's translation extension).
TRANSLATED_KEYS = ("title", "description", "text", "display")


def canonical(pack: Pack) -> str:
    return f"{pack.info.fhir_canonical}|{pack.info.version}"


def _system(pack: Pack, item_id: str) -> str:
    return f"{pack.info.fhir_canonical}/answers/{item_id}"


def _coding(pack: Pack, item_id: str, choice: Choice) -> dict:
    return {"system": _system(pack, item_id), "code": choice.value, "display": choice.label}


def questionnaire_resource(pack: Pack, translations: tuple[Pack, ...] = ()) -> dict:
    """The Questionnaire in ``pack``'s language; each text also in every pack of
    ``translations`` (the same questionnaire in other words), by FHIR's translation extension."""
    # A copy through JSON: one answer scale is shared by many items, and deepcopy keeps that
    # sharing, so each option got its translation once per item that uses it (a review).
    resource = json.loads(json.dumps(_questionnaire(pack)))
    for other in translations:
        _add_translation(resource, _questionnaire(other), other.info.locale)
    return resource


def _add_translation(node: Any, other: Any, lang: str) -> None:
    """Walk two renderings of one resource side by side; where a reader's string differs,
    record the other language's words as ``_<key>`` (a primitive's extension)."""
    if isinstance(node, list):
        for mine, theirs in zip(node, other, strict=True):
            _add_translation(mine, theirs, lang)
        return
    if not isinstance(node, dict):
        return
    for key in [k for k in node if not k.startswith("_")]:
        value, theirs = node[key], other.get(key)
        if key in TRANSLATED_KEYS and isinstance(value, str) and isinstance(theirs, str) and theirs != value:
            extension = {
                "url": TRANSLATION,
                "extension": [{"url": "lang", "valueCode": lang}, {"url": "content", "valueString": theirs}],
            }
            node.setdefault(f"_{key}", {"extension": []})["extension"].append(extension)
        elif isinstance(value, (dict, list)):
            _add_translation(value, theirs, lang)


def _questionnaire(pack: Pack) -> dict:
    info = pack.info
    return {
        "resourceType": "Questionnaire",
        "id": f"ketamine-decision-aid-{info.locale}",
        "url": info.fhir_canonical,
        "version": info.version,
        "name": "KetamineDecisionAid",
        "title": pack.ui.app_title,
        "status": "active",
        "language": info.locale,
        "date": info.last_reviewed.isoformat(),
        "subjectType": ["Patient"],
        "description": info.disclaimer,
        "item": [
            {
                "linkId": section.id,
                "type": "group",
                "text": section.title,
                "item": [_question_item(pack, q) for q in section.questions],
            }
            for section in pack.questionnaire.sections
        ]
        + [_deliberation_group(pack)],
    }


def _question_item(pack: Pack, question: Question) -> dict:
    item: dict[str, Any] = {
        "linkId": question.id,
        "type": "choice",
        "text": question.text,
        "required": question.required,
        "repeats": question.kind == "multi",
        "answerOption": [{"valueCoding": _coding(pack, question.id, c)} for c in question.choices],
    }
    if question.show_when is not None:
        checks, behavior = _enable_when(pack, question.show_when)
        item["enableWhen"] = checks
        if len(checks) > 1:
            item["enableBehavior"] = behavior
    return item


def _enable_when(pack: Pack, condition: Condition) -> tuple[list[dict], str]:
    """Our condition as FHIR enableWhen, by the same function ``check`` uses to accept it."""
    order = {q.id: q.values for q in pack.questionnaire.questions}
    checks, behavior = enable_when(condition, order)
    return [_check(pack, c) for c in checks], behavior


def _check(pack: Pack, check: EnableWhen) -> dict:
    if isinstance(check.answer, bool):
        return {"question": check.question, "operator": check.operator, "answerBoolean": check.answer}
    question = pack.questionnaire.by_id[check.question]
    return {
        "question": check.question,
        "operator": check.operator,
        "answerCoding": _coding(pack, question.id, question.choice(check.answer)),
    }


def _deliberation_group(pack: Pack) -> dict:
    content = pack.deliberation
    values = content.values
    scale = [{"valueCoding": _coding(pack, "values", c)} for c in values.scale]
    items: list[dict[str, Any]] = [
        {"linkId": f"values.{item.id}", "type": "choice", "text": item.label, "answerOption": scale}
        for item in values.items
    ]
    items.append(
        {
            "linkId": f"values.{OWN_WORDS}",
            "type": "string",
            "text": values.own_label,
            "maxLength": values.own_max_chars,
        }
    )
    items.append(
        {
            "linkId": "leaning",
            "type": "choice",
            "text": content.leaning.question,
            "answerOption": [{"valueCoding": _coding(pack, "leaning", c)} for c in content.leaning.choices],
        }
    )
    items += [
        {"linkId": f"sure.{item.id}", "type": "boolean", "text": item.text} for item in content.sure.items
    ]
    items.append(
        {
            "linkId": "questions.chosen",
            "type": "choice",
            "repeats": True,
            "text": content.questions.title,
            "answerOption": [
                {"valueCoding": {"system": _system(pack, "questions"), "code": p.id, "display": p.text}}
                for p in content.questions.items
            ],
        }
    )
    items.append(
        {
            "linkId": f"questions.{OWN_WORDS}",
            "type": "string",
            "repeats": True,
            "text": content.questions.own_label,
            "maxLength": content.questions.own_max_chars,
        }
    )
    return {"linkId": DELIBERATION, "type": "group", "text": values.title, "item": items}


def to_json(resource: dict) -> str:
    """One serialisation for every FHIR download, so the app and the CLI write the same bytes."""
    return json.dumps(resource, indent=2, ensure_ascii=False) + "\n"


def questionnaire_response(pack: Pack, summary: Summary, authored: datetime.datetime | None = None) -> dict:
    """The Summary's answers and weighing as a QuestionnaireResponse. Only answers that count
    are in it, so no disabled item has an answer; it is "in-progress" while a required
    question that is showing has no answer."""
    answered = {a.id: a for a in summary.answered}
    groups = []
    for section in pack.questionnaire.sections:
        items = [_answer_item(pack, answered[q.id]) for q in section.questions if q.id in answered]
        if items:
            groups.append({"linkId": section.id, "text": section.title, "item": items})
    own = _deliberation_answers(pack, summary)
    if own:
        groups.append({"linkId": DELIBERATION, "text": pack.deliberation.values.title, "item": own})
    authored = authored or datetime.datetime.now(datetime.UTC)
    return {
        "resourceType": "QuestionnaireResponse",
        "questionnaire": canonical(pack),
        "status": "in-progress" if any(s.required for s in summary.skipped) else "completed",
        "language": pack.info.locale,
        "authored": authored.isoformat(timespec="seconds"),
        "item": groups,
    }


def _answer_item(pack: Pack, answer: AnsweredQuestion) -> dict:
    codings = (
        {"system": _system(pack, answer.id), "code": code, "display": label}
        for code, label in zip(answer.answer, answer.labels, strict=True)
    )
    return {"linkId": answer.id, "text": answer.question, "answer": [{"valueCoding": c} for c in codings]}


def _deliberation_answers(pack: Pack, summary: Summary) -> list[dict]:
    items = [
        {
            "linkId": f"values.{value.id}",
            "text": value.label,
            "answer": [
                {
                    "valueCoding": {
                        "system": _system(pack, "values"),
                        "code": value.rating,
                        "display": value.rating_label,
                    }
                }
            ],
        }
        for value in summary.values
    ]
    if summary.own_value:
        items.append({"linkId": f"values.{OWN_WORDS}", "answer": [{"valueString": summary.own_value}]})
    if summary.leaning is not None:
        items.append(
            {
                "linkId": "leaning",
                "text": pack.deliberation.leaning.question,
                "answer": [{"valueCoding": _coding(pack, "leaning", summary.leaning)}],
            }
        )
    sure = summary.sure.answers if summary.sure is not None else ()
    items += [
        {"linkId": f"sure.{a.item.id}", "text": a.item.text, "answer": [{"valueBoolean": a.yes}]}
        for a in sure
    ]
    if summary.prompts:
        items.append(
            {
                "linkId": "questions.chosen",
                "answer": [
                    {"valueCoding": {"system": _system(pack, "questions"), "code": p.id, "display": p.text}}
                    for p in summary.prompts
                ],
            }
        )
    if summary.own_questions:
        items.append(
            {
                "linkId": f"questions.{OWN_WORDS}",
                "answer": [{"valueString": q} for q in summary.own_questions],
            }
        )
    return items

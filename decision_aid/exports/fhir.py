"""FHIR R4 Questionnaire (from the content pack) and QuestionnaireResponse (from answers).

The response points at the questionnaire by canonical URL and version, so a receiving
system can read every code. Only answers that count (visible questions) are included.
"""

from __future__ import annotations

import datetime
from typing import Any

from decision_aid.answers import Answers
from decision_aid.conditions import Condition, EnableWhen, enable_when
from decision_aid.deliberation import Deliberation
from decision_aid.flow import effective_answers
from decision_aid.schema import Choice, Pack, Question

DELIBERATION = "deliberation"


def canonical(pack: Pack) -> str:
    return f"{pack.info.fhir_canonical}|{pack.info.version}"


def _system(pack: Pack, item_id: str) -> str:
    return f"{pack.info.fhir_canonical}/answers/{item_id}"


def _coding(pack: Pack, item_id: str, choice: Choice) -> dict:
    return {"system": _system(pack, item_id), "code": choice.value, "display": choice.label}


def questionnaire_resource(pack: Pack) -> dict:
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
            "linkId": "values.own",
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
            "linkId": "questions.own",
            "type": "string",
            "repeats": True,
            "text": content.questions.own_label,
            "maxLength": content.questions.own_max_chars,
        }
    )
    return {"linkId": DELIBERATION, "type": "group", "text": values.title, "item": items}


def questionnaire_response(
    pack: Pack,
    answers: Answers,
    deliberation: Deliberation | None = None,
    authored: datetime.datetime | None = None,
) -> dict:
    effective = effective_answers(pack.questionnaire, answers)
    groups = []
    for section in pack.questionnaire.sections:
        items = []
        for question in section.questions:
            if question.id not in effective:
                continue
            value = effective[question.id]
            values = value if isinstance(value, tuple) else (value,)
            items.append(
                {
                    "linkId": question.id,
                    "text": question.text,
                    "answer": [
                        {"valueCoding": _coding(pack, question.id, question.choice(v))} for v in values
                    ],
                }
            )
        if items:
            groups.append({"linkId": section.id, "text": section.title, "item": items})
    own = _deliberation_answers(pack, deliberation or Deliberation())
    if own:
        groups.append({"linkId": DELIBERATION, "text": pack.deliberation.values.title, "item": own})
    authored = authored or datetime.datetime.now(datetime.UTC)
    return {
        "resourceType": "QuestionnaireResponse",
        "questionnaire": canonical(pack),
        "status": "completed",
        "language": pack.info.locale,
        "authored": authored.isoformat(timespec="seconds"),
        "item": groups,
    }


def _deliberation_answers(pack: Pack, deliberation: Deliberation) -> list[dict]:
    content = pack.deliberation
    scale = {c.value: c for c in content.values.scale}
    items = [
        {
            "linkId": f"values.{item.id}",
            "text": item.label,
            "answer": [{"valueCoding": _coding(pack, "values", scale[deliberation.values[item.id]])}],
        }
        for item in content.values.items
        if item.id in deliberation.values
    ]
    if deliberation.own_value:
        items.append({"linkId": "values.own", "answer": [{"valueString": deliberation.own_value}]})
    leanings = {c.value: c for c in content.leaning.choices}
    if deliberation.leaning in leanings:
        items.append(
            {
                "linkId": "leaning",
                "text": content.leaning.question,
                "answer": [{"valueCoding": _coding(pack, "leaning", leanings[deliberation.leaning])}],
            }
        )
    items += [
        {
            "linkId": f"sure.{item.id}",
            "text": item.text,
            "answer": [{"valueBoolean": deliberation.sure[item.id]}],
        }
        for item in content.sure.items
        if item.id in deliberation.sure
    ]
    prompts = [p for p in content.questions.items if p.id in deliberation.ticked]
    if prompts:
        items.append(
            {
                "linkId": "questions.chosen",
                "answer": [
                    {"valueCoding": {"system": _system(pack, "questions"), "code": p.id, "display": p.text}}
                    for p in prompts
                ],
            }
        )
    if deliberation.own_questions:
        items.append(
            {"linkId": "questions.own", "answer": [{"valueString": q} for q in deliberation.own_questions]}
        )
    return items

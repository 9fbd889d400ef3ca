"""The take-away as plain data: what the results page, the CLI and every export show."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from decision_aid import flow, safety
from decision_aid.answers import Answers
from decision_aid.schema import Pack
from decision_aid.tailoring import ShownTopic, tailor


class AnsweredQuestion(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    question: str
    answer: tuple[str, ...]
    labels: tuple[str, ...]


class Summary(BaseModel):
    model_config = ConfigDict(frozen=True)

    crisis: bool
    answered: tuple[AnsweredQuestion, ...]
    unanswered: tuple[str, ...]
    topics: tuple[ShownTopic, ...]
    content_version: str
    last_reviewed: str


def build_summary(pack: Pack, answers: Answers) -> Summary:
    q = pack.questionnaire
    effective = flow.effective_answers(q, answers)
    answered = []
    for question in q.questions:
        if question.id not in effective:
            continue
        value = effective[question.id]
        values = value if isinstance(value, tuple) else (value,)
        answered.append(
            AnsweredQuestion(
                id=question.id,
                question=question.text,
                answer=values,
                labels=tuple(question.choice(v).label for v in values),
            )
        )
    topics = safety.frame(pack, answers, tailor(pack, answers))
    return Summary(
        crisis=safety.crisis_triggered(answers),
        answered=tuple(answered),
        unanswered=tuple(question.id for question in flow.unanswered(q, answers)),
        topics=tuple(topics),
        content_version=pack.info.version,
        last_reviewed=pack.info.last_reviewed.isoformat(),
    )


def summary_json(summary: Summary) -> dict:
    """The CLI's public JSON contract."""
    return {
        "crisis": summary.crisis,
        "topics": [
            {
                "id": shown.topic.id,
                "kind": shown.topic.kind,
                "title": shown.topic.title,
                "reasons": [r.model_dump() for r in shown.reasons],
                "references": list(shown.topic.references),
            }
            for shown in summary.topics
        ],
        "unanswered": list(summary.unanswered),
        "content_version": summary.content_version,
    }

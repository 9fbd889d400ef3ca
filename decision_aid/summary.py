"""The take-away as plain data: what the results page, the CLI and every export show."""

from __future__ import annotations

import datetime

from pydantic import BaseModel, ConfigDict

from decision_aid import flow, safety
from decision_aid.answers import Answers
from decision_aid.deliberation import Deliberation, SureResult, questions_to_ask, sure_result
from decision_aid.schema import Pack
from decision_aid.tailoring import ShownTopic, tailor


class AnsweredQuestion(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    question: str
    short: str
    answer: tuple[str, ...]
    labels: tuple[str, ...]


class RatedValue(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    label: str
    rating: str
    rating_label: str
    option_row: str


class Summary(BaseModel):
    model_config = ConfigDict(frozen=True)

    crisis: bool
    answered: tuple[AnsweredQuestion, ...]
    unanswered: tuple[str, ...]
    topics: tuple[ShownTopic, ...]
    content_version: str
    last_reviewed: str
    created: datetime.date
    values: tuple[RatedValue, ...] = ()
    own_value: str = ""
    leaning: str | None = None
    sure: SureResult | None = None
    questions: tuple[str, ...] = ()

    @property
    def considerations(self) -> tuple[ShownTopic, ...]:
        """The topics shown because of something the person told us."""
        return tuple(t for t in self.topics if t.topic.kind == "consideration")


def build_summary(
    pack: Pack,
    answers: Answers,
    deliberation: Deliberation | None = None,
    today: datetime.date | None = None,
) -> Summary:
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
                short=question.short,
                answer=values,
                labels=tuple(question.choice(v).label for v in values),
            )
        )
    topics = safety.frame(pack, answers, tailor(pack, answers))
    deliberation = deliberation or Deliberation()
    content = pack.deliberation
    scale = {c.value: c.label for c in content.values.scale}
    rows = {row.id: row.label for row in pack.options.rows}
    leanings = {c.value: c.label for c in content.leaning.choices}
    sure = sure_result(pack, deliberation)
    return Summary(
        crisis=safety.crisis_triggered(answers),
        answered=tuple(answered),
        unanswered=tuple(question.id for question in flow.unanswered(q, answers)),
        topics=tuple(topics),
        content_version=pack.info.version,
        last_reviewed=pack.info.last_reviewed.isoformat(),
        created=today or datetime.date.today(),
        values=tuple(
            RatedValue(
                id=item.id,
                label=item.label,
                rating=deliberation.values[item.id],
                rating_label=scale[deliberation.values[item.id]],
                option_row=rows[item.option_row],
            )
            for item in content.values.items
            if item.id in deliberation.values
        ),
        own_value=deliberation.own_value,
        leaning=leanings.get(deliberation.leaning or ""),
        sure=sure if sure.answered else None,
        questions=tuple(questions_to_ask(pack, answers, deliberation)),
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

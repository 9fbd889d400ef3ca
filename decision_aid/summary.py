"""The take-away as plain data, evaluated once: what the results page, the CLI and every
export show. Nothing downstream looks answers up again or finds a part by its position."""

from __future__ import annotations

import datetime

from pydantic import BaseModel, ConfigDict, model_validator

from decision_aid import flow, safety
from decision_aid.answers import Answers
from decision_aid.deliberation import (
    Deliberation,
    SureResult,
    chosen_prompts,
    prompts_for,
    sure_result,
    typed_crisis,
)
from decision_aid.schema import CATEGORY_ORDER, Choice, Pack, Prompt
from decision_aid.tailoring import ShownTopic, firmness, topics_for


class AnsweredQuestion(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    question: str
    short: str
    answer: tuple[str, ...]
    labels: tuple[str, ...]


class SkippedQuestion(BaseModel):
    """A visible question left unanswered."""

    model_config = ConfigDict(frozen=True)

    id: str
    question: str
    short: str
    required: bool


class RatedValue(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    label: str
    rating: str
    rating_label: str
    option_row: str


class Summary(BaseModel):
    model_config = ConfigDict(frozen=True)

    crisis: ShownTopic | None  # present exactly when the crisis resources must show
    body: tuple[ShownTopic, ...]
    care: ShownTopic  # the professional-care advice: always present, always last
    answered: tuple[AnsweredQuestion, ...]  # answers that count, in the questionnaire's order
    skipped: tuple[SkippedQuestion, ...]
    content_version: str
    last_reviewed: str
    created: datetime.date
    values: tuple[RatedValue, ...] = ()
    own_value: str = ""
    leaning: Choice | None = None
    sure: SureResult | None = None
    prompts: tuple[Prompt, ...] = ()  # the aid's questions the person ticked that still apply
    # Asked whenever the crisis part is present, ticked or not (decision_aid.safety).
    safety_prompt: Prompt | None = None
    own_questions: tuple[str, ...] = ()
    # The crisis region the person's screen starts at (picked, or the browser's country): its
    # lines come first on paper too. Not an answer: never in the hand-off code.
    place: str | None = None
    # No crisis part now, but the aid showed its crisis resources earlier in the session, for
    # an answer or words since changed: the clinician's note says so (a red-team review).
    crisis_earlier: bool = False
    # The fictional case's title when a workshop case is loaded: its paper and note say so, as
    # a printed "my summary" read like a real person's (a review).
    fictional: str | None = None

    @model_validator(mode="after")
    def _framed(self) -> Summary:
        if self.crisis is not None and self.crisis.topic.kind != "crisis":
            raise ValueError("the crisis part must be the crisis topic")
        if self.care.topic.kind != "next_step":
            raise ValueError("the care part must be the next-step topic")
        if any(shown.topic.kind in safety.FRAME_KINDS for shown in self.body):
            raise ValueError("crisis and care topics belong in their own parts")
        if (self.safety_prompt is None) is not (self.crisis is None):
            raise ValueError("the safety question to ask comes exactly with the crisis part")
        return self

    @property
    def topics(self) -> tuple[ShownTopic, ...]:
        """Crisis (when triggered), body, care: the order every screen shows."""
        crisis = (self.crisis,) if self.crisis is not None else ()
        return (*crisis, *self.body, self.care)

    @property
    def considerations(self) -> tuple[ShownTopic, ...]:
        """The topics shown because of something the person told us, most serious first, as
        "What applies to you" shows them: on paper an aneurysm (the label says it must not be
        used) came after blood pressure (a warning; an acceptance review). Within a severity,
        what the person reported comes before what they were not sure of, then worries."""
        shown = [t for t in self.body if t.topic.kind == "consideration"]
        return tuple(
            sorted(shown, key=lambda t: (CATEGORY_ORDER.index(t.topic.category or "practical"), firmness(t)))
        )

    @property
    def unanswered(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.skipped)

    @property
    def asked_prompts(self) -> tuple[Prompt, ...]:
        """The aid's questions to bring: the safety question first when kept, then those
        ticked, each once."""
        if self.safety_prompt is None:
            return self.prompts
        return (self.safety_prompt, *(p for p in self.prompts if p.id != self.safety_prompt.id))

    @property
    def added_by_aid(self) -> Prompt | None:
        """The safety question, when it is kept without the person ticking it."""
        prompt = self.safety_prompt
        if prompt is None or any(p.id == prompt.id for p in self.prompts):
            return None
        return prompt

    @property
    def questions(self) -> tuple[str, ...]:
        """The person's questions to bring: the aid's, then their own."""
        return (*(p.text for p in self.asked_prompts), *self.own_questions)


def build_summary(
    pack: Pack,
    answers: Answers,
    deliberation: Deliberation | None = None,
    today: datetime.date | None = None,
    place: str | None = None,
    fictional: str | None = None,
) -> Summary:
    q = pack.questionnaire
    effective = flow.effective_answers(q, answers)  # the only time: everything below reads it
    deliberation = deliberation or Deliberation()
    typed = typed_crisis(pack, deliberation)
    crisis, body, care = safety.frame(pack, answers, topics_for(pack, effective), typed)
    sure = sure_result(pack, deliberation)
    return Summary(
        crisis=crisis,
        body=body,
        care=care,
        answered=tuple(_answered(pack, effective)),
        skipped=tuple(
            SkippedQuestion(id=x.id, question=x.text, short=x.short, required=x.required)
            for x in flow.skipped(q, effective)
        ),
        content_version=pack.info.version,
        last_reviewed=pack.info.last_reviewed.isoformat(),
        created=today or datetime.date.today(),
        values=tuple(_values(pack, deliberation)),
        own_value=deliberation.own_value,
        leaning=next((c for c in pack.deliberation.leaning.choices if c.value == deliberation.leaning), None),
        sure=sure if sure.answered else None,
        prompts=tuple(chosen_prompts(prompts_for(pack, effective), deliberation)),
        safety_prompt=safety.safety_prompt(pack, answers, typed),
        own_questions=deliberation.own_questions,
        place=place,
        crisis_earlier=crisis is None and deliberation.crisis_shown,
        fictional=fictional,
    )


def _answered(pack: Pack, effective: dict) -> list[AnsweredQuestion]:
    answered = []
    for question in pack.questionnaire.questions:
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
    return answered


def _values(pack: Pack, deliberation: Deliberation) -> list[RatedValue]:
    content = pack.deliberation
    scale = {c.value: c.label for c in content.values.scale}
    rows = {row.id: row.label for row in pack.options.rows}
    return [
        RatedValue(
            id=item.id,
            label=item.label,
            rating=deliberation.values[item.id],
            rating_label=scale[deliberation.values[item.id]],
            option_row=rows[item.option_row],
        )
        for item in content.values.items
        if item.id in deliberation.values
    ]


def summary_json(summary: Summary) -> dict:
    """The CLI's public JSON contract."""
    return {
        "crisis": summary.crisis is not None,
        "topics": [
            {
                "id": shown.topic.id,
                "kind": shown.topic.kind,
                "category": shown.topic.category,
                "title": shown.topic.title,
                "reasons": [r.model_dump() for r in shown.reasons],
                "references": list(shown.topic.references),
            }
            for shown in summary.topics
        ],
        "unanswered": list(summary.unanswered),
        "content_version": summary.content_version,
    }

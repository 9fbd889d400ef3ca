"""What matters to the person, their leaning, their understanding and their questions.

Values are shown back beside the options; they are never turned into a score or a
ranking of treatments. The SURE score describes the person's readiness, not an option.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from decision_aid.answers import Answers
from decision_aid.conditions import evaluate
from decision_aid.flow import effective_answers
from decision_aid.schema import Pack, Prompt, SureItem


class Deliberation(BaseModel):
    """The person's own weighing. Everything is optional, and absent means not answered."""

    model_config = ConfigDict(frozen=True)

    values: dict[str, str] = {}
    own_value: str = ""
    leaning: str | None = None
    knowledge: dict[str, bool] = {}
    sure: dict[str, bool] = {}
    ticked: tuple[str, ...] = ()
    own_questions: tuple[str, ...] = ()

    def update(self, **changes) -> Deliberation:
        return self.model_copy(update=changes)


class SureResult(BaseModel):
    model_config = ConfigDict(frozen=True)

    answered: int
    yes: int
    gaps: tuple[SureItem, ...]

    @property
    def complete(self) -> bool:
        return self.answered == 4


def suggested_questions(pack: Pack, answers: Answers) -> list[Prompt]:
    """Every general prompt, then those that fit what the person told us."""
    effective = effective_answers(pack.questionnaire, answers)
    order = pack.questionnaire.choice_order
    return [
        prompt
        for prompt in pack.deliberation.questions.items
        if prompt.show_when is None or evaluate(prompt.show_when, effective, order)
    ]


def sure_result(pack: Pack, deliberation: Deliberation) -> SureResult:
    items = pack.deliberation.sure.items
    answered = [item for item in items if item.id in deliberation.sure]
    return SureResult(
        answered=len(answered),
        yes=sum(deliberation.sure[item.id] for item in answered),
        gaps=tuple(item for item in answered if not deliberation.sure[item.id]),
    )


def knowledge_correct(pack: Pack, item_id: str, answer: bool) -> bool:
    item = next(i for i in pack.deliberation.knowledge.items if i.id == item_id)
    return item.answer is answer


def clean_text(text: str, max_chars: int) -> str:
    """A person's own words: one line, trimmed, and no longer than allowed."""
    return " ".join(text.split())[:max_chars].strip()


def add_own_question(pack: Pack, deliberation: Deliberation, text: str) -> Deliberation:
    limits = pack.deliberation.questions
    cleaned = clean_text(text, limits.own_max_chars)
    if not cleaned or cleaned in deliberation.own_questions:
        return deliberation
    if len(deliberation.own_questions) >= limits.own_max_count:
        return deliberation
    return deliberation.update(own_questions=(*deliberation.own_questions, cleaned))


def questions_to_ask(pack: Pack, answers: Answers, deliberation: Deliberation) -> list[str]:
    """The ticked prompts that still apply, in the aid's order, then the person's own."""
    ticked = set(deliberation.ticked)
    prompts = [p.text for p in suggested_questions(pack, answers) if p.id in ticked]
    return prompts + list(deliberation.own_questions)

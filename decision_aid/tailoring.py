"""Answers + pack -> the topics whose conditions hold, in order, each with the reasons it is shown.

Tailoring only chooses which general information to show and says why. It never scores,
ranks or recommends a treatment.
"""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict

from decision_aid.conditions import clauses, explain
from decision_aid.schema import KIND_ORDER, Pack, Question, Topic


class Reason(BaseModel):
    model_config = ConfigDict(frozen=True)

    question: str
    answer: str | None
    text: str


class ShownTopic(BaseModel):
    model_config = ConfigDict(frozen=True)

    topic: Topic
    reasons: tuple[Reason, ...] = ()


def topics_for(pack: Pack, effective: dict) -> list[ShownTopic]:
    """Every topic whose condition holds on the answers that count, in the journey order,
    each with its reasons. The crisis and care topics among them are raw material: whether
    and where they show is decided in decision_aid.safety (use ``build_summary``)."""
    order = pack.questionnaire.choice_order
    shown: list[ShownTopic] = []
    for topic in pack.topics:
        if topic.show_when is None:
            shown.append(ShownTopic(topic=topic))
            continue
        facts = explain(topic.show_when, effective, order)
        if facts:
            reasons = tuple(reason_for(pack, pack.questionnaire.by_id[q], value) for q, value in facts)
            shown.append(ShownTopic(topic=topic, reasons=reasons))
    return sorted(shown, key=lambda s: (KIND_ORDER.index(s.topic.kind), s.topic.order, s.topic.id))


def reason_for(pack: Pack, question: Question, value: str) -> Reason:
    """The sentence that tells a person which of their answers led to a topic."""
    choice = question.choice(value)
    if choice.said:
        text = pack.ui.reason_told_us.format(said=choice.said)
    else:
        text = pack.ui.reason_answered.format(label=choice.label, question=question.text)
    return Reason(question=question.id, answer=value, text=text)


def with_answers(title: str, answers: str, template: str) -> str:
    """A note's title with the answers behind it (``template`` names both), unless the title
    ends with them: "Under 18", not "Under 18 (my answer: Under 18)"; but "Two or more
    antidepressants tried (my answer: Two)"."""
    if not answers or title.casefold().endswith(answers.casefold()):
        return title
    return template.format(title=title, answers=answers)


def labels_text(labels: Iterable[str]) -> str:
    """One question's chosen answers on one line. A semicolon between them, since some
    labels hold a comma: "Talk therapy (psychotherapy), such as CBT, A second medicine…"
    read as if the medicine were a kind of talk therapy."""
    return "; ".join(labels)


UNSURE = "unsure"  # every question's "Not sure"


def firmness(shown: ShownTopic) -> int:
    """How plainly the person's answers bring a note: 0 when they reported what it is about
    (an answer to its condition's first question), 1 when they were not sure of it, 2 when
    only another question brought it (a worry). Orders notes of one severity (a review)."""
    own = clauses(shown.topic.show_when)[0].question if shown.topic.show_when else None
    answers = [reason.answer for reason in shown.reasons if reason.question == own]
    if any(answer != UNSURE for answer in answers):
        return 0
    return 1 if answers else 2


def answer_labels(pack: Pack, shown: ShownTopic) -> str:
    """The answers behind a note, by their labels: several to one question share it. An
    answer to another question than the one the note is about (its condition's first) says
    which ("Alcohol; Worries: Addiction", and "Worries: Addiction" alone), so that a worry
    does not read as what the person reported."""
    own = clauses(shown.topic.show_when)[0].question if shown.topic.show_when else None
    labels: dict[str, list[str]] = {}
    for reason in shown.reasons:
        if reason.answer is None:  # only the crisis part has a reason without an answer
            continue
        question = pack.questionnaire.by_id[reason.question]
        labels.setdefault(question.id, []).append(question.choice(reason.answer).label)
    parts = []
    for question_id, chosen in labels.items():
        said = labels_text(chosen)
        parts.append(said if question_id == own else f"{pack.questionnaire.by_id[question_id].short}: {said}")
    return "; ".join(parts)

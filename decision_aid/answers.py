"""A person's answers: an immutable value, and the checks for answers read from a file."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict

from decision_aid.conditions import AnswerValue
from decision_aid.errors import DecisionAidError
from decision_aid.schema import Question, Questionnaire


class AnswersError(DecisionAidError, ValueError):
    """Answers that do not fit the questionnaire; the message names the question and values."""


ECHO = 80  # characters of a bad id or value a message repeats (a file may hold megabytes)


def _shown(value: Any) -> str:
    """``repr`` of a value from the file, cut to ``ECHO`` characters."""
    text = repr(value)
    return text if len(text) <= ECHO else text[:ECHO] + "\u2026"


class Answers(BaseModel):
    """Question id -> value (a string, or a tuple for multi-choice). Absent = not answered."""

    model_config = ConfigDict(frozen=True)

    values: dict[str, AnswerValue] = {}

    def get(self, question_id: str) -> AnswerValue | None:
        return self.values.get(question_id)

    def with_answer(self, question_id: str, value: AnswerValue | None) -> Answers:
        """A copy with one answer set; ``None`` or an empty selection clears it."""
        values = dict(self.values)
        if value is None or value == ():
            values.pop(question_id, None)
        else:
            values[question_id] = value
        return Answers(values=values)


def resolve_exclusive(question: Question, chosen: tuple[str, ...]) -> tuple[str, ...]:
    """Keep a multi-choice answer consistent when a person adds to it.

    Choosing "None of these" (an exclusive value) after other items keeps only it;
    choosing an item after "None of these" drops the exclusive value. ``chosen`` is in
    the order the person picked, newest last.
    """
    if not chosen:
        return chosen
    newest = chosen[-1]
    if newest in question.exclusive:
        return (newest,)
    return tuple(v for v in chosen if v not in question.exclusive)


def parse_answers(questionnaire: Questionnaire, raw: Any) -> Answers:
    """Check answers read from JSON and turn them into ``Answers``.

    Raises ``AnswersError`` naming the question id and the allowed values.
    """
    if not isinstance(raw, Mapping):
        raise AnswersError("the answers must be a JSON object mapping question ids to answers")
    values: dict[str, AnswerValue] = {}
    for question_id, value in raw.items():
        question = questionnaire.by_id.get(question_id)
        if question is None and question_id in questionnaire.retired:
            continue
        if question is None:
            known = ", ".join(q.id for q in questionnaire.questions)
            raise AnswersError(f"unknown question id {_shown(question_id)}; known ids: {known}")
        parsed = _parse_value(question, _replace_retired(questionnaire, question_id, value))
        if parsed is not None and parsed != ():
            values[question_id] = parsed
    return Answers(values=values)


def _replace_retired(questionnaire: Questionnaire, question_id: str, value: Any) -> Any:
    """A choice value the aid no longer offers, saved in an older file, read as its replacement."""
    replaced = questionnaire.retired_values.get(question_id, {})
    if isinstance(value, str):
        return replaced.get(value, value)
    if isinstance(value, list):
        return [replaced.get(v, v) if isinstance(v, str) else v for v in value]
    return value


def _parse_value(question: Question, value: Any) -> AnswerValue | None:
    allowed = ", ".join(question.values)
    if value is None:
        return None
    if question.kind == "multi":
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise AnswersError(
                f"{question.id}: expected a list of strings (multi-choice); allowed values: {allowed}"
            )
        chosen = tuple(dict.fromkeys(value))
    else:
        if not isinstance(value, str):
            raise AnswersError(f"{question.id}: expected one string; allowed values: {allowed}")
        chosen = (value,)
    for item in chosen:
        if item not in question.values:
            raise AnswersError(f"{question.id}: {_shown(item)} is not allowed; allowed values: {allowed}")
    if question.kind == "multi":
        exclusive = [v for v in chosen if v in question.exclusive]
        if exclusive and len(chosen) > 1:
            raise AnswersError(
                f"{question.id}: {exclusive[0]!r} cannot be combined with other answers; "
                f"allowed values: {allowed}"
            )
        return chosen
    return chosen[0]

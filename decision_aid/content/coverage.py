"""Every answer counts: a check that the pack uses what it asks.

A choice with a ``said`` phrase ("You told us ...") is an answer the aid tailors something
to, so some condition in the pack must single it out; a choice without one is a "nothing to
note" answer by design. A question none of whose answers any condition singles out asks the
person for nothing.

An answer is used when a clause on its question, evaluated with that answer alone (a list
of one for multi-choice) by the real evaluator, holds: so "=", "!=", "in", the ordinal
operators, "exists" and ``not`` all count exactly as they do when the aid runs. Inside a
``not`` the answers that make the clause false are the ones that let the condition through.
A clause that every answer satisfies (``exists: true``, or "in" all the choices) singles
none out, and so uses none: otherwise one such clause would hide every gap in a question.
The crisis rule in ``decision_aid.safety`` is a use of the safety answers.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel

from decision_aid.answers import Answers
from decision_aid.conditions import AllOf, AnyOf, Clause, Condition, NotOf, evaluate
from decision_aid.content.problems import Code, Problem
from decision_aid.safety import SAFETY_QUESTION, crisis_triggered
from decision_aid.schema import Pack, Question, Questionnaire

FILE = "questionnaire.yaml"


def check_coverage(pack: Pack) -> list[Problem]:
    """A question none of whose choices is used, and each 'said' choice that no condition uses.

    A question can be both: each is true on its own and has its own fix (a note for one answer
    makes the question count, but leaves the other answers' phrases unused)."""
    used = used_answers(pack)
    problems: list[Problem] = []
    for question in pack.questionnaire.questions:
        values = used.get(question.id, set())
        if not values:
            message = (
                f"no topic, question or prompt uses any answer to question {question.id!r}: "
                "show a note for one of its answers, or remove the question"
            )
            problems.append(Problem(Code.UNUSED_QUESTION, FILE, question.id, "choices", message))
        for choice in question.choices:
            if choice.said is not None and choice.value not in values:
                message = (
                    f"choice {choice.value!r} of question {question.id!r} has a 'said' phrase but "
                    "no topic, question or prompt uses it: show a note for it, or remove the phrase "
                    "or the choice"
                )
                field = f"choices > {choice.value} > said"
                problems.append(Problem(Code.UNUSED_CHOICE, FILE, question.id, field, message))
    return problems


def used_answers(pack: Pack) -> dict[str, set[str]]:
    """Question id -> the choice values that some condition in the pack, or the crisis rule, uses."""
    used: dict[str, set[str]] = {}
    for condition in conditions_in(pack):
        for question_id, values in answers_used(condition, pack.questionnaire).items():
            used.setdefault(question_id, set()).update(values)
    safety = pack.questionnaire.by_id.get(SAFETY_QUESTION)
    if safety is not None:
        crisis = {v for v in safety.values if crisis_triggered(Answers(values={SAFETY_QUESTION: v}))}
        used.setdefault(SAFETY_QUESTION, set()).update(crisis)
    return used


def answers_used(condition: Condition, questionnaire: Questionnaire) -> dict[str, set[str]]:
    """Question id -> the values that one condition's clauses single out (see the module's notes)."""
    used: dict[str, set[str]] = {}
    for clause, negated in _clauses(condition, negated=False):
        question = questionnaire.by_id.get(clause.question)
        if question is None:
            continue  # an unknown question is reported by check_condition
        values = _singled_out(clause, negated, question, questionnaire)
        if values:
            used.setdefault(question.id, set()).update(values)
    return used


def conditions_in(value: object) -> Iterator[Condition]:
    """Every condition held anywhere in the pack: topics, questions, prompts, and any added later."""
    if isinstance(value, (Clause, AllOf, AnyOf, NotOf)):
        yield value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from conditions_in(getattr(value, name))
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from conditions_in(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from conditions_in(item)


def _clauses(condition: Condition, negated: bool) -> Iterator[tuple[Clause, bool]]:
    """Each clause with whether an odd number of ``not`` groups surrounds it."""
    if isinstance(condition, Clause):
        yield condition, negated
    elif isinstance(condition, AllOf):
        for child in condition.all:
            yield from _clauses(child, negated)
    elif isinstance(condition, AnyOf):
        for child in condition.any:
            yield from _clauses(child, negated)
    else:
        yield from _clauses(condition.negated, not negated)


def _singled_out(clause: Clause, negated: bool, question: Question, questionnaire: Questionnaire) -> set[str]:
    order = questionnaire.choice_order
    passing = {
        value
        for value in question.values
        if evaluate(clause, {question.id: _alone(question, value)}, order) != negated
    }
    return set() if passing == set(question.values) else passing


def _alone(question: Question, value: str) -> str | tuple[str, ...]:
    return (value,) if question.kind == "multi" else value

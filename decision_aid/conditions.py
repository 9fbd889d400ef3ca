"""The condition language: plain data modelled on FHIR Questionnaire ``enableWhen``.

A condition is a clause (``question``, ``operator``, ``answer``) or a group (``all``,
``any``, ``not``). It is evaluated against answers, never ``eval``-ed. The same language
decides which questions are visible and which topics are shown, and ``explain`` names the
answers that made a condition true so the app can say why it showed something.

Semantics:
- a clause on a question with no answer is false, except ``exists: false``;
- on a multi-choice question ``=`` means "includes", ``!=`` "does not include" and
  ``in`` "includes any of";
- ``<``, ``<=``, ``>``, ``>=`` compare positions in the question's ordered choice list.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

AnswerValue = str | tuple[str, ...]
Answers = Mapping[str, AnswerValue]
ChoiceOrder = Mapping[str, Sequence[str]]

Operator = Literal["exists", "=", "!=", "<", "<=", ">", ">=", "in"]
ORDINAL_OPERATORS = frozenset({"<", "<=", ">", ">="})


class Clause(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    question: str
    operator: Operator
    answer: bool | str | tuple[str, ...]


class AllOf(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    all: tuple[Condition, ...] = Field(min_length=1)


class AnyOf(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    any: tuple[Condition, ...] = Field(min_length=1)


class NotOf(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    negated: Condition = Field(alias="not")


Condition = Annotated[Clause | AllOf | AnyOf | NotOf, Field(union_mode="left_to_right")]

for _model in (AllOf, AnyOf, NotOf):
    _model.model_rebuild()


def clauses(condition: Condition) -> list[Clause]:
    """Every clause in a condition, in reading order."""
    if isinstance(condition, Clause):
        return [condition]
    if isinstance(condition, AllOf):
        return [c for child in condition.all for c in clauses(child)]
    if isinstance(condition, AnyOf):
        return [c for child in condition.any for c in clauses(child)]
    return clauses(condition.negated)


def evaluate(condition: Condition, answers: Answers, order: ChoiceOrder | None = None) -> bool:
    """Whether the condition holds for these answers."""
    if isinstance(condition, Clause):
        return bool(_matched_values(condition, answers, order))
    if isinstance(condition, AllOf):
        return all(evaluate(c, answers, order) for c in condition.all)
    if isinstance(condition, AnyOf):
        return any(evaluate(c, answers, order) for c in condition.any)
    return not evaluate(condition.negated, answers, order)


def explain(
    condition: Condition, answers: Answers, order: ChoiceOrder | None = None
) -> list[tuple[str, str]]:
    """The (question, answer value) pairs that make a true condition true.

    Only answered questions are named. A negated group contributes nothing: "you did not
    say X" is not something the person told us.
    """
    if not evaluate(condition, answers, order):
        return []
    if isinstance(condition, Clause):
        return [
            (condition.question, value)
            for value in _matched_values(condition, answers, order)
            if value is not None
        ]
    if isinstance(condition, (AllOf, AnyOf)):
        children = condition.all if isinstance(condition, AllOf) else condition.any
        facts: list[tuple[str, str]] = []
        for child in children:
            for fact in explain(child, answers, order):
                if fact not in facts:
                    facts.append(fact)
        return facts
    return []


def _matched_values(clause: Clause, answers: Answers, order: ChoiceOrder | None) -> list[str | None]:
    """The answer values that satisfy the clause; empty when it does not hold.

    ``exists: false`` holds with no value to name, which is returned as ``[None]``.
    """
    given = answers.get(clause.question)
    if clause.operator == "exists":
        answered = given is not None and given != ()
        if answered == clause.answer:
            return _as_list(given) if answered else [None]
        return []
    if given is None or given == ():
        return []
    values = _as_list(given)
    multi = isinstance(given, tuple)
    wanted = _as_list(clause.answer)
    if clause.operator == "=":
        return [v for v in values if v == wanted[0]]
    if clause.operator == "!=":
        if multi:
            return [] if wanted[0] in values else values
        return values if values[0] != wanted[0] else []
    if clause.operator == "in":
        return [v for v in values if v in wanted]
    return ordinal_matches(clause, values, order)


def ordinal_matches(clause: Clause, values: list[str], order: ChoiceOrder | None) -> list[str]:
    """The values that satisfy a "<", "<=", ">" or ">=" clause, by position in the choice order."""
    if order is None or clause.question not in order:
        raise ValueError(f"operator {clause.operator!r} on {clause.question!r} needs the choice order")
    ranks = list(order[clause.question])
    limit = ranks.index(str(clause.answer))
    compare = {
        "<": lambda a: a < limit,
        "<=": lambda a: a <= limit,
        ">": lambda a: a > limit,
        ">=": lambda a: a >= limit,
    }[clause.operator]
    return [v for v in values if v in ranks and compare(ranks.index(v))]


def _as_list(value: object) -> list[str]:
    if isinstance(value, (tuple, list)):
        return [str(v) for v in value]
    return [str(value)]

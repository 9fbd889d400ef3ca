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
from dataclasses import dataclass
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


def _matched_values(clause: Clause, answers: Answers, order: ChoiceOrder | None) -> Sequence[str | None]:
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


class NotExpressible(ValueError):
    """A condition that FHIR ``enableWhen`` cannot hold; the message says why."""


@dataclass(frozen=True)
class EnableWhen:
    """One FHIR ``enableWhen`` check: ``answer`` is a bool for "exists", else a choice value."""

    question: str
    operator: Literal["exists", "=", "!="]
    answer: bool | str


def enable_when(condition: Condition, order: ChoiceOrder) -> tuple[list[EnableWhen], Literal["all", "any"]]:
    """The condition as FHIR enableWhen checks and their ``enableBehavior``.

    ``order`` maps each question to its choice values. FHIR has no ``not``, no nesting and
    no ordinal compare on codings, so "in" and "<", ">=" ... become several "=" checks joined
    with "any". FHIR's "!=" holds when a question is unanswered and ours does not, so "!="
    becomes "exists true" and "!=" joined with "all". Raises ``NotExpressible`` when the
    checks would need both behaviours at once; ``check`` rejects such question conditions,
    so the export never meets one.
    """
    if isinstance(condition, Clause):
        return _enable_clause(condition, order)
    if isinstance(condition, NotOf):
        raise NotExpressible(
            "FHIR enableWhen has no 'not'; write the condition with '!=' or 'exists' instead"
        )
    children = condition.all if isinstance(condition, AllOf) else condition.any
    behavior: Literal["all", "any"] = "all" if isinstance(condition, AllOf) else "any"
    checks: list[EnableWhen] = []
    for child in children:
        child_checks, child_behavior = enable_when(child, order)
        if len(child_checks) > 1 and child_behavior != behavior:
            raise NotExpressible(
                f"FHIR enableWhen cannot hold an {child_behavior!r} group inside an {behavior!r} group"
                + (" (our '!=' also needs the question answered)" if _has_not_equal(child) else "")
            )
        checks += [c for c in child_checks if c not in checks]
    return checks, behavior


def _enable_clause(clause: Clause, order: ChoiceOrder) -> tuple[list[EnableWhen], Literal["all", "any"]]:
    if clause.operator == "exists":
        return [EnableWhen(clause.question, "exists", bool(clause.answer))], "all"
    if clause.operator == "=":
        return [EnableWhen(clause.question, "=", str(clause.answer))], "all"
    if clause.operator == "!=":
        answered = EnableWhen(clause.question, "exists", True)
        return [answered, EnableWhen(clause.question, "!=", str(clause.answer))], "all"
    if clause.operator == "in":
        wanted = _as_list(clause.answer)
    else:
        wanted = ordinal_matches(clause, list(order[clause.question]), order)
    if not wanted:
        raise NotExpressible(f"{clause.operator!r} {clause.answer!r} matches no choice, so it is never true")
    return [EnableWhen(clause.question, "=", value) for value in wanted], "any"


def _has_not_equal(condition: Condition) -> bool:
    return any(c.operator == "!=" for c in clauses(condition))


def _as_list(value: object) -> list[str]:
    if isinstance(value, (tuple, list)):
        return [str(v) for v in value]
    return [str(value)]

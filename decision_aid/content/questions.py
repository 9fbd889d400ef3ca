"""Checks on the questionnaire: ids, choices, conditions and the safety question's contract."""

from __future__ import annotations

from decision_aid.conditions import ORDINAL_OPERATORS, Condition, NotExpressible, clauses, enable_when
from decision_aid.content.problems import Code, Problem
from decision_aid.fields import KEY_ID, RESERVED_IDS
from decision_aid.safety import NO_THOUGHTS, SAFETY_QUESTION
from decision_aid.schema import Questionnaire

FILE = "questionnaire.yaml"


def check_questionnaire(questionnaire: Questionnaire) -> list[Problem]:
    problems = _check_safety_question(questionnaire)
    seen: dict[str, object] = {}
    sections: set[str] = set()
    for section in questionnaire.sections:
        problems += _check_key_id(section.id, "section")
        if section.id in sections:
            problems.append(Problem(Code.DUPLICATE_ID, FILE, section.id, "id", "duplicate section id"))
        sections.add(section.id)
        for question in section.questions:
            problems += _check_key_id(question.id, "question")
            if question.id in seen or question.id in sections:
                problems.append(Problem(Code.DUPLICATE_ID, FILE, question.id, "id", "duplicate question id"))
            values = question.values
            if len(set(values)) != len(values):
                problems.append(
                    Problem(Code.DUPLICATE_ID, FILE, question.id, "choices", "duplicate choice value")
                )
            for value in question.exclusive:
                if value not in values:
                    problems.append(
                        Problem(
                            Code.NOT_A_CHOICE, FILE, question.id, "exclusive", f"{value!r} is not a choice"
                        )
                    )
            if question.show_when is not None:
                found = check_condition(
                    question.show_when, questionnaire, FILE, question.id, "show_when", earlier=seen
                )
                problems += found or _check_fhir(question.show_when, questionnaire, question.id)
            seen[question.id] = question
    for section_id in sections & set(seen):
        problems.append(
            Problem(Code.DUPLICATE_ID, FILE, section_id, "id", "a section and a question share this id")
        )
    return problems + _check_retired_values(questionnaire)


def _check_retired_values(questionnaire: Questionnaire) -> list[Problem]:
    """A retired value names a question still asked, is no longer offered, and maps to a choice."""
    problems = []
    for question_id, mapping in questionnaire.retired_values.items():
        question = questionnaire.by_id.get(question_id)
        if question is None:
            message = f"{question_id!r} is not a question"
            problems.append(Problem(Code.UNKNOWN_QUESTION, FILE, question_id, "retired_values", message))
            continue
        for old, new in mapping.items():
            if old in question.values:
                message = f"{old!r} is still a choice, so it cannot be retired"
                problems.append(Problem(Code.DUPLICATE_ID, FILE, question_id, "retired_values", message))
            if new not in question.values:
                message = f"{old!r} is replaced by {new!r}, which is not a choice"
                problems.append(Problem(Code.NOT_A_CHOICE, FILE, question_id, "retired_values", message))
    return problems


def _check_key_id(key: str, kind: str) -> list[Problem]:
    """Ids that become widget keys, FHIR linkIds and answers-file keys must be safe there."""
    if not KEY_ID.match(key):
        message = f"a {kind} id starts with a letter and holds only a-z, 0-9 and _"
        return [Problem(Code.MALFORMED_ID, FILE, key, "id", message)]
    if key in RESERVED_IDS:
        return [Problem(Code.RESERVED_ID, FILE, key, "id", f"{key!r} is reserved for the app's own use")]
    return []


def _check_fhir(condition: Condition, questionnaire: Questionnaire, entry: str) -> list[Problem]:
    """The FHIR export writes question conditions as enableWhen; reject what it cannot write."""
    try:
        enable_when(condition, {q.id: q.values for q in questionnaire.questions})
    except NotExpressible as error:
        return [Problem(Code.NOT_FHIR_EXPRESSIBLE, FILE, entry, "show_when", str(error))]
    return []


def _check_safety_question(questionnaire: Questionnaire) -> list[Problem]:
    """decision_aid.safety routes to crisis help on this question: it must be there, first,
    required, and offer the one answer that rules the crisis resources out."""
    question = questionnaire.by_id.get(SAFETY_QUESTION)
    if question is None:
        return [Problem(Code.SAFETY_QUESTION, FILE, SAFETY_QUESTION, "", "the safety question is missing")]
    problems = []
    if questionnaire.questions[0].id != SAFETY_QUESTION:
        problems.append(
            Problem(Code.SAFETY_QUESTION, FILE, SAFETY_QUESTION, "", "must be the first question")
        )
    if not question.required:
        problems.append(Problem(Code.SAFETY_QUESTION, FILE, SAFETY_QUESTION, "required", "must be required"))
    if question.kind != "single":
        problems.append(Problem(Code.SAFETY_QUESTION, FILE, SAFETY_QUESTION, "kind", "must be single-choice"))
    if question.show_when is not None:
        problems.append(
            Problem(Code.SAFETY_QUESTION, FILE, SAFETY_QUESTION, "show_when", "must always be asked")
        )
    if NO_THOUGHTS not in question.values:
        problems.append(
            Problem(Code.SAFETY_QUESTION, FILE, SAFETY_QUESTION, "choices", f"must offer {NO_THOUGHTS!r}")
        )
    return problems


def check_condition(
    condition: Condition,
    questionnaire: Questionnaire,
    file: str,
    entry: str,
    field: str,
    earlier: dict[str, object] | None = None,
    need_said: bool = False,
) -> list[Problem]:
    """A condition may name only known (and, for questions, earlier) questions and values."""
    problems: list[Problem] = []
    for clause in clauses(condition):
        where = f"{field} > {clause.question}"
        question = questionnaire.by_id.get(clause.question)
        if question is None:
            problems.append(Problem(Code.UNKNOWN_QUESTION, file, entry, where, "names an unknown question"))
            continue
        if earlier is not None and clause.question not in earlier:
            problems.append(
                Problem(Code.LATER_QUESTION, file, entry, where, "names a question that is not asked earlier")
            )
        if clause.operator == "exists":
            if not isinstance(clause.answer, bool):
                problems.append(
                    Problem(Code.EXISTS_TAKES_BOOL, file, entry, where, "'exists' takes true or false")
                )
            continue
        wanted = clause.answer if isinstance(clause.answer, tuple) else (clause.answer,)
        for value in wanted:
            if not isinstance(value, str) or value not in question.values:
                allowed = ", ".join(question.values)
                problems.append(
                    Problem(Code.UNKNOWN_VALUE, file, entry, where, f"{value!r} is not one of: {allowed}")
                )
            elif need_said and question.choice(value).said is None:
                problems.append(
                    Problem(
                        Code.NEEDS_SAID,
                        FILE,
                        clause.question,
                        f"choices > {value} > said",
                        f"needed to explain why topic {entry!r} is shown",
                    )
                )
        if clause.operator in ORDINAL_OPERATORS and not question.ordered:
            problems.append(
                Problem(
                    Code.NEEDS_ORDER, file, entry, where, f"{clause.operator!r} needs an ordered question"
                )
            )
        if clause.operator in ("=", "!=", *ORDINAL_OPERATORS) and len(wanted) != 1:
            problems.append(
                Problem(Code.ONE_ANSWER, file, entry, where, f"{clause.operator!r} takes one answer")
            )
    return problems

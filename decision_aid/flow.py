"""Which questions are visible and answered, given the answers so far."""

from __future__ import annotations

from decision_aid.answers import Answers
from decision_aid.conditions import clauses, evaluate
from decision_aid.schema import Question, Questionnaire, Section


def effective_answers(questionnaire: Questionnaire, answers: Answers) -> dict:
    """The answers to visible questions only.

    An answer to a question that is now hidden (say, ``adequate_trial`` after the person
    changed ``antidepressants_tried`` to 0) is kept in the session, so it comes back if
    they change their mind, but it no longer counts.
    """
    kept: dict = {}
    for question in questionnaire.questions:
        if _visible(question, kept, questionnaire) and question.id in answers.values:
            kept[question.id] = answers.values[question.id]
    return kept


def visible_questions(
    questionnaire: Questionnaire, answers: Answers, section: Section | None = None
) -> list[Question]:
    """The questions to show, in order; conditions see only the answers that still count."""
    effective = effective_answers(questionnaire, answers)
    questions = section.questions if section is not None else questionnaire.questions
    return [q for q in questions if _visible(q, effective, questionnaire)]


def gating_questions(questionnaire: Questionnaire) -> set[str]:
    """The ids of the questions whose answers show or hide other questions."""
    return {
        clause.question
        for question in questionnaire.questions
        if question.show_when is not None
        for clause in clauses(question.show_when)
    }


def unanswered(questionnaire: Questionnaire, answers: Answers) -> list[Question]:
    """Visible questions the person skipped."""
    return skipped(questionnaire, effective_answers(questionnaire, answers))


def skipped(questionnaire: Questionnaire, effective: dict) -> list[Question]:
    """Visible questions the person skipped, given the answers that count."""
    return [
        q for q in questionnaire.questions if _visible(q, effective, questionnaire) and q.id not in effective
    ]


def missing_required(questionnaire: Questionnaire, answers: Answers, section: Section) -> list[Question]:
    """Required questions on this step that still need an answer before moving on."""
    return [
        q
        for q in visible_questions(questionnaire, answers, section)
        if q.required and answers.get(q.id) is None
    ]


def _visible(question: Question, answers: dict, questionnaire: Questionnaire) -> bool:
    if question.show_when is None:
        return True
    return evaluate(question.show_when, answers, questionnaire.choice_order)

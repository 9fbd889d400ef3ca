"""Fictional personas for workshops: their answers, checked like an answers file."""

from __future__ import annotations

from decision_aid.answers import Answers, parse_answers
from decision_aid.errors import DecisionAidError
from decision_aid.schema import Pack, Persona


class UnknownPersona(DecisionAidError, KeyError):
    """A persona id the pack does not hold; the message lists the ids it does."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""


def persona(pack: Pack, persona_id: str) -> Persona:
    found = pack.personas.get(persona_id)
    if found is None:
        known = ", ".join(p.id for p in pack.personas.personas)
        raise UnknownPersona(f"unknown persona {persona_id!r}; known personas: {known}")
    return found


def persona_answers(pack: Pack, persona_id: str) -> Answers:
    return parse_answers(pack.questionnaire, persona(pack, persona_id).answers)

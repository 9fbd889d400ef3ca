"""A file a patient downloaded, read back into answers: the inverse of the FHIR export.

How the UI calls it (issue 16, clinician review):

    try:
        answers, deliberation = imports.read_file(pack, uploaded_bytes)
    except imports.FileNotReadable as error:       # str(error) says what is wrong, in plain words
        ...

Two kinds of file are read:
- the FHIR QuestionnaireResponse the summary screen offers (``exports/fhir.py``): its codes,
  never its display words, so a file survives a change of wording;
- an answers file (a JSON object of question ids to values, as ``summary --answers F`` reads).
The JSON summary (``summary --format json``) holds topics and reasons, not the answers, so it
cannot be read back: such a file gets the "not answers" message.

Everything is checked as strictly as an answers file. Nothing is written anywhere.
"""

from __future__ import annotations

import json
from typing import Any

from decision_aid.answers import Answers, AnswersError, parse_answers
from decision_aid.deliberation import Deliberation, clean_text
from decision_aid.errors import DecisionAidError
from decision_aid.exports.fhir import DELIBERATION
from decision_aid.fields import OWN_WORDS
from decision_aid.schema import Pack

# A patient's file is a few kilobytes; anything far larger is not one.
MAX_FILE_BYTES = 512 * 1024


class FileNotReadable(DecisionAidError, ValueError):
    """A file that cannot be read as this aid's answers; the message, from the pack, says why."""


def read_file(pack: Pack, data: bytes) -> tuple[Answers, Deliberation]:
    """The answers (and weighing) a downloaded file holds. Raises ``FileNotReadable``."""
    words = pack.ui.handoff
    if len(data) > MAX_FILE_BYTES:
        raise FileNotReadable(words.file_not_answers)
    try:
        raw = json.loads(data.decode("utf-8-sig"))
    # ValueError: not JSON, or a number of more than 4,300 digits; RecursionError: brackets
    # nested thousands deep. Either one left the clinician a bare error box (a red-team review).
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise FileNotReadable(words.file_not_json) from error
    if isinstance(raw, dict) and raw.get("resourceType") == "QuestionnaireResponse":
        return answers_from_response(pack, raw)
    if isinstance(raw, dict) and ("topics" in raw or "resourceType" in raw):
        raise FileNotReadable(words.file_not_answers)  # a JSON summary or another FHIR resource
    try:
        return parse_answers(pack.questionnaire, raw), Deliberation()
    except AnswersError as error:
        raise FileNotReadable(words.file_not_answers) from error


def answers_from_response(pack: Pack, resource: dict[str, Any]) -> tuple[Answers, Deliberation]:
    """The answers and weighing of a QuestionnaireResponse made by ``questionnaire_response``.

    The questionnaire it answers must be this aid's (its canonical URL); another version of
    the same questionnaire is read as long as every code it holds is one this pack knows.
    """
    words = pack.ui.handoff
    questionnaire = str(resource.get("questionnaire", ""))
    if questionnaire.split("|", 1)[0] != pack.info.fhir_canonical:
        raise FileNotReadable(words.file_other_questionnaire)
    try:
        flat: dict[str, list[Any]] = {}
        for link_id, given in _items(resource.get("item", [])):
            if link_id in flat:
                raise ValueError(f"{link_id} answered twice")
            flat[link_id] = given
        raw: dict[str, str | list[str]] = {}
        for question in pack.questionnaire.questions:
            if question.id not in flat:
                continue
            codes = [_code(a) for a in flat.pop(question.id)]
            raw[question.id] = codes if question.kind == "multi" else _one(codes)
        answers = parse_answers(pack.questionnaire, raw)
        deliberation = _deliberation(pack, flat)
    except (AnswersError, KeyError, TypeError, ValueError) as error:
        raise FileNotReadable(words.file_other_questionnaire) from error
    return answers, deliberation


def _items(items: Any):
    """(linkId, answers) for every answered item, groups opened."""
    if not isinstance(items, list):
        raise TypeError("item must be a list")
    for item in items:
        if not isinstance(item, dict):
            raise TypeError("an item must be an object")
        if "item" in item:
            yield from _items(item["item"])
        if "answer" in item:
            answer = item["answer"]
            if not isinstance(answer, list) or not answer:
                raise TypeError("answer must be a non-empty list")
            yield str(item["linkId"]), answer


def _code(answer: Any) -> str:
    coding = answer["valueCoding"]
    code = coding["code"]
    if not isinstance(code, str):
        raise TypeError("a code must be a string")
    return code


def _one(codes: list[str]) -> str:
    if len(codes) != 1:
        raise ValueError("one answer expected")
    return codes[0]


def _boolean(answers: list[Any]) -> bool:
    value = answers[0]["valueBoolean"]
    if not isinstance(value, bool) or len(answers) != 1:
        raise TypeError("one true or false expected")
    return value


def _strings(answers: list[Any]) -> list[str]:
    found = [a["valueString"] for a in answers]
    if not all(isinstance(s, str) for s in found):
        raise TypeError("text expected")
    return found


def _deliberation(pack: Pack, flat: dict[str, list[Any]]) -> Deliberation:
    """The weighing items; any linkId left over is not this aid's, and the file is refused."""
    content = pack.deliberation
    scale = {c.value for c in content.values.scale}
    values: dict[str, str] = {}
    for item in content.values.items:
        if (given := flat.pop(f"values.{item.id}", None)) is not None:
            rating = _one([_code(a) for a in given])
            if rating not in scale:
                raise ValueError("no such rating")
            values[item.id] = rating
    own_value = ""
    if (given := flat.pop(f"values.{OWN_WORDS}", None)) is not None:
        own_value = clean_text(" ".join(_strings(given)), content.values.own_max_chars)
    leaning = None
    if (given := flat.pop("leaning", None)) is not None:
        leaning = _one([_code(a) for a in given])
        if leaning not in {c.value for c in content.leaning.choices}:
            raise ValueError("no such leaning")
    sure = {
        item.id: _boolean(flat.pop(f"sure.{item.id}"))
        for item in content.sure.items
        if f"sure.{item.id}" in flat
    }
    prompts = {p.id for p in content.questions.items}
    ticked: tuple[str, ...] = ()
    if (given := flat.pop("questions.chosen", None)) is not None:
        ticked = tuple(dict.fromkeys(_code(a) for a in given))
        if not set(ticked) <= prompts:
            raise ValueError("no such question prompt")
    own_questions: tuple[str, ...] = ()
    if (given := flat.pop(f"questions.{OWN_WORDS}", None)) is not None:
        limits = content.questions
        cleaned = (clean_text(q, limits.own_max_chars) for q in _strings(given))
        own_questions = tuple(dict.fromkeys(q for q in cleaned if q))[: limits.own_max_count]
    flat.pop(DELIBERATION, None)
    if flat:
        raise ValueError(f"items this aid does not know: {sorted(flat)}")
    return Deliberation(
        values=values,
        own_value=own_value,
        leaning=leaning,
        sure=sure,
        ticked=ticked,
        own_questions=own_questions,
    )

"""A file the patient saved, read back on the clinician's screen (issue 16): the FHIR
QuestionnaireResponse and the answers file; anything else is refused with a plain message."""

import json

import pytest
from hypothesis import HealthCheck, given, settings

from decision_aid import imports
from decision_aid.deliberation import Deliberation
from decision_aid.exports.fhir import questionnaire_response, to_json
from decision_aid.personas import persona_answers
from decision_aid.summary import build_summary, summary_json
from tests.unit.strategies import PACK, answer_sets, deliberations

WEIGHING = Deliberation(
    values={PACK.deliberation.values.items[0].id: PACK.deliberation.values.scale[-1].value},
    own_value="Being able to keep working",
    leaning=PACK.deliberation.leaning.choices[0].value,
    sure={item.id: index % 2 == 0 for index, item in enumerate(PACK.deliberation.sure.items)},
    ticked=(PACK.deliberation.questions.items[0].id,),
    own_questions=("Who pays for the visits?", "Can I drive after?"),
)


def shown(summary):
    """What a clinician reads: every answer that counts and the whole weighing."""
    return (
        summary.answered,
        summary.skipped,
        summary.values,
        summary.own_value,
        summary.leaning,
        summary.sure,
        summary.questions,
        summary.crisis is not None,
    )


def fhir_bytes(answers, deliberation) -> bytes:
    return to_json(questionnaire_response(PACK, build_summary(PACK, answers, deliberation))).encode("utf-8")


@pytest.mark.parametrize("persona", [p.id for p in PACK.personas.personas])
@pytest.mark.parametrize("weighing", [Deliberation(), WEIGHING], ids=["no weighing", "weighing"])
def test_every_persona_survives_a_fhir_round_trip(persona, weighing):
    answers = persona_answers(PACK, persona)
    read, deliberation = imports.read_file(PACK, fhir_bytes(answers, weighing))
    assert shown(build_summary(PACK, read, deliberation)) == shown(build_summary(PACK, answers, weighing))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answer_sets(), deliberations())
def test_random_answers_survive_a_fhir_round_trip(answers, weighing):
    read, deliberation = imports.read_file(PACK, fhir_bytes(answers, weighing))
    assert shown(build_summary(PACK, read, deliberation)) == shown(build_summary(PACK, answers, weighing))


def test_an_answers_file_is_read_as_the_cli_reads_it():
    raw = PACK.personas.get("james_blood_pressure").answers
    read, deliberation = imports.read_file(PACK, json.dumps(raw).encode("utf-8"))
    assert read == persona_answers(PACK, "james_blood_pressure")
    assert deliberation == Deliberation()


def test_the_json_summary_holds_no_answers_and_is_refused_with_a_message():
    summary = build_summary(PACK, persona_answers(PACK, "maria_trd"))
    data = json.dumps(summary_json(summary)).encode("utf-8")
    with pytest.raises(imports.FileNotReadable) as refused:
        imports.read_file(PACK, data)
    assert str(refused.value) == PACK.ui.handoff.file_not_answers


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x89PNG not json", "file_not_json"),
        (b"{not json", "file_not_json"),
        (b"[1, 2]", "file_not_answers"),
        (b'{"blood_pressure": "very high"}', "file_not_answers"),
        (b'{"resourceType": "Patient"}', "file_not_answers"),
        (b" " * (imports.MAX_FILE_BYTES + 1), "file_not_answers"),
        # A red-team review: each one left the clinician a bare error box.
        (b"[" * 100_000 + b"]" * 100_000, "file_not_json"),
        (b'{"self_harm_thoughts": ' + b"9" * 5000 + b"}", "file_not_json"),
    ],
)
def test_a_file_that_is_not_answers_is_refused_with_a_plain_message(data, message):
    with pytest.raises(imports.FileNotReadable) as refused:
        imports.read_file(PACK, data)
    assert str(refused.value) == getattr(PACK.ui.handoff, message)


def changed(change) -> bytes:
    resource = json.loads(fhir_bytes(persona_answers(PACK, "sam_psychosis_substance"), WEIGHING))
    change(resource)
    return json.dumps(resource).encode("utf-8")


def first_answer(resource):
    return resource["item"][0]["item"][0]["answer"][0]


@pytest.mark.parametrize(
    "change",
    [
        lambda r: r.update(questionnaire="http://example.org/other|1"),
        lambda r: first_answer(r)["valueCoding"].update(code="sometimes"),
        lambda r: first_answer(r).pop("valueCoding"),
        lambda r: r["item"][0]["item"].append(
            {"linkId": "favourite_colour", "answer": [{"valueString": "x"}]}
        ),
        lambda r: r["item"][-1]["item"].append(
            {"linkId": "leaning", "answer": r["item"][-1]["item"][-1]["answer"]}
        ),
        lambda r: r.update(item="nothing"),
    ],
    ids=["other questionnaire", "unknown code", "no coding", "unknown item", "an item twice", "not a list"],
)
def test_a_changed_fhir_file_is_refused(change):
    with pytest.raises(imports.FileNotReadable) as refused:
        imports.read_file(PACK, changed(change))
    assert str(refused.value) == PACK.ui.handoff.file_other_questionnaire


def test_display_words_do_not_matter_only_the_codes():
    def reword(resource):
        for group in resource["item"]:
            for item in group["item"]:
                for answer in item["answer"]:
                    if "valueCoding" in answer:
                        answer["valueCoding"]["display"] = "reworded"

    read, _ = imports.read_file(PACK, changed(reword))
    assert read == imports.read_file(PACK, changed(lambda r: None))[0]

"""One base class for the errors the core raises on input it cannot use."""

import pytest

from decision_aid import cli
from decision_aid.answers import AnswersError, parse_answers
from decision_aid.content import PackError, load_pack
from decision_aid.errors import DecisionAidError
from decision_aid.personas import UnknownPersona, persona


def test_every_input_error_of_the_core_is_a_decision_aid_error(pack, pack_copy):
    (pack_copy / "en" / "ui.yaml").unlink()
    with pytest.raises(DecisionAidError) as broken:
        load_pack("en", pack_copy)
    with pytest.raises(DecisionAidError) as answers:
        parse_answers(pack.questionnaire, {"mood": "low"})
    with pytest.raises(DecisionAidError) as unknown:
        persona(pack, "nobody")
    assert isinstance(broken.value, PackError)
    assert isinstance(answers.value, AnswersError) and isinstance(answers.value, ValueError)
    assert isinstance(unknown.value, UnknownPersona) and isinstance(unknown.value, KeyError)
    assert str(unknown.value).startswith("unknown persona 'nobody'; known personas: ")


def test_the_cli_reports_each_as_bad_input(tmp_path, capsys):
    answers = tmp_path / "answers.json"
    answers.write_text('{"mood": "low"}', encoding="utf-8")
    assert cli.main(["summary", "--answers", str(answers)]) == cli.EXIT_INPUT
    assert cli.main(["summary", "--persona", "nobody"]) == cli.EXIT_INPUT
    err = capsys.readouterr().err
    assert "error: unknown question id 'mood'" in err
    assert "error: unknown persona 'nobody'; known personas:" in err

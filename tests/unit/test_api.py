"""The public core API in decision_aid/__init__.py: every name resolves, a whole journey runs
through those names alone, and one error type covers what a caller can get wrong."""

import subprocess
import sys

import pytest

import decision_aid as aid


def test_every_public_name_resolves_to_the_object_of_its_home_module():
    for name in aid.__all__:
        assert getattr(aid, name) is not None, name
    assert aid.build_summary.__module__ == "decision_aid.summary"
    assert aid.render_pdf.__module__ == "decision_aid.exports.pdf"


def test_an_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no_such_thing"):
        aid.no_such_thing  # noqa: B018


def test_a_journey_through_the_public_api_alone():
    pack = aid.load_pack("en")
    answers = aid.parse_answers(
        pack.questionnaire, {"self_harm_thoughts": "several_days", "age_group": "65_plus"}
    )
    summary = aid.build_summary(pack, answers, aid.Deliberation())
    assert isinstance(summary, aid.Summary)
    assert summary.crisis is not None and summary.care.topic.kind == "next_step"
    assert summary.crisis.reasons[0].text in aid.render_markdown(pack, summary)
    assert aid.render_pdf(pack, summary).startswith(b"%PDF")
    response = aid.questionnaire_response(pack, summary)
    assert response["questionnaire"] == aid.questionnaire_resource(pack)["url"] + "|" + pack.info.version
    assert aid.summary_json(summary)["crisis"] is True
    assert aid.to_json(response).endswith("\n")


def test_what_a_caller_can_get_wrong_is_one_error_type():
    pack = aid.load_pack("en")
    with pytest.raises(aid.DecisionAidError):
        aid.parse_answers(pack.questionnaire, {"self_harm_thoughts": "sometimes"})
    with pytest.raises(aid.DecisionAidError):
        aid.persona_answers(pack, "nobody")
    with pytest.raises(aid.DecisionAidError):
        aid.load_pack("xx")


def test_importing_the_package_loads_no_export_library_until_asked():
    code = "import decision_aid, sys; print('fpdf' in sys.modules, 'streamlit' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False", "False"]


def test_all_lists_exactly_the_names_that_load():
    assert sorted(aid.__all__) == sorted(aid._HOME_OF)

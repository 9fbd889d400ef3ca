import pytest

from decision_aid.personas import persona_answers
from decision_aid.safety import crisis_triggered
from decision_aid.summary import build_summary


def test_at_least_six_fictional_personas_with_stories(pack):
    personas = pack.personas.personas
    assert len(personas) >= 6
    for persona in personas:
        assert persona.fictional is True and persona.story.strip() and persona.title.strip()


@pytest.mark.parametrize(
    "persona_id",
    [
        "maria_trd",
        "james_blood_pressure",
        "sam_psychosis_substance",
        "priya_pregnancy",
        "leo_first_episode",
        "ruth_older_adult",
        "alex_under_18",
        "dana_crisis",
    ],
)
def test_each_persona_shows_exactly_the_considerations_it_lists(pack, persona_id):
    persona = pack.personas.get(persona_id)
    shown = [s.topic.id for s in build_summary(pack, persona_answers(pack, persona_id)).considerations]
    assert sorted(shown) == sorted(persona.shows)


def test_personas_cover_the_cases_educators_need(pack):
    def answers_of(persona):
        return persona_answers(pack, persona.id)

    personas = pack.personas.personas
    covered = {
        "treatment_resistant": any(
            answers_of(p).get("antidepressants_tried") == "3_or_more" for p in personas
        ),
        "blood_pressure_vascular": any(
            answers_of(p).get("blood_pressure") == "high_uncontrolled"
            and set(answers_of(p).get("vascular_conditions") or ()) & {"aneurysm", "avm", "brain_bleed"}
            for p in personas
        ),
        "psychosis_or_substance": any(
            answers_of(p).get("psychosis") == "yes"
            or set(answers_of(p).get("substance_use") or ()) - {"none"}
            for p in personas
        ),
        "planning_pregnancy": any(answers_of(p).get("pregnancy") == "planning" for p in personas),
        "few_antidepressants": any(
            answers_of(p).get("antidepressants_tried") in ("0", "1") for p in personas
        ),
        "older_adult": any(answers_of(p).get("age_group") == "65_plus" for p in personas),
        "under_18": any(answers_of(p).get("age_group") == "under_18" for p in personas),
        "self_harm": any(crisis_triggered(answers_of(p)) for p in personas),
    }
    assert all(covered.values()), covered

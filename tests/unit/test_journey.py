"""The staged path: every topic the Summary holds lands in exactly one stage, in order."""

from hypothesis import given, settings

from decision_aid import journey
from decision_aid.answers import Answers
from decision_aid.summary import build_summary
from tests.unit.strategies import PACK, answer_sets


@settings(max_examples=60, deadline=None)
@given(answer_sets())
def test_every_topic_lands_in_exactly_one_stage_and_care_comes_last(answers):
    summary = build_summary(PACK, answers)
    staged = [shown.topic.id for name in journey.NAMES for shown in journey.stage_topics(summary, name)]
    expected = [shown.topic.id for shown in (*summary.body, summary.care)]
    assert sorted(staged) == sorted(expected) and len(staged) == len(set(staged))
    assert staged[-1] == summary.care.topic.id
    assert summary.crisis is None or summary.crisis.topic.id not in staged  # the panel, not a topic


def test_how_fast_it_works_sits_with_the_basics_not_the_benefits():
    summary = build_summary(PACK, Answers())
    basics = [s.topic.id for s in journey.stage_topics(summary, "basics")]
    facts = [s.topic.id for s in journey.stage_topics(summary, "facts")]
    assert basics[-1] == "how_fast_how_long" and "how_fast_how_long" not in facts
    assert facts and all(PACK.topic(t).kind == "benefit" for t in facts)

"""The evidence pack: readable, complete, balanced and cited."""

import statistics

from decision_aid.readability import MAX_TARGET, MEDIAN_TARGET, grade, plain_text, topic_readings


def test_reading_grade_median_at_most_8_and_none_above_10(pack):
    readings = topic_readings(pack)
    report = {r.topic_id: r.grade for r in readings}
    assert statistics.median(report.values()) <= MEDIAN_TARGET, report
    assert max(report.values()) <= MAX_TARGET, {k: v for k, v in report.items() if v > MAX_TARGET}


def test_readability_measures_the_words_not_the_markup():
    assert plain_text("- **Bold** item\n- [a link](https://example.org)") == "Bold item.\na link."
    # A sentence wrapped over lines stays one sentence; paragraphs and items are separate.
    assert plain_text("One long sentence\nwrapped here.\n\nNext") == "One long sentence wrapped here.\nNext."
    assert plain_text("- first item\n  goes on\n- second") == "first item goes on.\nsecond."
    hard = "Pharmacokinetic considerations notwithstanding, intravenous administration necessitates comprehensive hemodynamic surveillance."
    assert grade(hard) > MAX_TARGET
    assert grade("You may feel sleepy. Staff watch you. You need a ride home.") < MEDIAN_TARGET


def test_every_option_answers_every_question(pack):
    columns = [c.id for c in pack.options.columns]
    assert columns == ["stay", "medicine", "therapy", "tms", "ect", "esketamine", "iv_ketamine"]
    rows = [r.id for r in pack.options.rows]
    assert rows == [
        "how_well",
        "remission",
        "how_soon",
        "time",
        "how_given",
        "side_effects",
        "serious_risks",
        "driving_work",
        "cost",
        "approval",
        "evidence",
    ]
    for row in pack.options.rows:
        assert all(row.cells[c].strip() for c in columns), row.id
        assert row.references


def test_every_route_is_described(pack):
    assert [c.id for c in pack.routes.columns] == ["nasal", "iv", "im", "oral", "home"]


def test_issue_topics_exist_and_cite_sources(pack):
    required = {
        "what_they_are",
        "how_fast_how_long",
        "esketamine_results",
        "iv_ketamine_results",
        "ketamine_vs_ect",
        "suicidal_thoughts",
        "during_a_session",
        "longer_term_risks",
        "ways_it_is_given",
        "other_options",
    }
    ids = {t.id for t in pack.topics}
    assert required <= ids
    for topic in pack.topics:
        assert all(ref in pack.references for ref in topic.references)


def test_suicidal_thoughts_evidence_sits_beside_the_crisis_lines(pack):
    topic = pack.topic("suicidal_thoughts")
    assert topic.crisis_lines and topic.show_when is None
    assert "not" in topic.body and "prevent suicide" in topic.body


def test_benefit_comparisons_are_drawn_as_icon_arrays(pack):
    drawn = {c for t in pack.topics for c in t.icon_arrays}
    assert {
        "transform2_response",
        "monotherapy_remission",
        "sustain1_relapse",
        "murrough_response",
        "elektd_response",
        "ketect_remission",
    } <= drawn


def test_every_reference_says_where_it_was_verified(pack):
    for ref in pack.references.values():
        assert ref.verified_in.strip() and ref.checked
        assert ref.doi or ref.pmid or ref.url or ref.citation


def test_questions_help_welcome_and_about_are_plain_too(pack):
    helps = {q.id: grade(q.help) for q in pack.questionnaire.questions}
    assert statistics.median(helps.values()) <= MEDIAN_TARGET, helps
    assert max(helps.values()) <= MAX_TARGET, helps
    assert grade(pack.welcome) <= MEDIAN_TARGET
    assert grade(pack.about) <= MEDIAN_TARGET

"""The question ids and values in DESIGN.md section 3 are a public contract."""

CONTRACT = {
    "self_harm_thoughts": [
        "not_at_all",
        "several_days",
        "more_than_half",
        "nearly_every_day",
        "prefer_not_to_say",
    ],
    "depression_diagnosed": ["yes", "no", "unsure"],
    "antidepressants_tried": ["0", "1", "2", "3_or_more"],
    "adequate_trial": ["yes", "no", "unsure"],
    "antidepressant_response": ["none", "partial", "relapsed", "full", "stopped_side_effects"],
    "other_treatments": ["psychotherapy", "augmentation", "tms", "ect", "ketamine_or_esketamine", "none"],
    "bipolar": ["yes", "no", "unsure"],
    "psychosis": ["yes", "no", "unsure"],
    "blood_pressure": ["normal", "high_controlled", "high_uncontrolled", "unsure"],
    "vascular_conditions": ["aneurysm", "avm", "brain_bleed", "stroke", "heart_disease", "none", "unsure"],
    "substance_use": ["alcohol", "cannabis", "stimulants", "opioids", "ketamine_nonmedical", "other", "none"],
    "pregnancy": ["pregnant", "planning", "breastfeeding", "none"],
    "other_conditions": ["bladder", "liver", "breathing_or_sleep_apnea", "ketamine_allergy", "none"],
    "medicines": ["benzodiazepines_or_sleep", "stimulants", "maoi", "opioids", "none", "unsure"],
    "age_group": ["under_18", "18_to_64", "65_plus"],
    "transport": ["yes", "no", "unsure"],
    "clinic_time": ["yes", "maybe", "no"],
    "insurance": ["yes", "no", "unsure"],
    "concerns": ["needles", "nasal_spray", "dissociation", "addiction", "cost", "time_off_work", "none"],
}
MULTI = {
    "other_treatments",
    "vascular_conditions",
    "substance_use",
    "other_conditions",
    "medicines",
    "concerns",
}


def test_every_contract_question_and_value_exists(pack):
    by_id = pack.questionnaire.by_id
    for question_id, values in CONTRACT.items():
        assert question_id in by_id, question_id
        assert list(by_id[question_id].values) == values, question_id
        assert (by_id[question_id].kind == "multi") == (question_id in MULTI), question_id


def test_safety_is_asked_first_and_steps_are_as_specified(pack):
    sections = pack.questionnaire.sections
    assert sections[0].questions[0].id == "self_harm_thoughts"
    assert [s.title for s in sections] == [
        "Safety first",
        "Your depression and treatments so far",
        "Your health",
        "Practical matters",
    ]


def test_every_question_has_plain_help_and_nothing_is_preselected(pack):
    for question in pack.questionnaire.questions:
        assert question.help.strip()
        assert all(isinstance(v, str) for v in question.values)  # YAML did not turn yes/no into booleans


def test_every_topic_cites_known_references(pack):
    for topic in pack.topics:
        assert topic.references and all(r in pack.references for r in topic.references), topic.id


def test_crisis_regions_cover_the_countries_offered(pack):
    assert [r.name for r in pack.crisis.regions] == [
        "United States",
        "Canada",
        "United Kingdom and Ireland",
        "Australia",
        "Mexico",
        "Spain",
        "European Union",
        "Somewhere else",
    ]
    for region in pack.crisis.regions:
        assert region.emergency

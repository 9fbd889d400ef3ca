"""Findings of the independent clinical review (../shared/reviews/clinical-review-1.md), held
so they cannot come back, and tailoring where every answer counts (issue 14)."""

import re

import pytest

from decision_aid.answers import parse_answers
from decision_aid.content import load_pack
from decision_aid.summary import build_summary

FIGURE = re.compile(r"\d")  # the pack as loaded has its {{placeholders}} filled in


def per_100(pack, comparison, group):
    return f"{pack.numbers.comparisons[comparison].groups[group].per_100} of 100"


def flat(text):
    return " ".join(text.split())


def fact(pack, name):
    return pack.numbers.facts[name].value


def shown_ids(pack, answers):
    return [shown.topic.id for shown in build_summary(pack, answers).topics]


def row(pack, row_id):
    return pack.options.row(row_id)


# C1: the options table's figures say what, when and in whom, and do not claim to be comparable.


def test_c1_the_caption_says_the_figures_cannot_be_compared_directly(pack):
    assert "cannot be compared directly" in pack.options.caption


def test_c1_about_no_longer_says_the_options_can_be_compared(pack):
    assert "so they can be compared" not in pack.about
    assert "equal detail" not in pack.about


def test_c1_each_outcome_row_measures_one_outcome(pack):
    """The response row speaks of responding; the remission row of few or no symptoms."""
    for column, cell in row(pack, "how_well").cells.items():
        if FIGURE.search(cell):
            assert "responded" in cell, column
    for column, cell in row(pack, "remission").cells.items():
        if FIGURE.search(cell):
            assert "responded" not in cell, column


@pytest.mark.parametrize("row_id", ["how_well", "remission"])
def test_c1_every_figure_cell_says_when_it_was_measured(pack, row_id):
    when = re.compile(r"\b(after|day|end of|weeks?)\b", re.IGNORECASE)
    for column, cell in row(pack, row_id).cells.items():
        if FIGURE.search(cell):
            assert when.search(cell), (row_id, column, cell)


def test_c1_iv_ketamine_uses_the_pooled_midazolam_controlled_estimate(pack):
    cell = row(pack, "how_well").cells["iv_ketamine"]
    assert per_100(pack, "pooled_iv_response", "ketamine") in cell
    assert per_100(pack, "murrough_response", "ketamine") not in cell
    pooled = pack.numbers.comparisons["pooled_iv_response"]
    assert "compared one IV ketamine infusion with midazolam" in pooled.population


# C2: the contraindication note shows whenever the person may have had a bleed in the brain.


@pytest.mark.parametrize("said", ["aneurysm", "avm", "brain_bleed", "stroke", "unsure"])
def test_c2_vessel_contraindication_note_shows(pack, answers, said):
    assert "aneurysm_avm_brain_bleed" in shown_ids(pack, answers(vascular_conditions=[said]))


def test_c2_not_for_heart_disease_alone_or_none(pack, answers):
    for said in (["heart_disease"], ["none"]):
        assert "aneurysm_avm_brain_bleed" not in shown_ids(pack, answers(vascular_conditions=said))


@pytest.mark.parametrize(
    ("locale", "stroke", "a_bleed"),
    [
        ("en", "stroke", "a bleed in the brain, as in some strokes"),
        ("es", "cerebrovascular", "como en algunos"),
    ],
)
def test_c2_its_title_puts_a_stroke_on_the_label_list_only_as_a_bleed(locale, stroke, a_bleed):
    """The title follows "Esketamine label: must not be used" on the card and on
    paper, where the note's own words are not: "stroke" alone claimed every stroke (the label
    names a bleed in the brain)."""
    title = load_pack(locale).topic("aneurysm_avm_brain_bleed").title
    assert a_bleed in title
    assert title.count(stroke) == 1


# C3: the antidepressant class warning is the same for oral medicines and esketamine, with the
# adult age bands.


def test_c3_class_warning_is_the_same_for_medicines_and_esketamine(pack):
    cells = row(pack, "serious_risks").cells
    warning = cells["medicine"]
    young_adults = f"about {fact(pack, 'young_adults_extra_per_1000')} more in {fact(pack, 'per_1000')}"
    assert young_adults in warning and f"from age {fact(pack, 'adult_band_min_age')}" in warning
    assert warning in cells["esketamine"]
    under_18 = f"{fact(pack, 'young_people_extra_per_1000')} more"
    assert under_18 not in warning  # the under-18 figure, in an adult table


def test_c3_every_adult_reads_the_class_warning(pack, answers):
    for age in ("18_to_64", "65_plus"):
        summary = build_summary(pack, answers(age_group=age))
        risks = next(s.topic for s in summary.topics if s.topic.id == "longer_term_risks")
        assert f"about {fact(pack, 'young_adults_extra_per_1000')} more in" in flat(risks.body)


# Major findings.


def test_m1_harms_have_icon_arrays_with_comparators(pack):
    harms = [t for t in pack.topics if t.kind == "risk"]
    arrays = [name for t in harms for name in t.icon_arrays]
    assert len(arrays) >= 4
    assert all(len(pack.numbers.comparisons[name].groups) >= 2 for name in arrays)


def test_m1_numbers_beside_nausea_and_dizziness(pack):
    session = next(t for t in pack.topics if t.id == "during_a_session")
    for harm in ("aspire_dizziness", "aspire_nausea"):
        assert per_100(pack, harm, "esketamine") in session.body
        assert per_100(pack, harm, "placebo") in session.body
    assert "about 61 to 84 of 100" in flat(session.body)  # the current label's range


def test_m2_how_soon_says_how_many_did_not_respond(pack):
    did_not = 100 - pack.numbers.comparisons["pooled_iv_response"].groups["ketamine"].per_100
    assert f"and {did_not} did not" in row(pack, "how_soon").cells["iv_ketamine"]
    speed = next(t for t in pack.topics if t.id == "how_fast_how_long")
    assert "**Fast:**" not in speed.body and "do not respond at all" not in speed.body


def test_m4_pregnancy_help_matches_the_label(pack):
    help_text = pack.questionnaire.by_id["pregnancy"].help
    assert "not recommended" in help_text and "not to use" not in help_text


def test_m5_transform_1_beside_transform_2(pack):
    esketamine = next(t for t in pack.topics if t.id == "esketamine_results")
    assert "transform1_response" in esketamine.icon_arrays
    assert f"about {fact(pack, 'transform2_extra')} more of 100" in flat(esketamine.body)


def test_m6_no_claim_without_a_figure_for_tms_seizures(pack):
    cell = row(pack, "serious_risks").cells["tms"]
    assert f"fewer than {fact(pack, 'tms_seizure_per_1000_people')} in {fact(pack, 'per_1000')}" in cell


def test_m7_suicidal_thoughts_topic_has_comparator_and_a_plan(pack):
    topic = next(t for t in pack.topics if t.id == "suicidal_thoughts")
    assert "placebo spray" in topic.body and "hospital care" in topic.body
    # Only the first trial's result on how serious the thoughts were is verified (ASPIRE I);
    # "in one of the trials" implied the other found a difference (a review).
    assert "In that trial, there was no clear difference" in flat(topic.body)
    assert "In one of the trials" not in flat(topic.body)
    assert "or to lessen suicidal thoughts or actions" in flat(topic.body)
    assert "Make a plan for when a quick effect fades" in topic.body


def test_cost_cannot_be_read_as_the_persons_bill(pack):
    cell = row(pack, "cost").cells["esketamine"]
    assert "This is not what you would pay; that depends on your plan" in cell


def test_us_scope_and_nice(pack):
    fit = next(t for t in pack.topics if t.id == "where_they_fit")
    assert "United States" in flat(fit.body) and "NICE" in fit.body


# Safety tailoring.


def test_hypersensitivity_is_asked_and_noted(pack, answers):
    assert "ketamine_allergy" in shown_ids(pack, answers(other_conditions=["ketamine_allergy"]))


@pytest.mark.parametrize("answer", [None, "prefer_not_to_say", "several_days"])
def test_crisis_opener_fits_every_answer_that_triggers_it(pack, answers, answer):
    values = {} if answer is None else {"self_harm_thoughts": answer}
    summary = build_summary(pack, answers(**values))
    assert summary.crisis is not None
    assert not summary.crisis.topic.body.startswith("Thank you for telling us")


def test_crisis_lines_cover_veterans_uk_text_and_ireland(pack):
    lines = [line for region in pack.crisis.regions for line in region.lines]
    contacts = " ".join(line.contact for line in lines)
    assert "press 1" in contacts and "838255" in contacts  # Veterans Crisis Line
    assert "85258" in contacts  # Shout, a UK text line
    assert any("Ireland" in region.name for region in pack.crisis.regions)


# Every answer counts: each best-response answer and each earlier treatment shows a note.

RESPONSE_NOTES = {
    "none": "response_no_change",
    "partial": "response_partial",
    "relapsed": "response_came_back",
    "full": "response_well_again",
    "stopped_side_effects": "response_side_effects",
}


@pytest.mark.parametrize("response", RESPONSE_NOTES)
def test_each_best_response_has_its_own_note(pack, answers, response):
    shown = shown_ids(pack, answers(antidepressants_tried="2", antidepressant_response=response))
    assert RESPONSE_NOTES[response] in shown
    others = set(RESPONSE_NOTES.values()) - {RESPONSE_NOTES[response]}
    assert not others & set(shown)


@pytest.mark.parametrize("treatment", ["psychotherapy", "augmentation", "tms", "ect"])
def test_each_earlier_treatment_shows_with_its_reason(pack, answers, treatment):
    summary = build_summary(pack, answers(other_treatments=[treatment]))
    note = next(s for s in summary.topics if s.topic.id == "treatments_before")
    assert [r.answer for r in note.reasons] == [treatment]
    said = pack.questionnaire.by_id["other_treatments"].choice(treatment).said
    assert said and said in note.reasons[0].text


def test_earlier_ect_points_to_the_ketamine_and_ect_comparison(pack):
    note = next(t for t in pack.topics if t.id == "treatments_before")
    comparison = next(t for t in pack.topics if t.id == "ketamine_vs_ect")
    assert comparison.title in note.body


@pytest.mark.parametrize(
    ("tried", "note"),
    [
        ("0", "few_antidepressants"),
        ("1", "few_antidepressants"),
        ("2", "two_or_more_antidepressants"),
        ("3_or_more", "two_or_more_antidepressants"),
    ],
)
def test_every_number_of_medicines_tried_has_a_note(pack, answers, tried, note):
    shown = shown_ids(pack, answers(antidepressants_tried=tried))
    other = ({"few_antidepressants", "two_or_more_antidepressants"} - {note}).pop()
    assert note in shown and other not in shown


def test_where_the_person_sits_never_says_whether_they_qualify(pack):
    note = next(t for t in pack.topics if t.id == "two_or_more_antidepressants")
    lowered = flat(note.body.lower()).replace("**", "")
    assert "at least two" in lowered
    for verdict in ("qualify", "eligible", "candidate", "you can have", "right for you"):
        assert verdict not in lowered


def test_a_retired_question_in_an_old_answers_file_is_read_and_dropped(pack):
    answers = parse_answers(pack.questionnaire, {"episode_length": "over_2_years", "bipolar": "no"})
    assert answers.values == {"bipolar": "no"}
    assert "episode_length" not in pack.questionnaire.by_id


def test_the_take_away_carries_what_to_do_now_but_not_screen_only_words(pack, answers):
    from decision_aid.exports.markdown import render_markdown

    markdown = flat(render_markdown(pack, build_summary(pack, answers(self_harm_thoughts="several_days"))))
    assert "go to the nearest emergency department" in markdown
    assert pack.crisis.on_screen not in markdown  # "at the top of every page" is not true on paper


def test_a_retired_pregnancy_choice_in_an_old_answers_file_reads_as_its_replacement(pack):
    """Issue 15: one choice for "does not apply"; files saved with the old value still load."""
    assert "not_applicable" not in pack.questionnaire.by_id["pregnancy"].values
    answers = parse_answers(pack.questionnaire, {"pregnancy": "not_applicable", "bipolar": "no"})
    assert answers.values == {"pregnancy": "none", "bipolar": "no"}


def test_check_refuses_a_retired_value_that_is_still_offered_or_maps_nowhere(pack):
    from decision_aid.content.questions import check_questionnaire

    broken = pack.questionnaire.model_copy(
        update={
            "retired_values": {"pregnancy": {"none": "none", "gone": "no_such_value"}, "nope": {"a": "b"}}
        }
    )
    places = {(p.code.value, p.entry, p.field) for p in check_questionnaire(broken)}
    assert ("PACK_010", "pregnancy", "retired_values") in places
    assert ("PACK_028", "pregnancy", "retired_values") in places
    assert ("PACK_020", "nope", "retired_values") in places

from decision_aid.numbers import bare_digits, frequency_sentences, render, used_ids
from decision_aid.schema import Comparison, Fact, Group, Numbers

NUMBERS = Numbers(
    comparisons={
        "trial": Comparison(
            measure="Response",
            outcome="got better",
            outcome_not="did not",
            population="Adults",
            time="after 4 weeks",
            source="ref",
            exact="69.3% vs 52.0%",
            groups={"drug": Group(label="Drug", per_100=69), "placebo": Group(label="Placebo", per_100=52)},
        )
    },
    facts={"hours": Fact(value="2", source="ref")},
)


def test_render_fills_facts_counts_and_the_other_framing():
    text, unknown = render(
        "At least {{hours}} hours; {{trial.drug}} vs {{ trial.placebo }}; {{trial.drug.rest}} did not.",
        NUMBERS,
    )
    assert text == "At least 2 hours; 69 vs 52; 31 did not."
    assert unknown == []


def test_render_reports_placeholders_that_name_nothing():
    text, unknown = render("{{nope}} {{trial.nobody}} {{hours.rest}} {{trial}}", NUMBERS)
    assert unknown == ["{{nope}}", "{{trial.nobody}}", "{{hours.rest}}", "{{trial}}"]
    assert text == "{{nope}} {{trial.nobody}} {{hours.rest}} {{trial}}"


def test_bare_digits_ignore_placeholders_and_the_shared_denominator():
    assert bare_digits("about {{trial.drug}} of 100 people, {{hours}} in 100, of\n100") == []
    assert bare_digits("1 in 100") == ["1"]
    assert bare_digits("about 69 of 100 people after 4 weeks") == ["69", "4"]
    assert bare_digits("in 1000 people") == ["1000"]


def test_used_ids():
    assert used_ids("{{hours}} and {{trial.drug.rest}}") == {"hours", "trial"}


def test_frequency_sentences_read_both_framings_with_the_same_denominator():
    template = (
        "{group}: about {count} of {denominator} {outcome}, and about {rest} of {denominator} {outcome_not}."
    )
    assert frequency_sentences(NUMBERS.comparisons["trial"], template) == [
        "Drug: about 69 of 100 got better, and about 31 of 100 did not.",
        "Placebo: about 52 of 100 got better, and about 48 of 100 did not.",
    ]

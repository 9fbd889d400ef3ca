from decision_aid.deliberation import (
    Deliberation,
    add_own_question,
    clean_text,
    suggested_questions,
    sure_result,
)
from decision_aid.summary import build_summary

ALWAYS = [
    "approved_or_off_label",
    "who_watches",
    "how_many_sessions",
    "chance_of_help",
    "other_options_and_waiting",
]


def ids(prompts):
    return [p.id for p in prompts]


def test_general_questions_are_always_offered(pack, answers):
    assert ids(suggested_questions(pack, answers(self_harm_thoughts="not_at_all"))) == ALWAYS


def test_questions_are_tailored_to_the_answers(pack, answers):
    given = answers(
        self_harm_thoughts="several_days",
        blood_pressure="high_uncontrolled",
        transport="no",
        medicines=["maoi"],
        age_group="65_plus",
    )
    offered = ids(suggested_questions(pack, given))
    assert offered[: len(ALWAYS)] == ALWAYS
    assert {"keep_safe", "blood_pressure_checks", "ride_home", "my_medicines", "my_age_older"} <= set(offered)
    assert "my_age_young" not in offered


def test_ticked_questions_that_no_longer_apply_are_dropped(pack, answers):
    ticked = Deliberation(ticked=("blood_pressure_checks", "approved_or_off_label"), own_questions=("Mine?",))
    # With no safety answer the safety question would be kept too (test_summary checks that).
    with_bp = answers(self_harm_thoughts="not_at_all", blood_pressure="unsure")
    assert list(build_summary(pack, with_bp, ticked).questions) == [
        "Is this the approved esketamine nasal spray, or off-label ketamine?",
        "How will my blood pressure be checked during and after a session?",
        "Mine?",
    ]
    assert "How will my blood pressure" not in " ".join(
        build_summary(
            pack, answers(self_harm_thoughts="not_at_all", blood_pressure="normal"), ticked
        ).questions
    )


def test_own_questions_are_trimmed_limited_and_not_repeated(pack):
    limits = pack.deliberation.questions
    d = Deliberation()
    d = add_own_question(pack, d, "   Can my   partner\nstay?  ")
    d = add_own_question(pack, d, "Can my partner stay?")
    d = add_own_question(pack, d, "   ")
    assert d.own_questions == ("Can my partner stay?",)
    d = add_own_question(pack, d, "x" * (limits.own_max_chars + 50))
    assert len(d.own_questions[-1]) == limits.own_max_chars
    for n in range(10):
        d = add_own_question(pack, d, f"Question {n}")
    assert len(d.own_questions) == limits.own_max_count
    assert clean_text(" a \t b ", 10) == "a b"


def test_sure_result_counts_yes_and_names_each_gap(pack):
    result = sure_result(
        pack,
        Deliberation(
            sure={"sure": False, "understand": True, "risks_benefits": True, "encouragement": False}
        ),
    )
    assert (result.answered, result.yes, result.complete) == (4, 2, True)
    assert [g.id for g in result.gaps] == ["sure", "encouragement"]
    assert all(g.next_step for g in result.gaps)
    partial = sure_result(pack, Deliberation(sure={"understand": True}))
    assert (partial.answered, partial.yes, partial.gaps, partial.complete) == (1, 1, (), False)


def test_values_are_shown_back_beside_option_rows_never_scored(pack, answers):
    d = Deliberation(values={"quick_relief": "very", "cost": "not_important"}, leaning="not_sure")
    summary = build_summary(pack, answers(self_harm_thoughts="not_at_all"), d)
    assert [(v.label, v.rating_label, v.option_row) for v in summary.values] == [
        ("Feeling better quickly", "Very important", "How soon might it help?"),
        ("Keeping costs low", "Not important", "What about cost and insurance?"),
    ]
    assert (summary.leaning.value, summary.leaning.label) == ("not_sure", "Not sure yet")
    assert not any(hasattr(summary, name) for name in ("score", "ranking", "best_option"))


def test_not_sure_yet_is_the_first_leaning(pack):
    assert pack.deliberation.leaning.choices[0].label == "Not sure yet"

import pytest
from pydantic import TypeAdapter

from decision_aid.conditions import Condition, NotExpressible, enable_when, evaluate, explain

ORDER = {"count": ("0", "1", "2", "3_or_more")}
ANSWERS = {"bp": "high_uncontrolled", "count": "2", "meds": ("maoi", "opioids")}


def cond(data) -> Condition:
    return TypeAdapter(Condition).validate_python(data)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"question": "bp", "operator": "=", "answer": "high_uncontrolled"}, True),
        ({"question": "bp", "operator": "=", "answer": "normal"}, False),
        ({"question": "bp", "operator": "!=", "answer": "normal"}, True),
        ({"question": "bp", "operator": "!=", "answer": "high_uncontrolled"}, False),
        ({"question": "bp", "operator": "in", "answer": ["unsure", "high_uncontrolled"]}, True),
        ({"question": "bp", "operator": "in", "answer": ["unsure", "normal"]}, False),
        ({"question": "bp", "operator": "exists", "answer": True}, True),
        ({"question": "missing", "operator": "exists", "answer": True}, False),
        ({"question": "missing", "operator": "exists", "answer": False}, True),
        ({"question": "count", "operator": ">=", "answer": "1"}, True),
        ({"question": "count", "operator": ">", "answer": "2"}, False),
        ({"question": "count", "operator": "<=", "answer": "2"}, True),
        ({"question": "count", "operator": "<", "answer": "2"}, False),
        # multi-choice: "=" includes, "!=" does not include, "in" includes any
        ({"question": "meds", "operator": "=", "answer": "maoi"}, True),
        ({"question": "meds", "operator": "=", "answer": "stimulants"}, False),
        ({"question": "meds", "operator": "!=", "answer": "stimulants"}, True),
        ({"question": "meds", "operator": "!=", "answer": "maoi"}, False),
        ({"question": "meds", "operator": "in", "answer": ["stimulants", "opioids"]}, True),
        # a clause on an unanswered question is false
        ({"question": "missing", "operator": "!=", "answer": "x"}, False),
        ({"question": "missing", "operator": "in", "answer": ["x"]}, False),
    ],
)
def test_each_operator(data, expected):
    assert evaluate(cond(data), ANSWERS, ORDER) is expected


def test_groups():
    yes = {"question": "bp", "operator": "=", "answer": "high_uncontrolled"}
    no = {"question": "bp", "operator": "=", "answer": "normal"}
    assert evaluate(cond({"all": [yes, yes]}), ANSWERS) is True
    assert evaluate(cond({"all": [yes, no]}), ANSWERS) is False
    assert evaluate(cond({"any": [no, yes]}), ANSWERS) is True
    assert evaluate(cond({"any": [no, no]}), ANSWERS) is False
    assert evaluate(cond({"not": no}), ANSWERS) is True
    assert evaluate(cond({"not": {"any": [yes, no]}}), ANSWERS) is False


def test_ordinal_needs_choice_order():
    with pytest.raises(ValueError, match="choice order"):
        evaluate(cond({"question": "count", "operator": ">", "answer": "1"}), ANSWERS)


def test_unknown_operator_and_stray_fields_are_rejected():
    with pytest.raises(ValueError):
        cond({"question": "bp", "operator": "~", "answer": "x"})
    with pytest.raises(ValueError):
        cond({"question": "bp", "operator": "=", "answer": "x", "extra": 1})


def test_explain_names_the_answers_that_matched():
    condition = cond(
        {
            "any": [
                {"question": "meds", "operator": "in", "answer": ["maoi", "stimulants", "opioids"]},
                {"question": "bp", "operator": "=", "answer": "normal"},
                {"question": "count", "operator": ">=", "answer": "2"},
            ]
        }
    )
    assert explain(condition, ANSWERS, ORDER) == [("meds", "maoi"), ("meds", "opioids"), ("count", "2")]


def test_explain_is_empty_when_false_and_names_nothing_for_negations():
    assert explain(cond({"question": "bp", "operator": "=", "answer": "normal"}), ANSWERS) == []
    negated = cond(
        {
            "all": [
                {"not": {"question": "bp", "operator": "=", "answer": "normal"}},
                {"question": "missing", "operator": "exists", "answer": False},
            ]
        }
    )
    assert evaluate(negated, ANSWERS) is True
    assert explain(negated, ANSWERS) == []


def test_explain_does_not_repeat_a_fact():
    clause = {"question": "bp", "operator": "=", "answer": "high_uncontrolled"}
    assert explain(cond({"all": [clause, clause]}), ANSWERS) == [("bp", "high_uncontrolled")]


ALL_VALUES = {"bp": ("normal", "high_uncontrolled", "unsure"), **ORDER}


def checks(data):
    found, behavior = enable_when(cond(data), ALL_VALUES)
    return [(c.question, c.operator, c.answer) for c in found], behavior


def test_enable_when_writes_not_equal_with_an_answered_check():
    # Ours is false on an unanswered question; FHIR's "!=" alone would be true.
    assert checks({"question": "bp", "operator": "!=", "answer": "normal"}) == (
        [("bp", "exists", True), ("bp", "!=", "normal")],
        "all",
    )


def test_enable_when_spreads_in_and_ordinal_compares_over_any():
    assert checks({"question": "count", "operator": ">=", "answer": "2"}) == (
        [("count", "=", "2"), ("count", "=", "3_or_more")],
        "any",
    )
    assert checks({"question": "bp", "operator": "in", "answer": ["normal", "unsure"]})[1] == "any"


@pytest.mark.parametrize(
    "data",
    [
        {"not": {"question": "bp", "operator": "=", "answer": "normal"}},
        {
            "any": [
                {"question": "bp", "operator": "!=", "answer": "normal"},
                {"question": "count", "operator": "=", "answer": "1"},
            ]
        },
        {
            "all": [
                {"question": "bp", "operator": "in", "answer": ["normal", "unsure"]},
                {"question": "count", "operator": "=", "answer": "1"},
            ]
        },
        {"question": "count", "operator": "<", "answer": "0"},  # matches no choice: never true
    ],
)
def test_enable_when_refuses_what_fhir_cannot_hold(data):
    with pytest.raises(NotExpressible):
        enable_when(cond(data), ALL_VALUES)

import re

import pytest
from hypothesis import HealthCheck, given, settings

from decision_aid import flow, safety
from decision_aid.answers import Answers
from decision_aid.summary import build_summary, summary_json
from tests.unit.strategies import PACK, answer_sets


def output_text(summary) -> str:
    parts = []
    for shown in summary.topics:
        parts += [shown.topic.title, shown.topic.body, *(r.text for r in shown.reasons)]
    return " ".join(" ".join(parts).lower().split())


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answer_sets())
def test_safety_invariants_hold_for_any_answers(answers):
    summary = build_summary(PACK, answers)
    data = summary_json(summary)
    kinds = [t["kind"] for t in data["topics"]]

    assert kinds[-1] == "next_step" and kinds.count("next_step") == 1
    crisis_expected = answers.get("self_harm_thoughts") != "not_at_all"
    assert data["crisis"] is crisis_expected
    assert (kinds[0] == "crisis") is crisis_expected
    assert kinds.count("crisis") == (1 if crisis_expected else 0)

    text = output_text(summary)
    for phrase in PACK.style.forbidden_phrases:
        assert phrase.lower() not in text

    effective = flow.effective_answers(PACK.questionnaire, answers)
    for topic in data["topics"]:
        for reason in topic["reasons"]:
            if topic["kind"] == "crisis" and reason["answer"] is None:
                assert reason["question"] == "self_harm_thoughts"
                assert "self_harm_thoughts" not in effective
                continue
            value = effective[reason["question"]]
            assert reason["answer"] == value or reason["answer"] in value
    assert set(data["unanswered"]).isdisjoint(effective)


def test_recommendation_words_are_not_used_anywhere_in_the_pack():
    everything = " ".join(
        [t.body for t in PACK.topics]
        + [t.title for t in PACK.topics]
        + [q.text + " " + q.help for q in PACK.questionnaire.questions]
    ).lower()
    assert not re.search(r"\b(we recommend|you should (have|take|try|get)|best option)\b", everything)


def test_a_missing_safety_answer_counts_as_not_ruled_out():
    summary = build_summary(PACK, Answers())
    first = summary.topics[0]
    assert summary.crisis and first.topic.id == "crisis"
    assert first.reasons[0].question == "self_harm_thoughts" and first.reasons[0].answer is None


def test_not_at_all_shows_no_crisis_topic():
    summary = build_summary(PACK, Answers(values={"self_harm_thoughts": "not_at_all"}))
    assert not summary.crisis
    assert all(s.topic.kind != "crisis" for s in summary.topics)


def test_panel_waits_for_an_answer_only_while_the_safety_step_is_open():
    unanswered = Answers()
    assert not safety.show_crisis_panel(unanswered, safety_step_open=True)
    assert safety.show_crisis_panel(unanswered, safety_step_open=False)
    for value in ("several_days", "more_than_half", "nearly_every_day", "prefer_not_to_say"):
        worried = Answers(values={"self_harm_thoughts": value})
        assert safety.show_crisis_panel(worried, safety_step_open=True)
    calm = Answers(values={"self_harm_thoughts": "not_at_all"})
    assert not safety.show_crisis_panel(calm, safety_step_open=False)


@pytest.mark.parametrize(
    ("locale", "typed", "found"),
    [
        ("en", "I keep thinking about killing myself, is that normal?", True),
        ("en", "I don't want to live anymore", True),
        ("en", "I don’t want to live like this", True),  # a typographic apostrophe
        ("en", "Does it help SUICIDAL thoughts?", True),
        ("en", "Will it help my   self-harm urges?", True),
        ("en", "Can my partner drive me home?", False),
        ("en", "Is it a skill myself and my doctor can learn?", False),  # "kill myself" inside a word
        ("es", "No quiero vivir así", True),
        ("es", "¿Es normal pensar en el suicidio?", True),
        ("es", "Pienso en hacerme dano", True),  # typed without the accent
        ("es", "¿Mi pareja puede llevarme a casa?", False),
        # A second review's phrases that the first list missed:
        ("en", "Sometimes I wish I was dead", True),
        ("en", "I want to end it all", True),
        ("en", "I'd rather be dead", True),
        ("en", "I've been cutting myself again", True),
        ("es", "A veces me quiero matar", True),
        ("es", "No quiero seguir viviendo", True),
        # A Spanish review: the pronoun before the verb, as Spanish mostly puts it, was missed.
        ("es", "me quiero suicidar, ¿la ketamina me ayuda?", True),
        ("es", "me quiero quitar la vida", True),
        ("es", "me voy a quitar la vida", True),
        ("es", "me voy a matar", True),
        ("es", "a veces pienso en morirme", True),
        ("es", "tengo ganas de morir", True),
        ("es", "me quiero hacer daño", True),
        ("es", "me corto los brazos", True),
        ("es", "me lastimo a veces", True),
        ("es", "me quiero ahorcar", True),
        ("es", "quiero tomarme todas las pastillas", True),
        ("es", "quiero dormir y no despertar", True),
        ("es", "quiero desaparecer", True),
        # Either language's words, in either language's aid.
        ("es", "I want to kill myself", True),
        ("es", "suicide", True),
        ("en", "me quiero suicidar", True),
        ("en", "no quiero vivir", True),
        ("es", "¿Cuánto cuesta y cuánto dura?", False),
        ("es", "¿Me corto el pelo antes?", False),  # "me corto" alone would be noticed here
        # A second Spanish review: plurals, methods and wishes to be dead were missed, and
        ("es", "tengo pensamientos suicidas", True),
        ("es", "me quiero cortar las venas", True),
        ("es", "me quiero colgar", True),
        ("es", "me voy a tirar por la ventana", True),
        ("es", "me quiero dar un tiro", True),
        ("es", "me quiero autolesionar", True),
        ("es", "ojalá me muriera", True),
        ("es", "no tengo ganas de vivir", True),
        ("es", "me quiero ir de este mundo", True),
        ("es", "quiero irme de este mundo", True),
        ("es", "me kiero matar", True),
        # three ordinary questions brought the crisis lines.
        ("es", "¿Puedo cortarme el pelo el mismo día de la sesión?", False),
        ("es", "¿Tengo que dejar de tomar todas las pastillas antes?", False),
        ("es", "¿Puedo seguir viviendo en otra ciudad durante el tratamiento?", False),
        # A red-team review: the other language's whole list is read (the help vanished after
        # a switch of language), and these were missed.
        ("en", "me quiero ahorcar", True),
        ("es", "I wanna die, is that normal?", True),
        ("es", "better off dead", True),
        ("en", "I want to hang myself", True),
        ("en", "I might take my own life", True),
        ("en", "I don't want to be alive", True),
        ("en", "I want to be dead", True),
        ("en", "I have been self harming", True),
        ("en", "I overdosed last year", True),
        ("en", "thinking of sucide", True),
        ("en", "I could kill my self", True),
        ("en", "I keep thinking about ending it all", True),
        ("en", "I want to take all my pills", True),
        ("en", "I don`t want to live", True),  # apostrophes as keyboards type them
        ("en", "I don‘t want to live", True),
        ("en", "I don´t want to live", True),
        ("en", "sui\u200dcide", True),  # a zero-width joiner inside the word
        ("en", "\u0455uicide", True),  # a Cyrillic letter that looks like "s"
        ("es", "quiero cortarme", True),
        ("es", "pienso en cortarme", True),
        ("es", "quiero tomar todas las pastillas", True),
        ("es", "no sé si quiero seguir viviendo", True),
        ("es", "quiero dejar de vivir", True),
        ("es", "no quiero estar viva", True),
        ("es", "ojalá estuviera muerto", True),
        ("es", "kiero morir", True),
        ("en", "Will I need to take time off work?", False),
        ("en", "How far is the clinic, in miles?", False),
    ],
)
def test_typed_words_about_suicide_or_self_harm_are_noticed(locale, typed, found):
    """Typed words are read for the help they may ask for (a second review typed "I don't
    want to live anymore" into Prepare and saw no crisis lines); nothing is kept or logged."""
    from decision_aid.content import load_pack

    assert safety.typed_crisis_words(load_pack(locale), (typed,)) is found
    assert safety.typed_crisis_words(load_pack(locale), ("", "Will it hurt?", typed)) is found


@pytest.mark.parametrize("locale", ["en", "es"])
def test_the_crisis_words_fit_the_reason_they_are_shown_for(locale):
    """The crisis note said "If you were not sure how to answer, or chose not to, that is
    fine" to everyone, also to a person who answered "nearly every day" or whose own typed
    words brought it. That reassurance now goes only with a declined or missing answer."""
    from decision_aid.content import load_pack

    pack = load_pack(locale)
    fine = pack.ui.reason_safety_fine
    assert fine and fine not in pack.topic("crisis").body
    for value in ("several_days", "more_than_half", "nearly_every_day"):
        (reason,) = build_summary(pack, Answers(values={"self_harm_thoughts": value})).crisis.reasons
        assert fine not in reason.text
    for values in ({"self_harm_thoughts": "prefer_not_to_say"}, {}):
        (reason,) = build_summary(pack, Answers(values=values)).crisis.reasons
        assert reason.text.endswith(fine)
    typed = safety.typed_reason(pack)
    assert fine not in typed.text

"""No content id can collide with the app's own session state.

Question ids are authored data; the shell's keys are its own. A pack whose questions are
named like the shell's state ("leaning", "step", "answers", "mode", ...) must work like any
other: answered, kept, summarised, and independent of the widgets of the same words.
Widgets are found by their labels here, so the test reads the same on any key scheme.
"""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from decision_aid.content import load_pack
from decision_aid.schema import Choice, Question
from decision_aid.ui import state

APP = str(Path(__file__).resolve().parents[2] / "app.py")
# Names the shell used for its own state and widgets before keys were namespaced.
SHELL_WORDS = ("leaning", "step", "answers", "mode", "deliberation", "go_to", "own_value", "crisis_region")


def question(question_id: str) -> Question:
    return Question(
        id=question_id,
        short=f"Extra {question_id}",
        text=f"Extra question {question_id}?",
        help="A question added by this test.",
        choices=(Choice(value="yes", label="Yes"), Choice(value="no", label="No")),
    )


@pytest.fixture
def pack_with_shell_words(monkeypatch):
    pack = load_pack("en")
    first, *rest = pack.questionnaire.sections
    first = first.model_copy(update={"questions": first.questions + tuple(map(question, SHELL_WORDS))})
    questionnaire = type(pack.questionnaire)(sections=(first, *rest))
    changed = pack.model_copy(update={"questionnaire": questionnaire})
    monkeypatch.setattr(state, "pack", lambda code=None: changed if code in (None, "en") else load_pack(code))
    return changed


def ok(at):
    assert not at.exception, [e.value for e in at.exception]
    return at


def radio(at, label_start):
    return next(r for r in at.radio if r.label.startswith(label_start))


def click(at, label):
    return ok(next(b for b in at.button if b.label == label).click().run())


def test_questions_named_like_the_shells_state_work_like_any_other(pack_with_shell_words):
    at = ok(AppTest.from_file(APP, default_timeout=30).run())
    click(at, "Start the questions")
    ok(radio(at, "Over the last 2 weeks").set_value("not_at_all").run())
    for word in SHELL_WORDS:
        ok(radio(at, f"Extra question {word}?").set_value("yes").run())
    assert all(radio(at, f"Extra question {word}?").value == "yes" for word in SHELL_WORDS)
    for label in ("Next", "Next", "Next", "Next: check your answers", "See my results"):
        click(at, label)
    assert at.title[0].value == "What applies to you"
    told = " ".join(e.proto.label + " ".join(m.value for m in at.markdown) for e in at.expander)
    assert all(f"Extra question {word}? **Yes**" in told for word in SHELL_WORDS)
    for _ in range(4):  # the facts in three stages, then compare options
        click(at, next(b.label for b in at.button if b.label.startswith("Next:")))
    click(at, "Next: Prepare for your visit")
    assert at.title[0].value == "Prepare for your visit"
    leaning = radio(at, "Which way are you leaning")
    assert leaning.value is None  # not the "yes" given to the question named "leaning"
    ok(leaning.set_value("not_sure").run())
    assert radio(at, "Which way are you leaning").value == "not_sure"
    for _ in range(5):  # Back through the stages to What applies to you
        ok(at.button(key=f"nav:stage_back_{at.session_state['app:session'].stage}_top").click().run())
    assert at.title[0].value == "What applies to you"
    click(at, "Change my answers")
    ok(at.button(key="nav:change_self_harm_thoughts").click().run())
    assert all(radio(at, f"Extra question {word}?").value == "yes" for word in SHELL_WORDS)

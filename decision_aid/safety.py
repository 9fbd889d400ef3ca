"""Crisis detection and the professional-care ending. The safety invariants live here:

- any safety answer other than "not at all", a missing one included, puts the crisis
  resources first; so do words about suicide or self-harm in what the person typed;
- the results always end with the advice to talk with a professional;
- whenever the crisis resources show, the summary's questions for a clinician include how
  to keep the person safe, whether they ticked it or not.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

from decision_aid.answers import Answers
from decision_aid.schema import Pack, Prompt
from decision_aid.tailoring import Reason, ShownTopic, reason_for

SAFETY_QUESTION = "self_harm_thoughts"
NO_THOUGHTS = "not_at_all"
DECLINED = "prefer_not_to_say"
CRISIS_TOPIC = "crisis"
TYPED_WORDS = "typed_words"  # a crisis reason's "question" when the person's own words brought it
SAFETY_PROMPT = "keep_safe"  # "How can we keep me safe while I decide?" in deliberation.yaml
FRAME_KINDS = ("crisis", "next_step")


def crisis_triggered(answers: Answers) -> bool:
    """True unless the person said they have had no thoughts of self-harm.

    A missing answer counts: it has not ruled anything out.
    """
    return answers.get(SAFETY_QUESTION) != NO_THOUGHTS


def show_crisis_panel(answers: Answers, *, safety_step_open: bool) -> bool:
    """Whether the full crisis panel belongs on screen now.

    While the person is still on the safety question and has not answered it, only the
    always-present "In danger now?" line shows; the panel comes the moment they answer
    anything other than "not at all", and stays on every later screen.
    """
    if safety_step_open and answers.get(SAFETY_QUESTION) is None:
        return False
    return crisis_triggered(answers)


def typed_crisis_words(pack: Pack, typed: Iterable[str]) -> bool:
    """Whether words the person typed (their own questions, what else matters) speak of
    suicide or self-harm, by the phrases of every language's pack: words typed in Spanish
    still count after a switch to English (a red-team review saw the help vanish). Only ever
    adds help on screen: words that do not match say nothing about safety, and nothing typed
    is kept or logged for it."""
    pattern = _signals(_every_language(pack.crisis.typed_signals))
    return any(pattern.search(_plain(text)) for text in typed if text)


@functools.cache  # once per pack: listing the packs reads the content folder
def _every_language(own: tuple[str, ...]) -> tuple[str, ...]:
    from decision_aid.content import load_pack, locales  # the packs load once per process

    shipped = (phrase for locale in locales() for phrase in load_pack(locale).crisis.typed_signals)
    return tuple(dict.fromkeys((*own, *shipped)))


# Apostrophes as keyboards and phones type them, and letters from other alphabets that look
# like Latin ones (Cyrillic "ѕ" in "ѕuicide"): read as the plain letter.
_SAME_AS = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u02bc\u0060\u00b4\u2032", "'"),
        **dict(zip("аеорсухѕіјԁһԛԝӏοαικνρτυε", "aeopcyxsijdhqwloaikvptue", strict=True)),
    }
)
# Characters that draw nothing: a zero-width joiner inside a word hid it from the phrases.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))


def _plain(text: str) -> str:
    """Lower case; accents, invisible characters and look-alike letters gone; apostrophes
    plain; one space between words."""
    text = unicodedata.normalize("NFKD", text.casefold().translate(_INVISIBLE).translate(_SAME_AS))
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).split())


@functools.cache  # one per pack: built once, then a lookup
def _signals(phrases: tuple[str, ...]) -> re.Pattern[str]:
    words = "|".join(re.escape(_plain(p)) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{words})(?!\w)")


def crisis_reason(pack: Pack, answers: Answers) -> Reason:
    """Why the crisis resources show. A declined or missing answer is told that is fine;
    an answer that names thoughts, or typed words, never is."""
    value = answers.get(SAFETY_QUESTION)
    question = pack.questionnaire.by_id[SAFETY_QUESTION]
    if value is None:
        return Reason(
            question=SAFETY_QUESTION,
            answer=None,
            text=f"{pack.ui.reason_safety_unanswered} {pack.ui.reason_safety_fine}",
        )
    reason = reason_for(pack, question, str(value))
    if value == DECLINED:
        return reason.model_copy(update={"text": f"{reason.text} {pack.ui.reason_safety_fine}"})
    return reason


def typed_reason(pack: Pack) -> Reason:
    """Why the crisis part is there when the person's own words brought it: never the words."""
    return Reason(question=TYPED_WORDS, answer=None, text=pack.ui.typed_crisis_reason)


def frame(
    pack: Pack, answers: Answers, topics: list[ShownTopic], typed: bool = False
) -> tuple[ShownTopic | None, tuple[ShownTopic, ...], ShownTopic]:
    """The crisis resources (when the safety answer or the person's typed words bring them),
    the topics between, and the care advice that always ends the results. Crisis and care
    topics come only from here, never from a condition."""
    body = tuple(t for t in topics if t.topic.kind not in FRAME_KINDS)
    care = ShownTopic(topic=next(t for t in pack.topics if t.kind == "next_step"))
    reasons = ((crisis_reason(pack, answers),) if crisis_triggered(answers) else ()) + (
        (typed_reason(pack),) if typed else ()
    )
    if not reasons:
        return None, body, care
    return ShownTopic(topic=pack.topic(CRISIS_TOPIC), reasons=reasons), body, care


def safety_prompt(pack: Pack, answers: Answers, typed: bool = False) -> Prompt | None:
    """The safety question to ask a clinician, kept whenever the crisis resources show."""
    if not crisis_triggered(answers) and not typed:
        return None
    return next(p for p in pack.deliberation.questions.items if p.id == SAFETY_PROMPT)

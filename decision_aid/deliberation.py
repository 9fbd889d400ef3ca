"""What matters to the person, their leaning, their understanding and their questions.

Values are shown back beside the options; they are never turned into a score or a
ranking of treatments. The SURE score describes the person's readiness, not an option.
"""

from __future__ import annotations

import hashlib
import unicodedata

from pydantic import BaseModel, ConfigDict, ValidationError

from decision_aid.answers import Answers
from decision_aid.conditions import evaluate
from decision_aid.flow import effective_answers
from decision_aid.safety import typed_crisis_words
from decision_aid.schema import Pack, Prompt, SureItem


class Deliberation(BaseModel):
    """The person's own weighing. Everything is optional, and absent means not answered."""

    model_config = ConfigDict(frozen=True)

    values: dict[str, str] = {}
    own_value: str = ""
    leaning: str | None = None
    knowledge: dict[str, bool] = {}
    sure: dict[str, bool] = {}
    ticked: tuple[str, ...] = ()
    own_questions: tuple[str, ...] = ()
    # Safety, kept with the words they are about (a red-team review): these travel with the
    # weighing to the summary and in the hand-off code, which may leave the words out.
    # Words typed in this session spoke of suicide or self-harm: read before any cut, and
    # kept after the words are removed.
    typed_crisis: bool = False
    # The aid showed its crisis resources in this session, for an answer or words since changed.
    crisis_shown: bool = False

    def update(self, **changes) -> Deliberation:
        """A copy with these changes, their types checked: a ValidationError for a value of
        the wrong kind (a SURE answer that is not true or false, a rating that is not text)."""
        return type(self).model_validate({**dict(self), **changes}, strict=True)


class SureAnswer(BaseModel):
    model_config = ConfigDict(frozen=True)

    item: SureItem
    yes: bool


class SureResult(BaseModel):
    """The SURE answers given so far, in the test's order."""

    model_config = ConfigDict(frozen=True)

    answers: tuple[SureAnswer, ...]
    total: int  # how many questions the test has

    @property
    def answered(self) -> int:
        return len(self.answers)

    @property
    def yes(self) -> int:
        return sum(a.yes for a in self.answers)

    @property
    def gaps(self) -> tuple[SureItem, ...]:
        return tuple(a.item for a in self.answers if not a.yes)

    @property
    def complete(self) -> bool:
        return self.answered == self.total


def suggested_questions(pack: Pack, answers: Answers) -> list[Prompt]:
    """Every general prompt, then those that fit what the person told us."""
    return prompts_for(pack, effective_answers(pack.questionnaire, answers))


def prompts_for(pack: Pack, effective: dict) -> list[Prompt]:
    """As ``suggested_questions``, given the answers that count."""
    order = pack.questionnaire.choice_order
    return [
        prompt
        for prompt in pack.deliberation.questions.items
        if prompt.show_when is None or evaluate(prompt.show_when, effective, order)
    ]


def sure_result(pack: Pack, deliberation: Deliberation) -> SureResult:
    items = pack.deliberation.sure.items
    return SureResult(
        answers=tuple(
            SureAnswer(item=item, yes=deliberation.sure[item.id])
            for item in items
            if item.id in deliberation.sure
        ),
        total=len(items),
    )


def knowledge_correct(pack: Pack, item_id: str, answer: bool) -> bool:
    item = next(i for i in pack.deliberation.knowledge.items if i.id == item_id)
    return item.answer is answer


# Kept among the format characters: they join or part letters in emoji and in some scripts.
_JOINERS = {"\u200c", "\u200d"}


def _shown(char: str) -> bool:
    """False for what no one types to be read: control characters (NUL and the rest, which
    make a FHIR string invalid), format characters such as the bidi overrides that reverse
    the text around them, lone surrogates and the non-characters."""
    category = unicodedata.category(char)
    if category in ("Cc", "Cs") or (category == "Cf" and char not in _JOINERS):
        return False
    return not (0xFDD0 <= ord(char) <= 0xFDEF or (ord(char) & 0xFFFE) == 0xFFFE)


def _one_line(text: str) -> str:
    return " ".join("".join(c for c in text if c.isspace() or _shown(c)).split())


def clean_text(text: str, max_chars: int) -> str:
    """A person's own words: one line, trimmed, no control or format characters, and no
    longer than allowed. Whitespace (tabs and line breaks too) becomes one space."""
    return _one_line(text)[:max_chars].strip()


def too_long(text: str, max_chars: int) -> bool:
    """True when clean_text cuts these words short (so the person can be told)."""
    return len(_one_line(text)) > max_chars


def accepted(pack: Pack, deliberation: Deliberation) -> bool:
    """Only what the Prepare screen's widgets can give: ratings from the scale for known
    values, known knowledge and SURE items answered true or false, a leaning among its
    choices, ticks on known prompts, and the person's words as clean_text leaves them."""
    content = pack.deliberation
    scale = {c.value for c in content.values.scale}
    questions = content.questions
    own = deliberation.own_questions
    return (
        set(deliberation.values) <= {i.id for i in content.values.items}
        and set(deliberation.values.values()) <= scale
        and set(deliberation.knowledge) <= {i.id for i in content.knowledge.items}
        and set(deliberation.sure) <= {i.id for i in content.sure.items}
        and deliberation.leaning in {None, *(c.value for c in content.leaning.choices)}
        and set(deliberation.ticked) <= {p.id for p in questions.items}
        and deliberation.own_value == clean_text(deliberation.own_value, content.values.own_max_chars)
        and len(own) <= questions.own_max_count
        and len(set(own)) == len(own)
        and all(q and q == clean_text(q, questions.own_max_chars) for q in own)
    )


def updated(pack: Pack, deliberation: Deliberation, **changes) -> Deliberation | None:
    """The deliberation with these changes, or None when they are not ones it accepts."""
    try:
        after = deliberation.update(**changes)
    except ValidationError:
        return None
    return after if accepted(pack, after) else None


def own_question_id(text: str) -> str:
    """A stable name for one of the person's own questions (they are unique): a button that
    acts on it names it, so a repeated or stale click cannot reach another question."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def add_own_question(pack: Pack, deliberation: Deliberation, text: str) -> Deliberation:
    limits = pack.deliberation.questions
    deliberation = read_for_crisis(pack, deliberation, text)
    cleaned = clean_text(text, limits.own_max_chars)
    if not cleaned or cleaned in deliberation.own_questions:
        return deliberation
    if len(deliberation.own_questions) >= limits.own_max_count:
        return deliberation
    return deliberation.update(own_questions=(*deliberation.own_questions, cleaned))


def with_own_value(pack: Pack, deliberation: Deliberation, text: str) -> Deliberation:
    """What else matters to the person, cut to its limit once read for crisis words."""
    cleaned = clean_text(text, pack.deliberation.values.own_max_chars)
    return read_for_crisis(pack, deliberation, text).update(own_value=cleaned)


def read_for_crisis(pack: Pack, deliberation: Deliberation, text: str) -> Deliberation:
    """Words as typed, whole, read for suicide or self-harm: a phrase past the box's limit was
    cut off before it was read, and no help came (a red-team review)."""
    if deliberation.typed_crisis or not typed_crisis_words(pack, (text,)):
        return deliberation
    return deliberation.update(typed_crisis=True)


def typed_crisis(pack: Pack, deliberation: Deliberation) -> bool:
    """Whether the person's typed words, now or earlier in this session, spoke of suicide or
    self-harm."""
    return deliberation.typed_crisis or typed_crisis_words(
        pack, (deliberation.own_value, *deliberation.own_questions)
    )


def chosen_prompts(offered: list[Prompt], deliberation: Deliberation) -> list[Prompt]:
    """The offered prompts the person ticked; a tick on a prompt no longer offered is kept but
    does not count, as with an answer to a hidden question."""
    ticked = set(deliberation.ticked)
    return [p for p in offered if p.id in ticked]

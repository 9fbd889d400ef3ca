"""What a clinician needs first in a short visit: the key points and a note for the record.

How the UI calls it (issue 16):

    summary = build_summary(pack, answers, deliberation)
    points = clinician.key_points(pack, summary)     # draw points.crisis first, then the checklist...
    note = clinician.record_note(pack, summary, datetime.datetime.now())  # plain text to copy

Every word comes from the content pack (``pack.ui.clinician``). The checklist reports what
the person said about each item the esketamine label lists, with where the label lists it
(contraindication, boxed warning, warning, specific population): items to review, never a
verdict, and nothing here decides anything.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Literal

from decision_aid import safety
from decision_aid.schema import ClinicianText, Pack
from decision_aid.summary import AnsweredQuestion, RatedValue, Summary
from decision_aid.tailoring import ShownTopic, answer_labels

Status = Literal["reported", "denied", "not_sure", "not_answered"]
Category = Literal["contraindication", "boxed_warning", "warning", "interaction", "population"]
STATUS_ORDER: tuple[Status, ...] = ("reported", "not_sure", "not_answered", "denied")

# PHQ-9 scoring of item 9: the safety question is its wording, and its choices are its scale.
ITEM_NINE_SCORES = {"not_at_all": 0, "several_days": 1, "more_than_half": 2, "nearly_every_day": 3}
ITEM_NINE_DECLINED = safety.DECLINED
UNSURE = "unsure"


@dataclass(frozen=True)
class LabelItem:
    """One checklist item: the questions that ask about it, and which answers report it.

    Where the label lists it (../shared/evidence/clinical-facts.md, section 4): aneurysmal
    vascular disease or AVM, intracerebral haemorrhage and hypersensitivity are
    contraindications (4.2); abuse and misuse (4.1) and respiratory depression (13.4) are in
    the boxed warning; increased blood pressure (with the heart and brain conditions that
    need caution: stroke, heart disease), embryo-fetal toxicity, dissociation (psychosis) and
    ulcerative or interstitial cystitis are warnings and precautions (4.3; pregnancy is "not
    recommended", not a contraindication); CNS depressants, alcohol among them (more
    sedation), and psychostimulants such as amphetamines, or MAOIs (blood pressure) are drug
    interactions (4.5); age under 18 (not approved) or 65 and over, and hepatic impairment,
    are specific populations (4.4, 13.4). Every answer the patient's screen calls a label
    item is here.
    """

    id: str
    category: Category
    reported: tuple[tuple[str, frozenset[str]], ...]  # (question, its answers that report the item)
    # Answers that leave the item open, as "not sure" does: a stroke may have been a bleed.
    open: tuple[tuple[str, frozenset[str]], ...] = ()
    # An item a patient cannot deny (an age): not listed as denied; the note says the answer.
    deniable: bool = True

    @property
    def questions(self) -> tuple[str, ...]:
        return tuple(question for question, _ in self.reported)


def _item(
    item_id: str,
    category: Category,
    left_open: dict[str, tuple[str, ...]] | None = None,
    deniable: bool = True,
    **reported: tuple[str, ...],
) -> LabelItem:
    """``reported``: each question's answers that report the item, by question id."""
    return LabelItem(
        item_id,
        category,
        tuple((question, frozenset(values)) for question, values in reported.items()),
        tuple((question, frozenset(values)) for question, values in (left_open or {}).items()),
        deniable,
    )


CHECKLIST: tuple[LabelItem, ...] = (
    _item("aneurysm_avm", "contraindication", vascular_conditions=("aneurysm", "avm")),
    _item(
        "intracerebral_haemorrhage",
        "contraindication",
        left_open={"vascular_conditions": ("stroke",)},
        vascular_conditions=("brain_bleed",),
    ),
    _item("hypersensitivity", "contraindication", other_conditions=("ketamine_allergy",)),
    _item(
        "substance_use",
        "boxed_warning",
        substance_use=("alcohol", "cannabis", "stimulants", "opioids", "ketamine_nonmedical", "other"),
    ),
    _item("respiratory_depression", "boxed_warning", other_conditions=("breathing_or_sleep_apnea",)),
    _item("blood_pressure", "warning", blood_pressure=("high_controlled", "high_uncontrolled")),
    _item("heart_brain", "warning", vascular_conditions=("stroke", "heart_disease")),
    _item("pregnancy_breastfeeding", "warning", pregnancy=("pregnant", "planning", "breastfeeding")),
    _item("psychosis", "warning", psychosis=("yes",)),
    _item("cystitis", "warning", other_conditions=("bladder",)),
    _item(
        "cns_depressants",
        "interaction",
        medicines=("benzodiazepines_or_sleep", "opioids"),
        substance_use=("alcohol", "opioids"),
    ),
    _item(
        "blood_pressure_medicines",
        "interaction",
        medicines=("stimulants", "maoi"),
        substance_use=("stimulants",),
    ),
    _item("hepatic", "population", other_conditions=("liver",)),
    _item("age", "population", deniable=False, age_group=("under_18", "65_plus")),
)

AGE_QUESTION = "age_group"  # said with the history: a patient does not deny an age
HISTORY = ("antidepressants_tried", "adequate_trial", "antidepressant_response", "other_treatments")


@dataclass(frozen=True)
class CrisisStatus:
    flagged: bool  # the aid showed its crisis resources (any answer but "not at all", none included)
    score: int | None  # PHQ-9 item 9, 0-3; None when declined or not answered
    answer: Literal["scored", "declined", "not_answered"]
    text: str  # "PHQ-9 item 9 (...): score 2, “More than half the days”"
    flag_text: str


@dataclass(frozen=True)
class ChecklistEntry:
    id: str
    label: str
    category: Category
    category_label: str
    status: Status
    status_label: str
    answers: tuple[str, ...]  # the answers that report it (which age; controlled or not)
    text: str  # the whole line, as the card has it
    brief: str  # the item without its status, as the note lists it under that status
    deniable: bool = True  # False: never listed as denied (an age); the note says the answer


@dataclass(frozen=True)
class FollowUp:
    question: str  # question id
    short: str
    reason: Literal["skipped", "not_sure"]
    text: str


@dataclass(frozen=True)
class KeyPoints:
    title: str
    crisis: CrisisStatus
    checklist_title: str
    checklist: tuple[ChecklistEntry, ...]
    history: str
    top_values: tuple[RatedValue, ...]
    values_text: str
    own_value: str  # "" when none; own_value_text is the line for it
    own_value_text: str
    leaning: str | None
    leaning_text: str
    sure_text: str
    questions: tuple[str, ...]  # the aid's prompts they ticked (the safety one when flagged), then their own
    added: tuple[str, ...]  # of those, the one the aid added itself (the safety one, unticked)
    questions_text: str
    prepare_given: bool  # any of values, own value, leaning, SURE; else the note says so in one line
    follow_ups: tuple[FollowUp, ...]
    follow_up_text: str
    shown_notes_text: str  # every note "What applies to you" showed, label item or not


def key_points(pack: Pack, summary: Summary) -> KeyPoints:
    words = pack.ui.clinician
    answered = {a.id: a for a in summary.answered}
    top = _top_values(pack, summary.values)
    return KeyPoints(
        title=words.key_points_title,
        crisis=_crisis(words, summary, answered.get(safety.SAFETY_QUESTION)),
        checklist_title=words.checklist_title,
        checklist=tuple(_entry(words, item, answered) for item in CHECKLIST),
        history=_history(words, answered, summary),
        top_values=top,
        values_text=(
            words.values.format(values="; ".join(f"{v.label} ({v.rating_label})" for v in top))
            if top
            else words.values_none
        ),
        own_value=summary.own_value,
        own_value_text=words.own_value.format(text=summary.own_value) if summary.own_value else "",
        leaning=summary.leaning.label if summary.leaning else None,
        leaning_text=(
            words.leaning.format(leaning=summary.leaning.label) if summary.leaning else words.leaning_none
        ),
        sure_text=(
            words.sure.format(yes=summary.sure.yes, answered=summary.sure.answered, total=summary.sure.total)
            if summary.sure
            else words.sure_none
        ),
        questions=summary.questions,
        added=(added := _added_by_aid(summary)),
        questions_text=(
            words.questions.format(
                questions="; ".join(
                    f"{q} {words.added_by_aid}" if q in added else q for q in summary.questions
                )
            )
            if summary.questions
            else words.questions_none
        ),
        prepare_given=bool(top or summary.own_value or summary.leaning or summary.sure),
        shown_notes_text=(
            words.shown_notes.format(
                titles="; ".join(_shown_note(pack, shown) for shown in summary.considerations)
            )
            if summary.considerations
            else words.shown_notes_none
        ),
        follow_ups=(follow := _follow_ups(pack, words, summary)),
        follow_up_text=(
            words.follow_up.format(items="; ".join(f.text for f in follow))
            if follow
            else words.follow_up_none
        ),
    )


def record_note(pack: Pack, summary: Summary, when: datetime.datetime) -> str:
    """Plain text for the medical record, in the clinician's voice: 12 to 18 lines."""
    points = key_points(pack, summary)
    words = pack.ui.clinician
    lines = [
        words.note_header.format(
            date=when.strftime("%Y-%m-%d %H:%M"), aid=pack.ui.app_title, version=summary.content_version
        ),
        f"{points.crisis.text}. {points.crisis.flag_text}",
        f"{points.checklist_title}:",
        *_checklist_groups(words, points.checklist),
        points.shown_notes_text,
        points.history,
        *(
            [
                points.values_text,
                *([points.own_value_text] if points.own_value_text else []),
                points.leaning_text,
                points.sure_text,
            ]
            if points.prepare_given
            else [words.prepare_none]
        ),
        points.questions_text,
        points.follow_up_text,
    ]
    return "\n".join(lines) + "\n"


def _added_by_aid(summary: Summary) -> tuple[str, ...]:
    """The safety question, when the aid kept it without the person ticking it."""
    prompt = summary.safety_prompt
    if prompt is None or any(p.id == prompt.id for p in summary.prompts):
        return ()
    return (prompt.text,)


def _shown_note(pack: Pack, shown: ShownTopic) -> str:
    """A note's title with the answers that brought it: "Getting home after a session (No)";
    not "Bladder or urinary problems (Bladder or urinary problems)"."""
    answers = answer_labels(pack, shown.reasons)
    if answers.casefold() in shown.topic.title.casefold():
        return shown.topic.title
    return (
        pack.ui.clinician.shown_note.format(title=shown.topic.title, answers=answers)
        if answers
        else shown.topic.title
    )


def _crisis(words: ClinicianText, summary: Summary, answer: AnsweredQuestion | None) -> CrisisStatus:
    flagged = summary.crisis is not None
    flag_text = words.crisis_shown if flagged else words.crisis_not_shown
    value = answer.answer[0] if answer else None
    if answer is None or value is None:
        return CrisisStatus(flagged, None, "not_answered", words.item9_not_answered, flag_text)
    if value == ITEM_NINE_DECLINED:
        return CrisisStatus(flagged, None, "declined", words.item9_declined, flag_text)
    score = ITEM_NINE_SCORES[value]
    text = words.item9.format(score=score, answer=answer.labels[0])
    return CrisisStatus(flagged, score, "scored", text, flag_text)


def _entry(words: ClinicianText, item: LabelItem, answered: dict[str, AnsweredQuestion]) -> ChecklistEntry:
    given = [
        (question, value, label)
        for question in item.questions
        if question in answered
        for value, label in zip(answered[question].answer, answered[question].labels, strict=True)
    ]
    reports = dict(item.reported)
    opens = dict(item.open)
    said = tuple(label for question, value, label in given if value in reports[question])
    left_open = tuple(label for question, value, label in given if value in opens.get(question, ()))
    status: Status
    if said:
        status = "reported"
    elif left_open or any(value == UNSURE for _, value, _ in given):
        status = "not_sure"
    elif any(question not in answered for question in item.questions):
        status = "not_answered"
    else:
        status = "denied"
    # The answers behind the status say more than it does (which age, controlled or not, a
    # stroke); a denied item names none ("denied (18 to 64)" reads as a finding).
    shown = said or left_open
    label = getattr(words.checklist, item.id)
    category_label = getattr(words.category, item.category)
    status_label = getattr(words.status, status)
    answer = "; ".join(shown)
    if shown:
        text = words.checklist_item_answer.format(
            label=label, category=category_label, status=status_label, answer=answer
        )
        # The patient's words first: "Breathing problems or sleep apnea → Respiratory
        # depression" charts what they said, not a diagnosis they never gave.
        brief = words.checklist_brief_answer.format(label=label, category=category_label, answer=answer)
    else:
        text = words.checklist_item.format(label=label, category=category_label, status=status_label)
        brief = words.checklist_brief.format(label=label, category=category_label)
    return ChecklistEntry(
        item.id, label, item.category, category_label, status, status_label, shown, text, brief, item.deniable
    )


def _checklist_groups(words: ClinicianText, checklist: tuple[ChecklistEntry, ...]) -> list[str]:
    """One line per status, reported first and denied last, each naming its items in the
    label's order: at most four lines, so what was reported is not lost among denials."""
    lines = []
    for status in STATUS_ORDER:
        items = [e.brief for e in checklist if e.status == status and (e.deniable or status != "denied")]
        if items:
            title = getattr(words.status_title, status)
            lines.append(f"- {words.checklist_group.format(status=title, items='; '.join(items))}")
    return lines


def _history(words: ClinicianText, answered: dict[str, AnsweredQuestion], summary: Summary) -> str:
    skipped = set(summary.unanswered)

    def said(question_id: str) -> str:
        if question_id in answered:
            return ", ".join(answered[question_id].labels)
        return words.not_answered if question_id in skipped else words.does_not_apply

    tried, adequate, response, other = (said(q) for q in HISTORY)
    age = said(AGE_QUESTION)
    return words.history.format(age=age, tried=tried, adequate=adequate, response=response, other=other)


def _top_values(pack: Pack, values: tuple[RatedValue, ...]) -> tuple[RatedValue, ...]:
    """The values given the highest rating the person used, unless that is the scale's lowest."""
    scale = [c.value for c in pack.deliberation.values.scale]
    if not values:
        return ()
    best = max(scale.index(v.rating) for v in values)
    if best == 0:
        return ()
    return tuple(v for v in values if scale.index(v.rating) == best)


def _follow_ups(pack: Pack, words: ClinicianText, summary: Summary) -> tuple[FollowUp, ...]:
    """Questions skipped, and those answered "not sure", in the questionnaire's order."""
    skipped = {s.id: s.short for s in summary.skipped}
    unsure = {a.id: a.short for a in summary.answered if UNSURE in a.answer}
    found = []
    for question in pack.questionnaire.questions:
        if question.id in skipped:
            text = words.follow_up_skipped.format(item=skipped[question.id])
            found.append(FollowUp(question.id, skipped[question.id], "skipped", text))
        elif question.id in unsure:
            text = words.follow_up_not_sure.format(item=unsure[question.id])
            found.append(FollowUp(question.id, unsure[question.id], "not_sure", text))
    return tuple(found)

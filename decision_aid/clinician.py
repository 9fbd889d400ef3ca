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

Status = Literal["reported", "denied", "not_sure", "not_answered"]
Category = Literal["contraindication", "boxed_warning", "warning", "interaction", "population"]
STATUS_ORDER: tuple[Status, ...] = ("reported", "not_sure", "not_answered", "denied")

# PHQ-9 scoring of item 9: the safety question is its wording, and its choices are its scale.
ITEM_NINE_SCORES = {"not_at_all": 0, "several_days": 1, "more_than_half": 2, "nearly_every_day": 3}
ITEM_NINE_DECLINED = safety.DECLINED
UNSURE = "unsure"


@dataclass(frozen=True)
class LabelItem:
    """One checklist item: the question that asks about it and which answers report it.

    Where the label lists it (../shared/evidence/clinical-facts.md, section 4): aneurysmal
    vascular disease or AVM, intracerebral haemorrhage and hypersensitivity are
    contraindications (4.2); abuse and misuse (4.1) and respiratory depression (13.4) are in
    the boxed warning; increased blood pressure, embryo-fetal toxicity, dissociation
    (psychosis) and ulcerative or interstitial cystitis are warnings and precautions (4.3;
    pregnancy is "not recommended", not a contraindication); CNS depressants (more
    sedation) and psychostimulants or MAOIs (blood pressure) are drug interactions (4.5);
    age under 18 (not approved) or 65 and over, and hepatic impairment, are specific
    populations (4.4, 13.4). Every answer the patient's screen calls a label item is here.
    """

    id: str
    question: str
    reported: frozenset[str]
    category: Category


def _item(item_id: str, question: str, category: Category, *reported: str) -> LabelItem:
    return LabelItem(item_id, question, frozenset(reported), category)


CHECKLIST: tuple[LabelItem, ...] = (
    _item("aneurysm_avm", "vascular_conditions", "contraindication", "aneurysm", "avm"),
    _item("intracerebral_haemorrhage", "vascular_conditions", "contraindication", "brain_bleed"),
    _item("hypersensitivity", "other_conditions", "contraindication", "ketamine_allergy"),
    _item(
        "substance_use",
        "substance_use",
        "boxed_warning",
        *("alcohol", "cannabis", "stimulants", "opioids", "ketamine_nonmedical", "other"),
    ),
    _item("respiratory_depression", "other_conditions", "boxed_warning", "breathing_or_sleep_apnea"),
    _item("blood_pressure", "blood_pressure", "warning", "high_controlled", "high_uncontrolled"),
    _item("pregnancy_breastfeeding", "pregnancy", "warning", "pregnant", "planning", "breastfeeding"),
    _item("psychosis", "psychosis", "warning", "yes"),
    _item("cystitis", "other_conditions", "warning", "bladder"),
    _item("cns_depressants", "medicines", "interaction", "benzodiazepines_or_sleep", "opioids"),
    _item("blood_pressure_medicines", "medicines", "interaction", "stimulants", "maoi"),
    _item("hepatic", "other_conditions", "population", "liver"),
    _item("age", "age_group", "population", "under_18", "65_plus"),
)

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
    questions_text: str
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
        questions_text=(
            words.questions.format(questions="; ".join(summary.questions))
            if summary.questions
            else words.questions_none
        ),
        shown_notes_text=(
            words.shown_notes.format(titles="; ".join(shown.topic.title for shown in summary.considerations))
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
        points.values_text,
        *([points.own_value_text] if points.own_value_text else []),
        points.leaning_text,
        points.sure_text,
        points.questions_text,
        points.follow_up_text,
    ]
    return "\n".join(lines) + "\n"


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
    answer = answered.get(item.question)
    pairs = tuple(zip(answer.answer, answer.labels, strict=True)) if answer else ()
    chosen = {value for value, _ in pairs}
    status: Status
    if answer is None:
        status = "not_answered"
    elif item.reported & chosen:
        status = "reported"
    elif UNSURE in chosen:
        status = "not_sure"
    else:
        status = "denied"
    # The answers that report it say more than "reported" (which age, controlled or not);
    # a denied item names none ("denied (18 to 64)" reads as a finding).
    shown = tuple(label for value, label in pairs if value in item.reported)
    label = getattr(words.checklist, item.id)
    category_label = getattr(words.category, item.category)
    status_label = getattr(words.status, status)
    # An answer the item's label already says is not said again: "Respiratory depression
    # (breathing problems or sleep apnea)", not "... (Breathing problems or sleep apnea)".
    said = "; ".join(answer for answer in shown if answer.casefold() not in label.casefold())
    text = (
        words.checklist_item_answer.format(
            label=label, category=category_label, status=status_label, answer=said
        )
        if said
        else words.checklist_item.format(label=label, category=category_label, status=status_label)
    )
    brief = (
        words.checklist_brief_answer.format(label=label, category=category_label, answer=said)
        if said
        else words.checklist_brief.format(label=label, category=category_label)
    )
    return ChecklistEntry(
        item.id, label, item.category, category_label, status, status_label, shown, text, brief
    )


def _checklist_groups(words: ClinicianText, checklist: tuple[ChecklistEntry, ...]) -> list[str]:
    """One line per status, reported first and denied last, each naming its items in the
    label's order: at most four lines, so what was reported is not lost among denials."""
    lines = []
    for status in STATUS_ORDER:
        items = [entry.brief for entry in checklist if entry.status == status]
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
    return words.history.format(tried=tried, adequate=adequate, response=response, other=other)


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

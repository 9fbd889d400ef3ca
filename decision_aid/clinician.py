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
from decision_aid.tailoring import UNSURE, answer_labels, with_answers

Status = Literal["reported", "open", "denied", "not_sure", "not_answered"]
Category = Literal["contraindication", "boxed_warning", "warning", "interaction", "population"]
STATUS_ORDER: tuple[Status, ...] = ("reported", "open", "not_sure", "not_answered", "denied")

# PHQ-9 scoring of item 9: the safety question is its wording, and its choices are its scale.
ITEM_NINE_SCORES = {"not_at_all": 0, "several_days": 1, "more_than_half": 2, "nearly_every_day": 3}
ITEM_NINE_DECLINED = safety.DECLINED


OpenWhy = Literal["type_not_asked", "current_use_not_asked", "one_answer_only"]


@dataclass(frozen=True)
class LabelItem:
    """One checklist item: the questions that ask about it, and which answers report it.

    Where the label lists it (../shared/evidence/clinical-facts.md, section 4): aneurysmal
    vascular disease or AVM, intracerebral haemorrhage and hypersensitivity are
    contraindications (4.2); abuse and misuse (4.1), respiratory depression (13.4) and
    suicidal thoughts and behaviours, the antidepressant class warning whose excess is in the
    young (4.1, 4.3, 13.3), are in the boxed warning; increased blood pressure (with the heart
    and brain conditions that need caution: stroke, heart disease), embryo-fetal toxicity,
    dissociation (psychosis) and ulcerative or interstitial cystitis are warnings and
    precautions (4.3; pregnancy is "not recommended", not a contraindication); CNS
    depressants, alcohol among them (more sedation), and psychostimulants such as
    amphetamines, or MAOIs (blood pressure) are drug interactions (4.5); hepatic impairment,
    lactation (breastfeeding not recommended), pediatric use (not approved) and geriatric use
    are specific populations (4.4, 13.4). Every answer the patient's screen calls a label
    item is here.
    """

    id: str
    category: Category
    reported: tuple[tuple[str, frozenset[str]], ...]  # (question, its answers that report the item)
    # Answers that leave the item open, as "not sure" does, and why: a stroke may have been a
    # bleed (its type is not asked); a drug problem "now or in the past" may not be current use.
    open: tuple[tuple[str, frozenset[str]], ...] = ()
    open_why: OpenWhy = "type_not_asked"
    # An item a patient cannot deny (an age): not listed as denied; the note says the answer.
    deniable: bool = True

    @property
    def questions(self) -> tuple[str, ...]:
        asked = [question for question, _ in (*self.reported, *self.open)]
        return tuple(dict.fromkeys(asked))


def _item(
    item_id: str,
    category: Category,
    left_open: dict[str, tuple[str, ...]] | None = None,
    why: OpenWhy = "type_not_asked",
    deniable: bool = True,
    **reported: tuple[str, ...],
) -> LabelItem:
    """``reported``: each question's answers that report the item, by question id."""
    return LabelItem(
        item_id,
        category,
        tuple((question, frozenset(values)) for question, values in reported.items()),
        tuple((question, frozenset(values)) for question, values in (left_open or {}).items()),
        why,
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
    _item("suicidality_young", "boxed_warning", deniable=False, age_group=("under_18",)),
    _item("blood_pressure", "warning", blood_pressure=("high_controlled", "high_uncontrolled")),
    _item("heart_brain", "warning", vascular_conditions=("stroke", "heart_disease")),
    # The pregnancy question takes one answer: none of its three denies the others.
    _item(
        "pregnancy",
        "warning",
        left_open={"pregnancy": ("breastfeeding",)},
        why="one_answer_only",
        pregnancy=("pregnant", "planning"),
    ),
    _item("psychosis", "warning", psychosis=("yes",)),
    _item("cystitis", "warning", other_conditions=("bladder",)),
    _item(
        "cns_depressants",
        "interaction",
        left_open={"substance_use": ("alcohol", "opioids")},
        why="current_use_not_asked",
        medicines=("benzodiazepines_or_sleep", "opioids"),
    ),
    _item(
        "blood_pressure_medicines",
        "interaction",
        left_open={"substance_use": ("stimulants",)},
        why="current_use_not_asked",
        medicines=("stimulants", "maoi"),
    ),
    _item("hepatic", "population", other_conditions=("liver",)),
    _item(
        "lactation",
        "population",
        left_open={"pregnancy": ("pregnant", "planning")},
        why="one_answer_only",
        pregnancy=("breastfeeding",),
    ),
    _item("pediatric", "population", deniable=False, age_group=("under_18",)),
    _item("geriatric", "population", deniable=False, age_group=("65_plus",)),
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
    # (question id, the answer as shown) left open: asked about again under "Follow up".
    open_answers: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class FollowUp:
    question: str  # question id
    short: str
    reason: Literal["skipped", "not_sure", "open"]
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
        checklist=(checklist := tuple(_entry(pack, item, answered) for item in CHECKLIST)),
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
        added=(added := (summary.added_by_aid.text,) if summary.added_by_aid else ()),
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
                titles="; ".join(
                    with_answers(shown.topic.title, answer_labels(pack, shown), words.shown_note)
                    for shown in summary.considerations
                )
            )
            if summary.considerations
            else words.shown_notes_none
        ),
        follow_ups=(follow := _follow_ups(pack, words, summary, checklist)),
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
    fictional = [pack.ui.fictional_case.format(name=summary.fictional)] if summary.fictional else []
    lines = [
        *fictional,
        words.note_header.format(
            date=when.strftime("%Y-%m-%d"), aid=pack.ui.app_title, version=summary.content_version
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


def _crisis(words: ClinicianText, summary: Summary, answer: AnsweredQuestion | None) -> CrisisStatus:
    flagged = summary.crisis is not None
    if not flagged:
        flag_text = words.crisis_shown_earlier if summary.crisis_earlier else words.crisis_not_shown
    elif answer is not None and answer.answer == (safety.NO_THOUGHTS,):
        flag_text = words.crisis_shown_typed  # item 9 "not at all": only typed words bring it
    else:
        flag_text = words.crisis_shown
    value = answer.answer[0] if answer else None
    if answer is None or value is None:
        return CrisisStatus(flagged, None, "not_answered", words.item9_not_answered, flag_text)
    if value == ITEM_NINE_DECLINED:
        return CrisisStatus(flagged, None, "declined", words.item9_declined, flag_text)
    score = ITEM_NINE_SCORES[value]
    text = words.item9.format(score=score, answer=answer.labels[0])
    return CrisisStatus(flagged, score, "scored", text, flag_text)


def _entry(pack: Pack, item: LabelItem, answered: dict[str, AnsweredQuestion]) -> ChecklistEntry:
    words = pack.ui.clinician
    given = [
        (question, value, label)
        for question in item.questions
        if question in answered
        for value, label in zip(answered[question].answer, answered[question].labels, strict=True)
    ]
    reports = dict(item.reported)
    opens = dict(item.open)
    said = [(question, label) for question, value, label in given if value in reports.get(question, ())]
    left_open = [(question, label) for question, value, label in given if value in opens.get(question, ())]
    status: Status
    if said:
        status = "reported"
    elif left_open:  # the aid's own open question, not the patient's doubt: "to clarify"
        status = "open"
    elif any(value == UNSURE for _, value, _ in given):
        status = "not_sure"
    elif any(question not in answered for question in item.questions):
        status = "not_answered"
    else:
        status = "denied"
    why = getattr(words.open_why, item.open_why)
    # The answers behind the status say more than it does (which age, controlled or not, a
    # stroke), each as the patient gave it: "Psychosis, ever: Yes", "A stroke (type not
    # asked)". A denied item names what was asked, never an answer.
    shown = tuple(_answer(pack, question, label) for question, label in said) or tuple(
        f"{_answer(pack, question, label)} ({why})" for question, label in left_open
    )
    label = getattr(words.checklist, item.id)
    asked = _asked(words, item, answered, status)
    category_label = getattr(words.category, item.category)
    status_label = getattr(words.status, status)
    answer = "; ".join(shown)
    if shown:
        text = words.checklist_item_answer.format(
            label=label, category=category_label, status=status_label, answer=answer
        )
        # What the patient said, then the label item: "Breathing problems or sleep apnea →
        # Respiratory depression" charts their answer, not a diagnosis they never gave; a
        # denial names what was asked ("high blood pressure → Increases in blood pressure").
        brief = words.checklist_brief_answer.format(label=label, category=category_label, answer=answer)
    else:
        text = words.checklist_item.format(label=label, category=category_label, status=status_label)
        brief = words.checklist_brief.format(label=label, category=category_label, asked=asked)
    return ChecklistEntry(
        item.id,
        label,
        item.category,
        category_label,
        status,
        status_label,
        shown,
        text,
        brief,
        item.deniable,
        tuple(zip((question for question, _ in left_open), shown, strict=True)) if not said else (),
    )


def _asked(
    words: ClinicianText, item: LabelItem, answered: dict[str, AnsweredQuestion], status: Status
) -> str:
    """What the aid asked about the item, where two questions ask about it only the part the
    status is true of: a patient not sure of their medicines had denied drug problems."""
    phrases = getattr(words.checklist_asked, item.id)
    if isinstance(phrases, str):
        return phrases
    if status == "not_sure":
        left = [q for q in item.questions if q in answered and UNSURE in answered[q].answer]
    elif status == "not_answered":
        left = [q for q in item.questions if q not in answered]
    else:
        left = list(item.questions)
    return "; ".join(getattr(phrases, question) for question in left)


def _answer(pack: Pack, question_id: str, label: str) -> str:
    """A choice as said: with its question when the choice alone means nothing ("Yes")."""
    question = pack.questionnaire.by_id[question_id]
    return label if question.kind == "multi" else f"{question.short}: {label}"


def _checklist_groups(words: ClinicianText, checklist: tuple[ChecklistEntry, ...]) -> list[str]:
    """One line per status, reported first and denied last, each naming its items in the
    label's order: at most five lines, so what was reported is not lost among denials."""
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


def _follow_ups(
    pack: Pack, words: ClinicianText, summary: Summary, checklist: tuple[ChecklistEntry, ...]
) -> tuple[FollowUp, ...]:
    """Questions skipped, those answered "not sure", and answers that leave a label item open
    ("A stroke (type not asked)"), in the questionnaire's order."""
    skipped = {s.id: s.short for s in summary.skipped}
    unsure = {a.id: a.short for a in summary.answered if UNSURE in a.answer}
    left_open = dict.fromkeys(pair for entry in checklist for pair in entry.open_answers)
    found = []
    for question in pack.questionnaire.questions:
        if question.id in skipped:
            text = words.follow_up_skipped.format(item=skipped[question.id])
            found.append(FollowUp(question.id, skipped[question.id], "skipped", text))
        elif question.id in unsure:
            text = words.follow_up_not_sure.format(item=unsure[question.id])
            found.append(FollowUp(question.id, unsure[question.id], "not_sure", text))
        found += [FollowUp(q, said, "open", said) for q, said in left_open if q == question.id]
    return tuple(found)

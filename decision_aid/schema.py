"""Pydantic models of the content pack. Everything a person reads is data of these shapes."""

from __future__ import annotations

import datetime
from functools import cached_property
from typing import Annotated, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, model_validator

from decision_aid.conditions import Condition
from decision_aid.fields import (
    LABEL,
    LABEL_WITH_DIGITS,
    PROSE,
    PROSE_WITH_DIGITS,
    QUOTED,
    REVIEWER,
    Id,
    Label,
    MachineText,
    Prose,
    References,
    ReviewerNote,
    Words,
    template,
)

TopicKind = Literal["crisis", "context", "benefit", "risk", "consideration", "route", "option", "next_step"]
# The order topics of each kind appear in the results. Crisis first and the professional
# care ending last are also enforced by decision_aid.safety.
KIND_ORDER: tuple[TopicKind, ...] = (
    "crisis",
    "context",
    "benefit",
    "risk",
    "consideration",
    "route",
    "option",
    "next_step",
)

# Where a consideration comes from, after the label's own structure: "contraindication"
# (label section 4), "warning" (the boxed warning or section 5), "caution" (other label or
# clinical precautions), "history" (the person's depression and treatments so far) and
# "practical" (a ride home, time, cost, worries). Only considerations have one.
TopicCategory = Literal["contraindication", "warning", "caution", "history", "practical"]
# Most serious first: what the label says must not happen, then its warnings, then cautions,
# then the person's treatment so far, then practical matters.
CATEGORY_ORDER: tuple[TopicCategory, ...] = get_args(TopicCategory)

# Conditions are data for the code, not words: no word checks.
ShowWhen = Annotated[Condition | None, REVIEWER]
# The questionnaire's own wording (PHQ-9's "Over the last 2 weeks", "Less than 6 months")
# is its contract, not a clinical claim: digits are allowed there.
Wording = Annotated[str, Field(min_length=1), LABEL_WITH_DIGITS]
# numbers.yaml is where figures live, each with its source: digits are its point.
Figures = Annotated[str, LABEL_WITH_DIGITS]
# Phone numbers, opening hours ("24/7") and emergency numbers are contact details.
Contact = Annotated[str, LABEL_WITH_DIGITS]
# A number to dial or text, as the phone keypad takes it: digits, in groups split by one
# space ("13 11 14"). A tel: or sms: link is made from it; a letter here is a broken link,
# and the pattern refuses it. Only digits can pass, so there are no words to check.
DIAL_PATTERN = r"^[0-9]+( [0-9]+)*$"
Dial = Annotated[str, Field(pattern=DIAL_PATTERN), REVIEWER]
# Facts about the aid itself (its version, minutes to complete), not clinical claims.
AboutTheAid = Annotated[str, LABEL_WITH_DIGITS]


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Choice(Frozen):
    value: Annotated[str, Field(pattern=r"^[a-z0-9_]+$"), REVIEWER]
    label: Wording
    # Completes "You told us ..." when this answer is the reason a topic is shown.
    said: Annotated[str | None, LABEL_WITH_DIGITS] = None


class Question(Frozen):
    id: Id
    # A few words for summaries and the clinician's table.
    short: Wording
    text: Wording
    help: Annotated[str, Field(min_length=1, description="Why we ask, in plain words."), PROSE]
    kind: Literal["single", "multi"] = "single"
    choices: tuple[Choice, ...] = Field(min_length=2)
    required: bool = False
    ordered: bool = False
    # Multi-choice values that cannot be combined with others (such as "none").
    exclusive: Annotated[tuple[str, ...], REVIEWER] = ()
    show_when: ShowWhen = None

    def choice(self, value: str) -> Choice:
        for choice in self.choices:
            if choice.value == value:
                return choice
        raise KeyError(f"{self.id}: no choice {value!r}")

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(c.value for c in self.choices)


class Section(Frozen):
    id: Id
    title: Label
    intro: Prose = ""
    questions: tuple[Question, ...] = Field(min_length=1)


class Questionnaire(Frozen):
    sections: tuple[Section, ...] = Field(min_length=1)
    # Ids of questions the aid no longer asks: answers files saved before are still read,
    # and the retired answer is dropped (nothing uses it).
    retired: Annotated[tuple[str, ...], REVIEWER] = ()
    # Choice values the aid no longer offers: question id -> {old value: the value that
    # replaced it}. Answers files saved before are still read, with the old value swapped.
    retired_values: Annotated[dict[str, dict[str, str]], REVIEWER] = {}

    @cached_property
    def questions(self) -> tuple[Question, ...]:
        return tuple(q for s in self.sections for q in s.questions)

    @cached_property
    def by_id(self) -> dict[str, Question]:
        return {q.id: q for q in self.questions}

    @cached_property
    def choice_order(self) -> dict[str, tuple[str, ...]]:
        return {q.id: q.values for q in self.questions if q.ordered}


class Topic(Frozen):
    id: Id
    title: Label
    kind: TopicKind
    category: TopicCategory | None = None  # required for considerations: check enforces it
    order: int = 0
    show_when: ShowWhen = None
    references: References
    # A side-by-side table from the pack shown under the text.
    table: Literal["routes", "options"] | None = None
    # Comparisons from numbers.yaml drawn as icon arrays under the text.
    icon_arrays: Annotated[tuple[str, ...], REVIEWER] = ()
    # Show the crisis lines inside this topic (for example beside suicidal-thoughts evidence).
    crisis_lines: bool = False
    body: Annotated[str, Field(min_length=1), PROSE]
    source_file: MachineText = ""


class Group(Frozen):
    label: Figures
    per_100: int = Field(ge=0, le=100)


class Comparison(Frozen):
    """Counts out of 100 for each group of one study, measured the same way."""

    measure: Figures
    outcome: Figures  # completes "about 69 of 100 ..."
    outcome_not: Figures  # the other framing: "about 31 of 100 ..."
    population: Figures
    time: Figures
    groups: dict[str, Group] = Field(min_length=1)
    source: MachineText
    exact: ReviewerNote  # the figures as published, for reviewers


class Fact(Frozen):
    """One figure that is not a comparison: a time, a dose schedule, a range."""

    value: Figures
    source: MachineText
    exact: ReviewerNote = ""


class Numbers(Frozen):
    comparisons: dict[str, Comparison]
    facts: dict[str, Fact]


class Reference(Frozen):
    id: Id
    citation: Annotated[str, QUOTED]
    doi: Annotated[str | None, REVIEWER] = None
    pmid: Annotated[str | None, REVIEWER] = None
    url: Annotated[str | None, REVIEWER] = None
    checked: datetime.date
    # Where the facts we use were seen, so a reviewer can re-check them.
    verified_in: Annotated[str, LABEL_WITH_DIGITS]


class TableColumn(Frozen):
    id: Id
    label: Label


class TableRow(Frozen):
    id: Id
    label: Label
    cells: Annotated[dict[str, str], PROSE]
    references: References
    # Figures from different studies: the comparison grid marks the row with a caution.
    not_comparable: bool = False


class Table(Frozen):
    title: Label
    caption: Prose
    columns: tuple[TableColumn, ...] = Field(min_length=2)
    rows: tuple[TableRow, ...] = Field(min_length=1)

    def row(self, row_id: str) -> TableRow:
        return next(row for row in self.rows if row.id == row_id)


class CrisisLine(Frozen):
    name: Contact
    contact: Contact
    hours: Contact = ""
    url: Annotated[str | None, REVIEWER] = None
    # Tap to call or text: links made from these, never from the words in `contact`.
    call: Annotated[str | None, Field(pattern=DIAL_PATTERN), REVIEWER] = None
    text: Annotated[str | None, Field(pattern=DIAL_PATTERN), REVIEWER] = None
    # The word to send first, when the line asks for one ("Text HOME to 741741").
    text_body: Label = ""


# A country as a browser's language tag names it (the "GB" of "en-GB"): ISO 3166-1 alpha-2.
Country = Annotated[str, Field(pattern=r"^[A-Z]{2}$"), REVIEWER]


class CrisisRegion(Frozen):
    id: Id
    name: Label
    emergency: Contact
    # The emergency numbers to tap, in the order `emergency` names them; none where no number
    # is known to work ("your local emergency number").
    emergency_call: Annotated[tuple[Dial, ...], REVIEWER]
    lines: tuple[CrisisLine, ...]
    references: References
    # The countries whose browsers open the crisis lines at this region.
    countries: Annotated[tuple[Country, ...], REVIEWER] = ()


class Crisis(Frozen):
    intro: Prose
    # Said on screen under the crisis panel, not on paper: the take-away has no "every page".
    on_screen: Prose
    regions: tuple[CrisisRegion, ...] = Field(min_length=1)
    # The region for a browser whose country no region lists ("your local emergency number").
    unlisted_country_region: Id
    # The region for a browser that names a language and no country ("es"); the first region
    # when not given. Spanish is spoken in many countries, so "es" opens at the unlisted one.
    no_country_region: Annotated[Id | None, REVIEWER] = None
    # Words that, typed in a free-text box, show the crisis lines there (safety.typed_crisis_words).
    typed_signals: Annotated[tuple[str, ...], Field(min_length=1), REVIEWER]

    @model_validator(mode="after")
    def _names_a_region(self) -> Crisis:
        ids = {region.id for region in self.regions}
        if self.unlisted_country_region not in ids:
            raise ValueError(f"unlisted_country_region {self.unlisted_country_region!r} is not a region")
        if self.no_country_region is not None and self.no_country_region not in ids:
            raise ValueError(f"no_country_region {self.no_country_region!r} is not a region")
        silent = [r.id for r in self.regions if not r.emergency_call and r.id != self.unlisted_country_region]
        if silent:
            raise ValueError(f"regions with no emergency number to tap: {silent}")
        return self

    def region(self, region_id: str) -> CrisisRegion:
        for region in self.regions:
            if region.id == region_id:
                return region
        return self.regions[0]

    def region_for_country(self, country: str | None) -> CrisisRegion:
        """The region a browser's country opens at: the one that lists it; the region for the
        rest when no region does; when the browser names no country, the pack's choice for
        that, else the first region."""
        if not country:
            return self.region(self.no_country_region) if self.no_country_region else self.regions[0]
        for region in self.regions:
            if country in region.countries:
                return region
        return self.region(self.unlisted_country_region)


class PackInfo(Frozen):
    locale: MachineText
    version: AboutTheAid
    last_reviewed: datetime.date
    update_policy: Annotated[str, PROSE_WITH_DIGITS]
    authors: Prose
    funding: Prose
    conflicts_of_interest: Prose
    disclaimer: Prose
    minutes_to_complete: AboutTheAid
    fhir_canonical: MachineText


# Issue 16 (helper A): the hand-off code's messages, and the clinician's key points and record
# note (decision_aid/handoff.py, decision_aid/clinician.py). Clinician-facing words: the label's
# own terms are kept; "PHQ-9 item 9" names the questionnaire item, so its digits are no figure.
ITEM_NINE = Words(names=frozenset({"score", "answer"}), figures=False)


class HandoffText(Frozen):
    """What is wrong with a hand-off code, in plain words (``decision_aid.handoff``)."""

    empty: Prose
    bad_character: Annotated[str, template("character")]
    incomplete: Prose
    mistyped: Prose
    unknown_version: Prose
    other_questionnaire: Prose
    damaged: Prose
    # Issue 16 screens (helper D): the hand-off on the summary screen, and files read back.
    section_title: Label
    section_intro: Prose
    code_label: Label
    qr_caption: Label
    include_words: Label
    include_words_help: Prose
    file_not_json: Prose
    file_not_answers: Prose
    file_other_questionnaire: Prose


class _ChecklistItems(Frozen):
    """The label checklist's items (``decision_aid.clinician.CHECKLIST``) that one question asks
    about; each of the two models below adds the two that two questions ask about."""

    aneurysm_avm: Label
    intracerebral_haemorrhage: Label
    hypersensitivity: Label
    substance_use: Label
    respiratory_depression: Label
    suicidality_young: Label
    blood_pressure: Label
    heart_brain: Label
    pregnancy: Label
    psychosis: Label
    cystitis: Label
    hepatic: Label
    lactation: Label
    pediatric: Label
    geriatric: Label


class ChecklistLabels(_ChecklistItems):
    """The label checklist's items, in the label's own words."""

    cns_depressants: Label
    blood_pressure_medicines: Label


class AskedInTwo(Frozen):
    """What the aid asked about an item two questions ask about, one phrase for each, so that a
    patient not sure of one is not charted as not sure of what they denied in the other."""

    medicines: Label
    substance_use: Label


class ChecklistAsked(_ChecklistItems):
    """What the aid asked the patient about each checklist item: a note's line that is not a
    report names it ("Denied: high blood pressure → Increases in blood pressure")."""

    cns_depressants: AskedInTwo
    blood_pressure_medicines: AskedInTwo


class OpenWhy(Frozen):
    """Why an answer leaves a label item open (``decision_aid.clinician.LabelItem.open_why``)."""

    type_not_asked: Label
    current_use_not_asked: Label
    one_answer_only: Label


class ChecklistStatus(Frozen):
    reported: Label
    denied: Label
    not_sure: Label
    not_answered: Label
    open: Label  # an answer the aid did not ask enough about: "to clarify"


class LabelCategory(Frozen):
    """Where the label puts an item: what kind of item it is, never a verdict."""

    contraindication: Label
    boxed_warning: Label
    warning: Label
    interaction: Label
    population: Label


class ClinicianText(Frozen):
    key_points_title: Label
    item9: Annotated[str, ITEM_NINE]
    item9_declined: Annotated[str, LABEL_WITH_DIGITS]
    item9_not_answered: Annotated[str, LABEL_WITH_DIGITS]
    crisis_shown: Label
    crisis_shown_typed: Label  # for the patient's typed words alone
    crisis_shown_earlier: Label  # for an answer or words since changed
    crisis_not_shown: Label
    checklist_title: Label
    checklist: ChecklistLabels
    checklist_asked: ChecklistAsked
    open_why: OpenWhy
    status: ChecklistStatus
    status_title: ChecklistStatus  # the note's line for each status starts with it
    category: LabelCategory
    checklist_item: Annotated[str, template("label", "category", "status")]
    checklist_item_answer: Annotated[str, template("label", "category", "status", "answer")]
    checklist_brief: Annotated[str, template("asked", "label", "category")]
    checklist_brief_answer: Annotated[str, template("label", "category", "answer")]
    checklist_group: Annotated[str, template("status", "items")]
    history: Annotated[str, template("age", "tried", "adequate", "response", "other")]
    not_answered: Label
    does_not_apply: Label
    values: Annotated[str, template("values")]
    values_none: Label
    own_value: Annotated[str, template("text")]
    leaning: Annotated[str, template("leaning")]
    leaning_none: Label
    sure: Annotated[str, template("yes", "answered", "total")]
    sure_none: Label
    questions: Annotated[str, template("questions")]
    questions_none: Label
    added_by_aid: Label  # after the safety question the aid adds whenever the crisis part shows
    prepare_none: Label  # one line for values, leaning, SURE and questions when none was given
    follow_up: Annotated[str, template("items")]
    follow_up_none: Label
    shown_notes: Annotated[str, template("titles")]
    shown_note: Annotated[str, template("title", "answers")]
    shown_notes_none: Label
    follow_up_skipped: Annotated[str, template("item")]
    follow_up_not_sure: Annotated[str, template("item")]
    # Issue 16 screens (helper D): the key-points card, the note, opening and closing a patient.
    built_at: Annotated[str, template("time")]
    opened_at: Annotated[str, template("source", "time")]
    source_code: Label
    source_camera: Label
    source_file: Label
    note_title: Label
    note_intro: Prose
    note_download: Label
    answers_folded: Annotated[str, template("count")]
    flags_folded: Annotated[str, template("count")]
    open_title: Label
    open_intro: Prose
    open_another: Label
    code_input: Label
    code_open: Label
    camera_toggle: Label
    camera_label: Label
    camera_no_code: Prose
    file_label: Label
    close_button: Label
    close_confirm: Prose
    close_yes: Label
    close_cancel: Label
    note_header: Annotated[str, template("date", "aid", "version")]


class StreamlitText(Frozen):
    """Streamlit's own words on its controls, as Streamlit writes them in English; a
    translation gives the words that the page's script (decision_aid/ui/layout.py) puts in
    their place, which Streamlit has no setting for."""

    skip_to_content: Label
    expand_sidebar: Label
    collapse_sidebar: Label
    sidebar: Label
    heading_link: Label
    close: Label
    upload: Label
    upload_input: Label
    take_photo: Label
    clear_photo: Label
    switch_camera: Label
    camera_asks: Label
    camera_how: Label
    open_list: Label  # a dropdown's button that opens its list


class UiText(Frozen):
    """Words on buttons, headings and notices."""

    app_title: Label
    app_subtitle: Label
    danger_line: Label
    danger_expander: Label
    crisis_other_places: Label
    crisis_region_label: Label
    crisis_no_lines: Prose  # under a place with no crisis lines listed ("Somewhere else")
    emergency_label: Label
    start_button: Label
    step_label: Annotated[str, template("number", "total", "title")]
    why_we_ask: Label
    back_button: Label
    next_button: Label
    results_button: Label
    required_missing: Prose
    required_mark: Label  # after a question that needs an answer: words, not a bare star
    results_title: Label
    results_intro: Prose
    results_not_ready: Prose
    go_to_questions: Label
    told_us_title: Label
    told_us_none: Label
    skipped_title: Label
    nothing_skipped: Label
    shown_because: Label
    sources_label: Label
    change_answers: Label
    table_aspect: Label
    frequency_sentence: Annotated[
        str, template("group", "count", "outcome", "rest", "outcome_not", "denominator")
    ]
    icon_array_note: Annotated[str, template("outcome")]
    icon_array_context: Annotated[str, template("population", "time")]
    about_link: Label
    about_title: Label
    reading_level: Annotated[str, template("median", "highest")]
    references_title: Label
    checked_label: Label
    back_to_start: Label
    about_facts_title: Label
    table_option: Label
    reason_told_us: Annotated[str, template("said")]
    reason_answered: Annotated[str, template("label", "question")]
    reason_safety_unanswered: Prose
    reason_safety_fine: Prose
    version_line: Annotated[str, template("version", "reviewed")]
    time_line: Annotated[str, template("minutes")]
    value_row: Annotated[str, template("label", "rating", "row")]
    prepare_button: Label
    prepare_title: Label
    compare_label: Annotated[str, template("row")]
    you_said: Annotated[str, template("rating")]
    see_summary: Label
    back_to_results: Label
    summary_title: Label
    summary_intro: Prose
    summary_crisis_note: Prose  # on the summary when the crisis panel heads it
    download_pdf: Label
    download_markdown: Label
    download_fhir: Label
    clear_button: Label
    clear_confirm: Prose
    clear_yes: Label
    clear_cancel: Label
    own_question_added: Label  # said to a screen reader
    own_question_limit: Annotated[str, template("count")]
    safety_question_kept: Label
    mode_label: Label
    mode_patient: Label
    mode_clinician: Label
    mode_workshop: Label
    mode_help: Prose
    review_title: Label
    review_crisis: Annotated[str, template("answer")]
    review_no_crisis: Annotated[str, template("answer")]
    review_answers: Label
    review_question: Label
    review_answer: Label
    review_unanswered: Label
    review_flags: Label
    review_no_flags: Label
    review_reason: Label
    review_sources: Label
    review_deliberation: Label
    review_patient_view: Label
    workshop_title: Label
    workshop_presenter: Label
    workshop_load: Label
    workshop_shows: Label
    workshop_reset: Label
    workshop_qr: Label
    workshop_share_address: Label
    # Issue 15 (journey): the staged path after the questions, and "What applies to you".
    stage_applies: Label
    stage_basics: Label
    stage_facts: Label
    stage_risks: Label
    stage_compare: Label
    stage_prepare: Label
    stage_summary: Label
    next_to: Annotated[str, template("title")]
    contents_title: Label
    applies_intro: Prose
    applies_none: Prose
    answers_gone: Prose  # a later screen with no answers: a reload, a new tab, a reset
    applies_none_crisis: Prose  # the crisis panel is above: "nothing matched" would deny it
    # A tick that unticked others ("Not sure", "None of these"): said, never silent.
    choices_cleared_by: Annotated[str, template("chosen", "cleared")]
    choice_cleared: Annotated[str, template("cleared")]
    applies_skipped: Prose
    full_note: Label
    pictures_label: Label
    category_contraindication: Label
    category_warning: Label
    category_caution: Label
    category_history: Label
    category_practical: Label
    # Summary downloads (issue 15 item 7): the health-record file under "For clinics".
    for_clinics_title: Label
    for_clinics_text: Prose
    # Compare options (issue 15 item 5): the Option Grid, decision_aid/ui/compare.py.
    compare_pick: Annotated[str, template("fewest", "most")]
    compare_pick_help: Label
    compare_too_few: Annotated[str, template("fewest", "most")]
    compare_too_many: Annotated[str, template("most")]
    compare_caution_title: Label
    compare_caution: Prose
    compare_not_comparable: Label
    compare_very_important: Annotated[str, template("values")]
    compare_question: Label
    compare_sources: Label
    # Questions as people expect them (issue 15 item 4): the check-your-answers screen.
    check_button: Label
    check_return: Label  # on each step once the check screen was shown
    compare_rate_first: Annotated[str, template("stage")]  # Compare, before any "very important"
    typed_not_read: Prose  # under each free-text box
    typed_crisis_reason: Prose  # why crisis lines show beside typed words
    check_title: Label
    check_intro: Prose
    change_button: Label
    not_answered: Label
    # Issue 15, phone and presenter (crisis links, the view switch, the room).
    call_link: Annotated[str, template("number")]
    text_link: Annotated[str, template("number")]
    text_body_link: Annotated[str, template("body", "number")]
    danger_now: Annotated[str, template("emergency")]
    for_educators: Label
    fictional_case: Annotated[str, template("name")]
    workshop_case: Label
    workshop_case_current: Label  # read by screen readers after the case on screen
    workshop_qr_full: Label
    workshop_qr_close: Label
    workshop_loopback: Prose
    # Issue 16 (helper A): hand-off code messages; clinician key points and record note.
    handoff: HandoffText
    clinician: ClinicianText
    # Issue 17 (server side): characters the PDF cannot show; a share address too long for a QR code.
    pdf_missing_characters: Annotated[str, template("characters")]
    workshop_address_too_long: Prose
    # Issue 17 (the person's text): a paste longer than a text box's limit is cut, and said so.
    text_cut: Annotated[str, template("count")]
    question_cut: Annotated[str, template("count")]
    # Issue 18 (languages): the switch to this language, in this language ("Leer en
    # español" on the English screens); the page title; dates written out.
    language_switch: Label
    streamlit: StreamlitText
    page_title: Label
    summary_file: Label  # the downloads' name, without its extension
    note_file: Label
    months: Annotated[tuple[str, ...], Field(min_length=12, max_length=12), LABEL]
    date_format: Annotated[str, template("day", "month", "year")]

    def date(self, day: datetime.date) -> str:
        """A date written out in this language: 3 December 2026."""
        return self.date_format.format(day=day.day, month=self.months[day.month - 1], year=day.year)

    workshop_back: Label


class Style(Frozen):
    # Verdict phrases that must never appear in what a person reads.
    forbidden_phrases: Annotated[tuple[str, ...], Field(min_length=1), REVIEWER]
    # How the language writes "77,000": numbers.yaml's figures are regrouped with it.
    thousands_separator: Literal[",", "\u00a0"] = ","


class ValueItem(Frozen):
    id: Id
    label: Label
    # The options-table row that speaks to this value, shown beside the person's rating.
    option_row: MachineText


class ValuesContent(Frozen):
    title: Label
    intro: Prose
    scale: tuple[Choice, ...] = Field(min_length=2)
    items: tuple[ValueItem, ...] = Field(min_length=1)
    own_label: Label
    own_max_chars: int = Field(gt=0)


class LeaningContent(Frozen):
    question: Label
    help: Prose
    choices: tuple[Choice, ...] = Field(min_length=2)


class KnowledgeItem(Frozen):
    id: Id
    statement: Label
    answer: bool
    explanation: Prose
    references: References


class KnowledgeContent(Frozen):
    title: Label
    intro: Label
    true_label: Label
    false_label: Label
    correct: Label
    incorrect: Label
    items: tuple[KnowledgeItem, ...] = Field(min_length=4, max_length=6)


class SureItem(Frozen):
    id: Id
    text: Label
    next_step: Prose


class SureContent(Frozen):
    title: Label
    intro: Label
    yes_label: Label
    no_label: Label
    all_yes: Label
    items: tuple[SureItem, ...] = Field(min_length=4, max_length=4)
    references: References


class Prompt(Frozen):
    id: Id
    text: Label
    show_when: ShowWhen = None


class QuestionsContent(Frozen):
    title: Label
    intro: Prose
    own_label: Label
    own_max_chars: int = Field(gt=0)
    own_max_count: int = Field(gt=0)
    add_button: Label
    remove_label: Label
    removed_label: Label  # before a question just removed, beside its Undo button
    undo_label: Label
    items: tuple[Prompt, ...] = Field(min_length=1)


class DeliberationContent(Frozen):
    values: ValuesContent
    leaning: LeaningContent
    knowledge: KnowledgeContent
    sure: SureContent
    questions: QuestionsContent


class SummaryText(Frozen):
    """Headings and fixed lines of the take-away summary."""

    title: Label
    made_on: Annotated[str, template("date", "version", "reviewed")]
    for_clinician: Prose
    crisis_title: Label
    told_us_title: Label
    skipped: Label
    considerations_title: Label
    no_considerations: Label
    no_considerations_crisis: Label
    help_still_here: Label  # before the place's crisis lines, for an answer since changed
    values_title: Label
    own_value: Label
    leaning_title: Label
    sure_title: Label
    sure_score: Annotated[str, template("yes")]
    sure_partial: Annotated[str, template("yes", "answered")]  # some not answered: not a "no"
    questions_title: Label
    care_title: Label
    # Summary and PDF (issue 15 item 7): first-person lines, one page.
    told_none: Label
    discuss_item: Annotated[str, template("title", "answers")]
    added_by_aid: Label  # after the safety question the aid keeps whenever the crisis part shows
    value_rating: Annotated[str, template("rating")]  # a rating, said of the person: "Very important to me"
    sure_no: Annotated[str, template("questions")]
    not_filled: Label
    # After the crisis lines in the downloads: their sources, and the oldest check's date.
    crisis_sources: Annotated[str, template("checked", "sources")]
    # On paper the crisis part is a page of its own; the summary after it says so.
    crisis_on_first_page: Label
    # On paper only: blanks to write on by hand (the aid never asks for a name).
    paper_name: Label
    paper_notes: Label
    paper_date: Label


class Persona(Frozen):
    id: Id
    # Personas are teaching cases; a real person's answers never belong in the pack.
    fictional: Literal[True]
    title: Annotated[str, LABEL_WITH_DIGITS]
    story: Annotated[str, PROSE_WITH_DIGITS]
    answers: Annotated[dict[str, str | list[str]], REVIEWER]
    shows: Annotated[tuple[str, ...], REVIEWER]


class Personas(Frozen):
    intro: Prose
    fictional_label: Label
    personas: tuple[Persona, ...] = Field(min_length=1)

    def get(self, persona_id: str) -> Persona | None:
        return next((p for p in self.personas if p.id == persona_id), None)


class Pack(Frozen):
    info: PackInfo
    questionnaire: Questionnaire
    topics: tuple[Topic, ...]
    references: dict[str, Reference]
    routes: Table
    options: Table
    deliberation: DeliberationContent
    personas: Personas
    clinician_topics: tuple[Topic, ...]
    numbers: Numbers
    crisis: Crisis
    style: Style
    ui: UiText
    summary_text: SummaryText
    welcome: Prose
    about: Prose

    def topic(self, topic_id: str) -> Topic:
        for topic in self.topics:
            if topic.id == topic_id:
                return topic
        raise KeyError(topic_id)

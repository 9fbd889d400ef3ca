"""Pydantic models of the content pack. Everything a person reads is data of these shapes."""

from __future__ import annotations

import datetime
from functools import cached_property
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from decision_aid.conditions import Condition

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

Id = Field(pattern=r"^[a-z0-9_]+$")


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Choice(Frozen):
    value: str = Field(pattern=r"^[a-z0-9_]+$")
    label: str = Field(min_length=1)
    # Completes "You told us ..." when this answer is the reason a topic is shown.
    said: str | None = None


class Question(Frozen):
    id: str = Id
    # A few words for summaries and the clinician's table.
    short: str = Field(min_length=1)
    text: str = Field(min_length=1)
    help: str = Field(min_length=1, description="Why we ask, in plain words.")
    kind: Literal["single", "multi"] = "single"
    choices: tuple[Choice, ...] = Field(min_length=2)
    required: bool = False
    ordered: bool = False
    # Multi-choice values that cannot be combined with others (such as "none").
    exclusive: tuple[str, ...] = ()
    show_when: Condition | None = None

    def choice(self, value: str) -> Choice:
        for choice in self.choices:
            if choice.value == value:
                return choice
        raise KeyError(f"{self.id}: no choice {value!r}")

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(c.value for c in self.choices)


class Section(Frozen):
    id: str = Id
    title: str
    intro: str = ""
    questions: tuple[Question, ...] = Field(min_length=1)


class Questionnaire(Frozen):
    sections: tuple[Section, ...] = Field(min_length=1)

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
    id: str = Id
    title: str
    kind: TopicKind
    order: int = 0
    show_when: Condition | None = None
    references: tuple[str, ...] = Field(min_length=1)
    # A side-by-side table from the pack shown under the text.
    table: Literal["routes", "options"] | None = None
    # Comparisons from numbers.yaml drawn as icon arrays under the text.
    icon_arrays: tuple[str, ...] = ()
    # Show the crisis lines inside this topic (for example beside suicidal-thoughts evidence).
    crisis_lines: bool = False
    body: str = Field(min_length=1)
    source_file: str = ""


class Group(Frozen):
    label: str
    per_100: int = Field(ge=0, le=100)


class Comparison(Frozen):
    """Counts out of 100 for each group of one study, measured the same way."""

    measure: str
    outcome: str  # completes "about 69 of 100 ..."
    outcome_not: str  # the other framing: "about 31 of 100 ..."
    population: str
    time: str
    groups: dict[str, Group] = Field(min_length=1)
    source: str
    exact: str  # the figures as published, for reviewers


class Fact(Frozen):
    """One figure that is not a comparison: a time, a dose schedule, a range."""

    value: str
    source: str
    exact: str = ""


class Numbers(Frozen):
    comparisons: dict[str, Comparison]
    facts: dict[str, Fact]


class Reference(Frozen):
    id: str = Id
    citation: str
    doi: str | None = None
    pmid: str | None = None
    url: str | None = None
    checked: datetime.date
    # Where the facts we use were seen, so a reviewer can re-check them.
    verified_in: str


class TableColumn(Frozen):
    id: str = Id
    label: str


class TableRow(Frozen):
    id: str = Id
    label: str
    cells: dict[str, str]
    references: tuple[str, ...] = Field(min_length=1)


class Table(Frozen):
    title: str
    caption: str
    columns: tuple[TableColumn, ...] = Field(min_length=2)
    rows: tuple[TableRow, ...] = Field(min_length=1)

    def row(self, row_id: str) -> TableRow:
        return next(row for row in self.rows if row.id == row_id)


class CrisisLine(Frozen):
    name: str
    contact: str
    hours: str = ""
    url: str | None = None


class CrisisRegion(Frozen):
    id: str = Id
    name: str
    emergency: str
    lines: tuple[CrisisLine, ...]
    references: tuple[str, ...] = Field(min_length=1)


class Crisis(Frozen):
    intro: str
    regions: tuple[CrisisRegion, ...] = Field(min_length=1)

    def region(self, region_id: str) -> CrisisRegion:
        for region in self.regions:
            if region.id == region_id:
                return region
        return self.regions[0]


class PackInfo(Frozen):
    locale: str
    version: str
    last_reviewed: datetime.date
    update_policy: str
    authors: str
    funding: str
    conflicts_of_interest: str
    disclaimer: str
    minutes_to_complete: str
    fhir_canonical: str


class UiText(Frozen):
    """Words on buttons, headings and notices."""

    app_title: str
    app_subtitle: str
    danger_line: str
    danger_expander: str
    crisis_region_label: str
    emergency_label: str
    start_button: str
    step_label: str
    why_we_ask: str
    multi_placeholder: str
    back_button: str
    next_button: str
    results_button: str
    required_missing: str
    results_title: str
    results_intro: str
    results_not_ready: str
    go_to_questions: str
    told_us_title: str
    told_us_none: str
    skipped_title: str
    nothing_skipped: str
    shown_because: str
    sources_label: str
    change_answers: str
    table_aspect: str
    frequency_sentence: str
    icon_array_note: str
    icon_array_context: str
    about_link: str
    about_title: str
    reading_level: str
    references_title: str
    checked_label: str
    back_to_start: str
    about_facts_title: str
    table_option: str
    reason_told_us: str
    reason_answered: str
    reason_safety_unanswered: str
    version_line: str
    time_line: str
    value_row: str
    prepare_button: str
    prepare_title: str
    compare_label: str
    you_said: str
    see_summary: str
    back_to_results: str
    summary_title: str
    summary_intro: str
    download_pdf: str
    download_markdown: str
    download_fhir: str
    clear_button: str
    clear_confirm: str
    clear_yes: str
    clear_cancel: str
    own_question_added: str
    own_question_limit: str
    mode_label: str
    mode_patient: str
    mode_clinician: str
    mode_workshop: str
    mode_help: str
    review_title: str
    review_crisis: str
    review_no_crisis: str
    review_answers: str
    review_question: str
    review_answer: str
    review_unanswered: str
    review_flags: str
    review_no_flags: str
    review_reason: str
    review_sources: str
    review_deliberation: str
    review_patient_view: str
    workshop_title: str
    workshop_presenter: str
    workshop_load: str
    workshop_shows: str
    workshop_reset: str
    workshop_qr: str
    workshop_share_address: str
    workshop_back: str


class Style(Frozen):
    # Verdict phrases that must never appear in what a person reads.
    forbidden_phrases: tuple[str, ...] = Field(min_length=1)


class ValueItem(Frozen):
    id: str = Id
    label: str
    # The options-table row that speaks to this value, shown beside the person's rating.
    option_row: str


class ValuesContent(Frozen):
    title: str
    intro: str
    scale: tuple[Choice, ...] = Field(min_length=2)
    items: tuple[ValueItem, ...] = Field(min_length=1)
    own_label: str
    own_max_chars: int = Field(gt=0)


class LeaningContent(Frozen):
    question: str
    help: str
    choices: tuple[Choice, ...] = Field(min_length=2)


class KnowledgeItem(Frozen):
    id: str = Id
    statement: str
    answer: bool
    explanation: str
    references: tuple[str, ...] = Field(min_length=1)


class KnowledgeContent(Frozen):
    title: str
    intro: str
    true_label: str
    false_label: str
    correct: str
    incorrect: str
    items: tuple[KnowledgeItem, ...] = Field(min_length=4, max_length=6)


class SureItem(Frozen):
    id: str = Id
    text: str
    next_step: str


class SureContent(Frozen):
    title: str
    intro: str
    yes_label: str
    no_label: str
    all_yes: str
    items: tuple[SureItem, ...] = Field(min_length=4, max_length=4)
    references: tuple[str, ...] = Field(min_length=1)


class Prompt(Frozen):
    id: str = Id
    text: str
    show_when: Condition | None = None


class QuestionsContent(Frozen):
    title: str
    intro: str
    own_label: str
    own_max_chars: int = Field(gt=0)
    own_max_count: int = Field(gt=0)
    add_button: str
    remove_label: str
    items: tuple[Prompt, ...] = Field(min_length=1)


class DeliberationContent(Frozen):
    values: ValuesContent
    leaning: LeaningContent
    knowledge: KnowledgeContent
    sure: SureContent
    questions: QuestionsContent


class SummaryText(Frozen):
    """Headings and fixed lines of the take-away summary."""

    title: str
    made_on: str
    for_clinician: str
    crisis_title: str
    told_us_title: str
    skipped: str
    considerations_title: str
    no_considerations: str
    values_title: str
    own_value: str
    leaning_title: str
    sure_title: str
    sure_score: str
    questions_title: str
    care_title: str
    not_filled: str


class Persona(Frozen):
    id: str = Id
    # Personas are teaching cases; a real person's answers never belong in the pack.
    fictional: Literal[True]
    title: str
    story: str
    answers: dict[str, str | list[str]]
    shows: tuple[str, ...]


class Personas(Frozen):
    intro: str
    fictional_label: str
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
    welcome: str
    about: str

    def topic(self, topic_id: str) -> Topic:
        for topic in self.topics:
            if topic.id == topic_id:
                return topic
        raise KeyError(topic_id)

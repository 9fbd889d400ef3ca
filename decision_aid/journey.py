"""The patient's path after the questions: its stages, in order, and which topics each shows.

Plain data and pure functions: the screens (decision_aid/ui/stages.py) draw what this says.
Every topic of the Summary lands in exactly one stage; crisis first and the care advice last
stay as decision_aid.safety framed them.
"""

from __future__ import annotations

from dataclasses import dataclass

from decision_aid.schema import CATEGORY_ORDER, Pack, TopicCategory, TopicKind
from decision_aid.summary import Summary
from decision_aid.tailoring import ShownTopic


@dataclass(frozen=True)
class Stage:
    name: str  # the screen's name (decision_aid/ui/navigation.py)
    title_field: str  # its title in the pack's UiText
    kinds: tuple[TopicKind, ...] = ()  # the topics it shows, by kind
    topics: tuple[str, ...] = ()  # and these by id, taken from the stage their kind puts them in


# After the questionnaire's steps. "results" (What applies to you) keeps the screen name that
# persona links and the clinician's view already use.
STAGES: tuple[Stage, ...] = (
    Stage("check", "check_title"),  # Check your answers (decision_aid/ui/check.py)
    Stage("results", "stage_applies", ("consideration",)),
    # "How fast it works" sits with the basics: the benefits stage alone ran past 5 laptop
    # screens, and how soon and how long is part of what these medicines are.
    Stage("basics", "stage_basics", ("context",), ("how_fast_how_long",)),
    Stage("facts", "stage_facts", ("benefit",)),
    Stage("risks", "stage_risks", ("risk", "route")),
    # The two trials of ketamine against ECT open Compare options: that is a comparison, and
    # the benefits stage ran past 5 laptop screens with them.
    Stage("compare", "stage_compare", ("option", "next_step"), ("ketamine_vs_ect",)),
    Stage("prepare", "stage_prepare"),
    Stage("summary", "stage_summary"),
)
NAMES = tuple(stage.name for stage in STAGES)


def stage(name: str) -> Stage:
    return next(s for s in STAGES if s.name == name)


def stage_title(pack: Pack, name: str) -> str:
    return str(getattr(pack.ui, stage(name).title_field))


def position(pack: Pack, name: str) -> tuple[int, int]:
    """(number, total) on the one progress bar that runs from the first question to the summary."""
    steps = len(pack.questionnaire.sections)
    return steps + NAMES.index(name) + 1, steps + len(STAGES)


def next_stage(name: str) -> str | None:
    index = NAMES.index(name)
    return NAMES[index + 1] if index + 1 < len(NAMES) else None


def previous_stage(name: str) -> str | None:
    """None before the first stage: the way back is the questionnaire's last step."""
    index = NAMES.index(name)
    return NAMES[index - 1] if index > 0 else None


def stage_topics(summary: Summary, name: str) -> tuple[ShownTopic, ...]:
    """The stage's topics in the Summary's order (the care advice is last, in the last one).
    The crisis topic is not among them: it is the panel every stage opens with."""
    this = stage(name)
    elsewhere = {topic for other in STAGES if other is not this for topic in other.topics}
    return tuple(
        shown
        for shown in (*summary.body, summary.care)
        if shown.topic.id in this.topics
        or (shown.topic.kind in this.kinds and shown.topic.id not in elsewhere)
    )


def applies_groups(summary: Summary) -> tuple[tuple[TopicCategory, tuple[ShownTopic, ...]], ...]:
    """The considerations grouped by category, most serious first; empty groups left out."""
    groups = []
    considerations = summary.considerations  # sorted on each read: read once
    for category in CATEGORY_ORDER:
        shown = tuple(s for s in considerations if s.topic.category == category)
        if shown:
            groups.append((category, shown))
    return tuple(groups)

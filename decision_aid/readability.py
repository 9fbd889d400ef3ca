"""Reading level of patient text (Flesch-Kincaid grade), measured on plain text.

textstat is pinned at 0.7.3: later versions fetch a pronunciation dictionary from the
internet at run time, which fails offline.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

import textstat

from decision_aid.prose import units
from decision_aid.schema import Pack

MEDIAN_TARGET = 8.0
MAX_TARGET = 10.0


def plain_text(markdown: str) -> str:
    """Markdown as the words a person reads, one paragraph or list item per line.

    A paragraph or list item without closing punctuation still ends a sentence.
    """
    cleaned = (unit.text.strip() for unit in units(markdown))
    return "\n".join(u if u[-1] in ".!?:;" else f"{u}." for u in cleaned if u)


def grade(markdown: str) -> float:
    return round(textstat.flesch_kincaid_grade(plain_text(markdown)), 1)


@dataclass(frozen=True)
class TopicReading:
    topic_id: str
    grade: float
    citations: int


def topic_readings(pack: Pack) -> list[TopicReading]:
    return [TopicReading(t.id, grade(t.body), len(t.references)) for t in pack.topics]


def median_grade(readings: list[TopicReading]) -> float:
    return round(statistics.median(r.grade for r in readings), 1)

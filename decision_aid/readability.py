"""Reading level of patient text, measured on plain text: the Flesch-Kincaid grade for
English (lower is easier), the Fernández-Huerta score for Spanish (higher is easier).

textstat is pinned at 0.7.3: later versions fetch a pronunciation dictionary from the
internet at run time, which fails offline. Its language is one setting for the whole
process, so a lock keeps a Spanish measure from counting syllables the English way.
"""

from __future__ import annotations

import statistics
import threading
from dataclasses import dataclass

import textstat

from decision_aid.prose import units
from decision_aid.schema import Pack

MEDIAN_TARGET = 8.0
MAX_TARGET = 10.0
_LANGUAGE = threading.Lock()


@dataclass(frozen=True)
class Scale:
    """How a language's reading ease is measured and what the pack must reach."""

    name: str
    median: float  # the topics' median must reach this
    worst: float  # and every topic (and every long string) this
    easier_is_higher: bool
    textstat_lang: str

    def meets(self, score: float, target: float) -> bool:
        return score >= target if self.easier_is_higher else score <= target

    def worst_of(self, scores: list[float]) -> float:
        return min(scores) if self.easier_is_higher else max(scores)


ENGLISH = Scale("Flesch-Kincaid grade", MEDIAN_TARGET, MAX_TARGET, False, "en_US")
# "Bastante fácil" starts at 70 on Fernández-Huerta's scale; 60 is "normal".
SPANISH = Scale("Fernández-Huerta", 70.0, 60.0, True, "es")
SCALES = {"en": ENGLISH, "es": SPANISH}


def scale(locale: str) -> Scale:
    return SCALES.get(locale.split("-")[0], ENGLISH)


def plain_text(markdown: str) -> str:
    """Markdown as the words a person reads, one paragraph or list item per line.

    A paragraph or list item without closing punctuation still ends a sentence.
    """
    cleaned = (unit.text.strip() for unit in units(markdown))
    return "\n".join(u if u[-1] in ".!?:;" else f"{u}." for u in cleaned if u)


def grade(markdown: str, locale: str = "en") -> float:
    """The reading measure of ``locale``'s scale (see ``scale``)."""
    text = plain_text(markdown)
    with _LANGUAGE:
        if scale(locale) is SPANISH:
            textstat.set_lang(SPANISH.textstat_lang)
            try:
                return round(textstat.fernandez_huerta(text), 1)
            finally:
                textstat.set_lang(ENGLISH.textstat_lang)
        return round(textstat.flesch_kincaid_grade(text), 1)


@dataclass(frozen=True)
class TopicReading:
    topic_id: str
    grade: float
    citations: int


def topic_readings(pack: Pack) -> list[TopicReading]:
    return [TopicReading(t.id, grade(t.body, pack.info.locale), len(t.references)) for t in pack.topics]


def median_grade(readings: list[TopicReading]) -> float:
    return round(statistics.median(r.grade for r in readings), 1)

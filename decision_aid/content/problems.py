"""What ``check`` reports: a problem has a stable code, a place (file > entry > field) and a message.

The codes are a catalogue in the manner of pyxform's ``ErrorCode``: tests and tools match
the code, so the wording of a message can improve without breaking them. Never reuse or
renumber a code; retire it instead.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from decision_aid.errors import DecisionAidError


class Code(enum.Enum):
    # reading the files
    FILE_MISSING = "PACK_001"
    FILE_EMPTY = "PACK_002"
    BAD_YAML = "PACK_003"
    NO_FRONT_MATTER = "PACK_004"
    WRONG_SHAPE = "PACK_005"
    NEEDS_CATEGORY = "PACK_006"
    CATEGORY_NOT_ALLOWED = "PACK_007"
    UNREADABLE = "PACK_008"  # a folder, a symlink loop, bytes not UTF-8, a value YAML cannot build
    # ids
    DUPLICATE_ID = "PACK_010"
    RESERVED_ID = "PACK_011"
    MALFORMED_ID = "PACK_012"
    # conditions
    UNKNOWN_QUESTION = "PACK_020"
    LATER_QUESTION = "PACK_021"
    UNKNOWN_VALUE = "PACK_022"
    NEEDS_ORDER = "PACK_023"
    ONE_ANSWER = "PACK_024"
    EXISTS_TAKES_BOOL = "PACK_025"
    NOT_FHIR_EXPRESSIBLE = "PACK_026"
    NEEDS_SAID = "PACK_027"
    NOT_A_CHOICE = "PACK_028"
    # cross-references
    UNKNOWN_REFERENCE = "PACK_030"
    EMPTY_CELL = "PACK_031"
    NOT_A_COLUMN = "PACK_032"
    UNKNOWN_ROW = "PACK_033"
    PERSONA_ANSWERS = "PACK_034"
    PERSONA_SHOWS = "PACK_035"
    UNUSED_CHOICE = "PACK_036"
    UNUSED_QUESTION = "PACK_037"
    # safety
    SAFETY_QUESTION = "PACK_040"
    FRAME_TOPIC = "PACK_041"
    SAFETY_PROMPT = "PACK_042"
    # figures
    UNKNOWN_FIGURE = "PACK_050"
    BARE_FIGURE = "PACK_051"
    FIGURE_NOT_CITED = "PACK_052"
    ICON_ARRAY = "PACK_053"
    # words
    VERDICT_PHRASE = "PACK_060"
    READING_GRADE = "PACK_061"
    MARKUP = "PACK_062"
    TEMPLATE_NAME = "PACK_063"
    STRAY_BRACE = "PACK_064"
    # translations (decision_aid/content/translation.py)
    TRANSLATION_MISSING = "PACK_070"
    TRANSLATION_STALE = "PACK_071"
    TRANSLATION_LEFT_OVER = "PACK_072"
    TRANSLATION_FIGURES = "PACK_073"  # a translation drops, adds or renames a figure or a {name}


# Gaps in what the pack tailors, not faults in what it shows: ``check`` fails on them, so a
# pack with one is not released, but ``load_pack`` still serves it, because an answer that
# no note follows shows nothing wrong, and refusing to start would leave a person nothing.
TAILORING_GAPS = frozenset({Code.UNUSED_CHOICE, Code.UNUSED_QUESTION})
# Likewise a translation whose English changed since: its facts still come from the English
# (figures are shared), so it is served, but ``check`` fails until it is translated again.
NOT_BLOCKING = TAILORING_GAPS | {Code.TRANSLATION_STALE}


@dataclass(frozen=True)
class Problem:
    code: Code
    file: str
    entry: str
    field: str
    message: str

    def __str__(self) -> str:
        where = " > ".join(part for part in (self.entry, self.field) if part)
        place = f"{self.file}: {where}" if where else self.file
        return f"{place}: {self.message} [{self.code.value}]"

    @property
    def place(self) -> tuple[str, str, str, str]:
        """(code, file, entry, field): what tests compare, leaving the wording free."""
        return (self.code.value, self.file, self.entry, self.field)


class PackError(DecisionAidError):
    """A content pack that cannot be used; ``problems`` holds every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))

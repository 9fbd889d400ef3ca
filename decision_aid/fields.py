"""The kinds of string field in a content pack: who reads each one and which checks its words get.

Every string field of the schema carries one ``Words`` marker (a test holds the schema to
that), so ``decision_aid.content.walk`` can find every string a person or clinician reads
and the guards (verdict phrases, reading grade, bare digits, markup, template names) see
all of it. A new field is checked the moment it is added with a marker that says who reads it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated

from pydantic import Field


@dataclass(frozen=True)
class Words:
    """How a string field is read.

    - ``reader``: "person" (a patient or clinician reads it) or "reviewer" (ids, URLs,
      notes for whoever checks the evidence: no word checks);
    - ``prose``: sentences, whose reading grade is measured; labels are a few words, where
      a reading grade means nothing;
    - ``figures``: the bare-digit rule applies; False where a digit is not a clinical figure
      (a phone number, the PHQ-9 wording, a persona's age, numbers.yaml itself);
    - ``quoted``: someone else's words kept as published (a citation): no verdict-phrase
      or grade check, since a paper's title is quoted as it is;
    - ``names``: the field is a ``str.format`` template and the code passes exactly these
      names (``None``: not a template, so it must hold no braces).
    """

    reader: str = "person"
    prose: bool = False
    figures: bool = True
    quoted: bool = False
    names: frozenset[str] | None = None

    @property
    def read_by_people(self) -> bool:
        return self.reader == "person"


def template(*names: str) -> Words:
    """A one-line ``str.format`` template filled with these names by the code."""
    return Words(names=frozenset(names))


PROSE = Words(prose=True)
LABEL = Words()
# Readable, but a digit here is not a clinical figure (see ``Words.figures``).
PROSE_WITH_DIGITS = Words(prose=True, figures=False)
LABEL_WITH_DIGITS = Words(figures=False)
QUOTED = Words(quoted=True, figures=False)
REVIEWER = Words(reader="reviewer")

Prose = Annotated[str, PROSE]
Label = Annotated[str, LABEL]
MachineText = Annotated[str, REVIEWER]  # file names, URLs, locales: read by programs and reviewers
ReviewerNote = Annotated[str, REVIEWER]

ID_PATTERN = r"^[a-z0-9_]+$"
Id = Annotated[str, Field(pattern=ID_PATTERN), REVIEWER]
References = Annotated[tuple[str, ...], Field(min_length=1), REVIEWER]

# Question and section ids become widget keys, FHIR linkIds and keys of the CLI's answers
# JSON: they start with a letter, and never take a name the app or the export uses itself.
KEY_ID = re.compile(r"^[a-z][a-z0-9_]*$")
RESERVED_IDS = frozenset(
    {
        # what a session holds (decision_aid/ui/state.py, Session; tests/app/test_session.py)
        "answers",
        "step",
        "checked",
        "mode",
        "leaning",
        "own_value",
        "own_question",
        "presenter",
        "persona",
        "close_sidebar",
        "region_moved",
        "region_to_say",
        "crisis_cut",
        "removed",  # own questions removed, to put back with Undo
        "focus_control",
        "answered",  # the quiz answer just given, said to a screen reader
        "own_added",  # an own question just added, said to a screen reader
        "sidebar_closes",
        "patients_closed",  # the hand-off inputs' generation on clinician review
        "cleared",  # the choices a tick just unticked, said under their question
        "go_to",
        "region",
        "crisis_region",
        "deliberation",
        "required_missing",
        "crisis_new",
        "confirm_clear",
        "address_read",
        "stage",
        "text_cut",
        "focus",  # a question Change opens its step at
        "moves",  # issue 15 (journey): the stage drawn, screen changes counted
        "compared",  # the options picked to compare, and a refused pick (Compare options)
        "compare_refused",
        "opened",
        "open_error",
        "seen",  # issue 16 (helper D): a hand-off opened on clinician review
        "qr",  # the hand-off code's QR picture, made once per code
        "locale",  # issue 18: the session's language, and whether it was switched
        "language_switched",
        "seeded",  # the widgets given a value from the session, shown again after a switch
        "furthest_step",  # the steps the browser's Back may open from the address
        # linkIds of the FHIR export's own items (decision_aid/exports/fhir.py)
        "values",
        "sure",
        "questions",
    }
)

# The FHIR export names the person's own words in a group "<group>.own" ("values.own",
# "questions.own"), so no item of those groups may take the id "own".
OWN_WORDS = "own"

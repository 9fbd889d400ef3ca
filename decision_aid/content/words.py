"""The guards on words, run over every string the walker finds.

Per string, the ``Words`` marker on its field decides which apply:
- verdict phrases (style.yaml): every string a person reads, except quoted citations;
- bare digits: where ``figures`` is set; figures come from numbers.yaml as placeholders;
- reading grade: prose only. A label of a few words has no meaningful Flesch-Kincaid
  grade, and a single short sentence swings by several grades on one long word, so a
  string is graded when it has at least ``GRADED_WORDS`` words. Topics are also held to
  a median by ``check --report`` and the content tests. The measure is the pack's
  language's (``readability.scale``: Fernández-Huerta for Spanish). Clinician notes
  (``clinician/``) are written for professionals, so the patients' target does not apply;
- markup: no raw HTML and no images anywhere (an image would be fetched from another
  site), and no Markdown in labels and templates, which also go where Markdown is not
  rendered (widget labels, FHIR ``text``, PDF headings);
- braces: a template may name only what the code passes; any other field holds none.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable

from decision_aid.content.problems import Code, Problem
from decision_aid.content.walk import Text
from decision_aid.numbers import PLACEHOLDER, bare_digits, render
from decision_aid.readability import grade, scale
from decision_aid.schema import Numbers

GRADED_WORDS = 20
_HTML = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")
_IMAGE = re.compile(r"!\[[^\]]*\]\(")
_LABEL_MARKUP = re.compile(r"\*\*|__|`|\]\(|^\s*#|^\s*[-*+]\s", re.MULTILINE)
_LIST_NUMBER = re.compile(r"\s*\d+[.)]\s")


def check_words(
    templates: Iterable[Text],
    shown: Iterable[Text],
    forbidden: Iterable[str],
    numbers: Numbers,
    locale: str = "en",
) -> list[Problem]:
    """``templates`` and ``shown`` are the same strings as written and with figures filled in."""
    phrases = [p.lower() for p in forbidden]
    problems: list[Problem] = []
    for written, text in zip(templates, shown, strict=True):
        problems += _verdict(text, phrases)
        problems += _unknown_figures(written, numbers)
        problems += _figures(written)
        problems += _grade(text, locale)
        problems += _markup(text)
        problems += _numbered_by_accident(written, text)
        problems += _braces(written, text)
    return problems


def _problem(text: Text, code: Code, message: str) -> Problem:
    return Problem(code, text.file, text.entry, text.field, message)


def _verdict(text: Text, phrases: list[str]) -> list[Problem]:
    if text.words.quoted:
        return []
    lowered = " ".join(text.text.lower().split())
    return [
        _problem(text, Code.VERDICT_PHRASE, f"uses the verdict phrase {phrase!r}")
        for phrase in phrases
        if phrase in lowered
    ]


def _unknown_figures(written: Text, numbers: Numbers) -> list[Problem]:
    _, unknown = render(written.text, numbers)
    return [
        _problem(written, Code.UNKNOWN_FIGURE, f"{placeholder} names no figure in numbers.yaml")
        for placeholder in unknown
    ]


def _figures(written: Text) -> list[Problem]:
    if not written.words.figures:
        return []
    return [
        _problem(
            written,
            Code.BARE_FIGURE,
            f"the figure {digits!r} must come from numbers.yaml as a {{{{placeholder}}}}",
        )
        for digits in bare_digits(written.text)
    ]


def _grade(text: Text, locale: str) -> list[Problem]:
    if not text.words.prose or text.file.startswith("clinician/") or len(text.text.split()) < GRADED_WORDS:
        return []
    found = grade(PLACEHOLDER.sub("", text.text), locale)  # an unknown {{figure}} is reported on its own
    measure = scale(locale)
    if measure.meets(found, measure.worst):
        return []
    return [
        _problem(
            text,
            Code.READING_GRADE,
            f"reading level {found} ({measure.name}) misses the limit of {measure.worst}",
        )
    ]


def _markup(text: Text) -> list[Problem]:
    problems = []
    if _HTML.search(text.text):
        problems.append(_problem(text, Code.MARKUP, "holds an HTML tag; write plain Markdown"))
    if _IMAGE.search(text.text):
        problems.append(_problem(text, Code.MARKUP, "holds an image, which would load from another site"))
    if not text.words.prose and _LABEL_MARKUP.search(text.text):
        problems.append(
            _problem(
                text, Code.MARKUP, "holds Markdown; a label is also shown where Markdown is not rendered"
            )
        )
    return problems


def _numbered_by_accident(written: Text, text: Text) -> list[Problem]:
    """A figure that starts a line, then a full stop ("{{peak_day}}. Even then"), is read as a
    numbered list once filled in: the sentence turns into item 1."""
    if not text.words.prose:
        return []
    lines = zip(written.text.splitlines(), text.text.splitlines(), strict=False)
    return [
        _problem(
            text,
            Code.MARKUP,
            f"the line {shown.strip()[:40]!r} starts with a figure and a full stop, which Markdown "
            "shows as a numbered list; move the figure off the start of the line",
        )
        for raw, shown in lines
        if raw.lstrip().startswith("{{") and _LIST_NUMBER.match(shown)
    ]


def _braces(written: Text, text: Text) -> list[Problem]:
    names = text.words.names
    if names is None:
        if "{" in PLACEHOLDER.sub("", written.text) or "}" in PLACEHOLDER.sub("", written.text):
            return [
                _problem(
                    text,
                    Code.STRAY_BRACE,
                    "holds a brace but is not a template; figures are written {{like_this}}",
                )
            ]
        return []
    try:
        fields = [field for _, field, _, _ in string.Formatter().parse(text.text) if field is not None]
    except ValueError as error:
        return [_problem(text, Code.TEMPLATE_NAME, f"is not a valid template: {error}")]
    allowed = ", ".join(f"{{{n}}}" for n in sorted(names))
    return [
        _problem(text, Code.TEMPLATE_NAME, f"{{{field}}} is not filled in by the code; use {allowed}")
        for field in fields
        if field not in names
    ]

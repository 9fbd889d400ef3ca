"""The person's own words, as typed, through every export (issue 17, red-team F7 and F8).

Whatever is typed into "Add your own question" reaches the summary as one clean line: no
control or format character (NUL makes a FHIR string invalid; a bidi override reverses the
text around it), and in the Markdown it sits in a code span, so no Markdown, HTML, link,
autolink, maths or icon in it takes effect. The PDF shows it literally.
"""

from __future__ import annotations

import io
import json
import re
import unicodedata

import pypdf
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from decision_aid.deliberation import Deliberation, accepted, add_own_question, clean_text, updated
from decision_aid.exports import pdf as pdf_export
from decision_aid.exports.fhir import questionnaire_resource, questionnaire_response, to_json
from decision_aid.exports.markdown import escape, on_screen, render_markdown
from decision_aid.summary import build_summary
from tests.fhir_r4 import response_problems
from tests.unit.strategies import PACK

QUESTIONNAIRE = questionnaire_resource(PACK)
LIMIT = PACK.deliberation.questions.own_max_chars
HOSTILE = [
    "$x$ and $x^2+\\frac12$",
    ":material/home: :smile:",
    "<b>bold</b> <script>alert(1)</script>",
    "[a](http://x) ![i](http://x/i.png)",
    "www.example.com mail@evil.example http://localhost:9/x",
    "**bold** _em_ # heading `code` ``two``",
    "NUL\x00here \x01\x08\x0b\x0c\x0e\x1f\x7f\x85 end",
    "right-to-left \u202eoverride\u202c \u2066isolate\u2069 \ufeffbom \u200bzero",
    "family \U0001f468\u200d\U0001f469\u200d\U0001f467 and \u0645\u0631\u062d\u0628\u0627",
]
ANSWERS = {"self_harm_thoughts": "not_at_all"}


def summary_with(pack, answers, question: str):
    own = add_own_question(pack, Deliberation(), question)
    return own, build_summary(pack, answers(**ANSWERS), own)


def fhir_string_ok(text: str) -> bool:
    """FHIR R4 string: no character below 32 except tab, carriage return and line feed."""
    return all(ord(c) >= 32 or c in "\t\r\n" for c in text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(st.sampled_from(HOSTILE), st.text(max_size=LIMIT + 40)))
@example("\x00")
@example("`")
def test_any_typed_question_stays_one_clean_line_through_markdown_and_fhir(pack, answers, typed):
    own, summary = summary_with(pack, answers, typed)
    kept = clean_text(typed, LIMIT)
    assert own.own_questions == ((kept,) if kept else ())
    if not kept:
        return
    assert len(kept) <= LIMIT and "\n" not in kept
    assert all(
        unicodedata.category(c) not in ("Cc", "Cs")
        and (unicodedata.category(c) != "Cf" or c in "\u200c\u200d")
        for c in kept
    )
    assert accepted(pack, own)

    markdown = render_markdown(pack, summary)
    assert f"- {escape(kept)}\n" in markdown  # a code span of its own, on its own line
    fence = re.match(r"`+", escape(kept)).group()
    assert fence not in kept  # no run of backticks inside can close the span early

    response = questionnaire_response(pack, summary)
    assert response_problems(QUESTIONNAIRE, response) == []
    strings = [
        a["valueString"]
        for item in _walk(response["item"])
        for a in item.get("answer", [])
        if "valueString" in a
    ]
    assert kept in strings and all(fhir_string_ok(s) for s in strings)
    assert json.loads(to_json(response)) == response  # the download holds exactly that


@pytest.mark.parametrize("typed", HOSTILE)
def test_the_pdf_shows_the_words_literally(pack, answers, typed):
    _, summary = summary_with(pack, answers, typed)
    kept = clean_text(typed, LIMIT)
    reader = pypdf.PdfReader(io.BytesIO(pdf_export.render_pdf(pack, summary)))
    text = "".join("".join(page.extract_text().split()) for page in reader.pages)
    shown = "".join(c for c in kept if c.isascii() and not c.isspace())
    assert shown in text  # markup characters and all, as typed
    for page in reader.pages:
        assert not page.get("/Annots")  # no link was made of an address


def test_own_value_is_cleaned_the_same_way(pack, answers):
    limit = PACK.deliberation.values.own_max_chars
    typed = "I care\x00 about\u202e my \x07job"
    summary = build_summary(pack, answers(**ANSWERS), Deliberation(own_value=clean_text(typed, limit)))
    assert summary.own_value == "I care about my job"
    assert f"{escape('I care about my job')}" in render_markdown(pack, summary)


@pytest.mark.parametrize(
    "changes",
    [
        {"sure": {"sure": "Maybe"}},
        {"sure": {"no_such_item": True}},
        {"values": {"cost": "Extremely important"}},
        {"values": {"no_such_value": "very"}},
        {"knowledge": {"no_such_item": True}},
        {"leaning": "Admin"},
        {"ticked": ("no_such_prompt",)},
        {"own_value": "x" * 10_000},
        {"own_value": "NUL\x00"},
        {"own_questions": ("a", "a")},
        {"own_questions": tuple(f"question {n}" for n in range(50))},
        {"own_questions": ["a list, not a tuple"]},
    ],
)
def test_a_change_the_prepare_screen_cannot_make_is_refused(changes):
    assert updated(PACK, Deliberation(), **changes) is None


def test_a_change_the_prepare_screen_can_make_is_kept():
    content = PACK.deliberation
    item, sure, prompt = content.values.items[0], content.sure.items[0], content.questions.items[0]
    after = updated(
        PACK,
        Deliberation(),
        values={item.id: content.values.scale[0].value},
        sure={sure.id: False},
        leaning=content.leaning.choices[0].value,
        ticked=(prompt.id,),
        own_value="My family",
        own_questions=("Can I drive?",),
    )
    assert after is not None and after.sure == {sure.id: False} and after.own_questions == ("Can I drive?",)


def _walk(items):
    for item in items:
        yield item
        yield from _walk(item.get("item", []))


def test_on_screen_keeps_an_icon_shortcode_from_streamlits_rewrite(pack, answers):
    """Streamlit's page turns every ":material/" in a Markdown source into an icon, inside code
    spans too; on screen a word joiner breaks it, and files keep the exact words."""
    _, summary = summary_with(pack, answers, "Home :material/home: here")
    markdown = render_markdown(pack, summary)
    assert ":material/home:" in markdown
    shown = on_screen(markdown)
    assert ":material/" not in shown and shown.replace("\u2060", "") == markdown

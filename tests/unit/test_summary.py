"""The Summary is evaluated once, holds the safety frame in its own fields, and every export
(Markdown, PDF, FHIR) shows what it holds and nothing it does not."""

import datetime
import io
import re
import sys

import pypdf
from hypothesis import HealthCheck, given, settings

from decision_aid import flow, safety
from decision_aid.deliberation import Deliberation
from decision_aid.exports.fhir import questionnaire_response
from decision_aid.exports.markdown import escape, render_markdown
from decision_aid.exports.pdf import render_pdf
from decision_aid.summary import build_summary, summary_json
from decision_aid.tailoring import Reason, ShownTopic
from tests.unit.strategies import PACK, answer_sets, deliberations
from tests.unit.test_exports import DELIBERATION, FULL

FRAME_KINDS = ("crisis", "next_step")
TODAY = datetime.date(2026, 11, 28)
WORDS = PACK.summary_text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answer_sets(), deliberations())
def test_the_summary_holds_the_safety_frame_in_its_own_fields(answers, deliberation):
    summary = build_summary(PACK, answers, deliberation)
    typed = safety.typed_crisis_words(PACK, (deliberation.own_value, *deliberation.own_questions))
    triggered = answers.get("self_harm_thoughts") != "not_at_all" or typed

    assert (summary.crisis is not None) is triggered and bool(summary.crisis) is triggered
    if summary.crisis is not None:
        assert summary.crisis.topic.kind == "crisis" and summary.crisis.reasons
        said = {r.question for r in summary.crisis.reasons}
        asked = {"self_harm_thoughts"} if answers.get("self_harm_thoughts") != "not_at_all" else set()
        assert said == asked | ({safety.TYPED_WORDS} if typed else set())
    assert summary.care.topic.kind == "next_step" and not summary.care.reasons
    assert all(shown.topic.kind not in FRAME_KINDS for shown in summary.body)
    crisis = (summary.crisis,) if summary.crisis is not None else ()
    assert summary.topics == (*crisis, *summary.body, summary.care)
    assert summary_json(summary)["crisis"] is triggered
    # The safety question to ask is kept whenever the crisis part is, ticked or not, once.
    keep_safe = next(p for p in PACK.deliberation.questions.items if p.id == "keep_safe")
    assert (summary.safety_prompt == keep_safe) is triggered
    assert summary.questions.count(keep_safe.text) == (1 if triggered else 0)

    q = PACK.questionnaire
    effective = flow.effective_answers(q, answers)
    assert [a.id for a in summary.answered] == [x.id for x in q.questions if x.id in effective]
    skipped = flow.unanswered(q, answers)
    assert [(s.id, s.question, s.short, s.required) for s in summary.skipped] == [
        (x.id, x.text, x.short, x.required) for x in skipped
    ]
    assert summary.unanswered == tuple(x.id for x in skipped)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answer_sets(), deliberations())
def test_markdown_and_fhir_show_exactly_what_the_summary_holds(answers, deliberation):
    summary = build_summary(PACK, answers, deliberation, today=TODAY)
    _markdown_agrees(summary, render_markdown(PACK, summary))
    _fhir_agrees(summary, questionnaire_response(PACK, summary))


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answer_sets(), deliberations())
def test_the_pdf_shows_what_the_summary_holds(answers, deliberation):
    summary = build_summary(PACK, answers, deliberation, today=TODAY)
    _pdf_agrees(summary, pdf_text(render_pdf(PACK, summary)))


def test_exports_read_the_crisis_and_care_parts_not_topic_positions(pack, answers):
    summary = build_summary(pack, answers(**FULL), DELIBERATION, today=TODAY)
    marker = Reason(question="self_harm_thoughts", answer="nearly_every_day", text="Marker crisis reason.")
    care = summary.care.topic.model_copy(update={"title": "Marker care", "body": "Marker care body."})
    moved = summary.model_copy(
        update={
            "crisis": summary.crisis.model_copy(update={"reasons": (marker,)}),
            "body": tuple(reversed(summary.body)),
            "care": ShownTopic(topic=care),
        }
    )
    for text in (render_markdown(pack, moved), pdf_text(render_pdf(pack, moved))):
        crisis_at, told_at = text.index(WORDS.crisis_title), text.index(WORDS.told_us_title)
        assert crisis_at < text.index("Marker crisis reason.") < told_at
        care_at = text.index(f"{WORDS.care_title}: Marker care")
        assert care_at > text.index(WORDS.questions_title) and text.index("Marker care body.") > care_at
        assert summary.care.topic.title not in text
    calm = moved.model_copy(update={"crisis": None})
    assert WORDS.crisis_title not in render_markdown(pack, calm)
    data = summary_json(calm)
    assert data["crisis"] is False
    assert [t["id"] for t in data["topics"]] == [s.topic.id for s in (*moved.body, moved.care)]


def test_effective_answers_are_computed_once_per_summary(monkeypatch, pack, answers):
    original, calls = flow.effective_answers, []

    def counting(*args, **kwargs):
        calls.append(args)
        return original(*args, **kwargs)

    for name, module in list(sys.modules.items()):
        if name.startswith("decision_aid") and getattr(module, "effective_answers", None) is original:
            monkeypatch.setattr(module, "effective_answers", counting)
    build_summary(pack, answers(**FULL), DELIBERATION)
    assert len(calls) == 1


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)


def _headings(markdown: str) -> list[str]:
    return re.findall(r"^#+ (.*)$", markdown, re.M)


def _markdown_agrees(summary, markdown: str) -> None:
    headings = _headings(markdown)
    assert (WORDS.crisis_title in headings) is (summary.crisis is not None)
    assert headings[-1] == f"{WORDS.care_title}: {summary.care.topic.title}"
    assert summary.care.topic.body in markdown.split(f"# {headings[-1]}")[1]
    if summary.crisis is not None:
        crisis = markdown.split(f"# {WORDS.crisis_title}")[1].split(f"# {WORDS.told_us_title}")[0]
        assert all(reason.text in crisis for reason in summary.crisis.reasons)
    for answer in summary.answered:
        assert f"- {answer.short}: {'; '.join(answer.labels)}\n" in markdown
    if summary.skipped:
        assert f"{WORDS.skipped} {'; '.join(s.short for s in summary.skipped)}." in markdown
    else:
        assert WORDS.skipped not in markdown
    for shown in summary.body:
        if shown.topic.kind == "consideration":
            # with my answers unless the title says them; what the label says of it, if it does
            said = shown.topic.category in ("contraindication", "warning", "caution")
            label = f"**{getattr(PACK.ui, f'category_{shown.topic.category}')}** – " if said else ""
            assert f"- {label}{shown.topic.title}" in markdown
    # What matters: one line per rating, the most important first, each value under its rating.
    scale = [choice.value for choice in reversed(PACK.deliberation.values.scale)]
    lines = []
    for rating in scale:
        rated = [value for value in summary.values if value.rating == rating]
        if rated:
            said = WORDS.value_rating.format(rating=rated[0].rating_label)
            line = f"**{said}:** {'; '.join(value.label for value in rated)}\n"
            assert line in markdown
            lines.append(markdown.index(line))
    assert lines == sorted(lines)
    if summary.own_value:
        assert escape(summary.own_value) in markdown
    if summary.leaning is not None:
        assert summary.leaning.label in markdown
    if summary.sure is not None and summary.sure.answered == summary.sure.total:
        assert WORDS.sure_score.format(yes=summary.sure.yes) in markdown
    elif summary.sure is not None:
        said = WORDS.sure_partial.format(yes=summary.sure.yes, answered=summary.sure.answered)
        assert said in markdown and WORDS.sure_score.format(yes=summary.sure.yes) not in markdown
    for prompt in summary.asked_prompts:
        added = f" {WORDS.added_by_aid}" if prompt == summary.added_by_aid else ""
        assert f"- {prompt.text}{added}\n" in markdown
    for own in summary.own_questions:
        assert f"- {escape(own)}\n" in markdown


def _squash(text: str) -> str:
    """PDF text with every space and line break removed: a long word may wrap anywhere."""
    return "".join(text.replace("\u2022", "").split())


def _pdf_agrees(summary, text: str) -> None:
    flat = _squash(text)
    assert (_squash(WORDS.crisis_title) in flat) is (summary.crisis is not None)
    care = _squash(f"{WORDS.care_title}: {summary.care.topic.title}")
    assert (  # points to discuss first, answers last, care advice after everything
        flat.index(_squash(WORDS.considerations_title))
        < flat.index(_squash(WORDS.told_us_title))
        < flat.rindex(care)
    )
    for answer in summary.answered:
        assert _squash(answer.short) in flat
    for shown in summary.body:
        if shown.topic.kind == "consideration":
            assert _squash(shown.topic.title) in flat
    for typed in (summary.own_value, *summary.own_questions):
        assert _squash(typed) in flat
    for prompt in summary.asked_prompts:
        assert _squash(prompt.text) in flat
    body = re.sub(r"^\s*[-*+]\s+", "", summary.care.topic.body, flags=re.M).replace("**", "")
    assert flat.index(_squash(body)) > flat.rindex(care)


def _walk(items):
    for item in items:
        yield item
        yield from _walk(item.get("item", []))


def _fhir_agrees(summary, response: dict) -> None:
    items = list(_walk(response["item"]))
    link_ids = [item["linkId"] for item in items]
    assert len(link_ids) == len(set(link_ids))
    by_id = {item["linkId"]: item for item in items}
    questions = PACK.questionnaire.by_id
    told = {
        link: tuple(a["valueCoding"]["code"] for a in item["answer"])
        for link, item in by_id.items()
        if link in questions
    }
    assert told == {a.id: a.answer for a in summary.answered}
    missing_required = any(questions[q].required for q in summary.unanswered)
    assert response["status"] == ("in-progress" if missing_required else "completed")

    def codes(link):
        return [a.get("valueCoding", {}).get("code") for a in by_id[link]["answer"]] if link in by_id else []

    def strings(link):
        return [a["valueString"] for a in by_id[link]["answer"]] if link in by_id else []

    for value in summary.values:
        assert codes(f"values.{value.id}") == [value.rating]
    assert len([link for link in by_id if link.startswith("values.") and link != "values.own"]) == len(
        summary.values
    )
    assert strings("values.own") == ([summary.own_value] if summary.own_value else [])
    assert codes("leaning") == ([summary.leaning.value] if summary.leaning else [])
    sure = {link[5:]: by_id[link]["answer"][0]["valueBoolean"] for link in by_id if link.startswith("sure.")}
    assert sure == ({a.item.id: a.yes for a in summary.sure.answers} if summary.sure else {})
    assert codes("questions.chosen") == [p.id for p in summary.prompts]
    assert strings("questions.own") == list(summary.own_questions)


def test_the_safety_question_to_ask_is_kept_whenever_the_crisis_part_is(pack, answers):
    keep_safe = next(p for p in pack.deliberation.questions.items if p.id == "keep_safe")
    ticked = Deliberation(ticked=("approved_or_off_label", "keep_safe"))
    not_ticked = Deliberation(ticked=("approved_or_off_label",))
    for told in (answers(self_harm_thoughts="several_days"), answers()):  # unanswered counts too
        for deliberation in (ticked, not_ticked):
            summary = build_summary(pack, told, deliberation)
            assert summary.crisis is not None
            assert summary.asked_prompts[0] == keep_safe and summary.questions.count(keep_safe.text) == 1
            # What the person ticked stays what they ticked (the FHIR record says so); with no
            # safety answer the prompt is not offered, so a tick on it does not count.
            chose = deliberation is ticked and told.get("self_harm_thoughts") is not None
            assert (keep_safe in summary.prompts) is chose
            markdown = render_markdown(pack, summary)
            added = "" if chose else f" {WORDS.added_by_aid}"  # the aid's, when not the person's
            assert markdown.count(f"- {keep_safe.text}{added}\n") == 1
            assert markdown.index(WORDS.questions_title) < markdown.index(keep_safe.text)
            items = {i["linkId"]: i for i in _walk(questionnaire_response(pack, summary)["item"])}
            chosen = [a["valueCoding"]["code"] for a in items["questions.chosen"]["answer"]]
            assert ("keep_safe" in chosen) is chose
    calm = build_summary(pack, answers(self_harm_thoughts="not_at_all"), ticked)
    assert calm.safety_prompt is None and keep_safe.text not in calm.questions


def test_typed_words_about_suicide_bring_the_crisis_part_to_the_summary_and_its_files(pack, answers):
    """A second review: "I don't want to live anymore" typed as what matters gave a PDF with
    no crisis lines and a clinician's note saying the aid showed none."""
    from decision_aid import clinician
    from decision_aid.exports import pdf as pdf_export

    calm = answers(self_harm_thoughts="not_at_all")
    words = Deliberation(own_value="I don't want to live anymore")
    summary = build_summary(pack, calm, words)
    assert summary.crisis is not None
    assert [r.text for r in summary.crisis.reasons] == [pack.ui.typed_crisis_reason]
    assert summary.safety_prompt is not None  # "How can we keep me safe while I decide?"
    markdown = render_markdown(pack, summary)
    assert markdown.index(WORDS.crisis_title) < markdown.index(WORDS.considerations_title)
    pdf = pdf_text(pdf_export.render_pdf(pack, summary))
    assert WORDS.crisis_title in pdf and "988" in pdf
    points = clinician.key_points(pack, summary)
    assert points.crisis.flagged and points.crisis.score == 0  # item 9 is still what it was
    assert build_summary(pack, calm, Deliberation(own_value="Being able to work")).crisis is None


def test_the_points_to_discuss_come_most_serious_first():
    """As "What applies to you" shows them: on paper James's aneurysm (the label says it must
    not be used) came after his blood pressure (a warning; an acceptance review)."""
    from decision_aid.personas import persona_answers
    from decision_aid.schema import CATEGORY_ORDER

    for persona in PACK.personas.personas:
        shown = build_summary(PACK, persona_answers(PACK, persona.id)).considerations
        ranks = [CATEGORY_ORDER.index(s.topic.category) for s in shown]
        assert ranks == sorted(ranks), persona.id
    james = build_summary(PACK, persona_answers(PACK, "james_blood_pressure")).considerations
    assert james[0].topic.category == "contraindication"


def test_a_sure_test_half_done_is_not_read_as_doubt(answers):
    """One question answered yes read "I said yes to 1 of the four questions": a score under
    four is a sign of conflict, and the other three were not answered no (a review)."""
    one = Deliberation(sure={PACK.deliberation.sure.items[0].id: True})
    markdown = render_markdown(PACK, build_summary(PACK, answers(**FULL), one))
    assert WORDS.sure_partial.format(yes=1, answered=1) in markdown
    assert WORDS.sure_score.format(yes=1) not in markdown


def test_within_a_severity_what_was_reported_comes_before_not_sure_and_worries(answers):
    """ "Label warning – Risk of misuse and addiction (my answer: Worries: Addiction)" came
    first on paper, above a reported pregnancy (a review). Severity still orders the groups;
    within one, what the person reported, then "Not sure", then a worry or other question."""
    summary = build_summary(
        PACK,
        answers(
            self_harm_thoughts="not_at_all",
            concerns=["addiction"],
            substance_use=["none"],
            pregnancy="pregnant",
            other_conditions=["breathing_or_sleep_apnea"],
            vascular_conditions=["unsure"],
            bipolar="unsure",
        ),
    )
    ids = [shown.topic.id for shown in summary.considerations]
    assert ids.index("aneurysm_avm_brain_bleed") == 0  # a contraindication, though "Not sure"
    warnings = [shown.topic.id for shown in summary.considerations if shown.topic.category == "warning"]
    assert warnings[-1] == "substance_use" and set(warnings[:-1]) == {"pregnancy", "breathing"}
    cautions = [shown.topic.id for shown in summary.considerations if shown.topic.category == "caution"]
    assert cautions and all(PACK.topic(t).category == "caution" for t in cautions)

import datetime
import io
import json
import re

import pypdf
import pytest
from fhir.resources.R4B.questionnaire import Questionnaire
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse
from fontTools.ttLib import TTFont

from decision_aid.content import load_pack
from decision_aid.deliberation import Deliberation, suggested_questions
from decision_aid.exports import pdf as pdf_export
from decision_aid.exports.document import summary_document
from decision_aid.exports.fhir import questionnaire_resource, questionnaire_response
from decision_aid.exports.markdown import escape, render_markdown
from decision_aid.personas import persona_answers
from decision_aid.summary import build_summary

HOSTILE = '<script>alert("x")</script> **bold** [link](https://evil.example) ![img](https://evil.example/a.png) # heading'
FULL = dict(
    self_harm_thoughts="nearly_every_day",
    depression_diagnosed="yes",
    antidepressants_tried="3_or_more",
    adequate_trial="yes",
    antidepressant_response="partial",
    other_treatments=["psychotherapy", "tms"],
    bipolar="no",
    psychosis="unsure",
    blood_pressure="high_controlled",
    vascular_conditions=["heart_disease"],
    substance_use=["alcohol"],
    pregnancy="none",
    other_conditions=["breathing_or_sleep_apnea"],
    medicines=["benzodiazepines_or_sleep", "stimulants"],
    age_group="65_plus",
    transport="unsure",
    clinic_time="maybe",
    insurance="unsure",
    concerns=["cost", "dissociation"],
)
DELIBERATION = Deliberation(
    values={"quick_relief": "very", "cost": "somewhat", "avoid_needles": "very", "long_term_known": "very"},
    own_value=HOSTILE,
    leaning="not_sure",
    sure={"sure": False, "understand": True, "risks_benefits": False, "encouragement": True},
    ticked=("approved_or_off_label", "blood_pressure_checks", "full_cost"),
    own_questions=(HOSTILE, "Can my daughter come with me — and stay?"),
)


@pytest.fixture
def full_summary(pack, answers):
    return build_summary(pack, answers(**FULL), DELIBERATION, today=datetime.date(2026, 11, 28))


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)


def test_markdown_shows_the_persons_words_as_text(pack, full_summary):
    """In a code span: Markdown, HTML, links, maths and icons in them are shown, not used."""
    markdown = render_markdown(pack, full_summary)
    assert f"- {escape(HOSTILE)}" in markdown
    outside = markdown.replace(escape(HOSTILE), "")
    assert "<script>" not in outside and "](https://evil" not in outside and "![img]" not in outside
    assert re.search(r"^#+ heading", markdown, re.M) is None


def test_markdown_escape_is_a_code_span_longer_than_any_backticks_inside():
    assert escape("Can I drive?") == "` Can I drive? `"
    assert escape("a*b_c") == "` a*b_c `"
    assert escape("use `x` or ``y``") == "``` use `x` or ``y`` ```"
    assert escape("`start and end`") == "`` `start and end` ``"
    assert escape("two\nlines") == "` two lines `"


def test_pdf_holds_crisis_lines_first_and_care_advice_last(pack, full_summary):
    text = pdf_text(pdf_export.render_pdf(pack, full_summary))
    crisis = text.index("Help right now")
    assert (
        crisis
        < text.index("Things to discuss because of my answers")
        < text.index("My questions")
        < text.index("What matters to me")
        < text.index("What I told the aid")
    )
    assert "Call or text 988" in text and "116 123" in text
    care = text.index("Next step: Talk with a professional")
    assert care > text.index("What I told the aid")
    assert "Book a visit" in text[care:]


def test_pdf_without_crisis_has_no_crisis_section(pack, answers):
    summary = build_summary(pack, answers(self_harm_thoughts="not_at_all"))
    text = pdf_text(pdf_export.render_pdf(pack, summary))
    assert "Help right now" not in text and "Talk with a professional" in text


def test_pdf_is_real_text_with_language_title_and_readable_size(pack, full_summary):
    data = pdf_export.render_pdf(pack, full_summary)
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert reader.metadata.title == pack.summary_text.title
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en"
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"]) is True
    sizes = set()
    for page in reader.pages:
        content = page.get_contents().get_data().decode("latin-1")
        sizes |= {float(s) for s in re.findall(r"/F\d+ ([\d.]+) Tf", content)}
    assert sizes and min(sizes) >= pdf_export.BODY_PT >= 11
    assert HOSTILE in pdf_text(data).replace("\n", " ")  # shown as typed, not interpreted


def test_every_character_of_the_summary_has_a_glyph_in_the_pdf_font(pack, full_summary):
    characters = set()
    for block in summary_document(pack, full_summary):
        for part in block.parts:
            characters |= set(part.text)
    cmap = TTFont(pdf_export.fonts.font_files_ttf["SourceSansPro"]).getBestCmap()
    assert {c for c in characters if c not in "\n" and ord(c) not in cmap} == set()
    assert "\u2014" in characters  # the person's em dash too


def test_fhir_questionnaire_validates_and_covers_every_question(pack):
    resource = questionnaire_resource(pack)
    Questionnaire.model_validate(resource)
    link_ids = _link_ids(resource["item"])
    assert {q.id for q in pack.questionnaire.questions} <= link_ids
    adequate = _find(resource["item"], "adequate_trial")
    assert adequate["enableBehavior"] == "any"
    assert [w["answerCoding"]["code"] for w in adequate["enableWhen"]] == ["1", "2", "3_or_more"]
    assert _find(resource["item"], "other_treatments")["repeats"] is True


def test_fhir_response_validates_points_at_the_questionnaire_and_uses_its_codes(pack, answers):
    resource = questionnaire_resource(pack)
    response = questionnaire_response(
        pack,
        build_summary(pack, answers(**FULL), DELIBERATION),
        authored=datetime.datetime(2026, 11, 28, 9, 30, tzinfo=datetime.UTC),
    )
    QuestionnaireResponse.model_validate(response)
    assert response["questionnaire"] == f"{resource['url']}|{resource['version']}"
    assert _link_ids(response["item"]) <= _link_ids(resource["item"])
    for item in _leaves(response["item"]):
        question = _find(resource["item"], item["linkId"])
        allowed = {
            (o["valueCoding"]["system"], o["valueCoding"]["code"]) for o in question.get("answerOption", [])
        }
        for answer in item["answer"]:
            if "valueCoding" in answer:
                assert (answer["valueCoding"]["system"], answer["valueCoding"]["code"]) in allowed
    own = _find(response["item"], "questions.own")
    assert own["answer"][0]["valueString"] == HOSTILE
    json.dumps(response)


def test_fhir_response_leaves_out_hidden_and_missing_answers(pack, answers):
    stale = answers(self_harm_thoughts="not_at_all", antidepressants_tried="2", adequate_trial="no")
    stale = stale.with_answer("antidepressants_tried", "0")
    response = questionnaire_response(pack, build_summary(pack, stale))
    QuestionnaireResponse.model_validate(response)
    assert "adequate_trial" not in _link_ids(response["item"])
    assert "deliberation" not in _link_ids(response["item"])


def _walk(items):
    for item in items:
        yield item
        yield from _walk(item.get("item", []))


def _link_ids(items):
    return {item["linkId"] for item in _walk(items)}


def _leaves(items):
    return [item for item in _walk(items) if "answer" in item]


def _find(items, link_id):
    return next(item for item in _walk(items) if item["linkId"] == link_id)


def test_pdf_never_splits_a_phone_number_over_two_lines(pack, full_summary):
    lines = pdf_text(pdf_export.render_pdf(pack, full_summary)).replace("\u00a0", " ").splitlines()
    numbers = {
        match
        for region in pack.crisis.regions
        for line in region.lines
        for match in re.findall(r"\d+(?: \d+)+", line.contact)
    }
    assert "116 123" in numbers and "0477 13 11 14" in numbers
    for number in numbers:
        assert any(number in line for line in lines), number


def prepared(pack, persona_id: str) -> Deliberation:
    """Prepare filled in as a person would: values rated, a leaning, SURE answered (two no),
    two of the offered questions ticked and one of their own."""
    offered = [p.id for p in suggested_questions(pack, persona_answers(pack, persona_id))]
    return Deliberation(
        values={
            "quick_relief": "very",
            "session_side_effects": "somewhat",
            "time_travel": "somewhat",
            "cost": "very",
            "long_term_known": "very",
            "avoid_needles": "not_important",
            "avoid_daily_pills": "not_important",
        },
        leaning="not_sure",
        sure={"sure": False, "understand": True, "risks_benefits": True, "encouragement": False},
        ticked=tuple(offered[:2]),
        own_questions=("Can my partner stay with me during the session and drive me home afterwards?",),
    )


@pytest.mark.parametrize("locale", ["en", "es"])
def test_the_pdf_is_one_letter_page_for_every_persona_with_prepare_filled_in(locale):
    """The summary is one page for every case. When the crisis part shows, a page of its own
    comes first, whole (never cut to fit): the help to keep by the phone. The summary after it
    still fits one page, so a clinician reads it without turning over."""
    pack = load_pack(locale)
    words = pack.summary_text
    pages = {}
    for persona in pack.personas.personas:
        summary = build_summary(
            pack, persona_answers(pack, persona.id), prepared(pack, persona.id), datetime.date(2026, 12, 3)
        )
        reader = pypdf.PdfReader(io.BytesIO(pdf_export.render_pdf(pack, summary)))
        assert [(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages][0] == (612, 792)
        pages[persona.id] = len(reader.pages)
        texts = [" ".join(page.extract_text().split()) for page in reader.pages]
        if summary.crisis is not None:
            assert all(" ".join(item.split()) in texts[0] for item in document_crisis_items(pack))
            assert words.considerations_title not in texts[0]
            assert texts[1].startswith(words.title)
            assert texts[1].index(words.considerations_title) < texts[1].index(words.care_title)
            assert " ".join(pack.info.disclaimer.split()) in texts[1]
    assert {p: n for p, n in pages.items() if n != 1} == {"dana_crisis": 2}, pages


@pytest.mark.parametrize("locale", ["en", "es"])
def test_the_summary_after_the_crisis_page_stands_alone(locale):
    """The crisis page is titled as the help it is, for the person to keep. The summary after
    it may be handed over alone: it has the title, the date and the name line again, and says
    first, in bold, that the help for right now is on the first page."""
    pack = load_pack(locale)
    words = pack.summary_text
    reader = persona_pdf(pack, "dana_crisis")
    first, second = (" ".join(page.extract_text().split()) for page in reader.pages)
    made_on = words.made_on.split("{")[0].strip()
    assert first.startswith(f"{words.crisis_title} {words.paper_name}: {made_on}")
    assert " ".join(words.for_clinician.split()) not in first
    assert second.startswith(" ".join(f"{words.title} {words.paper_name}: {made_on}".split()))
    pointer = " ".join(f"{words.for_clinician} {words.crisis_title}: {words.crisis_on_first_page}".split())
    assert pointer in second and second.index(pointer) < second.index(words.considerations_title)
    assert words.crisis_on_first_page not in first
    bold = []

    def visit(text, cm, tm, font, size):
        if font and "Bold" in font["/BaseFont"]:
            bold.append(text)

    reader.pages[1].extract_text(visitor_text=visit)
    assert " ".join(words.crisis_on_first_page.split()[-4:]) in " ".join(" ".join(bold).split()), bold


@pytest.mark.parametrize("locale", ["en", "es"])
def test_a_fictional_case_says_so_on_its_crisis_page_too(locale):
    pack = load_pack(locale)
    summary = build_summary(
        pack,
        persona_answers(pack, "dana_crisis"),
        prepared(pack, "dana_crisis"),
        datetime.date(2026, 12, 3),
        fictional="Dana",
    )
    reader = pypdf.PdfReader(io.BytesIO(pdf_export.render_pdf(pack, summary)))
    banner = pack.ui.fictional_case.format(name="Dana")
    assert [banner in " ".join(page.extract_text().split()) for page in reader.pages] == [True, True]


def line_heights(page: pypdf.PageObject) -> list[float]:
    """Where each line of text sits on the page, from the top down (points from the bottom)."""
    heights: set[float] = set()

    def visit(text, cm, tm, font, size):
        if text.strip():
            heights.add(round(tm[5], 1))

    page.extract_text(visitor_text=visit)
    return sorted(heights, reverse=True)


def fullest(pack, persona_id: str) -> Deliberation:
    """Prepare filled in to its limits: every offered question ticked, as many own questions
    as the aid takes at their longest, and an own value."""
    limits = pack.deliberation.questions
    asks = "What should I ask about this, and who can I ask about that later on? "
    return prepared(pack, persona_id).update(
        ticked=tuple(p.id for p in suggested_questions(pack, persona_answers(pack, persona_id))),
        own_questions=tuple(
            (f"{number}. {asks * 9}")[: limits.own_max_chars] for number in range(limits.own_max_count)
        ),
        own_value=("I care about my job and my family. " * 5).strip(),
    )


@pytest.mark.parametrize("locale", ["en", "es"])
def test_answers_in_two_columns_carry_on_at_the_top_of_the_next_page(locale):
    """Dana's answers with Prepare filled to its limits do not fit on her summary's page:
    both columns fill it, and the rest starts at the top of the next one. (They once started
    the second column at the first page's height on the second page, leaving half of it empty
    and another page.)"""
    pack = load_pack(locale)
    answers = persona_answers(pack, "dana_crisis")
    summary = build_summary(pack, answers, fullest(pack, "dana_crisis"), datetime.date(2026, 12, 3))
    reader = pypdf.PdfReader(io.BytesIO(pdf_export.render_pdf(pack, summary)))
    labels = [f"{a.short}:" for a in build_summary(pack, answers).answered]
    texts = [" ".join(page.extract_text().split()) for page in reader.pages]
    assert len({number for number, text in enumerate(texts) for label in labels if label in text}) == 2
    line = pdf_export.LINE * 72 / 25.4
    for number, page in enumerate(reader.pages, 1):
        heights = line_heights(page)
        ruled = [y1 for _, y1, _, y2 in drawn_lines(page) if y1 == y2]
        gaps = [  # the space left for notes is meant to be empty of text
            above - below
            for above, below in zip(heights, heights[1:], strict=False)
            if not any(below < y < above for y in ruled)
        ]
        assert max(gaps) < 2.5 * line, (number, max(gaps))
    text = " ".join(texts)
    order = text[text.index(pack.summary_text.told_us_title) :]
    positions = [order.index(label) for label in labels]
    assert positions == sorted(positions)  # read down the first column, then the second


def drawn_lines(page: pypdf.PageObject) -> list[tuple[float, float, float, float]]:
    """The straight lines drawn on a page (x1, y1, x2, y2, points from the bottom left): the
    blanks to write on."""
    lines, start = [], None
    for operands, operator in pypdf.generic.ContentStream(page.get_contents(), page.pdf).operations:
        if operator == b"m":
            start = [float(o) for o in operands]
        elif operator == b"l" and start:
            lines.append((*start, *(float(o) for o in operands)))
    return lines


def persona_pdf(pack, persona_id: str) -> pypdf.PdfReader:
    summary = build_summary(
        pack, persona_answers(pack, persona_id), prepared(pack, persona_id), datetime.date(2026, 12, 3)
    )
    return pypdf.PdfReader(io.BytesIO(pdf_export.render_pdf(pack, summary)))


MM = 72 / 25.4  # points in a millimetre


@pytest.mark.parametrize("locale", ["en", "es"])
def test_the_pdf_has_a_line_to_write_a_name_on_beside_its_title(locale):
    """The aid never asks for a name; on paper a person or a clinic writes it by hand."""
    pack = load_pack(locale)
    titles = (pack.summary_text.title, pack.summary_text.crisis_title)
    pages = [
        page for persona_id in ("maria_trd", "dana_crisis") for page in persona_pdf(pack, persona_id).pages
    ]
    assert len(pages) == 3  # Dana's crisis page, then her summary
    for page in pages:
        first = page.extract_text().splitlines()[0]
        assert first.startswith(titles) and first.endswith(f"{pack.summary_text.paper_name}:")
        top = float(page.mediabox.height)
        blanks = [
            (x1, x2)
            for x1, y1, x2, y2 in drawn_lines(page)
            if y1 == y2 and y1 > top - 20 * MM and x2 - x1 >= 40 * MM
        ]
        assert len(blanks) == 1, blanks
        assert blanks[0][1] <= float(page.mediabox.width) - 12 * MM + 0.1  # inside the margin
        assert blanks[0][1] - blanks[0][0] >= 35 * MM


@pytest.mark.parametrize("locale", ["en", "es"])
def test_room_left_on_the_last_page_holds_ruled_lines_for_notes_before_the_next_step(locale):
    """Notes from the visit go on the page, never onto a page of their own: ruled lines fill
    the room the summary leaves (none when less than two fit), before the care advice."""
    pack = load_pack(locale)
    words = pack.summary_text
    for persona in pack.personas.personas:
        reader = persona_pdf(pack, persona.id)
        last = reader.pages[-1]
        text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
        top = float(last.mediabox.height)
        ruled = [y1 for x1, y1, x2, y2 in drawn_lines(last) if y1 == y2 and y1 < top - 20 * MM]
        if words.paper_notes in text:
            assert (
                text.index(words.told_us_title) < text.index(words.paper_notes) < text.index(words.care_title)
            )
            assert len(ruled) >= 2, (persona.id, ruled)
            spacing = [above - below for above, below in zip(ruled, ruled[1:], strict=False)]
            assert min(spacing) >= 7 * MM - 0.1, spacing  # room for handwriting
        else:
            assert ruled == [], (persona.id, ruled)
    english = load_pack("en")
    for persona_id in ("maria_trd", "dana_crisis"):  # room on Maria's page and on Dana's summary
        assert english.summary_text.paper_notes in persona_pdf(english, persona_id).pages[-1].extract_text()


@pytest.mark.parametrize("locale", ["en", "es"])
def test_no_heading_ends_a_page_without_its_text(locale):
    pack = load_pack(locale)
    answers = persona_answers(pack, "dana_crisis")
    for deliberation in (prepared(pack, "dana_crisis"), fullest(pack, "dana_crisis")):
        summary = build_summary(pack, answers, deliberation, datetime.date(2026, 12, 3))
        reader = pypdf.PdfReader(io.BytesIO(pdf_export.render_pdf(pack, summary)))
        headings = {
            " ".join(b.parts[0].text.split()) for b in summary_document(pack, summary) if b.kind == "heading"
        }
        assert len(reader.pages) > 1
        for page in reader.pages[:-1]:
            last_line = " ".join(page.extract_text().splitlines()[-1].split())
            assert last_line not in headings, last_line


def document_crisis_items(pack) -> list[str]:
    from decision_aid.exports.document import crisis_line_items

    return [item.replace("\u00a0", " ").replace("**", "") for item in crisis_line_items(pack)]  # as read


def test_the_summary_speaks_in_the_first_person_and_opens_with_what_to_discuss(pack, answers):
    summary = build_summary(pack, answers(**FULL), DELIBERATION, today=datetime.date(2026, 11, 28))
    markdown = render_markdown(pack, summary)
    headings = re.findall(r"^#+ (.*)$", markdown, re.M)
    words = pack.summary_text
    assert headings == [
        words.title,
        words.crisis_title,
        words.considerations_title,
        words.questions_title,
        words.values_title,
        words.told_us_title,
        f"{words.care_title}: {summary.care.topic.title}",
    ]
    assert f"**{words.leaning_title}:** Not sure yet" in markdown
    assert "I said yes to 2 of the four questions. I said no to:" in markdown
    assert (
        f"- **{pack.ui.category_warning}** – Blood pressure (my answer: High, but under control with treatment)"
        in markdown
    )
    mine = [words.title, words.told_us_title, words.questions_title, words.values_title, words.leaning_title]
    assert all(re.search(r"\b(my|me|I)\b", h, re.I) for h in mine)
    document_words = (
        markdown.split(f"# {words.crisis_title}")[0] + markdown.split(f"# {words.considerations_title}")[1]
    )
    before_care = document_words.split(f"# {words.care_title}")[0]
    assert "You told us" not in before_care and "you told" not in before_care.lower()


def test_a_one_line_section_keeps_a_space_between_its_sentences(pack):
    summary = build_summary(
        pack, persona_answers(pack, "james_blood_pressure"), prepared(pack, "james_blood_pressure")
    )
    text = " ".join(pdf_text(pdf_export.render_pdf(pack, summary)).split())
    assert re.search(r"questions\.I said", text) is None
    assert "of the four questions. I said no to:" in text

"""The take-away's sections, each from its own function, so a screen can show one section
without picking blocks by their heading text."""

import datetime

from decision_aid.exports import document
from decision_aid.exports.markdown import render_markdown
from decision_aid.exports.pdf import render_pdf
from decision_aid.prose import units
from decision_aid.summary import build_summary
from tests.unit.test_exports import DELIBERATION, FULL, pdf_text

SECTIONS = (
    document.header_blocks,
    document.crisis_blocks,
    document.considerations_blocks,
    document.questions_blocks,
    document.preparation_blocks,
    document.answers_blocks,
    document.care_blocks,
)


def headings(blocks):
    return [b.parts[0].text for b in blocks if b.kind == "heading"]


def crisis_lines(pack, summary):
    """The crisis part's list of places and their lines."""
    return next(b for b in document.crisis_blocks(pack, summary) if b.kind == "bullets")


def test_the_document_is_its_sections_in_order(pack, answers):
    for given, deliberation in ((FULL, DELIBERATION), ({"self_harm_thoughts": "not_at_all"}, None)):
        summary = build_summary(pack, answers(**given), deliberation, today=datetime.date(2026, 11, 28))
        sections = [block for section in SECTIONS for block in section(pack, summary)]
        assert document.summary_document(pack, summary) == [
            *sections,
            document.Block("note", (document.Text(pack.info.disclaimer),)),
        ]


def test_each_section_holds_only_its_own_part(pack, answers):
    words = pack.summary_text
    full = build_summary(pack, answers(**FULL), DELIBERATION)
    calm = build_summary(pack, answers(self_harm_thoughts="not_at_all"))
    assert headings(document.crisis_blocks(pack, full)) == [words.crisis_title]
    assert document.crisis_blocks(pack, calm) == []
    assert headings(document.answers_blocks(pack, full)) == [words.told_us_title]
    assert headings(document.considerations_blocks(pack, full)) == [words.considerations_title]
    assert headings(document.questions_blocks(pack, full)) == [words.questions_title]
    assert document.questions_blocks(pack, calm) == []
    preparation = document.preparation_blocks(pack, full)
    assert headings(preparation) == [words.values_title]  # leaning and SURE: one line each
    ratings = {c.value: words.value_rating.format(rating=c.label) for c in pack.deliberation.values.scale}
    assert [b.parts[0].text for b in preparation if b.kind == "field"] == [
        ratings["very"],  # what matters: a line per rating used, the most important first
        ratings["somewhat"],
        words.leaning_title,
        words.sure_title,
    ]
    empty = document.preparation_blocks(pack, calm)
    assert [b.kind for b in empty] == ["text"]
    assert empty[0].parts[0].text == (
        f"{words.not_filled} {words.values_title}; {words.leaning_title}; {words.sure_title}; {words.questions_title}."
    )
    assert headings(document.care_blocks(pack, calm)) == [f"{words.care_title}: {calm.care.topic.title}"]


def test_the_take_away_carries_what_to_do_if_in_danger_now_only_when_crisis(pack, answers):
    body = pack.topic("crisis").body
    assert "nearest emergency department" in body
    said = [unit.text for unit in units(body)]  # each paragraph and list item, as read
    crisis = build_summary(pack, answers(self_harm_thoughts="several_days"))
    calm = build_summary(pack, answers(self_harm_thoughts="not_at_all"))

    markdown = render_markdown(pack, crisis)
    assert body in markdown
    assert markdown.index(body) < markdown.index(pack.crisis.intro)  # as on the screen
    text = " ".join(pdf_text(render_pdf(pack, crisis)).split())
    assert "go to the nearest emergency department" in text
    assert [s for s in said if " ".join(s.split()) not in text] == []

    calm_markdown = render_markdown(pack, calm)
    calm_text = " ".join(pdf_text(render_pdf(pack, calm)).split())
    assert "emergency department" not in calm_markdown and "emergency department" not in calm_text
    assert [s for s in said if s in calm_markdown or " ".join(s.split()) in calm_text] == []


def test_the_take_away_lists_the_persons_place_first_and_every_other_place_after(pack, answers):
    """A British browser, or a person who picked their place in the crisis panel, printed the
    United States' lines first; the paper now starts where the screen does. Nothing is left
    out: every place's lines follow, in the pack's order."""
    regions = [region.name for region in pack.crisis.regions]
    for place in pack.crisis.regions:
        summary = build_summary(pack, answers(self_harm_thoughts="several_days"), place=place.id)
        lines = crisis_lines(pack, summary).parts
        named = [part.text.split(":")[0].strip("*") for part in lines]
        assert named == [place.name, *(name for name in regions if name != place.name)]
        markdown = render_markdown(pack, summary)
        assert markdown.index(f"- **{place.name}**:") < min(
            markdown.index(f"- **{name}**:") for name in regions if name != place.name
        )
    unknown = build_summary(pack, answers(self_harm_thoughts="several_days"), place="atlantis")
    assert [p.text.split(":")[0].strip("*") for p in crisis_lines(pack, unknown).parts] == regions
    default = build_summary(pack, answers(self_harm_thoughts="several_days"))
    assert document.crisis_blocks(pack, default) == document.crisis_blocks(pack, unknown)


def test_each_place_and_number_on_paper_stands_out_in_bold(pack, answers):
    """A clinical review: "988" was hard to spot in run-on lines of plain text."""
    summary = build_summary(pack, answers(self_harm_thoughts="several_days"), place="us")
    first = crisis_lines(pack, summary).parts[0].text
    us = pack.crisis.region("us")
    assert first.startswith(f"**{us.name}**:")
    assert f"**{us.emergency}**" in first and f"**{us.lines[0].contact}**" in first
    text = " ".join(pdf_text(render_pdf(pack, summary)).split())
    assert "**" not in text and f"{us.name}: {pack.ui.emergency_label} {us.emergency}" in text


def test_a_worry_behind_a_note_is_named_as_a_worry(pack):
    """A clinical review: "Alcohol or drug use (my answer: Alcohol; Addiction)" read as if Sam
    reported addiction; "Addiction" was among his worries."""
    from decision_aid.personas import persona_answers

    summary = build_summary(pack, persona_answers(pack, "sam_psychosis_substance"))
    markdown = render_markdown(pack, summary)
    worries = pack.questionnaire.by_id["concerns"]
    assert f"Alcohol; {worries.short}: {worries.choice('addiction').label})" in markdown


def test_answers_to_one_question_are_kept_apart_where_a_label_holds_a_comma(pack, answers):
    """A third clinical check: "Talk therapy (psychotherapy), such as CBT, A second medicine
    added to an antidepressant" read as if the medicine were a kind of talk therapy."""
    question = pack.questionnaire.by_id["other_treatments"]
    talk, added = (question.choice(v).label for v in ("psychotherapy", "augmentation"))
    assert ", " in talk
    summary = build_summary(pack, answers(other_treatments=["psychotherapy", "augmentation"]))
    markdown = render_markdown(pack, summary)
    assert f"(my answer: {talk}; {added})" in markdown  # the point to discuss
    assert f"{question.short}: {talk}; {added}" in markdown  # what I told the aid


def test_a_worry_alone_behind_a_note_is_named_as_a_worry_too(pack, answers):
    """A second clinical check: a person who only ticked the worry read "Label warning –
    Alcohol or drug use (my answer: Addiction)", as if they had reported an addiction. The
    title now names what the label warns of, which holds for everyone."""
    worries = pack.questionnaire.by_id["concerns"]
    summary = build_summary(pack, answers(concerns=["addiction", "cost"]))
    markdown = render_markdown(pack, summary)
    misuse = pack.topic("substance_use").title
    assert misuse == "Risk of misuse and addiction"
    assert f"{misuse} (my answer: {worries.short}: {worries.choice('addiction').label})" in markdown
    assert f"Cost and insurance (my answer: {worries.short}: {worries.choice('cost').label})" in markdown


def test_the_summary_marks_the_question_the_aid_added_and_says_no_answer_twice(pack):
    """A second clinical review: "How can we keep me safe while I decide?" stood among "My
    questions" as if the patient had asked it, and "Under 18 (my answer: Under 18)"."""
    from decision_aid.deliberation import Deliberation
    from decision_aid.personas import persona_answers

    keep_safe = next(p.text for p in pack.deliberation.questions.items if p.id == "keep_safe")
    added = pack.summary_text.added_by_aid
    dana = render_markdown(pack, build_summary(pack, persona_answers(pack, "dana_crisis")))
    assert f"- {keep_safe} {added}\n" in dana
    ticked = build_summary(pack, persona_answers(pack, "dana_crisis"), Deliberation(ticked=("keep_safe",)))
    assert added not in render_markdown(pack, ticked)
    alex = render_markdown(pack, build_summary(pack, persona_answers(pack, "alex_under_18")))
    assert "(my answer: Under 18)" not in alex and "Under 18" in alex


def test_an_answer_that_says_more_than_the_title_is_kept(pack):
    """ "Two or more antidepressants tried" with Dana's answer "Two" dropped: the title holds
    the word, not the answer."""
    from decision_aid.personas import persona_answers

    dana = render_markdown(pack, build_summary(pack, persona_answers(pack, "dana_crisis")))
    assert "Two or more antidepressants tried (my answer: Two)" in dana


def test_on_paper_a_point_the_label_speaks_to_says_so_as_on_screen(pack):
    """A UX review (item 8): James's aneurysm, which the label says must not be used with,
    read on paper like his "Two or more antidepressants tried". Notes of the label's three
    kinds are tagged with the words "What applies to you" heads them with; notes about the
    treatment so far and practical ones are not risks and stay as they were."""
    from decision_aid.personas import persona_answers

    ui = pack.ui
    summary = build_summary(pack, persona_answers(pack, "james_blood_pressure"))
    items = [part.text for part in document.considerations_blocks(pack, summary)[1].parts]
    assert items[0].startswith(f"**{ui.category_contraindication}** – An aneurysm")
    assert items[1].startswith(f"**{ui.category_warning}** – Blood pressure")
    assert items[2].startswith(f"**{ui.category_caution}** – Heart disease")
    assert items[3] == "Two or more antidepressants tried (my answer: Two)"
    assert not any(str(getattr(ui, f"category_{c}")) in " ".join(items) for c in ("history", "practical"))
    text = " ".join(pdf_text(render_pdf(pack, summary)).split())
    assert f"{ui.category_contraindication} – An aneurysm" in text and "**" not in text


def test_on_paper_the_crisis_numbers_say_where_they_come_from_and_how_old_the_check_is(pack):
    """On screen each place's lines have their sources a click away; on paper the numbers had
    none, and a page kept for months did not say when they were last checked."""
    from decision_aid.personas import persona_answers

    dana = build_summary(pack, persona_answers(pack, "dana_crisis"))
    blocks = document.crisis_blocks(pack, dana)
    assert blocks[-2].kind == "bullets" and blocks[-1].kind == "note"
    said = blocks[-1].parts[0].text
    used = {ref for region in pack.crisis.regions for ref in region.references}
    assert "988lifeline.org" in said and "www." not in said
    assert "Ministerio de Sanidad (España)" in said  # a source with no web address: its name
    assert said.count(";") == len(used) - 1  # each source once, though places share one
    oldest = min(pack.references[ref].checked for ref in used)
    assert pack.ui.date(oldest) in said
    assert "988lifeline.org" in " ".join(pdf_text(render_pdf(pack, dana)).split())
    calm = build_summary(pack, persona_answers(pack, "james_blood_pressure"))
    assert "988lifeline.org" not in render_markdown(pack, calm)


def test_with_the_crisis_part_and_no_other_note_the_summary_does_not_say_nothing_came_up(pack, answers):
    """A person whose only answer of note was about thoughts of self-harm read "None of my
    answers brought up a specific topic to discuss" under "Help right now" (a review)."""
    words = pack.summary_text
    crisis = build_summary(pack, answers(self_harm_thoughts="several_days"))
    assert crisis.crisis is not None and not crisis.considerations
    text = render_markdown(pack, crisis)
    assert words.no_considerations_crisis in text and words.no_considerations not in text
    calm = render_markdown(pack, build_summary(pack, answers(self_harm_thoughts="not_at_all")))
    assert words.no_considerations in calm and words.no_considerations_crisis not in calm


def test_help_shown_earlier_for_an_answer_since_changed_stays_on_paper(pack, answers):
    """A person who answered "nearly every day", then "not at all", had the crisis panel
    and then no number on paper (a review): people often take back such an answer. The
    paper keeps their place's lines after the care advice, calmly and without the panel."""
    from decision_aid.deliberation import Deliberation

    words = pack.summary_text
    calm = answers(self_harm_thoughts="not_at_all")
    earlier = build_summary(pack, calm, Deliberation(crisis_shown=True), place="uk")
    text = render_markdown(pack, earlier)
    uk = document.crisis_line_items(pack, "uk")[0]
    assert words.help_still_here in text and uk in text
    assert document.crisis_line_items(pack, "uk")[1] not in text  # the place's lines only
    assert text.index(words.help_still_here) > text.index(earlier.care.topic.title)
    assert pack.summary_text.crisis_title not in text  # not the crisis part itself
    never = render_markdown(pack, build_summary(pack, calm, Deliberation(), place="uk"))
    assert words.help_still_here not in never
    assert pdf_text(render_pdf(pack, earlier)).count("Samaritans") == 1

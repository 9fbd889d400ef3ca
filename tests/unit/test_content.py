from pathlib import Path

import pytest

from decision_aid.content import PackError, load_pack, read_pack


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems_for(root: Path) -> list[tuple[str, str, str, str]]:
    """(code, file, entry, field) of every problem: tests match codes and places, not prose."""
    _, problems = read_pack("en", root)
    return [p.place for p in problems]


def test_the_shipped_pack_loads_with_no_problems(pack):
    assert pack.info.locale == "en"
    assert read_pack("en")[1] == []


def test_the_pack_is_read_once_per_process():
    assert load_pack("en") is load_pack("en")


def test_bad_yaml_names_the_file_and_line(pack_copy):
    edit(pack_copy / "en" / "crisis.yaml", "regions:", "regions: [unclosed")
    _, [problem] = read_pack("en", pack_copy)
    assert problem.place == ("PACK_003", "crisis.yaml", "", "")
    assert "line" in str(problem)


def test_a_missing_field_names_file_entry_and_field(pack_copy):
    edit(
        pack_copy / "en" / "questionnaire.yaml",
        "        help: Bipolar depression",
        "        hint: Bipolar depression",
    )
    found = problems_for(pack_copy)
    assert ("PACK_005", "questionnaire.yaml", "bipolar", "sections > 2 > questions > 0 > help") in found, (
        found
    )
    assert ("PACK_005", "questionnaire.yaml", "bipolar", "sections > 2 > questions > 0 > hint") in found, (
        found
    )


def test_condition_naming_an_unknown_question(pack_copy):
    edit(
        pack_copy / "en" / "topics" / "consider_liver.md",
        "show_when: {question: other_conditions,",
        "show_when: {question: organs,",
    )
    assert problems_for(pack_copy) == [
        ("PACK_020", "topics/consider_liver.md", "liver", "show_when > organs")
    ]


def test_question_condition_naming_a_later_question(pack_copy):
    edit(
        pack_copy / "en" / "questionnaire.yaml",
        'show_when: {question: antidepressants_tried, operator: ">=", answer: "1"}\n        text: Did you take',
        'show_when: {question: age_group, operator: "=", answer: "65_plus"}\n        text: Did you take',
    )
    assert problems_for(pack_copy) == [
        ("PACK_021", "questionnaire.yaml", "adequate_trial", "show_when > age_group")
    ]


def test_condition_naming_an_unknown_value(pack_copy):
    edit(pack_copy / "en" / "topics" / "consider_liver.md", "answer: liver}", "answer: kidney}")
    _, [problem] = read_pack("en", pack_copy)
    assert problem.place == ("PACK_022", "topics/consider_liver.md", "liver", "show_when > other_conditions")
    assert "'kidney' is not one of: bladder, liver" in str(problem)


def test_ordinal_operator_on_an_unordered_question(pack_copy):
    edit(
        pack_copy / "en" / "topics" / "consider_liver.md",
        '{question: other_conditions, operator: "=", answer: liver}',
        '{question: other_conditions, operator: ">", answer: liver}',
    )
    assert problems_for(pack_copy) == [
        ("PACK_023", "topics/consider_liver.md", "liver", "show_when > other_conditions")
    ]


def test_duplicate_question_id(pack_copy):
    edit(pack_copy / "en" / "questionnaire.yaml", "- id: psychosis", "- id: bipolar")
    assert ("PACK_010", "questionnaire.yaml", "bipolar", "id") in problems_for(pack_copy)


def test_duplicate_topic_id(pack_copy):
    edit(pack_copy / "en" / "topics" / "consider_liver.md", "id: liver", "id: bladder")
    assert ("PACK_010", "topics/consider_liver.md", "bladder", "id") in problems_for(pack_copy)


def test_unknown_reference(pack_copy):
    edit(
        pack_copy / "en" / "topics" / "consider_liver.md",
        "references: [spravato_pi,",
        "references: [nobody_2099,",
    )
    assert problems_for(pack_copy) == [("PACK_030", "topics/consider_liver.md", "liver", "references")]


def test_empty_table_cell(pack_copy):
    edit(pack_copy / "en" / "routes.yaml", '      im: "No. Off-label use of the anesthetic."', '      im: ""')
    assert problems_for(pack_copy) == [("PACK_031", "routes.yaml", "approval", "cells > im")]


def test_forbidden_verdict_phrase(pack_copy):
    edit(
        pack_copy / "en" / "topics" / "consider_liver.md",
        "The FDA has seen",
        "You are not eligible. The FDA has seen",
    )
    _, [problem] = read_pack("en", pack_copy)
    assert problem.place == ("PACK_060", "topics/consider_liver.md", "liver", "body")
    assert str(problem) == (
        "topics/consider_liver.md: liver > body: uses the verdict phrase 'you are not eligible' [PACK_060]"
    )


def test_topic_without_front_matter(pack_copy):
    (pack_copy / "en" / "topics" / "stray.md").write_text("Just text\n", encoding="utf-8")
    assert problems_for(pack_copy) == [("PACK_004", "topics/stray.md", "", "")]


def test_topic_reason_needs_a_said_phrase(pack_copy):
    edit(pack_copy / "en" / "questionnaire.yaml", ', said: "you have liver problems"}', "}")
    assert problems_for(pack_copy) == [
        ("PACK_027", "questionnaire.yaml", "other_conditions", "choices > liver > said")
    ]


def test_a_consideration_needs_a_category(pack_copy):
    edit(pack_copy / "en" / "topics" / "consider_liver.md", "category: caution\n", "")
    assert problems_for(pack_copy) == [("PACK_006", "topics/consider_liver.md", "liver", "category")]


def test_only_considerations_have_a_category(pack_copy):
    edit(
        pack_copy / "en" / "topics" / "context_what.md",
        "kind: context\n",
        "kind: context\ncategory: caution\n",
    )
    edit(
        pack_copy / "en" / "clinician" / "esketamine_session.md",
        "kind: context\n",
        "kind: context\ncategory: warning\n",
    )
    assert problems_for(pack_copy) == [
        ("PACK_007", "clinician/esketamine_session.md", "esketamine_session", "category"),
        ("PACK_007", "topics/context_what.md", "what_they_are", "category"),
    ]


def test_a_category_is_one_of_the_five(pack_copy):
    edit(pack_copy / "en" / "topics" / "consider_liver.md", "category: caution", "category: worry")
    assert problems_for(pack_copy) == [("PACK_005", "topics/consider_liver.md", "liver", "category")]


def test_every_consideration_has_a_category_and_no_other_topic_has_one(pack):
    for topic in (*pack.topics, *pack.clinician_topics):
        assert (topic.category is not None) == (topic.kind == "consideration"), topic.id
    assert pack.topic("aneurysm_avm_brain_bleed").category == "contraindication"
    assert pack.topic("getting_home").category == "practical"


def test_the_safety_question_to_ask_must_be_there(pack_copy):
    edit(pack_copy / "en" / "deliberation.yaml", "- id: keep_safe\n", "- id: keep_calm\n")
    assert problems_for(pack_copy) == [("PACK_042", "deliberation.yaml", "keep_safe", "")]


def test_load_pack_raises_with_every_problem(pack_copy):
    edit(pack_copy / "en" / "topics" / "consider_liver.md", "id: liver", "id: bladder")
    edit(
        pack_copy / "en" / "topics" / "consider_liver.md",
        "references: [spravato_pi,",
        "references: [nobody_2099,",
    )
    with pytest.raises(PackError) as error:
        load_pack("en", pack_copy)
    assert len(error.value.problems) == 2


def test_a_figure_written_into_text_is_rejected(pack_copy):
    edit(
        pack_copy / "en" / "topics" / "consider_liver.md",
        "The FDA has seen",
        "In 7 studies, repeated ketamine",
    )
    assert problems_for(pack_copy) == [("PACK_051", "topics/consider_liver.md", "liver", "body")]


def test_a_placeholder_naming_no_figure_is_rejected(pack_copy):
    edit(
        pack_copy / "en" / "topics" / "consider_liver.md",
        "The FDA has seen",
        "After {{liver_cases}} cases, repeated ketamine",
    )
    assert problems_for(pack_copy) == [("PACK_050", "topics/consider_liver.md", "liver", "body")]


def test_a_figure_must_be_cited_where_it_is_used(pack_copy):
    edit(
        pack_copy / "en" / "topics" / "consider_liver.md",
        "The FDA has seen",
        "For {{monitoring_hours}} hours. The FDA has seen",
    )
    assert problems_for(pack_copy) == [("PACK_052", "topics/consider_liver.md", "liver", "references")]


def test_numbers_must_cite_known_references(pack_copy):
    edit(pack_copy / "en" / "numbers.yaml", "source: cole_2022,", "source: nobody_2099,")
    found = problems_for(pack_copy)
    assert ("PACK_030", "numbers.yaml", "tms_course_weeks", "source") in found


def test_icon_arrays_must_name_a_comparison_of_two_groups(pack_copy):
    edit(
        pack_copy / "en" / "topics" / "benefit_iv.md",
        "icon_arrays: [pooled_iv_response,",
        "icon_arrays: [ect_remission_after_medicines, nothing_here,",
    )
    found = problems_for(pack_copy)
    icon_problems = [p for p in read_pack("en", pack_copy)[1] if p.code.value == "PACK_053"]
    assert [p.place for p in icon_problems] == [
        ("PACK_053", "topics/benefit_iv.md", "iv_ketamine_results", "icon_arrays")
    ] * 2
    assert "'ect_remission_after_medicines' needs two groups" in str(icon_problems[0])
    assert "'nothing_here' is not a comparison" in str(icon_problems[1])
    assert found.count(icon_problems[0].place) == 2


def test_figures_are_rendered_from_the_numbers_file_everywhere(pack):
    t2 = pack.numbers.comparisons["transform2_response"].groups
    esketamine, placebo = t2["esketamine"].per_100, t2["placebo"].per_100
    topic = pack.topic("esketamine_results").body
    assert f"about {esketamine} of 100 people" in topic and f"about {placebo} of 100 did" in topic
    assert f"{100 - esketamine} of 100 did not respond" in topic
    cell = next(r for r in pack.options.rows if r.id == "how_well").cells["esketamine"]
    assert f"About {esketamine} of 100 responded, compared with {placebo} of 100" in cell
    assert "{{" not in " ".join(t.body + t.title for t in pack.topics)


def test_check_refuses_a_crisis_number_with_letters(pack_copy):
    """Tap-to-call links are made from `call` / `text` / `emergency_call`: digits only."""
    crisis = pack_copy / "en" / "crisis.yaml"
    edit(crisis, 'call: "116 123"', 'call: "116 123 (free)"')
    edit(crisis, 'text: "741741"', 'text: "741741 HOME"')
    edit(crisis, 'emergency_call: ["000"]', 'emergency_call: ["000", "triple zero"]')
    found = problems_for(pack_copy)
    assert ("PACK_005", "crisis.yaml", "uk", "regions > 2 > lines > 0 > call") in found, found
    assert ("PACK_005", "crisis.yaml", "us", "regions > 0 > lines > 2 > text") in found, found
    assert ("PACK_005", "crisis.yaml", "au", "regions > 3 > emergency_call > 1") in found, found


def test_every_crisis_line_and_emergency_has_a_number_to_tap(pack):
    """Each line is tappable: a number to call or text, from data, not from its words."""
    texts = {"988", "741741", "838255", "85258", "0477 13 11 14"}
    found = set()
    for region in pack.crisis.regions:
        # only the region for countries no region lists has none (a number not known to work)
        assert region.emergency_call or region.id == pack.crisis.unlisted_country_region, region.id
        for line in region.lines:
            assert line.call or line.text, (region.id, line.name)
            if line.text:
                found.add(line.text)
    assert texts <= found


@pytest.mark.parametrize(
    ("locale", "country", "region"),
    [
        ("en", "US", "us"),
        ("en", "GB", "uk"),
        ("en", "IE", "uk"),
        ("en", "AU", "au"),
        ("en", "CA", "ca"),
        ("en", "DE", "eu"),  # 112 works in every EU member state (clinical-facts 12)
        ("en", "FR", "eu"),
        ("en", "ES", "es"),  # Spain's 024 too, in English (a red-team review)
        ("en", "MX", "mx"),
        ("en", "IN", "elsewhere"),  # a country no region lists: "your local emergency number"
        ("en", None, "us"),  # a browser that names no country: the pack's first region
        ("es", "ES", "es"),
        ("es", "MX", "mx"),
        ("es", "US", "us"),
        ("es", "AR", "elsewhere"),
        ("es", "CO", "elsewhere"),
        ("es", "DE", "eu"),
        ("es", None, "elsewhere"),  # "es" alone: Spanish is spoken in many countries (red-team review)
    ],
)
def test_the_crisis_region_first_shown_is_the_browsers_country(locale, country, region):
    """A browser set to Spain or the UK was told to call 911 (a second review)."""
    from decision_aid.content import load_pack

    assert load_pack(locale).crisis.region_for_country(country).id == region


def test_every_language_lists_the_same_crisis_places():
    """A place picked stays picked on a switch of language: Spain became the United States
    in English, then the EU without its 024 line (a red-team review)."""
    from decision_aid.content import load_pack, locales

    places = {locale: {r.id: r.countries for r in load_pack(locale).crisis.regions} for locale in locales()}
    assert all(found == places["en"] for found in places.values()), places


def test_every_region_but_one_names_its_countries_and_one_is_for_the_rest(pack):
    listed = [code for region in pack.crisis.regions for code in region.countries]
    assert len(listed) == len(set(listed))  # a country has one region
    rest = pack.crisis.region(pack.crisis.unlisted_country_region)
    assert rest.id == pack.crisis.unlisted_country_region and rest.countries == ()


def test_a_country_with_no_lines_listed_is_offered_no_number_to_tap(pack):
    """A Spanish review: a browser in Colombia or Argentina got a "Call 112" button, a number
    not known to work there. 112 is tapped only in the EU, where it works in every member
    state (clinical-facts 12); anywhere else the aid says "your local emergency number"."""
    rest = pack.crisis.region(pack.crisis.unlisted_country_region)
    assert rest.emergency_call == () and "112" not in rest.emergency
    eu = pack.crisis.region("eu")
    assert eu.emergency_call == ("112",) and "eu_112" in eu.references
    assert len(eu.countries) >= 25


@pytest.mark.parametrize(
    ("locale", "country"),
    [
        ("en-GB", "GB"),
        ("es-MX", "MX"),
        ("zh-Hant-TW", "TW"),
        ("en_US", "US"),
        ("es-419", "419"),
        ("es", None),
        ("", None),
    ],
)
def test_the_browsers_language_names_its_country_or_region(locale, country):
    """A second Spanish review: "es-419" (Latin American Spanish) started at the United States'
    lines, as a language with no country does. 419 is a region no crisis place lists, so it
    starts at "Somewhere else"."""
    from decision_aid.content import load_pack
    from decision_aid.ui.crisis import country_of

    assert country_of(locale) == country
    if country == "419":
        assert load_pack("es").crisis.region_for_country(country).id == "elsewhere"

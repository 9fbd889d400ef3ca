"""The app as people meet it: mouse, keyboard, crisis path, downloads, modes and a phone."""

from __future__ import annotations

import io
import itertools
import json

import pypdf
from playwright.sync_api import Page, expect

from decision_aid import journey
from decision_aid.content import load_pack
from tests.app.test_journeys import STAGE_TITLES
from tests.e2e.conftest import act, check_screen, focus_on_heading, open_page, wait_for_app

CRISIS = "Help is available right now"
SAFETY = (
    "Over the last 2 weeks, how often have you been bothered by thoughts that you would "
    "be better off dead, or of hurting yourself in some way? (needs an answer)"
)


def click_button(page: Page, name: str) -> None:
    act(page, lambda: page.get_by_role("button", name=name, exact=True).click())


def next_stage(page: Page, here: str, place: str = "top") -> None:
    """The Next (at its top or bottom) of the stage named ``here``, then wait until the
    following stage has drawn its own Back button. Both are found by their stage's key, in
    any language. Read from the page instead, the stage could be the wrong one: while a
    screen changes, Streamlit still shows the one being left, and the address bar can
    still name it."""
    following = journey.next_stage(here)
    assert following is not None, f"{here!r} is the last stage"
    page.locator(f'[class*="st-key-nav-stage_next_{here}_{place}"] button').click()
    expect(page.locator(f'[class*="st-key-nav-stage_back_{following}_bottom"]')).to_be_attached()
    wait_for_app(page)


STAGES = (
    ("results", "What applies to you"),
    ("basics", "The facts: what they are"),
    ("facts", "The facts: how well they work"),
    ("risks", "The facts: risks and how they are given"),
    ("compare", "Compare options"),
    ("prepare", "Prepare for your visit"),
    ("summary", "Your summary"),
)


def stages_from(page: Page, start: str, end: str) -> None:
    """Each stage's Next, from the stage named ``start`` to the one named ``end``
    (decision_aid/journey.py). Each click is on that stage's own button and each heading is
    awaited by name: while a page changes, the first heading can still be the last stage's,
    and a loop that read it to see where it was went one stage too far."""
    names = [name for name, _ in STAGES]
    first, last = names.index(start), names.index(end)
    expect(page.get_by_role("heading", level=1, name=STAGES[first][1], exact=True)).to_be_visible()
    for (name, _), (_, following) in itertools.pairwise(STAGES[first : last + 1]):
        page.locator(f'[class*="st-key-nav-stage_next_{name}_top"] button').click()
        expect(page.get_by_role("heading", level=1, name=following, exact=True)).to_be_visible()
        wait_for_app(page)


def choose(page: Page, question: str, answer: str) -> None:
    act(page, lambda: page.get_by_role("radiogroup", name=question).get_by_text(answer, exact=True).click())


def test_full_journey_with_the_mouse(page):
    check_screen(page, "welcome")
    click_button(page, "Start the questions")
    expect(page.get_by_text("Step 1 of 12: Safety first")).to_be_visible()
    check_screen(page, "step-1-safety")
    choose(page, SAFETY, "Not at all")
    expect(page.get_by_text(CRISIS)).to_have_count(0)
    click_button(page, "Next")
    check_screen(page, "step-2-history")
    choose(
        page,
        "During this time of depression, how many different antidepressant medicines have you tried?",
        "Three or more",
    )
    expect(page.get_by_text("Did you take any of them for at least 6 weeks").first).to_be_visible()
    click_button(page, "Next")
    check_screen(page, "step-3-health")
    choose(page, "What is your blood pressure like?", "High, and not under control")
    click_button(page, "Next")
    check_screen(page, "step-4-practical")
    click_button(page, "Next: check your answers")
    expect(page.get_by_role("heading", name="Check your answers", level=1)).to_be_visible()
    check_screen(page, "check-answers")
    click_button(page, "See my results")
    expect(page.get_by_role("heading", name="What applies to you", level=1)).to_be_visible()
    expect(
        page.get_by_text("Shown because you told us your blood pressure is high and not under control.")
    ).to_be_visible()
    for number, (name, title) in enumerate(STAGES, start=6):
        expect(page.get_by_role("heading", name=title, level=1)).to_be_visible()
        expect(page.get_by_text(f"Step {number} of 12: ")).to_be_visible()
        check_screen(page, f"stage-{number}-{name}")
        if name == "compare":
            headings = page.locator("h2").all_inner_texts()
            assert headings[-1].strip() == "Talk with a professional"
        if name != "summary":
            next_stage(page, name, place="bottom" if number % 2 else "top")
    expect(page.get_by_text("Next step: Talk with a professional")).to_be_visible()


def test_about_page(browser, server):
    about = open_page(browser, server, path="about")
    expect(about.get_by_role("heading", name="About this aid", level=1)).to_be_visible()
    check_screen(about, "about")
    about.context.close()


def tab_to(page: Page, matches: str, limit: int = 120, backwards: bool = False) -> None:
    """Press Tab (or Shift+Tab) until the focused element satisfies a JS predicate on `el`."""
    for _ in range(limit):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        if page.evaluate(f"() => {{ const el = document.activeElement; return !!(el && ({matches})); }}"):
            return
    raise AssertionError(f"never reached an element where {matches}")


def focused_is_visible(page: Page) -> bool:
    """A focused control must show it: an outline or a focus ring (box-shadow)."""
    return page.evaluate(
        """() => { const s = getComputedStyle(document.activeElement);
                   return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'; }"""
    )


def is_button(label: str) -> str:
    return f"el.tagName === 'BUTTON' && el.innerText.trim() === {label!r}"


def test_full_journey_with_the_keyboard_alone(page):
    tab_to(page, is_button("Start the questions"))
    assert focused_is_visible(page)
    act(page, lambda: page.keyboard.press("Enter"))
    expect(page.get_by_text("Step 1 of 12: Safety first")).to_be_visible()
    tab_to(page, "el.type === 'radio'")
    act(page, lambda: page.keyboard.press("Space"))
    expect(page.get_by_role("radio", name="Not at all")).to_be_checked()
    # act() can see the previous run's end before the answer's own run starts; Enter on Next
    # while that run is still drawing was lost once in a full CI run. Let it arrive first.
    page.wait_for_timeout(300)
    wait_for_app(page)
    tab_to(page, is_button("Next"))
    tab_to(page, "el.type === 'radio'", backwards=True)  # Shift+Tab goes back to the question
    tab_to(page, is_button("Next"))
    act(page, lambda: page.keyboard.press("Enter"))
    expect(page.get_by_text("Step 2 of 12")).to_be_visible()
    tab_to(page, is_button("Next"))
    act(page, lambda: page.keyboard.press("Enter"))
    expect(page.get_by_text("Step 3 of 12")).to_be_visible()
    tab_to(
        page,
        "el.type === 'radio' && el.closest('[role=radiogroup]').getAttribute('aria-label')"
        ".startsWith('What is your blood pressure')",
    )
    act(page, lambda: page.keyboard.press("Space"))
    act(page, lambda: page.keyboard.press("ArrowDown"))
    expect(page.get_by_role("radio", name="High, but under control with treatment")).to_be_checked()
    tab_to(page, is_button("Next"))
    act(page, lambda: page.keyboard.press("Enter"))
    expect(page.get_by_text("Step 4 of 12")).to_be_visible()
    tab_to(page, is_button("Next: check your answers"))
    act(page, lambda: page.keyboard.press("Enter"))
    expect(page.get_by_role("heading", name="Check your answers", level=1)).to_be_visible()
    tab_to(page, is_button("See my results"))
    act(page, lambda: page.keyboard.press("Enter"))
    expect(page.get_by_role("heading", name="What applies to you", level=1)).to_be_visible()
    expect(
        page.get_by_text("Shown because you told us you have high blood pressure that is under control.")
    ).to_be_visible()
    # On through the stages with the keyboard: each stage's Next, at its top.
    for _name, title in STAGES[1:4]:
        tab_to(page, "el.tagName === 'BUTTON' && el.innerText.trim().startsWith('Next: ')")
        assert focused_is_visible(page)
        act(page, lambda: page.keyboard.press("Enter"))
        expect(page.get_by_role("heading", name=title, level=1)).to_be_visible()
        focus_on_heading(page, title)  # the next Tab starts from the new screen's top
    # Folded parts (sources, a table's questions) open from the keyboard too.
    question = "Approved by the US FDA for depression?"
    tab_to(page, f"el.tagName === 'SUMMARY' && el.innerText.trim() === {question!r}", limit=200)
    assert focused_is_visible(page)
    page.keyboard.press("Enter")
    expect(
        page.get_by_role("cell", name="Yes, for adults with treatment-resistant depression").first
    ).to_be_visible()


def test_crisis_panel_appears_at_once_and_stays_on_every_page(page):
    click_button(page, "Start the questions")
    expect(page.get_by_text(CRISIS)).to_have_count(0)
    choose(page, SAFETY, "I'd prefer not to say")
    expect(page.get_by_role("heading", name=CRISIS)).to_be_visible()
    panel = page.locator(".st-key-box-crisis_panel")
    expect(panel.get_by_text("Call or text 988, or chat at 988lifeline.org")).to_be_visible()
    check_screen(page, "step-1-crisis-panel")
    for label in ("Next", "Next", "Next", "Next: check your answers", "See my results"):
        click_button(page, label)
        # One panel, once the screen has settled: while it changes, Streamlit may still
        # show the previous screen's panel, faded, beside the new one.
        expect(page.get_by_role("heading", name=CRISIS)).to_have_count(1)
        expect(page.get_by_role("heading", name=CRISIS)).to_be_visible()
    assert page.locator("h2").first.inner_text().strip().endswith(CRISIS)
    for name, _title in STAGES[:-2]:  # first on every stage, Prepare included
        next_stage(page, name)
        expect(page.get_by_role("heading", name=CRISIS)).to_have_count(1)
        assert page.locator("h2").first.inner_text().strip().endswith(CRISIS)
    next_stage(page, "prepare")  # the summary: the panel once, not again in the document under it
    expect(page.get_by_role("heading", name=CRISIS)).to_have_count(1)
    expect(page.get_by_text("Your download starts with the help shown above")).to_be_visible()
    expect(page.get_by_role("heading", name="Help right now")).to_have_count(0)


def go_to_step(page: Page, label: str, number: int) -> None:
    click_button(page, label)
    expect(page.get_by_text(f"Step {number} of 12")).to_be_visible()


def to_step_two(page: Page) -> None:
    click_button(page, "Start the questions")
    choose(page, SAFETY, "Not at all")
    go_to_step(page, "Next", 2)


def test_back_and_change_my_answers_keep_answers(page):
    diagnosed = page.get_by_role("radiogroup", name="Has a doctor or other health professional told you")
    to_step_two(page)
    choose(page, "Has a doctor or other health professional told you that you have depression?", "Yes")
    go_to_step(page, "Next", 3)
    go_to_step(page, "Back", 2)
    expect(diagnosed.get_by_role("radio", name="Yes")).to_be_checked()
    go_to_step(page, "Next", 3)
    go_to_step(page, "Next", 4)
    click_button(page, "Next: check your answers")
    click_button(page, "See my results")
    expect(page.get_by_role("heading", name="What applies to you", level=1)).to_be_visible()
    click_button(page, "Change my answers")
    expect(page.get_by_role("heading", name="Check your answers", level=1)).to_be_visible()
    click_button(page, "Change (Thoughts of death or self-harm, last 2 weeks)")
    expect(page.get_by_text("Step 1 of 12")).to_be_visible()
    expect(page.get_by_role("radio", name="Not at all")).to_be_checked()
    go_to_step(page, "Next", 2)
    expect(diagnosed.get_by_role("radio", name="Yes")).to_be_checked()


def test_a_follow_up_shown_again_shows_the_answer_it_keeps(page):
    tried = "During this time of depression, how many different antidepressant medicines have you tried?"
    follow_up = page.get_by_role("radiogroup", name="Did you take any of them for at least 6 weeks")
    to_step_two(page)
    choose(page, tried, "One")
    act(page, lambda: follow_up.get_by_text("Yes", exact=True).click())
    choose(page, tried, "None")
    expect(follow_up).to_have_count(0)
    choose(page, tried, "Two")
    expect(follow_up.get_by_role("radio", name="Yes")).to_be_checked()


def test_downloads_arrive_and_hold_the_care_advice(page):
    page.goto(
        page.url.split("/", 3)[0] + "//" + page.url.split("/", 3)[2] + "/?mode=workshop&persona=dana_crisis"
    )
    wait_for_app(page)
    for name, _title in STAGES[:-1]:
        next_stage(page, name)
    # By keyboard: Streamlit makes the file only when asked and disables the button meanwhile,
    # and a disabled button loses the keyboard, which fell to the page's start (a keyboard
    # review). It comes back to the button.
    pdf_button = page.get_by_role("button", name="Download PDF")
    pdf_button.focus()
    with page.expect_download() as pdf:
        page.keyboard.press("Enter")
    expect(pdf_button).to_be_focused()
    text = "\n".join(
        p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf.value.path().read_bytes())).pages
    )
    assert (
        text.index("Help right now")
        < text.index("Things to discuss because of my answers")
        < text.index("My questions")
        < text.index("What I told the aid")
        < text.index("Next step: Talk with a professional")
    )
    assert "Talk with a professional" in text and "Book a visit" in text
    markdown_button = page.get_by_role("button", name="Download as text (Markdown)")
    markdown_button.focus()
    with page.expect_download() as markdown:
        page.keyboard.press("Enter")
    expect(markdown_button).to_be_focused()
    body = markdown.value.path().read_text(encoding="utf-8")
    assert body.startswith("---\nlang: en\n---\n\n# Ketamine and esketamine for depression: my summary")
    assert "## Next step: Talk with a professional" in body
    clinics = page.get_by_text("For clinics")
    act(page, lambda: clinics.click())
    with page.expect_download() as fhir:
        page.get_by_role("button", name="Download for health records (FHIR)").click()
    assert (
        json.loads(fhir.value.path().read_text(encoding="utf-8"))["resourceType"] == "QuestionnaireResponse"
    )


def test_the_downloads_list_the_crisis_lines_of_the_screens_place_first(browser, server):
    """A British browser's screen starts at the UK's lines; its PDF and Markdown started at the
    United States' (the fourth place on paper). Every place is still listed."""
    page = open_page(browser, server, path="?mode=workshop&persona=dana_crisis", locale="en-GB")
    try:
        for name, _title in STAGES[:-1]:
            next_stage(page, name)
        with page.expect_download() as markdown:
            page.get_by_role("button", name="Download as text (Markdown)").click()
        body = markdown.value.path().read_text(encoding="utf-8")
        places = [
            line.split(":")[0].replace("*", "")
            for line in body.splitlines()
            if line.startswith("- ") and "Emergency" in line
        ]
        assert places == [
            "- United Kingdom and Ireland",
            "- United States",
            "- Canada",
            "- Australia",
            "- Mexico",
            "- Spain",
            "- European Union",
            "- Somewhere else",
        ]
        with page.expect_download() as pdf:
            page.get_by_role("button", name="Download PDF").click()
        first = pypdf.PdfReader(io.BytesIO(pdf.value.path().read_bytes())).pages[0].extract_text()
        assert first.index("United Kingdom and Ireland: Emergency") < first.index("United States: Emergency")
    finally:
        page.context.close()


def test_clinician_and_workshop_modes(browser, server):
    workshop = open_page(browser, server, path="?mode=workshop")
    expect(workshop.get_by_role("heading", name="Workshop", level=1)).to_be_visible()
    check_screen(workshop, "workshop")
    expect(
        workshop.get_by_role("img", name="Scan to open the aid on your phone", exact=False)
    ).to_be_visible()
    # Each case's button reads "Load this case"; a screen reader also hears whose case it is.
    expect(workshop.get_by_role("button", name="Load this case (")).to_have_count(8)
    load_james = workshop.get_by_role("button", name="Load this case (James, 58", exact=False)
    act(workshop, lambda: load_james.click())
    expect(
        workshop.get_by_role(
            "heading",
            name="An aneurysm, an AVM, or a bleed in the brain, as in some strokes",
        )
    ).to_be_visible()
    focus_on_heading(workshop, STAGE_TITLES[0])
    assert "persona=james_blood_pressure" in workshop.url and "mode=workshop" in workshop.url
    check_screen(workshop, "workshop-case-results")
    act(workshop, lambda: workshop.get_by_role("button", name="Clinician review", exact=True).click())
    expect(workshop.get_by_role("heading", name="Clinician review", level=1)).to_be_visible()
    check_screen(workshop, "clinician-review")
    act(workshop, lambda: workshop.get_by_text("Show exactly what the patient saw").click())
    expect(workshop.get_by_role("heading", name="Talk with a professional")).to_be_visible()
    check_screen(workshop, "clinician-patient-view")
    workshop.context.close()


def page_overflows(page: Page) -> bool:
    return page.evaluate(
        """() => { const main = document.querySelector('[data-testid=stMain]');
                   return document.documentElement.scrollWidth > window.innerWidth + 1
                       || (main && main.scrollWidth > main.clientWidth + 1); }"""
    )


def controls_out_of_reach(page: Page) -> list[str]:
    return page.evaluate(
        """() => [...document.querySelectorAll('button, input, [role=radio], a[href]')]
                 .filter(el => el.offsetParent !== null && el.getBoundingClientRect().width > 1)
                 .filter(el => !el.closest('[data-testid=stSidebar]'))  // collapsed on phones; opened by its toggle
                 .filter(el => { const r = el.getBoundingClientRect(); return r.left < -1 || r.right > window.innerWidth + 1; })
                 .map(el => (el.innerText || el.getAttribute('aria-label') || el.tagName).slice(0, 40))"""
    )


def test_phone_screen_has_no_sideways_scrolling(phone):
    def check(name: str) -> None:
        wait_for_app(phone)
        assert not page_overflows(phone), f"{name} scrolls sideways on a phone"
        assert controls_out_of_reach(phone) == [], name
        check_screen(phone, f"phone-{name}")

    check("welcome")
    click_button(phone, "Start the questions")
    choose(phone, SAFETY, "Several days")
    check("step-1")
    for label in ("Next", "Next", "Next"):
        click_button(phone, label)
    check("step-4")
    click_button(phone, "Next: check your answers")
    check("check-answers")
    click_button(phone, "See my results")
    for name, _title in STAGES:
        check(name)
        if name != "summary":
            next_stage(phone, name)


def test_a_quiz_answer_is_said_to_a_screen_reader_in_a_region_already_there(browser, server):
    """Streamlit draws the quiz's feedback in a status region made with its words in it, and
    screen readers differ on reading a region that arrives full (a keyboard review asked
    whether it was heard). The feedback is also put into a status region out of sight that
    is made first and filled a moment later, as for the crisis panel; the keyboard stays on
    the answer."""
    knowledge = load_pack("en").deliberation.knowledge
    driving, approval = knowledge.items[0], knowledge.items[1]
    page = open_page(browser, server, path="?mode=workshop&persona=maria_trd")
    try:
        stages_from(page, "results", "prepare")
        said = page.locator("#aid-said")
        for item, answer in ((driving, "True"), (approval, "False")):
            group = page.get_by_role("radiogroup", name=item.statement)
            act(page, group.get_by_text(answer, exact=True).click)
            verdict = knowledge.correct if (answer == "True") == item.answer else knowledge.incorrect
            expect(said).to_have_text(f"{verdict} {item.explanation}")
            assert said.get_attribute("role") == "status" and said.bounding_box()["width"] <= 1
            assert page.evaluate("document.activeElement.type") == "radio"
            # and its script takes no room: the next question did not move down for one run
            gap = page.evaluate(
                """() => {
                  const box = [...document.querySelectorAll('[data-testid=stElementContainer]')]
                    .find(c => c.innerHTML.includes('aid-said'));
                  const [before, after] = [box.previousElementSibling, box.nextElementSibling];
                  return [getComputedStyle(box).display,
                          after.getBoundingClientRect().top - before.getBoundingClientRect().bottom];
                }"""
            )
            assert gap[0] == "none" and gap[1] <= 16.5, gap
        page.wait_for_function("() => document.getElementById('aid-said').textContent === ''", timeout=15000)
    finally:
        page.context.close()

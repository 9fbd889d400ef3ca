"""The Spanish version in a real browser (issue 18): a Spanish browser gets it, the page
declares lang="es" for screen readers, every screen passes axe, and the switch works."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from decision_aid.content import load_pack
from tests.e2e.conftest import OFF_ORIGIN, act, check_screen, open_page, wait_for_app
from tests.e2e.test_journeys import STAGES, next_stage

ES, EN = load_pack("es"), load_pack("en")
LAPTOP = (1280, 800)
PHONE = (390, 844)


def page_language(page: Page, lang: str) -> None:
    page.wait_for_function(f"() => document.documentElement.lang === '{lang}'")


@pytest.mark.parametrize("size", [LAPTOP, PHONE], ids=["laptop", "phone"])
def test_a_spanish_browser_gets_the_aid_in_spanish_on_every_screen(browser, server, size):
    name = "laptop" if size == LAPTOP else "phone"
    page = open_page(browser, server, width=size[0], height=size[1], locale="es-MX")
    try:
        page_language(page, "es")
        expect(page).to_have_title(ES.ui.page_title)
        check_screen(page, f"es-{name}-welcome")
        act(page, lambda: page.get_by_role("button", name=ES.ui.start_button).click())
        page_language(page, "es")
        check_screen(page, f"es-{name}-questions")
        page.goto(f"{server.url}/?mode=workshop&persona=maria_trd&lang=es")
        wait_for_app(page)
        for number in range(7):
            page_language(page, "es")
            check_screen(page, f"es-{name}-stage-{number + 1}")
            if number < 6:
                next_stage(page, STAGES[number][0], place="bottom")
        expect(page.locator("h1").first).to_have_text(ES.ui.summary_title)
        assert "lang=es" in page.url
    finally:
        page.context.close()
    assert OFF_ORIGIN == []


def test_the_switch_changes_the_words_and_the_pages_language(browser, server):
    page = open_page(browser, server)  # an English browser
    try:
        page_language(page, "en")
        act(page, lambda: page.get_by_role("button", name=ES.ui.language_switch).click())
        page_language(page, "es")
        expect(page.get_by_role("button", name=ES.ui.start_button)).to_be_visible()
        assert "lang=es" in page.url
        # The keyboard stays on the switch, now the way back: it fell to the page's start.
        expect(page.get_by_role("button", name=EN.ui.language_switch)).to_be_focused()
        act(page, lambda: page.get_by_role("button", name=EN.ui.language_switch).click())
        page_language(page, "en")
        expect(page.get_by_role("button", name=EN.ui.start_button)).to_be_visible()
        expect(page.get_by_role("button", name=ES.ui.language_switch)).to_be_focused()
    finally:
        page.context.close()


def test_after_the_switch_the_answer_given_shows_checked_in_the_new_words(browser, server):
    """A review saw the safety question blank after a switch, the answer kept behind it."""
    page = open_page(browser, server)
    try:
        act(page, lambda: page.get_by_role("button", name=EN.ui.start_button).click())
        question = EN.questionnaire.by_id["self_harm_thoughts"]
        act(page, lambda: page.get_by_text(question.choice("not_at_all").label, exact=True).click())
        act(page, lambda: page.get_by_role("button", name=ES.ui.language_switch).click())
        page_language(page, "es")
        words = ES.questionnaire.by_id["self_harm_thoughts"].choice("not_at_all").label
        expect(page.get_by_role("radio", name=words, exact=True)).to_be_checked()
    finally:
        page.context.close()


def test_every_option_to_compare_shows_its_whole_name_on_a_phone(browser, server):
    """A Spanish review: the picked "✓ Terapia de conversación (como la terapia cognitivo…"
    was cut off at 390 px; a name wraps instead, on a button at least 44 px tall."""
    page = open_page(browser, server, width=PHONE[0], height=PHONE[1], locale="es-MX")
    try:
        page.goto(f"{server.url}/?mode=workshop&persona=maria_trd&lang=es")
        wait_for_app(page)
        for name, _title in STAGES[:4]:
            next_stage(page, name)
        pills = page.locator('[class*="st-key-compare-options"] button')
        expect(pills).to_have_count(len(ES.options.columns))
        for index in range(4):  # picked, a name carries a tick and grows longer
            act(page, lambda index=index: pills.nth(index).click())
        cut = page.evaluate(
            """() => [...document.querySelectorAll('[class*="st-key-compare-options"] button')]
              .filter(b => { const p = b.querySelector('p'); const r = b.getBoundingClientRect();
                return p.scrollWidth > p.clientWidth + 1 || r.right > window.innerWidth || r.height < 44; })
              .map(b => b.innerText)"""
        )
        assert cut == []
    finally:
        page.context.close()


def test_the_crisis_place_pickers_own_button_speaks_spanish(browser, server):
    """A second keyboard review: beside "¿Dónde está usted?" a screen reader still heard
    Streamlit's "Open"."""
    page = open_page(
        browser, server, width=LAPTOP[0], height=LAPTOP[1], path="?mode=workshop&persona=dana_crisis&lang=es"
    )
    try:
        opener = page.locator('[data-testid="stSelectbox"] button[aria-haspopup="listbox"]').first
        expect(opener).to_have_attribute("aria-label", ES.ui.streamlit.open_list)
        assert ES.ui.streamlit.open_list != EN.ui.streamlit.open_list
    finally:
        page.context.close()


def test_streamlits_own_controls_speak_the_pages_language(browser, server):
    """Streamlit writes its controls' words in English only: on a Spanish page a screen
    reader said "Skip to main content", "Collapse sidebar", "Close" (a keyboard review).
    The page's script puts them in Spanish, and back in English after a switch."""
    es, en = ES.ui.streamlit, EN.ui.streamlit
    page = open_page(browser, server, width=LAPTOP[0], height=LAPTOP[1], path="?mode=workshop&lang=es")
    try:
        page_language(page, "es")
        expect(page.get_by_test_id("stSkipToContent")).to_have_text(es.skip_to_content)
        expect(page.locator('section[data-testid="stSidebar"]')).to_have_attribute("aria-label", es.sidebar)
        collapse = page.locator('[data-testid="stSidebarCollapseButton"] button')
        expect(collapse).to_have_attribute("aria-label", es.collapse_sidebar)
        links = page.locator('[data-testid="stHeaderActionElements"] a')
        expect(links.first).to_have_attribute("aria-label", es.heading_link)
        assert set(links.evaluate_all("ls => ls.map(l => l.getAttribute('aria-label'))")) == {es.heading_link}
        page.get_by_role("button", name=ES.ui.workshop_qr_full).click()
        close = page.get_by_role("dialog").get_by_role("button", name=es.close, exact=True)
        expect(close).to_be_visible()
        box = close.bounding_box()
        assert box is not None and box["width"] >= 44 and box["height"] >= 44, box  # by place, any name
        close.click()
        expect(page.get_by_role("dialog")).to_have_count(0)
        act(page, lambda: page.get_by_role("button", name=EN.ui.language_switch).click())
        page_language(page, "en")
        expect(page.get_by_test_id("stSkipToContent")).to_have_text(en.skip_to_content)
        expect(collapse).to_have_attribute("aria-label", en.collapse_sidebar)
        expect(links.first).to_have_attribute("aria-label", en.heading_link)
    finally:
        page.context.close()
    phone = open_page(browser, server, width=PHONE[0], height=PHONE[1], path="?lang=es")
    try:  # the sidebar is folded on a phone: its opener
        expect(phone.get_by_test_id("stExpandSidebarButton")).to_have_attribute(
            "aria-label", es.expand_sidebar
        )
    finally:
        phone.context.close()
    assert OFF_ORIGIN == []


def test_the_progress_bar_is_named_by_its_step(browser, server):
    """Streamlit named every progress bar "progress", in English; it now says its step."""
    page = open_page(browser, server, path="?mode=workshop&persona=maria_trd&lang=es")
    try:
        bar = page.get_by_role("progressbar")
        step = page.get_by_test_id("stProgress").locator("p").inner_text()
        assert step.startswith("Paso "), step
        expect(bar).to_have_attribute("aria-label", step)
        next_stage(page, STAGES[0][0])
        expect(bar).to_have_attribute(
            "aria-label", page.get_by_test_id("stProgress").locator("p").inner_text()
        )
        assert "Paso 7 de 12" in (bar.get_attribute("aria-label") or "")
    finally:
        page.context.close()


def test_the_clinicians_file_box_speaks_spanish(browser, server):
    es = ES.ui.streamlit
    page = open_page(browser, server, width=LAPTOP[0], height=LAPTOP[1], path="?mode=clinician&lang=es")
    try:
        box = page.get_by_test_id("stFileUploaderDropzone")
        expect(box.get_by_test_id("stBaseButton-secondary")).to_have_accessible_name(es.upload)
        expect(box.get_by_test_id("stFileUploaderDropzoneInput")).to_have_attribute(
            "aria-label", es.upload_input
        )
        # Streamlit's English "10MB per file • JSON" says nothing the label does not.
        expect(box.get_by_test_id("stFileUploaderDropzoneInstructions")).to_be_hidden()
        assert "per file" not in page.locator("body").inner_text()
    finally:
        page.context.close()

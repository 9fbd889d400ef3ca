"""The hand-off from patient to clinician in two separate browsers (issue 16): the patient's
summary gives a code (or a file), the clinician's own session opens it. Nothing is stored."""

from __future__ import annotations

import datetime
from pathlib import Path

from playwright.sync_api import Browser, Page, expect

from decision_aid import handoff
from decision_aid.content import load_pack
from decision_aid.deliberation import Deliberation
from decision_aid.exports import fhir
from decision_aid.personas import persona_answers
from decision_aid.summary import build_summary
from tests.e2e.conftest import OFF_ORIGIN, Server, act, check_screen, open_page
from tests.e2e.test_journeys import stages_from

PACK = load_pack("en")
WORDS = PACK.ui.clinician
ANEURYSM = f"{WORDS.status.reported}: {WORDS.checklist.aneurysm_avm}"


def patient_at_summary(browser: Browser, server: Server, persona: str) -> Page:
    """A fictional case's answers, then the stages' Next buttons to Your summary."""
    patient = open_page(browser, server, path=f"?mode=workshop&persona={persona}")
    stages_from(patient, "results", "summary")
    return patient


def clinician(browser: Browser, server: Server) -> Page:
    opened = open_page(browser, server, width=1280, height=800, path="?mode=clinician")
    expect(opened.get_by_role("heading", name="Clinician review", level=1)).to_be_visible()
    return opened


def test_a_code_from_the_patients_summary_opens_in_the_clinicians_own_browser(browser, server):
    patient = patient_at_summary(browser, server, "james_blood_pressure")
    expect(patient.get_by_role("heading", name=PACK.ui.handoff.section_title)).to_be_visible()
    expect(patient.get_by_role("img", name=PACK.ui.handoff.qr_caption)).to_be_visible()
    check_screen(patient, "summary-handoff")
    code = patient.locator(".handoff-code").inner_text().strip()
    assert handoff.normalise(code).startswith("K2")

    doctor = clinician(browser, server)
    expect(doctor.get_by_text(PACK.ui.results_not_ready)).to_have_count(0)
    check_screen(doctor, "clinician-open-answers")
    doctor.get_by_label(WORDS.code_input).fill(code)
    act(doctor, lambda: doctor.get_by_role("button", name=WORDS.code_open).click())
    expect(doctor.get_by_role("heading", name=WORDS.key_points_title)).to_be_visible()
    expect(doctor.get_by_text(ANEURYSM)).to_be_visible()
    # The patient's review is a new screen: the keyboard goes to its heading, at the top, as
    # after any move (it fell to the page's start: a keyboard review).
    expect(doctor.get_by_role("heading", level=1)).to_be_focused()
    expect(doctor.get_by_role("button", name=PACK.ui.clear_button)).to_have_count(0)
    expect(doctor.get_by_role("button", name=WORDS.close_button)).to_be_visible()
    assert "K2" not in doctor.url and "persona" not in doctor.url  # never in the address
    check_screen(doctor, "clinician-key-points")

    # The note's copy button puts the note on the clipboard (localhost is a secure context).
    doctor.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.url)
    act(doctor, lambda: doctor.get_by_text(WORDS.note_title).click())
    block = doctor.locator('[data-testid="stCode"]').first
    copy = block.get_by_role("button").first
    # Streamlit draws the copy button only while the pointer is over the block, and the block
    # may still be moving as the note opens: point at it again until the button is there.
    for _ in range(50):
        block.hover()
        if copy.count():
            break
        doctor.wait_for_timeout(100)
    copy.click()
    # The browser writes the clipboard after the click returns.
    copied = ""
    for _ in range(50):
        copied = doctor.evaluate("navigator.clipboard.readText()")
        if copied:
            break
        doctor.wait_for_timeout(100)
    assert copied.startswith(block.inner_text().strip().splitlines()[0])
    assert "PHQ-9 item 9" in copied and WORDS.checklist.aneurysm_avm in copied

    for opened in (patient, doctor):
        opened.context.close()
    assert OFF_ORIGIN == [], f"requests left the app's origin: {OFF_ORIGIN}"


def test_a_mistyped_code_says_what_is_wrong(browser, server):
    doctor = clinician(browser, server)
    doctor.get_by_label(WORDS.code_input).fill("K1ZZ-ZZZZ-ZZZZ")
    act(doctor, lambda: doctor.get_by_role("button", name=WORDS.code_open).click())
    expect(doctor.get_by_role("alert").or_(doctor.locator('[data-testid="stAlert"]')).first).to_be_visible()
    expect(doctor.get_by_role("heading", name=WORDS.key_points_title)).to_have_count(0)
    doctor.context.close()


def test_the_health_record_file_from_the_patients_summary_opens_in_the_clinicians_browser(
    browser, server, tmp_path: Path
):
    patient = patient_at_summary(browser, server, "dana_crisis")
    act(patient, lambda: patient.get_by_text(PACK.ui.for_clinics_title, exact=True).click())
    with patient.expect_download() as download:
        patient.get_by_role("button", name=PACK.ui.download_fhir).click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name.endswith(".json")

    doctor = clinician(browser, server)
    act(doctor, lambda: doctor.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(saved))
    expect(doctor.get_by_role("heading", name=WORDS.key_points_title)).to_be_visible()
    expect(doctor.locator('[data-testid="stAlert"]').filter(has_text=WORDS.crisis_shown)).to_be_visible()
    expect(doctor.get_by_text(WORDS.opened_at.split("{", 1)[0] + WORDS.source_file)).to_be_visible()
    check_screen(doctor, "clinician-key-points-crisis")

    # A file that holds no answers is refused with a plain message.
    wrong = tmp_path / "notes.json"
    wrong.write_text('{"topics": []}', encoding="utf-8")
    act(doctor, lambda: doctor.get_by_text(WORDS.open_another).click())
    act(doctor, lambda: doctor.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(wrong))
    expect(doctor.get_by_text(PACK.ui.handoff.file_not_answers)).to_be_visible()
    expect(
        doctor.locator('[data-testid="stAlert"]').filter(has_text=WORDS.crisis_shown)
    ).to_be_visible()  # the open patient is kept

    for opened in (patient, doctor):
        opened.context.close()
    assert OFF_ORIGIN == [], f"requests left the app's origin: {OFF_ORIGIN}"


def test_on_a_phone_the_code_wraps_only_between_its_groups(browser, server):
    """A long code once broke inside a group ("…000G-" / "360": a second review)."""
    patient = open_page(browser, server, width=320, height=700, path="?mode=workshop&persona=dana_crisis")
    try:
        stages_from(patient, "results", "summary")
        groups = patient.locator(".handoff-code span")
        expect(groups.first).to_be_visible()
        lines = patient.locator(".handoff-code").evaluate("e => e.getClientRects().length && e.offsetHeight")
        rects = groups.evaluate_all("spans => spans.map(s => s.getClientRects().length)")
        assert rects and set(rects) == {1}, rects  # no group split over two lines
        line_height = groups.first.evaluate("s => s.getBoundingClientRect().height")
        assert lines > 1.5 * line_height  # the code does wrap at 320 px: the check saw a wrap
        copied = patient.locator(".handoff-code").inner_text()
        assert handoff.normalise(copied) == handoff.normalise("".join(groups.all_inner_texts()))
    finally:
        patient.context.close()


def test_closing_a_patient_leaves_no_code_or_file_to_open_them_again(browser, server, tmp_path: Path):
    """A clinic computer is shared: after "Close this patient" the code typed and the file
    chosen were still on the page, and "Open the code" brought the patient back (a review)."""
    answers = persona_answers(PACK, "dana_crisis")
    code = handoff.encode(PACK, answers, Deliberation())
    saved = tmp_path / "answers.fhir.json"
    summary = build_summary(PACK, answers, Deliberation(), datetime.date(2026, 12, 6))
    saved.write_text(fhir.to_json(fhir.questionnaire_response(PACK, summary)), encoding="utf-8")
    doctor = clinician(browser, server)
    key_points = doctor.get_by_role("heading", name=WORDS.key_points_title)

    def close() -> None:
        act(doctor, lambda: doctor.get_by_role("button", name=WORDS.close_button).click())
        act(doctor, lambda: doctor.get_by_role("button", name=WORDS.close_yes).click())
        expect(key_points).to_have_count(0)

    doctor.get_by_label(WORDS.code_input).fill(code)
    act(doctor, lambda: doctor.get_by_role("button", name=WORDS.code_open).click())
    expect(key_points).to_be_visible()
    close()
    expect(doctor.get_by_label(WORDS.code_input)).to_have_value("")
    act(doctor, lambda: doctor.get_by_role("button", name=WORDS.code_open).click())
    expect(key_points).to_have_count(0)

    uploader = doctor.locator('[data-testid="stFileUploaderDropzoneInput"]')
    act(doctor, lambda: uploader.set_input_files(saved))
    expect(key_points).to_be_visible()
    close()
    expect(doctor.get_by_text(saved.name)).to_have_count(0)
    expect(doctor.locator('[data-testid="stFileUploaderFile"]')).to_have_count(0)
    doctor.context.close()

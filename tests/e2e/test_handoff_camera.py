"""A QR code held up to the clinician's camera opens the answers (issue 16). Chromium's fake
camera plays a still picture of the patient's QR code; the picture is read on the server, in
memory, by handoff.read_qr."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import Browser, expect

from decision_aid import handoff
from decision_aid.content import load_pack
from decision_aid.personas import persona_answers
from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, OFF_ORIGIN, act, check_screen, open_page

PACK = load_pack("en")
WORDS = PACK.ui.clinician
WIDTH, HEIGHT = 640, 480


def y4m(picture: Image.Image) -> bytes:
    """One frame of raw video (YUV 4:2:0) for Chromium's fake camera."""
    frame = Image.new("RGB", (WIDTH, HEIGHT), "white")
    picture.thumbnail((HEIGHT - 40, HEIGHT - 40))
    frame.paste(picture, ((WIDTH - picture.width) // 2, (HEIGHT - picture.height) // 2))
    y, cb, cr = frame.convert("YCbCr").split()
    half = (WIDTH // 2, HEIGHT // 2)
    header = f"YUV4MPEG2 W{WIDTH} H{HEIGHT} F30:1 Ip A1:1 C420jpeg\n".encode("ascii")
    return header + b"FRAME\n" + y.tobytes() + cb.resize(half).tobytes() + cr.resize(half).tobytes()


@pytest.fixture
def qr_camera(browser: Browser, tmp_path: Path) -> Iterator[tuple[Browser, str]]:
    """A second Chromium (from the session's Playwright) whose camera shows the QR code."""
    code = handoff.encode(PACK, persona_answers(PACK, "james_blood_pressure"))
    video = tmp_path / "qr.y4m"
    video.write_bytes(y4m(Image.open(io.BytesIO(handoff.qr_png(code))).convert("RGB")))
    args = [
        *CHROMIUM_ARGS,
        "--use-fake-ui-for-media-stream",
        "--use-fake-device-for-media-stream",
        f"--use-file-for-fake-video-capture={video}",
    ]
    launched = browser.browser_type.launch(executable_path=CHROMIUM, args=args)
    yield launched, code
    launched.close()


def test_a_qr_code_held_up_to_the_camera_opens_the_answers(qr_camera, server):
    browser, _code = qr_camera
    doctor = open_page(browser, server, width=1280, height=800, path="?mode=clinician")
    act(doctor, lambda: doctor.get_by_text(WORDS.camera_toggle).click())
    take = doctor.get_by_role("button", name=PACK.ui.streamlit.take_photo)
    expect(take).to_be_enabled(timeout=20_000)
    # The picture is taken once the camera shows frames (not a sleep: the video's own state).
    doctor.wait_for_function(
        "() => { const v = document.querySelector('video'); return v && v.readyState >= 2 && v.videoWidth > 0; }"
    )
    check_screen(doctor, "clinician-camera")
    act(doctor, lambda: take.click())
    expect(doctor.get_by_role("heading", name=WORDS.key_points_title)).to_be_visible()
    expect(doctor.get_by_text(f"{WORDS.status.reported}: {WORDS.checklist.aneurysm_avm}")).to_be_visible()
    expect(doctor.get_by_text(WORDS.opened_at.split("{", 1)[0] + WORDS.source_camera)).to_be_visible()
    doctor.context.close()
    assert OFF_ORIGIN == [], f"requests left the app's origin: {OFF_ORIGIN}"


def test_the_camera_speaks_spanish_on_a_spanish_page(qr_camera, server):
    """Streamlit's camera says "Take Photo" and "Clear photo" in English on every page."""
    browser, _code = qr_camera
    spanish = load_pack("es").ui
    doctor = open_page(browser, server, width=1280, height=800, path="?mode=clinician&lang=es")
    act(doctor, lambda: doctor.get_by_text(spanish.clinician.camera_toggle).click())
    expect(doctor.get_by_role("button", name=spanish.streamlit.take_photo)).to_be_visible(timeout=20_000)
    expect(doctor.get_by_role("button", name=PACK.ui.streamlit.take_photo)).to_have_count(0)
    doctor.context.close()
    assert OFF_ORIGIN == [], f"requests left the app's origin: {OFF_ORIGIN}"

"""A long workshop share address never crashes the workshop page (issue 17, red-team F10)."""

import pytest

from tests.app.test_modes import ok, open_app

LONGEST = 512  # characters of a share address the workshop page keeps


def images(at):
    return [e for e in at.main if type(e).__name__ == "Image"]


@pytest.mark.parametrize("length", [4096, 100_000])
def test_a_long_share_address_is_cut_to_what_a_qr_code_holds_not_a_crash(length):
    at = open_app(mode="workshop")
    address = "http://10.0.0.5:8501/?" + "a" * length  # a client need not respect max_chars
    ok(at.text_input(key="nav:share_address").set_value(address).run())
    assert at.title[0].value == "Workshop"
    assert at.text_input(key="nav:share_address").value == address[:LONGEST]
    [image] = images(at)
    assert image.proto.imgs[0].caption.endswith(address[:LONGEST])
    ok(at.button(key="nav:qr_full").click().run())  # the full-screen QR code too


def test_a_normal_share_address_still_shows_its_qr_code():
    at = open_app(mode="workshop")
    ok(at.text_input(key="nav:share_address").set_value("http://10.0.0.5:8501/?mode=patient").run())
    [image] = images(at)
    assert image.proto.imgs[0].caption.endswith("http://10.0.0.5:8501/?mode=patient")

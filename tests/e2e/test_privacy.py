"""Nothing a person enters is written to disk or to the server's log."""

from pathlib import Path

from playwright.sync_api import expect

from tests.e2e.conftest import act, start_server, wait_for_app

MARKER = "zebra-violet-4417"
# Words the PDF's font cannot draw: fpdf2 used to log them, glyph by glyph (issue 17, F2).
NON_LATIN = "我担心副作用 مرحبا"


def files_under(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def test_a_whole_journey_writes_no_file_and_logs_no_answer(browser, tmp_path):
    server = start_server(tmp_path)
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(20_000)
    try:
        page.goto(server.url)
        wait_for_app(page)
        act(page, lambda: page.get_by_role("button", name="Start the questions").click())
        act(page, lambda: page.get_by_text("Nearly every day").click())
        expect(page.get_by_role("heading", name="Help is available right now")).to_be_visible()
        act(page, lambda: page.get_by_role("button", name="Next").click())
        act(page, lambda: page.get_by_text("Three or more").click())
        for _ in range(2):
            act(page, lambda: page.get_by_role("button", name="Next").click())
        act(page, lambda: page.get_by_role("button", name="Next: check your answers").click())
        act(page, lambda: page.get_by_role("button", name="See my results").click())
        expect(page.get_by_role("heading", name="What applies to you", level=1)).to_be_visible()
        for title in (
            "The facts: what they are",
            "The facts: how well they work",
            "The facts: risks and how they are given",
            "Compare options",
            "Prepare for your visit",
        ):
            act(page, lambda: page.locator('[class*="st-key-nav-stage_next_"][class*="_top"] button').click())
            expect(page.get_by_role("heading", name=title, level=1)).to_be_visible()
        page.get_by_label("Add your own question (optional)").fill(f"Ask about {MARKER} {NON_LATIN}")
        act(page, lambda: page.get_by_role("button", name="Add question").click())
        act(page, lambda: page.get_by_role("button", name="See my summary").last.click())
        summary = page.locator(".st-key-box-summary_document")
        expect(summary.get_by_text(f"Ask about {MARKER} {NON_LATIN}")).to_be_visible()
        expect(page.get_by_text("The PDF cannot show some of the letters or signs you typed")).to_be_visible()
        with page.expect_download() as download:
            page.get_by_role("button", name="Download PDF").click()
        assert download.value.suggested_filename == "my-summary.pdf"
    finally:
        context.close()
        log = server.stop()
    assert files_under(server.workdir) == []
    assert files_under(server.home) == []
    assert MARKER not in log
    for char in NON_LATIN.replace(" ", ""):
        assert char not in log, f"{char!r} reached the server's log"
    assert "\\u6211" not in log and "glyphs" not in log
    assert "nearly_every_day" not in log and "Nearly every day" not in log
    assert "3_or_more" not in log

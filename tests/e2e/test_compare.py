"""Compare options in a real browser: the grid on a laptop, cards on a phone (a CSS media
query switches them, since the server cannot know the screen's width), axe-core on both.

The page under test draws compare_options alone (tests/e2e/compare_page.py) until a stage
of the results draws it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from decision_aid.content import load_pack
from tests.e2e.conftest import OFF_ORIGIN, ROOT, Server, act, check_screen, open_page, start_server

PAGE = Path(__file__).with_name("compare_page.py")
PACK = load_pack("en")
LABELS = {column.id: column.label for column in PACK.options.columns}
PICKS = ("tms", "esketamine", "iv_ketamine")
# "Avoiding needles" points at how_given, "Keeping costs low" at cost.
VERY = "?very=avoid_needles,cost"


@pytest.fixture(scope="module")
def compare_server(tmp_path_factory) -> Iterator[Server]:
    """The page, beside a copy of the app's own config (Streamlit reads the one next to the
    script it runs): usage statistics off and the rest, as for the app."""
    base = tmp_path_factory.mktemp("compare")
    (base / "page" / ".streamlit").mkdir(parents=True)
    shutil.copy(ROOT / ".streamlit" / "config.toml", base / "page" / ".streamlit" / "config.toml")
    page = shutil.copy(PAGE, base / "page" / PAGE.name)
    running = start_server(base, app=Path(page))
    yield running
    running.stop()


def opened(browser: Browser, server: Server, width: int, height: int) -> Page:
    page = open_page(browser, server, width=width, height=height, path=VERY)
    for column in PICKS:
        act(page, lambda column=column: page.get_by_role("button", name=LABELS[column], exact=True).click())
        # Chosen before the next click (each pill shows as chosen before its run redraws the
        # grid: what the tests read of the grid is awaited, not read once).
        chosen = page.locator('[class*="st-key-compare-options"] button[aria-pressed="true"]')
        expect(chosen.filter(has_text=LABELS[column])).to_have_count(1)
    return page


@pytest.fixture
def laptop(browser, compare_server) -> Iterator[Page]:
    page = opened(browser, compare_server, 1280, 800)
    yield page
    page.context.close()
    assert OFF_ORIGIN == [], f"requests left the app's origin: {OFF_ORIGIN}"


@pytest.fixture
def phone(browser, compare_server) -> Iterator[Page]:
    page = opened(browser, compare_server, 390, 844)
    yield page
    page.context.close()
    assert OFF_ORIGIN == [], f"requests left the app's origin: {OFF_ORIGIN}"


def row_headers(page: Page) -> list[str]:
    return [" ".join(t.split()) for t in page.locator("table.aid-grid tbody th").all_inner_texts()]


def test_a_laptop_sees_the_grid_and_not_the_cards(laptop):
    grid = laptop.get_by_role("table", name=PACK.options.title)
    expect(grid).to_be_visible()
    expect(laptop.locator(".aid-cards")).to_be_hidden()
    expect(grid.locator("thead th")).to_have_count(1 + len(PICKS))  # the last pick's run has drawn
    headers = [" ".join(t.split()) for t in grid.locator("thead th").all_inner_texts()]
    assert headers == [PACK.ui.compare_question, *(LABELS[c] for c in PICKS)]
    # Rows rated very important first (in the table's order), with the marker.
    first = row_headers(laptop)[:2]
    assert first[0].startswith("How is it given?") and "Avoiding needles" in first[0]
    assert first[1].startswith("What about cost and insurance?") and "Keeping costs low" in first[1]
    # The caution above the grid, and on both outcome rows.
    caution = laptop.get_by_text(PACK.ui.compare_caution_title)
    expect(caution).to_be_visible()
    assert caution.bounding_box()["y"] < grid.bounding_box()["y"]
    expect(grid.get_by_text(PACK.ui.compare_not_comparable)).to_have_count(2)
    # Four option columns plus the question column fit the page without sideways scrolling.
    wrap = laptop.locator(".aid-grid-wrap")
    assert wrap.evaluate("e => e.scrollWidth <= e.clientWidth")
    check_screen(laptop, "compare-laptop")


def test_on_a_laptop_the_grid_is_wider_than_the_text_and_its_option_names_stay_in_view(laptop):
    """Four options in the 736 px text column made cells 130 px wide and the screen 9 laptop
    screens long, with the option names out of view halfway down (a second review)."""
    act(laptop, lambda: laptop.get_by_role("button", name=LABELS["ect"], exact=True).click())
    grid = laptop.locator("table.aid-grid")
    expect(grid.locator("thead th")).to_have_count(5)
    grid_box, text_box = grid.bounding_box(), laptop.locator("h1").first.bounding_box()
    assert grid_box["width"] >= text_box["width"] + 300, (grid_box, text_box)
    assert grid_box["x"] >= 0 and grid_box["x"] + grid_box["width"] <= 1280  # on the screen
    laptop.evaluate(
        """() => { const main = document.querySelector('[data-testid=stMain]');
                   const row = document.querySelector('table.aid-grid tbody tr:last-child');
                   main.scrollTo(0, main.scrollTop + row.getBoundingClientRect().top - 400); }"""
    )
    head = laptop.locator("table.aid-grid thead th").nth(1)
    laptop.wait_for_function(
        "() => { const r = document.querySelector('table.aid-grid thead th').getBoundingClientRect();"
        " return r.top >= 0 && r.top < 100; }"
    )
    expect(head).to_be_in_viewport()
    assert head.bounding_box()["y"] < laptop.locator("table.aid-grid tbody tr").last.bounding_box()["y"]


def test_a_picked_option_shows_a_tick_but_is_named_without_it(laptop):
    """A keyboard review: a picked option was read "check mark, TMS, toggle button, pressed",
    the state twice. The tick is for eyes (a pick is never shown by colour alone); a screen
    reader hears "pressed"."""
    for column in PICKS:
        button = laptop.get_by_role("button", name=LABELS[column], exact=True, pressed=True)
        expect(button).to_have_count(1)
        tick = button.locator("p").evaluate("p => getComputedStyle(p, '::before').content")
        assert "\u2713" in tick


def test_a_phone_sees_one_card_per_question_and_not_the_grid(phone):
    expect(phone.locator("table.aid-grid")).to_be_hidden()
    cards = phone.locator(".aid-card")
    expect(cards).to_have_count(len(PACK.options.rows))
    expect(cards.first).to_be_visible()
    expect(cards.first.get_by_role("heading", level=2)).to_have_text("How is it given?")
    # Awaited, not read once: the last pick shows as chosen before its run redraws the cards.
    expect(cards.first.locator("dt")).to_have_text([LABELS[c] for c in PICKS])
    # Nothing wider than the phone: no sideways scrolling.
    assert phone.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    # The picks are big enough to tap.
    sizes = phone.locator(".st-key-compare-options button").evaluate_all(
        "buttons => buttons.map(b => b.getBoundingClientRect().height)"
    )
    assert len(sizes) == len(LABELS) and min(sizes) >= 44
    check_screen(phone, "compare-phone")


def test_a_fifth_pick_is_refused_in_the_browser_too(laptop):
    act(laptop, lambda: laptop.get_by_role("button", name=LABELS["ect"], exact=True).click())
    expect(laptop.locator("table.aid-grid thead th")).to_have_count(1 + 4)
    act(laptop, lambda: laptop.get_by_role("button", name=LABELS["stay"], exact=True).click())
    expect(laptop.get_by_text(PACK.ui.compare_too_many.format(most=4))).to_be_visible()
    expect(laptop.locator("table.aid-grid thead th")).to_have_count(1 + 4)
    expect(laptop.get_by_role("columnheader", name=LABELS["stay"])).to_have_count(0)
    check_screen(laptop, "compare-refused")

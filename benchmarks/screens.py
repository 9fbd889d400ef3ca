"""How long each screen of the staged path is, per persona, on a laptop and a phone, and
where the first note about the person sits: the figures issue 15 asks for ("no screen
longer than about 5 laptop screens"; the first personal note near the top).

Each fictional persona opens through its workshop link (``?mode=workshop&persona=ID``),
which loads its answers and opens "What applies to you"; the script then presses each
stage's Next to the summary. A screen's length is the main area's scroll height over the
window's height (laptop 1280x800, phone 390x844). The workshop view adds one line to the
top of every screen, the "Fictional case" banner; its height is printed, so a patient's
screens are that much shorter. Numbers are printed, never asserted.

    python benchmarks/screens.py
    python benchmarks/screens.py --persona dana_crisis --locale es
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from playwright.sync_api import Page, expect, sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as `python benchmarks/screens.py`

from benchmarks.load import APPS, start_server  # noqa: E402
from decision_aid import journey  # noqa: E402
from decision_aid.content import load_pack  # noqa: E402
from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, wait_for_app  # noqa: E402  the browser tests' own

SIZES = {"laptop": (1280, 800), "phone": (390, 844)}
STAGES = journey.NAMES[journey.NAMES.index("results") :]
PICKED = (2, 4)  # Compare options measured again with this many options picked
PILLS = '[class*="st-key-compare-options"] button'
COLUMNS = (*STAGES, *(f"compare{count}" for count in PICKED))
# Once the screen has stopped growing (its height the same for 0.3 s): Streamlit loads the
# code of some widgets (radio buttons) the first time a screen has one, and draws them a
# moment after the run ends. Prepare measured 3.6 screens instead of 5.8 on a phone once the
# first radio buttons of a case's path were Prepare's.
LENGTH = """() => new Promise(done => {
  const main = document.querySelector('[data-testid=stMain]');
  let last = -1, same = 0;
  const look = () => {
    const height = main.scrollHeight;
    same = height === last ? same + 1 : 0;
    last = height;
    if (same >= 3) done(height / window.innerHeight); else setTimeout(look, 100);
  };
  look();
})"""
# The first card of "What applies to you": where it starts and where its reason line ends
# (the card's text; its full note is folded below it), in screens from the top.
FIRST_NOTE = """() => {
  const card = document.querySelector('[class*="st-key-box-card_"]');
  if (!card) return null;
  const main = document.querySelector('[data-testid=stMain]');
  const top = main.getBoundingClientRect().top - main.scrollTop;
  const text = card.querySelector('[data-testid=stMarkdown]').getBoundingClientRect();
  const at = (y) => (y - top) / window.innerHeight;
  return [at(card.getBoundingClientRect().top), at(text.bottom)];
}"""
BANNER = """() => {
  const alert = document.querySelector('[data-testid=stAlert]');
  return alert ? alert.closest('[data-testid=stElementContainer]').getBoundingClientRect().height : 0;
}"""


def walk(page: Page, url: str, persona: str, locale: str) -> tuple[dict[str, float], tuple | None, float]:
    """Each stage's length in screens, the first note's place, the banner's height in px."""
    page.goto(f"{url}/?mode=workshop&persona={persona}&lang={locale}")
    expect(page.locator('[class*="st-key-nav-stage_back_results_bottom"]')).to_be_attached()
    wait_for_app(page)
    lengths: dict[str, float] = {}
    page.evaluate(LENGTH)  # waits till the screen is drawn: Dana's crisis panel's place picker
    # came late, and her first note measured 2.03 laptop screens, not 2.15
    first_note = page.evaluate(FIRST_NOTE)
    banner = page.evaluate(BANNER)
    for here, following in zip(STAGES, STAGES[1:] + (None,), strict=True):
        lengths[here] = page.evaluate(LENGTH)
        if here == "compare":  # the grid shows once options are picked: two, then four
            for count in PICKED:
                while page.locator(f"{PILLS}[aria-pressed=true]").count() < count:
                    page.locator(f"{PILLS}[aria-pressed=false]").first.click()
                    wait_for_app(page)
                expect(page.locator("table.aid-grid thead th")).to_have_count(count + 1)
                wait_for_app(page)
                lengths[f"compare{count}"] = page.evaluate(LENGTH)
        if following is None:
            break
        page.locator(f'[class*="st-key-nav-stage_next_{here}_top"] button').click()
        expect(page.locator(f'[class*="st-key-nav-stage_back_{following}_bottom"]')).to_be_attached()
        wait_for_app(page)
    return lengths, first_note, banner


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--persona", action="append", help="a persona id (default: all)")
    parser.add_argument("--locale", default="en")
    args = parser.parse_args()
    pack = load_pack(args.locale)
    personas = args.persona or [p.id for p in pack.personas.personas]
    process, url = start_server(APPS["ours"])
    rows: list[tuple[str, str, dict[str, float], tuple | None, float]] = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for size, (width, height) in SIZES.items():
                context = browser.new_context(viewport={"width": width, "height": height})
                page = context.new_page()
                page.set_default_timeout(30_000)
                for persona in personas:
                    rows.append((persona, size, *walk(page, url, persona, args.locale)))
                context.close()
            browser.close()
    finally:
        process.terminate()
        process.wait(timeout=20)
    laptop, phone = ("x".join(map(str, SIZES[size])) for size in ("laptop", "phone"))
    print(f"screens per stage ({args.locale}; laptop {laptop}, phone {phone}; workshop view)")
    print("(compare: nothing picked; compare2 and compare4: that many options in the grid)")
    print(f"{'persona':26} {'size':6} " + " ".join(f"{name[:8]:>8}" for name in COLUMNS) + "   first note")
    for persona, size, lengths, first_note, banner in rows:
        note = f"{first_note[0]:.2f}-{first_note[1]:.2f}" if first_note else "none"
        print(
            f"{persona:26} {size:6} "
            + " ".join(f"{lengths[name]:8.1f}" for name in COLUMNS)
            + f"   {note} (banner {banner / SIZES[size][1]:.2f})"
        )
    longest = max(rows, key=lambda row: max(row[2].values()))
    stage = max(longest[2], key=longest[2].get)
    print(f"longest: {stage} for {longest[0]} on a {longest[1]}, {longest[2][stage]:.1f} screens")


if __name__ == "__main__":
    main()

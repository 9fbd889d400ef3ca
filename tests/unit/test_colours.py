"""Our own colours meet WCAG 2.2 contrast: text 4.5:1, graphics (icon arrays) 3:1."""

import re

from decision_aid.ui import charts, frame

WHITE = "#ffffff"
STREAMLIT_SIDEBAR = "#f0f2f6"  # Streamlit's light secondary background


def luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_formula_matches_known_values():
    assert round(contrast("#000000", WHITE), 1) == 21.0
    assert round(contrast("#767676", WHITE), 2) == 4.54


def test_icon_array_marks_stand_out_from_the_page():
    assert contrast(charts.FILLED, WHITE) >= 3
    assert contrast(charts.OUTLINE, WHITE) >= 3


def test_caption_grey_is_readable_on_every_background():
    grey = re.search(r"color: (#[0-9a-f]{6})", frame.READABLE_CSS).group(1)
    assert contrast(grey, WHITE) >= 4.5
    assert contrast(grey, STREAMLIT_SIDEBAR) >= 4.5


def primary_colour() -> str:
    import tomllib
    from pathlib import Path

    config = Path(__file__).resolve().parents[2] / ".streamlit" / "config.toml"
    return tomllib.loads(config.read_text())["theme"]["primaryColor"]


def test_primary_colour_is_calm_and_readable_both_ways():
    """Issue 15: not red; white button text on it, and it as text or a focus ring on white."""
    primary = primary_colour()
    red, green, blue = (int(primary[i : i + 2], 16) for i in (1, 3, 5))
    assert blue > red and blue > green, f"{primary} is not a blue"
    assert contrast(WHITE, primary) >= 4.5
    assert contrast(primary, WHITE) >= 4.5
    assert contrast(primary, STREAMLIT_SIDEBAR) >= 4.5

"""The icon arrays draw 100 people with exactly the published count filled, grouped first."""

from html.parser import HTMLParser
from urllib.parse import unquote

from decision_aid.content import load_pack
from decision_aid.ui.charts import FILLED, OUTLINE, grid_svg, icon_array_html

PACK = load_pack("en")


class Drawing(HTMLParser):
    """Collects each grid's circles (position and fill), the images, and the text."""

    def __init__(self):
        super().__init__()
        self.grids: list[list[tuple[float, float, str]]] = []
        self.images: list[dict] = []
        self.fill = ""
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "img":
            self.images.append(attrs)
            prefix = "data:image/svg+xml,"
            assert attrs["src"].startswith(prefix)
            self.grids += drawn(unquote(attrs["src"].removeprefix(prefix))).grids
        elif tag == "svg":
            self.grids.append([])
        elif tag == "g":
            self.fill = attrs["fill"]
        elif tag == "circle":
            self.grids[-1].append((float(attrs["cy"]), float(attrs["cx"]), self.fill))

    def handle_data(self, data):
        self.text.append(data)


def drawn(html: str) -> Drawing:
    drawing = Drawing()
    drawing.feed(html)
    return drawing


def test_each_grid_has_100_people_and_the_published_count_filled_first():
    for comparison in PACK.numbers.comparisons.values():
        for group in comparison.groups.values():
            (grid,) = drawn(grid_svg(group.per_100)).grids
            assert len(set((y, x) for y, x, _ in grid)) == 100
            in_reading_order = [fill for _, _, fill in sorted(grid)]
            assert in_reading_order == [FILLED] * group.per_100 + ["white"] * (100 - group.per_100)


def test_grid_is_a_10_by_10_square():
    (grid,) = drawn(grid_svg(37)).grids
    assert len({y for y, _, _ in grid}) == 10 and len({x for _, x, _ in grid}) == 10


def test_every_comparison_shows_each_group_with_its_sentence_and_hides_circles_from_screen_readers():
    """Empty alt text: the sentence is the text alternative, not 100 circles read aloud."""
    for comparison_id, comparison in PACK.numbers.comparisons.items():
        drawing = drawn(icon_array_html(PACK, comparison_id))
        assert len(drawing.grids) == len(comparison.groups)
        assert [image["alt"] for image in drawing.images] == [""] * len(comparison.groups)
        text = " ".join(drawing.text)
        assert comparison.measure in text
        for group in comparison.groups.values():
            assert f"{group.label}: about {group.per_100} of 100 people {comparison.outcome}" in text
        assert f"Filled circles are people who {comparison.outcome}." in text


def test_hollow_circles_have_a_visible_outline():
    assert f"stroke='{OUTLINE}'" in grid_svg(10)


def test_text_is_escaped_not_read_as_html():
    measure = PACK.numbers.comparisons["transform2_response"].measure
    risky = PACK.model_copy(
        update={
            "numbers": PACK.numbers.model_copy(
                update={
                    "comparisons": {
                        "transform2_response": PACK.numbers.comparisons["transform2_response"].model_copy(
                            update={"measure": measure + " <b>&"}
                        )
                    }
                }
            )
        }
    )
    html = icon_array_html(risky, "transform2_response")
    assert "&lt;b&gt;&amp;" in html and "<b>" not in html

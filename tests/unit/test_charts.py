"""The icon arrays draw 100 people with exactly the published count filled, grouped first."""

import re
from html.parser import HTMLParser
from urllib.parse import unquote

from decision_aid.content import load_pack
from decision_aid.ui.charts import FILLED, OUTLINE, grid_svg, icon_array_html

PACK = load_pack("en")


class Drawing(HTMLParser):
    """Reads each grid image back as the browser would draw it: every person's circle
    takes the fill of the pattern whose region holds its centre. Also keeps the images
    and the text."""

    def __init__(self):
        super().__init__()
        self.grids: list[list[tuple[float, float, str]]] = []
        self.images: list[dict] = []
        self.text: list[str] = []
        self.patterns: dict[str, str] = {}
        self.regions: list[tuple[str, list[tuple[float, float]]]] = []
        self.pattern = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "img":
            self.images.append(attrs)
            prefix = "data:image/svg+xml,"
            assert attrs["src"].startswith(prefix)
            self.grids += drawn(unquote(attrs["src"].removeprefix(prefix))).grids
        elif tag == "pattern":
            self.pattern = attrs["id"]
        elif tag == "circle":
            self.patterns[self.pattern] = attrs["fill"]
        elif tag == "path":
            self.regions.append((attrs["fill"].removeprefix("url(#").removesuffix(")"), polygon(attrs["d"])))

    def handle_endtag(self, tag):
        if tag == "svg":
            self.grids.append(
                [
                    (y, x, fill)
                    for y in range(8, 160, 16)
                    for x in range(8, 160, 16)
                    for fill in [self.fill_at(x, y)]
                ]
            )

    def handle_data(self, data):
        self.text.append(data)

    def fill_at(self, x: float, y: float) -> str:
        fills = [self.patterns[name] for name, points in self.regions if inside(x, y, points)]
        assert len(fills) == 1, f"person at {x},{y} is in {len(fills)} regions"
        return fills[0]


def polygon(path: str) -> list[tuple[float, float]]:
    """The corners of a path made of M, H, V and Z commands."""
    points, x, y = [], 0.0, 0.0
    for command, value in re.findall(r"([MHVZ])([^MHVZ]*)", path):
        if command == "M":
            x, y = map(float, value.split())
        elif command == "H":
            x = float(value)
        elif command == "V":
            y = float(value)
        else:
            break
        points.append((x, y))
    return points


def inside(x: float, y: float, points: list[tuple[float, float]]) -> bool:
    """Even-odd rule, as SVG fills by default."""
    crossings = 0
    for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1], strict=True):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            crossings += 1
    return crossings % 2 == 1


def drawn(html: str) -> Drawing:
    drawing = Drawing()
    drawing.feed(html)
    return drawing


def test_each_grid_has_100_people_and_the_published_count_filled_first():
    counts = {g.per_100 for c in PACK.numbers.comparisons.values() for g in c.groups.values()}
    for count in sorted(counts | {0, 1, 9, 10, 11, 99, 100}):
        (grid,) = drawn(grid_svg(count)).grids
        assert len(set((y, x) for y, x, _ in grid)) == 100
        in_reading_order = [fill for _, _, fill in sorted(grid)]
        assert in_reading_order == [FILLED] * count + ["white"] * (100 - count)


def test_grid_is_a_10_by_10_square_of_people():
    svg = grid_svg(37)
    assert "width='160' height='160'" in svg
    assert "<pattern id='filled' width='16' height='16'" in svg


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

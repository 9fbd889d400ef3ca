"""The icon-array chart draws 100 people with exactly the published count filled, grouped first."""

import math

from decision_aid.content import load_pack
from decision_aid.ui.charts import FILLED, grid_spec

PACK = load_pack("en")


def people(spec: dict) -> list[dict]:
    """Evaluate the spec's sequence and transforms the way Vega-Lite does in the browser."""
    sequence = spec["data"]["sequence"]
    rows = [{sequence["as"]: n} for n in range(sequence["start"], sequence["stop"])]
    for step in spec["transform"]:
        expression = step["calculate"].replace("datum.", "").replace("floor", "math.floor")
        for row in rows:
            row[step["as"]] = eval(expression, {"math": math}, dict(row))  # noqa: S307 - our own spec
    return rows


def test_each_grid_has_100_people_and_the_published_count_filled_first():
    for comparison_id, comparison in PACK.numbers.comparisons.items():
        for group_id, group in comparison.groups.items():
            grid = people(grid_spec(comparison_id, comparison, group_id, "text"))
            assert len(grid) == 100
            assert sum(p["affected"] for p in grid) == group.per_100
            order = sorted(grid, key=lambda p: (p["row"], p["column"]))
            assert [p["affected"] for p in order] == [True] * group.per_100 + [False] * (100 - group.per_100)
            assert {(p["row"], p["column"]) for p in grid} == {(r, c) for r in range(10) for c in range(10)}


def test_grid_carries_its_sentence_and_hides_the_circles_from_screen_readers():
    comparison = PACK.numbers.comparisons["transform2_response"]
    spec = grid_spec("transform2_response", comparison, "esketamine", "About 69 of 100")
    assert spec["description"] == "About 69 of 100"
    assert spec["mark"]["aria"] is False and spec["config"]["aria"] is False
    assert spec["encoding"]["fill"]["condition"]["value"] == FILLED

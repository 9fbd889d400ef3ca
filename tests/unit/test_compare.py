"""The comparison grid's pure parts: rows by what matters, and HTML that stays text."""

from decision_aid.content import load_pack
from decision_aid.ui.compare import grid_html, ordered_rows, very_important_rows

PACK = load_pack("en")


def test_only_very_important_ratings_mark_rows_and_each_row_names_its_values():
    rated = {
        "avoid_needles": "very",
        "avoid_daily_pills": "very",
        "cost": "somewhat",
        "quick_relief": "not_important",
    }
    assert very_important_rows(PACK, rated) == {"how_given": ("Avoiding needles", "Avoiding daily pills")}
    assert very_important_rows(PACK, {}) == {}


def test_marked_rows_come_first_in_the_tables_order_and_no_row_is_lost():
    marked = {"evidence": ("x",), "how_soon": ("y",)}
    order = [row.id for row in ordered_rows(PACK.options, marked)]
    assert order[:2] == ["how_soon", "evidence"]  # the table's order, not the values' order
    assert sorted(order) == sorted(row.id for row in PACK.options.rows)


def test_cells_and_labels_cannot_inject_html():
    table = PACK.options
    row = table.rows[0]
    odd_row = row.model_copy(
        update={"label": "<b>odd</b>", "cells": {**row.cells, "stay": "<img src=x onerror=alert(1)>"}}
    )
    pack = PACK.model_copy(update={"options": table.model_copy(update={"rows": (odd_row, *table.rows[1:])})})
    html = grid_html(pack, ("stay", "ect"), pack.options.rows, {})
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<b>" not in html and "&lt;b&gt;odd&lt;/b&gt;" in html


def test_the_card_headings_take_the_level_asked_within_reason():
    rows = PACK.options.rows
    assert grid_html(PACK, ("stay", "ect"), rows, {}, heading_level=3).count("<h3>") == len(rows)
    assert grid_html(PACK, ("stay", "ect"), rows, {}, heading_level=1).count("<h2>") == len(rows)

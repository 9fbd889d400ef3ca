"""Authored Markdown read as CommonMark: paragraphs and list items, styled runs."""

from decision_aid.prose import Run, inline_runs, units
from decision_aid.readability import plain_text


def test_paragraphs_and_list_items_with_wrapped_lines_joined():
    found = units("First line\nwrapped.\n\n- **Bold** item\n  wrapped\n- two\n  1. nested\n\n3. three")
    assert [(u.marker, u.depth, u.text) for u in found] == [
        ("", 0, "First line wrapped."),
        ("\u2022", 0, "Bold item wrapped"),
        ("\u2022", 0, "two"),
        ("1.", 1, "nested"),
        ("3.", 0, "three"),
    ]
    assert found[1].runs == (Run("Bold", bold=True), Run(" item wrapped"))


def test_only_commonmark_markup_is_read_as_markup():
    assert inline_runs("2--3 times, STAR*D, `__init__`, a\\*b") == (Run("2--3 times, STAR*D, __init__, a*b"),)
    assert inline_runs("*about* a [link](https://example.org) <b>x</b>") == (
        Run("about", italic=True),
        Run(" a link <b>x</b>"),
    )
    assert inline_runs("1. not a list") == (Run("1. not a list"),)


def test_reading_level_text_keeps_the_words_and_ends_each_unit():
    assert (
        plain_text("# Title\n\nSome *words*\n\n- item one\n- item two!")
        == "Title.\nSome words.\nitem one.\nitem two!"
    )

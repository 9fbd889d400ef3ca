"""Authored Markdown read as the screen reads it (CommonMark, parsed by markdown-it-py):
paragraphs and list items as runs of plain, bold or italic text.

One dialect everywhere: what is bold on screen is bold in the PDF, and characters that
CommonMark leaves alone (such as the two hyphens in "2--3 times") stay as written.
Links keep their words only; raw HTML is shown as text, never interpreted.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.token import Token

_PARSER = MarkdownIt("commonmark", {"html": False})


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Unit:
    """A paragraph, heading or list item. ``marker`` is "" for a paragraph, else the list
    item's bullet or number ("1."); ``depth`` counts the lists around an item."""

    runs: tuple[Run, ...]
    marker: str = ""
    depth: int = 0

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


def units(markdown: str) -> list[Unit]:
    """Authored Markdown as its paragraphs and list items, in reading order; wrapped lines
    are joined. Only the first paragraph of a list item carries the item's marker."""
    found: list[Unit] = []
    lists: list[str] = []  # "ul" or "ol", innermost last
    marker, heading = "", False
    for token in _PARSER.parse(markdown):
        if token.type in ("heading_open", "heading_close"):
            heading = token.type == "heading_open"
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            lists.append(token.tag)
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif token.type == "list_item_open":
            marker = f"{token.info}." if lists[-1] == "ol" else "\u2022"
        elif token.type == "inline":
            runs = _styled_runs(token.children or [])
            if heading:
                runs = tuple(Run(run.text, True, run.italic) for run in runs)
            found.append(Unit(runs, marker, max(len(lists) - 1, 0)))
            marker = ""
        elif token.type in ("fence", "code_block"):
            found.append(Unit((Run(token.content.rstrip("\n")),), marker, max(len(lists) - 1, 0)))
            marker = ""
    return [unit for unit in found if unit.text.strip()]


def inline_runs(text: str) -> tuple[Run, ...]:
    """One line of authored Markdown (a list item, a note) as runs; no block rules apply, so
    a line that starts with "1." or "#" stays as written."""
    tokens = _PARSER.parseInline(text)
    return _styled_runs(tokens[0].children or []) if tokens else ()


def _styled_runs(children: Sequence[Token]) -> tuple[Run, ...]:
    """Inline tokens as runs: the markup decides the style and is never shown as characters."""
    runs: list[Run] = []
    bold = italic = 0
    for child in children:
        if child.type in ("strong_open", "strong_close"):
            bold += 1 if child.type == "strong_open" else -1
        elif child.type in ("em_open", "em_close"):
            italic += 1 if child.type == "em_open" else -1
        elif child.type in ("text", "code_inline"):
            runs.append(Run(child.content, bold > 0, italic > 0))
        elif child.type in ("softbreak", "hardbreak"):
            runs.append(Run(" ", bold > 0, italic > 0))
        elif child.type == "image":
            runs.append(Run(child.content, bold > 0, italic > 0))  # its alt text
    return tuple(_merged(runs))


def _merged(runs: list[Run]) -> list[Run]:
    """Neighbouring runs in the same style as one: fewer, longer pieces of text."""
    merged: list[Run] = []
    for run in runs:
        if merged and (merged[-1].bold, merged[-1].italic) == (run.bold, run.italic):
            merged[-1] = Run(merged[-1].text + run.text, run.bold, run.italic)
        elif run.text:
            merged.append(run)
    return merged

"""The take-away as an ordered list of blocks, shared by every document format.

Crisis lines come first when triggered and the professional-care advice comes last; each
section has its own function, which reads the Summary's parts, never topic positions. Each
piece of text says whether the aid wrote it (trusted Markdown) or the person typed it
(shown exactly as typed, never interpreted).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from decision_aid.schema import Pack
from decision_aid.summary import Summary

# "pairs" is a list of short "label: value" items that a page may lay out in columns.
BlockKind = Literal["title", "heading", "text", "bullets", "pairs", "note"]


@dataclass(frozen=True)
class Text:
    text: str
    mine: bool = False  # typed by the person: escape everywhere


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    parts: tuple[Text, ...]


def _block(kind: BlockKind, *texts: str | Text) -> Block:
    return Block(kind, tuple(t if isinstance(t, Text) else Text(t) for t in texts))


def summary_document(pack: Pack, summary: Summary) -> list[Block]:
    """The whole take-away: each section from its own function, so a screen can show one."""
    return [
        *header_blocks(pack, summary),
        *crisis_blocks(pack, summary),
        *answers_blocks(pack, summary),
        *considerations_blocks(pack, summary),
        *preparation_blocks(pack, summary),
        *care_blocks(pack, summary),
        _block("note", pack.info.disclaimer),
    ]


def header_blocks(pack: Pack, summary: Summary) -> list[Block]:
    words = pack.summary_text
    made_on = words.made_on.format(
        date=f"{summary.created:%d %B %Y}", version=summary.content_version, reviewed=summary.last_reviewed
    )
    return [_block("title", words.title), _block("note", made_on), _block("note", words.for_clinician)]


def crisis_blocks(pack: Pack, summary: Summary) -> list[Block]:
    """Why the crisis lines show, what to do if in danger now (the crisis topic, as on the
    screen's crisis panel), and the lines; nothing when the crisis part is absent."""
    if summary.crisis is None:
        return []
    return [
        _block("heading", pack.summary_text.crisis_title),
        _block("text", *(reason.text for reason in summary.crisis.reasons)),
        _block("text", summary.crisis.topic.body),
        _block("text", pack.crisis.intro),
        _block("bullets", *crisis_line_items(pack)),
    ]


def crisis_line_items(pack: Pack) -> list[str]:
    items = []
    for region in pack.crisis.regions:
        lines = "; ".join(f"{line.name}: {line.contact}" for line in region.lines)
        items.append(
            f"{region.name}: {pack.ui.emergency_label} {region.emergency}" + (f"; {lines}" if lines else "")
        )
    return items


def answers_blocks(pack: Pack, summary: Summary) -> list[Block]:
    """What the person told the aid, and what they skipped."""
    words = pack.summary_text
    blocks = [_block("heading", words.told_us_title)]
    blocks.append(
        _block("pairs", *(f"{a.short}: {', '.join(a.labels)}" for a in summary.answered))
        if summary.answered
        else _block("text", pack.ui.told_us_none)
    )
    if summary.skipped:
        skipped = "; ".join(s.short for s in summary.skipped)
        blocks.append(_block("text", f"{words.skipped} {skipped}."))
    return blocks


def considerations_blocks(pack: Pack, summary: Summary) -> list[Block]:
    words = pack.summary_text
    if not summary.considerations:
        return [_block("heading", words.considerations_title), _block("text", words.no_considerations)]
    items = [
        f"{shown.topic.title}: " + " ".join(reason.text for reason in shown.reasons)
        for shown in summary.considerations
    ]
    return [_block("heading", words.considerations_title), _block("bullets", *items)]


def preparation_blocks(pack: Pack, summary: Summary) -> list[Block]:
    """What matters, leaning, SURE and questions. Sections left empty are named together on
    one line, so a clinician sees at a glance what was not filled in, and the page stays short."""
    words = pack.summary_text
    sections = [
        (words.values_title, _values(pack, summary)),
        (words.leaning_title, [_block("text", summary.leaning.label)] if summary.leaning else []),
        (words.sure_title, _sure(pack, summary)),
        (words.questions_title, _questions(summary)),
    ]
    blocks: list[Block] = []
    for title, content in sections:
        if content:
            blocks += [_block("heading", title), *content]
    empty = [title for title, content in sections if not content]
    if empty:
        blocks.append(_block("text", f"{words.not_filled} {'; '.join(empty)}."))
    return blocks


def care_blocks(pack: Pack, summary: Summary) -> list[Block]:
    """The professional-care advice that always ends the take-away."""
    care = summary.care.topic
    return [_block("heading", f"{pack.summary_text.care_title}: {care.title}"), _block("text", care.body)]


def _values(pack: Pack, summary: Summary) -> list[Block]:
    words = pack.summary_text
    blocks = []
    if summary.values:
        blocks.append(
            _block(
                "bullets",
                *(
                    pack.ui.value_row.format(label=v.label, rating=v.rating_label, row=v.option_row)
                    for v in summary.values
                ),
            )
        )
    if summary.own_value:
        blocks.append(_block("text", Text(words.own_value), Text(summary.own_value, mine=True)))
    return blocks


def _sure(pack: Pack, summary: Summary) -> list[Block]:
    if summary.sure is None:
        return []
    blocks = [_block("text", pack.summary_text.sure_score.format(yes=summary.sure.yes))]
    if summary.sure.gaps:
        sure = pack.deliberation.sure
        blocks.append(
            _block("bullets", *(f"{gap.text} {sure.no_label}. {gap.next_step}" for gap in summary.sure.gaps))
        )
    elif summary.sure.complete:
        blocks.append(_block("text", pack.deliberation.sure.all_yes))
    return blocks


def _questions(summary: Summary) -> list[Block]:
    if not summary.questions:
        return []
    own = (Text(q, mine=True) for q in summary.own_questions)
    return [_block("bullets", *(Text(p.text) for p in summary.asked_prompts), *own)]

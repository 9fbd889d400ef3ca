"""The take-away as an ordered list of blocks, shared by every document format.

Crisis lines come first when triggered and the professional-care advice comes last. Between
them, what a visit needs first (the points to discuss and the person's questions), then what
they weighed, then their answers. Each section has its own function, which reads the
Summary's parts, never topic positions. Each piece of text says whether the aid wrote it
(trusted Markdown) or the person typed it (shown exactly as typed, never interpreted).
"""

from __future__ import annotations

import datetime
import urllib.parse
from dataclasses import dataclass
from typing import Literal

from decision_aid.schema import CrisisRegion, Pack, Reference, TopicCategory
from decision_aid.summary import Summary
from decision_aid.tailoring import ShownTopic, answer_labels, labels_text, with_answers

# "pairs" is a list of short "label: value" items that a page may lay out in columns; a
# "field" is one short section on one line: its title (shown bold) and its text.
BlockKind = Literal["title", "heading", "text", "bullets", "pairs", "field", "note"]


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


def summary_document(pack: Pack, summary: Summary, *, crisis: bool = True) -> list[Block]:
    """The whole take-away: each section from its own function, so a screen can show one.
    ``crisis=False`` leaves out the crisis part, for a screen that shows it as its panel."""
    return [
        *header_blocks(pack, summary),
        *(crisis_blocks(pack, summary) if crisis else []),
        *_after_crisis(pack, summary),
    ]


def paper_pages(pack: Pack, summary: Summary) -> list[list[Block]]:
    """The take-away as paper: parts that each start on a new page. When the crisis part
    shows, it is a page of its own first, titled as the help it is, to keep by the phone.
    The summary after it starts again with its title and says first, in bold, where the help
    is: that page may be handed to a clinician alone, and it fits one page as every other
    case's does (issue 15 item 7; the crisis part before it had pushed Dana's answers and care
    advice onto a second page)."""
    header = header_blocks(pack, summary)
    if summary.crisis is None:
        return [[*header, *_after_crisis(pack, summary)]]
    words = pack.summary_text
    title, made_on, audience = header
    crisis = crisis_blocks(pack, summary)[1:]  # its heading is the page's title
    fictional = [audience] if summary.fictional is not None else []  # a case says so on every page
    pointer = _block("text", f"**{words.crisis_title}: {words.crisis_on_first_page}**")
    return [
        [_block("title", words.crisis_title), made_on, *fictional, *crisis],
        [title, made_on, audience, pointer, *_after_crisis(pack, summary)],
    ]


def _after_crisis(pack: Pack, summary: Summary) -> list[Block]:
    return [
        *considerations_blocks(pack, summary),
        *questions_blocks(pack, summary),
        *preparation_blocks(pack, summary),
        *answers_blocks(pack, summary),
        *care_blocks(pack, summary),
        *help_still_blocks(pack, summary),
        _block("note", pack.info.disclaimer),
    ]


def header_blocks(pack: Pack, summary: Summary) -> list[Block]:
    words = pack.summary_text
    made_on = words.made_on.format(
        date=pack.ui.date(summary.created),
        version=summary.content_version,
        reviewed=pack.ui.date(datetime.date.fromisoformat(summary.last_reviewed)),
    )
    # A fictional case's paper says so where a real one speaks to the clinician: in the same
    # line, so a case's page is as long as a person's.
    audience = (
        words.for_clinician
        if summary.fictional is None
        else f"**{pack.ui.fictional_case.format(name=summary.fictional)}**"
    )
    return [_block("title", words.title), _block("note", made_on), _block("note", audience)]


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
        _block("bullets", *crisis_line_items(pack, summary.place)),
        _block("note", crisis_sources(pack)),
    ]


def crisis_sources(pack: Pack) -> str:
    """Where every place's numbers come from, each source once, and the date of the oldest
    check: on screen they are a click away in the panel; a page kept for months had neither."""
    used = [
        pack.references[ref] for ref in dict.fromkeys(r for g in pack.crisis.regions for r in g.references)
    ]
    sources = "; ".join(_source_name(ref) for ref in used)
    checked = pack.ui.date(min(ref.checked for ref in used))
    return pack.summary_text.crisis_sources.format(checked=checked, sources=sources)


def _source_name(reference: Reference) -> str:
    """A short name to find the source by: its web address's host, else its citation's
    first sentence (who published it)."""
    host = urllib.parse.urlsplit(reference.url).hostname if reference.url else None
    return host.removeprefix("www.") if host else reference.citation.split(". ")[0]


def crisis_line_items(pack: Pack, first: str | None = None) -> list[str]:
    """Every place's emergency number and lines: the person's place first, as on the screen."""
    regions = sorted(pack.crisis.regions, key=lambda region: region.id != first)  # a stable sort
    return [region_line(pack, region) for region in regions]


def region_line(pack: Pack, region: CrisisRegion, strong: str = "**") -> str:
    """A place's emergency number and lines on one line; the place and each number in bold
    (``strong``, Markdown's by default): easy to find on paper."""
    lines = "; ".join(f"{line.name}: {strong}{line.contact}{strong}" for line in region.lines)
    emergency = f"{strong}{region.name}{strong}: {pack.ui.emergency_label} {strong}{region.emergency}{strong}"
    return emergency + (f"; {lines}" if lines else "")


def answers_blocks(pack: Pack, summary: Summary) -> list[Block]:
    """What the person told the aid, and what they skipped: last, for reference."""
    words = pack.summary_text
    blocks = [_block("heading", words.told_us_title)]
    blocks.append(
        _block("pairs", *(f"{a.short}: {labels_text(a.labels)}" for a in summary.answered))
        if summary.answered
        else _block("text", words.told_none)
    )
    if summary.skipped:
        skipped = "; ".join(s.short for s in summary.skipped)
        blocks.append(_block("text", f"{words.skipped} {skipped}."))
    return blocks


def considerations_blocks(pack: Pack, summary: Summary) -> list[Block]:
    """Each note the person's answers brought up: its title and the answers that did, in the
    person's own voice (the note itself stays in the app)."""
    words = pack.summary_text
    if not summary.considerations:
        none = words.no_considerations if summary.crisis is None else words.no_considerations_crisis
        return [_block("heading", words.considerations_title), _block("text", none)]
    items = [
        _labelled(
            pack,
            shown,
            with_answers(shown.topic.title, answer_labels(pack, shown), words.discuss_item),
        )
        for shown in summary.considerations
    ]
    return [_block("heading", words.considerations_title), _block("bullets", *items)]


# What the label says of a note is said beside it, in the words "What applies to you" heads
# it with: on paper an aneurysm (the label says it must not be used) read like any other
# point (UX review 1, item 8). The treatment so far and practical matters are not risks.
_LABELLED: tuple[TopicCategory, ...] = ("contraindication", "warning", "caution")


def _labelled(pack: Pack, shown: ShownTopic, item: str) -> str:
    category = shown.topic.category
    if category not in _LABELLED:
        return item
    return f"**{getattr(pack.ui, f'category_{category}')}** – {item}"


def questions_blocks(pack: Pack, summary: Summary) -> list[Block]:
    """The questions to bring, the aid's then the person's own; nothing when there are none
    (the preparation section names it as not filled in)."""
    if not summary.questions:
        return []
    own = (Text(q, mine=True) for q in summary.own_questions)
    added = summary.added_by_aid
    asked = (
        Text(f"{p.text} {pack.summary_text.added_by_aid}" if p == added else p.text)
        for p in summary.asked_prompts
    )
    return [_block("heading", pack.summary_text.questions_title), _block("bullets", *asked, *own)]


def preparation_blocks(pack: Pack, summary: Summary) -> list[Block]:
    """What matters, leaning and SURE. Sections left empty (questions too) are named together
    on one line, so a clinician sees at a glance what was not filled in, and the page stays
    short."""
    words = pack.summary_text
    values = _values(pack, summary)
    blocks: list[Block] = [_block("heading", words.values_title), *values] if values else []
    if summary.leaning:
        blocks.append(_block("field", words.leaning_title, summary.leaning.label))
    blocks += _sure(pack, summary)
    filled = {
        words.values_title: values,
        words.leaning_title: summary.leaning,
        words.sure_title: summary.sure,
    }
    empty = [title for title, content in filled.items() if not content]
    if not summary.questions:
        empty.append(words.questions_title)
    if empty:
        blocks.append(_block("text", f"{words.not_filled} {'; '.join(empty)}."))
    return blocks


def care_blocks(pack: Pack, summary: Summary) -> list[Block]:
    """The professional-care advice that always ends the take-away."""
    care = summary.care.topic
    return [_block("heading", f"{pack.summary_text.care_title}: {care.title}"), _block("text", care.body)]


def help_still_blocks(pack: Pack, summary: Summary) -> list[Block]:
    """The crisis lines of the person's place, after the care advice, when the aid showed its
    crisis resources for an answer or words since changed: a person may take such an answer
    back out of fear or shame, and their paper then had no number (a review)."""
    if summary.crisis is not None or not summary.crisis_earlier:
        return []
    lines = crisis_line_items(pack, summary.place)
    return [
        _block("text", pack.summary_text.help_still_here),
        _block("bullets", *(lines[:1] if summary.place else lines)),
    ]


def _values(pack: Pack, summary: Summary) -> list[Block]:
    """One line per rating, the most important first, each naming the values rated so: what
    matters most is read first, and each rating is written once, not after every value. The
    rating is said of the person, so that "not important" before "Avoiding needles" does not
    read as a double negative."""
    words = pack.summary_text
    blocks = []
    for rating in reversed(pack.deliberation.values.scale):  # the scale runs up from "not important"
        rated = [v for v in summary.values if v.rating == rating.value]
        if rated:
            said = words.value_rating.format(rating=rating.label)  # "Not important to me: Avoiding needles"
            blocks.append(_block("field", said, "; ".join(v.label for v in rated)))
    if summary.own_value:
        blocks.append(_block("text", Text(words.own_value), Text(summary.own_value, mine=True)))
    return blocks


def _sure(pack: Pack, summary: Summary) -> list[Block]:
    """The score, and the questions answered no (their next steps stay in the app)."""
    if summary.sure is None:
        return []
    words = pack.summary_text
    sure = summary.sure
    said = [
        words.sure_score.format(yes=sure.yes)
        if sure.answered == sure.total
        else words.sure_partial.format(yes=sure.yes, answered=sure.answered)
    ]
    if sure.gaps:
        said.append(words.sure_no.format(questions=" ".join(gap.text for gap in sure.gaps)))
    return [_block("field", words.sure_title, " ".join(said))]  # one line: sentences need a space

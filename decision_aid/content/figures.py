"""Checks on figures: each cites a known source, and text that uses one cites it too."""

from __future__ import annotations

from dataclasses import dataclass

from decision_aid.content.problems import Code, Problem
from decision_aid.numbers import PLACEHOLDER, used_ids
from decision_aid.schema import Comparison, Fact, Pack, Table, TopicKind


@dataclass(frozen=True)
class FigureCount:
    figures: int  # {{placeholders}}: each is a figure a person reads
    icon_arrays: int


def check_figures(templates: Pack) -> list[Problem]:
    """Run on the pack as written, where figures are still ``{{placeholders}}``."""
    numbers = templates.numbers
    problems: list[Problem] = []
    figures: list[tuple[str, Comparison | Fact]] = [*numbers.comparisons.items(), *numbers.facts.items()]
    for number_id, item in figures:
        if item.source not in templates.references:
            message = f"unknown reference {item.source!r}"
            problems.append(Problem(Code.UNKNOWN_REFERENCE, "numbers.yaml", number_id, "source", message))
    for file, entry, text, references in _cited_texts(templates):
        for number_id in sorted(used_ids(text)):
            used: Comparison | Fact | None = numbers.comparisons.get(number_id) or numbers.facts.get(
                number_id
            )
            if used is not None and used.source not in references:
                message = f"uses {number_id!r} but does not cite its source {used.source!r}"
                problems.append(Problem(Code.FIGURE_NOT_CITED, file, entry, "references", message))
    for topic in templates.topics:
        for comparison_id in topic.icon_arrays:
            comparison = numbers.comparisons.get(comparison_id)
            if comparison is None:
                message = f"{comparison_id!r} is not a comparison in numbers.yaml"
            elif len(comparison.groups) < 2:
                message = f"{comparison_id!r} needs two groups to compare"
            else:
                continue
            problems.append(Problem(Code.ICON_ARRAY, topic.source_file, topic.id, "icon_arrays", message))
    return problems


def _cited_texts(pack: Pack) -> list[tuple[str, str, str, tuple[str, ...]]]:
    """(file, entry, text, references) for every entry that carries its own references."""
    cited = [
        (t.source_file, t.id, f"{t.title}\n{t.body}", t.references)
        for t in (*pack.topics, *pack.clinician_topics)
    ]
    for file, table in (("routes.yaml", pack.routes), ("options.yaml", pack.options)):
        cited += [
            (file, row.id, "\n".join([row.label, *row.cells.values()]), row.references) for row in table.rows
        ]
    cited += [
        ("deliberation.yaml", i.id, f"{i.statement}\n{i.explanation}", i.references)
        for i in pack.deliberation.knowledge.items
    ]
    return cited


def count_figures(templates: Pack, kind: TopicKind) -> FigureCount:
    """How many figures (placeholders in the bodies and the tables under them) and icon arrays
    the topics of one kind carry: a reviewer's check that benefits and harms are told alike.

    Run on the pack as written, where figures are still ``{{placeholders}}``.
    """
    topics = [t for t in templates.topics if t.kind == kind]
    tables = {"routes": templates.routes, "options": templates.options}
    texts = [t.body for t in topics] + [
        text for t in topics if t.table is not None for text in _table_texts(tables[t.table])
    ]
    return FigureCount(
        figures=sum(len(PLACEHOLDER.findall(text)) for text in texts),
        icon_arrays=sum(len(t.icon_arrays) for t in topics),
    )


def _table_texts(table: Table) -> list[str]:
    return [
        table.title,
        table.caption,
        *(column.label for column in table.columns),
        *(text for row in table.rows for text in (row.label, *row.cells.values())),
    ]

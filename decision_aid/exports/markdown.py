"""The summary as Markdown, for people who want a plain text copy."""

from __future__ import annotations

import re

from decision_aid.schema import Pack
from decision_aid.summary import Summary

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~])")


def escape(text: str) -> str:
    """Text shown as itself: no Markdown or HTML in it takes effect."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def crisis_lines_markdown(pack: Pack) -> str:
    lines = []
    for region in pack.crisis.regions:
        entries = "; ".join(f"{line.name}: {line.contact}" for line in region.lines)
        contact = f"emergency {region.emergency}" + (f"; {entries}" if entries else "")
        lines.append(f"- **{region.name}**: {contact}")
    return "\n".join(lines)


def render_markdown(pack: Pack, summary: Summary) -> str:
    info = pack.info
    out = ["# Ketamine and esketamine for depression: my summary", ""]
    out += [f"Content version {info.version}, last reviewed {summary.last_reviewed}.", ""]
    for shown in summary.topics:
        topic = shown.topic
        if topic.kind == "crisis":
            out += [f"## {topic.title}", "", topic.body, "", crisis_lines_markdown(pack), ""]
            break
    out += ["## What you told us", ""]
    if summary.answered:
        out += [f"- {escape(a.question)} **{escape(', '.join(a.labels))}**" for a in summary.answered]
    else:
        out.append("- You did not answer any questions.")
    if summary.unanswered:
        skipped = pack.questionnaire.by_id
        out += ["", "Questions you skipped:", ""]
        out += [f"- {escape(skipped[q].text)}" for q in summary.unanswered]
    out.append("")
    for shown in summary.topics:
        topic = shown.topic
        if topic.kind == "crisis":
            continue
        out += [f"## {topic.title}", ""]
        for reason in shown.reasons:
            out += [f"*Shown because: {escape(reason.text)}*", ""]
        out += [topic.body, ""]
        refs = ", ".join(pack.references[r].citation for r in topic.references)
        out += [f"Sources: {refs}", ""]
    out += ["---", "", info.disclaimer, ""]
    return "\n".join(out)

"""Checks that only show when the pack's files are read together: ids named across files."""

from __future__ import annotations

from decision_aid.answers import AnswersError, parse_answers
from decision_aid.content.problems import Code, Problem
from decision_aid.content.questions import check_condition
from decision_aid.fields import OWN_WORDS
from decision_aid.safety import CRISIS_TOPIC, SAFETY_PROMPT
from decision_aid.schema import Pack, Table, Topic


def check_topics(pack: Pack) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[str] = set()
    for topic in pack.clinician_topics:
        problems += missing_references(pack, topic.source_file, topic.id, topic.references)
        problems += _check_category(topic)
    for topic in pack.topics:
        file = topic.source_file
        problems += _check_category(topic)
        if topic.id in seen:
            problems.append(Problem(Code.DUPLICATE_ID, file, topic.id, "id", "duplicate topic id"))
        seen.add(topic.id)
        problems += missing_references(pack, file, topic.id, topic.references)
        if topic.show_when is not None:
            problems += check_condition(
                topic.show_when, pack.questionnaire, file, topic.id, "show_when", need_said=True
            )
    return problems + _check_frame_topics(pack)


def _check_category(topic: Topic) -> list[Problem]:
    """Considerations are grouped by where they come from (see ``TopicCategory``); no other
    kind of topic is, so a category elsewhere is a mistake, not a harmless extra."""
    if topic.kind == "consideration" and topic.category is None:
        message = "a consideration needs a category: contraindication, warning, caution, history or practical"
        return [Problem(Code.NEEDS_CATEGORY, topic.source_file, topic.id, "category", message)]
    if topic.kind != "consideration" and topic.category is not None:
        message = f"only considerations have a category, and this topic's kind is {topic.kind!r}"
        return [Problem(Code.CATEGORY_NOT_ALLOWED, topic.source_file, topic.id, "category", message)]
    return []


def _check_frame_topics(pack: Pack) -> list[Problem]:
    """decision_aid.safety puts the crisis topic first and the care topic last, by these rules."""
    problems: list[Problem] = []
    for kind, topic_id in (("next_step", None), ("crisis", CRISIS_TOPIC)):
        found = [t for t in pack.topics if t.kind == kind]
        if len(found) != 1:
            problems.append(
                Problem(
                    Code.FRAME_TOPIC,
                    "topics/",
                    "",
                    "kind",
                    f"need exactly one {kind!r} topic, found {len(found)}",
                )
            )
        elif found[0].show_when is not None:
            message = f"the {kind!r} topic is shown by the safety rules, not a condition"
            problems.append(
                Problem(Code.FRAME_TOPIC, found[0].source_file, found[0].id, "show_when", message)
            )
        elif topic_id and found[0].id != topic_id:
            problems.append(
                Problem(Code.FRAME_TOPIC, found[0].source_file, found[0].id, "id", f"must be {topic_id!r}")
            )
    return problems


def check_tables(pack: Pack) -> list[Problem]:
    problems: list[Problem] = []
    for file, table in (("routes.yaml", pack.routes), ("options.yaml", pack.options)):
        problems += _check_table(pack, file, table)
    for region in pack.crisis.regions:
        problems += missing_references(pack, "crisis.yaml", region.id, region.references)
    return problems


def _check_table(pack: Pack, file: str, table: Table) -> list[Problem]:
    problems: list[Problem] = []
    columns = [c.id for c in table.columns]
    for row in table.rows:
        problems += missing_references(pack, file, row.id, row.references)
        for column in columns:
            if not row.cells.get(column, "").strip():
                problems.append(Problem(Code.EMPTY_CELL, file, row.id, f"cells > {column}", "empty cell"))
        for extra in sorted(set(row.cells) - set(columns)):
            problems.append(Problem(Code.NOT_A_COLUMN, file, row.id, f"cells > {extra}", "not a column"))
    return problems


def check_deliberation(pack: Pack) -> list[Problem]:
    file = "deliberation.yaml"
    content = pack.deliberation
    problems: list[Problem] = []
    rows = {row.id for row in pack.options.rows}
    for value in content.values.items:
        if value.option_row not in rows:
            message = f"{value.option_row!r} is not a row of options.yaml"
            problems.append(Problem(Code.UNKNOWN_ROW, file, value.id, "option_row", message))
    for knowledge in content.knowledge.items:
        problems += missing_references(pack, file, knowledge.id, knowledge.references)
    problems += missing_references(pack, file, "sure", content.sure.references)
    for prompt in content.questions.items:
        if prompt.show_when is not None:
            problems += check_condition(prompt.show_when, pack.questionnaire, file, prompt.id, "show_when")
    if SAFETY_PROMPT not in {prompt.id for prompt in content.questions.items}:
        message = "the safety question to ask is missing: the summary keeps it whenever the crisis lines show"
        problems.append(Problem(Code.SAFETY_PROMPT, file, SAFETY_PROMPT, "", message))
    for group, ids in (
        ("values", [i.id for i in content.values.items]),
        ("knowledge", [i.id for i in content.knowledge.items]),
        ("sure", [i.id for i in content.sure.items]),
        ("questions", [i.id for i in content.questions.items]),
    ):
        for duplicate in sorted({i for i in ids if ids.count(i) > 1}):
            problems.append(Problem(Code.DUPLICATE_ID, file, duplicate, "id", f"duplicate id in {group}"))
        if OWN_WORDS in ids:
            message = (
                f"{OWN_WORDS!r} names the person's own words in {group} (FHIR linkId {group}.{OWN_WORDS})"
            )
            problems.append(Problem(Code.RESERVED_ID, file, OWN_WORDS, "id", message))
    return problems


def check_personas(pack: Pack) -> list[Problem]:
    file = "personas.yaml"
    problems: list[Problem] = []
    considerations = {t.id for t in pack.topics if t.kind == "consideration"}
    ids = [p.id for p in pack.personas.personas]
    for persona in pack.personas.personas:
        if ids.count(persona.id) > 1:
            problems.append(Problem(Code.DUPLICATE_ID, file, persona.id, "id", "duplicate persona id"))
        try:
            parse_answers(pack.questionnaire, persona.answers)
        except AnswersError as error:
            problems.append(Problem(Code.PERSONA_ANSWERS, file, persona.id, "answers", str(error)))
        for topic_id in persona.shows:
            if topic_id not in considerations:
                message = f"{topic_id!r} is not a consideration topic"
                problems.append(Problem(Code.PERSONA_SHOWS, file, persona.id, "shows", message))
    return problems


def missing_references(pack: Pack, file: str, entry: str, ids: tuple[str, ...]) -> list[Problem]:
    return [
        Problem(Code.UNKNOWN_REFERENCE, file, entry, "references", f"unknown reference {ref!r}")
        for ref in ids
        if ref not in pack.references
    ]

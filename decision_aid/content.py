"""Load a content pack from ``content/<locale>/`` and cross-check it.

Every problem names the file, the entry and the field, so an author can fix it without
reading code. ``load_pack`` is cached: the pack is read once per process.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from decision_aid.answers import AnswersError, parse_answers
from decision_aid.conditions import ORDINAL_OPERATORS, Condition, clauses
from decision_aid.numbers import bare_digits, render_data, used_ids
from decision_aid.schema import (
    Crisis,
    DeliberationContent,
    Numbers,
    Pack,
    PackInfo,
    Personas,
    Questionnaire,
    Reference,
    Style,
    SummaryText,
    Table,
    Topic,
    UiText,
)

CONTENT_ROOT = Path(__file__).resolve().parent.parent / "content"
FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n(.*)\Z", re.DOTALL)


@dataclass(frozen=True)
class Problem:
    file: str
    entry: str
    field: str
    message: str

    def __str__(self) -> str:
        where = " > ".join(part for part in (self.entry, self.field) if part)
        return f"{self.file}: {where}: {self.message}" if where else f"{self.file}: {self.message}"


class PackError(Exception):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@functools.lru_cache(maxsize=8)
def load_pack(locale: str = "en", root: Path | None = None) -> Pack:
    """The validated pack for a locale, read once per process."""
    pack, problems = read_pack(locale, root)
    if problems or pack is None:
        raise PackError(problems)
    return pack


def read_pack(locale: str = "en", root: Path | None = None) -> tuple[Pack | None, list[Problem]]:
    """Read and check a pack; return it (when it could be built) and every problem found."""
    folder = (root or CONTENT_ROOT) / locale
    problems: list[Problem] = []
    if not folder.is_dir():
        return None, [Problem(str(folder), "", "", "no content pack for this locale")]

    numbers = _build_file(folder, "numbers.yaml", Numbers, problems)
    templates: dict[str, Any] = {}
    rendered: dict[str, Any] = {}
    for field, name, cls in (
        ("info", "pack.yaml", PackInfo),
        ("questionnaire", "questionnaire.yaml", Questionnaire),
        ("routes", "routes.yaml", Table),
        ("options", "options.yaml", Table),
        ("deliberation", "deliberation.yaml", DeliberationContent),
        ("personas", "personas.yaml", Personas),
        ("crisis", "crisis.yaml", Crisis),
        ("style", "style.yaml", Style),
        ("ui", "ui.yaml", UiText),
        ("summary_text", "summary.yaml", SummaryText),
    ):
        data = _read_yaml(folder / name, problems)
        templates[field], rendered[field] = _template_and_rendered(cls, data, name, numbers, problems)
    welcome = _read_text(folder / "welcome.md", problems)
    about = _read_text(folder / "about.md", problems)
    references = _read_references(folder, problems)
    topic_data = _read_topics(folder, problems)
    for field, data in (
        ("topics", topic_data),
        ("clinician_topics", _read_topics(folder, problems, "clinician")),
    ):
        pairs = [_template_and_rendered(Topic, d, d["source_file"], numbers, problems) for d in data]
        templates[field] = tuple(template for template, _ in pairs if template is not None)
        rendered[field] = tuple(shown for _, shown in pairs if shown is not None) if numbers else None

    shared = {"references": references, "numbers": numbers, "welcome": welcome, "about": about}
    if any(v is None for v in (*templates.values(), *rendered.values(), *shared.values())):
        return None, problems
    pack = Pack(**rendered, **shared)
    problems.extend(cross_check(pack))
    problems.extend(_check_numbers(Pack(**templates, **shared)))
    return pack, problems


def _build_file(folder: Path, name: str, cls: type, problems: list[Problem]) -> Any:
    data = _read_yaml(folder / name, problems)
    return None if data is None else _build(cls, data, name, "", problems)


def _template_and_rendered(
    cls: type, data: Any, file: str, numbers: Numbers | None, problems: list[Problem]
) -> tuple[Any, Any]:
    """The model as written (to check) and with figures filled in (to show)."""
    if data is None:
        return None, None
    entry = str(data.get("id", "")) if isinstance(data, dict) else ""
    template = _build(cls, data, file, entry, problems)
    if template is None or numbers is None:
        return template, None
    return template, _build_rendered(cls, data, file, numbers, problems)


def _build_rendered(cls: type, data: Any, file: str, numbers: Numbers | None, problems: list[Problem]) -> Any:
    if numbers is None:
        return None
    filled, unknown = render_data(data, numbers)
    entry = data.get("id", "") if isinstance(data, dict) else ""
    for placeholder in unknown:
        problems.append(Problem(file, str(entry), "text", f"{placeholder} names no figure in numbers.yaml"))
    return _build(cls, filled, file, str(entry), problems)


def cross_check(pack: Pack) -> list[Problem]:
    """Problems that only show when the pack's files are read together."""
    problems: list[Problem] = []
    problems += _check_questionnaire(pack.questionnaire)
    problems += _check_topics(pack)
    problems += _check_table_references(pack, "routes.yaml", pack.routes)
    for region in pack.crisis.regions:
        problems += _missing_references(pack, "crisis.yaml", region.id, region.references)
    problems += _check_table_references(pack, "options.yaml", pack.options)
    problems += _check_deliberation(pack)
    problems += _check_personas(pack)
    problems += _check_forbidden_phrases(pack)
    return problems


def _check_personas(pack: Pack) -> list[Problem]:
    file = "personas.yaml"
    problems: list[Problem] = []
    considerations = {t.id for t in pack.topics if t.kind == "consideration"}
    ids = [p.id for p in pack.personas.personas]
    for persona in pack.personas.personas:
        if ids.count(persona.id) > 1:
            problems.append(Problem(file, persona.id, "id", "duplicate persona id"))
        try:
            parse_answers(pack.questionnaire, persona.answers)
        except AnswersError as error:
            problems.append(Problem(file, persona.id, "answers", str(error)))
        for topic_id in persona.shows:
            if topic_id not in considerations:
                problems.append(
                    Problem(file, persona.id, "shows", f"{topic_id!r} is not a consideration topic")
                )
    return problems


def _check_deliberation(pack: Pack) -> list[Problem]:
    file = "deliberation.yaml"
    content = pack.deliberation
    problems: list[Problem] = []
    rows = {row.id for row in pack.options.rows}
    for item in content.values.items:
        if item.option_row not in rows:
            problems.append(
                Problem(file, item.id, "option_row", f"{item.option_row!r} is not a row of options.yaml")
            )
    for item in content.knowledge.items:
        problems += _missing_references(pack, file, item.id, item.references)
    problems += _missing_references(pack, file, "sure", content.sure.references)
    for prompt in content.questions.items:
        if prompt.show_when is not None:
            problems += _check_condition(prompt.show_when, pack.questionnaire, file, prompt.id, "show_when")
    for group, ids in (
        ("values", [i.id for i in content.values.items]),
        ("knowledge", [i.id for i in content.knowledge.items]),
        ("sure", [i.id for i in content.sure.items]),
        ("questions", [i.id for i in content.questions.items]),
    ):
        for duplicate in {i for i in ids if ids.count(i) > 1}:
            problems.append(Problem(file, duplicate, "id", f"duplicate id in {group}"))
    return problems


def _check_numbers(templates: Pack) -> list[Problem]:
    """Every figure in patient text comes from numbers.yaml, which cites its sources."""
    numbers = templates.numbers
    problems: list[Problem] = []
    for number_id, item in [*numbers.comparisons.items(), *numbers.facts.items()]:
        if item.source not in templates.references:
            problems.append(
                Problem("numbers.yaml", number_id, "source", f"unknown reference {item.source!r}")
            )
    for file, entry, text in numeric_texts(templates):
        for digits in bare_digits(text):
            problems.append(
                Problem(
                    file,
                    entry,
                    "text",
                    f"the figure {digits!r} must come from numbers.yaml as a {{{{placeholder}}}}",
                )
            )
    cited_texts = [
        (t.source_file, t.id, f"{t.title}\n{t.body}", t.references)
        for t in (*templates.topics, *templates.clinician_topics)
    ]
    for file, table in (("routes.yaml", templates.routes), ("options.yaml", templates.options)):
        cited_texts += [
            (file, row.id, "\n".join([row.label, *row.cells.values()]), row.references) for row in table.rows
        ]
    cited_texts += [
        ("deliberation.yaml", i.id, f"{i.statement}\n{i.explanation}", i.references)
        for i in templates.deliberation.knowledge.items
    ]
    for file, entry, text, references in cited_texts:
        for number_id in sorted(used_ids(text)):
            item = numbers.comparisons.get(number_id) or numbers.facts.get(number_id)
            if item is not None and item.source not in references:
                problems.append(
                    Problem(
                        file,
                        entry,
                        "references",
                        f"uses {number_id!r} but does not cite its source {item.source!r}",
                    )
                )
    for topic in templates.topics:
        for comparison_id in topic.icon_arrays:
            comparison = numbers.comparisons.get(comparison_id)
            if comparison is None:
                problems.append(
                    Problem(
                        topic.source_file,
                        topic.id,
                        "icon_arrays",
                        f"{comparison_id!r} is not a comparison in numbers.yaml",
                    )
                )
            elif len(comparison.groups) < 2:
                problems.append(
                    Problem(
                        topic.source_file,
                        topic.id,
                        "icon_arrays",
                        f"{comparison_id!r} needs two groups to compare",
                    )
                )
    return problems


def numeric_texts(pack: Pack) -> list[tuple[str, str, str]]:
    """Patient text whose figures must come from numbers.yaml.

    Question wording and choice labels are left out: they are the questionnaire's
    contract (for example "Over the last 2 weeks" from the PHQ-9), not clinical claims.
    """
    texts: list[tuple[str, str, str]] = []
    for section in pack.questionnaire.sections:
        texts.append(("questionnaire.yaml", section.id, section.intro))
        texts += [("questionnaire.yaml", q.id, q.help) for q in section.questions]
    for topic in (*pack.topics, *pack.clinician_topics):
        texts.append((topic.source_file, topic.id, f"{topic.title}\n{topic.body}"))
    for file, table in (("routes.yaml", pack.routes), ("options.yaml", pack.options)):
        texts.append((file, "", "\n".join([table.title, table.caption, *(c.label for c in table.columns)])))
        texts += [(file, row.id, "\n".join([row.label, *row.cells.values()])) for row in table.rows]
    texts.append(("crisis.yaml", "intro", pack.crisis.intro))
    texts += _deliberation_texts(pack)
    texts.append(("welcome.md", "", pack.welcome))
    texts.append(("about.md", "", pack.about))
    return texts


def _deliberation_texts(pack: Pack) -> list[tuple[str, str, str]]:
    content = pack.deliberation
    file = "deliberation.yaml"
    texts = [
        (
            file,
            "values",
            "\n".join(
                [
                    content.values.title,
                    content.values.intro,
                    content.values.own_label,
                    *(i.label for i in content.values.items),
                ]
            ),
        ),
        (
            file,
            "leaning",
            "\n".join(
                [content.leaning.question, content.leaning.help, *(c.label for c in content.leaning.choices)]
            ),
        ),
        (
            file,
            "sure",
            "\n".join(
                [
                    content.sure.intro,
                    content.sure.all_yes,
                    *(f"{i.text}\n{i.next_step}" for i in content.sure.items),
                ]
            ),
        ),
        (file, "questions", "\n".join([content.questions.intro, *(p.text for p in content.questions.items)])),
    ]
    texts += [(file, i.id, f"{i.statement}\n{i.explanation}") for i in content.knowledge.items]
    return texts


def _check_questionnaire(questionnaire: Questionnaire) -> list[Problem]:
    file = "questionnaire.yaml"
    problems: list[Problem] = []
    seen: dict[str, object] = {}
    for section in questionnaire.sections:
        for question in section.questions:
            if question.id in seen:
                problems.append(Problem(file, question.id, "id", "duplicate question id"))
            values = question.values
            if len(set(values)) != len(values):
                problems.append(Problem(file, question.id, "choices", "duplicate choice value"))
            for value in question.exclusive:
                if value not in values:
                    problems.append(Problem(file, question.id, "exclusive", f"{value!r} is not a choice"))
            if question.show_when is not None:
                problems += _check_condition(
                    question.show_when, questionnaire, file, question.id, "show_when", earlier=seen
                )
            seen[question.id] = question
    return problems


def _check_condition(
    condition: Condition,
    questionnaire: Questionnaire,
    file: str,
    entry: str,
    field: str,
    earlier: dict[str, object] | None = None,
    need_said: bool = False,
) -> list[Problem]:
    """A condition may name only known (and, for questions, earlier) questions and values."""
    problems: list[Problem] = []
    for clause in clauses(condition):
        where = f"{field} > {clause.question}"
        question = questionnaire.by_id.get(clause.question)
        if question is None:
            problems.append(Problem(file, entry, where, "names an unknown question"))
            continue
        if earlier is not None and clause.question not in earlier:
            problems.append(Problem(file, entry, where, "names a question that is not asked earlier"))
        if clause.operator == "exists":
            if not isinstance(clause.answer, bool):
                problems.append(Problem(file, entry, where, "'exists' takes true or false"))
            continue
        wanted = clause.answer if isinstance(clause.answer, tuple) else (clause.answer,)
        for value in wanted:
            if not isinstance(value, str) or value not in question.values:
                allowed = ", ".join(question.values)
                problems.append(Problem(file, entry, where, f"{value!r} is not one of: {allowed}"))
            elif need_said and question.choice(value).said is None:
                problems.append(
                    Problem(
                        "questionnaire.yaml",
                        clause.question,
                        f"choices > {value} > said",
                        f"needed to explain why topic {entry!r} is shown",
                    )
                )
        if clause.operator in ORDINAL_OPERATORS and not question.ordered:
            problems.append(Problem(file, entry, where, f"{clause.operator!r} needs an ordered question"))
        if clause.operator in ("=", "!=") + tuple(ORDINAL_OPERATORS) and len(wanted) != 1:
            problems.append(Problem(file, entry, where, f"{clause.operator!r} takes one answer"))
    return problems


def _check_topics(pack: Pack) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[str] = set()
    for topic in pack.clinician_topics:
        problems += _missing_references(pack, topic.source_file, topic.id, topic.references)
    for topic in pack.topics:
        file = topic.source_file
        if topic.id in seen:
            problems.append(Problem(file, topic.id, "id", "duplicate topic id"))
        seen.add(topic.id)
        problems += _missing_references(pack, file, topic.id, topic.references)
        if topic.show_when is not None:
            problems += _check_condition(
                topic.show_when, pack.questionnaire, file, topic.id, "show_when", need_said=True
            )
    for kind, topic_id in (("next_step", None), ("crisis", "crisis")):
        found = [t for t in pack.topics if t.kind == kind]
        if len(found) != 1:
            problems.append(
                Problem("topics/", "", "kind", f"need exactly one {kind!r} topic, found {len(found)}")
            )
        elif found[0].show_when is not None:
            problems.append(
                Problem(
                    found[0].source_file,
                    found[0].id,
                    "show_when",
                    f"the {kind!r} topic is shown by the safety rules, not a condition",
                )
            )
        elif topic_id and found[0].id != topic_id:
            problems.append(Problem(found[0].source_file, found[0].id, "id", f"must be {topic_id!r}"))
    return problems


def _check_table_references(pack: Pack, file: str, table: Table) -> list[Problem]:
    problems: list[Problem] = []
    columns = [c.id for c in table.columns]
    for row in table.rows:
        problems += _missing_references(pack, file, row.id, row.references)
        for column in columns:
            if not row.cells.get(column, "").strip():
                problems.append(Problem(file, row.id, f"cells > {column}", "empty cell"))
        for extra in set(row.cells) - set(columns):
            problems.append(Problem(file, row.id, f"cells > {extra}", "not a column"))
    return problems


def _missing_references(pack: Pack, file: str, entry: str, ids: tuple[str, ...]) -> list[Problem]:
    return [
        Problem(file, entry, "references", f"unknown reference {ref!r}")
        for ref in ids
        if ref not in pack.references
    ]


def _check_forbidden_phrases(pack: Pack) -> list[Problem]:
    problems: list[Problem] = []
    for file, entry, text in patient_texts(pack):
        lowered = " ".join(text.lower().split())
        for phrase in pack.style.forbidden_phrases:
            if phrase.lower() in lowered:
                problems.append(Problem(file, entry, "text", f"uses the verdict phrase {phrase!r}"))
    return problems


def patient_texts(pack: Pack) -> list[tuple[str, str, str]]:
    """(file, entry, text) for everything a person reads."""
    texts: list[tuple[str, str, str]] = []
    for section in pack.questionnaire.sections:
        texts.append(("questionnaire.yaml", section.id, f"{section.title}\n{section.intro}"))
        for q in section.questions:
            choices = "\n".join(f"{c.label}\n{c.said or ''}" for c in q.choices)
            texts.append(("questionnaire.yaml", q.id, f"{q.text}\n{q.help}\n{choices}"))
    for topic in (*pack.topics, *pack.clinician_topics):
        texts.append((topic.source_file, topic.id, f"{topic.title}\n{topic.body}"))
    for file, table in (("routes.yaml", pack.routes), ("options.yaml", pack.options)):
        texts += [(file, row.id, "\n".join([row.label, *row.cells.values()])) for row in table.rows]
    texts.append(("crisis.yaml", "intro", pack.crisis.intro))
    texts += _deliberation_texts(pack)
    texts += [("personas.yaml", p.id, f"{p.title}\n{p.story}") for p in pack.personas.personas]
    texts.append(("pack.yaml", "disclaimer", pack.info.disclaimer))
    texts.append(("welcome.md", "", pack.welcome))
    texts.append(("about.md", "", pack.about))
    texts += [("ui.yaml", name, str(value)) for name, value in pack.ui.model_dump().items()]
    texts += [("summary.yaml", name, str(value)) for name, value in pack.summary_text.model_dump().items()]
    return texts


# libyaml's C parser when PyYAML was built with it: ten times faster on a cold start.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read_yaml(path: Path, problems: list[Problem]) -> Any:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_SAFE_LOADER)  # noqa: S506 - a safe loader
    except FileNotFoundError:
        problems.append(Problem(path.name, "", "", "file is missing"))
    except yaml.YAMLError as error:
        problems.append(Problem(path.name, "", "", f"not valid YAML: {error}"))
    return None


def _read_text(path: Path, problems: list[Problem]) -> str | None:
    try:
        text = path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        problems.append(Problem(path.name, "", "", "file is missing"))
        return None
    if not text:
        problems.append(Problem(path.name, "", "", "file is empty"))
        return None
    return text


def _build(cls: type, data: Any, file: str, entry: str, problems: list[Problem]) -> Any:
    try:
        return cls.model_validate(data)
    except ValidationError as error:
        problems.extend(_validation_problems(error, data, file, entry))
        return None


def _validation_problems(error: ValidationError, data: Any, file: str, entry: str) -> list[Problem]:
    problems = []
    for detail in error.errors():
        loc = [str(part) for part in detail["loc"]]
        problems.append(
            Problem(file, entry or _entry_for(data, detail["loc"]), " > ".join(loc), detail["msg"])
        )
    return problems


def _entry_for(data: Any, loc: tuple) -> str:
    """The innermost ``id`` along an error's location, to name the entry."""
    found = ""
    node = data
    for part in loc:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, dict) and isinstance(node.get("id"), str):
            found = node["id"]
    return found


def _read_references(folder: Path, problems: list[Problem]) -> dict[str, Reference] | None:
    data = _read_yaml(folder / "references.yaml", problems)
    if data is None:
        return None
    if not isinstance(data, dict):
        problems.append(Problem("references.yaml", "", "", "must map reference ids to entries"))
        return None
    references: dict[str, Reference] = {}
    for ref_id, entry in data.items():
        if not isinstance(entry, dict):
            problems.append(Problem("references.yaml", str(ref_id), "", "must be a mapping"))
            continue
        ref = _build(Reference, {"id": ref_id, **entry}, "references.yaml", str(ref_id), problems)
        if ref is not None:
            references[ref.id] = ref
    return references


def _read_topics(folder: Path, problems: list[Problem], subfolder: str = "topics") -> list[dict]:
    """Each topic file's front matter and body, as data to build models from."""
    topics = []
    for path in sorted((folder / subfolder).glob("*.md")):
        file = f"{subfolder}/{path.name}"
        match = FRONT_MATTER.match(path.read_text(encoding="utf-8"))
        if match is None:
            problems.append(Problem(file, "", "", "needs YAML front matter between '---' lines"))
            continue
        try:
            meta = yaml.load(match.group(1), Loader=_SAFE_LOADER)  # noqa: S506 - a safe loader
        except yaml.YAMLError as error:
            problems.append(Problem(file, "", "front matter", f"not valid YAML: {error}"))
            continue
        if not isinstance(meta, dict):
            problems.append(Problem(file, "", "front matter", "must be a mapping"))
            continue
        meta.setdefault("id", path.stem)
        topics.append({**meta, "body": match.group(2).strip(), "source_file": file})
    return topics

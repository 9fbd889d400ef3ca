"""Data to models: fill in figures from numbers.yaml and validate every file with pydantic.

Each file is built twice: as written (the templates, where the figure checks look for
digits and placeholders) and with its figures filled in (what a person reads).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ValidationError

from decision_aid.content.load import topic_files
from decision_aid.content.problems import Code, Problem
from decision_aid.numbers import render_data
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

# Pack field -> (file, model) for the files that hold one model each.
MODEL_FILES: dict[str, tuple[str, type[BaseModel]]] = {
    "info": ("pack.yaml", PackInfo),
    "questionnaire": ("questionnaire.yaml", Questionnaire),
    "routes": ("routes.yaml", Table),
    "options": ("options.yaml", Table),
    "deliberation": ("deliberation.yaml", DeliberationContent),
    "personas": ("personas.yaml", Personas),
    "crisis": ("crisis.yaml", Crisis),
    "style": ("style.yaml", Style),
    "ui": ("ui.yaml", UiText),
    "summary_text": ("summary.yaml", SummaryText),
}
TEXT_FIELDS = {"welcome": "welcome.md", "about": "about.md"}
TOPIC_FIELDS = {"topics": "topics", "clinician_topics": "clinician"}


def build_packs(files: dict[str, Any], problems: list[Problem]) -> tuple[Pack | None, Pack | None]:
    """(as written, as shown); both None when any file could not be built."""
    numbers_data = files.get("numbers.yaml")
    numbers = None if numbers_data is None else _build(Numbers, numbers_data, "numbers.yaml", "", problems)
    style = files.get("style.yaml")
    thousands = str(style.get("thousands_separator", ",")) if isinstance(style, dict) else ","
    templates: dict[str, Any] = {}
    rendered: dict[str, Any] = {}
    for field, (name, model) in MODEL_FILES.items():
        templates[field], rendered[field] = _both(model, files.get(name), name, numbers, problems, thousands)
    for field, subfolder in TOPIC_FIELDS.items():
        pairs = [
            _both(Topic, data, data["source_file"], numbers, problems, thousands)
            for data in topic_files(files, subfolder)
        ]
        templates[field] = tuple(template for template, _ in pairs if template is not None)
        rendered[field] = tuple(shown for _, shown in pairs if shown is not None) if numbers else None
    shared = {
        "references": _references(files.get("references.yaml"), problems),
        "numbers": numbers,
        **{field: files.get(name) for field, name in TEXT_FIELDS.items()},
    }
    if any(v is None for v in (*templates.values(), *rendered.values(), *shared.values())):
        return None, None
    return Pack.model_validate({**templates, **shared}), Pack.model_validate({**rendered, **shared})


def _both(
    model: type[BaseModel],
    data: Any,
    file: str,
    numbers: Numbers | None,
    problems: list[Problem],
    thousands: str = ",",
) -> tuple[Any, Any]:
    """The model as written (to check) and with figures filled in (to show)."""
    if data is None:
        return None, None
    entry = str(data.get("id", "")) if isinstance(data, dict) else ""
    template = _build(model, data, file, entry, problems)
    if template is None or numbers is None:
        return template, None
    filled, _ = render_data(data, numbers, thousands)  # unknown placeholders: see words.check_words
    return template, _build(model, filled, file, entry, problems)


def _references(data: Any, problems: list[Problem]) -> dict[str, Reference] | None:
    file = "references.yaml"
    if data is None:
        return None
    if not isinstance(data, dict):
        problems.append(Problem(Code.WRONG_SHAPE, file, "", "", "must map reference ids to entries"))
        return None
    references: dict[str, Reference] = {}
    for ref_id, entry in data.items():
        if not isinstance(entry, dict):
            problems.append(Problem(Code.WRONG_SHAPE, file, str(ref_id), "", "must be a mapping"))
            continue
        ref = _build(Reference, {"id": ref_id, **entry}, file, str(ref_id), problems)
        if ref is not None:
            references[ref.id] = ref
    return references


def _build(model: type[BaseModel], data: Any, file: str, entry: str, problems: list[Problem]) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as error:
        for detail in error.errors():
            loc = [str(part) for part in detail["loc"]]
            where = entry or _entry_for(data, detail["loc"])
            problems.append(Problem(Code.WRONG_SHAPE, file, where, " > ".join(loc), detail["msg"]))
        return None


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

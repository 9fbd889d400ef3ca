"""One walker over the schema: every string in a pack, with where it lives and who reads it.

The guards in ``decision_aid.content.words`` run over what this yields, so a field added to
the schema is checked as soon as it exists. Which checks a string gets comes from the
``Words`` marker on its field (``decision_aid.fields``); a string field without one is
treated as a label a person reads, and a test keeps the schema free of such fields.
"""

from __future__ import annotations

import functools
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from decision_aid.content.build import MODEL_FILES, TEXT_FIELDS, TOPIC_FIELDS
from decision_aid.fields import LABEL, Words
from decision_aid.schema import Pack

# Unmarked strings get every check that suits a label: the safe default.
UNMARKED = LABEL


@dataclass(frozen=True)
class Text:
    """One string of a pack: its file, entry and field (for messages), its path inside the
    file's data (for tools and tests), its words and how they are read."""

    file: str
    entry: str
    field: str
    path: tuple[str | int, ...]
    text: str
    words: Words


def texts(pack: Pack) -> Iterator[Text]:
    """Every string in the pack that a person or clinician reads."""
    for field in Pack.model_fields:
        value = getattr(pack, field)
        if field in MODEL_FILES:
            yield from _model(value, MODEL_FILES[field][0], "", (), (), None)
        elif field in TOPIC_FIELDS:
            for topic in value:
                yield from _model(topic, topic.source_file, "", (), (), None)
        elif field == "references":
            for ref_id, reference in value.items():
                yield from _model(reference, "references.yaml", "", (), (ref_id,), None)
        elif field == "numbers":
            yield from _model(value, "numbers.yaml", "", (), (), None)
        elif field in TEXT_FIELDS:
            yield Text(TEXT_FIELDS[field], "", "", (), value, _marker(Pack, field) or UNMARKED)
        else:  # a new part of the pack must say which file holds it, so no word goes unchecked
            raise ValueError(f"Pack.{field}: decision_aid.content.walk does not know its file")


def _model(
    model: BaseModel,
    file: str,
    entry: str,
    field: tuple[str, ...],
    path: tuple[str | int, ...],
    inherited: Words | None,
) -> Iterator[Text]:
    own_id = getattr(model, "id", None)
    if isinstance(own_id, str) and "id" in type(model).model_fields:
        entry, field = own_id, ()
    for name, marker in _fields(type(model)):
        words = marker or inherited
        value = getattr(model, name)
        yield from _value(value, file, entry, (*field, name), (*path, name), words)


def _value(
    value: Any,
    file: str,
    entry: str,
    field: tuple[str, ...],
    path: tuple[str | int, ...],
    words: Words | None,
) -> Iterator[Text]:
    if words is not None and not words.read_by_people:
        return  # ids, conditions and reviewer notes hold no words to check
    if isinstance(value, BaseModel):
        yield from _model(value, file, entry, field, path, words)
    elif isinstance(value, str):
        yield Text(file, entry, " > ".join(field), path, value, words or UNMARKED)
    elif isinstance(value, (tuple, list)):
        for index, item in enumerate(value):
            label = getattr(item, "value", None)  # a choice is named by its value
            part = label if isinstance(label, str) else str(index)
            yield from _value(item, file, entry, (*field, part), (*path, index), words)
    elif isinstance(value, dict):
        for key, item in value.items():
            if not entry and isinstance(item, BaseModel):  # numbers.yaml: the key is the figure's id
                yield from _model(item, file, str(key), (), (*path, key), words)
            else:
                yield from _value(item, file, entry, (*field, str(key)), (*path, key), words)


@functools.cache
def _fields(model: type[BaseModel]) -> tuple[tuple[str, Words | None], ...]:
    """The fields that can hold words, with their markers: worked out once per model."""
    return tuple(
        (name, _marker(model, name))
        for name, info in model.model_fields.items()
        if not _is_code(info.annotation)
    )


def _is_code(annotation: Any) -> bool:
    """A ``Literal`` field holds one of a fixed set of codes (a kind, a table name), not words."""
    if typing.get_origin(annotation) is typing.Literal:
        return True
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return bool(args) and all(typing.get_origin(a) is typing.Literal for a in args)
    return False


def _marker(model: type[BaseModel], name: str) -> Words | None:
    return next((m for m in model.model_fields[name].metadata if isinstance(m, Words)), None)

"""Files to data: read a pack folder into plain dicts and strings, one entry per file.

Nothing here knows the schema. Keeping the data apart from the models lets ``build`` and
the checks run on data a test has changed, without writing files.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from decision_aid.content.problems import Code, Problem

# A UTF-8 byte order mark, which some editors write, is not part of the front matter.
FRONT_MATTER = re.compile(r"\A\ufeff?---\n(.*?)\n---\n(.*)\Z", re.DOTALL)
YAML_FILES = (
    "numbers.yaml",
    "pack.yaml",
    "questionnaire.yaml",
    "routes.yaml",
    "options.yaml",
    "deliberation.yaml",
    "personas.yaml",
    "crisis.yaml",
    "style.yaml",
    "ui.yaml",
    "summary.yaml",
    "references.yaml",
)
TEXT_FILES = ("welcome.md", "about.md")
TOPIC_FOLDERS = ("topics", "clinician")

# libyaml's C parser when PyYAML was built with it: ten times faster on a cold start.
_BASE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _SafeLoader(_BASE_LOADER):  # type: ignore[misc,valid-type]
    """The safe loader, refusing a mapping that names a key twice: YAML keeps only the last
    silently, so a duplicated ``version:`` or answer would pass unnoticed (review F12)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        self.flatten_mapping(node)  # merge keys (<<) are expanded first, and may be overridden
        seen: set = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            try:
                duplicate = key in seen
                seen.add(key)
            except TypeError:  # an unhashable key; the base constructor reports it
                continue
            if duplicate and key_node.tag != "tag:yaml.org,2002:merge":
                raise yaml.constructor.ConstructorError(
                    "while constructing a mapping",
                    node.start_mark,
                    f"found the key {_short(key)} twice",
                    key_node.start_mark,
                )
        return super().construct_mapping(node, deep=deep)


_SafeLoader.add_constructor("tag:yaml.org,2002:map", _SafeLoader.construct_yaml_map)
_SAFE_LOADER = _SafeLoader
# Reading a file can fail in more ways than "missing": a folder where a file belongs, a
# symlink loop, bytes that are not UTF-8, a date YAML cannot build (2026-13-45 is a
# ValueError from its constructor, not a YAMLError), nesting too deep to build.
_UNREADABLE = (OSError, UnicodeDecodeError, ValueError, RecursionError)


def _short(value: Any, limit: int = 80) -> str:
    """A value as it would be echoed, cut short: a message never repeats a huge value."""
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + "…"


def _why(error: BaseException) -> str:
    if isinstance(error, OSError):
        return f"cannot be read: {error.strerror or type(error).__name__}"
    if isinstance(error, UnicodeDecodeError):
        return f"is not UTF-8 text (byte {error.start})"
    if isinstance(error, RecursionError):
        return "is nested too deeply"
    return f"has a value that cannot be read: {_short(str(error))}"


def read_files(folder: Path, problems: list[Problem]) -> dict[str, Any]:
    """File name (``topics/x.md`` for a topic) -> its data; None where it could not be read."""
    files: dict[str, Any] = {name: read_yaml(folder / name, problems) for name in YAML_FILES}
    files |= {name: _read_text(folder / name, problems) for name in TEXT_FILES}
    for subfolder in TOPIC_FOLDERS:
        for path in sorted((folder / subfolder).glob("*.md")):
            name = f"{subfolder}/{path.name}"
            files[name] = _read_topic(path, name, problems)
    return files


def topic_files(files: dict[str, Any], subfolder: str) -> list[dict]:
    return [data for name, data in files.items() if name.startswith(f"{subfolder}/") and data is not None]


def read_yaml(path: Path, problems: list[Problem]) -> Any:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_SAFE_LOADER)  # noqa: S506 - a safe loader
    except FileNotFoundError:
        problems.append(Problem(Code.FILE_MISSING, path.name, "", "", "file is missing"))
    except yaml.YAMLError as error:
        problems.append(Problem(Code.BAD_YAML, path.name, "", "", f"not valid YAML: {error}"))
    except _UNREADABLE as error:
        problems.append(Problem(Code.UNREADABLE, path.name, "", "", f"file {_why(error)}"))
    return None


def _read_text(path: Path, problems: list[Problem]) -> str | None:
    try:
        text = path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        problems.append(Problem(Code.FILE_MISSING, path.name, "", "", "file is missing"))
        return None
    except _UNREADABLE as error:
        problems.append(Problem(Code.UNREADABLE, path.name, "", "", f"file {_why(error)}"))
        return None
    if not text:
        problems.append(Problem(Code.FILE_EMPTY, path.name, "", "", "file is empty"))
        return None
    return text


def _read_topic(path: Path, name: str, problems: list[Problem]) -> dict | None:
    """A topic file's front matter and body, as data to build a model from."""
    try:
        match = FRONT_MATTER.match(path.read_text(encoding="utf-8"))
    except _UNREADABLE as error:
        problems.append(Problem(Code.UNREADABLE, name, "", "", f"file {_why(error)}"))
        return None
    if match is None:
        problems.append(
            Problem(Code.NO_FRONT_MATTER, name, "", "", "needs YAML front matter between '---' lines")
        )
        return None
    try:
        meta = yaml.load(match.group(1), Loader=_SAFE_LOADER)  # noqa: S506 - a safe loader
    except yaml.YAMLError as error:
        problems.append(Problem(Code.BAD_YAML, name, "", "front matter", f"not valid YAML: {error}"))
        return None
    except _UNREADABLE as error:
        problems.append(Problem(Code.UNREADABLE, name, "", "front matter", f"front matter {_why(error)}"))
        return None
    if not isinstance(meta, dict):
        problems.append(Problem(Code.NO_FRONT_MATTER, name, "", "front matter", "must be a mapping"))
        return None
    meta.setdefault("id", path.stem)
    return {**meta, "body": match.group(2).strip(), "source_file": name}

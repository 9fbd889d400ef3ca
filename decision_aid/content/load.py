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
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_files(folder: Path, problems: list[Problem]) -> dict[str, Any]:
    """File name (``topics/x.md`` for a topic) -> its data; None where it could not be read."""
    files: dict[str, Any] = {name: _read_yaml(folder / name, problems) for name in YAML_FILES}
    files |= {name: _read_text(folder / name, problems) for name in TEXT_FILES}
    for subfolder in TOPIC_FOLDERS:
        for path in sorted((folder / subfolder).glob("*.md")):
            name = f"{subfolder}/{path.name}"
            files[name] = _read_topic(path, name, problems)
    return files


def topic_files(files: dict[str, Any], subfolder: str) -> list[dict]:
    return [data for name, data in files.items() if name.startswith(f"{subfolder}/") and data is not None]


def _read_yaml(path: Path, problems: list[Problem]) -> Any:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_SAFE_LOADER)  # noqa: S506 - a safe loader
    except FileNotFoundError:
        problems.append(Problem(Code.FILE_MISSING, path.name, "", "", "file is missing"))
    except yaml.YAMLError as error:
        problems.append(Problem(Code.BAD_YAML, path.name, "", "", f"not valid YAML: {error}"))
    return None


def _read_text(path: Path, problems: list[Problem]) -> str | None:
    try:
        text = path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        problems.append(Problem(Code.FILE_MISSING, path.name, "", "", "file is missing"))
        return None
    if not text:
        problems.append(Problem(Code.FILE_EMPTY, path.name, "", "", "file is empty"))
        return None
    return text


def _read_topic(path: Path, name: str, problems: list[Problem]) -> dict | None:
    """A topic file's front matter and body, as data to build a model from."""
    match = FRONT_MATTER.match(path.read_text(encoding="utf-8"))
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
    if not isinstance(meta, dict):
        problems.append(Problem(Code.NO_FRONT_MATTER, name, "", "front matter", "must be a mapping"))
        return None
    meta.setdefault("id", path.stem)
    return {**meta, "body": match.group(2).strip(), "source_file": name}

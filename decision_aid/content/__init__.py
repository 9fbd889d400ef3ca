"""Load a content pack from ``content/<locale>/`` and check it.

Files become data (``load``), data becomes models with figures filled in (``build``), and
the checks (``questions``, ``crossrefs``, ``figures``, and ``words`` over every string the
``walk`` finds) report every problem with a stable code and its file > entry > field, so
an author can fix it without reading code. ``load_pack`` is cached: read once per process.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from decision_aid.content.build import build_packs
from decision_aid.content.coverage import check_coverage
from decision_aid.content.crossrefs import check_deliberation, check_personas, check_tables, check_topics
from decision_aid.content.figures import check_figures
from decision_aid.content.load import read_files
from decision_aid.content.problems import NOT_BLOCKING, Code, PackError, Problem
from decision_aid.content.questions import check_questionnaire
from decision_aid.content.translation import is_translation, read_translation
from decision_aid.content.walk import Text, texts
from decision_aid.content.words import check_words
from decision_aid.schema import Pack

__all__ = [
    "CONTENT_ROOT",
    "Code",
    "PackError",
    "Problem",
    "Text",
    "check_files",
    "locales",
    "load_pack",
    "read_pack",
    "read_templates",
    "texts",
]

CONTENT_ROOT = Path(__file__).resolve().parent.parent.parent / "content"


def locales(root: Path | None = None) -> tuple[str, ...]:
    """The packs under ``root`` (a folder or a translation), English first."""
    base = root or CONTENT_ROOT
    found = {p.parent.name for p in base.glob("*/*.yaml") if p.name in ("pack.yaml", "translation.yaml")}
    return tuple(sorted(found, key=lambda code: (code != "en", code)))


@functools.lru_cache(maxsize=8)
def load_pack(locale: str = "en", root: Path | None = None) -> Pack:
    """The validated pack for a locale, read once per process. Raises ``PackError`` on every
    problem but tailoring gaps and stale translations (``problems.NOT_BLOCKING``), which
    ``check`` reports."""
    pack, problems = read_pack(locale, root)
    blocking = [p for p in problems if p.code not in NOT_BLOCKING]
    if blocking or pack is None:
        raise PackError(blocking)
    return pack


def read_pack(locale: str = "en", root: Path | None = None) -> tuple[Pack | None, list[Problem]]:
    """Read and check a pack; return it (when it could be built) and every problem found."""
    folder = (root or CONTENT_ROOT) / locale
    if not folder.is_dir():
        return None, [Problem(Code.FILE_MISSING, str(folder), "", "", "no content pack for this locale")]
    problems: list[Problem] = []
    files = _files(folder, locale, problems)
    if files is None:
        return None, problems
    pack, found = check_files(files, read_problems=problems)
    return pack, problems + found


def _files(folder: Path, locale: str, problems: list[Problem]) -> dict[str, Any] | None:
    """A pack folder's data; for a translation, the English data with its words laid over."""
    if not is_translation(folder):
        return read_files(folder, problems)
    return read_translation(folder, locale, problems)


def read_templates(locale: str = "en", root: Path | None = None) -> Pack | None:
    """The pack as written, figures still ``{{placeholders}}``, for reports that count them;
    None when it cannot be built (``read_pack`` says why)."""
    folder = (root or CONTENT_ROOT) / locale
    if not folder.is_dir():
        return None
    files = _files(folder, locale, [])
    if files is None:
        return None
    templates, _ = build_packs(files, [])
    return templates


def check_files(
    files: dict[str, Any], read_problems: Sequence[Problem] = ()
) -> tuple[Pack | None, list[Problem]]:
    """Build and check a pack from its files' data (see ``load.read_files``), which were read
    with ``read_problems``; return the pack and the problems found here."""
    problems: list[Problem] = []
    templates, pack = build_packs(files, problems)
    if templates is None or pack is None:
        return None, problems
    problems += check_questionnaire(pack.questionnaire)
    problems += check_topics(pack)
    problems += check_tables(pack)
    problems += check_deliberation(pack)
    problems += check_personas(pack)
    problems += check_figures(templates)
    problems += check_words(
        texts(templates), texts(pack), pack.style.forbidden_phrases, pack.numbers, pack.info.locale
    )
    if not problems and not read_problems:
        # Judged on an otherwise sound pack, so that one broken condition or topic file is
        # reported once, not again as answers that nothing uses.
        problems += check_coverage(pack)
    return pack, problems

import shutil
from pathlib import Path

import pytest

from decision_aid.answers import Answers, parse_answers
from decision_aid.content import CONTENT_ROOT, load_pack

ROOT = Path(__file__).resolve().parent.parent
# Tests that need more than Python, marked by folder so that `pytest -m "not browser and not
# deploy"` is a fast loop while plain `pytest` still runs everything (README).
FOLDER_MARKS = {"e2e": "browser", "deploy": "deploy"}


@pytest.hookimpl(tryfirst=True)  # before pytest's own -m selection, which reads the marks
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        folder = item.path.relative_to(ROOT / "tests").parts[0]
        if folder in FOLDER_MARKS:
            item.add_marker(FOLDER_MARKS[folder])


@pytest.fixture(scope="session")
def pack():
    return load_pack("en")


@pytest.fixture
def answers(pack):
    """Build Answers from plain JSON-like values, checked like an answers file."""

    def make(**values) -> Answers:
        return parse_answers(pack.questionnaire, values)

    return make


@pytest.fixture
def pack_copy(tmp_path):
    """A writable copy of the English pack; returns its root (holding en/)."""
    shutil.copytree(CONTENT_ROOT / "en", tmp_path / "en")
    return tmp_path

import shutil
from pathlib import Path

import pytest

from decision_aid.answers import Answers, parse_answers
from decision_aid.content import CONTENT_ROOT, load_pack

ROOT = Path(__file__).resolve().parent.parent


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

"""`pytest -m "not browser and not deploy"` is the fast loop (README): every test in tests/e2e
is marked `browser` and every test in tests/deploy `deploy`, by tests/conftest.py, and no
other test is."""

import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = ["tests/e2e", "tests/deploy", "tests/unit/test_process.py"]  # one fast file stands for the rest


def collected(marks: str) -> tuple[set[str], int]:
    """The test ids that pytest selects from FOLDERS with ``-m marks``, and how many it found."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "--collect-only",
            "-q",
            "-p",
            "no:cacheprovider",
            "-m",
            marks,
            *FOLDERS,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode in (0, 5), result.stdout + result.stderr  # 5: every test deselected
    total = re.search(r"(\d+)/(\d+) tests? collected", result.stdout)
    assert total, result.stdout
    return {line for line in result.stdout.splitlines() if "::" in line}, int(total[2])


def test_browser_and_deploy_tests_are_marked_by_their_folder():
    with ThreadPoolExecutor(max_workers=3) as pool:
        runs = list(pool.map(collected, ["browser", "deploy", "not browser and not deploy"]))
    (browser, total), (deploy, _), (fast, _) = runs
    assert browser and all(test.startswith("tests/e2e/") for test in browser)
    assert deploy and all(test.startswith("tests/deploy/") for test in deploy)
    assert fast and all(test.startswith("tests/unit/test_process.py::") for test in fast)
    # Three disjoint selections that add up to every test found: each test is in exactly one.
    assert len(browser) + len(deploy) + len(fast) == total

"""Every package the code imports is pinned: the app's in requirements.txt, the tests' and
benchmarks' in requirements-dev.txt (not left to arrive, at any version, with another
package). uvloop, which has no Windows build, is installed only where it exists."""

import ast
import importlib.metadata
import re
import sys
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent
LOCAL = {"decision_aid", "tests", "benchmarks"}


def pinned(name: str) -> dict[str, Requirement]:
    """The requirements in one file (without those it includes), by normalised name."""
    lines = (ROOT / name).read_text().splitlines()
    found = [Requirement(line) for line in lines if line.strip() and not line.startswith(("#", "-r"))]
    return {re.sub(r"[-_.]+", "-", r.name).lower(): r for r in found}


def imported(*places: str) -> set[str]:
    """The top-level modules imported by the Python files at these places, bar the standard
    library and the project's own."""
    found: set[str] = set()
    for place in places:
        path = ROOT / place
        for file in path.rglob("*.py") if path.is_dir() else [path]:
            for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    found |= {alias.name.split(".")[0] for alias in node.names}
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    found.add(node.module.split(".")[0])
    return found - set(sys.stdlib_module_names) - LOCAL


def unpinned(modules: set[str], requirements: dict[str, Requirement]) -> list[str]:
    distributions = importlib.metadata.packages_distributions()
    missing = []
    for module in sorted(modules):
        names = {re.sub(r"[-_.]+", "-", d).lower() for d in distributions.get(module, [module])}
        if not any(name in requirements for name in names):
            missing.append(f"{module} (from {', '.join(sorted(names))})")
    return missing


def test_every_requirement_is_pinned_to_one_version():
    for name in ("requirements.txt", "requirements-dev.txt"):
        for requirement in pinned(name).values():
            assert re.fullmatch(r"==[\w.]+", str(requirement.specifier)), f"{name}: {requirement}"


def test_the_app_imports_only_what_requirements_txt_pins():
    assert unpinned(imported("app.py", "decision_aid"), pinned("requirements.txt")) == []


def test_the_tests_and_benchmarks_import_only_what_the_requirements_pin():
    both = pinned("requirements.txt") | pinned("requirements-dev.txt")
    assert unpinned(imported("tests", "benchmarks"), both) == []


def test_uvloop_is_installed_everywhere_but_windows():
    uvloop = pinned("requirements.txt")["uvloop"]
    assert uvloop.marker is not None, "uvloop has no Windows build: pip install fails there"
    assert not uvloop.marker.evaluate({"sys_platform": "win32"})
    assert uvloop.marker.evaluate({"sys_platform": "linux"}) and uvloop.marker.evaluate(
        {"sys_platform": "darwin"}
    )

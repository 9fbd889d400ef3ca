"""The core never imports streamlit: only decision_aid/ui/ may."""

import ast
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "decision_aid"


def imported_modules(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_no_core_module_imports_streamlit():
    core_files = [p for p in CORE.rglob("*.py") if "ui" not in p.relative_to(CORE).parts]
    assert len(core_files) >= 10
    offenders = [str(p.relative_to(CORE)) for p in core_files if "streamlit" in imported_modules(p)]
    assert offenders == []


def test_the_guard_would_catch_an_import(tmp_path):
    sample = tmp_path / "x.py"
    sample.write_text("def f():\n    from streamlit import session_state\n", encoding="utf-8")
    assert "streamlit" in imported_modules(sample)

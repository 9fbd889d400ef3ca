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


# The shell: one owner of st.session_state, no import cycle, screens apart.
UI = CORE / "ui"
APP = CORE.parent / "app.py"
STATE_OWNER = "decision_aid.ui.state"
SCREENS = {f"decision_aid.ui.{name}" for name in ("pages", "prepare", "review", "takeaway", "workshop")}


def ui_modules() -> dict[str, Path]:
    return {f"decision_aid.ui.{p.stem}": p for p in UI.glob("*.py") if p.stem != "__init__"}


def project_imports(path: Path) -> tuple[set[str], set[str]]:
    """The decision_aid modules a file imports: (at module level, inside functions)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top, nested = set(), set()
    for node in ast.walk(tree):
        found = set()
        if isinstance(node, ast.Import):
            found = {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            # `from decision_aid.ui import state` imports the module decision_aid.ui.state.
            found = {f"{node.module}.{alias.name}" for alias in node.names} | {node.module}
        found = {name for name in found if name.startswith("decision_aid")}
        (top if node in tree.body else nested).update(found)
    return top, nested


def ui_graph() -> dict[str, set[str]]:
    modules = ui_modules()
    return {name: project_imports(path)[0] & modules.keys() for name, path in modules.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every module that can reach itself, with one path back to it."""
    found = []
    for start in sorted(graph):
        stack = [(start, [start])]
        seen = set()
        while stack:
            node, path = stack.pop()
            for nxt in sorted(graph.get(node, ())):
                if nxt == start:
                    found.append(path + [start])
                    stack = []
                    break
                if nxt not in seen:
                    seen.add(nxt)
                    stack.append((nxt, path + [nxt]))
    return found


def test_the_ui_import_graph_has_no_cycle():
    assert len(ui_graph()) >= 10
    assert cycles(ui_graph()) == []


def test_the_cycle_check_would_catch_one():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [
        ["a", "b", "c", "a"],
        ["b", "c", "a", "b"],
        ["c", "a", "b", "c"],
    ]


def test_screens_do_not_import_each_other():
    graph = ui_graph()
    assert graph.keys() >= SCREENS
    assert {screen: graph[screen] & SCREENS for screen in SCREENS} == {screen: set() for screen in SCREENS}


def test_the_ui_imports_nothing_of_its_own_inside_functions():
    nested = {name: project_imports(path)[1] for name, path in ui_modules().items()}
    assert {name: found for name, found in nested.items() if found} == {}


def touches_session_state(path: Path) -> bool:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Attribute) and node.attr == "session_state":
            return True
        if isinstance(node, ast.alias) and node.name == "session_state":
            return True
        if isinstance(node, ast.Name) and node.id == "session_state":
            return True
    return False


def test_only_the_state_module_touches_session_state():
    files = {**ui_modules(), "app": APP}
    assert touches_session_state(files[STATE_OWNER])
    assert [name for name, path in files.items() if name != STATE_OWNER and touches_session_state(path)] == []


def literal_keys(path: Path) -> list[str]:
    """Widget and container keys written as literals: every key comes from state.widget_key."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.keyword)
            and node.arg == "key"
            and isinstance(node.value, ast.Constant | ast.JoinedStr)
        ):
            found.append(f"{path.name}:{node.lineno}")
    return found


def test_every_key_is_made_by_the_state_module():
    files = {**ui_modules(), "app": APP}
    assert [spot for path in files.values() for spot in literal_keys(path)] == []


def test_the_session_guards_would_catch_a_stray_use(tmp_path):
    sample = tmp_path / "x.py"
    sample.write_text("import streamlit as st\nst.button('a', key='go')\nst.session_state.x = 1\n")
    assert touches_session_state(sample)
    assert literal_keys(sample) == ["x.py:2"]

"""The server settings that the app's design depends on (.streamlit/config.toml)."""

import ast
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def config() -> dict:
    return tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())


def test_one_script_thread_per_session_because_the_shell_changes_its_state_in_place():
    # ui/state.py keeps one Session object and assigns its fields; with fast reruns a click
    # during a run starts a second script thread beside the first, and both change it.
    state = ast.parse((ROOT / "decision_aid" / "ui" / "state.py").read_text())
    in_place = [
        node
        for node in ast.walk(state)
        if isinstance(node, ast.Assign | ast.AugAssign)
        for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
        if isinstance(target, ast.Attribute) and "session" in ast.unparse(target.value)
    ]
    assert in_place, "state.py no longer changes the Session in place: this setting may be revisited"
    assert config()["runner"]["fastReruns"] is False


def test_no_usage_statistics_and_no_error_details_for_people():
    assert config()["browser"]["gatherUsageStats"] is False
    assert config()["client"]["showErrorDetails"] == "none"

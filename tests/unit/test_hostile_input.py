"""Hostile and clumsy input never ends in a traceback, never echoes a huge value, and never puts
the person's words in the log (issue 17: red-team review F2, F10, F11, F12)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from decision_aid import sharing
from decision_aid.content import load_pack, read_pack
from decision_aid.exports import pdf as pdf_export
from decision_aid.personas import persona_answers
from decision_aid.summary import build_summary

ROOT = Path(__file__).resolve().parents[2]
PACK = load_pack("en")
SHORT_STDERR = 3000  # characters: a message, never the bad value in full
HUGE = 50_000_000  # the review's 50 MB value


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "decision_aid", *args],
        cwd=ROOT,
        capture_output=True,
        timeout=120,
    )


def assert_refused(result: subprocess.CompletedProcess, code: int) -> str:
    stderr = result.stderr.decode("utf-8", errors="replace")
    assert "Traceback" not in stderr, stderr[-2000:]
    assert result.returncode == code, (result.returncode, stderr[:2000])
    assert len(stderr) < SHORT_STDERR, f"{len(stderr)} characters on stderr: {stderr[:300]}"
    assert stderr.strip(), "a refusal says why"
    return stderr


# --- F11: hostile answers files ---------------------------------------------------------


def _write_bytes(data: bytes) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / "answers.json"
        path.write_bytes(data)
        return path

    return make


def _directory(folder: Path) -> Path:
    path = folder / "answers.json"
    path.mkdir()
    return path


def _symlink_loop(folder: Path) -> Path:
    path = folder / "answers.json"
    os.symlink(folder / "loop.json", path)
    os.symlink(path, folder / "loop.json")
    return path


HOSTILE_ANSWERS: dict[str, Callable[[Path], Path]] = {
    "a 5,000-digit number": _write_bytes(b'{"age_group": ' + b"9" * 5000 + b"}"),
    "100,000 nested brackets": _write_bytes(b"[" * 100_000),
    "100,000 nested objects": _write_bytes(b'{"a":' * 100_000),
    "non-UTF-8 bytes": _write_bytes(b'{"age_group": "\xff\xfe\xfa"}'),
    "UTF-16": _write_bytes('{"age_group": "18_to_64"}'.encode("utf-16")),
    "a directory where the file belongs": _directory,
    "a symlink loop": _symlink_loop,
    "a missing file": lambda folder: folder / "nothing.json",
    "a 50 MB value": _write_bytes(b'{"age_group": "' + b"x" * HUGE + b'"}'),
    "a 1 MB question id": _write_bytes(b'{"' + b"q" * 1_000_000 + b'": "yes"}'),
    "a 1 MB value in a list": _write_bytes(b'{"other_conditions": ["' + b"y" * 1_000_000 + b'"]}'),
    "NaN": _write_bytes(b'{"age_group": NaN}'),
    "an array": _write_bytes(b"[1, 2, 3]"),
    "an empty file": _write_bytes(b""),
}


@pytest.mark.parametrize("case", sorted(HOSTILE_ANSWERS))
def test_a_hostile_answers_file_is_refused_with_a_short_message(tmp_path, case):
    path = HOSTILE_ANSWERS[case](tmp_path)
    assert_refused(cli("summary", "--answers", str(path)), 2)


def test_a_huge_bad_value_is_named_and_cut_short(tmp_path):
    path = tmp_path / "answers.json"
    path.write_text('{"age_group": "' + "x" * 100_000 + '"}', encoding="utf-8")
    stderr = assert_refused(cli("summary", "--answers", str(path)), 2)
    assert "age_group" in stderr and "x" * 80 not in stderr and "\u2026" in stderr


@pytest.mark.parametrize(
    "locale", ["../../../etc", "/etc", "en/../en", "EN", "english", "en-us", "e", "en_GB", "en\n"]
)
@pytest.mark.parametrize("command", ["check", "personas", "questionnaire", "summary", "code"])
def test_a_locale_is_a_name_never_a_path(command, locale):
    needs_persona = command in ("summary", "code")
    args = [command, "--locale", locale] + (["--persona", "maria_trd"] if needs_persona else [])
    stderr = assert_refused(cli(*args), 2)
    assert "locale" in stderr


def test_a_well_formed_locale_without_a_pack_is_a_pack_problem():
    assert_refused(cli("check", "--locale", "pt-BR"), 1)


# --- F12: corrupted packs -------------------------------------------------------------------


def _replace(name: str, old: str, new: str) -> Callable[[Path], None]:
    def corrupt(pack: Path) -> None:
        path = pack / name
        text = path.read_text(encoding="utf-8")
        assert old in text, (name, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return corrupt


def _append_bytes(name: str, data: bytes) -> Callable[[Path], None]:
    def corrupt(pack: Path) -> None:
        with (pack / name).open("ab") as file:
            file.write(data)

    return corrupt


def _folder_for(name: str) -> Callable[[Path], None]:
    def corrupt(pack: Path) -> None:
        path = pack / name
        if path.exists():
            path.unlink()
        path.mkdir()

    return corrupt


def _topic_symlink_loop(pack: Path) -> None:
    os.symlink(pack / "topics" / "b.md", pack / "topics" / "a.md")
    os.symlink(pack / "topics" / "a.md", pack / "topics" / "b.md")


CORRUPT_PACKS: dict[str, tuple[Callable[[Path], None], str, str]] = {
    # case: (corruption, file the problem names, code)
    "non-UTF-8 bytes in a topic": (
        _append_bytes("topics/consider_liver.md", b"\xff\xfe"),
        "topics/",
        "PACK_008",
    ),
    "non-UTF-8 bytes in a YAML file": (
        _append_bytes("crisis.yaml", b"\n# \xff\xfe\n"),
        "crisis.yaml",
        "PACK_008",
    ),
    "a folder where a YAML file belongs": (_folder_for("routes.yaml"), "routes.yaml", "PACK_008"),
    "a folder where a text file belongs": (_folder_for("welcome.md"), "welcome.md", "PACK_008"),
    "a folder named like a topic": (_folder_for("topics/zz_folder.md"), "topics/zz_folder.md", "PACK_008"),
    "a symlink loop in topics": (_topic_symlink_loop, "topics/", "PACK_008"),
    "an invalid date in a YAML file": (
        _replace("pack.yaml", "last_reviewed: 2026-12-03", "last_reviewed: 2026-13-45"),
        "pack.yaml",
        "PACK_008",
    ),
    "a duplicate key in a YAML file": (
        _replace("pack.yaml", "locale: en\n", "locale: en\nlocale: es\n"),
        "pack.yaml",
        "PACK_003",
    ),
    "a duplicate key in a topic's front matter": (
        _replace("topics/consider_liver.md", "order: 130", "order: 130\norder: 131"),
        "topics/consider_liver.md",
        "PACK_003",
    ),
}


@pytest.mark.parametrize("case", sorted(CORRUPT_PACKS))
def test_a_corrupted_pack_is_a_named_problem_never_a_traceback(pack_copy, case):
    corrupt, file, code = CORRUPT_PACKS[case]
    corrupt(pack_copy / "en")
    stderr = assert_refused(cli("check", "--content", str(pack_copy)), 1)
    assert f"[{code}]" in stderr, stderr
    assert [line for line in stderr.splitlines() if line.startswith(f"  {file}")], stderr


def test_a_duplicate_key_names_the_key(pack_copy):
    CORRUPT_PACKS["a duplicate key in a YAML file"][0](pack_copy / "en")
    _, problems = read_pack("en", pack_copy)
    assert any("'locale' twice" in str(p) for p in problems), problems


def test_yaml_merge_keys_are_not_duplicates(pack_copy):
    (pack_copy / "en" / "crisis.yaml").write_text(
        (pack_copy / "en" / "crisis.yaml").read_text(encoding="utf-8")
        + "\nx_a: &base {p: 1}\nx_b: {<<: *base, q: 2}\n",
        encoding="utf-8",
    )
    _, problems = read_pack("en", pack_copy)
    assert not [p for p in problems if p.code.value in ("PACK_003", "PACK_008")], problems


# --- F2: the PDF never logs the person's words ------------------------------------------------

NON_LATIN = "我担心副作用 zebraviolet4417 مرحبا 🧠 \u202e"


RENDER = f"""
from decision_aid.content import load_pack
from decision_aid.exports.pdf import render_pdf
from decision_aid.personas import persona_answers
from decision_aid.summary import build_summary
pack = load_pack("en")
summary = build_summary(pack, persona_answers(pack, "maria_trd"))
summary = summary.model_copy(update={{"own_questions": ({NON_LATIN!r},), "own_value": {NON_LATIN!r}}})
assert render_pdf(pack, summary).startswith(b"%PDF")
print("rendered")
"""


def test_rendering_a_pdf_with_non_latin_words_logs_nothing():
    """As in the server: a fresh process, Python's logging left as it starts (no handler, so
    a warning would go to stderr through ``logging.lastResort``, the server's log)."""
    result = subprocess.run(
        [sys.executable, "-c", RENDER], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "rendered"
    logged = result.stdout + result.stderr
    for char in "我担心副作用مرحبا🧠":
        assert char not in logged
    assert "\\u6211" not in logged and "missing" not in logged and result.stderr == ""


def test_the_summary_can_say_which_characters_the_pdf_cannot_show():
    summary = build_summary(PACK, persona_answers(PACK, "maria_trd"))
    assert pdf_export.characters_the_pdf_cannot_show(summary) == ""
    mine = summary.model_copy(update={"own_questions": (NON_LATIN, "Ask about é and ü"), "own_value": "我"})
    assert pdf_export.characters_the_pdf_cannot_show(mine) == "我担心副作用مرحبا🧠"  # each once, no controls


# --- F10: a long share address ------------------------------------------------------------


@pytest.mark.parametrize("length", [513, 4096, 100_000])
def test_an_address_too_long_for_a_qr_code_gives_none_never_an_error(length):
    assert sharing.qr_png("http://10.0.0.5/" + "a" * length) is None


def test_an_ordinary_address_still_makes_a_qr_code():
    png = sharing.qr_png("http://10.0.0.5:8501/?mode=patient")
    assert png is not None and png.startswith(b"\x89PNG")

"""The command line's hand-off (issue 16): `code` prints a code (and writes its QR code),
`summary --code` works wherever `--answers` does, `--format note` prints the record note,
and a bad code exits 2 with a one-line message and no traceback."""

import datetime
import json

import pytest

from decision_aid import handoff
from decision_aid.clinician import record_note
from decision_aid.personas import persona_answers
from decision_aid.summary import build_summary
from tests.unit.test_cli import run, write

JAMES = {
    "self_harm_thoughts": "not_at_all",
    "blood_pressure": "high_uncontrolled",
    "vascular_conditions": ["aneurysm"],
}


def test_code_prints_a_code_that_holds_the_answers(tmp_path, pack):
    result = run("code", "--answers", write(tmp_path, json.dumps(JAMES)))
    assert result.returncode == 0, result.stderr
    code = result.stdout.strip()
    assert code.startswith("K2") and "\n" not in code
    answers, deliberation = handoff.decode(pack, code)
    assert answers.values == {
        "self_harm_thoughts": "not_at_all",
        "blood_pressure": "high_uncontrolled",
        "vascular_conditions": ("aneurysm",),
    }


def test_code_writes_a_qr_code_that_reads_back(tmp_path):
    png = tmp_path / "code.png"
    result = run("code", "--persona", "james_blood_pressure", "--qr", str(png))
    assert result.returncode == 0, result.stderr
    assert handoff.read_qr(png.read_bytes()) == result.stdout.strip()
    assert "version 1" in result.stderr


def test_own_questions_travel_only_with_questions(tmp_path, pack):
    weighing = tmp_path / "weighing.json"
    weighing.write_text(
        json.dumps({"leaning": "not_sure", "values": {"cost": "very"}, "own_questions": ["Will it hurt?"]}),
        encoding="utf-8",
    )
    answers = write(tmp_path, json.dumps(JAMES))
    without = run("code", "--answers", answers, "--deliberation", str(weighing))
    with_words = run("code", "--answers", answers, "--deliberation", str(weighing), "--questions")
    assert without.returncode == with_words.returncode == 0
    assert handoff.decode(pack, without.stdout)[1].own_questions == ()
    carried = handoff.decode(pack, with_words.stdout)[1]
    assert carried.own_questions == ("Will it hurt?",) and carried.leaning == "not_sure"


def test_summary_from_a_code_matches_the_summary_from_its_answers(tmp_path):
    answers = write(tmp_path, json.dumps(JAMES))
    code = run("code", "--answers", answers).stdout.strip()
    for fmt in ("json", "md"):  # (the FHIR response holds the time it was made)
        from_code = run("summary", "--code", code, "--format", fmt)
        from_file = run("summary", "--answers", answers, "--format", fmt)
        assert from_code.returncode == 0, from_code.stderr
        assert from_code.stdout == from_file.stdout


def test_summary_note_from_a_code_and_from_an_answers_file(tmp_path, pack):
    code = run("code", "--persona", "dana_crisis").stdout.strip()
    result = run("summary", "--code", code, "--format", "note", "--date", "2026-12-03T09:45")
    assert result.returncode == 0, result.stderr
    expected = record_note(
        pack, build_summary(pack, persona_answers(pack, "dana_crisis")), datetime.datetime(2026, 12, 3, 9, 45)
    )
    assert result.stdout == expected
    assert 8 <= len(result.stdout.splitlines()) <= 20
    assert "score 2" in result.stdout
    dated = run("summary", "--answers", write(tmp_path, json.dumps(JAMES)), "--format", "note")
    assert dated.returncode == 0  # dated today: the note's own date, not when the aid was done
    assert datetime.date.today().isoformat() in dated.stdout.splitlines()[0]


def changed_last(code: str) -> str:
    """The code with its last character changed: a typing mistake."""
    return code[:-1] + ("1" if code[-1] != "1" else "2")


@pytest.mark.parametrize(
    ("damage", "words"),
    [(changed_last, "mistyped"), (lambda code: code[:-1], "incomplete"), (lambda code: "", "empty")],
)
def test_a_bad_code_exits_2_with_one_line_and_no_traceback(pack, damage, words):
    code = handoff.encode(pack, persona_answers(pack, "dana_crisis"))
    result = run("summary", "--code", damage(code))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == f"error: {getattr(pack.ui.handoff, words)}\n"


def test_code_and_answers_together_or_neither_exit_2(tmp_path):
    both = run("summary", "--code", "K1", "--answers", write(tmp_path, "{}"))
    neither = run("code")
    assert both.returncode == neither.returncode == 2
    assert "Traceback" not in both.stderr + neither.stderr


def test_code_with_bad_answers_or_a_bad_weighing_exits_2(tmp_path):
    bad = run("code", "--answers", write(tmp_path, '{"blood_pressure": "very_high"}'))
    assert bad.returncode == 2 and "blood_pressure" in bad.stderr and "Traceback" not in bad.stderr
    weighing = tmp_path / "weighing.json"
    weighing.write_text('{"values": "lots"}', encoding="utf-8")
    answers = write(tmp_path, json.dumps(JAMES))
    worse = run("code", "--answers", answers, "--deliberation", str(weighing))
    assert worse.returncode == 2 and "Traceback" not in worse.stderr
    assert len(worse.stderr.strip().splitlines()) == 1
    missing = run("code", "--answers", answers, "--deliberation", str(tmp_path / "nowhere.json"))
    assert missing.returncode == 2 and "cannot read" in missing.stderr


def test_a_bad_date_exits_2(tmp_path):
    result = run("summary", "--persona", "maria_trd", "--format", "note", "--date", "yesterday")
    assert result.returncode == 2 and "Traceback" not in result.stderr

"""The command line is a public contract: run it as a user would, in a subprocess."""

import datetime
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from decision_aid.content import load_pack
from decision_aid.exports.fhir import questionnaire_response, to_json
from decision_aid.personas import persona_answers
from decision_aid.summary import build_summary

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "decision_aid", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


def write(tmp_path: Path, content: str) -> str:
    path = tmp_path / "answers.json"
    path.write_text(content, encoding="utf-8")
    return str(path)


def test_check_passes_with_a_one_line_summary():
    result = run("check")
    assert result.returncode == 0, result.stderr
    [line] = result.stdout.strip().splitlines()
    assert line.startswith("content pack 'en' v") and "19 questions" in line


def test_check_lists_every_problem_and_exits_1(pack_copy):
    topic = pack_copy / "en" / "topics" / "consider_liver.md"
    topic.write_text(topic.read_text().replace("references: [spravato_pi,", "references: [nobody,"))
    (pack_copy / "en" / "crisis.yaml").write_text("regions: [", encoding="utf-8")
    result = run("check", "--content", str(pack_copy))
    assert result.returncode == 1
    assert "crisis.yaml: not valid YAML" in result.stderr
    assert "Traceback" not in result.stderr


def test_check_reports_an_answer_that_nothing_uses(pack_copy):
    topic = pack_copy / "en" / "topics" / "consider_not_diagnosed.md"
    text = topic.read_text(encoding="utf-8")
    assert 'answer: ["no", unsure]}' in text
    topic.write_text(text.replace('answer: ["no", unsure]}', 'answer: ["no"]}'), encoding="utf-8")
    result = run("check", "--content", str(pack_copy))
    assert result.returncode == 1
    assert (
        "questionnaire.yaml: depression_diagnosed > choices > unsure > said: choice 'unsure' of question"
        in result.stderr
    )
    assert "[PACK_036]" in result.stderr


def test_summary_json_honours_the_contract(tmp_path):
    answers = {
        "self_harm_thoughts": "nearly_every_day",
        "blood_pressure": "high_uncontrolled",
        "vascular_conditions": ["aneurysm"],
        "age_group": "65_plus",
    }
    result = run("summary", "--answers", write(tmp_path, json.dumps(answers)))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"crisis", "topics", "unanswered", "content_version"}
    assert data["crisis"] is True
    first, last = data["topics"][0], data["topics"][-1]
    assert first["id"] == "crisis" and first["reasons"][0]["question"] == "self_harm_thoughts"
    assert last["kind"] == "next_step"
    for topic in data["topics"]:
        assert set(topic) == {"id", "kind", "category", "title", "reasons", "references"}
        assert topic["references"]
        assert (topic["category"] is None) == (topic["kind"] != "consideration"), topic["id"]
        for reason in topic["reasons"]:
            assert set(reason) == {"question", "answer", "text"}
            assert reason["question"] in answers
    by_id = {t["id"]: t for t in data["topics"]}
    assert by_id["blood_pressure"]["reasons"][0]["answer"] == "high_uncontrolled"
    assert "aneurysm_avm_brain_bleed" in by_id and "age_65_plus" in by_id
    assert by_id["aneurysm_avm_brain_bleed"]["category"] == "contraindication"
    assert by_id["blood_pressure"]["category"] == "warning"
    assert by_id["age_65_plus"]["category"] == "caution"
    assert by_id["crisis"]["category"] is None and last["category"] is None
    assert "depression_diagnosed" in data["unanswered"]
    assert "adequate_trial" not in data["unanswered"]  # hidden: no antidepressant answer


def test_summary_with_no_safety_answer_puts_crisis_first(tmp_path):
    data = json.loads(run("summary", "--answers", write(tmp_path, "{}")).stdout)
    crisis = data["topics"][0]
    assert data["crisis"] is True and crisis["id"] == "crisis"
    assert crisis["reasons"] == [
        {"question": "self_harm_thoughts", "answer": None, "text": crisis["reasons"][0]["text"]}
    ]


def test_summary_markdown(tmp_path):
    result = run(
        "summary", "--answers", write(tmp_path, '{"self_harm_thoughts": "not_at_all"}'), "--format", "md"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(
        "---\nlang: en\n---\n\n# Ketamine and esketamine for depression: my summary"
    )
    assert "Help right now" not in result.stdout
    headings = [line for line in result.stdout.splitlines() if line.startswith("## ")]
    assert headings[0] == "## Things to discuss because of my answers"  # points first, answers last
    assert headings[-2:] == ["## What I told the aid", "## Next step: Talk with a professional"]
    assert headings[-1] == "## Next step: Talk with a professional"


def test_summary_markdown_puts_crisis_lines_first_when_triggered(tmp_path):
    result = run(
        "summary", "--answers", write(tmp_path, '{"self_harm_thoughts": "more_than_half"}'), "--format", "md"
    )
    headings = [line for line in result.stdout.splitlines() if line.startswith("## ")]
    assert headings[0] == "## Help right now"
    assert "Call or text 988" in result.stdout and "Samaritans" in result.stdout


def test_summary_pdf_to_a_file_and_to_standard_output(tmp_path):
    answers = write(tmp_path, '{"self_harm_thoughts": "several_days"}')
    out = tmp_path / "summary.pdf"
    assert run("summary", "--answers", answers, "--format", "pdf", "--out", str(out)).returncode == 0
    assert out.read_bytes().startswith(b"%PDF-")
    piped = subprocess.run(
        [sys.executable, "-m", "decision_aid", "summary", "--answers", answers, "--format", "pdf"],
        cwd=ROOT,
        capture_output=True,
        timeout=60,
    )
    assert piped.returncode == 0 and piped.stdout.startswith(b"%PDF-")


def test_fhir_questionnaire_and_response_from_the_command_line(tmp_path):
    questionnaire = json.loads(run("questionnaire", "--format", "fhir").stdout)
    response = json.loads(
        run("summary", "--answers", write(tmp_path, '{"age_group": "65_plus"}'), "--format", "fhir").stdout
    )
    assert questionnaire["resourceType"] == "Questionnaire"
    assert response["questionnaire"] == f"{questionnaire['url']}|{questionnaire['version']}"


def test_fhir_response_without_the_safety_answer_is_in_progress_and_written_like_the_app(tmp_path):
    missing = run("summary", "--answers", write(tmp_path, '{"age_group": "65_plus"}'), "--format", "fhir")
    assert json.loads(missing.stdout)["status"] == "in-progress"
    printed = run("summary", "--persona", "james_blood_pressure", "--format", "fhir").stdout
    assert json.loads(printed)["status"] == "completed"
    pack = load_pack("en")
    authored = datetime.datetime.fromisoformat(json.loads(printed)["authored"])
    summary = build_summary(pack, persona_answers(pack, "james_blood_pressure"))
    assert printed == to_json(questionnaire_response(pack, summary, authored=authored))


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("{not json", "is not valid JSON"),
        ('["self_harm_thoughts"]', "must be a JSON object"),
        ('{"mood": "low"}', "unknown question id 'mood'"),
        (
            '{"blood_pressure": "very_high"}',
            "blood_pressure: 'very_high' is not allowed; allowed values: normal, high_controlled, high_uncontrolled, unsure",
        ),
        (
            '{"concerns": "cost"}',
            "concerns: expected a list of strings (multi-choice); allowed values: needles",
        ),
        (
            '{"age_group": ["65_plus"]}',
            "age_group: expected one string; allowed values: under_18, 18_to_64, 65_plus",
        ),
        ('{"age_group": 70}', "age_group: expected one string"),
        ('{"medicines": ["none", "maoi"]}', "medicines: 'none' cannot be combined with other answers"),
    ],
)
def test_bad_answers_exit_2_with_a_message_naming_the_question(tmp_path, content, expected):
    result = run("summary", "--answers", write(tmp_path, content))
    assert result.returncode == 2
    assert expected in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_missing_answers_file_exits_2(tmp_path):
    result = run("summary", "--answers", str(tmp_path / "nope.json"))
    assert result.returncode == 2 and "cannot read" in result.stderr and "Traceback" not in result.stderr


def test_unknown_format_exits_2(tmp_path):
    result = run("summary", "--answers", write(tmp_path, "{}"), "--format", "docx")
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_check_report_prints_grade_and_citations_per_topic():
    result = run("check", "--report")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert any(line.strip().endswith(" liver") for line in lines)
    assert "Flesch-Kincaid grade: median" in result.stdout
    assert "citations:" in result.stdout
    assert re.search(
        r"^benefits: \d+ figures, \d+ icon arrays · harms: \d+ figures, \d+ icon arrays$",
        result.stdout,
        re.MULTILINE,
    )


def test_check_report_fails_when_a_topic_is_too_hard_to_read(pack_copy):
    topic = pack_copy / "en" / "topics" / "consider_liver.md"
    hard = "Pharmacokinetic considerations notwithstanding, intravenous administration necessitates comprehensive hemodynamic surveillance."
    topic.write_text(topic.read_text().replace("**To discuss", hard + "\n\n**To discuss"))
    result = run("check", "--report", "--content", str(pack_copy))
    assert result.returncode == 1
    # Plain `check` already holds every prose field to the maximum grade (PACK_061).
    assert "topics/consider_liver.md: liver > body: reading level" in result.stderr
    assert "[PACK_061]" in result.stderr


def test_personas_lists_ids_and_titles():
    result = run("personas")
    assert result.returncode == 0
    rows = [line.split("\t") for line in result.stdout.strip().splitlines()]
    assert ["dana_crisis", "Dana, 37: thoughts of self-harm"] in rows and len(rows) >= 6


@pytest.mark.parametrize("fmt", ["json", "md", "pdf", "fhir"])
def test_summary_for_a_persona_in_every_format(fmt):
    result = subprocess.run(
        [sys.executable, "-m", "decision_aid", "summary", "--persona", "dana_crisis", "--format", fmt],
        cwd=ROOT,
        capture_output=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    if fmt == "json":
        assert json.loads(result.stdout)["topics"][0]["id"] == "crisis"
    elif fmt == "pdf":
        assert result.stdout.startswith(b"%PDF-")
    else:
        assert result.stdout


def test_unknown_persona_and_both_inputs_exit_2(tmp_path):
    unknown = run("summary", "--persona", "nobody")
    assert unknown.returncode == 2 and "known personas: maria_trd" in unknown.stderr
    both = run("summary", "--persona", "dana_crisis", "--answers", write(tmp_path, "{}"))
    assert both.returncode == 2 and "Traceback" not in both.stderr

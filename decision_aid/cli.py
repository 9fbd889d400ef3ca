"""python -m decision_aid: check the content pack and build a summary from an answers file.

Exit codes: 0 success, 1 the content pack has problems, 2 bad input (never a traceback).
"""

from __future__ import annotations

import argparse
import datetime
import json
import re
import sys
from pathlib import Path
from typing import NoReturn

from decision_aid.answers import Answers, parse_answers
from decision_aid.clinician import record_note
from decision_aid.content import CONTENT_ROOT, PackError, load_pack, locales, read_pack, read_templates
from decision_aid.content.figures import count_figures
from decision_aid.content.translation import (
    ADAPTABLE,
    ADAPTED,
    MANIFEST,
    is_translation,
    read_entries,
    worksheet,
)
from decision_aid.deliberation import Deliberation
from decision_aid.errors import DecisionAidError
from decision_aid.exports.fhir import questionnaire_resource, questionnaire_response, to_json
from decision_aid.exports.markdown import markdown_file
from decision_aid.exports.pdf import render_pdf
from decision_aid.handoff import decode, encode, qr_png, qr_version
from decision_aid.personas import persona_answers
from decision_aid.readability import median_grade, scale, topic_readings
from decision_aid.schema import Pack
from decision_aid.summary import build_summary, summary_json

EXIT_OK, EXIT_PACK, EXIT_INPUT = 0, 1, 2
# A locale names a pack folder under content/ ("en", "pt-BR"), never a path (review F11).
LOCALE = re.compile(r"^[a-z]{2}(-[A-Z]{2})?$")
ECHO = 80  # characters of a bad value an error message repeats; a 50 MB value is not echoed
LONGEST = 2000  # characters of any error message (the list of known ids fits)


def _locale(value: str) -> str:
    if not LOCALE.fullmatch(value):
        raise argparse.ArgumentTypeError(f"{_cut(value)} is not a locale such as en or pt-BR")
    return value


def _cut(text: str) -> str:
    """``repr`` of a value cut to ``ECHO`` characters, so a message stays short."""
    shown = repr(text)
    return shown if len(shown) <= ECHO else shown[:ECHO] + "\u2026"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # argparse exits 2 too; keep its message short
        self.print_usage(sys.stderr)
        self.exit(EXIT_INPUT, f"error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m decision_aid", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    check = commands.add_parser("check", help="validate the content pack")
    check.add_argument("--locale", default="en", type=_locale)
    check.add_argument("--content", type=Path, help="folder holding <locale>/ (default: content/)")
    check.add_argument("--report", action="store_true", help="print reading level and citations per topic")

    translate = commands.add_parser(
        "translate", help="print a translation's missing and stale entries, English beside them"
    )
    translate.add_argument("--locale", required=True, type=_locale)
    translate.add_argument("--all", action="store_true", help="every entry, for a reviewer")
    translate.add_argument("--content", type=Path, help="folder holding <locale>/ (default: content/)")

    summary = commands.add_parser("summary", help="build the summary for an answers file")
    given = summary.add_mutually_exclusive_group(required=True)
    given.add_argument("--answers", type=Path, help="JSON: question id -> answer")
    given.add_argument("--persona", help="a fictional persona's id (see: personas)")
    given.add_argument("--code", help="a hand-off code (see: code)")
    summary.add_argument("--format", choices=("json", "md", "pdf", "fhir", "note"), default="json")
    summary.add_argument(
        "--date", type=_when, help="the record note's date and time, ISO 8601 (default: now)"
    )
    summary.add_argument("--out", type=Path, help="write to this file instead of standard output")
    summary.add_argument("--locale", default="en", type=_locale)

    code = commands.add_parser("code", help="print the hand-off code for an answers file")
    answers = code.add_mutually_exclusive_group(required=True)
    answers.add_argument("--answers", type=Path, help="JSON: question id -> answer")
    answers.add_argument("--persona", help="a fictional persona's id (see: personas)")
    code.add_argument(
        "--deliberation", type=Path, help="JSON: values, leaning, knowledge, sure, ticked, own_questions"
    )
    code.add_argument("--questions", action="store_true", help="include the person's own words")
    code.add_argument("--qr", type=Path, help="also write the code's QR code to this PNG file")
    code.add_argument("--locale", default="en", type=_locale)

    personas = commands.add_parser("personas", help="list the fictional personas")
    personas.add_argument("--locale", default="en", type=_locale)

    questionnaire = commands.add_parser("questionnaire", help="print the questionnaire in another format")
    questionnaire.add_argument("--format", choices=("fhir",), default="fhir")
    questionnaire.add_argument("--locale", default="en", type=_locale)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "check":
        return _check(args.locale, args.content, args.report)
    if args.command == "translate":
        return _translate(args.locale, args.all, args.content)
    if args.command == "personas":
        pack = _pack_or_none(args.locale)
        if pack is None:
            return EXIT_PACK
        return _write("".join(f"{p.id}\t{p.title}\n" for p in pack.personas.personas), None)
    if args.command == "questionnaire":
        pack = _pack_or_none(args.locale)
        if pack is None:
            return EXIT_PACK
        others = tuple(p for code in locales() if code != args.locale and (p := _loaded(code)) is not None)
        return _write(to_json(questionnaire_resource(pack, others)), None)
    if args.command == "code":
        return _code(args)
    return _summary(args)


def _check(locale: str, root: Path | None, report: bool) -> int:
    pack, problems = read_pack(locale, root)
    if problems or pack is None:
        print(f"content pack {locale!r}: {len(problems)} problem(s)", file=sys.stderr)
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
        return EXIT_PACK
    q = pack.questionnaire
    print(
        f"content pack {locale!r} v{pack.info.version} OK: {len(q.sections)} steps, "
        f"{len(q.questions)} questions, {len(pack.topics)} topics, "
        f"{len(pack.references)} references"
    )
    if not report:
        return EXIT_OK
    templates = read_templates(locale, root)
    if templates is None:  # read_pack built it a moment ago: the files changed in between
        print(f"content pack {locale!r} changed while it was read; run check again", file=sys.stderr)
        return EXIT_PACK
    return _report(pack, templates)


def _report(pack: Pack, templates: Pack) -> int:
    """Reading grade and citations per topic, and the figures benefits and harms carry;
    exit 1 if the reading targets are missed. ``templates`` is the pack as written."""
    readings = topic_readings(pack)
    measure = scale(pack.info.locale)
    print(f"\n{'level':>5}  {'refs':>4}  topic")
    hardest_first = -1 if measure.easier_is_higher else 1
    for reading in sorted(readings, key=lambda r: (hardest_first * -r.grade, r.topic_id)):
        flag = "" if measure.meets(reading.grade, measure.worst) else "  <- misses the limit"
        print(f"{reading.grade:5.1f}  {reading.citations:4d}  {reading.topic_id}{flag}")
    median = median_grade(readings)
    hardest = measure.worst_of([r.grade for r in readings])
    table_rows = [*pack.routes.rows, *pack.options.rows]
    way = "or higher" if measure.easier_is_higher else "or lower"
    print(
        f"\n{measure.name}: median {median} (target {measure.median} {way}), "
        f"hardest topic {hardest} (target {measure.worst} {way})"
    )
    print(
        f"citations: {sum(r.citations for r in readings)} in {len(readings)} topics, "
        f"{sum(len(row.references) for row in table_rows)} in {len(table_rows)} table rows; "
        f"{len(pack.numbers.comparisons)} comparisons and {len(pack.numbers.facts)} facts in numbers.yaml"
    )
    benefits, harms = count_figures(templates, "benefit"), count_figures(templates, "risk")
    print(
        f"benefits: {benefits.figures} figures, {benefits.icon_arrays} icon arrays · "
        f"harms: {harms.figures} figures, {harms.icon_arrays} icon arrays"
    )
    met = measure.meets(median, measure.median) and measure.meets(hardest, measure.worst)
    return EXIT_OK if met else EXIT_PACK


def _translate(locale: str, every: bool, root: Path | None = None) -> int:
    folder = (root or CONTENT_ROOT) / locale
    if not is_translation(folder):
        print(f"error: content/{locale}/ is not a translation (it has no {MANIFEST})", file=sys.stderr)
        return EXIT_INPUT
    source = read_templates("en", root)
    if source is None:
        print("error: the English pack cannot be built; run: python -m decision_aid check", file=sys.stderr)
        return EXIT_PACK
    adapted = frozenset(name for name in ADAPTABLE if (folder / ADAPTED / name).is_file())
    return _write(worksheet(source, read_entries(folder, locale), locale, every, adapted), None)


def _loaded(locale: str) -> Pack | None:
    try:
        return load_pack(locale)
    except PackError:
        return None


def _pack_or_none(locale: str) -> Pack | None:
    try:
        return load_pack(locale)
    except PackError as error:  # a broken pack is reported, not thrown at the user
        print(f"error: the content pack {locale!r} cannot be used:\n{error}", file=sys.stderr)
        return None


def _summary(args: argparse.Namespace) -> int:
    pack = _pack_or_none(args.locale)
    if pack is None:
        return EXIT_PACK
    deliberation = None
    try:
        if args.persona:
            answers = persona_answers(pack, args.persona)
        elif args.code is not None:
            answers, deliberation = decode(pack, args.code)
        else:
            answers = parse_answers(pack.questionnaire, json.loads(args.answers.read_text(encoding="utf-8")))
    except DecisionAidError as error:  # bad answers or an unknown persona; the message says which
        return _bad_input(str(error))
    except OSError as error:
        return _bad_input(f"cannot read {args.answers}: {error.strerror or error}")
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        return _bad_input(f"{args.answers} is not valid JSON: {error}")
    except RecursionError:
        return _bad_input(f"{args.answers} is not valid JSON: it is nested too deeply")
    except ValueError as error:  # e.g. an integer of thousands of digits
        return _bad_input(f"{args.answers} is not valid JSON: {error}")
    case = pack.personas.get(args.persona) if args.persona else None
    summary = build_summary(pack, answers, deliberation, fictional=case.title if case else None)
    if args.format == "note":
        document: str | bytes = record_note(pack, summary, args.date or datetime.datetime.now())
    elif args.format == "md":
        document = markdown_file(pack, summary)
    elif args.format == "pdf":
        document = render_pdf(pack, summary)
    elif args.format == "fhir":
        document = to_json(questionnaire_response(pack, summary))
    else:
        document = json.dumps(summary_json(summary), indent=2, ensure_ascii=False) + "\n"
    return _write(document, args.out)


def _write(document: str | bytes, out: Path | None) -> int:
    data = document.encode("utf-8") if isinstance(document, str) else document
    if out is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return EXIT_OK
    try:
        out.write_bytes(data)
    except OSError as error:
        return _bad_input(f"cannot write {out}: {error.strerror or error}")
    return EXIT_OK


def _bad_input(message: str) -> int:
    if len(message) > LONGEST:  # the values a message quotes are cut short; this caps the rest
        message = message[:LONGEST] + "\u2026"
    print(f"error: {message}", file=sys.stderr)
    return EXIT_INPUT


# --- issue 16: the hand-off code ---------------------------------------------------------------


def _when(text: str) -> datetime.datetime:
    try:
        return datetime.datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO 8601 date and time: {text!r}") from None


def _code(args: argparse.Namespace) -> int:
    """Print the hand-off code (and write its QR code): exit 2 on bad answers, never a traceback."""
    pack = _pack_or_none(args.locale)
    if pack is None:
        return EXIT_PACK
    try:
        answers = _code_answers(pack, args)
        deliberation = _code_deliberation(args.deliberation)
    except DecisionAidError as error:
        return _bad_input(str(error))
    except OSError as error:
        return _bad_input(f"cannot read {error.filename}: {error.strerror or error}")
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        return _bad_input(f"not valid JSON: {error}")
    except ValueError as error:  # pydantic's ValidationError: a deliberation file that does not fit
        return _bad_input(f"{args.deliberation}: {' '.join(str(error).split())}")
    code = encode(pack, answers, deliberation, include_questions=args.questions)
    if args.qr is not None:
        status = _write(qr_png(code), args.qr)
        if status != EXIT_OK:
            return status
        print(f"QR code (version {qr_version(code)}) written to {args.qr}", file=sys.stderr)
    return _write(code + "\n", None)


def _code_answers(pack: Pack, args: argparse.Namespace) -> Answers:
    if args.persona:
        return persona_answers(pack, args.persona)
    return parse_answers(pack.questionnaire, json.loads(args.answers.read_text(encoding="utf-8")))


def _code_deliberation(path: Path | None) -> Deliberation | None:
    if path is None:
        return None
    return Deliberation.model_validate(json.loads(path.read_text(encoding="utf-8")))

"""python -m decision_aid: check the content pack and build a summary from an answers file.

Exit codes: 0 success, 1 the content pack has problems, 2 bad input (never a traceback).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from decision_aid.answers import AnswersError, parse_answers
from decision_aid.content import load_pack, read_pack
from decision_aid.exports.markdown import render_markdown
from decision_aid.summary import build_summary, summary_json

EXIT_OK, EXIT_PACK, EXIT_INPUT = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse exits 2 too; keep its message short
        self.print_usage(sys.stderr)
        self.exit(EXIT_INPUT, f"error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m decision_aid", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    check = commands.add_parser("check", help="validate the content pack")
    check.add_argument("--locale", default="en")
    check.add_argument("--content", type=Path, help="folder holding <locale>/ (default: content/)")

    summary = commands.add_parser("summary", help="build the summary for an answers file")
    summary.add_argument("--answers", required=True, type=Path, help="JSON: question id -> answer")
    summary.add_argument("--format", choices=("json", "md"), default="json")
    summary.add_argument("--locale", default="en")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "check":
        return _check(args.locale, args.content)
    return _summary(args)


def _check(locale: str, root: Path | None) -> int:
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
    return EXIT_OK


def _summary(args: argparse.Namespace) -> int:
    try:
        pack = load_pack(args.locale)
    except Exception as error:  # a broken pack is reported, not thrown at the user
        print(f"error: the content pack {args.locale!r} cannot be used:\n{error}", file=sys.stderr)
        return EXIT_PACK
    try:
        raw = json.loads(args.answers.read_text(encoding="utf-8"))
        answers = parse_answers(pack.questionnaire, raw)
    except OSError as error:
        return _bad_input(f"cannot read {args.answers}: {error.strerror or error}")
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        return _bad_input(f"{args.answers} is not valid JSON: {error}")
    except AnswersError as error:
        return _bad_input(str(error))
    summary = build_summary(pack, answers)
    if args.format == "md":
        sys.stdout.write(render_markdown(pack, summary))
    else:
        json.dump(summary_json(summary), sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    return EXIT_OK


def _bad_input(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return EXIT_INPUT

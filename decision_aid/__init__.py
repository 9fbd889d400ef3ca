"""An evidence-based decision aid about ketamine and esketamine for depression.

This package is the functional core: it never imports streamlit (see ``decision_aid.ui``).
The names below are its public API: load a content pack, read a person's answers, build
the one evaluated Summary, and render it. Everything else may change without notice.

    pack = load_pack("en")
    summary = build_summary(pack, parse_answers(pack.questionnaire, {"self_harm_thoughts": "not_at_all"}))
    text = render_markdown(pack, summary)

Names load on first use, so ``import decision_aid.conditions`` stays as quick as it was
(the PDF library alone takes most of a second to import).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from decision_aid.answers import Answers, AnswersError, parse_answers
    from decision_aid.content import PackError, load_pack, read_pack
    from decision_aid.deliberation import Deliberation
    from decision_aid.errors import DecisionAidError
    from decision_aid.exports.fhir import questionnaire_resource, questionnaire_response, to_json
    from decision_aid.exports.markdown import render_markdown
    from decision_aid.exports.pdf import render_pdf
    from decision_aid.personas import UnknownPersona, persona_answers
    from decision_aid.schema import Pack
    from decision_aid.summary import Summary, build_summary, summary_json

_HOMES = {
    "decision_aid.answers": ("Answers", "AnswersError", "parse_answers"),
    "decision_aid.content": ("PackError", "load_pack", "read_pack"),
    "decision_aid.deliberation": ("Deliberation",),
    "decision_aid.errors": ("DecisionAidError",),
    "decision_aid.exports.fhir": ("questionnaire_resource", "questionnaire_response", "to_json"),
    "decision_aid.exports.markdown": ("render_markdown",),
    "decision_aid.exports.pdf": ("render_pdf",),
    "decision_aid.personas": ("UnknownPersona", "persona_answers"),
    "decision_aid.schema": ("Pack",),
    "decision_aid.summary": ("Summary", "build_summary", "summary_json"),
}
_HOME_OF = {name: module for module, names in _HOMES.items() for name in names}

__all__ = [
    "Answers",
    "AnswersError",
    "DecisionAidError",
    "Deliberation",
    "Pack",
    "PackError",
    "Summary",
    "UnknownPersona",
    "build_summary",
    "load_pack",
    "parse_answers",
    "persona_answers",
    "questionnaire_resource",
    "questionnaire_response",
    "read_pack",
    "render_markdown",
    "render_pdf",
    "summary_json",
    "to_json",
]


def __getattr__(name: str) -> Any:
    if name not in _HOME_OF:
        raise AttributeError(f"module 'decision_aid' has no attribute {name!r}")
    return getattr(import_module(_HOME_OF[name]), name)

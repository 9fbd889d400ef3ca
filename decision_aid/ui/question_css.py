"""Questions sized for a thumb (issue 15 item 6): question text of at least 18 px and
answer rows at least 44 px tall (WCAG 2.5.8's floor is 24 px). Authored CSS, since
Streamlit has no setting for either; injected by the questionnaire and the check-your-answers
screens only. Each question sits in a container keyed ``box:question_<id>``, which Streamlit
gives the class ``st-key-box-question_<id>``."""

from __future__ import annotations

QUESTION = '[class*="st-key-box-question_"]'
QUESTION_CSS = f"""<style>
{QUESTION} h2 {{ font-size: 1.25rem; line-height: 1.4; font-weight: 600; padding: 1rem 0 0 0; }}
{QUESTION} [data-testid="stRadioOption"],
{QUESTION} [data-testid="stCheckbox"] > label {{
  display: flex; min-height: 44px; align-items: center; margin: 0; padding: 0.25rem 0; width: 100%; }}
{QUESTION} [data-testid="stRadio"] label p,
{QUESTION} [data-testid="stCheckbox"] label p {{ font-size: 1rem; }}
.st-key-box-check_answers .stButton button {{ min-height: 44px; }}
</style>"""

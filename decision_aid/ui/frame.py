"""The frame around every screen, drawn once in app.py before the screen runs: the
deferred screen switch, links that open a view, the view (mode) switch, presenter style and
the danger line (Streamlit's "frame" pattern for st.navigation).

Only the view and a persona id ever go into the address bar; answers never do.
"""

from __future__ import annotations

import streamlit as st

from decision_aid.personas import persona_answers
from decision_aid.schema import Pack
from decision_aid.ui import navigation, state
from decision_aid.ui.crisis import danger_line

MODES = ("patient", "clinician", "workshop")
HOME = {"patient": "welcome", "clinician": "review", "workshop": "workshop"}
# Streamlit draws captions at 60% opacity: 3.8:1 on its backgrounds, under WCAG's 4.5:1.
# There is no theme setting for it, so this authored rule sets a grey of about 6.5:1.
# Our own HTML uses the same grey for its captions (.aid-caption). Icon arrays are laid
# out by charts.py's classes; folded sections (text.fold) are drawn like expanders.
READABLE_CSS = """<style>
[data-testid="stCaptionContainer"] { opacity: 1 !important; color: #595c63 !important; }
.aid-caption { font-size: 0.875rem; color: #595c63; }
.icon-array { margin-bottom: 1rem; }
.icon-array p { margin: 0 0 0.5rem 0; }
.icon-array .ia-groups { display: flex; flex-wrap: wrap; gap: 1rem 2rem; margin: 0.5rem 0; }
.icon-array figure { flex: 1 1 14rem; margin: 0; }
.icon-array img { display: block; margin: 0.5rem 0; max-width: 100%; height: auto; }
details.fold { border: 1px solid rgba(49, 51, 63, 0.2); border-radius: 0.5rem;
  padding: 0.5rem 1rem; margin-bottom: 0.5rem; }
details.fold.sources { margin-bottom: 1rem; }
details.fold summary { cursor: pointer; }
details.fold[open] summary { margin-bottom: 0.5rem; }
</style>"""
# Larger type for a room; authored CSS, since Streamlit has no setting for it.
PRESENTER_CSS = """<style>
.stMainBlockContainer { max-width: 64rem; }
.stMarkdown p, .stMarkdown li, .stCaption p, label p,
.icon-array p, details.fold summary { font-size: 1.3rem !important; }
h1 { font-size: 3rem !important; } h2 { font-size: 2.3rem !important; } h3 { font-size: 1.8rem !important; }
</style>"""


def draw(pack: Pack) -> None:
    """Run before the screen, on every full run."""
    _read_address_once(pack)
    # Before anything is drawn: a run that only switches screens should cost nothing.
    target = state.take_go_to()
    if target:
        navigation.go(target)
    _mode_switch(pack)
    st.html(READABLE_CSS)
    if state.mode() == "workshop" and state.presenter():
        st.html(PRESENTER_CSS)
    danger_line(pack)


def _read_address_once(pack: Pack) -> None:
    """Links like ?mode=workshop&persona=ID open a view, and load a fictional case."""
    if not state.take_address_unread():
        return
    mode = st.query_params.get("mode")
    if mode in MODES:
        state.set_mode(mode)
        if mode != "patient":
            state.go_to_page(HOME[mode])
    persona_id = st.query_params.get("persona")
    if state.mode() == "workshop" and persona_id and pack.personas.get(persona_id):
        load_persona(pack, persona_id)
    elif persona_id:
        del st.query_params["persona"]


def load_persona(pack: Pack, persona_id: str) -> None:
    state.replace_answers(persona_answers(pack, persona_id))
    st.query_params["persona"] = persona_id
    state.go_to_page("results")


def _mode_switch(pack: Pack) -> None:
    labels = {
        "patient": pack.ui.mode_patient,
        "clinician": pack.ui.mode_clinician,
        "workshop": pack.ui.mode_workshop,
    }
    state.seed(state.MODE_KEY, state.mode())
    with st.sidebar:
        st.radio(
            pack.ui.mode_label, MODES, format_func=labels.get, key=state.MODE_KEY, on_change=_mode_changed
        )
        st.caption(pack.ui.mode_help)
        if state.mode() == "workshop":
            st.page_link(navigation.page("workshop"), label=pack.ui.workshop_back, icon=":material/groups:")
            st.button(
                pack.ui.workshop_reset,
                key=state.widget_key("nav", "reset_sidebar"),
                icon=":material/restart_alt:",
                on_click=reset_and_go_back,
            )


def _mode_changed() -> None:
    mode = state.widget_value(state.MODE_KEY, MODES)
    if not isinstance(mode, str):  # GONE: reset meanwhile, or not a view we offer
        return
    state.set_mode(mode)
    st.query_params.clear()
    st.query_params["mode"] = mode
    state.go_to_page(HOME[mode])


def reset_and_go_back() -> None:
    """Reset for the next person: a clean session, still in the workshop view."""
    state.reset_for_next_person()
    st.query_params.pop("persona", None)
    state.go_to_page("workshop")

"""The frame around every screen, drawn once in app.py before the screen runs: the
deferred screen switch, links that open a view, the view (mode) switch, presenter style and
the danger line (Streamlit's "frame" pattern for st.navigation).

Only the view, a persona id and the language ever go into the address bar; answers never do.
"""

from __future__ import annotations

from typing import Literal

import streamlit as st

from decision_aid.personas import persona_answers
from decision_aid.schema import Pack
from decision_aid.ui import navigation, state
from decision_aid.ui.crisis import danger_line
from decision_aid.ui.layout import named

MODES = ("patient", "clinician", "workshop")
HOME = {"patient": "welcome", "clinician": "review", "workshop": "workshop"}
# Streamlit draws captions at 60% opacity: 3.8:1 on its backgrounds, under WCAG's 4.5:1.
# There is no theme setting for it, so this authored rule sets a grey of about 6.5:1.
# Our own HTML uses the same grey for its captions (.aid-caption). Icon arrays are laid
# out by charts.py's classes; folded sections (text.fold) are drawn like expanders. The
# person's own words sit in code spans, so nothing in them is read as markup; they read as
# ordinary text (the aid's own text has no code). The language switch sits in the empty band
# above the danger line, out of the page's flow: it comes after the danger line for a screen
# reader and pushes nothing down (a screen's heading stays in the top half of a phone).
READABLE_CSS = """<style>
[data-testid="stCaptionContainer"] { opacity: 1 !important; color: #595c63 !important; }
.aid-caption { font-size: 0.875rem; color: #595c63; }
.icon-array { margin-bottom: 1rem; }
.icon-array p { margin: 0 0 0.5rem 0; }
/* Groups side by side, their titles, grids and sentences each level across the row (a
   subgrid), also when one title wraps to more lines than the other. */
.icon-array .ia-groups { display: grid; grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
  gap: 0 1.5rem; margin: 0.5rem 0; }
.icon-array figure { display: grid; grid-row: span 3; grid-template-rows: subgrid; min-width: 0;
  margin: 0 0 1rem 0; }
.icon-array img { display: block; margin: 0.5rem 0; max-width: 100%; height: auto; }
details.fold { border: 1px solid rgba(49, 51, 63, 0.2); border-radius: 0.5rem;
  padding: 0.5rem 1rem; margin-bottom: 0.5rem; }
details.fold.sources { margin-bottom: 1rem; }
details.fold summary { cursor: pointer; }
@media (max-width: 640px) {
  .st-key-box-values [role="radiogroup"] { flex-direction: column; flex-wrap: nowrap;
    align-items: stretch; gap: 0; }
  .st-key-box-values [role="radiogroup"] > div { width: 100%; }
  .st-key-box-values [data-testid="stRadioOption"] { width: 100%; margin: 0; }
  /* Every answer a thumb taps (issue 15 item 6): values, leaning, true or false, SURE, questions to ask. */
  [data-testid="stMain"] [data-testid="stRadioOption"] { min-height: 44px; align-items: center; }
  [data-testid="stMain"] [data-testid="stCheckbox"] > label { display: flex; min-height: 44px;
    align-items: center; }
  /* And every other control: Next and Back, downloads, folds such as "Sources", links. */
  [data-testid="stMain"] button, [data-testid="stMain"] [data-testid="stExpander"] summary,
  [data-testid="stMain"] [data-testid="stPageLink"] a { min-height: 44px; }
  [data-testid="stMain"] details.fold > summary { padding-block: 0.6rem; }
  /* Questions outside the questionnaire (Prepare, the place picker) as large as its own, and
     their answers as its answers; text boxes and pickers a thumb's height too. */
  [data-testid="stMain"] [data-testid="stWidgetLabel"] p { font-size: 1.125rem; line-height: 1.4; }
  [data-testid="stMain"] [data-testid="stRadioOption"] p,
  [data-testid="stMain"] [data-testid="stCheckbox"] label p { font-size: 1rem; }
  [data-testid="stMain"] [data-testid="stTextInputRootElement"],
  [data-testid="stMain"] [data-testid="stSelectbox"] [role="group"] { min-height: 44px; }
  /* 16 px typing: smaller, and a phone's browser zooms into the box on focus. */
  [data-testid="stMain"] [data-testid="stTextInputRootElement"] input,
  [data-testid="stMain"] [data-testid="stSelectbox"] input { font-size: 1rem; }
}
/* Square, and small enough that the address in words (and a warning) fit under it. */
[role="dialog"] img { width: min(60vh, 100%) !important; height: auto !important;
  aspect-ratio: 1; margin: 0 auto; image-rendering: pixelated; }
/* The QR code and its address in the middle of the dialog, where a room looks. */
[role="dialog"] [data-testid="stFullScreenFrame"] > div { width: 100%; justify-content: center; }
[role="dialog"] h3 { text-align: center; }
/* Its Close a thumb's size, as every other control (Streamlit's is 18 x 18 px). Found by
   its place, not its name: the name is in the page's language (layout._ONCE_A_PAGE). */
[role="dialog"] > button { min-width: 44px; min-height: 44px;
  display: inline-flex; align-items: center; justify-content: center; }
a[href^="tel:"], a[href^="sms:"] { display: inline-flex; align-items: center; gap: 0.25rem;
  min-height: 44px; padding: 0 0.75rem; margin: 0.25rem 0.5rem 0.25rem 0;
  border: 1px solid currentColor; border-radius: 0.5rem; text-decoration: none; font-weight: 600; }
details.fold[open] summary { margin-bottom: 0.5rem; }
/* Streamlit's line under a file box ("10MB per file • JSON") is English on every page, and
   says nothing the label does not: the label names the .json file, a few KB. */
[data-testid="stFileUploaderDropzoneInstructions"] { display: none; }
[data-testid="stMainBlockContainer"] { position: relative; }
.st-key-box-crisis_panel, [class*="st-key-box-question_"] { scroll-margin-top: 4.5rem; }
/* The NHS care card for "immediate" action, the strongest on any screen: red, wider than a
   contraindication's bar, with its heading and icon as the words (an acceptance review saw
   the crisis panel with a 1 px grey border under an 8 px red contraindication card). */
.st-key-box-crisis_panel { border: 2px solid #d5281b !important; border-left-width: 0.75rem !important; }
.st-key-box-lang { display: none; }
.st-key-box-removed [data-testid="stText"] { color: #595c63; }  /* "Removed: …", beside Undo */
/* A keyboard's place plain to see: Streamlit's own ring is a pale shadow, about 2.3:1 on
   white (a review; WCAG 1.4.11). The aid's blue is 6.7:1. */
button:focus-visible, a:focus-visible, summary:focus-visible,
[data-testid="stRadioOption"]:has(input:focus-visible),
[data-testid="stCheckbox"] label:has(input:focus-visible),
[data-testid="stTextInputRootElement"]:has(input:focus-visible),
[data-testid="stSelectbox"] div:has(> input:focus-visible) {
  outline: 3px solid #1e6091 !important; outline-offset: 2px; }
/* The main area is a Tab stop of its own (a browser's, for scrolling by keyboard). */
[data-testid="stMain"]:focus-visible { outline: 3px solid #1e6091; outline-offset: -3px; }
/* A screen's heading takes the keyboard's place after a move to it: no ring, as it is not
   a control. */
h1[tabindex="-1"]:focus { outline: none; }
/* A closed sidebar's controls leave the Tab order (Streamlit only slides it off screen, where
   a review tabbed through 12 of them); hidden once its slide has ended. */
[data-testid="stSidebar"][data-collapsed="true"] { visibility: hidden; transition: visibility 0s 0.3s; }
/* Its close button shows only under a mouse, so the keyboard never met it on a laptop: shown
   while the keyboard is in the sidebar, it is a Tab stop (a keyboard review). */
[data-testid="stSidebar"]:focus-within [data-testid="stSidebarCollapseButton"] { visibility: visible; }
/* The workshop's QR pictures offer no "Fullscreen" of their own: the aid's full screen is
   there, and Streamlit's lost the keyboard to the page's start, even after Escape. */
[class*="st-key-box-workshop_qr"] [data-testid="stElementToolbar"] { display: none; }
/* A script alone (layout's scrolls, focus moves, words for a screen reader) takes no room:
   its empty box added a gap of its own between the quiz's feedback and the next question,
   there for one run only, so the page below jumped. It has run once drawn; hidden, it stays. */
[data-testid="stElementContainer"]:has(> [data-testid="stHtml"] > script:only-child) { display: none; }
/* The 1 px frame of the script that closes it (CLOSE_SIDEBAR_JS) is no Tab stop: hidden, it
   still runs. */
[data-testid="stSidebar"] iframe { visibility: hidden; }
[class*="st-key-nav-case_"] button, [class*="st-key-nav-case_"] button *,
[class*="st-key-nav-view_"] button, [class*="st-key-nav-view_"] button * {
  justify-content: flex-start; text-align: left; }
/* Many buttons with the same words: the italic part of their label (layout.named) is for
   screen readers only, hidden from sight as GOV.UK's "Change" links hide theirs. */
[class*="st-key-nav-change_"] button em, [class*="st-key-nav-load_"] button em,
[class*="st-key-nav-remove_own_"] button em, [class*="st-key-nav-undo_"] button em,
[class*="st-key-nav-case_"] button em, [class*="st-key-nav-view_"] button em {
  position: absolute !important; width: 1px; height: 1px; overflow: hidden;
  clip-path: inset(50%); white-space: nowrap; }
[class*="st-key-nav-lang_"] { position: absolute; top: 3.75rem; right: 1rem; width: auto; z-index: 1; }
[data-testid="stMarkdownContainer"] code { font-family: inherit;
  font-size: inherit; color: inherit; background: none; padding: 0; white-space: pre-wrap; }
</style>"""
# Larger type for a room, on every part of a screen: the notes and their "Shown because"
# lines, tables, buttons, links, the danger line. Authored CSS: Streamlit has no setting for it.
PRESENTER_CSS = """<style>
.stMainBlockContainer { max-width: 80rem; }
.stMarkdown p, .stMarkdown li, .stMarkdown td, .stMarkdown th, .stCaption p, label p,
[data-testid="stMarkdownContainer"] p, a[href^="tel:"], a[href^="sms:"],
[data-testid="stCaptionContainer"], .aid-caption, .icon-array p, details.fold summary,
[data-testid="stExpander"] summary p, [data-testid="stAlert"] p, button, button p, button span,
[data-testid="stPageLink"] p, [data-testid="stTable"] td, [data-testid="stTable"] th,
table td, table th, [data-baseweb="select"] div, input { font-size: 1.4rem !important; }
button { min-height: 3rem; }
h1 { font-size: 3rem !important; } h2 { font-size: 2.3rem !important; } h3 { font-size: 1.8rem !important; }
[class*="st-key-nav-lang_"] button { min-height: 0; }
[class*="st-key-nav-lang_"] button p { font-size: 1rem !important; }
.aid-compare-caution p, .aid-mark, .aid-card dt, .aid-card dd { font-size: 1.4rem !important; }
.aid-card h2, .aid-card h3, .aid-card h4 { font-size: 1.8rem !important; }
.icon-array img { width: 20rem; height: auto; }
</style>"""
# After the view or the case changed: click Streamlit's own "Collapse sidebar" button, on a
# phone only (Streamlit's md breakpoint). The keyboard's place goes to the new screen's
# heading with every move (layout._TO_TOP). Runs in a same-origin component frame; no request.
CLOSE_SIDEBAR_JS = """<script>/* ask {ask} */
if (window.parent.innerWidth < 768) {{
  const button = window.parent.document.querySelector('[data-testid="stSidebarCollapseButton"] button');
  if (button) {{ button.click(); }}
}}
</script>"""


# The page's language for assistive technology (WCAG 3.1.1): Streamlit's page says "en" and
# has no setting, so a same-origin component frame sets it on the page; no request.
LANG_JS = """<script>window.parent.document.documentElement.lang = "{lang}";</script>"""


def choose_language() -> None:
    """On a session's first run, before the page is set up: the address's ``lang``, else
    the browser's language when the aid has it, else English."""
    if state.language_chosen():
        return
    asked = st.query_params.get("lang")
    if asked is not None and asked not in state.offered():
        del st.query_params["lang"]
        asked = None
    browser = (st.context.locale or "").split("-")[0].lower()
    state.set_locale(asked or (browser if browser in state.offered() else state.LOCALES[0]))


def sidebar_state() -> Literal["auto", "collapsed"]:
    """Folded for a patient, whose screens need nothing from it, so a laptop gives the
    screen the whole width. For an educator's or clinician's link (read from the address
    too: the first run sets up the page before draw() reads the address), Streamlit's own
    choice: open on a laptop, folded on a phone, where an open sidebar covers the screen."""
    if state.has_run():
        mode = state.mode()
    else:  # presenter=1 alone is a room's link, the workshop's (_read_address_once): it opened folded
        room = st.query_params.get("presenter") == "1"
        mode = st.query_params.get("mode", "workshop" if room else "patient")
    return "auto" if mode in MODES and mode != "patient" else "collapsed"


def switch_first() -> None:
    """Run before anything is drawn: a click that changes screens (state.go_to_page) reruns
    as the new screen at once, so the run it ends sends only Streamlit's own start and end
    messages, not the page setup and the list of screens. Half the runs of a journey are
    such runs. A session's first run has no screens registered yet; there draw() switches."""
    if state.has_run():
        target = state.take_go_to()
        if target:
            navigation.go(target)


def draw(pack: Pack) -> None:
    """Run before the screen, on every full run."""
    _read_address_once(pack)
    # Before anything is drawn: a run that only switches screens should cost nothing.
    target = state.take_go_to()
    if target:
        navigation.go(target)
    _sidebar(pack)
    st.html(READABLE_CSS)
    if presented():
        st.html(PRESENTER_CSS)
    danger_line(pack)  # first on every screen, whatever the language
    _language(pack)
    _fictional_banner(pack)


def presented() -> bool:
    """Presenter view: a workshop's, and the clinician review an educator opens from it for
    the room (it dropped presenter=1 and showed 15 px text, a review); never a patient's."""
    return state.presenter() and state.mode() != "patient"


def _language(pack: Pack) -> None:
    """The switch to each other language, named in that language; the page's language."""
    for code in state.offered():
        if code != pack.info.locale:
            st.button(
                state.pack(code).ui.language_switch,
                key=state.widget_key("nav", f"lang_{code}"),
                icon=":material/translate:",
                type="tertiary",  # quiet and link-like; READABLE_CSS places it (see there)
                on_click=_switch_language,
                args=(code,),
            )
    if pack.info.locale != state.LOCALES[0] or state.language_switched():
        with st.container(key=state.widget_key("box", "lang")):  # hidden by READABLE_CSS
            st.iframe(LANG_JS.format(lang=pack.info.locale), height=1)


def _switch_language(code: str) -> None:
    # The keyboard stays on the switch, now the way back (it fell to the page's start).
    state.focus_control(state.widget_key("nav", f"lang_{state.pack().info.locale}"))
    state.set_locale(code, switched=True)
    state.show_again()  # every choice on screen, in the new words
    st.query_params["lang"] = code


def _read_address_once(pack: Pack) -> None:
    """Links like ?mode=workshop&persona=ID&presenter=1 open a view, and load a fictional case."""
    if not state.take_address_unread():
        return
    mode = st.query_params.get("mode")
    if mode is None and st.query_params.get("presenter") == "1":  # a room's link, its view unsaid
        mode = st.query_params["mode"] = "workshop"
    if mode in MODES:
        state.set_mode(mode)
        if mode != "patient":
            state.go_to_page(HOME[mode])
    if state.mode() != "patient" and st.query_params.get("presenter") == "1":
        state.set_presenter(True)
    elif "presenter" in st.query_params:
        del st.query_params["presenter"]
    persona_id = st.query_params.get("persona")
    if state.mode() == "workshop" and persona_id and pack.personas.get(persona_id):
        load_persona(pack, persona_id)
    elif persona_id:
        del st.query_params["persona"]


def load_persona(pack: Pack, persona_id: str) -> None:
    state.replace_answers(persona_answers(pack, persona_id))
    state.set_persona(persona_id)
    st.query_params["persona"] = persona_id
    state.go_to_page("results")


def _fictional_banner(pack: Pack) -> None:
    """On every screen while a fictional case is loaded, so a room knows whose answers these are."""
    title = state.fictional_title(pack)
    if title is not None:
        st.info(pack.ui.fictional_case.format(name=title), icon=":material/theater_comedy:")


def _sidebar(pack: Pack) -> None:
    """Workshop controls for an educator; the view switch folded away at the bottom, since
    patients need none of it (clinician and workshop views open through their links)."""
    with st.sidebar:
        if state.mode() == "workshop":
            # Not the case: "persona" in the address would load it again on a reload.
            navigation.link("workshop", pack.ui.workshop_back, ":material/groups:", leave_out=("persona",))
            st.button(
                pack.ui.workshop_reset,
                key=state.widget_key("nav", "reset_sidebar"),
                icon=":material/restart_alt:",
                on_click=_reset_from_sidebar,
            )
            _case_switcher(pack)  # under Reset: its eight cases would push Reset out of view
        with st.expander(pack.ui.for_educators, expanded=state.mode() != "patient"):
            _mode_switch(pack)
        ask = state.take_close_sidebar()
        if ask:
            st.iframe(CLOSE_SIDEBAR_JS.format(ask=ask), height=1)


def _case_switcher(pack: Pack) -> None:
    """Every case in view, whole, one click away: a dropdown cut the names at a sidebar's
    width. Buttons, not radios: a radio's arrow keys would load each case on the way."""
    st.markdown(f"**{pack.ui.workshop_case}**")
    for persona in pack.personas.personas:
        on_screen = persona.id == state.persona()
        st.button(
            named(persona.title, pack.ui.workshop_case_current) if on_screen else persona.title,
            key=state.widget_key("nav", f"case_{persona.id}"),
            type="primary" if on_screen else "secondary",  # and a tick: never colour alone
            icon=":material/check:" if on_screen else None,
            width="stretch",
            on_click=_case_chosen,
            args=(pack, persona.id),
        )


def _case_chosen(pack: Pack, persona_id: str) -> None:
    load_persona(pack, persona_id)
    state.ask_close_sidebar()


def _mode_switch(pack: Pack) -> None:
    """A button per view, as the cases are: a radio's arrow keys changed the view on the way
    (a keyboard review; WCAG 3.2.2)."""
    labels = {
        "patient": pack.ui.mode_patient,
        "clinician": pack.ui.mode_clinician,
        "workshop": pack.ui.mode_workshop,
    }
    st.markdown(f"**{pack.ui.mode_label}**")
    for mode in MODES:
        on_screen = mode == state.mode()
        st.button(
            named(labels[mode], pack.ui.workshop_case_current) if on_screen else labels[mode],
            key=state.widget_key("nav", f"view_{mode}"),
            type="primary" if on_screen else "secondary",  # and a tick: never colour alone
            icon=":material/check:" if on_screen else None,
            width="stretch",
            on_click=_mode_chosen,
            args=(mode,),
        )
    st.caption(pack.ui.mode_help)


def _mode_chosen(mode: str) -> None:
    state.set_mode(mode)
    st.query_params.clear()
    st.query_params["mode"] = mode
    if state.locale() != state.LOCALES[0]:
        st.query_params["lang"] = state.locale()
    if presented():
        st.query_params["presenter"] = "1"
    state.go_to_page(HOME[mode])
    state.ask_close_sidebar()


def _reset_from_sidebar() -> None:
    reset_and_go_back()
    state.ask_close_sidebar()  # on a phone it stayed over the workshop page (a re-check)


def reset_and_go_back() -> None:
    """Reset for the next person: a clean session, still in the workshop view."""
    state.reset_for_next_person()
    st.query_params.pop("persona", None)
    state.go_to_page("workshop")

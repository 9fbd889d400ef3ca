"""The hand-off from patient to clinician (issue 16), with nothing stored on any server.

Out, on the patient's summary: the short code and its QR code, made on the page from the
session's answers. In, on clinician review: a code typed or pasted, a QR code scanned with the
computer's camera (read on the server, in memory), or a file the patient saved. What is opened
goes into the clinician's own session only.
"""

from __future__ import annotations

import base64
import html

import streamlit as st

from decision_aid import handoff, imports
from decision_aid.answers import Answers
from decision_aid.deliberation import Deliberation
from decision_aid.schema import Pack
from decision_aid.ui import state

# Large, monospace and grouped, so it can be read aloud or typed. A phone wraps it only after
# a dash, never inside a group ("…000G-" / "360" was read as two codes): each group is kept on
# one line, and <wbr> adds no character to a copy. The code is made by handoff.encode from its
# own alphabet: no words of the person's are in it.
_CODE_HTML = """<style>
.handoff-code {{ font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;
  font-size: 1.6rem; line-height: 1.6; letter-spacing: 0.05em; margin: 0 0 0.5rem 0; }}
.handoff-code span {{ white-space: nowrap; }}
</style>
<p class="handoff-code">{code}</p>"""


def _code_groups(code: str) -> str:
    groups = code.split("-")
    return "<wbr>".join(
        f"<span>{html.escape(group)}{'-' if index < len(groups) - 1 else ''}</span>"
        for index, group in enumerate(groups)
    )


# The QR code inline, with its text alternative (st.image gives an image no alt text).
_QR_HTML = """<figure class="handoff-qr" style="margin: 0;">
<img src="data:image/png;base64,{png}" alt="{alt}" width="280" height="280"
  style="image-rendering: pixelated; max-width: 100%; height: auto;">
<figcaption class="aid-caption">{caption}</figcaption></figure>"""

INCLUDE_KEY = state.widget_key("nav", "handoff_words")


def input_key(name: str) -> str:
    """The key of one of the clinician's inputs ("code", "scan", "camera", "file"): new after
    each closed patient, so no code, picture or file stays on the page, or in memory."""
    return state.widget_key("nav", f"handoff_{name}_{state.session().patients_closed}")


def handoff_out(pack: Pack, answers: Answers, deliberation: Deliberation) -> None:
    """The code and its QR code, for the person to show their clinician."""
    words = pack.ui.handoff
    with st.container(border=True, key=state.widget_key("box", "handoff")):
        st.header(words.section_title, anchor="handoff")
        st.markdown(words.section_intro)
        own = bool(deliberation.own_questions or deliberation.own_value.strip())
        include = own and st.checkbox(words.include_words, key=INCLUDE_KEY)
        if own:
            st.caption(words.include_words_help)
        code = handoff.encode(pack, answers, deliberation, include_questions=bool(include))
        st.markdown(f"**{words.code_label}**")
        st.html(_CODE_HTML.format(code=_code_groups(code)))
        png = base64.b64encode(state.qr_picture(code, _qr)).decode("ascii")
        caption = html.escape(words.qr_caption)
        st.html(_QR_HTML.format(png=png, alt=f"{caption}: {html.escape(code)}", caption=caption))


def _qr(code: str) -> bytes:
    return handoff.qr_png(code, scale=6)


def open_panel(pack: Pack, expanded: bool) -> None:
    """Open a patient's answers: a code, a QR code seen by the camera, or a saved file."""
    words = pack.ui.clinician
    title = words.open_title if expanded else words.open_another
    with st.expander(title, expanded=expanded, icon=":material/person_search:"):
        st.markdown(words.open_intro)
        refused = state.take_open_error()
        if refused:
            st.error(refused, icon=":material/error:")
        st.text_input(words.code_input, key=input_key("code"), autocomplete="off")  # a code is answers
        st.button(
            words.code_open,
            type="primary",
            key=state.widget_key("nav", "handoff_open"),
            on_click=_open_code,
            args=(pack,),
        )
        if st.toggle(words.camera_toggle, key=input_key("scan")):
            st.camera_input(words.camera_label, key=input_key("camera"), on_change=_open_photo, args=(pack,))
        st.file_uploader(
            words.file_label, type=["json"], key=input_key("file"), on_change=_open_file, args=(pack,)
        )


def _open_code(pack: Pack) -> None:
    typed = state.widget_value(input_key("code"))
    if not isinstance(typed, str):
        return
    _open_text(pack, typed, pack.ui.clinician.source_code)


def _open_text(pack: Pack, code: str, source: str) -> None:
    try:
        answers, deliberation = handoff.decode(pack, code)
    except handoff.HandoffError as error:
        state.note_open_error(str(error))
        return
    state.open_answers(answers, deliberation, source)


def _open_photo(pack: Pack) -> None:
    photo = state.widget_value(input_key("camera"))
    if photo is state.GONE or photo is None or not hasattr(photo, "getvalue"):
        return
    text = handoff.read_qr(photo.getvalue())
    if text is None:
        state.note_open_error(pack.ui.clinician.camera_no_code)
        return
    _open_text(pack, text, pack.ui.clinician.source_camera)


def _open_file(pack: Pack) -> None:
    chosen = state.widget_value(input_key("file"))
    if chosen is state.GONE or chosen is None or not hasattr(chosen, "getvalue"):
        return
    try:
        answers, deliberation = imports.read_file(pack, chosen.getvalue())
    except imports.FileNotReadable as error:
        state.note_open_error(str(error))
        return
    state.open_answers(answers, deliberation, pack.ui.clinician.source_file)

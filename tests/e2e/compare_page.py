"""A page with only the comparison grid, for browser tests (run with `streamlit run`).

``?very=<value id>,<value id>`` rates those values "very important", as What matters to
you would; the grid is the one a stage of the results will draw with compare_options.
"""

import streamlit as st

from decision_aid.summary import build_summary
from decision_aid.ui import frame, offline, state
from decision_aid.ui.compare import compare_options

offline.keep_on_machine()
st.set_page_config(page_title="Compare options", layout="centered")
pack = state.pack()
very = [value for value in st.query_params.get("very", "").split(",") if value]
if very and not state.deliberation().values:
    state.update_deliberation(values=dict.fromkeys(very, "very"))
st.html(frame.READABLE_CSS)  # the app's own rules, drawn by its frame on every screen
st.title(pack.options.title)
compare_options(pack, build_summary(pack, state.answers(), state.deliberation()))

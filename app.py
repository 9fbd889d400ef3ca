"""Entry point: `streamlit run app.py`. Page setup and navigation only; no logic."""

import streamlit as st

from decision_aid.ui import offline, process
from decision_aid.ui.navigation import all_pages

offline.keep_on_machine()  # before anything else: see decision_aid/ui/offline.py
process.prepare_once()

# No page_icon: a Material icon there is fetched from a third-party server by the browser.
st.set_page_config(page_title="Ketamine and esketamine for depression: a decision aid", layout="centered")
st.navigation(all_pages(), position="hidden").run()

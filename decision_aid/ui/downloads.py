"""The take-away in three formats, for the summary and the clinician's screens: the two a person
keeps first, the health-record file for clinics below them."""

from __future__ import annotations

import streamlit as st

from decision_aid.exports.fhir import questionnaire_response, to_json
from decision_aid.exports.markdown import markdown_file
from decision_aid.exports.pdf import characters_the_pdf_cannot_show, render_pdf
from decision_aid.schema import Pack
from decision_aid.summary import Summary
from decision_aid.ui import state
from decision_aid.ui.layout import buttons_row


def downloads(pack: Pack, document: Summary) -> None:
    """The take-away to keep (PDF, Markdown), then the health-record file under "For clinics";
    each built in memory only when asked for. Nothing is written anywhere, and downloading
    does not rerun the page."""
    row = buttons_row()
    row.download_button(
        pack.ui.download_pdf,
        lambda: render_pdf(pack, document),
        file_name=f"{pack.ui.summary_file}.pdf",
        mime="application/pdf",
        type="primary",
        key=state.widget_key("nav", "download_pdf"),
        on_click="ignore",
    )
    if missing := characters_the_pdf_cannot_show(document):  # issue 17: said, never logged
        st.caption(pack.ui.pdf_missing_characters.format(characters=" ".join(missing)))
    row.download_button(
        pack.ui.download_markdown,
        lambda: markdown_file(pack, document),
        file_name=f"{pack.ui.summary_file}.md",
        mime="text/markdown",
        key=state.widget_key("nav", "download_markdown"),
        on_click="ignore",
    )
    with st.expander(pack.ui.for_clinics_title):
        st.markdown(pack.ui.for_clinics_text)
        st.download_button(
            pack.ui.download_fhir,
            lambda: to_json(questionnaire_response(pack, document)),
            file_name=f"{pack.ui.summary_file}.fhir.json",
            mime="application/fhir+json",
            key=state.widget_key("nav", "download_fhir"),
            on_click="ignore",
        )

"""Workshop: fictional personas, a presenter view, a QR code and a reset between people."""

from __future__ import annotations

import streamlit as st

from decision_aid.schema import Pack, Persona
from decision_aid.sharing import qr_png, share_address
from decision_aid.ui import shell, state


def workshop() -> None:
    pack = state.pack()
    shell.start(pack)
    st.title(pack.ui.workshop_title)
    st.toggle(pack.ui.workshop_presenter, key=state.PRESENTER_KEY)
    st.markdown(pack.personas.intro)
    for persona in pack.personas.personas:
        _persona_card(pack, persona)
    st.button(
        pack.ui.workshop_reset,
        key="reset_next",
        icon=":material/restart_alt:",
        on_click=shell.reset_and_go_back,
    )
    _qr_code(pack)


def _persona_card(pack: Pack, persona: Persona) -> None:
    titles = {t.id: t.title for t in pack.topics}
    with st.container(border=True, key=f"persona_{persona.id}"):
        st.header(persona.title, anchor=persona.id)
        st.caption(f":material/theater_comedy: {pack.personas.fictional_label}")
        st.markdown(persona.story)
        if persona.shows:
            st.markdown(f"{pack.ui.workshop_shows} " + "; ".join(titles[t] for t in persona.shows))
        st.button(
            pack.ui.workshop_load,
            key=f"load_{persona.id}",
            on_click=shell.load_persona,
            args=(pack, persona.id),
        )


def _qr_code(pack: Pack) -> None:
    state.seed("share_address", share_address(st.context.url))
    address = st.text_input(pack.ui.workshop_share_address, key="share_address")
    if address:
        label = f"{pack.ui.workshop_qr}: {address}"
        st.image(qr_png(address), caption=label, alt=label, width=260)

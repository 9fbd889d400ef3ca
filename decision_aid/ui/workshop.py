"""Workshop: fictional personas, a presenter view, a QR code and a reset between people."""

from __future__ import annotations

import streamlit as st

from decision_aid.schema import Pack, Persona
from decision_aid.sharing import MAX_ADDRESS, address_for_language, is_loopback, qr_png
from decision_aid.ui import state
from decision_aid.ui.frame import load_persona, reset_and_go_back
from decision_aid.ui.layout import named

SHARE_KEY = state.widget_key("nav", "share_address")


def workshop() -> None:
    pack = state.pack()
    st.title(pack.ui.workshop_title)
    state.seed(state.PRESENTER_KEY, state.presenter())
    st.toggle(pack.ui.workshop_presenter, key=state.PRESENTER_KEY, on_change=_presenter_changed)
    address = _share_address(pack)
    if address and st.button(
        pack.ui.workshop_qr_full, key=state.widget_key("nav", "qr_full"), icon=":material/qr_code_2:"
    ):
        st.dialog(pack.ui.workshop_qr, width="large")(_qr_full_screen)(pack, address)
    st.markdown(pack.personas.intro)
    for persona in pack.personas.personas:
        _persona_card(pack, persona)
    st.button(
        pack.ui.workshop_reset,
        key=state.widget_key("nav", "reset_next"),
        icon=":material/restart_alt:",
        on_click=reset_and_go_back,
    )
    if address and (png := qr_png(address)) is not None:
        label = f"{pack.ui.workshop_qr}: {address}"
        picture = st.container(key=state.widget_key("box", "workshop_qr"))
        picture.image(png, caption=label, alt=label, width=260)


def _presenter_changed() -> None:
    """Presenter view is kept in the address, so a reload or a shared link keeps it."""
    state.store_presenter()
    if state.presenter():
        st.query_params["presenter"] = "1"
    else:
        st.query_params.pop("presenter", None)


def _share_address(pack: Pack) -> str:
    language = state.locale() if state.locale() != state.LOCALES[0] else ""
    shown = state.widget_value(SHARE_KEY)
    state.set_widget(
        SHARE_KEY,
        address_for_language(
            None if shown is state.GONE else str(shown), st.context.url, language, state.offered()
        ),
    )
    address = st.text_input(pack.ui.workshop_share_address, key=SHARE_KEY, max_chars=MAX_ADDRESS)
    if address and is_loopback(address):
        st.warning(pack.ui.workshop_loopback, icon=":material/wifi_off:")
    if address and qr_png(address) is None:  # a client need not respect max_chars
        st.warning(pack.ui.workshop_address_too_long, icon=":material/qr_code_2:")
        return ""
    return address


def _qr_full_screen(pack: Pack, address: str) -> None:
    """The QR code as large as the screen allows, in a dialog, with the address in words."""
    if is_loopback(address):
        st.warning(pack.ui.workshop_loopback, icon=":material/wifi_off:")
    label = f"{pack.ui.workshop_qr}: {address}"
    png = qr_png(address)
    if png is None:
        st.warning(pack.ui.workshop_address_too_long, icon=":material/qr_code_2:")
        return
    st.container(key=state.widget_key("box", "workshop_qr_full")).image(png, alt=label, width="stretch")
    st.subheader(address, anchor=False)


def _persona_card(pack: Pack, persona: Persona) -> None:
    titles = {t.id: t.title for t in pack.topics}
    with st.container(border=True, key=state.widget_key("box", f"persona_{persona.id}")):
        st.header(persona.title, anchor=persona.id)
        st.caption(f":material/theater_comedy: {pack.personas.fictional_label}")
        st.markdown(persona.story)
        if persona.shows:
            st.markdown(f"{pack.ui.workshop_shows} " + "; ".join(titles[t] for t in persona.shows))
        st.button(
            named(pack.ui.workshop_load, persona.title),
            key=state.widget_key("nav", f"load_{persona.id}"),
            on_click=load_persona,
            args=(pack, persona.id),
        )

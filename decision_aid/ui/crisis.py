"""Crisis resources: the one-line notice on every page and the full panel."""

from __future__ import annotations

import streamlit as st

from decision_aid.schema import CrisisRegion, Pack
from decision_aid.tailoring import Reason
from decision_aid.ui import state
from decision_aid.ui.text import because, citation


def danger_line(pack: Pack) -> None:
    """Every page, the welcome page included: the emergency line, crisis lines one click away."""
    with st.expander(pack.ui.danger_expander, icon=":material/emergency:"):
        crisis_lines(pack)


def crisis_lines(pack: Pack) -> None:
    """Every region's emergency number and crisis lines, as one element."""
    st.markdown(all_lines(pack))


def all_lines(pack: Pack) -> str:
    return "\n\n".join(f"**{region.name}**\n\n{region_lines(pack, region)}" for region in pack.crisis.regions)


def crisis_panel(pack: Pack, reasons: tuple[Reason, ...] = ()) -> None:
    """The full crisis panel: shown at once on a worrying safety answer, and on every later page."""
    topic = pack.topic("crisis")
    with st.container(border=True, key=state.widget_key("box", "crisis_panel")):
        st.header(f":material/support: {topic.title}", anchor="crisis")
        for reason in reasons:
            st.caption(because(pack, reason))
        st.markdown(topic.body)
        st.markdown(pack.crisis.intro)
        ids = tuple(r.id for r in pack.crisis.regions)
        state.seed(state.REGION_KEY, state.region(ids[0]))
        chosen = st.selectbox(
            pack.ui.crisis_region_label,
            ids,
            format_func=lambda region_id: pack.crisis.region(region_id).name,
            key=state.REGION_KEY,
            on_change=state.store_region,
            args=(ids,),
        )
        region = pack.crisis.region(chosen)
        st.markdown(region_lines(pack, region))
        st.markdown(pack.crisis.on_screen)
        with st.expander(f"{pack.ui.sources_label} ({len(region.references)})"):
            st.markdown("\n".join(f"- {citation(pack, ref)}" for ref in region.references))


def region_lines(pack: Pack, region: CrisisRegion) -> str:
    rows = [f"- {pack.ui.emergency_label} **{region.emergency}**"]
    for line in region.lines:
        hours = f" ({line.hours})" if line.hours else ""
        rows.append(f"- {line.name}: **{line.contact}**{hours}")
    return "\n".join(rows)

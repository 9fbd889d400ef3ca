"""Crisis resources: the one-line notice on every page and the full panel.

Every number a person can call or text is a tap-to-call (``tel:``) or tap-to-text (``sms:``)
link, made from the digits in crisis.yaml (``call``, ``text``, ``emergency_call``), never
read out of the words beside them. These links open the phone's own dialler: no request.
"""

from __future__ import annotations

import functools
import re

import streamlit as st

from decision_aid.content import load_pack, locales
from decision_aid.exports.document import region_line
from decision_aid.schema import CrisisLine, CrisisRegion, Pack
from decision_aid.tailoring import Reason
from decision_aid.ui import state
from decision_aid.ui.layout import say
from decision_aid.ui.text import because, citation


def danger_line(pack: Pack) -> None:
    """Every page, the welcome page included: the emergency number to tap, crisis lines one click away."""
    region = chosen_region(pack)
    links = " ".join(_call(pack, number) for number in region.emergency_call)
    st.markdown(f"{pack.ui.danger_now.format(emergency=region.emergency)} {links}".rstrip())
    with st.expander(pack.ui.danger_expander):
        crisis_lines(pack)


def crisis_lines(pack: Pack) -> None:
    """Every region's emergency number and crisis lines, as one element: the person's place
    first (a British browser read the United States' lines first)."""
    here = chosen_region(pack)
    st.markdown("\n\n".join((region_block(pack, here), all_lines(pack, leaving_out=here))))


def all_lines(pack: Pack, leaving_out: CrisisRegion | None = None) -> str:
    return "\n\n".join(region_block(pack, region) for region in pack.crisis.regions if region != leaving_out)


def region_block(pack: Pack, region: CrisisRegion) -> str:
    """A place's name, then its emergency number and crisis lines with their links."""
    return f"**{region.name}**\n\n{region_lines(pack, region)}"


def crisis_panel(pack: Pack, reasons: tuple[Reason, ...] = (), in_fragment: bool = False) -> None:
    """The full crisis panel: shown at once on a worrying safety answer, and on every later page.

    The numbers to tap come first, right under the heading and the place they are for;
    why the panel is here and what else to know follow. Drawn in a fragment (the safety
    question's), a place picked reruns the whole page: the danger line at its top said
    "Call 911" beside the UK's lines (a red-team review).
    """
    topic = pack.topic("crisis")
    state.note_crisis_shown()
    if state.take_region_moved() and in_fragment:
        st.rerun(scope="app")
    with st.container(border=True, key=state.widget_key("box", "crisis_panel")):
        st.header(f":material/support: {topic.title}", anchor="crisis")
        ids = tuple(r.id for r in pack.crisis.regions)
        state.show_region(chosen_region(pack).id)
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
        if state.take_region_to_say():  # the picker names the place; its numbers go unheard
            say(region_line(pack, region, strong=""))
        if not region.lines:  # the words below speak of "the free crisis lines"
            st.markdown(pack.ui.crisis_no_lines)
        for reason in reasons:
            st.caption(because(pack, reason))
        st.markdown(topic.body)
        st.markdown(pack.crisis.intro)
        st.markdown(pack.crisis.on_screen)
        with st.expander(f"{pack.ui.sources_label} ({len(region.references)})"):
            st.markdown("\n".join(f"- {citation(pack, ref)}" for ref in region.references))


def typed_help(pack: Pack) -> None:
    """The crisis lines beside words typed about suicide or self-harm: the place's lines to
    tap and every other place's folded. No widget, so it can show beside any box, and on a
    screen whose crisis panel has the place picker."""
    region = chosen_region(pack)
    state.note_crisis_shown()
    with st.container(border=True):
        st.markdown(f"**:material/support: {pack.topic('crisis').title}**")
        st.caption(pack.ui.typed_crisis_reason)
        st.markdown(region_block(pack, region))
        if not region.lines:
            st.markdown(pack.ui.crisis_no_lines)
        with st.expander(pack.ui.danger_expander):
            st.markdown(all_lines(pack, leaving_out=region))


def region_lines(pack: Pack, region: CrisisRegion) -> str:
    """One row per number: what it is in words, then the links that call or text it."""
    emergency = " ".join(_call(pack, number) for number in region.emergency_call)
    rows = [f"- {pack.ui.emergency_label} **{region.emergency}**" + (f"  \n{emergency}" if emergency else "")]
    for line in region.lines:
        hours = f" ({line.hours})" if line.hours else ""
        # A hyphen inside a number or a word does not break: "442-" / "AYUDAME" on a phone.
        contact = _UNBROKEN_HYPHEN.sub("\u2011", line.contact)
        rows.append(f"- {line.name}: **{contact}**{hours}  \n{line_links(pack, line)}")
    return "\n".join(rows)


_UNBROKEN_HYPHEN = re.compile(r"(?<=\w)-(?=\w)")


def line_links(pack: Pack, line: CrisisLine) -> str:
    links = [_call(pack, line.call)] if line.call else []
    if line.text:
        links.append(_text(pack, line.text, line.text_body))
    return " ".join(links)


def tel_address(number: str) -> str:
    return "tel:" + number.replace(" ", "")


def sms_address(number: str, body: str = "") -> str:
    # "?&body=" is read by both Android ("?body=") and iOS ("&body=") messaging apps.
    return "sms:" + number.replace(" ", "") + (f"?&body={body}" if body else "")


def _call(pack: Pack, number: str) -> str:
    return f"[{pack.ui.call_link.format(number=number)}]({tel_address(number)})"


def _text(pack: Pack, number: str, body: str) -> str:
    if body:
        label = pack.ui.text_body_link.format(body=body, number=number)
    else:
        label = pack.ui.text_link.format(number=number)
    return f"[{label}]({sms_address(number, body)})"


def chosen_region(pack: Pack) -> CrisisRegion:
    """The place chosen in the crisis panel, else the browser's (a browser set to Spain or the
    UK was told to call 911). Every language lists the same places, so a place picked stays
    picked on a switch of language; one this pack does not list gives the browser's."""
    here = _browser_region(pack)
    chosen = state.region(here.id)
    return pack.crisis.region(chosen) if any(r.id == chosen for r in pack.crisis.regions) else here


def _browser_region(pack: Pack) -> CrisisRegion:
    """The browser's country's place; for a language with no country ("es"), the place its
    language's pack opens at, in whichever language the aid is read ("es" in English was
    told to call 911; a red-team review)."""
    country = browser_country()
    if country is None:
        language = (st.context.locale or "").replace("_", "-").split("-")[0].lower()
        if language in _languages():
            wanted = load_pack(language).crisis.no_country_region
            if wanted is not None and any(r.id == wanted for r in pack.crisis.regions):
                return pack.crisis.region(wanted)
    return pack.crisis.region_for_country(country)


@functools.cache  # listing the packs reads the content folder: once per process
def _languages() -> frozenset[str]:
    return frozenset(locales())


def browser_country() -> str | None:
    """The country the browser's language names. Read from the page's request each run;
    never kept."""
    return country_of(st.context.locale)


def country_of(locale: str | None) -> str | None:
    """ "GB" in "en-GB", "TW" in "zh-Hant-TW"; a region by its number ("419", Latin America),
    which no crisis place lists; None for a language alone ("en")."""
    for part in (locale or "").replace("_", "-").split("-")[1:]:
        if len(part) == 2 and part.isalpha():
            return part.upper()
        if len(part) == 3 and part.isdigit():
            return part
    return None

"""Parts that several screens share: a row of buttons, the start of a screen that needs
answers, the version line and the clear-everything controls."""

from __future__ import annotations

import functools
import json
import re

import streamlit as st

from decision_aid import safety
from decision_aid.answers import Answers
from decision_aid.exports.markdown import escape, on_screen
from decision_aid.schema import Pack
from decision_aid.ui import state

ID = re.compile(r"[a-z0-9_]+")  # content ids; nothing else goes into the script


def named(label: str, what: str) -> str:
    """A button label for one of many buttons with the same words ("Change", "Load this
    case"): it shows only the label, and a screen reader hears "label (what)". The italic
    part is hidden from sight by READABLE_CSS (frame.py), by the button's key. ``what`` is
    shown as typed, as the summary shows a person's words (exports.markdown). (Markdown
    reads "*" after a letter and before a colon as a plain star, so no colon.)"""
    return f"{label} *({on_screen(escape(what))})*"


def buttons_row():
    """Buttons side by side (wrapping on a phone): one layout element, where columns
    take three, and Streamlit sends each element as its own message."""
    return st.container(horizontal=True)


def to_first_step() -> None:
    state.go_to_step(0)
    state.go_to_page("questions")


def start_answered(pack: Pack, title: str) -> Answers | None:
    """Start a screen that needs the safety question answered. Before that there is nothing
    to show but the way there, and None is returned."""
    st.title(title)
    answers = state.answers()
    if not answers.values:
        nothing_here(pack)
        return None
    if answers.get(safety.SAFETY_QUESTION) is None:
        not_ready(pack)
        return None
    return answers


def not_ready(pack: Pack) -> None:
    st.info(pack.ui.results_not_ready)
    st.button(pack.ui.go_to_questions, type="primary", on_click=to_first_step)


def nothing_here(pack: Pack) -> None:
    """A later screen with no answers at all: a reload, a new tab, or Back after a reset.
    Said plainly, as answers that vanish without a word look like a fault (a review)."""
    st.info(pack.ui.answers_gone, icon=":material/info:")
    st.button(pack.ui.go_to_questions, type="primary", on_click=to_first_step)


def version_line(pack: Pack) -> str:
    info = pack.info
    return pack.ui.version_line.format(version=info.version, reviewed=pack.ui.date(info.last_reviewed))


def _clear_and_start_again() -> None:
    state.clear_everything()
    state.go_to_page("welcome")


def clear_controls(pack: Pack) -> None:
    """One button that wipes the whole session, after a confirmation."""
    if not state.confirming_clear():
        st.button(
            pack.ui.clear_button,
            key=state.widget_key("nav", "clear"),
            icon=":material/delete:",
            on_click=_confirm_clear,
            args=(True,),
        )
        return
    st.warning(pack.ui.clear_confirm)
    row = buttons_row()
    row.button(
        pack.ui.clear_yes,
        type="primary",
        key=state.widget_key("nav", "clear_yes"),
        on_click=_clear_and_start_again,
    )
    row.button(
        pack.ui.clear_cancel,
        key=state.widget_key("nav", "clear_cancel"),
        on_click=_confirm_clear,
        args=(False,),
    )


def _confirm_clear(asking: bool) -> None:
    """The question and its buttons, or back to the one button. The keyboard goes to Cancel,
    so a second Enter keeps the answers, and back to "Clear my answers" after it: the button
    pressed is gone each time, and focus fell to the page's start (a keyboard review)."""
    state.set_confirm_clear(asking)
    state.focus_control(state.widget_key("nav", "clear_cancel" if asking else "clear"))


# Streamlit keeps the scroll position of its main container when the screen changes. This
# script, drawn in every full run, puts the new screen's top in view. Streamlit runs it again
# on every full run, also one that only redraws the screen the person is on ("Clear my
# answers", an option picked to compare: an acceptance review saw both jump to the top). So
# the script names the screen, the step and the count of moves, which differ on every screen
# change (Next, Back, Reset, a link, the browser's Back), and acts only when that differs from
# the last one it acted on. No request leaves the page.
_ONCE = """const main = document.querySelector('[data-testid="stMain"]');
  if (!main || main.dataset.landed === '{marker}') return;
  const before = main.dataset.landed;
  main.dataset.landed = '{marker}';"""
# After a move, the keyboard's place goes to the new screen's heading too, as a screen reader
# expects of a new page: the button pressed was redrawn or gone, so focus fell to the page's
# start, or stayed on a Next at the bottom of a screen that is no longer there (a review).
# Not on the first screen of a visit (none landed before it on this page), where the page's
# start, with its danger line, is where a reader expects to be.
_TO_TOP = """<script>
(() => {{
  {once}
  main.scrollTo(0, 0);
  window.scrollTo(0, 0);
  const heading = before && main.querySelector('h1');
  if (heading) {{
    heading.setAttribute('tabindex', '-1');
    heading.focus({{preventScroll: true}});
  }}
}})();
</script>"""


# Set up once a page, for whatever Streamlit draws later (a keyboard review, then a re-check):
# - Streamlit names each icon in the text for a screen reader ("support icon Help is
#   available right now"), in English on a Spanish page too. Each sits beside the words it
#   stands for, so it is hidden from assistive technology.
# - Each heading's own link, shown only under a mouse, leaves the Tab order (9 stops on
#   "What applies to you") and is not read out after every heading.
# - The language switch is marked with its own language, for a screen reader's voice.
# - A choose-all question's checkboxes are a group named by its heading, as its radio
#   buttons are: a box said only "Needles, checkbox".
# - The sidebar opened from the keyboard takes the keyboard to its first control (it stayed
#   at the page's start). On a phone, where it covers the screen, Escape closes it, and so
#   do a link in it and the keyboard leaving it (the next Tab went on under it, unseen); on
#   a laptop Escape closes it from within. Closed by a person, the keyboard goes back to
#   the button that opens it.
# - After a download, the keyboard goes back to its button.
_ONCE_A_PAGE = """<script>
(() => {
  if (window.aidSetUp) return;
  window.aidSetUp = true;
  let queued = false;
  // what follows a widget key's prefix in an element's class: "es" of st-key-nav-lang_es
  const keyed = (element, prefix) =>
    [...element.classList].find(c => c.startsWith(prefix)).replace(prefix, '');
  // Streamlit's own words, in English whatever the page's language: each text or name is
  // put in the page's language (window.aidWords, set by every full run), and back in English
  // after a switch. What Streamlit last wrote is kept, so a word it rewrites is read again.
  const STREAMLIT_NAMES = [
    '[data-testid="stExpandSidebarButton"]', '[data-testid="stExpandSidebarButton"] button',
    '[data-testid="stSidebarCollapseButton"] button', 'section[data-testid="stSidebar"]',
    '[data-testid="stHeaderActionElements"] a', '[role="dialog"] > button',
    '[data-testid="stFileUploaderDropzoneInput"]', '[data-testid="stCameraInputSwitchButton"] button',
    '[data-testid="stSelectbox"] button[aria-haspopup="listbox"]',
  ].join(', ');
  const STREAMLIT_TEXT = '[data-testid="stSkipToContent"], [data-testid="stFileUploaderDropzone"] button,'
    + ' [data-testid="stCameraInput"]';
  const ICON_OR_LABEL = '[data-testid="stIconMaterial"], [data-testid="stWidgetLabel"]';
  const english = new WeakMap(), shown = new WeakMap();
  const translate = (node, attribute) => {
    const now = attribute ? node.getAttribute(attribute) : node.nodeValue;
    if (shown.get(node) !== now) english.set(node, now);  // Streamlit wrote it
    const words = window.aidWords || {}, original = english.get(node), core = original.trim();
    const said = core in words ? original.replace(core, words[core]) : original;
    if (said !== now) {
      if (attribute) node.setAttribute(attribute, said); else node.nodeValue = said;
    }
    shown.set(node, said);
  };
  const mark = () => {
    queued = false;
    for (const icon of document.querySelectorAll('span[role="img"][aria-label$=" icon"]')) {
      icon.removeAttribute('role');
      icon.removeAttribute('aria-label');
      icon.setAttribute('aria-hidden', 'true');
    }
    const links = '[data-testid="stHeaderActionElements"] a:not([tabindex])';
    for (const link of document.querySelectorAll(links)) {  // a mouse's copy-link, not read out
      link.tabIndex = -1;
      link.setAttribute('aria-hidden', 'true');
    }
    for (const box of document.querySelectorAll('[class*="st-key-nav-lang_"]')) {  // WCAG 3.1.2
      box.querySelector('button:not([lang])')?.setAttribute('lang', keyed(box, 'st-key-nav-lang_'));
    }
    // Every group, every time: Streamlit may draw a question's heading anew, without the id
    // its group is named by (a group was left unnamed in one CI run).
    for (const group of document.querySelectorAll('[class*="st-key-box-choices_"]')) {
      const heading = group.closest('[class*="st-key-box-question_"]')?.querySelector('h2');
      if (!heading) continue;
      heading.id ||= 'question-' + keyed(group, 'st-key-box-choices_');
      if (group.getAttribute('aria-labelledby') === heading.id) continue;
      group.setAttribute('role', 'group');
      group.setAttribute('aria-labelledby', heading.id);
    }
    for (const bar of document.querySelectorAll('[data-testid="stProgress"]')) {  // not "progress"
      const step = bar.querySelector('p')?.innerText.trim();
      const meter = bar.querySelector('[role="progressbar"]');
      if (step && meter && meter.getAttribute('aria-label') !== step) meter.setAttribute('aria-label', step);
    }
    for (const place of document.querySelectorAll(STREAMLIT_NAMES)) {
      if (place.hasAttribute('aria-label')) translate(place, 'aria-label');
    }
    for (const place of document.querySelectorAll(STREAMLIT_TEXT)) {
      const texts = document.createTreeWalker(place, NodeFilter.SHOW_TEXT);
      while (texts.nextNode()) {
        if (!texts.currentNode.parentElement.closest(ICON_OR_LABEL)) translate(texts.currentNode);
      }
    }
  };
  mark();
  window.aidMark = mark;
  const sidebar = '[data-testid="stSidebar"]';
  const controls = '[data-testid="stSidebarUserContent"] :is(a[href], button, summary)';
  document.addEventListener('click', event => {
    if (!event.target.closest('[data-testid="stExpandSidebarButton"]')) return;
    let tries = 0;
    const goIn = () => {
      const first = document.querySelector(sidebar + '[data-collapsed="false"] ' + controls);
      if (!first) { if (++tries < 20) setTimeout(goIn, 50); return; }
      first.focus();
    };
    goIn();
  }, true);
  const phoneSidebarOpen = () =>
    window.innerWidth < 768 && document.querySelector(sidebar + '[data-collapsed="false"]');
  const close = () => document.querySelector('[data-testid="stSidebarCollapseButton"] button')?.click();
  const backToOpener = (tries = 0) => setTimeout(() => {
    const opener = document.querySelector('[data-testid="stExpandSidebarButton"]');
    if (opener) opener.focus(); else if (tries < 20) backToOpener(tries + 1);
  }, 50);
  // Escape closes it: on a phone from anywhere (it covers the screen), on a laptop from within
  // it, where a keyboard review found no way out.
  const keyboardInSidebar = () =>
    document.querySelector(sidebar + '[data-collapsed="false"]')?.contains(document.activeElement);
  document.addEventListener('keydown', event => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    if (!phoneSidebarOpen() && !keyboardInSidebar()) return;
    close();
    backToOpener();
  });
  // Closed by a person with its button too: the keyboard fell to the page's start. (Not when
  // the aid closes it on a move to another screen: the keyboard goes to that screen's heading.)
  document.addEventListener('click', event => {
    if (event.isTrusted && event.target.closest('[data-testid="stSidebarCollapseButton"]')) backToOpener();
  }, true);
  document.addEventListener('click', event => {
    if (phoneSidebarOpen() && event.target.closest(sidebar + ' a[href]')) close();
  }, true);
  document.addEventListener('focusin', event => {
    if (!phoneSidebarOpen() || event.target.closest(sidebar)) return;
    if (event.target.closest('[data-testid="stExpandSidebarButton"]')) return;
    close();
  });
  // A download button is disabled while Streamlit makes its file (only when asked for), and a
  // disabled button loses the keyboard to the page's start (a keyboard review): once the
  // button works again, the keyboard goes back to it, unless the person has moved on.
  document.addEventListener('click', event => {
    const holder = event.target.closest('[data-testid="stDownloadButton"]');
    if (!holder) return;
    let tries = 0;
    const back = () => {
      const button = holder.isConnected && holder.querySelector('button');
      if (!button) return;
      if (button.disabled) { if (++tries < 200) setTimeout(back, 50); return; }
      if (!document.activeElement || document.activeElement === document.body) button.focus();
    };
    setTimeout(back, 50);
  }, true);
  new MutationObserver(() => {
    if (!queued) { queued = true; requestAnimationFrame(mark); }
  }).observe(document.body, {childList: true, subtree: true, characterData: true});
})();
</script>"""


# Change on Check your answers opens the step at its question, with the answer given
# focused (else its first), so a keyboard or screen-reader user is where they meant to be
# too. On the first answer, unticked, a listener heard their answer as lost, and one Space
# changed it (a keyboard review).
_TO_QUESTION = """<script>
(() => {{
  const box = document.querySelector('.st-key-box-question_{question}');
  if (!box) return;
  {once}
  box.scrollIntoView({{block: 'start'}});
  const answer = box.querySelector('input[type=radio]:checked') || box.querySelector('input');
  if (answer) answer.focus({{preventScroll: true}});
}})();
</script>"""


# The crisis panel comes right under the safety question, below the fold on a laptop: when
# an answer first brings it, its top and the first numbers to call are scrolled into view
# (CSS keeps its heading clear of Streamlit's top bar: scroll-margin-top in frame.py).
# A screen reader is told at once too (say, below): the panel appeared in silence, the
# keyboard still on the answer (a keyboard review). An answer chosen with the arrow keys
# stays in view instead, with the panel below it: scrolled away, the next arrow key changed
# the answer unseen (a second keyboard review).
_TO_CRISIS = """
  const panel = document.querySelector('.st-key-box-crisis_panel');
  const active = document.activeElement;
  const answers = active?.matches(':focus-visible') && active.type === 'radio'
    && active.closest('[role="radiogroup"]');
  const main = document.querySelector('[data-testid="stMain"]');
  if (answers && main) {
    const top = document.querySelector('[data-testid="stHeader"]')?.getBoundingClientRect().bottom || 0;
    main.scrollBy(0, answers.getBoundingClientRect().top - top - 8);
  } else if (panel) panel.scrollIntoView({block: 'start'});"""

# Words a screen reader hears without the keyboard moving, in a region out of sight. The region
# is made first and filled a moment later, as screen readers announce a change to a region,
# not a new one: Streamlit's own status boxes (the quiz's feedback) arrive full. Then it is
# emptied: a screen reader reading to the page's end met the crisis words on every later
# screen, their number the old place's, in the old language (a re-check).
_SAY = """<script>
(() => {{{first}
  let live = document.getElementById('{region}');
  if (!live) {{
    live = document.createElement('div');
    live.id = '{region}';
    live.setAttribute('role', '{role}');
    live.style.cssText = 'position:absolute;width:1px;height:1px;overflow:hidden;'
      + 'clip-path:inset(50%);white-space:nowrap';
    document.body.appendChild(live);
  }}
  live.textContent = '';
  window.aidSaidEnd = window.aidSaidEnd || {{}};
  clearTimeout(window.aidSaidEnd['{region}']);
  setTimeout(() => {{ live.textContent = {words}; }}, 150);
  window.aidSaidEnd['{region}'] = setTimeout(() => {{ live.textContent = ''; }}, 8000);
}})();
</script>"""


def _say(words: str, region: str, role: str, first: str = "") -> None:
    said = json.dumps(words).replace("<", "\\u003c")  # a string in the script, never markup
    script = _SAY.format(words=said, region=region, role=role, first=first)
    st.html(script, unsafe_allow_javascript=True)


def say(words: str) -> None:
    """Tell a screen reader ``words`` politely, once: drawn only in the run that has them."""
    _say(words, "aid-said", "status")


# A control that replaced the one clicked (Remove gives way to Undo, Undo to Remove): the
# browser's focus fell back to the page's start, and a screen reader with it (a review).
_TO_CONTROL = """<script>
(() => {{
  let tries = 0;
  const go = () => {{
    const control = document.querySelector('.st-key-{css} button');
    if (!control) {{ if (++tries < 20) setTimeout(go, 50); return; }}
    control.focus();
  }};
  go();
}})();
</script>"""
KEY = re.compile(r"[a-z]+:[a-z0-9_]+")  # the keys focus() takes: nothing else goes into the script


def focus(key: str) -> None:
    """Move the keyboard's place to the button with this widget key, drawn in this run."""
    if KEY.fullmatch(key):
        st.html(_TO_CONTROL.format(css=key.replace(":", "-")), unsafe_allow_javascript=True)


def move_focus() -> None:
    """The control a click asked for (state.focus_control), if any: at the end of every full
    run, and in a fragment whose buttons ask for one."""
    key = state.take_focus_control()
    if key is not None:
        focus(key)


def scroll_to_crisis_panel(words: str) -> None:
    """Bring the crisis panel into view, and say ``words`` to a screen reader at once."""
    _say(words, "crisis-said", "alert", first=_TO_CRISIS)


# Streamlit's English words and the page's language's words for them, for _ONCE_A_PAGE;
# set on every full run, so a switch of language brings the other words at once.
_WORDS = """<script>window.aidWords = {words}; window.aidMark?.();</script>"""


@functools.cache  # the same for every run in a language
def _streamlit_words(locale: str) -> str:
    english = state.pack(state.LOCALES[0]).ui.streamlit.model_dump()
    here = state.pack(locale).ui.streamlit.model_dump()
    words = {english[name]: here[name] for name in english if here[name] != english[name]}
    return _WORDS.format(words=json.dumps(words, ensure_ascii=False).replace("<", "\\u003c"))


def scroll_to_top(screen: str, pack: Pack) -> None:
    marker = f"{screen}:{state.step()}:{state.moves()}"
    question = state.take_focus() if screen == "questions" else None
    once = _ONCE.format(marker=marker)
    if question is not None and ID.fullmatch(question):
        script = _TO_QUESTION.format(once=once, question=question)
    else:
        script = _TO_TOP.format(once=once)
    st.html(_streamlit_words(pack.info.locale) + _ONCE_A_PAGE + script, unsafe_allow_javascript=True)
